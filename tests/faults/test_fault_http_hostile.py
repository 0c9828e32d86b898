"""Hostile HTTP clients: another API key's sessions, key guessing, bodies sent without a key, path leaks.

The real ChatRec behind the app (fixture catalogue, hashing embedder, no LLM), over TestClient.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from chatrec.explain import TemplateExplainer
from chatrec.http.app import create_app
from chatrec.ranking import RetrievalRanker
from chatrec.recommender import ChatRec
from chatrec.retrieval import Retriever
from chatrec.settings import Settings

A = {"Authorization": "Bearer key-a"}
B = {"Authorization": "Bearer key-b"}


@pytest.fixture
def two_keys(settings: Settings, fashion_retriever: Retriever) -> TestClient:
    settings = settings.model_copy(update={"api_keys": "key-a,key-b", "use_llm": False})
    engine = ChatRec(settings, retriever=fashion_retriever, ranker=RetrievalRanker(), explainer=TemplateExplainer())
    return TestClient(create_app(settings, engine))


def test_another_key_can_neither_read_nor_take_over_a_session(two_keys: TestClient) -> None:
    first = two_keys.post("/v1/chat", json={"message": "black formal shoes", "user_id": "alice"}, headers=A)
    assert first.status_code == 200, first.text
    session_id = first.json()["session_id"]

    assert two_keys.get(f"/v1/sessions/{session_id}", headers=B).status_code == 404
    taken = two_keys.post(
        "/v1/chat", json={"message": "show me watches", "session_id": session_id, "user_id": "mallory"}, headers=B
    )
    assert taken.status_code == 404
    assert taken.json()["detail"] == two_keys.get("/v1/sessions/no-such-id", headers=B).json()["detail"].replace(
        "no-such-id", session_id
    )  # the same answer as an unknown session: B learns nothing
    streamed = two_keys.post("/v1/chat/stream", json={"message": "watches", "session_id": session_id}, headers=B)
    assert streamed.status_code == 404
    feedback = two_keys.post(
        "/v1/feedback", json={"session_id": session_id, "item_id": "x", "kind": "liked"}, headers=B
    )
    assert feedback.status_code == 404
    completion = two_keys.post(
        "/v1/chat/completions", json={"messages": [{"role": "user", "content": "watches"}]},
        headers={**B, "X-Session-Id": session_id},
    )
    assert completion.status_code == 404

    mine = two_keys.get(f"/v1/sessions/{session_id}", headers=A).json()
    assert mine["user_id"] == "alice"
    assert [t["text"] for t in mine["turns"] if t["role"] == "customer"] == ["black formal shoes"]


def test_the_same_end_user_id_under_two_keys_is_two_conversations(two_keys: TestClient) -> None:
    def say(headers: dict[str, str], text: str) -> dict:
        response = two_keys.post(
            "/v1/chat/completions", json={"user": "user-1", "messages": [{"role": "user", "content": text}]},
            headers=headers,
        )
        assert response.status_code == 200, response.text
        return response.json()

    a = say(A, "a watch for women")
    b = say(B, "flip flops")
    say(A, "in black")
    assert a["chatrec"]["session_id"] != b["chatrec"]["session_id"]
    turns_a = two_keys.get(f"/v1/sessions/{a['chatrec']['session_id']}", headers=A).json()["turns"]
    turns_b = two_keys.get(f"/v1/sessions/{b['chatrec']['session_id']}", headers=B).json()["turns"]
    assert [t["text"] for t in turns_a if t["role"] == "customer"] == ["a watch for women", "in black"]
    assert [t["text"] for t in turns_b if t["role"] == "customer"] == ["flip flops"]


def test_guessing_keys_meets_a_429(two_keys: TestClient) -> None:
    codes = [two_keys.get("/v1/items/x", headers={"Authorization": f"Bearer guess-{n}"}).status_code for n in range(50)]
    assert codes[0] == 401 and 429 in codes
    assert set(codes[codes.index(429):]) == {429}
    assert int(two_keys.get("/v1/items/x", headers={"Authorization": "Bearer guess"}).headers["retry-after"]) >= 1
    # Locked out for the minute, whatever the key: a right guess would otherwise show through.
    assert two_keys.get("/healthz").status_code == 200


@pytest.mark.parametrize(
    ("content", "headers"),
    [
        (b"{not json", {}),
        (b'{"nothing": 1}', {}),
        (b'{"message": "shoes"}', {"Authorization": "Bearer wrong"}),
    ],
)
def test_a_body_without_a_valid_key_gets_401_before_any_validation(
    two_keys: TestClient, content: bytes, headers: dict[str, str]
) -> None:
    for path in ("/v1/chat", "/v1/chat/stream", "/v1/chat/completions", "/v1/feedback"):
        response = two_keys.post(path, content=content, headers={"Content-Type": "application/json", **headers})
        assert response.status_code == 401, (path, response.text)


def test_no_response_names_a_server_path(two_keys: TestClient, settings: Settings) -> None:
    missing = two_keys.get("/v1/items/no-such-item", headers=A)
    assert missing.status_code == 404
    body = missing.text
    for folder in (settings.index_dir, settings.data_dir, settings.cache_dir, settings.index_dir.parent):
        assert str(folder) not in body and str(folder.resolve()) not in body
    assert "/tmp" not in body and "no-such-item" in body


def test_hostile_catalogue_urls_never_leave_the_api(tmp_path, settings: Settings) -> None:
    from fakes import HashingEmbedder

    from chatrec.index import build_index

    catalogue = tmp_path / "hostile.csv"
    catalogue.write_text(
        "id,title,category,price,image_url,url\n"
        "1,<b>Red</b> shoes,shoes,10,javascript:alert(1),javascript:alert(2)\n"
        "2,Blue shoes,shoes,12,\"data:image/svg+xml,<svg onload=alert(1)>\",https://shop.example/2\n"
        "3,Green shoes,shoes,14,https://img.example/3.jpg,http://shop.example/3\n",
        encoding="utf-8",
    )
    settings = settings.model_copy(update={"use_llm": False})
    embedder = HashingEmbedder()
    build_index(catalogue, settings, embedder=embedder)
    engine = ChatRec(settings, retriever=Retriever.open(settings, embedder=embedder),
                     ranker=RetrievalRanker(), explainer=TemplateExplainer())
    client = TestClient(create_app(settings, engine))
    items = {n: client.get(f"/v1/items/{n}").json() for n in ("1", "2", "3")}
    assert items["1"]["image_url"] is None and items["1"]["url"] is None
    assert items["2"]["image_url"] is None and items["2"]["url"] == "https://shop.example/2"
    assert items["3"]["image_url"] == "https://img.example/3.jpg"
    reply = client.post("/v1/chat", json={"message": "just show me shoes"})
    assert reply.headers["x-content-type-options"] == "nosniff"
    shown = {rec["item_id"]: rec["image_url"] for rec in reply.json()["recommendations"]}
    assert shown and all(url is None or url.startswith("https://") for url in shown.values())


def test_a_store_made_before_sessions_had_owners_still_opens(tmp_path) -> None:
    import sqlite3

    from chatrec.sessions import SessionStore

    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute(
            "CREATE TABLE sessions (session_id TEXT PRIMARY KEY, user_id TEXT, created REAL NOT NULL, "
            "updated REAL NOT NULL, state TEXT NOT NULL DEFAULT '{}')"
        )
        db.execute("INSERT INTO sessions VALUES ('old', 'u1', 0, 0, '{}')")
    with SessionStore(path) as store:
        assert store.user_of("old") == "u1"
        assert not store.owned_by("old", "ktenant")  # made without a key: no key owns it
        assert not store.claim_session("old", "ktenant")
        assert store.claim_session("new", "ktenant") and store.owned_by("new", "ktenant")
