"""Tables of brief i14f: echo-free and all-pairs recall of full `chatrec eval redial` runs, and paired
hit counts between two runs (same turns, same pair order).

    /work/main/.venv/bin/python bench/redial_report/i14f_table.py LABEL=results/x.json ... [--pair A B]
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

SYSTEMS = ("product-exclude", "product-owned", "product")


def load(path: str) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def row(label: str, data: dict, system: str) -> str:
    metrics = data["systems"][system]
    free = metrics["echo_free"]
    return (f"| {system} | {label} | {data.get('fusion_turns', '-')} | {free['recall@10']:.4f} / {free['recall@50']:.4f} "
            f"({free['pairs']}) | {metrics['recall@10']:.4f} / {metrics['recall@50']:.4f} ({metrics['pairs']}) | "
            f"{(metrics.get('seen_in_top10') or {}).get('items', '-')} |")


def paired(a: dict, b: dict, system: str, k: int) -> str:
    """All pairs (ranks are stored per pair): pairs hit at k by b and not a, and the reverse, with a two-sided sign-test p-value."""
    ra, rb = a["systems"][system]["ranks"], b["systems"][system]["ranks"]
    assert len(ra) == len(rb)
    gained = sum(1 for x, y in zip(ra, rb, strict=True) if x >= k > y)
    lost = sum(1 for x, y in zip(ra, rb, strict=True) if y >= k > x)
    n = gained + lost
    tail = sum(math.comb(n, i) for i in range(0, min(gained, lost) + 1)) / 2 ** n if n else 1.0
    return f"{system} @{k}: +{gained} / -{lost} (net {gained - lost:+d}, sign test p={min(1.0, 2 * tail):.2f})"


def main(argv: list[str]) -> None:
    pairs = []
    if "--pair" in argv:
        at = argv.index("--pair")
        pairs = [argv[at + 1 : at + 3]]
        argv = argv[:at] + argv[at + 3 :]
    runs = dict(arg.split("=", 1) for arg in argv)
    data = {label: load(path) for label, path in runs.items()}
    print("| system | run | fusion turns per fold | echo-free R@10 / R@50 (pairs) | all pairs R@10 / R@50 (pairs) "
          "| seen films handed back |")
    print("|---|---|---|---|---|---|")
    for system in SYSTEMS:
        for label, d in data.items():
            if system in d["systems"]:
                print(row(label, d, system))
    for a, b in pairs:
        for system in SYSTEMS:
            for k in (10, 50):
                print(f"{a} -> {b}: " + paired(data[a], data[b], system, k))


if __name__ == "__main__":
    main(sys.argv[1:])
