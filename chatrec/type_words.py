"""Product types read from the catalogue's own type names, word by word (issue 12, shopping gaps round 4).

Found by shopping the electronics demo. The rules match a type value by a phrase of its name; three
classes of wording slipped through, and :func:`adjust` corrects each by the words of the catalogue's
type names, never by a list of sentences:

- a type the shopper's words name more fully than the value read: "a wall mount for the tv" read
  "Mounts" (an Echo Dot holder) or "Shower & wall mounts"; the shop's "TV wall & ceiling mounts"
  shares the head noun ("mounts") and has more of the message's words ("tv", "wall"), so it is meant;
- an accessory noun no value is named by ("a cable for my power bank, micro usb"): the type names
  ending in that noun ("USB cables", "HDMI cables") are the candidates, and one of them is meant
  when another word of the message names it ("usb");
- the product a wanted accessory is for, after a verb ("a cable for charging my power bank", "a
  stand for holding my phone"): what it goes with, no second wish (the rules already know "for my").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from chatrec.request import ShopperRequest

__all__ = ["adjust", "type_words"]

#: "for charging my power bank", "to hold the phone": a verb between the wanted thing and what it is for.
_FOR_VERB = re.compile(r"\b(?:for|to) [a-z]+(?: (?:up|in|on|into|with|out))? (?:my|the|your|his|her|our|their|a|an) ([a-z0-9 ]+)")


@lru_cache(maxsize=4096)
def type_words(value: str) -> tuple[str, ...]:
    """The words of a type value as the rules read a message ("TVWall&CeilingMounts" -> television,
    wall, ceiling, mount): CamelCase split, the English lexicon applied ("tv" -> "television"),
    singular, "and" and punctuation left out."""
    from chatrec.language import Lexicon, fold
    from chatrec.understanding import _split_camel, normalise_tokens

    text = Lexicon.default().translate(fold(_split_camel(value)), "en")
    return tuple(t for t in normalise_tokens(text) if t.isalnum() and t != "and")


def _types(vocabulary: Any) -> dict[str, list[str]]:
    from chatrec.understanding import type_fields

    counts = getattr(vocabulary, "counts", {}) or {}
    names = set(type_fields(list(counts))) | {"category"}
    return {name: [str(v) for v in counts[name]] for name in counts if name in names}


def _score(value: str, words: set[str]) -> int:
    return len(set(type_words(value)) & words)


def _finer(request: ShopperRequest, types: dict[str, list[str]], words: set[str], said: list[str]) -> ShopperRequest:
    """"wall mount ... tv": a value of the same field with the same head noun and more of the message's words;
    a type named inside that value's name in a row ("a tv wall mount": no TVs) is no wish of its own."""
    include = dict(request.include)
    changed = False
    for name, values in request.include.items():
        if name not in types:
            continue
        kept: list[str] = []
        chosen: list[str] = []
        for value in values:
            own = type_words(value)
            if not own or own[-1] not in words:
                kept.append(value)
                continue
            rivals = [u for u in types[name] if type_words(u) and type_words(u)[-1] == own[-1]]
            best = max(_score(u, words) for u in rivals)
            if best > _score(value, words) and best >= 2:
                chosen += [u for u in rivals if _score(u, words) == best]
                changed = True
            else:
                kept.append(value)
        kept = [v for v in kept if not any(_named_inside(v, u, said) for u in chosen if u != v)]
        include[name] = sorted(set(kept) | set(chosen))
    return request.model_copy(update={"include": include}) if changed else request


def _named_inside(value: str, chosen: str, said: list[str]) -> bool:
    """Whether ``value``'s head noun is said in a row of words of ``chosen``'s name that ends in its head
    ("television wall mount" for TV wall & ceiling mounts; not "smart television and a wall mount")."""
    head, words = type_words(value)[-1], set(type_words(chosen))
    if head not in words:
        return False
    for start, token in enumerate(said):
        if token != head:
            continue
        end = start
        while end + 1 < len(said) and said[end + 1] in words:
            end += 1
        if end > start and said[end] == type_words(chosen)[-1]:
            return True
    return False


def _accessory_type(request: ShopperRequest, types: dict[str, list[str]], words: list[str],
                    accessory: frozenset[str]) -> ShopperRequest:
    """"a cable ... micro usb": the one type ending in the accessory noun that another word of the message names."""
    if set(request.include) & set(types) or set(request.exclude) & set(types):
        return request
    nouns = [w for w in words if w in accessory]
    found: list[tuple[str, str]] = []
    for noun in dict.fromkeys(nouns):
        for name, values in types.items():
            rivals = [v for v in values if type_words(v) and type_words(v)[-1] == noun]
            if not rivals:
                continue
            scores = {v: _score(v, set(words)) for v in rivals}
            best = max(scores.values())
            winners = [v for v, s in scores.items() if s == best]
            if best >= 2 and len(winners) == 1:
                found.append((name, winners[0]))
    if len(found) != 1:
        return request
    name, value = found[0]
    return request.model_copy(update={"include": {**request.include, name: [value]}})


def _owned_after_verb(request: ShopperRequest, message: str, types: dict[str, list[str]],
                      accessory: frozenset[str]) -> tuple[ShopperRequest, list[str]]:
    """"a cable for charging my power bank": the power bank is what the cable is for; also returns
    the words of what it is for (they choose no type of the accessory: a speaker's USB cable)."""
    from chatrec.understanding import normalise_tokens

    lowered = re.sub(r"\s+", " ", message.lower())
    found = _FOR_VERB.search(lowered)
    if found is None or not any(t in accessory for t in normalise_tokens(lowered[:found.start()])):
        return request, []
    from chatrec.language import Lexicon, fold

    after = normalise_tokens(Lexicon.default().translate(fold(found.group(1)), "en"))[:4]
    include = {}
    changed = False
    for name, values in request.include.items():
        keep = [v for v in values if not (name in types and set(type_words(v)) & set(after))]
        changed = changed or len(keep) != len(values)
        if keep:
            include[name] = keep
    return (request.model_copy(update={"include": include}) if changed else request), after


def adjust(request: ShopperRequest, message: str, context: Any, vocabulary: Any) -> ShopperRequest:
    """Correct the product types of a rules request for the classes of the module docstring.

    Args:
        request: The request of the rules so far.
        message: The message as the rules read it.
        context: The :class:`~chatrec.understanding.TurnContext` of the turn (unused; for the shape of the steps).
        vocabulary: The catalogue's :class:`~chatrec.understanding.ValueMatcher`.

    Returns:
        The request, changed only in those classes.
    """
    del context
    if request.intent not in ("recommend", "refine") or vocabulary is None:
        return request
    from chatrec.accessories import accessory_words

    types = _types(vocabulary)
    if not types:
        return request
    accessory = accessory_words()
    from chatrec.language import Lexicon, fold
    from chatrec.understanding import normalise_tokens

    said = normalise_tokens(Lexicon.default().translate(fold(message), request.language))
    words = [*request.query.split(), *(t for t in said if t.isalnum())]
    owner: list[str] = []
    if request.language == "en":
        request, owner = _owned_after_verb(request, message, types, accessory)
    request = _accessory_type(request, types, [w for w in words if w not in owner], accessory)
    return _finer(request, types, set(words), [t for t in said if t.isalnum()])
