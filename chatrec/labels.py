"""Catalogue values as shoppers read them: "MiniFoodProcessors&Choppers" -> "Mini food processors & choppers".

Shop exports often glue words together in category paths and attribute values. A value is
re-spaced only when it is clearly glued (no space, and a lower-to-upper case change after
a word of two letters or more, or ``&``/``,`` between letters): "Navy Blue", "Tshirts",
"iPhone" and "OnePlus 9" are left alone. A display-name map (the mapping file's
``display_names:``) wins over the rule. Category paths ("A|B|C", "A > B > C") show their
last segment.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

__all__ = ["Labels", "humanise", "is_glued", "last_segment"]

_PATH_SPLIT = re.compile(r"\s*(?:\||\s>\s)\s*")
_CAMEL = re.compile(r"(?<=[a-z]{2})(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z]{2,})")
_GLUE = re.compile(r"(?<=\w)\s*([&,+/])\s*(?=\w)")


def last_segment(value: str) -> str:
    """The last segment of a category path ("Cables|USBCables" -> "USBCables"); other values unchanged."""
    parts = [part for part in _PATH_SPLIT.split(value) if part]
    return parts[-1] if parts else value


def is_glued(value: str) -> bool:
    """True when a value's words are glued together ("HomeTheater", "Heating,Cooling&AirQuality")."""
    if " " in value.strip() or not value.strip():
        return False
    if re.search(r"[a-zA-Z][&,][a-zA-Z]", value):
        return True
    return bool(re.search(r"[a-z]{2}[A-Z]|[A-Z]{2}[a-z]{2}", value)) and bool(_CAMEL.search(value))


def humanise(value: str) -> str:
    """A glued value with spaces and sentence case; any other value unchanged.

    "MiniFoodProcessors&Choppers" -> "Mini food processors & choppers",
    "Heating,Cooling&AirQuality" -> "Heating, cooling & air quality", "USBCables" -> "USB cables".
    """
    if not is_glued(value):
        return value
    text = _CAMEL.sub(" ", value)
    text = _GLUE.sub(lambda m: ", " if m.group(1) == "," else f" {m.group(1)} ", text)
    words = text.split()
    shown = []
    for position, word in enumerate(words):
        if position == 0 or (len(word) > 1 and word.isupper()):
            shown.append(word[:1].upper() + word[1:] if position == 0 else word)
        else:
            shown.append(word.lower())
    return " ".join(shown)


class Labels:
    """How catalogue values are shown to shoppers: the display-name map first, then :func:`humanise`.

    Args:
        names: Raw value (or path segment) to the label to show, from the mapping's ``display_names``.
    """

    def __init__(self, names: Mapping[str, str] | None = None) -> None:
        self.names = {str(key): str(value) for key, value in (names or {}).items()}
        self._longest_first = sorted(self.names, key=len, reverse=True)

    @classmethod
    def for_items(cls, items: Iterable[Any], names: Mapping[str, str] | None = None) -> Labels:
        """Labels for a catalogue: every glued category segment and attribute value humanised
        (a brand is kept as written: "PTron", not "P tron"), then the display-name map on top (it wins)."""
        found: dict[str, str] = {}
        for item in items:
            values: list[str] = [last_segment(part) for part in _PATH_SPLIT.split(item.category or "") if part]
            if getattr(item, "brand", ""):  # a make is shown as the shop writes it ("PTron", "boAt")
                found.setdefault(item.brand, item.brand)
            for value in item.attributes.values():
                if isinstance(value, tuple):
                    values.extend(value)
                elif isinstance(value, str):
                    values.append(value)
            for value in values:
                if value not in found and is_glued(value):
                    found[value] = humanise(value)
        return cls({**found, **(names or {})})

    def clean(self, text: str) -> str:
        """A text (a generated reason) with every raw value the map knows replaced by its label."""
        for raw in self._longest_first:
            if raw in text and raw != self.names[raw]:
                text = text.replace(raw, self.names[raw])
        return text

    def attribute(self, name: str) -> str:
        """The label of an attribute's name ("average_rating" -> "average rating")."""
        if name in self.names:
            return self.names[name]
        return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name).replace("_", " ").lower()

    def show(self, value: object) -> str:
        """The label of one value (a category path shows its last segment)."""
        text = str(value)
        if text in self.names:
            return self.names[text]
        segment = last_segment(text)
        if segment in self.names:
            return self.names[segment]
        return humanise(segment)

    def shared(self, values: list[str]) -> str | None:
        """The label of the category path that three or more values share ("Home & kitchen" for
        72 kitchen categories), or None when they are fewer or share none."""
        if len(set(values)) <= 2:
            return None
        paths = [[part for part in _PATH_SPLIT.split(value) if part] for value in values]
        common: list[str] = []
        for parts in zip(*paths, strict=False):
            if len(set(parts)) != 1:
                break
            common.append(parts[0])
        return self.show(common[-1]) if common else None

    def show_all(self, values: list[str]) -> list[str]:
        """Labels of several values, in order."""
        return [self.show(value) for value in values]

    def raw(self, label: str, values: list[str]) -> str | None:
        """The value among ``values`` whose label is ``label`` (case-insensitive), or None."""
        wanted = label.strip(" .!").lower()
        return next((value for value in values if self.show(value).lower() == wanted), None)
