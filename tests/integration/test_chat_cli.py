"""The dialogue commands with the real packaged embedder: ask, chat, history, eval simulate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from chatrec.cli import main
from chatrec.index import build_index
from chatrec.settings import Settings

FIXTURE = Path(__file__).parents[1] / "fixtures" / "fashion_small.csv"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("chatcli")
    build_index(FIXTURE, Settings(index_dir=folder / "index", cache_dir=folder / "cache", _env_file=None))
    return folder


@pytest.fixture
def env(built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    values = {
        "CHATREC_INDEX_DIR": str(built / "index"),
        "CHATREC_DATA_DIR": str(tmp_path / "data"),
        "CHATREC_CACHE_DIR": str(built / "cache"),
        "CHATREC_USE_LLM": "false",
    }
    for key, value in values.items():
        monkeypatch.setenv(key, value)
    return values


def _ask(*args: str) -> dict:
    result = CliRunner().invoke(main, ["ask", *args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_a_conversation_driven_from_the_shell(env: dict[str, str]) -> None:
    first = _ask("I'm looking for something for women")
    assert set(first) >= {"session_id", "text", "question", "recommendations"}
    assert first["question"] is not None and 2 <= len(first["question"]["options"]) <= 6
    session = first["session_id"]
    reply = _ask("just show me " + first["question"]["options"][0], "--session", session)
    assert reply["session_id"] == session and reply["question"] is None
    recs = reply["recommendations"]
    assert recs and set(recs[0]) >= {"item_id", "title", "price", "score", "reason"}


def test_bad_input_is_one_readable_line(env: dict[str, str]) -> None:
    result = CliRunner().invoke(main, ["ask", "   "])
    assert result.exit_code == 1
    assert "Error: the message is empty" in result.output
    assert "Traceback" not in result.output


def test_chat_answers_options_by_number_and_quits(env: dict[str, str]) -> None:
    result = CliRunner().invoke(main, ["chat"], input="I'm looking for something for men\n1\nquit\n")
    assert result.exit_code == 0, result.output
    assert "[1]" in result.output
    assert "suggestion" in result.output or "Which" in result.output


def test_history_import_reports_bad_lines_and_profiles_are_used(env: dict[str, str], tmp_path: Path) -> None:
    events = tmp_path / "events.csv"
    events.write_text("user_id,item_id,event,rating,timestamp\nu1,22119,purchase,,\nu1,nope,view,,\nu1,57008,like,,\n")
    result = CliRunner().invoke(main, ["history", "import", str(events)])
    assert result.exit_code == 0, result.output
    assert "2 interactions of 1 customers imported" in result.output
    assert "line 3: item 'nope' is not in the catalogue index" in result.output
    reply = _ask("recommend something for men", "--user", "u1")
    assert reply["metadata"]["profile"]["positives"] == ["57008", "22119"]


@pytest.mark.slow
def test_eval_simulate_prints_three_policies(env: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "sim.json"
    result = CliRunner().invoke(
        main, ["eval", "simulate", "--catalog", str(FIXTURE), "--n", "10", "--seed", "1", "--json", str(out)]
    )
    assert result.exit_code == 0, result.output
    for name in ("chatrec", "never_ask", "random_ask"):
        assert name in result.stdout
    report = json.loads(out.read_text())
    assert report["n"] == 10 and len(report["policies"]) == 3
