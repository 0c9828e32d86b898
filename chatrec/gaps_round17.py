"""Stop 61: conversations held as a shopper on the demo catalogues, and what they showed (issue 12).

- **The shopper's own words, quoted** (:func:`as_written`): "i need a frying pan" on the fashion shop answered
  "This shop sells no flying pan": the message is respelt before it is read ("frying" is no word of the
  catalogue, "flying" is one letter away), and the thing not sold was quoted from the respelt words. A word
  of the thing the shopper did not write is quoted as they wrote it.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

__all__ = ["as_written", "named_whole", "nothing_goes_with"]

_WORD = re.compile(r"[A-Za-z]+")  # Latin words: a respelling never touches Chinese


def as_written(thing: str, said: str) -> str:
    """``thing`` (read from the respelt message) with each word the shopper did not write put back as they wrote
    it: the closest word of ``said`` that the thing does not hold ("flying pan", "i need a frying pan" ->
    "frying pan"), and in the shopper's case ("pfanne" of "eine Pfanne"). A word with no close one in ``said``
    (a rewrite, not a respelling) stays."""
    written = {w.lower(): w for w in _WORD.findall(said)}
    spare = [w for w in written if w not in {t.lower() for t in _WORD.findall(thing)}]

    def back(found: re.Match[str]) -> str:
        word = found.group(0)
        if word.lower() in written:  # in the shopper's case too ("Pfanne", read lower-cased)
            return written[word.lower()]
        close = difflib.get_close_matches(word.lower(), spare, n=1, cutoff=0.75)
        return written[close[0]] if close else word

    return _WORD.sub(back, thing)


def named_whole(thing: str, message: str) -> str:
    """The whole name the shopper gave the thing not sold, features too ("a non stick pan" -> "non stick pan",
    where "non stick" was read as a wanted feature and only "pan" as the thing), or ``thing`` when the message's
    noun phrase does not end with it."""
    from chatrec.not_carried import asked_for, bare_thing

    phrase = asked_for(message) or bare_thing(message)
    if phrase and len(phrase) > len(thing) and phrase.lower().endswith(thing.lower()) \
            and len(phrase.split()) <= 4 and not re.search(r"[,.;!?]", phrase):
        return phrase
    return thing


def nothing_goes_with(thing: str | None, titles: Iterable[str]) -> bool:
    """Whether a thing the shop does not sell is one no item is made to go with, so that the shop's kinds nearest
    to it are asked about rather than five items shown as "the closest match" ("a non stick pan" on a fashion
    shop showed capris named "Pan" and sandals; "do you have laptops?" on a shop of laptop bags still shows them).
    Only for a thing whose last word is a known product's name (:func:`chatrec.not_carried.product_nouns`)."""
    from chatrec.grounding import singular
    from chatrec.not_carried import product_nouns
    from chatrec.shopper_moves import named_in_titles

    words = _WORD.findall(thing or "")
    if not words or not {words[-1].lower(), singular(words[-1].lower())} & product_nouns():
        return False  # only a known product's name: "funda" (a cover, in Spanish) may still be what items are
    return not named_in_titles(" ".join(words), titles)
