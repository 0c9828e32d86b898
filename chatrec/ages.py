"""Ages a shopper states ("my 25 year old daughter", "she is 8", "12岁", "10 años", "8 Jahre alt").

The lexicon reads "daughter" as a girl and "nephew" as a boy; an age said beside the person
decides between the children's and the adults' values of the catalogue's audience field
(``Girls`` / ``Women``, ``Boys`` / ``Men``): a 25-year-old daughter shops in Women, a 12-year-old
nephew in Boys. Without a wished audience, a child's age with a word for a person asks for
children's items of either kind.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

__all__ = ["ADULT_FROM", "CHILD_UNTIL", "audience_for_age", "stated_age"]

ADULT_FROM = 16
CHILD_UNTIL = 13

_AGE = re.compile(
    r"(?<![\d.,])(\d{1,2})[\s-]*(?:years?|yrs?|yr)[\s-]*old\b"
    r"|(?<![\d.,])(\d{1,2})\s*y/?o\b"
    r"|\baged?\s+(\d{1,2})\b"
    r"|\b(?:he|she|they|who)(?:'s|\s+is|\s+are|\s+(?:just\s+)?turn(?:s|ed)?|\s+will\s+be)\s+(\d{1,2})(?![\d.,%]|\s*(?:inch|cm|kg|gb|feet|foot|ft|%))\b"
    r"|(\d{1,2})\s*(?:岁|周岁|歲)"
    r"|(?<![\d.,])(\d{1,2})\s+años\b"
    r"|(?<![\d.,])(\d{1,2})\s*(?:jahre\s+alt|-?jährig)",
    re.IGNORECASE,
)
_PERSON = re.compile(
    r"\b(?:he|she|him|her|kid|kids|child|children|son|daughter|nephew|niece|boy|girl|grandson|granddaughter|"
    r"baby|toddler|teen|teenager)\b|\byears?[\s-]*old\s*(?:$|[,.!?;]|and\b|who\b)|儿子|女儿|孩子|侄子|侄女|外甥|hij[oa]|sobrin[oa]|niñ[oa]|sohn|tochter|kind|neffe|nichte",
    re.IGNORECASE,
)
# children's value -> adults' value, by the usual catalogue spellings (matched case-insensitively)
_GROWN = {"boys": "men", "girls": "women"}


def stated_age(text: str) -> int | None:
    """The age the message states for a person, or None."""
    found = _AGE.search(text)
    if found is None:
        return None
    return int(next(group for group in found.groups() if group))


def audience_for_age(
    text: str, wished: Sequence[str], values: Iterable[str]
) -> list[str] | None:
    """The audience values for the age the message states, or None to leave the wish as it is.

    Args:
        text: The shopper's message.
        wished: The audience values wished now (this message's, else the ones in force).
        values: The catalogue's values of the audience field.
    """
    age = stated_age(text)
    if age is None:
        return None
    spelt: Mapping[str, str] = {value.lower(): value for value in values}
    grown = {child: adult for child, adult in _GROWN.items() if child in spelt and adult in spelt}
    if not grown:
        return None
    young = {adult: child for child, adult in grown.items()}
    if not wished:
        if age <= CHILD_UNTIL and _PERSON.search(text):
            return [spelt[child] for child in grown]
        return None
    if age >= ADULT_FROM:
        out = [spelt[grown.get(w.lower(), w.lower())] if w.lower() in spelt else w for w in wished]
    elif age <= CHILD_UNTIL:
        out = [spelt[young.get(w.lower(), w.lower())] if w.lower() in spelt else w for w in wished]
    else:
        return None
    out = list(dict.fromkeys(out))
    return None if sorted(out) == sorted(wished) else out
