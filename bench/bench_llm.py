"""Benchmarks of the LLM core: ReDial recall, ranking latency, explanation speed and truthfulness.

Usage (from the repository root, ``PYTHONPATH=.``)::

    # Recall@1/10/50 on a fixed sample of ReDial validation turns: retrieval alone, zero-shot
    # LLM re-ranking of the top 20, and LoRA re-ranking (adapter trained on parts a+b only).
    python bench/bench_llm.py recall --index-dir out/redial-index --adapter out/adapter-ab \
        --n 300 --seed 0 --json out/bench_recall.json

    # p50 latency of ranking 20 candidates, time to the first streamed explanation token.
    python bench/bench_llm.py latency --index-dir out/redial-index

    # How often an LLM reason is replaced because it contradicts the item's data.
    python bench/bench_llm.py explain --catalog /work/shared/data/fashion/products.csv --n 50

Every command prints a JSON summary. ``--threads 1`` is faster when the machine is busy.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from chatrec.catalog import Item, load_catalog
from chatrec.conversations import context_query
from chatrec.explain import KnownValues, LLMExplainer, TemplateExplainer
from chatrec.llm import LLM
from chatrec.ranking import LLMRanker, RankingContext, combine_scores
from chatrec.settings import Settings

WEIGHTS = (0.0, 0.25, 0.5, 0.75, 1.0)
VALID = Path("/work/shared/data/redial/valid_rec_turns.jsonl")


def _settings(args: argparse.Namespace, adapter: str | None) -> Settings:
    return Settings(_env_file=None, index_dir=args.index_dir, adapter=adapter or "none")


def _turns(context: list[str]) -> list[tuple[str, str]]:
    """Roles from the end: the last utterance before a recommendation is the customer's."""
    utterances = [u for u in context if u.strip()]
    roles = ["customer" if (len(utterances) - 1 - i) % 2 == 0 else "assistant" for i in range(len(utterances))]
    return list(zip(roles, utterances, strict=True))


def _recall(ranked_ids: list[list[str]], targets: list[list[str]], k: int) -> float:
    hits = [t in ids[:k] for ids, ts in zip(ranked_ids, targets, strict=True) for t in ts]
    return sum(hits) / len(hits) if hits else float("nan")


def recall(args: argparse.Namespace) -> dict[str, Any]:
    """Recall@1/10/50 of retrieval, zero-shot and LoRA re-ranking on sampled valid turns."""
    from chatrec.retrieval import Query, Retriever

    settings = _settings(args, None)
    retriever = Retriever.open(settings)
    by_title: dict[str, str] = {}
    for item in retriever.index.items:
        by_title.setdefault(item.title.strip().lower(), item.id)
    rows = [json.loads(line) for line in VALID.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = random.Random(args.seed).sample(rows, min(args.n, len(rows)))
    cases = []
    unknown_targets = 0
    for row in rows:
        targets = [by_title.get(t.strip().lower()) for t in row["rec"]]
        unknown_targets += sum(t is None for t in targets)
        targets = [t for t in targets if t]
        if not targets:
            continue
        mentioned = [by_title[e.strip().lower()] for e in row.get("entity", []) if e.strip().lower() in by_title]
        cases.append((_turns(row["context"]), targets, mentioned))
    turns_list = [c[0] for c in cases]
    vectors = retriever.embedder.encode_queries([context_query(t) for t in turns_list])
    retrieved: list[list[Any]] = []
    for (turns, _, mentioned), vector in zip(cases, vectors, strict=True):
        retrieved.append(retriever.search(Query(context_query(turns), exclude_ids=tuple(mentioned), vector=vector), 50))
    targets = [c[1] for c in cases]
    report: dict[str, Any] = {
        "turns_sampled": len(rows), "turns_scored": len(cases), "targets": sum(len(t) for t in targets),
        "targets_not_in_catalogue": unknown_targets, "seed": args.seed, "rerank_depth": args.depth,
        "targets_in_rerank_depth": _recall([[c.item.id for c in r] for r in retrieved], targets, args.depth),
    }
    base_ids = [[c.item.id for c in r] for r in retrieved]
    report["retrieval"] = {f"R@{k}": round(_recall(base_ids, targets, k), 4) for k in (1, 10, 50)}
    for name, adapter in (("zero_shot", None), ("lora", args.adapter)):
        if name == "lora" and not adapter:
            continue
        llm = LLM.from_settings(_settings(args, adapter))
        ranker = LLMRanker(llm)
        started = time.perf_counter()
        logprobs = []
        for (turns, _, _), found in zip(cases, retrieved, strict=True):
            head = found[: args.depth]
            logprobs.append(ranker.label_logprobs(RankingContext(turns=turns), [c.item for c in head]))
        seconds = time.perf_counter() - started
        results: dict[str, Any] = {"seconds_per_turn": round(seconds / max(1, len(cases)), 3)}
        for weight in WEIGHTS:
            ranked_ids = []
            for found, lp in zip(retrieved, logprobs, strict=True):
                head = found[: len(lp)]
                order = np.argsort(-combine_scores(lp, weight), kind="stable")
                ranked_ids.append([head[i].item.id for i in order] + [c.item.id for c in found[len(lp):]])
            results[f"w={weight}"] = {f"R@{k}": round(_recall(ranked_ids, targets, k), 4) for k in (1, 10, 50)}
        report[name] = results
        print(json.dumps({name: results}), file=sys.stderr, flush=True)
    return report


def latency(args: argparse.Namespace) -> dict[str, Any]:
    """p50/p90 of ranking 20 candidates and time to the first streamed explanation chunk."""
    from chatrec.retrieval import Retriever

    settings = _settings(args, args.adapter)
    retriever = Retriever.open(settings)
    llm = LLM.from_settings(settings)
    started = time.perf_counter()
    _ = llm.model
    load = time.perf_counter() - started
    ranker, explainer = LLMRanker(llm), LLMExplainer(llm, vocabulary=KnownValues.from_items(retriever.index.items))
    queries = ["I love scary movies like The Shining (1980), any suggestions?",
               "Something funny for a family night with kids", "a sci-fi film with space battles",
               "I liked Titanic (1997), looking for a romantic drama", "a crime thriller with a heist"]
    rank_times, first_chunk, total = [], [], []
    for i in range(args.repeats):
        query = queries[i % len(queries)]
        context = RankingContext(turns=[("customer", query)])
        candidates = retriever.search(query, 20)
        t0 = time.perf_counter()
        ranked = ranker.rank(context, candidates)
        rank_times.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        first = None
        for part in explainer.stream(context, ranked[0].candidate.item):
            # The fixed answer prefix comes at once: time the first chunk the model generated.
            if first is None and isinstance(part, str) and part != explainer.answer_prefix:
                first = time.perf_counter() - t0
        first_chunk.append(first or 0.0)
        total.append(time.perf_counter() - t0)
    return {
        "model_load_seconds": round(load, 2),
        "rank20_p50": round(statistics.median(rank_times[1:] or rank_times), 3),
        "rank20_p90": round(float(np.percentile(rank_times[1:] or rank_times, 90)), 3),
        "explain_first_chunk_p50": round(statistics.median(first_chunk[1:] or first_chunk), 3),
        "explain_total_p50": round(statistics.median(total[1:] or total), 3),
        "repeats": args.repeats, "dtype": settings.llm_dtype, "adapter": args.adapter,
    }


OPENINGS = (
    "I'm looking for {article} for {gender}.",
    "Do you have something in {colour}?",
    "I need an outfit for a {usage} occasion, nothing too expensive.",
    "Show me your best {article}, ideally red.",
)


def explain(args: argparse.Namespace) -> dict[str, Any]:
    """Share of LLM reasons replaced for contradicting the item's data, on sampled items."""
    settings = _settings(args, args.adapter)
    items = load_catalog(args.catalog).items
    vocabulary = KnownValues.from_items(items)
    sample: list[Item] = random.Random(args.seed).sample(items, args.n)
    explainer = LLMExplainer(LLM.from_settings(settings), vocabulary=vocabulary)
    template = TemplateExplainer()
    replaced, total, examples = 0, 0, []
    replacements: list[dict[str, Any]] = []
    problems: dict[str, int] = {}
    started = time.perf_counter()
    for i, item in enumerate(sample):
        attrs = item.attributes
        opening = OPENINGS[i % len(OPENINGS)].format(
            article=str(attrs.get("articleType", "clothes")).lower(), gender=str(attrs.get("gender", "me")).lower(),
            colour=str(attrs.get("baseColour", "blue")).lower(), usage=str(attrs.get("usage", "casual")).lower(),
        )
        context = RankingContext(turns=[("customer", opening)])
        raw = "".join(p for p in explainer.stream(context, item) if isinstance(p, str))
        result = explainer.check(context, item, raw)
        total += 1
        if result.fallback:
            replaced += 1
            replacements.append({"item": item.title, "llm": raw.strip(), "problems": list(result.problems)})
            for problem in result.problems:
                kind = problem.split(" ")[1] if " " in problem else problem
                problems[kind] = problems.get(kind, 0) + 1
        if len(examples) < args.show:
            examples.append({"item": item.title, "opening": opening, "llm": raw.strip(),
                             "kept": not result.fallback, "problems": list(result.problems),
                             "template": template.explain(context, item).text})
    # The template reasons themselves must always pass the check.
    template_failures = sum(
        1 for item in sample
        if explainer.check(RankingContext(turns=[]), item, template.explain(RankingContext(turns=[]), item).text).fallback
    )
    return {
        "items": total, "replaced": replaced, "replaced_share": round(replaced / max(1, total), 3),
        "problem_kinds": problems, "template_reasons_failing_check": template_failures,
        "seconds_per_item": round((time.perf_counter() - started) / max(1, total), 2),
        "adapter": args.adapter, "replacements": replacements, "examples": examples,
    }


def main() -> None:
    """Parse the command line and print the chosen benchmark's JSON summary."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["recall", "latency", "explain"])
    parser.add_argument("--index-dir", default="out/redial-index")
    parser.add_argument("--adapter", default=None, help="Adapter folder (LoRA run / latency / explain).")
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--depth", type=int, default=20, help="Candidates re-ranked by the LLM.")
    parser.add_argument("--repeats", type=int, default=12)
    parser.add_argument("--show", type=int, default=6)
    parser.add_argument("--catalog", default="/work/shared/data/fashion/products.csv")
    parser.add_argument("--threads", type=int, default=0)
    parser.add_argument("--json", default=None, help="Also write the summary to this file.")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    if args.threads:
        import torch

        torch.set_num_threads(args.threads)
    result = {"recall": recall, "latency": latency, "explain": explain}[args.command](args)
    text = json.dumps(result, indent=2, ensure_ascii=False)
    print(text)
    if args.json:
        Path(args.json).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
