"""Content evidence the logs cannot give: metadata likeness, names and kinds asked for, the era prior.

Issue 14 (brief i14h). About a fifth of the films ReDial's recommenders suggest, beyond those the
seeker named, were never named in the fitting logs, so no co-occurrence model can score them.
This module reads only the catalogue's own values, so an item added yesterday is described as
fully as any other. For every catalogue item it gives the learned fusion
(:data:`CONTENT_CANDIDATE_FEATURES`, via :meth:`ContentCandidates.parts`):

- ``meta_kind``: cosine of the item's kinds (``genre``, ``category``; each value weighted by its
  rarity) to the kinds of the items the customer named, the later-named weighing more;
- ``meta_people``: the rarity-weighted makers (``director``, ``writer``, ``star``, ``author``,
  ``artist``, ``brand``) it shares with those items, scaled so the best is 1;
- ``meta``: ``meta_kind + 2 meta_people + 0.5 x year proximity`` (years within about 8 of the
  named items' mean count most), 0 without a shared kind or maker;
- ``people_asked``: how many makers the customer's words name (multi-word names as written)
  the item has;
- ``kind_fit``: cosine of the item's kinds to those of the named items plus the kinds the words
  name (the packaged attribute word list: "scary" for horror);
- ``year_prior``: how popular the item's release years are among the logged items (mean
  popularity of the catalogue items of years within one of its own, scaled so the best year is
  1): it needs no log data on the item itself, so a film the logs never named gets its era's rate;
- ``kind_year``: ``kind_fit x year_prior``, popularity within the asked kinds in the years most
  logged.

On ReDial's validation pools these raised the learned fusion's echo-free Recall@50
(``bench/redial_report/i14h_content_candidates.md``); as ranked lists of their own in the
reciprocal-rank pool they did not help and are not used as such.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping, Sequence

import numpy as np
from scipy import sparse

from chatrec.catalog import Item
from chatrec.item_neighbours import item_years

__all__ = ["CONTENT_CANDIDATE_FEATURES", "ContentCandidates"]

logger = logging.getLogger(__name__)

#: The parts :meth:`ContentCandidates.parts` gives, in the fusion's column order.
CONTENT_CANDIDATE_FEATURES = (
    "meta", "meta_kind", "meta_people", "people_asked", "kind_fit", "year_prior", "kind_year",
)
#: Fields whose values say what kind of item it is.
KIND_FIELDS = ("genre", "category")
#: Fields whose values name who made the item.
MAKER_FIELDS = ("director", "writer", "star", "author", "artist", "brand")
#: Weight of one kind the customer's words name next to the named items' kind profile.
ASKED_KIND_WEIGHT = 2.0
#: Years over which the year proximity in ``meta`` falls by a factor e.
YEAR_SCALE = 8.0
#: Pseudo-items of popularity 0 in each year window of the year prior (years with few items
#: are not ranked first on one popular item).
YEAR_SHRINK = 10.0
_MAX_WORDS = 4
_WORD = re.compile(r"[\w'-]+")


def _normalised(text: str) -> str:
    """Lower-case words joined by single spaces (as :mod:`chatrec.catalogue_taste` matches them)."""
    return " ".join(_WORD.findall(text.lower()))


def _values(item: Item, name: str) -> tuple[str, ...]:
    value = {"category": item.category, "brand": item.brand}.get(name, item.attributes.get(name))
    if isinstance(value, tuple):
        return value
    return (value,) if isinstance(value, str) else ()


def _binary(items: Sequence[Item], fields: Sequence[str]) -> tuple[sparse.csr_matrix, dict[str, int]]:
    """Items x ``field:value`` indicator matrix, and the columns by token."""
    columns: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    for row, item in enumerate(items):
        tokens = {f"{name}:{value}" for name in fields for raw in _values(item, name) if (value := _normalised(raw))}
        for token in sorted(tokens):
            rows.append(row)
            cols.append(columns.setdefault(token, len(columns)))
    matrix = sparse.csr_matrix(
        (np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(len(items), len(columns)), dtype=np.float32
    )
    return matrix, columns


def _idf(matrix: sparse.csr_matrix) -> np.ndarray:
    df = np.asarray(matrix.sum(axis=0), dtype=np.float32).ravel()
    return np.log(max(matrix.shape[0], 1) / (1.0 + df)).clip(min=0.0).astype(np.float32)


class ContentCandidates:
    """The :data:`CONTENT_CANDIDATE_FEATURES` of every catalogue item for one conversation.

    Args:
        items: The catalogue's items, in index order.
        words: The attribute word list (``{field: {value: [words]}}``, see
            :func:`chatrec.catalogue_taste.load_attribute_words`; default: the packaged one).
    """

    def __init__(self, items: Sequence[Item], words: Mapping[str, Mapping[str, Sequence[str]]] | None = None) -> None:
        from chatrec.catalogue_taste import load_attribute_words

        words = load_attribute_words() if words is None else words
        self.ids = [item.id for item in items]
        self._position = {item_id: row for row, item_id in enumerate(self.ids)}
        n = len(self.ids)
        kinds, kind_columns = _binary(items, KIND_FIELDS)
        self._kind_idf = _idf(kinds)
        weighted = (kinds @ sparse.diags(self._kind_idf)).tocsr()
        norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
        self._kinds = (sparse.diags(1.0 / np.where(norms > 0, norms, 1.0)) @ weighted).tocsr().astype(np.float32)
        self._makers, maker_columns = _binary(items, MAKER_FIELDS)
        self._makers_weighted = (self._makers @ sparse.diags(_idf(self._makers))).tocsr().astype(np.float32)
        self._years = item_years(items)
        self._known_years = np.isfinite(self._years)
        self._year_of = np.where(self._known_years, self._years, 0.0).astype(np.int64)
        self._kind_phrases: dict[str, set[int]] = {}
        for token, column in kind_columns.items():
            name, value = token.split(":", 1)
            for word in words.get(name, {}).get(value, ()):
                self._kind_phrases.setdefault(_normalised(word), set()).add(column)
        self._maker_phrases: dict[str, set[int]] = {}
        for token, column in maker_columns.items():
            value = token.split(":", 1)[1]
            if 2 <= len(value.split()) <= _MAX_WORDS:  # one word ("Prince") in passing is no name
                self._maker_phrases.setdefault(value, set()).add(column)
        logger.info("content candidates: %d items, %d kinds, %d makers", n, len(kind_columns), len(maker_columns))

    def __len__(self) -> int:
        return len(self.ids)

    def year_prior(self, popularity: np.ndarray | None) -> np.ndarray:
        """Each item's era popularity: the mean ``popularity`` (aligned with the catalogue, e.g.
        the signals' prior) of the items of release years within one of its own, shrunk towards
        0 by :data:`YEAR_SHRINK` pseudo-items, scaled so the best is 1; 0 for unknown years or
        without a popularity."""
        out = np.zeros(len(self.ids), dtype=np.float32)
        if popularity is None or not self._known_years.any():
            return out
        values = np.asarray(popularity, dtype=np.float64)
        years = self._year_of[self._known_years]
        low = int(years.min())
        size = int(years.max()) - low + 3
        total = np.bincount(years - low + 1, weights=values[self._known_years], minlength=size)
        count = np.bincount(years - low + 1, minlength=size).astype(np.float64)
        window_total = total + np.roll(total, 1) + np.roll(total, -1)
        window_count = count + np.roll(count, 1) + np.roll(count, -1)
        rate = window_total / (window_count + YEAR_SHRINK)
        top = float(rate.max())
        if top <= 0:
            return out
        out[self._known_years] = (rate[years - low + 1] / top).astype(np.float32)
        return out

    def _phrases(self, text: str, table: Mapping[str, set[int]]) -> list[int]:
        words = _normalised(text).split()
        found: set[int] = set()
        for size in range(1, _MAX_WORDS + 1):
            for start in range(len(words) - size + 1):
                found |= table.get(" ".join(words[start : start + size]), set())
        return sorted(found)

    def parts(self, named_ids: Sequence[str], text: str, popularity: np.ndarray | None = None) -> dict[str, np.ndarray]:
        """The :data:`CONTENT_CANDIDATE_FEATURES` of every item (index order).

        Args:
            named_ids: Items the customer named, oldest first.
            text: The customer's recent words.
            popularity: The logs' popularity prior aligned with the catalogue (None: no year prior).
        """
        n = len(self.ids)
        rows = [row for i in dict.fromkeys(named_ids) if (row := self._position.get(i)) is not None]
        zeros = np.zeros(n, dtype=np.float32)
        kind_profile = np.zeros(self._kinds.shape[1], dtype=np.float32)
        meta_kind = meta_people = meta = zeros
        if rows:
            weights = (0.5 ** np.arange(len(rows), dtype=np.float32)[::-1])
            kind_profile = np.asarray(self._kinds[rows].multiply(weights[:, None]).sum(axis=0)).ravel() / weights.sum()
            meta_kind = np.asarray(self._kinds @ kind_profile, dtype=np.float32).ravel()
            maker_profile = np.asarray(self._makers[rows].multiply(weights[:, None]).sum(axis=0)).ravel()
            meta_people = np.asarray(self._makers_weighted @ maker_profile, dtype=np.float32).ravel()
            top = float(meta_people.max(initial=0.0))
            meta_people = meta_people / top if top > 0 else meta_people
            named_years = self._years[rows]
            named_years = named_years[np.isfinite(named_years)]
            proximity = zeros
            if len(named_years):
                proximity = np.nan_to_num(np.exp(-np.abs(self._years - named_years.mean()) / YEAR_SCALE), nan=0.0)
            meta = np.where(
                (meta_kind > 0) | (meta_people > 0),
                meta_kind + 2.0 * meta_people + 0.5 * proximity * (meta_kind > 0), 0.0,
            ).astype(np.float32)
            meta[rows] = meta_kind[rows] = meta_people[rows] = 0.0  # an item is no candidate for itself
        asked_makers = self._phrases(text, self._maker_phrases) if text else []
        people_asked = zeros
        if asked_makers:
            indicator = np.zeros(self._makers.shape[1], dtype=np.float32)
            indicator[asked_makers] = 1.0
            people_asked = np.asarray(self._makers @ indicator, dtype=np.float32).ravel()
        fit_profile = kind_profile.copy()
        for column in self._phrases(text, self._kind_phrases) if text else []:
            fit_profile[column] += ASKED_KIND_WEIGHT * self._kind_idf[column]
        norm = float(np.linalg.norm(fit_profile))
        kind_fit = np.asarray(self._kinds @ (fit_profile / norm), dtype=np.float32).ravel() if norm > 0 else zeros
        prior = self.year_prior(popularity)
        return {
            "meta": meta, "meta_kind": meta_kind, "meta_people": meta_people, "people_asked": people_asked,
            "kind_fit": kind_fit, "year_prior": prior, "kind_year": (kind_fit * prior).astype(np.float32),
        }
