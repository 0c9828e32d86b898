"""The customer-service webhook example of ``examples/`` against the chatrec API."""

from __future__ import annotations

import importlib.util
import socket
from pathlib import Path
from types import ModuleType

import httpx
import pytest
from chatrec_engines import make_engine
from fastapi.testclient import TestClient

from chatrec.http.app import create_app
from chatrec.settings import Settings

EXAMPLE = Path(__file__).parents[2] / "examples" / "customer_service_webhook.py"


@pytest.fixture(scope="module")
def example() -> ModuleType:
    spec = importlib.util.spec_from_file_location("customer_service_webhook", EXAMPLE)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def api(settings: Settings) -> TestClient:
    engine, settings = make_engine(settings.model_copy(update={"api_keys": "bot-key"}))
    return TestClient(create_app(settings, engine))


def _webhook(example: ModuleType, api: TestClient, key: str | None = "bot-key") -> TestClient:
    bridge = example.ChatRecBridge(api_key=key, client=api)
    return TestClient(example.create_webhook_app(bridge))


def _session_of(api: TestClient, sender: str) -> str:
    """The session chatrec keeps for a bot's end user (its id scoped by the bot's key)."""
    reply = api.post(
        "/v1/chat/completions",
        json={"messages": [{"role": "user", "content": "hi"}], "user": sender},
        headers={"Authorization": "Bearer bot-key"},
    ).json()
    return str(reply["chatrec"]["session_id"])


def test_bot_shows_a_carousel_and_records_thumbs(example: ModuleType, api: TestClient) -> None:
    bot = _webhook(example, api)
    messages = bot.post("/webhooks/rest/webhook", json={"sender": "cust-9", "message": "black formal shoes for men"}).json()
    assert messages[0]["recipient_id"] == "cust-9" and messages[0]["text"]
    carousel = next(m["attachment"] for m in messages if "attachment" in m)
    elements = carousel["payload"]["elements"]
    assert elements and all(element["title"] and element["subtitle"] for element in elements)
    like = elements[0]["buttons"][0]["payload"]
    assert like.startswith("/like ")

    thanks = bot.post("/webhooks/rest/webhook", json={"sender": "cust-9", "message": like}).json()
    assert thanks == [{"recipient_id": "cust-9", "text": "Great, noted!"}]
    # The customer's turns went to one chatrec session, keyed by the sender (scoped by the bot's key).
    session_id = _session_of(api, "cust-9")
    session = api.get(f"/v1/sessions/{session_id}", headers={"Authorization": "Bearer bot-key"}).json()
    assert [turn["text"] for turn in session["turns"] if turn["role"] == "customer"] == ["black formal shoes for men", "hi"]
    assert {"item_id": like.split()[1], "kind": "liked"} in session["feedback"]


def test_bot_turns_a_question_into_buttons(example: ModuleType, api: TestClient) -> None:
    bot = _webhook(example, api)
    messages = bot.post("/webhooks/rest/webhook", json={"sender": "cust-10", "message": "hello, I need something"}).json()
    with_buttons = [m for m in messages if m.get("buttons")]
    if not with_buttons:
        pytest.skip("the engine recommended at once instead of asking")
    assert len(with_buttons[0]["buttons"]) >= 2
    option = with_buttons[0]["buttons"][0]["payload"]
    follow_up = bot.post("/webhooks/rest/webhook", json={"sender": "cust-10", "message": option}).json()
    assert follow_up[0]["text"]


def test_bot_says_sorry_when_chatrec_refuses_or_is_down(example: ModuleType, api: TestClient) -> None:
    wrong_key = _webhook(example, api, key="not-the-key")
    messages = wrong_key.post("/webhooks/rest/webhook", json={"sender": "c", "message": "shoes"}).json()
    assert messages == [{"recipient_id": "c", "text": example.SORRY}]

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed once the block ends: nothing listens there
    down = example.ChatRecBridge(f"http://127.0.0.1:{port}", client=None, timeout=2.0)
    assert down.handle("c", "shoes") == [{"recipient_id": "c", "text": example.SORRY}]
    assert isinstance(down.client, httpx.Client)


def test_unknown_item_in_a_thumb_payload(example: ModuleType, api: TestClient) -> None:
    bot = _webhook(example, api)
    bot.post("/webhooks/rest/webhook", json={"sender": "cust-11", "message": "blue sandals"})
    answer = bot.post("/webhooks/rest/webhook", json={"sender": "cust-11", "message": "/like no-such-item"}).json()
    assert answer[0]["text"] == "I don't know that item, sorry."
