"""``GET /readyz`` (ready to answer) and ``GET /metrics`` (Prometheus), open without an API key.

``/healthz`` says the process is alive; ``/readyz`` says 503 until the engine has warmed up
(index opened, in-process LLM loaded), so a load balancer sends no customer to a replica that
would make them wait for a model load.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response

from chatrec.errors import ChatRecError
from chatrec.observability import metrics_payload

__all__ = ["Readiness", "router"]

logger = logging.getLogger(__name__)

router = APIRouter(tags=["health"])


class Readiness:
    """Warms an engine up in a background thread and says whether it is done.

    The engine's ``warm_up()`` (when it has one) opens the index and loads the models; an
    engine without one is ready at once.
    """

    def __init__(self, engine: Any) -> None:
        self._done = threading.Event()
        self.error: str | None = None
        warm_up = getattr(engine, "warm_up", None)
        if warm_up is None:
            self._done.set()
            return
        self._thread = threading.Thread(target=self._run, args=(warm_up,), name="chatrec-warm-up", daemon=True)
        self._thread.start()

    def _run(self, warm_up: Any) -> None:
        try:
            warm_up()
        except ChatRecError as exc:
            # Not ready, for a reason /readyz reports; the process stays up for /healthz and logs.
            self.error = str(exc)
            logger.error("warm-up failed: %s", exc)
            return
        self._done.set()

    @property
    def ready(self) -> bool:
        """True once the warm-up has finished without error."""
        return self._done.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for the warm-up; True when ready."""
        return self._done.wait(timeout)


@router.get("/readyz", summary="Readiness check", responses={503: {"description": "Still warming up"}})
def readyz(request: Request) -> JSONResponse:
    """200 once the index and models are loaded, 503 before (or when loading failed)."""
    readiness: Readiness = request.app.state.readiness
    if readiness.ready:
        return JSONResponse({"status": "ready"})
    body = {"status": "failed", "detail": readiness.error} if readiness.error else {"status": "warming up"}
    return JSONResponse(body, status_code=503)


@router.get("/metrics", summary="Prometheus metrics", response_class=Response)
def metrics() -> Response:
    """The Prometheus text exposition: turn stages, LLM calls and fallbacks, errors, sessions, HTTP."""
    payload, content_type = metrics_payload()
    return Response(payload, media_type=content_type)
