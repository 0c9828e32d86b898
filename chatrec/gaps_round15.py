"""Shopping gaps round 15 (issue 12, stop 59): classes the lead found shopping the demos.

- **A list asked in the order of a figure the catalogue gives** (:func:`ordered_list`): watches shown, "show me the
  newest" said "I found nothing called “newest”" and showed the same watches; "what's new in women's tops" and "any
  new arrivals in watches?" searched the words "new" and "arrival"; "what's new" was small talk. The words of the
  order ("newest", "new arrivals", "lo más nuevo", "die neuesten", "新款") are no search words: the wishes in force
  are searched and the whole list is put in that order (the year, on the fashion demo). A catalogue without that
  figure says so (:func:`chatrec.answers.superlative_unlisted`) and keeps the wishes.

- **A shown item's other colour, asked by name** (:func:`variants_in`): belts shown, the fifth "Also in Brown",
  "does the fifth come in brown?" answered "No: the catalogue lists OTLS Men Black Leather Belt as Black (base
  colour), not brown; it says nothing about other versions", above a list holding "OTLS Men Brown Leather Belt".
  The same product in the colour asked is looked for in the catalogue: the reply says it comes in that colour and
  shows it first. "i'll take the brown one", where no belt shown is brown but one comes in brown, asked "Which one
  would you like?" (:func:`variant_pointed`): it points at that belt, and its brown one is shown first.

- **A need said as the behaviour wished** (:func:`wished_need`): "earbuds that don't fall out when running" said
  "That sounds like a job for earphones that stay in (a neckband or ear hooks)" above five true-wireless earbuds:
  the wording is read as said (a labelled turn), and the product the need names ("neckband") now steers the search.

- **A heel's height** (:func:`heel_height`): heels shown, "not too high" said "This catalogue does not list prices,
  so I can't filter by budget" (a price read), and the list's line said "not high". The catalogue lists no heel
  heights: the reply says so, and the heels shown stay.

- **A price comparison of places with nothing shown** (:func:`unshown_comparison`): "the cheaper of the first two" as
  the first wish (after a product the shop does not sell) searched the cheapest item of the whole shop ("E-COSMOS USB
  LED Light at ₹39"). It points at items never shown: the reply says nothing was shown yet.

The order words are the ``superlatives`` of ``prompts/answers_*.json``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from chatrec.understanding import singular as _singular
from chatrec.word_tables import folded

__all__ = ["in_figure_order", "is_order_note", "named_first", "order_note", "ordered_list", "variant_pointed", "variants_in", "wished_need", "words_beyond"]

#: Words that only carry an order's phrase ("the newest ones first", "what's new", "any new arrivals?").
_CARRIERS = frozenset("the a an one ones first item items thing things stuff product products model models what whats s "
                      "any anything show me see some please pls you have got in lo los las el la die der das den "
                      "neue neuen neues was gibt es".split())


#: "first" said of an order, after its word ("newest first", "the latest ones first"; {phrase}), or "zuerst die
#: neuesten", "primero los más nuevos": not a place in the list.
_FIRST_AS_ORDER = r"\b{phrase}(?:\s+(?:ones?|items?|models?|products?))?\s+first\b|\bzuerst\b|\bprimero\s+(?:los|las|lo)\b"


#: Order phrases that ask for new items, never which of those shown is newest ("anything new?" of jeans shown).
_ARRIVALS = frozenset(folded(p) for p in (
    "anything new", "what's new", "whats new", "what’s new", "new arrivals", "new arrival", "new in", "just arrived",
    "latest arrivals", "new collection", "latest collection", "newest collection", "new releases", "latest releases",
    "novedades", "lo nuevo", "recién llegados", "recien llegados", "nueva colección", "nueva coleccion", "neuheiten",
    "neu eingetroffen", "was gibt es neues", "was gibt's neues", "neue kollektion", "新品", "新到", "新上市", "最近上架", "上新"))


#: An order word before "in" ("new arrivals in watches", "the latest in sneakers"): the order of that kind of thing
#: (the answers' superlatives skip a word before "in", "for": "best for running" names no figure).
_ORDER_IN = re.compile(r"\b(arrivals?|new|newest|latest|recent)\s+in\b", re.IGNORECASE)


@functools.lru_cache(maxsize=32)
def _asked(message: str, language: str) -> tuple[Any, str] | None:
    """The superlative rule the message asks for and the phrase said (:func:`chatrec.answers.asked_superlative`).
    Cached: the request, the list's order and its line all ask it of one message."""
    from chatrec.answers import asked_superlative, wording_for

    from chatrec.gaps_round18 import sort_asked

    wording = wording_for(language)
    return sort_asked(message) or asked_superlative(message, language, wording) or asked_superlative(
        _ORDER_IN.sub(r"\1 of", message), language, wording)


def _places_named(message: str, heard: Any) -> bool:
    """Whether the message names places of the list ("is the second one new?"), as the answers read them."""
    from chatrec.answers import find_reference

    shown = max((r.position for r in heard.references), default=0)
    places = find_reference(message, shown, heard.language) or []
    return 0 < len(places) < shown  # all of them: "anything new?" names none


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", folded(text))


def words_beyond(query: str, include: Mapping[str, Sequence[str]]) -> bool:
    """Whether the search text says more than the values in force ("watch" of Watches, "shoe men" of Shoes for Men
    says nothing more; "leather" does)."""
    named = {_singular(w) for values in include.values() for value in values for w in _words(str(value))}
    return any(_singular(w) not in named for w in _words(query))


def ordered_list(heard: Any, message: str) -> tuple[Any, bool]:
    """The request without the words of a list order ("show me the newest", "new arrivals in watches"), and whether
    the message asks for the list in that order. A question about the items shown ("which is the newest?") is left
    to the answers; a message that is only the order ("what's new?", small talk before) asks to see items."""
    from chatrec.gaps_round18 import sort_asked

    asked = _asked(message, heard.language)
    if asked is None:
        return heard, False
    sorting = sort_asked(message) is not None
    if sorting and heard.relative_price:
        heard = heard.model_copy(update={"relative_price": None})  # "cheapest first" is an order, not "cheaper"
    arrivals = folded(asked[1]) in _ARRIVALS and not _places_named(message, heard)
    if arrivals and heard.intent in ("ask_about_item", "compare") or heard.references and re.search(
            _FIRST_AS_ORDER.format(phrase=re.escape(folded(asked[1]))), folded(message)):
        # "newest ones first": an order, not the first item; "anything new?" of jeans shown asks for new jeans
        heard = heard.model_copy(update={"references": [], "intent": "refine"})
    elif sorting and (heard.references or heard.intent in ("ask_about_item", "compare")):
        # stop 62: "cheapest first", "can you sort them by price?": the list in that order, not the first item's price
        heard = heard.model_copy(update={"references": [], "intent": "refine", "relative_price": None})
    if heard.references or heard.intent not in ("recommend", "refine", "chitchat"):
        return heard, False
    said = {_singular(w) for w in _words(asked[1])}
    rest = [w for w in _words(heard.query) if _singular(w) not in said and w not in _CARRIERS]
    if heard.intent == "chitchat":
        left = [w for w in _words(message) if _singular(w) not in said and w not in _CARRIERS]
        if left or heard.include:
            return heard, False
        return heard.model_copy(update={"intent": "refine", "show_now": True, "query": ""}), True
    return heard.model_copy(update={"query": " ".join(rest), "show_now": True}), True


def order_note(message: str, language: str, items: Sequence[Any]) -> str:
    """The line saying the list's order and the figures it runs between ("Newest first, by the year the catalogue
    gives (2017 to 2016)."); "" when no order is asked or fewer than two of ``items`` state the figure."""
    from chatrec.answers import field_name, figure_of, wording_for

    wording = wording_for(language)
    asked = _asked(message, language)
    if asked is None:
        return ""
    rule = asked[0]
    figures = [found for item in items if (found := figure_of(item, rule["fields"])) is not None]
    if len(figures) < 2:
        return ""
    field = figures[0][0]
    notes = wording.get("order_notes", {})
    template = (notes.get(field) or notes.get("any") or {}).get(rule["order"])
    if not template:
        return ""
    written = _price_text if field == "price" else _figure_text
    first, last = (written(value, wording) for _, value in (figures[0], figures[-1]))
    span = first if first == last else f"{first}{notes.get('to', ' to ')}{last}"
    if field == "price" and (currency := next((item.currency for item in items if getattr(item, "currency", None)), None)):
        from chatrec.answers import _currency_names

        span = f"{span} {_currency_names(language).get(currency, currency)}"  # stop 62: "(199 to 549 INR)", "卢比"
    return str(template).format(field=field_name(field, wording), range=span)


def is_order_note(note: str, message: str, language: str) -> bool:
    """Whether ``note`` is the line :func:`order_note` writes for the message (its template, whatever its figures)."""
    from chatrec.answers import wording_for

    asked = _asked(message, language)
    notes = wording_for(language).get("order_notes", {})
    templates = [t for group in notes.values() if isinstance(group, dict) for t in group.values()]
    prefixes = [str(t).split("{", 1)[0] for t in templates]
    return asked is not None and any(prefix and note.startswith(prefix) for prefix in prefixes)


def _figure_text(value: float, wording: Mapping[str, Any]) -> str:
    """A figure of the order's line as the reasons write it ("64,705", "4.2", a year "2017"; "4,2" in Spanish)."""
    from chatrec.answers import number_text

    return number_text(value, wording)


def _price_text(value: float, wording: Mapping[str, Any]) -> str:
    """A price of the order's line as the reasons write it ("1,799"; "1.799" in Spanish and German)."""
    from chatrec.answers import in_decimal_style
    from chatrec.display import format_amount

    return in_decimal_style(format_amount(value), wording)


def in_figure_order(
    candidates: Sequence[Any], fitting: Sequence[Any], message: str, language: str, make: Callable[[Any], Any]
) -> list[Any]:
    """The items of the wishes in force (``fitting``, all of them: the retrieved pool is ranked by words, not by year)
    that state the figure the message orders by, highest (or lowest) first, ties in the candidates' order; then the
    other candidates. ``make`` turns an item the pool lacks into a candidate. The candidates as they are when no item
    states the figure."""
    from chatrec.answers import figure_of

    asked = _asked(message, language)
    if asked is None:
        return list(candidates)
    rule = asked[0]
    by_id = {c.item.id: c for c in candidates}
    rank = {item_id: n for n, item_id in enumerate(by_id)}
    figured = [(found[1], rank.get(item.id, len(rank)), item) for item in fitting
               if (found := figure_of(item, rule["fields"])) is not None]
    if not figured:
        return list(candidates)
    figured.sort(key=lambda row: (-row[0] if rule["order"] == "max" else row[0], row[1]))
    head = [by_id.get(item.id) or make(item) for _, _, item in figured]
    placed = {c.item.id for c in head}
    return head + [c for c in candidates if c.item.id not in placed]


def variants_in(item: Any, wanted: Sequence[str], catalogue: Sequence[Any], colours: frozenset[str]) -> list[Any]:
    """The items of ``catalogue`` that are ``item``'s product (:func:`chatrec.gaps_round10.same_product`) in one of
    the ``wanted`` colours (as the shop writes them: "Brown"), one per title, in catalogue order."""
    from chatrec.gaps_round10 import versions_of

    asked = {folded(colour) for colour in wanted}
    return versions_of(item, catalogue, colours, lambda colour: folded(colour) in asked)


def variant_pointed(heard: Any, shown: Sequence[Any], wanted: Sequence[str], colours: frozenset[str],
                    variants: Callable[[Any], list[Any]]) -> Any:
    """"i'll take the brown one" (``wanted``: the colours named) said of the whole list when no shown item is that
    colour and exactly one of them comes in it (``variants``: its other colours in the catalogue): the request points
    at that item, as "does the fifth come in brown?" does. Else the request as it is."""
    from chatrec.gaps_round10 import colour_of
    from chatrec.request import ItemReference

    if heard.intent != "ask_about_item" or not wanted or not heard.references \
            or any(r.how != "all" for r in heard.references):
        return heard
    asked = {folded(colour) for colour in wanted}
    if any(folded(colour_of(item, colours) or "") in asked for item in shown):
        return heard
    having = [(n, item) for n, item in enumerate(shown, start=1) if variants(item)]
    if len(having) != 1:
        return heard
    n, item = having[0]
    return heard.model_copy(update={"references": [ItemReference(position=n, item_id=item.id, how="attribute")]})


def wished_need(heard: Any, message: str) -> tuple[Any, list[str]]:
    """"earbuds that don't fall out", "earphones that won't pop out": the need of a problem said as the behaviour wished
    (:func:`chatrec.gaps_round10.need_for`, read as said by :func:`chatrec.gaps_round10.problem_need`): the request
    with the words of the product that meets it ("neckband") added to its search text, and those words (the items
    whose names say them go first: :func:`named_first`); the request as it is and no words otherwise."""
    from chatrec.gaps_round10 import _WISHED, need_for

    found = need_for(message)
    if found is None or heard.intent not in ("recommend", "refine"):
        return heard, []
    kinds = {_singular(w) for values in heard.include.values() for value in values
             for w in _words(re.sub(r"(?<=[a-z])(?=[A-Z])", " ", str(value)))}
    # "in-ear neckband": neckband (not "ear" of the type In-Ear)
    product = [w for w in _words(found[0]["product"]) if len(w) > 2 and _singular(w) not in kinds and w != "ear"]
    if not _WISHED.search(found[1].group(0)):
        return heard, product  # "my earbuds keep falling out": the request is the need's already
    said = set(_words(heard.query))
    extra = [w for w in product if w not in said]
    return (heard.model_copy(update={"query": " ".join([heard.query, *extra]).strip()}) if extra else heard), product


def named_first(candidates: Sequence[Any], words: Sequence[str], fitting: Sequence[Any] = (),
                make: Callable[[Any], Any] | None = None) -> list[Any]:
    """The candidates whose titles say one of ``words`` first, each group in its order; with ``fitting`` (the items of
    the wishes in force) and ``make``, the fitting items saying them that the candidates lack come after those."""
    if not words:
        return list(candidates)
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")", re.IGNORECASE)
    named = [c for c in candidates if pattern.search(str(c.item.title))]
    if make is not None:
        have = {c.item.id for c in candidates}
        named += [make(item) for item in fitting if item.id not in have and pattern.search(str(item.title))]
    placed = {c.item.id for c in named}
    return named + [c for c in candidates if c.item.id not in placed]


#: A heel's height wished, in the four languages ("not too high", "lower ones", "low heels", "no tan altos", "nicht so
#: hoch", "跟低一点"): said of heels in force, no price and no word of the items' names.
_HEIGHT = re.compile(
    r"\b(?:not (?:too|so|that|very) (?:high|tall)|(?:too|so) (?:high|tall)|lower(?: ones?| heels?)?|low(?:er)?[- ]heel(?:ed|s)?|"
    r"(?:a )?(?:lower|smaller|shorter) heels?|high(?:er)? heels?|(?:less|not as) high|flatter|kitten heels?|"
    r"no (?:tan|muy) alt[oa]s?|m(?:a|á)s baj[oa]s?|tac(?:o|ó)n(?:es)? baj[oa]s?|nicht (?:so|zu) hoch|niedriger\w*|"
    r"flacher\w*)\b|(?:跟|鞋跟)?(?:不要太高|低一点|矮一点|低一些|矮一些|低点|矮点)",
    re.IGNORECASE)


def heel_height(heard: Any, message: str, current_types: Sequence[str]) -> tuple[Any, str | None]:
    """The request without the budget or words a heel's height was read as, and the height as said; (``heard``,
    None) unless heels are in force and the message wishes a height. With nothing else asked the list shown stays."""
    if not any("heel" in str(v).lower() for v in current_types):
        return heard, None
    found = _HEIGHT.search(message)
    if found is None or heard.references or heard.intent not in ("recommend", "refine", "reject", "more_like", "answer"):
        return heard, None
    said = {form for w in _words(found.group(0)) for form in (w, _singular(w))} | {"high", "low", "heel", "heels"}
    query = " ".join(w for w in heard.query.split() if folded(w) not in said)
    # "no tan altos": "tan" is no colour Tan turned down, "altos" no word to avoid in names
    exclude = {k: kept for k, v in heard.exclude.items()
               if (kept := [x for x in v if "heel" not in str(x).lower() and folded(str(x)) not in said])}
    update: dict[str, Any] = {"price": None, "relative_price": None, "query": query, "show_now": True, "exclude": exclude,
                              "avoid_words": [w for w in heard.avoid_words if folded(w) not in said]}
    if not (heard.include or update["exclude"] or update["avoid_words"] or query):
        update.update({"intent": "show_again", "query": "", "drop": []})
    return heard.model_copy(update=update), found.group(0)


def unshown_comparison(heard: Any, message: str, shown: int) -> Any:
    """"the cheaper of the first two", "the cheaper of those two" with nothing shown: a question about items never
    shown (answered "I have not shown you anything yet"), not a search for the shop's cheapest; other requests as
    they are (a wish besides the price, "the first one in black", is searched)."""
    from chatrec.gaps_round12 import pointer_said

    if shown or heard.intent not in ("recommend", "refine") or not heard.relative_price or pointer_said(message) is None:
        return heard
    if heard.include or heard.exclude or heard.price is not None or heard.avoid_words or heard.references:
        return heard
    return heard.model_copy(update={"intent": "compare", "relative_price": None, "query": "", "show_now": False})
