"""How many items the shopper wants to see (issue 12, lead, stop 35): "just show me 3", "show me 3 more",
"only the top 2", "只看三个", "再来两个", "solo dos", "zeig mir nur zwei", "noch drei".

Before, the number was read as words of the search ("just show me 3" showed five new items led by "ADIDAS
Men 3 Series", "only the top 2" showed women's tops, "zeig mir nur zwei" searched a name "but zwei").
:func:`taken` finds the count and says the message without it, as the rules read it best:

- "3 more", "noch drei", "再来两个": more items ("more"), that many;
- "just 3", "only the top 2", "只看前三个", "solo los dos primeros" with items shown and nothing else said: the
  list shown again ("show them again"), its first ones;
- with other words ("show me 3 running shoes", "only 2 in black"): those words, that many.

The turn cuts its list to the count; the words of the reply count the items it shows.
"""

from __future__ import annotations

import re

__all__ = ["taken"]

_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "a couple": 2, "a couple of": 2, "a few": 3,
    "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9,
    "diez": 10,
    "eins": 1, "einen": 1, "eine": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "fuenf": 5, "sechs": 6,
    "sieben": 7, "acht": 8, "neun": 9, "zehn": 10,
    "一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
}
_N = r"(?P<n>[1-9]|10|" + "|".join(sorted((re.escape(w) for w in _WORDS if w.isascii()), key=len, reverse=True)) + r")"
_HAN_N = r"(?P<n>[1-9]|10|[一两二三四五六七八九十])"
_NOT_AFTER = r"(?!\s*(?:inch|inches|in\b|m\b|metres?|meters?|gb|tb|mah|w\b|watts?|k\b|rs|inr|rupees|dollars|euros?|%|series|pin|pack|ports?|"
_NOT_AFTER += r"years?|yrs?|year old|pulgadas|metros|zoll|meter|jahre|años|st(?:ü|ue)ck))"

#: After "2 more", "dos más": the end, a pause or a word joining a wish ("2 more in blue"); never an adjective, which
#: makes "more" a comparative ("una más grande, de 55" is a bigger one, "one more expensive" a pricier one).
_ITEMS_AFTER = r"(?=\s*$|\s*[,.!?;:]|\s+(?:in|of|like|with|from|please|pls|plz|en|de|del|con|por|porfa|y|and|that|which|que|bitte)\b)"

#: (kind, pattern): "more" asks for that many more; "only" for that many of the list (or of a new search).
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("more", re.compile(rf"\b(?:show\s+(?:me\s+)?|give\s+me\s+|and\s+)?(?:another\s+)?{_N}\s+(?:more|others?|else)\b{_ITEMS_AFTER}", re.I)),
    ("more", re.compile(rf"\banother\s+{_N}\b{_NOT_AFTER}", re.I)),
    ("more", re.compile(rf"\b(?:(?:muéstrame|muestrame|enséñame|enseñame|dame)\s+)?(?:otr[oa]s\s+)?{_N}\s+(?:más|mas)\b{_ITEMS_AFTER}", re.I)),
    ("more", re.compile(rf"\botr[oa]s\s+{_N}\b{_NOT_AFTER}", re.I)),
    ("more", re.compile(rf"\b(?:zeig(?:e)?\s+(?:mir\s+)?)?noch\s+{_N}\b{_NOT_AFTER}(?:\s+(?:weitere|mehr|andere))?", re.I)),
    # (stop 49: "eine andere Farbe", "eine andere Marke" ask for another colour or make, no count)
    ("more", re.compile(rf"\b{_N}\s+(?:weitere|andere)\b(?!\s+(?:farben?|marken?|modelle?|arten?|gr(?:ö|oe)(?:ß|ss)en?|stile?)\b)", re.I)),
    ("more", re.compile(rf"再(?:来|看|给我看|推荐|要)?{_HAN_N}(?:个|款|件|条|双|副|台|部)")),
    ("only", re.compile(rf"\b(?:just|only)\s+(?:show\s+(?:me\s+)?)?(?:the\s+)?(?:top|first|best)?\s*{_N}\b{_NOT_AFTER}(?:\s+(?:please|pls|plz|items?|ones?|of them))?", re.I)),
    ("only", re.compile(rf"\bshow\s+(?:me\s+)?(?:just\s+|only\s+)?(?:the\s+)?(?:top|first|best)\s+{_N}\b", re.I)),
    ("only", re.compile(rf"^\W*(?:the\s+)?top\s+{_N}\b{_NOT_AFTER}", re.I)),
    ("only", re.compile(rf"\bshow\s+(?:me\s+)?{_N}\b{_NOT_AFTER}(?=\s+(?!more\b|others?\b)[a-z])", re.I)),
    ("only", re.compile(rf"\b(?:solo|sólo|solamente|nada más|nomás)\s+(?:(?:muéstrame|muestrame|enséñame|enseñame)\s+)?(?:l[oa]s\s+)?(?:primer[oa]s\s+)?{_N}\b{_NOT_AFTER}(?:\s+primer[oa]s)?", re.I)),
    ("only", re.compile(rf"\b(?:zeig(?:e)?\s+(?:mir\s+)?)?(?:nur|bloß|bloss|lediglich)\s+(?:die\s+)?(?:ersten|besten|top)?\s*{_N}\b{_NOT_AFTER}", re.I)),
    ("only", re.compile(rf"(?:只看|只要|只给我看|就看|就要|看看)(?:前)?{_HAN_N}(?:个|款|件|条|双|副|台|部)(?:就行|就好|吧)?")),
    ("only", re.compile(rf"(?<!第)前{_HAN_N}(?:个|款|件)(?!里|中|当中|之中)(?:就行|就好|吧)?")),
)
#: A comparison or a choice among the items named by number is no count ("compare the first two").
_NO_COUNT = re.compile(r"\b(?:compare|comparar|compara|vergleich\w*|difference|diferencia|unterschied|vs|versus|between|"
                       r"like|love|take|want|prefer|buy)\b|比较|对比|区别|哪个", re.I)
#: Words left of a count phrase that say nothing more ("ok", "pls", punctuation).
_FILLER = re.compile(r"^[\W_]*(?:(?:ok(?:ay)?|pls|please|plz|bitte|por favor|porfa|just|only|now|then|also|and|y|und|"
                     r"show me|zeig mir|muéstrame|吧|就行|好的|好)[\W_]*)*$", re.I)


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _WORDS[word.lower()]


def taken(message: str, shown: int) -> tuple[str, int | None]:
    """The message as the rules read it best and the number of items asked for (None: no count said).

    Args:
        message: The shopper's words.
        shown: How many items the last list showed (0: none yet).
    """
    if _NO_COUNT.search(message):
        return message, None
    for kind, pattern in _PATTERNS:
        found = pattern.search(message)
        if found is None:
            continue
        count = _number(found.group("n"))
        if not 1 <= count <= 10:
            return message, None
        rest = (message[:found.start()] + " " + message[found.end():]).strip()
        if kind == "more":
            return (f"more {rest}".strip() if not _FILLER.match(rest) else "more"), count
        if _FILLER.match(rest):
            return ("show them again" if shown else message), count
        return rest, count
    return message, None
