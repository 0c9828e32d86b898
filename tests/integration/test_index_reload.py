"""A rebuilt index is picked up by a running engine (chatrec.index_reload), never half-loaded."""

from __future__ import annotations

from pathlib import Path

import pytest
from fakes import HashingEmbedder

from chatrec.errors import ItemNotFoundError
from chatrec.index import MANIFEST, build_index
from chatrec.index_reload import IndexWatcher
from chatrec.recommender import ChatRec
from chatrec.retrieval import Retriever
from chatrec.settings import Settings

FIXTURE = Path(__file__).parents[1] / "fixtures" / "fashion_small.csv"
NEW_ROW = "990001,Women,Accessories,Watches,Watches,Teal,Winter,2016,Casual,Zyzzyva Teal Ladies Watch\n"


def test_a_rebuilt_index_is_served_after_the_next_check(tmp_path: Path) -> None:
    settings = Settings(index_dir=tmp_path / "index", data_dir=tmp_path / "data", cache_dir=tmp_path / "cache",
                        use_llm=False, _env_file=None)
    fake = HashingEmbedder()
    build_index(FIXTURE, settings, embedder=fake)
    engine = ChatRec(settings, retriever=Retriever.open(settings, embedder=fake))
    watcher = IndexWatcher(engine, interval=60)
    assert watcher.check() is False  # nothing changed
    with pytest.raises(ItemNotFoundError):
        engine.item("990001")
    before = engine.respond("a teal watch for women", session_id="s1")

    bigger = tmp_path / "bigger.csv"
    bigger.write_text(FIXTURE.read_text(encoding="utf-8").rstrip("\n") + "\n" + NEW_ROW, encoding="utf-8")
    build_index(bigger, settings, embedder=fake)
    manifest = settings.index_dir / MANIFEST
    saved = manifest.read_bytes()
    manifest.unlink()  # mid-swap: no manifest yet
    assert watcher.check() is False
    manifest.write_bytes(saved)
    assert watcher.check() is True and watcher.reloads == 1
    assert engine.item("990001").title == "Zyzzyva Teal Ladies Watch"
    # The session goes on over the new index, which finds the new item by its name.
    after = engine.respond("zyzzyva", session_id="s1")
    assert after.session_id == before.session_id
    assert after.recommendations[0].item_id == "990001", after
    assert watcher.check() is False  # once only


def test_the_servers_watcher_stops_with_the_server(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from chatrec.http.app import create_app

    settings = Settings(index_dir=tmp_path / "index", data_dir=tmp_path / "data", cache_dir=tmp_path / "cache",
                        use_llm=False, index_reload_seconds=0.05, _env_file=None)
    fake = HashingEmbedder()
    build_index(FIXTURE, settings, embedder=fake)
    engine = ChatRec(settings, retriever=Retriever.open(settings, embedder=fake))
    app = create_app(settings, chatrec=engine)
    watcher = app.state.index_watcher
    with TestClient(app) as client:
        assert client.get("/healthz").status_code == 200
        assert watcher._thread.is_alive()
    watcher._thread.join(timeout=5)
    assert not watcher._thread.is_alive()  # no thread left polling the folder after the server stopped
    engine.close()
