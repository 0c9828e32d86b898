"""Conversation-level readings of a turn that the per-turn reader leaves open (issue 12, i12k).

Found by playing whole shopper conversations (``tests/conversations/blind_conversations_4.yaml``):

- **A budget relative to a shown item.** "Anything cheaper than the first one?" is a search below
  that item's price (strictly below: the same price is not cheaper), not a question about it.
- **A question with no item named.** "And what's the price?" after "is the first one waterproof?"
  is about the item last spoken of; with none, about every item shown. "Why this one?" / "why?"
  is about the item last spoken of, else the first shown (the top pick).
- **The shop's terms.** "Do they come with a warranty?", "how long does delivery take?", "can I
  return them?": the catalogue holds products, not terms; the reply says plainly that it does not
  say (``prompts/dialogue_shop_terms.txt``), instead of refusing as off topic or searching.
- **Coming back to an earlier list.** "The sweatshirt from before, what colour was the first one?"
  points into the list that showed sweatshirts, not the last one.
- **Show at once.** A shopper who named a product type and one more wish ("women's heels", "a 32
  inch smart tv under 15000"), who asks for a new product after seeing items ("now some sunglasses
  for men"), or whose wishes leave only a couple of lists' worth of items, is shown items at once;
  a question first only helps a vague request.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from typing import Any

from chatrec.conversation import asks_about_shop_terms, asks_why_this, refers_back
from chatrec.prompting import default_prompts_dir
from chatrec.request import ItemReference, PriceRange, ShopperRequest

__all__ = [
    "about_last_spoken",
    "below_shown_item",
    "beside",
    "earlier_list",
    "field_named",
    "other_values",
    "narrows",
    "not_among",
    "not_mentioned",
    "shop_terms",
    "shows_at_once",
    "states_a_wish",
]

#: Wishes are "few enough to show" when at most this many lists' worth of items fit them.
FEW_LISTS = 2


def relative_to_price_of(message: str) -> str | None:
    """``below`` for "under the price of the first one", ``above`` for "over the price of ...", else None."""
    from chatrec.conversation import load_cues

    for side in ("below", "above"):
        if any(p.search(message) for p in load_cues().get(f"price_of_{side}", ())):
            return side
    return None


def below_shown_item(heard: ShopperRequest, shown: Sequence[Any], message: str = "") -> ShopperRequest:
    """"Cheaper than the first one" as a search strictly below that item's price ("pricier than"
    strictly above), keeping every other wish; the request unchanged when it is not such a budget."""
    if not shown:
        return heard
    positions = [r.position for r in heard.references]
    if heard.price is None:  # "anything below the price of the first one?": that price is the bound
        side = relative_to_price_of(message)
        of = shown[positions[0] - 1].price if len(positions) == 1 and 1 <= positions[0] <= len(shown) else None
        if side is None or of is None:
            return heard
        heard = heard.model_copy(update={"price": PriceRange(max=of) if side == "below" else PriceRange(min=of)})
    if not positions:  # "something cheaper than the third one": the budget is the third one's price
        from chatrec.answers import find_reference

        found = find_reference(message, len(shown), heard.language) or []
        positions = found if len(found) == 1 else []
    prices = {shown[p - 1].price for p in positions if 1 <= p <= len(shown) and shown[p - 1].price is not None}
    price = heard.price
    if price is None:
        return heard
    if price.max is not None and price.min is None and price.max in prices:
        bound = price.model_copy(update={"max": beside(price.max, -1)})
    elif price.min is not None and price.max is None and price.min in prices:
        bound = price.model_copy(update={"min": beside(price.min, +1)})
    else:
        return heard
    relative = "cheaper" if bound.max is not None else "pricier"  # said so when nothing is (turn.prepare)
    return heard.model_copy(update={"intent": "refine", "references": [], "show_now": True, "price": bound,
                                    "relative_price": relative})


_SUPERLATIVE = re.compile(
    r"\b(?:cheapest|priciest|dearest|costliest|most expensive|least expensive|lowest|highest|"
    r"(?:el|la|los|las) más|billigste\w*|günstigste\w*|teuerste\w*|am (?:billigsten|günstigsten|teuersten))\b|最",
    re.IGNORECASE,
)


def cheaper_items(heard: ShopperRequest, message: str, n_shown: int) -> ShopperRequest:
    """"Have you got anything cheaper?" (``relative_price`` with every shown item referenced, no
    "which" and no item named by place): a search for cheaper items, not a comparison of those shown."""
    from chatrec.answers import find_reference
    from chatrec.conversation import asks_which_by_price

    if heard.relative_price is None or heard.intent not in ("compare", "ask_about_item") or n_shown < 1:
        return heard
    if asks_which_by_price(message) or _WHICH.search(message) or _SUPERLATIVE.search(message) or heard.price is not None:
        return heard
    every = list(range(1, n_shown + 1))
    if heard.positions != every or (find_reference(message, n_shown, heard.language) or every) != every:
        return heard
    return heard.model_copy(update={"intent": "refine", "references": [], "show_now": True})


#: "do you have one with a bigger screen?", "any with a longer battery?", "有没有屏幕大一点的": a request for
#: (other) items, not a question about the ones shown, unless it says "these"/"them".
ASKS_FOR_ITEMS = re.compile(
    r"^\W*(?:(?:do|does) (?:you|u|the shop) (?:have|sell|carry|stock|got)|any(?! of (?:these|them|those|the))|got any"
    r"|is there|are there|(?:tienes|tiene|tienen|hay)|(?:habt ihr|haben sie|gibt es))\b"
    r"|^\W*(?:有没有|还有|有(?=[^吗]*[的款]吗))",  # i12y: no word boundary after Chinese: "有没有白色的"
    re.IGNORECASE,
)
#: "something in pastel?", "¿algo en azul?", "etwas in Rot?": items asked for, none pointed at.
_SOME = re.compile(r"^\W*(?:and |y |und )?(?:something|anything|algo|etwas|was)\b", re.IGNORECASE)
_THESE = re.compile(r"\b(?:these|those|them|they|it|this)\b|这些|这几|diese|estos|estas|esos|esas", re.IGNORECASE)


def about_last_spoken(
    heard: ShopperRequest, message: str, shown: Sequence[Any], last_references: Sequence[int]
) -> ShopperRequest:
    """A question that names no shown item, about the item last spoken of (else every item shown);
    "why this one?" about the item last spoken of, else the first shown."""
    if not shown or heard.references or heard.include or heard.price is not None:
        return heard
    from chatrec.answers import find_reference

    places = find_reference(message, 99, heard.language) or []  # "these" and "the last" are every place or 99
    if len(places) < 99 and any(len(shown) < p < 99 for p in places):
        return heard  # lead: "el segundo tiene micrófono?" after one item names a place past the list
    spoken = [p for p in last_references if 1 <= p <= len(shown)]
    if asks_why_this(message) and heard.intent not in ("start_over", "reject"):
        positions = spoken if len(spoken) == 1 else [1]
        how = "position"
    elif heard.intent in ("ask_about_item", "compare"):
        if ASKS_FOR_ITEMS.search(message) and not _THESE.search(message):
            return heard
        positions = spoken if len(spoken) == 1 else list(range(1, len(shown) + 1))
        how = "position" if len(positions) == 1 else "all"
    else:
        return heard
    references = [ItemReference(position=p, item_id=shown[p - 1].id, how=how) for p in positions]
    intent = "compare" if len(references) > 1 else "ask_about_item"
    return heard.model_copy(update={"intent": intent, "references": references, "exclude": {}})


_QUESTION = re.compile(
    r"[?？]|^\W*(?:and |so |but |ok(?:ay)?,? )?(?:which|what|who|does|do|did|is|are|was|were|can|could|will|would|"
    r"has|have|how|why|where|welche[rsn]?|was|wie|warum|hat|ist|sind|cu[aá]l|qu[eé]|c[oó]mo|por qu[eé]|tiene)\b|"
    r"[吗呢]|哪|什么|为什么|怎么",
    re.IGNORECASE,
)


#: (German "welche" after "noch", "auch", "gibt es", "habt ihr" is "some": "gibt es noch welche in Grün?")
_WHICH = re.compile(r"\b(?:which|(?<!noch )(?<!auch )(?<!es )(?<!ihr )(?<!sie )(?<!du )welche[rsn]?|cu[aá]l(?:es)?)\b|哪",
                    re.IGNORECASE)


def states_a_wish(heard: ShopperRequest, message: str, about_all: bool, n_shown: int = 1) -> bool:
    """True when a message about every shown item names catalogue values and is no question
    ("white or blue would be best"), or asks whether several shown items come in a value without
    asking which ("do you have these in black?", "Gibt es die auch in Schwarz?"): a wish to search
    with, not a question about the items."""
    if not about_all or not heard.include:
        return False
    if _QUESTION.search(message) is None or (n_shown >= 2 and _WHICH.search(message) is None):
        return True
    # stop 39: with one item shown, "有没有深色的？", "something in pastel colours?" ask for items of that colour;
    # "do you have it in black?" asks about the one shown
    return (ASKS_FOR_ITEMS.search(message) is not None or _SOME.search(message) is not None) \
        and _THESE.search(message) is None and _WHICH.search(message) is None


def shop_terms(heard: ShopperRequest, message: str) -> str | None:
    """The shop term asked about ("warranty") when the message asks about the shop's terms and
    names no shown item, wish or budget; else None (a question about a named item is answered
    from its data by :mod:`chatrec.answers`, which says when the data does not say)."""
    if heard.include or heard.price is not None:
        return None
    if heard.references and any(r.how != "all" for r in heard.references):
        return None
    return asks_about_shop_terms(message)


def earlier_list(
    message: str, lists: Sequence[Sequence[str]], last: Sequence[str], kinds: Callable[[str], set[str]],
    named: Iterable[str],
) -> list[str] | None:
    """The earlier list the shopper comes back to ("the TVs from before"), or None.

    ``lists`` are the lists shown in the session, oldest first; ``kinds(item_id)`` the product
    type values of an item; ``named`` the type values the message names. The newest list before
    the last whose items are of a named type; with no type named, the list before the last.
    """
    if not refers_back(message):
        return None
    earlier = [list(ids) for ids in lists if ids and list(ids) != list(last)]
    if not earlier:
        return None
    wanted = set(named)
    last_kinds = set().union(*(kinds(i) for i in last)) if last else set()
    if wanted and wanted & last_kinds:
        return None  # the last list is of the type named: nothing to come back to
    for ids in reversed(earlier):
        if not wanted or wanted & set().union(*(kinds(i) for i in ids)):
            return ids
    return None


def shows_at_once(
    heard: ShopperRequest, *, seen_items: bool, type_named: bool, n_fitting: int, n_recommendations: int,
) -> bool:
    """Whether to show items now instead of asking a question first.

    Args:
        heard: This message's request.
        seen_items: Items were shown earlier in the conversation.
        type_named: The message names a product type.
        n_fitting: How many items fit the wishes in force (the retrieved candidates).
        n_recommendations: Items in one list.
    """
    if heard.intent not in ("recommend", "refine", "answer", "more_like"):
        return False
    if n_fitting <= FEW_LISTS * n_recommendations:
        return True
    if seen_items and (type_named or heard.price is not None):
        return True  # "now some sunglasses for men" after watches: the shopper is browsing
    wishes = len(heard.include) + (heard.price is not None)
    return (type_named and wishes >= 2) or (heard.price is not None and bool(heard.query.strip()))


def narrows(heard: ShopperRequest, before: Mapping[str, Sequence[str]], types: Iterable[str]) -> bool:
    """Whether this message adds a wish on a field other than the product type ("gold please",
    "in white", i12o: "not purple"; i12ak: "not nike", a word of titles) to the wishes in force ``before``:
    the items fitting may include some seen already."""
    if heard.intent not in ("refine", "answer", "recommend"):
        return False
    kinds = set(types) | {"category"}
    return any(name not in kinds and not set(values) <= set(before.get(name, ()))
               for name, values in heard.include.items()) \
        or any(name not in kinds and values for name, values in heard.exclude.items()) \
        or heard.price is not None and heard.price.max is not None and not heard.include \
        or bool(heard.avoid_words) and not heard.include  # i12o: "not purple", "under 300"; i12ak: "not nike", "不要耐克的"


#: Words that qualify a product without naming a make or a model: never "none of the TVs is called new".
_QUALIFIERS = frozenset(
    "new latest big small large little best good great cheap cheaper affordable budget quality decent nice "
    "premium simple basic normal regular proper real original genuine popular top fancy nice cool pretty "
    "long short light heavy nicer better prettier cooler classier cuter lovelier different special".split()
    + "bigger larger smaller lighter heavier longer shorter thinner slimmer".split()
    # "32 inch is enough", "wired is fine": a word saying the wish suffices asks for nothing more
    + "enough fine okay perfect sufficient plenty alright ideal suitable acceptable".split()
    # "forget the brand", "never mind the colour": words dropping a wish ask for nothing either
    + "forget drop remove ignore skip scrap mind whatever anyway".split()
    # "the best rated", "most reviewed": the rating field answers them, no word of a name
    + "rated rating ratings review reviews reviewed stars".split()
    # "at least 20000mah": the bound is read as a spec, its words name nothing
    + "least most minimum maximum atleast min max".split()
    # "what about the second one's battery?": a place in a list names no make either
    + "first second third fourth fifth sixth last previous next other same former latter middle".split()
    # "had a bad one", "my old one broke after a year", "she uses it a lot": the shopper's story, no feature
    + "bad worse worst poor terrible awful horrible lot lots old broke broken died stopped bought used "
      "year years month months week weeks day days daily ago after before time times always often "
      "usually sometimes again still ever never really actually every".split()
    # stop 53: "silent clicks if possible", "preferably waterproof": a hedge names nothing ("mentions “possible”")
    + "possible possibly preferably preferable ideally optionally maybe perhaps hopefully".split()
)

#: lead, stop 31: "my boss wears red", "her sister has one": the person before a verb of theirs
_WHOSE = re.compile(r"\b(?:my|his|her|our|your|their)\s+([a-z]+)\s+(?:wears|has|likes|loves|hates|owns|uses|got|had|is|does)\b")
#: "she makes idli batter", "it keeps breaking", "we cook a lot": the word after a subject names what
#: someone does, not what the item should have.
#: lead, stop 31: "not white, everybody wears white", "no red, my boss wears red": others' doing too
_DOES = re.compile(r"\b(?:she|he|i|we|they|it|mom|mum|dad|wife|husband|son|daughter|everybody|everyone|nobody|"
                   r"someone|somebody|people|boss|friends?|colleagues?|sister|brother|girlfriend|boyfriend|kids|"
                   r"all)\s+([a-z]+)\b")


def not_among(
    message: str, titles: Iterable[str], vocabulary: Collection[str], named: Iterable[str] = ()
) -> str | None:
    """The word the shopper named a product with ("sony" in "show me a sony tv") when no item of that
    product type has it in its name or make, though the catalogue knows the word elsewhere, else None.

    ``titles`` are the names (and makes) of the items fitting the wishes; ``vocabulary`` every word
    of the catalogue; ``named`` the catalogue values the message was read as (never reported). The reply then says the shop has no such item and shows the others, instead of
    dropping the word silently.
    """
    from chatrec.grounding import singular
    from chatrec.not_carried import asked_for
    from chatrec.text import tokens

    thing = asked_for(message)
    if thing is None:
        return None
    from chatrec.language import says_english as function_word

    words = [w for w in tokens(thing) if w.isalpha() and not function_word(w) and w not in ("again", "please")]
    if len(words) < 2 or len(words) > 4:
        return None
    # the words before the product's name ("sony" in "sony tv"), checked against the names only when some
    # could be one: the names of every fitting item are read only then
    candidates = [w for w in words[:-1] if len(w) >= 3 and w not in _QUALIFIERS and w in vocabulary]
    if not candidates:
        return None
    known = {form for title in [*titles, *named] for w in tokens(title) for form in (w, singular(w), w.rstrip("s"))}
    return next((w for w in candidates if not {w, singular(w), w.rstrip("s")} & known), None)


#: Words that name a field, not a feature ("does it come in other colours?").
_FIELD_WORDS = frozenset("colour colours color colors shade shades size sizes style styles model models".split()
                         # stop 53: "gibt es andere Marken?" said no phone mentions "andere Marken"
                         + "brand brands make makes type types kind kinds".split())


#: The thing named after "with" / "made of" / "having" ("shoes with velcro", "a bag with a zip").
_WITH_THING = re.compile(r"\b(?:with|made of|having)\s+(?:an?\s+|some\s+)?([a-z]{3,})\b")


def not_mentioned(query: str, message: str, texts: Iterable[str], vocabulary: Collection[str],
                  values: Iterable[str] = ()) -> str | None:
    """A word the shopper narrows a search with ("cotton" after men's kurtas) that no fitting item's
    name or description has, though the catalogue knows it elsewhere, else None: the reply says so
    rather than showing the others as if they were cotton. Only words as the shopper wrote them.

    ``texts`` are the names and descriptions of the items fitting the wishes; ``vocabulary`` every
    word of the catalogue; ``values`` the wishes' values in force, wanted or not ("less formal" is
    the usage Formal left out, no word to find).
    """
    from chatrec.grounding import CHANGE_VERB, singular
    from chatrec.language import fold, says_english as function_word
    from chatrec.text import tokens

    said = {form for w in tokens(fold(message)) for form in (w, singular(w))}
    held = {form for value in values for w in tokens(fold(str(value))) for form in (w, singular(w))}
    # a thing asked to come "with" the item ("something with velcro") is looked for though the catalogue
    # never uses the word: the reply says none has it rather than showing the others as if they did
    featured = {form for w in _WITH_THING.findall(fold(message)) for form in (w, singular(w))}
    done = {form for w in _DOES.findall(fold(message).lower()) for form in (w, singular(w))}
    # "no red, my boss wears red": the person a story is about is no feature either
    done |= {form for w in _WHOSE.findall(fold(message).lower()) for form in (w, singular(w))}
    done |= set(CHANGE_VERB.findall(fold(message).lower()))  # stop 43: "actually make it a backpack": no "make"
    words = [w for w in tokens(query) if w.isalpha() and len(w) >= 3 and w in said and w not in done
             and (w in vocabulary or singular(w) in vocabulary or w in featured) and not function_word(w)
             and w not in _QUALIFIERS
             and w not in _FIELD_WORDS and not {w, singular(w)} & held]
    if not words:
        return None
    known = {form for text in texts for w in tokens(text) for form in (w, singular(w))}
    missing = next((w for w in words if not {w, singular(w)} & known), None)
    # as the shopper wrote it: "pockets", not "pocket"
    return next((w for w in tokens(fold(message)) if missing in (w, singular(w))), missing) if missing else None


#: Other words shoppers use for a field's customer-facing name.
_FIELD_SYNONYMS = {"牌子": "品牌", "make": "brand", "makes": "brand", "fabricante": "marca", "fabricantes": "marca",
                   "hersteller": "marke"}


def field_named(word: str, names: Mapping[str, Iterable[str]]) -> str | None:
    """The field a shopper's attribute word stands for ("colours" -> ``baseColour``), from each
    field's customer-facing names (``prompts/attribute_names.json`` and its translations)."""
    said = word.lower().replace("color", "colour")
    said = _FIELD_SYNONYMS.get(said, said)  # lead, stop 36: "牌子" is a brand as "品牌" is, "makes" as "brands"
    for name, words in names.items():
        for known in words:
            known = known.lower().replace("color", "colour")
            if known and (said == known or said.startswith(known) or known.startswith(said.rstrip("s"))):
                return name
    return None


def other_values(heard: ShopperRequest, field: str, current: Sequence[str]) -> ShopperRequest:
    """"Any other colours?": a search for the same wishes with this field's values in force (else
    those of the items shown) left out, shown at once."""
    return heard.model_copy(update={
        "intent": "refine", "include": {}, "exclude": {field: sorted(set(current))} if current else {},
        "drop": [field], "references": [], "show_now": True, "relative_price": None,
    })


def other_values_of(heard: ShopperRequest, field: str, own: Sequence[str]) -> ShopperRequest:
    """"Does the third one come in other colours?": items like the ones pointed at, their own values of
    this field left out (not those of every item shown), shown at once."""
    return heard.model_copy(update={
        "intent": "more_like", "include": {}, "exclude": {field: sorted(set(own))} if own else {},
        "drop": [field], "show_now": True, "relative_price": None,
    })


def type_values(include: Mapping[str, Sequence[str]], fields: Iterable[str]) -> set[str]:
    """The product type values among these wishes."""
    names = set(fields)
    return {v for name, values in include.items() if name in names for v in values}


def beside(price: float, step: int) -> float:
    """The bound just below (``step`` -1) or above (+1) a price, as said to the shopper: a whole unit
    away from 100 up ("<= 13,489" for cheaper than 13,490), a cent away below."""
    if price < 100:
        return round(price + step * 0.01, 2)
    return float(math.ceil(price) - 1 if step < 0 else math.floor(price) + 1)


def only_these(heard: ShopperRequest, message: str, reread: Callable[[str], ShopperRequest]) -> ShopperRequest:
    """i12v: "the white ones only" / "只要白色的" after items keeps the search to that value.

    The words also name shown items ("the white ones"), so the reading takes them as a reference
    (more like those, or a question about them); with "only" they are a filter. ``reread`` reads the
    message with no items shown; its values become the request's, shown at once. Any other request,
    or a message from which no value is read, is returned as it is.
    """
    from chatrec.conversation import load_cues

    if heard.intent not in ("more_like", "ask_about_item") or heard.include:
        return heard
    cues = load_cues(_CUES_8)
    if not any(p.search(message.lower()) for p in cues.get("only_these", ())):
        return heard
    plain = reread(message)
    if not plain.include:
        return heard
    return heard.model_copy(update={"intent": "refine", "include": dict(plain.include), "references": [],
                                    "show_now": True, "avoid_words": list(plain.avoid_words)})  # i12bf: "just the remote"


_CUES_8 = default_prompts_dir() / "conversation_cues_8.txt"
