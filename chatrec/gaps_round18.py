"""Shopping gaps round 18 (issue 12, stop 62): classes the lead found shopping the demos.

- **A list asked in an order** (:func:`sort_asked`): speakers shown, "sort by price" said "None of the items mentions
  “price”" above one speaker; "price low to high" did the same; "cheapest first" answered the first item's price;
  "can you sort them by price?" listed the five prices in the list's order; "按价格从低到高排序", "ordenar por precio"
  and "nach Preis sortieren" showed one item. "highest rated first" already worked (a superlative of
  ``prompts/answers_*.json``). A sort said in words ("sort/order/rank by X", "X low to high", "cheapest first",
  "from cheapest to most expensive", "按价格排序", "价格从低到高", "ordenar por precio de menor a mayor", "del más barato
  al más caro", "nach Preis sortieren", "aufsteigend", "vom billigsten zum teuersten") is now read as that order:
  the wishes in force are listed in it (:func:`chatrec.gaps_round15.in_figure_order`) with the line saying it
  ("Sorted by price, lowest first (199 to 549 INR)."), and a catalogue without prices says it cannot sort by price.

- **What the shopper has is not shown again** (:func:`owned_kind`): "I already have black sneakers, want something
  different" asked "Which colour would you like? For example: Black, …"; "i have a blue shirt already, show me shirts"
  showed a blue shirt first as "the type and colour you asked for". The kind owned is what is asked for when the
  request names none ("something different", "something else?"), and its colour is left out unless the request
  names a colour ("… another pair in black" keeps it).

- **A shown item said to cost too much** (:func:`too_dear_pointed`): "the first one is too expensive" answered "Cookwell
  Bullet Mixer Grinder … costs 2,464 INR" (Spanish, German and Chinese already searched below it): it is a search for
  the wishes in force below that item's price.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import Any

from chatrec.word_tables import folded

__all__ = ["owned_kind", "sort_asked", "too_dear_pointed"]

#: The figure a sort names, by the word said (folded: no accents), with the order it runs in when none is said.
_FIGURES: Mapping[str, tuple[tuple[str, ...], str]] = {
    "price": (("price",), "min"), "prices": (("price",), "min"), "cost": (("price",), "min"),
    "precio": (("price",), "min"), "precios": (("price",), "min"), "preis": (("price",), "min"),
    "preisen": (("price",), "min"), "价格": (("price",), "min"), "价钱": (("price",), "min"), "价位": (("price",), "min"),
    "rating": (("rating", "average rating", "stars"), "max"), "ratings": (("rating", "average rating", "stars"), "max"),
    "stars": (("rating", "average rating", "stars"), "max"), "score": (("rating", "average rating", "stars"), "max"),
    "valoracion": (("rating", "average rating", "stars"), "max"),
    "puntuacion": (("rating", "average rating", "stars"), "max"),
    "bewertung": (("rating", "average rating", "stars"), "max"),
    "评分": (("rating", "average rating", "stars"), "max"), "好评": (("rating", "average rating", "stars"), "max"),
    "popularity": (("rating count", "rating number", "reviews", "review count"), "max"),
    "reviews": (("rating count", "rating number", "reviews", "review count"), "max"),
    "number of reviews": (("rating count", "rating number", "reviews", "review count"), "max"),
    "popularidad": (("rating count", "rating number", "reviews", "review count"), "max"),
    "beliebtheit": (("rating count", "rating number", "reviews", "review count"), "max"),
    "销量": (("rating count", "rating number", "reviews", "review count"), "max"),
    "人气": (("rating count", "rating number", "reviews", "review count"), "max"),
    "评价数": (("rating count", "rating number", "reviews", "review count"), "max"),
    "newest": (("year", "release year"), "max"), "date": (("year", "release year"), "max"),
    "year": (("year", "release year"), "max"),
    "discount": (("discount", "discount percentage"), "max"), "descuento": (("discount", "discount percentage"), "max"),
    "rabatt": (("discount", "discount percentage"), "max"), "折扣": (("discount", "discount percentage"), "max"),
}

_FIGURE = "|".join(sorted((re.escape(word) for word in _FIGURES), key=len, reverse=True))

#: Words that say the order runs up or down ("low to high", "de mayor a menor", "absteigend", "从高到低").
_UP = (r"(?:from\s+)?(?:low(?:est)?|cheap(?:est)?)\s+to\s+(?:high(?:est)?|expensive)|ascending|increasing|lowest\s+first|"
       r"de\s+menor\s+a\s+mayor|ascendente|aufsteigend|从低到高|从便宜到贵|升序|由低到高")
_DOWN = (r"(?:from\s+)?(?:high(?:est)?|expensive)\s+to\s+(?:low(?:est)?|cheap(?:est)?)|descending|decreasing|"
         r"highest\s+first|de\s+mayor\s+a\s+menor|descendente|absteigend|从高到低|从贵到便宜|降序|由高到低")

_SORT = r"(?:sort|order|arrange|rank|organi[sz]e|re-?order|re-?sort|list)(?:ed|ing)?"
_CHEAP = r"(?:cheapest|least\s+expensive|lowest[- ]priced|low[- ]priced|lowest\s+prices?|most\s+affordable)"
_DEAR = r"(?:most\s+expensive|priciest|dearest|costliest|highest[- ]priced|highest\s+prices?)"

#: Each way of saying a sort, with the order it gives ("" = the figure's own or the one said after it).
_SAYINGS: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(pattern), order) for pattern, order in (
    # "sort by price", "can you sort them by price, high to low?", "order the results by rating"
    (rf"\b{_SORT}\b(?:\s+(?:them|these|those|it|this|the\s+list|the\s+results|results|everything|all|all\s+of\s+them|"
     rf"the\s+items|items|the\s+options|please|pls))*\s+(?:by|on)\s+(?:the\s+)?(?P<figure>{_FIGURE})\b", ""),
    # "price low to high", "prices: high to low", "price ascending"
    (rf"\b(?P<figure>price|prices|cost|rating|ratings)\s*[:,-]?\s*(?:from\s+)?(?:{_UP}|{_DOWN})", ""),
    # "cheapest first", "show the cheapest ones first", "lowest price first"
    (rf"\b{_CHEAP}(?:\s+(?:ones?|items?|options?|things?|models?|products?))?\s+(?:first|on\s+top|at\s+the\s+top)\b", "min"),
    (rf"\b{_DEAR}(?:\s+(?:ones?|items?|options?|things?|models?|products?))?\s+(?:first|on\s+top|at\s+the\s+top)\b", "max"),
    (rf"\bfrom\s+(?:the\s+)?{_CHEAP}\s+to\s+(?:the\s+)?(?:{_DEAR}|dearest|priciest)\b", "min"),
    (rf"\bfrom\s+(?:the\s+)?{_DEAR}\s+to\s+(?:the\s+)?{_CHEAP}\b", "max"),
    # "show me the cheapest ones" (many: the cheapest of the search, not one shown item)
    (rf"\b(?:show|see|give|list|want|get)\b(?:\s+(?:me|us|the|only|just))*\s+{_CHEAP}\s+(?:ones|items|options|models|"
     r"products|of\s+(?:them|these|those))\b", "min"),
    # Spanish: "ordénalos por precio", "ordenar por valoración de mayor a menor", "del más barato al más caro"
    (rf"\bordena(?:r|los|las|do|dos|das|lo|la)?\b(?:\s+(?:los|las|todo|todos|por\s+favor))*\s+por\s+(?:el\s+|la\s+)?"
     rf"(?P<figure>{_FIGURE})\b", ""),
    (r"\bdel?\s+(?:el\s+)?mas\s+barat[oa]s?\s+al?\s+(?:el\s+)?mas\s+car[oa]s?\b", "min"),
    (r"\bdel?\s+(?:el\s+)?mas\s+car[oa]s?\s+al?\s+(?:el\s+)?mas\s+barat[oa]s?\b", "max"),
    (r"\b(?:primero|antes)\s+(?:los|las|lo)\s+mas\s+barat[oa]s?\b|\blos\s+mas\s+baratos\s+primero\b", "min"),
    (rf"\bprecios?\s+(?:{_UP}|{_DOWN})", ""),
    # German: "nach Preis sortieren", "sortiere sie nach Bewertung", "vom billigsten zum teuersten"
    (rf"\b(?:sortier\w*|ordne\w*)\b(?:\s+(?:sie|die|alle|bitte|mal|das|es))*\s+nach\s+(?:dem\s+|der\s+)?(?P<figure>{_FIGURE})\b",
     ""),
    (rf"\bnach\s+(?:dem\s+|der\s+)?(?P<figure>{_FIGURE})\s+(?:sortier\w*|geordnet|ordnen|aufsteigend|absteigend)\b", ""),
    (r"\bvom\s+(?:billigsten|gunstigsten|preiswertesten)\s+zum\s+teuersten\b", "min"),
    (r"\bvom\s+teuersten\s+zum\s+(?:billigsten|gunstigsten|preiswertesten)\b", "max"),
    (r"\b(?:die\s+)?(?:billigsten|gunstigsten|preiswertesten)\s+zuerst\b|\bzuerst\s+die\s+(?:billigsten|gunstigsten)\b",
     "min"),
    (rf"\b(?P<figure>preis|preise)\s+(?:{_UP}|{_DOWN})", ""),
    # Chinese: "按价格排序", "按价格从低到高排", "价格从高到低", "从便宜到贵", "便宜的排前面"
    (rf"按(?:照)?\s*(?P<figure>{_FIGURE})\s*(?:{_UP}|{_DOWN})?\s*(?:排序|排列|排一下|排)", ""),
    (rf"(?P<figure>价格|价钱|评分|销量)\s*(?:{_UP}|{_DOWN})", ""),
    (r"从便宜到贵|便宜的(?:排)?(?:在)?前面?|最便宜的(?:排)?(?:在)?前面?", "min"),
    (r"从贵到便宜|贵的(?:排)?(?:在)?前面?", "max"),
))


@functools.lru_cache(maxsize=64)
def sort_asked(message: str) -> tuple[dict[str, Any], str] | None:
    """The order a message asks the list in, as a superlative rule of ``prompts/answers_*.json`` (``fields``,
    ``order``, ``words``) with the words said, or None: "sort by price" is ``({"fields": ["price"], "order": "min"},
    "sort by price")``; "price high to low" orders the price down; "按评分排序" the rating down."""
    text = folded(message)
    for pattern, order in _SAYINGS:
        found = pattern.search(text)
        if found is None:
            continue
        named = found.groupdict().get("figure")
        fields, usual = _FIGURES.get(re.sub(r"\s+", " ", named), (("price",), "min")) if named else (("price",), "min")
        tail = text[found.start():found.end() + 40]
        direction = re.search(_DOWN, tail) or re.search(_UP, tail)
        if not order:
            order = usual if direction is None else "max" if re.fullmatch(_DOWN, direction.group()) else "min"
        said = text[found.start():found.start() + max(len(found.group()), direction.end() if direction else 0)]
        return {"fields": list(fields), "order": order, "words": [said]}, said
    return None


#: The rest of an "I already have X" that asks for more of the kind without naming one ("want something different",
#: "something else?", "show me others", "algo distinto", "etwas anderes", "换个别的").
_DIFFERENT = re.compile(r"\b(?:something|anything|some|ones?|others?)\s+(?:different|else|new|other)\b|"
                        r"\b(?:different|other|others|another|new)\b|"
                        r"\balgo\s+(?:distinto|diferente|nuevo|mas)\b|\botr[oa]s?\b|\betwas\s+(?:anderes|neues)\b|"
                        r"\bandere\w*\b|别的|不一样|其他|换个|新的")


def owned_kind(heard: Any, owned: Any, owned_heard: Any, type_names: list[str], colour_names: list[str]) -> Any:
    """The request after "I already have X": a bare "something different" asks for X's kind; X's colour is left out
    of a search for X's kind unless the request names a colour. The request unchanged when nothing is owned, the
    message is read whole ("I bought a mouse, now …"), or another kind is asked for."""
    if owned is None or getattr(owned, "whole", False) or heard.references:
        return heard
    kinds = {name: list(values) for name, values in owned_heard.include.items() if name in type_names and values}
    if not kinds:
        return heard
    include = {name: list(values) for name, values in heard.include.items()}
    asked_kinds = {name: values for name, values in include.items() if name in type_names and values}
    if not asked_kinds:
        if heard.intent not in ("recommend", "refine", "answer", "chitchat") or not _DIFFERENT.search(folded(owned.rest)):
            return heard
        include.update(kinds)
        kept = {name: values for name, values in heard.exclude.items() if name not in type_names}  # "different" is
        heard = heard.model_copy(update={"intent": "recommend", "include": include, "show_now": True, "answered": None,
                                         "query": "", "exclude": kept})  # from what is owned, not the kinds offered
    elif not any(set(values) & set(kinds.get(name, ())) for name, values in asked_kinds.items()):
        return heard  # "I already have a laptop, now a bag": the bag in any colour
    if any(heard.include.get(name) for name in colour_names):
        return heard
    exclude = {name: list(values) for name, values in heard.exclude.items()}
    for name in colour_names:
        if owned_colours := [v for v in owned_heard.include.get(name, ()) if v not in exclude.get(name, ())]:
            exclude[name] = [*exclude.get(name, ()), *owned_colours]
    return heard if exclude == heard.exclude else heard.model_copy(update={"exclude": exclude})


#: "the first one is too expensive", "that one's a bit pricey", "the second is out of my budget", "can't afford the third".
_TOO_DEAR = re.compile(r"\btoo\s+(?:expensive|pricey|pricy|costly|dear|much)\b|\bout\s+of\s+(?:my|our)\s+(?:budget|price\s+range)\b|"
                       r"\bover\s+(?:my|our)\s+budget\b|\bcan'?t\s+afford\b|\bcannot\s+afford\b|"
                       r"\b(?:is|'s|looks|seems)\s+(?:so\s+|really\s+|very\s+|quite\s+|a\s+bit\s+|a\s+little\s+|kinda\s+)?"
                       r"(?:expensive|pricey|steep|costly)\b")
_LIKE_IT = re.compile(r"\b(?:like|similar|same)\b")


def too_dear_pointed(heard: Any, message: str, shown: list[Any]) -> Any:
    """The request of an English "the first one is too expensive": the wishes in force up to just below that item's
    price, not a question about it; the request unchanged otherwise (a question, one like it but cheaper, no price)."""
    named = [r.position for r in heard.references if r.how != "all"]
    text = message.lower()
    if heard.language != "en" or heard.intent not in ("ask_about_item", "more_like") or len(named) != 1 \
            or not _TOO_DEAR.search(text) or "?" in text or _LIKE_IT.search(text) or not 0 < named[0] <= len(shown):
        return heard
    price = getattr(shown[named[0] - 1], "price", None)
    if not isinstance(price, (int, float)) or price <= 1:
        return heard
    from chatrec.request import PriceRange

    return heard.model_copy(update={"intent": "refine", "references": [], "relative_price": None, "show_now": True,
                                    "price": PriceRange(max=float(price) - 1), "query": ""})
