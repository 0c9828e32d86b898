"""Conversation moves batch 6's shoppers make (issue 12, branch i12o): a question phrased as a
complaint about the items shown, and a polite close.

- "none of these are formal?" is a question about the items shown, not a rejection: it is read as
  "are any of these formal?" (:func:`as_any_question`), which :mod:`chatrec.answers` answers from
  the items' data. "none of these are what I want" stays a rejection.
- "never mind, thanks", "thanks anyway", "forget it, I'll look elsewhere. thanks for your help"
  close the conversation (:func:`closes`): no new items and no new question.
- "a wedding outfit for a man", "something for my daughter's graduation": an occasion is a wish on the
  catalogue's values that dress for it (fashion ``usage``: Formal, Ethnic; :func:`occasion`), and an
  occasion for a person is specific enough to show items at once.

Cue phrases are data: ``prompts/conversation_cues_6.txt``, ``prompts/occasion_words.txt``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path

from chatrec.conversation import load_cues
from chatrec.errors import ConfigError
from chatrec.prompting import default_prompts_dir

__all__ = ["as_any_question", "closes", "dressed_for", "no_such_type", "occasion"]

_CUES_FILE = default_prompts_dir() / "conversation_cues_6.txt"
_OCCASIONS_FILE = default_prompts_dir() / "occasion_words.txt"


def as_any_question(message: str) -> str | None:
    """ "none of these are formal?" -> "are any of these formal?"; None for any other message."""
    for pattern in load_cues(_CUES_FILE).get("none_of_shown", ()):
        match = pattern.search(message.strip())
        if match is not None:
            return f"are any of these {match.group('what').strip()}?"
    return None


def closes(message: str) -> bool:
    """True when the shopper ends the conversation or gives up with thanks ("never mind, thanks")."""
    return any(p.search(message) for p in load_cues(_CUES_FILE).get("closing", ()))


@lru_cache(maxsize=4)
def load_occasions(path: Path | str = _OCCASIONS_FILE) -> tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]:
    """(pattern of an occasion's spellings, the values that dress for it) from the occasions file.

    Raises:
        ConfigError: The file is missing or a line has no "=>".
    """
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ConfigError(f"cannot read the occasion words {path}: {exc}") from exc
    occasions = []
    for number, line in enumerate(lines, start=1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        if "=>" not in line:
            raise ConfigError(f"{path}:{number}: an occasion line needs 'spellings => values'")
        words, values = line.split("=>", 1)
        spellings = [w.strip() for w in words.split("|") if w.strip()]
        alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in spellings)
        pattern = re.compile(rf"(?<![a-z])(?:{alternatives})(?![a-z])", re.IGNORECASE)
        occasions.append((pattern, tuple(v.strip() for v in values.split(",") if v.strip())))
    return tuple(occasions)


def occasion(message: str, counts: Mapping[str, Mapping[str, int]]) -> dict[str, list[str]]:
    """The catalogue values that dress for the occasion the message names, by field
    ("a wedding outfit" -> ``{"usage": ["Ethnic", "Formal"]}``); empty when it names none or the
    catalogue has no field with those values. ``counts`` is the vocabulary's values per field."""
    for pattern, wanted in load_occasions():
        if not pattern.search(message):
            continue
        folded = {w.casefold() for w in wanted}
        for name, values in counts.items():
            found = sorted(str(v) for v in values if str(v).casefold() in folded)
            if found:
                return {name: found}
    return {}


def dressed_for(include: Mapping[str, object], counts: Mapping[str, Mapping[str, int]]) -> bool:
    """True when the wishes in force hold an occasion's values (a field :func:`occasion` fills)."""
    every = {v.casefold() for _, values in load_occasions() for v in values}
    return any(
        name in counts and isinstance(values, list | tuple) and values
        and all(str(v).casefold() in every for v in values)
        for name, values in include.items()
    )


#: i12v: words of a request that names no product ("what you have", "whatever you've got").
_NO_THING = frozenset("what whatever you your have got has there available options something anything everything "
                      "them these those ones all others other more else different some few".split())


def no_such_type(message: str, type_values: Iterable[str]) -> str | None:
    """The product asked for by name ("a laptop with at least 8GB RAM" -> "laptop") when no product type
    of the catalogue has its head word, else None: the catalogue may use the word ("cable for laptop"),
    but sells no such product. Only for a message from which no product type was read."""
    from chatrec.grounding import singular
    from chatrec.not_carried import GENERIC, asked_for
    from chatrec.text import tokens

    thing = asked_for(message)
    if thing is None:
        return None
    thing = re.split(r"\s+(?:with|that|which|having|under|over|below|above|of|for|in)\b", thing, maxsplit=1)[0]
    words = [w for w in tokens(thing) if w.isalpha() and len(w) > 2]
    if words and set(words) <= _NO_THING:  # i12v: "show me what you have" names no product
        return None
    if not words or len(words) > 3 or GENERIC & set(words) \
            or re.search(rf"\b{re.escape(words[-1])}\b", thing) is None:
        return None  # "show me others like it" names nothing; "do you have Dunkirk?" names a title or a make
    kinds = {singular(w) for value in type_values
             for w in tokens(re.sub(r"(?<=[a-z])(?=[A-Z])", " ", str(value))) if w.isalpha()}
    head = singular(words[-1])
    return None if head in kinds else thing
