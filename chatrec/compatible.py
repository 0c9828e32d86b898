"""An accessory that fits a device (issue 12, branch i12o): "a remote for my Mi tv", "I have an iPhone 13,
need a charging cable for it", "do you have a remote that works with these?" after Samsung TVs.

The device's make (or the makes of the items shown) must be named in the accessory's title: the
catalogues say it there ("Remote Compatible for Mi Smart LED TV", "Cable for iPhone"). The makes are
kept with the wishes until the product type changes; when no candidate names them, nothing is left out.
Cues: ``prompts/conversation_cues_6.txt`` (sections ``fits_shown`` and ``device``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

from chatrec import named_devices  # i12ak: a make named bare or as a broken device
from chatrec.conversation import load_cues
from chatrec.prompting import default_prompts_dir

__all__ = ["blocked", "device_makes", "device_not_maker", "naming", "positions_fitted", "without_shown_phrase"]

_CUES_FILE = default_prompts_dir() / "conversation_cues_6.txt"
#: Words after "for my" that name a kind of device, not its make: "for my tv", "for my phone".
_GENERIC = frozenset(
    "tv tvs television phone phones mobile smartphone laptop laptops pc computer desktop tablet car bike "
    "home room office kitchen wife husband son daughter mom mum dad mother father friend kid kids boy girl "
    "new old own other charger charging cable remote case device devices stick set top box it them these "
    "those this that one ones power bank smart led android "
    # i12 lead: the same kinds of device in Spanish and German ("para mi movil", "für mein Handy")
    "movil celular telefono tele televisor portatil ordenador computadora coche auto casa cargador cable funda "
    "handy telefon fernseher laptop rechner computer auto wagen ladegerat ladekabel hulle".split()
)


def _for_device(phrase: str, message: str) -> bool:
    """i12ab: whether the message names the device as what something is for ("苹果手机的充电线",
    "给苹果手机买根线"), not as the product wanted ("有没有小米的电视？")."""
    if re.search(rf"(?:给|适合|适用于|配|用于|兼容)(?:我的|我|个|一个)?{re.escape(phrase)}|{re.escape(phrase)}(?:用)?的?"
                 rf"(?:遥控器|遥控|充电线|充电器|数据线|线|保护套|手机壳|壳|支架|挂架|转换器|适配器|配件)", message):
        return True
    if re.search(rf"{re.escape(phrase)}(?:上)?(?:能用|可以用|用)的", message):  # i12ak: "苹果手机用的" (one for an iPhone)
        return True
    if re.search(rf"\b{re.escape(phrase)}\s+(?:\d+\s+)?(?:(?:fast\s+)?charging\s+|charger\s+|data\s+|usb\s+)?"
                 r"(?:cables?|cords?|chargers?|remotes?|covers?|cases?)\b", message, re.IGNORECASE):
        return True  # i12au: "iphone charging cable", "fire stick remote": the device named before its accessory
    # i12af: "a remote for my fire tv stick", "uno para mi fire stick", "eine für meinen Fire TV Stick"
    return re.search(rf"\b(?:for|fits?|fitting|with|compatible with|works with|para|f(?:ü|ue|u)r)\s+(?:(?:my|a|an|the|our|"
                     rf"mi|mis|un|una|el|la|mein\w*|ein\w*|den|die|das|dem)\s+)?{re.escape(phrase)}\b",
                     message, re.IGNORECASE) is not None


@lru_cache(maxsize=1)
def _device_names() -> tuple[tuple[tuple[str, ...], str], ...]:
    """i12ab: devices named in Chinese by their make ("苹果手机" -> "iPhone"), from ``prompts/device_names.txt``."""
    names = []
    for line in (default_prompts_dir() / "device_names.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#") and "=" in line:
            phrases, make = line.split("=", 1)
            names.append((tuple(p.strip() for p in phrases.split("|") if p.strip()), make.strip()))
    return tuple(names)


def _shown_phrases(message: str) -> tuple[re.Pattern[str], ...]:
    """The cue patterns of a phrase naming the items shown: ``fits_shown``, and ``fits_place`` (stop 55: "for the
    second one", "para el primero", "dafür") only in a message that names an accessory ("I'll go with the first
    one" picks one)."""
    cues = load_cues(_CUES_FILE)
    return cues.get("fits_shown", ()) + (cues.get("fits_place", ()) if _names_accessory(message) else ())


@lru_cache(maxsize=64)  # a turn asks twice (positions_fitted, then without_shown_phrase)
def _names_accessory(message: str) -> bool:
    """Whether the message names an accessory (``prompts/accessory_words.txt``), in any language the lexicon reads."""
    from chatrec.accessories import accessory_words
    from chatrec.language import Lexicon, detect_language, fold
    from chatrec.understanding import normalise_tokens

    english = Lexicon.default().translate(fold(message), detect_language(message))
    return bool(set(normalise_tokens(english)) & accessory_words())


def without_shown_phrase(message: str) -> tuple[str, bool]:
    """The message without "that works with these" / "for these" (the accessory is the request), and
    whether such a phrase was there."""
    found = False
    for pattern in _shown_phrases(message):
        message, n = pattern.subn(" ", message)
        found = found or n > 0
    return " ".join(message.split()), found


def positions_fitted(message: str, n_shown: int, language: str) -> list[int]:
    """Stop 55: the places of the shown items an accessory is asked for by position ("a case for the second one",
    "un cargador para el primero", "给第一个配个充电器"); none when the phrase points at all of them ("for it")."""
    from chatrec.answers import find_reference

    for pattern in _shown_phrases(message):
        for match in pattern.finditer(message):
            places = find_reference(match.group(0), n_shown, language) or []
            if places and len(places) < n_shown:
                return places
    return []


def device_makes(message: str, known_makes: Iterable[str] = ()) -> list[str]:
    """The make or model words of the device the message names ("for my Mi tv" -> ["Mi"], "I have an
    iPhone 13" -> ["iPhone"]): a word is kept when it is a catalogue make (``known_makes``) or written
    with a capital letter, and is no generic device word."""
    makes = {m.casefold() for m in known_makes}
    found: list[str] = [make for phrases, make in _device_names() if any(_for_device(p, message) for p in phrases)]  # i12ab
    for pattern in load_cues(_CUES_FILE).get("device", ()):
        for match in pattern.finditer(message):
            for word in match.group("make").split():
                if word.casefold() in _GENERIC or len(word) < 2:
                    continue
                if word.casefold() in makes or any(c.isupper() for c in word):
                    if word not in found:
                        found.append(word)
    found += [w for w in named_devices.bare_makes(message, makes) + named_devices.broken_device_makes(message, makes, _GENERIC)
              if w.casefold() not in {f.casefold() for f in found}]  # i12ak: "for samsung", "his LG one is broken"
    return found


def device_not_maker(heard: Any, makes: Sequence[str], type_names: Sequence[str], message: str) -> Any:
    """The request without the brands that are the shopper's device ("给我的iPhone买个充电器", "un cargador
    para mi iPhone"): with a product type asked for, the device's make says what the item must fit (kept
    as the makes its title names), not who made it. A request naming no type keeps them ("for my iPhone"),
    and a make named once more keeps its brand ("a Samsung charger for my Samsung phone")."""
    brands = list(heard.include.get("brand", ()))
    device = {m.casefold() for m in makes}
    if not brands or not (any(name in heard.include for name in type_names) or _accessory_named(message, makes)
                          or named_devices.bare_makes(message, makes)):  # i12ak: "und eine für LG?" while remotes are shown
        return heard
    kept = [b for b in brands if b.casefold() not in device
            or len(re.findall(rf"(?<![a-z0-9]){re.escape(b.casefold())}(?![a-z0-9])", message.casefold())) > 1]
    if len(kept) == len(brands):
        return heard
    include = {k: v for k, v in heard.include.items() if k != "brand"} | ({"brand": kept} if kept else {})
    return heard.model_copy(update={"include": include})


def _accessory_named(message: str, makes: Sequence[str]) -> bool:
    """i12af: whether the message names an accessory ("cable", "charger", "case") before the device's make:
    "type c cable for my samsung phone" asks for a cable that fits, though "cable" is no catalogue type."""
    from chatrec.accessories import accessory_words

    lowered = message.casefold()
    found = [m for make in makes if (m := re.search(rf"(?<![a-z0-9]){re.escape(make.casefold())}(?![a-z0-9])", lowered))]
    if not found:
        return False
    first = min(m.start() for m in found)
    # stop 51: or right after the make ("an iphone cable", "iphone charging cable" gave the one "iPhone" charger)
    after = [t for m in found for t in re.findall(r"[a-z]+", lowered[m.end():])[:3]]
    words = {w for t in [*re.findall(r"[a-z]+", lowered[:first]), *after] for w in (t, t[:-1] if t.endswith("s") else t)}
    return bool(words & accessory_words())


def _names(title: str, word: str) -> bool:
    return re.search(rf"(?<![a-z0-9]){re.escape(word.casefold())}(?![a-z0-9])", title.casefold()) is not None


def naming(candidates: Sequence[Any], makes: Sequence[str]) -> list[Any]:
    """The candidates whose title names one of the makes, or all of them when none does."""
    if not makes:
        return list(candidates)
    kept = [c for c in candidates if any(_names(c.item.title, m) for m in makes)]
    return kept or list(candidates)


def blocked(index: Any, makes: Sequence[str], mask: Any = None) -> tuple[str, ...]:
    """The ids, among the items fitting the other wishes (``mask``, None for all), whose title names none
    of the makes; none when no fitting item names one (nothing is emptied for want of a make)."""
    if not makes:
        return ()
    rows = [n for n in range(len(index.items)) if mask is None or bool(mask[n])]
    failing = [n for n in rows if not any(_names(index.items[n].title, m) for m in makes)]
    if len(failing) == len(rows):
        return ()
    return tuple(index.items[n].id for n in failing)


def device_list(lists: Sequence[Sequence[Any]]) -> list[Any]:
    """i12af: the items "it" stands for in "a remote that works with it": the newest list shown (``lists``,
    oldest first, of items) that is not all accessories. After a TV and then a wall mount for it, "it" is
    the TV: a mount has no remote; the last list when every list is of accessories."""
    from chatrec.accessories import accessory_words

    words = accessory_words()

    def accessory(item: Any) -> bool:
        kind = [w.lower() for w in re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])", str(getattr(item, "category", "") or ""))]
        return bool({w for t in kind for w in (t, t[:-1] if t.endswith("s") else t)} & words)

    for items in reversed(lists):
        if items and not all(accessory(i) for i in items):
            return list(items)
    return list(lists[-1]) if lists else []
