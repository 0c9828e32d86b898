"""Catalogue taste: what the catalogue itself says the customer may want, without any logs.

Two kinds of evidence, both read from the items' own attribute values (genre, director, star,
brand, category, ...):

- **Content neighbours** of the items the customer named: items sharing their attribute
  values, each value weighted by its rarity (TF-IDF over ``field:value`` tokens, cosine). A film
  by the same director with two of the same stars is a close neighbour; sharing "drama" says
  little.
- **Attribute words**: values the customer's words name ("something scary", "with Tom Hanks",
  "a comedy"). Multi-word values (names) are matched as written; single words only when the
  word list (``chatrec/data/attribute_words.json``: field, value, the words shoppers use for it)
  lists them, so that "war" or "music" in passing does not read as a genre unless listed.

Neither needs logs, so an item added yesterday is scored like any other: this is the item
cold-start-safe part of retrieval. The retriever fuses :meth:`CatalogueTaste.list_scores` as
one more ranked list (``content_weight``), ordered by the popularity prior among items with
the same evidence, because recommenders favour well-known items (issue 14: on ReDial's
validation turns this list lifts the fused pool's echo-free Recall@50).
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np
from scipy import sparse

from chatrec.catalog import Item
from chatrec.errors import ConfigError

__all__ = ["CatalogueTaste", "load_attribute_words"]

logger = logging.getLogger(__name__)

#: Weight of the content-neighbour score (scaled so the best is 1) next to one attribute word
#: matched and the popularity prior (in [0, 1]) in the list score; set on ReDial's validation
#: sample (3 of {1, 3}: content evidence first, the prior breaks ties).
CONTENT_SHARE = 3.0
#: Longest attribute value (in words) matched in the customer's text.
_MAX_WORDS = 4
_WORD = re.compile(r"[\w'-]+")


def load_attribute_words(text: str | None = None) -> dict[str, dict[str, list[str]]]:
    """The word list: ``{field: {value: [words shoppers use for it]}}``.

    Args:
        text: The JSON document (default: the packaged ``attribute_words.json``).

    Raises:
        ConfigError: The document is not of that shape.
    """
    if text is None:
        text = (Path(__file__).parent / "data" / "attribute_words.json").read_text(encoding="utf-8")
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ConfigError(f"the attribute word list is not JSON: {exc}") from exc
    words: dict[str, dict[str, list[str]]] = {}
    for name, values in document.items():
        if name.startswith("_"):
            continue
        if not isinstance(values, dict) or not all(
            isinstance(v, list) and all(isinstance(w, str) for w in v) for v in values.values()
        ):
            raise ConfigError(f"attribute words of {name!r} must map each value to a list of words")
        words[name] = {str(value).lower(): [w.lower() for w in listed] for value, listed in values.items()}
    return words


def _normalised(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


class CatalogueTaste:
    """Content-neighbour and attribute-word scores over a catalogue, in its order.

    Args:
        items: The catalogue's items, in index order.
        words: The word list (see :func:`load_attribute_words`; default: the packaged one).
    """

    def __init__(self, items: Sequence[Item], words: Mapping[str, Mapping[str, Sequence[str]]] | None = None) -> None:
        self.ids = [item.id for item in items]
        self._position = {item_id: row for row, item_id in enumerate(self.ids)}
        words = load_attribute_words() if words is None else words
        columns: dict[str, int] = {}
        rows: list[int] = []
        cols: list[int] = []
        for row, item in enumerate(items):
            for token in sorted(set(_tokens(item))):
                rows.append(row)
                cols.append(columns.setdefault(token, len(columns)))
        n = len(self.ids)
        binary = sparse.csr_matrix(
            (np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(n, len(columns)), dtype=np.float32
        )
        df = np.asarray((binary > 0).sum(axis=0), dtype=np.float32).ravel()
        idf = np.log(max(n, 1) / (1.0 + df)).clip(min=0.0).astype(np.float32)
        weighted = binary @ sparse.diags(idf)
        norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
        self._content = (sparse.diags(1.0 / np.where(norms > 0, norms, 1.0)) @ weighted).tocsr().astype(np.float32)
        self._binary_t = binary.T.tocsr()
        # Phrases of the customer's words -> attribute columns they name.
        self._phrases: dict[str, set[int]] = {}
        for token, column in columns.items():
            name, value = token.split(":", 1)
            listed = words.get(name, {}).get(value)
            if listed is not None:
                for word in listed:
                    self._phrases.setdefault(_normalised(word), set()).add(column)
            elif 2 <= len(value.split()) <= _MAX_WORDS:
                self._phrases.setdefault(_normalised(value), set()).add(column)
        logger.info("catalogue taste: %d items, %d attribute values, %d phrases", n, len(columns), len(self._phrases))

    def __len__(self) -> int:
        return len(self.ids)

    def content(self, named_ids: Sequence[str]) -> np.ndarray:
        """Content-neighbour score of every item: its similarity to the named items, the later
        ones weighing more (each earlier one half as much), scaled so the best is 1; the named
        items themselves score 0 (an item is not a recommendation for itself)."""
        rows = [row for i in dict.fromkeys(named_ids) if (row := self._position.get(i)) is not None]
        out = np.zeros(len(self.ids), dtype=np.float32)
        if not rows:
            return out
        weights = 0.5 ** np.arange(len(rows), dtype=np.float32)[::-1]
        profile = np.asarray(self._content[rows].multiply(weights[:, None]).sum(axis=0), dtype=np.float32).ravel()
        out = np.asarray(self._content @ profile, dtype=np.float32).ravel()
        out[rows] = 0.0
        top = float(out.max())
        return out / top if top > 0 else out

    def attribute_words(self, text: str) -> np.ndarray:
        """Number of the attribute values the text names that each item has."""
        tokens = _WORD.findall(text.lower())
        named: set[int] = set()
        for size in range(1, _MAX_WORDS + 1):
            for start in range(len(tokens) - size + 1):
                named |= self._phrases.get(" ".join(tokens[start : start + size]), set())
        out = np.zeros(len(self.ids), dtype=np.float32)
        if named:
            indicator = np.zeros(self._binary_t.shape[0], dtype=np.float32)
            indicator[sorted(named)] = 1.0
            out = np.asarray(self._binary_t.T @ indicator, dtype=np.float32).ravel()
        return out

    def parts(self, named_ids: Sequence[str], text: str) -> dict[str, np.ndarray]:
        """``content`` (:meth:`content`) and ``attribute_words`` (:meth:`attribute_words`) of every item."""
        return {"content": self.content(named_ids), "attribute_words": self.attribute_words(text)}

    @staticmethod
    def list_scores(parts: Mapping[str, np.ndarray], prior: np.ndarray | None) -> np.ndarray | None:
        """The score that orders the catalogue-taste list: content and attribute-word evidence,
        the popularity prior (None: none) breaking ties among items with evidence; None when
        there is no evidence at all (the list would be the prior alone)."""
        evidence = CONTENT_SHARE * parts["content"] + parts["attribute_words"]
        if not float(evidence.max(initial=0.0)) > 0:
            return None
        total = evidence + (np.asarray(prior, dtype=np.float32) if prior is not None else 0.0)
        return np.where(evidence > 0, total, 0.0).astype(np.float32)


def _tokens(item: Item) -> list[str]:
    """``field:value`` tokens of an item's category, brand and attributes (lower case)."""
    out = []
    for name, value in (("category", item.category), ("brand", item.brand), *item.attributes.items()):
        if isinstance(value, tuple):
            out += [f"{name}:{_normalised(v)}" for v in value if _normalised(v)]
        elif isinstance(value, str) and 0 < len(_normalised(value).split()) <= _MAX_WORDS:
            out.append(f"{name}:{_normalised(value)}")  # short values only: free text is not a taste
    return out
