"""``chatrec serve`` (the HTTP API) and ``chatrec demo`` (the chat UI on a bundled catalogue)."""

from __future__ import annotations

from pathlib import Path

import click

from chatrec.cli._common import announce_preparation, index_dir_option, make_settings

__all__ = ["register"]

@click.command(name="serve")
@index_dir_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Server processes; with more than one, share sessions through CHATREC_DATABASE_URL.")
@click.option("--threads", default=None, type=click.IntRange(1, 256),
              help="Torch/BLAS threads per server process (default: OMP_NUM_THREADS when set, else the "
                   "CPU cores divided by --workers). Separate replicas on one machine: cores / replicas.")
def serve_command(index_dir: Path | None, host: str, port: int, workers: int, threads: int | None) -> None:
    """Serve the HTTP API (POST /v1/chat, OpenAI-compatible /v1/chat/completions, ...).

    API keys, limits and the rate limit come from the settings (CHATREC_API_KEYS,
    CHATREC_MAX_REQUEST_BYTES, CHATREC_MAX_MESSAGE_CHARS, CHATREC_RATE_LIMIT_PER_MINUTE).
    The OpenAPI document is served at /openapi.json and browsable at /docs; liveness at
    /healthz, readiness at /readyz, Prometheus metrics at /metrics.
    """
    from chatrec.cli.serve_workers import run_server

    run_server(index_dir=index_dir, host=host, port=port, workers=workers, threads=threads)


@click.command(name="demo")
@click.option("--catalog", "catalog", default="fashion", show_default=True,
              type=click.Choice(["fashion", "electronics"]), help="Bundled demo catalogue.")
@click.option("--index-dir", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Index folder (default: a folder of its own under the cache folder, "
                   "CHATREC_CACHE_DIR/demo/CATALOG; CHATREC_INDEX_DIR is not used).")
@click.option("--host", default=None, help="Interface (default: GRADIO_SERVER_NAME, else 127.0.0.1).")
@click.option("--port", default=None, type=click.IntRange(1, 65535),
              help="Port (default: GRADIO_SERVER_PORT, else 7860).")
@click.option("--no-llm", is_flag=True, help="Rank and explain without the LLM (faster, no model load).")
@click.option("--browser/--no-browser", default=False, help="Open a browser tab.")
def demo_command(
    catalog: str, index_dir: Path | None, host: str | None, port: int | None, no_llm: bool, browser: bool
) -> None:
    """Chat with a bundled demo catalogue in the browser (builds its index the first time).

    The demo's index and sessions go to folders of their own under the cache folder
    (CHATREC_CACHE_DIR/demo/CATALOG and .../CATALOG-data), so that they never replace those of
    your own catalogue; the demo prints the settings that point the other commands, app.py and
    the Python API at them.
    """
    from chatrec.demo import demo_settings, ensure_demo_histories, ensure_demo_index, use_demo_lines
    from chatrec.recommender import ChatRec
    from chatrec.ui import build_ui, launch_ui

    settings = demo_settings(make_settings(), catalog, index_dir=index_dir, no_llm=no_llm)
    report = ensure_demo_index(settings, catalog, progress=True)
    click.echo(report.summary(), err=True)
    for line in use_demo_lines(settings):
        click.echo(line, err=True)
    customers = ensure_demo_histories(settings, catalog)
    if customers:
        click.echo(
            f"{len(customers)} demo customers have a purchase history; try the customer id "
            f"{', '.join(customers[:3])}",
            err=True,
        )
    engine = ChatRec.from_settings(settings)
    announce_preparation(engine)
    blocks = build_ui(lambda: engine, title=f"chatrec demo: {catalog}")
    click.echo("Ctrl+C stops the demo.", err=True)
    launch_ui(blocks, server_name=host, server_port=port, inbrowser=browser)


def register(group: click.Group) -> None:
    """Add ``serve`` and ``demo`` to ``group``."""
    group.add_command(serve_command)
    group.add_command(demo_command)
