"""The learned fusion learns only from dialogues a tuned embedder was not trained on (issue 14, i14f).

On the dialogues it was tuned on, a tuned embedder's dense scores are better than on a new
customer's words; a fusion fitted there would trust them too much.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from fakes import HashingEmbedder

from chatrec.catalog import load_catalog
from chatrec.embedding import embedder_identity
from chatrec.eval.inputs import unseen_by_embedder
from chatrec.eval.turns import dialogue_rec_turns
from chatrec.fusion import LearnedFusion
from chatrec.settings import Settings

TUNED_ON = ["13964", "4762", "3827"]  # 13 of the fixture's 72 logged turns


@pytest.fixture
def logged(fixtures_dir: Path) -> list:
    titles = {item.id: item.title for item in load_catalog(fixtures_dir / "redial_movies.json").items}
    return dialogue_rec_turns([fixtures_dir / "redial_dialogues.jsonl"], titles)


def _tuned(tmp_path: Path, groups: list[str], monkeypatch: pytest.MonkeyPatch, fake: HashingEmbedder) -> Path:
    """A tuned embedder folder (only its trained_groups.json: the fake embedder does the embedding)."""
    tuned = tmp_path / "tuned"
    tuned.mkdir(exist_ok=True)
    (tuned / "trained_groups.json").write_text(json.dumps(groups))
    monkeypatch.setenv("CHATREC_EMBEDDER", str(tuned))
    monkeypatch.setattr(fake, "name", embedder_identity(str(tuned)), raising=False)
    return tuned


def test_turns_of_dialogues_the_embedder_learnt_are_left_out(logged: list, tmp_path: Path) -> None:
    tuned = tmp_path / "tuned"
    tuned.mkdir()
    (tuned / "trained_groups.json").write_text(json.dumps(TUNED_ON))
    kept, dropped = unseen_by_embedder(Settings(embedder=str(tuned)), logged)
    assert len(logged) == 72 and dropped == 13 and len(kept) == 59
    assert not {turn.dialog_id for turn in kept} & set(TUNED_ON)
    assert unseen_by_embedder(Settings(), logged) == (logged, 0)  # the packaged embedder learnt no dialogue


@pytest.mark.slow  # two fusion fits: 3 s on a quiet machine, a minute under load
def test_fit_fusion_skips_the_embedders_dialogues_unless_asked(
    fixtures_dir: Path, tmp_path: Path, fake_cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    from chatrec.cli import main

    _tuned(tmp_path, TUNED_ON, monkeypatch, fake_cli)
    out = tmp_path / "fusion.json"
    args = ["eval", "fit-fusion", "--dialogues", str(fixtures_dir / "redial_dialogues.jsonl"),
            "--catalog", str(fixtures_dir / "redial_movies.json"), "--out", str(out), "--depth", "100", "--folds", "2",
            "--threads", "1", "--trees", "20"]
    fitted = CliRunner().invoke(main, args)
    assert fitted.exit_code == 0, fitted.output
    fusion = LearnedFusion.load(out)
    assert fusion.meta["turns"] == 59 and fusion.meta["turns_embedder_tuned_on"] == 13
    assert not set(fusion.trained_groups) & set(TUNED_ON)

    kept = CliRunner().invoke(main, [*args, "--keep-embedder-dialogues"])
    assert kept.exit_code == 0, kept.output
    assert LearnedFusion.load(out).meta["turns"] == 72

    _tuned(tmp_path, sorted({line["conversationId"] for line in map(json.loads, (
        fixtures_dir / "redial_dialogues.jsonl").read_text().splitlines())}), monkeypatch, fake_cli)
    nothing = CliRunner().invoke(main, args)
    assert nothing.exit_code != 0 and "was tuned on" in nothing.output and "Traceback" not in nothing.output


def test_eval_redial_fits_each_folds_fusion_on_unseen_dialogues(
    fixtures_dir: Path, tmp_path: Path, fake_cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    from chatrec.cli import main

    from chatrec.eval import fusion_data

    learnt_from: list[set[str]] = []

    def spy(retriever, sessions, turns, **kwargs):  # type: ignore[no-untyped-def]
        learnt_from.append({turn.dialog_id for turn in turns})
        return None  # the product systems then run on reciprocal-rank fusion: only the fusion's data is tested

    monkeypatch.setattr(fusion_data, "fold_fusion", spy)
    _tuned(tmp_path, TUNED_ON, monkeypatch, fake_cli)
    out = tmp_path / "r.json"
    args = ["eval", "redial", "--turns", str(fixtures_dir / "redial_turns.jsonl"),
            "--catalog", str(fixtures_dir / "redial_movies.json"), "--systems", "product",
            "--dialogues", str(fixtures_dir / "redial_dialogues.jsonl"), "--fit-fusion", "--fusion-depth", "100",
            "--json", str(out)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    assert data["fusion_turns"] == 59 and data["fusion_turns_embedder_tuned_on"] == 13
    assert "the embedder was not tuned on" in data["fusion"]
    assert learnt_from and not learnt_from[-1] & set(TUNED_ON)

    every = CliRunner().invoke(main, [*args, "--fusion-on-embedder-dialogues"])
    assert every.exit_code == 0, every.output
    data = json.loads(out.read_text())
    assert data["fusion_turns"] == 72 and data["fusion_turns_embedder_tuned_on"] == 0
    assert set(TUNED_ON) <= learnt_from[-1]
