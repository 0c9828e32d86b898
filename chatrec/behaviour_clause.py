"""A negated verb of behaviour says what the thing should do, not what to keep out (issue 12, lead, stop 31).

"earphones for the gym that wont fall out" kept every title with "out" out of the list, and "earphones
that don't hurt my ears" every title with "ear": the rules' negation covers the words after "won't" /
"don't" / "never", which is right for "I don't want red" or "she doesn't wear heels" but not when the
negated verb is one of how a thing behaves or fails (fall out, hurt, break, tangle, leak:
``data/behaviour_verbs.json``). The words of such a clause, up to the next punctuation or conjunction,
are no words to avoid; a catalogue value named in it is still read as the rules read it.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from chatrec.word_tables import table

__all__ = ["behaviour_positions", "behaviour_verbs"]

_TABLE = str(Path(__file__).parent / "data" / "behaviour_verbs.json")
_NEGATING = frozenset({"doesnt", "dont", "didnt", "wont", "cant", "cannot", "wouldnt", "couldnt", "shouldnt",
                       "never", "not", "isnt", "arent"})
_CLAUSE_END = frozenset({",", ".", ";", "!", "?", "and", "but", "or", "also", "plus", "not", "no", "without"})


@lru_cache(maxsize=1)
def behaviour_verbs() -> frozenset[str]:
    """The verbs of ``data/behaviour_verbs.json``: real words, never corrected as typos ("overheat" is no
    "overear")."""
    return frozenset(table(_TABLE)["verbs"])


def behaviour_positions(tokens: Sequence[str]) -> set[int]:
    """The positions of the words of negated behaviour clauses (see the module docstring)."""
    verbs = behaviour_verbs()
    positions: set[int] = set()
    for i, token in enumerate(tokens):
        if token not in verbs or not set(tokens[max(0, i - 2):i]) & _NEGATING:
            continue
        end = i
        while end < len(tokens) and (end == i or tokens[end] not in _CLAUSE_END or (  # "overheat or lag"
                tokens[end] in ("or", "and", ",") and end + 1 < len(tokens) and tokens[end + 1] in verbs)):
            positions.add(end)
            end += 1
    return positions
