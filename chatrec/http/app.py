"""The FastAPI application: ``create_app(settings)`` builds it with one ChatRec engine."""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response

from chatrec.errors import ChatRecError
from chatrec.http import (
    routes_chat,
    routes_completions,
    routes_feedback,
    routes_health,
    routes_items,
    routes_ops,
    routes_sessions,
)
from chatrec.http.security import Authenticate, BodySizeLimit, NoSniff, RateLimiter, authorize
from chatrec.observability import RequestIdMiddleware, count_error
from chatrec.settings import Settings

__all__ = ["create_app"]

logger = logging.getLogger(__name__)

_DESCRIPTION = """\
Conversational product recommendations for customer-service bots.

Send the customer's message to `POST /v1/chat` (or the OpenAI-compatible
`POST /v1/chat/completions`), keep the returned `session_id` for the next turn, show the
`recommendations` and the `question`'s quick replies, and report what the customer did
with `POST /v1/feedback`. When API keys are configured, send `Authorization: Bearer KEY`.
"""


async def _chatrec_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ChatRecError)
    status_code = getattr(exc, "status_code", 500)
    count_error(type(exc).__name__)
    detail = str(exc)
    if status_code >= 500:
        # The server's log gets the whole message; the client learns nothing of the server.
        logger.error("request %s %s failed: %s", request.method, request.url.path, exc)
        detail = "the server could not answer this request; the error is in its log"
    else:
        detail = _without_server_paths(detail, request.app.state.settings)
    return JSONResponse(status_code=status_code, content={"detail": detail, "error": type(exc).__name__})


async def _invalid_request(request: Request, exc: Exception) -> Response:
    """i12h: FastAPI's 422 body, written as ASCII JSON so that an input echoed back that is no
    encodable text (an unpaired surrogate, "\\ud800") is escaped instead of failing with a 500."""
    assert isinstance(exc, RequestValidationError)
    body = json.dumps({"detail": jsonable_encoder(exc.errors())}, ensure_ascii=True)
    return Response(content=body, status_code=422, media_type="application/json")


def _without_server_paths(text: str, settings: Settings) -> str:
    """``text`` with the server's folders (index, data, cache, models) replaced by their role."""
    folders = {
        "<index>": settings.index_dir, "<data>": settings.data_dir, "<cache>": settings.cache_dir,
    }
    for label, folder in folders.items():
        for form in sorted({str(folder.resolve()), str(folder)}, key=len, reverse=True):
            if len(form) > 1:
                text = text.replace(form, label)
    return text


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Stop the index watcher's thread when the server stops."""
    yield
    watcher = getattr(app.state, "index_watcher", None)
    if watcher is not None:
        watcher.stop()


def create_app(settings: Settings, chatrec: Any = None) -> FastAPI:
    """Build the HTTP API around one ChatRec engine.

    Args:
        settings: Limits, API keys and rate limit (``api_keys``, ``max_request_bytes``,
            ``max_message_chars``, ``rate_limit_per_minute``); also used to build the engine.
        chatrec: The engine answering the requests; built with ``ChatRec.from_settings``
            when omitted. It is shared by all requests: conversations live in its sessions.

    Returns:
        The FastAPI app; serve it with uvicorn (``chatrec serve``).

    Raises:
        ChatRecError: The engine cannot be built (no index, for instance), or the index or
            the session store is damaged (the message names the file and the fix).
    """
    if chatrec is None:
        from chatrec.recommender import ChatRec

        chatrec = ChatRec.from_settings(settings)
        # Open the index (and load the embedder) now: a missing or damaged index fails at
        # start-up with one readable line, not at the first request, and the first customer
        # does not wait.
        chatrec.open()
        if settings.warm_up:
            chatrec.warm_up()  # the LLM too: loaded and run once before the first request
    # A damaged session store refuses to serve, rather than answering 500 to every chat.
    store = getattr(chatrec, "store", None)
    if store is not None:
        store.check()

    app = FastAPI(
        title="chatrec", description=_DESCRIPTION, version=routes_health._version(), lifespan=_lifespan
    )
    app.state.settings = settings
    app.state.chatrec = chatrec
    app.state.rate_limiter = RateLimiter(settings.rate_limit_per_minute)
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_request_bytes)
    # Added last, so it runs first: no body is read or judged before the key is checked.
    app.add_middleware(
        Authenticate,
        settings=settings,
        limiter=app.state.rate_limiter,
        failures=RateLimiter(settings.auth_failures_per_minute),
    )
    app.add_middleware(NoSniff)
    # Added after authentication, so it runs before it: a refused request has an id and is counted too.
    app.add_middleware(RequestIdMiddleware)  # outermost: every answer gets an id and is counted
    app.add_exception_handler(ChatRecError, _chatrec_error)
    app.add_exception_handler(RequestValidationError, _invalid_request)  # i12h
    app.state.readiness = routes_ops.Readiness(chatrec)
    app.state.index_watcher = None
    if settings.index_reload_seconds > 0 and hasattr(chatrec, "replace_retriever"):
        from chatrec.index_reload import IndexWatcher

        app.state.index_watcher = IndexWatcher(chatrec, settings.index_reload_seconds).start()

    app.include_router(routes_health.router)
    app.include_router(routes_ops.router)
    protected = [Depends(authorize)]
    for module in (routes_chat, routes_completions, routes_feedback, routes_sessions, routes_items):
        app.include_router(module.router, dependencies=protected)
    return app
