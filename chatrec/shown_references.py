"""Shown items pointed at by a word of their titles, by the place next to the last one pointed at, or as
"the other" of a named one (issue 12, batch 19, i12db).

Each class is read from the message and the items shown, never from a list of sentences:

- "the puma one, is it all navy?", "the one in navy, what brand?", "and the fossil one?", "Das von Peter
  England, ist das formell?", "el de Nike, ¿es de algodón?": a word (or words) standing in some but not all
  shown titles points at those items; with a question (or after a question of the shop) it is a question
  about them, not a new search of that brand or colour;
- "and the one before it, what does it cost?", "the next one?", "the previous one", "el anterior", "das
  davor", "前一个呢": the item next to the one pointed at last;
- "not the benetton ones, the other one - what is it?", "nicht das von Puma, das andere": the shown items
  that do not carry the named word.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from chatrec.request import ItemReference, ShopperRequest

__all__ = ["asks_it_than", "it_compared", "point"]

_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*", re.UNICODE)

#: Words of a pointing phrase that never point by themselves.
_COMMON = frozenset("""
the a an one ones that this these those it its in with of from by for and or but not no all both other
men women man woman mens womens boys girls kids unisex
el la lo los las de del en con uno una otro otra y pero no
der die das den dem des von in mit und aber nicht andere anderen anderes eins einer
""".split())

#: Phrases that point at one shown item by words: the words are in group "w".
_POINTING = [
    re.compile(r"\b(?:the|that|this)\s+(?P<w>(?:[\w'-]+\s+){0,2}?[\w'-]+)\s+ones?\b", re.IGNORECASE),
    re.compile(r"\b(?:the|that)\s+ones?\s+(?:in|with|from|by)\s+(?P<w>[\w'-]+(?:\s+[\w'-]+)?)", re.IGNORECASE),
    re.compile(r"\b(?:das|der|die|den|dem)\s+(?:von|in|mit)\s+(?P<w>[\w'-]+(?:\s+[\w'-]+)?)", re.IGNORECASE),
    re.compile(r"\b(?:el|la|los|las)\s+(?:de|en|con)\s+(?P<w>[\w'-]+(?:\s+[\w'-]+)?)", re.IGNORECASE),
]
#: "not the X one(s)", "nicht das von X", "no el de X": the named ones are not meant.
_NOT_NAMED = re.compile(r"\b(?:not|nicht|no)\s+(?:(?:the|das|der|die|den|el|la|los|las)\s+)?(?:(?:von|de)\s+)?"
                        r"(?P<w>[\w'-]+(?:\s+[\w'-]+)?)", re.IGNORECASE)
_OTHER = re.compile(r"\bthe other(?: one)?\b(?!s)|\b(?:das|der|den|die) andere[nrs]?\b|\b(?:el|la) otr[oa]\b"
                    r"|另一[个款件台只双块]", re.IGNORECASE)
#: "the one before it", "the previous one", "the next one", "the one after that", "el anterior", "das davor".
_BEFORE = re.compile(r"\bthe one (?:before|above) (?:it|that|this)\b|\bthe previous one\b|\bthe one before\b"
                     r"|\b(?:el|la) anterior\b|\b(?:das|der|den|die) (?:davor|vorherige[nrs]?)\b|前一[个款件台只双块]",
                     re.IGNORECASE)
_AFTER = re.compile(r"\bthe one (?:after|below) (?:it|that|this)\b|\bthe next one\b|\bthe one after\b"
                    r"|\b(?:el|la) siguiente\b|\b(?:das|der|den|die) (?:danach|nächste[nrs]?)\b|后一[个款件台只双块]",
                    re.IGNORECASE)
#: A question: a question mark, or a clause opened by a question word of en/es/de.
_QUESTION = re.compile(r"[?？]|(?:^|[,.;:!-]\s*)(?:what|which|how|is|are|does|do|can|qué|cuál|cuánto|es|tiene|was|wie"
                       r"|welche[rs]?|ist|hat)\b|吗|多少|什么|几", re.IGNORECASE)
#: A message asking to see items ("show me the LG ones", "the brown ones only"), not about shown ones.
_WANTS_ITEMS = re.compile(r"\bshow me\b|\bzeig\w* mir\b|\bmu[eé]strame\b|\bdo you have\b|\bgot any\b|\bonly\b"
                          r"|\bhabt ihr\b|\btienes\b|\bany\b|\bmore\b"
                          # stop 45: "the brown one looks nice, anything similar?": items like it, not a question
                          r"|\bsimilar\b|\b(?:anything|something|ones?) like (?:it|this|that)\b|\balternatives?\b"
                          r"|\b[äa]hnlich\w*|\bparecid[oa]s?\b|\bsimilares\b|类似|相似|差不多的|一样的", re.IGNORECASE)
#: Words of a place or a price rather than of a title ("the cheapest 4k one", "the most expensive one").
_RANKING = re.compile(r"\b(?:\w+est|most|least|cheaper|pricier|bigger|smaller|new|other|same|first|second|third|last"
                      r"|middle|next|previous)\b", re.IGNORECASE)
#: "and the X one?" with nothing else: a follow-up of the question asked before.
_FOLLOW_UP = re.compile(r"^\W*(?:and|what about|how about|y|und|was ist mit)\b", re.IGNORECASE)


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _title_words(item: Any) -> set[str]:
    words = set(_words(str(getattr(item, "title", "") or "")))
    attributes = getattr(item, "attributes", None) or {}
    for name in ("baseColour", "brand", "colour", "color"):
        words.update(_words(str(attributes.get(name, "") or "")))
    return words


def _ref(position: int, shown: Sequence[Any], how: str) -> ItemReference:
    return ItemReference(position=position, item_id=str(getattr(shown[position - 1], "id", "")) or None,
                         how=how)


def _named(phrase: str, shown: Sequence[Any]) -> list[int]:
    """The positions of the shown items carrying every pointing word of the phrase, when some but not all do."""
    if _RANKING.search(phrase):
        return []
    words = [w for w in _words(phrase) if w not in _COMMON and len(w) > 1]
    titles = [_title_words(item) for item in shown]
    words = [w for w in words if any(w in t for t in titles)]
    if not words:
        return []
    hits = [p for p, t in enumerate(titles, start=1) if all(w in t for w in words)]
    return hits if 1 <= len(hits) < len(shown) else []


def _by_words(message: str, shown: Sequence[Any]) -> tuple[list[int], bool]:
    """The positions pointed at by words of their titles, and whether by exclusion."""
    not_named = _NOT_NAMED.search(message)
    if not_named and _OTHER.search(message):
        hits = _named(not_named.group("w"), shown)
        if hits:
            return [p for p in range(1, len(shown) + 1) if p not in hits], True
    for pattern in _POINTING:
        for found in pattern.finditer(message):
            hits = _named(found.group("w"), shown)
            if hits:
                return hits, False
    return [], False


def point(heard: ShopperRequest, message: str, shown: Sequence[Any], last_references: Sequence[int] = (),
          asked_before: bool = False) -> ShopperRequest:
    """The request pointing at the shown items the message names by a word of their titles, by the place
    next to the last one pointed at, or as the other of a named one (see the module docstring)."""
    if len(shown) < 2 or heard.intent in ("start_over", "off_topic", "reject") or heard.price is not None:
        return heard
    question = bool(_QUESTION.search(message)) or (asked_before and bool(_FOLLOW_UP.search(message)))
    if not question or _WANTS_ITEMS.search(message):
        return heard
    positions: list[int] = []
    how = "title"
    last = [p for p in last_references if 1 <= p <= len(shown)]
    if last and _BEFORE.search(message) and last[-1] > 1:
        positions, how = [last[-1] - 1], "position"
    elif last and _AFTER.search(message) and last[-1] < len(shown):
        positions, how = [last[-1] + 1], "position"
    else:
        positions, excluded = _by_words(message, shown)
        how = "other" if excluded else "title"
    if not positions:
        return heard
    if sorted(heard.positions) == sorted(positions) and heard.intent in ("ask_about_item", "compare"):
        return heard
    return heard.model_copy(update={
        "intent": "ask_about_item" if len(positions) == 1 else "compare",
        "references": [_ref(p, shown, how) for p in positions],
        "include": {}, "exclude": {}, "relative_price": None, "show_now": False, "answered": None,
    })


#: Words that point at a shown one: "the fossil one?", "das von Puma?", "el de Nike?".
_DETERMINERS = frozenset("the this that these those el la este esta ese esa der die das den dem dieser diese dieses".split())


def points_by_title(heard: ShopperRequest, message: str) -> bool:
    """Whether the request asks about shown items named by a word of their titles with a pointing word ("and
    the fossil one?", "das von Puma?"): not a bare brand wish ("fossil?", "titan?") to search by."""
    return heard.intent in ("ask_about_item", "compare") and bool(heard.references) \
        and all(r.how in ("title", "attribute") for r in heard.references) \
        and bool(_DETERMINERS & set(_words(message)))


def without_pointing_words(message: str, items: Sequence[Any]) -> str:
    """The message without the title words that point at ``items`` ("and the fossil one?" -> "and the one?"), so
    that a follow-up naming an item by its brand asks the earlier question again (:mod:`chatrec.ellipsis`)."""
    if not items:
        return message
    titles = [_title_words(item) for item in items]
    for pattern in _POINTING:
        found = pattern.search(message)
        if found is None:
            continue
        words = [w for w in _words(found.group("w")) if w not in _COMMON and all(w in t for t in titles)]
        if not words:
            continue
        phrase = re.sub(r"[^\W_]+(?:[-'][^\W_]+)*", lambda m: "" if m.group(0).lower() in words else m.group(0),
                        found.group("w"))
        return " ".join((message[:found.start("w")] + phrase + message[found.end("w"):]).split())
    return message


#: Stop 51: a single item the shopper spoke of before, said as a pronoun ("how is it different from the 3rd?").
_IT = re.compile(r"\b(?:it|this one|that one|this|that)\b|它|这个|這個|那个|那個|\b(?:él|ese|este|es|ihn|er|der|den|dieser|diesen)\b",
                 re.IGNORECASE)


#: Stop 51: a yes-or-no comparison of "it" with a shown item ("is it cheaper than the fourth?", "它比第四个便宜吗",
#: "¿es más barato que el cuarto?", "ist er günstiger als der vierte?").
_IS_IT_THAN = re.compile(r"^\W*(?:and\s+)?(?:is|was|isn'?t)\s+(?:it|this|that|this one|that one)\s+(?:\w+\s+){0,3}?"
                         r"(?:\w+er|more \w+|less \w+|better|worse)\s+than\s+(?:the\s+)?\w+"
                         r"|^\W*(?:它|这个|這個|那个|那個|这款|那款|这台|那台)比"
                         r"|^\W*(?:y\s+)?(?:es|está)\s+(?:más|menos|mejor|peor)\b.*\bque\s+(?:el|la)\s+\w+"
                         r"|^\W*(?:und\s+)?ist\s+(?:er|es|sie|der|das|die)\s+(?:\w+\s+){0,2}?\w+er\s+als\s+", re.IGNORECASE)


def asks_it_than(message: str) -> bool:
    """Stop 51: whether the message asks whether "it" is more of something than a shown item ("is it cheaper than the
    fourth?", "它比第二件更正式吗")."""
    return _IS_IT_THAN.search(message) is not None


def it_compared(heard: ShopperRequest, message: str, shown: Sequence[Any], last_references: Sequence[int] = ()) -> ShopperRequest:
    """Stop 51: "tell me about the first", then "how is it different from the 3rd?": "it" is the first, compared with
    the third (before, the reply said only one item had been shown). "is it cheaper than the fourth?" after a question
    about the second compares those two (before, a new search below the fourth's price). Only when the last message
    spoke of exactly one shown item and this one names one other."""
    if not shown:
        return heard
    before = last_references[0] if len(last_references) == 1 else 0
    if heard.intent in ("refine", "recommend", "more_like", "ask_about_item", "compare") and _IS_IT_THAN.search(message):
        # "is it cheaper than the fourth?" of the second: a question about two shown items, not a new search; with no
        # one item spoken of, a comparison with the fourth alone, which asks which item "it" is ("它比第二件更正式吗"
        # after two shirts compared answered "yes, the second is formal")
        from chatrec.answers import find_reference

        named = [p for p in find_reference(message, len(shown), heard.language) or [] if p != before]
        if len(named) == 1:
            pair = [before, named[0]] if 1 <= before <= len(shown) else [named[0]]
            return heard.model_copy(update={
                "intent": "compare", "price": None, "relative_price": None, "include": {}, "show_now": False,
                "references": [_ref(p, shown, "position") for p in pair]})
        return heard
    if not before:
        return heard
    if heard.intent not in ("compare", "ask_about_item") or len(heard.references) != 1:
        return heard
    if before == heard.references[0].position or not 1 <= before <= len(shown) or not _IT.search(message):
        return heard
    from chatrec.answers import compares_two

    if not compares_two(message, heard.language):
        return heard
    return heard.model_copy(update={"intent": "compare", "references": [_ref(before, shown, "position"),
                                                                         *heard.references]})
