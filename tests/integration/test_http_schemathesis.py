"""Property-based run of schemathesis over the OpenAPI document: no input answers 5xx.

Generates valid and invalid requests for every operation (``/v1/chat``, the stream, the
OpenAI-compatible completions, feedback, sessions, items, health) and checks the server
never fails with a 5xx. Slow: hundreds of requests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from needs import need

schemathesis = need("schemathesis", reason="needs schemathesis (pip install schemathesis)")

from chatrec_engines import make_engine
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode

from chatrec.http.app import create_app
from chatrec.settings import Settings

pytestmark = pytest.mark.slow


def _app(tmp: Path):  # type: ignore[no-untyped-def]
    base = Settings(
        index_dir=tmp / "index", data_dir=tmp / "data", cache_dir=tmp / "cache",
        rate_limit_per_minute=1_000_000, _env_file=None,
    )
    engine, base = make_engine(base)
    return create_app(base, engine)


def _ready(app, seconds: float = 180.0):  # type: ignore[no-untyped-def]
    """The app once its warm-up is done: /readyz answers 503 (its documented "still warming up")
    until then, which is no server error."""
    import time

    from fastapi.testclient import TestClient

    client = TestClient(app)
    deadline = time.monotonic() + seconds
    while client.get("/readyz").status_code != 200:
        assert time.monotonic() < deadline, "the engine did not warm up"
        time.sleep(0.5)
    return app


def test_no_server_error_for_generated_requests(tmp_path: Path) -> None:
    api = schemathesis.openapi.from_asgi("/openapi.json", _ready(_app(tmp_path)))
    statuses: list[int] = []
    failures: list[str] = []
    operations = [result.ok() for result in api.get_all_operations()]
    assert len(operations) >= 7
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):

            @given(case=operation.as_strategy(generation_mode=mode))
            @settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), database=None)
            def run(case):  # type: ignore[no-untyped-def]
                response = case.call()
                statuses.append(response.status_code)
                if response.status_code >= 500:
                    failures.append(f"{case.method} {case.formatted_path} {case.body!r:.200} -> {response.status_code}")

            try:
                run()
            except Unsatisfiable:
                # No invalid request exists for an operation without inputs (GET /healthz).
                assert mode is GenerationMode.NEGATIVE
    print(f"schemathesis: {len(statuses)} cases over {len(operations)} operations, "
          f"status codes {sorted(set(statuses))}")
    assert statuses
    assert not failures, failures[:5]
