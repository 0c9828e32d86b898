"""Whether a shown item connects to a device the shopper has (issue 12, lead, stop 33).

"Can it connect to my phone?", "does the second work with an iphone?", "第三个能连手机吗", "¿el tercero
funciona con iphone?", "kann ich den zweiten mit meinem Handy verbinden?" were answered "the catalogue data
does not say anything about “connect phone”" for Bluetooth speakers whose names say "Wireless Bluetooth",
and "can I pair it with my laptop" showed laptops. The answer is read from the item's own words
(``chatrec/data/connect_questions.json``): a device named after "compatible with" / "for", else Bluetooth
(it pairs with any such device that has Bluetooth), else a USB receiver or 2.4 GHz link (stop 67: wireless, through a
USB port; it was answered "by cable"), else a cable (AUX, USB, HDMI); the words are quoted. A device listed with slashes
("Pc/Mac/Laptop") is named.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = ["answer", "as_question", "asked_device"]

_DATA = Path(__file__).with_name("data") / "connect_questions.json"
_LANGUAGES = ("en", "zh", "es", "de")


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    table: dict[str, Any] = json.loads(_DATA.read_text(encoding="utf-8"))
    return table


@lru_cache(maxsize=64)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def asked_device(message: str, language: str = "en") -> str | None:
    """The device a question asks the item to connect to ("phone", "iphone", "laptop", "computer", "tv",
    "tablet", "car"), or None when the message asks no such thing. The shopper's language is read first,
    then English (a device word such as "iPhone" or "PC" is often said in English)."""
    table = _table()
    text = message.lower()
    languages = [language] if language in _LANGUAGES else []
    languages += [code for code in ("en",) if code not in languages]
    if not any(_compiled(table["asks"][code]).search(text) for code in languages):
        return None
    for code in languages:
        # the most specific device first: "iphone" before "phone"
        for device in ("iphone", "laptop", "tablet", "tv", "car", "phone", "computer"):
            if _compiled(table["devices"][device][code]).search(text):
                return device
    return None


def _quoted(text: str, match: re.Match[str]) -> str:
    """The matched words with the word before them when it is "wireless" ("Wireless Bluetooth")."""
    before = text[:match.start()].split()
    head = before[-1] if before and before[-1].lower().strip(",(") in {"wireless", "portable"} else ""
    return f"{head.strip(',(')} {match.group(0)}".strip()


#: Devices listed with slashes ("Pc/Mac/Laptop", "Windows / Mac"): each one is named as what the item works with.
_LISTED = re.compile(r"[A-Za-z][\w.-]*(?:\s?/\s?[A-Za-z][\w.-]*)+")


def _evidence(item: Any, device: str) -> tuple[str, str, str] | None:
    """``(kind, where, words)``: how the item's name or description says it connects to ``device``."""
    table = _table()
    sources = [("name", str(getattr(item, "title", "") or "")), ("description", str(getattr(item, "description", "") or ""))]
    named, cue = _compiled(table["named"][device]), _compiled(table["compatible"])
    for where, text in sources:
        for match in named.finditer(text):
            lead = text[max(0, match.start() - 40):match.start()]
            cues = list(cue.finditer(lead))
            if cues:
                start = max(0, match.start() - 40) + cues[-1].start()
                return "named", where, text[start:match.end()].strip()
            listed = next((m for m in _LISTED.finditer(text)  # stop 67: "Pc/Mac/Laptop" names the device
                           if m.start() <= match.start() and match.end() <= m.end()), None)
            if listed is not None:
                return "named", where, listed.group(0)
    for kind, evidence in (("bluetooth", "bluetooth"), ("receiver", "receiver"), ("receiver", "radio"),
                             ("cable", "cable"), ("cable", "wired")):
        pattern = _compiled(table["evidence"][evidence])  # a named connector ("3.5mm", "Type-C") before "wired"
        for where, text in sources:
            found = pattern.search(text)
            if found:
                return kind, where, _quoted(text, found)
    return None


def answer(question: str, items: Sequence[Any], positions: Sequence[int], language: str = "en") -> Any:
    """The answer (:class:`chatrec.answers.Answer`) to a question whether ``items`` connect to a device,
    or None when the question asks no such thing."""
    from chatrec.answers import Answer, _short_title

    device = asked_device(question, language)
    if device is None or not items or re.search(r"\d", question):
        return None  # a model ("my iphone 13", "galaxy s21") is chatrec.compatible's to read
    code = language if language in _LANGUAGES else "en"
    wording = _table()["answers"][code]
    name = _table()["device_names"][device][code]
    lines: list[str] = []
    said = False
    cable = _compiled(_table()["evidence"]["audio_cable"])
    found_all = [_evidence(item, device) for item in items]
    if len(items) > 2 and all(f is not None and f[0] == "bluetooth" and f[1] == "name" for f in found_all):
        return Answer(wording["all_bluetooth"].format(count=len(items), device=name), "attribute", list(positions), True)
    for item, found in zip(items, found_all):
        title = _short_title(item)
        if found is None:
            lines.append(wording["none"].format(title=title, device=name))
            continue
        kind, where, words = found
        said = True
        line = wording[kind].format(title=title, where=wording["where"][where], found=words, device=name)
        if kind == "bluetooth":
            wire = cable.search(str(getattr(item, "title", "") or ""))
            if wire:
                line += wording["also_cable"].format(found=wire.group(0))
        lines.append(line)
    separator = "" if code == "zh" else " "
    return Answer(separator.join(lines), "attribute", list(positions), said)


_POINTING = {
    "en": r"\b(?:it|its|them|these|those|this one|that one|the (?:first|second|third|fourth|fifth|last|\d)(?:st|nd|rd|th)?)\b",
    "zh": r"(?:它|这个|那个|这些|那些|这款|那款|第[一二三四五六七八九十\d]+个?|最后一个)",
    "es": r"\b(?:lo|la|los|las|este|esta|estos|estas|ese|esa|esos|esas|el (?:primero|segundo|tercero|cuarto|quinto|ultimo|último))\b",
    "de": r"\b(?:es|den|die|das|dieses|diese|diesen|der (?:erste|zweite|dritte|vierte|fünfte|letzte)|den (?:ersten|zweiten|dritten|vierten|fünften|letzten))\b",
}


def as_question(request: Any, message: str, context: Any) -> Any:
    """A question whether a shown item connects to a device ("can I pair it with my laptop") asks about the
    items shown, not for the device: the request becomes ``ask_about_item`` (its references kept)."""
    shown = getattr(context, "shown", None) or ()
    if not shown or request.intent in ("ask_about_item", "compare"):
        return request
    language = request.language if request.language in _LANGUAGES else "en"
    if asked_device(message, language) is None:
        return request
    if not re.search(_POINTING[language], message.lower()) and not request.references:
        return request
    return request.model_copy(update={"intent": "ask_about_item", "include": {}, "exclude": {}, "show_now": False})
