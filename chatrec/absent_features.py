"""A feature an item's text names only to say it lacks it ("Without Mic", "w/o remote", "No Cable Included").

Stop 60: with two over-ear headphones shown, "which ones have a mic?" answered that the boAt Rockerz 550's name
"mentions mic"; its name ends "Without Mic". "over ear headphones with mic" gave it the reason "with “mic” in its
name", and "headphones without mic" left it out for saying "mic" while showing a pair "with Microphone". A word
under a negation in a title is the item's absence of the thing, in every path that reads titles for features:
the wanted words (:func:`chatrec.wanted_words.contradicted`), the words to avoid (:func:`kept_absent`) and the
answers about shown items (:func:`said_absent`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

__all__ = ["said_absent", "kept_absent", "SAME_AS"]

#: The words saying a thing is not there, before it ("Without Mic", "w/o remote", "No Cable", "sin cable", "ohne
#: Kabel"; "non" only with a hyphen or space before a word: "Non-Stick" of a word asked as "stick" is rare but
#: true). Not "no." or "no" before a figure ("No. 1", "No 5"): the word must start with a letter.
_NEGATOR = r"(?:without|w/o|w/out|no|non|sans|sin|ohne|keine?[nm]?)"
_LEADING = r"(?:(?:an?|the|any|built[- ]in|inbuilt|in[- ]built)\s+)?"

#: Words an item says for the same thing ("Microphone" is a mic): an absent one is absent under either name.
SAME_AS: tuple[frozenset[str], ...] = (
    frozenset({"mic", "mics", "microphone", "microphones"}),
    frozenset({"remote", "remote control", "remotes"}),
)

_CHINESE_NEGATOR = r"(?:无|不带|没有|不含|免)"


def _names(word: str) -> list[str]:
    word = word.strip().lower()
    names = {word} | {name for group in SAME_AS if word in group for name in group}
    return sorted(names, key=len, reverse=True)


@lru_cache(maxsize=256)
def _patterns(word: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The word's patterns, compiled once (the wanted words ask of every priced item): said absent, said absent
    in Chinese, and said at all, each under any of its names."""
    alternatives = "|".join(re.escape(name).replace(r"\ ", r"[\s-]+") for name in _names(word))
    absent = re.compile(rf"(?<![\w-]){_NEGATOR}[\s-]+{_LEADING}(?:{alternatives})(?![\w-])", re.IGNORECASE)
    chinese = re.compile(rf"{_CHINESE_NEGATOR}(?:{alternatives})", re.IGNORECASE)
    return absent, chinese, re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


def said_absent(text: str, word: str) -> str | None:
    """The words of ``text`` saying it lacks ``word`` (or a name of the same thing), as written ("Without Mic");
    None when the text says no such thing."""
    if not text or not word.strip():
        return None
    absent, chinese, _ = _patterns(word)
    found = absent.search(text)
    if found is None and re.search(r"[\u4e00-\u9fff]", word + text):
        found = chinese.search(text)
    return found.group(0) if found else None


def _mentions(text: str, word: str) -> int:
    return len(_patterns(word)[2].findall(text))


def kept_absent(title: str, words: Iterable[str]) -> bool:
    """Whether every one of ``words`` the title mentions is mentioned only as absent: "headphones without mic"
    keeps a pair "..., Without Mic" (it has none) that a plain word match would leave out."""
    said = [w for w in words if _mentions(title, w)]
    if not said:
        return False
    for word in said:
        absent = said_absent(title, word)
        if absent is None or _mentions(title, word) > _mentions(absent, word):
            return False
    return True
