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
def serve_command(index_dir: Path | None, host: str, port: int) -> None:
    """Serve the HTTP API (POST /v1/chat, OpenAI-compatible /v1/chat/completions, ...).

    API keys, limits and the rate limit come from the settings (CHATREC_API_KEYS,
    CHATREC_MAX_REQUEST_BYTES, CHATREC_MAX_MESSAGE_CHARS, CHATREC_RATE_LIMIT_PER_MINUTE).
    The OpenAPI document is served at /openapi.json and browsable at /docs.
    """
    import uvicorn

    from chatrec.http.app import create_app
    from chatrec.recommender import ChatRec

    settings = make_settings(index_dir=index_dir)
    engine = ChatRec.from_settings(settings).open()  # a missing index fails here, in one line
    if settings.warm_up:
        announce_preparation(engine)
        engine.warm_up()
    app = create_app(settings, engine)
    click.echo(f"chatrec API on http://{host}:{port} (docs at /docs)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="info")


@click.command(name="demo")
@click.option("--catalog", "catalog", default="fashion", show_default=True,
              type=click.Choice(["fashion", "electronics"]), help="Bundled demo catalogue.")
@index_dir_option
@click.option("--host", default=None, help="Interface (default: GRADIO_SERVER_NAME, else 127.0.0.1).")
@click.option("--port", default=None, type=click.IntRange(1, 65535),
              help="Port (default: GRADIO_SERVER_PORT, else 7860).")
@click.option("--no-llm", is_flag=True, help="Rank and explain without the LLM (faster, no model load).")
@click.option("--browser/--no-browser", default=False, help="Open a browser tab.")
def demo_command(
    catalog: str, index_dir: Path | None, host: str | None, port: int | None, no_llm: bool, browser: bool
) -> None:
    """Chat with a bundled demo catalogue in the browser (builds its index the first time).

    The demo index goes to a folder of its own under the cache folder, so that it never
    replaces the index of your own catalogue.
    """
    from chatrec.demo import ensure_demo_histories, ensure_demo_index
    from chatrec.recommender import ChatRec
    from chatrec.ui import build_ui, launch_ui

    settings = make_settings()
    settings = settings.model_copy(
        update={
            "index_dir": index_dir or settings.cache_dir / "demo" / catalog,
            # The demo's sessions and customer histories stay apart from a real shop's.
            "data_dir": settings.cache_dir / "demo" / f"{catalog}-data",
            **({"use_llm": False} if no_llm else {}),
        }
    )
    report = ensure_demo_index(settings, catalog, progress=True)
    click.echo(report.summary(), err=True)
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
    launch_ui(blocks, server_name=host, server_port=port, inbrowser=browser)


def register(group: click.Group) -> None:
    """Add ``serve`` and ``demo`` to ``group``."""
    group.add_command(serve_command)
    group.add_command(demo_command)
