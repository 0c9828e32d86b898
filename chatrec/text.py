"""Text as words: folding and tokenising for every script, the one tokeniser of chatrec.

:func:`fold` puts text in one comparable form: compatibility characters unified (full-width
``ＴＥＥ`` is ``tee``), accents removed (``Crème`` is ``creme``), case folded. :func:`tokens`
cuts folded text into words of letters and digits in any script; Chinese and Japanese, written
without spaces, are cut into single characters (``男士蓝色T恤``: ``男 士 蓝 色 t 恤``), which
is what lets a lexical index match part of such a title. Understanding, title linking,
lexical retrieval and the truthfulness check all read text through this module.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = ["alternation", "compounds", "fold", "spans", "tokens", "word_table"]

#: Scripts written without spaces between words (kana, CJK ideographs): one token per character.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_APOSTROPHES = "'\u2019\u2018`"
_LETTERS = rf"[^\W_{_CJK}]+"
_WORD = re.compile(rf"[{_CJK}]|{_LETTERS}")
_JOINED = re.compile(rf"[{_CJK}]|{_LETTERS}(?:[{_APOSTROPHES}]{_LETTERS})*|&")
_PUNCTUATED = re.compile(rf"[{_CJK}]|{_LETTERS}|[.,;!?]")
_COMPOUND = re.compile(rf"{_LETTERS}(?:[-./]{_LETTERS})+")
_APOSTROPHE = re.compile(f"[{_APOSTROPHES}]")


def fold(text: str) -> str:
    """Lower case without accents, in compatibility form: ``"Crème Brûlée"`` -> ``"creme brulee"``."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", text).casefold()


def tokens(text: str, *, punctuation: bool = False) -> list[str]:
    """The folded words of a text; CJK characters one by one.

    Args:
        text: Any text.
        punctuation: Keep ``. , ; ! ?`` as tokens of their own (for negation scope).

    Example:
        >>> tokens("Crème T-shirt, 男士蓝色T恤")
        ['creme', 't', 'shirt', '男', '士', '蓝', '色', 't', '恤']
    """
    return (_PUNCTUATED if punctuation else _WORD).findall(fold(text))


def spans(text: str) -> list[tuple[str, int, int]]:
    """Folded words with their character offsets in ``text``; apostrophes inside a word dropped.

    ``"Amélie's"`` is one word ``amelies``; ``&`` is the word ``and``.
    """
    found = []
    for match in _JOINED.finditer(text):
        word = "and" if match.group() == "&" else _APOSTROPHE.sub("", fold(match.group()))
        found.append((word, match.start(), match.end()))
    return found


def compounds(text: str) -> list[str]:
    """Words joined by ``-``, ``.`` or ``/`` written as one: ``"WH-1000XM4"`` -> ``["wh1000xm4"]``."""
    return [re.sub(r"[-./]", "", found) for found in _COMPOUND.findall(fold(text))]


def alternation(words: Iterable[str]) -> str:
    """A regular-expression alternation of literal words, longest first (so "usb c" wins over "usb")."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=None)
def word_table(name: str) -> dict[str, Any]:
    """A word table shipped in ``chatrec/data`` (``name`` without ``.json``), read once per process."""
    data: dict[str, Any] = json.loads((Path(__file__).parent / "data" / f"{name}.json").read_text(encoding="utf-8"))
    return data
