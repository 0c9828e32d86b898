"""Metrics, request ids and readiness: what an operator watches on a running chatrec.

Metrics are Prometheus series (``prometheus-client``), exposed by the HTTP API at ``/metrics``:

- ``chatrec_stage_seconds{stage}``: latency of each part of a turn (understand, retrieve,
  rank, explain);
- ``chatrec_turn_seconds``: a whole turn; ``chatrec_session_lock_wait_seconds``: the wait for
  the session's lock before it (another turn of that session, in any replica, going on);
- ``chatrec_llm_calls_total{job, outcome}`` and ``chatrec_llm_fallbacks_total{job, reason}``:
  LLM jobs (rank, explain) and the times a template or the retrieval order stood in;
- ``chatrec_errors_total{type}``: errors answered, by error class;
- ``chatrec_sessions_active``: sessions with a turn in the last 15 minutes in this process
  (summed over the workers of a multi-worker server: a session two workers served counts twice);
  ``chatrec_turns_in_progress``: turns being answered now;
- ``chatrec_http_requests_total{method, route, status}`` and ``chatrec_http_request_seconds``.

With several worker processes (``chatrec serve --workers N``) the series of every worker are
summed through prometheus-client's multiprocess mode (``PROMETHEUS_MULTIPROC_DIR``, set by the
command). The series are defined once per process, as Prometheus clients do; nothing here reads
settings or files at import.

A request id (the client's ``X-Request-Id`` when it sends a sane one, else a new one) is kept
in a context variable for the request's whole life, stamped on every log line by
:class:`RequestIdFilter`, and returned in the ``X-Request-Id`` response header.
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
import os
import re
import threading
import time
import uuid
from collections.abc import Iterator
from typing import Any

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = [
    "REQUEST_ID_HEADER",
    "RequestIdFilter",
    "RequestIdMiddleware",
    "STAGES",
    "configure_logging",
    "count_error",
    "count_explanation",
    "count_llm_call",
    "count_llm_fallback",
    "count_ranking",
    "current_request_id",
    "metrics_payload",
    "observe_lock_wait",
    "stage",
    "turn",
]

logger = logging.getLogger(__name__)

#: The parts of a turn whose latency is measured.
STAGES = ("understand", "retrieve", "rank", "explain")
#: The header carrying the request id, both ways.
REQUEST_ID_HEADER = "X-Request-Id"
#: A turn within this many seconds makes a session count as active.
ACTIVE_WINDOW_SECONDS = 900.0

_STAGE_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)

STAGE_SECONDS = Histogram(
    "chatrec_stage_seconds", "Latency of one part of a turn.", ["stage"], buckets=_STAGE_BUCKETS
)
TURN_SECONDS = Histogram("chatrec_turn_seconds", "Latency of a whole turn.", buckets=_STAGE_BUCKETS)
LLM_CALLS = Counter("chatrec_llm_calls", "LLM jobs run, by job and outcome.", ["job", "outcome"])
LLM_FALLBACKS = Counter(
    "chatrec_llm_fallbacks", "Times retrieval order or a template reason stood in for the LLM.", ["job", "reason"]
)
ERRORS = Counter("chatrec_errors", "Errors answered, by type.", ["type"])
SESSIONS_ACTIVE = Gauge(
    "chatrec_sessions_active", "Sessions with a turn in the last 15 minutes (this process).",
    multiprocess_mode="livesum",
)
TURNS_IN_PROGRESS = Gauge(
    "chatrec_turns_in_progress", "Turns being answered now.", multiprocess_mode="livesum"
)
SESSION_LOCK_WAIT = Histogram(
    "chatrec_session_lock_wait_seconds", "Time a turn waited for its session's lock (across processes with PostgreSQL).",
    buckets=_STAGE_BUCKETS,
)
HTTP_REQUESTS = Counter("chatrec_http_requests", "HTTP requests answered.", ["method", "route", "status"])
HTTP_SECONDS = Histogram(
    "chatrec_http_request_seconds", "HTTP request latency (until the body is sent).", ["route"],
    buckets=_STAGE_BUCKETS,
)

_request_id: contextvars.ContextVar[str] = contextvars.ContextVar("chatrec_request_id", default="-")
_SANE_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")


# --- measuring a turn ----------------------------------------------------------------------------
class _ActiveSessions:
    """Session ids seen recently, with the time of their last turn (bounded by the window)."""

    def __init__(self, window: float = ACTIVE_WINDOW_SECONDS) -> None:
        self.window = window
        self._seen: dict[str, float] = {}
        self._lock = threading.Lock()

    def touch(self, session_id: str) -> int:
        now = time.monotonic()
        with self._lock:
            self._seen.pop(session_id, None)
            self._seen[session_id] = now  # insertion order is recency order
            cutoff = now - self.window
            for key in [k for k, seen in self._seen.items() if seen < cutoff]:
                del self._seen[key]
            return len(self._seen)


_active = _ActiveSessions()


@contextlib.contextmanager
def stage(name: str) -> Iterator[None]:
    """Time one part of a turn into ``chatrec_stage_seconds{stage=name}``."""
    started = time.perf_counter()
    try:
        yield
    finally:
        STAGE_SECONDS.labels(stage=name).observe(time.perf_counter() - started)


@contextlib.contextmanager
def turn(session_id: str) -> Iterator[None]:
    """Count a turn in progress, mark its session active and time it (``chatrec_turn_seconds``)."""
    SESSIONS_ACTIVE.set(_active.touch(session_id))
    TURNS_IN_PROGRESS.inc()
    started = time.perf_counter()
    try:
        yield
    finally:
        TURNS_IN_PROGRESS.dec()
        TURN_SECONDS.observe(time.perf_counter() - started)


def observe_lock_wait(seconds: float) -> None:
    """Record how long a turn waited for its session's lock (``chatrec_session_lock_wait_seconds``)."""
    SESSION_LOCK_WAIT.observe(seconds)


def count_llm_call(job: str, outcome: str = "ok") -> None:
    """Count one LLM job (``rank``, ``explain``, ``understand``) and how it ended (``ok``, ``error``)."""
    LLM_CALLS.labels(job=job, outcome=outcome).inc()


def count_llm_fallback(job: str, reason: str) -> None:
    """Count one time a template or the retrieval order replaced the LLM's output, and why."""
    LLM_FALLBACKS.labels(job=job, reason=reason).inc()


def count_ranking(ranker: Any, metadata: dict[str, Any], use_llm: bool) -> None:
    """Count the LLM ranking of a turn; a ranker that fell back (``last_degraded``) is flagged in ``metadata``."""
    if not use_llm:
        return
    degraded = getattr(ranker, "last_degraded", None)
    count_llm_call("rank", "degraded" if degraded else "ok")
    if degraded:
        count_llm_fallback("rank", str(degraded))
        metadata.setdefault("degraded", {})["rank"] = str(degraded)


def count_explanation(explanation: Any, metadata: dict[str, Any], use_llm: bool) -> None:
    """Count one LLM reason and its fallback; a reason the engine could not write is flagged in ``metadata``."""
    if not use_llm or explanation is None:
        return
    engine_down = any(str(p).startswith("engine unavailable") for p in explanation.problems)
    count_llm_call("explain", "degraded" if engine_down else "ok")
    if explanation.fallback:
        count_llm_fallback("explain", "engine" if engine_down else "check")
    if engine_down:
        degraded = metadata.setdefault("degraded", {})
        degraded["explain"] = int(degraded.get("explain", 0)) + 1


def count_error(kind: str) -> None:
    """Count one error answered, by its class name (``SessionBusyError``, ``InputError``, ...)."""
    ERRORS.labels(type=kind).inc()


def metrics_payload() -> tuple[bytes, str]:
    """The Prometheus text exposition of this process (or of every worker in multiprocess mode)."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return generate_latest(registry), CONTENT_TYPE_LATEST
    return generate_latest(), CONTENT_TYPE_LATEST


# --- request ids ---------------------------------------------------------------------------------
def current_request_id() -> str:
    """The id of the request being answered, or ``-`` outside a request."""
    return _request_id.get()


class RequestIdFilter(logging.Filter):
    """Puts ``record.request_id`` on every log record (``-`` outside a request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Stamp the record; never drops one."""
        if not hasattr(record, "request_id"):
            record.request_id = _request_id.get()
        return True


#: The log line format of the servers: the request id in brackets.
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"


def configure_logging(level: int = logging.INFO) -> None:
    """Log to stderr with the request id on every line (entry points only).

    Every handler of the root logger gets the :class:`RequestIdFilter`, so lines logged by
    any library during a request carry its id too.
    """
    root = logging.getLogger()
    if not root.handlers:
        logging.basicConfig(level=level)
    root.setLevel(min(root.level or level, level))
    for handler in root.handlers:
        if not any(isinstance(f, RequestIdFilter) for f in handler.filters):
            handler.addFilter(RequestIdFilter())
        handler.setFormatter(logging.Formatter(LOG_FORMAT))


class RequestIdMiddleware:
    """ASGI middleware: a request id per request, the ``X-Request-Id`` header, HTTP metrics, an access log line.

    The route label is the matched route's path template (``/v1/sessions/{session_id}``), never
    the raw path, so the number of series stays bounded.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        given = dict(scope.get("headers") or []).get(REQUEST_ID_HEADER.lower().encode(), b"").decode("latin-1")
        request_id = given if _SANE_ID.match(given) else uuid.uuid4().hex
        token = _request_id.set(request_id)
        started = time.perf_counter()
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
                headers = list(message.get("headers", []))
                headers.append((REQUEST_ID_HEADER.lower().encode(), request_id.encode()))
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        except Exception as exc:
            # Counted, then re-raised for the server's own error handling.
            count_error(type(exc).__name__)
            raise
        finally:
            elapsed = time.perf_counter() - started
            route = _route_template(scope)
            HTTP_REQUESTS.labels(method=scope["method"], route=route, status=str(status)).inc()
            HTTP_SECONDS.labels(route=route).observe(elapsed)
            logger.info("%s %s %d %.1f ms", scope["method"], scope["path"], status, elapsed * 1000)
            _request_id.reset(token)


def _route_template(scope: Scope) -> str:
    route: Any = scope.get("route")
    path = getattr(route, "path", None)
    return str(path) if path else "unmatched"
