"""A device the shopper (or the person they buy for) already has is no product to look for (issue 12, lead).

"a power bank that can charge my laptop", "he mostly uses a laptop, wired is fine" (while headphones
are wished), "we have a samsung tv, need a soundbar", "i need a charger, my phone dies fast": the
laptop, the TV and the phone are what the wanted product works with. Read word by word each is a
product type, so the search turned to laptops, or to power banks that are laptops (nothing). A
product type said as owned (after "my", "his", "her", "our", "their", "your", or after "I / he / she
/ we / they use, have, own") is the device's, not a wish, when the message or the wishes in force
name another product type, or the message names an accessory the catalogue has no value for ("a
cover", "a cable"). It stays a wish when the shopper replaces it: "my laptop broke, I need a new
one", "my old phone is slow, want a better phone".

The search text keeps the device's words ("power bank charge laptop"), so items made for it rank
first. "for my phone" and "compatible with" are read in :mod:`chatrec.understanding` already.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Any

__all__ = ["owned_devices"]

_POSSESSIVES = frozenset({"my", "his", "her", "our", "their", "your", "mine"})
_OWNERS = frozenset({"i", "he", "she", "we", "they", "son", "daughter", "wife", "husband", "mom", "mum", "dad",
                     "mother", "father", "kid", "kids", "friend", "boy", "girl", "men", "women"})
_OWNING = frozenset({"use", "using", "have", "has", "own", "got", "carry"})
#: "he works on a laptop", "she plays on her phone": a verb, then "on".
_ON = frozenset({"work", "working", "play", "playing", "game", "gaming", "watch", "watching", "study", "studying"})
#: Words between the owning word and the device: articles, adverbs, where it is used (a make before
#: the device is skipped by :func:`_said_as_owned`).
_BETWEEN = frozenset({"a", "an", "the", "mostly", "only", "just", "already", "usually", "mainly", "always",
                      "still", "work", "office", "gaming", "home", "school"})
#: Words saying the owned device is what is replaced: then it is the wish after all.
_REPLACING = frozenset({
    "new", "another", "replace", "replacement", "replacing", "upgrade", "upgrading", "broke", "broken", "break",
    "died", "dead", "stopped", "old", "older", "slow", "spare", "extra", "cracked", "lost", "stolen",
})


def owned_devices(
    tokens: Sequence[str], typed: Sequence[Any], matches: Sequence[Any], current: Mapping[str, Sequence[str]],
    types: Collection[str], accessory: Collection[str],
) -> set[int]:
    """The ids of the matches (``typed``: the product-type ones; ``matches``: all, for a make said before
    the device) that name a device the shopper has rather than a product wished."""
    if set(tokens) & _REPLACING:
        return set()
    owned = [m for m in typed if _said_as_owned(tokens, m.start, matches)]
    # a make said as owned, unless it is the make of the product named right after it ("have samsung earphones?")
    type_starts = {m.start for m in typed}
    makes = [m for m in matches if set(m.values) == {"brand"} and m.end not in type_starts
             and _said_as_owned(tokens, m.start, ())]
    if not owned and not makes:
        return set()
    others = [m for m in typed if m not in owned]
    in_force = {(name, value) for name, values in current.items() if name in types for value in values}
    another_in_force = bool(in_force) and all(
        not any(value in m.values.get(name, ()) for name, value in in_force) for m in owned)
    named_accessory = any(t in accessory for t in tokens)
    # stop 51: "something to clean my laptop screen", "a thing that holds my phone": a thing that does something to
    # the device (before, laptops and phones were shown)
    done_to = bool(set(tokens) & _THINGS) and any(_object_of(tokens, m.start, matches) for m in owned)
    if not (others or another_in_force or named_accessory or done_to):
        return set()
    ids = {id(m) for m in owned}
    starts = {m.start for m in owned}
    # "we have a samsung tv": the make right before the device is the device's; "she uses an
    # iphone, wants a cover": so is a make said as owned on its own
    ids |= {id(m) for m in matches if set(m.values) == {"brand"} and m.end in starts}
    ids |= {id(m) for m in makes}
    return ids


#: Words for a product the shopper does not name ("something to clean my laptop screen").
_THINGS = frozenset({"something", "thing", "gadget", "device", "anything", "stuff", "item", "tool"})
#: Words before a verb whose object the device is ("to clean my laptop", "that holds my phone").
_PURPOSE = frozenset({"to", "that", "which", "can", "will", "could", "would"})


def _word_before(tokens: Sequence[str], start: int, matches: Sequence[Any]) -> int:
    """The position of the word before the device at ``start``, past a make said before it and the words of
    ``_BETWEEN`` ("my [old] [samsung] tv"); -1 when there is none."""
    makes = {m.end: m.start for m in matches if "brand" in m.values}
    i = makes.get(start, start) - 1
    while i >= 0 and tokens[i] in _BETWEEN:
        i -= 1
    return i


def _object_of(tokens: Sequence[str], start: int, matches: Sequence[Any]) -> bool:
    """Whether the device at ``start`` is the object of a verb said of the thing wanted: "(something) to clean my
    [samsung] laptop", "(a thing) that holds my phone"."""
    i = _word_before(tokens, start, matches)
    return i >= 2 and tokens[i] in _POSSESSIVES and tokens[i - 1].isalpha() and tokens[i - 1] not in _PURPOSE \
        and tokens[i - 1] not in {"for", "with", "on", "of", "in", "like"} and tokens[i - 2] in _PURPOSE


def _said_as_owned(tokens: Sequence[str], start: int, matches: Sequence[Any]) -> bool:
    """Whether the words before ``start`` say the device is owned: "my [samsung] tv", "he uses a laptop"."""
    i = _word_before(tokens, start, matches)
    if i < 0:
        return False
    if tokens[i] in _POSSESSIVES:
        return i == 0 or tokens[i - 1] != "for"  # "for my phone" is read where "for" is
    if tokens[i] == "on" and i > 0 and tokens[i - 1] in _ON:
        i -= 1
    elif tokens[i] not in _OWNING:
        return False
    j = i - 1
    while j >= 0 and tokens[j] in _BETWEEN:
        j -= 1
    # "I" is gone with the other single letters: "(i) use a laptop", "..., (i) have a samsung"
    return j < 0 or tokens[j] in _OWNERS or tokens[j] in {",", ";", "and", "but"}
