"""A fresh PostgreSQL database per test, on the server named by ``CHATREC_TEST_DATABASE_URL``.

``.ci/run`` starts a server (``.ci/start-postgres.sh``) and exports the URL (a server that does not
start stops the run). In CI (``CI=true``, as ``tests/needs.py`` reads it) a missing URL fails the
PostgreSQL tests; on a developer's machine without one they are skipped. An unreachable server
always fails them.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest

__all__ = ["postgres_url", "require_postgres"]

URL_ENV = "CHATREC_TEST_DATABASE_URL"


def require_postgres() -> str:
    """The server URL, or a skip (locally) / failure (in CI) saying why there is none."""
    url = os.environ.get(URL_ENV)
    if not url:
        message = f"{URL_ENV} is not set: start a server with .ci/start-postgres.sh DIR and export its URL"
        if os.environ.get("CI", "").strip().lower() in {"true", "1", "yes"}:
            pytest.fail(message)
        pytest.skip(message)
    return url


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """The URL of a new, empty database, dropped after the test."""
    import psycopg
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    server = require_postgres()
    name = f"chatrec_test_{uuid.uuid4().hex[:12]}"
    try:
        with psycopg.connect(server, autocommit=True, connect_timeout=5) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError as exc:
        pytest.fail(f"the PostgreSQL server at {server} is unreachable: {exc}")
    params = conninfo_to_dict(server)
    params["dbname"] = name
    user = params.get("user", "")
    host = params.get("host", "127.0.0.1")
    port = params.get("port", "5432")
    password = f":{params['password']}" if params.get("password") else ""
    # A URL, as CHATREC_DATABASE_URL takes it.
    url = f"postgresql://{user}{password}@{host}:{port}/{name}"
    assert make_conninfo(url)
    yield url
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
