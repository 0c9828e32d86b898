"""``chatrec serve --workers N``: several uvicorn workers, each building its app from the environment."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from click.testing import CliRunner

from chatrec.cli import main


def test_several_workers_run_the_app_factory_with_the_options_in_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    calls: list[tuple[Any, dict[str, Any]]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: calls.append((app, kwargs)))
    monkeypatch.setattr("chatrec.observability.configure_logging", lambda level=0: None)  # pytest's handlers stay
    monkeypatch.delenv("CHATREC_DATABASE_URL", raising=False)
    monkeypatch.delenv("PROMETHEUS_MULTIPROC_DIR", raising=False)
    for name in ("CHATREC_INDEX_DIR", "CHATREC_LOG_LEVEL"):
        monkeypatch.setenv(name, os.environ.get(name, ""))  # restored after the test
    with caplog.at_level(logging.WARNING):
        result = CliRunner().invoke(main, ["serve", "--workers", "3", "--index-dir", str(tmp_path / "idx"), "--port", "8123"])
    assert result.exit_code == 0, result.output
    (app, kwargs), = calls
    assert app == "chatrec.http.worker:app_from_environment"
    assert kwargs["factory"] is True and kwargs["workers"] == 3 and kwargs["port"] == 8123
    assert os.environ["CHATREC_INDEX_DIR"] == str((tmp_path / "idx").resolve())
    assert Path(os.environ["PROMETHEUS_MULTIPROC_DIR"]).is_dir()  # the workers' metrics are summed
    assert "CHATREC_DATABASE_URL" in caplog.text  # SQLite locks hold within one process only: said so
    monkeypatch.delenv("PROMETHEUS_MULTIPROC_DIR")


def test_the_worker_factory_builds_the_app_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from chatrec.http import worker

    seen: list[Any] = []
    monkeypatch.setattr(worker, "configure_logging", lambda level=0: None)  # pytest's handlers stay
    monkeypatch.setattr("chatrec.http.app.create_app", lambda settings: seen.append(settings) or "app")
    monkeypatch.setenv("CHATREC_INDEX_DIR", str(tmp_path / "from-env"))
    assert worker.app_from_environment() == "app"
    assert seen[0].index_dir == tmp_path / "from-env"


_WORKER = """
import sys
from chatrec import observability
with observability.stage("retrieve"):
    pass
observability.count_error("SessionBusyError")
if sys.argv[1] == "report":
    print(observability.metrics_payload()[0].decode())
"""


def test_the_metrics_of_several_worker_processes_are_summed(tmp_path: Path) -> None:
    import subprocess
    import sys

    env = {**os.environ, "PROMETHEUS_MULTIPROC_DIR": str(tmp_path),
           "PYTHONPATH": str(Path(__file__).parents[2])}
    for _ in range(2):
        subprocess.run([sys.executable, "-c", _WORKER, "work"], env=env, check=True)
    report = subprocess.run([sys.executable, "-c", _WORKER, "report"], env=env, check=True,
                            capture_output=True, text=True).stdout
    assert 'chatrec_errors_total{type="SessionBusyError"} 3.0' in report
    assert 'chatrec_stage_seconds_count{stage="retrieve"} 3.0' in report
