"""Two questions a shop assistant would not ask and one list they would not show (issue 12, branch i12ag).

- "the Nike one", "la de Puma", "那个耐克的" (or "den anderen", "el otro", "另一个" of two): a shown item
  named by a word of its title, or as the other one, when every
  item fitting all the wishes was seen already. The shopper picked that item: it is shown again
  (with "you have seen every item that fits"), not a list of others that leaves out a wish (the colour).
- "TV remotes", "a screen protector": when most candidates are made to fit another maker's device
  (their titles say "compatible with", "works with", "suitable for", "replacement for"), which brand
  made the accessory is no question a shopper can answer (LRIPL or 7SEVEN?); which device it fits is
  what matters, and the titles say it. Such a brand question gives way to showing the items.

Words: ``prompts/pointing_again.json`` (``fits_other_device``: the compatibility phrases of catalogue
titles; ``not_only_pointing``: words that ask for other items besides the one named).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from chatrec.prompting import read_prompt_table

__all__ = ["brand_question_useless", "by_figure", "only_points", "pointed_items"]

#: Share of candidates whose titles say they fit another device, from which a brand question is useless.
FITTING_SHARE = 0.5


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    table = read_prompt_table("pointing_again.json")
    # Chinese words stand between other characters with no word boundary: only Latin words get one
    return {
        name: re.compile("|".join(w if re.search(r"[\u4e00-\u9fff]", w) else rf"\b(?:{w})\b" for w in map(str, table[name])),
                         re.IGNORECASE)
        for name in ("fits_other_device", "not_only_pointing")
    }


def fits_other_device(title: str) -> bool:
    """Whether an item's title says it is made for another device ("Remote Compatible for Mi TV")."""
    return _patterns()["fits_other_device"].search(title) is not None


def brand_question_useless(attribute: str | None, candidates: Sequence[Any], share: float = FITTING_SHARE) -> bool:
    """Whether a question about ``attribute`` is a brand question about accessories made for other
    makers' devices: at least ``share`` of the candidates (two or more) say so in their titles."""
    if attribute != "brand":
        return False
    items = [getattr(c, "item", c) for c in candidates]
    if len(items) < 2:
        return False
    fitting = sum(1 for item in items if fits_other_device(str(getattr(item, "title", "") or "")))
    return fitting / len(items) >= share


def only_points(message: str, heard: Any) -> bool:
    """Whether the message only points at shown items by a word of their titles ("the Nike one", "das
    von Puma"), by a value ("die roten") or as the one not named last ("den anderen", "el otro", "另一个"), asking for nothing
    else: no wish, no "like it", "similar", "cheaper", "but"."""
    if heard.include or heard.exclude or heard.price is not None or heard.relative_price:
        return False
    # stop 57: or by a value ("die roten", "the red ones" of four flip flops all seen): those again, not all four
    named = [r for r in heard.references if getattr(r, "how", None) in ("title", "other", "attribute") and r.item_id]
    if not named or len(named) != len(heard.references):
        return False
    return _patterns()["not_only_pointing"].search(message) is None


def pointed_items(heard: Any, index: Any) -> list[Any]:
    """The shown items the shopper named (in the order named) that the catalogue still holds."""
    ids = dict.fromkeys(r.item_id for r in heard.references if r.item_id)
    return [index.get(i) for i in ids if i in index]


@lru_cache(maxsize=1)
def _figure() -> re.Pattern[str]:
    units = "|".join(map(str, read_prompt_table("pointing_again.json")["figure_units"]))
    # a figure with a decimal part ("1.78", "1,78"), or a whole one with a unit ("40 inch", "20000mAh")
    return re.compile(rf"(?<![\d.,])(?:(?P<dec>\d+[.,]\d+)|(?P<whole>\d+)\s*-?\s*(?:{units}))(?![\d])", re.IGNORECASE)


def by_figure(heard: Any, message: str, shown: Sequence[Any]) -> Any:
    """i12ag: "how much is the 1.78 inch one?", "¿cuánto cuesta el de 1,78?", "1.78寸的那个多少钱": a
    question about the shown items whose titles state the figure said (not every item shown), when
    some but not all of them do. Other requests are returned as they are."""
    from chatrec.request import ItemReference

    if heard.intent not in ("ask_about_item", "compare") or not shown:
        return heard
    named = [r for r in heard.references if r.how != "all"]
    if named and len(named) < len(shown):
        return heard  # already pointed at some
    for found in _figure().finditer(message):
        figure = (found.group("dec") or found.group("whole")).replace(",", ".")
        stated = re.compile(rf"(?<![\d.,]){re.escape(figure)}(?![\d])")
        hits = [p for p, item in enumerate(shown, start=1) if stated.search(str(getattr(item, "title", "") or ""))]
        if 1 <= len(hits) < len(shown):
            references = [ItemReference(position=p, item_id=shown[p - 1].id, how="attribute") for p in hits]
            return heard.model_copy(update={"references": references,
                                            "intent": "compare" if len(hits) > 1 else "ask_about_item"})
    return heard


def without_figure(question: str, items: Sequence[Any]) -> str:
    """Stop 59: the question without the figure that points at ``items`` ("the 1.5 litre one": :func:`by_figure`, or
    every item shown stating it) and its unit: "how much is the 1.5 litre one?" asks the price of the kettles stating 1.5 litres; answered as it was said, it was read as
    "are they 1.5 litres?" ("Yes: ...: capacity: its name says “1.5 litre”"). As said when no such figure is in it."""
    if not items:
        return question
    units = "|".join(map(str, read_prompt_table("pointing_again.json")["figure_units"]))
    for found in _figure().finditer(question):
        figure = (found.group("dec") or found.group("whole")).replace(",", ".")
        stated = re.compile(rf"(?<![\d.,]){re.escape(figure)}(?![\d])")
        if not all(stated.search(str(getattr(item, "title", "") or "")) for item in items):
            continue
        said = re.compile(rf"(?<=\bthe ){re.escape(found.group(0))}(?:\s*-?\s*(?:{units})\w*)?(?=\s+ones?\b)", re.IGNORECASE)
        if said.search(question):  # "the 1.5 litre one" points; "is it 1.5 litres?" asks
            return " ".join(said.sub(" ", question, count=1).split())
    return question
