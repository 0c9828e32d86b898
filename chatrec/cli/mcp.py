"""``chatrec mcp``: the MCP server for agents, over stdio or streamable HTTP."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from chatrec.cli._common import index_dir_option, make_settings

__all__ = ["register"]


@click.command(name="mcp")
@index_dir_option
@click.option("--transport", type=click.Choice(["stdio", "streamable-http"]), default="stdio",
              show_default=True, help="stdio: an agent starts this command; streamable-http: a long-running server.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface (streamable-http).")
@click.option("--port", default=8001, show_default=True, type=click.IntRange(1, 65535),
              help="Port (streamable-http).")
def mcp_command(index_dir: Path | None, transport: str, host: str, port: int) -> None:
    """Serve chatrec's tools (recommend, search_catalog, get_item, feedback) to MCP agents.

    Over streamable HTTP the endpoint is http://HOST:PORT/mcp. The settings are chatrec's own
    (CHATREC_INDEX_DIR, CHATREC_USE_LLM, CHATREC_DATABASE_URL, ...).
    """
    from chatrec.mcp_server import build_mcp_server
    from chatrec.recommender import ChatRec

    # stdout is the protocol's channel with stdio: every log line goes to stderr.
    logging.basicConfig(stream=sys.stderr, force=True, level=logging.getLogger().level)
    settings = make_settings(index_dir=index_dir)
    engine = ChatRec.from_settings(settings)
    engine.warm_up()  # a missing index fails here, in one line, not at the agent's first call
    server = build_mcp_server(engine)
    try:
        if transport == "stdio":
            server.run("stdio")
        else:
            click.echo(f"chatrec MCP server on http://{host}:{port}/mcp", err=True)
            server.run("streamable-http", host=host, port=port)
    finally:
        engine.close()


def register(group: click.Group) -> None:
    """Add ``mcp`` to ``group``."""
    group.add_command(mcp_command)
