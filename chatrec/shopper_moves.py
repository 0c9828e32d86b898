"""Conversation moves batch 6's shoppers make (issue 12, branch i12o): a question phrased as a
complaint about the items shown, and a polite close.

- "none of these are formal?" is a question about the items shown, not a rejection: it is read as
  "are any of these formal?" (:func:`as_any_question`), which :mod:`chatrec.answers` answers from
  the items' data. "none of these are what I want" stays a rejection.
- "never mind, thanks", "thanks anyway", "forget it, I'll look elsewhere. thanks for your help"
  close the conversation (:func:`closes`): no new items and no new question.

Cue phrases are data: ``prompts/conversation_cues_6.txt``.
"""

from __future__ import annotations

from chatrec.conversation import load_cues
from chatrec.prompting import default_prompts_dir

__all__ = ["as_any_question", "closes"]

_CUES_FILE = default_prompts_dir() / "conversation_cues_6.txt"


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
