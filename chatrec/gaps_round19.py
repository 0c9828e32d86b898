"""Shopping gaps round 19 (issue 12, stop 63): classes the lead found shopping the demos.

- **Makes said together are alternatives** (:func:`alternated`): on the fashion shop, whose titles carry the make,
  "adidas or puma shoes" said "None of the Shoes I have says “adidas”" and asked for a colour; "nike and adidas
  sports shoes" did the same, as every make said had to be in one title. Makes said in one message are now one
  wanted word any of whose makes will do (:func:`chatrec.wanted_words.alternatives`: "adidas/puma"), and the list
  takes them in turn (a Puma, an ADIDAS, a Puma, …) instead of five of whichever the search ranked first. Makes of a
  brand field take turns too (:func:`in_turns`): "sony or jbl headphones" showed four JBL pairs before one Sony.

- **The nearest season first** (:func:`season_left_out`, :func:`nearest_seasons`): "a jacket for winter", where no
  jacket is for winter, left Winter out and showed jackets for summer first ("made for summer"). A season asked for
  and left out is now treated as a colour is (stop 44): the items of the nearest seasons come first, fall and
  spring before summer for winter, and the reply says so ("Those for the nearest seasons come first: Fall.").

- **"The best X" of the kind asked is the best rated** (:func:`best_of_kind`): "best phone under 20k" showed phones in
  the search's order, each "the type, budget and rating you asked for", as "best" before a noun was read as the best
  of that thing (stop 52: "the best sound"). Before a word naming a kind the shopper asks for now ("phone" of
  smartphones, "tv" of televisions) it is the best rated, as "best rated phones under 20k" already was.

- **"Cheap" of another kind is cheap among that kind** (:func:`another_kind`): after phones (the cheapest at 7,915),
  "budget 4k tv" searched TVs "<= 7,907 INR", cheaper than the phones shown, and found no 4K set. A price word said
  with a kind other than the one shown compares with that kind's prices, as it does at the start of a conversation.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from typing import TypeVar

__all__ = ["alternated", "another_kind", "best_of_kind", "in_turns", "nearest_seasons", "season_left_out"]

_BEST = re.compile(r"\b(best)\s+([^\W\d_][\w-]*)", re.IGNORECASE)

#: How warm each season a catalogue may name is (lower case): the nearest to a season asked for come first.
_WARMTH: Mapping[str, float] = {"winter": 0.0, "fall": 1.0, "autumn": 1.0, "spring": 1.1, "summer": 2.0}

T = TypeVar("T")


def alternated(candidates: Sequence[T], wanted: Sequence[str], title: Callable[[T], str]) -> list[T]:
    """The candidates with the alternatives of each wanted word of alternatives ("adidas/puma") taken in turn, in
    the order each first comes; candidates stating none of them follow. Unchanged when no wanted word has
    alternatives."""
    from chatrec.wanted_words import ALTERNATIVES, word_pattern

    choices = [[p for p in w.split(ALTERNATIVES) if p] for w in wanted if ALTERNATIVES in w.strip(ALTERNATIVES)]
    if not choices:
        return list(candidates)
    patterns = [word_pattern(part) for part in choices[-1]]  # the latest said decides the turns
    return in_turns(candidates, lambda c: next(
        (n for n, pattern in enumerate(patterns) if pattern.search(title(c))), None))


def in_turns(candidates: Sequence[T], group: Callable[[T], Hashable | None]) -> list[T]:
    """The candidates of each group (``group`` gives it, None for none) taken in turn, in the order each group first
    comes and each group's own order; those of no group follow ("sony or jbl headphones": a JBL, a Sony, a JBL, …
    where the brand field holds both, not four JBL before the first Sony)."""
    groups: dict[Hashable, list[T]] = {}
    rest: list[T] = []
    for candidate in candidates:
        which = group(candidate)
        (rest if which is None else groups.setdefault(which, [])).append(candidate)
    if len(groups) < 2:
        return list(candidates)
    queues = list(groups.values())
    turns: list[T] = []
    while any(queues):
        turns += [queue.pop(0) for queue in queues if queue]
    return turns + rest


def season_left_out(
    wanted: Mapping[str, Sequence[str]], kept: Mapping[str, Sequence[str]]
) -> tuple[str, list[str]] | None:
    """The field of seasons and the seasons the shopper asked for that the search left out ("a jacket for winter"
    where no jacket is for winter), or None. A field is of seasons when every value asked of it is a season."""
    for name, values in wanted.items():
        if values and not kept.get(name) and all(str(v).lower() in _WARMTH for v in values):
            return name, list(values)
    return None


def nearest_seasons(asked: Sequence[str], available: Iterable[str], limit: int = 3) -> list[str]:
    """The seasons of ``available`` (as the catalogue writes them, once each) near in warmth to the ``asked`` ones,
    nearest first, up to ``limit`` (as :func:`chatrec.near_colours.shades`); the opposite season is none ("Summer"
    of "Winter"), nor are "All" seasons or unknown words."""
    wanted = [_WARMTH[a.lower()] for a in asked if a.lower() in _WARMTH]
    if not wanted:
        return []

    def distance(value: str) -> float:
        return min(abs(_WARMTH[value.lower()] - w) for w in wanted)

    found = [v for v in dict.fromkeys(available) if v.lower() in _WARMTH and v not in asked]
    return sorted((v for v in found if distance(v) < 1.5), key=distance)[:limit]  # not the opposite: summer of winter


def best_of_kind(message: str, kinds: Sequence[str]) -> str:
    """The message with "best" before a word naming one of ``kinds`` (the product types asked for now, as the
    catalogue writes them) said as "best rated" ("best phone under 20k" -> "best rated phone under 20k"), for the
    list's order and its line; else the message as it is ("the best sound" asks the sound)."""
    from chatrec.language import Lexicon

    if not kinds:
        return message
    english = Lexicon.default().entries.get("en", {})
    names = [re.sub(r"[^a-z]", "", kind.lower()) for kind in kinds]
    for found in _BEST.finditer(message):
        word = found.group(2).lower()
        said = {re.sub(r"[^a-z]", "", w)  # "phone", "tv", and the words the lexicon reads them as ("television")
                for w in (word, word.rstrip("s"), english.get(word, ""), english.get(word.rstrip("s"), ""))}
        stems = {w.rstrip("s") for w in said if len(w) >= 2}
        if any(stem in name for stem in stems for name in names):
            return f"{message[:found.end(1)]} rated{message[found.end(1):]}"
    return message


def another_kind(heard: Mapping[str, Sequence[str]], wished: Mapping[str, Sequence[str]], kinds: Sequence[str]) -> bool:
    """Whether the values ``heard`` now of the type fields ``kinds`` name a kind and none of those in force."""
    now = {v for name in kinds for v in heard.get(name, [])}
    return bool(now) and not now & {v for name in kinds for v in wished.get(name, [])}
