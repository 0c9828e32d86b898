"""Chinese, Spanish and German wording found by blind set 56 (issue 12, brief i12bd) that the rules
before misread: classes of wording, each covered by one mechanism, not one sentence.

:func:`adjust` runs last, on the shopper's own words:

- wording read again the way the rules read it (the table's "reword"): Cantonese 嗰 / 嗰啲 / 唔好, "别再给我看
  X了", "别给X了" and "再也不买X了" (X refused), "N出头就得"; Spanish "no me mostrés / muestres más X" (X
  refused), "por debajo de N"; German money slang after an amount ("20 Tacken", "40 Mäuse": euros, no
  mice), "Gibt's die schwarze auch in Blau?" (the shown item of that colour, in blue);
- Andalusian Spanish with the final r or d dropped ("pa mujé", "un cargadó"): the word read whole;
- budgets: "no tengo mucha lana, como N" (a budget, up to N);
- questions that name a product but shop for nothing (the table's "off_topic"): an order's delivery,
  a model's release date, writing tasks, repairs and faults, connecting a device, exchange rates, where
  the shop is, opening hours, rain, food the shop does not sell;
- a generic shoe word beside a specific kind ("鞋子都磨破了 … 运动鞋"): the kind only, the generic type
  is no second wish;
- a child's sex said beside a word for any child ("女儿 … 小朋友穿的"): the sex said; 娃 alone is a child;
- "casual" said instead of a kind of shoes refused ("keine Sportschuhe mehr, eher was Lässiges"): casual
  shoes, as "casual ones" after "not sports shoes" (said of shoes shown, it stays their use);
- the item pointed at turned down and the others asked for again ("红色那件不要 其他的再看看"): reject;
- in-ear said with a headphone word ("耳机 入耳的", "audífonos in ear"): the In-Ear type within the
  headphones, as set 52 labels it ("In-Ear" written as the shop spells it stays that type alone, set 43);
- a charger that names no car or battery ("充电器", "cargador rápido", "Ladegerät"): a wall charger;
- a Spanish "cartera" for a woman: a handbag, not a wallet.

The word patterns are in ``chatrec/data/set56_classes.json``; words the lexicon lacked (牛崽裤, polerón,
bluyín, tacos altos, hacer deporte, chido, Hemad, Natel, Jeanshose, leiwand) in
``chatrec/data/lexicon_set56.json``.
"""

from __future__ import annotations

import contextvars
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from chatrec import word_tables

__all__ = ["adjust"]

_DATA = str(Path(__file__).parent / "data" / "set56_classes.json")
_LANGUAGES = ("zh", "es", "de")
_NO_WISH = ("off_topic", "chitchat")
_WISHES = ("recommend", "refine")
_KIDS = ["Boys", "Girls"]
_WALL_CHARGERS = "WallChargers"
_HANDBAGS = "Handbags"
_WALLETS = "Wallets"
# A message read again is read by the whole pipeline, this step included: it must not rewrite again.
_reading_again: contextvars.ContextVar[bool] = contextvars.ContextVar("set56_reading_again", default=False)


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

    request = word_tables.read_reworded(_DATA, "reword", request, text, language, again)
    request = _dropped_ending(request, message, language, again)
    request = _budget(request, text, language, again)
    request = _off_topic(request, text, language)
    if request.intent in _NO_WISH:
        return request
    request = _others_again(request, text, language)
    if request.intent not in _WISHES:
        return request
    request = _kind_over_generic(request, vocabulary)
    request = _child_sex(request, text, language)
    request = _casual_shoes(request, vocabulary)
    request = _in_ear(request, text, language, vocabulary)
    request = _charger(request, text, language)
    return _woman_bag(request, text, language, vocabulary)


def _dropped_ending(request: Any, message: str, language: str, again: Callable[[str], Any]) -> Any:
    """"pa mujé", "un cargadó": a Spanish word said without its final r or d (Andalusia, the Caribbean)
    is read whole when the lexicon knows it whole and not as said."""
    if language != "es":
        return request
    from chatrec.language import Lexicon, fold

    lexicon = Lexicon.default()
    changed = False

    def whole(found: re.Match[str]) -> str:
        nonlocal changed
        said = fold(found.group(0))
        if lexicon.is_word("es", said):
            return found.group(0)
        for end in ("r", "d"):
            if lexicon.is_word("es", said + end):
                changed = True
                return said + end
        return found.group(0)

    reworded = re.sub(r"\b\w+[áéíóú]\b", whole, message.lower())
    if not changed:
        return request
    heard = again(reworded)
    if heard.intent in _NO_WISH and request.intent not in _NO_WISH:
        return request
    return heard.model_copy(update={"language": language})


def _budget(request: Any, text: str, language: str, again: Callable[[str], Any]) -> Any:
    """"no tengo mucha lana, como mil": the budget read again."""
    if language not in word_tables.table(_DATA)["budget"]:
        return request
    reworded = word_tables.rewritten(_DATA, "budget", language, text)
    if reworded == text:
        return request
    heard = again(reworded)
    if heard.price is None or heard.intent in _NO_WISH:
        return request
    avoid = [w for w in request.avoid_words if w not in {"tengo", "mucha", "mucho", "lana", "plata", "feria", "varo"}]
    return request.model_copy(update={"price": heard.price, "relative_price": None, "avoid_words": avoid})


def _off_topic(request: Any, text: str, language: str) -> Any:
    """A question that names a product but shops for nothing (see the table's "off_topic"): off topic."""
    if request.intent == "off_topic" or request.references:
        return request
    if not word_tables.has(_DATA, "off_topic", language, text) or word_tables.has(_DATA, "wish", language, text):
        return request
    return request.model_copy(update={
        "intent": "off_topic", "include": {}, "exclude": {}, "price": None, "relative_price": None,
        "avoid_words": [], "show_now": False,
    })


def _others_again(request: Any, text: str, language: str) -> Any:
    """"红色那件不要 其他的再看看": the item pointed at is turned down, not wanted more of."""
    if request.intent != "more_like" or not request.references or request.include or request.exclude:
        return request
    if not word_tables.has(_DATA, "others_again", language, text):
        return request
    return request.model_copy(update={"intent": "reject"})


def _kind_over_generic(request: Any, vocabulary: Any) -> Any:
    """"鞋子都磨破了 … 蓝色的运动鞋": a generic type (subCategory Shoes) said beside a kind of it (category
    Sports Shoes, held together by the catalogue's items) is no second wish: the kind stands."""
    kinds = request.include.get("category") or []
    generic = request.include.get("subCategory") or []
    if not kinds or not generic or set(kinds) & set(generic):
        return request
    together = getattr(vocabulary, "together", None)
    if together is None:
        return request
    covered = all(any(together(("category", k), ("subCategory", g)) for g in generic) for k in kinds) and all(
        any(together(("category", k), ("subCategory", g)) for k in kinds) for g in generic)
    if not covered:
        return request
    include = {name: list(values) for name, values in request.include.items() if name != "subCategory"}
    return request.model_copy(update={"include": include})


def _child_sex(request: Any, text: str, language: str) -> Any:
    """"幫女兒買 … 小朋友穿的": a child's sex said beside a word for any child is the sex said;
    "给娃买件羽绒服": 娃 alone is a child."""
    gender = request.include.get("gender")
    if gender is None:
        if request.include and word_tables.has(_DATA, "kid_word", language, text):
            return request.model_copy(update={"include": {**request.include, "gender": list(_KIDS)}})
        return request
    if sorted(gender) != _KIDS:
        return request
    daughter = word_tables.has(_DATA, "daughter", language, text)
    son = word_tables.has(_DATA, "son", language, text)
    if daughter == son:
        return request
    return request.model_copy(update={"include": {**request.include, "gender": ["Girls" if daughter else "Boys"]}})


def _names_shoes(values: Any) -> bool:
    return any(str(v) == "Shoes" or str(v).endswith(" Shoes") for v in values or ())


def _casual_shoes(request: Any, vocabulary: Any) -> Any:
    """"keine Sportschuhe mehr, eher was Lässiges", "唔要运动鞋 有冇休闲啲嘅": a usage said instead of a kind of
    shoes refused is the catalogue's shoes of that usage ("Casual Shoes"), as "casual ones" after "not
    sports shoes"."""
    usages = request.include.get("usage") or request.exclude.get("usage") or []
    if len(usages) != 1 or request.include.get("category") or request.include.get("subCategory"):
        return request  # "Schuhe für den Alltag": shoes said with their use, read as said
    kind = f"{usages[0]} Shoes"
    counts = getattr(vocabulary, "counts", {}).get("category") or {}
    if kind not in counts:
        return request
    # Only as the other kind to shoes refused in the same message: "casual" said of shoes shown or searched
    # is their use ("ahora las quiero negras y casuales", set 48), "Schuhe für den Alltag" shoes and a use.
    if not _names_shoes(request.exclude.get("category")) or kind in (request.exclude.get("category") or []):
        return request
    include = {name: list(values) for name, values in request.include.items() if name != "usage"}
    include["category"] = [kind]
    exclude = {name: list(values) for name, values in request.exclude.items() if name != "usage"}
    return request.model_copy(update={"include": include, "exclude": exclude})


def _in_ear(request: Any, text: str, language: str, vocabulary: Any) -> Any:
    """"耳机 入耳的", "audífonos in ear": the In-Ear type within the headphones it belongs to."""
    kinds = request.include.get("category") or []
    if kinds != ["In-Ear"] or request.include.get("subcategory"):
        return request
    if not word_tables.has(_DATA, "headphone_word", language, text) or "in-ear" in text:
        return request  # the shop's own "In-Ear" spelled out names that type alone (as set 43 labels it)
    counts = getattr(vocabulary, "counts", {}).get("subcategory") or {}
    together = getattr(vocabulary, "together", None)
    holding = [s for s in counts if together is not None and together(("category", "In-Ear"), ("subcategory", s))]
    if len(holding) != 1:
        return request
    return request.model_copy(update={"include": {**request.include, "subcategory": holding}})


def _charger(request: Any, text: str, language: str) -> Any:
    """"充电器", "cargador rápido", "Ladegerät": a charger that names no car or battery is a wall charger."""
    kinds = request.include.get("category") or []
    if len(kinds) < 2 or _WALL_CHARGERS not in kinds or not all("Charger" in k for k in kinds):
        return request
    if word_tables.has(_DATA, "charger_use", language, text):
        return request
    return request.model_copy(update={"include": {**request.include, "category": [_WALL_CHARGERS]}})


def _woman_bag(request: Any, text: str, language: str, vocabulary: Any) -> Any:
    """"carteras de mujer": a Spanish cartera for a woman is a handbag (Argentina, Chile), not a wallet."""
    if request.include.get("subCategory") != [_WALLETS] or request.include.get("gender") != ["Women"]:
        return request
    if not word_tables.has(_DATA, "woman_bag", language, text):
        return request
    if _HANDBAGS not in (getattr(vocabulary, "counts", {}).get("category") or {}):
        return request
    include = {name: list(values) for name, values in request.include.items() if name != "subCategory"}
    include["category"] = [_HANDBAGS]
    return request.model_copy(update={"include": include})

