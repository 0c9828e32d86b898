"""What the shopper says about an item they name: they have it (seen, own, did not like) or ask for it.

"I've seen Inception", "I already own the WH-1000XM4", "I didn't like Up" mean: do not hand it
back. "Do you have Inception?", "show me the Sony ones" mean: show it. Everything else (a
reference such as "something like Inception") is left to the caller. The cues are word lists
in ``prompts/ownership_cues.txt`` (data, not code), matched in the words just before and after
the mention, within its clause. A mention right after a reference cue ("something like",
"similar to") is a reference even after an asking cue ("I want something like Inception").

:func:`stated` turns a message into the :class:`~chatrec.dialogue.Stated` event the product's
turn applies: "has" items are never recommended, "asks" items are shown first.
:func:`item_statements` is a pure function of a message and its linked mentions, so that a
typed request (the understanding step) can call it per reference.
"""

from __future__ import annotations

import re
from collections.abc import Container, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol

from chatrec.dialogue import Stated
from chatrec.linking import Mention
from chatrec.prompting import default_prompts_dir, read_cue_file

if TYPE_CHECKING:
    from chatrec.index import CatalogIndex
    from chatrec.ranking import Ranked
    from chatrec.retrieval import Candidate

__all__ = ["MentionFinder", "Statement", "asked_first", "item_statements", "load_cues", "requested_first", "stated"]

Statement = Literal["has", "asks", "reference"]

_CUES_FILE = default_prompts_dir() / "ownership_cues.txt"
_CLAUSE_END = re.compile(r"[.!?;\n]|\bbut\b", re.IGNORECASE)
_WINDOW = 60
#: What may stand between two titles of one list ("Up, Heat and Alien", "Up (2009) or Heat").
_LISTED = re.compile(r"[\s,/&]*(?:(?:and|or|&|plus|as well as)(?: also| even| maybe)?)?[\s,/&]*", re.IGNORECASE)


@lru_cache(maxsize=4)
def load_cues(path: Path | str = _CUES_FILE) -> Mapping[str, tuple[re.Pattern[str], ...]]:
    """Cue patterns by section (``has_before``, ``has_after``, ``asks_before``, ``asks_after``,
    ``not_has_before``, ``not_has_after``, ``reference_before``) from the cues file.

    The file has ``[section]`` headers and one phrase a line (a regular expression matched on
    word boundaries, case-insensitively); ``#`` starts a comment.

    Raises:
        ConfigError: The file is missing or has a phrase outside a section or a bad pattern.
    """
    sections = read_cue_file(Path(path), "ownership cues", lambda line: rf"\b(?:{line})\b")
    # A reference cue counts only right before the mention ("like Inception", not "like it. Inception").
    if "reference_before" in sections:
        sections["reference_before"] = [
            re.compile(rf"{p.pattern}(?:\s+(?:the|a|an))?\W*$", re.IGNORECASE) for p in sections["reference_before"]
        ]
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
        Item id to ``"has"`` (seen, owns, did not like: do not recommend it), ``"asks"``
        (asked for by name: show it) or ``"reference"`` (what they want something like: most
        often they have it, and it is not what they ask for); items with no cue, or with a
        denial ("I haven't seen Up", "I'll check out Up"), are left out. Asking wins over
        having within one clause ("do you have the one I saw?" asks); a reference cue right
        before the mention ("I want something like Inception") means it is not asked for.
    """
    cues = load_cues() if cues is None else cues
    out: dict[str, Statement] = {}
    last: tuple[int, Statement | None] = (-1, None)  # end of the previous mention, what it said
    for mention in mentions:
        said = _statement(text, mention, cues)
        if said is None and last[0] >= 0 and _LISTED.fullmatch(text[last[0] : mention.start]):
            said = last[1]  # "I have seen Up, Heat and Alien": a title listed after another says the same
        if said == "asks":
            out[mention.item_id] = "asks"
        elif said is not None:
            out.setdefault(mention.item_id, said)
        last = (mention.end, said)
    return out


def _statement(text: str, mention: Mention, cues: Mapping[str, Sequence[re.Pattern[str]]]) -> Statement | None:
    """What the words around one mention say of it (see :func:`item_statements`)."""
    before = _clause_before(text, mention.start)
    after = _clause_after(text, mention.end)
    reference = any(p.search(before) for p in cues.get("reference_before", ()))
    asks = any(p.search(before) for p in cues.get("asks_before", ())) or any(
        p.search(after) for p in cues.get("asks_after", ())
    )
    denied = any(p.search(before) for p in cues.get("not_has_before", ())) or any(
        p.search(after) for p in cues.get("not_has_after", ())
    )
    if asks and not reference:
        return "asks"
    if denied:
        return None  # "I haven't seen Up", "I'll check out Up": they do not have it
    if any(p.search(before) for p in cues.get("has_before", ())) or any(
        p.search(after) for p in cues.get("has_after", ())
    ):
        return "has"
    return "reference" if reference else None


class MentionFinder(Protocol):
    """Finds catalogue items named in a text, with their positions (:class:`chatrec.linking.TitleLinker`)."""

    def find(self, text: str) -> list[Mention]:
        """The mentions in ``text``, in order of appearance."""
        ...


def stated(linker: MentionFinder, message: str, known: Container[str]) -> Stated:
    """The :class:`~chatrec.dialogue.Stated` event of a shopper's message: the catalogue items
    (ids in ``known``) it says the shopper has, and those it asks for by name (every item
    carrying the title asked for)."""
    mentions = linker.find(message)
    said = item_statements(message, mentions)
    # A title several items carry ("Jumanji"): asking for it shows each of them.
    same = {m.item_id: m.alternatives or (m.item_id,) for m in mentions}
    has = tuple(i for i, s in said.items() if s == "has" and i in known)
    asks = tuple(dict.fromkeys(a for i, s in said.items() if s == "asks" for a in same.get(i, (i,)) if a in known))
    return Stated(has=has, asks=asks)


def requested_first(index: CatalogIndex, requested: Sequence[str], candidates: Sequence[Candidate]) -> list[Candidate]:
    """The candidates with the items asked for by name in front (in the order asked), whatever
    the filters: the shopper named them, so they are shown even if the search would not find them."""
    from chatrec.retrieval import Candidate

    wanted = [i for i in dict.fromkeys(requested) if i in index]
    if not wanted:
        return list(candidates)
    found = {c.item.id: c for c in candidates}
    top = max((c.score for c in candidates), default=1.0)
    front = [found.get(i) or Candidate(item=index.get(i), score=top) for i in wanted]
    return [*front, *(c for c in candidates if c.item.id not in set(wanted))]


def asked_first(
    requested: Sequence[str], candidates: Sequence[Candidate], chosen: Sequence[Ranked], n: int
) -> list[Ranked]:
    """The ranked items with those asked for by name first (in the order asked), ``n`` at most.

    A ranker (an LLM) may move or drop an item the shopper asked for; asking by name means
    it is shown, first.
    """
    from chatrec.ranking import Ranked

    wanted = list(dict.fromkeys(requested))
    if not wanted:
        return list(chosen)
    by_id = {c.item.id: c for c in candidates}
    front: list[Ranked] = []
    titles: set[str] = set()
    for item_id in wanted:
        candidate = by_id.get(item_id)
        title = _title(candidate.item.title) if candidate is not None else ""
        if candidate is not None and title not in titles:  # one of a title listed twice in the catalogue
            front.append(Ranked(candidate, candidate.score))
            titles.add(title)
    asked = {r.candidate.item.id for r in front}
    rest = (r for r in chosen if r.candidate.item.id not in asked and _title(r.candidate.item.title) not in titles)
    return [*front, *rest][:n]


def _title(title: str) -> str:
    return " ".join(title.lower().split())
