"""A fake ChatRec that follows the dialogue area's contract, for the HTTP and UI tests.

It answers from the fashion fixture with word overlap, keeps sessions in memory, asks a
question with quick replies when the message names nothing it knows, and raises the same
errors as the real :class:`chatrec.recommender.ChatRec`.
"""

from __future__ import annotations

import re
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from chatrec.catalog import Item, load_catalog
from chatrec.errors import InputError, ItemNotFoundError, SessionNotFoundError
from chatrec.reply import Question, Recommendation, Reply
from chatrec.settings import Settings

__all__ = ["FIXTURE_CATALOG", "FakeChatRec"]

FIXTURE_CATALOG = Path(__file__).parents[1] / "fixtures" / "fashion_small.csv"
_KINDS = {"shown", "clicked", "liked", "rejected"}


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower()))


class FakeChatRec:
    """Contract-following stand-in for ChatRec: respond, stream, feedback, session, item."""

    def __init__(self, settings: Settings, catalog_path: Path = FIXTURE_CATALOG) -> None:
        self.settings = settings
        self.items = {item.id: item for item in load_catalog(catalog_path).items}
        self._sessions: dict[str, dict[str, Any]] = {}
        self._lock = threading.Lock()
        self.feedback_log: list[tuple[str, str, str]] = []
        self.calls = 0

    def open(self) -> FakeChatRec:
        """Nothing to build: the catalogue is read in the constructor."""
        return self

    # --- the contract ---------------------------------------------------------------------
    def respond(self, message: str, session_id: str | None = None, user_id: str | None = None) -> Reply:
        """Answer one message (recommendations, or a question when nothing matches)."""
        self.calls += 1
        text = message.strip() if isinstance(message, str) else ""
        if not text:
            raise InputError("the message is empty")
        if len(text) > self.settings.max_message_chars:
            raise InputError(f"the message is longer than {self.settings.max_message_chars} characters")
        with self._lock:
            session_id = session_id or uuid.uuid4().hex
            state = self._sessions.setdefault(
                session_id,
                {"session_id": session_id, "user_id": user_id, "turns": [], "constraints": {}, "shown": []},
            )
            if user_id and not state["user_id"]:
                state["user_id"] = user_id
            state["turns"].append({"role": "customer", "text": text})
            query = " ".join(turn["text"] for turn in state["turns"] if turn["role"] == "customer")
        reply = self._answer(session_id, query)
        with self._lock:
            state["turns"].append({"role": "assistant", "text": reply.text})
            state["shown"].extend(rec.item_id for rec in reply.recommendations)
        return reply

    def stream(
        self, message: str, session_id: str | None = None, user_id: str | None = None
    ) -> Iterator[str | Reply]:
        """Text chunks of the reply, then the Reply itself."""
        reply = self.respond(message, session_id=session_id, user_id=user_id)
        yield from re.findall(r"\S+\s*", reply.text)
        yield reply

    def feedback(self, session_id: str, item_id: str, kind: str) -> None:
        """Record feedback on an item shown in a session."""
        if kind not in _KINDS:
            raise InputError(f"unknown feedback kind {kind!r}")
        with self._lock:
            if session_id not in self._sessions:
                raise SessionNotFoundError(f"unknown session {session_id!r}")
            if item_id not in self.items:
                raise ItemNotFoundError(f"unknown item {item_id!r}")
            self.feedback_log.append((session_id, item_id, kind))

    def session(self, session_id: str) -> dict[str, Any]:
        """The JSON-able state of a session."""
        with self._lock:
            if session_id not in self._sessions:
                raise SessionNotFoundError(f"unknown session {session_id!r}")
            state = self._sessions[session_id]
            return {**state, "turns": [dict(turn) for turn in state["turns"]], "shown": list(state["shown"])}

    def item(self, item_id: str) -> Item:
        """A catalogue item by id."""
        try:
            return self.items[item_id]
        except KeyError:
            raise ItemNotFoundError(f"unknown item {item_id!r}") from None

    # --- behaviour --------------------------------------------------------------------------
    def _answer(self, session_id: str, query: str) -> Reply:
        wanted = _words(query)
        scored = []
        for item in self.items.values():
            overlap = len(wanted & _words(item.title + " " + " ".join(map(str, item.attributes.values()))))
            if overlap:
                scored.append((overlap, item))
        scored.sort(key=lambda pair: (-pair[0], pair[1].id))
        if not scored:
            return Reply(
                session_id=session_id,
                text="What are you looking for?",
                question=Question(
                    text="What are you looking for?",
                    options=["Shoes", "Watches", "Shirts"],
                    attribute="articleType",
                ),
            )
        recs = [
            Recommendation(
                item_id=item.id,
                title=item.title,
                price=item.price,
                score=float(overlap),
                reason=f"It matches {overlap} of your words.",
                currency=item.currency,
                image_url=item.image_url,
                attributes={k: v for k, v in list(item.attributes.items())[:3]},
            )
            for overlap, item in scored[: self.settings.n_recommendations]
        ]
        text = f"Here are {len(recs)} items for you."
        return Reply(session_id=session_id, text=text, recommendations=recs, metadata={"fake": True})
