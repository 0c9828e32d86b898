"""A look turned down that no item states (issue 12, lead, shopping the fashion demo): "nothing too flashy".

"A watch for my dad, nothing too flashy" kept "flashy" as a word to avoid, which no watch's title
says, so the reply still led with a yellow watch. The project's labelled sets read "flashy" as no
colour filter (set 47: "not too flashy, no red" turns down red only), so this is an order, not a
filter: when a word to avoid is one of ``chatrec/data/loud_words.json`` (flashy, gaudy, llamativo,
auffällig, 花哨 ...), the candidates in loud colours (the "bright" family of
``prompts/colour_families.json``, gold, neon, multicolour) come after the others. Nothing is dropped.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from chatrec.errors import PromptError
from chatrec.refused_colours import colour_fields
from chatrec.word_tables import folded

__all__ = ["calm_first", "is_loud_word"]

_PATH = Path(__file__).with_name("data") / "loud_words.json"


@lru_cache(maxsize=1)
def _table() -> tuple[frozenset[str], frozenset[str]]:
    try:
        data = json.loads(_PATH.read_text(encoding="utf-8"))
        words = frozenset(folded(w) for ws in data["words"].values() for w in ws)
        colours = frozenset(str(c).lower() for c in data["colours"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise PromptError(f"cannot read the loud-look words in {_PATH}: {exc}") from exc
    return words, colours


def is_loud_word(word: str) -> bool:
    """Whether a word to avoid turns down a loud look ("flashy", "chillón", "花哨")."""
    words, _ = _table()
    return folded(word) in words


def _loud(item: Any) -> bool:
    from chatrec.colour_families import load_families

    _, colours = _table()
    bright = next((f for f in load_families()[0] if f.name == "bright"), None)
    attributes = getattr(item, "attributes", None) or {}
    values = [str(attributes.get(field) or "") for field in colour_fields(list(attributes))]
    if any(v and (bright is not None and bright.holds(v) or v.lower() in colours) for v in values):
        return True
    title = " ".join(re.findall(r"[a-z]+", str(getattr(item, "title", "")).lower()))
    return any(re.search(rf"\b{re.escape(c)}\b", title) for c in colours)


def calm_first(candidates: Sequence[Any], avoid: Sequence[str]) -> list[Any]:
    """The candidates with those in loud colours last, when a word to avoid turns down a loud look.

    Args:
        candidates: Retrieved candidates (anything with an ``item``), in their order.
        avoid: The words the shopper does not want (``DialogueState.avoid``).

    Returns:
        The same candidates, the loud ones after the others (each group in its order); unchanged when
        no word to avoid is of a loud look.
    """
    if not any(is_loud_word(w) for w in avoid):
        return list(candidates)
    return sorted(candidates, key=lambda c: _loud(c.item))  # stable: each group keeps its order
