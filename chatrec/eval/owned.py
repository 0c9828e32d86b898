"""What a ReDial seeker had seen: the questionnaire truth behind "do not hand back what the shopper has".

ReDial's ``initiatorQuestions`` say, for every movie of a dialogue, whether the seeker had seen
it and liked it. :func:`seen_by_dialogue` reads them; :func:`seeker_said` reads a turn's
context as the product reads a shopper's messages (:mod:`chatrec.ownership`): the items the
seeker named, and those their last message asks for by name. ``eval redial`` counts, per
system, the top-10 items the seeker had named earlier and had seen or disliked
(``seen_in_top10``), and scores the product's own exclusion (``product-owned``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from chatrec.errors import InputError
from chatrec.eval.turns import dialogue_roles
from chatrec.fileio import iter_jsonl
from chatrec.linking import TitleLinker
from chatrec.ownership import item_statements

__all__ = ["SeekerSaid", "seeker_said", "seen_by_dialogue"]


def seen_by_dialogue(paths: Iterable[Path | str]) -> dict[str, frozenset[str]]:
    """Dialogue id to the movie ids its seeker had seen (``seen`` 1) or did not like (``liked`` 0).

    Raises:
        InputError: A file is missing or a line is not a ReDial dialogue.
    """
    out: dict[str, frozenset[str]] = {}
    for path in paths:
        for number, record in iter_jsonl(path, "ReDial dialogues"):
            try:
                key = str(record["conversationId"])
                answers = record.get("initiatorQuestions") or {}
            except (KeyError, TypeError, AttributeError) as exc:
                raise InputError(f"{path}:{number} is not a ReDial dialogue ({exc})") from exc
            if not isinstance(answers, dict):
                continue
            out[key] = frozenset(
                str(movie) for movie, answer in answers.items()
                if isinstance(answer, dict) and (answer.get("seen") == 1 or answer.get("liked") == 0)
            )
    return out


@dataclass(frozen=True)
class SeekerSaid:
    """What a turn's seeker said about the items they named.

    Attributes:
        named: Items the seeker's own utterances named (every item carrying each title).
        asks: Items the seeker's last utterance asks for by name, in order.
    """

    named: frozenset[str]
    asks: tuple[str, ...]


def seeker_said(context: Sequence[str], linker: TitleLinker) -> SeekerSaid:
    """The items a turn's seeker named, and those their last utterance asks for by name.

    The roles are read as :func:`chatrec.eval.turns.dialogue_roles` reads them (the last
    utterance is the seeker's, roles alternate backwards).
    """
    named: set[str] = set()
    asks: tuple[str, ...] = ()
    roles = dialogue_roles(context)
    for number, (role, text) in enumerate(roles):
        if role != "customer":
            continue
        mentions = linker.find(text)
        for mention in mentions:
            named.update(mention.alternatives or (mention.item_id,))
        if number == len(roles) - 1:
            same = {m.item_id: m.alternatives or (m.item_id,) for m in mentions}
            said = item_statements(text, mentions)
            asks = tuple(dict.fromkeys(a for i, s in said.items() if s == "asks" for a in same.get(i, (i,))))
    return SeekerSaid(frozenset(named), asks)
