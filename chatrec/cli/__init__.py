"""The ``chatrec`` command line.

Each area registers its commands from its own module; the CLI uses the library like any
other caller would. A :class:`~chatrec.errors.ChatRecError` is printed as one readable line
(exit code 1), never as a traceback.
"""

from __future__ import annotations

import logging
from typing import Any

import click

from chatrec.errors import ChatRecError

__all__ = ["main"]


class _Group(click.Group):
    """A click group that turns chatrec's errors into one line on stderr."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ChatRecError as exc:
            raise click.ClickException(str(exc)) from exc


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-v", "--verbose", count=True, help="More log output (-v info, -vv debug).")
@click.version_option(package_name="chatrec")
def main(verbose: int) -> None:
    """chatrec: a conversational recommender for product catalogues."""
    from chatrec.console import quiet_library_warnings

    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    if verbose < 2:
        quiet_library_warnings()


@main.group(name="eval")
def eval_group() -> None:
    """Measure recommendation quality (ReDial benchmark, simulated shoppers, reports)."""


def _register() -> None:
    from chatrec.cli import (
        catalog, dialogue, evaluate, index, mcp, serve, simulate, train, train_embedder, train_offtopic, train_reasons,
        understand,
    )

    for module in (index, catalog, train, train_embedder, train_reasons, train_offtopic, dialogue, serve, mcp):
        module.register(main)
    for module in (evaluate, simulate, understand):
        module.register(eval_group)


_register()
