"""Shopping gaps round 14 (issue 12, stop 58): classes the lead found shopping the demos.

- **A shown item seen again by its place** (:func:`viewed`): "show me the first one again", "can I see the second
  one again?", "let me see #2 again", "show me number 2", "back to the first one you showed", "¿me enseñas otra
  vez la segunda?", "zeig mir die erste nochmal", "再给我看看第二个". Before, "show me the first one again" was
  read as a count of one and the word "again" (a greeting-like reply, "I am here to help you shop"), "can I see
  the second one again?" asked whether the item says "again", "show me number 2" said the shop sells no "number
  2". The turn shows those items again, in the order said; so does "only the second and fourth" (two places or
  more: "just the second one" may be a choice).
- **A bare figure changing a size in force** (:func:`figure_for_spec`): "32 inch", then "actually make it 43",
  was a budget of ₹43 that nothing fits (and was left out). A figure without a unit proposed as a change ("make
  it 43", "what about 43", "43 instead", "mejor de 43", "lieber 43", "改成43的") while one spec is in force, near
  that spec's figure and far from any budget in force, is that spec's figure (a bare "43" too).
- **"short" of a garment in force** (:func:`short_as_length`): party dresses shown, "something short" showed shorts
  (the lexicon folds "short" into the type Shorts). Said of another kind of clothes, without the noun "shorts", it is
  a length, which the catalogue does not list: the turn says so and keeps the dresses.
- **The shop's extreme of a figure** (:func:`superlative`, :func:`extreme_bounds`): HDMI cables shown, "the longest
  one you have" said none "mentions “longest”"; TVs shown, "the biggest one you have" answered that the five shown
  are all 32 inches. The items of the wishes in force stating the largest (or smallest) figure of the family the
  word means are searched for.

The words are in ``chatrec/data/gaps_round14.json``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from chatrec.word_tables import folded, table

__all__ = ["extreme_bounds", "figure_for_spec", "short_as_length", "superlative", "viewed"]

_DATA = str(Path(__file__).with_name("data") / "gaps_round14.json")


@functools.lru_cache(maxsize=None)
def _table(name: str) -> Any:
    return table(_DATA)[name]


@functools.lru_cache(maxsize=None)
def _viewing(language: str) -> tuple[re.Pattern[str], ...]:
    target = _table("targets")[language]
    return tuple(re.compile(source.replace("{target}", target), re.IGNORECASE) for source in _table("viewed")[language])


def _places(body: str, language: str, shown: int) -> list[int]:
    """The places the targets of ``body`` name, in the order said (1-based; "last" is ``shown``), as the answers
    read places (:func:`chatrec.answers.find_reference`)."""
    from chatrec.answers import find_reference

    return list(dict.fromkeys(p for p in find_reference(body, shown, language) or [] if 1 <= p <= shown))


def viewed(message: str, shown: int, language: str | None = None) -> list[int]:
    """The places of the shown items the message asks to see again, in the order said ([]: it asks no such
    thing, or names a place past the ``shown`` items, or says more than that: "show me the second one in blue").

    Args:
        message: The shopper's words.
        shown: How many items the last list showed.
        language: The conversation's language, tried first; every language is tried.
    """
    if shown <= 0:
        return []
    text = folded(message).lstrip("¿¡ ")
    languages = list(dict.fromkeys([*([language] if language in ("en", "es", "de", "zh") else []), "en", "es", "de", "zh"]))
    for lang in languages:
        for pattern in _viewing(lang):
            found = pattern.match(text)
            if found is not None:
                places = _places(found.group("body"), lang, shown)
                if places:
                    return places
    return []


#: A figure proposed in place of another: "make it 43", "what about 43", "43 instead", "mejor de 43", "lieber 43",
#: "改成43的". The group "n" holds the figure; nothing else is said.
_PROPOSED = re.compile(
    r"^(?:(?:ok(?:ay)?|actually|hmm+|um+|no|wait|sorry|so|and|then|maybe|vale|bueno|pues|mejor|also|doch|eher|"
    r"lieber|na)[\s,.!]+)*"
    r"(?:make\s+(?:it|that)\s+|change\s+(?:it|that)\s+to\s+|(?:what|how)\s+about\s+|(?:let'?s|lets)\s+(?:say|do|try)\s+|"
    r"(?:i\s+(?:meant|mean|want|need|prefer)|rather|instead)\s+|try\s+|(?:mejor\s+)?(?:de|con|que\s+sea\s+de)\s+|"
    r"(?:y\s+)?(?:con|de)\s+|cambia(?:lo)?\s+a\s+|(?:lieber|eher|doch|besser)\s+|(?:und\s+)?(?:mit\s+)?)?"
    r"(?P<n>\d+(?:\.\d+)?)"
    r"(?:\s+(?:instead|then|please|pls|rather|one|ones|en\s+su\s+lugar|mejor|por\s+favor|bitte|stattdessen|lieber))*"
    r"[\s.!?]*$"
    r"|^(?:改成|换成|改为|要|那就|还是)(?P<zh>\d+(?:\.\d+)?)(?:的)?(?:吧|呢|好了|就行)?[。！？!?.]*$",
    re.IGNORECASE,
)


def figure_for_spec(
    message: str, heard: Any, specs: Mapping[str, Sequence[float | None]], budget: Sequence[float | None] = (None, None)
) -> tuple[dict[str, tuple[float | None, float | None]], Any]:
    """The spec bounds a bare figure proposes in place of the one in force, and the request without the budget
    the rules read from it ("32 inch", then "make it 43": 43 inches, no budget of 43); ({}, ``heard``) when the
    message is no such proposal, several specs are in force, the figure is far (more than four times) from the
    spec's or near a budget in force ("what about 20000" is the price)."""
    if len(specs) != 1:
        return {}, heard
    found = _PROPOSED.match(folded(message))
    if found is None:
        return {}, heard
    figure = float(found.group("n") or found.group("zh"))
    family, pair = next(iter(specs.items()))
    said = [v for v in pair if v is not None]
    if not said or not all(v / 4 <= figure <= v * 4 for v in said):
        return {}, heard
    if any(b is not None and b / 4 <= figure <= b * 4 for b in budget):
        return {}, heard
    from chatrec.spec_filters import read_bounds

    exact = read_bounds(f"{figure:g} {family}")
    if family not in exact:
        return {}, heard
    low, high = pair[0], pair[1] if len(pair) > 1 else None
    if low is not None and high is not None and low != high:  # a range in force: the figure is its new top
        exact = {family: (None, exact[family][1])} if figure > low else {family: (exact[family][0], None)}
    elif low is not None and high is None:
        exact = {family: (exact[family][0], None)}
    elif high is not None and low is None:
        exact = {family: (None, exact[family][1])}
    update: dict[str, Any] = {"price": None, "relative_price": None, "show_now": True, "references": []}
    if heard.intent not in ("recommend", "refine"):
        update["intent"] = "refine"
    return exact, heard.model_copy(update=update)


#: The noun of the type Shorts in the shopper's words: "shorts", "短裤", "pantalones cortos", "Shorts".
_SHORTS_NOUN = re.compile(r"\bshorts\b|短裤|pantal(?:o|ó)n(?:es)?\s+cort|\bbermudas?\b", re.IGNORECASE)
#: The length adjective as said: "short", "shorter", "kurz", "Kürzeres", "corto", "más corta", "短".
_SHORT_WORD = re.compile(r"\b(?:short(?:er)?|k(?:u|ü|ue)rz\w*|(?:m(?:a|á)s\s+)?cort[oa]s?)\b|短(?:一点|点)?", re.IGNORECASE)


#: A length alone, of clothes: "shorter ones?", "something longer", "algo más largo", "etwas Kürzeres", "短一点的".
_BARE_LENGTH = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|hmm+|maybe|and|or|vale|y|und|oder|also)\W+)*(?:(?:something|anything|one|a|an|some|any|algo|"
    r"uno|una|unos|unas|etwas|was|eins|eine[ns]?)\s+)?(?:(?:a\s+)?(?:bit|little|lot)\s+|slightly\s+|much\s+|more\s+|"
    r"m(?:a|á)s\s+|un\s+poco\s+m(?:a|á)s\s+|ein\s+bisschen\s+|etwas\s+)?"
    r"(?P<said>short(?:er)?|long(?:er)?|cort[oa]s?|larg[oa]s?|k(?:u|ü|ue)rz(?:er)?(?:e[snrm]?)?|l(?:a|ä|ae)ng(?:er)?(?:e[snrm]?)?)"
    r"(?:\s+(?:one|ones|dress(?:es)?|please|pls|instead|then|maybe|bitte|por\s+favor|porfa))*\W*$"
    r"|^(?:有没有|要|来|换)?(?:更)?(?P<han>短|长)(?:一点|一些|点)?(?:的)?(?:吗|吧|呢)?[？?。!！]*$",
    re.IGNORECASE)


def short_as_length(
    heard: Any, message: str, current_types: Sequence[str], type_names: Sequence[str], clothing: bool = True
) -> tuple[Any, str | None]:
    """The request without the type Shorts read from a length ("something short" of dresses), and the length word
    as said; (``heard``, None) when no such type was read, the shopper names shorts, or shorts are in force. A
    length alone ("shorter ones?", "etwas Kürzeres", "短一点的") of clothes in force is one too.

    With nothing else asked, the list shown stays (``show_again``); other wishes of the message stay ("something
    short in red" keeps the red)."""
    if not clothing or not current_types or any("short" in str(v).lower() for v in current_types):
        return heard, None
    bare = _BARE_LENGTH.match(message.strip())
    if bare is not None and heard.intent not in ("ask_about_item", "compare", "reject") and not heard.references:
        return heard.model_copy(update={"include": {}, "exclude": {}, "query": "", "intent": "show_again",
                                        "show_now": True, "drop": [], "avoid_words": []}), bare.group("said") or bare.group("han")
    read = [str(v) for name in type_names for v in heard.include.get(name, ())]
    if not read or not all("short" in v.lower() for v in read) or _SHORTS_NOUN.search(message):
        return heard, None
    found = _SHORT_WORD.search(message)
    if found is None:
        return heard, None
    include = {name: values for name, values in heard.include.items() if name not in type_names}
    query = " ".join(w for w in heard.query.split() if not w.lower().startswith("short"))
    if include or heard.exclude or heard.price is not None or heard.avoid_words:
        return heard.model_copy(update={"include": include, "query": query, "intent": "refine", "show_now": True}), found.group(0)
    return heard.model_copy(update={"include": {}, "query": "", "intent": "show_again", "show_now": True,
                                    "drop": [], "references": []}), found.group(0)


@functools.lru_cache(maxsize=None)
def _superlative_patterns() -> tuple[tuple[re.Pattern[str], ...], dict[str, tuple[str, tuple[str, ...]]]]:
    """The frames' patterns, and per superlative word (a table key's alternative) its direction and unit families;
    longer words are tried first."""
    words = {word: (direction, tuple(families)) for direction, table_ in _table("superlatives").items()
             for alternation, families in table_.items() for word in alternation.split("|")}
    ordered = "|".join(sorted(words, key=len, reverse=True))
    frames = _table("superlative_frame")
    return tuple(re.compile(frames[name].replace("{words}", ordered), re.IGNORECASE) for name in ("plain", "asked", "zh")), words


def superlative(message: str) -> tuple[str, tuple[str, ...]] | None:
    """("max" or "min", the unit families meant, in order) when the message asks for the shop's extreme of a figure
    ("the biggest one you have", "the longest one", "what's the largest tv you sell?", "最长的"); None otherwise
    ("which is the biggest?" asks about the items shown)."""
    text = folded(message)
    patterns, words = _superlative_patterns()
    for pattern in patterns:
        found = pattern.match(text)
        if found is None:
            continue
        said = found.group("word")
        key = next((w for w in words if re.fullmatch(w, said)), None)
        if key is not None:
            return words[key]
    return None


def extreme_bounds(
    asked: tuple[str, tuple[str, ...]], figures: Sequence[Mapping[str, Sequence[float]]]
) -> dict[str, tuple[float | None, float | None]]:
    """The bound that keeps the items stating the extreme figure: ``figures`` are the stated figures of the items
    fitting the wishes in force (per unit family); the first family of ``asked`` they state is meant. {} when none
    states one."""
    direction, families = asked
    for family in families:
        values = [max(found) if direction == "max" else min(found) for item in figures if (found := item.get(family))]
        if values:
            extreme = max(values) if direction == "max" else min(values)
            return {family: (extreme, None)} if direction == "max" else {family: (None, extreme)}
    return {}
