"""The session store's contract on both backends (SQLite, PostgreSQL), PostgreSQL's migrations and its
cross-process session lock."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from postgres_fixture import postgres_url  # noqa: F401  (a fixture)

from chatrec.errors import ConfigError, InputError, SessionBusyError, SessionNotFoundError
from chatrec.session_store_pg import (
    Migration,
    PostgresSessionStore,
    load_migrations,
    open_session_store,
    redact_url,
)
from chatrec.sessions import Interaction, SessionStore
from chatrec.settings import Settings


@pytest.fixture(params=["sqlite", "postgres"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Any]:
    if request.param == "sqlite":
        opened: Any = SessionStore(tmp_path / "s.sqlite3", max_turns=4)
    else:
        opened = PostgresSessionStore(request.getfixturevalue("postgres_url"), max_turns=4)
    with opened:
        yield opened


def test_sessions_turns_and_state_round_trip(store: Any) -> None:
    sid = store.create_session(user_id="u1")
    assert store.exists(sid) and not store.exists("other")
    assert store.create_session(sid) == sid  # creating it again changes nothing
    assert store.user_of(sid) == "u1"
    store.set_user(sid, "u2")
    assert store.user_of(sid) == "u2"
    assert store.load_state(sid) == {}
    for n in range(3):
        store.save_turn(sid, {"n": n, "name": "café"}, [("customer", f"hi {n}", {}), ("assistant", f"a {n}", {"r": [n]})])
    assert store.load_state(sid) == {"n": 2, "name": "café"}
    turns = store.turns(sid)
    assert [t.text for t in turns] == ["hi 1", "a 1", "hi 2", "a 2"]  # max_turns=4 kept, oldest dropped
    assert turns[-1].payload == {"r": [2]} and turns[-1].to_dict()["role"] == "assistant"
    assert store.session_ids() == [sid]


def test_unknown_sessions_and_kinds_are_named(store: Any) -> None:
    with pytest.raises(SessionNotFoundError, match="nope"):
        store.load_state("nope")
    with pytest.raises(SessionNotFoundError):
        store.turns("nope")
    sid = store.create_session()
    with pytest.raises(InputError, match="loved"):
        store.add_feedback(sid, "i1", "loved")


def test_feedback_becomes_interactions_and_training_examples(store: Any) -> None:
    sid = store.create_session("s1", user_id="cust")
    store.save_turn(sid, {}, [("customer", "red shoes", {}), ("assistant", "here", {})])
    for item, kind in [("a", "shown"), ("b", "shown"), ("a", "liked"), ("b", "rejected")]:
        store.add_feedback(sid, item, kind)
    assert store.feedback(sid) == [("a", "shown"), ("b", "shown"), ("a", "liked"), ("b", "rejected")]
    assert [i.event for i in store.interactions("cust")] == ["impression", "impression", "like", "dislike"]
    assert store.add_interactions([Interaction("cust2", "z", "purchase", 5.0, 1.0)]) == 1
    assert store.users() == ["cust", "cust2"]
    assert store.interactions("cust2") == [Interaction("cust2", "z", "purchase", 5.0, 1.0, "import")]
    examples = list(store.training_examples())
    assert examples == [{
        "session_id": "s1", "turns": [{"role": "customer", "text": "red shoes"}, {"role": "assistant", "text": "here"}],
        "positives": ["a"], "negatives": ["b"], "candidates": ["a", "b"],
    }]


# --- PostgreSQL only --------------------------------------------------------------------------------
def test_migrations_apply_once_in_order_and_a_newer_schema_is_refused(postgres_url: str, tmp_path: Path) -> None:
    import psycopg

    shipped = load_migrations()
    assert [m.version for m in shipped] == list(range(1, len(shipped) + 1))
    PostgresSessionStore(postgres_url).close()
    with psycopg.connect(postgres_url) as db:
        versions = [row[0] for row in db.execute("SELECT version FROM chatrec_migrations ORDER BY version")]
    assert versions == [m.version for m in shipped]
    # A later release adds a migration: the next start applies it, and only it.
    later = [*shipped, Migration(len(shipped) + 1, "add_note", "ALTER TABLE sessions ADD COLUMN note TEXT")]
    with PostgresSessionStore(postgres_url, migrations=later) as upgraded:
        sid = upgraded.create_session("kept")
    with PostgresSessionStore(postgres_url, migrations=later) as again:
        assert again.exists(sid)
    # This release's code against the upgraded database: refused, with the reason.
    with pytest.raises(ConfigError, match="newer than this chatrec"):
        PostgresSessionStore(postgres_url)
    (tmp_path / "1_bad.sql").write_text("SELECT 1")
    with pytest.raises(ConfigError, match="NNNN_name.sql"):
        load_migrations(tmp_path)


def test_concurrent_starts_migrate_once(postgres_url: str) -> None:
    errors: list[BaseException] = []

    def start() -> None:
        try:
            PostgresSessionStore(postgres_url).close()
        except BaseException as exc:  # noqa: BLE001 - collected for the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=start) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []


def test_settings_pick_the_backend(postgres_url: str, tmp_path: Path) -> None:
    sqlite = open_session_store(Settings(data_dir=tmp_path, _env_file=None))
    assert isinstance(sqlite, SessionStore)
    sqlite.close()
    pg = open_session_store(Settings(data_dir=tmp_path, database_url=postgres_url, _env_file=None))
    assert isinstance(pg, PostgresSessionStore)
    pg.close()
    with pytest.raises(ValueError, match="postgresql://"):
        Settings(database_url="mysql://x", _env_file=None)


def test_an_unreachable_database_is_one_line_without_the_password() -> None:
    url = "postgresql://chatrec:s3cret@127.0.0.1:1/none?connect_timeout=1"
    with pytest.raises(ConfigError, match="cannot connect to the session database") as caught:
        PostgresSessionStore(url, connect_timeout=1)
    assert "s3cret" not in str(caught.value)
    assert redact_url(url) == "postgresql://chatrec:***@127.0.0.1:1/none?connect_timeout=1"


_HOLDER = """
import sys, time
from chatrec.session_store_pg import PostgresSessionStore
store = PostgresSessionStore(sys.argv[1])
with store.hold(sys.argv[2], 10):
    print("locked", flush=True)
    time.sleep(float(sys.argv[3]))
print("released", flush=True)
"""


def _holder(url: str, session_id: str, seconds: float) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, url, session_id, str(seconds)], stdout=subprocess.PIPE, text=True,
        cwd=str(Path(__file__).parents[2]),
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "locked"
    return process


def test_the_session_lock_holds_across_processes(postgres_url: str) -> None:
    with PostgresSessionStore(postgres_url) as store:
        holder = _holder(postgres_url, "shared", 1.2)
        try:
            with pytest.raises(SessionBusyError, match="'shared' is still answering"):
                with store.hold("shared", 0.3):
                    pass
            with store.hold("other-session", 0.3):  # other sessions do not wait
                pass
            started = time.monotonic()
            with store.hold("shared", 10):
                waited = time.monotonic() - started
                assert holder.poll() is not None or holder.stdout.readline().strip() == "released"  # type: ignore[union-attr]
            assert waited > 0.3
        finally:
            holder.wait(10)


def test_a_process_out_of_lock_connections_says_so(postgres_url: str) -> None:
    with PostgresSessionStore(postgres_url, lock_pool_size=1, connect_timeout=0.5) as store:
        with store.hold("a", 1.0):
            started = time.monotonic()
            with pytest.raises(SessionBusyError, match="'b' waited .* for a lock connection .*too many sessions"):
                with store.hold("b", 0.2):
                    pass
            assert time.monotonic() - started < 5
        with store.hold("b", 0.2):  # the connection is back
            pass


def test_a_dead_process_releases_its_session_locks(postgres_url: str) -> None:
    with PostgresSessionStore(postgres_url) as store:
        holder = _holder(postgres_url, "crashy", 60.0)
        holder.kill()
        holder.wait(10)
        started = time.monotonic()
        with store.hold("crashy", 10):
            assert time.monotonic() - started < 5


def test_threads_of_one_process_wait_for_each_other(postgres_url: str) -> None:
    with PostgresSessionStore(postgres_url) as store:
        inside = 0
        most = 0
        guard = threading.Lock()

        def turn() -> None:
            nonlocal inside, most
            with store.hold("s", 10):
                with guard:
                    inside += 1
                    most = max(most, inside)
                time.sleep(0.02)
                with guard:
                    inside -= 1

        threads = [threading.Thread(target=turn) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert most == 1


def test_a_session_belongs_to_the_tenant_that_claimed_it(store: Any) -> None:
    assert store.claim_session("t-1", "key-a") is True
    assert store.claim_session("t-1", "key-a") is True  # its owner again
    assert store.claim_session("t-1", "key-b") is False  # another tenant
    assert store.owned_by("t-1", "key-a") and not store.owned_by("t-1", "key-b")
    assert not store.owned_by("missing", "key-a")
    store.create_session("no-tenant")
    assert not store.owned_by("no-tenant", "key-a")
    store.check()  # a sound store passes its start-up check
