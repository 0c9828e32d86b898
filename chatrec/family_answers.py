"""A yes/no question about shown items that names a colour family ("is the first one pastel?", "are they dark
colours?", "ist das zweite hell?", "第二个是浅色的吗？") answered from each item's colour value (stop 41).

The catalogue holds colour names, not families, so the word-by-word answer said the data "does not say anything
about “pastel”" of a yellow top. The families of ``prompts/colour_families.json`` say which colour names belong
to each (:mod:`chatrec.colour_families`): the answer gives the item's listed colour and whether it is of the
family asked about, in the shopper's language (``family_yes`` / ``family_no`` of ``prompts/answers_<lang>.json``,
written by :mod:`chatrec.answers`). An item without a colour value leaves the question to the other answers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from chatrec.catalog import Item
from chatrec.colour_families import families_said
from chatrec.refused_colours import colour_fields

__all__ = ["FamilyFit", "family_fits"]


@dataclass(frozen=True)
class FamilyFit:
    """Whether one item's listed colour is of the family asked about."""

    item: Item
    field: str
    value: str
    fits: bool


def family_fits(question: str, items: Sequence[Item], language: str) -> tuple[str, list[FamilyFit]] | None:
    """The family the question names (as the language names it) and, per item, its colour and whether it is of
    the family; None when no one family is named, the family is turned down, or an item has no colour value."""
    said = families_said(question, language)
    if len(said) != 1 or said[0][1]:
        return None
    family = said[0][0]
    fits = []
    for item in items:
        field = next((f for f in colour_fields(item.attributes) if item.attributes.get(f)), None)
        if field is None:
            return None
        value = str(item.attributes[field])
        fits.append(FamilyFit(item, field, value, family.holds(value)))
    return family.names.get(language) or family.names.get("en", family.name), fits
