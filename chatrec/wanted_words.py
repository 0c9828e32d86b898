"""Features a shopper asks for in words no catalogue field holds (issue 12, i12y, batch 9).

"Only braided", "type c ones under 300", "a type c cable, preferably braided", "有没有白色的" of
earphones, "no, not wired, wireless please": the catalogue has no field for braiding, the cable's
plug or an earphone's colour, only the words of titles and descriptions. Such a wish is kept like
the others (:class:`chatrec.dialogue.Wanted`) and the items shown must state it; when no item
fitting the other wishes states it, the reply names the wish that failed, shows the closest items
and offers to look without it (``prompts/dialogue_wanted_none.txt``): never "nothing matching Gaming
mice" with the wish left unsaid.

The features are those of ``prompts/feature_words.txt`` (:func:`chatrec.specs.features`) and the
colour words of ``prompts/answers_en.json``; a word that a catalogue value holds ("white" in a shop
with a colour field, "gaming" of GamingMice) is read by the understanding as that value instead.
A message in Chinese, Spanish or German is first put into English words by the lexicon and the
answers' ``feature_words`` ("编织" -> "braided", "白色" -> "white").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from chatrec.grounding import singular
from chatrec.specs import _feature_patterns, feature_spellings, features, item_states

if TYPE_CHECKING:
    from chatrec.request import ShopperRequest
    from chatrec.retrieval import Candidate

__all__ = ["ALTERNATIVES", "alternatives", "asked", "given_up", "implied", "replaced_colours", "shown_words", "stated_as", "stating", "value_tokens", "word_pattern"]

#: "not wired", "without mic", "sin cable", "ohne Kabel", "kein Bluetooth": a feature not wanted.
_NEGATED = re.compile(r"\b(?:not|no|without|except|but not|sin|ohne|kein\w*|nicht)\s+[\w-]+|(?:不要|不是|别|没有)[\u4e00-\u9fff\w-]{1,4}",
                      re.IGNORECASE)
_CAMEL = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")


@lru_cache(maxsize=1)
def colour_words() -> tuple[str, ...]:
    """English colour words (``colour_words`` of ``prompts/answers_en.json``)."""
    return _colours()


@lru_cache(maxsize=1)
def _colours() -> tuple[str, ...]:
    from chatrec.answers import load_answer_wording

    return tuple(str(c) for c in load_answer_wording("en")["colour_words"])


def value_tokens(counts: Mapping[str, Iterable[str]]) -> frozenset[str]:
    """The lower-case words of the catalogue's values, brands left out ("SmartTelevisions" -> smart,
    televisions; "Navy Blue" -> navy, blue): a feature made of them is read as a value instead."""
    words: set[str] = set()
    for name, values in counts.items():
        if name == "brand":
            continue
        for value in values:
            words.update(w.lower() for w in _CAMEL.findall(str(value)))
    return frozenset(words)


@lru_cache(maxsize=1)
def _implied() -> tuple[tuple[str, re.Pattern[str], frozenset[str]], ...]:
    from chatrec.text import word_table

    return tuple((str(e["feature"]), re.compile(e["said"]), frozenset(e["types"]))
                 for e in word_table("implied_features")["implied"])


def implied(text: str, kinds: Iterable[str]) -> list[str]:
    """Stop 65: the features a text implies by what the thing is for, of the product types ``kinds`` in force
    ("a smartwatch I can swim with": waterproof; ``chatrec/data/implied_features.json``)."""
    kinds = set(kinds)
    return [feature for feature, said, types in _implied() if types & kinds and said.search(text)]


def _in_english(message: str, language: str) -> str:
    """The message in the English words features and colours are matched with."""
    text = message.lower()
    if language == "en":
        return _typos_fixed(text)
    from chatrec.answers import _feature_words, _wording
    from chatrec.language import Lexicon, fold

    from chatrec.measure_words import metres_in_chinese

    folded = _feature_words(fold(metres_in_chinese(message)), _wording(language))  # "2米的" is no beige
    return Lexicon.default().translate(folded, language).lower()


@lru_cache(maxsize=1024)
def _typos_fixed(text: str) -> str:
    """Stop 67: an English message with its words one typo from a lexicon word corrected, as the search reads it
    ("wireles earbuds" -> "wireless earbuds"), so that a reason credits the feature the shopper misspelt."""
    from chatrec.language import Lexicon
    from chatrec.understanding import _fix_lexicon_typos

    return _fix_lexicon_typos(text, Lexicon.default())


def asked(
    message: str, heard: ShopperRequest, values: frozenset[str], current: Mapping[str, Sequence[str]] | None = None
) -> list[str]:
    """The features and colours this message asks for that no catalogue value holds, in English
    ("braided", "type c", "white"); negated ones ("not wired"), the words read as values (this
    message's, or ``current``: the wishes in force) and colours that are catalogue values left out."""
    searching = heard.intent in ("recommend", "refine", "more_like", "answer")
    if not searching and not (heard.intent in ("ask_about_item", "compare") and not heard.references):
        return []
    text = _NEGATED.sub(" ", _in_english(message, heard.language))
    avoided = {w.lower() for w in heard.avoid_words}
    said = [*heard.include.values(), *heard.exclude.values(), *(current or {}).values()]
    read = {w.lower() for vs in said for v in vs for w in _CAMEL.findall(v)}
    read |= {singular(w) for w in read}  # stop 49: "keyboard cover" read the type "...Covers": no wanted "cover"
    spelt = {name: set(re.findall(r"[a-z]+", said_as.lower())) for name, said_as in feature_spellings(text).items()}
    # stop 52: "silver or steel" of watches is the colour Steel, not the feature "metal" it is a spelling of
    found = [name for name in sorted(features(text)) if not set(name.split()) <= read
             and not (spelt.get(name) and spelt[name] <= read)]
    found += [c for c in _colours() if c not in values and c not in read
              and re.search(rf"(?<![\w-]){re.escape(c)}(?![\w-])", text)]
    kinds = {str(v) for vs in [*heard.include.values(), *(current or {}).values()] for v in vs}
    found += [f for f in implied(f"{message.lower()} {text}", kinds) if f not in found]  # "a watch I can swim with"
    # "never mind the blue, show me Portronics": no wish of blue (only the words of the clause given up)
    clauses = re.findall(r"\b(?:never\s*mind|forget(?: about)?)\b([^,.;!?]*)", text.lower())
    gone = {w for w in found if any(word_pattern(w).search(clause) for clause in clauses)}
    return [w for w in found if w not in avoided and not set(w.split()) & avoided and w not in gone]


#: "never mind the blue", "forget braided", "没有蓝色的就算了", "da igual el color": a wish given up.
_GIVE_UP = re.compile(r"never ?mind|forget|(?:does ?n[o']?t|doesn't) matter|don'?t care|算了|无所谓|不用了|egal|da igual|"
                      r"no importa|olvida", re.IGNORECASE)


def given_up(message: str, language: str, wanted: Sequence[str]) -> list[str]:
    """The wanted words the message gives up: negated ("no blue", "没有蓝色的") or named beside a
    giving-up phrase ("forget the braided ones", "没有蓝色的就算了")."""
    if not wanted:
        return []
    text = _in_english(message, language)
    negated = " ".join(m.group(0) for m in _NEGATED.finditer(text))
    gives_up = _GIVE_UP.search(message) is not None or _GIVE_UP.search(text) is not None
    return [w for w in wanted if word_pattern(w).search(negated) or (gives_up and word_pattern(w).search(text))]


@lru_cache(maxsize=4096)
def word_pattern(word: str) -> re.Pattern[str]:
    """The pattern of a wanted word in an item's text: a feature's own pattern (``"wireless"``), any one of
    alternatives (``"adidas/puma"``), else the word whole. Cached: every candidate is matched against it."""
    if ALTERNATIVES in word.strip(ALTERNATIVES):  # stop 63: "adidas/puma", brands said together: any one will do
        return re.compile("|".join(f"(?:{word_pattern(part).pattern})" for part in word.split(ALTERNATIVES) if part),
                          re.IGNORECASE)
    for name, pattern in _feature_patterns():
        if name == word:
            return pattern
    return re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])", re.IGNORECASE)


#: Stop 63: what joins words of which any one will do in one wanted word ("adidas/puma" of "adidas or puma shoes").
ALTERNATIVES = "/"


def alternatives(words: Sequence[str]) -> list[str]:
    """Stop 63: the title brands said in one message as one wanted word any of whose brands will do ("adidas or puma
    shoes", "nike and adidas": an item has one make, so two makes are never both asked of it)."""
    return [ALTERNATIVES.join(words)] if len(words) > 1 else list(words)


def stated_as(item: Any, word: str) -> tuple[str, str] | None:
    """How the item's title (else its description) states a wanted feature, as written, with where:
    ("IPX5", "title") for "sweatproof"; None when it does not (or its title says a contrary)."""
    if contradicted(item.title, word):
        return None
    for source, text in (("title", item.title), ("description", getattr(item, "description", "") or "")):
        found = item_states(word_pattern(word), text, str(getattr(item, "category", "") or ""))
        if found:
            return found.group(0), source
    return None


def states(item: Any, words: Sequence[str], title_only: bool = False) -> bool:
    """Whether the item's title (or, unless ``title_only``, its description) states every one of the words,
    and its title says none of their contraries (a "Wired Gaming Mouse" whose description mentions
    wireless receivers is no wireless mouse)."""
    text = item.title if title_only else f"{item.title} {getattr(item, 'description', '') or ''}"
    colours = set(_colours()) & set(words)  # lead: "red or blue" are alternatives, any one of them will do
    category = str(getattr(item, "category", "") or "")
    return all(item_states(word_pattern(w), text, category) and not contradicted(item.title, w) for w in words if w not in colours) \
        and (not colours or any(item_states(word_pattern(w), text, category) and not contradicted(item.title, w) for w in colours))


def replaced_colours(wanted: Sequence[str], now: Sequence[str]) -> list[str]:
    """lead: the colours in force that colours asked for now replace ("something in pink?", then
    "有黑色的吗": black instead of pink, as a colour field's value is replaced), none when none is asked."""
    colours = set(_colours())
    if not colours & set(now):
        return []
    return [w for w in wanted if w in colours and w not in now]


def contradicted(title: str, word: str) -> bool:
    """Whether the title states a contrary of the word (``contrary_words`` of the answer wording), or says it lacks
    the thing (stop 60: "Without Mic" states no mic: :func:`chatrec.absent_features.said_absent`)."""
    from chatrec.absent_features import said_absent
    from chatrec.answers import load_answer_wording

    contrary: Sequence[str] = load_answer_wording("en").get("contrary_words", {}).get(word, ())
    return any(word_pattern(c).search(title) for c in contrary) or said_absent(title, word) is not None


def stating(candidates: Sequence[Candidate], words: Sequence[str]) -> tuple[list[Candidate], list[str]]:
    """The candidates that state every wanted word, and the words none of them states.

    With a word no candidate states, the candidates stating the others are kept (the failed word is
    returned, to be said and given up); with no candidates at all nothing is known to fail.
    """
    if not words or not candidates:
        return list(candidates), []
    failed = [w for w in words if not any(states(c.item, [w]) for c in candidates)]
    kept_words = [w for w in words if w not in failed]
    if not kept_words:
        return list(candidates), failed
    # each word is stated by some candidate but none states them all ("bluetooth", then "有没有白色的"):
    # the latest wishes are kept and the older words those candidates lack fail, so they are said
    for keep in range(len(kept_words), 0, -1):
        if any(states(c.item, kept_words[-keep:]) for c in candidates):
            failed, kept_words = failed + kept_words[:-keep], kept_words[-keep:]
            break
    # the items whose names say it first: a shopper reads the name ("Type-C" in a description of a
    # cable "for all C type devices" is a weaker promise)
    named = [c for c in candidates if states(c.item, kept_words, title_only=True)]
    kept = named or [c for c in candidates if states(c.item, kept_words)]
    return kept or list(candidates), failed


def shown_words(words: Sequence[str], language: str) -> str:
    """The words as the shopper's language says them ("white" -> "白色", "braided" -> "编织"), joined; a word a
    longer one says is left out (stop 60: "cat eye", not "cat eye, cat")."""
    words = [w for w in words if not any(w != other and re.search(rf"(?<!\w){re.escape(w)}(?!\w)", other, re.IGNORECASE)
                                         for other in words)]
    if language == "en":
        return ", ".join(words)
    from chatrec.answers import _wording
    from chatrec.language import Lexicon

    table: Mapping[str, str] = _wording(language).get("feature_words", {})
    out = []
    for word in words:
        own = [said for said, english in table.items() if english == word]
        native = Lexicon.default().native(word.title(), language)
        out.append(min(own, key=len) if own else native or word)
    return "、".join(out) if language == "zh" else ", ".join(out)
