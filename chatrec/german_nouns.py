"""German nouns written with a capital (issue 12, branch i12ag).

The lexicon keeps its words folded and in lower case ("damen", "sommer", "handtasche"), which reads
well in Spanish and Chinese but not in German, where every noun opens with a capital: a comparison
or a wishes summary in German says "Damen, Sommer, lässig, schwarz", not "damen, sommer". Brands and
other names keep the catalogue's spelling (they are never lower-cased here). Adjectives: colours,
common ones and typical endings, from ``chatrec/data/german_adjectives.json``.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

__all__ = ["written"]

_DATA = Path(__file__).resolve().parent / "data" / "german_adjectives.json"


@lru_cache(maxsize=1)
def _adjectives() -> tuple[frozenset[str], tuple[str, ...]]:
    table = json.loads(_DATA.read_text(encoding="utf-8"))
    return frozenset(table["words"]), tuple(table["endings"])


def _fold(word: str) -> str:
    return word.lower().replace("ä", "a").replace("ö", "o").replace("ü", "u").replace("ß", "ss")


def _adjective(word: str) -> bool:
    words, endings = _adjectives()
    folded = _fold(word)
    # inflected forms count too: "schwarze", "lässigen"
    stem = re.sub(r"(?:e|en|er|es|em)$", "", folded) if len(folded) > 4 else folded
    return folded in words or stem in words or folded.endswith(endings) or stem.endswith(endings)


#: Words German writes small inside a name ("Kopfhörer und Zubehör", "Hüllen für Handys").
_SMALL_WORDS = frozenset({"und", "oder", "für", "mit", "ohne", "von", "vom", "zum", "zur", "im", "in", "am", "an",
                          "auf", "aus", "bei", "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen",
                          "nach", "über", "unter", "zu", "bis", "&"})


def written(value: str, language: str) -> str:
    """A value in the shopper's words as German writes it: each lower-case noun with a capital
    ("damen" -> "Damen", "sportsachen" -> "Sportsachen"), adjectives as they are ("lässig",
    "schwarz"); other languages, and words already capitalised, unchanged."""
    if language != "de":
        return value
    def capital(word: str) -> str:
        return word if not word or _adjective(word) or word in _SMALL_WORDS else word[0].upper() + word[1:]

    # a word in lower case ("damen"), or a compound of such words ("t-shirt" -> "T-Shirt"); "boAt", "Smart-TVs" stay
    return re.sub(r"(?<![\w-])[a-zäöüß]+(?:-[a-zäöüß]+)*(?![\w-])",
                  lambda m: "-".join(capital(part) for part in m.group(0).split("-")) if len(m.group(0)) > 1 else m.group(0),
                  value)
