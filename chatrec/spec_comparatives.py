"""A bigger, longer-lasting or lighter one than those shown: a spec bound from the items shown.

"bigger screen please", "something with a bigger display", "one with more battery", "more storage",
"a lighter one", "有没有屏幕更大的", "uno con más batería", "eins mit größerem Bildschirm": not a
question about the items shown but a wish for new ones whose figure (read from their names and
descriptions by :func:`chatrec.spec_filters.stated`) passes the best one shown, or the one the
shopper points at ("bigger than the second"). The words per family and direction are in
``prompts/spec_comparatives.json``; a question ("which has the bigger screen?") stays a question.
A comparative said with nothing else but fillers ("bigger", "etwas Größeres bitte", "más grande", "再大一点")
names the screen, else the capacity (stop 50: ``alone_more`` / ``alone_less`` of a family).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

from chatrec.language import fold
from chatrec.prompting import read_prompt_table
from chatrec.spec_filters import _STRICT_STEP, stated

__all__ = ["comparative_bounds", "comparative_said", "given_up"]

_HAN = re.compile(r"[\u4e00-\u9fff]")


@lru_cache(maxsize=1)
def _table() -> Mapping[str, Any]:
    return read_prompt_table("spec_comparatives.json")


def _has(text: str, words: Sequence[str]) -> bool:
    return any((fold(w) in text) if _HAN.search(w) else re.search(rf"(?<![\w]){re.escape(fold(w))}(?![\w])", text)
               for w in words)


@lru_cache(maxsize=1)
def _fillers() -> tuple[frozenset[str], tuple[str, ...]]:
    """The table's fillers, folded, and the Chinese ones longest first (removed as substrings)."""
    fillers = frozenset(fold(w) for w in _table()["fillers"])
    return fillers, tuple(sorted((w for w in fillers if _HAN.search(w)), key=len, reverse=True))


@lru_cache(maxsize=None)
def _alone_words(family: str, direction: str) -> frozenset[str]:
    """A family's comparatives that name it said alone (``alone_more`` / ``alone_less``), folded."""
    return frozenset(fold(w) for w in _table()["families"][family].get(f"alone_{direction}", ()))


def _alone(text: str) -> str:
    """The message without the table's fillers ("etwas größeres bitte" -> "grosseres", "再大一点的" -> "大")."""
    fillers, han = _fillers()
    for word in han:
        text = text.replace(word, " ")
    return " ".join(w for w in re.findall(r"[^\W\d_]+|\d+", text) if w not in fillers)


def comparative_bounds(message: str, shown: Sequence[Any], pointed: Sequence[Any] = ()) -> dict[str, tuple[float | None, float | None]]:
    """The spec bound a wish for a bigger / smaller one sets, or {} when the message is no such wish.

    Args:
        message: The shopper's words.
        shown: The items shown last (objects with ``title`` and ``description``).
        pointed: The shown items the message points at ("bigger than the second"); their figure is
            the one to pass, else the best of ``shown``.

    Returns:
        ``{family: (low, None)}`` for more, ``{family: (None, high)}`` for less (strict bounds).
    """
    text = fold(message).lower()
    table = _table()
    if not shown or _has(text, table["question_words"]) or _has(text, table["not_with"]):
        return {}
    alone = _alone(text)
    # i12bb: a family whose noun the message names first ("内存大一点的" is storage, not the screen "大一点" alone is)
    for family, words in sorted(table["families"].items(), key=lambda pair: not _has(text, pair[1]["nouns"])):
        more = _has(text, words.get("more", ())) or (_has(text, table["more"]) and _has(text, words["nouns"])) \
            or alone in _alone_words(family, "more")  # stop 50: "bigger", "etwas Größeres bitte"
        less = _has(text, words.get("less", ())) or (_has(text, table["less"]) and _has(text, words["nouns"])) \
            or alone in _alone_words(family, "less")
        if more == less:
            continue
        # the name's figure first: a description also states others ("expandable up to 1TB")
        figures = [max(found) for item in (pointed or shown)
                   if (found := stated(item.title).get(family) or stated(item.description or "").get(family))]
        if not figures:
            if _has(text, words["nouns"]) and (_has(text, words.get("more", ())) or _has(text, words.get("less", ()))):
                return {}  # stop 44: "声音更大的" of TVs asks for more sound, not a bigger screen ("更大")
            continue
        if more:
            value = max(figures)
            return {family: (value + _STRICT_STEP * max(value, 1.0), None)}
        value = min(figures)
        return {family: (None, value - _STRICT_STEP * max(value, 1.0))}
    return {}


def comparative_said(message: str) -> str | None:
    """Stop 48: the family a wish for a bigger / longer-lasting one names by its noun ("something with a longer
    battery" -> battery life), whether or not the items shown state a figure; None when it names none."""
    text = fold(message).lower()
    table = _table()
    if _has(text, table["question_words"]) or _has(text, table["not_with"]):
        return None
    for family, words in table["families"].items():
        if not _has(text, words["nouns"]) and not _has(text, words.get("more", ())) and not _has(text, words.get("less", ())):
            continue
        more = _has(text, words.get("more", ())) or _has(text, table["more"])
        less = _has(text, words.get("less", ())) or _has(text, table["less"])
        if more != less:
            return str(family)
    return None


#: "forget the capacity", "never mind the screen size", "any battery is fine", "egal welcher Akku",
#: "olvida la capacidad", "容量无所谓": a spec bound given up (lead).
_GIVE_UP = re.compile(
    r"\b(?:forget|never\s*mind|drop|ignore|scrap|skip|remove|don'?t care about|doesn'?t matter|no matter|"
    r"vergiss|egal|ohne|olvida|olvídate de|olvidate de|da igual|no importa|sin)\b|无所谓|不管|算了|随便|不限"
    r"|\bany\s+\w+(?:\s+\w+)?\s+(?:is|will)\s+(?:fine|ok|okay|do)\b",
    re.IGNORECASE,
)


def given_up(message: str, in_force: Sequence[str]) -> list[str]:
    """The families of the spec bounds in force (``in_force``: "mah", "inch"...) the message gives up:
    a give-up word and a noun or unit of the family ("forget the capacity", "drop the 20000mah"); [] else."""
    text = fold(message).lower()
    if not in_force or not _GIVE_UP.search(text):
        return []
    families = _table()["families"]
    return [family for family in in_force if family in families and (
        _has(text, families[family]["nouns"]) or re.search(rf"\d\s*{re.escape(family)}\b", text))]
