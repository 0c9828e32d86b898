"""Brands named in titles, in a catalogue with no brand field (issue 12, i12ab, batch 10).

The fashion catalogue has no brand column: "Titan Men Black Watch", "Nike Men Zoom Atlas+ Silver
Sports Shoes" carry the brand only as the title's first word. A shopper who says "show me the
Titan ones", "Nike 运动鞋 for men" or "enséñame las Ray-Ban" wants that brand only, as they would
in a shop with a brand field; the brand becomes a wanted word (:class:`chatrec.dialogue.Wanted`)
that the items shown must state, and a brand named later replaces it ("now the Fastrack ones").
A negated brand ("no Baggit", "nicht von Lee") is already an avoided title word.

A title's first word counts as a brand when it is no catalogue value ("Red" of "Red Chief" is a
colour), no common English word ("do", "pieces") and at least two letters. A brand that is also an
English word ("Mother" of "Mother Earth", "Arrow", "Titan") counts only written with a capital and
not as a person ("my Mother", "Mother's day"); one that is not ("Baggit", "Fastrack", "adidas")
counts in any case.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = ["asked", "brand_words", "replaced", "spelt"]

_DATA = Path(__file__).resolve().parent / "data"
_WORD = re.compile(r"[^\W_][\w&.+-]*", re.UNICODE)
#: "my Mother", "for his Boss", "Mother's day": a person, not the brand.
_PERSON_BEFORE = re.compile(r"\b(?:my|your|his|her|our|their|mi|mis|su|sus|meine?[mnrs]?|seine?[mnrs]?|ihre?[mnrs]?)\s+$",
                            re.IGNORECASE)

_BRANDS: weakref.WeakKeyDictionary[Any, dict[str, bool]] = weakref.WeakKeyDictionary()


@lru_cache(maxsize=1)
def _word_list(name: str) -> frozenset[str]:
    lines = (_DATA / name).read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


def _first_word(title: str) -> str:
    found = _WORD.match(title.strip())
    return found.group(0).rstrip(".-").lower() if found else ""


def brand_words(items: Sequence[Any], values: frozenset[str]) -> dict[str, bool]:
    """The brand words of the titles (lower case) and whether each is also an English word; empty
    when the catalogue has a brand field (its brands are values, read by the understanding)."""
    if any(getattr(item, "brand", "") for item in items):
        return {}
    common, english = _word_list("common_words.txt"), _word_list("english_words.txt")
    words = {_first_word(getattr(item, "title", "") or "") for item in items}
    return {
        word: word in english
        for word in words
        if len(word) >= 2 and word.isascii() and word not in values and word not in common and word != "na"
    }


_PAIRS: weakref.WeakKeyDictionary[Any, dict[str, re.Pattern[str]]] = weakref.WeakKeyDictionary()


def brand_pairs(items: Sequence[Any], brands: dict[str, bool], values: frozenset[str]) -> dict[str, re.Pattern[str]]:
    """i12aw: the two-word brands of the titles ("van heusen", "allen solly", "louis philippe": a brand word
    followed, in at least two titles and nearly every title it starts, by the same word that is no
    catalogue value or common word), and
    the hyphenated ones ("fire-boltt"), each with how a shopper may write it in any case ("van heusen",
    "Van-Heusen", "fire boltt", "fireboltt")."""
    from collections import Counter

    common = _word_list("common_words.txt")
    counts: Counter[tuple[str, str]] = Counter()
    firsts: Counter[str] = Counter()
    for item in items:
        words = [w.group(0).rstrip(".-").lower() for w in _WORD.finditer(str(getattr(item, "title", "") or ""))][:2]
        if len(words) == 2 and words[0] in brands:
            counts[(words[0], words[1])] += 1
            firsts[words[0]] += 1
    # nearly every title the first word starts goes on with the second: one name ("Puma Men..." is no "puma men")
    pairs = [f"{a} {b}" for (a, b), n in counts.items()
             if n >= 2 and n >= 0.8 * firsts[a] and b.isalpha() and len(b) >= 3 and b not in values and b not in common]
    pairs += [w for w in brands if "-" in w and all(len(p) >= 2 for p in w.split("-"))]
    return {name: re.compile(r"(?<![\w-])" + r"[\s-]?".join(re.escape(p) for p in re.split(r"[ -]", name)) + r"(?![\w-])",
                             re.IGNORECASE) for name in pairs}


def _cached_pairs(index: Any, values: frozenset[str]) -> dict[str, re.Pattern[str]]:
    known = _PAIRS.get(index)
    if known is None:
        known = _PAIRS[index] = brand_pairs(index.items, _cached(index, values), values)
    return known


def _cached(index: Any, values: frozenset[str]) -> dict[str, bool]:
    known = _BRANDS.get(index)
    if known is None:
        known = _BRANDS[index] = brand_words(index.items, values)
    return known


def asked(message: str, index: Any, values: frozenset[str], avoided: Iterable[str] = (), language: str = "en") -> list[str]:
    """The title brands the message asks for ("the Titan ones" -> ["titan"]), in the order said;
    brands the shopper does not want (``avoided``: "no Baggit") left out, and so are the function
    words of the message's language ("una mochila para la escuela": "la" of "La Emotio" is an article)."""
    brands = _cached(index, values)
    if not brands:
        return []
    from chatrec.language import _FUNCTION_WORDS

    unwanted = {w.lower() for w in avoided} | (_FUNCTION_WORDS.get(language, frozenset()) if language != "en" else frozenset())
    found: list[str] = []
    lower: list[tuple[int, int, str]] = []  # stop 63: "nike" in lower case, read beside a make ("puma or nike")
    said: list[tuple[int, int, str]] = []  # i12aw: "van heusen", "fire boltt": one brand, in any case
    for name, pattern in _cached_pairs(index, values).items():
        if name not in unwanted and not set(re.split(r"[ -]", name)) & unwanted:  # "nothing from franco leone"
            said += [(m.start(), m.end(), name) for m in pattern.finditer(message)]
    for match in _WORD.finditer(message):
        pair = next((s for s in said if s[0] <= match.start() < s[1]), None)
        if pair is not None:
            if pair[2] not in found:
                found.append(pair[2])
            continue
        raw = match.group(0).rstrip(".-")
        word = raw.lower()
        if word not in brands or word in unwanted or word in found:
            continue
        if brands[word]:  # an English word too: only a capitalised name, not a person
            person = _PERSON_BEFORE.search(message[: match.start()]) is not None
            if not raw[0].isupper() or person or message[match.end():match.end() + 2] in ("'s", "’s"):
                if not raw[0].isupper() and not person:
                    lower.append((match.start(), match.end(), word))
                continue
        found.append(word)
    return _beside_makes(message, found, lower)


#: Stop 63: what joins makes said as alternatives ("puma or nike", "nike and adidas", "puma/nike", "puma, nike").
_JOINED = re.compile(r"^\s*(?:or|and|&|/|,|y|o|u|oder|und|或|或者|还是|和)?\s*$", re.IGNORECASE)


def _beside_makes(message: str, found: list[str], lower: list[tuple[int, int, str]]) -> list[str]:
    """Stop 63: ``found`` with the lower-case makes that are also English words ("nike") said joined to a make read
    ("puma or nike shoes"), in the order said."""
    if not found or not lower:
        return found
    spans = [(m.start(), m.end()) for m in re.finditer("|".join(re.escape(b) for b in found), message, re.IGNORECASE)]
    added = [word for start, end, word in lower if word not in found and any(
        (e <= start and _JOINED.match(message[e:start])) or (end <= s and _JOINED.match(message[end:s])) for s, e in spans)]
    return [*found, *added]


def replaced(wanted: Sequence[str], named_now: Sequence[str], index: Any, values: frozenset[str]) -> list[str]:
    """The brands wanted before that a brand named now replaces ("now the Fastrack ones" after Titan)."""
    brands = {**_cached(index, values), **_cached_pairs(index, values)}
    return [w for w in wanted if w not in named_now and all(part in brands for part in w.split("/"))] \
        if named_now else []  # stop 63: "adidas/puma", brands said together


_SPELLINGS: weakref.WeakKeyDictionary[Any, dict[str, str]] = weakref.WeakKeyDictionary()


def spelt(word: str, index: Any, values: frozenset[str]) -> str:
    """Stop 42: a title brand as the titles write it ("citizen" -> "Citizen", "fossil" -> "Fossil"), for the
    reply's summary of the wishes; any other word as it is ("adidas/puma" -> "ADIDAS/Puma", stop 63)."""
    if "/" in word.strip("/"):
        return "/".join(spelt(part, index, values) for part in word.split("/"))
    known = _SPELLINGS.get(index)
    if known is None:
        brands = _cached(index, values)
        known = _SPELLINGS[index] = {}
        for item in index.items:
            found = _WORD.match(str(getattr(item, "title", "") or "").strip())
            first = found.group(0).rstrip(".-") if found else ""
            if first.lower() in brands and first.lower() not in known and not first.isupper():
                known[first.lower()] = first
    if " " in word.strip() and word.lower() not in known:  # stop 43: "lino perros" -> "Lino Perros", as a title starts
        phrase = word.strip().lower()
        starts = (str(getattr(item, "title", "") or "").strip() for item in index.items)
        written = next((t[:len(phrase)] for t in starts if t.lower().startswith(phrase + " ")), None)
        known[phrase] = written if written and not written.isupper() and phrase.split()[0] in _cached(index, values) \
            else word
    return known.get(word.lower(), word)
