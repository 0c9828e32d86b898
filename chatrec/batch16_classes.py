"""Conversation-level readings found by blind conversation batch 16 (issue 12, branch i12be).

Each step is one class of shopper wording, read the same in every conversation:

- **Typing on a phone** (:func:`typed_on_phone`): texting shorthand the rules do not know ("nt adidas",
  "wich one is bst", "cheapr") is spelt out, and an English message's word that is no word but becomes
  exactly one English word by swapping two adjacent letters ("iphnoe", "cabel", "chepaer") or, from five
  letters on, by putting back one dropped letter ("chrger", "expnsive") is that word. Words of the catalogue's
  titles (brands such as "Zoul") are never respelt.
- **A lower-case title brand before a product type** (:func:`brands_capitalised`): "nike running shoes", "titan
  watches" name the brand, as "Nike running shoes" does, on a shop whose brands are only in its titles.
- **Shown items compared by bare numbers** (:func:`numbers_as_positions`): "whats the difference between 1 and
  2", "compare #2 with #3", "¿diferencia entre el 1 y el 2?", "Unterschied zwischen 1 und 2", "1和2有什么区别"
  point at the first and the second item shown, not at a figure "1-2".
- **A product the shop does not sell, asked for with a feature** (:func:`no_feature_only`): "do you have
  bluetooth headphones?" is said to be a product the shop sells none of, as "do you have headphones?" is.
- **A brand asked for another product type** (:func:`brand_of_other_type`): "TP-Link" wifi adapters, then "ahora
  el mando para la samsung": the brand of the adapters is no wish on remotes when no remote has it (as the budget
  for another type is not), so the remotes that fit the Samsung are shown, with no wish said to be left out.
- **A word turned down taken back** (:func:`taken_back`): "ok titan is fine actually", "nike's fine after all",
  "bring nike back", "benetton está bien", "Samsung ist doch ok", "nike也可以" take the word out of the words
  avoided in titles and the value out of those excluded; "..., show me those" then asks for that word.

The words are data: ``chatrec/data/batch16_classes.json``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = ["avoided_as_written", "brand_of_other_type", "brands_capitalised", "no_feature_only", "numbers_as_positions", "plain", "taken_back", "typed_on_phone"]

_DATA = Path(__file__).parent / "data" / "batch16_classes.json"
_WORDS = Path(__file__).parent / "data" / "english_words.txt"
_LATIN = re.compile(r"[A-Za-z]+")
#: How much rarer the second reading of a typo must be for the commoner one to be taken ("expnsive").
_RARER = 4
#: Words after a figure that make it a quantity, not a position ("between 1 and 2 metres").
_UNITS = (r"k|m|cm|mm|mtrs?|metres?|meters?|ft|feet|foot|inch|inches|\"|w|watts?|a|amps?|gb|tb|mb|mbps|hz|years?|"
          r"pack|packs|pcs|pieces|rs|inr|rupees?|dollars?|euros?|kg|g|l|litres?|liters?|ml|stars?|hours?|days?")
#: Words that join a feature to a product, not a product's own words ("any with stripes").
_JOINS = frozenset({"with", "without", "in", "of", "for", "on", "from", "and", "or", "any", "some"})
#: Title words per catalogue index, so that a brand ("Zoul", "Gizga") is never respelt.
_TITLE_WORDS: dict[int, frozenset[str]] = {}


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(_DATA.read_text(encoding="utf-8"))
    return data


@lru_cache(maxsize=1)
def _ranks() -> dict[str, int]:
    """English words with their rank in the word list (a WordPiece vocabulary, commoner words first)."""
    lines = _WORDS.read_text(encoding="utf-8").splitlines()
    words = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    return {w: rank for rank, w in reversed(list(enumerate(words)))}


def _english() -> frozenset[str]:
    return frozenset(_ranks())


def is_english_word(word: str) -> bool:
    """Whether the word (or its plural or singular) is in the English word list."""
    return _is_word(word)


def _is_word(word: str) -> bool:
    words = _english()
    return word in words or word + "s" in words or word + "es" in words or (word.endswith("s") and word[:-1] in words)


#: Endings that make an adjective or a comparative of a word: "pricey", "dressy", "sparkly", "slimmer", "comfier".
_DERIVING = ("iest", "est", "ier", "er", "ey", "y", "ly", "ish")


def _derived(word: str, known: frozenset[str]) -> bool:
    """Whether ``word`` is an English or catalogue word with an adjective or comparative ending ("pricey" of
    price, "dressy" of dress, "sparkly" of sparkle, "slimmer" of slim, "comfier" of comfy, "reddish" of red):
    a word the shopper meant, never a typo of the catalogue's "price", "dress" or "shimmer"."""
    def real(stem: str) -> bool:
        return len(stem) >= 3 and (_is_word(stem) or stem in known)

    for ending in _DERIVING:
        if not word.endswith(ending) or len(word) - len(ending) < 3:
            continue
        stem = word[:-len(ending)]
        short = bool(re.search(r"(?:^|[^aeiou])[aeiou][^aeiouwxy]$", stem)) and ending[0] in "aeiy"
        # "sliper" is no "slip" + er (that is "slipper"): a short vowel's consonant is doubled before an ending
        stems = {stem + "e", stem + "y"} | ({stem} if not short else set()) | ({stem[:-1] + "le"} if ending == "y" else set())
        if len(stem) >= 4 and stem[-1] == stem[-2]:
            stems.add(stem[:-1])  # "slimmer", "reddish": the consonant doubled
        if stem.endswith("i"):
            stems.add(stem[:-1] + "y")  # "comfier", "trendiest"
        if any(real(s) for s in stems):
            return True
    return False


def title_words(items: Iterable[Any]) -> frozenset[str]:
    """The lower-case Latin words of the items' titles and brands."""
    return frozenset(w.lower() for item in items
                     for w in _LATIN.findall(f"{getattr(item, 'title', '')} {getattr(item, 'brand', '') or ''}"))


def _catalogue_words(index: Any) -> frozenset[str]:
    key = id(index)
    if key not in _TITLE_WORDS:
        _TITLE_WORDS[key] = title_words(getattr(index, "items", ()) or ())
    return _TITLE_WORDS[key]


def _respelt(word: str, known: frozenset[str]) -> str | None:
    """The one English word a non-word becomes by one swap of adjacent letters, or (five letters or more) by
    one dropped letter put back; None when there is none or more than one."""
    if len(word) < 4 or _is_word(word) or word in known or _derived(word, known):
        return None
    near = {k for k in known if k[:1] == word[:1] and abs(len(k) - len(word)) <= 1 and _one_edit(word, k)} \
        if len(word) >= 5 else set()  # "dont", "shes": contractions, not "dot" or "shoes"
    english = _ranks()
    if near:  # "shoos": the catalogue's "shoes", not the English "shoots"; two such words: left as written
        common = _common_respelling(word, english)  # stop 58: "somthing" is "something", not the catalogue's "soothing"
        if common is not None and common not in near:
            return common
        # stop 60: "skiny" is "skinny" (a double letter typed once), not the catalogue's "skin" one letter away
        doubled = {k for k in near if len(k) == len(word) + 1 and any(
            word[:i] + word[i - 1] + word[i:] == k for i in range(1, len(word) + 1))}
        if len(near) > 1 and len(doubled) == 1:
            return doubled.pop()
        return next(iter(near)) if len(near) == 1 else None
    found = {w for w in _swaps(word) if w in english or w + "s" in english}
    if not found and len(word) >= 5:
        found = {w for w in _insertions(word) if w in english or w + "s" in english}
    if len(found) > 1:  # "expnsive": expensive, not the far rarer expansive
        ranked = sorted(found, key=lambda w: english.get(w, english.get(w + "s", len(english))))
        first, second = (english.get(w, english.get(w + "s", len(english))) for w in ranked[:2])
        return ranked[0] if first * _RARER < second else None
    return next(iter(found)) if found else None


#: How common (rank in the English word list) a word must be to win over a catalogue word one letter away.
_COMMON = 1500


def _common_respelling(word: str, english: Mapping[str, int]) -> str | None:
    """The one very common English word (``_COMMON``) a non-word becomes by one swap of adjacent letters or one
    dropped letter put back ("somthing" -> "something"), or None."""
    found = {w for w in _swaps(word) | _insertions(word) if english.get(w, _COMMON + 1) <= _COMMON}
    return next(iter(found)) if len(found) == 1 else None


def _swaps(word: str) -> set[str]:
    """The word with two adjacent letters swapped, each way ("teh" -> "eth", "the")."""
    return {word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(len(word) - 1)}


def _insertions(word: str) -> set[str]:
    """The word with one letter put back after its first ("somthing" -> ..., "something", ...)."""
    return {word[:i] + c + word[i:] for i in range(1, len(word) + 1) for c in "abcdefghijklmnopqrstuvwxyz"}


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` becomes ``b`` by one swap of adjacent letters, one letter changed, added or dropped."""
    if a == b:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def typed_on_phone(message: str, known: frozenset[str] = frozenset()) -> str:
    """An English message with texting shorthand spelt out and swapped or dropped letters put right
    ("chrger cabel for iphnoe" -> "charger cable for iphone", "nt adidas" -> "not adidas"); any other
    message as written. ``known`` are words never respelt (the catalogue's title words)."""
    from chatrec.language import detect_language

    if detect_language(message) != "en":
        return message
    shorthand: Mapping[str, str] = _table()["shorthand"]

    def fix(found: re.Match[str]) -> str:
        word = found.group(0)
        lower = word.lower()
        if lower in shorthand and lower not in known:
            return shorthand[lower]
        return _respelt(lower, known) or word

    return re.sub(r"(?<![\w'’])[A-Za-z]+(?![\w'’])", fix, message)


def numbers_as_positions(message: str, n_shown: int) -> str:
    """A question comparing shown items by bare numbers with its numbers as ordinals ("difference between 1
    and 2" -> "difference between the first and the second"); any other message as written."""
    if n_shown < 1:  # with one shown, the answer says there is nothing to compare it with
        return message
    table = _table()
    for language in ("en", "es", "de"):
        if not re.search(rf"(?<!\w)(?:{table['compare_words'][language]})(?!\w)", message, re.IGNORECASE):
            continue
        mark = table["number_marks"][language]
        ordinals = table["ordinals"][language]
        pattern = re.compile(rf"(?<![\w.,]){mark}([1-6])(?![\w.,%])\s*({table['number_joins'][language]})\s+"
                             rf"{mark}([1-6])(?![\w.,%]|\s*(?:{_UNITS})(?!\w))", re.IGNORECASE)
        found = pattern.search(message)
        if found and found.group(1) != found.group(3):
            said = f"{ordinals[int(found.group(1))]} {found.group(2)} {ordinals[int(found.group(3))]}"
            return message[:found.start()] + said + message[found.end():]
    if re.search(table["zh_compare"], message):
        found = re.search(r"(?<![\d.])([1-6])\s*(?:号|個|个)?\s*(?:和|跟|与|還是|还是|或)\s*([1-6])\s*(?:号|個|个)?(?![\d.])", message)
        if found and found.group(1) != found.group(2):
            ordinals = table["ordinals"]["zh"]
            said = f"{ordinals[int(found.group(1))]}和{ordinals[int(found.group(2))]}"
            return message[:found.start()] + said + message[found.end():]
    return message


_BRAND_WORDS: dict[int, dict[str, bool]] = {}
_TYPE_WORDS: dict[int, frozenset[str]] = {}


def brands_capitalised(message: str, brands: Mapping[str, bool], type_words: frozenset[str]) -> str:
    """A title brand that is also an English word, written in lower case right before a product type ("nike
    running shoes", "titan watches", "fossil watch for him"), capitalised as the name it is ("Nike running
    shoes"): the rules take such a word for a brand only when capitalised. Other words stay as written, and so do
    the function words ("just tops": no brand "Just")."""
    from chatrec.language import _FUNCTION_WORDS

    def fix(found: re.Match[str]) -> str:
        word = found.group(1)
        if word != word.lower() or not brands.get(word) or word in _FUNCTION_WORDS.get("en", ()):
            return found.group(0)  # stop 58: "just tops" is no brand "Just"
        following = [w.lower() for w in _LATIN.findall(found.group(2))]
        if not any(w in type_words or w.rstrip("s") in type_words or w + "s" in type_words for w in following):
            return found.group(0)
        return word.capitalize() + found.group(0)[len(word):]

    return re.sub(r"(?<![\w'’-])([a-z][a-z&+-]*)((?:\s+[A-Za-z-]+){1,2})", fix, message)


def _type_words(vocabulary: Any) -> frozenset[str]:
    key = id(vocabulary)
    if key not in _TYPE_WORDS:
        from chatrec.understanding import type_fields

        counts: Mapping[str, Mapping[str, int]] = getattr(vocabulary, "counts", {}) or {}
        names = ["category", *type_fields(list(counts))]
        _TYPE_WORDS[key] = frozenset(w.lower() for name in names for value in counts.get(name, {})
                                     for w in _LATIN.findall(re.sub(r"(?<=[a-z])(?=[A-Z])", " ", str(value))) if len(w) > 2)
    return _TYPE_WORDS[key]


def _brand_words(index: Any, values: frozenset[str]) -> dict[str, bool]:
    key = id(index)
    if key not in _BRAND_WORDS:
        from chatrec.title_brands import brand_words

        _BRAND_WORDS[key] = brand_words(getattr(index, "items", ()) or (), values)
    return _BRAND_WORDS[key]


def plain(message: str, n_shown: int, index: Any = None, vocabulary: Any = None, values: frozenset[str] = frozenset()) -> str:
    """The message as the rules read it: typed on a phone (:func:`typed_on_phone`), a lower-case title brand
    before a product type capitalised (:func:`brands_capitalised`), shown items compared by bare numbers
    (:func:`numbers_as_positions`)."""
    known = _catalogue_words(index) if index is not None else frozenset()
    message = typed_on_phone(message, known)
    if index is not None and vocabulary is not None:
        brands = _brand_words(index, values)
        if brands:
            message = brands_capitalised(message, brands, _type_words(vocabulary))
    return numbers_as_positions(message, n_shown)


def avoided_as_written(avoid: list[str], message: str) -> None:
    """Words avoided in titles as the message wrote them, in place: "not adidas" avoids "adidas", not the
    singular "adida" that no title has (so that the brand is neither asked for nor left in)."""
    said = {w.lower() for w in _LATIN.findall(message)}
    for position, word in enumerate(avoid):
        if word.lower() not in said and word.lower() + "s" in said:
            avoid[position] = word + "s"


def no_feature_only(message: str, wanted: Iterable[str]) -> bool:
    """Whether the features asked for (``wanted``: "bluetooth") leave a product named after them ("do you have
    bluetooth headphones?"), so that a product the shop does not sell is said, features or not; true when no
    feature is asked for."""
    wanted = [w.lower() for w in wanted]
    if not wanted:
        return True
    from chatrec.not_carried import asked_for

    thing = asked_for(message)
    words = _LATIN.findall(thing.lower()) if thing else []
    if len(words) < 2 or _JOINS & set(words):
        return False  # "any with stripes" names a feature, no product
    head, modifiers = words[-1], set(words[:-1])
    return all(w in modifiers for w in wanted) and not any(head[:4] == w[:4] for w in wanted)


def brand_of_other_type(heard: Any, before: Mapping[str, Any], now: Mapping[str, Any], kinds: Iterable[str]) -> bool:
    """Whether the brand in force was asked for another product type than the one this message asks for ("TP-Link"
    wifi adapters, then "now the remote for the samsung"): a new type named, the brand not named again. The caller
    drops it when no item of the new type has it, as a budget for the other type is dropped."""
    kinds = set(kinds)
    if heard.intent not in ("recommend", "refine") or "brand" in heard.include or "brand" not in now:
        return False
    said = {k for k in heard.include if k in kinds}
    return bool(said) and any(set(heard.include[k]) != set(before.get(k, ())) for k in said) and "brand" in before


def _said_back(message: str) -> list[str]:
    """The words the message takes back ("titan is fine actually" -> ["titan"]), lower case."""
    words: list[str] = []
    for patterns in _table()["lift"].values():
        for pattern in patterns:
            words.extend(m.group("word").lower().strip("'’.") for m in re.finditer(pattern, message, re.IGNORECASE))
    return [w for w in dict.fromkeys(words) if w]


def taken_back(message: str, avoid: list[str], exclude: dict[str, list[str]]) -> tuple[list[str], bool]:
    """The words turned down before that the message takes back ("ok titan is fine actually" after "not titan"),
    removed in place from ``avoid`` (words avoided in titles) and ``exclude`` (values excluded). Returns the title
    words taken back and whether the message asks to see them ("..., show me those")."""
    said = _said_back(message)
    if not said:
        return [], False
    back: list[str] = []
    for word in said:
        for avoided in [a for a in avoid if a.lower() == word]:
            avoid.remove(avoided)
            back.append(avoided)
        for name in list(exclude):
            exclude[name] = [v for v in exclude[name] if str(v).lower() != word]
    return back, bool(re.search(_table()["see_them"], message, re.IGNORECASE))
