"""Classes behind the strict xfails of conversation batch 14 (issue 12, branch i12ba).

Each step is one class of shopper wording, read the same in every conversation:

- **A message in the conversation's language with a word English shares** (:func:`keeps_language`):
  "no, bajalo a 9000" in a Spanish conversation, "no, lieber bis 500" in a German one: "no" is
  Spanish (and said in German) too; such a message is no switch to English.
- **A problem with the computer's wifi wants a wifi adapter** (:func:`problem_product`): "für den PC,
  das WLAN geht nicht", "el ordenador no tiene wifi", "电脑连不上无线": the product that solves the
  problem, said in any language the rules read (English problems of other kinds:
  :mod:`chatrec.problem_words`).
- **A usage said of a broader product type is the type of that usage** (:func:`usage_as_type`): "正装的"
  after "a pair of shoes" is Formal Shoes (the shop's type), not every formal item, so turning a colour
  down later leaves the type in force ("formal", then "not black").
- **A figure said with "bigger" is the size wanted** (:func:`figure_said`): "show me bigger ones, 43, up
  to 25k" after 32-inch TVs wants 43 inches, not anything past 32 ("una más grande, de 55", "eine größere, so 55").
- **A piece "to match" is that piece alone** (:func:`to_match`): "and a belt for men to match" after
  formal shoes, "y un cinturón a juego", "dazu passend ein Gürtel", "再来条配套的皮带": the belt, not the
  belt added to the shoes (the rules read "and X" as one more type beside those in force).
- **An occasion's use gives way to a value said** (:func:`occasion_first`): "tacones para una boda,
  dorados": when no gold heel is made for a wedding's uses (Ethnic, Formal), the use read from the
  occasion is left out (and said), not the gold the shopper named (:func:`said_now_too`: a value said
  with the new piece is given up as late as the outfit's use).
- **Stock and sizes are asked of the items shown** (:func:`stock_question`): "tienen la talla 38 en stock?",
  "gibt es die in Größe 42?", "有货吗": a question about the items shown (the catalogue does not say), never
  a search for "talla stock".
- **A size range covers the sizes inside it** (:func:`range_covers`): a wall mount titled "32-55-inch" fits
  the 43 inch TV of "a 43 inch tv and a wall mount for it"; a spec bound inside an item's stated range
  never leaves it out (``chatrec.spec_filters.check``).
- **"Never mind, X after all"** (:func:`after_all`): "算了还是黑色吧" wants black again; the give-up
  word "算了" turns nothing down.

The words are data: ``chatrec/data/batch14_fixes.json``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from typing import Any

from chatrec.request import ShopperRequest
from chatrec.text import word_table

__all__ = ["range_covers", "stock_question", "adjust", "after_all", "figure_said", "occasion_first", "said_now_too", "to_match", "keeps_language", "problem_product", "usage_as_type"]

_WORD = re.compile(r"[^\W\d_]+")
_TYPE_FIELDS = re.compile(r"categ|type|department|class|kind", re.IGNORECASE)
#: Words that turn a value down, beside which an "after all" word does not bring it back.
_NEGATION = re.compile(r"不要|不是|别|没有|不|\b(?:not|no|without|don'?t|sin|nada|ni|nicht|kein\w*|ohne)\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    return word_table("batch14_fixes")


@lru_cache(maxsize=1)
def _problems() -> list[tuple[str, list[re.Pattern[str]]]]:
    return [(entry["product"], [re.compile(p, re.IGNORECASE) for p in entry["all"]])
            for entry in _table()["problems"]["entries"]]


def keeps_language(message: str, conversation_language: str | None) -> bool:
    """True when a message read as English is in the conversation's Spanish or German after all.

    Its English function words are words that language uses too ("no", "a"), and it has a word
    English does not have ("bajalo", "lieber"), or nothing else at all ("no, 9000").
    """
    if conversation_language not in ("es", "de"):
        return False
    from chatrec.language import _FUNCTION_WORDS, Lexicon, fold

    shared = set(_table()["shared_with_english"][conversation_language])
    english_function = _FUNCTION_WORDS["en"]
    own = _FUNCTION_WORDS.get(conversation_language, frozenset())
    lexicon = Lexicon.default()
    english = lexicon.english_words()
    words = [w for w in _WORD.findall(message.lower())]
    if not words:
        return False
    for word in words:
        if word in english_function and word not in shared and word not in own:
            return False  # an English word of its own ("no thanks", "show me")
    from chatrec.understanding import _is_word

    if any(word in own and word not in shared for word in words):
        return True  # lead, stop 35: "lieber In-Ear": a function word of its own beside English product words
    return all(
        word in shared or word in own or lexicon.is_word(conversation_language, fold(word))
        or not (word in english or _is_word(word))
        for word in words
    )


def figure_said(message: str, bounds: dict[str, tuple[float | None, float | None]]) -> dict[str, tuple[float | None, float | None]]:
    """A comparative's spec bound (``chatrec.spec_comparatives``) made the figure said beside it.

    "bigger ones, 43" after 32-inch items: 43 inches exactly; a bare number (no unit, no budget:
    "up to 25k" is the price) past the shown figure, at most four times it, is the figure meant.
    """
    if len(bounds) != 1:
        return bounds
    from chatrec.money import parse_budget
    from chatrec.spec_filters import read_bounds

    family, (low, high) = next(iter(bounds.items()))
    budget, text = parse_budget(message.lower())
    for start, end in sorted(budget.spans, reverse=True):
        text = text[:start] + " , " + text[end:]
    figures = [float(n) for n in re.findall(r"(?<![\w.])(\d+(?:\.\d+)?)(?![\w.%])", text)]
    fitting = [n for n in figures
               if (low is not None and high is None and low <= n <= 4 * low)
               or (high is not None and low is None and high / 4 <= n <= high)]
    if len(fitting) != 1:
        return bounds
    exact = read_bounds(f"{fitting[0]:g} {family}")
    return exact if family in exact else bounds


def occasion_first(
    include: Mapping[str, Sequence[str]], occasion: Mapping[str, Sequence[str]]
) -> dict[str, list[str]]:
    """The wishes with the uses read from an occasion put first: the oldest wishes are given up first
    when nothing fits them all (``chatrec.query.relax``), so the values the shopper said outlast them."""
    return {**{k: list(v) for k, v in occasion.items()}, **{k: list(v) for k, v in include.items() if k not in occasion}}


def said_now_too(last: Sequence[str], named_now: Sequence[str] | Any) -> list[str]:
    """The fields given up last (``chatrec.conversation_moves.outfit_fields``: an outfit's use), with the
    other fields this message names beside them: a colour said with the new piece ("tacones ...
    dorados") is as dear as the use, and the older of the two (the occasion's use) goes first."""
    if not last:
        return list(last)
    named = [n for n in named_now if not _TYPE_FIELDS.search(n)]
    return [*last, *[n for n in named if n not in last]]


def problem_product(message: str) -> str | None:
    """The product words of the problem a message describes ("das WLAN geht nicht" on a PC: "wifi adapter")."""
    lowered = re.sub(r"\s+", " ", message.lower())
    for product, patterns in _problems():
        if all(p.search(lowered) for p in patterns):
            return product
    return None


def _types(include: Mapping[str, Sequence[str]]) -> dict[str, list[str]]:
    return {k: list(v) for k, v in include.items() if _TYPE_FIELDS.search(k)}


def usage_as_type(request: ShopperRequest, current: Mapping[str, Sequence[str]], counts: Mapping[str, Any]) -> ShopperRequest:
    """"正装的" after shoes: the usage value said, with the head noun of the current type, names a
    product type of the catalogue ("Formal" + "Shoes" -> Formal Shoes): that type is the wish."""
    if request.intent not in ("recommend", "refine") or _types(request.include) or len(request.include) != 1 \
            or request.exclude or request.price is not None:
        return request  # only a bare use ("正装的", "formal"): "white, under 50, casual" keeps the use (sets 2, 14, 48)
    heads = {str(v).split()[-1].lower() for values in _types(current).values() for v in values if str(v).strip()}
    if not heads:
        return request
    include = {k: list(v) for k, v in request.include.items()}
    changed = False
    for name in [n for n in include if not _TYPE_FIELDS.search(n)]:
        for value in list(include[name]):
            for type_field, values in counts.items():
                if not _TYPE_FIELDS.search(type_field):
                    continue
                found = next((t for t in values if str(t).lower() in {f"{str(value).lower()} {h}" for h in heads}), None)
                if found is not None:
                    include[type_field] = sorted({*include.get(type_field, []), str(found)})
                    include[name].remove(value)
                    changed = True
                    break
        if not include[name]:
            del include[name]
    return request.model_copy(update={"include": include}) if changed else request


#: "to match", "to go with it", "a juego", "passend dazu", "配套的": a piece chosen for the items in force.
_TO_MATCH = re.compile(r"\bto (?:match|go with)\b|\bmatching\b|\bthat goes? with\b|\bgoes? with (?:it|them|these|those)\b"
                       r"|\ba juego\b|\bque (?:combine|pegue)n?\b|\bpassend\w*\b|\bdazu\b|配套|搭配|配的", re.IGNORECASE)


def to_match(request: ShopperRequest, message: str, current: Mapping[str, Sequence[str]]) -> ShopperRequest:
    """"and a belt to match" after shoes: the new product type replaces the one in force in its field."""
    if not _TO_MATCH.search(message):
        return request
    include = {k: list(v) for k, v in request.include.items()}
    for name, values in _types(request.include).items():
        kept = [v for v in values if v not in set(current.get(name, ()))]
        if kept and len(kept) < len(values):
            include[name] = kept
    return request if include == request.include else request.model_copy(update={"include": include})


@lru_cache(maxsize=1)
def _stock() -> list[re.Pattern[str]]:
    return [re.compile(p, re.IGNORECASE) for p in _table()["stock_words"]["patterns"]]


def stock_question(request: ShopperRequest, message: str, shown: Sequence[Any]) -> ShopperRequest:
    """"tienen la talla 38 en stock?" after items: a question about the items shown, no search."""
    if not shown or request.include or request.price is not None or any(r.how != "all" for r in request.references):
        return request
    lowered = message.lower()
    if not any(p.search(lowered) for p in _stock()):
        return request
    if request.language != "de" and re.search(r"(?<=\w\s)[A-Z][a-z]{3,}", message):
        return request  # "is Dunkirk in stock?": a title named, asked of the shop (German capitalises every noun)
    from chatrec.request import ItemReference

    references = [ItemReference(position=p, item_id=str(getattr(i, "id", "")) or None, how="all")
                  for p, i in enumerate(shown, start=1)]
    return request.model_copy(update={"intent": "ask_about_item", "references": references, "show_now": False,
                                      "exclude": {}, "avoid_words": [], "relative_price": None})


#: How a range of a unit family is written after its two figures ("32-55-inch", "26 to 55 inch", '32"-65"').
_RANGE_UNITS = {"inch": r"-?\s*(?:inch(?:es)?|in\b|\"|''|zoll|pulgadas|英寸)", "m": r"\s*(?:m|metres?|meters?)\b",
                "w": r"\s*(?:w|watts?)\b", "mah": r"\s*mah\b", "gb": r"\s*gb\b", "hour": r"\s*(?:h|hrs?|hours?)\b"}


def range_covers(text: str, family: str, low: float | None, high: float | None) -> bool:
    """True when the text states a range of the family ("32-55-inch") holding the bound ("43 inch")."""
    unit = _RANGE_UNITS.get(family)
    if unit is None or (low is None and high is None):
        return False
    pattern = re.compile(rf"(\d+(?:\.\d+)?)(?:{unit})?\s*(?:-|–|to|~|bis|a)\s*(\d+(?:\.\d+)?)(?:{unit})", re.IGNORECASE)
    for found in pattern.finditer(text):
        start, end = sorted((float(found.group(1)), float(found.group(2))))
        if start < end and (low is None or low >= start) and (high is None or high <= end) \
                and (low is None or low <= end) and (high is None or high >= start):
            return True
    return False


def after_all(request: ShopperRequest, message: str) -> ShopperRequest:
    """"算了还是黑色吧": a value read as turned down by a give-up word ("算了") is wanted after all."""
    words = _table()["after_all"].get(request.language, ())
    if not request.exclude or not any(w in message.lower() for w in words):
        return request
    rest = message.lower()
    for give_up in ("算了", "never mind", "nevermind", "egal", "da igual"):
        rest = rest.replace(give_up, " ")
    if _NEGATION.search(rest):
        return request
    include = {k: list(v) for k, v in request.include.items()}
    for name, values in request.exclude.items():
        include[name] = sorted({*include.get(name, []), *values})
    return request.model_copy(update={"include": include, "exclude": {}})


def adjust(
    request: ShopperRequest, message: str, context: Any, vocabulary: Any,
    reread: Callable[[str], ShopperRequest] | None = None,
) -> ShopperRequest:
    """The rules' request with this module's classes applied (the last step of ``understand``)."""
    if request.intent in ("recommend", "refine", "ask_about_item", "more_like"):  # "haben Sie die auf Lager?"
        request = stock_question(request, message, getattr(context, "shown", None) or ())
    if request.intent not in ("recommend", "refine"):
        return request
    request = after_all(request, message)
    request = to_match(request, message, getattr(context, "current", None) or {})
    if reread is not None and not _types(request.include):
        product = problem_product(message)
        if product is not None:
            wanted = _types(reread(product).include)
            if wanted:
                include = {k: list(v) for k, v in request.include.items()}
                include.update(wanted)
                # "das WLAN geht nicht", "no tiene wifi": the negation says the problem, it turns nothing down
                request = request.model_copy(update={"include": include, "intent": "recommend", "avoid_words": [],
                                                     "exclude": {}})
    counts = getattr(vocabulary, "counts", None) or {}
    return usage_as_type(request, getattr(context, "current", None) or {}, counts)
