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

__all__ = [
    "asks_about_shop_terms",
    "asks_cheapest_overall",
    "asks_for_more",
    "asks_other_values",
    "asks_to_restore",
    "asks_to_see",
    "asks_which_by_price",
    "asks_why_this",
    "load_cues",
    "refers_back",
]

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


def asks_recap(message: str) -> bool:
    """Stop 49: True when the shopper asks what they have asked for so far ("what did I ask for so far?",
    "我刚才要的是什么", "¿qué te pedí?", "was habe ich mir gewünscht?")."""
    return _says("recap", message)


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


# --- i12k: shop terms, "why this one?", coming back to an earlier list ---------------------------


def asks_about_shop_terms(message: str) -> str | None:
    """The shop term the shopper asks about ("warranty", "delivery", "退货"), or None.

    A product catalogue holds products, not the shop's terms: the answer says plainly that the
    catalogue does not say (never a refusal, never a search for "warranty").
    """
    for pattern in load_cues().get("shop_terms", ()):
        found = pattern.search(message)
        if found:
            return found.group(0).strip()
    return None


def asks_why_this(message: str) -> bool:
    """True when the whole message asks why the item spoken of was chosen ("why this one?", "why?")."""
    return _says("why_this", message)


def refers_back(message: str) -> bool:
    """True when the shopper comes back to items shown before the last list ("the jacket from before",
    "go back to the TVs")."""
    return _says("back", message)


def asks_other_values(message: str) -> str | None:
    """The attribute word of "any other colours?" / "other brands?" / "andere Farben?", or None."""
    for pattern in load_cues().get("other_values", ()):
        found = pattern.search(message)
        if found and found.groupdict().get("what"):
            return found.group("what").lower()
    return None


def asks_values_on_offer(message: str) -> str | None:
    """The attribute word of "what colours do you have?" / "有哪些颜色" / "welche Marken gibt es?", or None."""
    for pattern in load_cues().get("values_on_offer", ()):
        found = pattern.search(message.lower())
        if found and found.groupdict().get("what"):
            return found.group("what").lower()
    return None


def asks_cheapest_overall(message: str) -> bool:
    """True when the shopper asks for the shop's cheapest item of a kind ("the cheapest remote you
    have"), not the cheapest of the items shown."""
    return _says("cheapest_overall", message)
