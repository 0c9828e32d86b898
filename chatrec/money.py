"""Budgets in words: amounts, currencies and their conversion into the catalogue's currency.

"under fifty dollars", "20-40", "1,000 to 2,000", "between 5 and 10k", "a mouse for 200
rupees", "1000元以内", "两千块以内", "menos de 50 euros", "unter 30 €" all become a :class:`Budget`.
Numbers that are not prices ("size 10", "2 kids", "64gb", "2012") are left alone: a bare
number is a price only next to a price word (under, budget, between, a currency, ...).

Exchange rates are approximate defaults (units per US dollar, late 2024) that a shop owner
overrides with the ``currency_rates`` setting (``CHATREC_CURRENCY_RATES="INR=83,EUR=0.92"``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from chatrec.errors import ConfigError

__all__ = ["DEFAULT_RATES", "SYMBOLS", "Budget", "convert", "format_amount", "named_currency", "parse_budget", "parse_rates"]

#: Units of each currency per US dollar. Approximate: set ``currency_rates`` for real ones.
DEFAULT_RATES: dict[str, float] = {
    "USD": 1.0, "INR": 83.0, "EUR": 0.92, "GBP": 0.79, "CNY": 7.2, "JPY": 150.0,
}
SYMBOLS: dict[str, str] = {"USD": "$", "INR": "₹", "EUR": "€", "GBP": "£", "CNY": "¥", "JPY": "¥"}

# Currency words and symbols, longest first so "rs." wins over "r".
_CURRENCY_WORDS: list[tuple[str, str]] = [
    ("us dollars", "USD"), ("us dollar", "USD"), ("dollars", "USD"), ("dollar", "USD"), ("bucks", "USD"),
    ("buck", "USD"), ("usd", "USD"), ("dólares", "USD"), ("dolares", "USD"), ("$", "USD"),
    ("rupees", "INR"), ("rupee", "INR"), ("rupaye", "INR"), ("inr", "INR"), ("rs.", "INR"), ("rs", "INR"),
    ("rupias", "INR"), ("rupia", "INR"), ("rupien", "INR"), ("印度卢比", "INR"), ("卢比", "INR"),
    ("₹", "INR"),
    ("euros", "EUR"), ("euro", "EUR"), ("eur", "EUR"), ("€", "EUR"),
    ("pounds", "GBP"), ("pound", "GBP"), ("quid", "GBP"), ("gbp", "GBP"), ("£", "GBP"),
    ("人民币", "CNY"), ("块钱", "CNY"), ("块", "CNY"), ("元", "CNY"), ("rmb", "CNY"), ("yuan", "CNY"),
    ("cny", "CNY"), ("¥", "CNY"), ("￥", "CNY"),
    ("yen", "JPY"), ("jpy", "JPY"), ("円", "JPY"),
]
_CUR = "|".join(re.escape(word) for word, _ in sorted(_CURRENCY_WORDS, key=lambda w: -len(w[0])))
_CUR_CODE = dict(_CURRENCY_WORDS)

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1000, "grand": 1000, "k": 1000, "lakh": 100_000, "lakhs": 100_000,
           "lac": 100_000, "million": 1_000_000, "mil": 1_000_000, "千": 1000, "万": 10_000, "百": 100}
_WORD_NUMBER = re.compile(
    r"\b(?:(?:" + "|".join(_UNITS) + r"|hundred|thousand|and|a)[\s-]+)*(?:" + "|".join(_UNITS) + r"|hundred|thousand)\b"
)

# A number: "1,000", "1.000,50" (continental), "2.5", "5k", "10 k", "1.5 lakh", "3千", "1万".
_NUM = r"(\d{1,3}(?:[,.]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d+)?)\s?(k\b|lakhs?\b|lac\b|grand\b|thousand\b|hundred\b|千|万|百)?"
_C = rf"(?:{_CUR})"


def _amount_pattern(i: int) -> str:
    return (
        # stop 50: a currency word is a word of its own: "a router that cove*rs 3* floors" was a budget of 3 INR
        rf"(?P<cb{i}>(?<![a-z]){_C})?\s?(?P<n{i}>\d{{1,3}}(?:[,.]\d{{3}})+(?:[.,]\d{{1,2}})?|\d+(?:[.,]\d+)?)"
        rf"\s?(?P<m{i}>k\b|lakhs?\b|lac\b|grand\b|thousand\b|hundred\b|千|万|百)?\s?(?P<ca{i}>{_C}(?![a-z]))?"
    )


_A1, _A2 = _amount_pattern(1), _amount_pattern(2)
_MAX_WORDS = (
    # stop 48: the phone typos of the cap words ("earbuds undr 2k", "bellow 2000", "les than 500", "less then 500")
    r"undr|uder|udner|bellow|belo|bolow|les+ th[ae]n|less then|lesser than|cheaper then|lower then|"
    r"under|below|less than|cheaper than|lower than|max(?:imum)?|at most|up ?to|upto|within|no more than|"
    r"not more than|not over|no higher than|(?:i )?(?:could|can|would|might) (?:go|stretch|push|spend)(?: it)?(?: up)? to|budget(?: is| of)?(?: about| around| roughly)?|i can (?:go|spend|pay|stretch|push)"
    r"(?: it)?(?: up to| upto| to)?|stretch (?:it |my budget )?(?:up )?to|(?:price |spending |budget )?(?:limit|cap|ceiling|max(?:imum)?)(?: is| of| would be| will be)"
    r"(?: up to| upto)?|can spend|spend|afford|<=?|menos de|hasta|máximo|maximo|unter|bis|höchstens|maximal|"
    # i12ab: a budget raised to a new cap ("raise my budget to 800", "预算提高到三万", "subo el presupuesto a 500",
    # "erhöhe das Budget auf 500")
    r"(?:raise|raising|increase|increasing|extend|bump|push)(?: it| my budget| the budget| the limit)?(?: up)? to|"
    r"(?:sub[eoi]r?|aument[oa]r?|ampli[oó]r?|ampliar)(?: el presupuesto| mi presupuesto)? a|"
    r"(?:erh[oö]h(?:e|en)?|erhoehe|hebe)(?: das| mein)?(?: budget)? auf|"
    r"(?:提高|提升|提|加|放宽|放|涨|增加|调高|调)(?:到|至)|"
    r"weniger als|presupuesto(?: es| de)?(?: de)?(?: unos| cerca de| alrededor de| aproximadamente| como)?|budget(?: liegt)?(?: bei| ist| von| betragt| beträgt)?(?: etwa| ungefahr| ungefähr| rund| so)?|不超过|不要超过|低于|少于|(?:最多|顶多|最高)(?:只?能?(?:出|花|付|给))?|预算(?:是|为|在|大概|大约)?"
)
_MIN_WORDS = r"atleast|at leat|abov|more then|beyond|past|upwards? of|north of|no less than|not less than|a minimum of|over|above|more than|at least|min(?:imum)?|starting (?:at|from)|from|>=?|más de|mas de|über|ueber|mindestens|高于|超过|至少"
_AROUND_WORDS = r"around|about|approximately|approx\.?|roughly|~|circa|cerca de|unos|etwa|ungefähr|左右|大约|大概"
# A lower-bound word after a negation is an upper bound: "nothing above 25", "can't go over 500".
# i12as: "n't" ends a word ("can't", "dont"), never "decent" or "want" ("a decent phone at least 20k")
_NEGATED_LOW = re.compile(r"(?:(?:n't|\b(?:can|don|won|isn|aren|doesn|didn|wouldn|couldn|shouldn|ain|wasn|weren|hasn|haven|hadn|mustn|needn)t"
                          r"|\bnot|\bnever|\bcannot)\W+(?:\w+\W+){0,3}|\b(?:nothing|none|no)\W+)$")
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("range", re.compile(rf"(?:\b(?:between|entre|zwischen|from|de|von)|在)\s*{_A1}\s*(?:and|to|-|–|y|a|und|bis|和|到|至)\s*{_A2}")),
    ("range", re.compile(rf"{_A1}\s*(?:-|–|to|~|到|至)\s*{_A2}")),
    # (?<![a-z0-9]) rather than \b: Chinese words have no word boundary ("手机不超过2000").
    # i12j: "no less than 500" is a lower bound, read before "less than 500"
    ("min", re.compile(rf"\b(?:no|not) less than\s*{_A1}")),
    # i12m: "budget is 40 tops": a cap word after the amount belongs to the budget (no "Tops" wish)
    ("max", re.compile(rf"(?:(?<![a-z0-9])(?:{_MAX_WORDS}))\s*(?:of\s+|de\s+)?{_A1}\s*(?:tops|max(?:imum)?|at (?:the )?most)\b")),
    ("max", re.compile(rf"(?:(?<![a-z0-9])(?:{_MAX_WORDS}))\s*(?:of\s+|de\s+)?{_A1}")),
    # i12ab: "das Budget auf 500 erhöhen": a raised cap said before its verb
    ("max_after", re.compile(rf"(?<![a-z0-9])auf\s*{_A1}\s*(?:erh[oö]hen|erhoehen|anheben|hochgehen)")),
    ("max_after", re.compile(rf"{_A1}\s*(?:以内|以下|之内|or less|or under|max|tops|and under|and below|at most|at the most|at the outside|maximum)")),
    ("min_after", re.compile(rf"{_A1}\s*(?:以上|or more|and up|and above|plus|\+)")),
    ("min", re.compile(rf"(?:(?<![a-z0-9])(?:{_MIN_WORDS}))\s*(?:of\s+)?{_A1}")),
    # i12m: "around the 1500 mark", "in the 2k ballpark": about that amount
    ("around", re.compile(rf"(?:(?:{_AROUND_WORDS})|\bin|\bat)\s+the\s+{_A1}\s*(?:mark|region|ballpark|area|zone|bracket|level|range)\b")),
    ("around", re.compile(rf"(?:{_AROUND_WORDS})\s*{_A1}")),
    ("around", re.compile(rf"{_A1}\s*(?:左右|or so|ish)")),
    ("for", re.compile(rf"(?:\bfor|\bat|\bcosting|\bpriced at|\bpor|\bfür|价格|预算)\s*{_A1}")),
    ("bare", re.compile(rf"{_A1}")),
]
_PRICE_WORD = re.compile(
    r"\b(?:price|prices|priced|budget|cost|costs|spend|pay|range|cheap|cheaper|expensive|afford|rupees|dollars|"
    r"euros|bucks|precio|presupuesto|preis|budget)\b|预算|价格|价位|元|块"
)
_NOT_A_PRICE_AFTER = re.compile(
    r"\s?(?:(?:gb|tb|mb|mah|w|watt|watts|v|hz|inch|inches|in|cm|mm|m|kg|kgs|g|ml|l|ltrs?|litres?|liters?|pcs|pieces|"
    r"pack|years?|yrs?|months?|days?|hours?|hrs?|mp|x|th|st|nd|rd|kids|people|person|size|"
    # stop 52: Spanish and German units ("unos 50 pulgadas", "etwa 32 Zoll" were read as budgets of 40-60, 25.6-38.4)
    r"pulgadas?|zoll|metros?|meter|metern|horas?|stunden?|anos|jahre|jahren|meses|monate|monaten|dias|tage|tagen|"
    r"personas|personen|litros?|liter|vatios|kilos?)\b|%|号|寸|英寸|个|岁)",
)

#: Stop 63: "4k", "8k" said of a screen are its resolution ("budget 4k tv" was a budget of 4,000 INR).
_RESOLUTION = re.compile(r"(?:budget\s+)?[2458]\s?k", re.IGNORECASE)
_SCREEN_AFTER = re.compile(r"\s?(?:uhd|ultra|hdr|tvs?|televisions?|monitors?|displays?|screens?|projectors?|videos?|"
                           r"cameras?|resolution|smart|led|oled|qled|电视|显示器|投影|fernseher|monitor|televisor(?:es)?|"
                           r"pantalla)\b")


@dataclass
class Budget:
    """A price range read from a message.

    Attributes:
        low: Lowest price, or None.
        high: Highest price, or None.
        currency: The currency named (ISO code), or None.
        spans: Character spans of the words that said it.
    """

    low: float | None = None
    high: float | None = None
    currency: str | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        """True when no bound was said."""
        return self.low is None and self.high is None


def parse_rates(text: str | Mapping[str, float] | None) -> dict[str, float]:
    """Exchange rates (units per US dollar) from ``"INR=83,EUR=0.92"`` or a mapping, over the defaults.

    Raises:
        ConfigError: A malformed entry or a rate that is not a positive number.
    """
    rates = dict(DEFAULT_RATES)
    if not text:
        return rates
    entries = text.items() if isinstance(text, Mapping) else (
        tuple(part.split("=", 1)) if "=" in part else (part, "") for part in str(text).split(",") if part.strip()
    )
    for code, raw in entries:
        try:
            value = float(raw)
        except (TypeError, ValueError):
            raise ConfigError(f"currency rate {code}={raw!r} is not a number; write e.g. INR=83,EUR=0.92") from None
        if value <= 0:
            raise ConfigError(f"currency rate {code}={raw} must be positive")
        rates[str(code).strip().upper()] = value
    return rates


def named_currency(text: str) -> str | None:
    """The currency a message names with no amount ("how much is it in dollars?", "多少人民币"), as an ISO code."""
    found = re.search(rf"(?<![a-z])(?:{_CUR})(?![a-z])", text.lower())
    return _CUR_CODE[found.group(0)] if found else None


def convert(amount: float, source: str, target: str, rates: Mapping[str, float]) -> float | None:
    """``amount`` of ``source`` in ``target`` (None when either rate is unknown)."""
    if source == target:
        return amount
    if source not in rates or target not in rates:
        return None
    return amount / rates[source] * rates[target]


def format_amount(amount: float, currency: str | None) -> str:
    """"₹4,150", "$50", "12.5 CHF": an amount for a reply."""
    text = f"{amount:,.0f}" if amount >= 100 or float(amount).is_integer() else f"{amount:,.2f}"
    if currency in SYMBOLS:
        return f"{SYMBOLS[currency]}{text}"
    return f"{text} {currency}" if currency else text


def _number(raw: str, multiplier: str | None) -> float:
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?", raw):  # 1.000 or 1.000,50
        raw = raw.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?", raw):  # 1,000 or 1,000.50
        raw = raw.replace(",", "")
    else:
        raw = raw.replace(",", ".")
    value = float(raw)
    if multiplier:
        value *= _SCALES[multiplier.rstrip("s") if multiplier.startswith("lakh") else multiplier]
    return value


def _words_to_digits(text: str) -> str:
    # "fifty" -> "50", "two hundred" -> "200", "five thousand" -> "5000"; keeps string length
    # irrelevant: spans are computed on the returned text.
    def replace(found: re.Match[str]) -> str:
        # "and" continues a number only after hundred or thousand ("one hundred and fifty");
        # otherwise it joins two numbers ("between thirty and sixty").
        pieces = re.split(r"(\s+and\s+)", found.group(0))
        if len(pieces) > 1:
            out = [pieces[0]]
            for joiner, piece in zip(pieces[1::2], pieces[2::2]):
                # i12j: "fifteen hundred and two thousand" is two numbers: a scale word after "and" starts one
                if re.search(r"(?:hundred|thousand)$", out[-1]) and not re.search(r"(?:hundred|thousand)", piece):
                    out[-1] += joiner + piece
                else:
                    out += [joiner, piece]
            if len(out) > 1:
                return "".join(part if part.strip() == "and" else _WORD_NUMBER.sub(replace, part) for part in out)
        words = [w for w in re.split(r"[\s-]+", found.group(0)) if w and w != "and"]
        if words == ["a"] or not words:
            return found.group(0)
        if set(words) <= {"hundred", "thousand"} and re.search(r"\d\s?$", found.string[: found.start()]):
            return found.group(0)  # "2 to 3 thousand": a scale word after digits stays one (read by _NUM)
        total = current = 0
        for word in words:
            if word == "a":
                current = max(current, 1)
            elif word in _UNITS:
                current += _UNITS[word]
            elif word == "hundred":
                current = max(current, 1) * 100
            elif word == "thousand":
                total += max(current, 1) * 1000
                current = 0
        value = total + current
        # "the blue one", "two of them": small numbers alone are no prices.
        return str(value) if value >= 10 else found.group(0)

    return _WORD_NUMBER.sub(replace, text)


_HAN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_HAN_UNITS = {"十": 10, "百": 100, "千": 1000}
# A run of Chinese numerals opening with a digit or 十, not after an Arabic digit ("2万" is read as 2 x 10,000).
_HAN_NUMBER = re.compile(r"(?<![0-9])[零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千万]*")


def _han_number(text: str) -> int:
    """"一百五十" -> 150, "两千" -> 2000, "三万" -> 30000, "一千五" -> 1500 (a digit after a unit is its tenth)."""
    total = section = number = 0
    last_unit = 1
    for char in text:
        if char in _HAN_DIGITS:
            number = _HAN_DIGITS[char]
        elif char in _HAN_UNITS:
            last_unit = _HAN_UNITS[char]
            section += (number or 1) * last_unit
            number = 0
        else:  # 万
            total += (section + number or 1) * 10_000
            section = number = 0
            last_unit = 10_000
    if number and last_unit >= 100:
        number *= last_unit // 10  # "一千五": one thousand five hundred
    return total + section + number


def _han_to_digits(text: str) -> str:
    # Chinese numerals of 10 and more as digits ("两千以内" -> "2000以内"); a lone "一" ("一块手表":
    # a watch) is a measure word, no price.
    def replace(found: re.Match[str]) -> str:
        value = _han_number(found.group(0))
        return str(value) if value >= 10 else found.group(0)

    return _HAN_NUMBER.sub(replace, text)


def parse_budget(text: str) -> tuple[Budget, str]:
    """Read the price range of a message.

    Args:
        text: The message, lower-cased.

    Returns:
        The budget and the text it was read from (number words written as digits); the
        budget's spans index that text.
    """
    text = re.sub(r"\ba (grand|k)\b", r"1 \1", text)  # "under a grand": one thousand
    text = _spoken_amounts(text)  # i12j: "a fiver", "two and a half thousand"
    text = _han_to_digits(_words_to_digits(text))
    text = re.sub(r"(\d)k(?=[\u3400-\u9fff])", r"\1k ", text)  # stop 63: "预算4k以内" was a budget of 4
    budget = Budget()
    for kind, pattern in _PATTERNS:
        for found in pattern.finditer(text):
            if any(s < found.end() and found.start() < e for s, e in budget.spans):
                continue
            groups = found.groupdict()
            currency = next(
                (_CUR_CODE[groups[k]] for k in ("cb1", "ca1", "cb2", "ca2") if groups.get(k)), None
            )
            unit_after = currency is None and (_NOT_A_PRICE_AFTER.match(text, found.end()) is not None or (
                _RESOLUTION.fullmatch(found.group(0).strip()) is not None and _SCREEN_AFTER.match(text, found.end()) is not None))
            if currency is None and (kind == "bare" or (kind == "for" and not groups.get("m1")) or unit_after):
                continue  # "size 10", "for 2 people", "64gb": a number, not a price
            if kind == "range" and currency is None and re.search(
                r"\b(?:size|sizes|pack|packs|age|aged|ages|set|sets|of|for|aged|x)\s*$", text[: found.start()]
            ) and not _PRICE_WORD.search(text) and not (groups.get("m1") or groups.get("m2")):
                continue  # "pack of 2-3", "size 8-10" are no budget; "tshirts 20-40" and "for 2-3k" are
            first = _number(groups["n1"], groups.get("m1"))
            if kind == "range":
                second = _number(groups["n2"], groups.get("m2"))
                if groups.get("m2") and not groups.get("m1") and first * _SCALES[_scale_key(groups["m2"])] <= second:
                    first *= _SCALES[_scale_key(groups["m2"])]  # "between 5 and 10k"
                budget.low, budget.high = min(first, second), max(first, second)
            elif kind in ("max", "max_after", "for", "bare"):
                budget.high = first
            elif kind in ("min", "min_after"):
                if _NEGATED_LOW.search(text[max(0, found.start() - 40):found.start()]):
                    budget.high = first  # "can't go above 500", "nothing over 25", "no more than 300"
                else:
                    budget.low = first
            else:
                budget.low, budget.high = round(first * 0.8, 2), round(first * 1.2, 2)
            budget.currency = budget.currency or currency
            budget.spans.append(found.span())
    return budget, text


#: i12j: British notes as amounts ("no more than a fiver", "a tenner at most").
_NOTES = {"fiver": "5 gbp", "tenner": "10 gbp"}
_HALF = re.compile(r"\b(\d+|" + "|".join(_UNITS) + r")(?: and a half|\.5) (thousand|grand|hundred|k|lakhs?)\b")


def _spoken_amounts(text: str) -> str:
    """"a fiver" -> "5 gbp", "two and a half thousand" -> "2.5 thousand" (spoken amounts the patterns miss)."""
    text = re.sub(r"\b(?:a |one )?(fiver|tenner)s?\b", lambda found: _NOTES[found.group(1)], text)

    def half(found: re.Match[str]) -> str:
        whole = found.group(1)
        number = int(whole) if whole.isdigit() else _UNITS[whole]
        return f"{number}.5 {found.group(2)}"

    return _HALF.sub(half, text)


def _scale_key(multiplier: str) -> str:
    return multiplier.rstrip("s") if multiplier.startswith("lakh") else multiplier
