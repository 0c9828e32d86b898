"""What the English pointing steps (``chatrec.english_pointing``) add to the rules understander.

Reads every turn of every ``chatrec/eval/data/understanding*.txt`` set with the rules, in one
process, with the two steps switched off and on alternately (three rounds each), and prints the
medians over the rounds of the per-turn p50 and p95.

    OMP_NUM_THREADS=1 nice -n 10 python bench/bench_english_pointing.py [--rounds 3]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from chatrec import english_pointing  # noqa: E402
from chatrec.catalog import load_catalog  # noqa: E402
from chatrec.demo import demo_catalog  # noqa: E402
from chatrec.eval.understanding import load_turns, rules_reader  # noqa: E402


def main() -> None:
    """Time the rules over every labelled turn with the English pointing steps off and on."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    items = {n: load_catalog(demo_catalog(n).catalog, demo_catalog(n).mapping).items for n in ("fashion", "electronics")}
    read = rules_reader(items)
    turns = [t for f in sorted((ROOT / "chatrec/eval/data").glob("understanding*.txt")) for t in load_turns(f)]
    steps = {
        "on": (english_pointing.normalise, english_pointing.adjust),
        "off": (lambda message: message, lambda request, *rest, **named: request),
    }
    for turn in turns[:100]:
        read(turn)  # warm the caches
    results: dict[str, list[tuple[float, float]]] = {"off": [], "on": []}
    for _ in range(args.rounds):
        for name in ("off", "on"):
            english_pointing.normalise, english_pointing.adjust = steps[name]  # type: ignore[assignment]
            times = []
            for turn in turns:
                started = time.perf_counter()
                read(turn)
                times.append(time.perf_counter() - started)
            times.sort()
            results[name].append((times[len(times) // 2], times[int(len(times) * 0.95)]))
    english_pointing.normalise, english_pointing.adjust = steps["on"]  # type: ignore[assignment]
    for name, rounds in results.items():
        p50 = sorted(r[0] for r in rounds)[len(rounds) // 2]
        p95 = sorted(r[1] for r in rounds)[len(rounds) // 2]
        print(f"english_pointing {name}: p50 {1000 * p50:.2f} ms, p95 {1000 * p95:.2f} ms "
              f"(medians of {len(rounds)} rounds, {len(turns)} turns)")


if __name__ == "__main__":
    main()
