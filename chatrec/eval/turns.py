"""ReDial recommendation turns: read from the processed file or cut from raw dialogues, sampled.

A turn is a dialogue's context (the earlier utterances) and the titles the human recommender
named next (the targets).
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from chatrec.errors import InputError

__all__ = ["RecTurn", "dialogue_rec_turns", "dialogue_roles", "load_turns", "sample_turns"]


@dataclass(frozen=True)
class RecTurn:
    """One recommendation turn of ``valid_rec_turns.jsonl``.

    Attributes:
        dialog_id: The dialogue it was cut from.
        turn_id: Its position in the dialogue.
        context: The earlier utterances, oldest first (titles written out).
        targets: The titles the human recommender named in this turn.
    """

    dialog_id: str
    turn_id: int
    context: tuple[str, ...]
    targets: tuple[str, ...]


def load_turns(path: Path | str) -> list[RecTurn]:
    """Read recommendation turns (``dialog_id``, ``turn_id``, ``context``, ``rec`` per line).

    Raises:
        InputError: A missing file, or a line that is not such a turn.
    """
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"cannot read turns file {path}: {exc.strerror or exc}") from exc
    turns: list[RecTurn] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            turns.append(
                RecTurn(
                    dialog_id=str(record["dialog_id"]),
                    turn_id=int(record.get("turn_id", 0)),
                    context=tuple(str(text) for text in record["context"]),
                    targets=tuple(str(title) for title in record["rec"]),
                )
            )
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
            raise InputError(f"{path}:{number} is not a recommendation turn ({exc})") from exc
    if not turns:
        raise InputError(f"turns file {path} has no turns")
    return turns


def dialogue_rec_turns(
    paths: Sequence[Path | str], titles: dict[str, str], skip_ids: Iterable[str] = ()
) -> list[RecTurn]:
    """Recommendation turns cut from raw ReDial dialogues, as ``valid_rec_turns.jsonl`` cuts them.

    Every recommender turn that names a catalogue movie, after at least one earlier utterance,
    is a turn; its context is the earlier turns (consecutive messages of one side joined,
    titles written out) and its targets the titles of the movies it names.

    Args:
        paths: Raw ReDial files (``train_part_*.jsonl``).
        titles: The catalogue's id -> title (movies outside it are not targets).
        skip_ids: Dialogue ids to leave out (for example the evaluated ones).

    Raises:
        InputError: A file is missing or a line is not a ReDial dialogue.
    """
    from chatrec.conversations import read_records, redial_turns

    skip = set(skip_ids)
    seen: set[str] = set()
    turns: list[RecTurn] = []
    for path in paths:
        for number, record in enumerate(read_records(path), start=1):
            if "messages" not in record or "conversationId" not in record:
                raise InputError(f"{path}, line {number}: not a raw ReDial dialogue (conversationId, messages)")
            key = str(record["conversationId"])
            if key in skip or key in seen:
                continue
            seen.add(key)
            context = [""]
            for position, (role, text, ids) in enumerate(redial_turns(record, titles)):
                targets = tuple(dict.fromkeys(titles[i] for i in ids if i in titles))
                if role == "assistant" and targets and len(context) > 1:
                    turns.append(RecTurn(key, position, tuple(context), targets))
                context.append(text)
    return turns


def sample_turns(turns: Sequence[RecTurn], limit: int | None, seed: int = 0) -> list[RecTurn]:
    """A fixed random sample of ``limit`` turns (all when ``limit`` is None), in file order."""
    if limit is None or limit >= len(turns):
        return list(turns)
    if limit <= 0:
        raise InputError(f"limit must be positive, got {limit}")
    chosen = sorted(random.Random(seed).sample(range(len(turns)), limit))
    return [turns[i] for i in chosen]


def dialogue_roles(context: Sequence[str]) -> list[tuple[str, str]]:
    """``(role, text)`` pairs: the last utterance is the customer's, roles alternate backwards."""
    utterances = [text for text in context if text.strip()]
    count = len(utterances)
    return [("customer" if (count - 1 - i) % 2 == 0 else "assistant", text) for i, text in enumerate(utterances)]
