"""Sizes and specs the shopper names ("43 inch", "256GB", "1.5 ton", "10000 mAh") come first.

A spec is a number with a unit. The shopper's specs are read from their recent words, the
units folded to one spelling ("inches", "in", '"' -> inch; "watts" -> w; "litres" -> l), and
:func:`specs_first` ranks the candidates whose title or description states every one of them
before the others: a soft preference, nothing is dropped, the order within each group stays.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from chatrec.money import _han_number
from chatrec.prompting import default_prompts_dir

if TYPE_CHECKING:
    from chatrec.retrieval import Candidate

__all__ = ["feature_spellings", "features", "spec_matches", "specs", "specs_first"]

# Unit spellings to one name; longest first so that "mah" wins over "m".
_UNITS = {
    "inch": "inch", "inches": "inch", '"': "inch", "″": "inch", "”": "inch",
    "pulgada": "inch", "pulgadas": "inch", "zoll": "inch", "英寸": "inch", "寸": "inch",
    "毫安": "mah", "升": "l", "瓦": "w",
    "cm": "cm", "mm": "mm", "m": "m", "meter": "m", "metre": "m", "meters": "m", "metres": "m",
    "ft": "ft", "feet": "ft", "foot": "ft",
    "gb": "gb", "tb": "tb", "mb": "mb",
    "mah": "mah", "w": "w", "watt": "w", "watts": "w", "kw": "kw", "v": "v", "volt": "v", "volts": "v",
    "l": "l", "litre": "l", "liter": "l", "litres": "l", "liters": "l", "ltr": "l", "ml": "ml",
    "kg": "kg", "g": "g", "gm": "g", "grams": "g", "gram": "g",
    "ton": "ton", "tons": "ton", "tonne": "ton",
    "hz": "hz", "mp": "mp", "megapixel": "mp", "megapixels": "mp", "ghz": "ghz",
    "star": "star", "stars": "star", "jar": "jar", "jars": "jar", "port": "port", "ports": "port",
}
_UNIT = "|".join(sorted((re.escape(u) for u in _UNITS), key=len, reverse=True))
_SPEC = re.compile(rf"(?<![A-Za-z0-9.])(\d+(?:\.\d+)?)\s*-?\s*({_UNIT})(?![a-z])", re.IGNORECASE)


#: A Chinese number ("两万", "一万五", "2万", "1.5万") right before a unit ("毫安", "英寸", "升"…).
_HAN_UNIT = r"(?:毫安|mah|英寸|寸|毫升|升|千瓦|瓦|公斤|千克|克|厘米|毫米|米|gb|tb|w\b)"
# i12bb: the first end of a range too ("四十三到五十五寸" is 43 to 55 inches)
_HAN_SPEC = re.compile(r"((?:\d+(?:\.\d+)?万)|[零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千万]*)\s*"
                       rf"(?={_HAN_UNIT}|(?:到|至|~|～|-)\s*(?:\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万]+)\s*{_HAN_UNIT})",
                       re.IGNORECASE)


#: i12bb: "128G内存", "8g运存", "256G的存储": G before a memory word is gigabytes, not grams.
_MEMORY_G = re.compile(r"(?<![a-z0-9.])(\d+(?:\.\d+)?)\s*g(?=\s*(?:的\s*)?(?:内存|运存|运行内存|存储|储存|rom\b|ram\b))",
                       re.IGNORECASE)


def han_spec_digits(text: str) -> str:
    """Chinese numbers before a unit written in digits: "两万毫安" -> "20000毫安", "1.5万毫安" -> "15000毫安"."""
    def replace(found: re.Match[str]) -> str:
        number = found.group(1)
        if number.endswith("万") and number[:-1].replace(".", "", 1).isdigit():
            value = float(number[:-1]) * 10_000
            return str(int(value)) if value.is_integer() else str(value)
        return str(_han_number(number))

    return _MEMORY_G.sub(r"\1GB", _HAN_SPEC.sub(replace, text))


def spec_matches(text: str) -> list[tuple[int, int, str]]:
    """Where a text states a spec: (start, end, unit) per number with a unit, in order."""
    return [(m.start(), m.end(), _UNITS[m.group(2).lower()]) for m in _SPEC.finditer(text) if m.group(2) != "G"]


def specs(text: str) -> set[tuple[float, str]]:
    """The (number, unit) specs a text states: "43-inch 4K tv, 1.5 ton" -> {(43, "inch"), (1.5, "ton")}."""
    found = set()
    for number, unit in _SPEC.findall(han_spec_digits(text)):
        if unit == "G":  # "5G", "Snapdragon 690G": a network or a chip, not grams ("190g", "190 g")
            continue
        found.add((float(number), _UNITS[unit.lower()]))
    return found


@lru_cache(maxsize=4)
def _feature_lines(prompts_dir: str | None = None) -> tuple[tuple[str, ...], ...]:
    """The spellings of each feature of ``prompts/feature_words.txt``, its name first."""
    path = Path(prompts_dir or default_prompts_dir()) / "feature_words.txt"
    return tuple(tuple(s.strip() for s in line.split("|") if s.strip())
                 for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def one_word_spellings() -> frozenset[str]:
    """Stop 66: the one-word spellings of the features a shopper asks for ("wireless", "waterproof"), which a typo
    is corrected to as to a lexicon word ("wireles earbuds")."""
    return frozenset(s for line in _feature_lines() for s in line if s.isalpha())


@lru_cache(maxsize=4)
def _feature_patterns(prompts_dir: str | None = None) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(feature name, pattern of its spellings) from ``prompts/feature_words.txt``."""
    patterns = []
    for spellings in _feature_lines(prompts_dir):
        alternatives = "|".join(re.escape(s).replace(r"\ ", r"[\s-]+") for s in spellings)
        patterns.append((spellings[0], re.compile(rf"(?<![a-z0-9])(?:{alternatives})(?![a-z0-9])", re.IGNORECASE)))
    return tuple(patterns)


@lru_cache(maxsize=256)
def spellings_of(feature: str) -> tuple[str, ...]:
    """Stop 53: every spelling of the feature a word is one of ("noise cancellation": "noise cancelling", "anc"...),
    or none."""
    return next((line for line in _feature_lines() if feature.lower() in line), ())


#: After a feature in an item's text: it is listed as absent ("ANC: NA") or belongs to the microphone ("Noise
#: Cancelling Microphone" of wired earphones), not to the item.
_ABSENT = re.compile(r"\s*[:=]\s*(?:na|n/a|no|none|nil|not available|not applicable)\b", re.IGNORECASE)
#: Stop 53: before a feature, what makes it the microphone's: "Environmental Noise Cancellation for Pro+ Calling"
#: cleans the caller's voice, it cancels no noise for the listener.
_FOR_CALLS = re.compile(r"\b(?:environmental|environment)[\s-]*$", re.IGNORECASE)
_OF_THE_MIC = re.compile(r"[\s-]+(?:mic|mics|microphone|microphones)\b", re.IGNORECASE)


def item_states(pattern: re.Pattern[str], text: str, category: str = "") -> re.Match[str] | None:
    """Stop 52: the first place an item's text states a feature as the item's own, or None. "noise cancelling"
    headphones showed wired earphones whose description says "Noise Cancelling Microphone", and a headphone
    whose description says "ANC: NA", as stating it (a microphone's own "Noise Cancelling Microphone" counts)."""
    mic = "mic" in category.lower()
    return next((found for found in pattern.finditer(text) if not _ABSENT.match(text, found.end())
                 and (mic or not _OF_THE_MIC.match(text, found.end()) and not _FOR_CALLS.search(text[:found.start()]))),
                None)


def said_of_the_mic(pattern: re.Pattern[str], text: str) -> str | None:
    """Stop 66: the words that state a feature only as the microphone's ("Noise Cancelling Microphone",
    "Environmental Noise Cancellation"), as written, or None. "Does the second one have noise cancelling?" of wired
    earphones whose description says "Noise Cancelling Microphone" was answered "Yes"."""
    for found in pattern.finditer(text):
        if _ABSENT.match(text, found.end()):
            continue
        mic = _OF_THE_MIC.match(text, found.end())
        if mic is not None:
            return text[found.start():mic.end()]
        calls = _FOR_CALLS.search(text[:found.start()])
        if calls is not None:
            return text[calls.start():found.end()]
    return None


def features(text: str) -> set[str]:
    """The features a text names: "Wireless Bluetooth earbuds, Type-C" -> {"wireless", "bluetooth", "type c"}."""
    return {name for name, pattern in _feature_patterns() if pattern.search(text)}


def feature_spellings(text: str) -> dict[str, str]:
    """The features a text names, each with its first spelling as written there.

    "…30dB ANC+ ENC, Type-C Fast Charging…" -> {"noise cancelling": "ANC", "type c": "Type-C", …}.
    """
    found = {}
    for name, pattern in _feature_patterns():
        match = pattern.search(text)
        if match:
            found[name] = match.group(0)
    return found


def specs_first(candidates: Sequence[Candidate], shopper_text: str) -> list[Candidate]:
    """The candidates whose title or description states every spec and feature the shopper named, first."""
    wanted_specs, wanted = specs(shopper_text), features(shopper_text)
    if not wanted_specs and not wanted:
        return list(candidates)
    patterns = [pattern for name, pattern in _feature_patterns() if name in wanted]  # only those asked for

    def states_all(item_text: str, category: str) -> bool:
        return all(item_states(p, item_text, category) for p in patterns) \
            and (not wanted_specs or wanted_specs <= specs(item_text))

    flags = [states_all(f"{c.item.title} {c.item.description}", str(c.item.category)) for c in candidates]
    if all(flags) or not any(flags):
        return list(candidates)
    return [c for c, f in zip(candidates, flags) if f] + [c for c, f in zip(candidates, flags) if not f]
