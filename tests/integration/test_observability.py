"""Metrics, request ids and readiness of the HTTP API over the real ChatRec (hashing embedder, no LLM)."""

from __future__ import annotations

import io
import logging
import re
import threading
from typing import Any

import pytest
from chatrec_engines import make_engine
from fastapi.testclient import TestClient

from chatrec.http.app import create_app
from chatrec.observability import LOG_FORMAT, RequestIdFilter
from chatrec.settings import Settings


@pytest.fixture
def client(settings: Settings) -> TestClient:
    engine, settings = make_engine(settings)
    return TestClient(create_app(settings, engine))


def _sample(text: str, name: str, **labels: str) -> float:
    """The value of one series in a Prometheus exposition (0 when absent)."""
    for line in text.splitlines():
        if line.startswith("#") or not line.startswith(name):
            continue
        series, _, value = line.rpartition(" ")
        found = dict(re.findall(r'(\w+)="([^"]*)"', series))
        if series.split("{")[0] == name and all(found.get(k) == v for k, v in labels.items()):
            return float(value)
    return 0.0


def test_metrics_count_turn_stages_errors_and_sessions(client: TestClient) -> None:
    before = client.get("/metrics").text
    reply = client.post("/v1/chat", json={"message": "black formal shoes for men"}).json()
    if not reply["recommendations"]:  # a question first: answer it so the turn ranks and explains
        reply = client.post(
            "/v1/chat", json={"message": reply["question"]["options"][0], "session_id": reply["session_id"]}
        ).json()
    assert reply["recommendations"]
    missing = client.post("/v1/feedback", json={"session_id": "nope", "item_id": "x", "kind": "liked"})
    assert missing.status_code == 404

    response = client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    after = response.text
    for stage in ("understand", "retrieve", "rank", "explain"):
        assert _sample(after, "chatrec_stage_seconds_count", stage=stage) > _sample(
            before, "chatrec_stage_seconds_count", stage=stage
        ), stage
    assert _sample(after, "chatrec_turn_seconds_count") > _sample(before, "chatrec_turn_seconds_count")
    assert _sample(after, "chatrec_errors_total", type="SessionNotFoundError") == _sample(
        before, "chatrec_errors_total", type="SessionNotFoundError"
    ) + 1
    assert _sample(after, "chatrec_sessions_active") >= 1
    assert _sample(after, "chatrec_turns_in_progress") == 0
    assert _sample(after, "chatrec_http_requests_total", route="/v1/chat", status="200") >= 1
    # Routes are labelled by their template, never by the raw path.
    client.get("/v1/sessions/some-unknown-id")
    assert "some-unknown-id" not in client.get("/metrics").text


def test_every_answer_has_a_request_id_and_a_sane_given_one_is_kept(client: TestClient) -> None:
    first = client.get("/healthz").headers["x-request-id"]
    second = client.get("/healthz").headers["x-request-id"]
    assert first and second and first != second
    assert client.get("/healthz", headers={"X-Request-Id": "abc-123"}).headers["x-request-id"] == "abc-123"
    forged = client.get("/healthz", headers={"X-Request-Id": "bad id\r\nx: y"}).headers["x-request-id"]
    assert forged != "bad id\r\nx: y" and re.fullmatch(r"[0-9a-f]{32}", forged)


class _LoggingEngine:
    """Logs from inside the request (a worker thread), as the real engine's parts do."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def item(self, item_id: str) -> Any:
        logging.getLogger("chatrec.test_engine").warning("looking up %s", item_id)
        from chatrec.errors import ItemNotFoundError

        raise ItemNotFoundError(f"no item {item_id!r}")


def test_log_lines_written_during_a_request_carry_its_id(settings: Settings) -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    root = logging.getLogger()
    root.addHandler(handler)
    old_level = root.level
    root.setLevel(logging.INFO)
    try:
        client = TestClient(create_app(settings, _LoggingEngine(settings)))
        response = client.get("/v1/items/sku-9", headers={"X-Request-Id": "req-42"})
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
    assert response.status_code == 404 and response.headers["x-request-id"] == "req-42"
    lines = [line for line in stream.getvalue().splitlines() if "sku-9" in line]
    assert any("[req-42] looking up sku-9" in line for line in lines), stream.getvalue()
    assert any("[req-42] GET /v1/items/sku-9 404" in line for line in lines), stream.getvalue()


class _SlowEngine:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.release = threading.Event()

    def warm_up(self) -> None:
        self.release.wait(10)


def test_readyz_waits_for_the_warm_up_while_healthz_answers_at_once(settings: Settings) -> None:
    engine = _SlowEngine(settings)
    app = create_app(settings, engine)
    client = TestClient(app)
    assert client.get("/healthz").status_code == 200
    waiting = client.get("/readyz")
    assert waiting.status_code == 503 and waiting.json()["status"] == "warming up"
    engine.release.set()
    assert app.state.readiness.wait(5)
    assert client.get("/readyz").json() == {"status": "ready"}


def test_readyz_reports_a_failed_warm_up(settings: Settings) -> None:
    from chatrec.errors import ModelError

    class Broken:
        def __init__(self) -> None:
            self.settings = settings

        def warm_up(self) -> None:
            raise ModelError("cannot load llm 'nope'")

    app = create_app(settings, Broken())
    app.state.readiness._thread.join(5)
    response = TestClient(app).get("/readyz")
    assert response.status_code == 503
    assert response.json() == {"status": "failed", "detail": "cannot load llm 'nope'"}


def test_the_real_engine_becomes_ready(settings: Settings) -> None:
    engine, settings = make_engine(settings)
    app = create_app(settings, engine)
    assert app.state.readiness.wait(30)
    assert TestClient(app).get("/readyz").status_code == 200
