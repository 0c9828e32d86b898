"""An accessory for a device is the accessory (issue 12, shopping gaps round 6, i12al).

"una funda para el mando de la tele" (a cover for the TV's remote), "a case for the remote of the
tv", "a cover for my phone charger", "遥控器的保护套", "eine Hülle für die Fernbedienung vom
Fernseher": the shopper wants the cover; the remote and the TV are what it goes with. Read word by
word each is a product type, and the rules took the last one named ("de la tele": televisions) or
the device ("phone charger": wall chargers) as the wish.

:func:`adjust` finds the accessory noun (``prompts/accessory_words.txt``) said before "for / of"
and a device (English, and Spanish and German once the lexicon has put "para", "für" into "for"),
or after the device (Chinese "遥控器的保护套" reads "remote control case"), and then:

- the product types named by the device's words are no wish;
- the type wanted is where the shop files such accessories: the types of the items whose title
  names the accessory (or a word of its family: a case is a cover) in its head and the device in
  its words (this shop's remote covers are remote controls, its iPad covers are cases); with no
  such item, the type the accessory noun names, if any; else no type (the search words, which keep
  the device's words, find it).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from chatrec.request import ShopperRequest

__all__ = ["accessory_and_device", "adjust", "as_compound", "family", "for_shown_kind"]

#: Words joining the accessory to the device it goes with, once the lexicon has put the message in English.
_LINKS = frozenset({"for", "of", "to", "fits", "fit", "compatible", "with", "para", "de", "del", "fur", "vom", "von"})
#: Words that may stand between the link and the device ("for the", "for my old").
_BETWEEN = frozenset({"the", "my", "your", "his", "her", "our", "their", "a", "an", "this", "that", "el", "la", "mi",
                      "die", "der", "den", "das", "dem", "meine", "mein", "meinen", "old", "new", "one", "s"})
#: How many words may say whose device it is and which one ("for my son s old work laptop").
_MAX_WHOSE = 4
#: Words that end the phrase naming the device: what follows is another wish or a clause.
_BREAKS = frozenset({"and", "or", "but", "with", "that", "which", "who", "because", "so", "to", "in", "on", "at",
                     "when", "while", "if", "also", "plus", "then", "y", "o", "und", "oder", "pero", "aber", ","})
#: Words between a device and its accessory said last: "my phone's case", "给遥控器买个保护套" ("remote control buy a case").
_BACK = frozenset({"s", "a", "an", "one", "buy", "get", "new"})
#: Accessories that are the same thing to a shopper: a case is a cover is a pouch.
_FAMILIES = (frozenset({"case", "cover", "pouch", "sleeve", "skin", "shell"}),)
_HEAD_END = re.compile(r"\s(?:with|for|fits|fit|compatible|suitable|to)\s|[,(|/:;]|\s[-–]\s", re.IGNORECASE)
#: How titles name the devices the lexicon spells out.
_ALIASES = {"television": ("tv",), "smartphone": ("phone", "mobile", "iphone"), "remote": ("remote",)}


def family(noun: str) -> frozenset[str]:
    """The accessory nouns that name the same thing as ``noun`` to a shopper ("cover": case, pouch, skin ...)."""
    return next((f for f in _FAMILIES if noun in f), frozenset({noun}))


def accessory_and_device(tokens: Sequence[str], typed: Sequence[Any], accessory: frozenset[str]) -> tuple[int, list[Any]] | None:
    """The position of the accessory noun and the type matches of the device it goes with, or None.

    Args:
        tokens: The message's words in English (the lexicon applied), singular.
        typed: The product-type matches of the words (``start``, ``end``).
        accessory: The accessory nouns.
    """
    for i, token in enumerate(tokens):
        if token not in accessory:
            continue
        own = next((m for m in typed if m.start <= i < m.end), None)
        after = (own.end if own is not None else i + 1)
        j = after
        if j < len(tokens) and tokens[j] in _LINKS:
            j += 1
            while j < len(tokens) and tokens[j] in _BETWEEN:
                j += 1
            devices = [m for m in typed if m.start >= j and m is not own]
            if devices and devices[0].start - j <= 2:
                return i, devices
            # "for my daughter's new phone", "for my wife's old samsung phone": whose and which one
            if devices and devices[0].start - j <= _MAX_WHOSE and not set(tokens[j:devices[0].start]) & _BREAKS:
                return i, devices
        # "remote control case" (遥控器的保护套), "tv remote cover": the device right before, the accessory last
        before = [m for m in typed if m.end <= i and m is not own]
        rest = [t for t in tokens[after:] if t.isalnum()]
        if before and not rest and all(t in _BACK for t in tokens[before[-1].end:i]):
            return i, before
    return None


def _words(text: str) -> list[str]:
    from chatrec.grounding import singular

    return [singular(w) for w in re.findall(r"[a-z0-9]+", text.lower())]


def _filed_under(items: Sequence[Any], nouns: frozenset[str], device_words: set[str]) -> list[str]:
    """The categories of the items whose title's head names one of ``nouns`` and whose title names the device."""
    counts: Counter[str] = Counter()
    for item in items:
        parts = _HEAD_END.split(str(getattr(item, "title", "")), maxsplit=1)
        head = _words(parts[0])
        # "Dealfreez Case Compatible with Fire TV Stick ... Remote Cover", "Silicone Remote Cover for Mi TV"
        nouns_at = [k for k, w in enumerate(head) if w in nouns]
        # the device named right after "for" / "compatible with", not somewhere in a long list of uses
        names_device = bool(set(_words(parts[1] if len(parts) > 1 else "")[:4]) & device_words) or bool(
            nouns_at and set(head[:nouns_at[-1]]) & device_words)
        if nouns_at and names_device and getattr(item, "category", None):
            counts[str(item.category)] += 1
    if not counts:
        return []
    top = max(counts.values())
    return sorted(c for c, n in counts.items() if n * 3 >= top)  # the shop's place for them, not a stray title


#: "do you have one for an LG remote?", "any for a Samsung TV", "¿tienes una para un mando LG?": the same
#: kind of thing, for another device.
_ONE_FOR = re.compile(
    r"\b(?:one|ones|any|some|something|another|uno|una|unos|unas|algo|eins?|eine[ns]?|welche)\s+"
    r"(?:for|that fits|that works with|compatible with|para|für)\s+(?:an?|my|the|un|una|mi|el|la|ein(?:e|en)?|meine?n?|den|die|das)?\s*\S+",
    re.IGNORECASE)


#: "is the Esprit one for women?", "¿es la de Puma para mujer?", "ist das für Damen?": a yes/no question about it.
_ABOUT_IT = re.compile(r"^\W*(?:is|are|was|does|do they|does it|es|son|está|ist|sind|passt)\b", re.IGNORECASE)


def _one_for_a_device(request: ShopperRequest, message: str, context: Any, vocabulary: Any) -> ShopperRequest:
    """"do you have one for an LG remote?" after remote covers, one of them for an LG remote: a search for
    such covers fitting that device (read as if nothing were shown), not a question about the shown one
    whose title says "LG"."""
    if request.intent != "ask_about_item" or not request.references or not getattr(context, "current", None):
        return request
    if any(r.how != "title" for r in request.references) or not _ONE_FOR.search(message) or vocabulary is None:
        return request
    from dataclasses import replace

    from chatrec.understanding import type_fields, understand

    if _ABOUT_IT.match(message):
        return request  # "is the Esprit one for women?": a question about the shown one
    again = understand(message, vocabulary, replace(context, shown=(), last_references=()))
    types = set(type_fields(list(getattr(vocabulary, "counts", {}) or {}))) | {"category"}
    if not set(again.include) & types:
        return request  # "one for women": no device named, the shown one asked about
    if again.intent not in ("recommend", "refine"):
        again = again.model_copy(update={"intent": "refine"})
    return again.model_copy(update={"references": [], "show_now": True, "language": request.language})


def adjust(request: ShopperRequest, message: str, context: Any, vocabulary: Any) -> ShopperRequest:
    """The accessory as the wish and the device it goes with as its search words (see the module doc).

    Args:
        request: The request of the rules so far.
        message: The message as the rules read it.
        context: The :class:`~chatrec.understanding.TurnContext` of the turn (unused; the steps' shape).
        vocabulary: The catalogue's :class:`~chatrec.understanding.ValueMatcher`.

    Returns:
        The request, its product types changed only when an accessory is asked for a device.
    """
    request = _one_for_a_device(request, message, context, vocabulary)
    if request.intent not in ("recommend", "refine") or vocabulary is None:
        return request
    from chatrec.accessories import accessory_words
    from chatrec.language import Lexicon, fold
    from chatrec.understanding import normalise_tokens, type_fields

    types = set(type_fields(list(getattr(vocabulary, "counts", {}) or {}))) | {"category"}
    lexicon = Lexicon.default()
    text = lexicon.translate(fold(message), request.language, keep=vocabulary.value_words | vocabulary.value_phrases)
    text = re.sub(r"(\w)'s\b", r"\1 s", text)  # "my phone's charger": the charger is the device
    # words the lexicon left in Chinese ("给遥控器买个保护套": "买个") stand for nothing here
    tokens = [t for t in normalise_tokens(text) if t.isalnum() and t.isascii()]
    typed = [m for m in vocabulary.find(tokens) if set(m.values) & types]
    found = accessory_and_device(tokens, typed, accessory_words())
    if found is None:
        return request
    position, devices = found
    noun = tokens[position]
    own = next((m for m in typed if m.start <= position < m.end), None)
    device_values = {(name, v) for m in devices for name, vs in m.values.items() if name in types for v in vs}
    device_words = {t for m in devices for t in tokens[m.start:m.end]}
    device_words |= {alias for w in list(device_words) for alias in _ALIASES.get(w, ())}
    device_words -= {"control", "smart", "standard"}
    if not any(v in request.include.get(name, ()) for name, v in device_values):
        return request  # the device was not read as a wish: the rules' reading stands ("una funda para mi móvil")
    include = {name: [v for v in values if (name, v) not in device_values] for name, values in request.include.items()}
    include = {name: values for name, values in include.items() if values}
    filed = _filed_under(getattr(vocabulary, "_typed_items", ()), family(noun), device_words)
    kept = {v for name, values in include.items() if name in types for v in values}
    mentioned = getattr(vocabulary, "mentioned_by", None)
    unrelated = callable(mentioned) and all(
        mentioned("category", v, w) == 0 for v in kept for w in device_words)  # iPad cases never name a remote
    if filed and not kept & set(filed) and (not kept or unrelated):
        for name in types:
            include.pop(name, None)
        include["category"] = filed
    elif kept:
        pass  # the accessory's own type, read already ("a charger for my phone": the chargers)
    elif own is not None:
        for name, values in own.values.items():
            if name in types:
                include[name] = sorted(values)
    if include == request.include:
        return request
    query = request.query
    for word in sorted(family(noun) - set(query.split())):
        if word in {"case", "cover"}:
            query = f"{query} {word}".strip()
    return request.model_copy(update={"include": include, "query": query})


#: The link of "a pad for my mouse", "ein Ladegerät für das Auto" (the lexicon has put "für", "para" into "for").
_FOR = frozenset({"for", "para", "fur"})
#: Words that end the device's name after "for my ...".
_END = frozenset({"please", "pls", "plz", "too", "also", "then", "?", ".", "!", ","})


def as_compound(request: ShopperRequest, message: str, context: Any, vocabulary: Any) -> ShopperRequest:
    """Stop 55: "a pad for my mouse", "a charger for my car", "a bag for my laptop": the accessory said before
    "for" and the thing it is for read as the one name a shop files it under ("mouse pad", "car charger",
    "laptop bag"). Read word by word, "pad" named cooling pads too, "charger" the AA-battery chargers, and
    "bag" no type at all. The product types of that name replace those read when they are fewer (or none
    was read); nothing changes when the name reads no type or the same ones.
    """
    if request.intent not in ("recommend", "refine") or vocabulary is None:
        return request
    from chatrec.language import Lexicon, fold
    from chatrec.understanding import normalise_tokens

    lexicon = Lexicon.default()
    text = lexicon.translate(fold(message), request.language, keep=vocabulary.value_words | vocabulary.value_phrases)
    found = [r for words in (text, fold(message))  # the words as said too: the lexicon's "mice" names no mouse pad
             if (r := _compound(request, [t for t in normalise_tokens(words) if t.isascii() and t.strip()], context,
                                vocabulary)) is not None]
    return min(found, key=lambda r: sum(map(len, r.include.values()))) if found else request


def for_shown_kind(request: ShopperRequest, message: str, kinds: Sequence[str], vocabulary: Any,
                   read: Callable[[str], ShopperRequest]) -> ShopperRequest:
    """Stop 56: "a bag for it" (a laptop shown), "a cable for it" (phones shown), with "for it" taken out of the
    message (``message``: what is left): the accessory read as the name of the device's kind and the accessory
    ("laptop bag", "smartphone cable"), when the message reads no product type. Before, the device was shown
    again. ``kinds``: the product types of the device shown."""
    from chatrec.accessories import accessory_words
    from chatrec.language import Lexicon, fold
    from chatrec.understanding import _singular, normalise_tokens, type_fields

    types = ["category", *type_fields(list(vocabulary.fields))]
    if request.intent not in ("recommend", "refine") or any(request.include.get(n) for n in types):
        return request
    text = Lexicon.default().translate(fold(message), request.language,
                                       keep=vocabulary.value_words | vocabulary.value_phrases)
    nouns = [w for t in normalise_tokens(text) if (w := _singular(t)) in accessory_words()]
    heads = list(dict.fromkeys(name[-1] for k in kinds if (name := normalise_tokens(str(k), camel=True))))
    for noun in nouns[:1]:
        for head in heads[:2]:
            found = {n: list(vs) for n, vs in read(f"{head} {noun}").include.items() if n in types and vs}
            if found and not any(set(found.get(n, ())) & set(kinds) for n in types):
                return request.model_copy(update={"intent": "recommend", "include": {**request.include, **found}})
        # no type of that name ("smartphone cable"): the noun's types whose items name the device most often
        device_words = {w for h in heads for w in (h, h.removeprefix("smart")) if len(w) >= 3}
        mentioned = getattr(vocabulary, "mentioned_by", None)
        counts = vocabulary.counts.get("category", {})
        naming = {t: n * max(mentioned("category", t, w) for w in device_words)  # items naming it, not a share of two
                  for t, n in counts.items() if callable(mentioned) and device_words
                  and noun in {_singular(w) for w in normalise_tokens(str(t), camel=True)}}
        best = max(naming.values(), default=0.0)
        if best >= 3:
            kept = sorted(t for t, v in naming.items() if v >= best / 2)
            return request.model_copy(update={"intent": "recommend", "include": {**request.include, "category": kept}})
    return request


def _compound(request: ShopperRequest, tokens: list[str], context: Any, vocabulary: Any) -> ShopperRequest | None:
    """:func:`as_compound` on the message's words, or None when they name no accessory for a thing."""
    from chatrec.accessories import accessory_words
    from chatrec.understanding import TurnContext, type_fields, understand

    nouns = accessory_words()
    for i, token in enumerate(tokens[:-2]):
        if token not in nouns or tokens[i + 1] not in _FOR:
            continue
        j = i + 2
        while j < len(tokens) and tokens[j] in _BETWEEN:
            j += 1
        end = j
        while end < len(tokens) and end - j < 2 and tokens[end].isalpha() and tokens[end] not in _BREAKS | _END:
            end += 1
        if end == j or end < len(tokens) and tokens[end] not in _BREAKS | _END:
            continue  # no device, or a longer phrase ("for my son s old laptop": accessory_and_device reads it)
        types = ["category", *type_fields(list(vocabulary.fields))]
        said = {(n, v) for n in types for v in request.include.get(n, ())}
        plain = TurnContext(catalog_currency=getattr(context, "catalog_currency", None))
        named = understand(f"{' '.join(tokens[j:end])} {token}", vocabulary, plain)
        found = {(n, v) for n in types for v in named.include.get(n, ())}
        if not found or found == said or said and not found < said:
            return None
        include = {n: vs for n, vs in request.include.items() if n not in types}
        for n, v in sorted(found):
            include.setdefault(n, []).append(v)
        return request.model_copy(update={"include": include})
    return None
