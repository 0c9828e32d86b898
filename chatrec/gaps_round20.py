"""Shopping gaps round 20 (issue 12, stop 64).

- **A word asked of items all seen already** (:func:`lifted_for_words`): "green" of men's T-shirts, then "any with
  stripes", where the only green striped T-shirt was in the list just shown. The words are not a field, so the
  search left nothing out (other green T-shirts were unseen), no unseen item stated "stripes", and the one seen was
  listed again as "1 suggestion", with no word that it was seen. As for a field (stop i12h, "all seen"), the wish
  said earlier is now left out, named and offered back, and the words named now are kept: striped T-shirts in other
  colours. The product type and whom the items are for are never left out for it.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import Any

from chatrec.query import Wishes, relax

__all__ = ["lifted_for_words"]


def lifted_for_words(
    found: Sequence[Any], shown: Collection[str], named_now: bool, wishes: Wishes,
    unseen_stating: Callable[[Wishes], list[Any]], label: Callable[[Wishes], str],
    kept: Callable[[Wishes], Collection[str]], last: Collection[str] = (),
) -> tuple[Wishes, list[str], list[Any]] | None:
    """The wishes to search with when every item stating the wanted words was shown, and the words were named
    now: ``wishes`` with the fewest left out that let an unseen item state them, the words for those left out,
    and those items. None when the words were not named now, some item found was not seen, no such wishes exist,
    or they would leave out a field of ``kept`` (the product type, whom the items are for).

    Args:
        found: The items allowed by every wish (seen or not) that state the words.
        shown: The ids of the items shown in the conversation.
        named_now: Whether this message named the wanted words.
        wishes: Every wish in force.
        unseen_stating: The unseen items allowed by some wishes that state the words.
        label: How a price range is named (``Phrases.summary``).
        kept: The fields of some wishes never to leave out for this.
        last: Fields given up only after the others (said now).
    """
    if not named_now or not found or any(getattr(item, "id", None) not in shown for item in found):
        return None
    fewer, left_out = relax(wishes, fits=lambda w: bool(unseen_stating(w)), label=label, last=last)
    if not left_out or any(name in kept(wishes) and name not in fewer.include for name in wishes.include):
        return None
    items = unseen_stating(fewer)
    return (fewer, left_out, items) if items else None
