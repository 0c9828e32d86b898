"""Conversation-level readings found by blind conversation batch 14 (issue 12, branch i12au).

Each step is one class of shopper wording, read the same in every conversation:

- **Typos of pointing words** (:func:`plain`): "teh 3rd", "the forth?", "la segnuda", "das zwiete" are the
  words the rules know ("the", "fourth", "segunda", "zweite"). A foreign ordinal is corrected only after an
  article, an English one only after "the", and only one letter off (or two letters swapped).
- **A pointing message with a question word is a question** (:func:`pointed_question`): "first one what
  brand", "el tercero por qué", "das zweite, warum" ask about the item, not for more like it.
- **A correction is no rejection** (:func:`corrected`): "nah i said grey at the start, not blue" keeps the
  items fitting the corrected wish; it does not turn down the items shown.
- **A bare amount while a budget is in force is the new budget** (:func:`budget_restated`): "hmm maybe 15k",
  "back to 20k", "ach nee, 30000 geht auch", "bájalo a 9000". A figure with a unit (inches, metres, W,
  "pack") or a screen resolution ("4k") is no amount.
- **"Start over, I want an HDMI cable"** (:func:`start_over_shows`): a new search that names a product
  type shows it at once, as a new product type does while browsing.

The words are data: ``chatrec/data/batch14_classes.json``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from chatrec.request import PriceRange

__all__ = ["budget_restated", "corrected", "plain", "pointed_question", "read", "start_over_shows"]

_DATA = Path(__file__).parent / "data" / "batch14_classes.json"
_WORD = re.compile(r"[^\W\d_]+")
#: Asking for more like an item, even with a question word ("what else is there like the second?").
_LIKE = re.compile(
    r"\b(?:like (?:it|that|this|the)|similar|more of|other ones?|más como|parecid[oa]s?|ähnlich\w*|wie (?:das|die|der))\b"
    r"|类似|这样的|差不多的", re.IGNORECASE)


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(_DATA.read_text(encoding="utf-8"))
    return data


def _close(word: str, target: str) -> bool:
    """Whether ``word`` is ``target`` with one letter added, dropped or changed, or two neighbours swapped."""
    if word == target or abs(len(word) - len(target)) > 1:
        return False
    if len(word) == len(target):
        diffs = [i for i, (a, b) in enumerate(zip(word, target)) if a != b]
        return len(diffs) == 1 or (
            len(diffs) == 2 and diffs[1] == diffs[0] + 1
            and word[diffs[0]] == target[diffs[1]] and word[diffs[1]] == target[diffs[0]])
    short, long_ = (word, target) if len(word) < len(target) else (target, word)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def plain(message: str) -> str:
    """The message with typos of "the" and of ordinals after an article corrected ("teh 2nd" -> "the 2nd",
    "the forth" -> "the fourth", "la segnuda" -> "la segunda", "das zwiete" -> "das zweite")."""
    table = _table()
    the_typos = set(table["the_typos"])
    english = table["english_ordinal_after_the"]
    foreign = [w for words in table["foreign_ordinals"].values() for w in words]
    articles = set(table["articles"])
    ordinals = table["english_ordinals"]
    not_ordinals = set(table["not_english_ordinals"])
    out: list[str] = []
    last = 0
    before = ""
    for found in _WORD.finditer(message):
        word = found.group(0)
        lower = word.lower()
        fixed: str | None = None
        if lower in the_typos:
            fixed = "the"
        elif before == "the" and lower in english:
            fixed = english[lower]
        elif before == "the" and len(lower) >= 4 and lower not in ordinals and lower not in not_ordinals:
            fixed = next((target for target in ordinals if _close(lower, target)), None)
        elif before in articles and len(lower) >= 5 and lower not in foreign:
            fixed = next((target for target in foreign if _close(lower, target)), None)
        if fixed is not None:
            out.append(message[last:found.start()] + fixed)
            last = found.end()
        before = (fixed or lower)
    return "".join(out) + message[last:]


def _says_any(message: str, phrases: Sequence[str]) -> bool:
    lowered = message.lower()
    for phrase in phrases:
        if re.match(r"[\u4e00-\u9fff]", phrase):
            if phrase in lowered:
                return True
        elif re.search(r"(?<![\w])" + re.escape(phrase) + r"(?![\w])", lowered):
            return True
    return False


def pointed_question(heard: Any, message: str) -> Any:
    """"first one what brand", "el tercero por qué": a question about the item pointed at, not more like it."""
    if heard.intent != "more_like" or not heard.references or heard.include or heard.exclude or heard.price:
        return heard
    if any(r.how != "position" for r in heard.references) or _LIKE.search(message):
        return heard
    if not _says_any(message, [w for words in _table()["question_words"].values() for w in words]):
        return heard
    return heard.model_copy(update={"intent": "ask_about_item", "show_now": False})


def corrected(heard: Any, message: str) -> Any:
    """"nah i said grey at the start, not blue or red": the corrected wish, not a rejection of the items shown."""
    if heard.intent != "reject" or not heard.include:
        return heard
    if not _says_any(message, [w for words in _table()["corrections"].values() for w in words]):
        return heard
    return heard.model_copy(update={"intent": "refine", "show_now": True})


def _amounts(message: str) -> list[float]:
    """The money amounts of a message: figures of 100 or more, or with k/thousand ("15k"); a figure with a
    unit ("43 inch", "2 m", "65W", "2 pack") or a resolution ("4k") is none."""
    table = _table()
    units = {u.lower() for u in table["units"]}
    thousands = "|".join(re.escape(t) for t in table["thousands"])
    found: list[float] = []
    pattern = re.compile(
        r"(?<![\w.,#])(?P<n>\d{1,3}(?:,\d{3})+|\d{1,3}(?:\.\d{3})+(?![\d,])|\d+(?:\.\d+)?)\s*(?P<k>" + thousands + r")?(?![\w])(?P<rest>\s*\S*)",
        re.IGNORECASE)
    for match in pattern.finditer(message):
        figure = match.group("n")  # "1,500", "2.500" (German grouping), "15", "12.5"
        grouped = re.fullmatch(r"\d{1,3}(?:\.\d{3})+", figure) is not None
        number = float(figure.replace(".", "") if grouped else figure.replace(",", ""))
        rest = match.group("rest").strip().lower()
        next_word = re.match(r"[^\s,.;!?]*", rest)
        unit = next_word.group(0) if next_word else ""
        if match.group("k"):
            if number < 10:  # "4k", "8k": a resolution
                continue
            number *= 1000
        elif unit in units or (unit and unit[0] in "\"'"):
            continue
        if number >= 100:
            found.append(number)
    return found


def budget_restated(
    heard: Any, message: str, *, budget_in_force: bool, has_prices: bool, kinds: Sequence[str], specs: bool,
) -> Any:
    """"back to 20k", "hmm maybe 15k", "bájalo a 9000" while a budget is in force: the new budget.

    Only when the rules read no price, no price relative to the items shown, no spec and no new product
    type from the message, and it holds exactly one amount.
    """
    if not (has_prices and budget_in_force) or heard.price is not None or heard.relative_price or specs:
        return heard
    if heard.intent not in ("refine", "recommend", "answer", "more_like", "reject") or heard.references \
            and heard.intent != "more_like":
        return heard
    if set(heard.include) & set(kinds):
        return heard
    amounts = _amounts(message)
    if len(amounts) != 1:
        return heard
    return heard.model_copy(update={
        "intent": "refine", "references": [], "show_now": True, "price": PriceRange(max=amounts[0])})


def start_over_shows(heard: Any, kinds: Sequence[str]) -> Any:
    """"new search. mens tshirts", "重新开始，我要一根HDMI线": the new search's product type, shown at once."""
    if heard.intent == "start_over" and set(heard.include) & set(kinds) and not heard.show_now:
        return heard.model_copy(update={"show_now": True})
    return heard


def read(heard: Any, message: str, *, budget_in_force: bool, has_prices: bool, kinds: Sequence[str],
         specs: bool) -> Any:
    """Every step of this module over one turn's request (see the module docstring)."""
    heard = pointed_question(heard, message)
    heard = corrected(heard, message)
    heard = budget_restated(heard, message, budget_in_force=budget_in_force, has_prices=has_prices,
                            kinds=kinds, specs=specs)
    return start_over_shows(heard, kinds)
