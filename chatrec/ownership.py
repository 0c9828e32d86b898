"""What the shopper says about an item they name: they have it (seen, own, did not like) or ask for it.

"I've seen Inception", "I already own the WH-1000XM4", "I didn't like Up" mean: do not hand it
back. "Do you have Inception?", "show me the Sony ones" mean: show it. Everything else (a
reference such as "something like Inception") is left to the caller. The cues are word lists
in ``prompts/ownership_cues.txt`` (data, not code), matched in the words just before and after
the mention, within its clause.

:func:`item_statements` is a pure function of a message and its linked mentions, so that a
typed request (the understanding step) can call it per reference.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Literal

from chatrec.errors import ConfigError
from chatrec.linking import Mention
from chatrec.prompting import default_prompts_dir

__all__ = ["Statement", "item_statements", "load_cues"]

Statement = Literal["has", "asks"]

_CUES_FILE = default_prompts_dir() / "ownership_cues.txt"
_CLAUSE_END = re.compile(r"[.!?;\n]|\bbut\b", re.IGNORECASE)
_WINDOW = 60


@lru_cache(maxsize=4)
def load_cues(path: Path | str = _CUES_FILE) -> Mapping[str, tuple[re.Pattern[str], ...]]:
    """Cue patterns by section (``has_before``, ``has_after``, ``asks_before``) from the cues file.

    The file has ``[section]`` headers and one phrase a line (a regular expression matched on
    word boundaries, case-insensitively); ``#`` starts a comment.

    Raises:
        ConfigError: The file is missing or has a phrase outside a section or a bad pattern.
    """
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ConfigError(f"cannot read the ownership cues {path}: {exc.strerror or exc}") from exc
    sections: dict[str, list[re.Pattern[str]]] = {}
    current: str | None = None
    for number, raw in enumerate(lines, start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1].strip()
            sections.setdefault(current, [])
            continue
        if current is None:
            raise ConfigError(f"{path}:{number}: a cue before any [section]")
        try:
            sections[current].append(re.compile(rf"\b(?:{line})\b", re.IGNORECASE))
        except re.error as exc:
            raise ConfigError(f"{path}:{number}: bad cue pattern {line!r} ({exc})") from exc
    return {name: tuple(patterns) for name, patterns in sections.items()}


def _clause_before(text: str, start: int) -> str:
    before = text[max(0, start - _WINDOW) : start]
    cuts = list(_CLAUSE_END.finditer(before))
    return before[cuts[-1].end() :] if cuts else before


def _clause_after(text: str, end: int) -> str:
    after = text[end : end + _WINDOW]
    cut = _CLAUSE_END.search(after)
    return after[: cut.start()] if cut else after


def item_statements(
    text: str, mentions: Sequence[Mention], cues: Mapping[str, Sequence[re.Pattern[str]]] | None = None
) -> dict[str, Statement]:
    """What a shopper's message says about each item it names.

    Args:
        text: The shopper's message.
        mentions: The items it names (:meth:`chatrec.linking.TitleLinker.find` on ``text``).
        cues: Cue patterns (default: :func:`load_cues`).

    Returns:
        Item id to ``"has"`` (seen, owns, did not like: do not recommend it) or ``"asks"``
        (asked for by name: show it); items with neither cue are left out. Asking wins over
        having within one clause ("do you have the one I saw?" asks).
    """
    cues = load_cues() if cues is None else cues
    out: dict[str, Statement] = {}
    for mention in mentions:
        before = _clause_before(text, mention.start)
        after = _clause_after(text, mention.end)
        if any(p.search(before) for p in cues.get("asks_before", ())):
            out[mention.item_id] = "asks"
        elif any(p.search(before) for p in cues.get("has_before", ())) or any(
            p.search(after) for p in cues.get("has_after", ())
        ):
            out.setdefault(mention.item_id, "has")
    return out
