"""Shopping gaps round 11 (issue 12, branch i12bk): batch 16's strict xfails and the lead's gaps, by class.

- A size word is a size wish ("a smart one, nothing huge", "small", "compact", "不要太大", "nicht zu groß",
  "no muy grande"): the big word refused is no word of a name to keep out, "small" joins the search words,
  and a product type with a size wish is specific enough to show (:func:`size_wish`).
- A vague "X thing" names the product type whose item names say X most ("the wifi thing for the desktop"
  -> Wi-Fi adapters, "the charging thing", "das Bluetooth-Ding", "la cosa del wifi") when the message
  names no type (:func:`thing_type`).
- A typo of a product type in a Spanish or German message ("jeens fur herren"): a short word of no
  language the lexicon knows is corrected to the catalogue's type word as an English message's is
  (:func:`foreign_type_typo`).

The words are in ``chatrec/data/gaps_round11.json``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from chatrec.word_tables import folded, pattern, table

__all__ = ["adjust", "foreign_type_typo", "fitting_count", "is_brand", "modifier_type", "named_wish_left_out", "seen_fitting", "size_wish", "thing_type", "type_of_word"]

_DATA = str(Path(__file__).with_name("data") / "gaps_round11.json")
_TITLE_WORDS = 8  # the words of a name that say what the item is, before its details
_SHOWABLE = ("recommend", "refine")
#: Words before "thing" that say nothing of what it is ("that thing", "the little thing").
_NOT_FEATURE = frozenset("the a an that this some any one little big small other same new old whole my your his her our their its my whose which what no not".split())


def _types(request: Any, vocabulary: Any) -> list[str]:
    """The product types the request names (any type field)."""
    from chatrec.understanding import type_fields

    fields = {"category", *type_fields(list(getattr(vocabulary, "fields", []) or []))}
    return [v for name, values in request.include.items() if name in fields for v in values]


def size_wish(request: Any, message: str) -> Any:
    """A wish for a small item read as one: the big word refused leaves the words to keep out, "small"
    joins the search words, and with a product type named it is shown at once."""
    said = pattern(_DATA, "size_wish", request.language)
    text = folded(message)
    if said is None or not said.search(text) or request.intent not in _SHOWABLE:
        return request
    big = set(table(_DATA)["big_words"])
    avoid = [w for w in request.avoid_words if w not in big]
    query = request.query if re.search(r"\bsmall\b", request.query) else f"{request.query} small".strip()
    update: dict[str, Any] = {"avoid_words": avoid, "query": query}
    if request.include:
        update["show_now"] = True
    return request.model_copy(update=update)


def type_of_word(word: str, items: Any) -> list[str]:
    """The categories whose item names say ``word`` in their first words most (those with at least half
    the top count, three at most); [] when no name says it."""
    counts: Counter[str] = Counter()
    plain = word.replace("-", "")
    for item in items:
        head = re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)?", folded(str(getattr(item, "title", ""))))[:_TITLE_WORDS]
        if word in head or plain in {w.replace("-", "") for w in head}:
            counts[str(getattr(item, "category", ""))] += 1
    if not counts:
        return []
    top = counts.most_common(1)[0][1]
    return [name for name, count in counts.most_common(3) if name and count * 2 >= top]


def thing_type(request: Any, message: str, vocabulary: Any, reread: Callable[[str], Any]) -> Any:
    """"the wifi thing", "das Bluetooth-Ding", "la cosa del wifi": the types whose names say the word,
    when the message names none."""
    said = pattern(_DATA, "thing_words", request.language)
    text = folded(message)
    found = said.search(text) if said is not None else None
    if found is None or _types(request, vocabulary) or request.intent not in (*_SHOWABLE, "chitchat"):
        return request
    word = table(_DATA).get("thing_aliases", {}).get(found.group("word"), found.group("word"))
    items = getattr(vocabulary, "_typed_items", None)
    if word in _NOT_FEATURE or len(word) < 3 or not items:
        return request
    kinds = type_of_word(word, items)
    if not kinds:
        return request
    new = reread(text[:found.start()] + f" {word} " + text[found.end():])
    include = {k: v for k, v in new.include.items() if k not in ("category",)}
    include["category"] = kinds
    return new.model_copy(update={"intent": "recommend", "include": include, "language": request.language})


def foreign_type_typo(request: Any, message: str, vocabulary: Any, reread: Callable[[str], Any]) -> Any:
    """"jeens fur herren": a word of a Spanish or German message that no lexicon knows, one typo from a
    product type's word, is that word; the message is read again with it."""
    if request.language not in ("es", "de") or _types(request, vocabulary) or request.intent not in _SHOWABLE:
        return request
    from chatrec.language import Lexicon
    from chatrec.shopper_moves import load_occasions
    from chatrec.understanding import _is_word, type_fields

    own = Lexicon.default().words(request.language)
    known = set(getattr(vocabulary, "value_words", frozenset()))
    fields = frozenset({"category", *type_fields(list(getattr(vocabulary, "fields", []) or []))})
    text = folded(message)
    for found in re.finditer(r"[a-z]{4,}", text):
        word = found.group(0)
        if word in own or word in known or _is_word(word) or any(p.fullmatch(word) for p, _ in load_occasions()):
            continue  # lead, stop 33: "para la boda" is a wedding, no typo of "body"
        single = word[:-1] if word.endswith("s") else word
        fixed = vocabulary.correct([single])
        if len(fixed) == 1 and fixed[0] != single and vocabulary.names_value(fixed, fields):
            again = reread(text[:found.start()] + fixed[0] + text[found.end():])
            return again if _types(again, vocabulary) else request
    return request


def adjust(request: Any, message: str, context: Any, vocabulary: Any, reread: Callable[[str], Any]) -> Any:
    """This round's reading steps, in order (the last step of :func:`chatrec.understanding.understand`)."""
    request = foreign_type_typo(request, message, vocabulary, reread)
    request = thing_type(request, message, vocabulary, reread)
    request = modifier_type(request, message, vocabulary)
    return size_wish(request, message)


def named_wish_left_out(relaxed: Sequence[str], forced: Sequence[str], named_now: Iterable[str]) -> bool:
    """Whether a wish said now would be left out only because its items were all shown ("¿tienes en rosa?",
    "not catwalk" after an occasion the catalogue could not meet was left out): more is left out than the
    catalogue forces (``forced``), and the shopper named a wish this turn. Then the items fitting all but the
    forced wishes are shown again, seen or not, never a list that leaves out what was just asked for."""
    return bool(list(named_now)) and len(relaxed) > len(forced)


def seen_fitting(index: Any, shown: Sequence[str], mask: Any, keep: Callable[[list[Any]], list[Any]],
                 notes: list[str], note: str) -> list[Any]:
    """"not catwalk" when every item left after the words refused was shown already: those shown that fit
    the search and ``keep`` (the words refused), most recent first, and ``note`` ("you have already seen
    every item that fits") added to ``notes``; [] when none fits."""
    from chatrec.retrieval import Candidate

    found = [Candidate(item=index.get(i), score=-float(n + 1)) for n, i in enumerate(dict.fromkeys(reversed(shown)))
             if i in index and (mask is None or mask[index.position(i)])]
    kept = keep(found)
    if kept:
        notes.append(note)
    return kept


def fitting_count(specs: Mapping[str, Sequence[float | None]], retriever: Any, filters: Any, exclude_ids: Any) -> int:
    """How many items fit the filters and the spec bounds in force ("便宜一点的" after 43-inch TVs: the
    cheaper ones of 43 inches, not cheaper 32-inch ones); a bound no item states is not counted against."""
    from chatrec.spec_filters import check

    count = retriever.count(filters, exclude_ids)
    bounds = {family: (pair[0], pair[1]) for family, pair in specs.items() if tuple(pair) != (None, None)}
    if not count or not bounds:
        return count
    result = check(retriever.index, bounds, retriever.allowed(filters, exclude_ids))
    if result.unreached:
        return 0
    return count if result.unlisted else count - len(result.blocked)


def _value_words(value: str) -> set[str]:
    """The words of a catalogue value, singular ("StreamingClients" -> {"streaming", "client"})."""
    words = re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])", value)
    return {w.lower()[:-1] if w.lower().endswith("s") and len(w) > 3 else w.lower() for w in words}


def modifier_type(request: Any, message: str, vocabulary: Any) -> Any:
    """"a streaming stick": a type matched by its head word alone ("stick" of SelfieSticks) when the word
    before it names another type ("streaming" of StreamingClients) is that other type; a device word names
    what the item is for ("a phone case" stays a case, not PhoneCharms)."""
    kinds = [v for v in request.include.get("category", [])]
    if not kinds or request.intent not in _SHOWABLE:
        return request
    said = [w[:-1] if w.endswith("s") and len(w) > 3 else w for w in re.findall(r"[a-z]+", folded(message))]
    for kind in kinds:
        words = _value_words(kind)
        heard = [n for n, w in enumerate(said) if w in words]
        if len(words) < 2 or len(heard) != 1 or len(words & set(said)) != 1:
            continue  # a type of one word ("Shirts" of "formal shirt") was said in full
        at = heard[0]
        before = said[at - 1] if at > 0 else ""
        after = said[at + 2] if at + 2 < len(said) and said[at + 1] in ("de", "del", "para") else ""  # "un stick de streaming"
        for word in (before, after):
            others = [v for v in getattr(vocabulary, "counts", {}).get("category", {}) if v != kind
                      and len(word) >= 4 and word in _value_words(v) and word not in table(_DATA)["device_words"]]
            if len(others) == 1:
                include = {**request.include, "category": [others[0] if k == kind else k for k in kinds]}
                return request.model_copy(update={"include": include})
    return request


def is_brand(name: str) -> bool:
    """Whether a brand field's value is a brand: not a plain word of a name that a catalogue deriving the
    brand from the name's first word filed as one ("Milk" of "Milk Frother", "Personal" of "Personal Size
    Blender")."""
    return bool(name.strip()) and name.strip().lower() not in set(table(_DATA)["not_brands"])
