""""Does the second one come in other colours?" answered, not only searched.

:func:`chatrec.turn.other_values_asked` already searches for items like the one pointed at, its own colour
left out; the shopper still has to work out from the list whether that product comes in another colour.
:func:`first` puts the other colours of the same product (:func:`chatrec.gaps_round10.same_product`) at the
top of the list and says so in the shopper's language ("Yes: Murcia Women Black Handbag also comes in Blue,
Brown, Red; those come first."), or says plainly that the shop lists no other colour of it and that the
list holds similar items in other colours.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from chatrec import gaps_round10

__all__ = ["first"]


def first(pointed: Any, chosen: Sequence[Any], colours: frozenset[str], phrases: Any,
          shown_value: Any = None, catalogue: Sequence[Any] = ()) -> tuple[list[Any], str]:
    """The list with the pointed item's other colours first, and the reply's words for them.

    Args:
        pointed: The shown item asked about.
        chosen: The ranked items of the turn (each with ``.candidate.item``).
        colours: The catalogue's colour words.
        phrases: The phrases in the shopper's language.
        shown_value: How a colour value is shown to the shopper (``Phrases.show_value``); as written when None.
        catalogue: Every item of the catalogue: the other colours the ranked list missed are taken from it
            (lead, stop 35: "Also in White" was said of a shirt whose white one the new search had not ranked,
            and the answer then said there was no other colour).
    """
    same = [r for r in chosen if gaps_round10.same_product(pointed, r.candidate.item, colours)]
    own = gaps_round10.colour_of(pointed, colours)
    missed = gaps_round10.versions_of(  # one per title ("Murcia ... Beige" twice)
        pointed, catalogue, colours, lambda colour: colour != own, {r.candidate.item.id for r in chosen},
        {r.candidate.item.title for r in chosen})
    if missed:
        from chatrec.ranking import Ranked
        from chatrec.retrieval import Candidate

        top = max((r.score for r in chosen), default=0.0)
        same = [*same, *(Ranked(candidate=Candidate(item=i, score=top), score=top) for i in missed)]
        same = same[: max(len(chosen), 1)]
    rest = [r for r in chosen if r not in same][: max(0, len(chosen) - len(same))]
    names = [c for r in same if (c := gaps_round10.colour_of(r.candidate.item, colours))]
    names = list(dict.fromkeys(shown_value(c) if shown_value else c for c in names))
    if not names:
        return list(chosen), phrases.render("other_colours_none", title=pointed.title)
    return [*same, *rest], phrases.render("other_colours", title=pointed.title, colours=names)
