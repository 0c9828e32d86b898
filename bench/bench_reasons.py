"""The three reason writers side by side, in one run: template, stock LLM, LLM with the reasons adapter.

Usage (from the repository root; the indexes are built once in --work, shared with bench_turn.py)::

    PYTHONPATH=. python bench/bench_reasons.py --work /tmp/i13-bench --json bench/results_reasons.json

For each writer, every reason shown for the fixed requests of ``bench_turn.REQUESTS`` (fashion and
electronics demos, the Amazon Beauty slice; >= 200 reasons) is measured:

* **unsupported shown**: the shown reason fails the grounding check
  (:func:`chatrec.grounding.check_reason`: an unsupported word, a word the shopper said no to,
  a value contradicting the catalogue) -- must be 0 for every writer, since the LLM's failures
  fall back to the template;
* **>= 2 matching facts**: it states at least two facts that answer the request;
* **repeated phrase** within a reason, and **same as another reason of the reply**;
* **passed before fallback**: share of the LLM's raw sentences that passed the check (and stated
  the matched facts it was given, and differed from the reply's other reasons);
* **latency**: seconds to write the reasons of one reply (``metadata["reasons"]["seconds"]``,
  median) and the full reply (median), beside one bf16 forward pass of a 600-token prompt
  measured in the same run (median of passes before and after).

The stock LLM is SmolLM2-135M-Instruct without any adapter, with the chat prompt
``prompts/reason_write.txt``; the adapter writer is the same model with the shipped reasons
adapter (``chatrec/adapters/smollm2-135m-reasons``) and the data-to-text prompt
``prompts/reason_adapter.txt``.
"""

from __future__ import annotations

import argparse
import json
import logging
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_turn import BEAUTY, BEAUTY_MAPPING, REQUESTS, forward_floor  # noqa: E402

from chatrec.demo import ensure_demo_index  # noqa: E402
from chatrec.explain import KnownValues  # noqa: E402
from chatrec.grounding import Request, check_reason, facts_for, matched_facts_stated, repeated_phrases  # noqa: E402
from chatrec.index import build_index  # noqa: E402
from chatrec.recommender import ChatRec  # noqa: E402
from chatrec.settings import Settings  # noqa: E402

WRITERS: dict[str, dict[str, Any]] = {
    "template": {"reason_writer": "template"},
    "stock_llm": {"reason_writer": "llm", "reason_adapter": None, "adapter": None},
    "llm_adapter": {"reason_writer": "llm", "reason_adapter": "default"},
}


def run_writer(settings: Settings, requests: list[str]) -> dict[str, Any]:
    """Every reason shown for ``requests`` on one catalogue with one writer, checked, and the timings."""
    rec = ChatRec.from_settings(settings)
    rec.warm_up()
    vocabulary = KnownValues.from_items(rec.retriever.index.items)
    rows: list[dict[str, Any]] = []
    replies: list[dict[str, Any]] = []
    for message in requests:
        started = time.perf_counter()
        reply = rec.respond(f"just show me {message}")
        total = time.perf_counter() - started
        meta = reply.metadata.get("reasons") or {}
        replies.append({"request": message, "full_seconds": total, "reason_seconds": meta.get("seconds"),
                        "fallbacks": int(reply.metadata.get("explanation_fallbacks", 0)),
                        "problems": {k: v for k, v in meta.items() if k not in ("seconds", "fallbacks") and v},
                        "reasons": len(reply.recommendations)})
        state = rec.store.load_state(reply.session_id) or {}
        request = Request(text=message, include=state.get("include", {}), exclude=state.get("exclude", {}),
                          min_price=state.get("min_price"), max_price=state.get("max_price"))
        texts = [r.reason.lower() for r in reply.recommendations]
        for recommendation in reply.recommendations:
            item = rec.item(recommendation.item_id)
            problems = check_reason(recommendation.reason, item, request, vocabulary=vocabulary)
            rows.append({
                "request": message,
                "title": item.title,
                "reason": recommendation.reason,
                "unsupported": any(p.startswith(("unsupported", "contradicts")) for p in problems),
                "problems": problems,
                "matched_stated": len(matched_facts_stated(recommendation.reason, facts_for(item, request))),
                "repeated": bool(repeated_phrases(recommendation.reason)),
                "same_as_other": texts.count(recommendation.reason.lower()) > 1,
            })
    rec.close()
    return {"rows": rows, "replies": replies}


def summarise(rows: list[dict[str, Any]], replies: list[dict[str, Any]]) -> dict[str, Any]:
    """The shares and medians of one writer over every catalogue."""
    n = len(rows)
    reasons = sum(r["reasons"] for r in replies)
    fallbacks = sum(r["fallbacks"] for r in replies)
    problems: dict[str, int] = {}
    for reply in replies:
        for kind, count in reply["problems"].items():
            problems[kind] = problems.get(kind, 0) + int(count)
    seconds = [r["reason_seconds"] for r in replies if r["reason_seconds"] is not None]
    return {
        "reasons": n,
        "replies": len(replies),
        "unsupported_shown_share": sum(r["unsupported"] for r in rows) / n,
        "two_matched_facts_share": sum(r["matched_stated"] >= 2 for r in rows) / n,
        "repeated_phrase_share": sum(r["repeated"] for r in rows) / n,
        "same_as_other_in_reply_share": sum(r["same_as_other"] for r in rows) / n,
        "passed_before_fallback_share": (reasons - fallbacks) / reasons if reasons else float("nan"),
        "fallback_problems": problems,
        "reasons_seconds_p50": statistics.median(seconds) if seconds else float("nan"),
        "full_reply_seconds_p50": statistics.median(r["full_seconds"] for r in replies),
        "unsupported_rows": [r for r in rows if r["unsupported"]],
    }


def main() -> None:
    """Run the comparison and print (and optionally save) its figures."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--work", type=Path, default=Path("/tmp/chatrec-bench-turn"),
                        help="Folder for the three indexes and the session stores (reused between runs).")
    parser.add_argument("--writers", default=",".join(WRITERS), help="Comma-separated writers to run.")
    parser.add_argument("--threads", type=int, default=0, help="Torch threads (0: torch's default).")
    parser.add_argument("--sample", type=int, default=3, help="Reasons printed per writer and catalogue.")
    parser.add_argument("--json", type=Path, default=None, help="Also write the figures here.")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    if args.threads:
        import torch

        torch.set_num_threads(args.threads)
    settings: dict[str, Settings] = {}
    for name in REQUESTS:
        s = Settings(_env_file=None, index_dir=args.work / name, data_dir=args.work / f"{name}-reasons-data")  # type: ignore[call-arg]
        if name == "beauty":
            build_index(BEAUTY, s, mapping=BEAUTY_MAPPING)
        else:
            ensure_demo_index(s, name, progress=False)
        settings[name] = s

    floor = forward_floor(settings["fashion"])
    results: dict[str, Any] = {"writers": {}}
    for writer in args.writers.split(","):
        per_catalog = {name: run_writer(s.model_copy(update=WRITERS[writer]), REQUESTS[name])
                       for name, s in settings.items()}
        rows = [r for run in per_catalog.values() for r in run["rows"]]
        replies = [r for run in per_catalog.values() for r in run["replies"]]
        summary = summarise(rows, replies)
        summary["by_catalog"] = {name: summarise(run["rows"], run["replies"]) for name, run in per_catalog.items()}
        summary["sample"] = {name: run["rows"][:: max(1, len(run["rows"]) // args.sample)][: args.sample]
                             for name, run in per_catalog.items()}
        results["writers"][writer] = summary
    floor += forward_floor(settings["fashion"])
    base = statistics.median(floor)
    results["floor_600_token_forward_s"] = base
    results["floor_passes"] = floor

    print(f"floor: one bf16 forward pass of 600 tokens, median of {len(floor)}: {base:.3f} s")
    for writer, s in results["writers"].items():
        s["reasons_seconds_x_floor"] = s["reasons_seconds_p50"] / base
        s["full_reply_x_floor"] = s["full_reply_seconds_p50"] / base
        print(f"{writer:>11}: {s['reasons']} reasons in {s['replies']} replies; unsupported shown "
              f"{s['unsupported_shown_share']:.1%}; >= 2 matching facts {s['two_matched_facts_share']:.1%}; "
              f"repeated phrase {s['repeated_phrase_share']:.1%}; same as another in the reply "
              f"{s['same_as_other_in_reply_share']:.1%}; passed before fallback {s['passed_before_fallback_share']:.1%}"
              f" {s['fallback_problems']}; reasons p50 {s['reasons_seconds_p50']:.3f} s "
              f"(x{s['reasons_seconds_x_floor']:.2f} floor); full reply p50 {s['full_reply_seconds_p50']:.3f} s "
              f"(x{s['full_reply_x_floor']:.2f} floor)")
        for name, c in s["by_catalog"].items():
            print(f"    {name:>11}: {c['reasons']} reasons; unsupported {c['unsupported_shown_share']:.1%}; "
                  f">= 2 facts {c['two_matched_facts_share']:.1%}; same in reply {c['same_as_other_in_reply_share']:.1%}; "
                  f"passed before fallback {c['passed_before_fallback_share']:.1%}")
            for row in s["sample"][name]:
                print(f"      [{row['request']}] {row['title'][:50]}\n        -> {row['reason']}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, default=str), encoding="utf-8")


if __name__ == "__main__":
    main()
