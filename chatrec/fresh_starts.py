"""Waving the search away and naming another product starts afresh (issue 12, stop 52).

Blue women's shirts shown, "scratch that, show me skirts" showed one blue women's skirt; "actually never
mind, show me handbags instead", "olvídalo, muéstrame faldas" and "vergiss es, zeig mir Röcke" the same:
the new product replaced the old one, and the colour and the rest stayed. "forget it, I want skirts"
already started afresh. A message that opens by waving the search away ("scratch that", "never mind",
"olvídalo", "déjalo", "vergiss es", "lass mal", "算了") and then names a product other than the one in
force starts afresh with that product. "never mind the colour" gives up the colour only (no clause break
after the words), and a message naming no other product is left alone. The turn reads it so (the
understanding reads a new product, as the labelled sets do: "scrap that, I'd rather look at handbags").
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from chatrec import word_tables

__all__ = ["adjust", "waves_away"]

#: Words that wave the search away, then a clause break, on folded text (accents gone).
_WAVE = re.compile(
    r"^\W*(?:(?:ok|okay|no|nah|hmm|actually|wait|oh|ah)\W+)*"
    r"(?:scratch that|scrap that|never ?mind|nevermind|forget (?:it|that|this|about it|about that)|nah forget it"
    r"|olvidalo|olvida eso|olvidate|dejalo|deja eso|mejor no|nada|"
    r"vergiss es|vergiss das|lass mal|lass es|egal|doch nicht|"
    r"算了|不要了|不用了|算啦)"
    r"\s*(?:[,.;:!\-–—]+|\s(?=(?:show|i|i'd|id|let|give|what|how|muestrame|ensename|quiero|mejor|prefiero|zeig|ich|lieber|"
    r"给|我|帮|看看|换)))")


def waves_away(message: str) -> bool:
    """Whether the message opens by waving the search away, then goes on (see the module docstring)."""
    return bool(_WAVE.search(word_tables.folded(message)))


def adjust(request: Any, message: str, context: Any, vocabulary: Any) -> Any:
    """The request starting afresh (see the module docstring)."""
    from chatrec.understanding import type_fields

    if vocabulary is None or request.intent not in ("recommend", "refine") or not waves_away(message):
        return request
    types = set(type_fields(vocabulary.fields)) | {"category"}
    current: Mapping[str, Sequence[str]] = getattr(context, "current", None) or {}
    before = {str(v) for name in types for v in current.get(name, ())}
    now = {str(v) for name in types for v in request.include.get(name, ())}
    if not before or not now or now <= before:
        return request  # no product in force, none named, or the same one
    return request.model_copy(update={"intent": "start_over", "show_now": True})
