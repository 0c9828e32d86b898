"""Running the HTTP API in one process or several (``chatrec serve --workers N``)."""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

import click

from chatrec.cli._common import make_settings

__all__ = ["run_server"]

logger = logging.getLogger(__name__)


def run_server(*, index_dir: Path | None, host: str, port: int, workers: int) -> None:
    """Serve the API with uvicorn: the app in this process, or ``workers`` processes on one port.

    Several workers each build their own engine from the environment (the command's options
    are passed on as ``CHATREC_*`` variables). Their turns of one session are serialised by the
    session store's lock, which holds across processes only with PostgreSQL
    (``CHATREC_DATABASE_URL``); with SQLite a warning says so. Their metrics are summed at
    ``/metrics`` through prometheus-client's multiprocess folder.
    """
    import uvicorn

    from chatrec.http.worker import LOG_LEVEL_ENV, app_from_environment
    from chatrec.observability import configure_logging

    settings = make_settings(index_dir=index_dir)
    log_level = logging.getLevelName(logging.getLogger().getEffectiveLevel())
    if log_level == "WARNING":
        log_level = "INFO"  # a server logs its requests unless asked to be quieter
    configure_logging(logging.getLevelName(log_level))
    common = {"host": host, "port": port, "log_config": None, "access_log": False, "log_level": log_level.lower()}
    banner = f"chatrec API on http://{host}:{port} (docs at /docs, {workers} worker(s)); Ctrl+C stops it"
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
