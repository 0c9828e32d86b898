"""Going back to the search for one person, or for one product type (stop 42, blind b18-es-son-and-me).

A shopper buying for several people moves between them: "busco una camiseta para mi hijo, azul", "y para mí una
camisa blanca", then "vuelve a lo de mi hijo, pero en verde" wants the son's T-shirts again, in green, not green
shirts for the shopper. Each reply stores the wishes in force (``payload["wishes"]``); :func:`asked` reads a
message that goes back to a person ("back to my son's stuff", "zurück zu dem für meinen Sohn", "回到我儿子的"),
and :func:`wishes_for` finds the wishes of the last reply of that person's stretch of the conversation: from
the newest customer message naming that person to the next message naming another one. "back to the dresses"
after "a dress for my wife" and "a watch for me, I'm a man" likewise puts back the newest wishes that held
dresses (:func:`wishes_with`): women's dresses, not dresses for men.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = ["Recall", "asked", "going_back", "persons_named", "wishes_for", "wishes_with"]

_DATA = Path(__file__).resolve().parent / "data" / "person_recall.json"
_HAN = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Recall:
    """A message going back to one person's search: who, and what it changes there ("pero en verde")."""

    person: str
    rest: str
    head: str = ""


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, re.Pattern[str]], re.Pattern[str], re.Pattern[str]]:
    data = json.loads(_DATA.read_text(encoding="utf-8"))
    persons = {
        person: re.compile("|".join(re.escape(w) if _HAN.search(w) else rf"(?<![\w']){re.escape(w)}(?![\w'])"
                                    for w in sorted(words, key=len, reverse=True)), re.IGNORECASE)
        for person, words in data["persons"].items()
    }
    return persons, re.compile(data["back"], re.IGNORECASE), re.compile(data["rest"], re.IGNORECASE)


def persons_named(message: str) -> list[str]:
    """The persons a message names ("for my son" -> ["son"]), in the order of the table."""
    persons, _, _ = _table()
    return [person for person, pattern in persons.items() if pattern.search(message)]


def going_back(message: str) -> Recall | None:
    """The clause of a message that goes back ("back to the dresses, but in red" -> "back to the dresses" and
    "but in red"), as a :class:`Recall` with no person, or None when the message does not go back."""
    _, back, rest = _table()
    clauses = rest.split(message.strip(), maxsplit=1)
    if not back.search(clauses[0]):
        return None
    return Recall("", clauses[1].strip() if len(clauses) > 1 else "", clauses[0])


def asked(message: str) -> Recall | None:
    """The person a message goes back to ("vuelve a lo de mi hijo, pero en verde" -> son, "pero en verde"), or
    None when it names no one or does not go back. The person must be named in the clause that goes back."""
    persons, back, rest = _table()
    found = back.search(message)
    if found is None:
        return None
    clauses = rest.split(message.strip(), maxsplit=1)
    head = clauses[0]
    named = [person for person, pattern in persons.items() if pattern.search(head)]
    if len(named) != 1 or not back.search(head):
        return None
    return Recall(named[0], clauses[1].strip() if len(clauses) > 1 else "", head)


def wishes_for(person: str, turns: Sequence[Any]) -> Mapping[str, Any] | None:
    """The wishes in force at the end of the newest stretch of the conversation about ``person`` (stored turns,
    oldest first: ``role``, ``text``, ``payload``), or None when no customer message named that person or the
    replies stored no wishes."""
    customer = [(n, t) for n, t in enumerate(turns) if t.role == "customer"]
    start = next((n for n, t in reversed(customer) if person in persons_named(t.text)), None)
    if start is None:
        return None
    end = next((n for n, t in customer if n > start and persons_named(t.text) and person not in persons_named(t.text)),
               len(turns))
    replies = [t for t in turns[start:end] if t.role == "assistant" and isinstance(t.payload.get("wishes"), dict)]
    return replies[-1].payload["wishes"] if replies else None


def wishes_with(values: set[str], turns: Sequence[Any], now: Mapping[str, Sequence[str]]) -> Mapping[str, Any] | None:
    """The newest wishes a reply stored that held one of ``values`` (product types the shopper goes back to:
    "the tvs" are smart and standard ones, the search held smart TVs) and differ from the wishes in force
    (``now``: field to values), or None."""
    for turn in reversed(turns):
        wishes = turn.payload.get("wishes") if turn.role == "assistant" else None
        if not isinstance(wishes, dict):
            continue
        held = {str(v) for vs in (wishes.get("include") or {}).values() for v in vs}
        if values & held and (wishes.get("include") or {}) != {k: list(v) for k, v in now.items() if v}:
            return wishes
    return None
