"""A product the shop does not carry, named with a colour or a feature, in every language (issue 12,
shopping gaps round 6, i12al).

"a red dress for a party" on the electronics demo showed red USB cables as "suggestions for red": the
colour became a wish of its own (a wanted word, :mod:`chatrec.wanted_words`), and a message with such
a wish skipped the check that says the shop has no dresses (a bare "white" is no product, i12y). Here
the wanted words are taken out of the message and the rest is checked as a product named
(:func:`chatrec.not_carried.not_carried`); Chinese, Spanish and German messages are first put into
English words by the lexicon ("un vestido rojo para una fiesta" -> "dresses red for party"), and the
note names the thing in the shopper's own word ("vestido", "Kleid", "连衣裙").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Sequence

from chatrec.not_carried import not_carried

__all__ = ["said_in", "thing_not_carried"]

_CJK = re.compile(r"[\u3400-\u9fff]+")
_CLAUSE = re.compile(r"[,;.!?，。；！？]")
#: Where a thing's name ends in a Spanish or German message the lexicon left partly as it was: a budget's words or
#: a figure ("auriculares por menos de 1500" reads "headphones por except 1500"; "Kopfhörer unter 1500").
_FOREIGN_END = re.compile(r"\s(?:por|para|con|sin|hasta|menos|except|desde|unter|bis|mit|ohne|fur|ab|um|etwa|"
                          r"circa|max|maximal|maximo|hochstens)\b.*$|\s\S*\d.*$")


def thing_not_carried(
    message: str, language: str, wanted: Sequence[str], vocabulary: Container[str],
    documents: Callable[[str], int] | None = None,
) -> str | None:
    """The product the message names that the catalogue never uses, with the wanted words (``wanted``:
    "red", "braided") left out, in the shopper's own words; None when it names none or only wanted words.

    Args:
        message: The shopper's words.
        language: The message's language (``en``, ``zh``, ``es``, ``de``).
        wanted: The colours and features of this message read as wanted words (English).
        vocabulary: Every word the catalogue uses (the lexical index's vocabulary).
        documents: How many items use a word (the lexical index's document frequency), if known.
    """
    if language == "en" and not wanted:
        return not_carried(message, vocabulary, documents)
    from chatrec.language import Lexicon, fold

    lexicon = Lexicon.default()
    text = message if language == "en" else lexicon.translate(fold(message), language)
    drop = {w.lower() for phrase in wanted for w in phrase.split()}
    for clause in _CLAUSE.split(_CJK.sub(" ", text)):
        if language != "en":
            clause = _FOREIGN_END.sub("", f" {clause.strip()}")  # stop 39: no budget in the thing's name
        words = [w for w in clause.split() if w.lower() not in drop]
        if not words:
            continue
        thing = not_carried(" ".join(words), vocabulary, documents)
        if thing is not None and not set(thing.lower().split()) <= drop:
            return thing if language == "en" else _said(message, thing, language, lexicon)
    return None


def said_in(message: str, thing: str, language: str) -> str:
    """Stop 51: the shopper's own word in ``message`` for the English ``thing`` ("格子" of "checked"), else ``thing``."""
    from chatrec.language import Lexicon

    return _said(message, thing, language, Lexicon.default())


def _said(message: str, thing: str, language: str, lexicon: object) -> str:
    """The shopper's own word for the English ``thing`` (the lexicon's phrase in the message that gives it)."""
    from chatrec.language import fold

    folded = fold(message)
    head = thing.split()[-1].lower()
    entries = getattr(lexicon, "entries", {}).get(language, {})
    written = getattr(lexicon, "_written", {}).get(language, {})
    found = [key for key, english in entries.items() if key and key in folded
             and head.rstrip("s") in {w.rstrip("s") for w in str(english).lower().split()}]
    if not found:
        return thing
    key = max(found, key=len)
    as_typed = re.search(re.escape(str(written.get(key, key))), message, re.IGNORECASE)
    return as_typed.group(0) if as_typed else str(written.get(key, key))  # "Kleid" as the shopper wrote it
