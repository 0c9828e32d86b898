"""Chinese, Spanish and German wording found by blind set 54 (issue 12, brief i12ay) that the rules
before misread: classes of wording, each covered by one mechanism, not one sentence.

:func:`adjust` runs last, on the shopper's own words:

- wording read again the way the rules read it (the table's "reword"): Singapore/Malaysian English words
  said with spaces inside 不要…的 ("不要 white 的") and "color" in a Chinese message, "X的别来了", "除了X
  其他…都可以" (X refused, the rest wanted), a filler 那个 between a refusal and the next wish, northern 整
  for buying ("整一个…"); Spanish "X no gracias"; Berlin/Ruhr "wat", "dat", "haste", "hamse", "ick", "X find
  ich cringe", and the salutation of a formal letter ("Sehr geehrte Damen und Herren": no wearer);
- several refused values before one 都不要 ("紫的粉的都不要"): each refused;
- budgets: the English word "budget" in a Chinese message, "1k5", 一两百 / 一两千, 不要超过, 最少也得;
  "minimo 20 mil", "entre 10 y 20 lucas", "no me gasto mas de"; German "nix über";
- shoes said with the sport they are for, away from the shoe word ("tenis blancos pa mujer pa correr",
  "championes ... de deporte"): sports shoes;
- a price question about the item pointed at, without "?" ("der zweite, was kostet der"): a question;
- questions about buses and timetables ("a que hora pasa la guagua"): off topic.

The word patterns are in ``chatrec/data/set54_classes.json``; words the lexicon lacked (大裤衩, 男娃儿,
能煮饭的, 书标, 路油器, franela, mahones, bambas, championes, espejuelos, jeva, "meine Olle", Reiskocher,
sportlich) in ``chatrec/data/lexicon_set54.json``.
"""

from __future__ import annotations

import contextvars
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from chatrec import word_tables

__all__ = ["adjust"]

_DATA = Path(__file__).parent / "data" / "set54_classes.json"
_LANGUAGES = ("zh", "es", "de")
_NO_WISH = ("off_topic", "chitchat")
_SPORTS_SHOES = "Sports Shoes"
# A message read again is read by the whole pipeline, this step included: it must not rewrite again.
_reading_again: contextvars.ContextVar[bool] = contextvars.ContextVar("set54_reading_again", default=False)


def _table() -> dict[str, Any]:
    """The word lists and patterns of this module (:mod:`chatrec.word_tables`)."""
    return word_tables.table(str(_DATA))


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
    language = str(request.language)
    if language not in _LANGUAGES or _reading_again.get():
        return request
    text = word_tables.folded(message)

    again = word_tables.guarded(_reading_again, read_again)

    request = _reworded(request, text, language, again)
    request = _budget(request, text, language, again)
    request = _schedule(request, text, language)
    if request.intent in _NO_WISH:
        return request
    request = _sport_purpose(request, text, language, vocabulary)
    request = _price_question(request, text, language)
    return _refused_list(request, text, language, again)


def _reworded(request: Any, text: str, language: str, again: Callable[[str], Any]) -> Any:
    """Wording the rules misread (see the table's "reword"), read again as they read it."""
    return word_tables.read_reworded(str(_DATA), "reword", request, text, language, again)


def _budget(request: Any, text: str, language: str, again: Callable[[str], Any]) -> Any:
    """"budget 大概两百", "1k5", "一两百块", "minimo 20 mil", "nix über 50": the budget read again."""
    reworded = word_tables.rewritten(
        str(_DATA), "budget", language, word_tables.rewritten(str(_DATA), "reword", language, text))
    if reworded == word_tables.rewritten(str(_DATA), "reword", language, text):
        return request
    heard = again(reworded)
    if heard.price is None or heard.intent in _NO_WISH:
        return request
    return request.model_copy(update={"price": heard.price, "relative_price": None})


def _schedule(request: Any, text: str, language: str) -> Any:
    """"a que hora pasa la guagua": a question about buses or timetables, with no wish, is off topic."""
    if request.include or request.exclude or request.price is not None or request.references:
        return request
    if not word_tables.has(str(_DATA), "schedule", language, text):
        return request
    return request.model_copy(update={"intent": "off_topic", "show_now": False})


def _sport_purpose(request: Any, text: str, language: str, vocabulary: Any) -> Any:
    """"tenis blancos pa mujer pa correr": shoes said with the sport they are for are sports shoes."""
    if request.include.get("subCategory") != ["Shoes"] or request.include.get("category"):
        return request
    if not word_tables.has(str(_DATA), "sport_purpose", language, text):
        return request
    include = {name: list(values) for name, values in request.include.items() if name != "subCategory"}
    include["category"] = [_SPORTS_SHOES]
    if include.get("usage") == ["Sports"]:
        del include["usage"]  # the sport said is the shoe's kind, not a second wish
    return request.model_copy(update={"include": include})


def _price_question(request: Any, text: str, language: str) -> Any:
    """"der zweite, was kostet der": the price of the item pointed at, asked without "?", is a question."""
    pointed = request.references and not request.include and not request.exclude and request.price is None
    if request.intent != "more_like" or not pointed or request.relative_price:
        return request
    if not word_tables.has(str(_DATA), "price_question", language, text):
        return request
    return request.model_copy(update={"intent": "ask_about_item", "show_now": False})


def _refused_list(request: Any, text: str, language: str, again: Callable[[str], Any]) -> Any:
    """"紫的粉的都不要": every value listed before one 都不要 is refused, not only the last."""
    found = word_tables.pattern(str(_DATA), "refusal_list", language)
    match = found.search(text) if found else None
    if match is None:
        return request
    values = [v for v in re.split(r"的[\s,、]*", match.group(1)) if v.strip()]
    refused = again(" ".join(f"不要{v}的" for v in values))
    exclude = {name: list(vs) for name, vs in request.exclude.items()}
    added = False
    for name, vs in refused.exclude.items():
        for value in vs:
            if value not in exclude.setdefault(name, []):
                exclude[name].append(value)
                added = True
    if not added:
        return request
    include = {name: [v for v in vs if v not in exclude.get(name, [])]
               for name, vs in request.include.items()}
    include = {name: vs for name, vs in include.items() if vs}
    return request.model_copy(update={"exclude": exclude, "include": include})
