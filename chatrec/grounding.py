"""Grounded reasons: the facts an item offers for a request, a sentence built from them, and a check.

A reason may only say what the item's data, the shopper's words or their history support.
Three steps, each a plain function:

* :func:`facts_for` lists an item's facts (type, colour, brand, gender, season, usage,
  material, price, rating, a feature of its description) and marks those that answer the
  :class:`Request` (the shopper's words, wished and excluded values, budget, history).
* :class:`FactWriter` writes one fluent sentence from that list (wording per language in
  ``prompts/reasons_<language>.json``): the matched facts first, then the tail naming what
  they answer ("... the colour and type you asked for").
* :func:`check_reason` finds what a sentence (from the LLM or anyone) must not show: a word
  that neither the item, the request, the history nor the language's neutral words support
  (an invented claim: "renowned designer", "limited time", "Japanese"), a repeated phrase,
  a word the shopper said no to ("child's outfit" after "not kids clothes"), and values
  contradicting the catalogue (:func:`chatrec.truthfulness.find_contradictions`).
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from chatrec.catalog import Item
from chatrec.errors import PromptError
from chatrec.labels import last_segment
from chatrec.prompting import default_prompts_dir, read_json_wording
from chatrec import reason_words  # i12al
from chatrec import gaps_round9  # i12bb
from chatrec import gaps_round10  # i12bg
from chatrec import gaps_round13  # i12br
from chatrec import gaps_round12  # i12bm
from chatrec import gaps_round11  # i12bk

__all__ = [
    "display_value",
    "format_number",
    "singular",
    "type_noun",
    "word_tokens",
    "Fact",
    "FactKinds",
    "FactWriter",
    "Request",
    "Wording",
    "check_reason",
    "facts_for",
    "distinguishing_facts",
    "matched_facts_stated",
    "select_facts",
    "title_detail",
    "repeated_phrases",
]

logger = logging.getLogger(__name__)

_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?(?:[.,][0-9]+)*", re.IGNORECASE)
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_SKIPPED = re.compile(r"(^|_)(id|url|link|image|img|plot|description|desc|imdb|asin|details|features)", re.IGNORECASE)
_MAX_VALUE_CHARS = 40
_MAX_FEATURE_WORDS = 4
_KIND_ORDER = ("type", "colour", "gender", "brand", "season", "usage", "material", "price", "rating", "attribute")
_CLAUSE = re.compile(r"[|.,;:!?()\[\]/+]")


def _tokens(text: str) -> list[str]:
    return [t.lower().replace("’", "'") for t in _WORD.findall(text)]


#: Plurals no suffix rule undoes ("a mice by HP" reads "a mouse by HP").
_IRREGULAR_PLURALS = {"mice": "mouse", "knives": "knife", "shelves": "shelf", "scarves": "scarf", "leaves": "leaf",
                      "wolves": "wolf", "halves": "half", "geese": "goose", "dice": "die",
                      # words from Hindi whose plural ends in "is": "a green kurti", not "a green kurtis"
                      "kurtis": "kurti", "dhotis": "dhoti", "bindis": "bindi", "salwaris": "salwari"}


def _singular(word: str) -> str:
    if word in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[word]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    if word.endswith("'s"):
        return word[:-2]
    return word


def _forms(words: Iterable[str]) -> set[str]:
    """Words with their singulars and without a possessive ("child's" -> "child")."""
    found: set[str] = set()
    for word in words:
        found.add(word)
        found.add(_singular(word))
        if "'" in word:
            found.add(word.split("'")[0])
        if "," in word:  # "1,234"
            found.add(word.replace(",", ""))
    return found


def _display(value: str) -> str:
    """A catalogue value as words: "USBCables" -> "USB Cables", "Sports_Shoes" -> "Sports Shoes"."""
    value = last_segment(value)  # a category path "A|B|ElectricKettles" is shown by its last segment
    value = re.sub(r",(?=[^\W\d_])", ", ", value.replace("_", " ").replace("&", " & "))  # "Headphones,Earbuds" has a space
    return " ".join(_CAMEL.sub(" ", value).split())


def _noun(value: str, plural_only: frozenset[str] = frozenset()) -> str:
    """A product type as a singular lower-case noun phrase: "Sports Shoes" -> "sports shoe" ("jeans" stays)."""
    words = _display(value).split()
    if not words:
        return ""
    last = words[-1]
    if not last.isupper() and last.lower() not in plural_only:
        words[-1] = _singular(last.lower())
    return " ".join(w if w.isupper() and len(w) > 1 else w.lower() for w in words)


@dataclass(frozen=True)
class Wording:
    """The words of one language: sentence pieces, neutral words, related words.

    Read with :meth:`load` from ``prompts/reasons_<language>.json``.
    """

    language: str
    pieces: Mapping[str, Any]
    neutral: frozenset[str]
    negators: frozenset[str]
    rating_words: frozenset[str]
    related: Mapping[str, frozenset[str]]
    synonyms: Mapping[str, frozenset[str]] = field(default_factory=dict)
    plural_only: frozenset[str] = frozenset()
    discount_words: frozenset[str] = frozenset()

    @classmethod
    def load(cls, language: str = "en", prompts_dir: Path | None = None) -> Wording:
        """The wording of ``language``.

        Raises:
            PromptError: No wording file for the language, or one that is not valid.
        """
        return _load_wording(language, str(prompts_dir or default_prompts_dir()))

    def piece(self, name: str, **values: str) -> str:
        """One sentence piece with its placeholders filled."""
        template = self.pieces.get(name)
        if not isinstance(template, str):
            raise PromptError(f"the {self.language} reason wording has no piece {name!r}")
        return template.format(**values)

    def kind(self, name: str) -> str:
        """How a fact kind is named in the tail ("colour", "budget")."""
        return str(self.pieces.get("kinds", {}).get(name, name))


@lru_cache(maxsize=8)
def _load_wording(language: str, prompts_dir: str) -> Wording:
    path = Path(prompts_dir) / f"reasons_{language}.json"
    raw = read_json_wording(path, "reason", language)
    required = {"neutral_words", "negators", "rating_words", "related", "kinds", "tail_matched"}
    missing = sorted(required - set(raw))
    if missing:
        raise PromptError(f"reason wording {path} lacks {', '.join(missing)}")
    return Wording(
        language=language,
        pieces=raw,
        neutral=frozenset(_forms(w.lower() for w in raw["neutral_words"])),
        negators=frozenset(w.lower().replace("'", "") for w in raw["negators"]),
        rating_words=frozenset(raw["rating_words"]),
        related={k: frozenset(_forms(v)) for k, v in raw["related"].items()},
        synonyms={k: frozenset(_forms(v)) for k, v in raw.get("synonyms", {}).items()},
        plural_only=frozenset(w.lower() for w in raw.get("plural_only", [])),
        discount_words=frozenset(_forms(w.lower() for w in raw.get("discount_words", []))),
    )


def _given_up_values(state: Any) -> list[str]:
    """Stop 42: the values the wishes held before the last change and hold no more ("black ones", then "undo that":
    Black): the shopper's earlier words for them are no wish a reason may credit."""
    before = getattr(state, "before_last", None) or {}
    now = {v for vs in state.include.values() for v in vs}
    return [v for vs in (before.get("include") or {}).values() for v in vs if v not in now]


def _said_values(state: Any) -> dict[str, tuple[str, ...]]:
    """The values in force the shopper asked for: less those inferred (stop 48, ``state.inferred``: whom a bought
    dress is sold to, the audience of an item liked), which narrow the search but were never asked for."""
    inferred = getattr(state, "inferred", None) or {}
    kept = {k: tuple(v for v in vs if v not in inferred.get(k, ())) for k, vs in state.include.items() if vs}
    return {k: vs for k, vs in kept.items() if vs}


@dataclass(frozen=True)
class Request:
    """What the shopper asked for, as far as a reason may refer to it.

    Attributes:
        text: The shopper's words in this conversation.
        include: Field to the wished values (catalogue spelling).
        exclude: Field to the values the shopper does not want.
        min_price: Lowest price wished, or None.
        max_price: Highest price wished, or None.
        history: Titles of items the shopper bought or liked.
        specs: i12ag: spec bounds per unit family (``{"mah": (20000, None)}``, :mod:`chatrec.spec_filters`).
        wanted: Features asked for in words that the items shown must state ("sweatproof", "braided").
        avoid: Words the shopper does not want in names ("no fitness band": "band"), never a feature.
        not_wished: Stop 41: words said of things the shopper does not want shown: things the shop does not sell
            ("hair", "dryer"), the makes of items turned down ("the samsung one doesn't convince me"). They never
            count as a feature or a value asked for.
    """

    text: str = ""
    include: Mapping[str, Sequence[str]] = field(default_factory=dict)
    exclude: Mapping[str, Sequence[str]] = field(default_factory=dict)
    min_price: float | None = None
    max_price: float | None = None
    history: tuple[str, ...] = ()
    specs: Mapping[str, tuple[float | None, float | None]] = field(default_factory=dict)
    wanted: tuple[str, ...] = ()
    avoid: tuple[str, ...] = ()
    not_wished: tuple[str, ...] = ()

    @classmethod
    def from_turns(
        cls, turns: Sequence[tuple[str, str]], state: Any = None, history: Sequence[str] = (),
        turned_down: Sequence[str] = (),
    ) -> Request:
        """The request of a conversation: the customer's turns and, when given, the dialogue state's wishes;
        ``turned_down``: names of items the shopper turned down (their makes), wished only where a wish holds them."""
        text = " ".join(t for role, t in turns if role == "customer")
        if state is None:
            return cls(text=text, history=tuple(history))
        return cls(
            text=text,
            include=_said_values(state),
            exclude={k: tuple(v) for k, v in state.exclude.items() if v},
            min_price=state.min_price,
            max_price=state.max_price,
            history=tuple(history),
            specs={k: (v[0], v[1]) for k, v in (getattr(state, "specs", None) or {}).items() if len(v) == 2},
            wanted=tuple(getattr(state, "wanted", None) or ()),
            avoid=tuple(getattr(state, "avoid", None) or ()),
            not_wished=_not_sold_words(getattr(state, "not_sold", None) or (), turns) + tuple(dict.fromkeys(
                w for name in [*turned_down, *_given_up_values(state)] for w in _tokens(name)
                if not any(w in _tokens(v) for vs in state.include.values() for v in vs))) + _piece_words(turns),
        )

    def negated(self, wording: Wording) -> set[str]:
        """Words the shopper said no to, with their related words ("not kids" -> kid, child, boys...)."""
        tokens = [t.replace("'", "") for t in _tokens(self.text)]
        found: set[str] = set()
        for i, token in enumerate(tokens):
            if token not in wording.negators:
                continue
            # The next content word, and words joined to it by "or"/"and"/"nor".
            j = i + 1
            while j < len(tokens) and (tokens[j] in wording.neutral or tokens[j] in wording.negators):
                j += 1
            while j < len(tokens):
                found.add(tokens[j])
                if j + 2 < len(tokens) and tokens[j + 1] in {"or", "and", "nor"}:
                    j += 2
                    continue
                break
        for values in self.exclude.values():
            for value in values:
                found.update(_tokens(value))
        found.update(w.lower() for w in self.avoid)
        expanded = _forms(found)
        for word in list(expanded):
            expanded |= wording.related.get(word, frozenset())
        return expanded

    def said(self, wording: Wording) -> set[str]:
        """The shopper's own words (negated ones left out), with singulars and synonyms."""
        words = _forms(_tokens(CHANGE_VERB.sub(" ", self.text)))
        for word in list(words):
            words |= wording.synonyms.get(word, frozenset())
        return words - self.negated(wording) - _forms(self.not_wished) - _function_words(self.text)

    def words(self, wording: Wording) -> set[str]:
        """The shopper's wished words (negated ones left out), with singulars and wished values."""
        words = _forms(_tokens(CHANGE_VERB.sub(" ", self.text)))
        for word in list(words):
            words |= wording.synonyms.get(word, frozenset())
        for values in self.include.values():
            for value in values:
                words |= _forms(_tokens(_display(value)))
        return words - self.negated(wording) - _forms(self.not_wished) - _function_words(self.text)


@lru_cache(maxsize=64)
def _function_words(text: str) -> frozenset[str]:
    """Stop 61: the function words of a Spanish or German conversation ("para mi padre": "mi"), which no reason
    credits as a feature an item's description states ("con mi, según su descripción")."""
    from chatrec.language import _FUNCTION_WORDS, detect_language

    language = detect_language(text)
    return _FUNCTION_WORDS.get(language, frozenset()) if language in ("es", "de") else frozenset()


#: Stop 43: "make it a backpack", "change that to blue": the verb of a change (group 1) is no word an item should
#: have, nor a feature the items lack (:func:`chatrec.followups.not_mentioned`).
CHANGE_VERB = re.compile(r"\b(make|makes|change|switch|turn|swap)\s+(?:it|that|this|them|those|these)\b", re.IGNORECASE)


def _piece_words(turns: Sequence[tuple[str, str]]) -> tuple[str, ...]:
    """Stop 55: the words of the pieces the shopper's wishes were to go with ("my black dress"): no colour asked."""
    from chatrec import goes_with
    from chatrec.owned_piece import piece_words

    # stop 60: and the piece named after "with" ("what can i wear with a black skirt")
    return tuple(dict.fromkeys(w for role, text in turns if role == "customer"
                               for w in [*piece_words(text), *sorted(goes_with.piece_words(text))]))


def _not_sold_words(things: Sequence[str], turns: Sequence[tuple[str, str]]) -> tuple[str, ...]:
    """The words of the things the shop said it does not sell, less those the shopper's last message says again
    of another thing ("a hair dryer" not sold, then "a hair trimmer then": "hair" is wished again)."""
    last = next((text for role, text in reversed(turns) if role == "customer"), "")
    again = _forms(_tokens(last))
    words: list[str] = []
    for thing in things:
        own = _tokens(thing)
        asked_now = all(_forms([w]) & again for w in own)  # the message that asked for the thing itself
        words.extend(w for w in own if asked_now or not _forms([w]) & again)
    return tuple(dict.fromkeys(words))


@dataclass(frozen=True)
class Fact:
    """One fact of an item's data.

    Attributes:
        kind: ``type``, ``colour``, ``brand``, ``gender``, ``season``, ``usage``, ``material``,
            ``price``, ``rating``, ``feature`` or ``attribute``.
        name: The catalogue field it comes from.
        value: The value as shown in a sentence.
        matched: Whether it answers the request (a wished value, the budget, a word of the shopper).
    """

    kind: str
    name: str
    value: str
    matched: bool


def _kind_of(name: str) -> str | None:
    lowered = name.lower()
    if lowered.replace("_", "") in {"articletype", "producttype", "type", "category", "kind"}:
        return "type"
    for fragment, kind in (("colo", "colour"), ("gender", "gender"), ("season", "season"), ("usage", "usage"),
                           ("occasion", "usage"), ("material", "material"), ("fabric", "material")):
        if fragment in lowered:
            return kind
    if "rating" in lowered or lowered in {"stars", "average_rating"}:
        return "rating_count" if any(w in lowered for w in ("count", "number", "num")) else "rating"
    return None


def _value_matches(value: str, name: str, request: Request, wished: set[str], head: bool = False) -> bool:
    """Whether a value answers the request: wished for that field, or all its words said ("navy blue").

    With ``head``, the last word is enough (a type: "running shoes" asks for "Sports Shoes").
    """
    if any(value.lower() == v.lower() for v in request.include.get(name, ())):
        return True
    words = [w for w in _tokens(_display(value)) if len(w) > 1]
    if head and words:
        words = words[-1:]
    return bool(words) and all(w in wished or _singular(w) in wished for w in words)


def _number(value: Any) -> float | None:
    try:
        return float(str(value).replace(",", ""))
    except ValueError:
        return None


def _format_number(value: float) -> str:
    """"1,299", "4.3", "3,041.67": thousands grouped, at most two decimals (never "3041.67" nor "1.23457e+06")."""
    return f"{value:,.0f}" if value.is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")


_IRREGULAR = {"women": "woman", "men": "man", "children": "child", "feet": "foot", "teeth": "tooth"}


def _type_words(facts: Sequence[Fact], wording: Wording) -> set[str]:
    """The words for a type the shopper asked for and their synonyms: "headphones" or "earbuds" in the name of
    an in-ear earphone asked for as "earphones" are its type again, no feature of it."""
    words: set[str] = set()
    for fact in facts:
        if fact.kind == "type" and fact.matched:
            noun = str(wording.pieces.get("type_nouns", {}).get(fact.value.lower(), fact.value))
            words |= _forms(_tokens(f"{fact.value} {noun}"))
    words |= {f"{word}s" for word in words}  # the synonyms table is keyed by plurals ("earphones")
    for word in list(words):
        words |= _forms(wording.synonyms.get(word, frozenset()))
    return words


def _own_type_words(item: Item) -> set[str]:
    """i12ac: the words of the item's own type values (category and the type fields: "Flats", "Shoes",
    "Footwear"), which name what the item is and are never a feature the shopper asked for."""
    from chatrec.understanding import type_fields

    attributes = item.attributes or {}
    values = [item.category or "", *(str(attributes.get(name) or "") for name in type_fields(list(attributes)))]
    parts = [_tokens(re.sub(r"(?<=[a-z])(?=[A-Z])", " ", part)) for value in values for part in value.split("|")]
    # lead, stop 31: run together too ("SmartWatches": "smartwatch" is no feature of a smart watch)
    return _forms([*(w for words in parts for w in words), *("".join(words) for words in parts if len(words) > 1)])


def _features(item: Item, wished: set[str], used: set[str], wording: Wording, limit: int = 2) -> list[tuple[str, str]]:
    """Runs of the shopper's words (not said by another fact) in the item's description or title, longest first.

    Returns:
        Up to ``limit`` ``(words, source)`` with source ``"description"`` or ``"title"``, no word twice.
    """
    found: list[tuple[list[str], str]] = []
    connectors = {"and", "of", "for", "with"}
    used = used | {_IRREGULAR.get(word, word) for word in used}  # "woman" is said when "women" is
    segments = [("description", part) for part in _CLAUSE.split(item.description)]
    segments += [("title", part) for part in _CLAUSE.split(item.title)]
    for source, text in segments:
        run: list[str] = []
        previous = ""
        for token in [*_tokens(text), ""]:
            # stop 51: "shirt" of "T-shirt" is the type said ("Tshirts"), never a feature asked for
            joined = previous + token
            previous = token
            fresh = (
                token and len(token) > 1 and token not in wording.neutral and _singular(token) not in wording.neutral
                and token not in wording.negators and token not in used and _singular(token) not in used
                and joined not in used and _singular(joined) not in used
                and (token in wished or _singular(token) in wished)
            )
            if fresh and any(_singular(w) == _singular(token) for w in run):
                continue  # "perfume perfumes", "beard oil beard oil"
            if fresh or (token in connectors and run):
                run.append(token)
                continue
            while run and run[-1] in connectors:
                run.pop()
            if run and not all(word.replace(".", "").isdigit() for word in run) \
                    and not all(word in _UNIT_WORDS for word in run):  # a bare "70" (an age), "inches" (a size) is none
                found.append((run[:_MAX_FEATURE_WORDS], source))
            run = []
    found.sort(key=lambda entry: -len(entry[0]))
    chosen: list[tuple[str, str]] = []
    said: set[str] = set()
    for words, source in found:
        content = {_singular(w) for w in words if w not in connectors}
        if content & said:
            continue
        chosen.append((" ".join(words), source))
        said |= content
        if len(chosen) == limit:
            break
    return chosen


def facts_for(item: Item, request: Request, wording: Wording | None = None) -> list[Fact]:
    """The item's facts, in sentence order, each marked when it answers the request.

    Only the item's own data is used: category (type), brand, the attributes with a kind
    (colour, gender, season, usage, material, rating), price, and one feature of its title
    or description that the shopper's words name. Other attributes are listed only when
    they answer the request.
    """
    wording = wording or Wording.load()
    wished = request.words(wording)
    deals = _asks_deals(request, wished, wording)  # stop 46: the discount is said, "the best deal" asks no rating
    facts: list[Fact] = []
    if item.category:
        title_kind = _title_names_other_type(item.title, item.category)
        facts.append(Fact("type", "category", _noun(item.category, wording.plural_only), _value_matches(item.category, "category", request, wished, head=True))
                     if title_kind is None else Fact("type", "title", _noun(title_kind, wording.plural_only), False))
    count: float | None = None
    grouped = False  # i12v
    for name, raw in item.attributes.items():
        if _SKIPPED.search(name) or raw in (None, "", ()):
            continue
        value = ", ".join(str(v) for v in raw[:2]) if isinstance(raw, tuple) else str(raw)
        if len(value) > _MAX_VALUE_CHARS:
            continue
        kind = _kind_of(name)
        if kind == "rating_count":
            count = _number(value)
            continue
        if kind == "rating":
            rating = _number(value)
            if rating is not None and 0 < rating <= 5:
                rating_said = wished & wording.rating_words
                if rating_said <= {"best", "top"} and deals:
                    rating_said = set()  # stop 46: "the best deal" asks a discount, no rating
                facts.append(Fact("rating", name, _format_number(rating), bool(rating_said) and rating >= 4.0))
            continue
        if kind is None and re.search(r"categ|department|type|class|kind", name, re.IGNORECASE):
            # i12v: a grouping of products ("shoes", "headphones, earbuds & accessories") is no detail of the
            # item; when it is the one wished, the item's type is of the kind asked for (flats are shoes)
            grouped = grouped or request.include.get(name) is not None and _value_matches(value, name, request, wished)
            continue
        if kind is None:
            if _value_matches(value, name, request, wished) and not value.replace(".", "").isdigit():
                facts.append(Fact("attribute", name, _display(value).lower(), True))
            continue
        if kind == "gender" and _title_names_other_person(item.title, value):
            continue  # "Doodle Kids Girl Printed Blue Dress" filed for Women: for whom is not said
        if kind == "colour" and (value.lower() in {"multi", "na", "none"} or _title_names_other_colour(item.title, value)):
            continue  # a colour the item's name contradicts ("Catwalk Women Bronze Heels" filed as Black) is not said
        if kind == "type":
            facts.append(Fact(kind, name, _noun(value, wording.plural_only), _value_matches(value, name, request, wished, head=True)))
            continue
        facts.append(Fact(kind, name, _display(value).lower(), _value_matches(value, name, request, wished)))
    if item.brand and gaps_round11.is_brand(item.brand):  # i12bk: no "by Milk"; a make is asked for by its name as written: "phone" (nor "i Phone") asks for no iPhone
        said = _forms(_tokens(request.text)) & wished  # the shopper's own words (wished has no negated ones)
        said -= gaps_round12.owned_words(request.text)  # i12bm: "he has a samsung phone" asks for no Samsung
        make = [w for w in _tokens(item.brand) if len(w) > 1]
        asked = any(item.brand.lower() == v.lower() for v in request.include.get("brand", ())) \
            or bool(make) and all(w in said for w in make)
        facts.append(Fact("brand", "brand", item.brand, asked))
    if item.price is not None:
        within = (request.max_price is None or item.price <= request.max_price * 1.0001) and (
            request.min_price is None or item.price >= request.min_price * 0.9999
        )
        # with no budget in force, "reasonably priced" or "the cheapest" asked no budget the item is "within"
        asked = request.max_price is not None or request.min_price is not None
        amount = _format_number(float(item.price))
        facts.append(Fact("price", "price", f"{amount} {item.currency}" if item.currency else amount, asked and within))
        if deals:  # stop 46: "headphones with the best deal": how far below its list price
            facts.extend(_discount_fact(item))
    if grouped:  # i12v
        facts = [Fact(f.kind, f.name, f.value, True) if f.kind == "type" else f for f in facts]
    # The main facts first, so that a generic attribute repeating one of them ("Shoes") is dropped.
    facts.sort(key=lambda f: _KIND_ORDER.index(f.kind) if f.kind in _KIND_ORDER else len(_KIND_ORDER))
    facts = _distinct([f for f in facts if f.value])
    if count is not None:
        facts = [Fact(f.kind, f.name, f"{f.value}|{_format_number(count)}", f.matched) if f.kind == "rating" else f
                 for f in facts]
    if not any(f.kind == "type" for f in facts):
        # No type field (the Amazon Beauty rows): the shopper's type words in the item's name are its type.
        named = _title_type(item, request.said(wording) - _forms(w for f in facts for w in _tokens(f.value)),
                            _head_word(request, wording), wording)
        if named is not None:
            facts.insert(0, named)
    facts.extend(spec_facts(item, request.specs))  # i12ag: "20000 mAh", "at least 30 hours" as the item states it
    facts.extend(wanted_facts(item, request.wanted, {f.value.lower() for f in facts}))  # "sweatproof": "IPX5"
    used = _forms(w for f in facts for w in _tokens(f.value))
    from chatrec.specs import spellings_of

    # stop 53: "noise cancellation" credited as "Noise Cancelling" credits no "cancellation" besides
    used |= _forms(w for word in request.wanted for spelling in spellings_of(word) for w in _tokens(spelling))
    used |= _type_words(facts, wording)
    used |= _own_type_words(item)  # i12ac: "shoes" in the name of flats (subcategory Shoes) is their type, no feature
    used |= reason_words.not_features(item, request, request.said(wording), wording.synonyms)  # i12al: "mentions mobile", "mentions phone"
    used |= gaps_round9.device_words(request.text, item.title)  # i12bb: "a case for my phone" credits no "with phone"
    used |= _forms(gaps_round10.problem_words(request.text))  # stop 60: "my phone keeps dying" credits no "phone"
    used |= gaps_round10.story_verbs(request.text)  # i12bg: "something to charge it when I travel" credits no "charge"
    used |= gaps_round13.hobby_words(request.text)  # i12br: "she loves old songs" credits no "old", no "love"
    # Features come from the shopper's own words only: a wished category path can hold many words.
    # The budget's numbers are no feature ("a kettle under 1500" is not a "1500 Watt" kettle).
    budget = {_format_number(float(bound)).replace(",", "") for bound in (request.min_price, request.max_price)
              if bound is not None}
    from chatrec.colour_families import family_words

    budget |= family_words(request.text)  # "dark colours" is a wish of colours, no "Glow in Dark" feature
    from chatrec.absent_features import said_absent
    from chatrec.wanted_words import contradicted

    for words, source in _features(item, request.said(wording) - budget, used, wording):
        if source == "description" and contradicted(item.title, words.lower()):
            continue  # lead, stop 35: "wireless" in the description of a mouse whose name says "Wired"
        if source == "title" and said_absent(item.title, words) is not None:
            continue  # stop 60: "mic" of a name saying "Without Mic" is no mic
        if source == "title" and _only_in_make(item, words):
            continue  # "red" of a red dress is no feature of "Red Tape Men Brown Formal Shoes"
        facts.append(_as_make(item, Fact("feature", source, words, True)))
    return gaps_round13.type_not_asked(facts, item.category, request.text, request.said(wording))  # i12br: a type read from a pastime


def _asks_deals(request: Request, wished: set[str], wording: Wording) -> bool:
    """Stop 46: whether the shopper asked for deals or discounts, in any of the wording's words ("best deal",
    "打折的", "en oferta", "im Angebot"; words of a script written without spaces are found inside the text)."""
    if wished & wording.discount_words:
        return True
    text = request.text.lower()
    return any(not word.isascii() and word in text for word in wording.discount_words) \
        or bool(set(_tokens(text)) & wording.discount_words)


def _discount_fact(item: Item) -> list[Fact]:
    """Stop 46: the item's discount as its data gives it (``"66|2,490 INR"``: percent below the list price, and
    the list price), for a shopper who asked for deals; none when the catalogue lists no list price above its price."""
    from chatrec.answers import discount, list_price

    off, listed = discount(item), list_price(item)
    if off is None or listed is None:
        return []
    amount = _format_number(listed)
    return [Fact("discount", "list price", f"{_format_number(off)}|{amount} {item.currency}" if item.currency
                 else f"{_format_number(off)}|{amount}", False)]  # said, not "asked for": any list may follow


def spec_facts(item: Item, specs: Mapping[str, tuple[float | None, float | None]]) -> list[Fact]:
    """i12ag: for each spec the shopper bounded ("20000 mAh", "at least 30 hours"), the item's own words
    stating a figure inside the bounds ("20000mAh", "32H"), from its name, else its description; none
    when the item states no such figure (a reason credits only what the item says)."""
    from chatrec.spec_filters import figures_in, within

    facts: list[Fact] = []
    for family, (low, high) in specs.items():
        for source, text in (("title", item.title), ("description", item.description or "")):
            said = [words for figure, words in figures_in(text, family) if within([figure], low, high, family)]
            if said:
                facts.append(Fact("feature", source, said[0], True))
                break
    return facts


def _title_names_other_type(title: str, category: str) -> str | None:
    """The product noun ending the item's name when it names another kind than its category ("Inc 5 Women
    Casual White Flats" filed under Heels: "Flats"), else None. A reason calls the item what its name,
    the words the shopper reads beside it, says it is. Nouns that contain or are contained in the
    category's ("T-shirt" of Tshirts, "Handbag" of Bags) and "with X" endings ("Kurta with Dupatta") name
    no other kind."""
    from chatrec.not_carried import product_nouns

    said = _tokens(re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", title))
    words = [w for w in said if w.isalpha()]
    if len(words) < 2 or words[-2] in {"with", "and", "plus", "without", "for"}:
        return None
    if {"for", "with", "without", "fits", "compatible"} & set(said[-5:-1]):
        return None  # stop 51: "Keyboard Protector Skin for 15.6-inches Laptop" is no laptop
    last = words[-1]
    own = {_singular(w) for w in _tokens(_display(category))}
    accessory = _accessory_of_own_kind(title, own)
    if accessory is not None:
        return accessory
    if last not in product_nouns() or any(_singular(w) in own for w in words):
        return None
    if any(o in _singular(last) or _singular(last) in o for o in own):
        return None
    return last


#: Parts and add-ons sold for a product, named after it ("Smart Watch Charger", "TV Remote Cover").
_PART_WORDS = frozenset({"charger", "chargers", "strap", "straps", "band", "bands", "cable", "cables", "adapter", "adaptor",
                         "case", "cover", "covers", "protector", "skin", "pouch", "sleeve", "remote", "mount", "stand",
                         "holder", "refill", "refills", "accessory", "accessories", "part", "parts", "spare", "spares"})


def _accessory_of_own_kind(title: str, own: set[str]) -> str | None:
    """Stop 54: "Smart Watch Charger" when the name's head clause says the category's own words and then an accessory
    word ("Noise_Colorfit Smart Watch Charger 2 Pin USB…" filed under Smart watches was "A smart watch by
    Noise_Colorfit"), else None."""
    from chatrec.accessories import accessory_words, head_clause

    accessories = accessory_words()
    if own & accessories or own & _PART_WORDS:
        return None  # a charger filed under chargers, a case under cases: "Charger Adapter" names no other kind
    written = re.findall(r"[A-Za-z]+", head_clause(title))
    for n in range(1, len(written)):
        word = written[n].lower()
        if word in _PART_WORDS and _singular(written[n - 1].lower()) in own:
            start = n - 1
            while start > 0 and _singular(written[start - 1].lower()) in own:
                start -= 1
            return " ".join(written[start:n + 1])
    return None


#: Units: alone, without their number ("inches" of a 32-inch TV asked for at 43), no feature of an item.
_UNIT_WORDS = frozenset({"inch", "inches", "cm", "mm", "mah", "gb", "tb", "mb", "watt", "watts", "w", "hour", "hours",
                         "hrs", "litre", "litres", "liter", "liters", "ltr", "kg", "gram", "grams", "g", "megapixel",
                         "megapixels", "mp", "hz", "ghz", "mbps", "volt", "volts", "v"})
#: Whom an item's name says it is for, by its words.
_PERSON_WORDS = {"men": "men", "man": "men", "mens": "men", "women": "women", "woman": "women", "womens": "women",
                 "ladies": "women", "boys": "boys", "boy": "boys", "girls": "girls", "girl": "girls", "kids": "kids",
                 "kid": "kids", "unisex": "unisex"}


def _title_names_other_person(title: str, gender: str) -> bool:
    """Whether the item's name says whom it is for and not the person of its gender value ("Doodle Kids
    Girl Printed Blue Dress" filed for Women); kids' names fit Boys and Girls."""
    named = {_PERSON_WORDS[w.replace("'s", "").replace("'", "")] for w in _tokens(title)
             if w.replace("'s", "").replace("'", "") in _PERSON_WORDS}
    if not named:
        return False
    own = {_PERSON_WORDS.get(w, w) for w in _tokens(gender)}
    fits = set(own) | ({"kids"} if own & {"boys", "girls"} else set())
    return not named & fits


@lru_cache(maxsize=1)
def _colour_words() -> frozenset[str]:
    from chatrec.wanted_words import colour_words

    return frozenset(colour_words())


def _title_names_other_colour(title: str, colour: str) -> bool:
    """Whether the item's name states a colour and none of the words of its colour value ("Bronze Heels"
    filed as Black): the shopper reads the name beside the reason, so the reason does not contradict it."""
    named = set(_tokens(title)) & _colour_words()
    return bool(named) and not named & {w.lower() for w in _tokens(colour)} and not any(
        _singular(w) in {"multi", "multicolour", "multicolor"} for w in _tokens(title))


def wanted_facts(item: Item, wanted: Sequence[str], said: set[str]) -> list[Fact]:
    """For each feature the shopper asked for in words ("sweatproof", "braided"), the item's own words
    stating it ("IPX5"), from its name, else its description; none for a feature it does not state or
    whose words another fact already says."""
    from chatrec.wanted_words import stated_as

    facts = []
    for word in wanted:
        found = stated_as(item, word)
        if found is not None and found[0].lower() not in said:
            facts.append(_as_make(item, Fact("feature", found[1], found[0], True)))
            said.add(found[0].lower())
    return facts


def _head_word(request: Request, wording: Wording) -> str | None:
    """The last word of the shopper's first run of content words: "a loose face powder for ..." -> "powder"."""
    run: list[str] = []
    for token in _tokens(request.text):
        if token in wording.neutral or token in wording.negators or not token.isalpha():
            if run:
                break
            continue
        run.append(token)
    return _singular(run[-1]) if run else None


def _title_type(item: Item, said: set[str], head: str | None, wording: Wording, max_words: int = 3) -> Fact | None:
    """The run of the shopper's words in the item's name that holds their head word, as its type: "lip balm"."""
    if head is None:
        return None
    best: list[str] = []
    for part in _CLAUSE.split(item.title):
        run: list[str] = []
        for token in [*_tokens(part), ""]:
            if (token.isalpha() and len(token) > 2 and token not in wording.neutral
                    and (token in said or _singular(token) in said) and token not in run):
                run.append(token)
                continue
            if any(_singular(w) == head for w in run) and len(run) > len(best):
                best = run[:max_words]
            run = []
    if not best or (len(best) == 1 and len(best[0]) < 4):  # "spf" is no type
        return None
    best[-1] = _singular(best[-1]) if best[-1] not in wording.plural_only else best[-1]
    return Fact("type", "title", " ".join(best), True)


def _distinct(facts: list[Fact]) -> list[Fact]:
    """Facts without those repeating an earlier one's words (subCategory "Dress" after type "dress")."""
    kept: list[Fact] = []
    said: set[str] = set()
    for fact in facts:
        words = {_singular(w) for w in _tokens(fact.value)}
        if words and words <= said and fact.kind not in ("price", "rating"):
            continue
        kept.append(fact)
        said |= words
    return kept


class FactKinds:
    """An item's facts grouped by kind, in their order (what a sentence writer picks from)."""

    def __init__(self, facts: Sequence[Fact]) -> None:
        self.groups: dict[str, list[Fact]] = {}
        for fact in facts:
            self.groups.setdefault(fact.kind, []).append(fact)

    def first(self, kind: str) -> Fact | None:
        """The first fact of this kind, or None."""
        found = self.groups.get(kind)
        return found[0] if found else None


class FactWriter:
    """A fluent sentence over an item's fact list, in one language (no model; grounded by construction).

    "A blue dress by Tonga for women, made for summer and casual wear — the colour, type and
    season you asked for." Facts that answer the request are always said; the others fill
    the sentence up to about 30 words.

    Args:
        language: The wording file's language code (``prompts/reasons_<language>.json``).
    """

    def __init__(self, language: str = "en", prompts_dir: Path | None = None) -> None:
        if prompts_dir is not None and not (Path(prompts_dir) / f"reasons_{language}.json").is_file():
            logger.warning("%s has no reasons_%s.json; using the shipped wording", prompts_dir, language)
            prompts_dir = None
        self.wording = Wording.load(language, prompts_dir)

    def write(self, facts: Sequence[Fact]) -> str:
        """The sentence for these facts."""
        w = self.wording
        kinds = FactKinds(facts)
        by_kind, first = kinds.groups, kinds.first

        colour, kind_type, brand, gender = first("colour"), first("type"), first("brand"), first("gender")
        noun = kind_type.value if kind_type else str(w.pieces.get("fallback_noun", "item"))
        noun = str(w.pieces.get("type_nouns", {}).get(noun.lower(), noun))  # i12o: "in-ear" -> "in-ear earphone"
        head = " ".join(p for p in [colour.value if colour else "", noun] if p)
        article = w.pieces["article"]
        if noun.split()[-1:] and noun.split()[-1].lower() in w.plural_only:
            pass  # "blue jeans for women", not "a blue jeans"
        else:
            head = f"{article['an'] if _takes_an(head, article['an_before']) else article['a']} {head}"
        parts = [head]
        if brand and brand.value.lower() not in noun.lower():
            parts.append(w.piece("by_brand", brand=brand.value))
        if gender and gender.value not in {"unisex"}:
            parts.append(w.piece("for_gender", gender=gender.value))
        sentence = " ".join(parts)

        occasions = [f.value for f in by_kind.get("season", [])[:1]]
        occasions += [w.piece("usage", usage=f.value) for f in by_kind.get("usage", [])[:1]]
        features = by_kind.get("feature", [])
        clauses: list[str] = []
        # A name detail that only tells the item apart (not asked for) is said away from the
        # tail, so "with “Scarlet Red” in its name — the feature you asked for" cannot be read.
        details = [f.value for f in features if f.name == "title" and not f.matched]
        if details:
            clauses.append(w.piece("feature_title", feature=self._join(details)))
        if occasions:
            clauses.append(w.piece("made_for", occasions=self._join(occasions)))
        for fact in by_kind.get("material", [])[:1] + by_kind.get("attribute", [])[:2]:
            if fact.kind != "attribute" or not said_by_noun(fact.value, noun):
                clauses.append(fact.value)
        price = first("price")
        if price:
            text = w.piece("at_price", price=price.value)
            if price.matched:
                text += " " + w.piece("within_budget")
            off = first("discount")
            if off is not None:
                percent, _, listed = off.value.partition("|")
                text += " " + w.piece("below_list", percent=percent, price=listed)
            clauses.append(text)
        rating = first("rating")
        if rating:
            value, _, count = rating.value.partition("|")
            clauses.append(w.piece("rated_by", rating=value, count=count) if count else w.piece("rated", rating=value))
        if clauses:
            sentence += ", " + ", ".join(clauses)
        described = [f.value for f in features if f.name != "title"]
        named = [f.value for f in features if f.name == "title" and f.matched]
        if described:
            sentence += "; " + w.piece("feature", feature=self._join(described))
        if named:
            sentence += "; " + w.piece("feature_title", feature=self._join(named))
        matched = list(dict.fromkeys(w.kind(f.kind) for f in facts if f.matched))
        tail = w.piece("tail_matched", kinds=self._join(matched)) if matched else w.piece("tail_unmatched")
        sentence += " — " + tail + "."
        return sentence[:1].upper() + sentence[1:]

    def _join(self, words: Sequence[str]) -> str:
        if len(words) <= 1:
            return "".join(words)
        return f"{', '.join(words[:-1])} {self.wording.piece('and')} {words[-1]}"


def said_by_noun(value: str, noun: str) -> bool:
    """Whether the item's noun already says a value ("bags" beside "handbag", "包" beside "手提包")."""
    return bool(value) and _singular(value.lower()).replace(" ", "") in noun.lower().replace(" ", "")


def _takes_an(phrase: str, vowels: str) -> bool:
    first = phrase.split()[0] if phrase.split() else ""
    if first.isupper() and len(first) > 1:  # spelt out: "an LED", "a USB cable"
        return first[0] in "AEFHILMNORSX"
    return first[:1].lower() in vowels


def repeated_phrases(text: str, n: int = 3) -> list[str]:
    """Phrases said twice in a reason.

    Any ``n``-word phrase, a two-word phrase with a word of 4+ letters ("beard oil ... beard oil"),
    or a content word of 4+ letters three times.
    """
    words = [_singular(w) for w in _tokens(text)]
    seen: set[tuple[str, ...]] = set()
    repeated: list[str] = []
    for size in (n, 2):
        seen = set()
        for i in range(len(words) - size + 1):
            gram = tuple(words[i : i + size])
            if size == 2 and not any(len(w) >= 4 and w.isalpha() for w in gram):
                continue
            phrase = " ".join(gram)
            if gram in seen and not any(phrase in r for r in repeated):
                repeated.append(phrase)
            seen.add(gram)
    counts: dict[str, int] = {}
    for word in words:
        if len(word) >= 4:
            counts[word] = counts.get(word, 0) + 1
    repeated += [w for w, c in counts.items() if c >= 3 and not any(w in r for r in repeated)]
    return repeated


def _supported_words(item: Item, request: Request, wording: Wording) -> set[str]:
    parts = [item.title, item.description, item.category, _display(item.category), item.brand, item.currency or ""]
    for name, value in item.attributes.items():
        if isinstance(value, tuple):
            parts.extend(str(v) for v in value)
        elif value is not None:
            parts.append(str(value))
            number = _number(value)
            if number is not None:
                parts.append(_format_number(number))
        parts.append(_display(name))
    if item.price is not None:
        parts.append(_format_number(float(item.price)))
        parts.append(f"{item.price:.2f}")
    parts.extend(request.history)
    parts.extend(f"{f.value.replace('|', ' ')} off list price" for f in _discount_fact(item))  # stop 46: "66% off"
    supported = _forms(_tokens(" ".join(parts))) | _forms(_tokens(" ".join(_display(p) for p in parts)))
    return supported | request.words(wording) | wording.neutral


def check_reason(
    reason: str,
    item: Item,
    request: Request,
    wording: Wording | None = None,
    vocabulary: Any = None,
) -> list[str]:
    """What keeps a reason from being shown; empty when every claim is grounded.

    Args:
        reason: The sentence.
        item: The item it is about.
        request: What the shopper asked for (their words, wishes, history).
        wording: The language's words (default: English).
        vocabulary: The catalogue's values (:class:`chatrec.truthfulness.KnownValues`), to also catch
            values that contradict the item's data; None skips that check.

    Returns:
        Problems, each starting with its kind: ``unsupported``, ``repeated``, ``contradicts
        request`` or ``contradicts item``.
    """
    wording = wording or Wording.load()
    problems: list[str] = []
    supported = _supported_words(item, request, wording)
    unsupported = [w for w in dict.fromkeys(_tokens(reason)) if not (_forms([w]) & supported)]
    if unsupported:
        problems.append(f"unsupported: {', '.join(unsupported[:6])}")
    repeated = repeated_phrases(reason)
    if repeated:
        problems.append(f"repeated: {'; '.join(repeated[:3])}")
    negated = request.negated(wording)
    against = [w for w in dict.fromkeys(_tokens(reason)) if _forms([w]) & negated]
    if against:
        problems.append(f"contradicts request: {', '.join(against[:4])} (the shopper said no)")
    if vocabulary is not None:
        from chatrec.truthfulness import find_contradictions

        own_type = set(_tokens(_display(item.category)))

        for problem in find_contradictions(reason, item, vocabulary, request.text):
            # The sentence's own words ("the brand you asked for") are no claim of a value.
            claimed = re.match(r"says '([^']+)'", problem)
            if claimed and all(w in wording.neutral for w in _tokens(claimed.group(1))):
                continue
            # Nor are the words of the item's own type ("gaming mice" for the category GamingMice).
            if claimed and set(_tokens(claimed.group(1))) <= own_type:
                continue
            problems.append(f"contradicts item: {problem}")
    return problems


def matched_facts_stated(reason: str, facts: Sequence[Fact]) -> list[Fact]:
    """The matched facts whose words the reason states (for the quality report)."""
    said = _forms(_tokens(reason))
    stated = []
    for fact in facts:
        if not fact.matched:
            continue
        words = [w for w in _tokens(fact.value.split("|")[0]) if len(w) > 1 or w.isdigit()]
        if words and all(_forms([w]) & said for w in words):
            stated.append(fact)
    return stated


#: Public names of the text helpers that :mod:`chatrec.answers` shares.
word_tokens = _tokens
singular = _singular
display_value = _display
type_noun = _noun
format_number = _format_number


# --- fact selection and distinct reasons (issue 13) ----------------------------------------

_MAIN_UNMATCHED = ("type", "colour", "brand", "gender", "price", "rating", "material", "season", "usage")


def select_facts(facts: Sequence[Fact], extra: int = 2) -> list[Fact]:
    """The facts a short reason states: every matched one, the type, and ``extra`` other main facts.

    The LLM writer is given these (the fact template says all facts); their order is kept.
    """
    chosen = [f for f in facts if f.matched]
    said_kinds = {f.kind for f in chosen}
    others = [f for f in facts if not f.matched and f.kind in _MAIN_UNMATCHED and f.kind not in said_kinds]
    others.sort(key=lambda f: _MAIN_UNMATCHED.index(f.kind))
    if "type" not in said_kinds:
        typed = [f for f in others if f.kind == "type"]
        chosen += typed[:1]
        others = [f for f in others if f.kind != "type"]
    chosen += others[:extra]
    keep = {id(f) for f in chosen}
    # Facts added later (a distinguishing name detail) stay at the end.
    return [f for f in facts if id(f) in keep]


def title_detail(item: Item, facts: Sequence[Fact], avoid: Iterable[str] = (), wording: Wording | None = None,
                 max_words: int = 2) -> Fact | None:
    """Words of the item's own name that no fact says and that ``avoid`` (other items' names) lacks.

    "Tonga Printed Dress" beside another blue dress gives ``Fact("feature", "title", "tonga printed")``,
    said as "with “Tonga Printed” in its name": it names what distinguishes the item.
    """
    wording = wording or Wording.load()
    said = _forms(w for f in facts for w in _tokens(f.value.replace("|", " ")))
    avoided = _forms(avoid)
    words: list[str] = []
    for word in item.title.replace("_", " ").split():  # as written: "10000mAh" is no "m Ah"
        token = word.strip("()[],;:.!?\"'").replace("’", "'")
        lower = token.lower()
        if (len(lower) < 2 or not lower.replace("'", "").replace("-", "").isalpha() or lower in wording.neutral
                or _forms([lower, lower.replace("-", ""), *_tokens(lower)]) & (said | avoided)):  # "T-shirt" of a tshirt
            if words and lower in _colour_words() and not _forms([lower]) & said and len(words) < max_words:
                words.append(token.capitalize())  # "Sea Blue", not "Sea": a colour's name is said whole
            if words:
                break  # a run of consecutive words only
            continue
        words.append(token if token.isupper() else token.capitalize() if token.islower() else token)
        if len(words) == max_words:
            break
    if not words:
        return None
    return Fact("feature", "title", " ".join(words), False)


def distinguishing_facts(facts_per_item: Sequence[list[Fact]], items: Sequence[Item],
                         write: Callable[[Sequence[Fact]], str], wording: Wording | None = None) -> list[list[Fact]]:
    """Fact lists whose sentences (by ``write``) differ between the items of one reply.

    An item whose sentence equals another's (two blue summer dresses for women without brand
    or price) gets a fact of its own name that the other's name lacks (:func:`title_detail`).
    """
    wording = wording or Wording.load()
    out = [list(f) for f in facts_per_item]
    sentences = [write(f).lower() for f in out]
    for i in range(len(out)):
        same = [j for j in range(len(out)) if j != i and sentences[j] == sentences[i]]
        if not same:
            continue
        # Words no other item of the reply has in its name first, then words the identical ones lack.
        others = [w for j in range(len(out)) if j != i for w in _tokens(items[j].title)]
        avoid = [w for j in same for w in _tokens(items[j].title)]
        detail = (title_detail(items[i], out[i], others, wording) or title_detail(items[i], out[i], avoid, wording)
                  or title_detail(items[i], out[i], (), wording))
        if detail is not None:
            out[i] = [*out[i], _as_brand(items[i], detail)]
            sentences[i] = write(out[i]).lower()
    return out


#: i12ag: whom a fashion title names before its product words ("Allen Solly Women Purple Sunglass").
_AUDIENCE = frozenset("men women boys girls kids unisex men's women's mens womens boy's girl's".split())


def _title_brand(item: Item) -> str:
    """The words of a fashion title before whom it is for ("Murcia" of "Murcia Women Party Rose Pink Bag"), or ""."""
    words = item.title.split()
    cut = next((n for n, w in enumerate(words[:4]) if w.lower().strip(",") in _AUDIENCE), None)
    return " ".join(words[:cut]) if cut else ""


def _only_in_make(item: Item, words: str) -> bool:
    """Stop 47: whether a colour word is in a brandless item's name only as its make's first word ("red" in "Red
    Tape Men Dark Brown Formal Shoes"): the colour asked for is not the item's."""
    make = "" if item.brand else _title_brand(item)
    word = words.lower()
    if not make or word not in _colour_words() or make.lower().split()[0] != word or make.lower() == word:
        return False
    rest = item.title.split()[len(make.split()):]
    return word not in {w.lower().strip(",()") for w in rest}


def _as_make(item: Item, fact: Fact) -> Fact:
    """Stop 43: a feature asked for that is the make a brandless item's name starts with ("citizen ones":
    "Citizen Men Black Dial Watch") as the brand asked for ("by Citizen", "the make you asked for"), not as
    "a feature in its name"."""
    make = "" if item.brand or fact.name != "title" else _title_brand(item)
    # the first word alone names the make ("citizen" of "Citizen Eco-Drive"), unless it is a colour: "a red dress"
    # asks for no "Red Tape" shoes
    first = [w for w in make.lower().split()[:1] if w not in _colour_words()]
    if make and fact.value.lower() in {make.lower(), *first} and gaps_round11.is_brand(make):
        return Fact("brand", "brand", make, fact.matched)
    return fact


def _as_brand(item: Item, detail: Fact) -> Fact:
    """i12ag: a name detail that is only the item's brand ("Murcia", "Allen Solly") as a brand fact
    ("by Murcia"), not as words of its name. The brand is the brand field, or, with none, the title's
    words before whom it is for ("Murcia Women Party Rose Pink Bag")."""
    brand = item.brand or _title_brand(item)
    if brand and gaps_round11.is_brand(brand) and detail.value.lower() in {brand.lower(), *brand.lower().split()[:1]}:  # i12bk
        return Fact("brand", "brand", brand, False)
    return detail
