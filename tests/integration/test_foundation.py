"""The foundation with the real packaged embedder and a real Chroma store in a temp dir."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from chatrec.catalog import load_catalog
from chatrec.cli import main
from chatrec.demo import demo_catalog
from chatrec.embedding import SentenceTransformerEmbedder, load_embedder
from chatrec.index import build_index, open_collection
from chatrec.retrieval import Filters, Query, Retriever
from chatrec.settings import Settings

# The real embedder: a few seconds to load and ~250 items/s to embed.
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def embedder() -> SentenceTransformerEmbedder:
    return load_embedder(Settings(_env_file=None))


ROWS = [
    {"id": "1", "title": "Trail running shoe", "price": 60.0, "colour": "red"},
    {"id": "2", "title": "Waterproof hiking boot", "price": 120.0, "colour": "brown"},
    {"id": "3", "title": "Cotton summer dress", "price": 35.0, "colour": "yellow"},
]


@pytest.mark.parametrize("fmt", ["csv", "tsv", "jsonl", "json", "parquet"])
def test_each_format_indexes_and_searches(fmt: str, tmp_path: Path, embedder: SentenceTransformerEmbedder) -> None:
    path = tmp_path / f"shop.{fmt}"
    if fmt in ("csv", "tsv"):
        sep = "," if fmt == "csv" else "\t"
        lines = [sep.join(ROWS[0])] + [sep.join(str(v) for v in row.values()) for row in ROWS]
        path.write_text("\n".join(lines) + "\n")
    elif fmt == "jsonl":
        path.write_text("\n".join(json.dumps(row) for row in ROWS) + "\n")
    elif fmt == "json":
        path.write_text(json.dumps(ROWS))
    else:
        pq.write_table(pa.Table.from_pylist(ROWS), path)
    settings = Settings(index_dir=tmp_path / "index", cache_dir=tmp_path / "cache", _env_file=None)
    assert build_index(path, settings, embedder=embedder).n_items == 3
    retriever = Retriever.open(settings, embedder=embedder)
    assert retriever.search("boots for a mountain walk", 1)[0].item.id == "2"
    assert [c.item.id for c in retriever.search(Query("something to wear", Filters(max_price=50)), 3)] == ["3"]


def test_hybrid_finds_a_model_number_dense_alone_misses(tmp_path: Path, embedder: SentenceTransformerEmbedder) -> None:
    demo = demo_catalog("electronics")
    settings = Settings(index_dir=tmp_path / "index", cache_dir=tmp_path / "cache", _env_file=None)
    build_index(demo.catalog, settings, mapping=demo.mapping, embedder=embedder)
    retriever = Retriever.open(settings, embedder=embedder)
    target = next(item for item in load_catalog(demo.catalog, demo.mapping).items if "RCT15A" in item.title)
    dense = [c.item.id for c in retriever.search(Query("RCT15A", mode="dense"), 5)]
    hybrid = [c.item.id for c in retriever.search("RCT15A", 5)]
    assert target.id not in dense
    assert hybrid[0] == target.id
    # the metadata is in Chroma too, for a shop that queries it there
    collection = open_collection(settings, retriever.index)
    assert collection.get(ids=[target.id])["metadatas"][0]["price"] == target.price


def test_cli_build_and_search(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fixtures_dir: Path) -> None:
    catalog = fixtures_dir / "fashion_small.csv"
    monkeypatch.setenv("CHATREC_INDEX_DIR", str(tmp_path / "index"))
    runner = CliRunner()
    result = runner.invoke(main, ["index", "build", "--catalog", str(catalog)])
    assert result.exit_code == 0, result.output
    assert "indexed 300 items" in result.output
    result = runner.invoke(main, ["index", "build", "--catalog", str(catalog)])
    assert "up to date" in result.output
    result = runner.invoke(main, ["search", "white shirt", "--attr", "gender=Men", "--k", "5", "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert len(rows) == 5
    assert set(rows[0]) == {"item_id", "title", "price", "category", "brand", "score"}
    assert "white shirt" in rows[0]["title"].lower()
    result = runner.invoke(main, ["search", "cable", "--index-dir", str(tmp_path / "missing")])
    assert result.exit_code == 1
    assert "holds no catalogue index" in result.output and "Traceback" not in result.output


def test_a_query_is_embedded_to_the_same_vector_on_the_short_path(embedder: SentenceTransformerEmbedder) -> None:
    """One query per turn skips encode()'s per-call model walk; its vector must not change."""
    import numpy as np

    assert embedder._short_queries
    for text in ["just show me black running shoes for men", "zapatos negros para hombre", "tv " * 200]:
        assert np.array_equal(embedder.encode_queries([text]), embedder._encode([text], show_progress=False))
