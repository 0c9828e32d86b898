"""Which question helps a shopper (issue 12, i12af, batch 11).

The policy asks about the attribute that splits the candidates best, and on an electronics catalogue
that is often the brand. Two questions a good shop assistant would not ask:

- the brand, when no kind of product is known yet ("something for my home"): which kind of product
  (TVs, cables, remotes) comes first; the brand of a product one has not chosen means nothing;
- the brand of an accessory for a device the shopper named ("a remote for my fire tv stick", "a remote
  that works with it"): a shopper choosing a remote, a cable or a cover for it cares what it fits, not
  who made it; the fitting items are shown instead.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from chatrec.policy import QuestionPlan, field_values

__all__ = ["asks_accessory_brand", "kind_first"]


#: The words of a wish that names no product at all ("something for my home", "I need a present").
_VAGUE = frozenset(
    "something anything stuff thing things item items product products home house flat apartment room living "
    "new nice good gift gifts present presents buy get need want looking look find help me my myself our us the a an "
    "for to some any please pls".split()
)


def kind_first(
    plan: QuestionPlan, gains: Mapping[str, tuple[float, list[str]]], kinds: Sequence[str],
    include: Mapping[str, Sequence[str]], query: str, candidates: Sequence[Any] = (),
) -> QuestionPlan:
    """The plan asking which kind of product, when it asks another attribute while no kind is known, the
    shopper's words (``query``) name no product at all, and the candidates are of several kinds
    (``gains``: the policy's gain and options per askable field). Of several kind fields, the one the
    ``candidates`` spread over fewest values (three or more) is asked. A wish that names a product the
    catalogue has no type for ("a cable", "a laptop") keeps the plan."""
    if plan.attribute is None or plan.attribute in kinds or any(include.get(k) for k in kinds):
        return plan
    # stop 66: the words of an occasion, a season or an audience read are no product ("something for the gym": the
    # usage Sports, then "Which colour would you like?")
    described = {w for name, values in include.items() if name not in kinds for v in values for w in _words(str(v))}
    if not set(re.findall(r"[a-z]+", query.lower())) <= _VAGUE | described:
        return plan
    asked = [(gains[k][0], k) for k in kinds if k in gains and gains[k][0] > 0 and len(gains[k][1]) >= 2]
    if not asked:
        return plan
    # stop 67: the broadest kind the candidates split into ("Footwear, Apparel, Sporting Goods or Accessories?" for the
    # gym), not the finest ("Sports Shoes, Basketballs, Bra, Socks, Skirts?"); the answer is followed by items
    spread = {k: len({v for c in candidates for v in field_values(getattr(c, "item", c), k)}) for _, k in asked}
    broad = [(spread[k], -g, k) for g, k in asked if spread[k] >= 3]  # two ("Computers or Electronics?") say too little
    gain, name = (-min(broad)[1], min(broad)[2]) if broad else max(asked)
    return QuestionPlan(name, list(gains[name][1]), gain, plan.gains,
                        f"{plan.reason}; which kind of product first (i12af)")


def _words(value: str) -> set[str]:
    spaced = [w.lower() for w in re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])", value)]  # "HDMICables" -> hdmi, cables
    return {w for t in spaced for w in (t, t[:-1] if t.endswith("s") else t)}


def asks_accessory_brand(
    plan: QuestionPlan, include: Mapping[str, Sequence[str]], kinds: Sequence[str], fits: Sequence[str],
) -> bool:
    """Whether the plan asks the brand while every kind of product in force is an accessory ("RemoteControls",
    "USBCables": a word of ``prompts/accessory_words.txt``) and the device it must fit is known (``fits``:
    its makes, "Fire", "Samsung")."""
    from chatrec.accessories import accessory_words

    if plan.attribute != "brand" or not fits:
        return False
    values = [str(v) for k in kinds for v in include.get(k, ())]
    accessories = accessory_words()
    return bool(values) and all(_words(v) & accessories for v in values)
