"""Which device a remote is for, asked first (issue 12, shopping gaps round 6, i12al).

"a remote" with no device named: a good shop assistant asks what it is for (a TV, a set-top box, a Fire
TV Stick, an AC), since a remote is chosen by the device it works, not by who made it. The policy asked
the brand ("LRIPL or 7SEVEN?"), or showed remotes for five different devices. :func:`plan` asks the
device instead, with the devices the candidates' titles name as quick replies; :func:`as_wish` reads a
reply to it as the product for that device ("Remote controls for a TV"). The products and devices:
``prompts/device_kinds.json``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

from chatrec.policy import QuestionPlan

__all__ = ["ATTRIBUTE", "as_wish", "named_first", "plan"]

#: The question's attribute: no catalogue field; a reply is read by :func:`as_wish`, never as a filter.
ATTRIBUTE = "device"
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


@lru_cache(maxsize=1)
def _table() -> tuple[frozenset[str], dict[str, re.Pattern[str]]]:
    from chatrec.prompting import read_prompt_table

    table = read_prompt_table("device_kinds.json")
    devices = {
        name: re.compile(r"(?<![a-z0-9])(?:" + "|".join(re.escape(w) for w in words) + r")(?![a-z0-9])", re.IGNORECASE)
        for name, words in dict(table["devices"]).items()
    }
    return frozenset(str(k) for k in table["kinds"]), devices


def _kind_words(value: str) -> set[str]:
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", _CAMEL.sub(" ", value))}
    return words | {w[:-1] for w in words if w.endswith("s")}


def _english(text: str) -> str:
    """The text and, for a message in Chinese, Spanish or German, its words put into English by the lexicon."""
    from chatrec.language import Lexicon, detect_language, fold

    language = detect_language(text)
    return text if language in ("en", "other") else f"{text} {Lexicon.default().translate(fold(text), language)}"


def devices_named(texts: Sequence[str]) -> list[str]:
    """The devices the texts name (``prompts/device_kinds.json``), most named first."""
    _, devices = _table()
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update({name for name, pattern in devices.items() if pattern.search(text)})
    return [name for name, _ in counts.most_common()]


def _works_a_device(include: Mapping[str, Sequence[str]], kinds: Sequence[str]) -> list[str]:
    """The wished kinds of product, when every one works a device ("RemoteControls"); else []."""
    asked_for, _ = _table()
    values = [str(v) for k in kinds for v in include.get(k, ())]
    return values if values and all(_kind_words(v) & asked_for for v in values) else []


def named_first(candidates: Sequence[Any], message: str, include: Mapping[str, Sequence[str]],
                kinds: Sequence[str]) -> list[Any]:
    """The candidates whose titles name the one device the message names ("remotes for a TV") first, the
    order kept within each group; all of them as they are when the message names no device or several."""
    named = devices_named([_english(message)])
    if len(named) != 1 or not _works_a_device(include, kinds):
        return list(candidates)
    _, devices = _table()
    pattern = devices[named[0]]
    fits = [c for c in candidates if pattern.search(str(getattr(getattr(c, "item", c), "title", "")))]
    return [*fits, *(c for c in candidates if c not in fits)]


def plan(
    current: QuestionPlan, candidates: Sequence[Any], include: Mapping[str, Sequence[str]], kinds: Sequence[str],
    message: str, fits: Sequence[str], n_questions: int, show_now: bool,
) -> QuestionPlan:
    """The plan asking which device, when every kind of product wished is one that works a device
    ("RemoteControls"), no device is known (``fits``, the message), nothing was asked yet, the shopper
    did not ask to see items, and the candidates are for two or more devices; else ``current``."""
    values = _works_a_device(include, kinds)
    if not values:
        return current
    if fits or show_now or n_questions > 0 or devices_named([_english(message)]):
        return current
    options = devices_named([str(getattr(getattr(c, "item", c), "title", "")) for c in candidates])
    if len(options) < 2:
        return current
    return QuestionPlan(ATTRIBUTE, options[:5], current.gain, current.gains,
                        f"{current.reason}; which device the {values[0]} is for (i12al)")


def as_wish(message: str, pending: Mapping[str, Any] | None, include: Mapping[str, Sequence[str]],
            kinds: Sequence[str]) -> str:
    """A reply to the device question as the product for that device ("TV" -> "RemoteControls for a TV");
    any other message as it is."""
    if not pending or pending.get("attribute") != ATTRIBUTE:
        return message
    said = re.sub(r"[^\w\s-]", "", message).strip().casefold()
    option = next((str(o) for o in pending.get("options", ()) if str(o).casefold() == said), None)
    if option is None:
        named = devices_named([message])
        option = named[0] if len(named) == 1 and len(said.split()) <= 3 else None
    values = [str(v) for k in kinds for v in include.get(k, ())]
    if option is None or not values:
        return message
    return f"{_CAMEL.sub(' ', values[0])} for a {option}"
