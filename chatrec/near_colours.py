"""The nearest shades first when the colour asked for is not sold in what else fits (stop 44).

"any in red?" of women's dresses, none of them red, left the colour out (said so, offered back) and then
showed grey, purple and black dresses, ranked by the words alone. A shop assistant shows the nearest
shades: maroon, rust. :func:`shades` picks, among the colours the fitting items have, the ones nearest the
colour asked for, by the approximate sRGB of ``prompts/near_colours.json`` compared in CIE Lab (CIE76: a darker
red is nearer red than an orange, a cream nearer white than a grey); :func:`first` puts
items of those shades (a value sharing a word with the colour asked for first:
"Navy Blue" of blue) at the top of a list, keeping its order otherwise.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any

from chatrec.errors import PromptError
from chatrec.prompting import default_prompts_dir

__all__ = ["first", "left_out", "shades"]

#: How far (Lab distance) a shade may be from the colour asked for: red -> rust, maroon, burgundy,
#: rose; not orange, pink, peach, brown, grey or black; white -> cream, silver, beige, not grey.
_NEAR = 37.0


def _lab(hex_colour: str) -> tuple[float, float, float]:
    """CIE Lab (D65) of an sRGB ``#rrggbb``."""
    rgb = [int(hex_colour[i:i + 2], 16) / 255.0 for i in (1, 3, 5)]
    r, g, b = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


@lru_cache(maxsize=1)
def _table() -> Mapping[str, tuple[float, float, float]]:
    path = default_prompts_dir() / "near_colours.json"
    try:
        colours = json.loads(path.read_text(encoding="utf-8"))["colours"]
        return {name.lower(): _lab(code) for name, code in colours.items()}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise PromptError(f"cannot read {path}: {exc}") from exc


def _of(value: str) -> tuple[float, float, float] | None:
    """The Lab of a catalogue colour value, or of its last listed word ("Turquoise Blue"), or None."""
    table, lowered = _table(), value.lower().strip()
    if lowered in table:
        return table[lowered]
    return next((table[word] for word in reversed(lowered.split()) if word in table), None)


def _distance(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    return math.sqrt((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2 + (a[2] - b[2]) ** 2)


def shades(wanted: Sequence[str], available: Iterable[str], limit: int = 3) -> list[str]:
    """Up to ``limit`` of the ``available`` colour values nearest any ``wanted`` one, nearest first; none
    of the wanted values themselves, none too far, none of an unknown colour."""
    targets = [lab for value in wanted if (lab := _of(value)) is not None]
    asked = {value.lower() for value in wanted}
    words = {word for value in asked for word in value.split()}
    scored = []
    for value in dict.fromkeys(available):
        lab = _of(value)
        if lab is None or value.lower() in asked or not targets:
            continue
        distance = min(_distance(lab, target) for target in targets)
        if set(value.lower().split()) & words:  # "Navy Blue" of blue: a blue first
            distance = min(distance, 0.0)
        if distance <= _NEAR:
            scored.append((distance, value))
    return [value for _, value in sorted(scored, key=lambda pair: pair[0])[:limit]]


def left_out(wanted: Mapping[str, Sequence[str]], kept: Mapping[str, Sequence[str]],
             colour_fields: Sequence[str]) -> tuple[str, list[str]] | None:
    """The colour field and values the shopper asked for that the search left out, or None."""
    for name in colour_fields:
        if wanted.get(name) and not kept.get(name):
            return name, list(wanted[name])
    return None


def first(found: Sequence[Any], field: str, near: Sequence[str], value_of: Any) -> list[Any]:
    """``found`` with the items whose ``field`` holds one of the ``near`` shades first, nearest shade first;
    ``value_of(entry, field)`` gives an entry's values."""
    rank = {value.lower(): n for n, value in enumerate(near)}

    def place(entry: Any) -> int:
        return min((rank[v.lower()] for v in value_of(entry, field) if isinstance(v, str) and v.lower() in rank),
                   default=len(rank))

    return sorted(found, key=place)
