"""The HTTP API of chatrec (FastAPI): ``create_app(settings)``, served by ``chatrec serve``."""

from __future__ import annotations

__all__ = ["create_app"]


def __getattr__(name: str) -> object:
    # Lazy so that ``import chatrec.http.schemas`` does not build the whole app module.
    if name == "create_app":
        from chatrec.http.app import create_app

        return create_app
    raise AttributeError(name)
