"""The HTTP API's routes, against the real ChatRec on the fashion fixture (fake embedder, no LLM)."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from chatrec.http.app import create_app
from chatrec.recommender import ChatRec
from chatrec.settings import Settings


@pytest.fixture
def engine(fashion_chatrec: ChatRec) -> ChatRec:
    return fashion_chatrec


@pytest.fixture
def client(settings: Settings, engine: ChatRec) -> TestClient:
    return TestClient(create_app(settings, engine))


def _as_text(text: str, recommendations: list[dict]) -> str:
    """A reply's text with each item and its reason, as the stream writes it."""
    return text + "".join(f"\n{n}. {r['title']}: {r['reason']}" for n, r in enumerate(recommendations, start=1))


def _said(client: TestClient, session_id: str) -> str:
    """What the assistant said last in a session, as stored."""
    return client.get(f"/v1/sessions/{session_id}").json()["turns"][-1]["text"]


def _events(body: str) -> list[tuple[str, dict]]:
    """Parse a Server-Sent Events body into (event, data) pairs."""
    events = []
    for block in body.strip().split("\n\n"):
        fields = dict(line.split(": ", 1) for line in block.splitlines())
        events.append((fields.get("event", "message"), json.loads(fields["data"])))
    return events


# --- chat ------------------------------------------------------------------------------------------
def test_chat_recommends_items_and_starts_a_session(client: TestClient) -> None:
    response = client.post("/v1/chat", json={"message": "just show me black formal shoes for men"})
    assert response.status_code == 200
    body = response.json()
    assert body["session_id"]
    assert body["recommendations"], body
    for rec in body["recommendations"]:
        item = client.get(f"/v1/items/{rec['item_id']}").json()
        assert item["attributes"]["articleType"] == "Formal Shoes" and item["attributes"]["baseColour"] == "Black"
        assert rec["reason"]
    assert set(body) >= {"session_id", "text", "question", "recommendations"}


def test_chat_continues_the_given_session(client: TestClient) -> None:
    first = client.post("/v1/chat", json={"message": "black shoes", "user_id": "cust-7"}).json()
    second = client.post("/v1/chat", json={"message": "formal", "session_id": first["session_id"]}).json()
    assert second["session_id"] == first["session_id"]
    session = client.get(f"/v1/sessions/{first['session_id']}").json()
    assert [turn["role"] for turn in session["turns"]] == ["customer", "assistant"] * 2
    assert session["user_id"] == "cust-7"


def test_chat_asks_a_question_with_quick_replies(client: TestClient, engine: ChatRec) -> None:
    body = client.post("/v1/chat", json={"message": "something for men"}).json()
    assert body["recommendations"] == []
    question = body["question"]
    assert 2 <= len(question["options"]) <= 6
    values = engine.retriever.index.vocabulary.values(question["attribute"])
    assert all(option in values for option in question["options"])


def test_chat_stream_sends_chunks_then_the_reply(client: TestClient) -> None:
    response = client.post("/v1/chat/stream", json={"message": "just show me blue sandals"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/event-stream")
    events = _events(response.text)
    kinds = [kind for kind, _ in events]
    assert kinds[-1] == "reply" and set(kinds[:-1]) == {"chunk"}
    reply = events[-1][1]
    assert reply["recommendations"]
    assert "".join(data["text"] for kind, data in events[:-1]) == _as_text(reply["text"], reply["recommendations"])


def test_chat_stream_rejects_bad_input_before_streaming(client: TestClient) -> None:
    response = client.post("/v1/chat/stream", json={"message": "   "})
    assert response.status_code == 400
    assert "empty" in response.json()["detail"]


# --- OpenAI-compatible --------------------------------------------------------------------------
def _completion(**extra: object) -> dict:
    return {
        "model": "gpt-whatever",
        "temperature": 0.2,
        "messages": [
            {"role": "system", "content": "You are a shop assistant."},
            {"role": "user", "content": "something nice"},
            {"role": "assistant", "content": "What are you looking for?"},
            {"role": "user", "content": [{"type": "text", "text": "just show me a black watch"}]},
        ],
        **extra,
    }


def test_completions_answer_the_last_user_message(client: TestClient) -> None:
    response = client.post("/v1/chat/completions", json=_completion(user="cust-1"))
    assert response.status_code == 200
    body = response.json()
    assert body["object"] == "chat.completion"
    assert body["choices"][0]["message"]["role"] == "assistant"
    recs = body["chatrec"]["recommendations"]
    assert recs and all("Watch" in rec["title"] for rec in recs)
    # A bot that reads only the text still shows the items and why.
    content = body["choices"][0]["message"]["content"]
    assert content.splitlines()[1] == f"1. {recs[0]['title']}: {recs[0]['reason']}"
    assert content == _as_text(_said(client, "cust-1"), recs)
    assert body["chatrec"]["session_id"] == "cust-1" == response.headers["x-session-id"]


def test_completions_keep_one_session_per_user_field(client: TestClient, engine: ChatRec) -> None:
    client.post("/v1/chat/completions", json=_completion(user="cust-2"))
    client.post("/v1/chat/completions", json=_completion(user="cust-2"))
    client.post("/v1/chat/completions", json=_completion(user="cust-3"))
    assert len(engine.session("cust-2")["turns"]) == 4
    assert len(engine.session("cust-3")["turns"]) == 2


def test_completions_session_header_wins_over_user_field(client: TestClient, engine: ChatRec) -> None:
    body = client.post(
        "/v1/chat/completions", json=_completion(user="cust-4"), headers={"X-Session-Id": "s-42"}
    ).json()
    assert body["chatrec"]["session_id"] == "s-42"
    assert engine.session("s-42")["user_id"] == "cust-4"


def test_completions_stream_in_openai_chunks(client: TestClient) -> None:
    response = client.post("/v1/chat/completions", json=_completion(stream=True, user="cust-5"))
    assert response.status_code == 200
    lines = [line[len("data: "):] for line in response.text.splitlines() if line.startswith("data: ")]
    assert lines[-1] == "[DONE]"
    chunks = [json.loads(line) for line in lines[:-1]]
    assert all(chunk["object"] == "chat.completion.chunk" for chunk in chunks)
    text = "".join(chunk["choices"][0]["delta"].get("content", "") for chunk in chunks)
    assert chunks[-1]["choices"][0]["finish_reason"] == "stop"
    recs = chunks[-1]["chatrec"]["recommendations"]
    assert recs and text == _as_text(_said(client, "cust-5"), recs)


@pytest.mark.parametrize("stream", [False, True])
def test_completions_for_a_user_id_no_header_can_carry(client: TestClient, engine: ChatRec, stream: bool) -> None:
    for _ in range(2):
        response = client.post("/v1/chat/completions", json=_completion(stream=stream, user="日本\nお客"))
        assert response.status_code == 200 and "x-session-id" not in response.headers
    assert len(engine.session("日本\nお客")["turns"]) == 4


def test_completions_without_user_message_is_400(client: TestClient) -> None:
    response = client.post(
        "/v1/chat/completions", json={"messages": [{"role": "system", "content": "hi"}]}
    )
    assert response.status_code == 400
    assert "user" in response.json()["detail"]


# --- feedback, sessions, items, health -----------------------------------------------------------
def test_feedback_is_recorded(client: TestClient, engine: ChatRec) -> None:
    reply = client.post("/v1/chat", json={"message": "just show me black formal shoes"}).json()
    item_id = reply["recommendations"][0]["item_id"]
    response = client.post(
        "/v1/feedback", json={"session_id": reply["session_id"], "item_id": item_id, "kind": "liked"}
    )
    assert response.status_code == 200
    assert {"item_id": item_id, "kind": "liked"} in engine.session(reply["session_id"])["feedback"]


@pytest.mark.parametrize(
    ("payload", "status", "word"),
    [
        ({"session_id": "nope", "item_id": "22119", "kind": "liked"}, 404, "session"),
        ({"session_id": "SESSION", "item_id": "nope", "kind": "liked"}, 404, "item"),
        ({"session_id": "SESSION", "item_id": "22119", "kind": "loved"}, 422, "kind"),
    ],
)
def test_feedback_bad_input(client: TestClient, payload: dict, status: int, word: str) -> None:
    session_id = client.post("/v1/chat", json={"message": "shoes"}).json()["session_id"]
    payload = {key: session_id if value == "SESSION" else value for key, value in payload.items()}
    response = client.post("/v1/feedback", json=payload)
    assert response.status_code == status
    assert word in json.dumps(response.json())


def test_item_and_unknown_item(client: TestClient) -> None:
    item = client.get("/v1/items/22119").json()
    assert item["title"] == "Provogue Men Black Formal Shoes"
    assert item["attributes"]["baseColour"] == "Black"
    missing = client.get("/v1/items/does-not-exist")
    assert missing.status_code == 404 and "does-not-exist" in missing.json()["detail"]


def test_unknown_session_is_404(client: TestClient) -> None:
    response = client.get("/v1/sessions/never-seen")
    assert response.status_code == 404
    assert response.json()["error"] == "SessionNotFoundError"


def test_healthz_and_openapi(client: TestClient) -> None:
    assert client.get("/healthz").json()["status"] == "ok"
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/v1/chat", "/v1/chat/stream", "/v1/chat/completions", "/v1/feedback",
            "/v1/sessions/{session_id}", "/v1/items/{item_id}", "/healthz"} <= set(paths)


# --- bad input never answers 500 ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("content", "word"),
    [
        (b'{"message": ', "json"),
        (b"[1, 2]", "dictionary"),
        (b'{"session_id": "x"}', "message"),
        (b'{"message": 42}', "string"),
        (b'{"message": "shoes", "mesage": "typo"}', "mesage"),
        (b'{"message": ""}', "at least 1 character"),
    ],
)
def test_malformed_chat_body_says_what_is_wrong(client: TestClient, content: bytes, word: str) -> None:
    response = client.post("/v1/chat", content=content, headers={"Content-Type": "application/json"})
    assert response.status_code == 422
    assert word in json.dumps(response.json()).lower()


def test_too_long_message_is_refused_with_the_limit(client: TestClient, settings: Settings) -> None:
    message = "shoes " * (settings.max_message_chars // 5)
    for path, body in [
        ("/v1/chat", {"message": message}),
        ("/v1/chat/stream", {"message": message}),
        ("/v1/chat/completions", {"messages": [{"role": "user", "content": message}]}),
    ]:
        response = client.post(path, json=body)
        assert response.status_code == 422, path
        assert str(settings.max_message_chars) in response.json()["detail"]


def test_oversized_body_is_413(client: TestClient, settings: Settings) -> None:
    big = json.dumps({"message": "x" * (settings.max_request_bytes + 10)}).encode()
    assert client.post("/v1/chat", content=big, headers={"Content-Type": "application/json"}).status_code == 413

    def chunked():  # no Content-Length: the middleware counts the bytes itself
        for start in range(0, len(big), 8192):
            yield big[start:start + 8192]

    response = client.post("/v1/chat", content=chunked(), headers={"Content-Type": "application/json"})
    assert response.status_code == 413
    assert str(settings.max_request_bytes) in response.json()["detail"]


def test_chatrec_errors_map_to_their_status(settings: Settings, engine: ChatRec) -> None:
    from chatrec.errors import IndexNotFoundError, ModelError

    class Broken(ChatRec):
        def item(self, item_id: str):  # type: ignore[override]
            raise IndexNotFoundError("no index at ./index") if item_id == "a" else ModelError("model gone")

    broken = Broken(engine.settings, retriever=engine.retriever)
    client = TestClient(create_app(settings, broken), raise_server_exceptions=False)
    assert client.get("/v1/items/a").status_code == 404
    assert client.get("/v1/items/b").status_code == 500
