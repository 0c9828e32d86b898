"""The error hierarchy of chatrec.

Every error chatrec raises on purpose derives from :class:`ChatRecError`, so callers can
catch one type. Errors caused by bad input also derive from :class:`ValueError`; the CLI
prints any of them as one readable line and the HTTP layer maps them to a 4xx answer.
"""

from __future__ import annotations

__all__ = [
    "AdapterError",
    "CatalogError",
    "ChatRecError",
    "ConfigError",
    "IndexError_",
    "IndexNotFoundError",
    "InputError",
    "ModelError",
    "NotFoundError",
    "PromptError",
    "SessionNotFoundError",
    "ItemNotFoundError",
    "SessionBusyError",
]


class ChatRecError(Exception):
    """Base class of every error chatrec raises on purpose."""

    #: HTTP status the API answers with when this error reaches it.
    status_code: int = 500


class InputError(ChatRecError, ValueError):
    """Bad input from a caller: a message, a parameter, a file."""

    status_code = 400


class ConfigError(InputError):
    """A setting that cannot be used (wrong value, missing folder)."""


class CatalogError(InputError):
    """A catalogue file that cannot be read, or has too many bad rows."""


class IndexError_(ChatRecError):
    """An index that cannot be built, opened or queried.

    Named with a trailing underscore so it does not shadow Python's built-in ``IndexError``.
    """


class IndexNotFoundError(IndexError_, InputError):
    """No index exists at the given folder."""

    status_code = 404


class NotFoundError(InputError):
    """Something a caller named does not exist."""

    status_code = 404


class SessionNotFoundError(NotFoundError):
    """An unknown session id."""


class SessionBusyError(ChatRecError):
    """A session still answering another message after the wait (``session_wait_seconds``)."""

    status_code = 409


class ItemNotFoundError(NotFoundError):
    """An unknown catalogue item id."""


class ModelError(ChatRecError):
    """A model that cannot be found, converted or loaded."""


class AdapterError(ModelError, ValueError):
    """A LoRA adapter folder that is missing, corrupt or does not fit the base model."""


class PromptError(ChatRecError, ValueError):
    """A prompt template that is malformed, or rendered with a missing variable."""
