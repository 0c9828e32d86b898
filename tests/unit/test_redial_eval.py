"""The ReDial protocol on a small slice: linking, metrics, leak-free signals, CLI contract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from fakes import HashingEmbedder

from chatrec.errors import InputError
from chatrec.eval.redial import (
    SYSTEMS,
    RecTurn,
    RedialEvaluation,
    cross_fitted_run,
    dialogue_roles,
    holdout_items,
    load_turns,
    parse_systems,
    sample_turns,
    without_items,
    without_targets,
)
from chatrec.index import build_index
from chatrec.retrieval import Retriever
from chatrec.settings import Settings
from chatrec.signals import ItemSignals, Session, redial_sessions


@pytest.fixture
def retriever(fixtures_dir: Path, settings: Settings, fake_embedder: HashingEmbedder) -> Retriever:
    index_dir = settings.cache_dir / "indexes" / "slice"
    build_index(fixtures_dir / "redial_movies.json", settings, embedder=fake_embedder, index_dir=index_dir)
    return Retriever.open(settings, index_dir=index_dir, embedder=fake_embedder)


@pytest.fixture
def turns(fixtures_dir: Path) -> list[RecTurn]:
    return load_turns(fixtures_dir / "redial_turns.jsonl")


def test_turns_load_and_sample_deterministically(turns: list[RecTurn]) -> None:
    assert len(turns) == 8 and all(turn.targets for turn in turns)
    first = sample_turns(turns, 4, seed=1)
    assert first == sample_turns(turns, 4, seed=1)
    assert len(first) == 4 and first != sample_turns(turns, 4, seed=2)
    assert sample_turns(turns, None) == turns


def test_bad_turns_file_is_one_readable_error(tmp_path: Path) -> None:
    bad = tmp_path / "turns.jsonl"
    bad.write_text('{"dialog_id": "1"}\n', encoding="utf-8")
    with pytest.raises(InputError, match="not a recommendation turn"):
        load_turns(bad)


def test_roles_end_with_the_customer() -> None:
    assert dialogue_roles(["", "Hi, what do you like?", "horror please"]) == [
        ("assistant", "Hi, what do you like?"),
        ("customer", "horror please"),
    ]


def test_unknown_system_is_refused() -> None:
    with pytest.raises(InputError, match="unknown system"):
        parse_systems("chatrec,magic")
    assert [s.name for s in parse_systems("popularity, bm25")] == ["popularity", "bm25"]


def test_the_command_help_names_every_system() -> None:
    from chatrec.cli import main

    help_text = " ".join(CliRunner().invoke(main, ["eval", "redial", "--help"]).output.split())
    for name in SYSTEMS:
        assert name in help_text, name
    llm_systems = {name for name, system in SYSTEMS.items() if system.ranker == "llm"}
    assert {"product+llm0", "product+llm"} <= llm_systems
    assert SYSTEMS["product+llm0"].adapter == "none" and SYSTEMS["product+llm0"].product


def test_every_system_scores_all_pairs_in_range(retriever: Retriever, turns: list[RecTurn], fixtures_dir: Path) -> None:
    signals = ItemSignals.fit(redial_sessions(fixtures_dir / "redial_dialogues.jsonl"))
    systems = [SYSTEMS[name] for name in ("popularity", "bm25", "dense", "hybrid", "hybrid+items", "signals",
                                          "chatrec", "chatrec-exclude", "product")]
    result = RedialEvaluation(retriever, signals).run(turns, systems, timed_turns=3)
    assert result["turns"] == 8
    assert result["unlinked_targets"] == 0
    pairs = sum(len(turn.targets) for turn in turns)
    for name, metrics in result["systems"].items():
        assert metrics["pairs"] == pairs, name
        assert 0.0 <= metrics["recall@1"] <= metrics["recall@10"] <= metrics["recall@50"] <= 1.0
        assert 0.0 < metrics["mrr"] <= 1.0
        assert 0.0 < metrics["coverage@10"] <= 1.0
        assert len(metrics["latencies_ms"]) == 3
    # The top level is the first system's figures, with the contract's keys.
    for key in ("recall@1", "recall@10", "recall@50", "ndcg@10", "mrr", "pairs"):
        assert result[key] == result["systems"]["popularity"][key]
    again = RedialEvaluation(retriever, signals).run(turns, systems, timed_turns=0)
    assert again["systems"]["chatrec"]["ranks"] == result["systems"]["chatrec"]["ranks"]


def test_unlinkable_targets_are_counted(retriever: Retriever) -> None:
    turn = RecTurn("x", 1, ("", "hi", "any good movie?"), ("No Such Film (1901)", "Fargo (1996)"))
    result = RedialEvaluation(retriever).run([turn], [SYSTEMS["hybrid"]], timed_turns=0)
    assert result["targets"] == 2 and result["unlinked_targets"] == 1 and result["pairs"] == 1


def test_signal_systems_need_signals(retriever: Retriever, turns: list[RecTurn]) -> None:
    with pytest.raises(InputError, match="needs item signals"):
        RedialEvaluation(retriever).run(turns, [SYSTEMS["popularity"]])


def test_cross_fitting_never_learns_from_the_scored_dialogue(retriever: Retriever) -> None:
    fargo = retriever.index.items[[i.title for i in retriever.index.items].index("Fargo (1996)")]
    other = next(item for item in retriever.index.items if item.id != fargo.id)
    turn = RecTurn("d1", 2, ("", f"I loved {other.title}"), ("Fargo (1996)",))
    # The only evidence that Fargo goes with the other film is the scored dialogue itself.
    sessions = [Session(items=(other.id, fargo.id), key="d1")] + [
        Session(items=(item.id,), key=f"s{n}") for n, item in enumerate(retriever.index.items[:30])
    ]
    leaky = RedialEvaluation(retriever, ItemSignals.fit(sessions)).run([turn], [SYSTEMS["signals"]])
    clean = cross_fitted_run(retriever, sessions, [turn], [SYSTEMS["signals"]], folds=3)
    assert leaky["systems"]["signals"]["ranks"][0] <= 1
    assert clean["systems"]["signals"]["ranks"][0] > 1
    assert clean["signals_sessions"] == len(sessions) - 1


def test_cli_writes_the_contract_json(fixtures_dir: Path, tmp_path: Path, fake_cli) -> None:
    from chatrec.cli import main

    out = tmp_path / "result.json"
    args = ["eval", "redial", "--turns", str(fixtures_dir / "redial_turns.jsonl"),
            "--catalog", str(fixtures_dir / "redial_movies.json"), "--limit", "5", "--seed", "3",
            "--dialogues", str(fixtures_dir / "redial_dialogues.jsonl"), "--json", str(out)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    assert {"recall@1", "recall@10", "recall@50", "ndcg@10", "mrr", "pairs"} <= set(data)
    assert data["turns"] == 5 and data["system"] == "product"  # the product's own pipeline by default
    assert list((tmp_path / "cache" / "indexes").iterdir())  # indexed in the content-keyed cache
    again = CliRunner().invoke(main, args)
    assert again.exit_code == 0
    assert json.loads(out.read_text())["systems"]["product"]["ranks"] == data["systems"]["product"]["ranks"]

    report = CliRunner().invoke(main, ["eval", "report", "--results", str(out), "--out", str(tmp_path / "rep")])
    assert report.exit_code == 0, report.output
    text = (tmp_path / "rep" / "report.md").read_text()
    assert "| product |" in text and "UniCRS" in text
    assert text.index("## Echo-free pairs") < text.index("## All pairs")  # the report leads with echo-free recall
    assert data["systems"]["product"]["echo_free"]["pairs"] + data["targets_already_named"] == data["pairs"]
    for png in ("recall_at_k.png", "ablation.png", "latency.png"):
        assert (tmp_path / "rep" / png).stat().st_size > 1000


def test_cli_refuses_leaky_signals_file(fixtures_dir: Path, tmp_path: Path, fake_cli) -> None:
    from chatrec.cli import main

    turns = load_turns(fixtures_dir / "redial_turns.jsonl")
    leaky = tmp_path / "leaky.npz"
    ItemSignals.fit([Session(items=("1",), key=turns[0].dialog_id)]).save(leaky)
    result = CliRunner().invoke(main, [
        "eval", "redial", "--turns", str(fixtures_dir / "redial_turns.jsonl"),
        "--catalog", str(fixtures_dir / "redial_movies.json"), "--systems", "signals", "--signals", str(leaky),
    ])
    assert result.exit_code != 0
    assert "evaluated dialogues" in result.output and "Traceback" not in result.output


def test_cli_refuses_an_embedder_tuned_on_the_evaluated_dialogues(
    fixtures_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from chatrec.cli import main

    turns = load_turns(fixtures_dir / "redial_turns.jsonl")
    tuned = tmp_path / "tuned"
    tuned.mkdir()
    (tuned / "trained_groups.json").write_text(json.dumps([turns[0].dialog_id, "other"]))
    monkeypatch.setenv("CHATREC_EMBEDDER", str(tuned))
    monkeypatch.setenv("CHATREC_CACHE_DIR", str(tmp_path / "cache"))
    result = CliRunner().invoke(main, [
        "eval", "redial", "--turns", str(fixtures_dir / "redial_turns.jsonl"),
        "--catalog", str(fixtures_dir / "redial_movies.json"), "--systems", "dense",
    ])
    assert result.exit_code != 0
    assert "tuned on 1 of the evaluated dialogues" in result.output and "Traceback" not in result.output
    (tuned / "trained_groups.json").write_text("{broken")
    broken = CliRunner().invoke(main, [
        "eval", "redial", "--turns", str(fixtures_dir / "redial_turns.jsonl"),
        "--catalog", str(fixtures_dir / "redial_movies.json"), "--systems", "dense",
    ])
    assert broken.exit_code != 0 and "trained_groups.json" in broken.output


def test_every_metric_is_also_reported_on_echo_free_pairs(retriever: Retriever, fixtures_dir: Path) -> None:
    titles = [item.title for item in retriever.index.items]
    echo = RecTurn("e1", 2, ("", f"I loved {titles[0]}", "what else?"), (titles[0], titles[1]))
    fresh = RecTurn("e2", 2, ("", "something scary", "ok"), (titles[2],))
    signals = ItemSignals.fit(redial_sessions(fixtures_dir / "redial_dialogues.jsonl"))
    result = RedialEvaluation(retriever, signals).run([echo, fresh], [SYSTEMS["product-rrf"]], timed_turns=0)
    metrics = result["systems"]["product-rrf"]
    assert result["targets_already_named"] == 1
    assert metrics["pairs"] == 3
    assert metrics["echo_free"]["pairs"] == 2 and metrics["named_earlier"]["pairs"] == 1
    ranks = metrics["ranks"]
    assert metrics["named_earlier"]["mrr"] == pytest.approx(round(1 / (ranks[0] + 1), 4))
    assert metrics["echo_free"]["recall@50"] == pytest.approx(sum(r < 50 for r in ranks[1:]) / 2)
    assert 0.0 <= metrics["top10_no_log_share"] <= 1.0 and result["catalogue_no_log_share"] > 0
    assert "no_log_data" in metrics and "held_out" not in metrics


def test_held_out_items_are_removed_from_every_log_and_reported(retriever: Retriever) -> None:
    ids = [item.id for item in retriever.index.items]
    held = holdout_items(ids, 0.2, seed=1)
    assert held == holdout_items(ids, 0.2, seed=1) and len(held) == round(len(ids) * 0.2)
    with pytest.raises(InputError, match="fraction"):
        holdout_items(ids, 1.0)
    target = retriever.index.items[ids.index(sorted(held)[0])]
    other = next(item for item in retriever.index.items if item.id not in held)
    sessions = [Session(items=(other.id, target.id), key=f"s{n}", led_to=((target.id, "scary"),)) for n in range(5)]
    assert without_items(sessions, held)[0].items == (other.id,) and not without_items(sessions, held)[0].led_to
    turn = RecTurn("d1", 2, ("", f"I loved {other.title}"), (target.title,))
    result = cross_fitted_run(retriever, sessions, [turn], [SYSTEMS["product-rrf"]], held_out=held)
    metrics = result["systems"]["product-rrf"]
    assert metrics["held_out"]["pairs"] == 1 and metrics["no_log_data"]["pairs"] == 1
    assert result["held_out_items"] == len(held)
    assert without_targets([turn], {target.title}) == []


def test_cli_holdout_items_reports_recall_on_the_held_out_targets(fixtures_dir: Path, tmp_path: Path, fake_cli) -> None:
    from chatrec.cli import main

    out = tmp_path / "result.json"
    args = ["eval", "redial", "--turns", str(fixtures_dir / "redial_turns.jsonl"),
            "--catalog", str(fixtures_dir / "redial_movies.json"), "--systems", "product-rrf,product-nosignals",
            "--dialogues", str(fixtures_dir / "redial_dialogues.jsonl"), "--holdout-items", "0.5", "--json", str(out)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    assert data["held_out_items"] == 100 and data["catalogue_no_log_share"] >= 0.5
    held = data["systems"]["product-nosignals"]["held_out"]
    assert held["pairs"] == data["systems"]["product-rrf"]["held_out"]["pairs"] > 0
    refused = CliRunner().invoke(main, [*args[:-2], "--holdout-items", "1.5"])
    assert refused.exit_code != 0 and "Traceback" not in refused.output
