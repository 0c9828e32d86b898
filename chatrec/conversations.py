"""Logged conversations as data: JSONL records, raw ReDial dialogues as turns, a dialogue's query.

Raw ReDial messages name movies as ``@123``; :func:`redial_turns` writes them out as titles
and joins consecutive messages of one side. The adapter training, the embedder training, the
signals and the evaluation all read dialogues through this module.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from chatrec.errors import InputError
from chatrec.fileio import iter_jsonl

__all__ = ["MENTION", "context_query", "read_records", "redial_turns"]

#: How a raw ReDial message names a movie: ``@`` and its id.
MENTION = re.compile(r"@(\d+)")


def read_records(path: Path | str) -> Iterator[dict[str, Any]]:
    """The JSON objects of a JSONL file.

    Raises:
        InputError: The file is missing or a line is not a JSON object.
    """
    for number, record in iter_jsonl(path, "training data"):
        if not isinstance(record, dict):
            raise InputError(f"{path}, line {number}: not a JSON object")
        yield record


def redial_turns(dialogue: dict[str, Any], titles: dict[str, str]) -> list[tuple[str, str, list[str]]]:
    """A ReDial dialogue as turns ``(role, text with titles, movie ids named in the turn)``.

    Args:
        dialogue: One raw ReDial record.
        titles: Fallback id -> title (the catalogue) for ids missing from ``movieMentions``.
    """
    mentions = {str(k): str(v) for k, v in (dialogue.get("movieMentions") or {}).items() if v}
    seeker = dialogue.get("initiatorWorkerId")
    turns: list[tuple[str, list[str], list[str]]] = []
    for message in dialogue.get("messages") or []:
        role = "customer" if message.get("senderWorkerId") == seeker else "assistant"
        text = str(message.get("text") or "")
        ids = MENTION.findall(text)
        text = MENTION.sub(lambda m: mentions.get(m.group(1)) or titles.get(m.group(1)) or "a movie", text)
        if turns and turns[-1][0] == role:
            turns[-1][1].append(text)
            turns[-1][2].extend(ids)
        else:
            turns.append((role, [text], list(ids)))
    return [(role, " ".join(t.strip() for t in texts if t.strip()), ids) for role, texts, ids in turns]


def context_query(turns: Sequence[tuple[str, str]], max_chars: int = 400) -> str:
    """The retrieval query for a dialogue: its most recent words, up to ``max_chars``."""
    text = " ".join(t for _, t in turns if t).strip()
    return text[-max_chars:]
