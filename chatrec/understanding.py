"""Understanding a customer message: constraints, negations and intents, in the catalogue's words.

Attribute values are matched against the catalogue's own vocabulary (``retriever.values``):
"blue t-shirts for men" becomes ``baseColour=Blue, articleType=Tshirts, gender=Men`` on the
fashion catalogue, "usb cables" the category paths that contain ``USBCables`` on the Amazon
one. Prices ("under $50", "between 20 and 40", "less than 3000 rupees", "cheaper"), negations
("not red", "nothing from Nike") and intents ("just show me", "something else", "start over")
are recognised with small patterns. Nothing here needs a model.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from chatrec.text import fold, tokens
from chatrec.vocabulary import CatalogueVocabulary, is_categorical

__all__ = ["Match", "Understanding", "ValueMatcher", "Vocabulary", "normalise_tokens", "parse_price", "understand"]

#: Values never matched as constraints: too common as plain words in messages.
_STOP_VALUES = frozenset(
    {"", "a", "an", "the", "for", "and", "or", "of", "to", "in", "on", "with", "other", "others", "none",
     "na", "n/a", "any", "all", "yes", "no", "not", "it", "one", "new", "unknown", "misc", "item", "items"}
)
#: Head nouns too generic to stand for the values ending with them ("Skin Care", "Kurta Sets").
_GENERIC_HEADS = frozenset(
    {"care", "wear", "sets", "set", "item", "items", "pack", "combo", "product", "products", "accessory",
     "accessorie", "part", "kit", "tool", "thing", "other", "home", "type", "style", "size", "piece", "stuff",
     "peripheral", "supplie", "essential", "general", "unit", "device", "appliance"}
)
_NEGATORS = frozenset(
    {"not", "no", "nothing", "none", "without", "except", "excluding", "dont", "never", "hate", "avoid",
     "exclude", "nor", "neither", "non"}
)
#: Words that end the scope of a negation ("not red but blue").
_SCOPE_BREAKS = frozenset({"but", "instead", "rather", "prefer", "want", "like", "need", "love", "maybe"})
_PUNCT = frozenset({".", ",", ";", "!", "?"})

_CUR_BEFORE = r"(?:\$|₹|€|£|rs\.?\s?|inr\s?|usd\s?|eur\s?|gbp\s?)"
_CUR_AFTER = r"(?:\s?(?:dollars?|bucks|rupees?|rs\.?|inr|usd|euros?|eur|pounds?|gbp|\$|₹|€|£))"
_NUM = r"(\d[\d,]*(?:\.\d+)?)\s?(k\b)?"
_AMOUNT = rf"{_CUR_BEFORE}?\s?{_NUM}{_CUR_AFTER}?"
_PRICE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("range", re.compile(rf"\bbetween\s+{_AMOUNT}\s*(?:and|to|-)\s*{_AMOUNT}")),
    ("range", re.compile(rf"\bfrom\s+{_AMOUNT}\s*(?:to|-)\s*{_AMOUNT}")),
    ("range", re.compile(rf"{_CUR_BEFORE}\s?{_NUM}\s*(?:-|to)\s*{_AMOUNT}")),
    ("range", re.compile(rf"\b{_NUM}\s*(?:-|to)\s*{_NUM}{_CUR_AFTER}")),
    ("max", re.compile(
        rf"(?:\bunder|\bbelow|\bless than|\bcheaper than|\blower than|\bmax(?:imum)?|\bat most|\bup ?to|"
        rf"\bwithin|\bno more than|\bnot more than|\bbudget(?: of| is)?|<)\s*(?:of\s+)?{_AMOUNT}")),
    ("min", re.compile(
        rf"(?:\bover|\babove|\bmore than|\bat least|\bmin(?:imum)?|\bstarting at|>)\s*(?:of\s+)?{_AMOUNT}")),
    ("around", re.compile(
        rf"(?:\baround|\babout|\bapproximately|\broughly|~)\s*(?:{_CUR_BEFORE}\s?{_NUM}{_CUR_AFTER}?|{_NUM}{_CUR_AFTER})")),
]
_CHEAPER = re.compile(r"\b(cheaper|less expensive|lower price|more affordable|too expensive|too pricey|budget)\b")
_PRICIER = re.compile(r"\b(more expensive|pricier|higher end|high end|premium|too cheap|fancier)\b")
_RECOMMEND_NOW = re.compile(
    r"\b(just show|show me (?:some|something|anything|what|a few|options|them|results)|recommend|suggest|"
    r"surprise me|skip|no (?:more )?questions|whatever you (?:think|like|want)|go ahead|show (?:me )?(?:some )?"
    r"(?:options|results)|let me see|you (?:pick|choose|decide))"
)
_SOMETHING_ELSE = re.compile(
    r"\b(something else|anything else|other (?:options|ones|items|things)|different (?:ones|options|items)|"
    r"show (?:me )?more|more options|none of (?:these|those|them) (?:work|fit|please)|not (?:these|those)|"
    r"don'?t like (?:these|those|them|any)|next)\b"
)
_SHOW_AGAIN = re.compile(r"\b(show (?:me )?(?:those|them|the (?:first|previous|earlier) ones) again|go back to)\b")
_RESET = re.compile(r"\b(start over|start again|new search|forget (?:it|that|everything)|reset)\b")
_NO_PREFERENCE = re.compile(
    r"^\W*(any(?:thing)?|either|whatever|doesn'?t matter|does not matter|no preference|don'?t care|not sure|"
    r"all|any of (?:these|those|them)|i don'?t mind|up to you)\W*$"
)
_NONE_OF_THESE = re.compile(r"\b(none of (?:these|those|them|the above)|neither|something different)\b")


def _split_camel(text: str) -> str:
    # "USBCables" -> "USB Cables", "HomeTheater" -> "Home Theater"; "Tshirts" stays.
    text = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", text)
    return re.sub(r"(?<=[A-Z])(?=[A-Z][a-z]{2,})", " ", text)


def _singular(word: str) -> str:
    if len(word) <= 3 or not word.endswith("s") or word.endswith("ss") or word.isdigit():
        return word
    if re.search(r"(ch|sh|ss|x)es$", word):
        return word[:-2]
    return word[:-1]


def normalise_tokens(text: str, *, camel: bool = False) -> list[str]:
    """Lower-case word and punctuation tokens, singular, with "t-shirt" joined to "tshirt".

    Args:
        text: Any text (a message or a catalogue value).
        camel: Split CamelCase words first (for catalogue values such as ``USBCables``).

    Returns:
        Tokens; punctuation marks (``. , ; ! ?``) are kept as their own tokens.
    """
    if camel:
        text = _split_camel(text)
    text = fold(text).replace("&", " and ").replace("’", "'")
    text = re.sub(r"(?<=[a-z])'(?=[a-z])", "", text)  # don't -> dont
    text = re.sub(r"\bt[\s-]?shirt", "tshirt", text)
    text = re.sub(r"(?<=[a-z])-(?=[a-z])", "", text)  # hyphenated words become one
    return [_singular(token) for token in tokens(text, punctuation=True)]


@dataclass(frozen=True)
class Match:
    """A catalogue value found in a message.

    Attributes:
        values: Field to the catalogue values the words stand for (a path segment such as
            "cables" may stand for several category paths).
        start: First token of the match.
        end: One past the last token.
        surface: The words matched.
        negated: True when a negation governs the match ("not red").
    """

    values: dict[str, frozenset[str]]
    start: int
    end: int
    surface: str
    negated: bool = False


class ValueMatcher:
    """Finds the catalogue's values in a message: its categorical fields indexed by their normalised words.

    Built from the catalogue's vocabulary (:meth:`from_catalogue`); fields that are not
    categorical (:func:`chatrec.vocabulary.is_categorical`: ids, free text, numbers) are left out.

    Args:
        values: Field name (``category``, ``brand`` or an attribute) to a counter of its values.
        max_distinct: Fields with more distinct values than this are not matched (matching cost).
    """

    def __init__(self, values: Mapping[str, Counter[str]], max_distinct: int = 3000) -> None:
        self.counts: dict[str, Counter[str]] = {}
        self._surfaces: dict[tuple[str, ...], dict[str, set[str]]] = {}
        for name, counter in values.items():
            counter = Counter({str(v): c for v, c in counter.items() if str(v).strip()})
            if len(counter) > max_distinct or not is_categorical(name, counter):
                continue
            self.counts[name] = counter
            surfaces = {value: self._value_surfaces(value) for value in counter}
            for value, found in surfaces.items():
                for surface in found:
                    self._surfaces.setdefault(surface, {}).setdefault(name, set()).add(value)
            # The head noun of a multi-word value stands for all values sharing it ("charger":
            # WallChargers, AutomobileChargers), unless the field has that word as a value.
            exact = {surface for found in surfaces.values() for surface in found if len(surface) == 1}
            for value, found in surfaces.items():
                for surface in found:
                    head = surface[-1:]
                    if (
                        len(surface) > 1 and head not in exact and len(head[0]) >= 4
                        and head[0] not in _GENERIC_HEADS and not head[0].isdigit()
                    ):
                        self._surfaces.setdefault(head, {}).setdefault(name, set()).add(value)
        self.max_len = max((len(s) for s in self._surfaces), default=0)

    @classmethod
    def from_catalogue(cls, vocabulary: CatalogueVocabulary) -> ValueMatcher:
        """The matcher of a catalogue's vocabulary."""
        return cls(vocabulary.counts)

    @staticmethod
    def _value_surfaces(value: str) -> set[tuple[str, ...]]:
        parts = [value]
        if "|" in value or " > " in value or "/" in value:
            parts = [part for part in re.split(r"\s*(?:\||>|/)\s*", value) if part]
        surfaces = set()
        for part in parts:
            for camel in (False, True):
                tokens = tuple(t for t in normalise_tokens(part, camel=camel) if t not in _PUNCT)
                if camel and any(len(t) == 1 for t in tokens):
                    continue  # "iPhone" is not "i phone"
                if tokens and " ".join(tokens) not in _STOP_VALUES and len(" ".join(tokens)) > 1:
                    surfaces.add(tokens)
        return surfaces

    @property
    def fields(self) -> list[str]:
        """The fields whose values can be matched and asked about."""
        return list(self.counts)

    def distinct(self, name: str) -> int:
        """How many distinct values a field has (0 for an unknown field)."""
        return len(self.counts.get(name, ()))

    def canonical(self, name: str, text: str) -> str | None:
        """The catalogue's spelling of ``text`` as a value of ``name``, or None."""
        wanted = tuple(t for t in normalise_tokens(text) if t not in _PUNCT)
        for value in self.counts.get(name, ()):
            if value.lower() == text.strip().lower():
                return value
        for value in self.counts.get(name, ()):
            if wanted in self._value_surfaces(value):
                return value
        return None

    def _coverage(self, name: str, values: set[str]) -> int:
        counts = self.counts[name]
        return sum(counts[value] for value in values)

    def find(self, tokens: list[str]) -> list[Match]:
        """Longest non-overlapping matches of catalogue values in normalised tokens.

        When the same words are values of several fields, the field whose matched values
        cover the most items is kept (then the one with the fewest distinct values):
        constraining too little is safer than too much.
        """
        matches: list[Match] = []
        taken = [False] * len(tokens)
        for length in range(min(self.max_len, len(tokens)), 0, -1):
            for start in range(len(tokens) - length + 1):
                if any(taken[start:start + length]):
                    continue
                key = tuple(tokens[start:start + length])
                found = self._surfaces.get(key)
                if not found:
                    continue
                name = min(found, key=lambda f: (-self._coverage(f, found[f]), self.distinct(f), f))
                matches.append(Match({name: frozenset(found[name])}, start, start + length, " ".join(key)))
                for position in range(start, start + length):
                    taken[position] = True
        return sorted(matches, key=lambda m: m.start)


#: The former name of :class:`ValueMatcher`.
Vocabulary = ValueMatcher


@dataclass
class Understanding:
    """What one customer message asks for.

    Attributes:
        include: Field to values wanted (a field named here replaces the earlier wish).
        exclude: Field to values not wanted.
        min_price: Lowest price wanted, or None.
        max_price: Highest price wanted, or None.
        relative_price: ``"cheaper"`` or ``"pricier"`` than what was shown, or None.
        wants_recommendations: The customer asked to see items now.
        something_else: The customer rejected what was shown.
        show_again: The customer asked to see earlier items again.
        reset: The customer started over.
        no_preference: The customer has no preference on the pending question.
        answered: The attribute of the pending question the message answered, or None.
        query: The message without negated words and prices, for retrieval.
    """

    include: dict[str, set[str]] = field(default_factory=dict)
    exclude: dict[str, set[str]] = field(default_factory=dict)
    min_price: float | None = None
    max_price: float | None = None
    relative_price: str | None = None
    wants_recommendations: bool = False
    something_else: bool = False
    show_again: bool = False
    reset: bool = False
    no_preference: bool = False
    answered: str | None = None
    query: str = ""

    def summary(self) -> dict[str, object]:
        """A JSON-able view, for reply metadata."""
        return {
            "include": {k: sorted(v) for k, v in self.include.items()},
            "exclude": {k: sorted(v) for k, v in self.exclude.items()},
            "min_price": self.min_price,
            "max_price": self.max_price,
            "relative_price": self.relative_price,
            "wants_recommendations": self.wants_recommendations,
            "something_else": self.something_else,
        }


def _amount(number: str | None, thousand: str | None) -> float | None:
    if not number:
        return None
    value = float(number.replace(",", ""))
    return value * 1000 if thousand else value


def parse_price(text: str) -> tuple[float | None, float | None, list[tuple[int, int]]]:
    """Find a price range in a message.

    Returns:
        ``(min_price, max_price, spans)``: the bounds (None when not said) and the character
        spans of the words that said them.
    """
    lowered = text.lower()
    low = high = None
    spans: list[tuple[int, int]] = []
    for kind, pattern in _PRICE_PATTERNS:
        for found in pattern.finditer(lowered):
            if any(s <= found.start() < e for s, e in spans):
                continue
            groups = [g for g in found.groups()]
            if kind == "range":
                a = _amount(groups[0], groups[1])
                b = _amount(groups[2], groups[3])
                if a is None or b is None:
                    continue
                low, high = min(a, b), max(a, b)
            elif kind == "max":
                high = _amount(groups[0], groups[1])
            elif kind == "min":
                low = _amount(groups[0], groups[1])
            else:
                numbers = [g for g in groups[0::2] if g]
                thousands = [g for g in groups[1::2]]
                value = _amount(numbers[0], next((t for t in thousands if t), None)) if numbers else None
                if value is None:
                    continue
                low, high = value * 0.8, value * 1.2
            spans.append(found.span())
    return low, high, spans


def _negated(tokens: list[str], start: int, window: int = 4) -> bool:
    for position in range(start - 1, max(-1, start - 1 - window), -1):
        token = tokens[position]
        if token in _PUNCT or token in _SCOPE_BREAKS:
            # "anything but red" and "don't want red" negate; "not red but blue" does not.
            before = tokens[position - 1] if position > 0 else ""
            if token == "but":
                return before in {"anything", "everything"}
            return token not in _PUNCT and before in _NEGATORS
        if token in _NEGATORS:
            return True
        if token == "than" and position > 0 and tokens[position - 1] == "other":
            return True
    return False


def understand(
    message: str,
    vocabulary: ValueMatcher,
    *,
    pending: tuple[str, list[str]] | None = None,
) -> Understanding:
    """Read the constraints and intents of one customer message.

    Args:
        message: The customer's words.
        vocabulary: The catalogue's values.
        pending: The attribute and options of the question asked last turn, if any: an
            option typed back, "any" or "none of these" answer it.

    Returns:
        The constraints named (in the catalogue's spelling), negations, price bounds, intents
        and the text to retrieve with.
    """
    result = Understanding()
    lowered = message.lower().strip()
    low, high, spans = parse_price(lowered)
    result.min_price, result.max_price = low, high
    if low is None and high is None:
        if _CHEAPER.search(lowered):
            result.relative_price = "cheaper"
        elif _PRICIER.search(lowered):
            result.relative_price = "pricier"
    without_prices = lowered
    for start, end in sorted(spans, reverse=True):
        without_prices = without_prices[:start] + " , " + without_prices[end:]

    result.reset = bool(_RESET.search(lowered))
    result.show_again = bool(_SHOW_AGAIN.search(lowered))
    result.something_else = bool(_SOMETHING_ELSE.search(lowered)) and not result.show_again
    result.wants_recommendations = bool(_RECOMMEND_NOW.search(lowered)) or result.something_else

    if pending is not None:
        attribute, options = pending
        exact = next((o for o in options if o.lower() == lowered.strip(" .!")), None)
        if exact is not None:
            result.include[attribute] = {exact}
            result.answered = attribute
            result.query = exact
            return result
        if _NO_PREFERENCE.search(lowered):
            result.no_preference = True
            result.answered = attribute
            return result

    tokens = normalise_tokens(without_prices)
    matches = vocabulary.find(tokens)
    removed: set[int] = set()
    for match in matches:
        negated = _negated(tokens, match.start)
        target = result.exclude if negated else result.include
        for name, values in match.values.items():
            target.setdefault(name, set()).update(values)
        if negated:
            removed.update(range(match.start, match.end))
    for name, unwanted in result.exclude.items():
        if name in result.include:
            result.include[name] -= unwanted
            if not result.include[name]:
                del result.include[name]
    if pending is not None:
        attribute, options = pending
        if attribute in result.include:
            result.answered = attribute
        elif _NONE_OF_THESE.search(lowered):
            result.exclude.setdefault(attribute, set()).update(options)
            result.answered = attribute
            result.something_else = False
            result.wants_recommendations = bool(_RECOMMEND_NOW.search(lowered))
    words = [
        t for i, t in enumerate(tokens)
        if i not in removed and t not in _PUNCT and t not in _NEGATORS
    ]
    result.query = " ".join(words)
    return result

