"""The command line's frame and the settings object."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from chatrec.cli import main
from chatrec.settings import Settings


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = []
    for name, command in group.commands.items():
        path = (*prefix, name)
        found.append(path)
        if isinstance(command, click.Group):
            found.extend(_commands(command, path))
    return found


def test_every_subcommand_has_help() -> None:
    runner = CliRunner()
    paths = _commands(main)
    assert ("index", "build") in paths and ("search",) in paths
    for path in paths:
        result = runner.invoke(main, [*path, "--help"])
        assert result.exit_code == 0, (path, result.output)
        assert "Usage:" in result.output


def test_errors_are_one_line_not_a_traceback(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["index", "build", "--catalog", str(tmp_path / "none.csv")])
    assert result.exit_code == 1
    assert result.output.strip().startswith("Error: catalogue file")
    assert "Traceback" not in result.output


def test_settings_from_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CHATREC_INDEX_DIR", str(tmp_path / "ix"))
    monkeypatch.setenv("CHATREC_API_KEYS", "a, b,,")
    monkeypatch.setenv("CHATREC_ADAPTER", "none")
    settings = Settings(_env_file=None)
    assert settings.index_dir == tmp_path / "ix"
    assert settings.api_key_list == ["a", "b"]
    assert settings.adapter is None


def test_settings_round_trip_through_json() -> None:
    settings = Settings(n_candidates=30, llm_dtype="float32", _env_file=None)
    again = Settings.model_validate_json(settings.model_dump_json())
    assert again == settings


def test_settings_are_validated() -> None:
    with pytest.raises(ValueError, match="n_recommendations"):
        Settings(n_recommendations=10, n_candidates=5, _env_file=None)
    with pytest.raises(ValueError):
        Settings(llm_dtype="int3", _env_file=None)  # type: ignore[arg-type]


def test_command_line_options_are_validated_like_the_environment(tmp_path: Path, monkeypatch) -> None:
    from chatrec.cli._common import make_settings
    from chatrec.errors import ConfigError

    monkeypatch.chdir(tmp_path)
    catalog = tmp_path / "c.csv"
    catalog.write_text("id,title\n1,a shirt\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["index", "build", "--catalog", str(catalog), "--max-bad-share", "5.0"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "max_bad_row_share" in result.output and "less than or equal to 1" in result.output
    assert make_settings(adapter="none").adapter is None
    with pytest.raises(ConfigError, match="n_recommendations"):
        make_settings(n_candidates=2)
    settings = Settings(_env_file=None)
    assert settings.updated(adapter="off").adapter is None
    with pytest.raises(ConfigError, match="max_bad_row_share"):
        settings.updated(max_bad_row_share=5.0)


def test_a_bad_environment_value_is_one_line(monkeypatch) -> None:
    monkeypatch.setenv("CHATREC_RRF_K", "zero")
    result = CliRunner().invoke(main, ["search", "shirt"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.output.startswith("Error: invalid setting rrf_k")
