"""Shopping gaps round 10 (issue 12, branch i12bg): classes the lead found shopping the demos.

- One model in several colours whose titles are written differently ("boAt Wave Lite Smartwatch with
  1.69" HD Display, ... (Deep Blue)", "boAt Wave Lite Smartwatch with 1.69 Inches(4.29cm) ... (Scarlet
  Red)") takes one slot in a list: the model's name, the words of a long title before its first part
  ("with ...", "(...)", ", ..."), names it (:func:`same_product`, used by :func:`one_per_model`, which
  extends :func:`chatrec.gaps_round8.one_per_model`); the item kept says which other colours the shop
  has (:func:`also_in`, "Also in Deep Blue, Scarlet Red.").

The words are in ``chatrec/data/gaps_round10.json``.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from pathlib import Path
from typing import Any

from chatrec import gaps_round8
from chatrec.word_tables import folded, table

__all__ = ["also_in", "also_in_list", "also_in_text", "distinct_products", "model_name", "one_per_model", "same_product"]

_DATA = str(Path(__file__).with_name("data") / "gaps_round10.json")

#: Where a long title's model name ends: its first bracket, comma or bar, or "with" / "for" / a dash.
_NAME_END = re.compile(r"[(\[,|]|\s(?:with|for|featuring|-|–|—)\s", re.IGNORECASE)
_WORD = re.compile(r"[\w+&'.-]+")
#: Marketing words before a name that no model has: "Newly Launched boAt ...".
_NOT_NAME = frozenset({"new", "newly", "launched", "latest", "all-new", "2022", "2023"})


def model_name(title: str, colours: frozenset[str]) -> tuple[str, ...] | None:
    """The model a long title names, lower case and without colour words ("boAt Wave Lite Smartwatch
    with 1.69\" HD Display, ..." -> ("boat", "wave", "lite", "smartwatch")); None for a short title with
    nothing after its name ("Puma Men White T-shirt"), or a name too short to tell a model by (fewer
    than three words, or two without a model code)."""
    found = _NAME_END.search(title)
    if found is None or found.start() == 0:
        return None
    words = [w.strip(".'-") for w in _WORD.findall(folded(title[:found.start()]))]
    words = [w for w in words if w and w not in colours and w not in _NOT_NAME]
    coded = any(re.search(r"\d", w) and re.search(r"[a-z]", w) for w in words)
    if len(words) < 3 and not (len(words) == 2 and coded):
        return None
    return tuple(words)


def same_product(one: Any, other: Any, colours: frozenset[str]) -> bool:
    """Whether two items are one product in another colour or size: :func:`chatrec.gaps_round8.same_model`
    of their titles, or the same category and the same model name of a long title (:func:`model_name`)."""
    a, b = str(getattr(one, "title", "") or ""), str(getattr(other, "title", "") or "")
    if gaps_round8.same_model(gaps_round8.model_key(a, colours), gaps_round8.model_key(b, colours)):
        return True
    if getattr(one, "category", None) != getattr(other, "category", None):
        return False
    name = model_name(a, colours)
    return name is not None and name == model_name(b, colours)


#: How far down the list near-duplicates are looked for and moved (twice the usual list of five).
_LOOK = 10


def one_per_model(candidates: list[Any], message: str, colour_wishes: int, colours: frozenset[str],
                  shown: Collection[str] = ()) -> list[Any]:
    """The candidates with each model's other colours and sizes after every other model (so a list of
    five shows five products), as :func:`chatrec.gaps_round8.one_per_model` does, with the model told by
    :func:`same_product`; unchanged when the shopper asked about colours."""
    candidates = gaps_round8.one_per_model(candidates, message, colour_wishes, colours, shown)
    if colour_wishes >= 2 or gaps_round8._ASKS_COLOURS.search(message) or len(candidates) < 2:
        return candidates
    kept: list[Any] = []
    first: list[Any] = []
    later: list[Any] = []
    for candidate in candidates[:_LOOK]:
        if any(same_product(candidate.item, other, colours) for other in kept):
            later.append(candidate)
        else:
            if str(getattr(candidate.item, "id", "")) not in shown:
                kept.append(candidate.item)
            first.append(candidate)
    return [*first, *later, *candidates[_LOOK:]] if later else candidates


def distinct_products(ranked: list[Any], n: int, message: str, colour_wishes: int, colours: frozenset[str],
                      shown: Collection[str] = (), on: bool = True) -> list[Any]:
    """The first ``n`` of a ranked list (entries with ``candidate.item``), one per product while other
    products are left: another colour or size of a product already chosen (:func:`same_product`) only
    fills a slot nothing else can, after the products. The first ``n`` unchanged when ``on`` is false
    or the shopper asked about colours (``colour_wishes`` values in force, or a colour word said)."""
    if not on or colour_wishes >= 2 or gaps_round8._ASKS_COLOURS.search(message) or len(ranked) <= 1:
        return list(ranked[:n])
    chosen: list[Any] = []
    spare: list[Any] = []
    for entry in ranked:
        item = entry.candidate.item
        if any(same_product(item, c.candidate.item, colours) for c in chosen
               if str(getattr(c.candidate.item, "id", "")) not in shown):
            spare.append(entry)
        else:
            chosen.append(entry)
        if len(chosen) == n:
            break
    # fewer products than slots: their other colours fill the rest, after every product
    return [*chosen, *spare[: n - len(chosen)]]


def _colour_of(item: Any, colours: frozenset[str]) -> str | None:
    """The item's colour as the shop writes it: its colour field, else the short part of its title
    naming a colour ("(Deep Blue)")."""
    for key, value in (getattr(item, "attributes", None) or {}).items():
        if "colo" in key.lower() and isinstance(value, str) and value.strip() and value != "NA":
            return value.strip()
    for part in re.split(r"[()\[\],|/]", str(getattr(item, "title", "") or "")):
        words = _WORD.findall(folded(part))
        if words and len(words) <= 3 and any(w in colours for w in words):
            return part.strip()
    return None


def also_in(chosen: list[Any], candidates: list[Any], colours: frozenset[str], limit: int = 3) -> dict[str, list[str]]:
    """For each chosen item, the other colours of its product among the candidates that are not shown
    (item id -> colours, at most ``limit``, in rank order); items with no other colour are left out."""
    shown = {str(item.id) for item in chosen}
    out: dict[str, list[str]] = {}
    for item in chosen:
        own = _colour_of(item, colours)
        if own is None:
            continue
        others: list[str] = []
        for candidate in candidates[:30]:
            other = candidate.item
            if str(other.id) in shown or not same_product(item, other, colours):
                continue
            colour = _colour_of(other, colours)
            if colour and folded(colour) != folded(own) and folded(colour) not in map(folded, others):
                others.append(colour)
        if others:
            out[str(item.id)] = others[:limit]
    return out


def also_in_list(turn: Any, colours: frozenset[str]) -> dict[str, list[str]]:
    """:func:`also_in` for a turn's list of wishes (not when the shopper asked about colours, named
    several, or asked to see a list again): its chosen items against its candidates."""
    heard = turn.heard
    if heard.intent in ("show_again", "reject", "ask_about_item", "compare") or gaps_round8._ASKS_COLOURS.search(turn.message):
        return {}
    if max((len(v) for n, v in turn.state.include.items() if "colo" in n.lower()), default=0) >= 2:
        return {}
    return also_in([r.candidate.item for r in turn.chosen], turn.candidates, colours)


def also_in_text(reason: str, others: list[str], language: str | None) -> str:
    """The reason with "Also in X, Y." in the shopper's language (English when the table has none)."""
    wording = table(_DATA)["also_in"]
    said = wording.get(language or "en", wording["en"])
    joined = wording.get(f"{language}_join", wording["en_join"]).join(others)
    return f"{reason.rstrip()} {said.format(colours=joined)}".strip()
