"""API keys and rate limits of the HTTP API."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from chatrec.http.app import create_app
from chatrec.http.security import RateLimiter
from chatrec.recommender import ChatRec
from chatrec.settings import Settings


@pytest.fixture
def keyed(settings: Settings, fashion_chatrec: ChatRec) -> TestClient:
    settings = settings.model_copy(update={"api_keys": "key-one, key-two"})
    return TestClient(create_app(settings, fashion_chatrec))


ROUTES = [
    ("post", "/v1/chat", {"message": "shoes"}),
    ("post", "/v1/chat/stream", {"message": "shoes"}),
    ("post", "/v1/chat/completions", {"messages": [{"role": "user", "content": "shoes"}]}),
    ("post", "/v1/feedback", {"session_id": "s", "item_id": "22119", "kind": "liked"}),
    ("get", "/v1/sessions/s", None),
    ("get", "/v1/items/22119", None),
]


@pytest.mark.parametrize(("method", "path", "body"), ROUTES)
@pytest.mark.parametrize("header", [None, "Bearer wrong", "key-one", "Basic a2V5LW9uZQ=="])
def test_every_route_needs_a_valid_key(
    keyed: TestClient, method: str, path: str, body: dict | None, header: str | None
) -> None:
    headers = {"Authorization": header} if header else {}
    response = keyed.request(method, path, json=body, headers=headers)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert "Bearer" in response.json()["detail"]


def test_a_valid_key_is_accepted_and_healthz_is_open(keyed: TestClient) -> None:
    assert keyed.get("/healthz").status_code == 200
    for key in ("key-one", "key-two"):
        response = keyed.post("/v1/chat", json={"message": "shoes"}, headers={"Authorization": f"Bearer {key}"})
        assert response.status_code == 200


def test_rate_limit_is_per_key(settings: Settings, fashion_chatrec: ChatRec) -> None:
    settings = settings.model_copy(update={"api_keys": "a,b", "rate_limit_per_minute": 3})
    client = TestClient(create_app(settings, fashion_chatrec))
    as_a = {"Authorization": "Bearer a"}
    codes = [client.get("/v1/items/22119", headers=as_a).status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    limited = client.get("/v1/items/22119", headers=as_a)
    assert "3 requests per minute" in limited.json()["detail"]
    assert int(limited.headers["retry-after"]) >= 1
    assert client.get("/v1/items/22119", headers={"Authorization": "Bearer b"}).status_code == 200


def test_rate_limit_without_keys_counts_per_client(settings: Settings, fashion_chatrec: ChatRec) -> None:
    settings = settings.model_copy(update={"rate_limit_per_minute": 2})
    client = TestClient(create_app(settings, fashion_chatrec))
    codes = [client.get("/v1/items/22119").status_code for _ in range(3)]
    assert codes == [200, 200, 429]
    assert client.get("/healthz").status_code == 200  # health checks are never limited


def test_rate_limiter_window_slides() -> None:
    now = [1000.0]
    limiter = RateLimiter(2, clock=lambda: now[0])
    assert limiter.check("k") is None
    now[0] += 30
    assert limiter.check("k") is None
    wait = limiter.check("k")
    assert wait == pytest.approx(30.0)
    now[0] += 30.5  # the first request left the window
    assert limiter.check("k") is None
    assert limiter.check("other") is None
