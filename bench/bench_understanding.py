"""What understanding adds to a turn, beside one 600-token forward pass of the LLM in the same run.

Times, on the turns of an evaluation set:

- the rules of ``chatrec.understanding`` (every turn);
- the LLM understander (``chatrec.llm_understanding``: SmolLM2-135M with the shipped
  understanding adapter, decoding constrained by xgrammar, the fixed prompt prefix's KV
  cache reused) on every turn (``llm-always``), and as shipped with ``understander=llm``
  (the LLM only where the rules are unsure: the time added per turn, zero elsewhere);
- one 600-token forward pass of the same model;

and prints the medians and their ratio to the forward pass.

    OMP_NUM_THREADS=1 nice -n 10 python bench/bench_understanding.py [--turns 60] [--set FILE]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from chatrec.catalog import load_catalog  # noqa: E402
from chatrec.demo import demo_catalog  # noqa: E402
from chatrec.eval.understanding import load_turns, rules_reader  # noqa: E402
from chatrec.settings import Settings  # noqa: E402


def _p(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * q))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=60, help="Turns timed with the LLM (spread over the set).")
    parser.add_argument("--ablation-turns", type=int, default=15, help="Turns timed without prefix cache / jump-forward.")
    parser.add_argument("--set", type=Path, default=None, help="Evaluation set (default: the main one).")
    args = parser.parse_args()

    import torch

    torch.set_num_threads(1)
    turns = load_turns(args.set)
    items = {name: load_catalog(demo_catalog(name).catalog, demo_catalog(name).mapping).items
             for name in ("fashion", "electronics")}
    read = rules_reader(items)
    for turn in turns[:20]:
        read(turn)  # warm the caches (word lists, lexicon)
    rules_seconds = []
    for turn in turns:
        started = time.perf_counter()
        read(turn)
        rules_seconds.append(time.perf_counter() - started)

    from chatrec.eval.understanding import llm_reader
    from chatrec.llm import LLM
    from chatrec.llm_understanding import (
        LLMUnderstandingError, rules_unsure, understander_for_catalogue, understanding_settings,
    )
    from chatrec.understanding import TurnContext, Vocabulary, understand

    llm = LLM(understanding_settings(Settings(_env_file=None)))
    readers: dict[str, object] = {}

    def make(name: str, vocabulary: object) -> object:
        reader = understander_for_catalogue(llm, vocabulary, items[name], adapter=True)  # type: ignore[arg-type]
        readers[name] = reader
        return reader

    read_llm = llm_reader(items, make)
    sample = turns[:: max(1, len(turns) // args.turns)][: args.turns]
    read_llm(sample[0])  # load the model, compile the grammars, cache the prompt prefixes
    for reader in readers.values():
        reader._prepare()  # type: ignore[attr-defined]
    always, added = [], []
    matchers = {name: Vocabulary.from_items(list(v)) for name, v in items.items()}
    for turn in sample:
        started = time.perf_counter()
        read_llm(turn)
        spent = time.perf_counter() - started
        always.append(spent)
        index = {item.id: item for item in items[turn.catalog]}
        context = TurnContext(pending=turn.pending, shown=[index[i] for i in turn.shown],
                              searching=bool(turn.current or turn.shown), current=turn.current)
        unsure = rules_unsure(understand(turn.message, matchers[turn.catalog], context))
        added.append(spent if unsure else 0.0)

    # Ablations on the first turns: the whole prompt on every turn, one token per step.
    ablations: dict[str, list[float]] = {}
    for label, options in (("no prefix cache", {"prefix_cache": False}), ("no jump-forward", {"jump_forward": False})):
        spent_list = ablations.setdefault(label, [])
        from chatrec.llm_understanding import turn_text

        variants = {name: understander_for_catalogue(llm, r.fields, items[name], adapter=True, **options)  # type: ignore[attr-defined]
                    for name, r in readers.items()}
        for turn in sample[: args.ablation_turns]:
            reader = variants[turn.catalog]
            index = {item.id: item for item in items[turn.catalog]}
            text = turn_text(reader.library, turn.message, [index[i] for i in turn.shown], turn.current, turn.pending)
            started = time.perf_counter()
            try:
                reader.generate(text)
            except LLMUnderstandingError as exc:  # a cut line still took its time
                print(f"  ({label}: {exc})")
            spent_list.append(time.perf_counter() - started)
    same: list[float] = always[: args.ablation_turns]

    model = llm.model
    ids = torch.randint(100, 30000, (1, 600))
    passes = []
    with torch.inference_mode():
        model(ids)  # warm-up
        for _ in range(3):
            started = time.perf_counter()
            model(ids)
            passes.append(time.perf_counter() - started)
    forward = statistics.median(passes)
    rules = statistics.median(rules_seconds)
    print(f"understanding (rules), {len(turns)} turns: p50 {rules * 1000:.2f} ms, "
          f"p95 {_p(rules_seconds, 0.95) * 1000:.2f} ms")
    print(f"LLM understander on every turn (llm-always), {len(sample)} turns: p50 {statistics.median(always):.3f} s, "
          f"p95 {_p(always, 0.95):.3f} s")
    asked = sum(1 for a in added if a > 0)
    print(f"added by understander=llm (LLM only where the rules are unsure: {asked} of {len(sample)} turns): "
          f"p50 {statistics.median(added):.3f} s, p95 {_p(added, 0.95):.3f} s")
    for label, values in ablations.items():
        print(f"ablation on the first {len(values)} turns, {label}: p50 {statistics.median(values):.3f} s "
              f"(shipped settings on the same turns: {statistics.median(same):.3f} s)")
    print(f"one 600-token forward pass of the same model: median {forward:.2f} s over {len(passes)} runs")
    print(f"ratios to the forward pass: rules {rules / forward:.5f}, llm-always {statistics.median(always) / forward:.2f}, "
          f"understander=llm {statistics.median(added) / forward:.2f} (budget: at most 0.6 s added per turn)")


if __name__ == "__main__":
    main()
