"""chatrec: a conversational recommender for product catalogues.

The public API::

    from chatrec import ChatRec
    rec = ChatRec.from_settings()
    reply = rec.respond("I need running shoes", session_id="s1")

``ChatRec`` is imported on first use, so that ``import chatrec.catalog`` (or the CLI's
``--help``) does not load torch and the models' libraries.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from chatrec.catalog import Item
from chatrec.errors import (
    AdapterError,
    CatalogError,
    ChatRecError,
    ConfigError,
    IndexNotFoundError,
    InputError,
    ItemNotFoundError,
    ModelError,
    NotFoundError,
    PromptError,
    SessionNotFoundError,
)
from chatrec.reply import Question, Recommendation, Reply
from chatrec.settings import Settings

if TYPE_CHECKING:
    from chatrec.recommender import ChatRec

__all__ = [
    "AdapterError",
    "CatalogError",
    "ChatRec",
    "ChatRecError",
    "ConfigError",
    "IndexNotFoundError",
    "InputError",
    "Item",
    "ItemNotFoundError",
    "ModelError",
    "NotFoundError",
    "PromptError",
    "Question",
    "Recommendation",
    "Reply",
    "SessionNotFoundError",
    "Settings",
]


def __getattr__(name: str) -> Any:
    if name == "ChatRec":
        from chatrec.recommender import ChatRec

        return ChatRec
    raise AttributeError(f"module 'chatrec' has no attribute {name!r}")
