"""Shopping gaps round 7 (issue 12, branch i12aq): conversation moves read beside the request.

- "como mucho 9 mil", "máximo 9 lucas", "hasta unos 9 mil", "höchstens 90", "最多九千": a budget ceiling
  (:func:`adjust`, a step of :func:`chatrec.understanding.understand`).
- "the yellow one" (the whole message, singular) while items are shown: a search by the value, as the
  plural "the yellow ones" is (:func:`chatrec.shopper_asks.bare_value_ones`), so the items shown are of
  that value (the one shown first among them), never more items "like" it in other colours.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

__all__ = ["adjust", "back_to_earlier", "bare_value_one", "checked_keeping_size", "earlier_list_of_make", "keeps_size"]

#: The whole message is "the <value> one" (singular, no verb, no question): "the yellow one", "ok the LG
#: one then", "hmm the black one pls". Places and prices are no value ("the second one", "the cheap one"):
#: :func:`chatrec.value_ones.as_value_search` changes only a request pointing by an attribute value.
_BARE_ONE = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|hmm+|so|and|then|just|maybe|only|nah|no|um+|uh+|oh)\W+){0,3}(?:the|that) "
    r"(?:[\w&+-]+ ){1,2}one(?:\W+(?:then|please|pls|plz|instead|maybe|i guess|i think))?\W*$",
    re.IGNORECASE,
)


def bare_value_one(heard: Any, message: str, read: Callable[[str], Any], fields: Iterable[str]) -> Any:
    """"The yellow one" (the whole message) while items are shown: a search by the value the message
    names in ``fields`` (read with nothing shown by ``read``), not more items like the shown one of that
    value; unchanged for any other wording ("is the yellow one cotton?", "the second one")."""
    from chatrec.value_ones import as_value_search

    if not _BARE_ONE.match(message):
        return heard
    return as_value_search(heard, message, read, fields)


#: A question for the shown item of a make: "which one is the benetton", "which was the ray ban one?",
#: "cuál es el de benetton", "welche ist die von Benetton", "哪个是benetton的".
_WHICH_IS = re.compile(
    r"\bwhich(?: one| of (?:them|these|those))? (?:is|was|were) (?:the|a|an|from|by) (?P<en>[\w&.'-]+(?: [\w&.'-]+)?)"
    r"|\bcu[aá]l (?:es|era) (?:el|la) (?:de )?(?P<es>[\w&.'-]+(?: [\w&.'-]+)?)"
    r"|\bwelche[rs]? (?:ist|war) (?:die|der|das) (?:von )?(?P<de>[\w&.'-]+(?: [\w&.'-]+)?)"
    r"|哪[个個款](?:是)?(?P<zh>[A-Za-z][\w&.'-]*(?: [\w&.'-]+)?)",
    re.IGNORECASE,
)
_TAIL = {"one", "ones", "uno", "una", "eine", "einer", "的", "one?"}
#: Stop 41: an item pointed at by its make ("the puma one, is it all navy?", "el de puma", "das von Puma", "puma那个"):
#: the earlier list holding it when the last holds none of that make.
_THE_MAKE_ONE = re.compile(
    r"\bthe (?P<en>[\w&.'-]+(?: [\w&.'-]+)?) ones?\b"
    r"|\b(?:el|la|los|las) de (?P<es>[\w&.'-]+(?: [\w&.'-]+)?)"
    r"|\b(?:das|der|die|den) von (?P<de>[\w&.'-]+(?: [\w&.'-]+)?)"
    r"|(?P<zh>[A-Za-z][\w&.'-]*(?: [\w&.'-]+)?) ?(?:的)?(?:那个|那款|那件|那双|那只|那台)",
    re.IGNORECASE,
)
#: A question about it ("the puma one, is it all navy?"): a bare "the fastrack one" may be a wish, not a pointing.
_ASKS = re.compile(r"[?？¿]|\b(?:is|does|has|how|what|which|was|wie|ist|hat|cu[aá]nto|qu[eé]|es)\b|吗|嘛|多少|几|怎么样",
                   re.IGNORECASE)


def _make_words(text: str) -> list[str]:
    return [w for w in re.findall(r"[\w&'-]+", text.casefold()) if w not in _TAIL]


def earlier_list_of_make(
    message: str, lists: Sequence[Sequence[str]], last: Sequence[str], brand_of: Callable[[str], str | None],
) -> list[str] | None:
    """The earlier list holding the make a "which one is the benetton" asks for, when the last list holds
    none of it (the shopper asks about what was shown before); None otherwise.

    ``lists`` are the lists shown in the session, oldest first; ``brand_of(item_id)`` an item's make (its title
    where the catalogue has no make field: every word asked for must be in it)."""
    found = _WHICH_IS.search(message) or (_THE_MAKE_ONE.search(message) if _ASKS.search(message) else None)
    if not found:
        return None
    words = _make_words(next(g for g in found.groups() if g))
    if not words:
        return None

    def of_make(item_id: str) -> bool:
        brand = _make_words(brand_of(item_id) or "")
        return bool(brand) and all(w in brand for w in words)

    if any(of_make(i) for i in last):
        return None
    for ids in reversed([list(ids) for ids in lists if ids and list(ids) != list(last)]):
        if any(of_make(i) for i in ids):
            return ids
    return None


#: The shopper keeps the figure in force: "anything cheaper that size?", "same size but cheaper", "in that
#: size", "misma talla / del mismo tamaño", "in der Größe", "gleiche Größe", "同样尺寸", "这个尺寸".
_KEEPS_SIZE = re.compile(
    r"\b(?:(?:that|this|the same|same|similar) (?:size|screen size|length|capacity|wattage|figure)|in that size)\b"
    r"|\b(?:mism[oa]|ese|esa|este|esta) (?:tamaño|tamano|talla|medida|pulgadas|capacidad)\b"
    r"|\b(?:gleiche[nrs]?|selbe[nrs]?|diese[nrs]?|der) (?:Größe|Groesse|Zollzahl|Länge|Kapazität)\b"
    r"|同样(?:的)?(?:尺寸|大小)|这个(?:尺寸|大小)|一样(?:的)?(?:尺寸|大小)|尺寸(?:一样|不变)",
    re.IGNORECASE,
)


def keeps_size(message: str) -> bool:
    """Whether the message keeps the figure in force ("anything cheaper that size?")."""
    return bool(_KEEPS_SIZE.search(message))


def checked_keeping_size(
    message: str, state: Any, retriever: Any, type_names: Sequence[str], check: Callable[[Any], list[str]],
) -> list[str]:
    """The spec check of the turn (``check(wishes)`` runs :func:`chatrec.spec_filters.checked` on them).

    When the message keeps the size in force ("anything cheaper that size?") and no item of the other
    wishes states it (an LG TV of 43 inches cheaper than the one shown), the size is checked against the
    product type and budget alone: it keeps filtering, and the make is the wish the search leaves out
    (and names) instead of the size the shopper just asked to keep."""
    from chatrec.dialogue import Wishes

    wishes = state.wishes()
    if not state.specs or not keeps_size(message):
        return check(wishes)
    kept = set(type_names)
    wider = Wishes(include={k: v for k, v in wishes.include.items() if k in kept}, exclude=wishes.exclude,
                   min_price=wishes.min_price, max_price=wishes.max_price)
    first = check(wishes)
    if not first:
        return first
    notes = check(wider)
    return notes if not notes else check(wishes)


#: A budget ceiling said before the amount, in every language: "como mucho 9 mil", "a lo mucho 5 lucas",
#: "máximo 9 mil", "hasta unos 9 mil", "no más de 9 mil", "höchstens 9000", "maximal 90", "bis etwa 90",
#: "nicht mehr als 90", "最多九千", "顶多9000", "不超过九千", "at most 9k", "no more than 9k".
_CEILING = re.compile(
    r"(?:\b(?:como|a lo|lo) (?:mucho|m[aá]ximo)|\bm[aá]ximo(?: de)?|\bhasta (?:unos|unas|aprox(?:imadamente)?|como|cerca de)"
    r"|\bno m[aá]s de|\bh[oö]chstens(?: so)?|\bmaximal|\bmax\.?|\bbis (?:zu )?(?:etwa|ungef[aä]hr|circa|ca\.?|so)"
    r"|\bnicht mehr als|\bat (?:the )?most|\bno more than|最多|顶多|至多|不超过|最高)"
    r"\s*(?:(?:unos|unas|etwa|ungef[aä]hr|so|about|around|大概|大约)\s*)?"
    r"(?:rs\.?\s*|₹\s*|inr\s*)?"
    r"(?P<n>\d{1,3}(?:['’]\d{3})+|\d+(?:[.,]\d+)?|[零〇一二两三四五六七八九十百千万]+)\s*(?P<u>k(?![a-z])|mil\b|lucas?\b|tausend\b|lakhs?\b|grand\b|千|万)?",
    re.IGNORECASE,
)
#: A currency named after the amount (the rules' conversion stands) or a unit of a spec ("máximo 2 metros",
#: "höchstens 5 Zoll", "pro max 256gb", "max 4k tv"): no budget of this step's.
_CURRENCY_AFTER = re.compile(
    r"^\s*(?:€|\$|euros?|eur\b|d[oó]lares|dollars?|usd|bucks|pesos|yuan|rmb|元|块|美元|欧元|pfund|pounds?|£"
    r"|(?:gb|mb|tb|mah|w|watts?|inch(?:es)?|in|zoll|pulgadas|metros?|metres?|meters?|m|cm|mm|kg|g|hz|mp|"
    r"hours?|horas?|stunden|h|uhd|hd|resolution|resoluci[oó]n|aufl[oö]sung|tv|fernseher|display|screen)\b"
    r"|[\"”″]|寸|英寸|米|小时|毫安|克)",
    re.IGNORECASE,
)
_UNITS = {"k": 1000.0, "mil": 1000.0, "luca": 1000.0, "lucas": 1000.0, "tausend": 1000.0, "lakh": 100_000.0,
          "lakhs": 100_000.0, "grand": 1000.0, "千": 1000.0, "万": 10_000.0}
_CEILING_WORDS = frozenset({"como", "mucho", "lo", "maximo", "máximo", "hasta", "unos", "unas", "mas", "más", "hochstens",
                            "höchstens", "maximal", "max", "most", "lucas", "luca", "mil", "tausend", "etwa", "ungefahr",
                            "ungefähr"})


def _amount(number: str, unit: str | None) -> float | None:
    from chatrec.understanding import parse_price

    if re.fullmatch(r"[零〇一二两三四五六七八九十百千万]+", number):
        _, high, _ = parse_price(f"up to {number}{unit or ''}")
        return high
    value = float(number.replace(",", ".")) if re.fullmatch(r"\d+[.,]\d{1,2}", number) \
        else float(re.sub(r"[.,'’]", "", number))  # "20'000" (Swiss), "1.200"
    return value * _UNITS.get((unit or "").casefold(), 1.0)


def adjust(request: Any, message: str, context: Any, vocabulary: Any) -> Any:
    """The request with the budget ceiling the message says before the amount ("como mucho 9 mil": up to
    9,000; "hasta unos 9 mil": up to 9,000, not 7,200-10,800); unchanged when none is said, a currency is
    named after the amount (the rules convert it), or the request already has that ceiling."""
    from chatrec.request import PriceRange

    found = _CEILING.search(message)
    rest = message[found.end():] if found is not None else ""
    if found is not None and found.group("u") and found.group("u").casefold() == "k" and _CURRENCY_AFTER.match(
            message[found.end("n"):]):
        return request  # "max 4k tv": a resolution
    if found is None or _CURRENCY_AFTER.match(rest) or request.intent in ("off_topic", "start_over"):
        return request
    if request.references and request.intent in ("ask_about_item", "compare"):
        return request  # "is the first at most 9k?": a question about an item
    amount = _amount(found.group("n"), found.group("u"))
    if amount is None or amount <= 0:
        return request
    price = request.price
    if price is not None and (price.currency or price.converted) and price.currency not in (None, context.catalog_currency):
        return request
    if price is not None and price.max is not None and price.max >= amount and price.min is None:
        return request  # the rules' own ceiling, read with every digit ("不超过2千5": 2,500, not 2,000)
    low = price.min if price is not None and price.min is not None and price.min < amount * 0.8 - 0.01 else None
    new = PriceRange.model_validate({**(price.model_dump() if price is not None else {}), "min": low, "max": amount})
    said = set(re.findall(r"[\w.]+", found.group(0).casefold()))
    query = " ".join(w for w in request.query.split() if w not in said and w not in _CEILING_WORDS
                     and not re.fullmatch(r"\d+(?:[.,]\d+)?k?", w))
    update: dict[str, Any] = {"price": new, "query": query}
    if request.intent in ("chitchat", "answer") and not request.include:
        update["intent"] = "refine" if context.searching else "recommend"
    return request.model_copy(update=update)


#: Asking to see: "can i see the previous ones?", "¿me enseñas los de antes?", "kann ich die von vorhin sehen?".
_TO_SEE = re.compile(r"\b(?:see|show|view|look at|ver|enseñ\w*|muestr\w*|seh\w*|zeig\w*)\b|看", re.IGNORECASE)


#: A wish of its own beside coming back: "go back to the remotes, the ones for a Samsung TV", "con cable".
_OWN_WISH = re.compile(r"\b(?:for an?|for the|for my|with|without|that|which|para|con|sin|f(?:ü|ue)r|mit|ohne)\b|适合|带", re.IGNORECASE)


def back_to_earlier(heard: Any, message: str, types: Mapping[str, Sequence[str]]) -> Any:
    """"Show me the earlier ones", "the ones from before", "go back to the first lot" (no "again", no
    product named): the earlier list the shopper comes back to is shown again (``show_again``), with its
    product types (``types``, field to values) as the wishes in force; unchanged for a request that asks
    anything else (a question about an item, a new wish, a budget)."""
    from chatrec.conversation import refers_back

    if not refers_back(message) or heard.price is not None or heard.relative_price:
        return heard
    seeing = heard.intent in ("compare", "ask_about_item") and bool(_TO_SEE.search(message)) \
        and all(r.how == "all" for r in heard.references)  # "can i see the previous ones?" read as about them all
    if not seeing and (heard.references or heard.intent not in ("recommend", "refine", "show_again", "chitchat", "answer")):
        return heard
    if any(name not in types for name in heard.include) or _OWN_WISH.search(message):
        return heard  # "back to the jackets, in black", "the remotes, the ones for a Samsung TV": a wish of its own
    return heard.model_copy(update={"intent": "show_again", "include": {**dict(types), **heard.include},
                                    "show_now": True, "query": "", "references": []})
