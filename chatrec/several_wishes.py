"""Several wishes, refusals and pointings in one message: classes of wording found by blind set 48
(issue 12, brief i12am) that the rules before misread, in English, Chinese, Spanish and German.

:func:`adjust` runs after a message is read, on the shopper's own words (before any rewriting of
the other steps), and covers a class of wording per mechanism, not one sentence:

- a self-correction inside one message ("a blue, no wait, navy shirt", "oneplus phones.. no wait,
  iqoo", "要蓝色的，不对，藏青色的", "roja, no espera, mejor negra", "in Rot, nein doch lieber
  Pink"): what follows the correction replaces the wishes of the same fields said before it
  (a product type replaces the product type, whatever field holds it); the other wishes said
  before it stay ("phones" in "oneplus phones.. no wait, iqoo"), and a correction that adds
  ("... actually a belt too") changes nothing;
- shown items left out of a question or a wish by "all but", "except", 除了, menos, außer ("all
  except the first, which is cheapest?", "除了第一个，其他两个有什么区别", "todos menos el
  primero, ¿cuál es más elegante?", "Alle außer dem ersten vergleichen"): the other shown items,
  compared when two or more remain;
- a dislike said with a verb the rules lacked ("我讨厌boAt", "odio el rosa", "Ich hasse Pink",
  "boAt kann ich nicht leiden") and a negated lower bound in Spanish and German ("no quiero nada
  de más de 3000", "nada que pase de 800", "Nichts über 1000 Rupien"): the message is read again
  in the wording the rules know ("不喜欢", "no me gusta", "kein", "hasta", "bis");
- a shown item pointed at by a value or a name and asked for in another value, in Chinese,
  Spanish and German ("紫色那双有白色的吗", "die grünen von Skechers, gibt's die auch in
  Schwarz?", "la roja ¿la tienen en azul?"): more like that item, in that value (the English "does
  the second one come in red?" stays a question, as the earlier sets label it);
- a value refused as "none of that X stuff" ("none of those yellow things"): X left out;
- a value never wished, told to be forgotten ("dell or logitech, forget hp", "olvídate de
  Samsung", "vergiss Samsung"): refused (a wish in force told to be forgotten is left to the rules
  that drop it);
- a product type both wanted and refused ("a mouse, not a gaming one", "eine Maus, aber keine
  Gaming-Maus"): refused, and the type said before the refusal is wanted;
- "which" and a comparative over two or more shown items named ("the 2nd and the 4th, which ones
  got better sound"): a comparison of those items;
- an amount a shown title gives only as a maximum ("Upto 8GB RAM") does not name that item when
  another title states it ("the one with 8gb ram").

The word patterns are in ``chatrec/data/several_wishes.json``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from chatrec import word_tables

__all__ = ["adjust"]

_DATA = Path(__file__).parent / "data" / "several_wishes.json"
_WISHES = ("recommend", "refine")
#: Where the items a marker leaves out end: a clause break, or (Chinese) the words for "the others".
_CLAUSE_END = re.compile(r"[,.;:!?¿¡]|其他|其它|其余|剩下|另外|都|哪|有什么")


def _table() -> dict[str, Any]:
    """The word lists and patterns of this module (:mod:`chatrec.word_tables`)."""
    return word_tables.table(str(_DATA))


def _pattern(name: str, language: str) -> re.Pattern[str] | None:
    return word_tables.pattern(str(_DATA), name, language)


_fold = word_tables.folded


def adjust(
    request: Any, message: str, context: Any, vocabulary: Any, read_again: Callable[[str], Any],
) -> Any:
    """The request read from ``message``, corrected for the classes of this module (see the module).

    Args:
        request: The request the rules read.
        message: The shopper's own words, as typed.
        context: The turn's context (items shown, wishes in force).
        vocabulary: The catalogue's values.
        read_again: Reads a part of the message (or the message reworded) in the same context.
    """
    language = request.language
    if language not in ("en", "zh", "es", "de"):
        return request
    text = _fold(message)
    reworded = _reworded(text, language)
    if reworded != text:
        again = read_again(reworded)
        # only what the rewording is for: a refusal, an upper bound, the shown items turned down
        refused = bool(again.exclude) or (again.price is not None and again.price.max is not None) \
            or again.intent == "reject"
        if refused and again.intent not in ("off_topic", "chitchat"):
            request = again.model_copy(update={"language": language})
    request = _corrected(request, text, language, read_again)
    request = _refused_kind(request, text, language, vocabulary, read_again)
    request = _all_but(request, text, language, context, read_again)
    request = _also_in(request, text, language, context, read_again)
    request = _which_of_named(request, text, language, context)
    request = _stated_not_upto(request, text, context)
    return _forgotten(request, text, language, context, vocabulary)


def _reworded(text: str, language: str) -> str:
    """The folded message with dislikes and negated lower bounds in the words the rules read."""
    for pattern, replacement in _table()["reword"].get(language, []):
        text = re.sub(pattern, replacement, text)
    return re.sub(r"\s+", " ", text).strip()


def _corrected(request: Any, text: str, language: str, read_again: Callable[[str], Any]) -> Any:
    """"a blue, no wait, navy shirt": the wish after the correction replaces the one before it."""
    if request.intent not in _WISHES or request.references:
        return request
    pattern = _pattern("correction", language)
    if pattern is None:
        return request
    found = list(pattern.finditer(text))
    if not found:
        return request
    # a chain of markers ("no espera, mejor") is one correction: the wish said before the first
    start, end = found[-1].start(), found[-1].end()
    for earlier in reversed(found[:-1]):
        if text[earlier.end():start].strip(" ,.;!?…-") == "":
            start = earlier.start()
    before, after = text[:start].strip(" ,.;!?…-"), text[end:].strip(" ,.;!?…-")
    if not re.search(r"[^\W\d_]", before) or not re.search(r"[^\W\d_]", after):
        return request
    additive = _pattern("additive", language)
    if additive is not None and additive.search(after):
        return request
    said, meant = read_again(before), read_again(after)
    if not meant.include or meant.references or said.references:
        return request
    from chatrec.understanding import type_fields

    types = set(type_fields(list(_fields(request, said, meant)))) | {"category"}
    include = {name: list(values) for name, values in said.include.items()}
    if set(meant.include) & types:
        include = {name: values for name, values in include.items() if name not in types}
    include.update({name: list(values) for name, values in meant.include.items()})
    exclude: dict[str, list[str]] = {}
    for part in (said, meant):
        for name, values in part.exclude.items():
            kept = [v for v in values if v not in include.get(name, ())]
            if kept:
                exclude[name] = sorted({*exclude.get(name, []), *kept})
    return request.model_copy(update={
        "include": {name: sorted(values) for name, values in include.items() if values},
        "exclude": exclude,
        "price": meant.price if meant.price is not None else said.price,
        "relative_price": meant.relative_price or said.relative_price,
    })


def _fields(*requests: Any) -> set[str]:
    return {name for request in requests for name in (*request.include, *request.exclude)}


def _all_but(request: Any, text: str, language: str, context: Any, read_again: Callable[[str], Any]) -> Any:
    """"all but the first, which is better?": the shown items the marker leaves out are not meant."""
    shown = list(getattr(context, "shown", None) or [])
    if len(shown) < 2 or request.intent not in ("compare", "ask_about_item", "more_like"):
        return request
    pattern = _pattern("all_but", language)
    found = pattern.search(text) if pattern is not None else None
    if found is None:
        return request
    rest = text[found.end():]
    stop = _CLAUSE_END.search(rest)
    clause = rest[:stop.start()] if stop else rest
    if language != "zh":
        clause = " ".join(clause.split()[:3])
    if not clause.strip():
        return request
    left_out = {ref.position for ref in read_again(clause).references if ref.how != "all"}
    named = {ref.position for ref in request.references if ref.how != "all"}
    if not left_out or not named <= left_out:
        return request
    others = [p for p in range(1, len(shown) + 1) if p not in left_out]
    if not others:
        return request
    from chatrec.request import ItemReference

    intent = request.intent if request.intent == "more_like" else ("compare" if len(others) > 1 else "ask_about_item")
    references = [
        ItemReference(position=p, item_id=str(getattr(shown[p - 1], "id", "")) or None, how="other") for p in others
    ]
    return request.model_copy(update={"intent": intent, "references": references})


def _also_in(request: Any, text: str, language: str, context: Any, read_again: Callable[[str], Any]) -> Any:
    """"紫色那双有白色的吗", "die grünen von Skechers, gibt's die auch in Schwarz?": that item, in another value."""
    shown = list(getattr(context, "shown", None) or [])
    if not shown or language == "en" or request.intent not in ("ask_about_item", "refine", "recommend", "more_like"):
        return request
    pattern = _pattern("also_in", language)
    found = pattern.search(text) if pattern is not None else None
    if found is None:
        return request
    asked = next((g for g in found.groups() if g), "")
    from chatrec.understanding import type_fields

    wish = read_again(asked).include if asked.strip() else {}
    types = set(type_fields(list(wish))) | {"category"}
    if not wish or set(wish) & types:
        return request
    references = [ref for ref in request.references if ref.how != "all"]
    if not references:
        before = text[:found.start()].strip(" ,.;!?¿¡")
        references = [ref for ref in read_again(before).references if ref.how != "all"] if before else []
    if not references or len(references) == len(shown):
        return request
    if request.intent == "more_like" and request.include == wish and request.references == references:
        return request
    return request.model_copy(update={
        "intent": "more_like", "references": references, "include": {k: list(v) for k, v in wish.items()},
        "exclude": {}, "price": None, "relative_price": None, "show_now": True,
    })


def _which_of_named(request: Any, text: str, language: str, context: Any) -> Any:
    """"the 2nd and the 4th, which ones got better sound": the items named, compared."""
    named = [ref for ref in request.references if ref.how != "all"]
    if request.intent not in ("more_like", "ask_about_item") or len(named) < 2 or len(named) == len(context.shown):
        return request
    pattern = _pattern("which_of_named", language)
    if pattern is None or not pattern.search(text):
        return request
    return request.model_copy(update={
        "intent": "compare", "include": {}, "exclude": {}, "price": None, "relative_price": None, "show_now": False,
    })


def _forgotten(request: Any, text: str, language: str, context: Any, vocabulary: Any) -> Any:
    """"dell or logitech, forget hp": a value never wished, told to be forgotten, is refused."""
    if request.intent not in _WISHES or request.references:
        return request
    pattern = _pattern("forget", language)
    found = pattern.search(text) if pattern is not None else None
    if found is None:
        return request
    import dataclasses

    from chatrec.understanding import type_fields, understand

    said = understand(found.group(1), vocabulary, dataclasses.replace(context, shown=[], pending=None))
    types = set(type_fields(list(said.include))) | {"category"}
    current = getattr(context, "current", None) or {}
    refused = {
        name: [v for v in values if v not in current.get(name, ())]
        for name, values in said.include.items() if name not in types
    }
    refused = {name: values for name, values in refused.items() if values}
    if not refused or len(said.include) != len(refused):
        return request
    include = {name: [v for v in values if v not in refused.get(name, ())] for name, values in request.include.items()}
    exclude = {name: list(values) for name, values in request.exclude.items()}
    for name, values in refused.items():
        exclude[name] = sorted({*exclude.get(name, []), *values})
    return request.model_copy(update={"include": {k: v for k, v in include.items() if v}, "exclude": exclude})


def _refused_kind(request: Any, text: str, language: str, vocabulary: Any, read_again: Callable[[str], Any]) -> Any:
    """"a mouse, not a gaming one": the product type said before the refusal, not the one refused."""
    if request.intent not in _WISHES:
        return request
    from chatrec.understanding import type_fields

    types = set(type_fields(list(vocabulary.fields))) | {"category"}
    both = {
        name: set(values) & set(request.exclude.get(name, ()))
        for name, values in request.include.items() if name in types
    }
    both = {name: values for name, values in both.items() if values}
    if not both:
        return request
    from chatrec.kind_words import refuses_kind

    if refuses_kind(text):
        return request  # stop 49: "shoes, not sneakers": the turn refuses the kind's own types (kind_words.narrowed)
    include = {name: [v for v in values if v not in both.get(name, ())] for name, values in request.include.items()}
    include = {name: values for name, values in include.items() if values}
    if not set(include) & types:
        negator = _pattern("negator", language)
        found = negator.search(text) if negator is not None else None
        before = text[:found.start()].strip(" ,.;!?") if found else ""
        if before:
            said = read_again(before).include
            for name, values in said.items():
                kept = [v for v in values if v not in request.exclude.get(name, ())]
                if name in types and kept:
                    include[name] = kept
    return request.model_copy(update={"include": include})


_AMOUNT = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s?(gb|tb|mah|w|mp|hz|inch|inches)\b")


def _stated_not_upto(request: Any, text: str, context: Any) -> Any:
    """"the one with 8gb ram": the item whose title says 8GB RAM, not one that has "up to 8GB RAM"."""
    named = [ref for ref in request.references if ref.how != "all"]
    shown = list(getattr(context, "shown", None) or [])
    amounts = _AMOUNT.findall(text)
    if len(named) < 2 or len(amounts) != 1 or not shown:
        return request
    number, unit = amounts[0]
    said = re.compile(rf"(?<![\d.]){re.escape(number)}\s?{re.escape(unit)}", re.IGNORECASE)
    upto = re.compile(rf"\b(?:up ?to|upto|expandable(?: up)?(?: to)?|max(?:imum)?)\W+{said.pattern}", re.IGNORECASE)
    stated = []
    for ref in named:
        title = str(getattr(shown[ref.position - 1], "title", "")) if 0 < ref.position <= len(shown) else ""
        if said.search(upto.sub(" ", title)):
            stated.append(ref)
    if not stated or len(stated) == len(named):
        return request
    return request.model_copy(update={"references": stated})
