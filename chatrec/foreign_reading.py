"""Chinese, Spanish and German shoppers: classes of wording found by blind set 39 (issue 12,
brief i12w) that the rules before misread.

Each mechanism covers a class of wording in the three languages, not one sentence:

- :func:`rewrite`, on the folded message before it is read: the Cantonese "which" (邊隻, 邊個,
  邊部: 边 + a measure word) as the Mandarin 哪, so "邊隻電池最耐" is read as "哪只电池最耐"; the
  colloquial German "nich" as "nicht" ("die gefallen mir nich"); "看不上" (can't stand) as 不喜欢; a space before a Chinese
  phrase that says what is wanted as a comma ("不喜欢红色的 要蓝色的包": the refusal ends there); a wish refused after it is named
  ("weiß auf keinen Fall", "negro ni loco") as "kein weiß" / "no negro".

- :func:`adjust`, after a message is read:

  - a support question about returns, exchanges or delivery ("不合适可以退吗", "¿cuánto tarda el
    envío?", "kann ich das zurückschicken?"), even naming a product ("鞋子不合适能退吗", "kann ich
    die Schuhe umtauschen?"): off topic;
  - a question about the assistant ("你会说英语吗", "¿hablas inglés?", "sprichst du Englisch?") or
    the shop's premises ("实体店有吗", "Öffnungszeiten?"): off topic;
  - an insult to the assistant the other modules lack ("你是sb吗", "听不懂人话", "no entendés
    nada", "du checkst gar nix"): small talk;
  - the shown items disliked with nothing named ("die gefallen mir nich", "no me gustan",
    "都不太喜欢", "唔鍾意"): none of them (a rejection);
  - some shown items turned down and "the others" wanted ("除了第一个 其他几个再来点", "el más
    barato no, algo como los otros dos", "bis auf die erste, die anderen"): more like the rest;
  - one pointed at, turned down, and "others" asked for with nothing liked ("最贵的那个不要 换几个
    别的", "la roja no, otras"): a rejection that keeps the item pointed at;
  - a shown item named by a number and unit of its title ("那个1.78寸屏幕的", "la de 10W",
    "der mit 128GB"): a reference to it;
  - a value that some shown items have, said with a pointing word and no "but in" ("aquellos
    verdes", "ese azul de Nike", "那件白T"): it names which shown items are meant (those of the
    ones pointed at that have it), no new wish;
  - items pointed at and "any more?" ("los dos negros me gustan, ¿hay más?", "gibt es mehr
    davon?"): more like them, no question about them;
  - "both" with a title word two shown items share ("beide Being Human Uhren", "los dos
    Wrangler"): those two;
  - the items shown before asked for again with a noun between ("zeig mir nochmal die Fernseher von
    eben", "¿me mostrás otra vez los anteriores?"): show them again;
  - "this one" with a question, nothing pointed at, after an item was pointed at last turn
    ("这款拍照怎么样", "¿y esta qué tal?"): a question about that item.

The words are in ``chatrec/data/foreign_reading.json``.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

__all__ = ["adjust", "rewrite"]

_DATA = Path(__file__).parent / "data" / "foreign_reading.json"
_LANGUAGES = ("zh", "es", "de")
_MEASURE = "(?:个|件|双|款|条|只|块|台|部|对|支|顶|套)"


@functools.lru_cache(maxsize=1)
def _patterns() -> dict[str, dict[str, re.Pattern[str]]]:
    """The word patterns of this module, compiled once per process: table -> language -> pattern."""
    with _DATA.open(encoding="utf-8") as handle:
        table: dict[str, dict[str, str]] = json.load(handle)
    return {
        name: {language: re.compile(pattern) for language, pattern in by_language.items()}
        for name, by_language in table.items() if not name.startswith("_")
    }


def _has(table: str, language: str, text: str) -> bool:
    pattern = _patterns()[table].get(language)
    return bool(pattern is not None and pattern.search(text))


def rewrite(text: str, language: str) -> str:
    """A folded message with the Cantonese "which" (边 + a measure word) written as the Mandarin 哪
    and the colloquial German "nich" / "is" as "nicht" / "ist", so the phrases the lexicon knows
    with them ("gefallen mir nicht") are read."""
    if language == "de":
        text = re.sub(r"\bis nich\b", "ist nicht", re.sub(r"\bnich\b", "nicht", text))
        # "weiß auf keinen Fall", "Rot bloß nicht": a wish refused after it is named
        return re.sub(r"\b([a-z]{3,}) (?:auf keinen fall|keinesfalls|bloss nicht|lieber nicht)\b",
                      lambda f: f.group(0) if f.group(1) in _DE_NOT_VALUES else f"kein {f.group(1)}", text)
    if language == "es":
        # "rojo ni loco", "negro de ninguna manera": the same in Spanish
        return re.sub(r"\b([a-z]{3,}) (?:de ninguna manera|ni loc[oa]|ni de broma)\b",
                      lambda f: f.group(0) if f.group(1) in _ES_NOT_VALUES else f"no {f.group(1)}", text)
    if language != "zh":
        return text
    text = re.sub(r"看不上眼?|看不中", "不喜欢", text)  # "第二台看不上": turned down
    # "不喜欢红色的 要蓝色的包": a space before what is wanted ends the clause before, as a comma does
    text = re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=(?:我)?(?:想要|要|但是|但|可是|换成|改成)[\u4e00-\u9fff])", "，", text)
    return re.sub(rf"边(?={_MEASURE})", "哪", text)


_DE_NOT_VALUES = frozenset({"das", "dies", "dieses", "was", "sie", "der", "die", "den", "alles", "nichts", "mir", "uns", "aber", "und",
                             "oder", "bitte", "also", "nee", "nein", "ganz", "sowas"})
_ES_NOT_VALUES = frozenset({"eso", "esto", "que", "pero", "por", "favor", "nada", "algo", "porfa", "los", "las", "una", "uno"})


def _ref(position: int, shown: list[Any], how: Literal["position", "title", "attribute", "other", "all"]) -> Any:
    from chatrec.request import ItemReference

    item = shown[position - 1]
    return ItemReference(position=position, item_id=str(getattr(item, "id", "")) or None, how=how)


def _item_values(item: Any, name: str) -> set[str]:
    from chatrec.language import fold

    value = getattr(item, name, None) if name in ("category", "brand") else (getattr(item, "attributes", {}) or {}).get(name)
    return {fold(str(value))} if value else set()


def _no_wish(request: Any, intent: str) -> Any:
    return request.model_copy(update={
        "intent": intent, "include": {}, "exclude": {}, "price": None, "relative_price": None, "references": [],
        "avoid_words": [], "show_now": False, "query": "",
    })


def _support_or_insult(request: Any, text: str, language: str) -> Any:
    plain = not request.include and not request.references and request.price is None
    if request.intent in ("recommend", "refine", "chitchat") and not request.references and request.price is None and (
            _has("support_question", language, text) or (plain and _has("support", language, text))):
        return _no_wish(request, "off_topic")  # "不合适可以退吗": a question for the shop, not a wish
    if (plain and request.intent in ("recommend", "refine", "chitchat") and _has("insult", language, text)
            and _has("addressed", language, text)):
        return _no_wish(request, "chitchat")  # "你是sb吗": an insult to the assistant
    if plain and request.intent in ("recommend", "refine", "chitchat") and _has("about_you", language, text):
        return _no_wish(request, "off_topic")  # "你会说英语吗": a question about the assistant
    return request


def _show_again(request: Any, text: str, language: str, context: Any) -> Any:
    """"zeig mir nochmal die Fernseher von eben", "再给我看看刚才那些": the items shown before."""
    if request.intent not in ("refine", "recommend", "more_like", "ask_about_item") or request.price is not None \
            or request.exclude or (request.intent == "ask_about_item" and request.references):
        return request
    current = getattr(context, "current", {}) or {}
    if any(name not in current for name in request.include):
        return request  # a new wish ("die Fernseher" only restates the kind searched)
    if not _has("show_again", language, text):
        return request
    return request.model_copy(update={"intent": "show_again", "references": [], "include": {}, "show_now": True})


def _the_others(request: Any, text: str, language: str, shown: list[Any]) -> Any:
    """Some shown items turned down and "the others" wanted, or one turned down and others asked for."""
    named = sorted({r.position for r in request.references if r.how != "all"})
    if not named or len(named) >= len(shown) or not _has("refusal", language, text):
        return request
    if request.intent not in ("more_like", "ask_about_item", "reject", "refine", "recommend") or request.include:
        return request
    if _has("others", language, text) and _has("like", language, text):
        rest = [p for p in range(1, len(shown) + 1) if p not in named]
        return request.model_copy(update={
            "intent": "more_like", "references": [_ref(p, shown, "other") for p in rest],
            "show_now": True, "exclude": {}, "avoid_words": [],
        })
    if (request.intent == "more_like" and _has("other_ones", language, text) and not _has("like", language, text)
            and not _has("others", language, text) and all(r.how != "other" for r in request.references)):
        return request.model_copy(update={"intent": "reject"})  # "最贵的那个不要 换几个别的"
    return request


_NUMBER = re.compile(r"(\d+(?:\.\d+)?)\s*([a-z\"寸英瓦毫]+)")


def _by_number(request: Any, text: str, shown: list[Any]) -> Any:
    """A shown item named by a number and unit of its title ("那个1.78寸屏幕的", "la de 10W")."""
    if any(r.how != "all" for r in request.references) or request.intent not in ("more_like", "ask_about_item", "refine", "recommend"):
        return request
    units = _patterns()["units"]
    for found in _NUMBER.finditer(text):
        number, unit = found.group(1), found.group(2)
        family = next((units[name] for name in units if units[name].fullmatch(unit)), None)
        if family is None:
            continue
        # the number in a title, followed by a unit of the same family ("1.78\"", "10W", "128GB")
        in_title = re.compile(rf"(?<![\d.]){re.escape(number)}\s*(?:-\s*)?({family.pattern})(?![a-z])", re.IGNORECASE)
        hits = [p for p, item in enumerate(shown, start=1) if in_title.search(str(getattr(item, "title", "")))]
        if hits and len(hits) < len(shown):
            if request.price is not None and number in {f"{request.price.min:g}", f"{request.price.max:g}"}:
                continue
            intent = request.intent if request.intent in ("more_like", "ask_about_item") else "more_like"
            return request.model_copy(update={
                "intent": intent, "references": [_ref(p, shown, "attribute") for p in hits],
                "show_now": intent == "more_like",
            })
    return request


def _by_value(request: Any, text: str, language: str, shown: list[Any]) -> Any:
    """A value some shown items have, said with a pointing word: which shown items are meant."""
    if request.intent != "more_like" or not request.include or not _has("pointing", language, text):
        return request
    if _has("wish_marker", language, text):
        return request  # "el tercero pero en negro": a wish for another colour
    pointed = {r.position for r in request.references} or set(range(1, len(shown) + 1))
    include = {name: list(values) for name, values in request.include.items()}
    chosen = set(pointed)
    used = False
    for name, values in request.include.items():
        for value in values:
            having = {p for p, item in enumerate(shown, start=1) if value.casefold() in _item_values(item, name)}
            if not having or having >= set(range(1, len(shown) + 1)):
                continue  # no shown item has it, or every one does: a wish (or what they all are)
            narrowed = chosen & having
            if not narrowed:
                continue
            chosen, used = narrowed, True
            include[name] = [v for v in include[name] if v != value]
    if not used:
        return request
    include = {name: values for name, values in include.items() if values}
    return request.model_copy(update={
        "include": include, "references": [_ref(p, shown, "attribute") for p in sorted(chosen)],
    })


def _both_by_title(request: Any, text: str, language: str, shown: list[Any]) -> Any:
    """"beide Being Human Uhren": "both" and a title word exactly two shown items share."""
    from chatrec.language import fold

    if not request.references or not _has("both", language, text):
        return request
    words = {w for w in re.findall(r"[a-z][a-z0-9\-]{2,}", text)}
    titles = [set(re.findall(r"[a-z][a-z0-9\-]{2,}", fold(str(getattr(item, "title", ""))))) for item in shown]
    for word in sorted(words):
        having = [p for p, title in enumerate(titles, start=1) if word in title]
        if len(having) == 2 and having != sorted(r.position for r in request.references):
            return request.model_copy(update={"references": [_ref(p, shown, "title") for p in having]})
    return request


def _disliked(request: Any, text: str, language: str) -> Any:
    """"die gefallen mir nicht", "no me gustan", "都不太喜欢" with items shown and nothing named: none of them."""
    if (request.intent not in ("chitchat", "refine", "recommend") or request.references or request.include
            or request.exclude or request.price is not None or request.relative_price is not None):
        return request
    if not _has("dislike", language, text):
        return request
    return request.model_copy(update={"intent": "reject", "show_now": True, "query": "", "avoid_words": []})


def _more_of_them(request: Any, text: str, language: str) -> Any:
    """"los dos Wrangler me encantan, ¿hay más?": items pointed at and "any more?" asks for more like them."""
    if request.intent != "ask_about_item" or not request.references or not _has("more", language, text):
        return request
    return request.model_copy(update={"intent": "more_like", "show_now": True})


def _this_one(request: Any, text: str, language: str, context: Any, shown: list[Any]) -> Any:
    """"这款拍照怎么样" after an item was pointed at: a question about that item."""
    last = [p for p in (getattr(context, "last_references", None) or []) if 1 <= p <= len(shown)]
    if not last or request.references or request.intent not in ("recommend", "refine", "ask_about_item"):
        return request
    if request.price is not None or request.relative_price is not None:
        return request
    if not (_has("this_one", language, text) and _has("question", language, text)):
        return request
    return request.model_copy(update={
        "intent": "ask_about_item", "references": [_ref(p, shown, "position") for p in last],
        "include": {}, "exclude": {}, "show_now": False, "avoid_words": [],
    })


def adjust(
    request: Any, raw: str, context: Any, vocabulary: Any = None, read_again: Callable[[str], Any] | None = None,
) -> Any:
    """The request read from ``raw``, corrected for the classes of this module (see the module)."""
    from chatrec.language import fold

    language = request.language
    if language not in _LANGUAGES:
        return request
    text = rewrite(re.sub(r"\s+", " ", fold(raw)).strip(), language)
    request = _support_or_insult(request, text, language)
    shown = list(getattr(context, "shown", ()) or ()) if context is not None else []
    if shown:
        request = _disliked(request, text, language)
    if not shown or request.intent in ("off_topic", "chitchat", "start_over", "show_again", "answer"):
        return request
    request = _show_again(request, text, language, context)
    request = _this_one(request, text, language, context, shown)
    request = _by_number(request, text, shown)
    request = _more_of_them(request, text, language)
    request = _the_others(request, text, language, shown)
    request = _by_value(request, text, language, shown)
    return _both_by_title(request, text, language, shown)
