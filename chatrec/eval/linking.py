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
from chatrec.linking import TitleLinker, split_year

__all__ = ["LinkingResult", "evaluate_linking"]

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
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read dialogues {path}: {exc.strerror or exc}") from exc
    with handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                messages = record["messages"]
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
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
