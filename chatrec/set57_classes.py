"""English wording found by blind set 57 (issue 12, brief i12bh) that the rules before misread: classes
of wording from people the sets had not written before (Australian and New Zealand, Southern and
AAVE-influenced, Canadian, Jamaican, Pakistani English, dyslexic writers, voice dictation, grandparents).

:func:`adjust` runs last, on the shopper's own words:

- wording read again the way the rules read it (the table's "reword"): dialect spellings ("nuh more
  than", "nothin over", "ain't", "fi", "likkle"), regional product words (toque, mitts, marle, boots,
  sundress, geezer, "bt 5.3"), budgets ("sub-10k", "under a ton", "cap it at N"), "that grey thing",
  "not keen on", grandkids, "my husbands work do", trend phrases that name no price ("quiet luxury");
  with items shown, "tell me the battery life" asks about them;
- a change of subject ("..., anyway what's the capital of Peru"): the part after it read alone;
- tasks for an assistant and questions that shop for nothing (an essay, fixing a device, what to cook,
  directions), small talk about the assistant's day;
- "all except the last one": every shown item but the last;
- a bound as a multiple of a shown item's price ("no more than twice the first one");
- a shown item wanted in a size ("the nike ones in a size 7"): a question; a question about shown items
  carries no wish ("does it work on glass" names no glasses);
- a she / he after a child named for a gift ("for my granddaughter she likes pink tops"): the child;
- a catalogue word with two neighbouring letters swapped ("jlb", "sepaker"): that word;
- "y2k" (a fashion era) is no Spanish "y".

The word patterns are in ``chatrec/data/set57_classes.json``.
"""

from __future__ import annotations

import contextvars
import functools
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from chatrec import word_tables

__all__ = ["adjust"]

_DATA = str(Path(__file__).parent / "data" / "set57_classes.json")
_WORDS = Path(__file__).parent / "data" / "english_words.txt"
_NO_WISH = ("off_topic", "chitchat")
_WISHES = ("recommend", "refine")
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_MULTIPLES = {"twice": 2.0, "double": 2.0, "two times": 2.0, "2x": 2.0, "three times": 3.0, "3x": 3.0,
              "triple": 3.0, "half": 0.5}
_UPPER = ("no more than", "not more than", "nothing more than", "nothing over", "under", "below", "less than",
          "at most", "max", "maximum", "up to", "within")
_ADULT_OF_CHILD = {"Girls": "Women", "Boys": "Men"}
# A message read again is read by the whole pipeline, this step included: it must not rewrite again.
_reading_again: contextvars.ContextVar[bool] = contextvars.ContextVar("set57_reading_again", default=False)


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
    request = _trend_era(request, text, again)
    if str(request.language) != "en":
        return request

    reworded = _swapped_letters(word_tables.rewritten(_DATA, "reword", "en", text), vocabulary)
    if context is not None and getattr(context, "shown", None):
        reworded = word_tables.rewritten(_DATA, "reword_shown", "en", reworded)
    if reworded != text and re.search(r"[^\W\d_]", reworded):
        heard = again(reworded)
        asked = request.intent in ("ask_about_item", "compare") and heard.intent in ("recommend", "refine")
        asked = asked or _type_lost(request, heard, vocabulary)
        if (heard.intent not in _NO_WISH or request.intent in _NO_WISH or not _carries_wish(request)) and not asked:
            # lead: a question stays one ("that blue thing, is it ok for a wedding?" with no blue item shown), and a
            # type an earlier step read stays ("that hdmi thing": HDMI cables, chatrec.gaps_round11)
            request = heard.model_copy(update={"language": request.language})
            text = reworded
    request = _off_topic(request, text, again)
    if request.intent in _NO_WISH:
        return request
    request = _all_but_last(request, text, context)
    request = _price_multiple(request, text, context)
    request = _size_asked(request, text)
    if request.intent == "ask_about_item" and (request.include or request.exclude):
        # a question about shown items carries no wish (docs/UNDERSTANDING.md): "does it work on glass"
        return request.model_copy(update={"include": {}, "exclude": {}})
    if request.intent not in _WISHES:
        return request
    return _child_not_adult(request, text)


def _type_lost(request: Any, heard: Any, vocabulary: Any) -> bool:
    """Whether the reworded reading ``heard`` loses a product type ``request`` holds."""
    from chatrec.understanding import type_fields

    if heard.intent in ("ask_about_item", "compare") or heard.exclude:  # "the white thing, is it cotton", "aint a backpack"
        return False
    names = ["category", *type_fields(list(getattr(vocabulary, "fields", None) or request.include))]
    return any(request.include.get(n) and not heard.include.get(n) for n in names)


def _carries_wish(request: Any) -> bool:
    """Whether the request holds anything to search by: a value, a price, a shown item pointed at."""
    return bool(request.include or request.exclude or request.price is not None or request.references
                or request.relative_price)


def _trend_era(request: Any, text: str, again: Callable[[str], Any]) -> Any:
    """"y2k baby tee pink": the era's name is no Spanish "y" (and); the message is read without it."""
    if str(request.language) == "en" or not re.search(r"\by2k\b", text):
        return request
    heard = again(re.sub(r"\s+", " ", re.sub(r"\by2k\b", " ", text)).strip())
    return heard if str(heard.language) == "en" else request


@functools.lru_cache(maxsize=1)
def _english_words() -> frozenset[str]:
    """The English word list (``chatrec/data/english_words.txt``) and the lexicon's English words."""
    from chatrec.language import Lexicon

    lines = _WORDS.read_text(encoding="utf-8").splitlines()
    words = {line.strip().lower() for line in lines if line.strip() and not line.startswith("#")}
    return frozenset(words | set(Lexicon.default().english_words()))


def _swapped_letters(text: str, vocabulary: Any) -> str:
    """"not jlb", "a sepaker": a word that is no English or catalogue word but is one with two
    neighbouring letters swapped (a dyslexic writer's slip) is written as that word; "shippin" with
    its g dropped is written "shipping"."""
    values = vocabulary.value_words
    english = _english_words()
    # a three-letter word is swapped only into a brand ("jlb"): "sub" is no "usb"
    brands = {str(v).casefold() for v in getattr(vocabulary, "counts", {}).get("brand", ())}

    def swap(found: re.Match[str]) -> str:
        word = found.group(0)
        if len(word) < 3 or word in values or word in english:
            return word
        for i in range(len(word) - 1):
            if word[i] == word[i + 1]:
                continue
            candidate = word[:i] + word[i + 1] + word[i] + word[i + 2:]
            if candidate in values and (len(word) > 3 or candidate in brands):
                return candidate
        # "shippin", "lookin", "fixin": the g dropped in speech (Southern, AAVE, Caribbean writing)
        if len(word) > 4 and word.endswith("in") and word + "g" in english:
            return word + "g"
        return word

    return re.sub(r"[a-z]+", swap, text)


def _off_topic(request: Any, text: str, again: Callable[[str], Any]) -> Any:
    """A change of subject to something off topic, an assistant's task, small talk about its day."""
    if request.intent == "off_topic":
        return request
    # "show me a smartwatch and also write me a poem": a wish said beside the task is served
    wish = _carries_wish(request) and word_tables.has(_DATA, "head_wish", "en", text)
    if not wish and word_tables.has(_DATA, "off_topic", "en", text):
        return request.__class__(language=request.language, intent="off_topic")
    pivot = word_tables.pattern(_DATA, "pivot", "en")
    found = pivot.search(text) if pivot else None
    if found and found.start() > 0 and not word_tables.has(_DATA, "head_wish", "en", text[:found.start()]):
        heard = again(found.group(1))
        if heard.intent == "off_topic":
            return request.__class__(language=request.language, intent="off_topic")
    if not _carries_wish(request) and word_tables.has(_DATA, "chitchat", "en", text):
        return request.__class__(language=request.language, intent="chitchat")
    return request


def _all_but_last(request: Any, text: str, context: Any) -> Any:
    """"all except the last one are too plain": the items pointed at are every shown item but the last."""
    shown = list(getattr(context, "shown", None) or []) if context is not None else []
    if len(shown) < 2 or not word_tables.has(_DATA, "all_but_last", "en", text):
        return request
    if request.positions != [len(shown)]:
        return request
    from chatrec.request import ItemReference

    references = [ItemReference(position=i, item_id=getattr(shown[i - 1], "id", None), how="all")
                  for i in range(1, len(shown))]
    return request.model_copy(update={"references": references})


def _price_multiple(request: Any, text: str, context: Any) -> Any:
    """"no more than twice the first one": a bound that is a multiple of a shown item's price."""
    shown = list(getattr(context, "shown", None) or []) if context is not None else []
    multiple = word_tables.pattern(_DATA, "price_multiple", "en")
    found = multiple.search(text) if multiple and shown else None
    if found is None:
        return request
    bound, times, which = found.groups()
    position = len(shown) if which == "last" else _ORDINALS[which]
    if position > len(shown):
        return request
    price = getattr(shown[position - 1], "price", None)
    if not price:
        return request
    from chatrec.request import PriceRange

    amount = round(float(price) * _MULTIPLES[times], 2)
    currency = getattr(request.price, "currency", None) if request.price is not None else None
    if bound in _UPPER:
        price_range = PriceRange(max=amount, currency=currency)
    else:
        price_range = PriceRange(min=amount, currency=currency)
    intent = request.intent if request.intent in _WISHES else "refine"
    # the item named is the measure, not an item pointed at
    return request.model_copy(update={"price": price_range, "intent": intent, "references": []})


def _size_asked(request: Any, text: str) -> Any:
    """"the nike ones in a size 7": a shown item wanted in a size the shop keeps no field for asks whether
    it comes in that size ("in a bigger size" still asks for other items)."""
    if request.intent != "more_like" or not request.references or _has_values(request):
        return request
    if not word_tables.has(_DATA, "size_asked", "en", text):
        return request
    return request.model_copy(update={"intent": "ask_about_item"})


def _has_values(request: Any) -> bool:
    """Whether the request names a value, a price or a relative price."""
    return bool(request.include or request.exclude or request.price is not None or request.relative_price)


def _child_not_adult(request: Any, text: str) -> Any:
    """"for my granddaughter she likes pink tops": the she is the child, no woman besides."""
    for name, values in list(request.include.items()):
        kept = [v for v in values if not (_is_adult_of(v, values))]
        if len(kept) == len(values):
            continue
        if not word_tables.has(_DATA, "child_words", "en", text) or word_tables.has(_DATA, "adult_words", "en", text):
            return request
        include = dict(request.include)
        include[name] = kept
        return request.model_copy(update={"include": include})
    return request


def _is_adult_of(value: str, values: list[str]) -> bool:
    """Whether ``value`` is the adult audience of a child audience also in ``values`` (Women beside Girls)."""
    return any(_ADULT_OF_CHILD.get(child) == value for child in values)
