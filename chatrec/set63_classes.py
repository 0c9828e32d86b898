"""Chinese, Spanish and German wording found by blind set 63 (issue 12, brief i12da) that the rules before
misread: classes of wording, each covered by one mechanism, not one sentence.

:func:`adjust` runs at the end of the rules' chain, on the shopper's words:

- Northern and Saxon German written as spoken (:func:`_dialect`: "blau nich", "die weißn will'ch ni",
  "gugge ma, die erschde", "so um de hundert Euro rum", "mein Jung", "Gleid" / "Gleene" with g- for k-) and
  student money slang ("15 Kohle", "20 Mäuse", "Öcken", "Kröten": euros): read again in standard German, as
  German;
- wording read again the way the rules read it (the table's "reword"): Beijing 甭 (don't), 欧 after an amount
  (euros), 100-yuan notes called 毛爷爷 / 红票子 ("两张毛爷爷": 200 块), family words (孙女 / 外孙 / 爷们儿,
  nieta / nieto, Enkelin / Enkel: girls, boys, men), 汗衫 (T-shirt), Pulli; a Spanish colour refused with a
  trailing "no" ("polos blancos no"), Spanish money slang (pavos, pelas: euros), a sleeve length (manga
  corta: no catalogue field);
- a garment for a ceremony (Konfirmation, Taufe, Hochzeit, festlich; boda, comunión; 婚礼, 喜宴): formal use;
- a question about an order's delivery ("今天下单明天能到吗", "¿dónde está mi pedido?") is off topic; a greeting,
  farewell or praise of the service ("Moin! Schönen Schnack noch", "你们客服真给力") is chit-chat;
- a Spanish message with an English word in it ("puedes chequear mi order?") stays Spanish.

The word patterns are in ``chatrec/data/set63_classes.json``.
"""

from __future__ import annotations

import contextvars
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from chatrec import word_tables

__all__ = ["adjust"]

_DATA = str(Path(__file__).parent / "data" / "set63_classes.json")
_LANGUAGES = ("zh", "es", "de")
_NO_WISH = ("off_topic", "chitchat")
_WISHES = ("recommend", "refine")
_FORMAL = "Formal"
_reading_again: contextvars.ContextVar[bool] = contextvars.ContextVar("set63_reading_again", default=False)


def adjust(
    request: Any, message: str, context: Any, vocabulary: Any, read_again: Callable[[str], Any],
) -> Any:
    """The request read from ``message``, corrected for the classes of this module (see the module).

    Args:
        request: The request the rules read.
        message: The shopper's words.
        context: The turn's context (items shown, wishes in force, pending question).
        vocabulary: The catalogue's values.
        read_again: Reads the message reworded in the same context.

    Returns:
        The corrected request (the same object when no class applies).
    """
    if _reading_again.get():
        return request
    text = word_tables.folded(message)
    again = word_tables.guarded(_reading_again, read_again)
    request = _spanish(request, text)
    german = _german(request, text)
    language = "de" if german != text else str(request.language)
    if language not in _LANGUAGES:
        return request
    reworded = word_tables.rewritten(_DATA, "reword", language, german)
    if reworded != text and re.search(r"[^\W\d_]", reworded):
        heard = again(reworded)
        if heard.intent not in _NO_WISH or request.intent in _NO_WISH or heard.intent == "off_topic":
            request = heard.model_copy(update={"language": language})
    request = _talk(request, text, language)
    request = _both(request, text, language, context)
    if request.intent not in _WISHES:
        return request
    return _ceremony(request, text, language, vocabulary)


def _spanish(request: Any, text: str) -> Any:
    """"puedes chequear mi order? no me ha llegado todavía": a message read as English for an English word
    in it is Spanish when at least three Spanish words are in it."""
    if str(request.language) != "en":
        return request
    source = word_tables.table(_DATA)["spanish_words"]
    if len(re.findall(source, text)) < 3:
        return request
    return request.model_copy(update={"language": "es"})


def _german(request: Any, text: str) -> str:
    """"ne, blau nich", "die weißn will'ch ni", "so um de hundert Euro rum": Northern or Saxon German written in
    standard German (the table's words, then a Saxon initial g- for k-: "Gleid", "Gleene"), when a word of
    the table's marker is in it; the text unchanged otherwise."""
    if str(request.language) not in ("de", "en", "other"):
        return text
    dialect = word_tables.table(_DATA)["dialect"]
    if not re.search(dialect["marker"], text):
        return text
    reworded = text
    for found, replacement in dialect["words"]:
        reworded = re.sub(found, replacement, reworded)
    reworded = re.sub(r"\bg(\w{3,})", _k_for_g, reworded)
    return re.sub(r"\s+", " ", reworded).strip(" ,")


def _k_for_g(found: re.Match[str]) -> str:
    """"gleid" -> "kleid", "gleene" -> "kleine": Saxon g- for k- (and ee for ei), when the k- word is German
    and the g- word is not."""
    from chatrec.language import Lexicon

    word = found.group(0)
    lexicon = Lexicon.default()
    if lexicon.is_word("de", word):
        return word
    for candidate in ("k" + found.group(1).replace("ee", "ei"), "k" + found.group(1)):
        if lexicon.is_word("de", candidate):
            return candidate
    return word


def _talk(request: Any, text: str, language: str) -> Any:
    """A delivery question is off topic; a greeting, farewell or praise of the service is chit-chat; only when
    the message names no product, amount or shown item."""
    if request.references or request.include or request.exclude or request.price:
        return request
    talk = word_tables.table(_DATA)["talk"]
    for intent in ("off_topic", "chitchat"):
        source = talk[intent].get(language)
        if source and re.search(source, text):
            if request.intent == intent:
                return request
            return request.model_copy(update={
                "intent": intent, "include": {}, "exclude": {}, "price": None, "relative_price": None,
                "show_now": False,
            })
    return request


def _both(request: Any, text: str, language: str, context: Any) -> Any:
    """"两个都是5G的吗", "¿los dos tienen cámara?", "haben beide Bluetooth?": a question about both of two shown
    items asks about both (a feature word also in one title names no single item)."""
    shown = list(getattr(context, "shown", None) or [])
    if request.intent != "ask_about_item" or len(shown) != 2 or len(request.references) == 2:
        return request
    if not word_tables.has(_DATA, "both", language, text):
        return request
    if any(ref.how not in ("title", "attribute") for ref in request.references):
        return request
    if word_tables.has(_DATA, "one_of_both", language, text):  # "el más barato de los dos": one of them
        return request
    from chatrec.request import ItemReference

    references = [ItemReference(position=i + 1, item_id=str(getattr(item, "id", "")) or None, how="all")
                  for i, item in enumerate(shown)]
    return request.model_copy(update={"references": references})


def _ceremony(request: Any, text: str, language: str, vocabulary: Any) -> Any:
    """"ein Hemd zur Konfirmation", "camisa para la comunión", "参加婚礼穿的西裤": a shirt, trousers, blazer or
    suit for a ceremony is formal (a dress or heels for a wedding keep no usage, as the earlier sets label them)."""
    source = word_tables.table(_DATA)["ceremony"].get(language)
    if not source or "usage" in request.include or not re.search(source, text):
        return request
    garments = word_tables.table(_DATA)["ceremony"]["garments"]
    if not set(garments) & set(request.include.get("category") or []):
        return request
    if _FORMAL not in ((getattr(vocabulary, "counts", {}) or {}).get("usage") or {}):
        return request
    return request.model_copy(update={"include": {**request.include, "usage": [_FORMAL]}})
