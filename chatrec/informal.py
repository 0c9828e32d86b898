"""Informal English for the rules understander (issue 12, held-out sets 17, 19, 20, 21).

Shoppers write shorthand ("pls", "u", "giv me more like d last one", "1k n 2k", "w/o white"),
regional English ("iron box", "geyser", "trackies", "gud morning po"), ALL CAPS, voice-typed
stories with the request buried in them, sarcasm, budgets relative to the items shown, and
attacks dressed as markup, code or SQL. Two steps around :func:`chatrec.understanding.understand`
(see ``docs/UNDERSTANDING_INFORMAL.md`` for every case and the measurements):

- :func:`normalise` rewrites the message into the plain English the rules read: formatting
  markup stripped to its text, ALL CAPS lowered, shorthand, phrases and regional words from
  ``chatrec/data/informal_english.json`` expanded, stretched words respelt, a self-correction
  ("a laptop bag? no wait, a mouse") kept from the correction on, and a story of several
  sentences cut to the sentences that ask, say who the shopper is or are not about the past.
  Only English is rewritten: a message the rewrite would not leave English is read as written.
- :func:`adjust` corrects the request where informal wording defeats the rules: code and
  injections in plain words are off topic, more ways of starting over, dislikes of the shown
  items reject them, budgets relative to shown items become prices or a cheaper/pricier search,
  references by position words, attributes and brands, and questions about shown items.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from chatrec.language import detect_language
from chatrec.request import ItemReference, PriceRange, ShopperRequest
from chatrec.text import word_table

__all__ = ["SHOW_OTHERS", "adjust", "normalise"]

_DATA = Path(__file__).parent / "data" / "informal_english.json"

#: Shorthand written with a slash: replaced before the language is told ("w/o" looks Spanish).
_SLASHED = re.compile(r"(?<![\w/])(w/o|wo/|w/|b/w)(?![\w/])", re.IGNORECASE)
#: Formatting tags only: role tags ("<system>") stay for the rules to see as an injection.
_TAG = re.compile(
    r"</?(?:b|i|u|s|em|strong|p|br|div|span|h[1-6]|a|li|ul|ol|font|small|big|mark|center|sup|sub|strike)"
    r"(?:\s[^<>]{0,200})?/?>",
    re.IGNORECASE,
)
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\((?:[^()\s]+)\)")
_MD_EMPHASIS = re.compile(r"(\*{1,3}|_{2,3}|~~|`{1,3})(?=\S)(.+?)(?<=\S)\1")
#: Code in a message: a script, an event handler, SQL. Nobody shops in code.
_CODE = re.compile(
    r"<\s*/?\s*(?:script|iframe|object|embed|svg|img)\b|javascript:|\bon(?:error|load|click)\s*=|"
    r"\b(?:drop|truncate|alter)\s+table\b|\bunion\s+(?:all\s+)?select\b|\bselect\s+[\w*, ]+\s+from\s+\w+|"
    r"\binsert\s+into\s+\w+|\bdelete\s+from\s+\w+|\bupdate\s+\w+\s+set\b|'\s*(?:or|and)\s+'?\d+'?\s*=\s*'?\d|"
    r";\s*--|\b(?:exec|eval|popen|__import__)\s*\(|\b(?:print|open|system)\((?:['\"]|\w+\()|\{\{.*\}\}|\$\{.*\}|/etc/passwd|\brm\s+-rf\b|"
    r"\bimport\s+(?:os|sys|subprocess)\b|\bos\.\w+\(",
    re.IGNORECASE,
)
#: A self-correction: what comes before it was taken back.
_CORRECTION = re.compile(r"\b(?:no wait|wait no|no no|scratch that|sorry,? i meant?|i meant|correction:?)\b", re.IGNORECASE)
#: A sentence that asks for something (kept from a story).
_ASKS = re.compile(
    r"\b(?:show|find|suggest|recommend|need|want|looking for|look for|searching for|get me|give me|can you|could you|"
    r"would you|do you have|got any|any\b.*\?|help me|i'?d like|i would like|budget|under|below|between|max|prefer\w*)\b",
    re.IGNORECASE,
)
#: Stop 43: a search that failed in the story ("nobody can find the cable"), no request to find.
_FAILED_SEARCH = re.compile(r"\b(?:nobody|no one|noone|we|i|they|he|she) (?:can'?t|cannot|can not|couldn'?t|could not|"
                            r"can|could) (?:ever )?find\b", re.IGNORECASE)
#: Stop 43: a wish put off ("he also wants speakers but that can wait"): no wish of this turn.
_PUT_OFF = re.compile(r"\b(?:(?:that|it|this|those|these|they) can wait|(?:maybe |but )?(?:some )?other time|not (?:right )?now)\b",
                      re.IGNORECASE)
#: A past event in a story ("my mom already bought her saree"): no wish of this turn.
_PAST = re.compile(
    r"\b(?:bought|got|had|was|were|did|went|wore|ordered|purchased|gave|gifted|used to|already|last (?:week|month|year)|"
    r"yesterday|ago)\b",
    re.IGNORECASE,
)
#: A sentence about the shopper (kept from a story): "I'm a guy", "I am 16".
_ABOUT_ME = re.compile(r"^\W*(?:i'?m|i am|im)\b(?!.*\b(?:going|getting|buying|planning)\b)", re.IGNORECASE)
_RESTART = re.compile(
    r"^\W*(?:restart|reboot|refresh|start again|new chat|new session|clear all|clear it all|wipe (?:it|everything))"
    r"(?: (?:please|pls|now))?\W*$",
    re.IGNORECASE,
)
#: Starting again in other words than the rules know ("from the top", "back to square one").
_RESET = re.compile(
    r"\b(?:do (?:this|it|that|everything) (?:all )?(?:over|again)(?: from the (?:top|start|beginning))?|"
    r"(?:again )?from the top|(?:back to |from )square one|wipe (?:my|the|all|all my|all the) (?:choices|filters|wishes|"
    r"preferences|selections)|clear (?:my|the) (?:choices|preferences|selections))\b"
)
#: Telling the assistant to stop being a shop assistant: an injection in plain words.
_PERSONA = re.compile(
    r"\b(?:forget|stop being|stop acting as|quit being) (?:that )?(?:you(?:'re| are) )?(?:a |an |the )?"
    r"(?:shop(?:ping)? |sales |store )?(?:assistant|bot|shop|chatbot)|from now on,? you\b|you (?:will|must|shall) now\b|"
    r"(?:no longer|not) a (?:shop(?:ping)?|store|sales) (?:assistant|bot)\b"
)
#: A yes/no question about the items pointed at ("the Nike ones, are they leather").
_YES_NO = re.compile(r"(?:^|[,.;!:-]\s*)(?:is|are|does|do|can|will|has|have) (?:it|they|this|that|these|those|them)\b")
#: A price near a shown item's ("around what the Redmi costs", "close to the price of the LG").
_NEAR_PRICE = re.compile(
    r"\b(?:around|about|roughly|close to|near|similar to|approximately|same as) (?:what (?:the )?\w+(?: \w+)? costs?|"
    r"the (?:price|cost) of)\b"
)
#: "the first and the last": "last" as an item even with no "one" after it.
_LAST_ITEM = re.compile(r"\b(?:and|or|,) the last\b(?!\s+(?:time|week|month|year|season|two|three|few|[0-9])\b)")
#: Not shopping: personal questions to the assistant, hacking, insults, jailbreak personas.
_NOT_SHOPPING = re.compile(
    r"\b(?:(?:are )?you single|marry me|date me|go out with me|(?:do )?you have a (?:girl|boy)friend|"
    r"hack(?:ing)? (?:my|his|her|their|an?|the|into)|insult me|roast me|do anything now|you are dan|jailbroken|"
    r"(?:your|ur) (?:phone number|address|age)|do you (?:have|feel) (?:feelings|emotions|a soul|a family|friends|a body|"
    r"dreams|pain)|are you (?:happy|sad|lonely|conscious|alive|married|in love))\b"
)
#: A shown item's price as a bound ("less than what the Dell costs", "cheaper than the LG").
_THAN_ITEM = re.compile(
    r"\b(?:(?P<side>less|cheaper|lower|under|below|more|pricier|higher|over|above) than (?:what )?(?:the )?|"
    r"(?P<side2>under|below|over|above|within) what (?:the )?)\w+(?: \w+)?(?: one)?(?: (?:costs?|is|was|goes for))?\b"
)
#: More of a shown item's brand ("more from that brand", "other JBL ones").
_SAME_BRAND = re.compile(r"\bmore (?:from|by|of) (?:that|this|the same|their|its) (?:brand|company|make|label)\b|\bsame brand\b")
#: Asking for a shown item's details ("specs of the LG", "reviews for the second one").
_DETAILS = re.compile(
    r"\b(?:specs?|specifications|features|reviews?|ratings?|dimensions|measurements|weight|warranty|details|info|"
    r"material|battery life) (?:of|on|for|about)\b"
)
#: "without the pink ones": a value of the items it names is not wanted, no reference to them.
_WITHOUT_THE = re.compile(r"\b(?:without|not|no|except|minus|skip|lose|ditch|drop|none of) the (\w+)(?: \w+)? ones\b")
#: A yes/no question over the shown items ("do any of these work with iphone").
_ANY_OF_THESE = re.compile(r"^\W*(?:do|does|are|is|can|will|would) (?:any|all|both|either|none|each) (?:of )?(?:these|those|them|they)\b")
#: The shown items again ("show me these once more").
_ONCE_MORE = re.compile(r"\b(?:these|those|them|they|the same (?:ones|items))\b.*\b(?:once more|one more time|once again)\b")
#: More like an item named ("the cheaper one, anything like it?").
_LIKE_IT = re.compile(r"\b(?:anything|something|any|more|others?|ones?|stuff) (?:like|similar to) (?:it|that|this|them|those|these)\b")
#: An item named still costs too much ("the cheaper one is still too much").
_TOO_MUCH = re.compile(r"\b(?:still |way |far )?too (?:much|dear|steep|high)\b|\bcosts? (?:way |far )?too much\b")
#: A small step in price ("a few thousand less", "a couple hundred more").
_A_FEW_LESS = re.compile(
    r"\b(?:a few|few|some|a couple(?: of)?|couple) (?:hundred|thousand|k|grand|bucks|rupees|dollars) "
    r"(?:rupees |bucks |dollars )?(?P<side>less|cheaper|lower|under|more|pricier|higher|over)\b"
)
#: Asking for other items than those shown ("show others", "any others?").
SHOW_OTHERS = re.compile(
    r"\b(?:show|see|give me|gimme|any|got|have you got|let me see)(?: me)?(?: some| the)? others\b(?! (?:just )?(?:like|similar))"
)
#: Someone who plays video games: gaming gear, not the toys-and-games department ("he plays games a lot").
_PLAYS_GAMES = re.compile(
    r"\b(?:plays?|playing|into|loves?|likes?|enjoys?|obsessed with) (?:a lot of |lots of |many )?(?:video ?|computer |pc |"
    r"online |mobile |console )?games\b|\bvideo ?games\b|\bgamer\b|\b(?:he|she|they|who|i|hes|shes|he's|she's) (?:\w+ly )?(?:games|game|gaming)\b(?! of\b)|打游戏|玩游戏|电竞|videojuegos|\bzock(?:t|en)\b|videospiele"
)
#: Taking the item just talked about ("fine, that one", "ok this one then").
ACCEPT = re.compile(
    r"^\W*(?:ok(?:ay)?|fine|alright|all right|great|perfect|good|cool|yes|yeah|yep|sure|right)\W+"
    r"(?:i'?ll (?:take|have|go with|get) )?(?:that|this|the same) one(?: then| please| pls| it is)?\W*$"
)
#: "others like it", "one like that one": more like ONE item, the one the last message pointed at.
_LIKE_THAT_ONE = re.compile(
    r"\b(?:like|similar to|as) (?:it|that one|this one|that|this)\b(?! (?:ones|two|three|items))|"
    r"\b(?:have|got|get|want|need|find|order|buy) (?:it|that|this)(?: one)? (?:also |too )?in\b"  # "got it in navy?"
)
_REFERRED = re.compile(r"\b(?:that|this) one\b|\bthat\b(?= (?:please|pls)?\W*$)")
#: The words of a bare "the one before last" / "the penultimate one" left in the search text.
_SECOND_LAST_WORDS = frozenset({"before", "last", "penultimate", "second", "2nd", "one", "but", "to", "from", "the", "please"})
_SECOND_LAST = re.compile(r"\b(?:second|2nd) (?:to |from )?(?:the )?last\b|\blast but one\b|\bpenultimate\b|\bthe one before (?:the )?last\b")
_MULTIPLE = re.compile(
    r"\b(?P<factor>half|a third|one third|a quarter|one quarter|a fourth|twice|double|two times|triple|three times)"
    r" (?:of )?(?P<what>what|the price of|the cost of|the amount|that|it|the|my|our)\b"
)
_FRACTIONS = {
    "half": 0.5, "a third": 1 / 3, "one third": 1 / 3, "a quarter": 0.25, "one quarter": 0.25, "a fourth": 0.25,
    "twice": 2.0, "double": 2.0, "two times": 2.0, "triple": 3.0, "three times": 3.0,
}
#: "what I want to spend", "my budget": the multiple is of the shopper's budget, the items are dearer.
_MY_BUDGET = re.compile(
    r"\b(?:i|we) (?:want|wanna|want to|wanted|planned|plan|hoped|can|could|would like|was hoping) (?:to )?(?:spend|pay)|"
    r"\bmy budget\b|\bi have\b"
)
#: The shown items as the subject of a price ("these are", "they cost").
_THEY_COST = re.compile(r"\b(?:these|those|they|them|it|its|it's)(?: \w+)? (?:are|is|cost|costs|were|come to)\b")
_MORE_THAN_THESE = re.compile(
    r"\b(?:a (?:bit|little) |slightly |somewhat )?(?:more|higher|over|above) than (?:what )?(?:these|those|they|them|the ones)"
    r"(?: (?:cost|are|were|shown))?\b"
)
_POSITIONS = re.compile(r"\b(?:between |compare )?(?:no\.? ?|number |#)?([1-9])(?: ?(?:and|&|vs\.?|versus|or|with) ?)(?:no\.? ?|number |#)?([1-9])\b")


def _table() -> dict[str, Any]:
    return word_table("informal_english")  # read once per process (chatrec.text.word_table)


@lru_cache(maxsize=1)
def _word_pattern() -> re.Pattern[str]:
    table = _table()
    keys = [*table["words"], *table["regional"], *table["fillers"], *table["phrases"]]
    alternatives = "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))
    return re.compile(rf"(?<![\w'/])({alternatives})(?![\w'/])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _english() -> frozenset[str]:
    words: set[str] = set()
    for name in ("english_words.txt", "common_words.txt"):
        lines = (_DATA.parent / name).read_text(encoding="utf-8").splitlines()
        words.update(line.strip() for line in lines if line.strip() and not line.startswith("#"))
    table = _table()
    return frozenset(words | set(table["dislikes"]) | set(table["shock"]) | set(table["words"]) | {"hi", "hey", "no", "so"})


def _known(word: str) -> bool:
    english = _english()
    return word in english or (word.endswith("s") and word[:-1] in english)


def _respell(found: re.Match[str]) -> str:
    """A word stretched ("hiiii", "ewww", "pleeease") as the word meant."""
    word = found.group(0)
    lowered = word.lower()
    if _known(lowered):
        return word
    if re.search(r"(\w)\1\1", lowered):
        for candidate in (re.sub(r"(\w)\1{2,}", r"\1", lowered), re.sub(r"(\w)\1{2,}", r"\1\1", lowered)):
            if _known(candidate):
                return candidate
        return re.sub(r"(\w)\1{2,}", r"\1\1", lowered)
    return word


def _replace(found: re.Match[str]) -> str:
    table = _table()
    word = found.group(1).lower()
    if word in table["fillers"]:
        return ""
    return str(table["regional"].get(word) or table["phrases"].get(word) or table["words"].get(word, found.group(1)))


def _strip_markup(text: str) -> str:
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_EMPHASIS.sub(r"\2", text)
    return _TAG.sub(" ", text)


def _story_request(text: str) -> str:
    """The sentences of a story that ask for something or say who the shopper is."""
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]
    if len(sentences) < 3:
        return text
    asking = [s for s in sentences if _ASKS.search(_FAILED_SEARCH.sub(" ", s)) and not _PUT_OFF.search(s)]
    if not asking:
        return text
    return " ".join(s for s in sentences if s in asking or _ABOUT_ME.search(s)
                    or not _PAST.search(s) and not _PUT_OFF.search(s) and not _FAILED_SEARCH.search(s))


def _your(text: str) -> str:
    # "ur" is "you are" before what follows a copula, else "your" ("whats ur return policy").
    return re.sub(
        r"(?<![\w'])ur(?![\w'])(?=\s+(?:my|a|an|the|so|not|very|too|welcome|right|wrong|kidding|joking|bot|ai|human|"
        r"real|a bot|sure|able|going|gonna)\b)",
        "you are", text, flags=re.IGNORECASE,
    )


def normalise(message: str) -> str:
    """A shopper's informal English message in the plain English the rules read.

    Markup is stripped to its text, shorthand and regional words expanded, a self-correction
    kept from the correction on and a story cut to the sentences that ask for something.
    A message that is not English (before or after the rewrite) is returned as written,
    apart from the markup.
    """
    if _CODE.search(message):
        return message  # code stays as written: :func:`adjust` reads it as off topic
    text = _strip_markup(message)
    letters = [c for c in text if c.isalpha() and c.isascii()]
    if len(letters) >= 12 and sum(c.isupper() for c in letters) >= 0.8 * len(letters):
        text = text.lower()  # ALL CAPS: every word would read as a name
    text = re.sub(r"\s*(?:\.{2,}|…)\s*", ", ", text)  # "PHONE... NOT MORE THAN 8000..." : a pause, no sentence end
    text = re.sub(r"\b(rs|inr)\.\s*(?=\d)", r"\1 ", text, flags=re.IGNORECASE)  # "Rs. 15000": no sentence end
    slashed = _SLASHED.sub(lambda m: str(_table()["words"].get(m.group(1).lower(), m.group(1))), text)
    if detect_language(slashed) != "en":
        return text
    corrected = list(_CORRECTION.finditer(slashed))
    if corrected and slashed[corrected[-1].end():].strip(" ,.!?"):
        slashed = slashed[corrected[-1].end():].lstrip(" ,.!?")
    rewritten = _story_request(slashed)
    rewritten = _your(rewritten)
    # "4 men", "gift 4 her": a lone 4 before a person is "for".
    rewritten = re.sub(
        r"(?<=[a-z] )4(?= (?:men|women|man|woman|me|my|him|her|a|the|kids?|boys?|girls?|ladies|gents|you|u|us|them)\b)",
        "for", rewritten, flags=re.IGNORECASE,
    )
    # stop 60: "a non stick pan", "non slip shoes": one feature word, as "non-stick" is read, no "not stick, not pan"
    rewritten = re.sub(r"\bnon\s+(stick|slip|skid|woven|toxic|iron|fading|marking|drip|spill)\b", r"non-\1", rewritten,
                       flags=re.IGNORECASE)
    # "1k n 2k", "black n white": a lone n between two words is "and".
    rewritten = re.sub(r"(?<=\w) n (?=\w)", " and ", rewritten)
    rewritten = re.sub(r"\b[a-z]*([a-z])\1\1[a-z]*\b", _respell, rewritten, flags=re.IGNORECASE)
    rewritten = _word_pattern().sub(_replace, rewritten)
    rewritten = re.sub(r"#\s?([1-9])\b", r"number \1", rewritten)  # "#3 looks good"
    # "I am looking for a phone for my mom": the search verb's "for" is no "for my phone" (what a product goes with)
    rewritten = re.sub(r"\b(?:looking|searching|shopping|hunting|shoping|lookin) for\b", "want", rewritten, flags=re.IGNORECASE)
    # stop 43: "actually make it a backpack", "change it to a tripod": the verb of a change is no word of the search
    rewritten = re.sub(r"\b(?:make|change|switch|turn|swap) (?:it|that|this|them)(?: (?:in)?to)? (?=(?:a|an|some)\b)", "",
                       rewritten, flags=re.IGNORECASE)
    rewritten = re.sub(r"^(\W*)bit\b", r"\1a bit", rewritten, flags=re.IGNORECASE)  # "bit steep innit"
    rewritten = re.sub(r"\s{2,}", " ", rewritten).strip()
    if not rewritten or detect_language(rewritten) != "en":
        return text
    return rewritten


def _ref(position: int, items: Sequence[Any], how: str) -> ItemReference:
    item = items[position - 1]
    return ItemReference(position=position, item_id=str(getattr(item, "id", "")) or None, how=how)


def _price_of(item: Any) -> float | None:
    price = getattr(item, "price", None)
    return float(price) if isinstance(price, int | float) and price > 0 else None


def _field(item: Any, name: str) -> str | None:
    value = item.field_value(name) if hasattr(item, "field_value") else getattr(item, name, None)
    return str(value) if value else None


def _attributes(item: Any) -> dict[str, str]:
    values = dict(getattr(item, "attributes", None) or {})
    brand = _field(item, "brand")
    if brand:
        values["brand"] = brand
    return {str(k): str(v) for k, v in values.items() if v}


def _price_words(lowered: str) -> bool:
    return bool(re.search(r"\b(?:price|prices|pricing|cost|costs|price tags?|rates)\b", lowered))


def _dislike(lowered: str) -> bool:
    lowered = re.sub(r"\bmid[- ]?(?:range|priced?|tier|level)\b", " ", lowered)  # a price, no verdict "mid"
    words = set(re.findall(r"[a-z]+", lowered))
    return bool(words & set(_table()["dislikes"])) or any(e in lowered for e in _table()["dislike_emoji"])


def adjust(request: ShopperRequest, message: str, context: Any) -> ShopperRequest:
    """Correct a rules request where informal wording defeats the rules (see the module docstring).

    Args:
        request: The rules' request for ``message``.
        message: The message as the rules read it (after :func:`normalise`).
        context: The :class:`~chatrec.understanding.TurnContext` of the turn.

    Returns:
        The request, changed only in the cases the module docstring lists.
    """
    lowered = message.lower()
    shown = list(getattr(context, "shown", ()) or ())
    n = len(shown)
    if _PLAYS_GAMES.search(lowered) and not re.search(r"\b(?:board|card) ?games?\b", lowered):
        departments = {k: [v for v in vs if "game" not in v.lower()] for k, vs in request.include.items()}
        words = [w for w in request.query.split() if w not in ("game", "games", "play", "lot")]
        request = request.model_copy(update={"include": {k: vs for k, vs in departments.items() if vs},
                                             "query": " ".join(dict.fromkeys([*words, "gaming"]))})
    if _CODE.search(message):
        return ShopperRequest(intent="off_topic", language=request.language)
    if _RESTART.match(message) or (_RESET.search(lowered) and request.intent != "start_over"
                                   and not request.exclude and not request.price):
        return ShopperRequest(intent="start_over", language=request.language)
    if _PERSONA.search(lowered) or (_NOT_SHOPPING.search(lowered) and not request.references):
        return ShopperRequest(intent="off_topic", language=request.language)
    if n and request.intent == "more_like" and request.references and _YES_NO.search(lowered) \
            and not request.exclude and not request.price and not request.relative_price:
        return request.model_copy(update={"intent": "ask_about_item", "include": {}, "show_now": False})
    wishes = bool(request.exclude or request.price or request.relative_price or request.avoid_words
                  or request.references) or any(
        v for name, values in request.include.items()
        for v in values if v not in (getattr(context, "current", {}) or {}).get(name, ())
    )
    named = [r.position for r in request.references if r.how != "all"]
    if n and request.references and _DETAILS.search(lowered) and request.intent == "more_like" and named \
            and not request.exclude and not request.price:
        return request.model_copy(update={"intent": "ask_about_item", "include": {}, "show_now": False,
                                          "references": [r for r in request.references if r.how != "all"]})
    if n and _SAME_BRAND.search(lowered):
        brands = set(request.include.get("brand", ()))
        same = [p for p in range(1, n + 1) if brands and _field(shown[p - 1], "brand") in brands] or named
        if same:
            include = {k: v for k, v in request.include.items() if k != "brand"}
            return request.model_copy(update={"intent": "more_like", "include": include,
                                              "references": [_ref(p, shown, "title") for p in same]})
    if n and not request.price and not request.relative_price and _price_words(lowered) and not named \
            and set(re.findall(r"[a-z]+", lowered)) & set(_table()["shock"]) \
            and request.intent in ("refine", "chitchat", "recommend") and not request.include:
        return request.model_copy(update={"intent": "refine", "relative_price": "cheaper", "show_now": True, "query": ""})
    than = _THAN_ITEM.search(lowered)
    if n and than and not request.price and len(named) == 1 and _price_of(shown[named[0] - 1]) is not None:
        bound = _price_of(shown[named[0] - 1])
        lower = (than.group("side") or than.group("side2")) in ("less", "cheaper", "lower", "under", "below", "within")
        return request.model_copy(update={
            "intent": "refine", "references": [], "relative_price": None, "show_now": True, "query": "",
            "price": PriceRange(max=bound) if lower else PriceRange(min=bound),
        })
    if n and request.intent == "more_like" and all(r.how == "all" for r in request.references):
        # "the blue and the white, similar": values of some shown items, each after "the", name those items
        places: list[int] = []
        used: dict[str, set[str]] = {}
        for name, values in request.include.items():
            for value in values:
                hits = [p for p in range(1, n + 1) if _field(shown[p - 1], name) == value]
                if hits and len(hits) < n and re.search(rf"\bthe {re.escape(value.lower())}\b", lowered):
                    places += [p for p in hits if p not in places]
                    used.setdefault(name, set()).add(value)
        if places and sum(len(v) for v in used.values()) >= 2:
            include = {k: [v for v in vs if v not in used.get(k, set())] for k, vs in request.include.items()}
            return request.model_copy(update={
                "include": {k: v for k, v in include.items() if v},
                "references": [_ref(p, shown, "attribute") for p in sorted(places)],
            })
    unwanted = _WITHOUT_THE.search(lowered)
    if n and unwanted and request.intent == "more_like" and named:
        word = unwanted.group(1)
        excluded: dict[str, list[str]] = {}
        for place in named:
            for name, value in _attributes(shown[place - 1]).items():
                if word in re.findall(r"[a-z]+", value.lower()):
                    excluded.setdefault(name, [])
                    if value not in excluded[name]:
                        excluded[name].append(value)
        if excluded:
            return request.model_copy(update={"intent": "refine", "references": [], "exclude": excluded, "show_now": True})
    if n and _ANY_OF_THESE.search(lowered) and request.intent in ("refine", "recommend", "compare", "ask_about_item") \
            and not request.price:
        return request.model_copy(update={
            "intent": "ask_about_item", "include": {}, "exclude": {}, "relative_price": None, "show_now": False,
            "references": [_ref(p, shown, "all") for p in range(1, n + 1)],
        })
    if n and _ONCE_MORE.search(lowered) and request.intent not in ("show_again", "start_over") and not named \
            and not request.include and not request.exclude:
        return request.model_copy(update={"intent": "show_again", "references": [], "show_now": True})
    last = list(getattr(context, "last_references", ()) or ())
    if n and ACCEPT.match(lowered):  # "fine, that one": the shopper takes the item talked about, no new search
        picked = [r for r in request.references if r.how != "all"] or \
            ([_ref(last[0], shown, "position")] if len(last) == 1 and 1 <= last[0] <= n else [])
        if picked:
            return request.model_copy(update={"intent": "ask_about_item", "references": picked, "query": "",
                                              "include": {}, "show_now": False})
    if n and request.intent == "more_like" and request.references and not named and len(last) == 1 \
            and 1 <= last[0] <= n and _LIKE_THAT_ONE.search(lowered):
        return request.model_copy(update={"references": [_ref(last[0], shown, "position")]})
    if n and named and request.intent == "ask_about_item" and _LIKE_IT.search(lowered):
        return request.model_copy(update={"intent": "more_like", "show_now": True})
    if n and _TOO_MUCH.search(lowered) and not request.price and request.intent in ("more_like", "refine", "ask_about_item") \
            and not request.include and not request.exclude:
        return request.model_copy(update={"intent": "refine", "relative_price": "cheaper", "references": [],
                                          "show_now": True, "query": ""})
    if n and not request.relative_price and not named:
        few = _A_FEW_LESS.search(lowered)
        if few:  # "a couple thousand rupees higher" is a step, not a budget of 2,000
            side = "cheaper" if few.group("side") in ("less", "cheaper", "lower", "under") else "pricier"
            return request.model_copy(update={"intent": "refine", "relative_price": side, "show_now": True, "query": "",
                                              "price": None})
    if n and SHOW_OTHERS.search(lowered) and (request.intent in ("refine", "recommend", "chitchat")
                                               or (request.intent == "ask_about_item" and not request.references)) \
            and not request.include and not request.exclude and not request.price:
        return request.model_copy(update={"intent": "reject", "show_now": True, "query": "", "relative_price": None})
    everything = bool(request.references) and {r.position for r in request.references} == set(range(1, n + 1))
    if n and _dislike(lowered) and not request.exclude and not request.price and request.intent in ("more_like", "ask_about_item", "compare") \
            and everything and re.search(r"\b(?:else|other|different)\b", lowered):
        wishes = False  # "both are mid, something else": the items are named to be rejected
        request = request.model_copy(update={"intent": "refine", "references": []})
    if n and not wishes and request.intent in ("refine", "chitchat", "recommend") and _dislike(lowered):
        return request.model_copy(update={"intent": "reject", "include": {}, "show_now": True, "relative_price": None, "query": ""})
    if n and request.intent in ("refine", "more_like", "recommend"):
        multiple = _MULTIPLE.search(lowered)
        if multiple:
            factor = _FRACTIONS[multiple.group("factor")]
            named = [r.position for r in request.references if r.how != "all"]
            prices = [p for p in (_price_of(shown[i - 1]) for i in named) if p is not None]
            if factor < 1 and prices:
                return request.model_copy(update={
                    "intent": "refine", "references": [], "relative_price": None, "show_now": True, "query": "",
                    "price": PriceRange(max=round(factor * max(prices), 2)),
                })
            if factor < 1 and not named and _MY_BUDGET.search(lowered) and _THEY_COST.search(lowered):
                return request.model_copy(update={"intent": "refine", "references": [], "relative_price": "pricier",
                                                  "show_now": True, "query": "", "price": None})
            if factor > 1 and _MY_BUDGET.search(lowered) and _THEY_COST.search(lowered):
                return request.model_copy(update={"intent": "refine", "references": [], "relative_price": "cheaper",
                                                  "show_now": True, "query": ""})
        near = _NEAR_PRICE.search(lowered)
        named = [r.position for r in request.references if r.how != "all"]
        near_prices = [p for p in (_price_of(shown[i - 1]) for i in named) if p is not None]
        if near and len(near_prices) == 1 and not request.price:
            return request.model_copy(update={
                "intent": "refine", "references": [], "relative_price": None, "show_now": True, "query": "",
                "price": PriceRange(min=round(0.8 * near_prices[0], 2), max=round(1.2 * near_prices[0], 2)),
            })
        if not request.price and not request.relative_price and _MORE_THAN_THESE.search(lowered) \
                and re.search(r"\b(?:spend|pay|budget|afford|cost|costs|price)\b", lowered):
            return request.model_copy(update={"intent": "refine", "references": [], "relative_price": "pricier",
                                              "show_now": True, "query": ""})
    if n and request.intent in ("compare", "ask_about_item", "refine", "recommend") and (
        request.intent in ("compare", "ask_about_item") or re.search(r"\b(?:difference|compare|vs|versus|better)\b", lowered)
    ):
        pair = _POSITIONS.search(lowered)
        if pair and all(1 <= int(p) <= n for p in pair.groups()) and (
            not request.references or all(r.how == "all" for r in request.references)
        ):
            positions = [int(p) for p in pair.groups()]
            return request.model_copy(update={
                "intent": "compare", "references": [_ref(p, shown, "position") for p in positions],
                "price": None, "relative_price": None, "include": {}, "exclude": {},
            })
    if n >= 2 and request.intent == "ask_about_item" and re.search(r"\bwhich\b", lowered) \
            and re.search(r"\bboth\b|\bthe two\b", lowered) and not re.search(r"\bboth (?:of )?(?:them|these|those)? ?(?:have|are|do)\b", lowered):
        refs = request.references or [_ref(p, shown, "all") for p in (1, 2)]
        return request.model_copy(update={"intent": "compare", "references": refs})
    if n >= 3 and _SECOND_LAST.search(lowered) and request.intent in ("more_like", "ask_about_item", "compare"):
        kept = [r for r in request.references if r.how not in ("position", "all")]
        return request.model_copy(update={"references": [_ref(n - 1, shown, "position"), *kept]})
    if n >= 3 and _SECOND_LAST.search(lowered) and request.intent == "refine" and not request.include \
            and set(request.query.split()) <= _SECOND_LAST_WORDS:  # stop 51: "the one before last" alone searched "before last"
        return request.model_copy(update={"intent": "more_like", "query": "", "references": [_ref(n - 1, shown, "position")]})
    if n >= 2 and request.references and request.intent in ("more_like", "compare", "ask_about_item") \
            and n not in request.positions and _LAST_ITEM.search(lowered) \
            and not all(r.how == "all" for r in request.references):
        return request.model_copy(update={"references": [*request.references, _ref(n, shown, "position")]})
    last = [p for p in getattr(context, "last_references", ()) if 1 <= p <= n]
    if last and request.references and all(r.how == "all" for r in request.references) and _REFERRED.search(lowered):
        return request.model_copy(update={"references": [_ref(p, shown, "position") for p in last]})
    return request
