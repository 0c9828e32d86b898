"""Learned fusion: features of the retrieval pool, fitting, the model file, and its use in search."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from fakes import HashingEmbedder

from chatrec.errors import InputError
from chatrec.eval.fusion_data import fusion_examples
from chatrec.eval.redial import RedialEvaluation, dialogue_rec_turns, load_turns
from chatrec.fusion import FEATURES, VERSION, FusionExample, LearnedFusion, PoolScores, fit_fusion, pool_features
from chatrec.index import build_index
from chatrec.retrieval import Filters, Query, Retriever
from chatrec.settings import Settings
from chatrec.signals import ItemSignals, redial_sessions

COLUMN = {name: n for n, name in enumerate(FEATURES)}


@pytest.fixture
def retriever(fixtures_dir: Path, settings: Settings, fake_embedder: HashingEmbedder) -> Retriever:
    index_dir = settings.cache_dir / "indexes" / "slice"
    build_index(fixtures_dir / "redial_movies.json", settings, embedder=fake_embedder, index_dir=index_dir)
    return Retriever.open(settings, index_dir=index_dir, embedder=fake_embedder)


def _examples(n: int, seed: int = 0) -> list[FusionExample]:
    """Pools of 30 where the chosen item is the one named... never (named=0) with the highest signals score."""
    rng = np.random.default_rng(seed)
    out = []
    for t in range(n):
        features = rng.normal(size=(30, len(FEATURES))).astype(np.float32)
        features[:, COLUMN["named"]] = rng.random(30) < 0.2
        labels = np.zeros(30, dtype=np.int32)
        candidates = np.flatnonzero(features[:, COLUMN["named"]] == 0)
        labels[candidates[np.argmax(features[candidates, COLUMN["signals"]])]] = 1
        out.append(FusionExample(features, labels, group=f"d{t // 2}"))
    return out


class Preferring:
    """A stand-in model that puts one catalogue row first: the one with the highest taste score."""

    depth = 50

    def score(self, features: np.ndarray) -> np.ndarray:
        return features[:, COLUMN["named"]] * 10.0 - np.arange(len(features)) * 1e-3


def test_pool_features_describe_each_candidate() -> None:
    dense = np.asarray([0.9, 0.5, 0.1, -0.2], dtype=np.float32)
    lexical = np.asarray([-np.inf, 3.0, 1.0, -np.inf])
    pool = PoolScores(dense=dense, lexical=lexical, signals=None, parts={"co_mention": np.asarray([0, 0, 2.0, 0])},
                      fused={0: 0.03, 1: 0.02, 2: 0.01}, named=np.asarray([False, False, True, False]))
    features = pool_features(np.asarray([0, 1, 2]), pool, cap=200)
    assert features.shape == (3, len(FEATURES))
    assert features[:, COLUMN["dense_rank"]].tolist() == pytest.approx(np.log1p([0, 1, 2]).tolist())
    # no text match: the worst rank, a zero score, not -inf
    assert features[0, COLUMN["lexical"]] == 0 and features[0, COLUMN["lexical_rank"]] == pytest.approx(np.log1p(200))
    assert features[1, COLUMN["lexical_rank"]] == 0 and features[2, COLUMN["lexical_gap"]] == pytest.approx(-2.0)
    assert features[:, COLUMN["named"]].tolist() == [0, 0, 1] and features[0, COLUMN["n_named"]] == 1
    assert features[2, COLUMN["co_mention"]] == 2 and features[:, COLUMN["two_hop"]].tolist() == [0, 0, 0]
    # unknown years and, without an item model, its score are missing values (NaN: LightGBM's
    # "missing"); nothing else is
    years = [COLUMN["year"], COLUMN["year_gap"], COLUMN["item_model"]]
    assert np.isnan(features[:, years]).all()
    assert np.isfinite(np.delete(features, years, axis=1)).all()


def test_fitted_fusion_learns_what_rrf_cannot(tmp_path: Path) -> None:
    fusion = fit_fusion(_examples(300), depth=30, threads=1)
    meta = fusion.meta
    assert meta["held_out_fusion"]["recall@1"] > meta["held_out_rrf"]["recall@1"] + 0.3
    fresh = _examples(50, seed=9)
    hits = [int(np.argmax(fusion.score(e.features)) == np.argmax(e.labels)) for e in fresh]
    assert np.mean(hits) > 0.5
    path = fusion.save(tmp_path / "fusion.json")
    again = LearnedFusion.load(path)
    assert again.depth == 30 and set(again.trained_groups) == {f"d{t}" for t in range(150)}
    np.testing.assert_allclose(again.score(fresh[0].features), fusion.score(fresh[0].features))


def test_too_few_turns_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="too few to fit"):
        fit_fusion(_examples(5), depth=30)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{broken", "not JSON"),
        (json.dumps({"format": "other"}), "not a chatrec fusion model"),
        (json.dumps({"format": "chatrec-fusion", "version": 1, "features": ["dense"]}), "other features"),
        (json.dumps({"format": "chatrec-fusion", "version": VERSION, "features": list(FEATURES), "depth": 200,
                     "model": "tree\nnot a model"}), "does not parse"),
    ],
)
def test_broken_model_file_names_the_problem(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "fusion.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message) as caught:
        LearnedFusion.load(path)
    assert str(path) in str(caught.value)
    with pytest.raises(InputError, match="cannot read"):
        LearnedFusion.load(tmp_path / "missing.json")


def test_search_with_fusion_reorders_the_pool_and_keeps_every_constraint(retriever: Retriever) -> None:
    items = retriever.index.items
    plain = retriever.search("a funny comedy", 10)
    named = plain[7].item.id
    fused = retriever.search(Query("a funny comedy", named_ids=(named,)), 10, fusion=Preferring())
    assert fused[0].item.id == named
    assert [c.item.id for c in fused[1:]] == [c.item.id for c in plain if c.item.id != named][:9]
    assert len(retriever.search("a funny comedy", 80, fusion=Preferring())) == 80  # beyond the pool depth
    excluded = retriever.search(
        Query("a funny comedy", exclude_ids=(named,), named_ids=(named,)), 10, fusion=Preferring()
    )
    assert named not in {c.item.id for c in excluded}
    genre = next(v for item in items for v in item.attributes.get("genre", ()) if v)
    only = Filters(include={"genre": frozenset({genre})})
    kept = retriever.search(Query("a funny comedy", only), 5, fusion=Preferring())
    assert kept and all(genre in c.item.attributes["genre"] for c in kept)


def test_fit_fusion_command_and_eval_refuse_a_leaky_model(fixtures_dir: Path, tmp_path: Path, fake_cli) -> None:
    from chatrec.cli import main

    out = tmp_path / "fusion.json"
    dialogues = str(fixtures_dir / "redial_dialogues.jsonl")
    catalog = str(fixtures_dir / "redial_movies.json")
    fitted = CliRunner().invoke(main, ["eval", "fit-fusion", "--dialogues", dialogues, "--catalog", catalog,
                                       "--out", str(out), "--depth", "200", "--threads", "1"])
    assert fitted.exit_code == 0, fitted.output
    summary = json.loads(fitted.output[fitted.output.index("{"):])
    assert summary["turns"] > 40 and summary["held_out_turns"] > 0
    fusion = LearnedFusion.load(out)
    assert fusion.depth == 200 and fusion.meta["embedder"]

    turns = fixtures_dir / "redial_turns.jsonl"
    args = ["eval", "redial", "--turns", str(turns), "--catalog", catalog, "--dialogues", dialogues,
            "--fusion", str(out), "--json", str(tmp_path / "r.json")]
    scored = CliRunner().invoke(main, args)
    assert scored.exit_code == 0, scored.output
    assert json.loads((tmp_path / "r.json").read_text())["fusion"] == str(out)

    fusion.trained_groups.append(load_turns(turns)[0].dialog_id)
    fusion.save(out)
    refused = CliRunner().invoke(main, args)
    assert refused.exit_code != 0
    assert "learnt from 1 of the evaluated dialogues" in refused.output and "Traceback" not in refused.output


def test_fusion_examples_label_the_chosen_items(retriever: Retriever, fixtures_dir: Path) -> None:
    titles = {item.id: item.title for item in retriever.index.items}
    turns = dialogue_rec_turns([fixtures_dir / "redial_dialogues.jsonl"], titles)
    assert turns and all(t.context[0] == "" and len(t.context) > 1 and t.targets for t in turns)
    evaluation = RedialEvaluation(retriever, ItemSignals.fit(redial_sessions(fixtures_dir / "redial_dialogues.jsonl")))
    examples = fusion_examples(evaluation, turns[:10], depth=40)
    assert examples and all(e.features.shape == (len(e.labels), len(FEATURES)) for e in examples)
    assert all(len(e.labels) == 40 for e in examples) and sum(int(e.labels.sum()) for e in examples) > 0


def test_cross_fitted_fusion_never_learns_from_the_scored_dialogues(
    retriever: Retriever, fixtures_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from chatrec.eval import fusion_data
    from chatrec.eval.redial import SYSTEMS, cross_fitted_run

    dialogues = fixtures_dir / "redial_dialogues.jsonl"
    titles = {item.id: item.title for item in retriever.index.items}
    logged = dialogue_rec_turns([dialogues], titles)
    scored = logged[::3]
    seen: list[tuple[set[str], set[str]]] = []
    real = fusion_data.cross_fitted_examples

    def spy(retriever, sessions, turns, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(({t.dialog_id for t in turns}, {s.key for s in sessions}))
        return real(retriever, sessions, turns, **kwargs)

    monkeypatch.setattr(fusion_data, "cross_fitted_examples", spy)
    monkeypatch.setattr(fusion_data, "fit_fusion", lambda examples, **kw: fit_fusion(examples, threads=1, **kw))
    result = cross_fitted_run(retriever, redial_sessions(dialogues), scored, [SYSTEMS["product"], SYSTEMS["product-rrf"]],
                              folds=3, fusion_turns=logged, fusion_depth=200)
    assert len(seen) == 3 and result["fusion_turns"] > 0
    scored_ids = {t.dialog_id for t in scored}
    for learnt_from, signal_keys in seen:
        held = scored_ids - learnt_from
        assert held and not held & signal_keys  # each fold's own dialogues: in neither
    assert result["systems"]["product"]["pairs"] == result["systems"]["product-rrf"]["pairs"] > 0


def test_fit_fusion_learns_from_shop_logs_and_names_a_bad_line(fixtures_dir: Path, tmp_path: Path, fake_cli) -> None:
    from chatrec.cli import main

    movies = json.loads((fixtures_dir / "redial_movies.json").read_text())
    logs = tmp_path / "logs.jsonl"
    lines = [{"query": f"something like {movie['name']}", "item_id": movie_id, "session": f"s{n % 40}"}
             for n, (movie_id, movie) in enumerate(list(movies.items())[:120])]
    lines.append({"query": "gone", "item_id": "not-in-the-catalogue"})
    logs.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    out = tmp_path / "fusion.json"
    args = ["eval", "fit-fusion", "--logs", str(logs), "--catalog", str(fixtures_dir / "redial_movies.json"),
            "--out", str(out), "--depth", "100", "--threads", "1"]
    fitted = CliRunner().invoke(main, args)
    assert fitted.exit_code == 0, fitted.output
    assert LearnedFusion.load(out).meta["turns"] == 120
    logs.write_text(json.dumps(lines[0]) + "\n" + json.dumps({"item_id": "1"}) + "\n", encoding="utf-8")
    bad = CliRunner().invoke(main, args)
    assert bad.exit_code != 0 and "logs.jsonl:2" in bad.output and "Traceback" not in bad.output


def test_the_fusion_sees_which_items_have_no_log_data() -> None:
    dense = np.asarray([0.9, 0.5, 0.1], dtype=np.float32)
    logged = np.asarray([1.0, 0.0, 1.0], dtype=np.float32)
    pool = PoolScores(dense=dense, lexical=None, signals=None, parts={"logged": logged}, fused={0: 0.03, 1: 0.02})
    features = pool_features(np.asarray([1, 0]), pool, cap=50)
    assert features[:, COLUMN["logged"]].tolist() == [0, 1]
    no_signals = PoolScores(dense=dense, lexical=None, signals=None, parts={}, fused={0: 0.03})
    assert pool_features(np.asarray([0]), no_signals, cap=50)[0, COLUMN["logged"]] == 0


def test_items_without_log_data_are_neither_raised_nor_buried_by_the_signals(retriever: Retriever) -> None:
    n = len(retriever.index)
    plain = [c.item.id for c in retriever.search("a funny comedy", k=n)]
    new = plain[0]  # the best text match, added to the shop after the logs were collected
    extra = np.zeros(n, dtype=np.float32)
    logged = np.ones(n, dtype=np.float32)
    logged[retriever.index.position(new)] = 0
    for number, item_id in enumerate(plain[5:25]):  # the logs favour twenty weaker text matches
        extra[retriever.index.position(item_id)] = 1.0 - 0.01 * number
    from chatrec.query import Query

    buried = [c.item.id for c in retriever.search(
        Query("a funny comedy", signal_scores=extra, signal_weight=2.0), k=n)]
    safe = [c.item.id for c in retriever.search(
        Query("a funny comedy", signal_scores=extra, signal_weight=2.0, signal_parts={"logged": logged}), k=n)]
    assert buried.index(new) > 0  # a list only logged items can enter pushes it down
    assert safe.index(new) == 0
    # Logged items keep their relative order: the logs still raise what they know.
    assert [i for i in safe if i != new] == [i for i in buried if i != new]


class BuryingUnlogged:
    """A stand-in learned model that learnt 'no log data, never the answer' (issue 14)."""

    depth = 60

    def __init__(self, floor: float = 1.0) -> None:
        self.cold_start_floor = floor

    def score(self, features: np.ndarray) -> np.ndarray:
        return features[:, COLUMN["logged"]] * 10.0 + features[:, COLUMN["signals"]]


def test_a_learned_fusion_cannot_bury_the_best_item_without_log_data(retriever: Retriever) -> None:
    from chatrec.query import Query

    n = len(retriever.index)
    plain = [c.item.id for c in retriever.search("a funny comedy", k=n)]
    new = plain[0]  # the best content evidence, added to the shop after the logs were collected
    extra = np.zeros(n, dtype=np.float32)
    logged = np.ones(n, dtype=np.float32)
    logged[retriever.index.position(new)] = 0
    for number, item_id in enumerate(plain[5:45]):  # the logs know forty weaker matches
        extra[retriever.index.position(item_id)] = 1.0 - 0.01 * number
    query = Query("a funny comedy", signal_scores=extra, signal_weight=2.0, signal_parts={"logged": logged})

    floored = retriever.search(query, 10, fusion=BuryingUnlogged())
    unfloored = retriever.search(query, 10, fusion=BuryingUnlogged(floor=0.0))
    assert new not in [c.item.id for c in unfloored]  # what the model alone does
    assert [c.item.id for c in floored][0] == new  # first in the fused pool: first still
    scores = [c.score for c in floored]
    assert scores == sorted(scores, reverse=True)
    # The logs still order the logged items: the floor moves the new item only.
    assert [c.item.id for c in floored[1:]] == [c.item.id for c in unfloored[:9]]


def test_the_cold_start_floor_keeps_the_learned_order_of_logged_items() -> None:
    from chatrec.fusion import cold_start_order

    # The model's order of a pool of six (positions in fused order); position 1 has no log data.
    ranking = np.asarray([3, 0, 4, 5, 2, 1])
    unlogged = np.asarray([False, True, False, False, False, False])
    assert cold_start_order(ranking, unlogged).tolist() == [3, 1, 0, 4, 5, 2]
    # An item the model already ranks above its fused place keeps the model's place.
    assert cold_start_order(np.asarray([1, 0, 2]), np.asarray([False, True, False])).tolist() == [1, 0, 2]
    assert cold_start_order(ranking, np.zeros(6, dtype=bool)).tolist() == ranking.tolist()
    # Stretched: fused place 1 may fall to place 2 (behind the model's first two).
    assert cold_start_order(ranking, unlogged, stretch=2.0).tolist() == [3, 0, 1, 4, 5, 2]


def test_fusion_training_pools_leave_out_items_no_logged_turn_could_choose(
    retriever: Retriever, fixtures_dir: Path
) -> None:
    from chatrec.eval.fusion_data import cross_fitted_examples

    dialogues = fixtures_dir / "redial_dialogues.jsonl"
    titles = {item.id: item.title for item in retriever.index.items}
    turns = dialogue_rec_turns([dialogues], titles)[:30]
    ids = [item.id for item in retriever.index.items]
    added_later = set(ids[::3])  # a third of the catalogue was not on offer while the logs were collected
    offered = [i for i in ids if i not in added_later]

    def unlogged_rows(**options: bool) -> int:
        examples = cross_fitted_examples(retriever, redial_sessions(dialogues), turns, depth=100, folds=2,
                                         unlogged_share=0.0, vocabulary=offered, **options)
        assert examples
        return sum(int((e.features[:, COLUMN["logged"]] == 0).sum()) for e in examples)

    assert unlogged_rows(drop_unoffered=False) > 0  # as negatives: "no log data, never chosen"
    assert unlogged_rows() == 0
