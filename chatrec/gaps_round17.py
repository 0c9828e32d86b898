"""Stop 61: conversations held as a shopper on the demo catalogues, and what they showed (issue 12).

- **The shopper's own words, quoted** (:func:`as_written`): "i need a frying pan" on the fashion shop answered
  "This shop sells no flying pan": the message is respelt before it is read ("frying" is no word of the
  catalogue, "flying" is one letter away), and the thing not sold was quoted from the respelt words. A word
  of the thing the shopper did not write is quoted as they wrote it.
- **A thing not sold, with its features** (:func:`named_whole`, :func:`nothing_goes_with`): "a non stick pan"
  answered "I found nothing called “pan”. Nothing I have says “non stick”, so these are the closest", then
  capris named "Pan" and sandals. The whole name is quoted, its features are no wish, and a known product that
  no item is made to go with asks which of the shop's kinds instead of showing five unrelated items.
- **A make as the model** (:func:`likened`, :func:`some_of_make_first`): "something like levis jeans" showed the one
  Levis pair, "earphones similar to boat" five boAt ones. A make said after "like", "similar to", "parecidos a",
  "ähnlich wie", "类似" is the model: two of its items first, then other makes, and it stays so for the turns after.
- **A price against an item of an earlier list** (:func:`than_seen`): "cheaper than the jbl?" after the list had
  changed read JBL as a wished brand ("The cheapest I have that fits your wishes is JBL Go 2"); it is a bound
  just below that item's price.
- **Several kinds nobody named** (:func:`each_kind`): what a hike needs (backpacks, rain jackets, caps, sports
  shoes, sunglasses) showed five backpacks, the kind the word "hiking" favours; a few of each kind are searched.
- **An age** (:func:`without_age`): "she is 75" searched the figure and showed a 75 ml perfume first.
- **A new product said as a refinement** (:func:`new_kind`): "ok then a laptop bag" after laptops kept "Laptops" in
  force, found nothing, and said it had left the laptops out.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

from chatrec.followups import beside

__all__ = ["LIKENING_WORDS", "as_written", "each_kind", "likened", "likened_words", "makes_shown", "named_whole",
           "new_kind", "nothing_goes_with", "shown_now", "some_of_make_first", "than_seen", "without_age"]

_WORD = re.compile(r"[A-Za-z]+")  # Latin words: a respelling never touches Chinese


def as_written(thing: str, said: str) -> str:
    """``thing`` (read from the respelt message) with each word the shopper did not write put back as they wrote
    it: the closest word of ``said`` that the thing does not hold ("flying pan", "i need a frying pan" ->
    "frying pan"), and in the shopper's case ("pfanne" of "eine Pfanne"). A word with no close one in ``said``
    (a rewrite, not a respelling) stays."""
    written = {w.lower(): w for w in _WORD.findall(said)}
    spare = [w for w in written if w not in {t.lower() for t in _WORD.findall(thing)}]

    def back(found: re.Match[str]) -> str:
        word = found.group(0)
        if word.lower() in written:  # in the shopper's case too ("Pfanne", read lower-cased)
            return written[word.lower()]
        close = difflib.get_close_matches(word.lower(), spare, n=1, cutoff=0.75)
        return written[close[0]] if close else word

    return _WORD.sub(back, thing)


def named_whole(thing: str, message: str) -> str:
    """The whole name the shopper gave the thing not sold, features too ("a non stick pan" -> "non stick pan",
    where "non stick" was read as a wanted feature and only "pan" as the thing), or ``thing`` when the message's
    noun phrase does not end with it."""
    from chatrec.not_carried import asked_for, bare_thing

    phrase = asked_for(message) or bare_thing(message)
    if phrase and len(phrase) > len(thing) and phrase.lower().endswith(thing.lower()) \
            and len(phrase.split()) <= 4 and not re.search(r"[,.;!?]", phrase):
        return phrase
    return thing


def nothing_goes_with(thing: str | None, titles: Iterable[str]) -> bool:
    """Whether a thing the shop does not sell is one no item is made to go with, so that the shop's kinds nearest
    to it are asked about rather than five items shown as "the closest match" ("a non stick pan" on a fashion
    shop showed capris named "Pan" and sandals; "do you have laptops?" on a shop of laptop bags still shows them).
    Only for a thing whose last word is a known product's name (:func:`chatrec.not_carried.product_nouns`)."""
    from chatrec.grounding import singular
    from chatrec.not_carried import product_nouns
    from chatrec.shopper_moves import named_in_titles

    words = _WORD.findall(thing or "")
    if not words or not {words[-1].lower(), singular(words[-1].lower())} & product_nouns():
        return False  # only a known product's name: "funda" (a cover, in Spanish) may still be what items are
    return not named_in_titles(" ".join(words), titles)


#: A make said as the model for what is wanted, not as a wish: "something like levis jeans", "earphones similar
#: to boat", "jeans in the style of Levis", "parecidos a los de Nike", "ähnlich wie Nike", "类似耐克的".
_LIKENED = re.compile(
    r"(?:\b(?:similar to|such as|in the style of|the style of|same style as|the likes of|alternatives? to|like those of"
    r"|[a-z]+\s+(?:just |kind of |a bit |more )?like"
    r"|parecid[oa]s? a|similares a|como (?:l[oa]s? )?de|estilo|ähnlich wie|ähnlich|so wie|im stil von|wie (?:die )?von)"
    r"\s+(?:a |an |the |those |what |los |las |la |el |de |die |der |den |von )*(?P<make>[^\W\d_][\w'&.-]*(?:\s+[^\W\d_][\w'&.-]*){0,2})"
    r"|(?:类似|像|跟|和)(?P<zh>[^\s，。,.的那]{1,6})(?:那样|一样|那种|这样|似)?的)",
    re.IGNORECASE)
#: The words that say a make is the model (in English, as other languages are read): no feature to look for.
LIKENING_WORDS = frozenset("like similar such style alike same kind likes".split())
#: Words before "like" that make it a verb of the shopper's ("i like nike", "would like", "they really like").
_LIKING = re.compile(r"(?:\b(?:i|id|we|you|they|he|she|would|really|also|just|do|don't|dont|totally|kinda|quite|u|feel|feels"
                     r"|look|looks|sound|sounds|seem|seems)|'d)\s+"
                     r"(?:(?:really|also|just|do|totally)\s+)?like\s", re.IGNORECASE)


def likened(message: str, makes: Sequence[str], chinese: Callable[[str], Sequence[str]] = lambda text: ()) -> list[str]:
    """The makes of ``makes`` (as read from the message) that the message names as the model of what it wants,
    not as a wish: "earphones similar to boat" wants earphones like boAt's, other makes among them; "i like
    boat earphones" and "boat earphones" wish for boAt. ``chinese`` names the makes a Chinese name says ("耐克")."""
    found: list[str] = []
    for match in _models(message):
        said = (match.group("make") or match.group("zh") or "").casefold()
        spelt = {m.casefold() for m in chinese(said)} if match.group("zh") else set()
        found += [m for m in makes if m not in found and (_said_in(m, said) or m.casefold() in spelt)]
    return found


def _said_in(make: str, said: str) -> bool:
    """Whether the make's name (any spelling's first word, or the whole name) opens the words after "like"."""
    name = make.casefold()
    return said.startswith(name) or bool(re.match(rf"{re.escape(name.split()[0])}(?:'?s)?\b", said)) \
        or (not name.isascii() and name in said)


def some_of_make_first(candidates: Sequence[Any], makes: Sequence[str], make_of: Callable[[Any], str | None],
                       n: int = 2) -> list[Any]:
    """The candidates with at most ``n`` of the makes liked in front, then the other makes' items, then the rest of
    the makes' own: "jeans like levis" shows Levis and jeans like them, not Levis alone."""
    if not makes:
        return list(candidates)
    folded = {m.casefold() for m in makes}
    own = [c for c in candidates if (make_of(c) or "").casefold() in folded]
    others = [c for c in candidates if (make_of(c) or "").casefold() not in folded]
    return [*own[:n], *others, *own[n:]]


def makes_shown(titles: Sequence[str], makes: Sequence[str]) -> list[str]:
    """The makes liked that the titles shown name, spelt as the first such title spells them ("levis" -> "Levis")."""
    spelt: list[str] = []
    for make in makes:
        found = next((m.group(0) for t in titles if (m := re.search(rf"\b{re.escape(make)}\b", t, re.IGNORECASE))), None)
        if found and found.casefold() not in {s.casefold() for s in spelt}:
            spelt.append(found)
    return spelt


def likened_words(message: str) -> str:
    """The words said as the model of what is wanted, capitalised as a name is ("sneakers like nike" -> "Nike"),
    so that a make whose name is also an English word is read as the make there."""
    return " ".join(m.group("make").title() for m in _models(message) if m.group("make") is not None)


def _models(message: str) -> Iterator[re.Match[str]]:
    """The places a make is said as the model, less those where "like" is the shopper's verb ("i like nike")."""
    for match in _LIKENED.finditer(message):
        if match.group("make") is None or not _LIKING.search(message[:match.end() - len(match.group("make"))][-30:]):
            yield match


#: "cheaper than the jbl", "more expensive than that boat one", "比JBL那个便宜的": a price bound set by an item named.
_THAN_NAMED = re.compile(
    r"\b(?P<side>cheaper|less expensive|lower priced|less|under|below|pricier|more expensive|dearer|over|above) than "
    r"(?:what )?(?:the |that |this )?(?P<name>[^\W\d_][\w-]*)(?: one| ones)?(?: (?:costs?|is|was|goes for))?(?=\W|$)",
    re.IGNORECASE)
_THAN_NAMED_ZH = re.compile(r"比(?:那个|那款)?(?P<name>[A-Za-z][A-Za-z0-9-]*)(?:的)?(?:那个|那款|这个|那台)?(?:还|更|再)?"
                            r"(?P<side>便宜|实惠|贵)(?:一点|一些|点|些)?")
#: Words after "than" that point at no make ("cheaper than the first one", "than that", "than these").
_NO_NAME = frozenset("first second third fourth fifth last one ones it that this these those them others other "
                     "previous before price budget usual normal average".split())


def than_seen(message: str, seen: Callable[[], Sequence[Any]], last_shown: Callable[[], Sequence[Any]]) -> str:
    """The message with a price compared to an item seen in an earlier list, named by a word of its name, said as
    the bound ("cheaper than the jbl" after the JBL left the list -> "under 1998"): the name is no wish for its
    make, and an item the last list shows is the rules' to read. Unchanged when no such item is named. ``seen`` and
    ``last_shown`` give the items only when the message compares a price with a name (this runs on every turn)."""
    for pattern, zh in ((_THAN_NAMED, False), (_THAN_NAMED_ZH, True)):
        found = pattern.search(message)
        if found is None or found.group("name").casefold() in _NO_NAME:
            continue
        word = re.compile(rf"(?<![^\W_]){re.escape(found.group('name'))}(?![^\W_])", re.IGNORECASE)
        if any(word.search(str(item.title)) for item in last_shown()):
            return message
        prices = [float(item.price) for item in seen() if item.price is not None and word.search(str(item.title))]
        if not prices:
            return message
        cheaper = found.group("side").lower() in ("cheaper", "less expensive", "lower priced", "less", "under", "below",
                                                  "便宜", "实惠")
        bound = beside(min(prices), -1) if cheaper else beside(max(prices), +1)
        said = str(int(bound)) if bound == int(bound) else f"{bound:.2f}"
        rewrite = (f"{said}以内" if cheaper else f"{said}以上") if zh else f"{'under' if cheaper else 'over'} {said}"
        return message[:found.start()] + rewrite + message[found.end():]
    return message


def without_age(heard: Any, message: str) -> Any:
    """The request without the age a message states in its search words ("she is 75" searched "75" and showed a
    75 ml perfume first): an age says whom the thing is for (:mod:`chatrec.ages`), no figure an item has."""
    from chatrec.ages import stated_age

    age = stated_age(message)
    if age is None or not re.search(rf"(?<![\d.]){age}(?![\d.])", heard.query or ""):
        return heard
    query = " ".join(w for w in heard.query.split() if w not in (str(age), f"{age}yo", f"{age}yrs"))
    return heard.model_copy(update={"query": query})


def each_kind(candidates: Sequence[Any], query: Any, field: str | None, search: Callable[[Any], Sequence[Any]]) -> list[Any]:
    """The candidates of a search over several kinds that the shopper did not name (what a hike needs: backpacks,
    rain jackets, caps, sports shoes, sunglasses), with the best few of each kind put first in turn, so that one
    kind the words favour ("hiking" backpacks) does not fill the pool. Unchanged for one kind, or no ``field``."""
    from dataclasses import replace

    kinds = sorted(query.filters.include.get(field, ())) if field else []
    if len(kinds) < 3:
        return list(candidates)
    per_kind = [list(search(replace(query, filters=replace(query.filters, include={
        **query.filters.include, field: frozenset([kind])})))) for kind in kinds]
    mixed = [c for row in zip(*[r + [None] * (max(map(len, per_kind)) - len(r)) for r in per_kind]) for c in row if c]
    seen = {c.item.id for c in mixed}
    return [*mixed, *(c for c in candidates if c.item.id not in seen)]


def new_kind(heard: Any, include: Mapping[str, Sequence[str]], kinds: Sequence[str],
             count: Callable[[dict[str, list[str]]], int]) -> Any:
    """"laptop for college", then "ok then a laptop bag": read as a refinement of the laptops, the laptop sleeves
    asked for were kept under the subcategory Laptops, nothing fitted both, and the reply said it had left out
    "Laptops" and kept it in mind. A kind named in one type field that no item of the kinds in force (in the other
    type fields) has is a new product asked for (``recommend``), which replaces them; ``count`` says how many items
    fit a set of type wishes."""
    if heard.intent != "refine":
        return heard
    named = {n: list(v) for n, v in heard.include.items() if n in kinds and v}
    held = {n: list(v) for n, v in include.items() if n in kinds and v and n not in named}
    if not named or not held or count({**held, **named}) > 0:
        return heard
    return heard.model_copy(update={"intent": "recommend"})


def shown_now(message: str) -> bool:
    """Whether the shopper asks to be shown items at once ("smart watches, just show me"): then a thing not sold is
    answered with the closest items, not a question about the shop's kinds."""
    from chatrec.understanding import _SHOW_NOW

    return bool(_SHOW_NOW.search(message.lower()))
