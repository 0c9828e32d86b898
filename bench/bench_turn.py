"""One chat turn, end to end: latency against a forward-pass floor, and the quality of the reasons shown.

Usage (from the repository root)::

    PYTHONPATH=. python bench/bench_turn.py                     # everything, ~10 min on 2 idle cores
    PYTHONPATH=. python bench/bench_turn.py --turns 10 --skip-llm-writer --json bench/results_turn.json

What it measures, in one run:

* **Floor**: one bf16 forward pass of a 600-token prompt through the packaged LLM (median of
  several, measured before and after the turns; every latency is also given as a ratio to it).
* **Latency** on the 5,000-item fashion demo catalogue, with the product's default settings:
  full reply (five items with their reasons) p50 / p90 for 1 session and for 4 concurrent
  sessions, and time to the first visible text. Also, on fewer turns, the two LLM options the
  defaults leave off: LLM re-ranking (``llm_rerank``) and LLM-written reasons (``reason_writer=llm``).
* **Reason quality** on three catalogues (fashion and electronics demos, an Amazon Beauty slice
  in ``tests/fixtures/beauty_small.csv``): every reason shown for fixed requests is checked with
  the grounding check (:func:`chatrec.grounding.check_reason`) and, independently, against a list
  of praise/marketing words no catalogue states; it reports the share with an unsupported claim,
  the share stating >= 2 facts that match the request, the share with a repeated phrase, and a sample.
  With the LLM writer, the share of raw LLM sentences that pass the check (the rest fall back).
"""

from __future__ import annotations

import argparse
import json
import logging
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from chatrec.demo import ensure_demo_index  # noqa: E402
from chatrec.grounding import Request, check_reason, facts_for, matched_facts_stated, repeated_phrases  # noqa: E402
from chatrec.index import build_index  # noqa: E402
from chatrec.recommender import ChatRec  # noqa: E402
from chatrec.settings import Settings  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
BEAUTY = ROOT / "tests" / "fixtures" / "beauty_small.csv"
BEAUTY_MAPPING = {"id": "id", "title": "title", "brand": "brand", "price": "price", "description": "description"}

#: Specific requests (two wishes or more each: type and colour, budget, feature, gender...).
REQUESTS = {
    "fashion": [
        "a blue summer dress for women, not kids clothes please",
        "black running shoes for men",
        "a white casual shirt for men",
        "a red kurta for women for ethnic wear",
        "a brown belt for men",
        "a pink handbag for women",
        "a black watch for men",
        "blue jeans for women",
        "a green tshirt for boys",
        "grey sports shoes for women",
        "formal black shoes for men",
        "a yellow top for women for summer",
        "a navy blue tshirt for men",
        "silver earrings for women",
        "a black backpack for men",
        "white sports socks for women",
        "a white handbag for women",
        "brown casual shoes for men",
        "a purple kurta for women",
    ],
    "electronics": [
        "a usb c cable with fast charging under 500",
        "wireless bluetooth earphones under 2000, well rated",
        "a smart tv with 43 inch screen",
        "an hdmi cable under 500",
        "a power bank with fast charging",
        "a wireless mouse under 1000",
        "a wireless keyboard under 1500",
        "a smartwatch with heart rate monitor",
        "a phone tripod under 1000",
        "an electric kettle under 1500",
        "a steam iron under 2000",
        "an instant water heater under 5000",
        "a lightning cable for my iphone under 500",
        "a memory card with 128gb under 1500",
        "a mixer grinder under 3000",
        "a room heater under 2000",
        "a bluetooth speaker under 3000",
        "a usb wall charger under 1000",
        "an led bulb under 500",
    ],
    "beauty": [
        "a loose face powder for setting makeup",
        "a shampoo for dry hair under 20",
        "a nail polish under 15",
        "a vitamin c face serum under 40",
        "a hair brush for detangling under 20",
        "false eyelashes under 15",
        "a sunscreen with spf 50",
        "a lip balm for dry lips",
        "a perfume for women under 50",
        "a makeup brush set under 25",
        "a hair dryer, well rated",
        "a face mask for glowing skin under 30",
        "a beard oil for men",
        "an eye cream for dark circles under 40",
        "a hair straightener under 40",
        "a body lotion for dry skin under 20",
        "a conditioner for curly hair under 25",
        "a face wash for oily skin under 20",
        "a hair clip set under 15",
        "a red lipstick under 20",
        "a face moisturizer under 30",
    ],
}
#: Words of praise and marketing that no catalogue row states: an independent check of the shown reasons.
PRAISE = frozenset(
    "renowned designer limited sustainable must-buy must classic perfect great amazing stunning best-selling "
    "luxurious premium iconic trendy exclusive guaranteed japanese traditional elegant ideal excellent".split()
)


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    position = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[position]


def forward_floor(settings: Settings, n: int = 5) -> list[float]:
    """Seconds of single bf16 forward passes of a 600-token prompt through the packaged LLM."""
    import torch

    from chatrec.llm import LLM

    llm = LLM.from_settings(settings.model_copy(update={"llm_dtype": "bfloat16"}))
    model = llm.model
    ids = torch.randint(100, 10000, (1, 600), generator=torch.Generator().manual_seed(0))
    times = []
    with torch.inference_mode():
        model(ids[:, :32])  # first call allocates
        for _ in range(n):
            started = time.perf_counter()
            model(ids)
            times.append(time.perf_counter() - started)
    return times


def _turn(rec: ChatRec, message: str) -> tuple[float, float, Any]:
    started = time.perf_counter()
    first = None
    reply = None
    for event in rec.stream(f"just show me {message}"):
        if first is None:
            first = time.perf_counter() - started
        reply = event
    return time.perf_counter() - started, first or float("nan"), reply


def latency(settings: Settings, messages: list[str], sessions: int) -> dict[str, Any]:
    """Full-reply and first-text seconds over ``messages`` answered by ``sessions`` concurrent sessions."""
    rec = ChatRec.from_settings(settings)
    warm = rec.warm_up()
    totals: list[float] = []
    firsts: list[float] = []
    n_items: list[int] = []
    lock = threading.Lock()

    def worker(part: list[str]) -> None:
        for message in part:
            total, first, reply = _turn(rec, message)
            with lock:
                totals.append(total)
                firsts.append(first)
                n_items.append(len(reply.recommendations))

    parts = [messages[i::sessions] for i in range(sessions)]
    threads = [threading.Thread(target=worker, args=(part,)) for part in parts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    rec.close()
    return {
        "sessions": sessions,
        "turns": len(totals),
        "items_per_reply_min": min(n_items) if n_items else 0,
        "full_p50": statistics.median(totals),
        "full_p90": _percentile(totals, 0.9),
        "first_text_p50": statistics.median(firsts),
        "first_text_p90": _percentile(firsts, 0.9),
        "warm_up_seconds": warm,
    }


def quality(settings: Settings, catalog: str, requests: list[str], sample: int) -> dict[str, Any]:
    """Check every reason shown for the requests on one catalogue."""
    rec = ChatRec.from_settings(settings)
    rec.warm_up()
    from chatrec.explain import KnownValues

    vocabulary = KnownValues.from_items(rec.retriever.index.items)
    rows = []
    fallbacks = 0
    for message in requests:
        reply = rec.respond(f"just show me {message}")
        fallbacks += int(reply.metadata.get("explanation_fallbacks", 0))
        state = rec.store.load_state(reply.session_id) or {}
        request = Request(
            text=message,
            include=state.get("include", {}),
            exclude=state.get("exclude", {}),
            min_price=state.get("min_price"),
            max_price=state.get("max_price"),
        )
        for recommendation in reply.recommendations:
            item = rec.item(recommendation.item_id)
            facts = facts_for(item, request)
            problems = check_reason(recommendation.reason, item, request, vocabulary=vocabulary)
            words = {w.strip(".,;:!?—\"'").lower() for w in recommendation.reason.replace("-", " - ").split()}
            words |= {w.lower() for w in recommendation.reason.split()}
            own = " ".join([item.title, item.description, item.category, *map(str, item.attributes.values())]).lower()
            words = {w for w in words if w not in own}  # the catalogue's own word is no invention
            rows.append({
                "request": message,
                "title": item.title,
                "reason": recommendation.reason,
                "unsupported": any(p.startswith(("unsupported", "contradicts")) for p in problems),
                "praise": sorted(words & PRAISE),
                "matched_stated": len(matched_facts_stated(recommendation.reason, facts)),
                "repeated": bool(repeated_phrases(recommendation.reason)),
                "problems": problems,
            })
    rec.close()
    n = len(rows)
    return {
        "catalog": catalog,
        "reasons": n,
        "unsupported_share": sum(r["unsupported"] for r in rows) / n if n else float("nan"),
        "praise_share": sum(bool(r["praise"]) for r in rows) / n if n else float("nan"),
        "two_matched_facts_share": sum(r["matched_stated"] >= 2 for r in rows) / n if n else float("nan"),
        "repeated_share": sum(r["repeated"] for r in rows) / n if n else float("nan"),
        "fallbacks": fallbacks,
        "sample": rows[:: max(1, n // sample)][:sample] if n else [],
        "rows": rows,
    }


def llm_writer_pass_rate(settings: Settings, requests: list[str], limit: int) -> dict[str, Any]:
    """How many raw LLM sentences pass the grounding check (the rest are replaced by the template)."""
    rec = ChatRec.from_settings(settings.model_copy(update={"reason_writer": "llm"}))
    rec.warm_up()
    replaced: list[str] = []
    kept = total = 0
    seconds = []
    for message in requests[:limit]:
        reply = rec.respond(f"just show me {message}")
        seconds.append(reply.metadata["reasons"]["seconds"])
        total += len(reply.recommendations)
        kept += len(reply.recommendations) - int(reply.metadata["explanation_fallbacks"])
    rec.close()
    return {"turns": len(seconds), "reasons": total, "passed_check": kept,
            "pass_share": kept / total if total else float("nan"),
            "reason_writing_seconds_p50": statistics.median(seconds) if seconds else float("nan")}


def main() -> None:
    """Run the benchmark and print (and optionally save) its figures."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "chatrec-bench-turn",
                        help="Folder for the three indexes and the session stores (reused between runs).")
    parser.add_argument("--turns", type=int, default=20, help="Turns per latency measurement.")
    parser.add_argument("--llm-turns", type=int, default=4, help="Turns for each LLM option (slow).")
    parser.add_argument("--skip-llm-writer", action="store_true", help="Do not time the LLM-written reasons.")
    parser.add_argument("--threads", type=int, default=0, help="Torch threads (0: torch's default).")
    parser.add_argument("--sample", type=int, default=4, help="Reasons printed per catalogue.")
    parser.add_argument("--json", type=Path, default=None, help="Also write the figures here.")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    if args.threads:
        import torch

        torch.set_num_threads(args.threads)

    work = args.work
    settings = {}
    for name in ("fashion", "electronics", "beauty"):
        s = Settings(_env_file=None, index_dir=work / name, data_dir=work / f"{name}-data")  # type: ignore[call-arg]
        if name == "beauty":
            build_index(BEAUTY, s, mapping=BEAUTY_MAPPING)
        else:
            ensure_demo_index(s, name, progress=False)
        settings[name] = s
    fashion = settings["fashion"]
    messages = (REQUESTS["fashion"] * (args.turns // len(REQUESTS["fashion"]) + 1))[: args.turns]

    floor = forward_floor(fashion)
    results: dict[str, Any] = {"latency": {}}
    results["latency"]["default_1"] = latency(fashion, messages, 1)
    results["latency"]["default_4"] = latency(fashion, messages, 4)
    llm_messages = messages[: args.llm_turns]
    results["latency"]["llm_rerank_1"] = latency(fashion.model_copy(update={"llm_rerank": True}), llm_messages, 1)
    if not args.skip_llm_writer:
        results["latency"]["llm_writer_1"] = latency(
            fashion.model_copy(update={"reason_writer": "llm"}), llm_messages, 1
        )
    floor += forward_floor(fashion)
    base = statistics.median(floor)
    results["floor_600_token_forward_s"] = base
    for entry in results["latency"].values():
        entry["full_p50_x_floor"] = entry["full_p50"] / base
    single = results["latency"]["default_1"]["full_p50"]
    results["concurrency_4_over_1"] = results["latency"]["default_4"]["full_p50"] / single

    results["quality"] = {name: quality(settings[name], name, REQUESTS[name], args.sample) for name in REQUESTS}
    if not args.skip_llm_writer:
        results["llm_writer"] = llm_writer_pass_rate(fashion, REQUESTS["fashion"], args.llm_turns)

    print(f"floor: one bf16 forward pass of 600 tokens, median of {len(floor)}: {base:.3f} s")
    for name, entry in results["latency"].items():
        print(f"{name:>15}: full reply p50 {entry['full_p50']:.3f} s (x{entry['full_p50_x_floor']:.2f} floor), "
              f"p90 {entry['full_p90']:.3f} s, first text p50 {entry['first_text_p50']:.3f} s, "
              f"{entry['turns']} turns, >= {entry['items_per_reply_min']} items each")
    print(f"4 concurrent sessions / 1 session, p50: x{results['concurrency_4_over_1']:.2f}")
    all_rows = [r for q in results["quality"].values() for r in q["rows"]]
    for name, q in results["quality"].items():
        print(f"{name:>12}: {q['reasons']} reasons; unsupported claim shown {q['unsupported_share']:.1%} "
              f"(praise words {q['praise_share']:.1%}); >= 2 matching facts {q['two_matched_facts_share']:.1%}; "
              f"repeated {q['repeated_share']:.1%}")
        for row in q["sample"]:
            print(f"    [{row['request']}] {row['title'][:60]}\n      -> {row['reason']}")
    n = len(all_rows)
    totals = {
        "reasons": n,
        "unsupported_share": sum(r["unsupported"] for r in all_rows) / n,
        "praise_share": sum(bool(r["praise"]) for r in all_rows) / n,
        "two_matched_facts_share": sum(r["matched_stated"] >= 2 for r in all_rows) / n,
        "repeated_share": sum(r["repeated"] for r in all_rows) / n,
    }
    results["quality_total"] = totals
    print(f"all three: {n} reasons; unsupported {totals['unsupported_share']:.1%}, praise {totals['praise_share']:.1%}, "
          f">= 2 matching facts {totals['two_matched_facts_share']:.1%}, repeated {totals['repeated_share']:.1%}")
    if "llm_writer" in results:
        w = results["llm_writer"]
        print(f"LLM writer: {w['passed_check']} of {w['reasons']} raw sentences passed the grounding check "
              f"({w['pass_share']:.0%}); reason writing p50 {w['reason_writing_seconds_p50']:.2f} s")
    if args.json:
        for q in results["quality"].values():
            q.pop("rows")
        args.json.write_text(json.dumps(results, indent=2, default=str), encoding="utf-8")


if __name__ == "__main__":
    main()
