"""Conversation-level readings found by blind conversation batch 18 (issue 12, branch i12bp).

Each step is one class of shopper wording, read the same in every conversation:

- **A shown item picked with a word of assent** (:func:`picked`): "the first one is fine", "ok the second it
  is", "die erste bitte", "el segundo, por favor", "那就第一个吧", "好的就这个" take that item, as "I'll take
  the first one" does: a short confirmation, no new list.
- **Thanks that closes the conversation** (:func:`closing`): "thats it for real now, cheers", "lovely, the
  handbag and the first sunglasses, thank you so much" say thanks; only wishes the shown items already hold
  ("the handbag") may be named beside them, no new one, no question.
- **Slang spellings and "nah, something X"** (:func:`spelt_out`): "sumthin", "cheepest", "wich" as spelt; "nah
  something braided pls" asks for braided ones (a wish that replaces the list), no rejection of everything.
- **"no worries"** (:func:`without_no_worries`): "ok no worries, then a small tv" turns no word down.
- **A spec bound said with "no/nothing bigger than"** (:func:`spec_bound`): "nothing bigger than 32 inch" is
  at most 32 inches ("no shorter than 2 m" at least 2 metres), no words to avoid.
- **The budget as what one will not spend** (:func:`spend_no_more`): "no gastemos más de 30000 rupias", "ich
  will nicht mehr als 500 ausgeben" are a top budget, not a floor.
- **A new figure proposed for the budget in force** (:func:`budget_proposed`): "what about 20000 then" while a
  top budget is in force moves it to 20000 (not a range around it).
- **A new product "also" wanted** (:func:`also_new_type`): "oh wait, also need a belt" after formal shoes were
  shown wants belts now; the shoes, shown already, are not searched again with them.
- **A person after "for", then the product** (:func:`for_person_then_product`): "anything else in purple for her,
  maybe sunglasses", "y para mí una camisa blanca" name the product after the person: it is the wish, not a
  purpose of the product in force ("hdmi, for my tv" stays a purpose).
- **"only the smart ones"** (:func:`only_type_word`): a word of exactly one of the product types in force,
  asked for alone, narrows to that type instead of pointing at the shown items whose titles have it.

The words are data: ``chatrec/data/batch18_classes.json``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = ["also_new_type", "budget_proposed", "closing", "for_person_then_product", "only_type_word",
           "picked", "plain", "spec_bound", "spelt_out", "spend_no_more", "without_no_worries"]

_DATA = Path(__file__).parent / "data" / "batch18_classes.json"
_HAN = re.compile(r"[\u4e00-\u9fff]")
_ZH_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(_DATA.read_text(encoding="utf-8"))
    return data


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    table = _table()
    names = ["pick_zh", "pick_zh_decided", "thanks", "done", "still_asking", "no_worries", "no_more_than_unit",
             "spend_no_more_es", "spend_no_more_de", "what_about_figure", "only_word_ones",
             "also", "for_person", "nah_then_wish"]
    return {name: re.compile(table[name], re.IGNORECASE) for name in names}


def _words(text: str) -> list[str]:
    return re.findall(r"[#\w']+", text.lower())


def picked(message: str, n_shown: int, language: str) -> str | None:
    """The message as a pick ("I'll take the first one is fine") when it names one shown item (or "this one")
    and says nothing but a word of assent beside it; None otherwise (a question, a wish, no item named)."""
    if n_shown <= 0 or "?" in message or "？" in message:
        return None
    from chatrec.answers import asks_to_buy, find_reference

    from chatrec.language import detect_language

    table = _table()
    if _HAN.search(message):
        code = "zh"
    else:
        said = detect_language(message)
        code = said if said in ("en", "de", "es") else language
    if code == "zh":
        found = _patterns()["pick_zh"].match(message.strip())
        if not found or not _patterns()["pick_zh_decided"].search(message):
            return None
        ref = found.group("ref")
        if ref.startswith("第"):
            figure = ref[1:-1]
            position = _ZH_DIGITS.get(figure) or (int(figure) if figure.isdigit() else 0)
            if not 0 < position <= n_shown:
                return None
        return f"{table['pick_prefix']['zh']}{ref}"
    if code not in ("en", "de", "es") or asks_to_buy(message, n_shown, code):
        return None
    words = _words(message)
    positions = set(table["pick_positions"])
    rest = [w for w in words if w not in positions]
    allowed = set(table[f"pick_rest_{code}"])
    if not rest or any(w not in allowed for w in rest):
        return None
    lowered = " ".join(words)
    if not any(re.search(rf"(?<!\w){re.escape(d)}(?!\w)", lowered) for d in table[f"pick_decided_{code}"]):
        return None
    found_refs = find_reference(message, n_shown, code)
    pointing = bool(re.search(r"\b(?:that|this|ese|esa|este|esta)\b", lowered))
    if not found_refs or (len(found_refs) != 1 and not pointing):
        return None
    return f"{table['pick_prefix'][code]} {message.strip()}"


def closing(message: str, language: str, shown_values: Collection[str], read: Callable[[str], Any],
            n_shown: int = 0) -> str | None:
    """Thanks in the language of the conversation ("thanks") when the message thanks or says it is done and asks
    for nothing more: no question, no request word, and every value it names is held by an item shown
    already; None otherwise."""
    patterns = _patterns()
    if not (patterns["thanks"].search(message) or patterns["done"].search(message)):
        return None
    if patterns["still_asking"].search(message):
        return None
    from chatrec.answers import asks_to_buy
    from chatrec.language import detect_language

    said_in = detect_language(message)
    if any(asks_to_buy(message, n_shown, code) for code in dict.fromkeys([said_in, language, "en"])
           if code in ("en", "de", "es", "zh")):  # "danke, ich nehme das erste" takes an item
        return None
    heard = read(message)
    said = {str(v).lower() for values in (getattr(heard, "include", {}) or {}).values() for v in values}
    if getattr(heard, "price", None) is not None or not said <= {v.lower() for v in shown_values}:
        return None
    code = "zh" if _HAN.search(message) else said_in if said_in in ("en", "de", "es") else language
    word: str = _table()["thanks_word"].get(code, "thanks")
    return word


def spelt_out(message: str) -> str:
    """Slang spellings spelt out ("wich is cheepest" -> "which is cheapest") and "nah, something X" read as the
    wish "something X"."""
    typos: dict[str, str] = _table()["typos_en"]
    message = re.sub(r"[A-Za-z]+", lambda w: typos.get(w.group(0).lower(), w.group(0)), message)
    return _patterns()["nah_then_wish"].sub("", message)


def without_no_worries(message: str) -> str:
    """"no worries", "no problem" taken as "ok": nothing turned down."""
    return _patterns()["no_worries"].sub("ok", message)


def spec_bound(message: str) -> str:
    """"nothing bigger than 32 inch" -> "at most 32 inch"; "no shorter than 2 m" -> "at least 2 m"."""
    more = set(_table()["more_sides"])

    def fix(found: re.Match[str]) -> str:
        side = "at most" if found.group("side").lower() in more else "at least"
        return f"{side} {found.group('figure')} {found.group('unit')}"

    return _patterns()["no_more_than_unit"].sub(fix, message)


def spend_no_more(message: str) -> str:
    """"no gastemos más de 30000" -> "hasta 30000"; "ich will nicht mehr als 500 ausgeben" -> "bis 500"."""
    patterns = _patterns()
    message = patterns["spend_no_more_es"].sub(lambda f: f"hasta {f.group('figure')}", message)
    return patterns["spend_no_more_de"].sub(lambda f: f"bis {f.group('figure')}", message)


def budget_proposed(message: str, top_in_force: float | None) -> str:
    """"what about 20000 then" while a top budget is in force: "under 20000" (the budget moved), else as written."""
    if top_in_force is None:
        return message
    found = _patterns()["what_about_figure"].match(message)
    if not found:
        return message
    figure = found.group("figure").replace(",", "").replace(" ", "")
    return f"under {figure}"


def only_type_word(message: str, in_force: Mapping[str, Sequence[str]], kinds: Iterable[str]) -> str:
    """"only the smart ones" while smart and standard televisions are in force: "only smart" (the narrowing the
    rules read), when the word is a word of exactly one of the types in force; else as written."""
    found = _patterns()["only_word_ones"].search(message)
    if not found:
        return message
    word = found.group("word").lower()
    for kind in kinds:
        values = list(in_force.get(kind) or [])
        if len(values) < 2:
            continue
        words = {v: _value_words(v) for v in values}
        shared = set.intersection(*words.values())
        if sum(1 for v in values if word in words[v] - shared) == 1:
            return message[: found.start()] + f"only {found.group('word')}" + message[found.end():]
    return message


def _value_words(value: str) -> set[str]:
    spaced = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", value)
    return {w.lower() for w in re.findall(r"[A-Za-z]{4,}", spaced)}


def plain(message: str, n_shown: int, language: str, top_in_force: float | None,
          in_force: Mapping[str, Sequence[str]], kinds: Iterable[str]) -> str:
    """The message as the rules read it: a pick (:func:`picked`), "no worries" (:func:`without_no_worries`), a spec
    bound (:func:`spec_bound`), a budget not to pass (:func:`spend_no_more`), a new budget figure
    (:func:`budget_proposed`), a word of one type in force (:func:`only_type_word`)."""
    message = spelt_out(message)
    pick = picked(message, n_shown, language)
    if pick is not None:
        return pick
    message = without_no_worries(message)
    message = spec_bound(message)
    message = spend_no_more(message)
    message = budget_proposed(message, top_in_force)
    return only_type_word(message, in_force, kinds)


#: A need said with the new product ("i also need a wallet", "también quiero", "ich brauche auch", "还要"): that product
#: now, not added to the list of those wanted ("and also a belt" after jeans).
_NEED = re.compile(r"\b(?:need|needs|want|wanna|looking for|necesito|quiero|busco|brauche|möchte|moechte|suche|will)\b"
                   r"|还要|还需要|也要|也需要|想要")


def also_new_type(heard: Any, message: str, in_force: Mapping[str, Sequence[str]], kinds: Iterable[str],
                  read: Callable[[str], Any]) -> Any:
    """"also need a belt" while formal shoes are in force: the belts alone (the product types in force that the
    message does not name itself are left out when it names a new one with "also", "too", "auch", "还要", and a value
    of another field that is the new type's own ("brown") or a need ("i also need a wallet"). "and also a belt" adds
    the type to those in force."""
    if heard.intent not in ("recommend", "refine") or not _patterns()["also"].search(message):
        return heard
    alone: Any = None
    kinds = list(kinds)
    for kind in kinds:
        now = list(heard.include.get(kind) or [])
        before = set(in_force.get(kind) or [])
        if not before or not any(v not in before for v in now) or not any(v in before for v in now):
            continue
        alone = alone if alone is not None else read(message)
        if not _NEED.search(message.lower()) and not any(values for name, values in alone.include.items() if name not in kinds):
            return heard  # lead, stop 34: "and also a belt" adds the type; "also need a belt", "also a belt, brown": the belt
        said = set(alone.include.get(kind) or [])
        kept = [v for v in now if v not in before or v in said]
        if kept and len(kept) < len(now):
            return heard.model_copy(update={"include": {**heard.include, kind: kept}})
    return heard


def for_person_then_product(message: str) -> bool:
    """Whether "for"/"para"/"für" is followed by a person and then the words go on ("for her, maybe sunglasses",
    "para mí una camisa blanca"): what follows names the product, no purpose of it."""
    return _patterns()["for_person"].search(message) is not None
