"""What goes with an item (issue 12, lead, stop 32): "anything to go with it?", "passt da was dazu?",
"第一个配什么鞋好看", "algo que combine con el segundo".

Shopping the demos, "the first one, anything to go with it?" after formal shirts was answered "The catalogue
data for Peter England Men Striped White Formal Shirt does not say anything about 'anything go'"; "die
erste nehme ich, passt da was dazu?" only said the chat takes no orders; "第一个配什么鞋好看" said the
jeans' data does not mention shoes; and even "now trousers, ties or belts to go with it" kept the white of
the shirts, so one off-white pair of trousers was shown and the belts were left out. A shop assistant
asked what goes with a piece shows pieces of other kinds that go with it: for the person the piece is
for, in any colour.

So a message asking what goes with an item (``asks`` of ``data/goes_with.json``, per language) becomes a
new search, shown at once: the product types it names ("shoes", "鞋"), or else the types that go with the
item's type (``complements``: trousers, ties, belts, formal shoes for a shirt; a case, a screen protector,
a charger for a phone); the person of the item (its gender) kept; the colours of the piece given up
(matching is not the same colour), its occasion kept (formal shoes for a formal shirt). The item is the one the message points at ("the
first one"), else the one the previous message pointed at ("I'll take the first one", then "anything to
go with it?"), else the only one shown, else the type in force.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from chatrec.request import ShopperRequest
from chatrec.word_tables import folded, table

__all__ = ["adjust", "asks", "chosen", "complements", "named_on_devices", "piece_words"]

_DATA = str(Path(__file__).parent / "data" / "goes_with.json")


@lru_cache(maxsize=1)
def _asks() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(source) for source in table(_DATA)["asks"].values())


def asks(message: str) -> bool:
    """Whether the message asks what goes with an item ("anything to go with it?", "配什么鞋")."""
    text = folded(message)
    return any(pattern.search(text) for pattern in _asks())


def complements(kind: str) -> list[str]:
    """The product types that go with one (``complements`` of the table), in order; none when unknown."""
    return list(table(_DATA)["complements"].get(kind, ()))


def _anchors(request: ShopperRequest, context: Any) -> list[Any]:
    shown: Sequence[Any] = getattr(context, "shown", None) or ()
    pointed = [r.position for r in request.references if r.how != "all" and r.position]
    pointed = pointed or list(getattr(context, "last_references", None) or ())
    if not pointed and len(shown) == 1:
        pointed = [1]
    return [shown[p - 1] for p in pointed if 1 <= p <= len(shown)]


def _value(item: Any, name: str) -> str | None:
    value = item.field_value(name) if hasattr(item, "field_value") else None
    return str(value) if value not in (None, "") else None


def named_on_devices(message: str, vocabulary: Any, read: Any) -> bool:
    """Whether "to go with it" here names an accessory that must fit a device shown ("a remote that goes with
    it" on a shop without a wearer field): read by :mod:`chatrec.compatible`, not as what goes with an outfit."""
    from chatrec.understanding import type_fields

    if "gender" in vocabulary.fields:
        return False
    said = read(message)
    return any(said.include.get(n) for n in ["category", *type_fields(list(vocabulary.fields))])


#: Stop 60: the piece named after "with" ("what goes well with blue jeans?", "what to wear with my black skirt"),
#: not pointed at ("with it", "with them", "with the first").
_PIECE_NAMED = re.compile(r"\b(?:go|goes|going|match|matches|wear|pair|pairs|combine)\s+(?:well\s+|nicely\s+|best\s+)?"
                          r"with\s+(?!(?:it|them|this|that|these|those|the (?:first|second|third|fourth|fifth|last|"
                          r"other))\b)(?:my\s+|a\s+|an\s+|the\s+)?[a-z]", re.IGNORECASE)


def piece_words(message: str) -> set[str]:
    """Stop 60: the words naming the piece something should go with ("black", "skirt" of "what can i wear with a
    black skirt"): no wish for the items that go with it; empty when no piece is named after "with"."""
    found = _PIECE_NAMED.search(message) if asks(message) else None
    return set(re.findall(r"[^\W\d_]+", folded(message[found.end() - 1:]))) if found else set()


def adjust(request: ShopperRequest, message: str, context: Any, vocabulary: Any) -> ShopperRequest:
    """The request as a search for what goes with the item (see the module docstring), or unchanged."""
    from chatrec.refused_colours import colour_fields
    from chatrec.understanding import _singular, normalise_tokens, type_fields

    current: Mapping[str, Sequence[str]] = getattr(context, "current", None) or {}
    if vocabulary is None or request.intent in ("off_topic", "start_over") or not asks(message):
        return request
    fields = list(vocabulary.fields)
    types = ["category", *type_fields(fields)]
    anchors = _anchors(request, context)
    counts = getattr(vocabulary, "counts", {})
    field, kinds = "category", list[str]()
    for name in types:  # the type field whose values the table knows ("category", or a shop's "articleType")
        found = [k for k in dict.fromkeys(_value(i, name) for i in anchors) if k] or list(current.get(name, ()))
        if found and (not kinds or any(complements(k) for k in found) and not any(complements(k) for k in kinds)):
            field, kinds = name, found
    piece = _PIECE_NAMED.search(message)
    if not kinds and piece is not None:  # stop 60: "what goes well with blue jeans?": the jeans are the piece
        for name in types:
            if request.include.get(name) and any(complements(k) for k in request.include[name]):
                field, kinds = name, list(request.include[name])
                break
        if kinds:
            colours = set(colour_fields(counts))
            request = request.model_copy(update={"include": {n: vs for n, vs in request.include.items()
                                                             if n != field and n not in colours}})
            current = {}
    if not kinds:
        return request  # nothing shown or searched: "a tv and a wall mount to go with it" is read as said
    if "gender" not in fields and any(request.include.get(n) for n in types):
        return request  # "a remote that goes with it" after a TV: an accessory that fits it (chatrec.compatible)
    have = set(counts.get(field, {}))
    named = {n: [v for v in vs if v not in kinds] for n, vs in request.include.items() if n in types}
    named = {n: vs for n, vs in named.items() if vs}
    if named:
        include = dict(named)  # "第一个配什么鞋": the shoes, whatever else the message read
    else:
        wanted = [c for k in kinds for c in complements(k) if c in have and c not in kinds]
        said = {_singular(w) for w in normalise_tokens(request.query)}
        if said:  # "配什么鞋": of what goes with it, the shoes; else any shoes the shop has
            wanted = [c for c in wanted if said & {_singular(w) for w in normalise_tokens(c, camel=True)}] or [
                c for c in have if c not in kinds and said & {_singular(w) for w in normalise_tokens(c, camel=True)}
                and len(said) < 3] or wanted
        if not wanted:
            return request
        include = {field: list(dict.fromkeys(wanted))}
    include = {**{n: list(vs) for n, vs in request.include.items() if n not in types}, **include}  # "a brown belt"
    people = [g for g in dict.fromkeys(_value(i, "gender") for i in anchors) if g]
    if people and "gender" in fields and "gender" not in include and set(people) != set(current.get("gender", ())):
        include["gender"] = people  # the person of the piece (the wish in force stays as it is)
    given_up = [n for n in colour_fields(counts) if n in current and n not in include]  # the occasion stays
    return request.model_copy(update={
        "intent": "recommend", "include": include, "exclude": {}, "references": [], "show_now": True, "query": "",
        "drop": list(dict.fromkeys([*request.drop, *given_up])), "avoid_words": [], "answered": None,
    })


def chosen(message: str, shown: Sequence[Any], last_references: Sequence[int], language: str) -> str | None:
    """"I'll take the first one, anything to go with it?": the choice said back ("Good choice: ...; you can
    buy it on its page in the shop"), before what goes with it; None when the message buys nothing."""
    from chatrec import answers

    if not shown or not answers.asks_to_buy(message, len(shown), language):
        return None
    positions = answers.find_reference(message, len(shown), language) or list(last_references) or (
        [1] if len(shown) == 1 else [])
    if len(positions) != 1 or not 1 <= positions[0] <= len(shown):
        return None
    title = answers._short_title(shown[positions[0] - 1])
    return str(answers.load_answer_wording(language)["chosen_short"]).format(title=title)
