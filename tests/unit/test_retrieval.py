"""Hybrid retrieval: filters, exclusions, fusion, and the Chroma backend."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from fakes import HashingEmbedder

from chatrec.errors import ConfigError
from chatrec.index import build_index, open_index
from chatrec.retrieval import BM25, Filters, Query, Retriever, tokenize
from chatrec.settings import Settings

CATALOG = """id,title,price,category,brand,colour,tags
1,Trail running shoe,60,shoes,Nike,red,
2,Road running shoe,90,shoes,Adidas,blue,
3,Leather boot,120,shoes,Timberland,brown,
4,Running shorts,25,apparel,Nike,black,
5,Sony WH-1000XM4 headphones,300,audio,Sony,black,
6,Wool socks,,apparel,Smartwool,grey,
"""


@pytest.fixture
def retriever(tmp_path: Path, settings: Settings, fake_embedder: HashingEmbedder) -> Retriever:
    catalog = tmp_path / "shop.csv"
    catalog.write_text(CATALOG)
    build_index(catalog, settings, embedder=fake_embedder)
    return Retriever.open(settings, embedder=fake_embedder)


def ids(candidates) -> list[str]:  # type: ignore[no-untyped-def]
    return [c.item.id for c in candidates]


def test_tokenize_joins_model_numbers() -> None:
    assert "wh1000xm4" in tokenize("Sony WH-1000XM4")


def test_bm25_prefers_rarer_terms() -> None:
    bm25 = BM25(["red shoe", "blue shoe", "red hat"])
    scores = bm25.scores("blue shoe")
    assert int(np.argmax(scores)) == 1
    assert bm25.scores("unknownword").sum() == 0


def test_price_range_and_category(retriever: Retriever) -> None:
    found = retriever.search(Query("running shoe", Filters(max_price=70, include={"category": frozenset({"Shoes"})})), 10)
    assert ids(found) == ["1"]
    found = retriever.search(Query("shoe", Filters(min_price=80)), 10)
    assert set(ids(found)) <= {"2", "3", "5"} and "6" not in ids(found)  # unpriced socks fail a price filter


def test_brand_membership_and_negation(retriever: Retriever) -> None:
    found = retriever.search(Query("running", Filters(include={"brand": frozenset({"nike", "adidas"})})), 10)
    assert set(ids(found)) == {"1", "2", "4"}
    found = retriever.search(Query("running", Filters(exclude={"brand": frozenset({"Nike"}), "colour": frozenset({"blue"})})), 10)
    assert not {"1", "2", "4"} & set(ids(found))


def test_excluded_ids_never_come_back(retriever: Retriever) -> None:
    found = retriever.search(Query("running shoe", exclude_ids=("1", "2", "not-an-id")), 10)
    assert "1" not in ids(found) and "2" not in ids(found)
    assert retriever.count(exclude_ids=["1"]) == 5


def test_hybrid_finds_a_model_number_that_dense_misses(retriever: Retriever) -> None:
    # The fake embedder hashes whole words, so "wh1000xm4" shares nothing with the item's
    # "WH-1000XM4" densely; BM25's joined compound token matches it.
    dense = retriever.search(Query("wh1000xm4", mode="dense"), 1)
    hybrid = retriever.search("wh1000xm4", 1)
    assert ids(dense) != ["5"]
    assert ids(hybrid) == ["5"]


def test_profile_vector_pulls_results(retriever: Retriever) -> None:
    boot = retriever.index.embeddings[retriever.index.position("3")]
    plain = retriever.search(Query("", mode="dense"), 1)
    biased = retriever.search(Query("", mode="dense", taste=boot, taste_weight=0.9), 1)
    assert ids(biased) == ["3"] and ids(plain) != ["3"]


def test_the_vocabulary_is_stored_with_the_index(retriever: Retriever, settings: Settings) -> None:
    from chatrec.vocabulary import VOCABULARY_FILE, CatalogueVocabulary

    stored = CatalogueVocabulary.load(settings.index_dir / VOCABULARY_FILE)
    assert stored.values("brand")["Nike"] == 2 and "colour" in stored.fields
    assert retriever.index.vocabulary.counts == stored.counts


def test_chroma_backend_agrees_on_filters(retriever: Retriever, settings: Settings, fake_embedder: HashingEmbedder) -> None:
    chroma = Retriever(retriever.index, fake_embedder, settings.model_copy(update={"retrieval_backend": "chroma"}))
    query = Query("running", Filters(max_price=100, include={"brand": frozenset({"Nike"})}))
    assert set(ids(chroma.search(query, 10))) == set(ids(retriever.search(query, 10))) == {"1", "4"}


def test_embedder_mismatch_is_refused(retriever: Retriever, settings: Settings) -> None:
    other = HashingEmbedder()
    other.name = "another-model"
    with pytest.raises(ConfigError, match="rebuild the index"):
        Retriever(open_index(settings.index_dir), other, settings)


def test_extra_scores_are_fused_as_a_third_list(retriever: Retriever) -> None:
    extra = np.zeros(len(retriever.index))
    extra[retriever.index.position("6")] = 1.0  # e.g. what customers who said this went on to buy
    assert "6" not in ids(retriever.search("running shoe", 3))
    assert "6" in ids(retriever.search(Query("running shoe", signal_scores=extra, signal_weight=3.0), 3))
    assert "6" not in ids(retriever.search(Query("running shoe", exclude_ids=("6",), signal_scores=extra, signal_weight=3.0), 3))


def test_queries_read_the_vectors_from_the_store_of_record(
    retriever: Retriever, settings: Settings, fake_embedder: HashingEmbedder
) -> None:
    from chatrec.index import EMBEDDINGS
    from chatrec.store import load_vectors

    assert np.allclose(load_vectors(settings, retriever.index), np.load(settings.index_dir / EMBEDDINGS), atol=1e-6)
    # A damaged build artefact does not matter: the matrix comes from Chroma.
    np.save(settings.index_dir / EMBEDDINGS, np.zeros_like(retriever.index.embeddings))
    reopened = Retriever.open(settings, embedder=fake_embedder)
    assert ids(reopened.search("running shoe", 3)) == ids(retriever.search("running shoe", 3))
