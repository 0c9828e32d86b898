"""The understanding steps of shopping gaps round 6 (issue 12, i12al), in the order they run.

:mod:`chatrec.accessory_for` ("una funda para el mando de la tele"), :mod:`chatrec.shown_pointing`
("first vs last", "der erste ist mir zu teuer, was ist mit dem anderen?") and
:mod:`chatrec.budget_forms` ("a bit over 1000", "预算一千出头").
"""

from __future__ import annotations

from typing import Any

from chatrec import accessory_for, budget_forms, shown_pointing
from chatrec.request import ShopperRequest

__all__ = ["adjust"]


def adjust(request: ShopperRequest, message: str, context: Any, vocabulary: Any) -> ShopperRequest:
    """The request after this round's steps (see :func:`chatrec.plain_shoppers.adjust` for the arguments)."""
    request = accessory_for.adjust(request, message, context, vocabulary)
    request = accessory_for.as_compound(request, message, context, vocabulary)  # stop 55: "a pad for my mouse"
    request = shown_pointing.adjust(request, message, context, vocabulary)
    return budget_forms.adjust(request, message)
