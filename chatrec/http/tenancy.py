"""Sessions belong to the API key that created them.

With API keys configured, each key is a tenant (a bot, a shop front): a session created
with one key answers 404 to every other key, exactly as an unknown session does, so a key
cannot even learn which session ids exist. Without keys there is one tenant and nothing
is checked.
"""

from __future__ import annotations

import uuid
from typing import Any

from chatrec.errors import SessionNotFoundError

__all__ = ["claim", "check_owner", "scoped_session_id"]


def _not_found(session_id: str) -> SessionNotFoundError:
    return SessionNotFoundError(f"no session with id {session_id!r}")


def claim(chatrec: Any, session_id: str | None, tenant: str | None) -> str | None:
    """The session id a chat request continues, created for ``tenant`` when new.

    Returns:
        ``session_id``, or a new id when none was given and the API has keys (None
        without keys: the engine makes one).

    Raises:
        SessionNotFoundError: The session belongs to another tenant (404).
    """
    if tenant is None:
        return session_id
    session_id = session_id or uuid.uuid4().hex
    if not chatrec.store.claim_session(session_id, tenant):
        raise _not_found(session_id)
    return session_id


def check_owner(chatrec: Any, session_id: str, tenant: str | None) -> None:
    """Raise 404 unless the session exists for ``tenant`` (anything goes without keys).

    Raises:
        SessionNotFoundError: Unknown session, or another tenant's.
    """
    if tenant is not None and not chatrec.store.owned_by(session_id, tenant):
        raise _not_found(session_id)


def scoped_session_id(user: str, tenant: str | None) -> str:
    """The session id of an OpenAI ``user``: the same end-user id under two keys is two conversations."""
    return user if tenant is None else f"{tenant}:{user}"
