"""A wish said as a purpose, with no product named (issue 12, branch i12ag): "something to store files",
"I need somewhere to keep my photos", "algo para guardar fotos", "etwas zum Speichern von Dateien",
"存照片用的". The product types are found in the catalogue's own words: the categories most of whose
items say, in their title or description, what the purpose says (a verb such as "store" or "save" and
an object such as "files" or "photos"): memory cards and pen drives, not laptops. The words:
``prompts/purpose_words.json``.
"""

from __future__ import annotations

import re
import weakref
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from chatrec.prompting import read_prompt_table

__all__ = ["purpose_types"]

#: A category serves the purpose when this share of its items (at least ``MIN_ITEMS``) state it.
SHARE = 0.5
MIN_ITEMS = 3


def _alternation(words: Sequence[str], language: str) -> str:
    inner = "|".join(words)
    return f"(?:{inner})" if language == "zh" else rf"\b(?:{inner})\b"


@lru_cache(maxsize=1)
def _purposes() -> list[dict[str, Any]]:
    out = []
    for entry in read_prompt_table("purpose_words.json")["purposes"]:
        said = {lang: (re.compile(_alternation(verbs, lang)), re.compile(_alternation(entry["objects"][lang], lang)))
                for lang, verbs in entry["verbs"].items()}
        stems = (re.compile(rf"\b(?:{'|'.join(entry['stems']['verbs'])})"),
                 re.compile(rf"\b(?:{'|'.join(entry['stems']['objects'])})"))
        out.append({"said": said, "stems": stems, "key": id(entry)})
    return out


_SERVING: weakref.WeakKeyDictionary[Any, dict[int, list[str]]] = weakref.WeakKeyDictionary()


def _serving(index: Any, purpose: dict[str, Any]) -> list[str]:
    """The categories most of whose items state the purpose, best share first (cached per index)."""
    known = _SERVING.setdefault(index, {})
    if purpose["key"] in known:
        return known[purpose["key"]]
    verbs, objects = purpose["stems"]
    total: Counter[str] = Counter()
    stating: Counter[str] = Counter()
    for item in index.items:
        if not item.category:
            continue
        total[item.category] += 1
        text = f"{item.title} {item.description or ''}".lower()
        if verbs.search(text) and objects.search(text):
            stating[item.category] += 1
    shares = {c: stating[c] / total[c] for c in stating if total[c] >= MIN_ITEMS and stating[c] / total[c] >= SHARE}
    known[purpose["key"]] = sorted(shares, key=lambda c: (-shares[c], c))[:3]
    return known[purpose["key"]]


def purpose_types(message: str, language: str, index: Any) -> list[str]:
    """The catalogue categories that serve the purpose the message says (a verb and an object of one
    purpose, in the shopper's language), best first; none when it says no purpose or none serves it."""
    from chatrec.language import fold

    text = fold(message).lower()
    for purpose in _purposes():
        said = purpose["said"].get(language)
        if said is None:
            continue
        verbs, objects = said
        if verbs.search(text) and objects.search(text):
            return _serving(index, purpose)
    return []
