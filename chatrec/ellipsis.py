"""A follow-up question that asks the last question again, of other items.

"does the first one have 5g?" then "and the second?", "what about the others?", "那第二个呢",
"¿y el segundo?", "und das zweite?": the follow-up names only items; what it asks is what the
shopper asked last. :func:`is_elliptical` tells such a follow-up by an opener ("and", "what
about", "y", "und", "那") or a closer ("呢", "too") and no word of its own beyond pointing words
(``prompts/ellipsis_words.json``); :func:`earlier_question` finds the question it repeats.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any

from chatrec.language import fold
from chatrec.prompting import read_prompt_table

__all__ = ["earlier_question", "is_elliptical"]

_HAN = re.compile(r"[\u4e00-\u9fff]")
_PUNCT = re.compile(r"[¿?¡!.,;:。？！，、…\"'“”«»()]+")
#: The most words an elliptical follow-up has: "and what about the last two then?" is short.
_MOST_WORDS = 8


@lru_cache(maxsize=1)
def _words() -> Mapping[str, Any]:
    return read_prompt_table("ellipsis_words.json")


@lru_cache(maxsize=8)
def _all(kind: str) -> list[str]:
    table: Mapping[str, Sequence[str]] = _words()[kind]
    return sorted({fold(w) for words in table.values() for w in words}, key=len, reverse=True)


def is_elliptical(message: str, asked: Iterable[str]) -> bool:
    """True when ``message`` only points at items after an opener or before a closer.

    Args:
        message: The shopper's words.
        asked: The content words the answer code read from it (fillers and pointing words out).
    """
    text = " ".join(_PUNCT.sub(" ", fold(message)).lower().split())  # i12af: "No, I meant ..." as "no i meant ..."
    if not text or len(text.split()) > _MOST_WORDS:
        return False
    opens = any(text == o or text.startswith(o if _HAN.search(o) else f"{o} ") for o in _all("openers"))
    closes = any(text.endswith(c) if _HAN.search(c) else text.endswith(f" {c}") for c in _all("closers"))
    if not (opens or closes):
        return False
    if any(_says(text, q) for q in _all("own_questions")):  # i12ak: "and the 2 pack one, how much" asks the price
        return False
    if _HAN.search(text):  # no spaces to split on: every character must point or open / close
        pointing = set(str(_words()["zh_pointing"]))
        return all(char in pointing or not _HAN.search(char) and not char.isalpha() for char in text.replace(" ", ""))
    own = set(_all("words"))
    return all(fold(word) in own for word in asked)


def _says(text: str, phrase: str) -> bool:
    """Whether the folded ``text`` holds ``phrase`` (Chinese as a substring, else on word boundaries)."""
    if _HAN.search(phrase):
        return phrase in text
    return re.search(rf"(?<![\w]){re.escape(phrase)}(?![\w])", text) is not None


def earlier_question(turns: Sequence[Any]) -> str | None:
    """The question the last reply answered about shown items, or None when it answered none.

    ``turns`` are stored turns (``role``, ``text``, ``payload``), oldest first; an answer's payload
    holds the question it answered as ``answered`` (a follow-up's, the question it repeated).
    """
    last = next((t for t in reversed(turns) if t.role == "assistant"), None)
    asked = last.payload.get("answered") if last is not None else None
    return str(asked) if asked else None
