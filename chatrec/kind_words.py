"""i12v: a shopper's word for a kind of product keeps the search to the product types it names.

"Black sneakers for women" is read as the subcategory Shoes, which also holds heels and flats; a
question asked then offered "Heels" and "Flats", which do not fit what the shopper said. The
kinds of ``prompts/kind_words.json`` say which product types a word can mean ("sneakers": sports
and casual shoes); :func:`narrowed` adds those types of the catalogue to the request, so the items
and the question's quick replies come from candidates that match the wish. A product word after
"for" ("a cable for my phone") names a purpose, and a product type read from the message that is
of another family (USB cables) is kept as it is.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from chatrec.errors import PromptError

if TYPE_CHECKING:
    from chatrec.request import ShopperRequest

__all__ = ["Kind", "kind_said", "load_kinds", "matching_types", "narrowed", "purpose_of", "refuses_kind"]

_HAN = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True)
class Kind:
    """Words for one kind of product and the product-type names it covers (singular, lower case)."""

    words: tuple[str, ...]
    types: tuple[str, ...]


@lru_cache(maxsize=4)
def load_kinds(prompts_dir: str | None = None) -> tuple[tuple[Kind, ...], tuple[str, ...]]:
    """The kinds and the purpose words ("for my") of ``prompts/kind_words.json`` (read once).

    Raises:
        PromptError: The file is missing or malformed.
    """
    from chatrec.prompting import default_prompts_dir

    path = Path(prompts_dir or default_prompts_dir()) / "kind_words.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        kinds = tuple(Kind(tuple(w.lower() for w in k["words"]), tuple(t.lower() for t in k["types"]))
                      for k in data["kinds"])
        return kinds, tuple(str(p).lower() for p in data["purpose"])
    except (OSError, json.JSONDecodeError, KeyError, TypeError, AttributeError) as exc:
        raise PromptError(f"cannot read the kind words in {path}: {exc}") from exc


def _plain(value: str) -> str:
    """A catalogue value as singular lower-case words: "SportsShoes" / "Sports Shoes" -> "sports shoe"."""
    from chatrec.grounding import singular
    from chatrec.text import tokens

    spaced = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", value)
    return " ".join(singular(w) for w in tokens(spaced))


#: Stop 51: the words before a device a thing does something to ("something to protect my", "a thing that holds my").
_DONE_TO = re.compile(r"\b(?:something|thing|gadget|device|anything|stuff|tool)\b.*\b(?:to|that|which|can|will)\s+"
                      r"(?!(?:be|go|use|buy|get|have|replace|upgrade)\b)[a-z]+\s+(?:my|his|her|our|their|your)$")


def kind_said(message: str) -> Kind | None:
    """The kind of product the message names for itself (not after "for": "a cable for my phone"), or None."""
    found = _kind_and_word(message)
    return found[0] if found is not None else None


def _kind_and_word(message: str) -> tuple[Kind, str] | None:
    """The kind the message names for itself (see :func:`kind_said`) and the word naming it, or None."""
    text = message.lower()
    kinds, purpose = load_kinds()
    for kind in kinds:
        for word in sorted(kind.words, key=len, reverse=True):
            pattern = re.escape(word) if _HAN.search(word) else rf"(?<![\w-]){re.escape(word)}(?![\w-])"
            for found in re.finditer(pattern, text):
                before = text[: found.start()].rstrip()
                if any(before.endswith(p) for p in purpose) or _DONE_TO.search(before):
                    continue
                return kind, word
    return None


def matching_types(kind: Kind, values: Sequence[str]) -> list[str]:
    """The values (product types) whose names hold one of the kind's type names."""
    names = [_plain(t) for t in kind.types]
    return [v for v in values if any(re.search(rf"(?<![a-z]){re.escape(t)}(?![a-z])", _plain(v)) for t in names)]


def _same_family(value: str, types: Sequence[str]) -> bool:
    """Whether a product type shares its head noun with one of these ("Formal Shoes" and "Sports Shoes")."""
    head = _plain(value).split()[-1:] or [""]
    return any(_plain(t).split()[-1:] == head for t in types)


def narrowed(heard: ShopperRequest, message: str, type_values: Mapping[str, Sequence[str]]) -> ShopperRequest:
    """The request kept to the product types the shopper's kind word names.

    ``type_values`` gives each product-type field of the catalogue its values. For each field
    with values of the kind: a value read of the same family that is not of the kind ("Shoes",
    "Formal Shoes" for "sneakers") gives way to the kind's values; values read of the kind are
    kept; a type of another family read from the message (USB cables for "a cable for my
    phone") leaves the request as it is.
    """
    if heard.intent not in ("recommend", "refine", "more_like", "answer"):
        return heard
    said = _kind_and_word(message)
    if said is None:
        return heard
    kind, word = said
    include = dict(heard.include)
    fitting_fields = {name: matching_types(kind, values) for name, values in type_values.items()}
    fitting_fields = {name: values for name, values in fitting_fields.items() if values}
    if not fitting_fields:
        return heard
    # Only the finest type field (the most values: articleType, not subCategory): a grouping such as
    # "Headphones, earbuds & accessories" also holds what the word does not mean.
    finest = max(fitting_fields, key=lambda name: len(type_values[name]))
    of_kind = {v for values in fitting_fields.values() for v in values}  # "Headphones, earbuds & accessories" too
    fitting_fields = {finest: fitting_fields[finest]}
    from chatrec.gaps_round10 import refused_kind  # i12bg: "no sneakers either" is no wish for sneakers

    # stop 51: a kind word that is one of the kind's types ("smartphone" of phones) turns that type down alone: "not a
    # smartphone" of keypad phones turned every phone down
    named = [t for t in kind.types if _plain(t) == _plain(word)]
    refusing = matching_types(Kind(kind.words, tuple(named)), fitting_fields[finest]) if named else []
    if (refused := refused_kind(heard, type_values, finest, refusing or fitting_fields[finest], of_kind,
                                _same_family)) is not None:
        return refused
    if refuses_kind(message) and not any(heard.include.get(name) for name in fitting_fields):
        # stop 51: "no sneakers" in answer to "which category?" of men's shoes wished sports and casual shoes
        turned_down = refusing or fitting_fields[finest]
        exclude = {**heard.exclude, finest: list(dict.fromkeys([*heard.exclude.get(finest, []), *turned_down]))}
        return heard.model_copy(update={"exclude": exclude})
    for name, read in heard.include.items():
        if name in type_values and name not in fitting_fields and read:
            kinds_of = [v for values in fitting_fields.values() for v in values]
            if not any(v in of_kind or _same_family(v, kinds_of) for v in read):
                return heard  # another kind of product was read ("USB cables"): the word is no wish
    for name, values in fitting_fields.items():
        read = list(heard.include.get(name, ()))
        kept = [v for v in read if v in values]
        if kept:
            include[name] = kept
        elif not read or all(_same_family(v, values) for v in read):
            include[name] = list(values)
        else:
            return heard
    return heard.model_copy(update={"include": include})


_PURPOSE = re.compile(r"[,;]?\s*\b(?:for|para|für|fuer)\s+(?:(?:my|the|our|his|her|mi|mis|el|la|mein|meinen|meine|den|die|das)\s+)?",
                      re.IGNORECASE)


def purpose_of(
    heard: ShopperRequest, message: str, reread: Callable[[str], ShopperRequest], earlier: Sequence[str],
    type_names: Sequence[str],
) -> ShopperRequest:
    """i12v: "hdmi, for my tv" after "I need a cable": the product is the HDMI cable, the TV its purpose.

    When the product type read from the message comes only from the words after "for (my)", and the
    words before it, with the shopper's earlier search words (``earlier``: "cable"), read as another
    product type, that type is the wish. ``reread`` reads a text alone. Any other request is
    returned as it is ("a remote for my tv" reads as remotes already).
    """
    if heard.intent not in ("recommend", "refine"):
        return heard
    found = _PURPOSE.search(message)
    if found is None:
        return heard
    head, tail = message[: found.start()].strip(" ,;"), message[found.end():]
    read = {n: sorted(v) for n, v in heard.include.items() if n in type_names and v}
    if not head or not read:
        return heard
    if {n: sorted(v) for n, v in reread(tail).include.items() if n in type_names and v} != read:
        return heard  # the type was not read from the purpose alone
    if {n: v for n, v in reread(head).include.items() if n in type_names and v}:
        return heard  # the words before "for" name a product on their own: the reading stands
    said = " ".join(earlier)
    own: dict[str, list[str]] = {}
    for text in [f"{head} {said}", *(f"{word} {said}" for word in head.split())]:  # "the hdmi kind" + "cable"
        own = {n: sorted(v) for n, v in reread(text).include.items() if n in type_names and v}
        if own:
            break
    if not own or own == read:
        return heard
    include = {n: v for n, v in heard.include.items() if n not in type_names}
    include.update(own)
    return heard.model_copy(update={"include": include})


def refuses_kind(message: str) -> bool:
    """Stop 49: whether the message turns down a kind word (``prompts/kind_words.json``: "not sneakers", "no
    trainers") that the rules read as a broader type the shopper may also ask for ("shoes, not sneakers")."""
    pattern = _refused_kind_pattern()
    return pattern is not None and pattern.search(message.lower()) is not None


@lru_cache(maxsize=1)
def _refused_kind_pattern() -> re.Pattern[str] | None:
    words = sorted({w for kind in load_kinds()[0] for w in kind.words if w.isascii()}, key=len, reverse=True)
    if not words:
        return None
    kinds = "|".join(re.escape(w) for w in words)
    return re.compile(rf"\b(?:not|no|aren'?t|isn'?t|without|never|nor)\b(?:\s+(?:any|a|an|the|more|really))*\s+(?:{kinds})\b")
