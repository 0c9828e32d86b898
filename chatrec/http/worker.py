"""The app factory each server process runs: ``chatrec serve`` with one or several workers.

Worker processes are started by uvicorn with a fresh interpreter, so they cannot be handed a
settings object: they read the settings from the environment (``CHATREC_*``, which the command
sets from its options) and configure their own logging, with the request id on every line.
"""

from __future__ import annotations

import logging
import os

from fastapi import FastAPI

from chatrec.observability import configure_logging
from chatrec.settings import Settings

__all__ = ["LOG_LEVEL_ENV", "app_from_environment"]

#: The log level the command hands to its workers.
LOG_LEVEL_ENV = "CHATREC_LOG_LEVEL"


def app_from_environment() -> FastAPI:
    """The HTTP app for the settings in the environment (uvicorn's ``factory=True`` target)."""
    from chatrec.http.app import create_app

    configure_logging(logging.getLevelName(os.environ.get(LOG_LEVEL_ENV, "INFO")))
    return create_app(Settings())
