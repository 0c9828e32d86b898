"""English wording found by blind set 60 (issue 12, brief i12bn) that the rules before misread: classes
of wording from people the sets had not written before (Irish, Scots, Singlish, Nigerian and Filipino
English, a US teenager, a phone typist, non-native writers, a parent, a nurse, a gamer, a cyclist).

:func:`adjust` runs near the end, on the shopper's own words:

- wording read again the way the rules read it (the table's "reword"): product words (flip flaps, an
  electric jug, a controller for the pc, a rucksack, "the formal kind"), money slang (a pony, a monkey,
  "2 bills", "round 2k", "within 500-ish", "anything over 2k is too much, keep it under that"), family
  words (tita, tito, "my two lads", "my mums 60th"), "a + b", Singlish ("too cost", "got cheaper one",
  "can or not"), "them purple ones", "the 2 middle ones", "not that I don't like black, but";
- two words typed as one ("blackjeens", "blueheadphones"): a colour or a kind glued to a product word;
- talk that shops for nothing although it names a product (a match's result, a fault of something bought
  here), and thanks for an order that came (chit-chat);
- an answer to the question asked that only turns options down ("any except brown"): an answer;
- a quality named by a word that is also a product type ("a phone with a big battery", "good camera",
  "a power bank that does 2 phone charges"): no batteries, cameras or phones besides;
- a child said to be a boy or a girl ("a jacket for the bairn, a wee boy of 6"): that child only;
- the item pointed at is too dear and a bound is said ("this one is too costly, something under 1500"): a
  search with that bound;
- a shown item picked as the one that is not another ("the one that isnt redmi, does it have 5g").

The word patterns are in ``chatrec/data/set60_classes.json``.
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

_DATA = str(Path(__file__).parent / "data" / "set60_classes.json")
_WORDS = Path(__file__).parent / "data" / "english_words.txt"
_NO_WISH = ("off_topic", "chitchat")
_WISHES = ("recommend", "refine")
_CHILDREN = ("Boys", "Girls")
# Words glued before a product word by a phone keyboard ("blackjeens", "wirelessearbuds").
_GLUED_MODIFIERS = ("wireless", "bluetooth", "gaming", "smart", "running", "formal", "casual", "sports",
                    "black", "white", "blue", "red", "green", "pink", "grey", "gray", "silver", "gold")
# A message read again is read by the whole pipeline, this step included: it must not rewrite again.
_reading_again: contextvars.ContextVar[bool] = contextvars.ContextVar("set60_reading_again", default=False)


def adjust(
    request: Any, message: str, context: Any, vocabulary: Any, read_again: Callable[[str], Any],
) -> Any:
    """The request read from ``message``, corrected for the classes of this module (see the module).

    Args:
        request: The request the rules read.
        message: The shopper's own words, before the shared normalisation of :func:`understand` (which
            reads "500-ish" as "about 500" before this step could see it).
        context: The turn's context (items shown, wishes in force, pending question).
        vocabulary: The catalogue's values.
        read_again: Reads the message reworded in the same context.
    """
    if _reading_again.get() or str(request.language) != "en":
        return request
    text = word_tables.folded(message)
    again = word_tables.guarded(_reading_again, read_again)
    reworded = _unglued(word_tables.rewritten(_DATA, "reword", "en", text), vocabulary)
    if reworded != text and re.search(r"[^\W\d_]", reworded):
        heard = again(reworded)
        if (heard.intent not in _NO_WISH or request.intent in _NO_WISH or not _carries_wish(request)) \
                and not _type_lost(request, heard, vocabulary):
            request = heard.model_copy(update={"language": request.language})
            text = reworded
    request = _off_topic(request, text)
    if request.intent in _NO_WISH:
        return request
    request = _the_one_not(request, text, context)
    request = _too_dear_bound(request, text, again)
    request = _pending_answer(request, context)
    if request.intent not in (*_WISHES, "answer"):
        return request
    request = _feature_not_product(request, text, vocabulary)
    return _child_named(request, text)


def _carries_wish(request: Any) -> bool:
    """Whether the request holds anything to search by: a value, a price, a shown item pointed at."""
    return bool(request.include or request.exclude or request.price is not None or request.references
                or request.relative_price)


def _type_lost(request: Any, heard: Any, vocabulary: Any) -> bool:
    """Whether the reworded reading ``heard`` loses a product type ``request`` holds (a question about
    shown items or a refusal may hold none)."""
    from chatrec.understanding import type_fields

    if heard.intent in ("ask_about_item", "compare", "more_like") or heard.exclude:
        return False
    names = ["category", *type_fields(list(getattr(vocabulary, "fields", None) or request.include))]
    # "shoes ..., the formal kind" -> formal shoes: a narrower type in another field is no type lost
    return any(request.include.get(n) for n in names) and not any(heard.include.get(n) for n in names)


@functools.lru_cache(maxsize=1)
def _english_words() -> frozenset[str]:
    """The English word list (``chatrec/data/english_words.txt``) and the lexicon's English words."""
    from chatrec.language import Lexicon

    lines = _WORDS.read_text(encoding="utf-8").splitlines()
    words = {line.strip().lower() for line in lines if line.strip() and not line.startswith("#")}
    return frozenset(words | set(Lexicon.default().english_words()))


def _one_letter_off(word: str, known: frozenset[str]) -> bool:
    """Whether ``word`` (four letters or more, a plural s aside) is a known word with one letter changed
    ("jeens": jean)."""
    forms = {word, word[:-1]} if word.endswith("s") else {word}
    return any(len(f) >= 4 and len(k) == len(f) and sum(a != b for a, b in zip(k, f)) == 1
               for f in forms for k in known)


def _unglued(text: str, vocabulary: Any) -> str:
    """"blackjeens", "wirelessearbuds": a colour or a kind glued to a product word by a phone keyboard is
    written as two words; a word of the catalogue or of English ("blackberry", "redmi") is left alone."""
    values = frozenset(getattr(vocabulary, "value_words", frozenset()))
    english = _english_words()
    colours = {str(v).casefold() for v in getattr(vocabulary, "counts", {}).get("baseColour", ())}
    heads = sorted({c for c in colours if c.isalpha()} | set(_GLUED_MODIFIERS), key=len, reverse=True)
    long_values = frozenset(v for v in values if len(v) >= 4 and v.isalpha())

    def split(found: re.Match[str]) -> str:
        word = found.group(0)
        if len(word) < 7 or word in values or word in english:
            return word
        for head in heads:
            rest = word[len(head):]
            if word.startswith(head) and len(rest) >= 4 and (
                    rest in values or rest.removesuffix("s") in values or rest in english
                    or _one_letter_off(rest, long_values)):
                return f"{head} {rest}"
        return word

    return re.sub(r"[a-z]+", split, text)


def _off_topic(request: Any, text: str) -> Any:
    """A match's result or a fault of something bought here, asked with no wish: off topic; thanks for an
    order that came: chit-chat."""
    if request.intent == "chitchat" or word_tables.has(_DATA, "wish", "en", text):
        return request
    if word_tables.has(_DATA, "thanks_delivered", "en", text) and not _carries_wish(request):
        return request.__class__(language=request.language, intent="chitchat")
    if request.intent != "off_topic" and word_tables.has(_DATA, "off_topic", "en", text):
        return request.__class__(language=request.language, intent="off_topic")
    return request


def _the_one_not(request: Any, text: str, context: Any) -> Any:
    """"the one that isnt redmi, does it have 5g": the shown items but the one named, asked about (or wanted
    more of), with no brand turned down."""
    shown = list(getattr(context, "shown", None) or []) if context is not None else []
    found = word_tables.pattern(_DATA, "the_one_not", "en")
    match = found.search(text) if found and len(shown) >= 2 else None
    if match is None:
        return request
    word = match.group(1)

    def names(item: Any) -> bool:
        said = f"{getattr(item, 'brand', '') or ''} {getattr(item, 'title', '') or ''}"
        return word in word_tables.folded(said).split()

    left_out = [i for i, item in enumerate(shown, start=1) if names(item)]
    rest = [i for i in range(1, len(shown) + 1) if i not in left_out]
    if not left_out or not rest:
        return request
    from chatrec.request import ItemReference

    references = [ItemReference(position=i, item_id=getattr(shown[i - 1], "id", None), how="other") for i in rest]
    asked = word_tables.has(_DATA, "question", "en", text[match.end():])
    intent = ("ask_about_item" if len(rest) == 1 else "compare") if asked else "more_like"
    return request.model_copy(update={"intent": intent, "references": references, "include": {}, "exclude": {}})


def _too_dear_bound(request: Any, text: str, again: Callable[[str], Any]) -> Any:
    """"this one is too costly, something under 1500" (or "..., under 2k?"): the item pointed at is the
    reason, the bound is the search; no more of that item, no question about it."""
    if request.intent not in ("more_like", "ask_about_item") or not request.references:
        return request
    found = word_tables.pattern(_DATA, "too_dear", "en")
    match = found.search(text) if found else None
    if match is None:
        return request
    if request.price is None or request.price.max is None:
        rest = re.sub(r"^(?:(?:lah|la|leh|abeg|pls|please|so|then|but)\b[ ,]*)+", "", text[match.end():].strip(" ,.;!?"))
        heard = again(rest) if re.search(r"\d", rest) else None
        if heard is None or heard.price is None or heard.price.max is None:
            return request
        request = request.model_copy(update={"price": heard.price})
    return request.model_copy(update={"intent": "refine", "references": []})


def _pending_answer(request: Any, context: Any) -> Any:
    """"any except brown" after "which colour?": turning down options of the question asked answers it."""
    pending = getattr(context, "pending", None) if context is not None else None
    if not pending or request.intent != "refine" or not request.exclude:
        return request
    field = pending[0]
    if set(request.exclude) != {field} or set(request.include) - {field}:
        return request
    if request.price is not None or request.relative_price or request.references:
        return request
    return request.model_copy(update={"intent": "answer"})


def _stem(word: str) -> str:
    """The part of a feature word its product type's name holds ("battery" in "DisposableBatteries")."""
    return word[:-1] if word.endswith("y") else word


def _feature_not_product(request: Any, text: str, vocabulary: Any) -> Any:
    """"a phone with a big battery": the battery is a quality of the phone, no battery wanted besides."""
    from chatrec.understanding import type_fields

    found = word_tables.pattern(_DATA, "feature_words", "en")
    words = [m.group(1) or m.group(2) for m in found.finditer(text)] if found else []
    if not words:
        return request
    names = set(type_fields(list(request.include))) | {"category"}
    include = {k: list(v) for k, v in request.include.items()}
    for word in words:
        stem = _stem(word)
        held = [(n, v) for n in names for v in include.get(n, [])]
        dropped = [(n, v) for n, v in held if stem in str(v).casefold()]
        if not dropped or len(dropped) == len(held):
            continue  # "a big battery" alone: the battery is the product
        for name, value in dropped:
            include[name].remove(value)
    include = {k: v for k, v in include.items() if v}
    if include == request.include:
        return request
    return request.model_copy(update={"include": include})


def _child_named(request: Any, text: str) -> Any:
    """"for the bairn, a wee boy of 6": a child said to be a boy (or a girl) is that child only."""
    genders = list(request.include.get("gender", []))
    if not all(child in genders for child in _CHILDREN):
        return request
    boy = word_tables.has(_DATA, "boy_words", "en", text)
    girl = word_tables.has(_DATA, "girl_words", "en", text)
    if boy == girl:
        return request
    other = "Girls" if boy else "Boys"
    include = dict(request.include)
    include["gender"] = [g for g in genders if g != other]
    return request.model_copy(update={"include": include})
