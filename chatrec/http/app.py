"""The FastAPI application: ``create_app(settings)`` builds it with one ChatRec engine."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.responses import JSONResponse

from chatrec.errors import ChatRecError
from chatrec.http import (
    routes_chat,
    routes_completions,
    routes_feedback,
    routes_health,
    routes_items,
    routes_sessions,
)
from chatrec.http.security import BodySizeLimit, RateLimiter, authorize
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
    if status_code >= 500:
        logger.error("request %s %s failed: %s", request.method, request.url.path, exc)
    return JSONResponse(
        status_code=status_code, content={"detail": str(exc), "error": type(exc).__name__}
    )


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
        ChatRecError: The engine cannot be built (no index, for instance).
    """
    if chatrec is None:
        from chatrec.recommender import ChatRec

        chatrec = ChatRec.from_settings(settings)
        # Open the index (and load the embedder) now: a missing index fails at start-up with
        # one readable line, not at the first request, and the first customer does not wait.
        chatrec.open()

    app = FastAPI(title="chatrec", description=_DESCRIPTION, version=routes_health._version())
    app.state.settings = settings
    app.state.chatrec = chatrec
    app.state.rate_limiter = RateLimiter(settings.rate_limit_per_minute)
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_request_bytes)
    app.add_exception_handler(ChatRecError, _chatrec_error)

    app.include_router(routes_health.router)
    protected = [Depends(authorize)]
    for module in (routes_chat, routes_completions, routes_feedback, routes_sessions, routes_items):
        app.include_router(module.router, dependencies=protected)
    return app
