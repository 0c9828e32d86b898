"""Title linking against ReDial's own mentions: precision and recall of :class:`~chatrec.linking.TitleLinker`.

In raw ReDial dialogues every movie a participant named is written ``@123`` (a catalogue id).
Each message is rendered as a shopper would type it: every ``@id`` replaced by the movie's
title, with its year (``"The Shining (1980)"``, as the processed ReDial turns write it) or,
for a seeded share ``no_year_share`` of the mentions, without it (``"The Shining"``, as people
type). The linker then reads the rendered message; a link is right when the movie it names
(or, for an ambiguous title, one of its alternatives) is among the message's ``@id`` s.
Everything else the message says ("I like ACTION", "HELP me", "It was great") can only
produce false links, which is what precision measures.
"""

from __future__ import annotations

import json
import random
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chatrec.catalog import Item
from chatrec.errors import InputError
from chatrec.fileio import iter_jsonl
from chatrec.linking import TitleLinker, split_year

__all__ = ["LinkingResult", "OwnershipResult", "evaluate_linking", "evaluate_ownership"]

_MENTION = re.compile(r"@(\d+)")


@dataclass
class LinkingResult:
    """Counts of a linking evaluation.

    Attributes:
        messages: Messages read.
        gold: ``@id`` mentions of catalogue movies (one per movie and message).
        found: Gold mentions the linker found.
        links: Links the linker made.
        correct: Links naming a movie of the message's ``@id`` s.
        false_surfaces: How often each wrongly linked text was linked.
        missed_titles: How often each gold title was missed.
    """

    messages: int = 0
    gold: int = 0
    found: int = 0
    links: int = 0
    correct: int = 0
    false_surfaces: Counter[str] = field(default_factory=Counter)
    missed_titles: Counter[str] = field(default_factory=Counter)

    def summary(self, top: int = 15) -> dict[str, Any]:
        """Precision, recall, the counts and the most frequent false links and misses."""
        return {
            "precision": round(self.correct / self.links, 4) if self.links else None,
            "recall": round(self.found / self.gold, 4) if self.gold else None,
            "messages": self.messages, "gold_mentions": self.gold, "links": self.links,
            "false_links": self.links - self.correct,
            "top_false_links": dict(self.false_surfaces.most_common(top)),
            "top_missed": dict(self.missed_titles.most_common(top)),
        }


def _messages(path: Path) -> Iterable[str]:
    for number, record in iter_jsonl(path, "dialogues"):
        try:
            messages = record["messages"]
        except (KeyError, TypeError) as exc:
            raise InputError(f"{path}:{number} is not a ReDial dialogue ({exc})") from exc
        for message in messages:
            yield str(message.get("text", ""))


def evaluate_linking(
    paths: Sequence[Path | str],
    items: Sequence[Item],
    *,
    no_year_share: float = 0.5,
    seed: int = 0,
    limit: int | None = None,
    linker: TitleLinker | None = None,
) -> LinkingResult:
    """Link every message of raw ReDial dialogues and compare with its ``@id`` mentions.

    Args:
        paths: Raw ReDial files (``train_part_*.jsonl``).
        items: The catalogue (movie ids are ReDial's).
        no_year_share: Share of the mentions written without their year (seeded).
        seed: Seed of which mentions lose their year.
        limit: Read at most this many messages.
        linker: The linker to score (default: a :class:`TitleLinker` over ``items``).

    Raises:
        InputError: A file is missing or not ReDial JSON lines, or ``no_year_share`` is not in [0, 1].
    """
    if not 0.0 <= no_year_share <= 1.0:
        raise InputError(f"the share of mentions without a year must be in [0, 1], got {no_year_share}")
    titles = {item.id: item.title for item in items}
    linker = linker or TitleLinker(items)
    rng = random.Random(seed)
    result = LinkingResult()
    for path in paths:
        for text in _messages(Path(path)):
            if limit is not None and result.messages >= limit:
                return result
            result.messages += 1
            gold = {item_id for item_id in _MENTION.findall(text) if item_id in titles}

            def render(match: re.Match[str]) -> str:
                title = titles.get(match.group(1))
                if title is None:
                    return match.group(0)
                return split_year(title)[0] if rng.random() < no_year_share else title

            rendered = _MENTION.sub(render, text)
            found: set[str] = set()
            for mention in linker.find(rendered):
                result.links += 1
                hit = gold & set(mention.alternatives or (mention.item_id,))
                if hit:
                    result.correct += 1
                    found |= hit
                else:
                    result.false_surfaces[mention.surface] += 1
            result.gold += len(gold)
            result.found += len(found)
            for item_id in gold - found:
                result.missed_titles[titles[item_id]] += 1
    return result


@dataclass
class OwnershipResult:
    """How well :func:`chatrec.ownership.item_statements` finds the movies a ReDial seeker has seen or disliked.

    Attributes:
        movies: Seeker-named movies whose questionnaire answers "seen" yes or no.
        has: Of those, the ones the seeker had seen or did not like (the truth).
        predicted: Movies the seeker's own messages were read as "has".
        correct: Predicted movies that were truly seen or disliked.
        asks: Movies read as "asks" (asked for by name).
        references: Movies read as "reference" ("something like X").
        references_correct: Of those, the ones truly seen or disliked.
    """

    movies: int = 0
    has: int = 0
    predicted: int = 0
    correct: int = 0
    asks: int = 0
    references: int = 0
    references_correct: int = 0

    def summary(self) -> dict[str, Any]:
        """Precision and recall of "has" (and of "has" or "reference"), and the counts."""
        found = self.correct + self.references_correct
        said = self.predicted + self.references
        return {
            "precision": round(self.correct / self.predicted, 4) if self.predicted else None,
            "recall": round(self.correct / self.has, 4) if self.has else None,
            "has_or_reference_precision": round(found / said, 4) if said else None,
            "has_or_reference_recall": round(found / self.has, 4) if self.has else None,
            "predicted_reference": self.references,
            "reference_precision": round(self.references_correct / self.references, 4) if self.references else None,
            "movies": self.movies, "seen_or_disliked": self.has, "predicted_has": self.predicted,
            "predicted_asks": self.asks,
            # Reading every named movie as "has" (what excluding all named items does):
            "named_is_has_precision": round(self.has / self.movies, 4) if self.movies else None,
        }


_RANK = {"reference": 0, "has": 1, "asks": 2}


def evaluate_ownership(paths: Sequence[Path | str], items: Sequence[Item], *, limit: int | None = None) -> OwnershipResult:
    """Score "the shopper has it" detection against ReDial's ``initiatorQuestions``.

    For every movie the seeker named (``@id`` in their own messages, written out as its title
    with its year), the truth is the seeker's questionnaire: seen (1) or not liked (0) means
    "has"; movies whose "seen" answer is missing (2) are left out. A movie is predicted "has"
    when one of the seeker's messages says so about it.

    Raises:
        InputError: A file is missing or not ReDial JSON lines.
    """
    from chatrec.ownership import item_statements

    titles = {item.id: item.title for item in items}
    linker = TitleLinker(items)
    result = OwnershipResult()
    dialogues = 0
    for path in paths:
        path = Path(path)
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise InputError(f"cannot read dialogues {path}: {exc.strerror or exc}") from exc
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            if limit is not None and dialogues >= limit:
                return result
            dialogues += 1
            try:
                record = json.loads(line)
                seeker = record["initiatorWorkerId"]
                answers = record.get("initiatorQuestions") or {}
                messages = record["messages"]
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise InputError(f"{path}:{number} is not a ReDial dialogue ({exc})") from exc
            if not isinstance(answers, dict):
                continue
            named: set[str] = set()
            said: dict[str, str] = {}
            for message in messages:
                if message.get("senderWorkerId") != seeker:
                    continue
                text = str(message.get("text", ""))
                named.update(i for i in _MENTION.findall(text) if i in titles)
                rendered = _MENTION.sub(lambda m: titles.get(m.group(1), m.group(0)), text)
                for item_id, statement in item_statements(rendered, linker.find(rendered)).items():
                    # Across messages: asked for wins, then has, then a reference.
                    if _RANK[statement] >= _RANK.get(said.get(item_id, ""), -1):
                        said[item_id] = statement
            for item_id in named:
                answer = answers.get(item_id)
                if not isinstance(answer, dict) or answer.get("seen") not in (0, 1):
                    continue
                truth = answer.get("seen") == 1 or answer.get("liked") == 0
                result.movies += 1
                result.has += int(truth)
                if said.get(item_id) == "has":
                    result.predicted += 1
                    result.correct += int(truth)
                elif said.get(item_id) == "asks":
                    result.asks += 1
                elif said.get(item_id) == "reference":
                    result.references += 1
                    result.references_correct += int(truth)
    return result
