"""Conversation-level readings found by blind conversation batch 15 (issue 12, branch i12az).

Each step is one class of shopper wording, read the same in every conversation:

- **Several of one shown item is a purchase of it** (:func:`picked`): "3 of the first one then", "ok 2 of the
  second, one for him one spare", "Zwei vom ersten bitte", "me llevo dos del primero", "第一个买两根", and
  "me llevo el primero" are read as the pick phrase the answers know ("I'll take the first one", "ich nehme
  den ersten", "me quedo con el primero", "就要第一个"), not as "more like the first one".
- **"You guys"** is the shop, not men ("you guys are slow today lol" asks for no men's items).
- **A remark about the assistant or the shop is chit-chat** (:func:`remark`): "this is taking forever", "you
  are so slow", "das dauert ewig", "eres muy lento", "你们好慢" show nothing and change no wish.
- **"Nope, go back to the pink ones"**: a no before going back to an earlier list turns nothing down; the
  earlier list is what is asked for.
- **"Put samsung back"** brings a value given up back, as "bring samsung back" does ("put it back" is
  read elsewhere).
- **Going back by a broader name** (:func:`back_types`): "go back to the tvs" after smart TVs and HDMI cables
  shows the smart TVs again, the earlier list's own type, not every kind of TV; so does going back to the items
  shown (:func:`back_to_shown`), when a question about one of them brought their list back.
- **"Forget the length"** (:func:`lengths_given_up`) gives up a length in force ("at least 1.5 metres"), as
  "forget the capacity" gives up a battery capacity.

The words are data: ``chatrec/data/batch15_classes.json``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = ["back_to_shown", "back_types", "lengths_given_up", "picked", "picked_by_name", "read", "remark", "rewritten"]

_DATA = Path(__file__).parent / "data" / "batch15_classes.json"
#: The most words a purchase of several of one item may say ("ok 2 of the first one, one for him one spare").
_MOST_WORDS = 14


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(_DATA.read_text(encoding="utf-8"))
    return data


def _alternation(words: Sequence[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _pick(language: str, position: int, n_shown: int) -> str | None:
    if position > n_shown:
        return None  # "two of the fourth" after three items: the out-of-range reply says so
    return str(_table()["picks"][language][str(position)])


def picked(message: str, n_shown: int) -> str | None:
    """The pick phrase for a purchase of several of one shown item ("3 of the first one" -> "I'll take the
    first one", "Zwei vom ersten" -> "ich nehme den ersten", "第一个买两根" -> "就要第一个"), or None."""
    if n_shown <= 0 or len(message.split()) > _MOST_WORDS:
        return None
    table = _table()
    text = message.lower()
    for language in ("en", "de", "es"):
        ordinals: Mapping[str, int] = table["ordinals"][language]
        found = re.search(
            rf"(?<!\w)(?:{_alternation(table['counts'][language])}|\d{{1,2}})\s+"
            rf"(?:{_alternation(table['of_words'][language])})\s+(?:the\s+)?({_alternation(list(ordinals))})(?!\w)", text)
        if found:
            return _pick(language, ordinals[found.group(1)], n_shown)
    es_ordinals: Mapping[str, int] = table["ordinals"]["es"]
    found = re.search(rf"(?<!\w)(?:{_alternation(table['es_take_words'])})\s+(?:el|la)\s+"
                      rf"({_alternation(list(es_ordinals))})(?!\w)", text)
    if found:
        return _pick("es", es_ordinals[found.group(1)], n_shown)
    zh: Mapping[str, int] = table["ordinals"]["zh"]
    measure = f"[{table['zh_measures']}]"
    counts = _alternation(table["counts"]["zh"])
    found = re.search(rf"第({_alternation(list(zh))}){measure}?[^，。,.!！?？]{{0,3}}?(?:买|要|来|拿)(?:{counts}){measure}", message) \
        or re.search(rf"(?:买|要|来|拿)(?:{counts}){measure}第({_alternation(list(zh))}){measure}?", message)
    if found:
        return _pick("zh", zh[found.group(1)], n_shown)
    return None


def picked_by_name(message: str, shown: Sequence[Any], english: Any = None) -> str | None:
    """Stop 41: the pick phrase for a purchase of several of one shown item named by its make or a word of its
    name ("两块泰坦的我都要", "two of the casio please", "zwei von der Casio", "dos del casio"), when exactly one
    shown item has it; stop 42: the picks of each, when as many shown items have it as the count says ("两块西铁城的
    我都要" with two Citizen watches shown), a pick that asks which when more or fewer do; else None. ``english`` puts a Chinese name into the catalogue's words ("泰坦" -> "titan")."""
    if not shown or len(message.split()) > _MOST_WORDS:
        return None
    table = _table()
    measure = f"[{table['zh_measures']}]"
    counts = _alternation(table["counts"]["zh"])
    found = re.search(rf"(?:{counts}){measure}(?P<name>[^\s，。,.!！?？的]{{1,8}}?)的?(?:我|俩)?都?(?:要|买|拿)了?(?:吧|啦)?[。.!！]*$",
                      message.strip()) or re.search(rf"(?:要|买|拿)(?:{counts}){measure}(?P<name>[^\s，。,.!！?？的]{{1,8}}?)的?(?:吧|啦)?[。.!！]*$",
                                                    message.strip())
    language = "zh"
    if found is None:
        text = message.lower()
        for language in ("en", "de", "es"):
            found = re.search(rf"(?<!\w)(?:{_alternation(table['counts'][language])}|\d{{1,2}})\s+"
                              rf"(?:{_alternation(table['of_words'][language])})\s+(?:the\s+)?(?P<name>[\w&'-]+)(?:\s+ones?)?(?!\w)",
                              text)
            if found:
                break
    if found is None:
        return None
    name = found.group("name").strip().lower()
    if language == "zh" and english is not None:
        name = str(english(name)).strip().lower() or name
    if not re.fullmatch(r"[\w&'-]+(?: [\w&'-]+)?", name) or name in ("one", "ones", "them", "these", "those"):
        return None
    words = name.split()
    fits = [n for n, item in enumerate(shown, start=1)
            if all(w in re.findall(r"[\w&'-]+", f"{item.brand} {item.title}".lower()) for w in words)]
    if len(fits) == 1:
        return _pick(language, fits[0], len(shown))
    from chatrec.answers import make_of

    made = [n for n in fits if name == make_of(shown[n - 1])]  # stop 42: the name is their make
    if len(made) >= 2 and len(made) == len(fits) and _count(found.group(0), language) == len(fits):
        picks = [_pick(language, n, len(shown)) for n in fits]  # two shown of that make, "两块西铁城的我都要"
        return ("，" if language == "zh" else ", ").join(p for p in picks if p) if all(picks) else None
    return str(table["picks_unsure"][language]) if len(made) >= 2 and len(made) == len(fits) else None  # which: asked


def _count(said: str, language: str) -> int | None:
    """The number a purchase names ("两块…" -> 2, "two of the …" -> 2, "a couple of" -> 2), or None."""
    values: Mapping[str, int] = _table()["count_values"][language]
    for word in sorted(values, key=len, reverse=True):
        if re.search(re.escape(word) if language == "zh" else rf"(?<!\w){re.escape(word)}(?!\w)", said.lower()):
            return int(values[word])
    return None


def rewritten(message: str, n_shown: int) -> str:
    """The message as the rules read it: "you guys" is the shop, a no before "go back to" goes, "put X back"
    is "bring X back", and a purchase of several of one shown item is its pick phrase (:func:`picked`)."""
    table = _table()
    message = re.sub(table["you_guys"], "you", message, flags=re.IGNORECASE)
    message = re.sub(table["no_before_back"], "", message, flags=re.IGNORECASE)
    message = re.sub(table["put_back"], r"bring \1 back", message, flags=re.IGNORECASE)
    return picked(message, n_shown) or message


def remark(message: str) -> bool:
    """Whether the message is a remark about the assistant or the shop ("this is taking forever", "das dauert
    ewig", "你们好慢"), with no wish."""
    return any(re.search(p, message, re.IGNORECASE) for p in _table()["remarks"])


def back_types(heard: Any, types: Mapping[str, Sequence[str]]) -> Any:
    """Going back to an earlier list (``show_again``) by a name broader than its own type ("the tvs" for
    smart TVs): the earlier list's types (``types``), not every type the name covers."""
    if heard.intent != "show_again" or not types:
        return heard
    include = dict(heard.include)
    for name, earlier in types.items():
        said = include.get(name)
        if said and set(earlier) < set(said):
            include[name] = list(earlier)
    return heard.model_copy(update={"include": include}) if include != heard.include else heard


def lengths_given_up(message: str, in_force: Sequence[str]) -> list[str]:
    """``["m"]`` when the message gives up the length in force ("forget the length", "egal wie lang", "olvida
    el largo"), else []."""
    if "m" not in in_force:
        return []
    table = _table()
    text = message.lower()
    if not re.search(table["give_up"], text):
        return []
    nouns = [n for n in table["length_nouns"]]
    ascii_nouns = [n for n in nouns if n.isascii() or not re.search(r"[\u3400-\u9fff]", n)]
    han = [n for n in nouns if n not in ascii_nouns]
    if re.search(rf"(?<!\w)(?:{_alternation(ascii_nouns)})(?!\w)", text) or any(n in text for n in han):
        return ["m"]
    return []


def back_to_shown(heard: Any, message: str, shown: Sequence[Any], kinds: Sequence[str]) -> Any:
    """"Go back to the tvs" when the smart TVs are the items shown (a question about one of them brought that
    list back): the type of the items shown, not every type the broader name covers."""
    from chatrec.conversation import refers_back

    if not shown or heard.intent not in ("recommend", "refine") or heard.references or not refers_back(message):
        return heard
    include = dict(heard.include)
    for name in kinds:
        said = include.get(name)
        showing = {str(v) for item in shown if (v := item.field_value(name))}
        if said and showing and showing < set(said):
            include[name] = [v for v in said if v in showing]
    return heard.model_copy(update={"include": include}) if include != heard.include else heard


def read(heard: Any, message: str, shown: Sequence[Any] = (), kinds: Sequence[str] = ()) -> Any:
    """Every step of this module over one turn's request after the rules read it: a remark with no wish is
    chit-chat; going back by a broader name to the items shown keeps their type (:func:`back_to_shown`)."""
    heard = back_to_shown(heard, message, shown, kinds)
    if heard.intent in ("refine", "recommend", "more_like") and not heard.include and not heard.references \
            and heard.price is None and not heard.drop and remark(message):
        return heard.model_copy(update={"intent": "chitchat", "show_now": False, "query": "", "exclude": {},
                                        "relative_price": None})
    return heard
