"""Conversation-level readings found by blind conversation batch 17 (issue 12, branch i12bj).

Each step is one class of shopper wording, read the same in every conversation:

- **A brand asked about alone** (:func:`brand_question`): "boat ones?", "puma?", "any ray ban?", "got any fossil
  ones?", "¿hay de Nike?", "阿迪的有吗" while wishes are in force ask for that brand's items (a refinement shown
  at once, every earlier wish kept), not a question about the shown items whose titles have the word: on a
  shop with a brand field the brand becomes a wish of that field, on one whose brands are only in the titles
  the title brand is asked for.
- **The budget given up in another language** (:func:`budget_given_up`): "olvida el presupuesto", "der Preis ist
  egal", "预算无所谓了" drop the budget, as "forget the budget" does.
- **One of the product types in force named by a word of it** (:func:`narrowed_type`): "que sea smart" while
  smart and standard televisions are in force narrows to the smart ones.
- **A remark about the language** (:func:`without_language_remark`): "sorry switching to english, easier." or
  "english is fine." before the wish carries nothing of its own; the wish after it is read alone.
- **A wish given up with a contraction or in Chinese** (:func:`given_up`): "any colour's fine" is "any colour is
  fine"; "颜色无所谓了", "牌子都可以", "颜色随便" are the rules' "什么颜色都行" / "什么牌子都行".
- **"u" for "you"** (:func:`you_spelt_out`): "which one would u pick for a puja", "do u have" ask as "you" does.
- **German "nicht den <title word>"** (:func:`not_the_de`): "aber nicht den Nano" turns the title word down,
  as "ohne Nano" does.
- **"not the printed ones"** (:func:`turned_down_words`): the title word is turned down in every list from now
  on, as "not printed" is, not only the shown items that have it.
- **"4k" of televisions** (:func:`resolution`): "4k only pls" said with no money word while every item shown
  costs far more and some title names "4K" is the resolution, no budget of 4,000.

The words are data: ``chatrec/data/batch17_classes.json``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = ["budget_given_up", "narrowed_type", "turned_down_words", "brand_question", "brand_values", "catalogue_title_words", "given_up", "not_the_de", "plain", "resolution", "without_language_remark", "you_spelt_out"]

_DATA = Path(__file__).parent / "data" / "batch17_classes.json"
_WORD = re.compile(r"[^\W_][\w&.+'-]*", re.UNICODE)
_HAN = re.compile(r"[\u4e00-\u9fff]")
#: How many times an item shown must cost more than the figure for "4k" to be no budget.
_FAR_MORE = 2
#: Pointing words: "the boat one?" points at a shown item, it asks for no brand.
_POINTING = frozenset({"the", "this", "that", "these", "those", "it", "el", "la", "este", "esta", "ese", "esa",
                       "der", "die", "das", "den", "dieser", "diese", "dieses"})


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(_DATA.read_text(encoding="utf-8"))
    return data


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    table = _table()
    fields = "|".join(re.escape(w) for w in table["field_words_en"])
    zh_fields = "|".join(re.escape(k) for k in sorted(table["given_up_zh"], key=len, reverse=True))
    return {
        "remark": re.compile(table["language_remark"], re.IGNORECASE),
        "contracted": re.compile(rf"\b((?:any|whatever|which ?ever)\s+(?:{fields}))['’]s\b", re.IGNORECASE),
        "given_up_zh": re.compile(rf"({zh_fields})(?:的话)?(?:就|也|都)?(?:{table['given_up_zh_words']})了?"),
        "not_the_de": re.compile(table["not_the_de"], re.IGNORECASE),
        "money": re.compile(rf"(?:\b(?:{table['money_words']})\b|[₹$])", re.IGNORECASE),
        "resolution": re.compile(r"(?<![\w.])4\s?k\b", re.IGNORECASE),
        "zh_fillers": re.compile(table["bare_zh_fillers"]),
        "you": re.compile(table["you_shorthand"], re.IGNORECASE),
    }


def without_language_remark(message: str) -> str:
    """The message without a remark about the language it switches to ("sorry switching to english, easier.
    any fossil ones?" -> "any fossil ones?"); a message that is only such a remark stays as written."""
    rest = _patterns()["remark"].sub(" ", message).strip()
    return rest if re.search(r"\w", rest) else message


def given_up(message: str) -> str:
    """A wish given up written with a contraction ("any colour's fine" -> "any colour is fine") or in Chinese
    with the field first ("颜色无所谓了" -> "什么颜色都行"), as the rules read it."""
    patterns = _patterns()
    message = patterns["contracted"].sub(r"\1 is", message)
    names = _table()["given_up_zh"]
    return patterns["given_up_zh"].sub(lambda found: f"什么{names[found.group(1)]}都行", message)


def not_the_de(message: str, title_words: frozenset[str]) -> str:
    """German "(aber) nicht den Nano" at the end of a message: the title word turned down ("ohne Nano"), when
    the word is one of the catalogue's titles."""
    def fix(found: re.Match[str]) -> str:
        word = found.group("word")
        return f"ohne {word}" if word.lower() in title_words else found.group(0)

    return _patterns()["not_the_de"].sub(fix, message)


def resolution(message: str, shown: Sequence[Any]) -> str:
    """"4k" said with no money word and no question (a question about the shown items keeps its words) while
    every item shown costs far more than 4,000 and some title names "4K" is the screen resolution ("uhd", as the rules read "4k" beside a television word), no budget."""
    patterns = _patterns()
    if not patterns["resolution"].search(message) or patterns["money"].search(message) or not shown \
            or "?" in message or re.search(r"\b(?:which|what|is|are|does|do|any of|how)\b", message, re.IGNORECASE):
        return message
    prices = [getattr(item, "price", None) for item in shown]
    if any(p is None or p < 4000 * _FAR_MORE for p in prices):
        return message
    if not any(re.search(r"(?<![\w.])4k\b", str(getattr(item, "title", "")), re.IGNORECASE) for item in shown):
        return message
    return patterns["resolution"].sub("uhd", message)


def you_spelt_out(message: str) -> str:
    """"u" for "you" beside a verb the shopper asks the assistant with ("which one would u pick", "do u have",
    "u got any") spelt out; a "U" of a name ("U.S. Polo") stays."""
    def fix(found: re.Match[str]) -> str:
        if found.group("before"):
            return f"{found.group('before')} you"
        return f"you {found.group('after')}"

    return _patterns()["you"].sub(fix, message)


def plain(message: str, shown: Sequence[Any], title_words: frozenset[str]) -> str:
    """The message as the rules read it: a language remark taken out (:func:`without_language_remark`), a wish
    given up (:func:`given_up`), "u" for "you" (:func:`you_spelt_out`), German "nicht den X" (:func:`not_the_de`), "4k" of televisions
    (:func:`resolution`)."""
    message = without_language_remark(message)
    message = you_spelt_out(message)
    message = given_up(message)
    message = not_the_de(message, title_words)
    return resolution(message, shown)


def _squashed(text: str) -> str:
    return re.sub(r"[\s\-_.]+", "", text.lower())


def _field_brand(content: Sequence[str], brands: Iterable[str]) -> str | None:
    """The brand field's value the content words spell ("boat" -> "boAt", "tp link" -> "TP-Link"), or None."""
    said = _squashed(" ".join(content))
    matches = [b for b in brands if _squashed(b) == said]
    return matches[0] if matches else None


def brand_question(
    heard: Any, message: str, *, wishes: bool, brand_values: Iterable[str],
    asked: Callable[[str], list[str]], chinese_names: Iterable[tuple[str, str]] = (),
) -> Any:
    """A message that only asks about a brand ("boat ones?", "puma?", "any ray ban?", "¿hay de Nike?",
    "阿迪的有吗") while wishes are in force: a wish for that brand's items, shown at once with every earlier
    wish kept, not a question about the shown items whose titles have the word. ``brand_values`` are the
    values of the catalogue's brand field (none when its brands are only in the titles; ``asked`` then reads
    the title brands of a text). A message that points ("the boat one?", "the 2nd") stays as read."""
    if not wishes or heard.intent not in ("ask_about_item", "compare", "chitchat", "refine"):
        return heard
    if any(getattr(r, "how", "") == "position" for r in heard.references):
        return heard
    if heard.intent == "refine" and (heard.include.get("brand") or not heard.references):
        return heard
    fillers = {w.casefold() for w in _table()["bare_fillers"]}
    if _HAN.search(message):
        rest = message
        found = [latin for chinese, latin in chinese_names if chinese in message]
        for chinese, _ in chinese_names:
            rest = rest.replace(chinese, " ")
        if not found or _patterns()["zh_fillers"].sub("", rest):
            return heard
        brand_words = [found[0]]
    else:
        words = _WORD.findall(message)
        if not words or len(words) > 6 or any(w.casefold() in _POINTING for w in words):
            return heard
        brand_words = [w.strip(".'") for w in words if w.casefold().strip(".'") not in fillers]
        if not brand_words or len(brand_words) > 2:
            return heard
    update: dict[str, Any] = {"intent": "refine", "show_now": True, "references": []}
    values = list(brand_values)
    if values:
        value = _field_brand(brand_words, values)
        if value is None:
            return heard
        update["include"] = {**heard.include, "brand": [value]}
    else:
        said = asked(" ".join(w[:1].upper() + w[1:] for w in brand_words))
        spelt = {_squashed(b) for b in said}
        if not said or _squashed(" ".join(brand_words)) not in spelt and not all(_squashed(w) in spelt for w in brand_words):
            return heard
    return heard.model_copy(update=update)


_TITLE_WORDS: dict[int, frozenset[str]] = {}


def catalogue_title_words(index: Any) -> frozenset[str]:
    """The words of the catalogue's titles, lower case, once per opened index."""
    key = id(index)
    if key not in _TITLE_WORDS:
        from chatrec.batch16_classes import title_words

        _TITLE_WORDS[key] = title_words(getattr(index, "items", ()) or ())
    return _TITLE_WORDS[key]


_NOT_THE = re.compile(r"\b(?:not|no|none of|nothing like|without)\s+(?:the|those|these)\s+(?P<word>[a-z][a-z-]{2,})\s+ones?\b", re.IGNORECASE)


def turned_down_words(heard: Any, message: str, titles: Mapping[str, str]) -> Any:
    """"not the printed ones", "none of those striped ones" (read as turning down, or as more like, the shown
    items with the word): the word is turned down in this list and every
    later one, as "not printed" is (a refinement), not only the shown items whose titles have it. ``titles``
    are the shown items' titles by id."""
    if heard.intent not in ("reject", "more_like") or not heard.references or any(getattr(r, "how", "") != "title" for r in heard.references):
        return heard
    found = _NOT_THE.search(message)
    if found is None:
        return heard
    word = found.group("word").lower()
    meant = [titles.get(str(r.item_id), "") for r in heard.references]
    if not meant or not all(re.search(rf"\b{re.escape(word[:5])}", t, re.IGNORECASE) for t in meant):
        return heard
    if word in (w.lower() for w in heard.avoid_words):
        return heard
    return heard.model_copy(update={"intent": "refine", "references": [], "show_now": True,
                                    "avoid_words": [*heard.avoid_words, word]})


def budget_given_up(heard: Any, message: str) -> Any:
    """The budget given up in Spanish, German or Chinese ("olvida el presupuesto, la quiero LG o Samsung",
    "der Preis ist egal", "预算无所谓了"): the budget is dropped, as "forget the budget" drops it, the other
    wishes of the message kept."""
    patterns = _table()["budget_given_up"]
    if "price" in heard.drop or not any(re.search(p, message, re.IGNORECASE) for p in patterns.values()):
        return heard
    return heard.model_copy(update={"drop": [*heard.drop, "price"], "price": None,
                                    "intent": "refine" if heard.intent in ("chitchat", "ask_about_item") else heard.intent})


def _value_words(value: str) -> set[str]:
    spaced = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", value)
    return {w.lower() for w in re.findall(r"[A-Za-z]+", spaced)}


def narrowed_type(heard: Any, in_force: Mapping[str, Sequence[str]], kinds: Iterable[str]) -> Any:
    """"que sea smart", "make it a smart one" while the product types in force are smart and standard
    televisions: a word of the message (as the rules read it) that is a word of exactly one of the types in
    force narrows the wish to that type."""
    if heard.intent not in ("refine", "answer", "recommend") or heard.references:
        return heard
    said = {w.lower() for w in re.findall(r"[A-Za-z]{4,}", heard.query or "")}
    for kind in kinds:
        values = list(in_force.get(kind) or [])
        if len(values) < 2:
            continue
        words = {v: _value_words(v) for v in values}
        shared = set.intersection(*words.values())
        meant = [v for v in values if (words[v] - shared) & said]
        if len(meant) != 1:
            continue
        if heard.include.get(kind):
            # stop 53: "steam" (or "steam, not dry") of dry and steam irons read "Pressure washers, steam & window
            # cleaners": a word of one type in force, and nothing else, narrows to it ("steam cleaners" does not)
            if set(heard.include[kind]) & set(values) or not said <= words[meant[0]]:
                continue
        return heard.model_copy(update={"include": {**heard.include, kind: meant}, "show_now": True})
    return heard


def brand_values(counts: Mapping[str, Mapping[str, int]]) -> list[str]:
    """The values of the catalogue's brand field (empty when it has none)."""
    return [str(v) for v in (counts.get("brand") or {})]
