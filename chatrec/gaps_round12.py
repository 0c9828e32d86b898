"""Shopping gaps round 12 (issue 12, branch i12bm): classes the lead found shopping the demos.

- Someone having a device of a catalogue brand ("he has a samsung phone", "she uses an iphone", "mi padre
  tiene un samsung", "er hat ein iPhone", "我老公用的是华为手机") is context, not a wish: while the type in
  force does not fit devices (speakers, earphones, smartwatches, TVs) the make is no brand wish and no
  device to fit, and the reply says briefly that the wishes stay (:func:`owned_context`). For a type
  whose titles name the devices they fit (cases, covers, protectors, chargers, cables) the make stays
  the device to fit, as :func:`chatrec.batch15_fixes.owned_makes` reads it. A reason never says the
  make of a device had was asked for (:func:`owned_words`, used by :func:`chatrec.grounding.facts_for`).

The words are in ``chatrec/data/gaps_round12.json``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from chatrec.word_tables import table

__all__ = ["fits_devices", "owned_context", "owned_device", "owned_words"]

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
    entry = _table("owned_device")
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
