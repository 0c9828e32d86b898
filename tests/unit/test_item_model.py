"""The EASE item model (issue 14): what it ranks up, what it leaves alone, how it is stored and used."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from fakes import HashingEmbedder

from chatrec.fusion import FEATURES, PoolScores, pool_features
from chatrec.index import build_index
from chatrec.item_model import ItemModel
from chatrec.query import Query
from chatrec.retrieval import Retriever
from chatrec.settings import Settings
from chatrec.signals import ItemSignals

BASKETS = [
    ["alien", "aliens", "predator"],
    ["alien", "aliens"],
    ["alien", "aliens", "terminator"],
    ["notebook", "titanic"],
    ["notebook", "titanic", "alien"],
    ["notebook", "titanic"],
]


def test_an_item_named_with_the_context_ranks_first() -> None:
    model = ItemModel.fit(BASKETS, l2=1.0)
    scores = dict(zip(model.ids, model.scores(["alien"]).tolist(), strict=True))
    assert max((s, i) for i, s in scores.items() if i != "alien")[1] == "aliens"
    assert scores["aliens"] > scores["titanic"]
    titanic = dict(zip(model.ids, model.scores(["notebook"]).tolist(), strict=True))
    assert max((s, i) for i, s in titanic.items() if i != "notebook")[1] == "titanic"
    assert not model.scores(["never-logged"]).any()  # nothing known: no evidence either way


def test_later_context_items_weigh_more() -> None:
    model = ItemModel.fit(BASKETS, l2=1.0)
    row = {item_id: n for n, item_id in enumerate(model.ids)}
    recent_space = model.scores(["notebook", "alien"], decay=0.3)
    recent_romance = model.scores(["alien", "notebook"], decay=0.3)
    assert recent_space[row["aliens"]] > recent_romance[row["aliens"]]
    assert recent_romance[row["titanic"]] > recent_space[row["titanic"]]


def test_items_the_logs_never_named_have_no_score_not_a_low_one() -> None:
    signals = ItemSignals.fit(BASKETS, vocabulary=["alien", "aliens", "titanic", "dud"])
    catalogue = ["aliens", "brand-new", "titanic", "dud"]
    parts = signals.aligned(catalogue, embeddings=np.eye(4, dtype=np.float32)).parts(["alien"], "")
    model = parts["item_model"]
    assert np.isnan(model[1])  # added after the logs: unknown, which the fusion reads as missing
    assert np.isnan(model[3])  # on offer and never named: the model has no column either
    assert model[0] > model[2]
    features = pool_features(np.asarray([0, 1, 2]), PoolScores(
        dense=np.zeros(4, np.float32), lexical=None, signals=None, parts=parts, fused={}), cap=50)
    column = FEATURES.index("item_model")
    assert np.isnan(features[1, column]) and features[0, column] == pytest.approx(model[0])
    rank = features[:, FEATURES.index("item_model_rank")]
    assert rank[0] < rank[2] < rank[1] == pytest.approx(np.log1p(50))


def test_signals_save_and_load_their_item_model(tmp_path: Path) -> None:
    signals = ItemSignals.fit(BASKETS)
    loaded = ItemSignals.load(signals.save(tmp_path / "signals.npz"))
    assert loaded.item_model is not None and signals.item_model is not None
    assert loaded.item_model.ids == signals.item_model.ids
    np.testing.assert_allclose(loaded.item_model.scores(["alien"]), signals.item_model.scores(["alien"]))
    forgotten = loaded.without(["aliens"])
    assert forgotten.item_model is not None and forgotten.item_model.position("aliens") is None
    assert ItemSignals.fit(BASKETS, item_model=False).item_model is None


def test_the_fit_keeps_the_most_named_items_and_the_largest_weights() -> None:
    model = ItemModel.fit(BASKETS, l2=1.0, keep=2, max_items=3)
    assert len(model) == 3 and {"alien", "aliens"} <= set(model.ids)  # named 5 and 3 times
    assert model.weights.getnnz(axis=1).max() <= 2
    with pytest.raises(ValueError):
        ItemModel.fit(BASKETS, l2=0.0)
    assert len(ItemModel.fit([])) == 0


@pytest.fixture
def retriever(fixtures_dir: Path, settings: Settings, fake_embedder: HashingEmbedder) -> Retriever:
    index_dir = settings.cache_dir / "indexes" / "slice"
    build_index(fixtures_dir / "redial_movies.json", settings, embedder=fake_embedder, index_dir=index_dir)
    return Retriever.open(settings, index_dir=index_dir, embedder=fake_embedder)


def test_the_item_model_list_raises_what_it_scores_and_buries_no_item_without_logs(retriever: Retriever) -> None:
    n = len(retriever.index)
    plain = [c.item.id for c in retriever.search("a funny comedy", k=n)]
    new = plain[0]  # the best text match, added to the shop after the logs were collected
    logged = np.ones(n, dtype=np.float32)
    logged[retriever.index.position(new)] = 0
    signal = np.zeros(n, dtype=np.float32)
    model = np.zeros(n, dtype=np.float32)
    model[retriever.index.position(new)] = np.nan  # no column: the logs never named it
    favoured = plain[30]  # a weak text match the item model rates highest
    for number, item_id in enumerate([favoured, *plain[5:25]]):
        model[retriever.index.position(item_id)] = 1.0 - 0.01 * number
    for number, item_id in enumerate(plain[5:25]):
        signal[retriever.index.position(item_id)] = 1.0 - 0.01 * number
    parts = {"logged": logged}
    before = [c.item.id for c in retriever.search(
        Query("a funny comedy", signal_scores=signal, signal_weight=2.0, signal_parts=parts), k=n)]
    with_model = {**parts, "item_model": model}
    after = [c.item.id for c in retriever.search(
        Query("a funny comedy", signal_scores=signal, signal_weight=2.0, signal_parts=with_model), k=n)]
    assert after.index(favoured) < before.index(favoured)  # the model's list raises it
    assert before.index(new) == 0 and after.index(new) == 0  # the item without logs stays first
    # A customer the model knows nothing about: no list, and nothing for items without logs to make up for.
    unknown = np.where(np.isnan(model), np.nan, 0.0).astype(np.float32)
    blank = [c.item.id for c in retriever.search(Query(
        "a funny comedy", signal_scores=signal, signal_weight=2.0, signal_parts={**parts, "item_model": unknown}), k=n)]
    assert blank == before
