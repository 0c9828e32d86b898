"""Shopping gaps round 12 (issue 12, branch i12bm): classes the lead found shopping the demos.

- Someone having a device of a catalogue brand ("he has a samsung phone", "she uses an iphone", "mi padre
  tiene un samsung", "er hat ein iPhone", "我老公用的是华为手机") is context, not a wish: while the type in
  force does not fit devices (speakers, earphones, smartwatches, TVs) the make is no brand wish and no
  device to fit, and the reply says briefly that the wishes stay (:func:`owned_context`). For a type
  whose titles name the devices they fit (cases, covers, protectors, chargers, cables) the make stays
  the device to fit, as :func:`chatrec.batch15_fixes.owned_makes` reads it. A reason never says the
  make of a device had was asked for (:func:`owned_words`, used by :func:`chatrec.grounding.facts_for`).
- Clothing and shoe sizes ("size 9", "uk 8", "size M", "XL", "talla 42", "Größe 44", "42码", "L码") are no
  title words: on a catalogue with no size field a turn searches without them, so "Nike Dart 9" is not
  found for "size 9" (:func:`without_sizes`; the reading keeps them in its search text), and the reply
  says the shop lists no sizes (:func:`size_note`).
- "Something cheaper" when every item fitting the wishes was seen: the reply names the cheapest that fits
  (its name and price) and offers to drop a wish, and the budget stays as it was, instead of "you have
  already seen every item" over a list capped below the items shown (:func:`cheapest_seen`,
  :func:`drop_offer`). A wish that fails next ("in grey?") is said alone, with the budget outside the
  noun phrase ("None of the Laptop sleeves & slipcases I have (<= 298 INR) says “grey”",
  :func:`without_note`; the prompts' ``wanted_none`` takes the ``budget``).
- A pointing word said when nothing is shown yet ("show me the third in black", "the first one but in blue",
  "enséñame la tercera en negro", "das erste aber in blau", "第三个有黑色的吗"): the other wishes are read
  without it and shown at once (:func:`adjust`), and the reply says nothing has been shown yet
  (:func:`pointing_note`), instead of "I found nothing called 'third'" or the category question again.
- An answer about a shown item quotes the shopper's word in the shopper's language ("¿la segunda tiene
  tacón?": «tacón», not «heels»; "hat die zweite Absatz?": „Absatz“; "第二个有跟吗": “有跟”): the
  lexicon's phrase for the asked word that the question holds, as written there (:func:`word_in_question`,
  used by :func:`chatrec.answers._said`).

The words are in ``chatrec/data/gaps_round12.json``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from chatrec.word_tables import folded, table

__all__ = ["adjust", "without_sizes", "as_written", "word_in_question", "pointer_said", "pointing_note", "cheapest_seen", "drop_offer", "without_note", "size_note", "sizes_said", "fits_devices", "owned_context", "owned_device", "owned_words"]

_DATA = str(Path(__file__).with_name("data") / "gaps_round12.json")


@functools.lru_cache(maxsize=None)
def _table(name: str) -> Any:
    return table(_DATA)[name]


def _words(value: str) -> list[str]:
    """A catalogue value's words, lower case: "RemoteControls" -> remote, controls; "USBCables" -> usb, cables."""
    spaced = re.sub(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", value)
    return re.findall(r"[a-z]+", spaced.lower())


def fits_devices(type_value: str) -> bool:
    """Whether items of this product type are bought for a device, their titles naming the devices they
    fit (cases, covers, screen protectors, chargers, cables, remotes), by the type's words."""
    fit = set(_table("owned_device")["fit_types"])
    words = _words(type_value)
    return bool(fit & set(words)) or "".join(words) in fit


def owned_device(message: str, makes: Sequence[str]) -> bool:
    """Whether the message says someone has a device of one of ``makes`` or a device word of the table
    ("he has a samsung phone", "我老公用的是华为手机"), and does not ask for something for it ("a case for
    his samsung")."""
    from chatrec.understanding import asks_the_shop

    entry = _table("owned_device")
    if asks_the_shop(message):  # stop 57: "do you have laptops?" asks the shop, owns none
        return False
    if any(re.search(cue, message, re.IGNORECASE) for cue in entry["fit_cues"]):
        return False
    said = "|".join(re.escape(w) for w in sorted({*makes, *entry["devices"]}, key=len, reverse=True))
    return any(re.search(f"{cue}(?:{said})", message, re.IGNORECASE) for cue in entry["cues"])


def owned_context(
    heard: Any, makes: Sequence[str], message: str, include: Mapping[str, Sequence[str]], type_names: Sequence[str],
    language: str | None,
) -> tuple[Any, list[str], list[str], str | None]:
    """The request, the makes an item must fit, the makes dropped and a note, after a device someone has is
    said while a type that fits no device is sought ("speaker under 3000", then "he has a samsung phone"):
    the makes are dropped (no device to fit, no brand wish, no search word), a brand wish equal to them and
    the device's own type too ("我老公用的是华为手机" is no wish for phones), and the note acknowledges the statement. A type
    that fits devices (cases, chargers), no type in force, or a wish for the device ("a case for his
    samsung") keep everything as read."""
    types = [v for name in type_names for v in include.get(name) or ()]
    if heard.intent in ("ask_about_item", "compare"):  # stop 42: "la segunda, ¿tiene wifi?" asks of a shown item
        return heard, list(makes), [], None
    if not types or any(fits_devices(str(v)) for v in types) or not owned_device(message, makes):
        return heard, list(makes), [], None
    said = {m.casefold() for m in makes}
    kept = {k: [v for v in vs if not (k == "brand" and str(v).casefold() in said)] for k, vs in heard.include.items()
            if k not in type_names or set(vs) <= set(include.get(k) or ())}
    update: dict[str, Any] = {"include": {k: vs for k, vs in kept.items() if vs}, "query": ""}
    if update["include"] != dict(heard.include) and heard.intent == "recommend":
        update["intent"] = "refine"
    heard = heard.model_copy(update=update)
    notes = _table("owned_device")["note"]
    return heard, [], list(makes), str(notes.get(language or "en", notes["en"]))


def owned_words(text: str) -> set[str]:
    """The words said only right after a cue of having a device ("he has a samsung phone": a, samsung, phone;
    "我老公用的是华为手机": 华为手机), lower case: no brand a reason may say was asked for. A word said again
    elsewhere ("he has a samsung phone, I want samsung earbuds") is no such word."""
    spans: list[tuple[int, int]] = []
    for cue in _table("owned_device")["cues"]:
        for found in re.finditer(f"{cue}(?:[^\\W_]+(?:[ -][^\\W_]+){{0,2}})", text, re.IGNORECASE):
            spans.append(found.span())
    if not spans:
        return set()
    inside = {w.lower() for start, end in spans for w in re.findall(r"[^\W_]+", text[start:end])}
    outside = text
    for start, end in sorted(spans, reverse=True):
        outside = outside[:start] + " " + outside[end:]
    return inside - {w.lower() for w in re.findall(r"[^\W_]+", outside)}


def sizes_said(message: str) -> list[str]:
    """The clothing or shoe sizes the message says, folded as matched ("size 9", "talla 42", "grosse 44", "42码")."""
    text = folded(message)
    found = [(m.start(), m.group(0).strip()) for p in _table("sizes")["patterns"] for m in re.finditer(p, text)]
    spans: list[str] = []
    for _, said in sorted(found):
        if not any(said in other for other in spans):
            spans = [other for other in spans if other not in said] + [said]
    return spans


def _lists_sizes(fields: Sequence[str]) -> bool:
    """Whether a catalogue field holds clothing sizes ("size", "shoe_size"; not "screen_size")."""
    return any("size" in name.lower() and "screen" not in name.lower() for name in fields)


def adjust(request: Any, message: str, context: Any, vocabulary: Any, reread: Callable[[str], Any]) -> Any:
    """This round's reading step (the last of :func:`chatrec.understanding.understand`): a pointing word with
    nothing shown leaves the request to its other wishes (:func:`unshown_pointer`)."""
    return unshown_pointer(request, message, context, reread)


def without_sizes(request: Any, message: str, fields: Sequence[str]) -> Any:
    """The request to search with on a catalogue with no size field: the sizes said ("running shoes size 9",
    "talla 42", "42码") out of its search words. The reading keeps them (``understand`` reports what was
    said); a turn does not look for them in titles, where "9" finds "Nike Dart 9"."""
    sizes = sizes_said(message)
    if not sizes or _lists_sizes(fields) or not request.query:
        return request
    said = {w for size in sizes for w in re.findall(r"[a-z0-9.]+", size)} | {"size", "talla", "grosse"}
    query = " ".join(w for w in request.query.split() if w not in said)
    return request.model_copy(update={"query": query}) if query != request.query else request


def pointer_said(message: str) -> str | None:
    """The pointing word of the message ("the third", "la tercera", "das erste", "第三个"), folded, or None."""
    text = folded(message)
    for pattern in _table("pointing_unshown")["patterns"]:
        found = re.search(pattern, text)
        if found:
            return found.group(0).strip()
    return None


def unshown_pointer(request: Any, message: str, context: Any, reread: Callable[[str], Any]) -> Any:
    """"show me the third in black" with nothing shown: the request of the message without the pointing
    word (black ones, shown at once), with no reference and no pointing word to search for. A message with
    no other wish is left as read (the reply says nothing was shown)."""
    pointer = pointer_said(message)
    if pointer is None or getattr(context, "shown", None):
        return request
    original = request
    if request.intent == "compare" or request.relative_price:
        return request  # "what's cheaper, the first or the second one?" stays a question
    asked = request.intent == "ask_about_item"
    if not any(request.include.values()) or request.intent in ("ask_about_item", "more_like"):
        text = folded(message)
        request = reread(text.replace(pointer, " ", 1)).model_copy(update={"language": request.language})
    if not any(request.include.values()) or asked and not all("colo" in name.lower() for name in request.include):
        return original  # "is the second one waterproof?" asks about an item, shown or not; "第三个有黑色的吗" wants black
    words = set(_table("pointing_unshown")["words"])
    intent = request.intent if request.intent in ("recommend", "refine", "answer") else \
        "refine" if getattr(context, "searching", False) else "recommend"
    return request.model_copy(update={"intent": intent, "show_now": True, "references": [],
                                      "query": " ".join(w for w in request.query.split() if w not in words)})


def pointing_note(message: str, shown: Sequence[Any], heard: Any, language: str | None) -> str | None:
    """The reply's words for a pointing word said with nothing shown ("I have not shown you anything yet, so
    there is no “the third” to point at; ..."), in the shopper's language, when other wishes are read; else None."""
    pointer = pointer_said(message)
    if pointer is None or shown or not any(heard.include.values()):
        return None
    notes = _table("pointing_unshown")["note"]
    return str(notes.get(language or "en", notes["en"]).format(pointer=pointer))


def size_note(message: str, fields: Sequence[str], language: str | None) -> str | None:
    """The reply's words for a size said on a catalogue with no size field ("The shop does not list sizes,
    so I cannot choose by “size 9”; ..."), in the shopper's language; None when no size is said or the
    catalogue lists sizes."""
    sizes = sizes_said(message)
    if not sizes or _lists_sizes(fields):
        return None
    notes = _table("sizes")["note"]
    shown = [re.sub(r"\b(?:x{0,3}[sml]|[2-5]?xl|uk|us|eu)\b|(?<![a-z])(?:x{0,3}[sml]|[2-5]?xl)(?=码)", lambda m: m.group(0).upper(),
                    size.replace("grosse", "Größe")) for size in sizes]
    return str(notes.get(language or "en", notes["en"]).format(size=", ".join(shown)))


def cheapest_seen(heard: Any, exhausted: bool, relaxed: Sequence[Any], seen: Sequence[Any]) -> Any | None:
    """The cheapest of the items seen that still fit (``seen``), when the shopper asked for something
    cheaper (no figure) and every item fitting the wishes was seen (``exhausted``, nothing ``relaxed``);
    None otherwise."""
    if heard.relative_price != "cheaper" or heard.price is not None or not exhausted or relaxed:
        return None
    priced = [i for i in seen if i is not None and getattr(i, "price", None) is not None]
    return min(priced, key=lambda i: float(i.price)) if priced else None


def drop_offer(language: str | None) -> str:
    """The offer to drop a wish after the cheapest that fits was named, in the shopper's language."""
    offers = _table("cheaper_at_bottom")["offer"]
    return str(offers.get(language or "en", offers["en"]))


def without_note(notes: list[str], note: str) -> None:
    """Take ``note`` out of ``notes`` (in place): a failed wish says it alone, not after "you have already
    seen every item"."""
    notes[:] = [n for n in notes if n != note]


def word_in_question(word: str, language: str, question: str) -> str | None:
    """The shopper's own words in ``question`` for the English ``word`` an answer quotes ("heels" in "¿la
    segunda tiene tacón?" -> "tacón", in "第二个有跟吗" -> "有跟"), as written there: the longest phrase of the
    lexicon's table for ``language`` that stands for the word and that the question holds; None if none."""
    from chatrec.language import Lexicon, _plain, fold

    entries = Lexicon.default().entries.get(language) or {}
    wanted = _plain(fold(word))
    folded_question = fold(question)
    found: str | None = None
    for phrase, words in entries.items():
        if _plain(words) != wanted or found is not None and len(phrase) <= len(found):
            continue
        if language == "zh" and phrase in folded_question or language != "zh" and re.search(
                rf"(?<!\w){re.escape(phrase)}(?!\w)", folded_question):
            found = phrase
    if found is None and language == "de":  # lead, stop 38: "langärmelig", "Brusttasche": a compound holds the phrase
        return _compound_holding(wanted, entries, question)
    return None if found is None else as_written(found, question)


def _compound_holding(wanted: str, entries: dict[str, str], question: str) -> str | None:
    """The German word of ``question`` that holds a phrase of the lexicon standing for ``wanted``, as written."""
    from chatrec.language import _plain, fold

    best: tuple[str, str] | None = None
    question_words = re.findall(r"[^\W\d_]+", question)
    for phrase, english in entries.items():
        if _plain(english) != wanted or len(phrase) < 4 or " " in phrase or best is not None and len(phrase) <= len(best[0]):
            continue
        held = next((w for w in question_words if phrase in fold(w) and fold(w) != phrase), None)
        if held is not None:
            best = (phrase, held)
    return None if best is None else best[1]


def as_written(phrase: str, question: str) -> str:
    """``phrase`` (folded) as the question writes it ("tacon" -> "tacón", "absatz" -> "Absatz"): the span of the
    question that folds to it, else the phrase."""
    from chatrec.language import fold

    if len(fold(question)) == len(question):
        start = fold(question).find(phrase)
        if start >= 0:
            return question[start:start + len(phrase)]
    words = re.findall(r"[^\W_]+", question)
    size = len(phrase.split())
    for n in range(len(words) - size + 1):
        if fold(" ".join(words[n:n + size])) == phrase:
            return " ".join(words[n:n + size])
    return phrase
