"""The product before its accessories: "earphones" shows earphones before earphone cases.

A title names what the item is in its head clause (the words before "with", "for", "fits", a
comma...), and English puts the kind last: "Gizga Earphone Carrying Case" is a case,
"Titan Leather Strap Watch" a watch. An item whose head clause has an accessory word
(``prompts/accessory_words.txt``) that the shopper did not say, and none of the shopper's
words after it, is an accessory of what they asked for: :func:`accessories_last` ranks it
after the other candidates (nothing is dropped, and the order within each group stays).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from chatrec.grounding import singular
from chatrec.prompting import default_prompts_dir

if TYPE_CHECKING:
    from chatrec.retrieval import Candidate

__all__ = ["accessories_last", "accessory_test", "head_clause", "is_accessory"]

_HEAD_END = re.compile(r"\s(?:with|for|fits|fit|compatible|suitable|to)\s|[,(|/:;]|\s[-–]\s", re.IGNORECASE)
_WORD = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=4)
def accessory_words(prompts_dir: str | None = None) -> frozenset[str]:
    """The accessory words of ``prompts/accessory_words.txt`` (comments and blank lines skipped)."""
    path = Path(prompts_dir or default_prompts_dir()) / "accessory_words.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


def head_clause(title: str) -> str:
    """The words of a title before "with", "for", a comma... (what the item is)."""
    return _HEAD_END.split(title, maxsplit=1)[0]


def _words(text: str) -> list[str]:
    return [singular(w) for w in _WORD.findall(text.lower())]


def is_accessory(title: str, shopper_words: Sequence[str]) -> bool:
    """Whether the title names an accessory the shopper did not ask for (see the module doc)."""
    return accessory_test(shopper_words)(title)


def accessory_test(shopper_words: Sequence[str]) -> Callable[[str], bool]:
    """:func:`is_accessory` for many titles of one message: the shopper's words are read once."""
    from chatrec.accessory_for import family

    said = {singular(w) for w in shopper_words}
    said |= {same for w in said for same in family(w)}  # stop 51: a "keyboard cover" is a "Keyboard Protector Skin"
    accessories = accessory_words()

    def test(title: str) -> bool:
        head = _words(head_clause(title))
        return any(word in accessories and word not in said and not said & set(head[position + 1:])
                   for position, word in enumerate(head))

    return test


def accessories_last(candidates: Sequence[Candidate], shopper_text: str) -> list[Candidate]:
    """The candidates with the accessories the shopper did not ask for moved to the end."""
    said = _words(shopper_text)
    if not said:
        return list(candidates)
    accessory = accessory_test(said)
    flags = [accessory(c.item.title) for c in candidates]
    if all(flags) or not any(flags):
        return list(candidates)
    return [c for c, f in zip(candidates, flags) if not f] + [c for c, f in zip(candidates, flags) if f]
