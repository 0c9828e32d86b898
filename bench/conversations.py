"""Pass rates per kind of check on the blind shopper conversations (issue 12, branch i12h).

Plays every conversation of ``tests/conversations/blind_conversations*.yaml`` (or the files given)
through ``ChatRec.respond`` on the two demo fixtures (fake embedder, no LLM) and prints, per kind
of check, how many passed, then the conversations that pass every check, then each failure.

    python bench/conversations.py [FILE ...] [--quiet]
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this checkout's chatrec, not an installed one
sys.path.insert(0, str(ROOT / "tests" / "conversations"))

import runner  # noqa: E402


def main() -> None:
    """Play the conversations and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--quiet", action="store_true", help="no list of failures")
    args = parser.parse_args()
    logging.basicConfig(level=logging.ERROR)
    files = args.files or sorted((ROOT / "tests" / "conversations").glob("blind_conversations*.yaml"))
    results: list[runner.Result] = []
    conversations = 0
    perfect = 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        retrievers = {name: runner.build_retriever(name, folder / name) for name in runner.FIXTURES}
        for path in files:
            for number, conversation in enumerate(runner.load(path)):
                with runner.chatrec_over(retrievers[conversation["fixture"]], folder / f"s{path.stem}{number}") as rec:
                    played = runner.play(rec, conversation)
                results.extend(played)
                conversations += 1
                perfect += all(r.ok for r in played)
    table = runner.summarise(results)
    print(f"{'kind':<14}{'passed':>8}{'checks':>8}{'rate':>7}")
    for kind, (passed, total) in sorted(table.items()):
        print(f"{kind:<14}{passed:>8}{total:>8}{passed / total:>7.2f}")
    passed = sum(p for p, _ in table.values())
    total = sum(t for _, t in table.values())
    print(f"{'all checks':<14}{passed:>8}{total:>8}{passed / total:>7.2f}")
    print(f"conversations passing every check: {perfect}/{conversations} ({perfect / conversations:.2f})")
    if not args.quiet:
        for r in results:
            if not r.ok:
                print(f"FAIL {r.conversation} turn {r.turn} [{r.kind}] {r.detail}")


if __name__ == "__main__":
    main()
