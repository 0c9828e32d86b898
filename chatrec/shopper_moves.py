"""Conversation moves batch 6's shoppers make (issue 12, branch i12o): a question phrased as a
complaint about the items shown, and a polite close.

- "none of these are formal?" is a question about the items shown, not a rejection: it is read as
  "are any of these formal?" (:func:`as_any_question`), which :mod:`chatrec.answers` answers from
  the items' data. "none of these are what I want" stays a rejection.
- "never mind, thanks", "thanks anyway", "forget it, I'll look elsewhere. thanks for your help"
  close the conversation (:func:`closes`): no new items and no new question.
- "a wedding outfit for a man", "something for my daughter's graduation": an occasion is a wish on the
  catalogue's values that dress for it (fashion ``usage``: Formal, Ethnic; :func:`occasion`), and an
  occasion for a person is specific enough to show items at once.

Cue phrases are data: ``prompts/conversation_cues_6.txt``, ``prompts/occasion_words.txt``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from chatrec.conversation import load_cues
from chatrec.errors import ConfigError
from chatrec.prompting import default_prompts_dir

if TYPE_CHECKING:
    from chatrec.request import ShopperRequest

__all__ = ["as_any_question", "closes", "dressed_for", "gift_is_no_type", "in_conversation_language", "no_such_type",
           "occasion", "occasion_said", "styles_sold_items", "titles_name_items"]

_CUES_FILE = default_prompts_dir() / "conversation_cues_6.txt"
_OCCASIONS_FILE = default_prompts_dir() / "occasion_words.txt"


def as_any_question(message: str) -> str | None:
    """ "none of these are formal?" -> "are any of these formal?"; None for any other message."""
    for pattern in load_cues(_CUES_FILE).get("none_of_shown", ()):
        match = pattern.search(message.strip())
        if match is not None:
            return f"are any of these {match.group('what').strip()}?"
    return None


def closes(message: str) -> bool:
    """True when the shopper ends the conversation or gives up with thanks ("never mind, thanks")."""
    return any(p.search(message) for p in load_cues(_CUES_FILE).get("closing", ()))


@lru_cache(maxsize=4)
def load_occasions(path: Path | str = _OCCASIONS_FILE) -> tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]:
    """(pattern of an occasion's spellings, the values that dress for it) from the occasions file.

    Raises:
        ConfigError: The file is missing or a line has no "=>".
    """
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ConfigError(f"cannot read the occasion words {path}: {exc}") from exc
    occasions = []
    for number, line in enumerate(lines, start=1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        if "=>" not in line:
            raise ConfigError(f"{path}:{number}: an occasion line needs 'spellings => values'")
        words, values = line.split("=>", 1)
        spellings = [w.strip() for w in words.split("|") if w.strip()]
        alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in spellings)
        pattern = re.compile(rf"(?<![a-z])(?:{alternatives})(?![a-z])", re.IGNORECASE)
        occasions.append((pattern, tuple(v.strip() for v in values.split(",") if v.strip())))
    return tuple(occasions)


def _occasions_said(message: str) -> Iterator[tuple[str, tuple[str, ...]]]:
    """Each occasion the message names, as it says it, with the values that dress for it, in the file's order."""
    for pattern, wanted in load_occasions():
        found = pattern.search(message)
        if found:
            yield found.group(0).strip(), tuple(wanted)


def occasion(message: str, counts: Mapping[str, Mapping[str, int]]) -> dict[str, list[str]]:
    """The catalogue values that dress for the occasion the message names, by field
    ("a wedding outfit" -> ``{"usage": ["Ethnic", "Formal"]}``); empty when it names none or the
    catalogue has no field with those values. ``counts`` is the vocabulary's values per field."""
    for _, wanted in _occasions_said(message):
        folded = {w.casefold() for w in wanted}
        for name, values in counts.items():
            found = sorted(str(v) for v in values if str(v).casefold() in folded)
            if found:
                return {name: found}
    return {}


def occasion_said(message: str) -> tuple[str, tuple[str, ...]] | None:
    """Stop 44: the occasion as the message says it and the values that dress for it ("wedding", ("Formal",
    "Ethnic")), or None: a wish left out is named in the shopper's word ("wedding (Ethnic, Formal)")."""
    return next(_occasions_said(message), None)


def dressed_for(include: Mapping[str, object], counts: Mapping[str, Mapping[str, int]]) -> bool:
    """True when the wishes in force hold an occasion's values (a field :func:`occasion` fills)."""
    every = {v.casefold() for _, values in load_occasions() for v in values}
    return any(
        name in counts and isinstance(values, list | tuple) and values
        and all(str(v).casefold() in every for v in values)
        for name, values in include.items()
    )


#: i12v: words of a request that names no product ("what you have", "whatever you've got").
_NO_THING = frozenset("what whatever you your have got has there available options something anything everything "
                      "them these those ones all others other more else different some few".split())


def no_such_type(message: str, type_values: Iterable[str]) -> str | None:
    """The product asked for by name ("a laptop with at least 8GB RAM" -> "laptop") when no product type
    of the catalogue has its head word, else None: the catalogue may use the word ("cable for laptop"),
    but sells no such product. Only for a message from which no product type was read."""
    from chatrec.grounding import singular
    from chatrec.not_carried import GENERIC, asked_for
    from chatrec.text import tokens

    thing = asked_for(message)
    if thing is None:
        return None
    # stop 52: "any with a metal strap?" names no product before "with"
    thing = re.split(r"(?:^|\s+)(?:with|that|which|having|under|over|below|above|of|for|in)\b", thing, maxsplit=1)[0]
    words = [w for w in tokens(thing) if w.isalpha() and len(w) > 2]
    if words and set(words) <= _NO_THING:  # i12v: "show me what you have" names no product
        return None
    if not words or len(words) > 3 or GENERIC & set(words) \
            or re.search(rf"\b{re.escape(words[-1])}\b", thing) is None:
        return None  # "show me others like it" names nothing; "do you have Dunkirk?" names a title or a make
    # stop 57: a word before an accessory's head names what it goes with, no kind ("laptop" of "Laptop Bag": "do you
    # have laptops?" on a shop of laptop bags sells none); "remote" of "Remote Controls" is the kind
    from chatrec.accessories import accessory_words

    accessory = accessory_words()
    kinds = {singular(w) for value in type_values
             if (split := [w for w in tokens(re.sub(r"(?<=[a-z])(?=[A-Z])", " ", str(value))) if w.isalpha()])
             for w in (split[-1:] if singular(split[-1]) in accessory else split)}
    head = singular(words[-1])
    return None if head in kinds else thing


def named_in_titles(thing: str, titles: Iterable[str]) -> bool:
    """Stop 41: whether an item's name says the thing not sold as a whole ("Cable for Laptop" of "a laptop"), so
    that the reply may say some products go with it; "hair dryer" is in no name where "Washer Dryer" is."""
    words = [w for w in re.findall(r"[a-z0-9]+", thing.lower()) if len(w) > 1]
    if not words:
        return False
    from chatrec.grounding import singular
    from chatrec.not_carried import product_nouns

    phrase = re.compile(r"\b" + r"\W+".join(rf"{re.escape(w.rstrip('s'))}(?:s|es)?" for w in words) + r"\b")

    def goes_with(title: str, found: re.Match[str]) -> bool:
        """Stop 53: said as what the item serves ("for Clothes, Sofa", "Laptop Backpack"), not as a colour or
        another word of its own ("(Gun Metal)" made "a gun" a thing some products go with)."""
        before = re.split(r"[|()\[\]]", title[:found.start()])[-1].split()[-8:]
        after = re.findall(r"[a-z]+", title[found.end():])[:1]
        return bool(set(before) & _SERVES) or bool(after) and singular(after[0]) in product_nouns()

    return any(goes_with(title.lower(), found) for title in titles for found in phrase.finditer(title.lower()))


#: Words before a thing an item is made to go with: "Cable for Laptop", "Compatible with iPhone", "TV Wall Mount".
_SERVES = frozenset("for with compatible fits fit holder stand mount".split())


def styles_sold_items(thing: str, titles: Iterable[str], least: int = 2) -> bool:
    """Stop 44: whether ``thing`` is a style of products the shop sells rather than a product it lacks: no
    product noun (:func:`chatrec.not_carried.product_nouns`), and at least ``least`` item names say it as
    what the item is, not after "for" or "with" ("Ray-Ban Men Aviator Sunglasses" of "aviators"; "Cable for
    Laptop" is no laptop, and "laptop" is a product noun). "do you have aviators?" was answered "This shop
    sells no aviators" on a shop of aviator sunglasses."""
    from chatrec.grounding import singular
    from chatrec.not_carried import product_nouns

    words = [w for w in re.findall(r"[a-z0-9]+", thing.lower()) if len(w) > 1]
    if not words or {words[-1], singular(words[-1])} & product_nouns():
        return False
    return titles_name_items(words, titles, least)


_AFTER_FOR = re.compile(r"\b(?:for|with|to|fits?|compatible)\W+(?:\w+\W+)?$", re.IGNORECASE)


def titles_name_items(words: Sequence[str], titles: Iterable[str], least: int = 1) -> bool:
    """Whether at least ``least`` item names say these words (singular or plural) as what the item is, not
    after "for" or "with" ("Lint Remover for Washing Machine" names no washing machine)."""
    from chatrec.grounding import singular

    phrase = re.compile(r"\b" + r"\W+".join(rf"{re.escape(singular(w))}(?:s|es)?" for w in words) + r"\b", re.IGNORECASE)
    named = 0
    for title in titles:
        if any(not _AFTER_FOR.search(title[:m.start()]) for m in phrase.finditer(title)):
            named += 1
            if named >= least:
                return True
    return False


def in_conversation_language(
    message: str, heard: ShopperRequest, language: str, reread: Callable[[str], ShopperRequest], lexicon: Any = None
) -> ShopperRequest:
    """i12y: a short message read as English in a German, Spanish or Chinese conversation ("lieber in
    Schwarz", "in Blau", "en rojo") read again in the conversation's words: the lexicon puts them
    into English ("lieber in black"), and when that reading finds wishes the first did not, it is the
    request, in the conversation's language. Any other message is returned as it was read."""
    if heard.language != "en" or language in ("en", "other") or heard.intent in ("ask_about_item", "compare"):
        return heard
    from chatrec.language import Lexicon, fold

    words = (lexicon or Lexicon.default()).translate(fold(message), language)
    if re.sub(r"\s+", " ", words).strip() == re.sub(r"\s+", " ", fold(message)).strip():
        return heard  # no word of that language: English it is
    again = reread(words)
    found = sum(len(v) for v in again.include.values()) + sum(len(v) for v in again.exclude.values())
    before = sum(len(v) for v in heard.include.values()) + sum(len(v) for v in heard.exclude.values())
    if found <= before:
        return heard
    return again.model_copy(update={"language": language})


#: i12y: a gift set named as such ("gift set", "set de regalo", "Geschenkset", "礼盒"): the shop's gift-set values are meant.
_GIFT_SET = re.compile(r"gift[\s-]*(?:set|box|pack|hamper)|sets? de regalo|geschenk[\s-]*(?:set|box|packung)|礼盒|礼品套装", re.IGNORECASE)


def gift_is_no_type(heard: ShopperRequest, message: str, type_names: Iterable[str]) -> ShopperRequest:
    """i12y: "gifts for my mom", "regalos para mi madre", "Geschenke für meinen Vater": a gift is what the
    shopper buys for someone, not the shop's "Free Gifts" or "Accessory Gift Set" categories; a product
    type read from the gift word alone is taken out (a gift set asked for by name stays)."""
    types = set(type_names)
    gifts = {name: [v for v in values if "gift" in v.lower()] for name, values in heard.include.items() if name in types}
    if not any(gifts.values()) or _GIFT_SET.search(message):
        return heard
    include = {name: [v for v in values if v not in gifts.get(name, [])] for name, values in heard.include.items()}
    return heard.model_copy(update={"include": {name: values for name, values in include.items() if values}})

