"""Turning down a kind of the product being searched keeps the product (issue 12, lead, stop 31).

"a smartwatch for my mom", then "no fitness band", turned down every smart watch and showed a gaming
mouse and kitchen scales: "fitness band" is a name of the shop's SmartWatches type, so the rules read
it as that whole type turned down. When a message turns down the product type in force and names no
other product, and its words for it are not the type's own name ("fitness band" for SmartWatches,
"sneakers" for Casual Shoes, "不要手环"; not "no smartwatches" or "no casual shoes"; a message in Chinese,
Spanish or German is compared in the lexicon's English words), the shopper turns down a kind of it:
the type stays, and the head noun of their words ("band") is kept out of the titles instead.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from chatrec.request import ShopperRequest

__all__ = ["adjust"]

_NOT_KIND = frozenset({"not", "no", "nope", "please", "pls", "thanks", "without", "don", "dont", "want", "any", "more",
                       "those", "these", "them", "the", "one", "ones", "like", "really", "just", "want", "need"})


def _value(item: Any, name: str) -> str:
    return str(getattr(item, "category", "") or "") if name == "category" else str(
        (getattr(item, "attributes", None) or {}).get(name) or "")


def _covers(name: str, values: Sequence[str], current: Mapping[str, Sequence[str]], types: set[str],
            vocabulary: Any) -> bool:
    """Whether turning down these values of ``name`` turns down every product type in force: the same
    values, or a coarser type holding every item of it ("Shoes" over "Casual Shoes"; not "Heels" under
    "Shoes")."""
    items: Sequence[Any] = getattr(vocabulary, "_typed_items", None) or []
    wanted = [(n, str(v)) for n, vs in current.items() if n in types for v in vs]
    if not wanted:
        return False
    for field, value in wanted:
        if field == name:
            if value not in values:
                return False
            continue
        mine = [i for i in items if _value(i, field) == value]
        if not mine or any(_value(i, name) not in values for i in mine):
            return False
    return True


def adjust(request: ShopperRequest, message: str, context: Any, vocabulary: Any) -> ShopperRequest:
    """The request with the type kept and the kind's head noun avoided (see the module docstring)."""
    from chatrec.understanding import _singular, normalise_tokens, type_fields

    current: Mapping[str, Sequence[str]] = getattr(context, "current", None) or {}
    if request.intent not in ("refine", "recommend", "reject") or not request.exclude or vocabulary is None:
        return request
    types = set(type_fields(vocabulary.fields)) | {"category"}
    if set(request.include) & types:
        return request  # "not a fitness band, a watch with a dial": another product named
    turned = {name for name, values in request.exclude.items()
              if name in types and _covers(name, values, current, types, vocabulary)}
    if not turned:
        return request
    # the type's own name, as words and run together ("smart watch", "smartwatch")
    own: set[str] = set()
    for name, values in [*current.items(), *request.exclude.items()]:
        if name in types:
            for value in values:
                words = [_singular(w) for w in normalise_tokens(str(value), camel=True)]
                own |= {*words, "".join(words)}
    text = message
    if request.language in ("zh", "es", "de"):  # "不要手环": the words compared with the type's English name
        from chatrec.language import Lexicon, fold

        text = Lexicon.default().translate(fold(message), request.language)
    # the clause naming the type turned down ("no fitness band" of "no fitness band, not black")
    clauses = re.split(r"[,.;!?]|\b(?:but|and|also)\b", text.lower())
    clause = next((c for c in clauses if any(
        n in turned and set(vs) & set(request.exclude[n]) for m in vocabulary.find(normalise_tokens(c))
        for n, vs in m.values.items())), None)
    if clause is None:  # words the reading put in other words first ("fitness band" read as "smartwatch")
        avoided = {_singular(w) for w in request.avoid_words}  # "no black" is read already
        clause = next((c for c in clauses if re.search(r"\b(?:no|not|without|none|nothing)\b", c) and not {
            _singular(w) for w in re.findall(r"[a-z]+", c) if w not in _NOT_KIND} <= avoided), None)
    if clause is None:
        return request
    raw = [_singular(w) for w in re.findall(r"[a-z]+", clause)]
    if set(raw) & own:
        return request  # "no smartwatches", "not casual shoes": the type itself
    named = [w for w in raw if w not in _NOT_KIND and len(w) > 2]
    if not named:
        return request
    head = named[-1]
    exclude = {name: values for name, values in request.exclude.items() if name not in turned}
    said = set(raw)  # "fitness" of "fitness band" is no word to keep out: many smart watches say it
    avoid = list(dict.fromkeys([*(w for w in request.avoid_words if _singular(w) not in said), head]))
    return request.model_copy(update={"exclude": exclude, "avoid_words": avoid})
