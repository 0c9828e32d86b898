""""Undo that" (stop 41, b18-brand-undo): the shopper takes back the last change of their wishes.

"oneplus tv", "actually samsung", "undo that" put OnePlus back: the dialogue state keeps the wishes as they were
before the last message that changed them (:class:`chatrec.dialogue.Undone`). Only a message that says nothing
but the undo is read so ("undo that", "mach das rückgängig", "deshazlo", "撤销"); "go back to black" names what
to put back and is read as before.
"""

from __future__ import annotations

import re

__all__ = ["asks_to_undo"]

_UNDO = re.compile(
    r"^\W*(?:(?:ok|okay|hmm+|no|nah|wait|actually|sorry|oops|please|pls)\W+)*"
    r"(?:undo(?: (?:that|it|this|the last (?:change|one|step)|my last (?:change|message)))?"
    r"|revert(?: (?:that|it|the last change))?|(?:change|put|set) it back(?: (?:to how it was|please))?"
    r"|(?:go|take me) back to (?:how|what) it was(?: before)?"
    r"|(?:mach|mache|machen sie) (?:das|es) (?:bitte )?rückgängig|rückgängig(?: machen)?(?: bitte)?"
    r"|desh(?:az|ace|acer)(?:lo)?(?: eso| el último cambio)?|vuelve a como estaba"
    r"|撤销(?:一下|刚才的?(?:修改|改动)?)?|撤回(?:刚才的?(?:修改|改动)?)?|恢复(?:到)?(?:刚才|之前|上一步)(?:的)?(?:样子|设置)?|改回去(?:吧)?)"
    r"\W*(?:please|pls|bitte|por favor|吧)?\W*$",
    re.IGNORECASE,
)


def asks_to_undo(message: str) -> bool:
    """Whether the whole message takes back the last change ("undo that", "rückgängig bitte", "撤销")."""
    return bool(_UNDO.match(message.strip()))
