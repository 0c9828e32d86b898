"""Damaged state on disk: the server refuses to start with one line naming the file and the fix.

Never a start-up traceback, never a server that starts and answers 500 to every chat.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from click.testing import CliRunner
from fakes import HashingEmbedder

from chatrec.cli import main
from chatrec.index import EMBEDDINGS, ITEMS, build_index
from chatrec.sessions import SessionStore
from chatrec.settings import Settings

FIXTURES = Path(__file__).parents[1] / "fixtures"


@pytest.fixture
def served(tmp_path: Path, fake_cli: HashingEmbedder, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """An index and a session store with one conversation, as `chatrec serve` would find them."""
    settings = Settings(index_dir=tmp_path / "index", data_dir=tmp_path / "data", _env_file=None)
    monkeypatch.setenv("CHATREC_DATA_DIR", str(settings.data_dir))
    build_index(FIXTURES / "fashion_small.csv", settings, embedder=fake_cli)
    with SessionStore.from_settings(settings) as store:
        for n in range(300):  # enough rows for several pages
            store.create_session(f"s{n}", f"user-{n}")
            store.save_turn(f"s{n}", {}, [("customer", "shoes " * 40, {})])
    return settings


def _serve(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    """`chatrec serve` up to the point where uvicorn would start; the app it built is then stopped.

    Nothing outlives the test: the thread sizes it sets are restored, and the app's index
    watcher (a thread) and session store are stopped and closed.
    """
    import uvicorn

    from chatrec.cli.serve_workers import THREAD_VARIABLES

    for name in THREAD_VARIABLES:
        monkeypatch.setenv(name, os.environ.get(name, "1"))  # restored after the test
    torch = sys.modules.get("torch")
    if torch is not None:
        monkeypatch.setattr(torch, "set_num_threads", lambda n: None)
    apps: list[Any] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **k: apps.append(app))  # started: stop here
    result = CliRunner().invoke(main, ["serve", "--index-dir", str(settings.index_dir)])
    for app in apps:
        if app.state.index_watcher is not None:
            app.state.index_watcher.stop()
        app.state.chatrec.close()
    return result.exit_code, result.output


def test_a_healthy_state_serves(served: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    code, output = _serve(served, monkeypatch)
    assert code == 0, output


def _corrupt_a_page(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) > 4 * page
    data[2 * page: 3 * page] = b"\xde\xad\xbe\xef" * (page // 4)
    path.write_bytes(bytes(data))


def test_a_corrupted_session_store_refuses_to_start(served: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    with sqlite3.connect(served.db_path) as db:  # fold the WAL in, so the page is in the main file
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    _corrupt_a_page(served.db_path)
    code, output = _serve(served, monkeypatch)
    assert code == 1
    assert "Traceback" not in output and len(output.strip().splitlines()) == 1
    assert str(served.db_path) in output and "damaged" in output and "move the file aside" in output


def test_a_file_that_is_not_a_database_refuses_to_start(served: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    for leftover in served.data_dir.glob("chatrec.sqlite3-*"):
        leftover.unlink()
    served.db_path.write_bytes(b"not a database at all" * 300)
    code, output = _serve(served, monkeypatch)
    assert code == 1 and "Traceback" not in output
    assert str(served.db_path) in output and "damaged" in output


def test_an_items_line_that_is_not_an_object_refuses_to_start(
    served: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    items = served.index_dir / ITEMS
    lines = items.read_text(encoding="utf-8").splitlines()
    lines[5] = json.dumps(["not", "an", "item"])
    items.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, output = _serve(served, monkeypatch)
    assert code == 1 and "Traceback" not in output
    assert f"{items}, line 6" in output and "chatrec index build" in output


@pytest.mark.parametrize("damage", ["width", "rows", "garbage"])
def test_damaged_embeddings_refuse_to_start(served: Settings, monkeypatch: pytest.MonkeyPatch, damage: str) -> None:
    path = served.index_dir / EMBEDDINGS
    vectors = np.load(path)
    if damage == "width":
        np.save(path, np.ones((vectors.shape[0], vectors.shape[1] * 2), dtype=np.float32))
    elif damage == "rows":
        np.save(path, vectors[:-3])
    else:
        path.write_bytes(b"\x93NUMPY garbage")
    code, output = _serve(served, monkeypatch)
    assert code == 1 and "Traceback" not in output
    assert str(served.index_dir) in output and "chatrec index build" in output
