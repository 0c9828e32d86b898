"""Chinese, Spanish and German wording found by blind set 50 (issue 12, brief i12ao) that the rules
before misread: classes of wording, each covered by one mechanism, not one sentence.

:func:`adjust` runs last, on the shopper's own words:

- a sentence-final particle the refusal rules lack ("红色的不要喔", "黑的不要哦"): the message is
  read again without it;
- German money slang ("nen Hunni max", "nen Fuffi", "zwei Zwannis"), an approximate amount said
  with a cap ("unos 60 mil pesos máximo", "so um die 80 Euro max", "60 lucas como máximo") and a
  budget with a filler word before its amount ("预算就一千块左右", as "budget about N" is up to N):
  the message is read again in the wording the rules know, and its budget taken;
- a shown item asked to be shown again ("zeig mir nochmal die Noise", "muéstrame otra vez los
  primeros dos", "那个jade fog颜色的 再给我看看"): show again (which carries no reference);
- shown items turned down with a new batch asked for ("第一个和第二个都不行 换一批"): rejected;
- "换个noise的", "换成三星的": a switch of the wish to the value named, a change of the search
  (no rejection of the shown items);
- whether the item in focus comes in other colours, with no colour named ("这个color有别的吗",
  "它还有其他颜色吗", "¿la tienen en otros colores?"): a question about that item;
- a question about what a shown item is made of, or by whom, naming it by a noun and its colour
  ("¿de qué material es la cartera azul?", "aus welchem Material ist die schwarze Tasche?",
  "蓝色那个包是什么材质"): a question about the one shown item of that colour, no wish;
- "do you sell X?" for a product the rules find no value for ("venden bicicletas?", "verkauft ihr
  auch Autoreifen", "你们卖游艇吗"): off topic, in the language of the question;
- delivery firms, payment apps and the assistant's model ("你们发顺丰吗 几天能到", "Kann ich mit
  Twint zahlen?", "¿puedo pagar con Yape?", "你用的什么模型"): off topic;
- no preference for the question asked, said with a condition ("mir egal, Hauptsache unter 10k",
  "da igual, que no pase de 500"): an answer, with the condition;
- "both" after two shown items named ("das OnePlus und das Samsung find ich beide gut"): those two.

The word patterns are in ``chatrec/data/set50_classes.json``; words the lexicon lacked (板鞋,
baratico, selu, casaca, "fürs Büro", "fürn", "Hauptsache") in ``chatrec/data/lexicon_set50.json``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from chatrec import word_tables
from chatrec.request import ItemReference

__all__ = ["adjust"]

_DATA = Path(__file__).parent / "data" / "set50_classes.json"
_LANGUAGES = ("zh", "es", "de")
_WISHES = ("recommend", "refine")
_NO_WISH = ("off_topic", "chitchat")


def _table() -> dict[str, Any]:
    """The word lists and patterns of this module (:mod:`chatrec.word_tables`)."""
    return word_tables.table(str(_DATA))


def _has(name: str, language: str, text: str) -> bool:
    return word_tables.has(str(_DATA), name, language, text)


_fold = word_tables.folded


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
    text = _fold(message)
    language = _sell_language(request, text)
    if language not in _LANGUAGES:
        return request
    if language != request.language:
        request = request.model_copy(update={"language": language})
    request = _without_particle(request, text, language, read_again)
    request = _budget_reworded(request, text, language, read_again)
    request = _not_shopping(request, text, language)
    request = _no_preference(request, text, language, context)
    shown = list(getattr(context, "shown", ()) or ())
    if not shown or request.intent in _NO_WISH:
        return request
    request = _shown_again(request, text, language)
    request = _new_batch(request, text, language)
    request = _switched(request, text, language, context)
    request = _other_colours(request, text, language, context, shown)
    request = _spec_question(request, text, language, shown)
    return _both_named(request, text, language, shown)


def _sell_language(request: Any, text: str) -> str:
    """The request's language, or Spanish / German for a short "do you sell" question read as English."""
    if request.language != "en":
        return str(request.language)
    for language in ("es", "de"):
        if _has("sell_language", language, text):
            return language
    return "en"


def _no_wish(request: Any, intent: str) -> Any:
    return request.model_copy(update={
        "intent": intent, "include": {}, "exclude": {}, "price": None, "relative_price": None,
        "references": [], "avoid_words": [], "show_now": False, "drop": [],
    })


def _without_particle(request: Any, text: str, language: str, read_again: Callable[[str], Any]) -> Any:
    """"红色的不要喔": the message read again without its closing particle."""
    pattern = word_tables.pattern(str(_DATA), "final_particle", language)
    if pattern is None or not pattern.search(text):
        return request
    stripped = pattern.sub("", text).strip()
    if not re.search(r"[^\W\d_]", stripped):
        return request
    again = read_again(stripped)
    return again.model_copy(update={"language": language})


def _budget_reworded(request: Any, text: str, language: str, read_again: Callable[[str], Any]) -> Any:
    """"nen Hunni max", "unos 60 mil pesos máximo", "预算就一千块左右": the budget of the reworded message."""
    reworded = text
    for pattern, replacement in _table()["reword"].get(language, []):
        reworded = re.sub(pattern, replacement, reworded)
    reworded = re.sub(r"\s+", " ", reworded).strip()
    if reworded == text:
        return request
    again = read_again(reworded)
    if again.price is None or again.intent in _NO_WISH:
        return request
    return request.model_copy(update={"price": again.price, "relative_price": None})


def _not_shopping(request: Any, text: str, language: str) -> Any:
    """Delivery, payment apps, the assistant's model, "do you sell" a product the shop has no value for."""
    if request.intent == "off_topic":
        return request
    if _has("paying", language, text) and not request.references:
        return _no_wish(request, "off_topic")
    if _has("support", language, text) and not request.price and not (
        request.include and request.intent in _WISHES and not _has("sell_question", language, text)
    ):
        return _no_wish(request, "off_topic")
    if _has("sell_question", language, text) and request.intent in (*_WISHES, "ask_about_item", "chitchat") \
            and not request.include and not request.exclude and request.price is None and not request.references:
        return _no_wish(request, "off_topic")
    return request


def _no_preference(request: Any, text: str, language: str, context: Any) -> Any:
    """"mir egal, Hauptsache unter 10k": no preference for the question asked, with a condition."""
    pending = getattr(context, "pending", None)
    if pending is None or request.intent not in _WISHES or pending[0] in request.include \
            or request.references or not _has("no_preference", language, text):
        return request
    return request.model_copy(update={"intent": "answer", "answered": pending[0]})


def _similar(language: str, text: str) -> bool:
    return _has("similar", language, text)


def _shown_again(request: Any, text: str, language: str) -> Any:
    """"zeig mir nochmal die Noise": the shown item asked again is shown again."""
    if request.intent not in ("more_like", "recommend", "refine", "ask_about_item", "reject") or request.exclude \
            or request.price is not None or request.relative_price or not _has("show_again", language, text) \
            or _similar(language, text) or set(request.include) & {"category", "subcategory", "subCategory"}:
        return request  # "再看看HDMI线": another product to look at, no item shown again
    return _no_wish(request, "show_again")


def _new_batch(request: Any, text: str, language: str) -> Any:
    """"第一个和第二个都不行 换一批": the items pointed at are turned down."""
    if request.intent != "more_like" or not request.references or request.include \
            or not _has("new_batch", language, text) or re.search(r"类似|像|同款|一样", text):
        return request
    return request.model_copy(update={"intent": "reject"})


def _switched(request: Any, text: str, language: str, context: Any) -> Any:
    """"换个noise的 2000以下": a switch to the value named is a change of the search, not a rejection."""
    if request.intent != "reject" or not request.include or request.references \
            or not _has("switch_to", language, text):
        return request
    searching = bool(getattr(context, "current", None) or getattr(context, "shown", None))
    return request.model_copy(update={"intent": "refine" if searching else "recommend"})


def _focus(context: Any, shown: list[Any]) -> list[int]:
    last = [p for p in (getattr(context, "last_references", None) or []) if 1 <= p <= len(shown)]
    if last:
        return last
    return [1] if len(shown) == 1 else []


def _reference(position: int, shown: list[Any], how: Literal["position", "title", "attribute"] = "position") -> ItemReference:
    item = shown[position - 1]
    return ItemReference(position=position, item_id=str(getattr(item, "id", "")) or None, how=how)


def _other_colours(request: Any, text: str, language: str, context: Any, shown: list[Any]) -> Any:
    """"这个color有别的吗": whether the item in focus comes in other colours, a question about it."""
    if request.intent == "ask_about_item" and request.references:
        return request
    if any(request.include.get(name) for name in ("baseColour", "colour", "color")) \
            or not _has("other_colours", language, text) or _has("more_wanted", language, text):
        return request
    positions = [r.position for r in request.references] or (
        _focus(context, shown) if _has("focus", language, text) or language == "zh" else [])
    if not positions:
        return request
    updated = _no_wish(request, "ask_about_item")
    return updated.model_copy(update={"references": [_reference(p, shown) for p in positions]})


def _colours(item: Any) -> set[str]:
    attributes = getattr(item, "attributes", None) or {}
    value = attributes.get("baseColour") if isinstance(attributes, dict) else None
    return {str(value).casefold()} if value else set()


def _spec_question(request: Any, text: str, language: str, shown: list[Any]) -> Any:
    """"¿de qué material es la cartera azul?": a question about the one shown item of that colour."""
    if request.intent not in _WISHES or request.references or request.price is not None \
            or not _has("spec_question", language, text):
        return request
    colours = {v.casefold() for v in request.include.get("baseColour", [])}
    if len(colours) != 1:
        return request
    positions = [p for p, item in enumerate(shown, start=1) if colours & _colours(item)]
    if len(positions) != 1:
        return request
    updated = _no_wish(request, "ask_about_item")
    return updated.model_copy(update={"references": [_reference(positions[0], shown, "attribute")]})


def _both_named(request: Any, text: str, language: str, shown: list[Any]) -> Any:
    """"das OnePlus und das Samsung find ich beide gut": "both" is the two items named by their brand."""
    if len(request.references) <= 2 or not _has("both", language, text):
        return request
    named = [
        p for p, item in enumerate(shown, start=1)
        if (brand := str(getattr(item, "brand", "") or "").casefold())
        and re.search(rf"(?<![^\W\d_]){re.escape(brand)}(?![^\W\d_])", text)
    ]
    if len(named) != 2 or len({str(getattr(shown[p - 1], "brand", "")).casefold() for p in named}) != 2:
        return request
    return request.model_copy(update={"references": [_reference(p, shown, "title") for p in named]})
