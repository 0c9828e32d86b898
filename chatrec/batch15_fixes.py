"""Classes behind the strict xfails of conversation batches 13-15 (issue 12, branch i12bf).

Each step is one class of shopper wording, read the same in every conversation:

- **"Any colour but nike"** (:func:`any_value_but`): a field given up ("any colour", "whatever size") and,
  after "but", a word that is no value of it: the shopper wants that word (a brand of the titles), it is
  no word to leave out ("any colour but red" still turns red down).
- **A brand after a wish frame** (:func:`framed_brands`): "que sean nike", "any colour but nike", "lieber
  nike": a title brand said in lower case, though also an English word ("nike"), is wished.
- **A Spanish possessive is no brand** (:func:`possessive_not_brand`): "mi iphone", "de mi marido": "mi"
  written in lower case before a word is "my", not the brand MI.
- **A charger in a shop of charging cables** (:func:`charging_cable`): "need a charger", "un cable para
  cargar", "ein Ladekabel": when the shop sells no charger type, the charging cables it sells.
- **"For my oneplus 9" while cables are sought** (:func:`device_of_type_in_force`): the shopper's own device's
  make is what the item must fit, not its maker (OnePlus TVs), as it is when the type is said in the message.

- **A cover for a device** (:func:`cover_wanted`): "a case for my fire tv stick remote", "una funda para el
  mando": the covers (filed with the remotes in this shop), not the remotes; "and a spare remote" then wants
  remotes again.
- **"And a protective cover for that remote?"** (:func:`added_piece`): a question-shaped wish for one more
  piece is a search, not a question about the items shown.

- **A bare "more" when every item with the wanted words was seen** (:func:`only_seen_left`): "more" after the
  last two unseen polo T-shirts shows unseen T-shirts and says every polo one was seen, not three seen again.

- **"He has a sony bravia"** (:func:`owned_makes`): a make someone has that is no catalogue brand (Sony remotes
  are sold under LRIPL) is what the remote or accessory must fit when the titles name it so ("Compatible Sony").

- **A refinement applies to the types on screen** (:func:`on_screen_type`): "for men obviously" after "and a
  wallet in brown too" (formal shoes before) wants men's wallets, not the brown formal shoes again.

- **Two devices to join want what joins them** (:func:`connector`): "he just got a ps5 and a new 4k tv", "we
  have a meeting room with a tv and need to connect laptops to it": HDMI cables, not TVs.

- **"A vga adapter"** (:func:`qualified_type`): a word before the product noun that no title of the type read
  says, while titles of another type say it with the noun, wants that other type ("HDMI to VGA Adapter").

- **Two recipients** (:func:`both_recipients`, :func:`for_me`): "one for me and one for my wife", "ein Paar
  für mich und eins für meine Frau": both audiences; a later "and for me ..." wants the shopper's own.

- **A second product after a device phrase** (:func:`second_piece`): "a replacement remote for my fire tv stick,
  and an hdmi cable too": both products, a bundle.

- **"Just the remote"** (:func:`only_device`): the device itself, its covers (filed with it) left out.

- **A make to fit narrows each type on its own** (:func:`unfitting`): in a bundle of a remote for a Fire TV
  Stick and an HDMI cable, the make narrows the remotes, not the cables.

The words are data: ``chatrec/data/batch15_fixes.json``.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from typing import Any

from chatrec.request import ShopperRequest
from chatrec.text import word_table

__all__ = ["covers_wanted_again", "unfitting", "only_device", "second_piece", "both_recipients", "for_me", "interleaved", "two_recipients", "qualified_type", "connector", "on_screen_type", "owned_makes", "only_seen_left", "added_piece", "cover_wanted", "adjust", "any_value_but", "charging_cable", "device_of_type_in_force", "framed_brands", "possessive_not_brand"]

_TYPE_FIELDS = re.compile(r"categ|type|department|class|kind", re.IGNORECASE)


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    return word_table("batch15_fixes")


def _alternation(words: Sequence[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


def _types(include: Mapping[str, Sequence[str]]) -> dict[str, list[str]]:
    return {k: list(v) for k, v in include.items() if _TYPE_FIELDS.search(k)}


def any_value_but(request: ShopperRequest, message: str) -> ShopperRequest:
    """"any colour but nike": the words after "but" that the rules left out as no catalogue value are
    wished instead (a field's own value after "but", "any colour but red", is turned down as before)."""
    if not request.avoid_words:
        return request
    table = _table()["any_value_but"]
    found = re.search(rf"(?<!\w)(?:{_alternation(table['any'])})\s+(?:{_alternation(table['fields'])})\s*[,;:-]?\s*"
                      rf"(?:{_alternation([re.escape(w) for w in table['but']])})\s+(?P<rest>[^,.;!?]+)", message.lower())
    if not found:
        return request
    said = set(re.findall(r"[^\W\d_][\w&+-]*", found.group("rest")))
    said |= {w[:-1] for w in said if w.endswith("s")}  # lead: the rules keep "adidas" out as "adida"
    kept = [w for w in request.avoid_words if w.lower() not in said]
    if len(kept) == len(request.avoid_words):
        return request
    return request.model_copy(update={"avoid_words": kept})


def framed_brands(message: str, language: str, asked: Callable[[str], list[str]]) -> list[str]:
    """The title brands said right after a wish frame ("que sean nike", "any colour but nike", "lieber
    nike"), in any case: ``asked`` reads each as a capitalised name."""
    frames = _table()["brand_frames"]
    found: list[str] = []
    for lang in dict.fromkeys([language, "en"]):
        for frame in frames.get(lang, ()):
            for match in re.finditer(rf"(?<!\w)(?:{frame})\s+([^\W\d_][\w&+-]*)", message, re.IGNORECASE):
                word = match.group(1)
                found += [b for b in asked(word[:1].upper() + word[1:]) if b not in found]
    return found


def possessive_not_brand(request: ShopperRequest, message: str) -> ShopperRequest:
    """"mi iphone", "de mi marido" in Spanish: the brand values spelt as the possessive are no wish when
    every time the word is written it is in lower case and followed by a word, in a message with other
    function words of the language ("mi tv remote" keeps the brand)."""
    words = _table()["possessive"].get(request.language, ())
    brands = list(request.include.get("brand", ()))
    if not words or not brands:
        return request
    from chatrec.language import _FUNCTION_WORDS

    others = set(re.findall(r"[^\W\d_]+", message.lower())) & (_FUNCTION_WORDS.get(request.language, frozenset()) - set(words))
    if not others:  # "mi tv remote": English with a brand, no other word of the language
        return request
    mine = {w for w in words if (said := [m for m in re.finditer(rf"(?<!\w){w}(?!\w)", message, re.IGNORECASE)])
            and all(m.group(0) == w and re.match(r"\s+[^\W\d_]", message[m.end():]) for m in said)}
    if not mine:
        return request
    kept = [b for b in brands if b.lower() not in mine]
    if len(kept) == len(brands):
        return request
    include = {k: list(v) for k, v in request.include.items() if k != "brand"} | ({"brand": kept} if kept else {})
    return request.model_copy(update={"include": include})


def charging_cable(request: ShopperRequest, message: str, counts: Mapping[str, Any],
                   reread: Callable[[str], ShopperRequest]) -> ShopperRequest:
    """"need a charger", "un cable para cargar": with no product type read (the shop sells no charger), the
    types the shop's own words for a charging cable name."""
    if _types(request.include):
        return request
    table = _table()["charging"]
    if not re.search(rf"(?<!\w)(?:{_alternation(table['words'])})(?!\w)", message.lower()):
        return request
    wanted = {k: [v for v in vs if counts.get(k, {}).get(v)] for k, vs in _types(reread(table["product"]).include).items()}
    wanted = {k: vs for k, vs in wanted.items() if vs}
    if not wanted:
        return request
    include = {k: list(v) for k, v in request.include.items()} | wanted
    return request.model_copy(update={"include": include, "intent": "recommend" if request.intent == "chitchat" else request.intent})


def device_of_type_in_force(heard: Any, makes: Sequence[str], include: Mapping[str, Sequence[str]],
                            type_names: Sequence[str], message: str) -> Any:
    """"for my oneplus 9" while charging cables are sought: the make of the shopper's own device says what
    the cable must fit (``makes``, kept by the caller), not who made it; the type in force stays."""
    brands = list(heard.include.get("brand", ()))
    device = {m.casefold() for m in makes}
    if not brands or not device or any(name in heard.include for name in type_names) \
            or not any(include.get(name) for name in type_names):
        return heard
    if not re.search(rf"(?<!\w)(?:{_alternation(_table()['own_device'])})(?!\w)", message.lower()):
        return heard
    kept = [b for b in brands if b.casefold() not in device]
    if len(kept) == len(brands):
        return heard
    rest = {k: v for k, v in heard.include.items() if k != "brand"} | ({"brand": kept} if kept else {})
    return heard.model_copy(update={"include": rest})


def added_piece(request: ShopperRequest, message: str, context: Any, vocabulary: Any) -> ShopperRequest:
    """"and a protective cover for that remote?": a question about the shown items with no item pointed at,
    said as one more piece ("and a", "y una", "und eine") while a product type is sought or named, is a search
    for it (read as if nothing were shown)."""
    if request.intent not in ("ask_about_item", "compare") or any(r.how in ("position", "title") for r in request.references):
        return request
    starts = _alternation(_table()["added_piece"]["starts"])
    if not re.match(rf"\W*(?:{starts})\s+\w", message, re.IGNORECASE) or vocabulary is None:
        return request
    from dataclasses import replace

    from chatrec.understanding import type_fields, understand

    again = understand(message.rstrip(" ?¿"), vocabulary, replace(context, shown=(), last_references=()))
    types = set(type_fields(list(getattr(vocabulary, "counts", {}) or {}))) | {"category"}
    current = set(getattr(context, "current", None) or {})
    if not (set(again.include) | current) & types or again.intent not in ("recommend", "refine"):
        return request
    return again.model_copy(update={"references": [], "show_now": True, "language": request.language})


#: "one for an LG remote", "uno para el mando de LG": a pronoun for the thing sought, the device after "for".
_ONE_FOR = re.compile(r"(?<!\w)(?:one|ones|uno|una|unos|unas|eins|einen|eine|welche)\s+(?:for|para|fur|für)(?!\w)|"
                      r"(?:一个|个)(?:给|适合)")


def cover_wanted(message: str, heard: Any, wanted: Sequence[str],
                 include: Mapping[str, Sequence[str]] | None = None) -> tuple[list[str], list[str]]:
    """The cover feature this message adds to the wanted title words and the one it gives up: "a case for my
    fire tv stick remote" wants the remote's covers (this shop files them with the remotes), not remotes; a
    later "and a spare remote" names the device with no cover and wants the remotes again. A type is sought
    (``heard``'s or the wishes in force, ``include``)."""
    if heard.intent not in ("recommend", "refine", "answer"):
        return [], []
    table = _table()["cover_of_device"]
    feature = str(table["feature"])
    types = {w.lower() for k, vs in _types(heard.include).items() for v in vs for w in re.findall(r"[A-Z]?[a-z]+", v)}
    nouns = _alternation([re.escape(n) for n in table["nouns"]])
    text = message.lower()
    said = re.search(rf"(?<!\w)(?:{nouns})(?!\w)", text)
    if said and not types & {n.rstrip("s") for n in table["nouns"]} | types & {"case", "cases", "cover", "covers"}:
        links = _alternation([re.escape(n) for n in table["links"]])
        if (_types(heard.include) or _types(include or {})) and re.search(rf"(?<!\w)(?:{nouns})(?!\w)\W+(?:\w+\W+){{0,1}}(?:{links})(?!\w)", text):
            return ([feature] if feature not in wanted else []), []
        return [], []
    if not said and feature in wanted and _types(heard.include) and not _ONE_FOR.search(text):
        return [], [feature]  # "and a spare remote"; not "do you have one for an LG remote?" (one more cover)
    return [], []


def only_seen_left(found: Sequence[Any], shown: Sequence[str], heard: Any, unseen: bool) -> bool:
    """A bare "more" (more of the whole list, no item pointed at) when every item stating the wanted words
    was shown already and some unseen items fit the other wishes (``unseen``): those are shown, and the
    reply says every one with the words was seen, rather than repeating seen items."""
    if heard.intent != "more_like" or any(r.how != "all" for r in heard.references) or not unseen:
        return False
    seen = set(shown)
    return bool(found) and all(getattr(i, "id", None) in seen for i in found)


_FITS: weakref.WeakKeyDictionary[Any, frozenset[str]] = weakref.WeakKeyDictionary()


def _fit_words(index: Any) -> frozenset[str]:
    """The capitalised words the titles say an item fits ("Compatible Sony Bravia", "Remote for Samsung"),
    read once per index."""
    known = _FITS.get(index)
    if known is None:
        fit = _alternation(_table()["device_owned"]["fit_words"])
        pattern = re.compile(rf"(?<!\w)(?:{fit})\s+(?:with\s+|for\s+|all\s+|any\s+)?([A-Z][A-Za-z]+)", re.IGNORECASE)
        known = _FITS[index] = frozenset(m.group(1).casefold() for item in getattr(index, "items", ())
                                         for m in pattern.finditer(str(getattr(item, "title", "") or "")))
    return known


def owned_makes(message: str, index: Any) -> list[str]:
    """The makes of a device someone has ("he has a sony bravia", "mi padre tiene una sony") that the shop's
    titles (``index.items``) name as what an item fits, though no catalogue brand and said in lower case."""
    from chatrec.compatible import _GENERIC

    said = [m.group("make") for cue in _table()["device_owned"]["cues"] for m in re.finditer(cue, message, re.IGNORECASE)]
    said = [w for w in dict.fromkeys(said) if w.casefold() not in _GENERIC]
    if not said:
        return []
    fits = _fit_words(index)
    return [w for w in said if w.casefold() in fits]


def on_screen_type(heard: Any, include: Mapping[str, Sequence[str]], shown: Sequence[Any], type_names: Sequence[str]) -> Any:
    """"for men obviously" after "and a wallet in brown too" (formal shoes, then wallets shown): a refinement
    naming no type, while several types are wished and the last list showed only some of them, applies to
    those on screen (the piece added last), not to the earlier ones again."""
    if heard.intent not in ("refine", "answer") or not heard.include or any(n in heard.include for n in type_names) \
            or heard.references or not shown:
        return heard
    for name in type_names:
        wished = list(include.get(name, ()))
        if len(wished) < 2:
            continue
        on_screen = [v for v in wished if any(_field(i, name) == v for i in shown)]
        if on_screen and len(on_screen) < len(wished) and all(_field(i, name) in on_screen for i in shown):
            return heard.model_copy(update={"include": {**heard.include, name: on_screen}})
    return heard


def _field(item: Any, name: str) -> Any:
    getter = getattr(item, "field_value", None)
    if callable(getter):
        return getter(name)
    return (getattr(item, "attributes", None) or {}).get(name, getattr(item, name, None))


def connector(request: ShopperRequest, message: str, counts: Mapping[str, Any],
              reread: Callable[[str], ShopperRequest]) -> ShopperRequest:
    """"he just got a ps5 and a new 4k tv", "a meeting room with a tv and need to connect laptops to it": two
    devices of the two ends of a connector, said as owned or to be connected, want what joins them (HDMI
    cables), not the devices; the other wishes (a budget) stay."""
    table = _table()["connectors"]
    text = message.lower()
    if not re.search(rf"(?<!\w)(?:{_alternation(table['cues'])})(?!\w)", text):
        return request
    for entry in table["items"]:
        if not all(re.search(rf"(?<!\w)(?:{_alternation([re.escape(w) for w in end])})(?!\w)", text) for end in entry["ends"]):
            continue
        devices = _alternation([re.escape(w) for end in entry["ends"] for w in end])
        if re.search(rf"(?<!\w)(?:{_alternation(table['wishes'])})\s+(?:(?:an?|some|one|new|una?|nuevo|nueva|eine[nm]?|neue[nm]?)\s+)?"
                     rf"(?:[\w-]+\s+)?(?:{devices})(?!\w)", text):
            return request  # "i want a tv to connect my ps5": the TV is the wish
        wanted = {k: [v for v in vs if counts.get(k, {}).get(v)] for k, vs in _types(reread(entry["product"]).include).items()}
        wanted = {k: vs for k, vs in wanted.items() if vs}
        if not wanted:
            continue
        include = {k: list(v) for k, v in request.include.items() if not _TYPE_FIELDS.search(k)} | wanted
        intent = request.intent if request.intent in ("recommend", "refine") else "recommend"
        return request.model_copy(update={"include": include, "intent": intent, "show_now": True})
    return request


def qualified_type(heard: Any, message: str, index: Any, type_names: Sequence[str]) -> tuple[Any, list[str]]:
    """"a vga adapter" read as wireless USB adapters: the word before the product noun ("vga") is in no title of
    the type read, while titles of another type say it with the noun ("HDMI to VGA Adapter", filed under HDMI
    cables): the wish is that type, and the word is wanted in the titles. Returns the request and the words."""
    if heard.intent not in ("recommend", "refine", "answer"):
        return heard, []
    name = next((n for n in type_names if heard.include.get(n)), None)
    if name is None:
        return heard, []
    read = list(heard.include[name])
    read_words = {w.lower() for v in read for w in re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])", v)}
    items = list(getattr(index, "items", ()))
    for match in re.finditer(r"(?<![\w-])([a-z0-9]{2,})\s+(?=([a-z]{3,})(?![\w-]))", message.lower()):
        word, noun = match.groups()
        if word in read_words or noun not in {w.rstrip("s") for w in read_words} | read_words:
            continue
        said = re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])", re.IGNORECASE)
        if any(_field(i, name) in read and said.search(str(getattr(i, "title", ""))) for i in items):
            continue
        both = re.compile(rf"(?<![\w-]){re.escape(word)}\s+{re.escape(noun.rstrip('s'))}", re.IGNORECASE)
        elsewhere = sorted({str(_field(i, name)) for i in items if both.search(str(getattr(i, "title", ""))) and _field(i, name)})
        if elsewhere:
            return heard.model_copy(update={"include": {**heard.include, name: elsewhere}}), [word]
    return heard, []


def two_recipients(message: str) -> tuple[str, str] | None:
    """The shopper's and the partner's audience when the message buys for both ("one for me and one for my wife"
    -> ("Men", "Women"), "ein Paar für mich und eins für meine Frau"), else None."""
    table = _table()["two_recipients"]
    partners: Mapping[str, str] = table["partners"]
    names = _alternation([re.escape(p) for p in partners])
    for pattern in table["pairs"]:
        found = re.search(pattern.replace("{partner}", names), message, re.IGNORECASE)
        if found:
            partner = partners[found.group(1).lower()]
            return str(table["audiences"][partner]), partner
    return None


def both_recipients(request: ShopperRequest, message: str, counts: Mapping[str, Any]) -> ShopperRequest:
    """"one for me and one for my wife": both audiences are wished (the rules read only the wife's)."""
    pair = two_recipients(message)
    field = next((name for name, values in counts.items() if pair and all(values.get(v) for v in pair)), None)
    if pair is None or field is None:
        return request
    return request.model_copy(update={"include": {**request.include, field: list(pair)}})


def for_me(heard: Any, message: str, earlier: Sequence[str], counts: Mapping[str, Any]) -> Any:
    """"and for me something steel or silver" after "one for me and one for my wife": the shopper's own audience
    (the one left when the partner's is taken out), not the wishes in force (the wife's); "für sie in Grau", "the
    womens ones in black" the partner's. Only after a message that bought for both."""
    if heard.intent not in ("recommend", "refine", "answer", "show_again", "more_like") or two_recipients(message) is not None:
        return heard
    table = _table()["two_recipients"]
    pair = next((p for text in reversed(earlier) if (p := two_recipients(text)) is not None), None)
    field = next((name for name, values in counts.items() if pair and all(values.get(v) for v in pair)), None)
    if pair is None or field is None:
        return heard
    said = [pair[0]] if re.search(rf"(?<!\w)(?:{_alternation(table['me'])})(?!\w)", message, re.IGNORECASE) else []
    said += [who for who, words in table["partner_words"].items() if who in pair and who not in said and re.search(
        rf"(?<!\w)(?:{_alternation(words)})(?!\w)", message, re.IGNORECASE)]
    if len(said) != 1:
        return heard
    intent = "refine" if heard.intent == "more_like" else heard.intent  # "the womens ones in black?": a wish, no item
    return heard.model_copy(update={"include": {**heard.include, field: said}, "references": [], "intent": intent})


def interleaved(candidates: Sequence[Any], message: str, counts: Mapping[str, Any]) -> list[Any]:
    """The candidates of "one for me and one for my wife" taken in turn from each audience (the search words
    name only the wife's)."""
    pair = two_recipients(message)
    field = next((name for name, values in counts.items() if pair and all(values.get(v) for v in pair)), None)
    if field is None:
        return list(candidates)
    from chatrec.bundles import interleave

    return interleave(candidates, field)


def second_piece(request: ShopperRequest, message: str, reread: Callable[[str], ShopperRequest]) -> ShopperRequest:
    """"a replacement remote for my fire tv stick, and an hdmi cable too": the product after "and a", which the
    device phrase swallowed, is wished beside the first one (a bundle)."""
    types = _types(request.include)
    if len(types) != 1:
        return request
    table = _table()["second_piece"]
    found = re.search(rf"(?:,\s*|\s)(?:{_alternation(table['joins'])})\s+(?P<piece>[^,.;!?]+?)"
                      rf"(?:\s+(?:{_alternation(table['tails'])}))?\s*[.!?]*$", message, re.IGNORECASE)
    if not found:
        return request
    name, values = next(iter(types.items()))
    piece = _types(reread(found.group("piece")).include).get(name, [])
    added = [v for v in piece if v not in values]
    if not piece or len(added) != len(piece):
        return request  # the clause names the first product again, or nothing

    def words(value: str) -> set[str]:
        return {w.lower().rstrip("s") for w in re.findall(r"[A-Z][a-z]+|[a-z]+", value)}

    if any(words(v) & words(x) for v in added for x in values):
        return request  # lead: "a tv and a wall mount to go with it": another kind of the same product (a shower mount)
    return request.model_copy(update={"include": {**request.include, name: [*values, *added]}})


def covers_wanted_again(message: str, avoided: Sequence[str]) -> list[str]:
    """The avoided words a message that names a cover wants again ("just the remote", then "and a case for my
    phone"): the cover words :func:`only_device` left out, kept otherwise."""
    table = _table()["cover_of_device"]
    if not re.search(rf"(?<!\w)(?:{_alternation([re.escape(n) for n in table['nouns']])})(?!\w)", message.lower()):
        return list(avoided)
    return [w for w in avoided if w not in table["avoid"]]


def only_device(request: ShopperRequest, message: str) -> ShopperRequest:
    """"just the remote for now": the device itself, not its covers filed with it (their title words left out)."""
    types = _types(request.include)
    table = _table()["cover_of_device"]
    text = message.lower()
    if not types or re.search(rf"(?<!\w)(?:{_alternation([re.escape(n) for n in table['nouns']])})(?!\w)", text):
        return request
    words = {w.lower() for vs in types.values() for v in vs for w in re.findall(r"[A-Z]?[a-z]+", v)}
    stems = words | {w.rstrip("s") for w in words}
    found = re.search(rf"(?<!\w)(?:{_alternation(table['only_device'])})\s+(\w+)", text)
    if not found or found.group(1).rstrip("s") not in stems:
        return request
    avoid = [*request.avoid_words, *(w for w in table["avoid"] if w not in request.avoid_words)]
    return request.model_copy(update={"avoid_words": avoid})


def unfitting(index: Any, makes: Sequence[str], mask: Any = None) -> tuple[str, ...]:
    """The ids :func:`chatrec.compatible.blocked` leaves out for a make the accessory must fit, per product type:
    in "a remote for my fire tv stick, and an hdmi cable too" the make narrows the remotes (some name Fire TV
    Stick), not the HDMI cables (none names it), which are shown beside them."""
    from chatrec.compatible import blocked

    items = list(getattr(index, "items", ()))
    kinds = {str(getattr(i, "category", "") or "") for n, i in enumerate(items) if mask is None or bool(mask[n])}
    if len(kinds) < 2:
        return blocked(index, makes, mask)
    out: list[str] = []
    for kind in sorted(kinds):
        sub = [bool(mask is None or mask[n]) and str(getattr(i, "category", "") or "") == kind for n, i in enumerate(items)]
        out += blocked(index, makes, sub)
    return tuple(out)


def adjust(
    request: ShopperRequest, message: str, context: Any, vocabulary: Any,
    reread: Callable[[str], ShopperRequest] | None = None,
) -> ShopperRequest:
    """The rules' request with this module's classes applied (the last step of ``understand``)."""
    request = added_piece(request, message, context, vocabulary)
    if request.intent not in ("recommend", "refine", "answer"):
        return request
    request = any_value_but(request, message)
    request = only_device(request, message)
    request = both_recipients(request, message, getattr(vocabulary, "counts", None) or {})
    request = possessive_not_brand(request, message)
    if reread is not None:
        request = second_piece(request, message, reread)
        request = connector(request, message, getattr(vocabulary, "counts", None) or {}, reread)  # after: replaces both
        request = charging_cable(request, message, getattr(vocabulary, "counts", None) or {}, reread)
    return request
