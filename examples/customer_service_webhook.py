"""A customer-service bot's webhook that answers shopping questions with the chatrec API.

The webhook speaks Rasa's REST channel format (``POST /webhooks/rest/webhook`` with
``{"sender": ..., "message": ...}``, answered with a list of bot messages), which most
bot front ends (Rasa webchat, Botfront, custom widgets) accept. Each message from the
customer goes to chatrec's OpenAI-compatible ``/v1/chat/completions`` with the customer id
as ``user``, so every customer keeps one conversation. The answer becomes:

- the assistant's text,
- the question's options as quick-reply buttons,
- the recommended items as a carousel (``template_type: generic``) with 👍 / 👎 buttons
  whose payloads (``/like ITEM_ID``, ``/dislike ITEM_ID``) come back here and are recorded
  with ``POST /v1/feedback``.

Run it next to ``chatrec serve``::

    chatrec serve --port 8000 &
    CHATREC_URL=http://127.0.0.1:8000 uvicorn examples.customer_service_webhook:app --port 5005
    curl -s localhost:5005/webhooks/rest/webhook -d '{"sender": "c1", "message": "black shoes"}'

In a Rasa custom action, call :meth:`ChatRecBridge.handle` from ``Action.run`` and pass
each returned message to ``dispatcher.utter_message(json_message=...)``.
"""

from __future__ import annotations

import logging
import os
from collections import OrderedDict
from typing import Any

import httpx
from fastapi import FastAPI
from pydantic import BaseModel, Field

__all__ = ["ChatRecBridge", "create_webhook_app"]

logger = logging.getLogger(__name__)

SORRY = "Sorry, I can't look up products right now. A colleague will get back to you."


class ChatRecBridge:
    """Turns a customer's message into chatrec calls and bot messages.

    Args:
        base_url: Where ``chatrec serve`` listens, e.g. ``http://127.0.0.1:8000``.
        api_key: chatrec API key, when the server has ``CHATREC_API_KEYS`` set.
        client: An ``httpx.Client`` to reuse (tests pass FastAPI's ``TestClient``).
        timeout: Seconds to wait for chatrec.
    """

    def __init__(
        self,
        base_url: str = "http://127.0.0.1:8000",
        api_key: str | None = None,
        client: httpx.Client | None = None,
        timeout: float = 30.0,
    ) -> None:
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self.client = client or httpx.Client(base_url=base_url, timeout=timeout)
        self.headers = headers
        # chatrec scopes a `user`'s session by API key; feedback names the session it returned.
        self._sessions: OrderedDict[str, str] = OrderedDict()

    def handle(self, sender: str, text: str) -> list[dict[str, Any]]:
        """Answer one customer message with Rasa-style bot messages."""
        command, _, argument = text.strip().partition(" ")
        if command in ("/like", "/dislike") and argument:
            return self._feedback(sender, argument.strip(), "liked" if command == "/like" else "rejected")
        try:
            response = self.client.post(
                "/v1/chat/completions",
                json={"messages": [{"role": "user", "content": text}], "user": sender},
                headers=self.headers,
            )
        except httpx.HTTPError as exc:
            logger.warning("chatrec unreachable: %s", exc)
            return [{"recipient_id": sender, "text": SORRY}]
        if response.status_code in (400, 413, 422):
            # The customer's message itself was refused (too long, empty): ask again.
            return [{"recipient_id": sender, "text": "Sorry, I could not read that. Could you say it in a few words?"}]
        if response.status_code != 200:
            logger.warning("chatrec answered %s: %s", response.status_code, response.text[:200])
            return [{"recipient_id": sender, "text": SORRY}]
        body = response.json()
        extra = body["chatrec"]
        self._sessions[sender] = extra["session_id"]
        self._sessions.move_to_end(sender)
        if len(self._sessions) > 10_000:
            self._sessions.popitem(last=False)
        messages: list[dict[str, Any]] = []
        answer = body["choices"][0]["message"]["content"]
        question = extra.get("question")
        if question and question.get("options"):
            messages.append({
                "recipient_id": sender,
                "text": answer,
                "buttons": [{"title": option, "payload": option} for option in question["options"]],
            })
        else:
            messages.append({"recipient_id": sender, "text": answer})
        if extra.get("recommendations"):
            messages.append({"recipient_id": sender, "attachment": _carousel(extra["recommendations"])})
        return messages

    def _feedback(self, sender: str, item_id: str, kind: str) -> list[dict[str, Any]]:
        try:
            response = self.client.post(
                "/v1/feedback",
                json={"session_id": self._sessions.get(sender, sender), "item_id": item_id, "kind": kind},
                headers=self.headers,
            )
        except httpx.HTTPError as exc:
            logger.warning("chatrec unreachable: %s", exc)
            return [{"recipient_id": sender, "text": SORRY}]
        if response.status_code == 404:
            return [{"recipient_id": sender, "text": "I don't know that item, sorry."}]
        if response.status_code != 200:
            return [{"recipient_id": sender, "text": SORRY}]
        thanks = "Great, noted!" if kind == "liked" else "Thanks, I'll show you other things."
        return [{"recipient_id": sender, "text": thanks}]


def _carousel(recommendations: list[dict[str, Any]]) -> dict[str, Any]:
    elements = []
    for rec in recommendations:
        price = f" · {rec['price']:g} {rec.get('currency') or ''}".rstrip() if rec.get("price") is not None else ""
        element: dict[str, Any] = {
            "title": rec["title"],
            "subtitle": f"{rec['reason']}{price}",
            "buttons": [
                {"title": "👍", "type": "postback", "payload": f"/like {rec['item_id']}"},
                {"title": "👎", "type": "postback", "payload": f"/dislike {rec['item_id']}"},
            ],
        }
        if rec.get("image_url"):
            element["image_url"] = rec["image_url"]
        elements.append(element)
    return {"type": "template", "payload": {"template_type": "generic", "elements": elements}}


class WebhookMessage(BaseModel):
    """What the bot front end posts (Rasa REST channel)."""

    sender: str = Field(min_length=1, max_length=200)
    message: str = Field(min_length=1, max_length=4000)


def create_webhook_app(bridge: ChatRecBridge) -> FastAPI:
    """The webhook app: ``POST /webhooks/rest/webhook`` answers with bot messages."""
    app = FastAPI(title="chatrec customer-service webhook")

    @app.post("/webhooks/rest/webhook")
    def webhook(body: WebhookMessage) -> list[dict[str, Any]]:
        return bridge.handle(body.sender, body.message)

    return app


def _app_from_environment() -> FastAPI:
    return create_webhook_app(
        ChatRecBridge(os.environ.get("CHATREC_URL", "http://127.0.0.1:8000"), os.environ.get("CHATREC_API_KEY"))
    )


def __getattr__(name: str) -> Any:
    # ``uvicorn examples.customer_service_webhook:app`` builds the app on demand, not at import.
    if name == "app":
        return _app_from_environment()
    raise AttributeError(name)
