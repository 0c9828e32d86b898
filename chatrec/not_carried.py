""""What about sherwanis?", "do you have hoverboards?": saying so when the shop has none.

When the shopper asks for a thing by name and the catalogue never uses that word (in any
title, description or value), the honest reply says so before showing what comes closest,
instead of presenting the closest items as if they were what was asked for.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container
from functools import lru_cache

from chatrec.grounding import singular
from chatrec.text import tokens

__all__ = ["GENERIC", "asked_for", "best_asked", "interest_in", "not_carried"]

_ASKED = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|so|and|hmm+|well|then|oh|ah|alright)\W+)*(?:what|how) about (?P<a>.+)$"
    r"|\b(?:do|does|d'?you|do u) (?:you|u|the shop|this shop|y'?all)? ?(?:have|sell|carry|stock|got) (?P<b>.+)$"
    r"|^\W*(?:any|got any|have you got any|is there any|are there any) (?P<c>.+)$"
    r"|^\W*(?:(?:hi|hello|hey|hiya|ok(?:ay)?|so|well|um+|uh+|and|now|then|next|also)\W+)*(?:(?:i(?:'m| am)? ?)?(?:also |now |still |too )?(?:need|want|would like|'d like|"
    r"am looking for|'m looking for|looking for|am searching for|search(?:ing)? for)|looking for|searching for|"  # lead, stop 38: "need a ...", no "I"
    r"(?:please )?(?:show|get|find) me|i'?m after)(?: to (?:buy|get|purchase|order))? (?P<d>.+)$"  # stop 53: "want to buy a sofa"
    # stop 43: a change of product: "actually make it a backpack", "switch to a backpack", "a backpack instead"
    r"|^\W*(?:(?:no|nah|actually|hmm+|ok(?:ay)?|wait|sorry)\W+)*(?:make it|change it to|switch (?:it )?to|swap (?:it )?for)"
    r" (?P<f>.+)$"
    r"|^\W*(?:(?:no|nah|actually|hmm+|ok(?:ay)?|wait|sorry|then)\W+)*(?P<g>(?:an?|some) [a-z][a-z' -]{1,40}?) instead\W*$"
    # stop 58: the shop's best one asked for: "what's the best washing machine?", "which fridge would you recommend?",
    # "can you recommend a sofa?"
    r"|^\W*(?:(?:hi|hello|hey|ok(?:ay)?|so|well|and|now|then|also)\W+)*(?:what(?:'s| is|s)|which(?:'s| is)?) (?:the|your) "
    r"(?:very )?(?:best|top|most popular|cheapest|nicest|best selling|best-selling) (?P<e>[a-z][a-z' -]{1,40}?)"
    r"(?: (?:(?:that )?(?:you|u) (?:guys )?(?:have|sell|carry|stock|got|offer)|you've got|here|in (?:the|your|this) (?:shop|store)"
    r"|available|to buy|right now|at the moment|for (?:me|him|her|us|my\b.*|a\b.*)|under\b.*|below\b.*))?\W*$"
    r"|^\W*(?:(?:hi|hello|hey|ok(?:ay)?|so|well|and|now|then|also)\W+)*which (?P<h>[a-z][a-z' -]{1,40}?) "
    r"(?:would|do|can|could|should) (?:you|u) (?:recommend|suggest)\b.*$"
    r"|^\W*(?:(?:hi|hello|hey|ok(?:ay)?|so|well|and|now|then|also)\W+)*(?:(?:can|could|would) (?:you|u) (?:please )?"
    r"(?:recommend|suggest)|(?:please )?(?:recommend|suggest) me) (?:me )?(?P<i>[a-z][a-z' -]{1,40}?)\W*$",
    re.IGNORECASE,
)
#: Where the thing's name ends: "formal shoes for an interview", "a phone my mom can use", "a laptop bag, not too expensive".
_END = re.compile(
    r"\s+(?:for|with|without|to|in|on|at|under|below|over|above|from|that|which|who|like|but|and|or|not|no|my|your|"
    r"his|her|their|our|i|he|she|we|they|it|so|because|as|of|around|about|than|between|within|up|less|more)\b.*$",
    re.IGNORECASE,
)
#: Words that name no product: "I need something for a party", "looking for a gift".
GENERIC = frozenset(
    "something anything stuff thing things item items product products gift gifts present presents idea ideas "
    "help advice recommendation recommendations suggestion suggestions option options one ones else more "
    "everything nothing new other others another alternative alternatives similar these those them same different outfit outfits clothes clothing look wear attire gear "
    "accessories essentials basics".split()
    # lead, stop 32: "ich suche ein Geschenk für meinen Bruder", "busco un regalo para mi hermano": no product name
    + "geschenk geschenke geschenkidee geschenkideen etwas idee ideen regalo regalos obsequio detalle algo cosa cosas "
      "idea ideas".split()
)
#: Words that name nothing on their own ("any from nike?" less the brand is "any from").
_FUNCTION_WORDS = frozenset("from with for the any some that this than and but not out off made".split())
#: Words after "which is the best" that name no product ("which is the best rated?", "what's the best deal?").
_NO_THING = frozenset("rated reviewed value deal deals choice pick picks buy quality seller sellers price prices brand "
                      "brands model models of them among".split())
_LEAD = re.compile(r"^(?:any|some|a|an|the|good|nice|cheap|decent)\s+", re.IGNORECASE)
_TAIL = re.compile(r"\s+(?:for (?:me|him|her|us|them|my\b.*|a\b.*|the\b.*)|please|pls|here|in stock|at all|too|then)\s*$",
                   re.IGNORECASE)


def asked_for(message: str) -> str | None:
    """The thing the message asks for by name ("what about sherwanis?" -> "sherwanis"), or None."""
    match = _ASKED.search(message.strip())
    if match is None:
        return None
    thing = next(g for g in match.groups() if g is not None)
    thing = re.split(r"[?!.,;]", thing, maxsplit=1)[0].strip()
    for _ in range(3):
        thing = _LEAD.sub("", _TAIL.sub("", thing)).strip()
    if re.match(r"(?:for|para|pa|zum|zur|fur|für)\b", thing, re.IGNORECASE):
        return None  # stop 48: "what do you have for running?", "¿qué tienen para correr?": a purpose, no product
    if re.match(r"(?:with|w/|that has|having|con|mit)\b", thing, re.IGNORECASE):
        return None  # stop 52: "any with a collar?": a part of the items in hand, no product
    if any(match.group(g) is not None for g in "dehi"):  # "I need formal shoes for an interview": the name ends
        thing = _LEAD.sub("", _END.sub("", thing)).strip()  # before "for"
        if re.match(r"(?:to|my|his|her|him|me|us|them|our|your)\b", thing, re.IGNORECASE):
            return None  # "I want to look good at a wedding", "I want to get my dad something nice": no thing named
    if any(match.group(g) is not None for g in "ehi") and set(thing.lower().split()) <= GENERIC | _NO_THING:
        return None  # "which one would you recommend?", "what's the best option?": the items in hand
    return thing or None


def best_asked(message: str) -> bool:
    """Stop 58: whether the message asks the shop for its best or recommended one of a thing by name ("what's the
    best washing machine?", "which fridge would you recommend?", "can you recommend a sofa?")."""
    match = _ASKED.search(message.strip())
    return match is not None and any(match.group(g) is not None for g in "ehi") and asked_for(message) is not None


_INTEREST = re.compile(
    r"\b(?:he|she|they|him|her|my \w+|hes|shes)(?:'s|'re)?(?:\s+\w+){0,2}?\s+(?:loves?|likes?|enjoys?|plays?|follows?|"
    r"(?:(?:is|are|s)\s+)?(?:really |very |big |huge |totally )?(?:into|a fan of|fan of|crazy about|mad about|obsessed with))"
    r"\s+(?:to\s+|playing\s+|watching\s+|doing\s+)?(?P<thing>[a-z][a-z' -]{1,30}?)\s*(?:$|[,.!?;]|\b(?:and|but|so|too|a lot)\b)",
    re.IGNORECASE)


def interest_in(message: str) -> str | None:
    """Stop 45: what a person the shopper buys for likes ("he loves football" -> "football", "she's really into
    yoga" -> "yoga"), or None: the thing to say the shop lacks is that, not the whole sentence."""
    found = _INTEREST.search(message)
    return found.group("thing").strip() if found else None


@lru_cache(maxsize=1)
def product_nouns() -> frozenset[str]:
    """Names of products (``prompts/product_nouns.txt`` and the words of ``prompts/kind_words.json``)."""
    from chatrec.kind_words import load_kinds
    from chatrec.prompting import default_prompts_dir

    lines = (default_prompts_dir() / "product_nouns.txt").read_text(encoding="utf-8").splitlines()
    words = {w.lower() for line in lines if not line.startswith("#") for w in line.split()}
    words |= {w.lower() for kind in load_kinds()[0] for w in kind.words if w.isascii() and " " not in w}
    return frozenset(words)


#: A bare noun phrase naming a product: "sneakers for men", "sofa", "running shoes size 9".
_BARE = re.compile(r"^\W*(?P<e>[a-z][a-z' -]{1,40}?)\W*$", re.IGNORECASE)
#: Stop 48: words that open a change of mind before the product ("actually, a backpack", "no, a backpack",
#: "oh and a tripod"); "no" and "nah" only with a comma, since "no backpacks" turns backpacks down.
_OPENERS = re.compile(r"^\W*(?:(?:(?:no|nah)\s*,|(?:actually|ok(?:ay)?|hmm+|wait|sorry|oh|and|also|then|now|next|well|so|um+|uh+)"
                      r"\b[\s,.!-]*)\s*)+", re.IGNORECASE)


#: Words that open a refusal, not a product's name ("no sneakers", "not jeans", "nothing leather").
_REFUSING = frozenset({"no", "not", "nothing", "without", "never", "nor", "none"})


def bare_thing(message: str) -> str | None:
    """The product a message of a few words names with no verb ("sneakers for men" -> "sneakers"), when its
    head word is a known name of a product (:func:`product_nouns`), else None."""
    # stop 50: the words after the product count for nothing ("a fridge for a small family" was no bare thing);
    # stop 51: nor do their figures ("a washing machine for a family of 4")
    match = _BARE.match(_END.sub("", _OPENERS.sub("", message.strip())))
    if match is None or len(match.group("e").split()) > 5:
        return None
    thing = _LEAD.sub("", _TAIL.sub("", _END.sub("", match.group("e")))).strip()
    words = [w for w in tokens(thing) if w.isalpha()]
    if not words or len(words) > 3 or not {words[-1], singular(words[-1])} & product_nouns() or words[0] in _REFUSING:
        return None  # stop 49: "no sneakers" turns sneakers down; it asks for nothing to call not carried
    return thing


def not_carried(message: str, vocabulary: Container[str], documents: Callable[[str], int] | None = None,
                least: int = 5) -> str | None:
    """The thing asked for by name when the catalogue never uses its head word, else None.

    A product named bare ("sneakers for men", "a red dress") counts as carried only when at least
    ``least`` items use its head word (``documents`` counts them): one description of a phone that
    mentions a dress sells no dresses.

    Args:
        message: The shopper's words.
        vocabulary: Every word the catalogue uses (the lexical index's vocabulary).
        documents: How many items use a word (the lexical index's document frequency), if known.
        least: Items a bare product name needs to count as carried.
    """
    thing = asked_for(message)
    bare = thing is None
    thing = thing or bare_thing(message)
    if thing is None:
        return None
    words = [w for w in tokens(thing) if w.isalpha() and (len(w) > 2 or w in product_nouns())]  # stop 57: "tv"
    if not words or len(words) > 4 or GENERIC & set(words) or set(words) <= _FUNCTION_WORDS:
        return None  # stop 42: "any from nike?" with the brand read as a wish leaves "from": no thing
    head = words[-1]
    forms = [form for form in (head, singular(head), f"{head}s") if form in vocabulary]
    if forms and not (bare and documents is not None and sum(documents(form) for form in set(forms)) < least):
        return None
    return thing
