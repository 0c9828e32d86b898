"""The strict xfails of batches 13-17, by class (issue 12, branch i12bq).

- A part of a device someone has is lost, broken or missing ("I have a samsung tv and lost the remote",
  "my laptop charger broke", "mi móvil perdió el cargador", "die Fernbedienung vom Fernseher ist kaputt",
  "我的遥控器丢了"): the part that fits the device is meant. The device's own product type is no wish and
  the device's make no brand wish (the make stays in the search words, where the titles of the parts
  name it: "Remote Compatible for Samsung") (:func:`lost_part`), and the make is what the part must fit
  (:func:`lost_part_makes`, used by :func:`chatrec.turn.prepare`).
- The same kind of item for another device ("now the same but for my parents fire tv stick" after a remote
  for a Mi TV, "same thing for my dads lg tv", "lo mismo pero para la tele de mi hermana", "das gleiche für
  den Fire TV Stick meiner Eltern"): the type in force stays, the device's type is no wish
  (:func:`same_for_other`), and the device said is the one to fit, the earlier make dropped
  (:func:`same_for_makes`, used by :func:`chatrec.turn.prepare`).
- A shown item named by its price alone after two or three were seen ("ok. the cheaper one then", "the less
  expensive of the two", "el más barato entonces", "dann das günstigere", "那就便宜的那个吧"): a question about
  that item, answered, instead of more like it (:func:`priced_choice`).
- A kind of item named by a phrase of several words with digits, turned down ("not the 2 in 1 ones", "no
  2-in-1 laptops", "nichts mit 2 in 1", "ninguno 3 en 1", "不要二合一的"): the phrase is avoided as a whole,
  the other wishes stay (:func:`phrase_avoided`), and titles holding it are left out (:func:`says_phrase`,
  used by :func:`chatrec.turn.without_words`).
- A feature asked for in words ("其实我更想要编织的那种", "only braided ones") that the titles of one or two
  fitting items state, the others saying it only in their details: those are shown and the reply says so
  (:func:`stated_in_titles`, used by :func:`chatrec.turn.prepare`), instead of a list filled up.
- "cheaper" when below the cheapest item shown fewer than two items fit ("cheaper" after smart TVs from
  8,499 leaves one 7,299 TV, and "bit cheaper still" has nowhere to go): below the next price of the list
  shown instead (:func:`cheaper_with_room`, used by :func:`chatrec.turn.prepare`).

The words are in ``chatrec/data/xfails_round3.json``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from chatrec.word_tables import folded, table

__all__ = ["adjust", "lost_part", "lost_part_makes", "same_for_device", "same_for_makes", "same_for_other", "says_lost", "price_pointer", "priced_choice", "avoided_phrases", "phrase_avoided", "says_phrase", "stated_in_titles", "cheaper_with_room"]

_DATA = str(Path(__file__).with_name("data") / "xfails_round3.json")
_TYPE_FIELDS = ("category", "subcategory", "subCategory", "articleType", "masterCategory")


@functools.lru_cache(maxsize=None)
def _table(name: str) -> Any:
    return table(_DATA)[name]


#: A new device wanted in the same message ("my old remote is broken and the whole tv is ancient, so i want a new
#: smart tv"): the loss is the story, the device the wish (lead, after the merges of stop 34).
_WANTS_NEW = re.compile(
    r"\b(?:want|need|buy|get|getting|looking for|after)\s+(?:a\s+|an\s+)?(?:brand\s+)?new\b|\bnew\s+one\b"
    r"|\b(?:quiero|necesito|busco|comprar|compro)\s+(?:un[ao]?\s+)?(?:\w+\s+)?nuev[ao]s?\b"
    r"|\b(?:will|mochte|moechte|brauche|suche|kaufe)\s+(?:\w+\s+){0,2}neue[nrs]?\b|(?:买|换|要)(?:一?[个台部])?新")


def says_lost(message: str) -> bool:
    """Whether the message says something is lost, broken or missing ("lost the remote", "ist kaputt", "丢了"),
    and asks for no new device instead."""
    text = folded(message)
    return any(re.search(cue, text) for cue in _table("lost_part")["cues"]) and not _WANTS_NEW.search(text)


def _device_make(brand: str, text: str) -> bool:
    """Whether ``brand`` is said as a device's make, right before or after a device word ("samsung tv", "mi
    tele samsung", "Samsung Fernseher"); "mi tele" is Spanish for "my TV", no Mi TV."""
    entry = _table("lost_part")
    devices = "|".join(re.escape(d) for d in sorted(entry["devices"], key=len, reverse=True))
    name = re.escape(folded(brand))
    for found in re.finditer(rf"(?<![^\W_]){name}\s*(?:smart\s+|android\s+|led\s+)?({devices})(?![a-z])", text):
        if found.group(1) not in entry["possessives"].get(folded(brand), ()):
            return True
    return re.search(rf"(?<![a-z])(?:{devices})\s+{name}(?![^\W_])", text) is not None


def lost_part_makes(message: str, known_makes: Iterable[str], read: Callable[[str], Any]) -> list[str]:
    """The makes of the device whose part is lost or broken ("I have a samsung tv and lost the remote" ->
    ["Samsung"], "perdí el mando de mi tele samsung"): the part's title must name them, as for "a remote for
    my Samsung tv". Only when the message (read by ``read``) asks for a part that fits devices."""
    from chatrec.gaps_round12 import fits_devices

    if not says_lost(message):
        return []
    text = folded(message)
    makes = [m for m in known_makes if _device_make(str(m), text) and not fits_devices(str(m))]  # no "Remote" make
    if not makes:
        return []
    request = read(message)
    if not any(fits_devices(str(v)) for name in _TYPE_FIELDS for v in request.include.get(name) or ()):
        return []
    return list(dict.fromkeys(makes))


def lost_part(request: Any, message: str) -> Any:
    """The request for the part when the message says a part of a device someone has is lost or broken:
    of the product types read, those of parts that fit devices (remotes, chargers, cables, cases) stay
    and the device's own types go; a brand said before a device word ("samsung tv") goes as a wish, the
    search words keeping it. A message naming no part type, or no loss, is left as read."""
    from chatrec.gaps_round12 import fits_devices

    if request.intent not in ("recommend", "refine", "answer") or not says_lost(message):
        return request
    include = {k: list(v) for k, v in request.include.items()}
    changed = False
    for name in _TYPE_FIELDS:
        values = include.get(name) or []
        parts = [v for v in values if fits_devices(str(v))]
        if parts and len(parts) < len(values):
            include[name] = parts
            changed = True
    has_part = any(fits_devices(str(v)) for name in _TYPE_FIELDS for v in include.get(name) or ())
    if has_part and include.get("brand"):
        text = folded(message)
        kept = [b for b in include["brand"] if not _device_make(str(b), text)]
        if len(kept) < len(include["brand"]):
            changed = True
            if kept:
                include["brand"] = kept
            else:
                del include["brand"]
    if not changed:
        return request
    return request.model_copy(update={"include": include})


def same_for_device(message: str) -> str | None:
    """The device phrase of "the same (but) for <device>" ("now the same but for my parents fire tv stick" ->
    "my parents fire tv stick", "lo mismo pero para la tele de mi hermana", "das gleiche für den Fernseher
    meiner Eltern"), folded, or None."""
    text = folded(message)
    for pattern in _table("same_for_device")["patterns"]:
        found = re.search(pattern, text)
        if found:
            return found.group("device").strip()
    return None


def _type_parts(include: Any) -> dict[str, list[str]]:
    """The product types of ``include`` whose items fit devices (remotes, cases, chargers), per type field."""
    from chatrec.gaps_round12 import fits_devices

    kept = {name: [str(v) for v in include.get(name) or () if fits_devices(str(v))] for name in _TYPE_FIELDS}
    return {name: values for name, values in kept.items() if values}


def same_for_other(request: Any, message: str, context: Any) -> Any:
    """"now the same but for my parents fire tv stick" while remotes for a Mi TV are sought: the same kind of
    item for another device. The product type in force stays (when its items fit devices), the device's own
    type is no wish; the search words keep the device, and the turn makes it the one to fit
    (:func:`same_for_makes`)."""
    current = getattr(context, "current", None) or {}
    parts = _type_parts(current)
    if not parts or same_for_device(message) is None or request.intent in ("start_over", "off_topic"):
        return request
    include = {k: list(v) for k, v in request.include.items() if k not in _TYPE_FIELDS and k != "brand"}
    include.update(parts)
    return request.model_copy(update={"intent": "refine", "include": include, "show_now": True, "references": []})


def same_for_makes(message: str, include: Any, items: Sequence[Any], generic: Iterable[str]) -> list[str]:
    """The words of the other device in "the same but for my parents fire tv stick" (["fire"]) that titles of
    the type in force (``include``) name: what the item must fit now, instead of the earlier device's make.
    ``generic`` are device words that name no make ("tv", "phone", "stick")."""
    device = same_for_device(message)
    parts = _type_parts(include)
    if device is None or not parts:
        return []
    skip = {folded(w) for w in (*generic, *_table("same_for_device")["filler"])}
    words = [w for w in re.findall(r"[a-z0-9][a-z0-9+-]*", device) if w not in skip and len(w) > 1]
    if not words:
        return []
    titles = [folded(str(getattr(i, "title", "") or "")) for i in items
              if any(str(getattr(i, "category", "") if name == "category" else _field(i, name)) in values
                     for name, values in parts.items())]
    return [w for w in dict.fromkeys(words) if any(re.search(rf"(?<![a-z0-9]){re.escape(w)}(?![a-z0-9])", t) for t in titles)]


def _field(item: Any, name: str) -> Any:
    getter = getattr(item, "field_value", None)
    if callable(getter):
        return getter(name)
    return (getattr(item, "attributes", None) or {}).get(name, getattr(item, name, None))


def price_pointer(message: str) -> str | None:
    """``cheaper`` or ``pricier`` when the whole message names a shown item by its price alone ("ok. the
    cheaper one then", "el más barato entonces", "dann das günstigere", "那就便宜的那个吧"), else None."""
    entry = _table("price_pointer")
    text = re.sub(r"[^\w\s']+", " ", folded(message))
    fillers = sorted(entry["fillers"], key=len, reverse=True)
    words = "|".join(re.escape(f) for f in fillers)
    previous = None
    while previous != text:
        previous = text
        text = re.sub(rf"^\s*(?:{words})(?:\s+|$)|(?:^|\s+)(?:{words})\s*$", " ", text).strip()
        text = re.sub(rf"^(?:{words})(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])(?:{words})$", "", text).strip()
    for pattern in entry["patterns"]:
        found = re.search(pattern, text)
        if found:
            return "pricier" if any(found.group("way").startswith(w) for w in entry["pricier"]) else "cheaper"
    return None


#: Stop 55: "of the first two", "of the last three", "de los dos primeros", "der ersten beiden", "前两个里": the shown
#: items a price pointer chooses among (group "end": first or last, "count": how many).
_AMONG = (
    re.compile(r"\s*\bof\s+the\s+(?P<end>first|top|last|bottom)\s+(?P<count>two|three|2|3)(?:\s+ones)?\b"),
    re.compile(r"\s*\bde\s+(?:los|las)\s+(?P<count>dos|tres|2|3)\s+(?P<end>primer[oa]s|[uú]ltim[oa]s)\b"),
    re.compile(r"\s*\bde\s+(?:los|las)\s+(?P<end>primer[oa]s|[uú]ltim[oa]s)\s+(?P<count>dos|tres|2|3)\b"),
    re.compile(r"\s*\b(?:von\s+)?(?:den\s+|der\s+)?(?P<end>erst|letzt)en\s+(?P<count>beiden|zwei|drei|2|3)\b"),
    re.compile(r"(?P<end>前|后|最后)(?P<count>两|二|三|2|3)(?:个|台|款|部)(?:里面|里|中|当中)?"),
)
_COUNTS = {"two": 2, "2": 2, "dos": 2, "beiden": 2, "zwei": 2, "两": 2, "二": 2, "three": 3, "3": 3, "tres": 3,
           "drei": 3, "三": 3}


def _among(message: str, n_shown: int) -> tuple[list[int], str]:
    """The places of the shown items a message chooses among ("of the first two": 1 and 2; every place when it
    names no subset) and the message without the phrase that named them."""
    text = folded(message)
    for pattern in _AMONG:
        found = pattern.search(text)
        if found is not None:
            count = min(_COUNTS[found.group("count")], n_shown)
            first = found.group("end").startswith(("first", "top", "primer", "erst", "前"))
            places = list(range(1, count + 1)) if first else list(range(n_shown - count + 1, n_shown + 1))
            return places, (text[:found.start()] + text[found.end():]).strip()
    return list(range(1, n_shown + 1)), message


def priced_choice(request: Any, message: str, context: Any) -> Any:
    """"ok. the cheaper one then" after two or three items were shown: a question about the cheaper (or
    pricier) of them, answered about it, not more like it or a search below it."""
    from chatrec.request import ItemReference

    shown = list(getattr(context, "shown", None) or ())
    among, rest = _among(message, len(shown))  # stop 55: "the cheaper of the first two" of five shown
    way = price_pointer(rest) if 2 <= len(among) <= 3 else None
    if way is None or request.intent in ("start_over", "off_topic") or any(request.include.values()):
        return request
    priced = [(float(p), n) for n, item in enumerate(shown, start=1)
              if n in among and (p := getattr(item, "price", None)) is not None]
    if len(priced) < 2 or len({p for p, _ in priced}) < 2:
        return request
    price, position = (min if way == "cheaper" else max)(priced)
    reference = ItemReference(position=position, item_id=getattr(shown[position - 1], "id", None), how="attribute")
    return request.model_copy(update={"intent": "ask_about_item", "references": [reference], "relative_price": None,
                                      "show_now": False, "price": None})


def avoided_phrases(message: str) -> list[str]:
    """The phrases with digits the message turns down as a whole, as titles write them ("not the 2 in 1
    ones" -> ["2 in 1"], "no 2-in-1 laptops", "nichts mit 2 in 1", "ninguno 3 en 1" -> ["3 in 1"], "不要二合一的")."""
    entry = _table("avoided_phrase")
    text = folded(message)
    numbers = entry["numbers"]
    found: list[str] = []
    for negation in entry["negations"]:
        for match in re.finditer(negation + entry["phrase"], text):
            a, b = (str(numbers.get(match.group(g), match.group(g))) for g in ("a", "b"))
            phrase = f"{a} in {b}"
            if phrase not in found:
                found.append(phrase)
    return found


def phrase_avoided(request: Any, message: str) -> Any:
    """"not the 2 in 1 ones" while boAt type-C cables are sought: the phrase is a word to avoid as a whole
    (:func:`says_phrase` turns down titles holding it), no shown item turned down alone, its numbers and
    "in" no words to avoid; the wishes in force stay and items are shown."""
    phrases = avoided_phrases(message)
    if not phrases or request.intent in ("start_over", "off_topic", "ask_about_item", "compare"):
        return request
    parts = {w for p in phrases for w in p.split()}
    avoid = [w for w in request.avoid_words if w not in parts and w not in phrases]
    update: dict[str, Any] = {"avoid_words": [*avoid, *phrases], "references": [], "show_now": True}
    if request.intent in ("reject", "more_like", "chitchat", "recommend") and not any(request.include.values()):
        update["intent"] = "refine"
    return request.model_copy(update=update)


def says_phrase(title: str, words: Iterable[str]) -> bool:
    """Whether the title holds one of the phrases of several words among ``words`` ("2 in 1": "2 in 1",
    "2-in-1", "2in1"), its words in a row; single words are left to the word-by-word check."""
    text = folded(title)
    for phrase in words:
        parts = str(phrase).split()
        if len(parts) < 2:
            continue
        joined = r"\s*[-\s]?\s*".join(re.escape(p) for p in parts)
        if re.search(rf"(?<![^\W_]){joined}(?![^\W_])", text):
            return True
    return False


def stated_in_titles(candidates: Sequence[Any], wanted: Sequence[str], asked_now: Sequence[str], notes: list[str],
                     language: str) -> list[Any]:
    """"其实我更想要编织的那种" (braided, please) when one or two fitting items say "braided" in their title and the
    others only in their details: those one or two (``candidates`` have an ``item``), and a note saying so
    appended to ``notes``, instead of a list filled with items a shopper would not call braided. A list where
    no title or every title states the words is left as it is; only words asked for this turn count."""
    from chatrec.wanted_words import states

    if not asked_now or not wanted or len(candidates) < 2:
        return list(candidates)
    entry = _table("few_fit")
    titled = [c for c in candidates if states(c.item, wanted, title_only=True)]
    if not titled or len(titled) > int(entry["most"]) or len(titled) == len(candidates):
        return list(candidates)
    notes.append(str(entry["note"].get(language, entry["note"]["en"])).format(n=len(titled)))
    return titled


def cheaper_with_room(heard: Any, state: Any, count: Callable[[], int]) -> None:
    """"cheaper" when below the cheapest item shown fewer than two items fit the wishes (one 7,299 TV under
    8,499): the bound goes up to below the next price of the list shown, so that a cheaper list still has
    items to choose from and "bit cheaper still" can go lower again. ``state`` is the dialogue state after
    the request was folded in (its ``max_price`` set below the cheapest); ``count`` counts the items that
    fit its wishes now. A budget said, a shown item pointed at, or room enough leaves the bound."""
    from chatrec.dialogue import rounded_bound

    if heard.relative_price != "cheaper" or heard.price is not None or heard.positions or state.max_price is None:
        return
    prices = sorted({float(p) for p in state.last_prices if p})
    if len(prices) < 2 or len(state.last_references) == 1 or count() >= 2:
        return
    strict = state.max_price
    for price in prices[1:]:
        state.max_price = rounded_bound(price * 0.999, down=True)
        if count() >= 2:
            return
    state.max_price = strict


def adjust(request: Any, message: str, context: Any, vocabulary: Any, reread: Callable[[str], Any]) -> Any:
    """This round's reading step, just before the off-topic reader in :func:`chatrec.understanding.understand`."""
    request = lost_part(request, message)
    request = same_for_other(request, message, context)
    request = priced_choice(request, message, context)
    return phrase_avoided(request, message)
