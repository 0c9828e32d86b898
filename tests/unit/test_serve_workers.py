"""``chatrec serve --workers N``: several uvicorn workers, each building its app from the environment."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from click.testing import CliRunner

from chatrec.cli import main
from chatrec.cli.serve_workers import THREAD_VARIABLES


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
    for name in THREAD_VARIABLES:
        monkeypatch.delenv(name, raising=False)  # restored after the test
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1, 2, 3, 4, 5}, raising=False)
    monkeypatch.setitem(sys.modules, "torch", _FakeTorch())
    with caplog.at_level(logging.WARNING):
        result = CliRunner().invoke(main, ["serve", "--workers", "3", "--index-dir", str(tmp_path / "idx"), "--port", "8123"])
    assert result.exit_code == 0, result.output
    (app, kwargs), = calls
    assert app == "chatrec.http.worker:app_from_environment"
    assert kwargs["factory"] is True and kwargs["workers"] == 3 and kwargs["port"] == 8123
    assert os.environ["CHATREC_INDEX_DIR"] == str((tmp_path / "idx").resolve())
    assert Path(os.environ["PROMETHEUS_MULTIPROC_DIR"]).is_dir()  # the workers' metrics are summed
    assert "CHATREC_DATABASE_URL" in caplog.text  # SQLite locks hold within one process only: said so
    # 6 cores, 3 workers: 2 torch/BLAS threads each, not 6 each (oversubscribed)
    assert all(os.environ[name] == "2" for name in THREAD_VARIABLES)
    assert sys.modules["torch"].threads == 2  # type: ignore[attr-defined]
    assert "3 worker(s), 2 thread(s) each" in result.output
    monkeypatch.delenv("PROMETHEUS_MULTIPROC_DIR")


class _FakeTorch:
    threads = 0

    def set_num_threads(self, n: int) -> None:
        self.threads = n


@pytest.mark.parametrize(
    ("argv", "preset", "expected"),
    [
        (["--workers", "2"], None, "1"),  # 2 cores / 2 workers
        (["--workers", "2", "--threads", "2"], None, "2"),  # asked for
        (["--workers", "2"], "3", "3"),  # OMP_NUM_THREADS set by the operator wins over the default
        ([], None, "2"),  # one process: every core
    ],
)
def test_each_server_process_gets_its_share_of_the_cores(
    monkeypatch: pytest.MonkeyPatch, argv: list[str], preset: str | None, expected: str
) -> None:
    calls: list[Any] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: calls.append(app))
    monkeypatch.setattr("chatrec.observability.configure_logging", lambda level=0: None)
    monkeypatch.setattr("chatrec.http.app.create_app", lambda settings: "app")
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    monkeypatch.setitem(sys.modules, "torch", _FakeTorch())
    monkeypatch.setenv("CHATREC_DATABASE_URL", "postgresql://unused")
    for name in ("CHATREC_INDEX_DIR", "CHATREC_LOG_LEVEL", "PROMETHEUS_MULTIPROC_DIR", *THREAD_VARIABLES):
        monkeypatch.delenv(name, raising=False)  # restored after the test
    if preset:
        monkeypatch.setenv("OMP_NUM_THREADS", preset)
    result = CliRunner().invoke(main, ["serve", "--port", "8123", *argv])
    assert result.exit_code == 0, result.output
    assert calls
    assert [os.environ[name] for name in THREAD_VARIABLES] == [expected] * 3
    assert str(sys.modules["torch"].threads) == expected  # type: ignore[attr-defined]


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
