"""Shopping gaps round 13 (issue 12, branch i12br): classes the lead found shopping the demos.

- A wish given up in Spanish or German ("da igual el color", "el color me da igual", "cualquier marca",
  "Farbe egal", "egal welche Marke", "jede Farbe geht") drops that field as "any colour is fine" does
  (:func:`given_up_field`); the dialogue drops the field's exclusions with its wishes ("not black", then
  "any colour is fine now": black is no longer kept out; :meth:`chatrec.dialogue.DialogueState._hear`).
- A budget said for one product type does not bind an unrelated type asked next ("phone under 15000", then
  "now a TV"): the new type is searched without it, unless the shopper keeps it ("same budget", "also under
  15000", "同样的预算", "mismo presupuesto", "gleiches Budget"); "same budget" asks for no cheaper items
  (:func:`budget_for_new_type`).

The words are in ``chatrec/data/gaps_round13.json``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from chatrec.word_tables import folded, table

__all__ = ["adjust", "budget_for_new_type", "given_up_field", "keeps_budget", "kept_list", "related_types", "unsized", "hobby_words", "type_not_asked",
           "shown_again"]

_DATA = str(Path(__file__).with_name("data") / "gaps_round13.json")


@functools.lru_cache(maxsize=None)
def _table(name: str) -> Any:
    return table(_DATA)[name]


@functools.lru_cache(maxsize=None)
def _compiled(name: str) -> re.Pattern[str]:
    return re.compile(_table(name), re.IGNORECASE)


def given_up_field(message: str, language: str | None) -> str | None:
    """The English word of the field a Spanish or German message gives up ("da igual el color" -> "colour",
    "Marke egal" -> "brand"), or None."""
    patterns = _table("given_up")
    text = folded(message)
    for lang in ([language] if language in patterns else list(patterns)):
        for source in patterns[lang]:
            found = re.search(source, text)
            if found:
                return str(_table("field_words")[found.group("field")])
    return None


def _field_of(word: str, fields: Sequence[str]) -> str | None:
    from chatrec.understanding import _field_for

    return _field_for(word, fields)


def _given_up(request: Any, message: str, vocabulary: Any, reread: Callable[[str], Any]) -> Any:
    """The request with the field a Spanish or German message gives up dropped; a message with nothing else
    in it is read as the English "any <field> is fine"."""
    word = given_up_field(message, request.language)
    if word is None:
        return request
    field = _field_of(word, list(vocabulary.fields))
    if field is None or field == "price" or field in request.drop or field in request.include:
        return request
    if request.intent in ("chitchat", "off_topic") or not (request.include or request.exclude or request.price):
        heard = reread(f"any {word} is fine")
        if field in heard.drop:
            return heard.model_copy(update={"language": request.language})
    update: dict[str, Any] = {"drop": [*request.drop, field], "show_now": True}
    if request.intent in ("chitchat", "off_topic", "ask_about_item", "compare"):
        update.update(intent="refine", references=[])
    return request.model_copy(update=update)


def keeps_budget(message: str) -> bool:
    """Whether the message keeps the budget in force for what it asks ("same budget", "also under 15000",
    "同样的预算", "mismo presupuesto", "gleiches Budget")."""
    return bool(_compiled("same_budget").search(folded(message)))


def _heads(value: str) -> set[str]:
    """A type value's head word and its whole name, lower case, without a plural s ("SmartTelevisions" ->
    television, smarttelevision)."""
    words = re.findall(r"[a-z]+", re.sub(r"(?<=[a-z])(?=[A-Z])", " ", value).lower())
    if not words:
        return set()
    return {w.rstrip("s") for w in (words[-1], "".join(words))}


def related_types(new: Sequence[str], current: Sequence[str]) -> bool:
    """Whether two lists of type values are of one kind: a value shared, a head word shared ("SmartTelevisions",
    "StandardTelevisions"), or one name inside the other ("Tshirts", "Shirts")."""
    if set(new) & set(current):
        return True
    ones = {h for v in new for h in _heads(v)}
    others = {h for v in current for h in _heads(v)}
    return bool(ones & others) or any(a in b or b in a for a in ones for b in others if min(len(a), len(b)) >= 4)


def budget_for_new_type(request: Any, message: str, context: Any, type_names: Sequence[str]) -> Any:
    """A new product type unrelated to the one in force, asked with no budget of its own ("now a TV" after
    "phone under 15000"): the budget of the earlier type is dropped, unless the message keeps it ("same
    budget", "同样的预算"); "same budget" asks for no cheaper items. Stop 56: on, since going back to the earlier
    type ("back to the phones") puts its wishes back with their budget (:func:`chatrec.person_recall.wishes_with`)."""
    keep = keeps_budget(message)
    if keep and request.relative_price == "cheaper" and not _compiled("cheaper_words").search(folded(message)):
        request = request.model_copy(update={"relative_price": None})
    if keep or request.intent != "recommend" or request.price is not None or request.relative_price \
            or "price" in request.drop:
        return request
    current: Mapping[str, Sequence[str]] = getattr(context, "current", None) or {}
    fields = [name for name in type_names if request.include.get(name) and current.get(name)]
    if not fields:
        return request
    if any(related_types([str(v) for v in request.include[name]], [str(v) for v in current[name]]) for name in fields):
        return request
    return request.model_copy(update={"drop": [*request.drop, "price"]})


def adjust(request: Any, message: str, context: Any, vocabulary: Any, reread: Callable[[str], Any]) -> Any:
    """This round's reading step, in :func:`chatrec.understanding.understand`'s tail: a wish given up in
    Spanish or German (:func:`_given_up`), a budget that stays with its type (:func:`budget_for_new_type`)."""
    from chatrec.understanding import type_fields

    request = _given_up(request, message, vocabulary, reread)
    return budget_for_new_type(request, message, context, ["category", *type_fields(list(vocabulary.fields))])


def kept_list(heard: Any, owned_note: str | None, shown: bool) -> Any:
    """A statement about a device someone has that changes no wish ("he has a samsung phone" while speakers
    are shown; :func:`chatrec.gaps_round12.owned_context` wrote its note): the list shown stays, the same
    items in the same order, as "show me those again" keeps it."""
    if not owned_note or not shown or heard.intent not in ("recommend", "refine", "answer"):
        return heard
    if any(heard.include.values()) or any(heard.exclude.values()) or heard.price is not None or heard.drop \
            or heard.avoid_words or heard.relative_price or heard.references:
        return heard
    return shown_again(heard)


def shown_again(heard: Any) -> Any:
    """The request as "show me those again": the list shown stays, the same items in the same order, nothing searched
    (a device someone has, stop 57: a price on a catalogue without prices, a product the shop does not sell)."""
    return heard.model_copy(update={"intent": "show_again", "show_now": True, "query": ""})


def unsized(message: str) -> str:
    """The message without the clothing or shoe sizes it says ("running shoes size 9" -> "running shoes",
    "zapatillas talla 42" -> "zapatillas"): what is left names the product, to say whether the shop sells it."""
    from chatrec.gaps_round12 import sizes_said

    out = message
    for size in sizes_said(message):
        out = re.sub(r"\s*".join(re.escape(part) for part in size.split()), " ", out, flags=re.IGNORECASE)
    if sizes_said(out):  # written with letters the folding changes ("Größe 44"): the folded message
        out = folded(message)
        for size in sizes_said(message):
            out = out.replace(size, " ")
    out = re.sub(r"\s+", " ", out).strip()
    return out if re.search(r"[^\W\d_]", out) else message


def _liking_clauses(text: str) -> list[str]:
    """The clauses of the text that say what someone likes ("she loves old songs", "le encanta la música",
    "他喜欢听老歌"): the liking word and up to four words after it, folded."""
    from chatrec.hobbies import _compiled as hobby_patterns

    likes, _ = hobby_patterns()
    folded_text = folded(text)
    out: list[str] = []
    for pattern in likes.values():
        for found in pattern.finditer(folded_text):
            rest = folded_text[found.end():]
            tail = re.match(r"(?:\s*(?!(?:but|and|or|so|wants?|needs?|with|for|i|he|she|they|pero|y|aber|und)\b)[^\W_]+){0,4}", rest)
            cjk = re.match(r"[\u3400-\u9fff]{0,6}", rest.lstrip())
            out.append(found.group(0) + (tail.group(0) if tail else "") + (cjk.group(0) if cjk else ""))
    return out


def hobby_words(text: str) -> set[str]:
    """The words of what someone likes, said only there ("she loves old songs": loves, love, old, songs, song):
    no feature of an item a reason may credit. A word said again elsewhere is not one."""
    clauses = _liking_clauses(text)
    if not clauses:
        return set()
    inside = {w for clause in clauses for w in re.findall(r"[^\W_]+", clause)}
    outside = folded(text)
    for clause in clauses:
        outside = outside.replace(clause, " ")
    words = inside - set(re.findall(r"[^\W_]+", outside))
    return words | {w[:-1] for w in words if w.endswith("s") and len(w) > 3}


def type_not_asked(facts: Sequence[Any], category: str | None, text: str, wished: set[str]) -> list[Any]:
    """The facts with the type no longer marked as asked for when it was inferred from a pastime ("she loves old
    songs" -> headphones) and the shopper never named it: a reason does not say "the type you asked for"."""
    from dataclasses import replace

    from chatrec.hobbies import hobbies_said

    if not category or not any(f.kind == "type" and f.matched for f in facts):
        return list(facts)
    types = {t for lang in ("en", "es", "de", "zh") for t in hobbies_said(text, lang)}
    if category not in types:
        return list(facts)
    words = [w for w in re.findall(r"[a-z]+", re.sub(r"(?<=[a-z])(?=[A-Z])", " ", category).lower()) if len(w) > 1]
    head = words[-1].rstrip("s") if words else ""
    if not head or any(head in w for w in wished):
        return list(facts)
    return [replace(f, matched=False) if f.kind == "type" else f for f in facts]
