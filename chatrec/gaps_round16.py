"""Stop 60: conversations held as a shopper on the demo catalogues, and what they showed (issue 12).

- **"cat eye ones" of sunglasses shown** (:func:`ones_of_kind`): "eye" read as the make-up subcategory Eyes,
  and the reply showed eye shadow. "<words> ones" points back at the kind shown: a type its words match that
  no item of the kind in force shares is a wish about that kind ("cat eye" sunglasses), not a new product.
  A type the kind does hold ("sports ones" of shoes: Sports Shoes) narrows it, as before.
- **"anything but sneakers, I need shoes for the office"** (:func:`refused_then_wanted`): "sneakers" is read as
  the whole subcategory Shoes, so refusing them left out every shoe and the reply asked for a category. A type
  one clause refuses and another asks for is wished too; the kind words then narrow the refusal to sneakers' own
  types, and a value left both wished and refused is wished (:func:`wanted_over_refused`), the refusing words kept
  out of item names.
- **"i like the second one. do you have it in black?"** (:func:`version_asked`): read as "more like the second,
  in black", it showed another make's black speaker; it asks whether the second comes in black, as "does the
  second one come in black?" does.
- **"xiaomi power bank"** (:func:`one_maker`): the shop lists Xiaomi's power banks under "MI" and "Mi"; only
  "Xiaomi" was wished, nothing matched, and the brand was left out. One maker's names are wished together, as
  "小米" already was.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from chatrec.gaps_round10 import TYPE_NAMES as _TYPE_NAMES
from chatrec.understanding import singular
from chatrec.word_tables import folded

__all__ = ["version_asked", "one_maker", "ones_of_kind", "refused_then_wanted", "wanted_over_refused"]

#: "cat eye ones", "the round ones please", "eye one": up to three words before "one(s)".
_ONES = re.compile(r"((?:[^\W\d_][\w-]*\s+){1,3})ones?\b", re.IGNORECASE)


def _words(text: str) -> set[str]:
    return {singular(w) for w in re.findall(r"[^\W_]+", folded(re.sub(r"(?<=[a-z])(?=[A-Z])", " ", text)))}


def ones_of_kind(heard: Any, message: str, in_force: Mapping[str, Sequence[str]],
                 shared: Callable[[str, Sequence[str], str, Sequence[str]], bool]) -> Any:
    """The request without a product type read from the words before "ones" that no item of the type in force
    (``in_force``: type field -> values) has (``shared(field, values, other_field, other_values)``: whether some
    item has both), kept as a wish of the search text; the request as it is otherwise."""
    if heard.intent not in ("recommend", "refine") or heard.references or not in_force:
        return heard
    found = _ONES.search(message)
    if found is None:
        return heard
    said = _words(found.group(1))
    new = {name: [v for v in values if v not in in_force.get(name, ())] for name, values in heard.include.items()
           if name in _TYPE_NAMES or name in in_force}
    new = {name: values for name, values in new.items() if values}
    if not new:
        return heard
    pointed = {name: values for name, values in new.items() if all(_words(str(v)) & said for v in values)}
    if not pointed or set(pointed) != set(new):
        return heard  # a type named elsewhere in the message ("now a belt, black ones") is a new product
    for name, values in pointed.items():
        for kind, kinds in in_force.items():
            if shared(kind, kinds, name, values):
                return heard  # "sports ones" of shoes: Sports Shoes are shoes
    include = {name: list(values) for name, values in heard.include.items() if name not in pointed}
    return heard.model_copy(update={"include": include, "intent": "refine", "show_now": True})


def _clauses(message: str) -> list[str]:
    """The message's clauses, between punctuation ("anything but sneakers", "I need shoes for the office")."""
    return [c.strip() for c in re.split(r"[,;.!?]+", message) if c.strip()]


#: Words of a refusing clause that name nothing refused ("anything but", "please", "no").
_NOT_REFUSED = frozenset("anything something but not no none nothing except please pls thanks just any some other "
                         "than i we need want dont don't do like the a an of".split())


def refused_then_wanted(heard: Any, message: str, read: Callable[[str], Any]) -> Any:
    """The request with a type value refused by one clause and asked for by another (``read`` reads a clause alone)
    wished as well (it stays refused: see below); the request as it is otherwise."""
    if heard.intent not in ("recommend", "refine") or not heard.exclude:
        return heard
    clauses = _clauses(message)
    if len(clauses) < 2:
        return heard
    include = {name: list(values) for name, values in heard.include.items()}
    exclude = {name: list(values) for name, values in heard.exclude.items()}
    for clause in clauses:
        alone = read(clause)
        if alone.exclude:
            continue
        for name, values in alone.include.items():
            wanted = [v for v in values if v in exclude.get(name, ())]
            if name in _TYPE_NAMES and wanted:
                include[name] = list(dict.fromkeys([*include.get(name, []), *wanted]))
    if include == {name: list(values) for name, values in heard.include.items()}:
        return heard
    # the type stays refused too: the kind words narrow it to what was refused ("sneakers": sports and casual shoes,
    # :func:`chatrec.kind_words.narrowed`), as "no sneakers, i need office shoes" was read; what they leave both
    # wished and refused is settled by :func:`wanted_over_refused`
    return heard.model_copy(update={"include": include})


#: A clause that refuses something ("anything but boots", "no sandals", "sin botas", "keine Stiefel", "不要靴子").
_REFUSING = re.compile(r"\b(?:not|no|but|except|without|never|sin|ni|ohne|kein\w*|nicht)\b|不要|不是|别", re.IGNORECASE)


def wanted_over_refused(heard: Any, message: str) -> Any:
    """A type value both wished and refused ("anything but boots, I need shoes": boots are read as Shoes) is
    wished, and the refusing clause's words are kept out of item names ("boots"); the request as it is when no
    value is both."""
    both = {name: set(values) & set(heard.exclude.get(name, ())) for name, values in heard.include.items()
            if name in _TYPE_NAMES}
    both = {name: values for name, values in both.items() if values}
    if not both:
        return heard
    exclude = {name: [v for v in values if v not in both.get(name, ())] for name, values in heard.exclude.items()}
    clauses = _clauses(message)
    refusing = [c for c in clauses if _REFUSING.search(c)]
    if not refusing or len(refusing) == len(clauses):
        return heard  # one clause, or no clause that only wishes: the reading stands
    avoid = [w for clause in refusing for w in re.findall(r"[^\W\d_]{4,}", folded(clause)) if w not in _NOT_REFUSED]
    return heard.model_copy(update={"exclude": {k: v for k, v in exclude.items() if v},
                                    "avoid_words": list(dict.fromkeys([*heard.avoid_words, *avoid]))})


#: Names one maker sells under (folded): a wish for one is a wish for all of them.
_MAKERS = (frozenset({"xiaomi", "mi"}),)


def one_maker(heard: Any, brands: Sequence[str]) -> Any:
    """The request with every name of the catalogue's ``brands`` that the maker of a wished or refused brand sells
    under ("Xiaomi": "MI", "Mi"); the request as it is otherwise."""
    update: dict[str, Any] = {}
    for slot in ("include", "exclude"):
        values = getattr(heard, slot)
        said = {folded(str(v)) for v in values.get("brand", ())}
        names = [b for family in _MAKERS if said & family for b in brands if folded(str(b)) in family]
        if names and not set(names) <= set(values.get("brand", ())):
            update[slot] = {**values, "brand": list(dict.fromkeys([*values["brand"], *names]))}
    return heard.model_copy(update=update) if update else heard


#: "do you have it in black?", "does it come in black?", "is it available in blue?", "got that one in red?".
_IT_IN = re.compile(r"\b(?:have|got|get|find|stock|sell)\s+(?:it|this|that|this one|that one)\s+in\b|"
                    r"\b(?:does|do|can)\s+(?:it|this|that|this one|that one)\s+come\s+in\b|"
                    r"\b(?:is|was)\s+(?:it|this|that|this one|that one)\s+(?:also\s+)?(?:available|sold|there)\s+in\b|"
                    r"\bit\s+(?:also\s+)?comes?\s+in\b", re.IGNORECASE)


def version_asked(heard: Any, message: str) -> Any:
    """"i like the second one. do you have it in black?": a question about the one item pointed at (whether it comes
    in that colour), not a search for more like it; other requests as they are."""
    if heard.intent != "more_like" or len(heard.references) != 1 or not _IT_IN.search(message):
        return heard
    return heard.model_copy(update={"intent": "ask_about_item", "show_now": False})
