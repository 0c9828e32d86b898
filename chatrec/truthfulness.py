"""The truthfulness check: does a reason say something about an item that its data contradicts?

A price, colour, gender, size, year, brand or other attribute value that the catalogue knows
(:class:`KnownValues`, built from the catalogue's vocabulary) and that disagrees with the item's
own data makes a reason untruthful (:func:`find_contradictions`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

from chatrec.catalog import Item
from chatrec.text import tokens
from chatrec.vocabulary import CatalogueVocabulary

__all__ = ["KnownValues", "find_contradictions", "normalised"]

_COLOURS = frozenset(
    ["red", "blue", "green", "black", "white", "grey", "gray", "yellow", "pink", "purple", "orange", "brown", "beige", "navy", "maroon", "silver", "gold", "golden", "cream", "olive", "teal", "turquoise", "magenta", "khaki", "tan", "charcoal", "lavender", "burgundy", "peach", "mustard", "rust", "copper", "bronze", "violet", "indigo", "fuchsia", "mauve", "coral"]
)
_GENDERS = {
    "men": "men", "man": "men", "male": "men", "mens": "men", "gents": "men",
    "women": "women", "woman": "women", "female": "women", "womens": "women", "ladies": "women",
    "boys": "boys", "boy": "boys", "girls": "girls", "girl": "girls", "unisex": "unisex",
}
# Catalogue values that are also everyday words: seeing them in a reason proves nothing.
_AMBIGUOUS = frozenset(
    ["fall", "spring", "home", "free", "party", "travel", "family", "music", "news", "short", "top", "set", "sports", "sport", "others", "other", "na", "none", "unknown"]
)
_CURRENCY_WORDS = r"(?:usd|eur|gbp|inr|rs\.?|rupees|dollars|euros|pounds)"
_PRICE = re.compile(
    r"(?:[$€£₹]\s*(?P<a>\d[\d,]*(?:\.\d+)?))"
    rf"|(?:\b{_CURRENCY_WORDS}\s*(?P<b>\d[\d,]*(?:\.\d+)?))"
    rf"|(?:(?P<c>\d[\d,]*(?:\.\d+)?)\s*{_CURRENCY_WORDS}\b)"
    r"|(?:\b(?:priced at|price of|costs?|for only|only|just)\s+(?P<d>\d[\d,]*(?:\.\d+)?)\b)",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(19[0-9]{2}|20[0-4][0-9])\b")
_SIZE = re.compile(r"\bsize\s+([a-z0-9]{1,4})\b", re.IGNORECASE)


def _words(text: str) -> list[str]:
    return tokens(text)


def normalised(text: str) -> str:
    """Text as the check compares it: folded words joined by single spaces."""
    return " ".join(_words(text))


def _singular(phrase: str) -> str:
    """The phrase with its last word made singular ("running shoes" -> "running shoe")."""
    head, _, last = phrase.rpartition(" ")
    if len(last) > 4 and last.endswith("ies"):
        last = last[:-3] + "y"
    elif len(last) > 4 and last.endswith(("sses", "shes", "ches", "xes")):
        last = last[:-2]
    elif len(last) > 3 and last.endswith("s") and not last.endswith(("ss", "us", "is")):
        last = last[:-1]
    return f"{head} {last}" if head else last


def _item_values(item: Item) -> dict[str, list[str]]:
    """Field name to the item's normalised values (category, brand and every attribute)."""
    values: dict[str, list[str]] = {}
    for name, value in [("category", item.category), ("brand", item.brand), *item.attributes.items()]:
        if value in (None, ""):
            continue
        raw = value if isinstance(value, tuple) else (value,)
        values[name] = [normalised(str(v)) for v in raw if normalised(str(v))]
    return values


def _facts_text(item: Item) -> str:
    parts = [item.title, item.category, item.brand, item.description]
    for value in item.attributes.values():
        parts.append(" ".join(value) if isinstance(value, tuple) else str(value))
    words = _words(" ".join(parts))
    return " " + " ".join(words + [_singular(w) for w in words]) + " "


class KnownValues:
    """The catalogue's attribute values, to recognise claims about an item in free text.

    Args:
        values: Normalised value (lower-case words) to the field names it is a value of.
    """

    def __init__(self, values: dict[str, set[str]] | None = None) -> None:
        self.values = values or {}
        self.max_words = max((len(v.split()) for v in self.values), default=1)

    @classmethod
    def from_catalogue(cls, vocabulary: CatalogueVocabulary, max_value_words: int = 4) -> KnownValues:
        """The short values (up to ``max_value_words`` words, not numbers) of the catalogue's categorical fields."""
        values: dict[str, set[str]] = defaultdict(set)
        for name in vocabulary.fields:
            for raw in vocabulary.values(name):
                value = normalised(raw)
                if 0 < len(value.split()) <= max_value_words and not value.isdigit():
                    if value not in _AMBIGUOUS and len(value) >= 3:
                        values[value].add(name)
                        values[_singular(value)].add(name)
        return cls(dict(values))

    @classmethod
    def from_items(cls, items: Iterable[Item]) -> KnownValues:
        """The known values of these items' catalogue (see :meth:`from_catalogue`)."""
        return cls.from_catalogue(CatalogueVocabulary.from_items(items))

    def mentions(self, text: str) -> list[tuple[str, set[str]]]:
        """The vocabulary values named in ``text`` (longest match first, no overlaps)."""
        words = _words(text)
        found: list[tuple[str, set[str]]] = []
        i = 0
        while i < len(words):
            for size in range(min(self.max_words, len(words) - i), 0, -1):
                phrase = " ".join(words[i : i + size])
                fields = self.values.get(phrase)
                if fields:
                    found.append((phrase, fields))
                    i += size
                    break
            else:
                found.append((words[i], set()))
                i += 1
        return found


def _matches(claim: str, values: Sequence[str]) -> bool:
    """A claimed value agrees with one of the item's values (equal, or one contains the other)."""
    claim = _singular(claim)
    padded = f" {claim} "
    return any(padded in f" {_singular(v)} " or f" {_singular(v)} " in padded for v in values)


def _amount(text: str) -> float | None:
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def find_contradictions(
    reason: str, item: Item, vocabulary: KnownValues, dialogue: str = ""
) -> list[str]:
    """What a reason claims about an item that its catalogue data contradicts.

    Checked: prices (a price other than the item's, or one it does not have), colours,
    genders, sizes, years, and any catalogue vocabulary value (brand, category, attribute)
    given for a field where the item has another value.

    Args:
        reason: The generated sentence.
        item: The item it describes.
        vocabulary: The catalogue's values.
        dialogue: The customer's words; a year the customer named is not a contradiction.

    Returns:
        Human-readable problems; empty when the reason is consistent with the item.
    """
    problems: list[str] = []
    facts = _facts_text(item)
    values = _item_values(item)

    for match in _PRICE.finditer(reason):
        amount = _amount(next(g for g in match.groups() if g))
        if amount is None:
            continue
        if item.price is None:
            problems.append(f"states a price ({match.group(0).strip()}) but the item has none")
        elif abs(amount - item.price) > max(1.0, 0.02 * item.price):
            problems.append(f"states price {amount:g} but the item costs {item.price:g}")

    known_years = set(_YEAR.findall(facts)) | set(_YEAR.findall(dialogue))
    for year in _YEAR.findall(reason):
        if year not in known_years:
            problems.append(f"states year {year}, not in the item's data")

    size_values = [v for name, vs in values.items() if "size" in name.lower() for v in vs]
    for size in _SIZE.findall(reason):
        if not _matches(size.lower(), size_values):
            problems.append(f"states size {size} but the item's sizes are {size_values or 'unknown'}")

    colour_fields = [name for name in values if "colo" in name.lower()]
    gender_values = [
        _GENDERS.get(v, v) for name, vs in values.items() if "gender" in name.lower() for v in vs
    ]
    for phrase, fields in vocabulary.mentions(reason):
        if fields:
            relevant = [name for name in fields if name in values]
            if not relevant or f" {phrase} " in facts:
                continue
            if not any(_matches(phrase, values[name]) for name in relevant):
                shown = ", ".join(f"{name} is {'/'.join(values[name])}" for name in relevant)
                problems.append(f"says {phrase!r} but the item's {shown}")
            continue
        word = phrase
        if word in _GENDERS and gender_values:
            claimed = _GENDERS[word]
            if claimed not in gender_values and "unisex" not in gender_values:
                problems.append(f"says {word!r} but the item is for {'/'.join(gender_values)}")
        elif word in _COLOURS and colour_fields and f" {word} " not in facts:
            shown = "/".join(v for name in colour_fields for v in values[name])
            problems.append(f"says {word!r} but the item's colour is {shown}")
    return list(dict.fromkeys(problems))
