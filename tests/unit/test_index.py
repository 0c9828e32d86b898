"""Index builds: fresh, unchanged, incremental, and a failure that leaves the old index intact."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fakes import HashingEmbedder

from chatrec.errors import CatalogError, IndexNotFoundError, ItemNotFoundError
from chatrec.index import build_index, open_collection, open_index
from chatrec.settings import Settings

CATALOG = "id,title,price,colour\n1,Red running shoe,50,red\n2,Blue hiking boot,80,blue\n3,Green sandal,20,green\n"


def test_build_then_open(tmp_path: Path, settings: Settings, fake_embedder: HashingEmbedder) -> None:
    catalog = tmp_path / "shop.csv"
    catalog.write_text(CATALOG)
    report = build_index(catalog, settings, embedder=fake_embedder)
    assert (report.n_items, report.added, report.up_to_date) == (3, 3, False)
    index = open_index(settings.index_dir)
    assert [item.id for item in index.items] == ["1", "2", "3"]
    assert index.embeddings.shape == (3, fake_embedder.dim)
    assert index.get("2").title == "Blue hiking boot"
    with pytest.raises(ItemNotFoundError, match="'9'"):
        index.get("9")
    collection = open_collection(settings, index)
    assert collection.count() == 3
    assert collection.get(ids=["1"])["metadatas"][0]["price"] == 50.0


def test_unchanged_catalogue_is_not_rebuilt(tmp_path: Path, settings: Settings, fake_embedder: HashingEmbedder) -> None:
    catalog = tmp_path / "shop.csv"
    catalog.write_text(CATALOG)
    build_index(catalog, settings, embedder=fake_embedder)
    embedded = fake_embedder.texts_embedded
    report = build_index(catalog, settings, embedder=fake_embedder)
    assert report.up_to_date
    assert fake_embedder.texts_embedded == embedded


def test_incremental_update_embeds_only_what_changed(
    tmp_path: Path, settings: Settings, fake_embedder: HashingEmbedder
) -> None:
    catalog = tmp_path / "shop.csv"
    catalog.write_text(CATALOG)
    build_index(catalog, settings, embedder=fake_embedder)
    before = fake_embedder.texts_embedded
    # 1 unchanged, 2 changed (price), 3 removed, 4 new
    catalog.write_text("id,title,price,colour\n1,Red running shoe,50,red\n2,Blue hiking boot,70,blue\n4,Yellow clog,30,yellow\n")
    report = build_index(catalog, settings, embedder=fake_embedder)
    assert (report.added, report.changed, report.removed, report.unchanged) == (1, 1, 1, 1)
    assert fake_embedder.texts_embedded - before == 2
    index = open_index(settings.index_dir)
    assert [item.id for item in index.items] == ["1", "2", "4"]
    assert index.get("2").price == 70.0
    collection = open_collection(settings, index)
    assert sorted(collection.get()["ids"]) == ["1", "2", "4"]
    assert collection.get(ids=["2"])["metadatas"][0]["price"] == 70.0


def test_failed_build_leaves_the_old_index(tmp_path: Path, settings: Settings, fake_embedder: HashingEmbedder) -> None:
    catalog = tmp_path / "shop.csv"
    catalog.write_text(CATALOG)
    build_index(catalog, settings, embedder=fake_embedder)

    class Broken(HashingEmbedder):
        def encode_documents(self, texts, show_progress=False):  # type: ignore[no-untyped-def]
            raise KeyboardInterrupt  # an interrupted build

    catalog.write_text(CATALOG + "5,Purple slipper,10,purple\n")
    with pytest.raises(KeyboardInterrupt):
        build_index(catalog, settings, embedder=Broken())
    index = open_index(settings.index_dir)
    assert [item.id for item in index.items] == ["1", "2", "3"]
    leftovers = [p.name for p in settings.index_dir.parent.iterdir() if p.name.startswith(".")]
    assert leftovers == []
    # a catalogue with too many bad rows fails before touching the index
    catalog.write_text("id,title,price\n1,a,x\n2,b,y\n")
    with pytest.raises(CatalogError):
        build_index(catalog, settings, embedder=fake_embedder)
    assert len(open_index(settings.index_dir)) == 3


def test_open_missing_index_says_how_to_build(tmp_path: Path) -> None:
    with pytest.raises(IndexNotFoundError, match="chatrec index build"):
        open_index(tmp_path / "nothing")


def test_a_foreign_folder_is_never_replaced(tmp_path: Path, fake_embedder: HashingEmbedder) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("precious")
    catalog = tmp_path / "shop.csv"
    catalog.write_text(CATALOG)
    settings = Settings(index_dir=folder, cache_dir=tmp_path / "c", _env_file=None)
    with pytest.raises(Exception, match="not a chatrec index"):
        build_index(catalog, settings, embedder=fake_embedder)
    assert (folder / "notes.txt").read_text() == "precious"


def test_real_fashion_slice(fixtures_dir: Path, settings: Settings, fake_embedder: HashingEmbedder, tmp_path: Path) -> None:
    shutil.copy(fixtures_dir / "fashion_small.csv", tmp_path / "f.csv")
    report = build_index(tmp_path / "f.csv", settings, embedder=fake_embedder)
    assert report.n_items == 300 and not report.bad_rows
