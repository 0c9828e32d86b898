"""The colour of the piece a wish is to go with is that piece's (issue 12, stop 55).

"a shirt that goes with navy trousers" showed navy shirts, "shoes to go with my black dress" black shoes,
"a belt to match my brown shoes" brown belts and brown shoes, "Schuhe passend zu meinem roten Kleid" red
dresses and shoes, "配黑色裙子的鞋" (shoes to go with a black skirt) black shoes: the rules read every value
of the message as a wish, so the colour and the kind of the piece the shopper has became wishes for the one
they want. Matching is not the same colour.

When a message joins the wish to a piece it is to go with ("goes with", "to match", "to wear with", "for
my", "que combine con", "a juego con", "passend zu", "配…的"), and the words after the link name a colour or
a kind the rules read as wishes, the wish is read from the words before the link alone ("a white shirt to
wear with black jeans": a white shirt); the budget and the language of the whole message stay. "for my"
counts only before a colour ("a tie for my white shirt"): "a bag for my laptop" names what the bag is for.
The wish is shown at once: the piece says what it must go with. "something to go with my black dress", which
names no kind, asks for the kinds that go with a dress (``complements`` of ``data/goes_with.json``), for the
people nine in ten of the shop's dresses are for (women and girls).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from chatrec.request import ShopperRequest
from chatrec.word_tables import folded

__all__ = ["adjust", "piece_words", "split"]

#: The link between the wish and the piece it goes with; "for my" is the weak link of the module doc.
_LINKS = re.compile(
    r"\s+(?:(?:that|which) (?:goes|go|would go|will go|match|matches|looks? good) with|to go with|goes with|go with|"
    r"to match|to wear with|to pair with|to combine with|"
    r"matching(?= (?:my|her|his|our|your) )|(?:that|which) complements?|to complement|"  # stop 62: "something matching my red dress"
    r"que (?:combinen?|peguen?|vaya|vayan|quede|queden) (?:bien )?con|para combinar con|a juego con|para llevar con|"
    r"passend zu|(?:die|der|das) zu .{1,30}? passt|zum kombinieren mit|zu (?:meinem|meiner|meinen|dem|der|den))\s+")
_WEAK = re.compile(r"\s+(?:for|para|f(?:ü|u|ue)r)\s+(?:my|her|his|our|a|the|mi|su|mein\w*|ihr\w*|sein\w*)\s+")
#: Where the words naming the piece had end: a clause or a list goes on to other wishes.
_END = re.compile(r"\s*(?:[,.;:!?()]|\s(?:and|but|or|y|pero|o|und|aber|oder|not|no|nicht|under|below|max)\s)")
#: "配黑色裙子的鞋": 配 (to go with), the piece had, 的, the wish.
_ZH = re.compile(r"^(?:我想要|我要|想要|要|找|买|给我)?(?:搭|配|搭配)(?P<had>[^的]{1,12})的(?P<wish>.{1,12})$")


def split(message: str) -> tuple[str, str, bool] | None:
    """The words of the wish, the words of the piece it goes with, and whether the link was a weak one ("for
    my"), or None when the message joins no wish to a piece."""
    text = folded(message)
    zh = _ZH.match(text)
    if zh is not None:
        return zh.group("wish"), zh.group("had"), False
    for pattern, weak in ((_LINKS, False), (_WEAK, True)):
        found = pattern.search(text)
        if found is not None and found.start() > 0:
            if re.search(r"\b(?:and|y|und|or|o|oder)$|和$", text[:found.start()].strip()):
                return None  # "a blue shirt and trousers to go with it": two pieces asked (chatrec.gaps_round9)
            had = _END.split(text[found.end():], maxsplit=1)[0]  # "for my wife, silver or gold": the wife alone
            return text[:found.start()], had, weak
    return None


def piece_words(message: str) -> tuple[str, ...]:
    """The words that name the piece a wish goes with and not the wish ("black", "dress" of "something to go with
    my black dress"): a reason credits none of them as asked for."""
    parts = split(message)
    if parts is None or parts[2]:
        return ()
    wish = set(re.findall(r"\w+", parts[0]))
    return tuple(w for w in dict.fromkeys(re.findall(r"\w+", parts[1])) if w not in wish)


def adjust(request: ShopperRequest, message: str, vocabulary: Any,
           reread: Callable[[str], ShopperRequest]) -> ShopperRequest:
    """The request read from the wish's words alone when the piece's colour or kind leaked into it."""
    from chatrec.refused_colours import colour_fields
    from chatrec.understanding import type_fields

    if request.intent not in ("recommend", "refine", "answer") or vocabulary is None or not request.include:
        return request
    parts = split(message)
    if parts is None:
        return request
    wish_words, had_words, weak = parts
    colours = set(colour_fields(list(vocabulary.fields)))
    kinds = {"category", *type_fields(list(vocabulary.fields))}
    had = reread(had_words).include
    if not any(had.get(name) for name in kinds):
        return request  # "for my wife", "to go with it": no piece named
    leaked = {(name, v) for name, values in had.items() for v in values if v in request.include.get(name, ())}
    leaked_colour = any(name in colours for name, _ in leaked)
    if not leaked_colour and (weak or not any(name in kinds for name, _ in leaked)):
        return request
    wish = reread(wish_words)
    if not wish.include:
        # "something to go with my black dress": the kinds that go with a dress, for the person it is for
        return _complements(request, had, kinds, vocabulary) if not weak else request
    include = dict(wish.include)
    for name, values in request.include.items():  # the wishes said nowhere in the piece's words stay
        kept = [v for v in values if (name, v) not in leaked and name not in kinds | colours]
        if kept:
            include[name] = list(dict.fromkeys([*include.get(name, []), *kept]))
    worn_by = _worn_by(_items_of(had, kinds, vocabulary))
    if _one_sex(worn_by) and "gender" in vocabulary.fields and not include.get("gender"):
        include["gender"] = worn_by  # "配黑色裙子的鞋": shoes for whom a skirt is for, not men's formal shoes
    update: dict[str, Any] = {"include": include, "exclude": {**request.exclude, **wish.exclude}, "query": wish.query,
                              "show_now": True}
    if request.answered and not include.get(request.answered):  # "a tie for my white shirt" to "which colour?"
        update.update(intent="recommend", answered=None)  # answers no question: the white is the shirt's
    return request.model_copy(update=update)


def _items_of(had: dict[str, list[str]], kinds: set[str], vocabulary: Any) -> list[Any]:
    """The shop's items of the piece had (of the kinds its words read)."""
    named = {(name, v) for name, values in had.items() if name in kinds for v in values}
    return [i for i in getattr(vocabulary, "_typed_items", ()) if any(
        (name, str(i.field_value(name))) in named for name in kinds)]


def _worn_by(items: list[Any]) -> list[str]:
    """The people nine in ten of these items are for (a dress's women and girls; a shirt's men and women)."""
    from collections import Counter

    people = Counter(str(v) for i in items if (v := i.field_value("gender")) not in (None, ""))
    worn_by: list[str] = []
    for person, _ in people.most_common():
        if sum(people[p] for p in worn_by) >= 0.9 * sum(people.values()):
            break
        worn_by.append(person)
    return worn_by


#: The sex of the wearers a gender value names; a piece worn by both says nothing of the wish's wearer.
_SEX = {"women": "f", "girls": "f", "woman": "f", "girl": "f", "men": "m", "boys": "m", "man": "m", "boy": "m"}


def _one_sex(people: list[str]) -> bool:
    """Whether these wearers are all women and girls, or all men and boys."""
    sexes = {_SEX.get(p.lower()) for p in people}
    return bool(people) and len(sexes) == 1 and None not in sexes


def _complements(request: ShopperRequest, had: dict[str, list[str]], kinds: set[str], vocabulary: Any) -> ShopperRequest:
    """The request for what goes with the piece had (``complements`` of ``data/goes_with.json``, by the kind of the
    shop's items of that piece), for the people those items are for; unchanged when the table knows no such kind."""
    from collections import Counter

    from chatrec.goes_with import complements

    items = _items_of(had, kinds, vocabulary)
    for name in sorted(kinds):
        found = Counter(str(v) for i in items if (v := i.field_value(name)) not in (None, ""))
        have = set(getattr(vocabulary, "counts", {}).get(name, {}))
        wanted = [c for kind, _ in found.most_common(1) for c in complements(kind) if c in have]
        if wanted:
            include: dict[str, list[str]] = {name: wanted}
            worn_by = _worn_by(items)
            if _one_sex(worn_by) and "gender" in vocabulary.fields:
                include["gender"] = worn_by
            return request.model_copy(update={"include": include, "query": "", "show_now": True})
    return request
