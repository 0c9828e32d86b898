"""The HTTP API over the real ChatRec (fixture catalogue, hashing embedder, no LLM)."""

from __future__ import annotations

import json
import threading

import pytest
from chatrec_engines import make_engine
from fastapi.testclient import TestClient

from chatrec.http.app import create_app
from chatrec.settings import Settings


@pytest.fixture
def client(settings: Settings) -> TestClient:
    engine, settings = make_engine(settings)
    return TestClient(create_app(settings, engine))


def test_a_conversation_over_http(client: TestClient) -> None:
    first = client.post("/v1/chat", json={"message": "black formal shoes for men", "user_id": "c-1"})
    assert first.status_code == 200, first.text
    reply = first.json()
    session_id = reply["session_id"]
    if not reply["recommendations"]:  # the engine asked first: answer its question
        assert reply["question"]["options"]
        reply = client.post(
            "/v1/chat", json={"message": reply["question"]["options"][0], "session_id": session_id}
        ).json()
    assert reply["session_id"] == session_id
    recs = reply["recommendations"]
    assert recs and all(rec["item_id"] and rec["title"] and rec["reason"] for rec in recs)

    item = client.get(f"/v1/items/{recs[0]['item_id']}").json()
    assert item["title"] == recs[0]["title"]

    feedback = client.post(
        "/v1/feedback", json={"session_id": session_id, "item_id": recs[0]["item_id"], "kind": "rejected"}
    )
    assert feedback.status_code == 200, feedback.text

    session = client.get(f"/v1/sessions/{session_id}").json()
    assert session["session_id"] == session_id and session["user_id"] == "c-1"
    assert session["turns"][0] == {**session["turns"][0], "role": "customer", "text": "black formal shoes for men"}


def test_stream_ends_with_the_same_reply_shape(client: TestClient) -> None:
    response = client.post("/v1/chat/stream", json={"message": "blue flip flops"})
    assert response.status_code == 200
    events = [block for block in response.text.strip().split("\n\n")]
    last = events[-1].splitlines()
    assert last[0] == "event: reply"
    reply = json.loads(last[1][len("data: "):])
    assert set(reply) >= {"session_id", "text", "question", "recommendations"}
    chunks = "".join(json.loads(e.splitlines()[1][6:])["text"] for e in events[:-1])
    # The stream writes the reply's text, then each item's reason as it is generated.
    assert chunks.startswith(reply["text"])
    for rec in reply["recommendations"]:
        assert rec["title"] in chunks


def test_openai_completion_keyed_by_user(client: TestClient) -> None:
    for message in ("hello, I need a watch", "for women"):
        response = client.post(
            "/v1/chat/completions",
            json={"model": "chatrec", "user": "shopper-7", "messages": [{"role": "user", "content": message}]},
        )
        assert response.status_code == 200, response.text
    assert response.json()["chatrec"]["session_id"] == "shopper-7"
    turns = client.get("/v1/sessions/shopper-7").json()["turns"]
    assert [t["text"] for t in turns if t["role"] == "customer"] == ["hello, I need a watch", "for women"]


@pytest.mark.parametrize(
    ("method", "path", "body", "status"),
    [
        ("post", "/v1/chat", {"message": "   "}, 400),
        ("post", "/v1/chat", {"message": "x" * 5000}, 422),
        ("post", "/v1/feedback", {"session_id": "nope", "item_id": "22119", "kind": "liked"}, 404),
        ("get", "/v1/sessions/nope", None, 404),
        ("get", "/v1/items/nope", None, 404),
    ],
)
def test_bad_input_is_a_4xx_with_a_message(
    client: TestClient, method: str, path: str, body: dict | None, status: int
) -> None:
    response = client.request(method, path, json=body)
    assert response.status_code == status, response.text
    assert response.json()["detail"]


def test_concurrent_sessions_do_not_mix(client: TestClient) -> None:
    topics = ["formal shoes", "watch", "flip flops", "tshirt", "handbag", "sandals"]
    errors: list[str] = []

    def converse(topic: str) -> None:
        session_id = None
        for message in (f"I want {topic}", "for men", "in black"):
            response = client.post("/v1/chat", json={"message": message, "session_id": session_id})
            if response.status_code != 200:
                errors.append(response.text)
                return
            session_id = response.json()["session_id"]
        said = [t["text"] for t in client.get(f"/v1/sessions/{session_id}").json()["turns"] if t["role"] == "customer"]
        if said != [f"I want {topic}", "for men", "in black"]:
            errors.append(f"{topic}: {said}")

    threads = [threading.Thread(target=converse, args=(topic,)) for topic in topics]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors
