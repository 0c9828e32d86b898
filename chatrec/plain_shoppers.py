"""Plain English turns the rules still misread (issue 12, held-out set 31).

Blind set 31 (budgets said in unusual ways, slang, glued words, attacks and goodbyes) showed
classes of turns that :mod:`chatrec.understanding` and the English steps after it
(:mod:`chatrec.informal`, :mod:`chatrec.english_shoppers`, :mod:`chatrec.mixed_turns`,
:mod:`chatrec.everyday_english`) read wrong. Two steps correct them by class, never by sentence;
their words are in ``chatrec/data/plain_shoppers.json``. See
``docs/UNDERSTANDING_PLAIN_SHOPPERS.md``.

:func:`normalise` rewrites the English message before the rules read it:

- a fraction of a money unit ("half a lakh", "quarter of a grand", "three quarters of a lakh")
  is the number it stands for ("one and a half lakh" is left to the budget parser);
- idioms saying the price is too high ("cost an arm and a leg", "daylight robbery", "a rip
  off") read as "too expensive", and turned round ("won't break the bank") as "cheap";
- British "dearer" / "the dearest" is "pricier" / "the priciest";
- a shopping adjective or value word written glued to a product word ("bluejeans",
  "wirelessmouse", "samsungphone") is split in two.

:func:`adjust` corrects the request after the rules:

- liking none of the shown items ("I don't fancy any of these", "not feeling any of them"): a
  rejection;
- "the green dotty one": a describing word the catalogue lacks between a value and "one" is left
  out to find the shown item meant;
- a role-play game ("let's play a game, you are a pirate and I am your captain", "you are a
  doctor and I am your patient"): off topic when it carries no wish;
- a goodbye, alone or with a word of address ("ta ra love", "laters", "take care"), and short
  remarks closing a thought ("nvm", "sorry wrong chat", "love you"): chit-chat;
- asking the assistant to perform ("sing me a song", "can you keep a secret") or what it is ("are
  you chatgpt"), and questions about the shop's premises ("do you have a store in Delhi"): off
  topic when they carry no wish.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from chatrec.request import ItemReference, ShopperRequest
from chatrec.text import alternation, word_table

__all__ = ["adjust", "normalise"]


def _table() -> dict[str, Any]:
    return word_table("plain_shoppers")  # read once per process (chatrec.text.word_table)


_alternatives = alternation  # one literal-word alternation for every English step (chatrec.text)


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    table = _table()
    verbs = _alternatives(table["like_none_verbs"])
    amount = (
        r"(?P<amount>(?:rs\.?|inr|[₹$£€])?\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:k|grand|thousand|lakhs?|rs\.?|rupees|bucks|"
        r"quid|dollars|pounds|euros)\b)?)"
    )
    numbers = _alternatives(table["number_words"])
    return {
        "couple": re.compile(
            rf"\b(?:{_alternatives(table['couple'])}) (?P<unit>hundred|thousand|grand|k|lakhs?)\b"
            # "a couple thousand higher": a step in price, the informal reader's
            r"(?!\s*(?:rupees|rs\.?|bucks|quid|dollars|pounds|euros)?\s*(?:more|higher|lower|less|extra|cheaper|"
            r"pricier|over|above|below|up|down|on top)\b)",
            re.IGNORECASE,
        ),
        # "two grand", "15 thou": the budget parser's "thousand"
        "grand": re.compile(rf"\b(?P<number>\d+(?:\.\d+)?|{numbers}) (?:grand|thou)\b", re.IGNORECASE),
        "no_dearer_than": re.compile(
            r"\b(?:no|not|nothing|none) (?:more expensive|pricier|dearer|costlier|more pricey) than\b", re.IGNORECASE
        ),
        "less_dear_than": re.compile(r"\b(?:less expensive|less pricey|less costly|less dear) than\b", re.IGNORECASE),
        "dearer_than": re.compile(
            r"\b(?:more expensive|dearer|costlier|more pricey) than\b(?=\s*(?:rs\.?|inr|[₹$£€])?\s*\d)", re.IGNORECASE
        ),
        "limit": re.compile(
            rf"{amount} (?:is|'s|will be|would be|is going to be) (?:my|the|our|me|the absolute) "
            rf"(?:{_alternatives(table['limit_words'])})\b",
            re.IGNORECASE,
        ),
        "about_before": re.compile(
            rf"\b(?:{_alternatives(table['about_words'])})(?=\s*(?:rs\.?|inr|[₹$£€])?\s*\d)", re.IGNORECASE
        ),
        "about_after": re.compile(
            rf"(?<![\w.,]){amount}\s?(?:{_alternatives(table['about_after'])})(?![\w-])", re.IGNORECASE
        ),
        # "half a lakh", "quarter of a grand"; not "one and a half lakh" (the budget parser's)
        "fraction": re.compile(
            rf"(?<!\band )(?<!\band a )\b(?:a |one )?(?P<part>{_alternatives(table['fractions'])})"
            rf"(?: of)?(?: a| an| one)? (?P<unit>{_alternatives(table['units'])})\b",
            re.IGNORECASE,
        ),
        "not_too_expensive": re.compile(rf"\b(?:{_alternatives(table['not_too_expensive'])})\b", re.IGNORECASE),
        "too_expensive": re.compile(rf"\b(?:{_alternatives(table['too_expensive'])})\b", re.IGNORECASE),
        "dearer": re.compile(r"\bdearer\b", re.IGNORECASE),
        "dearest": re.compile(r"\b(?P<the>the|this|that) dearest\b", re.IGNORECASE),
        "glued": re.compile(r"\b[a-z]{7,}\b", re.IGNORECASE),
        "like_none": re.compile(
            rf"\b(?:do ?n[o']?t|didn'?t|not|never) (?:really |much |quite |exactly |actually |even )?"
            rf"(?:{verbs})(?:s|ing|ed)?(?: (?:much|really))? (?:any|either|one|a single one) (?:of )?"
            r"(?:these|those|them|em|'em|the lot|this lot|that lot|the ones? (?:you )?(?:showed|sent))\b",
            re.IGNORECASE,
        ),
        "extra_word": re.compile(r"\bthe (?P<value>[a-z]+) (?P<word>[a-z]+) (?P<noun>ones?|pair)\b", re.IGNORECASE),
        # "that 1st watch": the ordinal after "that"/"this" as after "the"
        "this_ordinal": re.compile(
            r"\b(?:that|this) (?=(?:\d(?:st|nd|rd|th)|first|second|third|fourth|fifth|last|middle)\b)", re.IGNORECASE
        ),
        "number_word": re.compile(
            r"\b(?P<lead>number|no\.?|#) ?(?P<word>one|two|three|four|five|six)\b", re.IGNORECASE
        ),
        "from_end": re.compile(
            r"\b(?:the )?(?P<ordinal>first|1st|second|2nd|third|3rd|fourth|4th) (?:from|to) (?:the )?(?:"
            rf"{_alternatives(table['list_ends'])})(?: one)?\b",
            re.IGNORECASE,
        ),
        "all_but": re.compile(rf"\b(?:{_alternatives(table['all_but'])}) (?P<rest>(?:the |that |those )?[\w-]+(?: [\w-]+)?)",
                              re.IGNORECASE),
        "more_like": re.compile(r"\b(?:more|similar|like (?:them|those|these|that)|the same)\b", re.IGNORECASE),
        "role_play": re.compile(
            rf"\b(?:{_alternatives(table['role_play'])})\b|"
            r"\byou(?:'re| are|re| r) (?:now )?(?:a|an|my|the) [a-z]+(?: [a-z]+)? and i(?:'m| am|m| will be) "
            r"(?:a|an|your|the)\b",
            re.IGNORECASE,
        ),
        "perform": re.compile(
            rf"^\W*(?:(?:can|could|will|would|do|pls|please) )?(?:you |u |ya )?(?:please |pls )?"
            rf"(?:{_alternatives(table['perform_verbs'])})\b",
            re.IGNORECASE,
        ),
        "identity": re.compile(
            rf"^\W*(?:are|r) (?:you|u|ya) (?:actually |really |even |just )?(?:{_alternatives(table['assistant_identity'])})\W*$",
            re.IGNORECASE,
        ),
        "premises": re.compile(
            rf"\b(?:do|have|got) (?:you|u|ya)(?: guys)? (?:have|got)? ?(?:a|an|any)? ?(?:{_alternatives(table['premises'])})\b"
            rf"|\bwhere(?:'s| is| are)? (?:your|ur|the) (?:{_alternatives(table['premises'])})\b"
            rf"|^\W*(?:got|any) (?:any |a )?(?:{_alternatives(table['premises'])})\b",
            re.IGNORECASE,
        ),
        "closing": re.compile(
            rf"^\W*(?:(?:ok(?:ay)?|sorry|oops|whoops|oh|ah)\W+)?(?:{_alternatives(table['closing_remarks'])})\W*(?:x+|lol|haha)?\W*$",
            re.IGNORECASE,
        ),
        "goodbye": re.compile(
            rf"^(?:(?:ok(?:ay)?|right|well|anyway|thanks|thank you|cheers)\W+)?(?:{_alternatives(table['goodbyes'])})"
            rf"(?:\W+(?:{_alternatives(table['address_words'])}))*\W*$",
            re.IGNORECASE,
        ),
    }


def _money(amount: str) -> bool:
    """Whether an amount is money: a currency or unit is said, or the number is 100 or more
    ("3 odd socks", "size 9 or so" are no budgets)."""
    if re.search(r"[^\d\s.,]", amount):
        return True
    digits = amount.replace(",", "").strip()
    try:
        return float(digits) >= 100
    except ValueError:
        return False


def _about_after(found: re.Match[str]) -> str:
    """"1500 odd", "30k give or take": about the amount; the end of a range or an amount already
    said to be approximate ("around 20-25k give or take") keeps its own reading."""
    amount = found.group("amount")
    if not _money(amount):
        return found.group(0)
    before = found.string[:found.start()]
    if re.search(r"(?:-|\bto|\band|\babout|\baround|\bapprox\.?|\bapproximately|\broughly)\s*$", before, re.IGNORECASE):
        return amount
    return f"about {amount}"


def _couple(found: re.Match[str]) -> str:
    unit = found.group("unit").lower()
    return "2 " + ("thousand" if unit in ("grand", "k") else unit)  # the unit word keeps it a budget


def _fraction(found: re.Match[str]) -> str:
    table = _table()
    part = table["fractions"][found.group("part").lower()]
    unit = table["units"][found.group("unit").lower()]
    return f"{part * unit / 1000:g}k"  # "50k", "0.25k": the unit keeps it a budget ("a tv for half a lakh")


def _split_glued(token: str, vocabulary: Any, lexicon_words: frozenset[str]) -> str:
    """A word made of two known words written together ("bluejeans"), split; else the word."""
    from chatrec.understanding import _is_word, _singular

    lowered = token.lower()
    value_words = frozenset(getattr(vocabulary, "value_words", frozenset()))
    if lowered in value_words or _singular(lowered) in value_words or lowered in lexicon_words \
            or _singular(lowered) in lexicon_words or _is_word(lowered) or not lowered.isascii():
        return token
    known = value_words | lexicon_words | frozenset(_table()["glued_words"])
    for cut in range(3, len(lowered) - 2):
        left, right = lowered[:cut], lowered[cut:]
        if (left in known or _singular(left) in known) and (right in known or _singular(right) in known) \
                and (left in value_words or _singular(right) in value_words or right in value_words
                     or _singular(right) in lexicon_words or right in lexicon_words):
            return f"{left} {right}"
    return token


def normalise(message: str, vocabulary: Any = None, lexicon_words: frozenset[str] = frozenset()) -> str:
    """An English message with the wording of the module docstring's first list rewritten.

    Args:
        message: The message (after the other English normalisers).
        vocabulary: The catalogue's :class:`~chatrec.understanding.ValueMatcher`, for glued words.
        lexicon_words: The English words of the lexicon (product words such as "phone").
    """
    patterns = _patterns()
    text = patterns["fraction"].sub(_fraction, message)
    text = patterns["couple"].sub(_couple, text)
    text = patterns["grand"].sub(
        lambda found: f"{_table()['number_words'].get(found.group('number').lower(), found.group('number'))} thousand", text)
    text = patterns["limit"].sub(
        lambda found: f"up to {found.group('amount')}" if _money(found.group("amount")) else found.group(0), text)
    text = patterns["about_before"].sub("about", text)
    text = patterns["about_after"].sub(_about_after, text)
    text = patterns["no_dearer_than"].sub("no more than", text)
    text = patterns["less_dear_than"].sub("less than", text)
    text = patterns["dearer_than"].sub("more than", text)
    text = patterns["not_too_expensive"].sub("cheap", text)
    text = patterns["too_expensive"].sub("too expensive", text)
    text = patterns["dearer"].sub("pricier", text)
    text = patterns["dearest"].sub(lambda found: f"{found.group('the')} priciest", text)
    if vocabulary is not None:
        text = patterns["glued"].sub(lambda found: _split_glued(found.group(0), vocabulary, lexicon_words), text)
    return text


_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def _reworded(lowered: str, n: int) -> str:
    """Ways of naming a shown item said as the rules know them ("this 1st one" -> "the 1st one",
    "number two" -> "number 2", "second from the end" -> "number N-1")."""
    patterns = _patterns()
    text = patterns["this_ordinal"].sub("the ", lowered)
    text = patterns["number_word"].sub(
        lambda found: f"number {_table()['number_words'][found.group('word').lower()]}", text)

    def from_end(found: re.Match[str]) -> str:
        position = n + 1 - _ORDINALS[found.group("ordinal").lower()]
        return f"number {position}" if position >= 1 else found.group(0)

    return patterns["from_end"].sub(from_end, text)


def _wish(request: ShopperRequest) -> bool:
    return bool(request.include or request.exclude or request.price or request.relative_price)


def adjust(
    request: ShopperRequest, message: str, context: Any, vocabulary: Any = None,
    reread: Callable[[str], ShopperRequest] | None = None,
) -> ShopperRequest:
    """Correct a rules request for the classes of the module docstring's second list.

    Args:
        request: The request of the rules so far.
        message: The message as the rules read it (after the English normalisers).
        context: The :class:`~chatrec.understanding.TurnContext` of the turn.
        vocabulary: The catalogue's :class:`~chatrec.understanding.ValueMatcher` (unused; the
            same signature as the other English steps).
        reread: Reads another wording of the message (the rules on that text, same context).

    Returns:
        The request, changed only in those classes.
    """
    if request.language != "en":
        return request
    patterns = _patterns()
    lowered = re.sub(r"\s+", " ", message.lower()).strip()
    shown = list(getattr(context, "shown", ()) or ())
    named = [r for r in request.references if r.how != "all"]

    if shown and not named and not request.include and not request.price \
            and request.intent not in ("ask_about_item", "compare") and patterns["like_none"].search(lowered):
        return ShopperRequest(intent="reject", language=request.language, show_now=True)
    if shown and reread is not None:
        reworded = _reworded(lowered, len(shown))
        if reworded != lowered and (not named or patterns["from_end"].search(lowered)):
            again = reread(reworded)
            if any(r.how != "all" for r in again.references):
                return again
        but = patterns["all_but"].search(lowered)
        if but and patterns["more_like"].search(lowered[:but.start()] + lowered[but.end():]):
            left_out = reread(f"the {re.sub(r'^(?:the|that|those) ', '', but.group('rest'))} one, more like it")
            kept = [p for p in range(1, len(shown) + 1) if p not in {r.position for r in left_out.references}]
            if left_out.references and kept and len(kept) < len(shown):
                return ShopperRequest(intent="more_like", language=request.language, references=[
                    ItemReference(position=p, item_id=str(getattr(shown[p - 1], "id", "")) or None, how="position")
                    for p in kept], show_now=True)
    extra = patterns["extra_word"].search(lowered)
    if shown and extra and not named and reread is not None and request.intent in ("more_like", "ask_about_item", "refine"):
        again = reread(lowered[:extra.start("word")] + lowered[extra.end("word") + 1:])
        if any(r.how != "all" for r in again.references) and len(again.references) < len(shown):
            return again
    if not _wish(request) and not named and patterns["role_play"].search(lowered):
        return ShopperRequest(intent="off_topic", language=request.language)
    if not _wish(request) and not named and (
            patterns["perform"].search(lowered) or patterns["identity"].search(lowered)
            or patterns["premises"].search(lowered)):
        return ShopperRequest(intent="off_topic", language=request.language)
    if not _wish(request) and not named and (patterns["goodbye"].match(lowered) or patterns["closing"].match(lowered)):
        return ShopperRequest(intent="chitchat", language=request.language)
    return request
