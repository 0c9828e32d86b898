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

ADULT_FROM = 18
CHILD_UNTIL = 15

_AGE = re.compile(
    r"(?<![\d.,])(\d{1,2})[\s-]*(?:years?|yrs?|yr)[\s-]*old\b"
    r"|\((?:he|she)'?s (\d{1,2})\)"
    r"|(?<![\d.,])(\d{1,2})\s*y/?o\b"
    r"|\baged?\s+(\d{1,2})\b"
    r"|\bturn(?:s|ed|ing)?\s+(?:just\s+)?(\d{1,2})(?!\s*(?:th|st|nd|rd|degrees?|%))\b"
    # stop 50: "my daughter is 25" as "she is 25"
    r"|\b(?:he|she|they|who|son|daughter|boy|girl|nephew|niece|grandson|granddaughter|kid|child"
    # stop 61: "my grandma is 80", "my dad is 60"
    r"|mom|mum|mother|dad|father|wife|husband|grandma|grandpa|grandmother|grandfather|granny|nana|brother|sister)"
    r"(?:'s|s|\s+is|\s+are|\s+(?:just\s+)?turn(?:s|ed|ing)?|\s+will\s+be)\s+"
    r"(?:just |nearly |almost |about )?(\d{1,2})(?![\d%]|[.,]\d|\s*(?:inch|cm|kg|gb|feet|foot|ft|%))\b"
    r"|(\d{1,2})\s*(?:岁|周岁|歲)"
    r"|(?<![\d.,])(\d{1,2})\s+años\b"
    r"|(?<![\d.,])(\d{1,2})\s*(?:jahre\s+alt|-?jährig)"
    r"|\b(?:er|sie)\s+(?:ist|wird)\s+(\d{1,2})(?![\d%]|[.,]\d|\s*(?:euro|€|cm|kg|zoll|%))\b",
    re.IGNORECASE,
)
_PERSON = re.compile(
    r"\b(?:he|she|him|her|kid|kids|child|children|son|daughter|nephew|niece|boy|girl|grandson|granddaughter|"
    r"baby|toddler|teen|teenager)\b|\byears?[\s-]*old\s*(?:$|[,.!?;]|and\b|who\b)|儿子|女儿|孩子|侄子|侄女|外甥|hij[oa]|sobrin[oa]|niñ[oa]|sohn|tochter|kind|neffe|nichte",
    re.IGNORECASE,
)
# a life stage said instead of an age
_ADULT = re.compile(r"\b(?:university|uni|college|graduat\w*|his job|her job|new job|the office|retired|retirement|married)\b")
_CHILD = re.compile(r"\b(?:little|toddler|nursery|primary school|starting school|kindergarten|teen\w*)\b")
_WORDS = {
    word: number for number, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split())
}
_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90})
_NUMBER_WORDS = re.compile(
    rf"\b({'|'.join(sorted(_WORDS, key=len, reverse=True))})(?:[- ]({'|'.join(list(_WORDS)[1:10])}))?\b(?= year|\W*$|\W)",
    re.IGNORECASE,
)
# children's value -> adults' value, by the usual catalogue spellings (matched case-insensitively)
_GROWN = {"boys": "men", "girls": "women"}


def stated_age(text: str) -> int | None:
    """The age the message states for a person, or None."""
    found = _AGE.search(_NUMBER_WORDS.sub(_as_digits, text))
    if found is None:
        return None
    return int(next(group for group in found.groups() if group))


def _as_digits(found: re.Match[str]) -> str:
    """"eleven", "twenty-five" as digits."""
    tens, units = found.group(1).lower(), (found.group(2) or "").lower()
    return str(_WORDS[tens] + (_WORDS[units] if units else 0))


def _life_stage_age(text: str) -> int | None:
    """An age standing for the life stage said ("off to university": an adult, "my little one": a child)."""
    if _ADULT.search(text):
        return ADULT_FROM
    if _CHILD.search(text):
        return CHILD_UNTIL
    return None


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
        age = _life_stage_age(text.lower())
        if age is None or not wished:
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
