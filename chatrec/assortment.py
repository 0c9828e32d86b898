"""Lead, stop 36: questions about what the shop has, answered from the catalogue.

"What brands of usb cables do you sell?", "which sizes do the tvs come in?", "what's the price range for
tvs?", "耳机有哪些牌子", "¿qué tallas tienen?": the shopper asks about the assortment, not about an item
shown. A good shop assistant answers with what is there for the search (the product named in the same
message, else the wishes in force) and lets the shopper pick:

- values of a catalogue field: how many there are and the commonest first, as quick replies
  (``prompts/dialogue_on_offer.txt``; the question itself is the turn's usual field question);
- sizes, when the catalogue has no size field: the sizes its titles state (a TV's inches), as quick
  replies a click reads back as a size wish; when titles state none, that the catalogue lists none
  (``dialogue_sizes_on_offer`` / ``dialogue_no_sizes``);
- the price range: lowest, highest and the middle half of the prices, with budget quick replies
  (``dialogue_prices_on_offer``).

The cues are the ``[values_on_offer]``, ``[sizes_on_offer]`` and ``[prices_on_offer]`` sections of
``prompts/conversation_cues.txt``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from chatrec.reply import Question

__all__ = ["asks_prices", "asks_sizes", "fields_allowed", "field_answer", "one_spelling", "prices_answer", "sizes_answer",
           "what_words"]

#: Title figures counted as a size, by unit family, in this order ("43 inches" for a TV).
_SIZE_FAMILIES = ("inch",)
_SIZE_NAMES = {"en": "inches", "zh": "英寸", "es": "pulgadas", "de": "Zoll"}
#: The shopper's plural for a field word said in the singular ("what brand do you have").
_PLURALS = {"brand": "brands", "colour": "colours", "color": "colors", "make": "makes", "style": "styles",
            "material": "materials", "marke": "Marken", "farbe": "Farben"}


def _says(section: str, message: str) -> bool:
    from chatrec.conversation import load_cues

    return any(p.search(message.lower()) for p in load_cues().get(section, ()))


def asks_sizes(message: str) -> bool:
    """True for "what sizes do you have?", "有哪些尺寸", "¿qué tallas hay?", "welche Größen gibt es?"."""
    return _says("sizes_on_offer", message)


def asks_prices(message: str) -> bool:
    """True for "what's the price range?", "how much do your tvs cost?", "价位", "Preisspanne"."""
    return _says("prices_on_offer", message)


def fields_allowed(include: Mapping[str, Sequence[str]], asked: str | None) -> bool:
    """A question about the values of ``asked`` may name the product or other wishes ("what colours of
    watches do you have?"), but not a value of the asked field itself ("what colours... black?")."""
    return asked is None or asked not in include


def one_spelling(counts: Counter[str]) -> Counter[str]:
    """Values that differ only in case counted as one, under their commonest spelling ("tizum" 2 and
    "Tizum" 1 -> "tizum" 3): a shopper picks a brand, not a way of writing it."""
    spellings: dict[str, Counter[str]] = {}
    for value, n in counts.items():
        spellings.setdefault(value.casefold(), Counter())[value] += n
    return Counter({forms.most_common(1)[0][0]: sum(forms.values()) for forms in spellings.values()})


def what_words(what: str, language: str) -> str:
    """The shopper's own word for the field, as a plural in the reply ("brand" -> "brands", "marken" -> "Marken")."""
    word = _PLURALS.get(what.lower(), what)
    return word[:1].upper() + word[1:] if language == "de" else word


def _kind(phrases: Any, include: Mapping[str, Sequence[str]], type_fields: Sequence[str], labels: Any) -> str:
    from chatrec.dialogue import Wishes

    kinds = {name: values for name, values in include.items() if name in type_fields}
    return phrases.summary(Wishes(include=kinds), None, labels=labels) if kinds else ""


def field_answer(phrases: Any, field: str, what: str, counts: Counter[str], options: Sequence[str],
                 include: Mapping[str, Sequence[str]], type_fields: Sequence[str], labels: Any,
                 show: Callable[[str], str]) -> str:
    """"For Smart televisions we have 11 brands: OnePlus, LG, ... and 6 more. Which would you like?"."""
    shown = [show(labels.show(o) if labels is not None else o) for o in options]
    return phrases.render("on_offer", kind=_kind(phrases, {k: v for k, v in include.items() if k != field},
                                                 type_fields, labels),
                          n=len(counts), what=what_words(what, phrases.code), options=shown,
                          more=max(0, len(counts) - len(options)))


def _sentence(text: str) -> str:
    """The text with a capital first letter (a product type's name may start it in lower case)."""
    return text[:1].upper() + text[1:]


def _show_size(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def sizes_answer(phrases: Any, items: Sequence[Any], include: Mapping[str, Sequence[str]],
                 type_fields: Sequence[str], labels: Any, most: int) -> tuple[str, Question | None]:
    """The sizes the fitting items' titles state, commonest first as quick replies, in size order in the
    text; or that the catalogue lists none (no question then)."""
    from chatrec import spec_filters

    kind = _kind(phrases, include, type_fields, labels)
    for family in _SIZE_FAMILIES:
        counts: Counter[float] = Counter()
        for item in items:
            figures = spec_filters.stated(str(getattr(item, "title", "") or "")).get(family, [])
            if figures:
                counts[round(max(figures), 1)] += 1
        if len(counts) >= 2:
            unit = _SIZE_NAMES.get(phrases.code, _SIZE_NAMES["en"])
            joiner = "" if phrases.code == "zh" else " "
            sizes = [f"{_show_size(v)}{joiner}{unit}" for v in sorted(counts)]
            options = [f"{_show_size(v)}{joiner}{unit}" for v, _ in counts.most_common(most)]
            text = _sentence(phrases.render("sizes_on_offer", kind=kind, sizes=sizes))
            return text, Question(text=text, options=options, attribute=None)
    return phrases.render("no_sizes", kind=kind), None


def _budget(value: float) -> float:
    """A round budget near ``value`` (two significant figures: 13,490 -> 13,000)."""
    if value <= 0:
        return 0.0
    digits = len(str(int(value))) - 2
    step = 10 ** max(digits, 0)
    return float(round(value / step) * step)


_BUDGET_WORDS = {
    "en": ("under {a}", "{a} to {b}", "over {b}"),
    "zh": ("{a}以内", "{a}到{b}", "{b}以上"),
    "es": ("menos de {a}", "de {a} a {b}", "más de {b}"),
    "de": ("unter {a}", "{a} bis {b}", "über {b}"),
}


def prices_answer(phrases: Any, items: Sequence[Any], include: Mapping[str, Sequence[str]],
                  type_fields: Sequence[str], labels: Any, format_amount: Callable[[float, str | None], str]
                  ) -> tuple[str, Question] | None:
    """The fitting items' price range (lowest, highest, the middle half) and three budgets to click, or None
    when fewer than two fitting items have a price."""
    prices = sorted(float(i.price) for i in items if getattr(i, "price", None) is not None)
    if len(prices) < 2:
        return None
    currency = next((i.currency for i in items if getattr(i, "currency", None)), None)

    def amount(value: float) -> str:
        return format_amount(value, currency)

    quarter, three = prices[len(prices) // 4], prices[(3 * len(prices)) // 4]
    text = _sentence(phrases.render("prices_on_offer", kind=_kind(phrases, include, type_fields, labels),
                                    low=amount(prices[0]), high=amount(prices[-1]), middle_low=amount(quarter),
                                    middle_high=amount(three)))  # "Cables hdmi cuestan ...", not "cables hdmi"
    low, high = _budget(quarter), _budget(three)
    words = _BUDGET_WORDS.get(phrases.code, _BUDGET_WORDS["en"])
    options = [w.format(a=f"{low:,.0f}", b=f"{high:,.0f}") for w in words] if high > low else []
    return text, Question(text=text, options=options, attribute=None)


_FOR_PRODUCT = re.compile(
    r"\b(price ?ranges?|prices|sizes?|brands?|makes?|colou?rs?)\b([^.?!]{0,30}?)\s+for\s+"
    r"(?!(?:me|him|her|us|them|my|his|our|their|your|a|an|men|women|man|woman|boys?|girls?|kids?|children|ladies|gents)\b)",
    re.IGNORECASE)


def reworded(message: str) -> str:
    """"what's the price range for smart tvs?" -> "what's the price range: smart tvs?": the product after an
    assortment question's "for" is the search, not a device the items must fit ("cables for my tv"); "for my
    son" stays a person."""
    if not (asks_sizes(message) or asks_prices(message) or _asks_values(message)):
        return message
    return _FOR_PRODUCT.sub(lambda m: f"{m.group(1)}{m.group(2)}: ", message, count=1)


def _asks_values(message: str) -> bool:
    from chatrec.conversation import asks_values_on_offer

    return asks_values_on_offer(message) is not None


def names_no_item(message: str) -> bool:
    """True when the question points at no shown item ("they", "these", "it" do): the price range of
    "what price range are they?" is the items shown, answered by the item answers."""
    return not re.search(r"\b(?:they|these|those|them|it|this|that one|this one)\b", message.lower())
