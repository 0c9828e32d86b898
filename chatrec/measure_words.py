"""A measured figure said as people say it (issue 12, lead, stop 35): "around 2 metres", "两米左右",
"unos dos metros", "so 2 Meter", "about six feet", "zwei Meter".

:func:`normalise` rewrites such figures the way :mod:`chatrec.spec_filters` reads them: number words before a
unit as digits ("dos metros" → "2 metros"), and a hedge around a figure with its unit as a range a quarter
either side ("around 2 metres" → "between 1.5 and 2.5 metres"; "两米左右" → "between 1.5 and 2.5 米"). Before,
"around 2 metres" was read as a budget of 1.60-2.40 and "两米左右" as nothing at all.
"""

from __future__ import annotations

import re

__all__ = ["metres_in_chinese", "normalise"]

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "twelve": 12, "fifteen": 15, "twenty": 20, "half a": 0.5, "a half": 0.5, "one and a half": 1.5,
    "uno": 1, "un": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8,
    "nueve": 9, "diez": 10, "doce": 12, "quince": 15, "veinte": 20, "medio": 0.5, "uno y medio": 1.5,
    "ein": 1, "eins": 1, "einen": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "fuenf": 5, "sechs": 6, "sieben": 7,
    "acht": 8, "neun": 9, "zehn": 10, "zwölf": 12, "zwoelf": 12, "fünfzehn": 15, "zwanzig": 20, "eineinhalb": 1.5,
    "anderthalb": 1.5, "halben": 0.5,
}
_UNIT = (r"(?:metres?|meters?|metros?|metern|m|mtrs?|feet|foot|ft|pies|fuß|fuss|inch(?:es)?|pulgadas?|zoll|"
         r"hours?|hrs?|horas?|stunden?|gb|tb|mah|watts?|w|米|英寸|寸|英尺|小时|毫安)")
_WORDS = "|".join(sorted((re.escape(w) for w in _NUMBER_WORDS), key=len, reverse=True))
_SPELT = re.compile(rf"(?<![\w-])({_WORDS})\s+(?={_UNIT}(?![\w]))", re.IGNORECASE)
_FIGURE = r"(\d+(?:[.,]\d+)?)\s*-?\s*(" + _UNIT + r")(?![a-z\u00c0-\u024f])"
_BOUND_AFTER = r"(?!\s*(?:max|maximum|min|minimum|tops|at most|at least|or (?:less|more|under|over)|以内|以上|以下|o menos|o más|oder (?:weniger|mehr)|höchstens|mindestens))"
_HEDGE_BEFORE = re.compile(
    r"(?<![\w])(?<!what )(?<!how )(?:around|about|approx(?:imately|\.)?|roughly|something like|more or less|~|circa|ca\.?|"
    r"unos|unas|alrededor de|aproximadamente|más o menos|mas o menos|cerca de|"
    r"etwa|ungefähr|ungefaehr|so um die|um die|rund|so ca\.?|so etwa|"
    r"大概|大约|差不多|约)\s*" + _FIGURE + _BOUND_AFTER + r"(?:\s*(?:左右|上下|or so|ish|más o menos|oder so))?",
    re.IGNORECASE)
_HEDGE_AFTER = re.compile(_FIGURE + r"\s*(?:左右|上下|or so|ish|más o menos|oder so|ungefähr|approx\.?)", re.IGNORECASE)
_SHARE = 0.25
#: Screen sizes come in steps (40, 43, 50, 55 inches): "43寸左右", "around 50 inches" mean that size.
_NARROW = re.compile(r"^(?:inch(?:es)?|pulgadas?|zoll|英寸|寸)$", re.IGNORECASE)


def _range(number: str, unit: str) -> str:
    value = float(number.replace(",", "."))
    if _NARROW.match(unit):
        return f"{number} {unit}"
    share = _SHARE
    low, high = round(value * (1 - share), 2), round(value * (1 + share), 2)
    return f"between {low:g} and {high:g} {unit}"


#: Stop 58: "128G", "256G的", "8g运存": gigabytes as shoppers write them (Chinese shoppers above all), never grams. A
#: capital G after a memory size (8 and up: "4G" and "5G" are networks), or any G before a word for memory.
_GIGABYTES = re.compile(r"(?<![\d.])(8|12|16|32|64|128|256|512|1024)\s*G(?![A-Za-z])"
                        r"|(?<![\d.])(\d{1,4})\s*[gG](?=\s*(?i:内存|存储|运存|机身|ram\b|rom\b|storage\b|speicher\b|almacenamiento\b))",
)


def normalise(message: str) -> str:
    """The message with spelt numbers before a unit as digits and hedged figures as ranges (module doc); a memory
    size written with a bare G ("128G") as gigabytes."""
    message = _GIGABYTES.sub(lambda found: f"{found.group(1) or found.group(2)}GB", message)
    text = _SPELT.sub(lambda found: f"{_NUMBER_WORDS[found.group(1).lower()]:g} ", message)
    text = _HEDGE_BEFORE.sub(lambda found: _range(found.group(1), found.group(2)), text)
    return _HEDGE_AFTER.sub(lambda found: _range(found.group(1), found.group(2)), text)


#: A figure before 米 is metres, never the 米 of 米色 (beige): "要2米的", "1.5米长", "两米的线".
_METRES = re.compile(r"(\d+(?:\.\d+)?|[一二两三四五六七八九十]|半)\s*米(?![色白黄])")
_HAN = {"一": "1", "二": "2", "两": "2", "三": "3", "四": "4", "五": "5", "六": "6", "七": "7", "八": "8", "九": "9",
        "十": "10", "半": "0.5"}


def metres_in_chinese(message: str) -> str:
    """The message with each figure in metres written "N m" (module doc): read as a length, not a colour."""
    return _METRES.sub(lambda found: f"{_HAN.get(found.group(1), found.group(1))} m ", message)
