"""Item signals: "customers who talked about X went for Y", popularity, log texts."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from chatrec.errors import ConfigError
from chatrec.signals import ItemSignals, Session, SignalWeights, redial_sessions

BASKETS = [
    ["alien", "aliens", "predator"],
    ["alien", "aliens"],
    ["alien", "aliens", "terminator"],
    ["notebook", "titanic"],
    ["notebook", "titanic", "alien"],
]


def test_co_mention_prefers_items_named_together() -> None:
    signals = ItemSignals.fit(BASKETS)
    catalogue = ["titanic", "aliens", "predator", "never-seen"]
    scores = signals.co_mention(catalogue, ["alien"])
    assert scores.argmax() == 1  # aliens goes with alien three times
    assert scores[3] == 0.0
    assert scores[2] > 0.0
    assert np.all(signals.co_mention(catalogue, ["unknown"]) == 0.0)


def test_popularity_is_monotonic_in_mentions() -> None:
    signals = ItemSignals.fit(BASKETS)
    pop = signals.popularity(["alien", "aliens", "predator", "nothing"])
    assert pop[0] == pytest.approx(1.0)
    assert pop[0] > pop[1] > pop[2] > pop[3] == 0.0


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    sessions = [Session(items=("a", "b"), key="d1", led_to=(("b", "something scary"),)), Session(items=("b", "c"))]
    signals = ItemSignals.fit(sessions)
    path = signals.save(tmp_path / "sub" / "signals.npz")
    loaded = ItemSignals.load(path)
    assert loaded.ids == signals.ids
    assert loaded.keys == ["d1"]
    assert loaded.n_sessions == 2
    assert (loaded.co != signals.co).nnz == 0
    np.testing.assert_allclose(loaded.co_mention(["a", "b", "c"], ["b"]), signals.co_mention(["a", "b", "c"], ["b"]))


def test_load_refuses_missing_or_foreign_files(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        ItemSignals.load(tmp_path / "nope.npz")
    bad = tmp_path / "bad.npz"
    np.savez(bad, something=np.zeros(3))
    with pytest.raises(ConfigError, match="not an item signals file"):
        ItemSignals.load(bad)


def test_aligned_scores_combine_signals_and_log_text() -> None:
    sessions = [
        Session(items=("shining", "exorcist"), led_to=(("exorcist", "something really scary please"),)),
        Session(items=("notebook", "titanic"), led_to=(("titanic", "a romantic love story"),)),
    ]
    aligned = ItemSignals.fit(sessions).aligned(["titanic", "exorcist", "shining", "other"])
    log = aligned.log_text("anything scary tonight?")
    assert log.argmax() == 1 and log.max() == pytest.approx(1.0)
    scores = aligned.scores(["notebook"], "", SignalWeights(co_mention=1.0, popularity=0.0, log_text=0.0))
    assert scores.argmax() == 0
    with pytest.raises(ValueError):
        SignalWeights(co_mention=-1.0)


def test_redial_sessions_read_mentions_and_seeker_words(fixtures_dir: Path) -> None:
    sessions = redial_sessions(fixtures_dir / "redial_dialogues.jsonl")
    assert len(sessions) == 25
    assert all(session.key for session in sessions)
    assert sum(len(session.items) for session in sessions) > 50
    texts = [text for session in sessions for _, text in session.led_to]
    assert texts and not any(re.search(r"@\d", text) for text in texts)


def test_top_lists_what_the_logs_connect_to_the_conversation() -> None:
    aligned = ItemSignals.fit(BASKETS).aligned(["titanic", "aliens", "predator", "never-seen", "alien"])
    weights = SignalWeights(popularity=0.0, log_text=0.0)
    top = aligned.top(["alien"], "", weights, k=3, exclude_ids=["alien"])
    assert top[0][0] == "aliens"
    assert "never-seen" not in dict(top) and "alien" not in dict(top)


def test_a_session_logged_twice_counts_once() -> None:
    once = ItemSignals.fit([Session(items=("a", "b"), key="d1"), Session(items=("a", "c"), key="d2")])
    twice = ItemSignals.fit([
        Session(items=("a", "b"), key="d1"), Session(items=("a", "b"), key="d1"), Session(items=("a", "c"), key="d2"),
    ])
    assert twice.n_sessions == once.n_sessions == 2
    np.testing.assert_allclose(twice.co_mention(["b", "c"], ["a"]), once.co_mention(["b", "c"], ["a"]))


def test_two_hop_reaches_items_never_named_next_to_the_context() -> None:
    # "alien" and "predator" never share a session; "aliens" links them.
    signals = ItemSignals.fit([("alien", "aliens"), ("aliens", "predator"), ("titanic", "notebook")])
    aligned = signals.aligned(["alien", "aliens", "predator", "titanic", "notebook"])
    one, two = aligned.co_mentions(["alien"])
    assert one[2] == 0 and two[2] > 0  # predator: only two hops away
    assert one[1] > 0 and two[3] == 0 and two[4] == 0  # aliens one hop; the romance cluster never
    # shrink 2: s1(aliens) = 1/(1+2); s2(predator) = s1(aliens) * co(aliens, predator) / (2+2)
    assert two[2] == pytest.approx((1 / 3) / 4)
    only_one_hop = aligned.scores(["alien"], "", SignalWeights(two_hop=0.0, popularity=0.0, log_text=0.0))
    assert only_one_hop[2] == 0
    both = aligned.scores(["alien"], "", SignalWeights(popularity=0.0, log_text=0.0))
    assert both[2] > 0 and both.argmax() == 1
    with pytest.raises(ValueError):
        SignalWeights(two_hop=-0.5)


def test_an_item_without_logs_takes_its_signals_from_similar_logged_items() -> None:
    # "aliens-2" was never logged; its embedding is next to "aliens", far from "titanic".
    catalogue = ["aliens", "titanic", "aliens-2", "notebook"]
    embeddings = np.asarray([[1.0, 0.0], [0.0, 1.0], [0.99, 0.14], [0.1, 0.99]], dtype=np.float32)
    embeddings /= np.linalg.norm(embeddings, axis=1, keepdims=True)
    signals = ItemSignals.fit(BASKETS)
    weights = SignalWeights(popularity=0.0, log_text=0.0, two_hop=0.0)
    buried = signals.aligned(catalogue).scores(["alien"], "", weights)
    assert buried[2] == 0  # without imputation a new item is below every logged one
    aligned = signals.aligned(catalogue, embeddings=embeddings, neighbours=1)
    scores = aligned.scores(["alien"], "", weights)
    assert scores[2] == pytest.approx(scores[0]) and scores[2] > scores[1]
    assert aligned.known.tolist() == [True, True, False, True]
    parts = aligned.parts(["alien"], "")
    assert parts["logged"].tolist() == [1, 1, 0, 1]
    assert parts["popularity"][2] == pytest.approx(aligned.popularity[0])
    assert aligned.popularity[0] > 0


def test_signals_without_items_forget_them() -> None:
    signals = ItemSignals.fit(BASKETS).without(["aliens"])
    assert "aliens" not in signals and "alien" in signals
    scores = signals.co_mention(["aliens", "predator"], ["alien"])
    assert scores[0] == 0 and scores[1] > 0


def test_items_on_offer_and_never_named_are_known_with_no_interest() -> None:
    catalogue = ["alien", "dud", "brand-new"]
    embeddings = np.eye(3, dtype=np.float32)
    aligned = ItemSignals.fit(BASKETS, vocabulary=["alien", "dud"]).aligned(catalogue, embeddings=embeddings)
    # "dud" was on offer while the logs ran and nobody named it: evidence, not missing data.
    assert aligned.known.tolist() == [True, True, False]
    assert aligned.named_in_logs.tolist() == [True, False, False]
    assert aligned.popularity[1] == 0
