"""Chinese, Spanish and German wording found by blind set 52 (issue 12, brief i12at) that the rules
before misread: classes of wording, each covered by one mechanism, not one sentence.

:func:`adjust` runs last, on the shopper's own words:

- wording read again the way the rules read it: a refusal closing its clause after 都 / 亦
  ("TCL都唔要"), Cantonese "like X" (似…咁嘅) and "X and Y" (一同三), "anything besides X?"
  (除了X之外还有别的吗: X refused), a device named only as what the product is for
  ("苹果手机用的充电线": a cable, not a phone), Spain's "no me mola", German "weg damit";
- budgets: dollars said 美金 / 美元, Hong Kong 蚊 (the amount as said), "tengo como 100 euros para"
  (budget about N: up to N), German "so 50 bis 100 Franken" (a range, not only its top);
- a word of address or agreement closing a Spanish message ("…, tío", "… vale", "dale"): no wish
  and no wearer, and the message stays Spanish ("vale" is not the Hinglish "wale");
- the item pointed at, asked to be introduced ("最便宜嗰部介绍下"): a question about it;
- a complaint about the item pointed at and "another one" ("最后那件太素了，换一个"): turned down;
- an either/or question about the item pointed at, no question mark ("el dell ese es inalambrico o
  con cable"): a question about it;
- the shown items but one, compared ("不要LG那台，其他三台比一比"): compare the others;
- a value both wanted and refused by a negated phrase ("una tele que no sea MI ni OnePlus"): refused.

The word patterns are in ``chatrec/data/set52_classes.json``; words the lexicon lacked (連身裙, 背囊,
銀包, 細路女, 恤衫, 氣炸鍋, 智慧電視, chaval, koa, suech, Schue) in ``chatrec/data/lexicon_set52.json``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from chatrec import word_tables
from chatrec.language import detect_language
from chatrec.request import ItemReference

__all__ = ["adjust"]

_DATA = Path(__file__).parent / "data" / "set52_classes.json"
_LANGUAGES = ("zh", "es", "de")
_WISHES = ("recommend", "refine")
_NO_WISH = ("off_topic", "chitchat")
_fold = word_tables.folded


def _table() -> dict[str, Any]:
    """The word lists and patterns of this module (:mod:`chatrec.word_tables`)."""
    return word_tables.table(str(_DATA))


def _has(name: str, language: str, text: str) -> bool:
    return word_tables.has(str(_DATA), name, language, text)


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
    request, text = _spanish_filler(request, text, read_again)
    language = str(request.language)
    if language not in _LANGUAGES:
        return request
    request = _reworded(request, text, language, read_again)
    request = _device_for(request, text, language, read_again)
    request = _budget(request, text, language, read_again)
    if request.intent in _NO_WISH:
        return request
    request = _refused_wins(request)
    shown = list(getattr(context, "shown", ()) or ())
    if not shown:
        return request
    request = _introduce(request, text, language)
    request = _swap_one(request, text, language)
    request = _alternative_question(request, text, language)
    return _others_compared(request, text, language, shown, read_again)


def _spanish_filler(request: Any, text: str, read_again: Callable[[str], Any]) -> tuple[Any, str]:
    """"..., que no sean blancas tio", "nada de rosa vale": the closing word of address read away."""
    if request.language not in ("es", "en") or detect_language(text) != "es":
        return request, text
    pattern = word_tables.pattern(str(_DATA), "filler", "es")
    if pattern is None or not pattern.search(text):
        return request, text
    stripped = pattern.sub("", text).strip()
    if not re.search(r"[^\W\d_]", stripped) or detect_language(stripped) != "es":
        return request, text
    again = read_again(stripped)
    return again.model_copy(update={"language": "es"}), stripped


def _reworded(request: Any, text: str, language: str, read_again: Callable[[str], Any]) -> Any:
    """Wording the rules misread (see the table's "reword"), read again as they read it."""
    return word_tables.read_reworded(str(_DATA), "reword", request, text, language, read_again)


def _device_for(request: Any, text: str, language: str, read_again: Callable[[str], Any]) -> Any:
    """"苹果手机用的充电线": the phone is what the cable is for, not a second product wanted."""
    types = [v for name, values in request.include.items() if name in ("category", "subcategory") for v in values]
    if len(types) < 2 or not _table().get("device_for", {}).get(language):
        return request
    reworded = word_tables.rewritten(str(_DATA), "device_for", language, text)
    if reworded == text:
        return request
    again = read_again(reworded)
    if not again.include.get("category") or again.intent in _NO_WISH:
        return request
    return again.model_copy(update={"language": language})


def _budget(request: Any, text: str, language: str, read_again: Callable[[str], Any]) -> Any:
    """"一百美金以内", "三百蚊以下", "tengo como 100 euros", "so 50 bis 100 Franken": the budget read again."""
    reworded = word_tables.rewritten(str(_DATA), "budget", language, text)
    if reworded == text:
        return request
    again = read_again(reworded)
    if again.price is None or again.intent in _NO_WISH:
        return request
    return request.model_copy(update={"price": again.price, "relative_price": None})


def _refused_wins(request: Any) -> Any:
    """"que no sea MI ni OnePlus": a value both wanted and refused is refused."""
    include = {name: [v for v in values if v not in request.exclude.get(name, [])]
               for name, values in request.include.items()}
    include = {name: values for name, values in include.items() if values}
    if include == request.include:
        return request
    return request.model_copy(update={"include": include})


def _pointed(request: Any) -> bool:
    return bool(request.references) and not request.include and not request.exclude and request.price is None


def _introduce(request: Any, text: str, language: str) -> Any:
    """"最便宜嗰部介绍下": the item pointed at, asked to be introduced, is asked about."""
    if request.intent != "more_like" or not _pointed(request) or not _has("introduce", language, text):
        return request
    return request.model_copy(update={"intent": "ask_about_item", "relative_price": None, "show_now": False})


def _swap_one(request: Any, text: str, language: str) -> Any:
    """"最后那件太素了，换一个": a complaint about the item pointed at, and another one, turns it down."""
    if request.intent != "more_like" or not _pointed(request) or request.relative_price \
            or not _has("swap_one", language, text):
        return request
    return request.model_copy(update={"intent": "reject"})


def _alternative_question(request: Any, text: str, language: str) -> Any:
    """"el dell ese es inalambrico o con cable": an either/or question about the item pointed at."""
    if request.intent != "more_like" or not _pointed(request) or request.relative_price \
            or not _has("alternative_question", language, text):
        return request
    return request.model_copy(update={"intent": "ask_about_item", "show_now": False})


def _others_compared(
    request: Any, text: str, language: str, shown: list[Any], read_again: Callable[[str], Any],
) -> Any:
    """"不要LG那台，其他三台比一比": the shown items but the one turned down, compared."""
    if request.intent not in ("compare", "ask_about_item", "reject", "more_like") \
            or not _has("others_compared", language, text):
        return request
    clauses = [c for c in re.split(r"[,;，；]", text) if c.strip()]
    if len(clauses) < 2:
        return request
    first = read_again(clauses[0].strip())
    refused = {r.position for r in first.references} if first.intent == "reject" else set()
    if not refused or len(refused) >= len(shown):
        return request
    others = [p for p in range(1, len(shown) + 1) if p not in refused]
    references = [
        ItemReference(position=p, item_id=str(getattr(shown[p - 1], "id", "")) or None, how="position")
        for p in others
    ]
    return request.model_copy(update={
        "intent": "compare", "references": references, "include": {}, "exclude": {}, "show_now": False,
    })
