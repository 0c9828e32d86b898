"""Pointing at shown items and saying budgets: English turns the rules still misread (issue 12, set 35).

Blind set 35 (references to shown items and budgets said every way) and the gaps left open after
set 31 showed classes of turns that :mod:`chatrec.understanding` and the English steps after it
read wrong. Two steps correct them by class, never by sentence; their words are in
``chatrec/data/pointing_budgets.json``. See ``docs/UNDERSTANDING_POINTING_BUDGETS.md``.

:func:`normalise` rewrites the English message before the rules read it:

- a bare amount after "for" ("a mouse for two hundred", "a phone for 18000") is a budget, read as
  "for under N" when it is money (a currency, a unit, a number word with hundred or thousand, or
  10 or more before the end of a clause: "a tee for 2", "for 12 year olds" stay no budget);
- the number of a size said approximately ("size 9 or so", "size 10ish", "uk about 8") is no
  budget: the approximation is dropped, the size stays in the search text;
- a remark that shown items look cheap ("these look a bit cheap", "cheap-looking", "feels
  flimsy") is a wish for better ones, read as "too cheap" (the rules' "pricier");
- a budget bounded by a shown item's price ("under the price of the Noise one", "less than what
  the second costs") is "cheaper than" that item, which the rules read as its price;
- a shown item named by its side ("the left one", "the far right one", "the leftmost") is said
  as the rules know it ("the one on the left"); so are the items at a side ("the two on the
  left", "the right three": "the first two", "the last three").

:func:`adjust` corrects the request after the rules:

- the item talked about last turn ("the one I asked about", "the one you just described"): the
  positions referenced last turn;
- more like a shown item, naming its own product type ("the left one, similar bags?") while the
  search under way already keeps that type: the product word adds nothing, so it is no new wish
  (after a search for another type, the word is the type to go back to and stays);
- asking for a step up in quality with items shown ("anything higher end?", "something
  classier"): pricier than those shown.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from chatrec.request import ShopperRequest
from chatrec.text import alternation, word_table

__all__ = ["adjust", "normalise"]


def _table() -> dict[str, Any]:
    return word_table("pointing_budgets")  # read once per process (chatrec.text.word_table)


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    table = _table()
    words = alternation(table["number_words"])
    units = alternation(table["number_units"])
    spoken = (
        rf"(?:(?:{words})[\s-]+)+(?:{units})(?:[\s-]+(?:and[\s-]+)?(?:{words}|hundred))*"  # "two thousand five hundred"
    )
    digits = r"(?:rs\.? ?|inr ?|[₹$£€] ?)?\d[\d,]*(?:\.\d+)?(?: ?(?:k|grand|thousand|lakhs?)\b)?"
    ends = alternation(table["after_amount"])
    flags = re.IGNORECASE
    return {
        "for_amount": re.compile(
            rf"\bfor (?P<amount>{digits}|{spoken})(?=\s*(?:$|[,.!?;:)]|(?:{ends})\b))", flags),
        "size": re.compile(
            rf"\b(?P<size>{alternation(table['size_words'])}) ?(?:(?:{alternation(table['approximately_before'])}) )?"
            rf"(?P<number>\d{{1,2}}(?:\.5)?)(?: ?(?:{alternation(table['approximately_after'])}))?(?![\w-])", flags),
        "looks_cheap": re.compile(
            rf"\b(?:{alternation(table['look_verbs'])}) (?:(?:{alternation(table['degree_words'])}) )?"
            rf"(?:{alternation(table['cheap_looks'])})\b|\b(?:{alternation(table['cheap_looking'])})\b", flags),
        "price_of": re.compile(
            rf"\b(?:{alternation(table['at_most'])}) (?:the price of|the cost of|what|how much) "
            rf"(?P<item>(?:the|that|this|your) [\w' -]+?)(?: (?:{alternation(table['price_verbs'])}))?(?=\s*(?:$|[,.!?;]))"
            rf"|\b(?:under|below|less than) (?P<item2>the [\w' -]+?) (?:costs?|goes for|sells for|is priced at)\b",
            flags),
        "side": re.compile(
            r"\b(?:the|that|this) (?:(?:very |far )(?P<far>left|right)|(?P<left>left)|(?P<most>left|right)[- ]?(?:hand|most))"
            r"(?: (?P<noun>ones?|pair|item|option|model))?\b", flags),
        # "the two on the left", "the right two": the first or last ones of the list
        "side_count": re.compile(
            r"\b(?:the|those|these) (?:(?P<n1>two|2|three|3) (?:ones? |items? |pairs? )?(?:on|at|to) the (?P<s1>left|right)"
            r"(?:[- ]hand side| side| end)?|(?P<s2>left|right)(?:[- ]?(?:hand|most))? (?P<n2>two|2|three|3))\b", flags),
        "talked_about": re.compile(
            rf"\b(?:the|that|this) (?:[a-z]+ )?(?:(?:that|which) )?(?:i|we|you|u) (?:just |already |earlier )?"
            rf"(?:{alternation(table['talked_about'])})(?: (?:earlier|before|just now|a minute ago))?\b", flags),
        "upmarket": re.compile(rf"\b(?:{alternation(table['upmarket'])})\b", flags),
        "not_upmarket": re.compile(
            rf"\b(?:not|no|nothing|don'?t|dont|without|never|isn'?t|needn'?t)\b(?: \w+){{0,2}} "
            rf"(?:{alternation(table['upmarket'])}|too fancy|fancy)\b", flags),
    }


def _money(amount: str) -> bool:
    """Whether an amount said after "for" (and before the end of a clause) is money: a currency,
    a unit, a number word with a unit, or a number of 10 or more ("for 2" is a count)."""
    if re.search(r"[^\d\s.,]", amount):
        return True
    try:
        return float(amount.replace(",", "").strip()) >= 10
    except ValueError:
        return False


def _side(found: re.Match[str]) -> str:
    side = (found.group("far") or found.group("left") or found.group("most")).lower()
    noun = found.group("noun") or "one"
    return f"the {noun} on the {side}"


def _side_count(found: re.Match[str]) -> str:
    side = (found.group("s1") or found.group("s2")).lower()
    count = {"2": "two", "3": "three"}.get((found.group("n1") or found.group("n2")).lower(),
                                            (found.group("n1") or found.group("n2")).lower())
    return f"the {'first' if side == 'left' else 'last'} {count}"


#: "actually make it 25k", "can we make that 30000": a new budget said as a change of the amount (lead).
_MAKE_IT = re.compile(r"\bmake (?:it|that|the budget|my budget|the limit)\s+(?:up to |to |under |around )?"
                      r"(?P<amount>(?:rs\.? ?|₹ ?|inr ?|\$ ?)?\d[\d,.]*\s*(?:k|lakhs?|thousand|grand)?(?: (?:rupees|rs|bucks|dollars))?)"
                      r"(?![\w.])(?!\s*(?:-\s*)?(?!(?:please|pls|plz|then|instead|now|max|maximum|tops|ok|okay|and|or|but)\b)"
                      r"[a-z\"'])", re.IGNORECASE)  # "make it 43 inches" is no budget


def normalise(message: str) -> str:
    """An English message with the wording of the module docstring's first list rewritten."""
    patterns = _patterns()
    message = _MAKE_IT.sub(lambda found: f"budget {found.group('amount')}", message)
    text = patterns["size"].sub(lambda found: f"{found.group('size')} {found.group('number')}", message)
    text = patterns["for_amount"].sub(
        lambda found: f"for under {found.group('amount')}" if _money(found.group("amount")) else found.group(0), text)
    text = patterns["looks_cheap"].sub("look too cheap", text)
    text = patterns["price_of"].sub(
        lambda found: f"cheaper than {(found.group('item') or found.group('item2')).strip()}", text)
    text = patterns["side_count"].sub(_side_count, text)
    return patterns["side"].sub(_side, text)


def _type_values_of(item: Any, name: str) -> set[str]:
    value = item.field_value(name) if hasattr(item, "field_value") else None
    if value is None:
        return set()
    return {str(v).casefold() for v in (value if isinstance(value, tuple) else [value])}


def adjust(
    request: ShopperRequest, message: str, context: Any, vocabulary: Any = None,
    reread: Callable[[str], ShopperRequest] | None = None,
) -> ShopperRequest:
    """Correct a rules request for the classes of the module docstring's second list.

    Args:
        request: The request of the rules so far.
        message: The message as the rules read it (after the English normalisers).
        context: The :class:`~chatrec.understanding.TurnContext` of the turn.
        vocabulary: The catalogue's :class:`~chatrec.understanding.ValueMatcher` (its fields).
        reread: Reads another wording of the message (the rules on that text, same context).

    Returns:
        The request, changed only in those classes.
    """
    if request.language != "en":
        return request
    patterns = _patterns()
    lowered = re.sub(r"\s+", " ", message.lower()).strip()
    shown = list(getattr(context, "shown", ()) or ())
    last = [p for p in (getattr(context, "last_references", None) or []) if 1 <= p <= len(shown)]
    named = [r for r in request.references if r.how != "all"]

    talked = patterns["talked_about"].search(lowered)
    if talked and last and reread is not None and not named:
        said = " and ".join(f"number {p}" for p in last)
        again = reread(lowered[:talked.start()] + said + lowered[talked.end():])
        if sorted(r.position for r in again.references) == sorted(last):
            request = again
            named = list(again.references)

    if request.intent == "more_like" and named and request.include and vocabulary is not None:
        from chatrec.understanding import type_fields

        types = set(type_fields(vocabulary.fields)) | {"category"}
        items = [shown[r.position - 1] for r in named if r.position <= len(shown)]
        current = dict(getattr(context, "current", None) or {})
        # only when the search under way already keeps the items' type (else the word is the type to go back to)
        kept_type = any(
            name in types and all(_type_values_of(item, name) & {str(v).casefold() for v in values} for item in items)
            for name, values in current.items()
        )
        kept = request.include if not kept_type else {
            name: values for name, values in request.include.items()
            if name not in types or not items
            or not all(_type_values_of(item, name) & {v.casefold() for v in values} for item in items)
        }
        if kept != request.include:
            request = request.model_copy(update={"include": kept})

    if shown and request.price is None and request.relative_price is None \
            and request.intent in ("refine", "reject", "more_like", "recommend") \
            and patterns["upmarket"].search(lowered) and not patterns["not_upmarket"].search(lowered):
        request = request.model_copy(update={
            "relative_price": "pricier", "intent": "refine" if request.intent == "recommend" else request.intent})
    return request
