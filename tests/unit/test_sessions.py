"""The SQLite session store: persistence, bounds, feedback, export, threads."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from chatrec.errors import InputError, SessionNotFoundError
from chatrec.sessions import SessionStore


def test_a_restart_loses_nothing(tmp_path: Path) -> None:
    path = tmp_path / "data" / "chatrec.sqlite3"
    with SessionStore(path) as store:
        sid = store.create_session(user_id="u1")
        store.save_turn(sid, {"include": {"gender": ["Men"]}}, [("customer", "hi", {}), ("assistant", "hello", {"x": 1})])
    with SessionStore(path) as again:
        assert again.user_of(sid) == "u1"
        assert again.load_state(sid) == {"include": {"gender": ["Men"]}}
        turns = again.turns(sid)
        assert [(t.role, t.text) for t in turns] == [("customer", "hi"), ("assistant", "hello")]
        assert turns[1].payload == {"x": 1}


def test_history_is_bounded(tmp_path: Path) -> None:
    with SessionStore(tmp_path / "s.db", max_turns=4) as store:
        sid = store.create_session()
        for n in range(5):
            store.save_turn(sid, {}, [("customer", f"q{n}", {}), ("assistant", f"a{n}", {})])
        assert [t.text for t in store.turns(sid)] == ["q3", "a3", "q4", "a4"]


def test_unknown_sessions_are_reported(tmp_path: Path) -> None:
    with SessionStore(tmp_path / "s.db") as store:
        with pytest.raises(SessionNotFoundError):
            store.load_state("nope")
        with pytest.raises(SessionNotFoundError):
            store.add_feedback("nope", "1", "liked")
        sid = store.create_session()
        with pytest.raises(InputError):
            store.add_feedback(sid, "1", "loved")


def test_feedback_becomes_interactions_and_training_examples(tmp_path: Path) -> None:
    with SessionStore(tmp_path / "s.db") as store:
        sid = store.create_session(user_id="u1")
        store.save_turn(sid, {}, [("customer", "blue shirts", {}), ("assistant", "Here you are", {})])
        store.add_feedback(sid, "10", "shown")
        store.add_feedback(sid, "10", "liked")
        store.add_feedback(sid, "11", "rejected")
        anonymous = store.create_session()
        store.add_feedback(anonymous, "12", "clicked")
        only_rejections = store.create_session()
        store.add_feedback(only_rejections, "13", "rejected")
        assert [i.event for i in store.interactions("u1")] == ["impression", "like", "dislike"]
        count = store.export_training(tmp_path / "train.jsonl")
        rows = [json.loads(line) for line in (tmp_path / "train.jsonl").read_text().splitlines()]
    assert count == 2
    first = next(row for row in rows if row["session_id"] == sid)
    assert first["positives"] == ["10"] and first["negatives"] == ["11"]
    assert first["candidates"] == ["10", "11"]
    assert first["turns"][0] == {"role": "customer", "text": "blue shirts"}


def test_concurrent_sessions_are_isolated(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "s.db")
    errors: list[BaseException] = []

    def talk(name: str) -> None:
        try:
            sid = store.create_session(name)
            for n in range(20):
                store.save_turn(sid, {"n": n, "who": name}, [("customer", f"{name}-{n}", {})])
        except BaseException as exc:  # noqa: BLE001 - collected and re-raised by the test
            errors.append(exc)

    threads = [threading.Thread(target=talk, args=(f"s{k}",)) for k in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    for k in range(4):
        assert store.load_state(f"s{k}") == {"n": 19, "who": f"s{k}"}
        assert all(t.text.startswith(f"s{k}-") for t in store.turns(f"s{k}"))
    store.close()
