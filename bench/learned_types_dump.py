"""Dump what the rules of one checkout read on one understanding set, turn by turn, as JSON lines.

Run with the checkout first on the path, so that ITS rules and scorer are used (the retro-blind
protocol of docs/LEARNED_TYPES.md)::

    cd /work/i12ar-old/s44 && PYTHONPATH=. python /work/i12ar/bench/learned_types_dump.py \
        chatrec/eval/data/understanding_heldout44.txt /tmp/s44.jsonl

Each line: the file's line number, category, catalogue, message, the raw context column, the gold
facts, the facts read, and the seconds the rules took.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def main(set_file: str, out: str) -> None:
    """Read every turn of ``set_file`` with the checkout's rules; write one JSON line per turn."""
    import chatrec
    from chatrec.catalog import load_catalog
    from chatrec.demo import demo_catalog
    from chatrec.eval.understanding import facts, load_turns, rules_reader

    print("chatrec from", chatrec.__file__, file=sys.stderr)
    path = Path(set_file)
    turns = load_turns(path)
    raw = path.read_text(encoding="utf-8").splitlines()
    items = {}
    for name in sorted({turn.catalog for turn in turns}):
        demo = demo_catalog(name)
        items[name] = load_catalog(demo.catalog, demo.mapping).items
    read = rules_reader(items)
    with open(out, "w", encoding="utf-8") as handle:
        for turn in turns:
            started = time.perf_counter()
            got = facts(read(turn))
            seconds = time.perf_counter() - started
            context = raw[turn.line - 1].split("||")[2].strip()
            handle.write(json.dumps({
                "line": turn.line, "category": turn.category, "catalog": turn.catalog,
                "message": turn.message, "context": context,
                "gold": sorted(turn.expected), "got": sorted(got), "seconds": seconds,
            }, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
