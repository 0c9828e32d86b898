"""Helpers shared by the command modules: settings from options, JSON output."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from chatrec.settings import Settings, load_settings

__all__ = ["echo_json", "index_dir_option", "make_settings", "training_run_options"]


def make_settings(**overrides: Any) -> Settings:
    """Settings from the environment, with the command-line options that were given on top (validated).

    Raises:
        ConfigError: A setting is not valid.
    """
    return load_settings(**overrides)


def echo_json(data: Any) -> None:
    """Print ``data`` as indented JSON on stdout."""
    click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))


index_dir_option = click.option(
    "--index-dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Index folder (default: the index_dir setting, CHATREC_INDEX_DIR, else ./index).",
)


_F = TypeVar("_F", bound=Callable[..., Any])


def training_run_options(command: _F) -> _F:
    """``--seed``, ``--threads`` and ``--no-progress``, as every training command takes them."""
    for option in reversed((
        click.option("--seed", type=int, default=None, help="Random seed (default 0)."),
        click.option("--threads", type=click.IntRange(0), default=None,
                     help="Torch CPU threads (default: torch's choice; 1 is faster on a busy shared machine)."),
        click.option("--no-progress", is_flag=True, help="No progress bar."),
    )):
        command = option(command)
    return command
