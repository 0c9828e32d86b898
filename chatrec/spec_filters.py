"""Numeric specs the shopper bounds ("at least 43 inches", "more than 5000 mAh", "under 200 grams",
"between 40 and 43 inches", "60W or more") kept as wishes and checked against the items' own words.

The catalogues list such specs in titles ("MI 80 cm (32 inches) ... TV", "Type C cable, 2 Meter"),
not in fields. :func:`read_bounds` reads the bounds a message sets, one per unit family (lengths in
metres, feet folded in; weights in grams; memory in GB; ...). :func:`check` tells, for the items that
fit the other wishes, which ones state a figure of that unit inside the bounds: those are kept, the
others left out. When no fitting item states that unit at all, or none states a figure inside the
bounds, nothing is left out and the reply says so plainly (``dialogue_spec_unlisted``,
``dialogue_spec_none``): the catalogue does not list it, or nothing reaches it.
"""

from __future__ import annotations

import dataclasses
import re
import weakref
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from chatrec import measure_words
from chatrec.specs import han_spec_digits

__all__ = ["SpecCheck", "bound_words", "check", "checked", "describe", "drop_spec_price", "figures_in", "read_bounds",
           "stated_by_item",
           "stated", "within"]

# Unit spellings -> (family, factor to the family's base unit). Longest spellings are tried first.
_UNITS: dict[str, tuple[str, float]] = {
    "inch": ("inch", 1.0), "inches": ("inch", 1.0), "in": ("inch", 1.0), '"': ("inch", 1.0), "″": ("inch", 1.0),
    "pulgada": ("inch", 1.0), "pulgadas": ("inch", 1.0), "zoll": ("inch", 1.0), "英寸": ("inch", 1.0), "寸": ("inch", 1.0),
    "m": ("m", 1.0), "mtr": ("m", 1.0), "mtrs": ("m", 1.0), "meter": ("m", 1.0), "meters": ("m", 1.0),
    "metre": ("m", 1.0), "metres": ("m", 1.0), "metro": ("m", 1.0), "metros": ("m", 1.0), "米": ("m", 1.0),
    "metern": ("m", 1.0), "stunde": ("hour", 1.0),  # i12ag: German dative plural, singular
    "ft": ("m", 0.3048), "feet": ("m", 0.3048), "foot": ("m", 0.3048),
    # i12af: feet in German, Spanish and Chinese ("mindestens 6 Fuß", "6 pies", "6英尺"), metres in German's dative
    "fuß": ("m", 0.3048), "fuss": ("m", 0.3048), "pies": ("m", 0.3048), "英尺": ("m", 0.3048), "metern": ("m", 1.0),
    "g": ("g", 1.0), "gm": ("g", 1.0), "gms": ("g", 1.0), "gram": ("g", 1.0), "grams": ("g", 1.0),
    "gramos": ("g", 1.0), "gramm": ("g", 1.0), "克": ("g", 1.0),
    "kg": ("g", 1000.0), "kilo": ("g", 1000.0), "kilos": ("g", 1000.0), "公斤": ("g", 1000.0),
    "gb": ("gb", 1.0), "tb": ("gb", 1024.0),
    "mah": ("mah", 1.0), "毫安": ("mah", 1.0),
    "w": ("w", 1.0), "watt": ("w", 1.0), "watts": ("w", 1.0), "瓦": ("w", 1.0),
    "mbps": ("mbps", 1.0), "gbps": ("mbps", 1000.0),
    # stop 45: capacity ("at least 1.5 litres" of kettles, "a 30L backpack", "mindestens 1,7 Liter", "1.5升")
    "l": ("l", 1.0), "ltr": ("l", 1.0), "ltrs": ("l", 1.0), "litre": ("l", 1.0), "litres": ("l", 1.0),
    "liter": ("l", 1.0), "liters": ("l", 1.0), "litro": ("l", 1.0), "litros": ("l", 1.0), "升": ("l", 1.0),
    "ml": ("l", 0.001),
    "hz": ("hz", 1.0),
    "mp": ("mp", 1.0), "megapixel": ("mp", 1.0), "megapixels": ("mp", 1.0),
    # battery life or playtime ("32H Playtime", "25 Hrs Battery", "40+ Hours Play Time")
    "h": ("hour", 1.0), "hr": ("hour", 1.0), "hrs": ("hour", 1.0), "hour": ("hour", 1.0), "hours": ("hour", 1.0),
    "horas": ("hour", 1.0), "stunden": ("hour", 1.0), "std": ("hour", 1.0), "小时": ("hour", 1.0),
    # stop 62: a rating and a count of reviews are the items' own fields, bounded like a spec ("more than 4.5 stars",
    # "at least 1000 reviews", "4.5分以上", "más de 4 estrellas", "mindestens 4 Sterne"); never a price
    "star": ("stars", 1.0), "stars": ("stars", 1.0), "estrella": ("stars", 1.0), "estrellas": ("stars", 1.0),
    "stern": ("stars", 1.0), "sterne": ("stars", 1.0), "sternen": ("stars", 1.0), "星": ("stars", 1.0), "分": ("stars", 1.0),
    "reviews": ("reviews", 1.0), "ratings": ("reviews", 1.0), "valoraciones": ("reviews", 1.0), "opiniones": ("reviews", 1.0),
    "resenas": ("reviews", 1.0), "reseñas": ("reviews", 1.0), "bewertungen": ("reviews", 1.0), "rezensionen": ("reviews", 1.0),
    "条评价": ("reviews", 1.0), "个评价": ("reviews", 1.0), "人评价": ("reviews", 1.0), "条评论": ("reviews", 1.0),
}
#: Stop 62: the families read from the items' fields, not their words, and the most a rating can be.
_FIELD_FAMILIES = (("reviews", re.compile(r"rating.?count|review.?count|num.?(?:ratings|reviews)|^reviews$", re.I)),
                   ("stars", re.compile(r"^(?:average.?)?rating$|^stars$", re.I)))
_TOP_RATING = 5.0
_UNIT = "|".join(sorted((re.escape(u) for u in _UNITS), key=len, reverse=True))
_NUMBER = r"(\d{1,3}(?:,\d{3})+|\d+(?:[.,]\d+)?)\s*(?:(k)(?![a-z]))?"
_FIGURE = re.compile(rf"(?<![A-Za-z0-9.])(\d+(?:\.\d+)?)\+?\s*-?\s*({_UNIT})(?![a-z0-9\u00c0-\u024f])", re.IGNORECASE)

_NOT = r"(?<!no\s)(?<!not\s)(?<!kein\s)(?<!nicht\s)(?<!不)"  # stop 57: "不超过32寸" is at most 32, not over it
_AT_LEAST = (r"not?\s+(?:smaller|shorter|less|lower|slower)\s+than|at\s+least|min(?:imum)?|more\s+than|over|above|bigger\s+than|larger\s+than|greater\s+than|"
             r"longer\s+than|higher\s+than|faster\s+than|no\s+less\s+than|not\s+less\s+than|>=?|"
             r"al\s+menos|más\s+de|mindestens|über|mehr\s+als|至少|超过|大于|"
             # stop 57: "nicht kleiner als 40 Zoll", "größer als 40 Zoll", "más grande de 40 pulgadas", "不小于40寸"
             r"nicht\s+(?:kleiner|kürzer|kurzer|leichter|weniger)\s+als|(?:größer|grösser|groesser|länger|laenger)\s+als|"
             r"más\s+(?:grande|larg[oa])\s+(?:de|que)|no\s+menos\s+de|不小于|不少于|不低于|不短于")
_AT_MOST = (r"not?\s+(?:bigger|larger|longer|more|heavier|higher)\s+than|not\s+over|under|below|less\s+than|smaller\s+than|shorter\s+than|lighter\s+than|at\s+most|up\s+to|"
            r"max(?:imum)?|no\s+more\s+than|not\s+more\s+than|within|<=?|menos\s+de|como\s+máximo|"
            r"höchstens|unter|weniger\s+als|不超过|小于|以内|"
            # stop 57: "nicht größer als 32 Zoll" (read as a word to keep out), "no más grande de 32 pulgadas" (a
            # question), "不超过32寸" (read as over 32)
            r"nicht\s+(?:größer|grösser|groesser|länger|laenger|schwerer|mehr)\s+als|maximal|"
            r"no\s+más\s+(?:grande|larg[oa]|pesad[oa])?\s*(?:de|que)|como\s+mucho|不大于|不高于|不长于|不要超过")
_STRICT = re.compile(r"^(?!no\s)(?!not\s)(?!nicht\s)(?:more|over|above|bigger|larger|greater|longer|higher|faster|^>$|más|über|mehr|"
                     r"größer|grösser|groesser|länger|laenger|超过|大于|"
                     r"less|under|below|smaller|shorter|lighter|^<$|menos|unter|weniger|小于)", re.IGNORECASE)
#: Stop 47: also "750 watts at least", "10000 mah minimum", "43 inches at most", "1.5 kg max" (the bound said after).
_SUFFIX_MIN = (r"or\s+(?:more|bigger|larger|above|higher|longer|faster|better)|and\s+(?:above|up|more)|\+|plus|"
               r"at\s+(?:the\s+)?least\b|minimum\b|min\b|or\s+over\b|como\s+m[íi]nimo|mindestens|mind\.|o\s+más|oder\s+mehr|以上")
_SUFFIX_MAX = (r"or\s+(?:less|smaller|under|below|lower|shorter|lighter)|and\s+(?:below|under|less)|"
               r"at\s+(?:the\s+)?most\b|maximum\b|max\b|tops\b|como\s+m[áa]ximo|h[öo]chstens|o\s+menos|oder\s+weniger|以下|以内")

_BETWEEN = re.compile(
    rf"(?:between|from|entre|zwischen)?\s*{_NUMBER}\s*({_UNIT})?\s*(?:and|to|-|–|y|a|und|bis|到|至)\s*{_NUMBER}\s*({_UNIT})(?![a-z0-9\u00c0-\u024f])",
    re.IGNORECASE,
)
_LOWER = re.compile(rf"(?<![a-z]){_NOT}({_AT_LEAST})\s*(?:of\s+|de\s+)?{_NUMBER}\s*-?\s*({_UNIT})(?![a-z0-9\u00c0-\u024f])", re.IGNORECASE)
_UPPER = re.compile(rf"(?<![a-z]){_NOT}({_AT_MOST})\s*(?:of\s+|de\s+)?{_NUMBER}\s*-?\s*({_UNIT})(?![a-z0-9\u00c0-\u024f])", re.IGNORECASE)
_LOWER_AFTER = re.compile(rf"{_NUMBER}\s*-?\s*({_UNIT})\s*({_SUFFIX_MIN})", re.IGNORECASE)
_UPPER_AFTER = re.compile(rf"{_NUMBER}\s*-?\s*({_UNIT})\s*({_SUFFIX_MAX})", re.IGNORECASE)
_BARE = re.compile(rf"(?<![A-Za-z0-9.,])(\d+(?:\.\d+)?)\s*-?\s*({_UNIT})(?![a-z0-9\u00c0-\u024f])", re.IGNORECASE)
# A bare figure is a spec only with a unit that cannot be an English word or a price ("in", "m", "g" alone
# are too common): "a 32 inch tv", "2m cable", "8GB", "65W".
_BARE_UNITS = {"in", "m", "g", "w", "h", "hr", "hrs", "hour", "hours", "horas", "stunden", "std", "小时", "pies",
               *(unit for unit, (family, _) in _UNITS.items() if family in ("stars", "reviews"))}  # "a 5 star AC"
#: Stop 62: a rating bound said before its figure ("rated above 4", "rating of at least 4.2", "rated 4 or more", "rated
#: 4+", "评分4.5以上", "评分高于4", "valoración de más de 4", "Bewertung über 4"); the group "word" is the comparison.
_RATED = re.compile(
    rf"\b(?:rated|rating|ratings|valoraci[oó]n|puntuaci[oó]n|bewertung|bewertet(?:\s+mit)?)\s+(?:of\s+|de\s+|von\s+|mit\s+)?"
    rf"(?P<word>{_AT_LEAST}|ab)\s*(?P<value>\d(?:[.,]\d{{1,2}})?)(?![\d.,]*\s*(?:(?:{_UNIT})(?![a-z])|k\b|%))"
    rf"|\b(?:rated|rating(?:\s+of)?)\s+(?P<after>\d(?:[.,]\d{{1,2}})?)\s*(?:stars?\s*)?(?P<suffix>\+|or\s+(?:more|above|higher|better)|and\s+(?:above|up))"
    rf"|评分\s*(?:在)?\s*(?P<zh>\d(?:\.\d{{1,2}})?)\s*分?\s*(?:及)?以上"
    rf"|评分\s*(?P<zh_word>高于|超过|大于|不低于|至少)\s*(?P<zh_value>\d(?:\.\d{{1,2}})?)",
    re.IGNORECASE)
_STRICT_STEP = 1e-6  # stop 59: above the tolerance of within() (1e-9) for figures near 1: "< 1 L" is no 1 L


def _number(text: str, thousands: str | None) -> float:
    """ "10,000" -> 10000, "1,5" -> 1.5, "10" with "k" -> 10000."""
    value = float(text.replace(",", "") if re.fullmatch(r"\d{1,3}(?:,\d{3})+", text) else text.replace(",", "."))
    return value * 1000 if thousands else value


def _unit(text: str) -> tuple[str, float]:
    return _UNITS[text.lower()]


def bound_words(message: str) -> set[str]:
    """Stop 57: the words (folded, lower case) of the message's spec bounds ("nicht größer als 32 Zoll": nicht,
    grosser, als, 32, zoll): no words to keep out of names ("nicht als, nicht zoll" was said back)."""
    from chatrec.word_tables import folded

    text = measure_words.normalise(han_spec_digits(message))
    spans = [m.span() for pattern in (_BETWEEN, _LOWER, _UPPER, _LOWER_AFTER, _UPPER_AFTER, _RATED) for m in pattern.finditer(text)]
    words = {w for start, end in spans for w in re.findall(r"[^\W_]+", folded(text[start:end]))}
    return words | {w[:-1] for w in words if w.endswith("s")}  # the rules' singulars ("pulgada", "inch")


def read_bounds(message: str) -> dict[str, tuple[float | None, float | None]]:
    """The spec bounds a message sets, per unit family: ``{"inch": (43, None)}`` for "at least 43 inches".

    "more than 40 inches" sets a strict lower bound (just above 40); "between 40 and 43 inches" and
    "40-43 inch" both ends; a bare "32 inch" both ends at 32. Figures without a unit are no spec
    (they are prices or counts, read elsewhere).
    """
    message = measure_words.normalise(han_spec_digits(message))  # "两万毫安" is 20000 mAh; "两米左右" is 1.5-2.5 m
    bounds: dict[str, tuple[float | None, float | None]] = {}
    taken: list[tuple[int, int]] = []

    def free(span: tuple[int, int]) -> bool:
        return all(span[1] <= a or span[0] >= b for a, b in taken)

    def put(family: str, low: float | None, high: float | None, span: tuple[int, int]) -> None:
        if family == "stars" and max(v for v in (low, high, 0.0) if v is not None) > _TOP_RATING:
            return  # "至少30分钟" is no rating of 30
        old_low, old_high = bounds.get(family, (None, None))
        bounds[family] = (low if low is not None else old_low, high if high is not None else old_high)
        taken.append(span)

    for match in _RATED.finditer(message):  # stop 62: "rated above 4", "评分4.5以上"
        word = match.group("word") or match.group("zh_word") or ""
        value = float((match.group("value") or match.group("after") or match.group("zh") or match.group("zh_value"))
                      .replace(",", "."))
        strict = bool(word) and (_STRICT.search(word) is not None or word in ("高于", "超过", "大于"))
        put("stars", value + (_STRICT_STEP * value if strict else 0.0), None, match.span())
    for match in _BETWEEN.finditer(message):
        a, ka, unit_a, b, kb, unit_b = match.groups()
        family, factor = _unit(unit_b)
        if unit_a and _unit(unit_a)[0] != family:
            continue
        low, high = _number(a, ka) * (_unit(unit_a)[1] if unit_a else factor), _number(b, kb) * factor
        if low < high:
            put(family, low, high, match.span())
    for pattern, lower in ((_LOWER, True), (_UPPER, False)):
        for match in pattern.finditer(message):
            if not free(match.span()):
                continue
            word, number, thousands, unit = match.groups()
            family, factor = _unit(unit)
            value = _number(number, thousands) * factor
            step = _STRICT_STEP * max(value, 1.0) if _STRICT.search(word) else 0.0
            put(family, value + step, None, match.span()) if lower else put(family, None, value - step, match.span())
    for pattern, lower in ((_LOWER_AFTER, True), (_UPPER_AFTER, False)):
        for match in pattern.finditer(message):
            if not free(match.span()):
                continue
            number, thousands, unit, _ = match.groups()
            family, factor = _unit(unit)
            value = _number(number, thousands) * factor
            put(family, value, None, match.span()) if lower else put(family, None, value, match.span())
    for match in _BARE.finditer(message):
        if not free(match.span()) or match.group(2).lower() in _BARE_UNITS and match.group(2).lower() != "m":
            continue
        family, factor = _unit(match.group(2))
        if match.group(2).lower() == "m" and not re.search(r"\b(cable|cord|wire|long|length|lead)", message, re.I):
            continue  # "2m" is a length only where something has one
        value = float(match.group(1)) * factor
        put(family, value, value, match.span())
    return bounds


def stated(text: str) -> dict[str, list[float]]:
    """The figures a text states, per unit family: "80 cm (32 inches) ... 6ft/2M" -> {"inch": [32], "m": [1.83, 2]}."""
    found: dict[str, list[float]] = {}
    for match in _FIGURE.finditer(text):
        if not _unread(text, match):
            family, factor = _unit(match.group(2))
            found.setdefault(family, []).append(float(match.group(1)) * factor)
    return found


#: Stop 50: a figure per unit of time is a rate, no size: an iron's "steam output up to 18 g/min" was
#: answered as its weight.
_RATE_AFTER = re.compile(r"\s*(?:/|per\b)\s*(?:min|minute|mins|sec|second|s|h|hr|hour|day)\b", re.IGNORECASE)


def _unread(text: str, match: re.Match[str]) -> bool:
    """Whether a figure with a unit found in a text is no figure of the item (as :func:`stated` reads them)."""
    number, unit = match.group(1), match.group(2)
    if unit.lower() == "in":
        return True  # "in" is a word ("available in 2 colours"), never read from a title
    if unit.lower() == "g" and float(number) < 10:
        return True  # "4G", "2.4G/5G": a network generation or band, not grams
    if _unit(unit)[0] == "hour" and _charging_time(text, match.start()):
        return True  # the time a charge takes
    return _RATE_AFTER.match(text, match.end()) is not None


#: Stop 48: hours that time a charge ("Charging Time : Up to 2 hours", "fully charges in 1.5 hrs"), not how long
#: a charge lasts: a smartwatch's "2 hours" was read as its battery life ("> 2 hours" asked after "a longer battery").
_CHARGING_BEFORE = re.compile(r"(?:charg\w*|充电)\W+(?:[\w.]+\W+){0,3}$", re.IGNORECASE)


def _charging_time(text: str, start: int) -> bool:
    return _CHARGING_BEFORE.search(text[max(0, start - 40):start]) is not None


def figures_in(text: str, family: str) -> list[tuple[float, str]]:
    """i12ag: the figures of one unit family a text states, each with its words as written
    ("20000mAh" -> ``[(20000.0, "20000mAh")]``), read as :func:`stated` reads them."""
    found: list[tuple[float, str]] = []
    for match in _FIGURE.finditer(text):
        named, factor = _unit(match.group(2))
        if named == family and not _unread(text, match):
            found.append((float(match.group(1)) * factor, match.group(0).strip()))
    return found


def within(figures: Iterable[float], low: float | None, high: float | None, family: str = "") -> bool:
    """Whether a figure is inside the bounds. Stop 51: a whole number of inches said alone covers its fractions
    (a "15 inch laptop" is a 15.6-inch one; "No item here states a screen size of 15 inches" was said of
    15.6-inch laptop sleeves)."""
    tolerance = 1e-9
    if family == "inch" and low is not None and low == high and float(low).is_integer():
        high = low + 0.99
    return any((low is None or f >= low - tolerance) and (high is None or f <= high + tolerance) for f in figures)


_STATED: weakref.WeakKeyDictionary[Any, list[dict[str, list[float]]]] = weakref.WeakKeyDictionary()


def _stated_by_item(index: Any) -> list[dict[str, list[float]]]:
    """Each item's stated figures (title and short attribute values; stop 53: a unit family they do not state, from
    the description, as :func:`chatrec.spec_comparatives.comparative_bounds` reads the items shown and a reason
    credits a figure), read once per opened index. "a bigger screen" than the 6.7-inch phones shown (their
    descriptions say so) listed 6.5-inch phones first, when eight state 6.6 inches in their descriptions, and
    "No item here states a screen size of > 6.5 inches" came with a phone credited "with 6.6 inch, as its
    description says"."""
    known = _STATED.get(index)
    if known is None:
        known = []
        for item in index.items:
            figures = stated(" ".join([item.title, *(str(v) for v in item.attributes.values()
                                                     if isinstance(v, str) and len(v) <= 40)]))
            described = stated(item.description) if getattr(item, "description", None) else {}
            known.append({**{family: found for family, found in described.items() if family not in figures}, **figures,
                          **_fields_stated(item)})
        _STATED[index] = known
    return known


def _fields_stated(item: Any) -> dict[str, list[float]]:
    """Stop 62: the item's rating and count of reviews, from its fields ("4.1", "98,250"), as figures of a spec."""
    found: dict[str, list[float]] = {}
    for name, value in getattr(item, "attributes", {}).items():
        family = next((family for family, pattern in _FIELD_FAMILIES if pattern.search(str(name))), None)
        number = re.search(r"\d[\d,]*(?:\.\d+)?", str(value)) if family and family not in found else None
        if family and number:
            found[family] = [float(number.group().replace(",", ""))]
    return found


def stated_by_item(index: Any) -> list[dict[str, list[float]]]:
    """Each item's stated figures per unit family, in index order (read once per opened index)."""
    return _stated_by_item(index)


@dataclass(frozen=True)
class SpecCheck:
    """What the spec wishes do to the items fitting the other wishes.

    Attributes:
        blocked: Ids left out: they state no figure of a bounded unit inside its bounds.
        unlisted: Unit families no fitting item states at all (the catalogue does not list them).
        unreached: Unit families some fitting items state, none inside the bounds.
    """

    blocked: tuple[str, ...] = ()
    unlisted: tuple[str, ...] = ()
    unreached: tuple[str, ...] = ()


def check(index: Any, bounds: Mapping[str, Sequence[float | None]], mask: Any = None) -> SpecCheck:
    """Which items fitting the other wishes (``mask``: a boolean per item, None for all) fail the bounds.

    A unit no fitting item states, or that none states inside the bounds, leaves nothing out: it is
    named in ``unlisted`` or ``unreached`` for the reply to say so.
    """
    if not bounds:
        return SpecCheck()
    from chatrec.batch14_fixes import range_covers

    figures = _stated_by_item(index)
    rows = [n for n in range(len(index.items)) if mask is None or bool(mask[n])]
    if not rows:  # the other wishes fit nothing (one will be left out): the bounds are checked on every item
        rows = list(range(len(index.items)))
    blocked: set[int] = set()
    unlisted, unreached = [], []
    for family, (low, high) in bounds.items():
        stating = [n for n in rows if figures[n].get(family)]
        if not stating:
            unlisted.append(family)
            continue
        failing = {n for n in rows if not within(figures[n].get(family, []), low, high, family)
                   and not range_covers(index.items[n].title, family, low, high)}  # i12ba: a "32-55-inch" mount fits 43
        if len(failing) == len(rows):
            unreached.append(family)
            continue
        blocked |= failing
    return SpecCheck(tuple(index.items[n].id for n in sorted(blocked)), tuple(unlisted), tuple(unreached))


def drop_spec_price(heard: Any, message: str) -> Any:
    """The request without a budget the rules read from a spec ("under 200 grams" is no price of 200)."""
    price = getattr(heard, "price", None)
    if price is None or (price.min is None and price.max is None):
        return heard
    message = han_spec_digits(message)  # "至少两万毫安" is no budget of 20,000 either
    normalised = measure_words.normalise(message)
    hedged, message = normalised != message, normalised
    spec_numbers: set[float] = set()
    for pattern in (_LOWER, _UPPER, _LOWER_AFTER, _UPPER_AFTER, _BETWEEN):
        for match in pattern.finditer(message):
            for group in match.groups():
                if group and re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+(?:[.,]\d+)?", group):
                    spec_numbers.add(_number(group, None))
    if not spec_numbers:
        return heard
    amounts = [a for a in (price.min, price.max) if a is not None]
    # lead, stop 35: "around 2 metres" was read as a budget of 1.60-2.40: a figure a hedge spread is no budget
    low, high = min(spec_numbers), max(spec_numbers)
    if all(a in spec_numbers or hedged and low <= a <= high for a in amounts):
        return heard.model_copy(update={"price": None})
    return heard


#: How a unit family's figures are written in a reply.
SYMBOLS = {"inch": "inches", "m": "m", "g": "g", "gb": "GB", "mah": "mAh", "w": "W", "mbps": "Mbps", "hz": "Hz", "mp": "MP",
           "hour": "hours", "l": "L", "stars": "stars", "reviews": "reviews"}


def describe(family: str, low: float | None, high: float | None, names: Mapping[str, str] = SYMBOLS) -> str:
    """A bound for the reply: ">= 43 inches", "40-43 inches", "<= 200 g" (unit symbols from ``names``)."""
    unit = names.get(family, family)

    def show(value: float) -> str:
        return f"{value:.2f}".rstrip("0").rstrip(".")

    if low is not None and high is not None:
        return f"{show(low)} {unit}" if abs(low - high) < 1e-6 else f"{show(low)}-{show(high)} {unit}"
    # a strict bound ("more than 40 inches", "a bigger screen" than 1.75") lies just past its figure
    if low is not None:
        strict = abs(low - round(low, 2)) > 1e-12
        return f"{'>' if strict else '>='} {show(low)} {unit}"
    strict = high is not None and abs(high - round(high, 2)) > 1e-12
    return f"{'<' if strict else '<='} {show(high or 0.0)} {unit}"


def checked(state: Any, retriever: Any, filters: Any, phrases: Any, quiet: Collection[str] = ()) -> list[str]:
    """Check the state's spec bounds and the makes an accessory must fit (:mod:`chatrec.compatible`)
    against the items fitting ``filters`` (the other wishes): record the items they leave out (a
    :class:`~chatrec.dialogue.SpecsChecked` event) and return the reply's notes for a spec the catalogue
    does not list or no item reaches. A family in ``quiet`` the items do not list is given up without a note
    (stop 53: a bound said of another product, "at least 128GB" of phones, after "ok, a usb cable then")."""
    from chatrec.batch15_fixes import unfitting  # i12bf: per product type (a bundle of a remote and a cable)
    from chatrec.dialogue import SpecsChecked

    bounds = {family: (pair[0], pair[1]) for family, pair in state.specs.items()}
    mask = retriever.allowed(filters)
    if bounds and mask is not None and not mask.any() and (filters.min_price is not None or filters.max_price is not None):
        # the other wishes fit nothing and the budget is the first wish left out ("a tablet" -> "a bigger
        # screen" -> "under 15000" with no tablet under it): the bounds are checked on the items fitting
        # the rest, never on the whole catalogue, where they would leave out every tablet (it states no
        # larger screen) and make the product type the wish given up (lead, stop 34)
        mask = retriever.allowed(dataclasses.replace(filters, min_price=None, max_price=None))
    result = check(retriever.index, bounds, mask) if bounds else SpecCheck()
    state.apply(SpecsChecked(tuple(dict.fromkeys([*result.blocked, *unfitting(retriever.index, state.fits, mask)]))))
    if result.unlisted:  # said once below, then given up: the catalogue cannot check it
        from chatrec.dialogue import SpecsWanted

        state.apply(SpecsWanted({family: (None, None) for family in result.unlisted}))
    notes = []
    for template, families in (("spec_unlisted", [f for f in result.unlisted if f not in quiet]),
                               ("spec_none", result.unreached)):
        for family in families:
            low, high = bounds[family]
            names = {**SYMBOLS, **_SYMBOLS_IN.get(getattr(phrases, "code", "en"), {})}  # stop 62: ">= 4.5 分"
            notes.append(phrases.render(template, family=family, bound=describe(family, low, high, names)))
    return notes


def closest_first(candidates: Sequence[Any], index: Any, bounds: Mapping[str, Sequence[float | None]],
                  allowed: Callable[[], Any] | None = None, wrap: Callable[[Any], Any] | None = None) -> list[Any]:
    """Stop 52: with a bound no candidate reaches ("one with a bigger screen" than the 6.7 inches shown, where no
    phone states more), the candidates (anything with an ``item``) whose stated figures come closest first
    (the largest screens for a lower bound, the smallest figures for an upper one), those stating none after
    them; unchanged for a bound some candidate reaches. The list after "a bigger screen" began with 6.5-inch
    phones, smaller than those shown. With ``wrap``, the other items ``allowed`` (called only for a bound no
    candidate reaches: a boolean per item, None for all) that state the figure join the list, made candidates
    by ``wrap``."""
    figures = _stated_by_item(index)
    ordered = list(candidates)

    def stated(candidate: Any, family: str) -> list[float]:
        return figures[index.position(candidate.item.id)].get(family, []) if candidate.item.id in index else []

    for family, (low, high) in bounds.items():
        if (low is None) == (high is None) or any(within(stated(c, family), low, high, family) for c in ordered):
            continue
        if wrap is not None:
            listed = {c.item.id for c in ordered}
            mask = allowed() if allowed is not None else None
            ordered += [wrap(item) for n, item in enumerate(index.items)
                        if figures[n].get(family) and (mask is None or mask[n]) and item.id not in listed]

        def closeness(candidate: Any, family: str = family, upward: bool = low is not None) -> float:
            figures_stated = stated(candidate, family)
            if not figures_stated:
                return float("inf")
            return -max(figures_stated) if upward else min(figures_stated)

        ordered.sort(key=closeness)
    return ordered


#: Unit names of a reply in another language ("43 英寸", not "43 inches" in a Chinese summary).
_SYMBOLS_IN = {"zh": {"inch": "英寸", "hour": "小时", "m": "米", "l": "升", "stars": "分", "reviews": "条评价"},
               "es": {"inch": "pulgadas", "hour": "horas", "stars": "estrellas", "reviews": "valoraciones"},
               "de": {"inch": "Zoll", "hour": "Stunden", "stars": "Sterne", "reviews": "Bewertungen"}}


def in_force(state: Any, notes: Sequence[str], language: str = "en") -> str:
    """The spec bounds that filter this turn, for the reply's summary of the wishes (">= 43 inches", in
    the reply's language: ">= 43 英寸"); empty when none does (no bound, or a note said it could not be
    applied)."""
    if not state.spec_blocked or notes:
        return ""
    names = {**SYMBOLS, **_SYMBOLS_IN.get(language, {})}
    return ", ".join(describe(family, low, high, names) for family, (low, high) in state.specs.items())
