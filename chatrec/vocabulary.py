"""The catalogue's vocabulary: its categorical fields and their values, built at index time.

A field is *categorical* when customers choose by it (a colour, a brand, a product type): not an
identifier, a link or free text (most items have their own value), and not a number (a year, a
size: matched only through quick replies). :func:`is_categorical` is the one place that decides.
The vocabulary is computed once when the index is built and stored beside it
(``vocabulary.json``); message understanding (:class:`chatrec.understanding.ValueMatcher`), the
truthfulness check (:class:`chatrec.explain.KnownValues`) and the ask-or-recommend policy are
built from it.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from chatrec.catalog import Item
from chatrec.errors import IndexError_

__all__ = ["VOCABULARY_FILE", "CatalogueVocabulary", "audience_fields", "field_counts", "is_categorical"]

#: The vocabulary's file in an index folder.
VOCABULARY_FILE = "vocabulary.json"
#: Fields named like these are never chosen by: identifiers, links, images, prose.
_NOT_CHOSEN_BY = re.compile(r"(^|_)(id|url|link|image|img|plot|description|desc|imdb)", re.IGNORECASE)
_NUMBER = re.compile(r"[\d.,\s-]+")
#: A field with more distinct values than this, and than half the items, names items rather than kinds.
_MANY_VALUES = 50


def field_counts(items: Iterable[Item]) -> dict[str, Counter[str]]:
    """Every field's values with how many items have them: ``category``, ``brand``, then the attributes."""
    counts: dict[str, Counter[str]] = {"category": Counter(), "brand": Counter()}
    for item in items:
        for name, value in (("category", item.category), ("brand", item.brand), *item.attributes.items()):
            if value is None or value == "":
                continue
            counter = counts.setdefault(name, Counter())
            if isinstance(value, tuple):
                counter.update(str(v) for v in value if str(v).strip())
            elif str(value).strip():
                counter[str(value)] += 1
    return {name: counter for name, counter in counts.items() if counter}


def is_categorical(name: str, counts: Mapping[str, int], n_items: int | None = None) -> bool:
    """Whether customers choose by this field (so it is understood, asked about and checked).

    Args:
        name: The field's name.
        counts: Its values with their item counts.
        n_items: Items in the catalogue (None: the share of distinct values is not checked).
    """
    if not counts or _NOT_CHOSEN_BY.search(name):
        return False
    if n_items is not None and name != "brand" and len(counts) > _MANY_VALUES and len(counts) > n_items / 2:
        return False  # names, ids, free text: nearly one value per item
    numeric = sum(1 for value in counts if _NUMBER.fullmatch(value))
    return numeric <= len(counts) / 2  # years, sizes: not words a customer says


class CatalogueVocabulary:
    """The categorical fields of a catalogue and their values (original spelling) with item counts.

    Args:
        counts: Field name to its values' counts (only categorical fields are kept).
        n_items: Items in the catalogue.
    """

    def __init__(self, counts: Mapping[str, Counter[str]], n_items: int) -> None:
        self.n_items = n_items
        self.counts = {
            name: Counter(counter) for name, counter in counts.items() if is_categorical(name, counter, n_items)
        }

    @classmethod
    def from_items(cls, items: Iterable[Item]) -> CatalogueVocabulary:
        """The vocabulary of these items."""
        items = list(items)
        return cls(field_counts(items), len(items))

    @property
    def fields(self) -> list[str]:
        """The categorical fields: ``category`` and ``brand`` when present, then the attributes."""
        return list(self.counts)

    def values(self, name: str) -> Counter[str]:
        """A field's values with their item counts (empty for a field that is not categorical)."""
        return Counter(self.counts.get(name, {}))

    def save(self, path: Path) -> None:
        """Write the vocabulary as JSON."""
        data = {"n_items": self.n_items, "fields": {name: dict(counter) for name, counter in self.counts.items()}}
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> CatalogueVocabulary:
        """Read a vocabulary written by :meth:`save`.

        Raises:
            IndexError_: The file is damaged.
        """
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            fields = {str(name): Counter({str(v): int(c) for v, c in values.items()})
                      for name, values in data["fields"].items()}
            return cls(fields, int(data["n_items"]))
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise IndexError_(f"the vocabulary {path} is damaged ({exc}); rebuild the index") from exc


def audience_fields(fields: Sequence[str]) -> list[str]:
    """The fields that say whom an item is for (``gender``, ``ageGroup``, ``audience``...)."""
    return [name for name in fields if re.search(r"gender|sex|age.?group|audience", name, re.IGNORECASE)]
