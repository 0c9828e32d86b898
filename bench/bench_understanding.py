"""What understanding adds to a turn, beside one 600-token forward pass of the LLM in the same run.

Times the shipped understander (the rules of ``chatrec.understanding``) on every turn of the
evaluation set, then a 600-token forward pass of the packaged LLM (SmolLM2-135M, no adapter),
and prints the medians and their ratio.

    OMP_NUM_THREADS=1 nice -n 10 python bench/bench_understanding.py
"""

from __future__ import annotations

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


def main() -> None:
    turns = load_turns()
    items = {name: load_catalog(demo_catalog(name).catalog, demo_catalog(name).mapping).items
             for name in ("fashion", "electronics")}
    read = rules_reader(items)
    for turn in turns[:20]:
        read(turn)  # warm the caches (word lists, lexicon)
    seconds = []
    for turn in turns:
        started = time.perf_counter()
        read(turn)
        seconds.append(time.perf_counter() - started)
    seconds.sort()

    import torch

    from chatrec.llm import load_llm

    model, _ = load_llm(Settings(adapter=None, _env_file=None))
    ids = torch.randint(100, 30000, (1, 600))
    passes = []
    with torch.inference_mode():
        model(ids)  # warm-up
        for _ in range(3):
            started = time.perf_counter()
            model(ids)
            passes.append(time.perf_counter() - started)
    understanding = statistics.median(seconds)
    forward = statistics.median(passes)
    print(f"understanding (rules), {len(turns)} turns: p50 {understanding * 1000:.2f} ms, "
          f"p95 {seconds[int(len(seconds) * 0.95)] * 1000:.2f} ms")
    print(f"one 600-token forward pass of the packaged LLM: median {forward:.2f} s over {len(passes)} runs")
    print(f"ratio understanding / forward pass: {understanding / forward:.5f} (budget: at most 0.6 s per turn)")


if __name__ == "__main__":
    main()
