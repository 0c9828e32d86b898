"""The device an accessory is for, named without "my" (issue 12, branch i12ak, batch 12).

:mod:`chatrec.compatible` reads "a remote for my Mi tv": a make after "for my/the/a". Shoppers also
write the make bare ("nah, a tv remote, for samsung", "und eine für LG?") and tell of the device that
broke ("a remote maybe, his LG one is broken"). A bare make counts only when it is a make of the
catalogue, so "for women" or "for office" name no device; a broken device's make counts as in
:func:`chatrec.compatible.device_makes` (a make of the catalogue or a capitalised word, never a generic
one). Cues: ``prompts/conversation_cues_12.txt``.
"""

from __future__ import annotations

from collections.abc import Iterable

from chatrec.conversation import load_cues
from chatrec.prompting import default_prompts_dir

__all__ = ["bare_makes", "broken_device_makes"]

_CUES_FILE = default_prompts_dir() / "conversation_cues_12.txt"


def bare_makes(message: str, known_makes: Iterable[str]) -> list[str]:
    """The makes written bare after "for" / "für" / "para" ("for samsung" -> ["samsung"]), spelt as the
    shopper wrote them: a make of the catalogue (``known_makes``) or of a device ``prompts/device_names.txt``
    names (Sony, Huawei: makes whose accessories the catalogue sells under other brands)."""
    from chatrec.compatible import _device_names  # the makes of devices named in prompts/device_names.txt (Sony, ...)

    makes = {m.casefold() for m in known_makes} | {make.casefold() for _, make in _device_names()}
    found: list[str] = []
    for pattern in load_cues(_CUES_FILE).get("device_bare", ()):
        for match in pattern.finditer(message):
            word = match.group("make")
            if word.casefold() in makes and word not in found:
                found.append(word)
    return found


def broken_device_makes(message: str, known_makes: Iterable[str], generic: Iterable[str]) -> list[str]:
    """The make of a device the message says is broken ("his LG one is broken" -> ["LG"]): a make of the
    catalogue or a capitalised word, none of the ``generic`` device words."""
    makes = {m.casefold() for m in known_makes}
    skip = {g.casefold() for g in generic}
    found: list[str] = []
    for pattern in load_cues(_CUES_FILE).get("device_broken", ()):
        for match in pattern.finditer(message):
            word = match.group("make")
            if word.casefold() in skip or len(word) < 2:
                continue
            if (word.casefold() in makes or any(c.isupper() for c in word)) and word not in found:
                found.append(word)
    return found
