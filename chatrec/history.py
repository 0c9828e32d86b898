"""Customer histories: importing interactions and building profiles from even a few of them.

``chatrec history import FILE`` reads CSV or JSONL rows of ``user_id, item_id, event,
rating, timestamp`` (events: view, click, purchase, review, rating, like, dislike, ...);
bad rows are skipped and reported with their line number. A :class:`Profile` is built from
a customer's interactions: the weighted embedding centroid of the items they liked (which
biases retrieval), their preferred attribute values, their price band, and a short text
("bought X, Y") for the ranker and the explanations.
"""

from __future__ import annotations

import logging
import math
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np

from chatrec.catalog import BadRow, read_records
from chatrec.errors import InputError, ItemNotFoundError
from chatrec.sessions import Interaction, SessionStore

__all__ = ["EVENT_WEIGHTS", "ImportReport", "Profile", "build_profile", "import_interactions", "read_interactions"]

logger = logging.getLogger(__name__)

#: How much an event says the customer likes the item (negative: dislikes it).
EVENT_WEIGHTS: dict[str, float] = {
    "impression": 0.0,  # shown, no reaction
    "view": 0.25,
    "click": 0.5,
    "add_to_cart": 0.75,
    "cart": 0.75,
    "wishlist": 0.75,
    "purchase": 1.0,
    "buy": 1.0,
    "order": 1.0,
    "review": 1.0,
    "like": 1.0,
    "rating": 0.0,  # decided by the rating itself
    "dislike": -1.0,
    "reject": -1.0,
    "return": -1.0,
}


@dataclass
class ImportReport:
    """What an import did: rows read, interactions stored, bad rows with line numbers."""

    source: Path
    total_rows: int = 0
    imported: int = 0
    users: int = 0
    bad_rows: list[BadRow] = field(default_factory=list)

    def summary(self) -> str:
        """One line for the CLI."""
        return (
            f"{self.source.name}: {self.total_rows} rows, {self.imported} interactions of "
            f"{self.users} customers imported, {len(self.bad_rows)} bad rows skipped"
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON shape."""
        return {
            "source": str(self.source),
            "total_rows": self.total_rows,
            "imported": self.imported,
            "users": self.users,
            "bad_rows": [{"line": row.line, "reason": row.reason} for row in self.bad_rows],
        }


def _timestamp(raw: Any) -> float | None:
    if raw in (None, ""):
        return None
    if isinstance(raw, int | float):
        return float(raw)
    text = str(raw).strip()
    try:
        return float(text)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()
    except ValueError:
        raise ValueError(f"timestamp {text!r} is neither a number nor an ISO date") from None


def _row_interaction(record: dict[str, Any]) -> Interaction:
    user_id = str(record.get("user_id") or "").strip()
    item_id = str(record.get("item_id") or "").strip()
    if not user_id:
        raise ValueError("no user_id")
    if not item_id:
        raise ValueError("no item_id")
    raw_rating = record.get("rating")
    rating = None
    if raw_rating not in (None, ""):
        try:
            rating = float(raw_rating)
        except (TypeError, ValueError):
            raise ValueError(f"rating {raw_rating!r} is not a number") from None
        if math.isnan(rating) or not 0 <= rating <= 10:
            raise ValueError(f"rating {raw_rating!r} is outside 0-10")
    event = str(record.get("event") or "").strip().lower() or ("rating" if rating is not None else "purchase")
    if event not in EVENT_WEIGHTS:
        raise ValueError(f"unknown event {event!r}; known: {', '.join(sorted(EVENT_WEIGHTS))}")
    if event == "rating" and rating is None:
        raise ValueError("event 'rating' without a rating")
    return Interaction(user_id, item_id, event, rating, _timestamp(record.get("timestamp")), "import")


def read_interactions(path: Path | str) -> Iterator[tuple[int, Interaction | None, str | None]]:
    """Yield ``(line, interaction, error)`` for every row of a CSV or JSONL file.

    Raises:
        InputError: The file is missing, of an unknown format, or lacks the required columns.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(f"interactions file {path} does not exist")
    checked = False
    for line, record, error in read_records(path):
        if record is None:
            yield line, None, error
            continue
        record = {str(key).strip(): value for key, value in record.items()}
        if not checked:
            missing = {"user_id", "item_id"} - set(record)
            if missing:
                raise InputError(
                    f"{path.name} lacks the column(s) {', '.join(sorted(missing))}; expected "
                    "user_id, item_id, event, rating, timestamp"
                )
            checked = True
        try:
            yield line, _row_interaction(record), None
        except ValueError as exc:
            yield line, None, str(exc)


def import_interactions(
    path: Path | str, store: SessionStore, known_items: Any = None, max_bad_share: float = 0.5
) -> ImportReport:
    """Import a file of interactions into the store.

    Args:
        path: CSV/TSV/JSONL with ``user_id, item_id`` and optionally ``event, rating, timestamp``.
        store: Where they go.
        known_items: Something supporting ``item_id in known_items`` (the index): rows of
            other items are reported as bad. None accepts every id.
        max_bad_share: Fail (import nothing) when more than this share of rows is bad.

    Returns:
        Counts and the bad rows with their line numbers.

    Raises:
        InputError: Unreadable file, or too many bad rows.
    """
    report = ImportReport(source=Path(path))
    good: list[Interaction] = []
    for line, interaction, error in read_interactions(path):
        report.total_rows += 1
        if interaction is None:
            report.bad_rows.append(BadRow(line, error or "unreadable"))
            continue
        if known_items is not None and interaction.item_id not in known_items:
            report.bad_rows.append(BadRow(line, f"item {interaction.item_id!r} is not in the catalogue index"))
            continue
        good.append(interaction)
    if report.total_rows == 0:
        raise InputError(f"{report.source} has no rows")
    share = len(report.bad_rows) / report.total_rows
    if share > max_bad_share:
        first = "; ".join(str(row) for row in report.bad_rows[:5])
        raise InputError(f"{len(report.bad_rows)} of {report.total_rows} rows are bad ({share:.0%}); first: {first}")
    report.imported = store.add_interactions(good)
    report.users = len({i.user_id for i in good})
    for row in report.bad_rows[:20]:
        logger.warning("skipped %s %s", report.source.name, row)
    return report


def _weight(interaction: Interaction) -> float:
    if interaction.rating is not None:
        # 1-5 stars (or 0-10): above the middle is liking, below is disliking.
        scale = 10.0 if interaction.rating > 5 else 5.0
        return (interaction.rating / scale - 0.6) * 2.5
    return EVENT_WEIGHTS.get(interaction.event, 0.0)


@dataclass
class Profile:
    """What a customer's history says about them.

    Attributes:
        user_id: The customer.
        positives: Items they liked, bought or reviewed, most recent first.
        negatives: Items they disliked.
        vector: Weighted embedding centroid of the positives (normalised), or None.
        preferred: Field to its values among the positives, most frequent first.
        price_band: ``(low, high)`` of the positives' prices (widened by half), or None.
        titles: Titles of the most recent positives.
    """

    user_id: str
    positives: list[str] = field(default_factory=list)
    negatives: list[str] = field(default_factory=list)
    vector: np.ndarray | None = None
    preferred: dict[str, list[str]] = field(default_factory=dict)
    price_band: tuple[float, float] | None = None
    titles: list[str] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        """True when nothing is known about the customer."""
        return not self.positives and not self.negatives

    def to_dict(self) -> dict[str, Any]:
        """JSON-able view (without the vector)."""
        return {
            "user_id": self.user_id,
            "positives": list(self.positives),
            "negatives": list(self.negatives),
            "preferred": dict(self.preferred),
            "price_band": list(self.price_band) if self.price_band else None,
            "titles": list(self.titles),
        }


def build_profile(user_id: str, store: SessionStore, index: Any, *, max_titles: int = 3) -> Profile:
    """Build a customer's profile from their stored interactions.

    Interactions with items no longer in the index are ignored. An unknown customer gets an
    empty profile.

    Args:
        user_id: The customer.
        store: Where the interactions are.
        index: The catalogue index (``get``, ``position``, ``embeddings``).
        max_titles: Titles kept for the profile text.
    """
    profile = Profile(user_id=user_id)
    scores: dict[str, float] = {}
    for interaction in store.interactions(user_id):
        if interaction.item_id not in index:
            continue
        scores[interaction.item_id] = scores.get(interaction.item_id, 0.0) + _weight(interaction)
        # The latest order of appearance decides "most recent first".
        scores[interaction.item_id] = scores.pop(interaction.item_id)
    ordered = list(reversed(scores))
    profile.positives = [item for item in ordered if scores[item] > 0]
    profile.negatives = [item for item in ordered if scores[item] < 0]
    if not profile.positives:
        return profile
    rows = [index.position(item) for item in profile.positives]
    weights = np.array([min(scores[item], 3.0) for item in profile.positives], dtype=np.float32)
    centroid = (index.embeddings[rows] * weights[:, None]).sum(axis=0)
    norm = float(np.linalg.norm(centroid))
    profile.vector = (centroid / norm).astype(np.float32) if norm > 0 else None
    preferred: dict[str, Counter[str]] = {}
    prices: list[float] = []
    for item_id in profile.positives:
        try:
            item = index.get(item_id)
        except ItemNotFoundError:
            continue
        for name in ("category", "brand", *item.attributes):
            value = item.field_value(name)
            if isinstance(value, str) and len(value) <= 60:
                preferred.setdefault(name, Counter())[value] += 1
        if item.price is not None:
            prices.append(item.price)
        if len(profile.titles) < max_titles:
            profile.titles.append(item.title)
    profile.preferred = {name: [v for v, _ in counter.most_common(3)] for name, counter in preferred.items()}
    if prices:
        profile.price_band = (round(min(prices) * 0.5, 2), round(max(prices) * 1.5, 2))
    return profile
