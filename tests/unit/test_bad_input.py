"""Bad input gets a clear reply or a clear error, never a traceback or a 500 (issue 12): empty,
10,000 characters, emoji only, control characters, scripts the assistant does not read;
through ``ChatRec.respond`` and the HTTP routes, on the fashion fixture."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from chatrec import ChatRec
from chatrec.errors import InputError
from chatrec.http.app import create_app
from chatrec.language import detect_language
from chatrec.settings import Settings

EMPTY = ["", "   ", "\n\t"]
TOO_LONG = ["a" * 10_000, "black shoes for men " * 500]
ODD = ["😀😀👍", "\x00\x01\x02", "؟", "ﷺ", "<script>alert(1)</script>", "' OR 1=1 --", "…", "12345"]
OTHER_SCRIPTS = ["أريد حذاء أسود", "Покажи мне чёрные кроссовки", "Θέλω μαύρα παπούτσια", "काले जूते", "こんにちは"]


@pytest.mark.parametrize("message", EMPTY + TOO_LONG)
def test_empty_or_huge_messages_are_a_clear_input_error(fashion_chatrec: ChatRec, message: str) -> None:
    with pytest.raises(InputError, match=r"empty|characters; the limit is"):
        fashion_chatrec.respond(message, session_id="bad")


@pytest.mark.parametrize("message", ODD + OTHER_SCRIPTS)
def test_odd_messages_get_a_clear_reply(fashion_chatrec: ChatRec, message: str) -> None:
    reply = fashion_chatrec.respond(message, session_id=f"odd-{len(message)}")
    assert reply.text.strip()
    # Nothing understood: the assistant asks or greets rather than showing arbitrary items.
    assert reply.question is not None or reply.recommendations == [] or reply.metadata["understood"]["include"]


@pytest.mark.parametrize("message", OTHER_SCRIPTS[:4])
def test_another_script_is_said_to_be_read_poorly(fashion_chatrec: ChatRec, message: str) -> None:
    assert detect_language(message) == "other"
    reply = fashion_chatrec.respond(message, session_id=f"script-{message[:2]}")
    assert "English, Chinese, Spanish and German" in reply.text


@pytest.fixture
def client(settings: Settings, fashion_chatrec: ChatRec) -> TestClient:
    return TestClient(create_app(settings, fashion_chatrec), raise_server_exceptions=False)


@pytest.mark.parametrize("message", EMPTY + TOO_LONG)
@pytest.mark.parametrize("path", ["/v1/chat", "/v1/chat/stream"])
def test_http_rejects_empty_and_huge_messages_with_a_4xx(client: TestClient, path: str, message: str) -> None:
    response = client.post(path, json={"message": message})
    assert 400 <= response.status_code < 500, response.text
    detail = response.json()["detail"]
    assert "empty" in str(detail) or "limit" in str(detail) or "at least 1 character" in str(detail)


@pytest.mark.parametrize("message", ODD + OTHER_SCRIPTS)
def test_http_answers_odd_messages(client: TestClient, message: str) -> None:
    response = client.post("/v1/chat", json={"message": message})
    assert response.status_code == 200, response.text
    assert response.json()["text"].strip()
    streamed = client.post("/v1/chat/stream", json={"message": message})
    assert streamed.status_code == 200 and "event: reply" in streamed.text


@pytest.mark.parametrize("message", ["", "a" * 10_000, "😀", "Покажи мне чёрные кроссовки"])
def test_openai_compatible_route_never_500s(client: TestClient, message: str) -> None:
    response = client.post(
        "/v1/chat/completions", json={"messages": [{"role": "user", "content": message}]}
    )
    assert response.status_code < 500, response.text
