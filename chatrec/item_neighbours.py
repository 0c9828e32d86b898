"""What the learned fusion reads about an item next to the items the customer named (issue 14).

Two kinds of evidence that need no logs, so that they hold for an item added yesterday too:

- **Embedding neighbours**: the item's cosine similarity, in the catalogue's own embedding
  space (the vectors already in the index: title, plot or description, attributes), to the
  items the customer named: the closest one, the later-named weighing more (each earlier one
  half as much), and the last one named.
- **Release year**: the item's year (an attribute ``year`` or a title ending in ``(1999)``,
  as ReDial's movies are named) and its distance to the mean year of the items named.
  Recommenders on ReDial favour recent films and films of the era the seeker talks about.
  Unknown years are NaN, which the fusion reads as "missing".

On ReDial's validation turns these five features raised the learned fusion's echo-free
Recall@50 (``bench/redial_report/i14d_echo_free_recall.md``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from chatrec.catalog import Item

__all__ = ["NEIGHBOUR_FEATURES", "Neighbours", "item_years", "neighbour_features"]

#: The features :func:`neighbour_features` gives, in the fusion's column order.
NEIGHBOUR_FEATURES = ("neighbour_max", "neighbour_recent", "neighbour_last", "year", "year_gap")

_TITLE_YEAR = re.compile(r"\((\d{4})\)\s*$")
_YEAR = re.compile(r"\b(\d{4})\b")


def item_years(items: Sequence[Item]) -> np.ndarray:
    """Each item's year (float), NaN when neither a ``year`` attribute nor its title says it."""
    years = np.full(len(items), np.nan, dtype=np.float32)
    for row, item in enumerate(items):
        value = item.attributes.get("year")
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            years[row] = float(value)
        elif isinstance(value, str) and (match := _YEAR.search(value)) is not None:
            years[row] = float(match.group(1))
        elif (match := _TITLE_YEAR.search(item.title)) is not None:
            years[row] = float(match.group(1))
    return years


def neighbour_features(
    embeddings: np.ndarray, years: np.ndarray, named_rows: Sequence[int], rows: np.ndarray
) -> dict[str, np.ndarray]:
    """The :data:`NEIGHBOUR_FEATURES` of catalogue ``rows``.

    Args:
        embeddings: The catalogue's normalised item vectors (index order).
        years: :func:`item_years` of the catalogue.
        named_rows: Catalogue rows of the items the customer named, oldest first.
        rows: The rows to describe (a fusion pool).

    Returns:
        Name to one value per row: similarities 0 and ``year_gap`` NaN when nothing was named.
    """
    n = len(rows)
    out = {"year": years[rows].astype(np.float32)}
    if not len(named_rows):
        zeros = np.zeros(n, dtype=np.float32)
        return {"neighbour_max": zeros, "neighbour_recent": zeros, "neighbour_last": zeros, **out,
                "year_gap": np.full(n, np.nan, dtype=np.float32)}
    named = list(named_rows)
    similarity = embeddings[rows].astype(np.float32) @ embeddings[named].astype(np.float32).T  # rows x named
    weights = 0.5 ** np.arange(len(named), dtype=np.float32)[::-1]
    named_years = years[named]
    named_years = named_years[np.isfinite(named_years)]
    gap = (np.abs(years[rows] - named_years.mean()) if len(named_years) else np.full(n, np.nan)).astype(np.float32)
    return {
        "neighbour_max": similarity.max(axis=1).astype(np.float32),
        "neighbour_recent": (similarity @ (weights / weights.sum())).astype(np.float32),
        "neighbour_last": similarity[:, -1].astype(np.float32),
        **out,
        "year_gap": gap,
    }


@dataclass(frozen=True)
class Neighbours:
    """What :func:`neighbour_features` needs for one query: the catalogue and the items named.

    Attributes:
        embeddings: The catalogue's normalised item vectors (index order).
        years: :func:`item_years` of the catalogue.
        named_rows: Catalogue rows of the items the customer named, oldest first.
    """

    embeddings: np.ndarray
    years: np.ndarray
    named_rows: tuple[int, ...] = ()

    def features(self, rows: np.ndarray) -> dict[str, np.ndarray]:
        """:func:`neighbour_features` of ``rows``."""
        return neighbour_features(self.embeddings, self.years, self.named_rows, rows)
