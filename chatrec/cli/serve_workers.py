"""Running the HTTP API in one process or several (``chatrec serve --workers N``)."""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from pathlib import Path

import click

from chatrec.cli._common import make_settings

__all__ = ["THREAD_VARIABLES", "limit_threads", "run_server", "threads_per_process"]

logger = logging.getLogger(__name__)

#: The variables through which torch's and the BLAS libraries' thread pools are sized.
THREAD_VARIABLES = ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS")


def threads_per_process(processes: int, cores: int | None = None) -> int:
    """Compute threads for each of ``processes`` sharing ``cores`` (default: the CPUs this process may use).

    Each process gets ``cores // processes``, at least 1: two workers that each run as many
    torch threads as there are cores oversubscribe the machine, and their threads spin and wait
    for each other.
    """
    if cores is None:
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, cores // max(1, processes))


def limit_threads(threads: int) -> None:
    """Size torch's and BLAS's thread pools to ``threads`` in this process and the ones it starts.

    Sets ``OMP_NUM_THREADS``, ``MKL_NUM_THREADS`` and ``OPENBLAS_NUM_THREADS`` (read by a worker
    process's libraries as they load) and calls ``torch.set_num_threads`` when torch is already
    loaded here.
    """
    for name in THREAD_VARIABLES:
        os.environ[name] = str(threads)
    torch = sys.modules.get("torch")
    if torch is not None:
        torch.set_num_threads(threads)


def _chosen_threads(threads: int | None, workers: int) -> int:
    """``--threads`` when given, else ``OMP_NUM_THREADS`` when set, else the cores divided by the workers."""
    if threads:
        return threads
    preset = os.environ.get("OMP_NUM_THREADS", "")
    if preset.isdigit() and int(preset) > 0:
        return int(preset)
    return threads_per_process(workers)


def run_server(
    *, index_dir: Path | None, host: str, port: int, workers: int, threads: int | None = None
) -> None:
    """Serve the API with uvicorn: the app in this process, or ``workers`` processes on one port.

    Several workers each build their own engine from the environment (the command's options
    are passed on as ``CHATREC_*`` variables). Their turns of one session are serialised by the
    session store's lock, which holds across processes only with PostgreSQL
    (``CHATREC_DATABASE_URL``); with SQLite a warning says so. Their metrics are summed at
    ``/metrics`` through prometheus-client's multiprocess folder.

    Each process runs ``threads`` torch/BLAS threads (default: ``OMP_NUM_THREADS`` when set,
    else the cores divided by ``workers``), so the workers do not oversubscribe the cores.
    """
    import uvicorn

    from chatrec.http.worker import LOG_LEVEL_ENV, app_from_environment
    from chatrec.observability import configure_logging

    per_process = _chosen_threads(threads, workers)
    limit_threads(per_process)
    settings = make_settings(index_dir=index_dir)
    log_level = logging.getLevelName(logging.getLogger().getEffectiveLevel())
    if log_level == "WARNING":
        log_level = "INFO"  # a server logs its requests unless asked to be quieter
    configure_logging(logging.getLevelName(log_level))
    common = {"host": host, "port": port, "log_config": None, "access_log": False, "log_level": log_level.lower()}
    banner = (
        f"chatrec API on http://{host}:{port} (docs at /docs, {workers} worker(s), "
        f"{per_process} thread(s) each); Ctrl+C stops it"
    )
    if workers == 1:
        from chatrec.http.app import create_app

        app = create_app(settings)  # a missing index or a damaged store fails here, in one line
        click.echo(banner, err=True)
        uvicorn.run(app, **common)  # type: ignore[arg-type]
        return
    click.echo(banner, err=True)
    if not os.environ.get("CHATREC_DATABASE_URL"):
        logger.warning(
            "%d workers share the SQLite session store: its session locks hold within one process only; "
            "set CHATREC_DATABASE_URL=postgresql://... so that no two workers interleave one session's turns",
            workers,
        )
    os.environ["CHATREC_INDEX_DIR"] = str(settings.index_dir.resolve())
    os.environ[LOG_LEVEL_ENV] = log_level
    if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="chatrec-metrics-")
    uvicorn.run(
        f"{app_from_environment.__module__}:{app_from_environment.__name__}",
        factory=True, workers=workers, **common,  # type: ignore[arg-type]
    )
