"""What a search is asked for: one query value, built the same way by the product and the evaluation.

A :class:`Query` carries the customer's words, the filters every result must satisfy, the
items never to return, the customer's taste (a direction in embedding space) and the
signals learnt from logs. :func:`taste_vector` is the one place the taste is computed from
a history profile and the items the customer named.
"""

from __future__ import annotations

import re

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from chatrec.dialogue import Wishes
from chatrec.understanding import type_fields
from chatrec.vocabulary import audience_fields

if TYPE_CHECKING:
    from chatrec.catalogue_taste import CatalogueTaste
    from chatrec.settings import Settings
    from chatrec.signals import AlignedSignals, SignalWeights

__all__ = [
    "Filters",
    "Mode",
    "Query",
    "filters_for",
    "for_a_child",
    "make_query",
    "pulled_towards",
    "relax",
    "taste_vector",
]

Mode = Literal["hybrid", "dense", "lexical"]

#: The items named last that pull the taste (older names fade out).
NAMED_FOR_TASTE = 3


@dataclass(frozen=True)
class Filters:
    """Constraints every retrieved item must satisfy.

    Attributes:
        min_price: Lowest price allowed (items without a price fail a price filter).
        max_price: Highest price allowed.
        include: Field or attribute name (``category``, ``brand``, ``baseColour``, ...) to the
            values allowed (an item passes when its value, or one of its values, is among them).
            Compared case-insensitively.
        exclude: Field or attribute name to values that are not allowed.
    """

    min_price: float | None = None
    max_price: float | None = None
    include: dict[str, frozenset[str]] = field(default_factory=dict)
    exclude: dict[str, frozenset[str]] = field(default_factory=dict)

    def is_empty(self) -> bool:
        """True when the filters allow every item."""
        return (
            self.min_price is None and self.max_price is None
            and not any(self.include.values()) and not any(self.exclude.values())
        )


@dataclass(frozen=True)
class Query:
    """One search: words, filters, exclusions, taste and learnt signals.

    Attributes:
        text: The customer's words (may be empty: then only the taste or signals count).
        filters: Constraints every candidate satisfies.
        exclude_ids: Items never returned (rejected, named, bought or already shown).
        taste: The customer's taste (normalised), mixed into the dense query, or None.
        taste_weight: The taste's share of the dense query.
        signal_scores: One score per catalogue item from logs (co-mention, popularity), or None.
        signal_weight: Weight of the signals' ranked list in the fusion.
        signal_parts: The components of ``signal_scores`` by name, read by a learned fusion.
        named_ids: Items the customer named, read by a learned fusion.
        mode: ``hybrid`` (dense and BM25 fused), ``dense`` or ``lexical``.
        vector: The embedding of ``text`` when already computed (a batch), else None.
        content_scores: The catalogue-taste list's score of every item
            (:meth:`chatrec.catalogue_taste.CatalogueTaste.list_scores`), or None: no such list.
        content_weight: Weight of that list in the fusion.
        prior_in_list: Items the signals know only by their popularity enter the signals'
            list even when the query has a taste (how the fusion was before the sparse-history
            fix of issue 14; for ablations). False: with a taste (a history, items named),
            the popularity prior alone never puts an item in that list, so it cannot bury
            what the customer's own history points to.
    """

    text: str
    filters: Filters = field(default_factory=Filters)
    exclude_ids: tuple[str, ...] = ()
    taste: np.ndarray | None = None
    taste_weight: float = 0.3
    signal_scores: np.ndarray | None = None
    signal_weight: float = 1.0
    signal_parts: Mapping[str, np.ndarray] | None = None
    named_ids: tuple[str, ...] = ()
    mode: Mode = "hybrid"
    vector: np.ndarray | None = None
    content_scores: np.ndarray | None = None
    content_weight: float = 1.0
    prior_in_list: bool = False


def make_query(
    text: str,
    *,
    index: Any,
    settings: Settings,
    named_ids: Sequence[str] = (),
    profile_vector: np.ndarray | None = None,
    signals: AlignedSignals | None = None,
    weights: SignalWeights | None = None,
    filters: Filters | None = None,
    exclude_ids: Sequence[str] = (),
    vector: np.ndarray | None = None,
    catalogue: CatalogueTaste | None = None,
) -> Query:
    """The product's query for a conversation, as ``ChatRec`` and the evaluation both make it.

    The taste is the history profile and the last items named (:func:`taste_vector`),
    weighted by ``settings.profile_weight``; the signals (when given) score every item from
    the items named and the words, as a third list weighted by ``settings.signals_weight``.

    Args:
        text: The words to search with.
        index: The catalogue index (for the named items' embeddings).
        settings: The weights of the taste and the signals.
        named_ids: Items the customer named, oldest first.
        profile_vector: The customer's history profile, or None.
        signals: Item signals learnt from logs, aligned with the index, or None.
        weights: How much each signal counts (default: :class:`~chatrec.signals.SignalWeights`).
        filters: Constraints every candidate satisfies.
        exclude_ids: Items never returned.
        vector: The embedding of ``text`` when already computed.
        catalogue: The catalogue's taste model (issue 14: content neighbours of the named items
            and attribute values the words name, a list of their own weighted by
            ``settings.content_weight``; their parts join ``signal_parts``), or None.
    """
    parts = signals.parts(named_ids, text) if signals is not None else None
    content_scores = None
    if catalogue is not None and settings.content_weight > 0:
        catalogue_parts = catalogue.parts(named_ids, text)
        content_scores = catalogue.list_scores(catalogue_parts, signals.popularity if signals is not None else None)
        parts = {**(parts or {}), **catalogue_parts}
    if signals is not None and weights is None:
        from chatrec.signals import SignalWeights

        weights = SignalWeights()
    return Query(
        text=text,
        filters=filters if filters is not None else Filters(),
        exclude_ids=tuple(exclude_ids),
        taste=taste_vector(index, profile_vector, named_ids),
        taste_weight=settings.profile_weight,
        signal_scores=signals.scores(named_ids, text, weights, parts) if signals is not None and weights else None,
        signal_weight=settings.signals_weight,
        signal_parts=parts,
        named_ids=tuple(named_ids),
        vector=vector,
        content_scores=content_scores,
        content_weight=settings.content_weight,
    )


def pulled_towards(vector: np.ndarray, taste: np.ndarray | None, weight: float) -> np.ndarray:
    """The dense query: the text's embedding pulled towards a taste by ``weight``, normalised."""
    vector = vector.astype(np.float32)
    if taste is None or weight <= 0:
        return vector
    vector = (1.0 - weight) * vector + weight * taste.astype(np.float32)
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm > 0 else vector


def filters_for(wishes: Wishes) -> Filters:
    """The retrieval filters that enforce the customer's wishes."""
    return Filters(
        min_price=wishes.min_price,
        max_price=wishes.max_price,
        include={k: frozenset(v) for k, v in wishes.include.items() if v},
        exclude={k: frozenset(v) for k, v in wishes.exclude.items() if v},
    )


def taste_vector(
    index: Any, profile_vector: np.ndarray | None, named_ids: Sequence[str], *, last: int = NAMED_FOR_TASTE
) -> np.ndarray | None:
    """The direction retrieval is pulled to: a history profile and the items named ("like X").

    The mean of the profile's vector and the centroid of the ``last`` named items in the
    index (default :data:`NAMED_FOR_TASTE`), normalised; None when there is neither.
    """
    parts = []
    if profile_vector is not None:
        parts.append(profile_vector)
    rows = [index.position(i) for i in named_ids[-last:] if i in index] if last > 0 else []
    if rows:
        parts.append(index.embeddings[rows].mean(axis=0))
    if not parts:
        return None
    vector = np.mean(parts, axis=0).astype(np.float32)
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm > 0 else None


def relax(
    wishes: Wishes, fits: Callable[[Wishes], bool], label: Callable[[Wishes], str], last: Collection[str] = ()
) -> tuple[Wishes, list[str]]:
    """The wishes to search with: all of them, or as many as some item satisfies.

    When no item fits every wish, the fewest wishes are left out that let some item fit, tried in
    the order they are given up (the price first, then the oldest attribute, the fields in ``last``
    after the other attributes, whom it is for next to last, the product type last); past
    :data:`_MOST_TRIES` sets, one wish at a time in that order. Exclusions ("not red", rejected
    items) are never relaxed.

    Args:
        wishes: The customer's wishes.
        fits: Whether some item satisfies the given wishes.
        label: How a price range is named to the customer (``Phrases.summary``).
        last: Attributes given up only after the others (i12s: the use of an outfit when a new piece is asked for).

    Returns:
        The wishes kept, and the words for each wish left out, in order.
    """
    if fits(wishes):
        return wishes, []
    fewest = _fewest_omissions(wishes, fits, label, last)
    if fewest is not None:
        return fewest
    relaxed: list[str] = []
    while not fits(wishes):
        options = _omissions(wishes, label, last)
        if not options:
            break
        enough = next((option for option in options if fits(option[1])), None)
        dropped, wishes = enough or options[0]
        relaxed.append(dropped)
    return wishes, relaxed


#: How many wish sets :func:`_fewest_omissions` tries before falling back to one wish at a time.
_MOST_TRIES = 40


def _fewest_omissions(
    wishes: Wishes, fits: Callable[[Wishes], bool], label: Callable[[Wishes], str], last: Collection[str]
) -> tuple[Wishes, list[str]] | None:
    """The fewest wishes to leave out so that some item fits, in the order :func:`_omissions` gives
    them up; None when more than :data:`_MOST_TRIES` sets would be tried.

    A wish no item can meet with the product type ("a red dress" where the shop has none) is left
    out alone, not after every older wish: "a summer party dress, in red" keeps the party dress.
    """
    options = _omissions(wishes, label, last)
    # i12al: a child the items are for outweighs any number of colours, uses and seasons ("red casual shoes
    # for boys": the colour and the use go before "boys"); the product type outweighs everything
    costs: list[float] = [omission_cost(wishes, option) for _, option in options]
    if 10 not in costs:  # no child in the wishes: the fewest wishes, in the order given up, except that
        # stop 48: the product type weighs two and a half wishes and whom it is for one and a half: "a dress for a
        # wedding" then "any in red?" (no red dress) gave up the dress for red saris; now the wedding and the red
        # go and the dress stays. A woman's running shoe is still given up for a man's before her colour and use
        # both; "kurtas for men" then "any in yellow" (none) still keeps the men's (the type goes, as before).
        audience = set(audience_fields(list(wishes.include)))
        costs = [2.5 if cost == 100 else 1.5 if (set(wishes.include) - set(option.include)) & audience else 1
                 for cost, (_, option) in zip(costs, options)]
    best: tuple[float, Wishes, list[str]] | None = None
    tries = 0
    for size in range(1, len(options) + 1):
        if best is not None and best[0] <= size:
            break  # no larger set of wishes costs less
        for dropped in combinations(range(len(options)), size):
            tries += 1
            if tries > _MOST_TRIES:
                return (best[1], best[2]) if best is not None else None
            cost = sum(costs[i] for i in dropped)
            if best is not None and cost >= best[0]:
                continue
            kept = _without(wishes, [options[i][1] for i in dropped])
            if fits(kept):
                best = (cost, kept, [options[i][0] for i in dropped])
    return (best[1], best[2]) if best is not None else None


def _without(wishes: Wishes, omissions: Sequence[Wishes]) -> Wishes:
    """``wishes`` with every wish that some omission (``wishes`` less one wish) lacks left out."""
    include = {k: v for k, v in wishes.include.items() if all(k in o.include for o in omissions)}
    priced = all(o.min_price is not None or o.max_price is not None for o in omissions)
    return Wishes(include=include, exclude=wishes.exclude,
                  min_price=wishes.min_price if priced else None, max_price=wishes.max_price if priced else None)


#: i12al: the values of a child as whom the items are for ("Boys", "Girls", "Kids"): never given up before
#: a colour, a use or a season (a man's shoe is no use to a boy; a woman may take a man's running shoe).
_CHILD = re.compile(r"\b(?:boys?|girls?|kids?|child(?:ren)?|infants?|bab(?:y|ies)|toddlers?|juniors?)\b", re.IGNORECASE)


def for_a_child(value: object) -> bool:
    """Whether an audience value names a child ("Boys", "Girls", "Kids")."""
    return bool(_CHILD.search(str(value)))


def omission_cost(wishes: Wishes, option: Wishes) -> int:
    """What leaving out the one wish ``option`` lacks costs the shopper: the product type 100, a child the
    items are for 10, anything else (a colour, a use, a season, an adult audience, the budget) 1 (i12al)."""
    gone = [name for name in wishes.include if name not in option.include]
    if not gone:
        return 1  # the budget
    types = set(type_fields(list(wishes.include))) | {"category"}
    if set(gone) & types:
        return 100
    audience = set(gone) & set(audience_fields(list(wishes.include)))
    return 10 if any(_CHILD.search(str(v)) for name in audience for v in wishes.include[name]) else 1


def _omissions(wishes: Wishes, label: Callable[[Wishes], str], last: Collection[str] = ()) -> list[tuple[str, Wishes]]:
    """Every way of leaving one wish out, with the words for it."""
    options = []
    if wishes.min_price is not None or wishes.max_price is not None:
        options.append((
            label(Wishes(min_price=wishes.min_price, max_price=wishes.max_price)),
            Wishes(include=dict(wishes.include), exclude=wishes.exclude),
        ))
    # The product type is the heart of a request: it is the last wish to give up; whom it is
    # for (a girl's sandals are no use to a woman) goes just before it, a colour or use first.
    types = set(type_fields(list(wishes.include))) | {"category"}
    audience = set(audience_fields(list(wishes.include)))
    for name in sorted(wishes.include, key=lambda name: (name in types) * 4 + (name in audience) * 2 + (name in last)):
        rest = {k: v for k, v in wishes.include.items() if k != name}
        options.append((
            ", ".join(wishes.include[name]),
            Wishes(include=rest, exclude=wishes.exclude, min_price=wishes.min_price, max_price=wishes.max_price),
        ))
    return options
