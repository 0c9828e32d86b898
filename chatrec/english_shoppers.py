"""Ordinary English shoppers for the rules understander (issue 12, held-out set 23).

Grandparents, parents, gift buyers, comparison shoppers and British or Australian English
write in ways the rules of :mod:`chatrec.understanding` and :mod:`chatrec.informal` miss. Two
steps around :func:`chatrec.understanding.understand`, by class rather than by sentence (see
``docs/UNDERSTANDING_ENGLISH_SHOPPERS.md``):

- :func:`normalise` rewrites words the lexicon lacks into words it knows
  (``chatrec/data/english_shoppers.json``: "hoover", "lippy", "bloke", "grandad", "bahu",
  "lint remover"), occasions into how formal ("for interviews", "for church": formal), verbs
  that turn a value down into "not" ("leave out Noise", "give the Samsung a miss", "anything
  bar black"), a negated or hedged price word into "not too expensive" ("nothing crazy
  expensive") and a wish to spend more into "pricier" ("I could spend a bit more", "posher").
- :func:`adjust` corrects the request with the items shown and the catalogue's vocabulary:
  references by place on screen ("the one on the left", "on the right"), a named set's
  cheaper or pricier one ("the pricier of the Samsung and the Redmi"), "both Nike ones",
  disliked items named ("not keen on the last two, others please" rejects those two), the
  items of before again, a comparison of two named items ("is the Samsung better than the
  Redmi?"), a price range like a shown item's, a shown brand turned down ("not the MI, what
  else from LG?"), a value given up ("forget Samsung, try OnePlus"), the recipient's age
  (:mod:`chatrec.ages`), a usage the product type already
  says ("gym trainers": Sports Shoes, no extra usage), a pronoun's gender during a search,
  a part of an item asked about ("the strap on the third one") and after-sales questions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any, Literal

from chatrec.ages import stated_age
from chatrec.request import ItemReference, PriceRange, ShopperRequest
from chatrec.text import alternation, word_table

__all__ = ["adjust", "normalise"]

_PRICEY = r"(?:expensive|pricey|pricy|dear|costly|spendy|steep)"
#: "nothing crazy expensive", "not super pricey", "none too dear": a cap on price, said as a hedge.
_NOT_PRICEY = re.compile(
    rf"\b(?:nothing|not|none|never|no)\s+(?:(?:too|so|very|crazy|super|overly|ridiculously|stupidly|mega|hugely|"
    rf"outrageously|that|wildly|insanely|silly|madly|eye-wateringly)\s+)?{_PRICEY}\b",
    re.IGNORECASE,
)
#: "I could spend a bit more", "happy to pay a little more": a pricier search (no amount said).
_SPEND_MORE = re.compile(
    r"\b(?:i|we)(?: can| could|'?d| would| am| '?m)?(?: be)?(?: happy to| willing to| ok to| able to)?\s+"
    r"(?:spend|pay|go)\s+(?:(?:a|quite a)\s+(?:bit|little|lot|touch)\s+|slightly\s+|somewhat\s+)?(?:more|higher)\b"
    r"(?!\s+than\s+(?:rs\.?\s*|₹|\$|£|€)?\d)",
    re.IGNORECASE,
)
#: "anything bar black", "everything bar the Samsung": British "bar" is "except".
_BAR = re.compile(r"\b(any\w*|every\w*|all) bar\b", re.IGNORECASE)
#: "my mother-in-law": an adult of that sex, whatever the lexicon says of "daughter".
_IN_LAW = re.compile(r"\b(mother|sister|daughter|father|brother|son)[- ]in[- ]laws?\b", re.IGNORECASE)
_WOMEN_IN_LAW = frozenset({"mother", "sister", "daughter"})
#: "..., no, just the iron": what comes before was taken back.
_JUST_THE = re.compile(r"(?:^|[,.;!?]\s*|\s)(?:no|nah|actually|or rather|make that|scratch that),?\s+(?:just|only)\s+", re.IGNORECASE)
_DETERMINERS = frozenset({"a", "an", "the", "and", "or", "my", "your", "his", "her", "our", "some", "any", "this", "that"})
#: "give the Samsung a miss": do not want it.
_A_MISS = re.compile(r"\bgive (.{1,40}?) a miss\b", re.IGNORECASE)

#: Place on the screen: the list reads left to right, top to bottom.
_LEFT = re.compile(r"\b(?:(?:on|at) the (?:far )?left|left[- ]?most|left[- ]hand(?: one| side)?|the top one|top of the list)\b")
_RIGHT = re.compile(
    r"\b(?:(?:on|at) the (?:far )?right|right[- ]?most|right[- ]hand(?: one| side)?|the bottom one|bottom of the list)\b"
)
#: A cheaper or dearer version of an item named: "is there a cheaper version?", "a pricier one?".
_VERSION = re.compile(
    r"\b(cheaper|less expensive|more affordable|pricier|dearer|more expensive|posher|fancier|higher[- ]end) "
    r"(?:version|one|model|alternative|option|variant|equivalent|edition)s?\b"
)
#: A variant of an item named: "is there one with more storage?", "any with a bigger screen?".
_VARIANT = re.compile(
    r"\b(?:is there|are there|have you got|do you have|got|any|anything|something|one|ones) "
    r"(?:one |ones |anything |something )?(?:like (?:it|that) )?with (?:a |an )?(?:more|bigger|larger|better|longer|smaller|"
    r"lighter|higher|extra)\b"
)
#: Asking about an item named: "tell me more", "more details".
_TELL_MORE = re.compile(r"\btell me (?:a (?:bit|little|touch) |a lot |some(?:thing)? )?more\b|\bmore (?:details|info|information)\b")
#: "not the first one, the other two": the items shown but those named.
_THE_OTHERS = re.compile(r"\bthe other (?:two|three|ones|2|3)\b")
#: Questions to the assistant about itself ("what's your favourite colour?").
_ABOUT_YOU = re.compile(
    r"\byour (?:favou?rite|name|age|hobbies|birthday)\b(?!.*\b(?:these|those|them|of the|one)\b)|"
    r"\bdo you (?:have|like) (?:a |any )?(?:pets?|hobbies|friends|family|feelings|a favou?rite)\b"
)
#: Disliking items named: "not keen on the last two", "I don't like the Samsung".
_DISLIKE_NAMED = re.compile(
    r"\b(?:not (?:keen on|sure about|a fan of|fond of|mad about|crazy about|into)|(?:don'?t|do not) (?:like|love|fancy|want)|"
    r"dislike|hate|can'?t stand|not for me|no to)\b"
)
_OTHERS = re.compile(r"\b(?:others?|else|different|alternatives?|instead|something new|new ones)\b")
#: The items shown before, again: "can I see the ones from before again?".
_FROM_BEFORE = re.compile(
    r"\b(?:see|show|view|have|get|bring)\b.*\b(?:ones|items|results|options|those|them|suggestions|lot)\b.*"
    r"\b(?:from before|from earlier|before|earlier|previously|last time|you showed(?: me)? (?:first|before|earlier))\b"
)
_AGAIN = re.compile(r"\b(?:again|back|once more|another look|one more look|another peek|you (?:showed|suggested|had))\b")
#: "the pricier of the Samsung and the Redmi": an item named by price among items named by name.
_PRICE_AMONG = re.compile(
    r"\bthe (?P<kind>cheaper|cheapest|less expensive|least expensive|lower[- ]priced|pricier|priciest|dearer|dearest|"
    r"more expensive|most expensive|costlier|higher[- ]priced)(?: one)? (?:of|between) (?:the )?(?P<a>[a-z0-9-]+(?: [a-z0-9-]+)?)"
    r" (?:and|or) (?:the )?(?P<b>[a-z0-9-]+(?: [a-z0-9-]+)?)\b"
)
#: "both Nike ones", "both the Being Human watches": a subset of the items named by a word of theirs.
_BOTH_NAMED = re.compile(r"\b(?:both|the two|the pair of) (?:the |of the )?([a-z0-9-]+(?: [a-z0-9-]+)?) (?:ones|one|pairs|models|[a-z]+s)\b")
_BOTH_WORDS = frozenset({"both", "two", "pair", "the", "of", "ones", "one", "pairs", "models"})
#: A comparison of two items named: "is the Samsung better than the Redmi?".
_COMPARATIVE = re.compile(r"\b(?:better|worse|[a-z]{3,}er|more [a-z]+|less [a-z]+) than\b|\b(?:better|worse) value\b")
#: "in the same price range as the second", "a similar price to the LG".
_SAME_PRICE = re.compile(
    r"\b(?:(?:same|similar) (?:price|price range|price bracket|price point|budget|kind of price|sort of price) (?:as|to|like)|"
    r"(?:priced|costing|costs?) (?:like|similarly to|about the same as|the same as|roughly the same as)|"
    r"(?:a )?similar price to)\b"
)
#: "not the MI", "no Samsung", "except the OnePlus": a brand of shown items turned down.
_NOT_NAMED = re.compile(r"\b(?:not|no|except|without|skip|minus|neither|nor|never) (?:the |a |an |any )?([a-z0-9][a-z0-9-]*)\b")
_FROM_BRAND = re.compile(r"\b(?:from|by|made by) ([a-z0-9][a-z0-9-]*)\b")
#: "forget Samsung", "never mind the black": a value given up, no new wish.
_GIVE_UP = re.compile(r"\b(?:forget(?: about)?|never ?mind(?: about)?|scrap|ditch|drop|no longer want) (?:the |my )?([a-z0-9-]+(?: [a-z0-9-]+)?)")
#: Gender words that are evidence of their own (not a subject pronoun about the recipient).
_GENDER_WORDS = re.compile(
    r"\b(?:men|man|mens|men's|male|gents?|guys?|boys?|girls?|women|woman|womens|women's|ladies|lady|female|him|his|"
    r"husband|wife|son|daughter|dad|mum|mom|father|mother|brother|sister|grand\w+|niece|nephew|boyfriend|girlfriend|"
    r"for her|unisex)\b"
)
_SUBJECT_PRONOUN = re.compile(r"\b(?:he|she)(?:'s|s| is| was| has| does|'d| would| will| won'?t| doesn'?t)?\b")
#: A part of an item asked about: "the strap on the third one", "the battery of the last one".
_PART_OF = re.compile(
    r"\bthe [a-z]+ (?:on|of|in|for) the (?:first|second|third|fourth|fifth|last|middle|1st|2nd|3rd|4th|5th|other)\b"
)
#: After-sales service the rules miss: sending back, money back, exchanges.
_AFTER_SALES = re.compile(
    r"\bsend (?:\w+ ){0,4}back\b|\breturn (?:something|an item|a product|it|this|them)\b|\bmoney back\b|"
    r"\b(?:get|want|need) a refund\b|\bexchange (?:it|this|them|something|an item)\b|\btake (?:it|this|them) back\b|"
    r"\bpay (?:in|by|via|on|through) (?:instal+ments?|emi|monthly|credit|paypal|upi)\b|\binstal+ments?\b|\bpay monthly\b|"
    r"\bbuy now,? pay later\b|\bprice[- ]match\w*|\bmatch (?:the|their|a|other) (?:price|prices)\b|"
    r"\b(?:discount|promo|voucher|coupon) codes?\b|\bloyalty (?:card|points|scheme)\b|\bstore card\b|"
    r"\bclick (?:and|&|n) collect\b|\bcollect (?:it |them |this |my order )?(?:in|from|at) (?:the |your )?(?:store|shop)\b|"
    r"\bpick (?:it |them |this )?up (?:in|from|at) (?:the |your )?(?:store|shop)\b"
)
#: Other people's data: "the email addresses of people who bought this", "your last customer's address".
_PRIVACY = re.compile(
    r"\b(?:e-?mails?|e-?mail addresses|phone numbers?|(?:home )?address(?:es)?|names|card details|personal (?:details|data)|"
    r"details|data|orders?|purchases|contacts?)\b.{0,40}\b(?:customers?|people|shoppers|users|buyers|clients|"
    r"who (?:bought|ordered|purchased))\b|\b(?:customers?|users?|shoppers?|buyers?)'?s? (?:e-?mails?|addresses|address|"
    r"phone numbers?|names|details|data|card)\b"
)
#: Making the assistant say something: "repeat after me", "say exactly this".
_PARROT = re.compile(
    r"\b(?:repeat|say) after me\b|\brepeat (?:this|the following|exactly)\b|\bsay (?:exactly|the following|these words)\b|"
    r"\bword for word\b"
)
#: Words of references and comparisons that are no brand ("not the other", "no the first").
_NOT_BRANDS = frozenset(
    {"one", "ones", "other", "others", "first", "second", "third", "fourth", "last", "middle", "same", "more", "less",
     "cheap", "cheaper", "expensive", "too", "so", "very", "really", "that", "this", "these", "those", "it", "them"}
)


def _table() -> dict[str, Any]:
    return word_table("english_shoppers")  # read once per process (chatrec.text.word_table)


_alternatives = alternation  # one literal-word alternation for every English step (chatrec.text)


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    table = _table()
    # a possessive is the word ("my bahu's wedding")
    words = re.compile(rf"(?<![\w'-])({_alternatives(list(table['words']))})(?=$|[^\w'-]|'s\b)", re.IGNORECASE)
    occasions = [phrase for phrases in table["occasions"].values() for phrase in phrases]
    occasion = re.compile(rf"(?<![\w'-])({_alternatives(occasions)})(?![\w'-])", re.IGNORECASE)
    # "I'll pass on all three" turns the items shown down, no value: left to the rules
    negation = re.compile(
        rf"(?<![\w'-])({_alternatives(table['negations'])})(?![\w'-])"
        r"(?!\s+(?:all|these|those|them|that|this|it|both|either|any|the lot)\b)", re.IGNORECASE,
    )
    pricier = re.compile(rf"(?<![\w'-])({_alternatives(table['pricier'])})(?![\w'-])", re.IGNORECASE)
    return words, occasion, negation, pricier


def normalise(message: str) -> str:
    """A shopper's English message with the words of ``english_shoppers.json`` in the words the rules know.

    Only whole words and phrases are rewritten; a message without them is returned unchanged.
    """
    words, occasion, negation, pricier = _patterns()
    table = _table()
    text = words.sub(lambda found: str(table["words"][found.group(1).lower()]), message)

    def occasion_word(found: re.Match[str]) -> str:
        phrase = found.group(1).lower()
        usage = next(name for name, phrases in table["occasions"].items() if phrase in phrases)
        noun = phrase.split()[-1] if not phrase.startswith("for ") else ""
        return f"{usage} {noun}".strip() if noun else f"for {usage}"

    text = _IN_LAW.sub(lambda found: "woman" if found.group(1).lower() in _WOMEN_IN_LAW else "man", text)
    text = occasion.sub(occasion_word, text)
    text = _just_the(text)
    text = negation.sub(" not ", text)
    text = _A_MISS.sub(r"not \1", text)
    text = _BAR.sub(r"\1 except", text)
    text = _NOT_PRICEY.sub("not too expensive", text)
    text = _SPEND_MORE.sub("want pricier", text)
    text = pricier.sub("pricier", text)
    return re.sub(r"\s{2,}", " ", text).strip()


_How = Literal["position", "title", "attribute", "other", "all"]


def _just_the(text: str) -> str:
    """"a steam iron and a kettle, no, just the iron": the message from the correction on, the
    product named as before ("just the steam iron")."""
    found = _JUST_THE.search(text)
    if found is None:
        return text
    said, kept = text[:found.start()], text[found.end():]
    noun = re.match(r"(?:the |a |an )?([a-z]+)", kept, re.IGNORECASE)
    if noun is not None:
        earlier = re.search(rf"\b([a-z]+) {re.escape(noun.group(1))}\b", said, re.IGNORECASE)
        if earlier is not None and earlier.group(1).lower() not in _DETERMINERS:
            kept = kept[:noun.start(1)] + earlier.group(1) + " " + kept[noun.start(1):]
    return kept


def _ref(position: int, items: Sequence[Any], how: _How) -> ItemReference:
    item = items[position - 1]
    return ItemReference(position=position, item_id=str(getattr(item, "id", "")) or None, how=how)


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower()))


def _item_words(item: Any) -> set[str]:
    """The words of an item's title, brand and attribute values."""
    words = _words(str(getattr(item, "title", "") or ""))
    brand = item.field_value("brand") if hasattr(item, "field_value") else getattr(item, "brand", None)
    if brand:
        words |= _words(str(brand))
    for value in (getattr(item, "attributes", None) or {}).values():
        if isinstance(value, str):
            words |= _words(value)
    return words


def _named(items: Sequence[Any], phrase: str) -> list[int]:
    """Positions of the items whose words hold every word of ``phrase`` (none when all or none do)."""
    wanted = _words(phrase) - {"one", "ones", "the"}
    wanted = {w[:-1] if w.endswith("s") and len(w) > 3 and w[:-1] in set().union(*map(_item_words, items)) else w
              for w in wanted}
    if not wanted:
        return []
    hits = [p for p, item in enumerate(items, start=1) if wanted <= _item_words(item)]
    return hits if 0 < len(hits) < len(items) else []


def _price(item: Any) -> float | None:
    price = getattr(item, "price", None)
    return float(price) if isinstance(price, int | float) and price > 0 else None


def _brand(item: Any) -> str | None:
    brand = item.field_value("brand") if hasattr(item, "field_value") else getattr(item, "brand", None)
    return str(brand) if brand else None


def _brand_values(vocabulary: Any) -> dict[str, list[str]]:
    """Folded brand to the catalogue's spellings of it ("samsung": ["Samsung", "SAMSUNG"])."""
    counts = getattr(vocabulary, "counts", {}) or {}
    out: dict[str, list[str]] = {}
    for value in counts.get("brand", ()):
        out.setdefault(str(value).casefold(), []).append(str(value))
    return out


def _thanks_only(lowered: str) -> bool:
    """Whether a message only thanks or praises ("lovely, thank you dear, that's all for today")."""
    from chatrec.understanding import _acknowledgement, normalise_tokens

    own = set(_table()["thanks"])
    return _acknowledgement([t for t in normalise_tokens(lowered) if t not in own]) and bool(
        re.search(r"\b(?:thank|thanks|ta|cheers|lovely|bless|appreciated?)\b", lowered)
    )


#: A number with a unit before a noun: "128GB storage", "5000mAh battery", "a 55 inch screen".
_SPEC = re.compile(
    r"\b\d+(?:\.\d+)?\s?(?:gb|tb|mb|mah|w|watts?|inch(?:es)?|in|cm|mm|kg|g|l|litres?|liters?|hz|mp|hours?|hrs?|"
    r"gig|megapixels?)\s+(?:of\s+)?(?:internal\s+|onboard\s+)?([a-z]+)"
)


def _spec_nouns(request: ShopperRequest, lowered: str, types: set[str]) -> ShopperRequest:
    """A noun after a number and unit is a spec of the product wanted ("128GB storage" is no
    data-storage product), when another product type is wanted."""
    from chatrec.understanding import normalise_tokens

    nouns = {normalise_tokens(found.group(1))[0] for found in _SPEC.finditer(lowered) if normalise_tokens(found.group(1))}
    if not nouns:
        return request
    spec_types = {
        (name, value) for name, values in request.include.items() if name in types for value in values
        if nouns & set(normalise_tokens(value, camel=True))
    }
    if not spec_types or len(spec_types) == sum(len(v) for n, v in request.include.items() if n in types):
        return request
    include = {
        name: kept for name, values in request.include.items()
        if (kept := [v for v in values if (name, v) not in spec_types])
    }
    return request.model_copy(update={"include": include})


def _implied_by_type(request: ShopperRequest, types: set[str]) -> ShopperRequest:
    """Drop an attribute value the wanted product type already says ("Sports" of "Sports Shoes")."""
    type_words = {w for name, values in request.include.items() if name in types for v in values for w in _words(v)}
    if not type_words:
        return request
    include = {
        name: kept for name, values in request.include.items()
        if (kept := values if name in types or name == "gender" else [v for v in values if not _words(v) <= type_words])
    }
    return request if include == request.include else request.model_copy(update={"include": include})


def adjust(request: ShopperRequest, message: str, context: Any, vocabulary: Any = None) -> ShopperRequest:
    """Correct a rules request for the classes of the module docstring.

    Args:
        request: The request of :func:`chatrec.understanding.understand` so far.
        message: The message as the rules read it (after :func:`normalise`).
        context: The :class:`~chatrec.understanding.TurnContext` of the turn.
        vocabulary: The catalogue's :class:`~chatrec.understanding.ValueMatcher` (its values).

    Returns:
        The request, changed only in those classes.
    """
    if request.language != "en":
        return request
    from chatrec.understanding import type_fields

    lowered = re.sub(r"\s+", " ", message.lower()).strip()
    shown = list(getattr(context, "shown", ()) or ())
    n = len(shown)
    current = getattr(context, "current", {}) or {}
    fields = list(getattr(vocabulary, "fields", []) or [])
    types = set(type_fields(fields)) | {"category"}
    named = [r.position for r in request.references if r.how != "all"]

    if request.intent in ("recommend", "refine", "chitchat", "ask_about_item") and not named \
            and (_AFTER_SALES.search(lowered) or _ABOUT_YOU.search(lowered)):
        return ShopperRequest(intent="off_topic", language=request.language)
    if request.intent != "off_topic" and (_PRIVACY.search(lowered) or _PARROT.search(lowered)):
        return ShopperRequest(intent="off_topic", language=request.language)
    if request.intent in ("recommend", "refine") and not (request.include or request.exclude or request.price
                                                          or request.relative_price or named) and _thanks_only(lowered):
        return request.model_copy(update={"intent": "chitchat", "show_now": False, "query": ""})
    request = _spec_nouns(request, lowered, types)
    request = _implied_by_type(request, types)
    if current and request.include.get("gender") \
            and _SUBJECT_PRONOUN.search(lowered) and not _GENDER_WORDS.search(lowered) and stated_age(lowered) is None:
        # "she's not keen on red": the recipient of the search under way, no new wish
        request = request.model_copy(update={"include": {k: v for k, v in request.include.items() if k != "gender"}})
    for found in _GIVE_UP.finditer(lowered):
        given_up = _words(found.group(1))
        include = {
            name: kept for name, values in request.include.items()
            if (kept := [v for v in values if not (_words(v) and _words(v) <= given_up)])
        }
        # "never mind black": given up, not turned down
        exclude = {
            name: kept for name, values in request.exclude.items()
            if (kept := [v for v in values if not (_words(v) and _words(v) <= given_up)])
        }
        if include != request.include or exclude != request.exclude:
            dropped = [name for name in request.include if name not in include and name in current]
            request = request.model_copy(
                update={"include": include, "exclude": exclude, "drop": sorted({*request.drop, *dropped})}
            )
    if not n:
        return request

    # Place on the screen.
    spatial = [1] if _LEFT.search(lowered) else [n] if _RIGHT.search(lowered) else []
    if spatial and request.intent not in ("off_topic", "start_over", "show_again"):
        refs = [_ref(spatial[0], shown, "position")]
        intent = request.intent
        if intent in ("refine", "recommend", "reject", "chitchat", "answer"):
            extra = any(v for name, values in request.include.items() if name not in types for v in values)
            intent = "more_like" if extra or not lowered.rstrip().endswith("?") else "ask_about_item"
        request = request.model_copy(update={"references": refs, "intent": intent})
        named = [spatial[0]]
    # The cheaper or pricier of items named by name.
    among = _PRICE_AMONG.search(lowered)
    if among:
        pool = [p for word in (among.group("a"), among.group("b")) for p in _named(shown, word)]
        prices = {p: _price(shown[p - 1]) for p in dict.fromkeys(pool)}
        if len(prices) >= 2 and all(v is not None for v in prices.values()):
            cheap = among.group("kind").startswith(("cheap", "less", "least", "lower"))
            best = (min if cheap else max)(prices, key=lambda p: prices[p] or 0.0)
            words = _words(among.group("a")) | _words(among.group("b"))
            include = {
                name: kept for name, values in request.include.items()
                if (kept := [v for v in values if not _words(v) <= words])
            }
            request = request.model_copy(update={
                "references": [_ref(best, shown, "title")], "include": include, "relative_price": None,
            })
            named = [best]
    both = _BOTH_NAMED.search(lowered)
    if both and (not named or set(named) == {1, 2}):
        hits = _named(shown, both.group(1))
        if len(hits) >= 2:
            # the words that named the items ("both Nike bags") are no new wish
            naming = _words(both.group(0)) - _BOTH_WORDS
            naming |= {w[:-1] for w in naming if w.endswith("s")}
            include = {
                name: kept for name, values in request.include.items()
                if (kept := [v for v in values if not {w.rstrip("s") for w in _words(v)} <= naming | {w.rstrip("s") for w in naming}])
            }
            request = request.model_copy(update={"references": [_ref(p, shown, "title") for p in hits], "include": include})
            named = hits
    # A part of one item asked about: the part's words name no other item.
    positional = [r for r in request.references if r.how == "position"]
    if positional and len(positional) < len(request.references) and _PART_OF.search(lowered):
        request = request.model_copy(update={"references": positional})
        named = [r.position for r in positional]
    # "the last one, is there a cheaper version?": more like it, cheaper; "...one with more storage": more like it.
    if named and request.intent == "ask_about_item" and not request.include and _VARIANT.search(lowered) \
            and not _VERSION.search(lowered):
        request = request.model_copy(update={"intent": "more_like", "show_now": True})
    if named and request.intent == "ask_about_item" and not request.include:
        version = _VERSION.search(lowered)
        if version:
            cheap = version.group(1) in ("cheaper", "less expensive", "more affordable", "cheaper-priced")
            request = request.model_copy(update={
                "intent": "more_like", "relative_price": "cheaper" if cheap else "pricier", "show_now": True})
    if named and request.intent == "more_like" and not request.include and not request.relative_price \
            and _TELL_MORE.search(lowered) and not re.search(r"\b(?:show|see|like|similar)\b", lowered):
        request = request.model_copy(update={"intent": "ask_about_item", "show_now": False})
    others = _THE_OTHERS.search(lowered)
    if others and named and len(named) < n and re.search(r"\b(?:not|no|except|but)\b", lowered[:others.start()]):
        rest = [p for p in range(1, n + 1) if p not in named]
        request = request.model_copy(update={"references": [_ref(p, shown, "other") for p in rest]})
        named = rest
    # Items named and disliked, others asked for: reject those.
    disliked = _DISLIKE_NAMED.search(lowered)
    if named and request.intent in ("more_like", "ask_about_item", "refine") and disliked \
            and _OTHERS.search(lowered) and not request.include:
        request = request.model_copy(update={"intent": "reject", "show_now": True})
    elif named and request.intent == "more_like" and disliked and not request.include \
            and not re.search(r"\b(?:like|similar|same|more)\b", lowered[disliked.end():]):
        # stop 51: "I'm not a fan of the first two" showed more like them
        request = request.model_copy(update={"intent": "reject", "show_now": True})
    # The items of before, again.
    if not named and request.intent not in ("show_again", "start_over", "off_topic") and not request.include \
            and _FROM_BEFORE.search(lowered) and _AGAIN.search(lowered):
        return request.model_copy(update={"intent": "show_again", "references": [], "show_now": True})
    # "which is your favourite of these?": a choice among the items shown
    if request.intent == "ask_about_item" and len(request.references) == n >= 2 and re.search(r"\bwhich\b", lowered) \
            and re.search(r"\b(?:favou?rite|pick|choose|go for|recommend|best bet)\b", lowered):
        request = request.model_copy(update={"intent": "compare"})
    # Two items named and compared.
    if len(named) >= 2 and request.intent in ("ask_about_item", "more_like") and _COMPARATIVE.search(lowered) \
            and not request.include:
        request = request.model_copy(update={"intent": "compare"})
    # A question naming a shown item is about it, whatever else it says ("tell me a bit more about the middle one").
    if request.intent == "off_topic" and named and not re.search(
        r"\b(?:ignore|instructions?|prompt|system|pretend|jailbreak|password|email|address)\b", lowered
    ):
        request = request.model_copy(update={"intent": "ask_about_item"})
    # A price range like a shown item's.
    if _SAME_PRICE.search(lowered) and len(named) == 1 and not request.price:
        price = _price(shown[named[0] - 1])
        if price is not None:
            request = request.model_copy(update={
                "intent": "refine", "references": [], "relative_price": None, "show_now": True, "query": "",
                "price": PriceRange(min=round(0.8 * price, 2), max=round(1.2 * price, 2)),
            })
            named = []
    # A brand of shown items turned down; another brand asked for.
    shown_brands = {b.casefold(): b for b in (_brand(item) for item in shown) if b}
    turned_down = [
        word for word in (m.group(1) for m in _NOT_NAMED.finditer(lowered))
        if word in shown_brands and word not in _NOT_BRANDS and len(set(shown_brands)) > 1
    ]
    brands = _brand_values(vocabulary) if turned_down else {}  # every brand of the catalogue: only when needed
    if brands and turned_down and request.intent in ("ask_about_item", "compare", "more_like", "refine", "recommend"):
        exclude = dict(request.exclude)
        exclude["brand"] = sorted({*exclude.get("brand", []), *(v for w in turned_down for v in brands.get(w, []))})
        include = {k: v for k, v in request.include.items() if not (k == "brand" and {x.casefold() for x in v} <= set(turned_down))}
        wanted = [w for w in (m.group(1) for m in _FROM_BRAND.finditer(lowered)) if w in brands and w not in turned_down]
        if wanted:
            include["brand"] = sorted({*include.get("brand", []), *(v for w in wanted for v in brands[w])})
        keep_refs = [r for r in request.references if r.how == "position"]
        if not wanted and not request.price and not request.relative_price and _OTHERS.search(lowered) \
                and re.search(r"\b(?:neither|none of|nor)\b", lowered):
            # "neither the Redmi nor the Samsung, something else": those items are rejected
            places = [p for p, item in enumerate(shown, start=1) if (_brand(item) or "").casefold() in turned_down]
            return request.model_copy(update={
                "intent": "reject", "references": [_ref(p, shown, "title") for p in places],
                "include": {k: v for k, v in request.include.items() if k != "brand"}, "exclude": {},
                "show_now": True,
            })
        request = request.model_copy(update={
            "intent": "refine" if getattr(context, "searching", False) else "recommend",
            "exclude": exclude, "include": include, "references": keep_refs, "show_now": True,
        })
    return request
