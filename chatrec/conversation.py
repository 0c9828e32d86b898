"""What a shopper says about the conversation itself, read beside the request (issue 12, i12h).

The per-turn reader (:mod:`chatrec.understanding`) says what the shopper wants; this module reads
the few things that steer the conversation around it: "show me ..." asks for items now (no
question first), "which is the cheapest?" asks about the items shown, and "put it back" takes back a wish given up when nothing matched. The cue
phrases are data, in ``prompts/conversation_cues.txt``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

from chatrec.prompting import default_prompts_dir, read_cue_file

__all__ = ["asks_for_more", "asks_to_restore", "asks_to_see", "asks_which_by_price", "load_cues"]

_CUES_FILE = default_prompts_dir() / "conversation_cues.txt"
_LATIN = re.compile(r"[a-z]", re.IGNORECASE)


@lru_cache(maxsize=4)
def load_cues(path: Path | str = _CUES_FILE) -> Mapping[str, tuple[re.Pattern[str], ...]]:
    """Cue patterns by section (``show``, ``restore``) from the cues file.

    Raises:
        ConfigError: The file is missing, or has a phrase outside a section or a bad pattern.
    """
    def bounded(line: str) -> str:  # word boundaries only where the phrase starts or ends in a Latin letter
        before = r"\b" if _LATIN.match(line) else ""
        after = r"\b" if _LATIN.match(line[-1]) else ""
        return rf"{before}(?:{line}){after}"

    sections = read_cue_file(Path(path), "conversation cues", bounded)
    return {name: tuple(patterns) for name, patterns in sections.items()}


def _says(section: str, message: str) -> bool:
    return any(p.search(message) for p in load_cues().get(section, ()))


def asks_to_see(message: str) -> bool:
    """True when the shopper asks to see items now ("show me watches for women", "zeig mir ...")."""
    return _says("show", message)


def asks_to_restore(message: str) -> bool:
    """True when the shopper takes back a wish that was given up ("yes, put red back")."""
    return _says("restore", message)


def asks_which_by_price(message: str) -> bool:
    """True when the shopper asks which item costs least or most ("what's the cheapest of these?",
    "welcher ist der günstigste?"), as opposed to asking for cheaper items ("anything cheaper?")."""
    return _says("which_price", message)


def asks_for_more(message: str) -> bool:
    """True when the whole message asks for more items ("more", "others?", "更多", "mehr bitte")."""
    return _says("more", message)
