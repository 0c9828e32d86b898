"""Hinglish, Indian English and the wording of older, teenage and dictating shoppers (issue 12, set 47).

Blind set 47 (Indian English and Hinglish in Latin script, older people unsure of product names,
teenagers, voice dictation, people in a hurry, parents) showed classes of turns that
:mod:`chatrec.understanding` and the English steps after it read wrong. Two steps correct them by
class, never by sentence; their words are in ``chatrec/data/indian_english.json``.

:func:`normalise` rewrites the message in the plain English the rules read:

- Hinglish in Latin script, when a word no English, Spanish or German message uses shows it
  ("bhai 500-600 mein kuch hai kya", "rating kya hai iska", "galaxy buds ka battery kitna hai",
  "pehla wala", "samsung wala", "20k tak", "15000 se kam", "papa ke liye"): amounts with
  "mein"/"tak"/"se kam"/"se upar", questions with "kya"/"kitna", ordinals and "X wala", words
  ("sasta", "dikhao", "nahi chahiye"); the message is then English, not German ("mein");
- a form of address ("thank u beta", "hi bhai", "ok yaar") is no wearer: "beta" is a son only
  after "my" or "for";
- product names as Indian, older and phonetic spellers write them ("mobail", "jens",
  "induction stove", "one of those wireless ear things", "the thing you plug in the wall to charge
  a phone"), "mixer" alone for the mixer grinder of Indian kitchens, "hdmi wire" for the cable,
  "a charger for my samsung phone" for a phone charger;
- dictated homophones: "for my sun" is "for my son";
- two words that are one value word of the catalogue written apart ("track suit", "sweat shirt",
  "hand bag") are that word;
- "4k" beside a television word is a resolution, no budget ("lg smart tv 55 inch 4k budget 50000");
- "for office", "office going" on a catalogue of clothes is office wear (formal), said of what is
  worn ("black handbags for the office" are no formal wear);
- "can go upto 20k if its really good": the condition is no question about an item;
- "anything other than zebronics?": a wish with a question mark, no question;
- "no no my first idea was right, the red ones", "like I said before, the black ones": plural ones
  said when going back to an earlier wish are that wish again, no item shown;
- "whats the cheapest of these": "which is the cheapest of these" (a comparison of the items shown);
- "how much battery backup" of an item shown asks about its battery, no batteries to buy.

:func:`adjust` corrects the request after the rules:

- a message made only of greetings, thanks and blessings ("yo whats good", "thank u beta god bless")
  is chitchat;
- asking for goods for free ("give me iphone for free") is off topic;
- "the lg one details pls": details of a shown item are a question about it, not more like it;
- "same but in white and for summer" with no item named changes the search under way (refine),
  it points at no item;
- "hate jbl, any other?": a brand named bare after a dislike leaves the brand out, even when a
  shown item is of that brand (set 44's "not the redmi" names the item with "the");
- "and how does it compare with the samsung": "it" is the item the last turn pointed at;
- "first one looks cheap quality, anything like the fire boltt one?": more like the item of the
  last clause, not the one judged before it;
- "the being human with white strap": a feature after "with" picks the one of the items of that
  name whose title has it, and its words are no wish;
- "olive green", "mustard yellow": a colour value before a basic colour names that colour alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from contextvars import ContextVar
from functools import lru_cache
from typing import Any

from chatrec.request import ItemReference, ShopperRequest
from chatrec.text import alternation, word_table

__all__ = ["adjust", "is_hinglish", "normalise"]

_AMOUNT = r"(?:rs\.?\s*|₹\s*)?\d[\d,.]*(?:\s*-\s*\d[\d,.]*)?\s*(?:k|thousand|hazaar|hazar|lakhs?|lacs?|rs|rupees?)?"
_TV_WORDS = re.compile(r"\b(?:tv|tvs|television|televisions|smart ?tv|monitor|projector|display|uhd|hdr|led|oled|qled"
                       r"|inch|inches|screen|resolution|camera|video)\b", re.IGNORECASE)
_MONEY_BEFORE = re.compile(r"(?:under|below|within|upto|up to|max|maximum|budget|rs\.?|₹|inr|for|around|about|than|"
                           r"till|until|to|is|of|spend|-)\s*$", re.IGNORECASE)
# set while the rewritten message is read again: the rules' own steps rewrite it once more, and a
# second rewrite of that would never end
_REREADING: ContextVar[bool] = ContextVar("indian_english_rereading", default=False)
_HUES = frozenset({"red", "blue", "green", "yellow", "pink", "orange", "purple", "brown", "grey", "gray"})
# "my beta", "for my lil bro", "his elder bhai": kin of someone, no form of address
_OWNED = re.compile(r"\b(?:my|for|mere|mera|meri|our|his|her|your|their|lil|little|baby|big|younger|elder|older|small|kid"
                    r"|twin|cousin|step)\s+$", re.IGNORECASE)
_SIMILAR = re.compile(r"\b(?:similar|like (?:it|this|that|these|those|the)|alike|more like|same|such)\b")


def _table() -> dict[str, Any]:
    return word_table("indian_english")  # read once per process (chatrec.text.word_table)


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    table = _table()
    flags = re.IGNORECASE
    ordinals = alternation(table["ordinals"])
    return {
        "marker": re.compile(rf"\b(?:{alternation(table['hinglish_markers'])})\b", flags),
        "words": re.compile(rf"\b(?:{alternation(table['hinglish_words'])})\b", flags),
        "kin": re.compile(rf"\b(?:{alternation(table['kin'])})\b", flags),
        # "galaxy buds ka battery kitna hai": how much of the second in the first
        "of_how_much": re.compile(
            r"^(?P<a>[\w' -]+?) (?:ka|ki|ke|k) (?P<b>[\w' -]+?) (?:kitna|kitni|kitne)(?: (?P<unit>[a-z]+?))?"
            r"(?: (?:hai|hain|h|he|hoga|hogi|milega|chalega|chalti|chalta))?\W*$", flags),
        # "battery backup kitna days", "price kitna hai"
        "how_much": re.compile(
            r"^(?P<b>[\w' -]+?) (?:kitna|kitni|kitne)(?: (?P<unit>(?!hai\b|hain\b|h\b|he\b)[a-z]+?))?"
            r"(?: (?:hai|hain|h|he|hoga|hogi|milega|chalega|chalti|chalta))?\W*$", flags),
        # "rating kya hai iska", "iska rating kya hai": what is its ...
        "what_its": re.compile(
            r"^(?:(?:iska|iski|iske|uska|uski|uske) )?(?P<b>[\w' -]+?) (?:kya|kyaa) (?:hai|h|he|hain)"
            r"(?: (?:iska|iski|iske|uska|uski|uske))?\W*$", flags),
        "how_is": re.compile(r"^(?P<b>[\w' -]+?) (?:kaisa|kaisi|kaise) (?:hai|h|he|hain)\W*$", flags),
        "amount_in": re.compile(rf"(?P<amount>{_AMOUNT})\s+(?:mein|me|main|ke andar|ke under|ke neeche|ke niche)\b", flags),
        "amount_upto": re.compile(rf"(?P<amount>{_AMOUNT})\s+tak\b", flags),
        "amount_below": re.compile(rf"(?P<amount>{_AMOUNT})\s+(?:se kam|se neeche|se niche)\b", flags),
        "amount_above": re.compile(rf"(?P<amount>{_AMOUNT})\s+(?:se (?:upar|uper|zyada|jyada|jada|above))\b", flags),
        "for_whom": re.compile(r"\b(?P<who>(?:my |mere |meri )?[a-z]+) (?:ke|ki|k) (?:liye|liya|lie|lye|liyea)\b", flags),
        "ordinal_wala": re.compile(
            rf"\b(?:the )?(?P<n>{ordinals})(?: (?:wala|wali|wale|vala|vali|vale|waala|waali|one|ka|ki))\b", flags),
        "x_wala": re.compile(r"\b(?:the )?(?P<w>[a-z][\w-]*) (?:wala|wali|wale|vala|vali|vale|waala|waali)\b", flags),
        "filler": re.compile(r"\b(?:hai|hain|kya|kyaa|na|haan|ha|re|toh|to bhi)\b\s*(?=[?.!,]|$)", flags),
        "vocative": re.compile(
            rf"\b(?:{alternation(table['vocatives'])})\b"
            r"(?=\s*(?:[,.!?]|$|\s(?:i|i'm|im|we|need|want|show|pls|please|plz|can|could|do|is|are|what|which|how"
            r"|any|anything|something|give|suggest|tell|looking|one|god|thanks|thank)\b))", flags),
        "products": re.compile(rf"\b(?:{alternation(table['product_words'])})\b", flags),
        "mixer": re.compile(r"(?<!\bhand )(?<!\bstand )(?<!\bfood )(?<!\bcement )(?<!\bconcrete )(?<!\baudio )(?<!\bdj )"
                            r"\bmixers?\b(?! grinders?\b| jars?\b| juicers?\b| grinder\b)", flags),
        "wire": re.compile(rf"\b(?P<plug>{alternation(table['connectors'])})\s+wires?\b", flags),
        "charge_thing": re.compile(
            r"\b(?:the |a |one of those |those |that )?(?:thing|things|thingy|thingie|gadget|device|box|plug)\b"
            r"[^.?!]{0,40}?\bcharg(?:e|es|ing|er)\b(?: up)?(?: (?:my|a|the|your|our))? (?:phone|mobile|cell ?phone)s?\b",
            flags),
        "charger_for": re.compile(
            r"\b(?P<charger>chargers?|chargr|chargar|charjer)\s+for\s+(?:my |a |the |his |her |our )?"
            r"(?P<brand>[a-z][\w-]* )?(?:phone|mobile|smartphone|cell ?phone)s?\b", flags),
        "homophone_son": re.compile(r"\b(?P<who>my|for my|our) (?:sun|sunn)\b(?! ?(?:glasses|screen|cream|hat|light))", flags),
        "resolution": re.compile(r"(?<![\w.])(?P<k>[48])\s?k\b(?! ?(?:rs|rupees|max|only|inr)\b)"
                                 r"(?! ?budget\b(?!\s*(?:is\s*|of\s*)?(?:rs\.?\s*|₹\s*)?\d))", flags),
        "office": re.compile(
            r"\b(?:for|to|in|at) (?:the )?office\b(?! (?:wear|use|chair|desk|table|work))|\boffice[- ]going\b"
            r"|\boffice (?:use|purpose|purposes)\b", flags),
        "condition": re.compile(
            r",?\s*\bif (?:it'?s|it is|its|they'?re|they are|the quality is|quality is|it'?s really|it is really)"
            r" (?:really |very |actually |truly |that |super |quite )?(?:good|worth it|great|nice|better|premium"
            r"|decent|value for money)\b", flags),
        "other_than": re.compile(
            r"^\W*(?:(?:ok|okay|so|then|hmm)\W+)?(?:any|anything|something|some|anything else|something else"
            r"|any other|got anything|have anything|any options?|show me something|show something)"
            r"(?: [a-z]+)? (?:other than|except|but not|apart from|besides|instead of)\b[^?]*\?+\s*$", flags),
        "what_the_most": re.compile(
            r"\bwhat(?:'?s| is| are|s)(?: the)? (?P<sup>[a-z]+est|best|worst|most [a-z]+|least [a-z]+)"
            r"(?: one| ones)? (?=(?:of|among|from|in) (?:these|them|those|the lot|all|the three|the four|the two)\b"
            r"|here\b|out of these\b)", flags),
        # "my first idea was right", "like i said before": the shopper goes back to an earlier wish
        "returning": re.compile(
            r"\b(?:my first (?:idea|choice|thought|plan)|first idea|like i said|as i said|i said (?:before|earlier|first)"
            r"|i told (?:you |u )?(?:before|earlier|first)|originally|at first i (?:wanted|said|asked)|what i (?:wanted|asked for)"
            r" (?:first|before|earlier|at first)|back to my first)\b", flags),
        "battery_question": re.compile(
            r"\b(?:how (?:much|many|long|good|many days|many hours)|kitna|kitni|kitne|what(?:'?s| is)(?: the)?)"
            r"(?: [a-z]+){0,3}? battery(?: backup| life| capacity)?\b|\bbattery (?:backup|life)\b[^.]*\?", flags),
    }


def is_hinglish(message: str) -> bool:
    """Whether an English-script message is Hinglish: it holds a word no English, Spanish or German uses."""
    return bool(_patterns()["marker"].search(message))


def _hinglish(text: str) -> str:
    patterns = _patterns()
    table = _table()
    text = re.sub(r"\s+", " ", text).strip()
    # questions first, while the Hindi word order is whole
    for name, template in (("of_how_much", "how much {b}{unit} in the {a}?"), ("how_much", "how {unit} {b} does it have?"),
                           ("what_its", "what is its {b}?"), ("how_is", "how is the {b}?")):
        found = patterns[name].search(text)
        if found:
            parts = found.groupdict()
            if name == "how_much":  # "battery backup kitna days": how many days of it
                unit = f"many {parts['unit']}" if parts.get("unit") else "much"
            else:
                unit = f" {parts['unit']}" if parts.get("unit") else ""
            text = template.format(a=parts.get("a") or "", b=parts["b"], unit=unit)
            break
    text = patterns["amount_in"].sub(lambda found: f"in {found.group('amount').strip()}", text)
    text = patterns["amount_upto"].sub(lambda found: f"up to {found.group('amount').strip()}", text)
    text = patterns["amount_below"].sub(lambda found: f"under {found.group('amount').strip()}", text)
    text = patterns["amount_above"].sub(lambda found: f"over {found.group('amount').strip()}", text)
    text = patterns["kin"].sub(lambda found: table["kin"][found.group(0).lower()], text)
    text = patterns["for_whom"].sub(lambda found: f"for {found.group('who')}", text)
    text = patterns["ordinal_wala"].sub(lambda found: f"the {table['ordinals'][found.group('n').lower()]} one", text)
    text = patterns["words"].sub(lambda found: table["hinglish_words"][found.group(0).lower()], text)
    text = patterns["x_wala"].sub(lambda found: f"the {found.group('w')} one", text)
    text = patterns["filler"].sub("", text)
    return re.sub(r"\s+", " ", text).strip(" ,") or text


def _glued(text: str, value_words: frozenset[str], value_phrases: frozenset[str]) -> str:
    """"track suit", "sweat shirt", "hand bag": two words that are one value word of the catalogue written apart."""
    from chatrec.understanding import normalise_tokens

    def join(found: re.Match[str]) -> str:
        first, second = found.group(1), found.group(2)
        joined = normalise_tokens(first + second)
        apart = " ".join(normalise_tokens(f"{first} {second}"))
        if len(joined) == 1 and joined[0] in value_words and apart not in value_phrases \
                and f"{first} {second}".lower() not in value_phrases:
            return first  # the space goes, the second word stays: "tracksuit"
        return found.group(0)

    # the second word is looked ahead at, so that every pair of neighbours is tried ("need a track suit")
    return re.sub(r"\b([a-z]{3,}) (?=([a-z]{3,})\b)", join, text, flags=re.IGNORECASE) if value_words else text


def normalise(message: str, clothes: bool = False, value_words: frozenset[str] = frozenset(),
              value_phrases: frozenset[str] = frozenset()) -> str:
    """The message with the wordings of the module docstring's first list said plainly.

    Args:
        message: The shopper's words.
        clothes: Whether the catalogue has a usage field with formal wear ("for office" is office wear).
        value_words: The catalogue's one-word values ("tracksuit"): two words written apart that
            make one ("track suit") are joined.
        value_phrases: The catalogue's values of several words ("bath robe"), never joined.
    """
    patterns = _patterns()
    table = _table()
    text = _glued(message, value_words, value_phrases)
    if is_hinglish(text):
        text = _hinglish(text)
    text = patterns["vocative"].sub(
        lambda found: found.group(0) if _OWNED.search(text[:found.start()]) else "", text)
    text = patterns["products"].sub(lambda found: table["product_words"][found.group(0).lower()], text)
    text = patterns["mixer"].sub("mixer grinder", text)
    text = patterns["wire"].sub(lambda found: f"{found.group('plug')} cable", text)
    text = patterns["charge_thing"].sub("phone charger", text)
    text = patterns["charger_for"].sub(lambda found: f"phone charger for {found.group('brand') or 'my '}phone", text)
    text = patterns["homophone_son"].sub(lambda found: f"{found.group('who')} son", text)
    if _TV_WORDS.search(text):
        text = patterns["resolution"].sub(
            lambda found: found.group(0) if _MONEY_BEFORE.search(text[:found.start()]) else "uhd", text)
    # office wear is what is worn: a bag for the office is carried there, no formal wear (main set)
    if clothes and not re.search(r"\b(?:bags?|handbags?|backpacks?|wallets?|clutch(?:es)?|totes?|purses?|laptop)\b",
                                 text, re.IGNORECASE):
        text = patterns["office"].sub("for office wear", text)
    text = patterns["condition"].sub("", text)
    if patterns["other_than"].search(text):
        text = text.rstrip(" ?")
    if patterns["returning"].search(text):  # "the red ones" is then the earlier wish, no item shown
        text = re.sub(r"\bthe ((?:[a-z]+ ){1,2}ones)\b", r"\1", text, flags=re.IGNORECASE)
    text = patterns["what_the_most"].sub(lambda found: f"which is the {found.group('sup')} ", text)
    text = re.sub(r"\s+([,.!?])(?=\s|$)", r"\1", text)  # a word taken out leaves no space before a comma
    return re.sub(r"\s+", " ", text).strip(" ,") or message


def _wish(request: ShopperRequest) -> bool:
    return bool(request.include or request.exclude or request.price or request.relative_price or request.references)


def _small_talk(lowered: str) -> bool:
    """Only greetings, thanks and blessings (forms of address left out)."""
    table = _table()
    phrases = alternation([*table["greetings"], *table["blessings"], *table["vocatives"]])
    rest = re.sub(rf"\b(?:{phrases})\b", " ", lowered)
    return bool(re.search(r"[a-z]", lowered)) and not re.search(r"[a-z0-9]", rest)


def _free(lowered: str) -> bool:
    return bool(re.search(rf"\b(?:{alternation(_table()['free_demands'])})\b", lowered)) and bool(
        re.search(r"\b(?:give|send|gift|want|get|deliver|need|i'?ll take|can i have|let me have)\b", lowered))


def _refs(positions: list[int], shown: list[Any], how: str) -> list[ItemReference]:
    return [ItemReference(position=p, item_id=str(getattr(shown[p - 1], "id", "")) or None, how=how)
            for p in positions if 1 <= p <= len(shown)]


def _asks_about_item(request: ShopperRequest, lowered: str) -> ShopperRequest:
    """"the lg one details pls": a question about the item pointed at."""
    if request.intent != "more_like" or not request.references or any(r.how == "all" for r in request.references):
        return request
    details = re.search(r"\b(?:details?|specs?|specifications?|full info|more info|information|features)\b", lowered)
    if details and not _SIMILAR.search(lowered):
        return request.model_copy(update={"intent": "ask_about_item", "include": {}, "exclude": {}, "price": None,
                                          "relative_price": None, "show_now": False})
    return request


def _same_but(request: ShopperRequest, lowered: str, context: Any) -> ShopperRequest:
    """"same but in white": the search under way changed, no item pointed at."""
    if request.intent != "more_like" or not getattr(context, "current", None):
        return request
    if not re.match(r"^\W*(?:ok |okay |yes |yeah |hmm )?(?:the )?same(?: (?:thing|ones?|stuff|search|kind))? but\b", lowered):
        return request
    if request.references and not all(r.how == "all" for r in request.references):
        return request
    return request.model_copy(update={"intent": "refine", "references": []})


def _brand_hated(request: ShopperRequest, lowered: str, vocabulary: Any) -> ShopperRequest:
    """"hate jbl, any other?": the brand named bare after a dislike is left out, not the shown item."""
    if request.intent not in ("reject", "refine") or request.include or request.price or vocabulary is None:
        return request
    found = re.search(r"\b(?:hate|hates|can'?t stand|cannot stand|not a fan of|done with|sick of|fed up with|no more)"
                      r" (?P<name>[a-z][\w-]*)\b", lowered)
    if not found or found.group("name") in ("the", "this", "that", "these", "those", "it", "them", "any", "all"):
        return request
    brands = sorted(v for v in getattr(vocabulary, "counts", {}).get("brand", ()) if v.lower() == found.group("name"))
    if not brands:
        return request
    return request.model_copy(update={"intent": "refine", "references": [], "exclude": {**request.exclude, "brand": brands},
                                      "show_now": True})


def _compare_it(request: ShopperRequest, lowered: str, context: Any, shown: list[Any]) -> ShopperRequest:
    """"how does it compare with the samsung": "it" is the item the last turn pointed at."""
    last = list(getattr(context, "last_references", ()) or ())
    if request.intent != "compare" or not last or not re.search(r"\b(?:it|this one|that one)\b", lowered):
        return request
    have = {r.position for r in request.references}
    if len(have) != 1 or set(last) <= have:
        return request
    return request.model_copy(update={"references": [*request.references, *_refs([p for p in last if p not in have],
                                                                                shown, "other")]})


def _colour_shade(request: ShopperRequest, lowered: str) -> ShopperRequest:
    """"olive green": a colour value before a basic colour names that colour alone."""
    colours = request.include.get("baseColour")
    if not colours or len(colours) < 2:
        return request
    # "black white" is two colours: only a shade that is no plain hue ("olive", "mustard") names one alone
    drop = {basic for basic in colours for shade in colours
            if shade != basic and basic.lower() in _HUES and shade.lower() not in _HUES and shade.lower() not in ("black", "white")
            and re.search(rf"\b{re.escape(shade.lower())}[- ]{re.escape(basic.lower())}\b", lowered)}
    if not drop:
        return request
    return request.model_copy(update={"include": {**request.include, "baseColour": [c for c in colours if c not in drop]}})


def _last_clause_points(request: ShopperRequest, message: str, reread: Callable[[str], ShopperRequest] | None,
                        ) -> ShopperRequest:
    """"first one looks cheap, anything like the fire boltt one?": more like the item of the last clause."""
    if request.intent != "more_like" or len(request.references) < 2 or reread is None or _REREADING.get():
        return request
    clauses = [c for c in re.split(r"[,.;!?]+\s*|\s+but\s+", message) if re.search(r"[a-z]", c, re.IGNORECASE)]
    if len(clauses) < 2 or not _SIMILAR.search(clauses[-1].lower()):
        return request
    token = _REREADING.set(True)
    try:
        last = reread(clauses[-1])
    finally:
        _REREADING.reset(token)
    have = {r.position for r in request.references}
    kept = [r for r in last.references if r.position in have]
    if last.intent != "more_like" or not kept or len(kept) >= len(have) or any(r.how == "all" for r in kept):
        return request
    return request.model_copy(update={"references": kept})


def _named_with(request: ShopperRequest, lowered: str, shown: list[Any]) -> ShopperRequest:
    """"the being human with white strap": a feature after "with" picks the one of the items named
    that has it in its title; its words describe that item, they are no wish."""
    if len(request.references) < 2 or request.intent not in ("more_like", "ask_about_item", "reject"):
        return request
    found = re.search(r"\bthe [a-z][\w -]*? with (?:the |a |an )?(?P<words>[a-z]+(?: [a-z]+)?)\b", lowered)
    if not found:
        return request
    words = found.group("words").split()
    picked = [r for r in request.references if 1 <= r.position <= len(shown) and all(
        re.search(rf"\b{re.escape(w)}", str(getattr(shown[r.position - 1], "title", "")).lower()) for w in words)]
    if not picked or len(picked) == len(request.references):
        return request
    include = {k: kept for k, values in request.include.items()
               if (kept := [v for v in values if v.lower() not in words])}
    return request.model_copy(update={"references": picked, "include": include})


def _battery_question(request: ShopperRequest, message: str, context: Any, shown: list[Any]) -> ShopperRequest:
    """"battery backup kitna days" of an item shown: a question about its battery, not batteries."""
    last = list(getattr(context, "last_references", ()) or ())
    if not shown or request.intent not in ("refine", "recommend") or not _patterns()["battery_question"].search(message):
        return request
    if request.price or request.exclude or any(k not in ("category", "subcategory") for k in request.include):
        return request
    if any(not re.search(r"batter", v, re.IGNORECASE) for v in request.include.get("category", [])):
        return request
    refs = request.references or _refs(last, shown, "other")
    if not refs:
        return request
    return request.model_copy(update={"intent": "ask_about_item", "include": {}, "references": refs, "show_now": False})


def adjust(
    request: ShopperRequest, message: str, context: Any, vocabulary: Any = None,
    reread: Callable[[str], ShopperRequest] | None = None,
) -> ShopperRequest:
    """Correct a rules request for the classes of the module docstring; the arguments and the result
    are those of the other English steps (:func:`chatrec.plain_shoppers.adjust`)."""
    hinglish = is_hinglish(message) and request.language in ("en", "de", "es", "other")
    if request.language != "en" and not hinglish:
        return request
    fields = getattr(vocabulary, "counts", {}) if vocabulary is not None else {}
    clothes = any(v.lower() == "formal" for v in fields.get("usage", ()))
    rewritten = normalise(message, clothes=clothes, value_words=getattr(vocabulary, "value_words", frozenset()),
                          value_phrases=getattr(vocabulary, "value_phrases", frozenset()))
    if rewritten != message and reread is not None and not _REREADING.get():
        token = _REREADING.set(True)
        try:
            request = reread(rewritten)
        finally:
            _REREADING.reset(token)
        if hinglish and request.language != "en":
            request = request.model_copy(update={"language": "en"})
    lowered = re.sub(r"\s+", " ", rewritten.lower()).strip()
    shown = list(getattr(context, "shown", ()) or ())
    if request.intent in ("recommend", "refine", "off_topic") and not _wish(request) and _small_talk(lowered):
        return ShopperRequest(intent="chitchat", language=request.language)
    if _free(lowered):
        return ShopperRequest(intent="off_topic", language=request.language)
    request = _asks_about_item(request, lowered)
    request = _same_but(request, lowered, context)
    request = _brand_hated(request, lowered, vocabulary)
    request = _colour_shade(request, lowered)
    if shown:
        request = _last_clause_points(request, rewritten, reread)
        request = _named_with(request, lowered, shown)
        request = _compare_it(request, lowered, context, shown)
        request = _battery_question(request, lowered, context, shown)
    return request
