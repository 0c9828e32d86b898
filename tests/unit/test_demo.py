"""The bundled demo catalogues build, and the electronics one brings real customer histories."""

from __future__ import annotations

from fakes import HashingEmbedder

from chatrec.demo import DEMO_CATALOGS, ensure_demo_histories
from chatrec.index import build_index, open_index
from chatrec.sessions import SessionStore
from chatrec.settings import Settings


def test_demo_histories_are_imported_once(settings: Settings, fake_embedder: HashingEmbedder) -> None:
    demo = DEMO_CATALOGS["electronics"]
    report = build_index(demo.catalog, settings, mapping=demo.mapping, embedder=fake_embedder)
    assert report.n_items == 1351 and not report.bad_rows
    assert open_index(settings.index_dir).get("B07JW9H4J1").price == 399.0
    customers = ensure_demo_histories(settings, "electronics")
    assert len(customers) > 1000
    with SessionStore.from_settings(settings) as store:
        count = sum(len(store.interactions(user)) for user in customers[:50])
    assert ensure_demo_histories(settings, "electronics") == customers  # nothing imported twice
    with SessionStore.from_settings(settings) as store:
        assert sum(len(store.interactions(user)) for user in customers[:50]) == count
    assert ensure_demo_histories(settings, "fashion") == []


def test_fashion_demo_loads_without_bad_rows(settings: Settings, fake_embedder: HashingEmbedder) -> None:
    demo = DEMO_CATALOGS["fashion"]
    report = build_index(demo.catalog, settings, mapping=demo.mapping, embedder=fake_embedder)
    assert report.n_items == 5000 and not report.bad_rows
    item = open_index(settings.index_dir).items[0]
    assert item.category and "baseColour" in item.attributes


def test_the_settings_the_demo_prints_open_its_index_from_python(
    tmp_path, monkeypatch, fake_cli: HashingEmbedder
) -> None:
    """After `chatrec demo`, the printed settings make ChatRec.from_settings() answer on its index."""
    import shlex

    import pytest

    from chatrec import ChatRec
    from chatrec.demo import demo_settings, ensure_demo_index, use_demo_lines
    from chatrec.errors import IndexNotFoundError

    monkeypatch.chdir(tmp_path)  # no ./index here
    settings = demo_settings(Settings(), "fashion")
    assert settings.index_dir == tmp_path / "cache" / "demo" / "fashion"
    ensure_demo_index(settings, "fashion", progress=False)
    # Without the settings, the error says where the demo's index is, in words.
    with pytest.raises(IndexNotFoundError, match=r"'index' holds no catalogue index.*demo's index: CHATREC_INDEX_DIR="):
        ChatRec.from_settings().respond("a blue shirt")
    export = next(line for line in use_demo_lines(settings) if "export" in line)
    for pair in shlex.split(export.split("export", 1)[1]):
        name, value = pair.split("=", 1)
        monkeypatch.setenv(name, value)
    rec = ChatRec.from_settings()
    try:
        reply = rec.respond("just show me a blue shirt for men", session_id="d1")
        assert reply.recommendations
    finally:
        rec.close()
