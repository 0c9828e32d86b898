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
