"""Chinese, Spanish and German wording found by blind set 58 (issue 12, brief i12bi) that the rules
before misread: classes of wording, each covered by one mechanism, not one sentence.

:func:`adjust` runs last, on the shopper's own words:

- German dialect said instead of standard German (:func:`_dialect`): Swabian ("a Wasserkocherle hald",
  "Mei Handy goht nimmer an, gell") and Berlin ("keene schwarzen mehr", "icke brauch"), with the Swabian
  diminutive -le ("Täschle", "Käpple"): read again in standard German, as German;
- wording read again the way the rules read it (the table's "reword"): pinyin-input homophone typos
  (电竟, 为衣, 路游器, 见盘) and a product word ending in pinyin (空气炸guo, 充电bao); Spanish "más como las
  verdes" (more like the green ones), US-dollar slang ("50 chavos", "50 verdes"); German "30 u. 40",
  "zw. 30", "was ist die Blaue für ein Stoff?";
- budgets: Spanish "entre treinta y cincuenta" (30 to 50, not the number eighty);
- questions and talk with no shopping in them although they name a product (the table's "off_topic"):
  an order's shipping, a device's fault or setup, a warranty claim, sums, love life, small talk about
  the day, writing tasks; a wish said too keeps the message a shopping one;
- "which" over several shown items ("entre el JBL y el boAt cuál suena mejor"): a comparison;
- a product named as the topic before a Chinese refusal ("包包 不要黑色的 棕色也不要"): wanted, not refused;
- the product type searched, said again inside a refusal of one of its values ("no me muestres más relojes
  dorados" while watches are searched): the type is kept, the value refused;
- a charger beside a laptop ("mi laptop necesita un cargador", "笔记本充电器"): a laptop charger.

The word patterns are in ``chatrec/data/set58_classes.json``; words the lexicon lacked (新娘, 条裙, pelado,
mazo, Braut, Boxe, hald, gell) in ``chatrec/data/lexicon_set58.json``.
"""

from __future__ import annotations

import contextvars
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from chatrec import word_tables

__all__ = ["adjust"]

_DATA = str(Path(__file__).parent / "data" / "set58_classes.json")
_LANGUAGES = ("zh", "es", "de")
_NO_WISH = ("off_topic", "chitchat")
_WISHES = ("recommend", "refine")
_LAPTOP_CHARGERS = "LaptopChargers&PowerSupplies"
_LAPTOPS = "Laptops"
# A message read again is read by the whole pipeline, this step included: it must not rewrite again.
_reading_again: contextvars.ContextVar[bool] = contextvars.ContextVar("set58_reading_again", default=False)


def adjust(
    request: Any, message: str, context: Any, vocabulary: Any, read_again: Callable[[str], Any],
) -> Any:
    """The request read from ``message``, corrected for the classes of this module (see the module).

    Args:
        request: The request the rules read.
        message: The shopper's words (after the shared normalisation of :func:`understand`).
        context: The turn's context (items shown, wishes in force, pending question).
        vocabulary: The catalogue's values.
        read_again: Reads the message reworded in the same context.
    """
    if _reading_again.get():
        return request
    text = word_tables.folded(message)
    again = word_tables.guarded(_reading_again, read_again)
    request = _dialect(request, text, again)
    language = str(request.language)
    if language not in _LANGUAGES:
        return request
    request = word_tables.read_reworded(_DATA, "reword", request, text, language, again)
    request = _tens_range(request, text, language, again)
    request = _off_topic(request, text, language)
    if request.intent in _NO_WISH:
        return request
    request = _which(request, text, language)
    if request.intent not in _WISHES:
        return request
    request = _topic_before_refusal(request, text, language, context, vocabulary, again)
    request = _searched_type_kept(request, context)
    return _laptop_charger(request, text, language, vocabulary)


def _dialect(request: Any, text: str, again: Callable[[str], Any]) -> Any:
    """"a Wasserkocherle hald", "keene schwarzen mehr": Swabian or Berlin German read again in standard
    German (the dialect's words, then the diminutive -le on a word the German lexicon knows without it)."""
    if str(request.language) not in ("de", "en"):
        return request
    return word_tables.read_in_german(
        request, text, word_tables.table(_DATA)["dialect"], (r"\b\w{4,}le\b", _without_diminutive), again, _NO_WISH)


def _without_diminutive(found: re.Match[str]) -> str:
    """"wasserkocherle" -> "wasserkocher", "taschle" -> "tasche", "kapple" -> "kappe" (Swabian -le)."""
    from chatrec.language import Lexicon

    word = found.group(0)
    lexicon = Lexicon.default()
    if lexicon.is_word("de", word):
        return word
    stem = word[:-2]
    for candidate in (stem, stem + "e"):
        if lexicon.is_word("de", candidate):
            return candidate
    return word


def _tens_range(request: Any, text: str, language: str, again: Callable[[str], Any]) -> Any:
    """"entre treinta y cincuenta soles": two tens joined by "y" are the two ends of a range (a ten is never
    the unit of a compound number, as in "treinta y cinco"); only the budget of the message read again is taken."""
    tens = word_tables.table(_DATA)["tens"].get(language)
    if not tens:
        return request
    words = "|".join(sorted(tens, key=len, reverse=True))
    # the second word closes the number: "entre quinientos y mil quinientos" is 500 to 1,500, left to the rules
    units = "ciento|un|uno|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez"
    found = re.search(rf"\bentre ({words}) y ({words})\b(?!\s+(?:{words}|{units})\b)", text)
    if not found:
        return request
    reworded = text[: found.start()] + f"entre {tens[found.group(1)]} y {tens[found.group(2)]}" + text[found.end():]
    heard = again(reworded)
    if heard.price is None or heard.intent in _NO_WISH:
        return request
    return request.model_copy(update={"price": heard.price, "relative_price": None})


def _off_topic(request: Any, text: str, language: str) -> Any:
    """A message that shops for nothing though it may name a product (see the table's "off_topic")."""
    if request.intent == "off_topic" or request.references:
        return request
    if not word_tables.has(_DATA, "off_topic", language, text) or word_tables.has(_DATA, "wish", language, text):
        return request
    return request.model_copy(update={
        "intent": "off_topic", "include": {}, "exclude": {}, "price": None, "relative_price": None,
        "avoid_words": [], "show_now": False,
    })


def _which(request: Any, text: str, language: str) -> Any:
    """"entre el JBL y el boAt cuál suena mejor": which of two or more shown items is a comparison."""
    if request.intent not in ("more_like", "ask_about_item") or len(request.references) < 2:
        return request
    if request.include or request.exclude or not word_tables.has(_DATA, "which", language, text):
        return request
    return request.model_copy(update={"intent": "compare"})


def _topic_before_refusal(
    request: Any, text: str, language: str, context: Any, vocabulary: Any, again: Callable[[str], Any],
) -> Any:
    """"包包 不要黑色的 棕色也不要", "包包 黑色的不要": the product type named before the first refusal is the
    topic of the message, wanted; only what the refusals name is refused."""
    if language != "zh" or not request.exclude or request.include:
        return request
    from chatrec.understanding import type_fields

    types = set(type_fields(list(getattr(vocabulary, "fields", ()) or request.exclude)))
    found = word_tables.pattern(_DATA, "negation", language)
    hit = found.search(text) if found else None
    if hit is None or hit.start() == 0:
        return request
    topic = again(text[: hit.start()])
    moved = {name: [v for v in values if v in (request.exclude.get(name) or [])]
             for name, values in topic.include.items() if name in types}
    moved = {name: values for name, values in moved.items() if values}
    if not moved:
        return request
    exclude = {name: [v for v in values if v not in moved.get(name, [])] for name, values in request.exclude.items()}
    exclude = {name: values for name, values in exclude.items() if values}
    if not exclude:
        return request  # nothing else refused: "手机 不要了" turns the product down
    searching = bool(getattr(context, "searching", False))
    return request.model_copy(update={
        "include": moved, "exclude": exclude, "intent": "refine" if searching else "recommend",
    })


def _searched_type_kept(request: Any, context: Any) -> Any:
    """"no me muestres más relojes dorados" while watches are searched: the type searched, said inside the
    refusal of a value of it, stays wanted; the value is refused."""
    current = getattr(context, "current", None) or {}
    if request.intent != "refine" or not current:
        return request
    kept: dict[str, list[str]] = {}
    for name, values in request.exclude.items():
        searched = {str(v).casefold() for v in current.get(name) or []}
        same = [v for v in values if str(v).casefold() in searched]
        if same:
            kept[name] = same
    if not kept or all(set(values) == set(kept.get(name, [])) for name, values in request.exclude.items()):
        return request  # only the type refused: "no more watches" is a change of mind, left as read
    exclude = {name: [v for v in values if v not in kept.get(name, [])] for name, values in request.exclude.items()}
    include = {name: list(values) for name, values in request.include.items()}
    for name, values in kept.items():
        include[name] = list(dict.fromkeys([*include.get(name, []), *values]))
    return request.model_copy(update={
        "include": include, "exclude": {name: values for name, values in exclude.items() if values},
    })


def _laptop_charger(request: Any, text: str, language: str, vocabulary: Any) -> Any:
    """"mi laptop necesita un cargador", "笔记本充电器": a charger beside a laptop is a laptop charger."""
    kinds = request.include.get("category") or []
    if not kinds or not all("Charger" in str(k) for k in kinds) or _LAPTOP_CHARGERS in kinds:
        return request
    if not word_tables.has(_DATA, "laptop_word", language, text):
        return request
    if _LAPTOP_CHARGERS not in (getattr(vocabulary, "counts", {}).get("category") or {}):
        return request
    include = {name: [v for v in values if v != _LAPTOPS] for name, values in request.include.items()}
    include["category"] = [_LAPTOP_CHARGERS]
    return request.model_copy(update={"include": {name: values for name, values in include.items() if values}})
