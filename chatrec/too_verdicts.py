"""A verdict "too X" on the items shown keeps X away (issue 12, stop 52).

Party dresses shown, "that's too flashy" searched for the word "flashy", "a bit too revealing for me" for
"bit revealing" and "they look too old-fashioned" for "they oldfashioned": the shopper's complaint became
the wish. "nothing too flashy" was already read as a word to keep away from the items' names (and calm
items first). A "too X" said of the items, with X no price word ("too expensive" asks for cheaper), no
length, size or fit (:mod:`chatrec.degree_words`, the size wishes) and no brightness (the colour rules), keeps X
away in the same way; "the second is too flashy" still turns that item down. A catalogue value said so ("too
formal", "too sporty", read as a wish for Formal, Sports) is turned down instead. English only.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["adjust", "complained_of"]

_TOO = re.compile(r"(?<![\w'])(?<!not )(?<!nothing )(?<!n't )(?<!no )too\s+([a-z][a-z-]+)\b")
#: Words after "too" that other rules read, or that are no quality of the items.
_OTHERS = frozenset(
    "expensive pricey costly dear cheap much many little few good nice cute pretty great bad late early soon far close "
    "short long tight loose baggy big small large huge tiny heavy light bright dark dull pale plain simple old young "
    "high low wide narrow thick thin fast slow loud quiet hot cold warm cool heavy-duty".split())


def complained_of(message: str) -> str | None:
    """The quality a "too X" verdict complains of ("that's too flashy" -> "flashy"), or None."""
    found = _TOO.search(message.lower())
    if found is None or found.group(1) in _OTHERS:
        return None
    return found.group(1).replace("-", "")


def adjust(request: Any, message: str, vocabulary: Any) -> Any:
    """The request keeping the quality complained of away (see the module docstring)."""
    if request.language != "en" or request.intent not in ("refine", "reject", "recommend", "more_like") or vocabulary is None:
        return request
    word = complained_of(message)
    if word is None or request.exclude:
        return request
    if request.include:  # "too formal", "too sporty": the value the words matched is turned down, not wanted
        from chatrec.understanding import type_fields

        types = set(type_fields(vocabulary.fields)) | {"category"}
        values = [str(v).lower() for vs in request.include.values() for v in vs]
        if set(request.include) & types or len(request.include) != 1 \
                or not any(v[:4] == word[:4] for v in values):  # "too dad-ish, show ones for women": Women is wanted
            return request
        intent = request.intent if request.intent in ("more_like", "reject") else "refine"  # "the first is too formal"
        return request.model_copy(update={"include": {}, "exclude": dict(request.include), "query": "",
                                          "intent": intent, "show_now": True})
    if word in getattr(vocabulary, "value_words", frozenset()):
        return request
    query = " ".join(w for w in request.query.split() if w.replace("-", "") != word and w not in ("they", "bit"))
    avoid = [*request.avoid_words, *([word] if word not in request.avoid_words else [])]
    update: dict[str, Any] = {"avoid_words": avoid, "query": query, "show_now": True}
    if request.intent in ("recommend", "more_like"):
        update["intent"] = "refine"
    return request.model_copy(update=update)
