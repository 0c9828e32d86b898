"""Conversation batch 13's open cases, fixed by class (issue 12, branch i12av).

- **An earlier list named by its product.** "going back to the hdmi cables, what did the first one cost?",
  "and what was the shirt called again, the first one" (after belts): the product named in a clause of its
  own, or in a question in the past tense, is that of an earlier list, whose items the question is about.
- **An earlier list named by a value.** "what brand is the first of the red ones you showed" after the
  brown ones again: the newest earlier list of that value, when the last one holds none of it.
- **A question about an earlier list's item.** "the white one from before, how much was it": once the earlier
  list is found, the words saying "before" are no wish to see it again; the rest is read against it.
- **A size is given up before the product type.** "nothing good here" after the only 55-inch TV: no TV
  left fits the size, so the size is left out for this turn (named, kept in mind) and other TVs are shown,
  never wall mounts and cables that mention 55.
- **"What about 50 inch then"** proposes another figure: a search for items stating it, not a question
  about the shown item whose title has it.
- **A brand as shoppers write it.** In a catalogue whose titles carry the brand (no brand field), a
  brand written in Chinese characters ("要耐克的", "有没有阿迪达斯的") is the title brand in Latin letters
  (``chatrec/data/batch13_words.json``), and a message that is only a brand ("titan?", "nike", "only
  woodland pls", "any fossil?") asks for that brand even in lower case and even when the brand is also
  an English word, which elsewhere counts only capitalised.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = ["bare_brand_wish", "brands_asked", "brands_in_chinese", "asked_in_past", "clause_types", "figure_proposed", "only_a_figure", "size_before_type", "without_back_words", "earlier_list_named", "earlier_list_of_value", "recalls", "refills", "shown_before",
           "widens"]

_DATA = Path(__file__).resolve().parent / "data" / "batch13_words.json"
_WORD = re.compile(r"[^\W_][\w&.+-]*", re.UNICODE)
#: At most this many words in a message that is only a brand ("ok any titan ones then?").
_BARE_MOST = 6


@lru_cache(maxsize=1)
def _words() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(_DATA.read_text(encoding="utf-8"))
    return data


@lru_cache(maxsize=1)
def _chinese_names() -> tuple[tuple[str, str], ...]:
    names = {k: v for k, v in _words()["brand_names_zh"].items() if not k.startswith("_")}
    return tuple(sorted(names.items(), key=lambda kv: -len(kv[0])))


@lru_cache(maxsize=1)
def _fillers() -> frozenset[str]:
    return frozenset(w.casefold() for key, words in _words()["brand_fillers"].items() if not key.startswith("_")
                     for w in words)


def brands_in_chinese(message: str) -> list[str]:
    """The brands a message writes in Chinese characters, in Latin letters ("要耐克的" -> ["Nike"])."""
    found: list[str] = []
    rest = message
    for chinese, latin in _chinese_names():
        if chinese in rest:
            rest = rest.replace(chinese, " ")  # "阿迪达斯" is not also "阿迪"
            if latin not in found:
                found.append(latin)
    return found


def _bare_brands(message: str, asked: Callable[[str], list[str]]) -> list[str]:
    """The brands of a message that is only brands and filler words ("titan?", "only nike pls"), else []."""
    words = _WORD.findall(message)
    if not words or len(words) > _BARE_MOST:
        return []
    content = [w for w in words if w.casefold() not in _fillers()]
    if not content or len(content) > 2:
        return []
    said = asked(" ".join(w[:1].upper() + w[1:] for w in content))
    return said if {w.casefold() for w in content} <= set(said) else []


def brands_asked(message: str, asked: Callable[[str], list[str]]) -> list[str]:
    """The title brands a message asks for: those ``asked`` reads as written, those written in Chinese
    characters, and, when the whole message is a brand, that brand in any case ("titan?")."""
    found = list(asked(message))
    chinese = brands_in_chinese(message)
    extra = asked(" ".join(chinese)) if chinese else []
    extra += _bare_brands(message, asked)
    return [*found, *(b for i, b in enumerate(extra) if b not in found and b not in extra[:i])]


def bare_brand_wish(heard: Any, message: str, asked: Callable[[str], list[str]], wishes: bool) -> Any:
    """A message that is only a brand ("titan?", "nike") while wishes are in force: a wish for that
    brand's items (a refinement shown at once), not a question about the shown item whose title has the
    word nor small talk."""
    if not wishes or heard.intent not in ("chitchat", "ask_about_item", "compare"):
        return heard
    if heard.intent != "chitchat" and any(r.how != "title" for r in heard.references):
        return heard  # "the second?" points at a place, no brand
    if not _bare_brands(message, asked):
        return heard
    return heard.model_copy(update={"intent": "refine", "show_now": True, "references": []})


def widens(heard: Any, given_up: Sequence[str], brands_now: Sequence[str] = ()) -> bool:
    """Whether this message gives a wish up ("ok forget nike just white", "olvida la marca", "any colour is
    fine") or names a brand of the titles ("nike", "要阿迪达斯的"): the items fitting now include some seen
    already, so the list shows the new ones first and fills up with the fitting ones seen before instead
    of showing one or two items."""
    return heard.intent in ("refine", "recommend", "answer") and (bool(given_up) or bool(heard.drop) or bool(brands_now))


def refills(heard: Any, given_up: Sequence[str], brands_now: Sequence[str], state: Any, retriever: Any, filters: Any,
            unseen_only: Iterable[str], seen_too: Iterable[str], n: int) -> bool:
    """Whether the list of this turn shows the new fitting items first and then the fitting ones seen before
    (:class:`chatrec.dialogue.Reshown`): a wish was given up or a title brand named (:func:`widens`), fewer than
    ``n`` unseen items fit (with the title words wanted, ``state.wanted``) and some seen ones do too.
    ``unseen_only`` / ``seen_too`` are the ids left out with and without the items shown."""
    if not widens(heard, given_up, brands_now) or not state.shown or state.allow_shown:
        return False
    from chatrec.wanted_words import states

    def count(exclude: Iterable[str]) -> int:
        mask = retriever.allowed(filters, exclude)
        return sum(1 for k, item in enumerate(retriever.index.items)
                   if (mask is None or mask[k]) and (not state.wanted or states(item, state.wanted)))

    unseen = count(unseen_only)
    return 0 < unseen < n and count(seen_too) > unseen


#: A question in the past tense ("what was the shirt called", "how much were the jeans", "what did the
#: first cable cost", "¿cuánto costaba la camisa?", "wie hieß das Hemd", "那件衬衫叫什么来着"): about items seen.
_PAST_QUESTION = re.compile(
    r"\b(?:what|which|how much|how long|how big|who|whats|what's)\b[^,.;!?]*?\b(?:was|were|did)\b"
    r"|\b(?:was|were) (?:the|those|that)\b[^,.;!?]*\?"
    r"|\b(?:costaba|costaban|era|eran|ten[ií]a|ten[ií]an)\b|\b(?:hie(?:ß|ss)|kostete|kosteten|war|waren)\b"
    r"|来着|刚才那|之前那", re.IGNORECASE)
#: Where a message splits into clauses read one by one ("going back to the hdmi cables, what did ...").
_CLAUSE = re.compile(r"[,;:!?，。；！？]+|\s+-\s+|\band\b", re.IGNORECASE)


def recalls(message: str) -> bool:
    """Whether the message asks in the past tense about items seen ("what was the shirt called again")."""
    return bool(_PAST_QUESTION.search(message))


def clause_types(message: str, types_of: Callable[[str], Iterable[str]]) -> set[str]:
    """The product types the clauses of a message name, each clause read alone (``types_of``): "going back
    to the hdmi cables, what did the first one cost?" names HDMI cables though the whole is a question
    about an item, which carries no wish."""
    found: set[str] = set()
    for clause in _CLAUSE.split(message):
        if clause.strip():
            found |= set(types_of(clause))
    return found


def earlier_list_named(
    message: str, lists: Sequence[Sequence[str]], last: Sequence[str], kinds: Callable[[str], set[str]],
    named: Iterable[str],
) -> list[str] | None:
    """The newest earlier list of a product type the message names in a question in the past tense
    (:func:`recalls`) when the last list holds none of it, else None."""
    wanted = set(named)
    if not wanted or not recalls(message):
        return None
    if last and wanted & set().union(*(kinds(i) for i in last)):
        return None
    for ids in reversed([list(ids) for ids in lists if ids and list(ids) != list(last)]):
        if wanted & set().union(*(kinds(i) for i in ids)):
            return ids
    return None


def asked_in_past(heard: Any, message: str) -> Any:
    """A question in the past tense about an item pointed at ("and what was the shirt called again, the
    first one", "how much was the second one again?"): a question about it, not a wish for more like it
    ("again" asks for nothing new)."""
    if heard.intent != "more_like" or not heard.references or not recalls(message) or "?" not in message \
            and not re.match(r"\W*(?:and |so |ok |okay |hmm |um )*(?:what|which|how|who|whats|what's)\b", message, re.I):
        return heard
    return heard.model_copy(update={"intent": "ask_about_item", "show_now": False})


#: Words saying the items were shown before ("the red ones you showed", "the white one from before").
_SHOWN_BEFORE = re.compile(
    r"\b(?:you|u) (?:showed|suggested|recommended|had)\b|\bfrom (?:before|earlier)\b|\bearlier\b"
    r"|\bque me (?:mostraste|ense[nñ]aste)\b|\bde antes\b|\bvon vorhin\b|\bvorhin\b|刚才|之前", re.IGNORECASE)


def shown_before(message: str) -> bool:
    """Whether the message says the items it speaks of were shown before ("the red ones you showed")."""
    return bool(_SHOWN_BEFORE.search(message))


def earlier_list_of_value(
    message: str, lists: Sequence[Sequence[str]], last: Sequence[str], values_of: Callable[[str], set[str]],
    named: Iterable[str],
) -> list[str] | None:
    """The newest earlier list whose items are of a value the message names ("the red ones you showed")
    with words of items shown before, when the last list holds none of that value; else None."""
    wanted = set(named)
    if not wanted or not (_SHOWN_BEFORE.search(message) or recalls(message)):
        return None
    if last and wanted & set().union(*(values_of(i) for i in last)):
        return None
    for ids in reversed([list(ids) for ids in lists if ids and list(ids) != list(last)]):
        if wanted & set().union(*(values_of(i) for i in ids)):
            return ids
    return None


#: Words placing items in an earlier list ("from before", "you showed me earlier").
_BACK_WORDS = re.compile(
    r"\s*\b(?:from (?:before|earlier)|(?:that |which )?(?:you|u) (?:showed|suggested|recommended)(?: me| us)?"
    r"(?: (?:before|earlier|first|at first|previously))?|de antes|que me (?:mostraste|enseñaste|ensenaste)"
    r"|von vorhin|von vorher|(?:die|das|den) du (?:mir )?gezeigt hast)\b", re.IGNORECASE)
_ASKS = re.compile(r"\?|\b(?:how much|how long|how big|what|which|who|is|are|does|do|did|was|were|cu[aá]nto|cu[aá]l|qu[eé]"
                   r"|costaba|era|wie|was|welche[rsn]?|ist|war|kostete)\b", re.IGNORECASE)


def without_back_words(reading: str) -> str:
    """A question about an item of the earlier list found ("the white one from before, how much was it")
    without the words placing it there, read against that list as if shown last ("the white one, how
    much was it"); a message asking no question is left as it is ("the ones from before again")."""
    if not _ASKS.search(_BACK_WORDS.sub("", reading)):
        return reading
    stripped = " ".join(_BACK_WORDS.sub("", reading).split())
    return stripped if re.search(r"\w", stripped) else reading


def size_before_type(state: Any, retriever: Any, filters: Any, kept_out: Sequence[str], render: Callable[[str], str],
                     turned_down: bool = True) -> list[str]:
    """When the shopper turned the items shown down (``turned_down``: "nothing good here") and the spec bounds
    in force (``state.specs``, "55 inch") leave no item of the other wishes (``filters``) that was not turned
    down or owned (``kept_out``: the ids left out whether shown or not), but some without the bounds: the
    bounds stop filtering this turn, and the reply's note naming them (``render`` of the bounds' words). The
    bounds stay in force for the turns after; any other turn ("anything cheaper that size?") keeps them."""
    if not turned_down or not state.spec_blocked or not state.specs:
        return []
    blocked = set(state.spec_blocked)
    if retriever.count(filters, kept_out) > 0 or retriever.count(filters, [i for i in kept_out if i not in blocked]) == 0:
        return []
    from chatrec.dialogue import SpecsChecked
    from chatrec.spec_filters import describe

    words = ", ".join(describe(family, low, high) for family, (low, high) in state.specs.items())
    state.apply(SpecsChecked(()))
    return [render(words)]


#: "what about 50 inch then", "how about 2 metres?", "¿y qué tal de 50 pulgadas?", "und wie wäre es mit 50 Zoll",
#: "那50寸的呢": another figure proposed.
_PROPOSED = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|so|hmm+|and|well|then|fine|alright)\W+){0,2}(?:what|how) about\b"
    r"|^\W*(?:y\s+)?(?:¿\s*)?(?:qu[eé] tal|y (?:de|con))\b|^\W*(?:und\s+)?(?:wie w[aä]re es mit|wie waere es mit|was ist mit)\b"
    r"|^\W*那.*的呢\W*$", re.IGNORECASE)
_POINTS = re.compile(r"\b(?:these|those|them|it|this|that one|first|second|third|fourth|fifth|last|same)\b"
                     r"|这个|那个|第[一二三四五1-5]|erste[nrs]?|zweite[nrs]?|primer[oa]?|segund[oa]", re.IGNORECASE)


def figure_proposed(heard: Any, message: str, bounds: Mapping[str, Any]) -> Any:
    """The request as a search when the message proposes a figure ("what about 50 inch then", spec
    ``bounds`` read from it) and points at no shown item; unchanged otherwise."""
    if not bounds or heard.intent not in ("ask_about_item", "compare"):
        return heard
    if not _PROPOSED.search(message) or _POINTS.search(message):
        return heard
    return heard.model_copy(update={"intent": "refine", "references": [], "show_now": True})


_FIGURE = re.compile(r"\d+(?:[.,]\d+)?\s*(?:inch(?:es)?|in\b|\"|''|cm|mm|m\b|metres?|meters?|mah|gb|tb|w\b|watts?|hz|kg|g\b|"
                     r"zoll|pulgadas?|寸|英寸|米)", re.IGNORECASE)


def only_a_figure(thing: str) -> bool:
    """Whether the words a shopper asked for are only a figure with its unit ("50 inch"): a spec, never a
    product the shop does not carry."""
    return bool(_FIGURE.search(thing)) and not re.search(r"[^\W\d_]", _FIGURE.sub(" ", thing))
