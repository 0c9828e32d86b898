"""A product the shop does not sell, asked for in a question: said plainly, in the shopper's language.

"do you stock mattresses?", "do you sell power banks?" on a shop of cables and TVs, "你们有冰箱吗",
"Habt ihr Waschmaschinen?", "¿venden sofás?": the reading of the message is off topic or a greeting (no
product of this catalogue is named, and the understanding sets label "do you sell bikes" off topic), so the
reply was "I can only help with shopping in this catalogue" or a plain greeting, as if the shopper had asked
something other than a product. A shop assistant says "we have no mattresses" and what there is instead.

The product is found:

- in English, as the thing a "do you have / sell / stock ..." question names (:func:`chatrec.not_carried.asked_for`)
  whose head word is a product name (:func:`chatrec.not_carried.product_nouns`): "free shipping" or "a store in
  Delhi" name no product, and stay off topic;
- in Chinese, Spanish and German, as one of the product names of ``chatrec/data/unsold_products.json`` (the
  commonest goods of other shops: appliances, furniture, phones, food, toys ...), in a question asking whether
  the shop has it ("有没有", "你们有…吗", "¿tienen…?", "habt ihr…?").

The product counts as sold when the catalogue's words name it often enough (:func:`chatrec.not_carried.not_carried`,
:func:`chatrec.shopper_moves.no_such_type`): "phone" on a shop of phone cables is a word of titles, not a product
type, and is said as not sold too.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Container, Iterable
from functools import lru_cache
from pathlib import Path

__all__ = ["SELLS", "TERMS", "asked_head", "unsold_asked"]

_DATA = Path(__file__).parent / "data" / "unsold_products.json"

#: A question whether the shop has something, by language (the product itself is matched separately).
_ASKS = {
    "zh": re.compile(r"有没有|有無|有冇|有木有|有卖|有賣|卖不卖|賣不賣|卖吗|賣嗎|有.{1,8}(?:吗|嗎|么|麼|嘛|不|没|沒)"
                     r"|(?:你们|你們|你家|贵店|店里|店裡|这里|這裡|这儿)(?:有|卖|賣)|(?:在哪|哪里|哪裡)(?:买|買)"
                     # lead, stop 38: a request, not only a question ("我想买个吹风机", "帮我找个耳机", "我需要冰箱")
                     r"|想买|想買|要买|要買|我要|想要|帮我找|幫我找|给我找|給我找|需要|求推荐|推荐一?[个款台部]"
                     # stop 50: a product said with its count and measure word alone ("一台冰箱")
                     r"|^\s*[一两兩][台个個部件款只隻条條双雙把块塊张張套]"
                     # stop 51: whom it is for between the wish and the buying ("我想给我爸买个剃须刀")
                     r"|(?:想|要|打算)(?:给|給|帮|幫|替|为|為).{1,6}?(?:买|買)"),
    "es": re.compile(r"\b(?:tienen|tenéis|tenes|tienes|venden|vendéis|vendes|manejan|hay|tiene|vende|consigo|"
                     r"encuentro|busco|quiero|necesito|querría|quisiera|me gustaría|ocupo)\b"),
    "de": re.compile(r"\b(?:habt|haben|hast|verkauft|verkaufen|verkaufst|führt|führen|gibt(?:'s| es)?|gibts|"
                     r"suche|brauche|möchte|hätte gern|will|wollte|würde gern|hätte gerne|bräuchte|benötige)\b"),
}


_NAMED_YOU = re.compile(r"\b(you|u|ya)\s+(?:guys|folks|all|people|lot|lads)\b", re.IGNORECASE)
_FILLER = re.compile(r"\b(you|u|ya|shop)\s+(?:also|even|still|ever|currently|actually|by any chance)\b", re.IGNORECASE)
#: A question that asks for a product by a verb of selling ("do you sell / stock / carry ...").
SELLS = re.compile(r"\b(?:sell|stock|carry|deal in)\b")
#: Things a shop has that are no products ("do you sell gift cards?" is a product; these are not).
TERMS = frozenset("shipping delivery returns return refund refunds warranty guarantee discount discounts coupon coupons "
                  "sale sales offer offers deal deals emi installments financing store stores branch branches outlet "
                  "outlets online app website service services".split())


_UMLAUTS = str.maketrans("äöü", "aou")


@lru_cache(maxsize=1)
def _names() -> dict[str, list[tuple[str, str]]]:
    """Each language's product names, longest first, with the English name (keys starting "_" are comments)."""
    data = json.loads(_DATA.read_text(encoding="utf-8"))
    return {lang: sorted(((k.lower(), str(v)) for k, v in table.items()), key=lambda kv: -len(kv[0]))
            for lang, table in data.items() if not lang.startswith("_")}


def _named(message: str, language: str) -> tuple[str, str] | None:
    """The shopper's word for a product of the table and its English name, as written in the message."""
    lowered = message.lower()
    if language == "de":  # "Kühlschränke" is a plural of "Kühlschrank": umlauts read as their vowel (same length)
        lowered = lowered.translate(_UMLAUTS)
    for word, english in _names().get(language, []):
        if language == "de":
            word = word.translate(_UMLAUTS)
        if language == "zh":
            at = lowered.find(word)
        else:  # a word start; plural and case endings ("Waschmaschinen", "lavadoras")
            found = re.search(rf"\b{re.escape(word)}(?:n|en|e|s|es|er)?\b", lowered)
            at = found.start() if found else -1
        if at >= 0:
            end = at + len(word)
            if language != "zh":
                end = re.match(r"\w*", lowered[at:]).end() + at  # type: ignore[union-attr]
            return message[at:end], english
    return None


def _sold(english: str, vocabulary: Container[str], documents: Callable[[str], int] | None,
          type_values: Iterable[str], titles: Callable[[], Iterable[str]] | None = None) -> bool:
    """True when the catalogue sells the English-named product: a product type has its head word, or (for
    a name no type has) its titles use it often (a shop of phone cables does not sell phones). Stop 51: a
    known two-word product no item's name says (``titles``) is not sold for its last word ("electric shavers"
    on a shop of lint shavers: :func:`chatrec.compound_products.unsold_compound`)."""
    from chatrec.compound_products import unsold_compound
    from chatrec.not_carried import not_carried
    from chatrec.shopper_moves import no_such_type

    if titles is not None and unsold_compound(english, titles) is not None:
        return False
    question = f"do you have {english}"
    return not_carried(question, vocabulary, documents) is None and no_such_type(question, type_values) is None


def unsold_asked(message: str, language: str, vocabulary: Container[str], documents: Callable[[str], int] | None,
                 type_values: Iterable[str], titles: Callable[[], Iterable[str]] | None = None) -> str | None:
    """The product a question asks the shop for when the shop sells none, in the shopper's own words; None
    when the message asks for no product by name, or for one the catalogue has.

    Args:
        message: The shopper's words.
        language: The message's language (``en``, ``zh``, ``es``, ``de``; others are read as English).
        vocabulary: Every word the catalogue uses (the lexical index's vocabulary).
        documents: How many items use a word (the lexical index's document frequency), if known.
        type_values: The catalogue's product type values ("USBCables", "Smart televisions").
        titles: The names of the catalogue's items, if known (read only for a known two-word product).
    """
    from chatrec.grounding import singular
    from chatrec.not_carried import GENERIC, asked_for, product_nouns
    from chatrec.text import tokens

    type_values = list(type_values)
    if language in _ASKS:
        named = _named(message, language)
        if named is None or not _ASKS[language].search(message.lower()):
            return None
        said, english = named
        return None if _sold(english, vocabulary, documents, type_values, titles) else said
    plain = _FILLER.sub(r"\1", _NAMED_YOU.sub(r"\1", message))  # "do you guys also carry ..." -> "do you carry ..."
    thing = asked_for(plain)
    words = [w for w in tokens(thing or "") if w.isalpha()]
    # "do you sell / stock / carry air fryers?" asks for a product whatever its name; "do you have ..." only
    # when the name is a product's ("do you have free shipping?" is a term of the shop)
    selling = bool(SELLS.search(message.lower())) and not (set(words) & (GENERIC | TERMS))
    if not words or len(words) > 4 or not (selling or {words[-1], singular(words[-1])} & product_nouns()):
        return None
    return None if _sold(" ".join(words), vocabulary, documents, type_values, titles) else thing


_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")  # "USBCables" -> "USB Cables"
#: Words of a product name that say nothing about which product ("do you sell good cables?").
_PLAIN = frozenset("good nice cheap cheaper best quality decent new long short small big latest any some".split())


def _thing_asked(message: str) -> tuple[str | None, list[str]]:
    """The thing a "do you sell …?" question asks for, and its words (none past four: no product's name)."""
    from chatrec.not_carried import asked_for
    from chatrec.text import tokens

    thing = asked_for(_FILLER.sub(r"\1", _NAMED_YOU.sub(r"\1", message)))
    words = [w for w in tokens(thing or "") if w.isalpha()]
    return thing, (words if len(words) <= 4 else [])


def asked_head(message: str) -> str | None:
    """The head word of the thing a "do you sell …?" question asks for ("do you sell cables?" -> "cable"), or None."""
    from chatrec.grounding import singular

    words = _thing_asked(message)[1]
    return singular(words[-1]) if words else None


def kinds_asked(message: str, vocabulary: Container[str], type_values: Iterable[str],
                titles: Iterable[str] = ()) -> tuple[list[str], str | None]:
    """"do you sell cables?" on a shop of USB, HDMI and optical cables: the product types the question's head
    word names (to ask which), and the thing asked for when one of its other words is no word of the
    catalogue, or no title puts it before the head word ("washing machines" on a shop of coffee and sewing
    machines), else None. English; ``([], None)`` when the question names no product type's head word."""
    from chatrec.grounding import singular
    from chatrec.not_carried import GENERIC
    from chatrec.text import tokens

    thing, words = _thing_asked(message)
    if not words:
        return [], None
    head = singular(words[-1])
    kinds = [v for v in type_values
             if head in {singular(w) for w in tokens(_CAMEL.sub(" ", str(v))) if w.isalpha()}]
    said = [w for w in words[:-1] if len(w) > 2 and w not in GENERIC and w not in _PLAIN]
    unknown = [w for w in said if w not in vocabulary]
    if kinds and said and not unknown:
        near = re.compile(rf"\b(?:{'|'.join(map(re.escape, said))})\W+(?:\w+\W+)?{re.escape(head)}", re.IGNORECASE)
        unknown = [] if any(_names_it(near, title) for title in titles) else said
    return kinds, (thing if kinds and unknown else None)


def _names_it(near: re.Pattern[str], title: str) -> bool:
    """True when the title names the thing as what it is, not as what it is for ("Lint Remover for Washing
    Machine" sells no washing machine)."""
    return any(not re.search(r"\bfor\W+(?:\w+\W+)?$", title[:m.start()], re.IGNORECASE) for m in near.finditer(title))
