"""API keys, a per-key rate limit, a failed-key limit and a request-size limit for the HTTP API."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
from collections import deque
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request, status
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["Authenticate", "BodySizeLimit", "NoSniff", "RateLimiter", "authorize", "get_tenant", "send_json", "tenant_of_key"]

_WINDOW_SECONDS = 60.0


class RateLimiter:
    """Sliding one-minute window of request times per key.

    Args:
        per_minute: Requests allowed per key in any 60 seconds.
        clock: Monotonic clock in seconds (replaceable in tests).
    """

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.per_minute = per_minute
        self._clock = clock
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def check(self, key: str) -> float | None:
        """Count one request for ``key``.

        Returns:
            None when allowed, else the seconds to wait before the next request is allowed.
        """
        now = self._clock()
        with self._lock:
            hits = self._hits.setdefault(key, deque())
            while hits and hits[0] <= now - _WINDOW_SECONDS:
                hits.popleft()
            if len(hits) >= self.per_minute:
                return max(0.0, hits[0] + _WINDOW_SECONDS - now)
            hits.append(now)
            # Drop idle keys so the table does not grow with every client ever seen.
            if len(self._hits) > 10_000:
                for stale in [k for k, v in self._hits.items() if not v or v[-1] <= now - _WINDOW_SECONDS]:
                    del self._hits[stale]
            return None

    def blocked(self, key: str) -> float | None:
        """The seconds ``key`` must still wait when it is at its limit, else None; counts nothing."""
        now = self._clock()
        with self._lock:
            hits = self._hits.get(key)
            if not hits:
                return None
            while hits and hits[0] <= now - _WINDOW_SECONDS:
                hits.popleft()
            if len(hits) >= self.per_minute:
                return max(0.0, hits[0] + _WINDOW_SECONDS - now)
            return None


def _bearer(authorization: str) -> str | None:
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


def tenant_of_key(key: str) -> str:
    """The tenant a key's sessions belong to: a digest of the key (the key itself is never stored)."""
    return "k" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


class Authenticate:
    """ASGI middleware: API key, failed-key and request rate limits for every ``/v1/`` route.

    It runs before routing and body parsing, so a request without a valid key gets 401
    whatever its body (never a 422 that tells how the API reads bodies). A client address
    with more than ``failures_per_minute`` wrong or missing keys in a minute gets 429 for
    every request until the minute has passed, so keys cannot be guessed at speed.

    The outcome is left in the request's state: ``counted_as`` (the rate-limit key) and
    ``tenant`` (who owns the sessions the request creates; None without API keys).

    Args:
        app: The application.
        settings: ``api_key_list``, ``rate_limit_per_minute``, ``auth_failures_per_minute``.
        limiter: The per-key request limiter.
        failures: The per-address failed-key limiter.
    """

    def __init__(self, app: ASGIApp, settings: Any, limiter: RateLimiter, failures: RateLimiter) -> None:
        self.app = app
        self.keys: list[str] = settings.api_key_list
        self.limiter = limiter
        self.failures = failures

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not str(scope.get("path", "")).startswith("/v1/"):
            await self.app(scope, receive, send)
            return
        client = scope.get("client")
        address = f"ip:{client[0] if client else 'unknown'}"
        tenant: str | None = None
        if self.keys:
            wait = self.failures.blocked(address)
            if wait is not None:
                await send_json(
                    send, 429, "too many requests with a wrong API key from this address; wait and retry",
                    "TooManyFailedKeys", {"retry-after": str(max(1, round(wait)))},
                )
                return
            headers = dict(scope.get("headers") or [])
            token = _bearer(headers.get(b"authorization", b"").decode("latin-1"))
            # compare_digest on every key: the time taken does not tell how much of a key matched.
            matched = token is not None and any(
                hmac.compare_digest(token.encode(), key.encode()) for key in self.keys
            )
            if token is None or not matched:
                self.failures.check(address)
                await send_json(
                    send, 401, "missing or invalid API key: send 'Authorization: Bearer <key>'",
                    "Unauthorized", {"www-authenticate": "Bearer"},
                )
                return
            assert token is not None
            counted_as = f"key:{tenant_of_key(token)}"
            tenant = tenant_of_key(token)
        else:
            counted_as = address
        wait = self.limiter.check(counted_as)
        if wait is not None:
            await send_json(
                send, 429, f"rate limit of {self.limiter.per_minute} requests per minute exceeded",
                "RateLimited", {"retry-after": str(max(1, round(wait)))},
            )
            return
        state = scope.setdefault("state", {})
        state["counted_as"] = counted_as
        state["tenant"] = tenant
        await self.app(scope, receive, send)


def authorize(request: Request) -> str:
    """FastAPI dependency: what :class:`Authenticate` decided for this request.

    Returns:
        The key the request is counted under (a digest of its API key, or the client
        address when the API runs without keys).

    Raises:
        HTTPException: 401 when the request did not pass through :class:`Authenticate`.
    """
    counted_as = getattr(request.state, "counted_as", None)
    if counted_as is None:
        raise HTTPException(
            status_code=status.HTTP_401_UNAUTHORIZED,
            detail="missing or invalid API key: send 'Authorization: Bearer <key>'",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return str(counted_as)


def get_tenant(request: Request, counted_as: Annotated[str, Depends(authorize)]) -> str | None:
    """FastAPI dependency: the tenant owning the sessions of this request (None without API keys)."""
    tenant: str | None = getattr(request.state, "tenant", None)
    return tenant


class NoSniff:
    """ASGI middleware: ``X-Content-Type-Options: nosniff`` on every answer.

    Catalogue text travels in JSON as text; this stops a browser from guessing that a JSON
    body holding ``<script>`` is a page to render.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_header(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), (b"x-content-type-options", b"nosniff")]}
            await send(message)

        await self.app(scope, receive, send_with_header)


class BodySizeLimit:
    """ASGI middleware answering 413 to a request body larger than ``max_bytes``.

    Checks the Content-Length header first, then counts the bytes of bodies sent without
    one (chunked), buffering at most ``max_bytes`` before handing the body on.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None:
            try:
                declared = int(length)
            except ValueError:
                await _too_large(send, "invalid Content-Length header", 400)
                return
            if declared > self.max_bytes:
                await _too_large(send, f"request body larger than {self.max_bytes} bytes")
                return
            await self.app(scope, receive, send)
            return
        if scope.get("method") in {"GET", "HEAD", "OPTIONS", "DELETE"}:
            await self.app(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body = message.get("body", b"")
            size += len(body)
            if size > self.max_bytes:
                await _too_large(send, f"request body larger than {self.max_bytes} bytes")
                return
            chunks.append(body)
            if not message.get("more_body", False):
                break
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": b"".join(chunks), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


async def _too_large(send: Send, detail: str, code: int = 413) -> None:
    await send_json(send, code, detail, "RequestTooLarge" if code == 413 else "BadRequest")


async def send_json(
    send: Send, code: int, detail: str, error: str, headers: dict[str, str] | None = None
) -> None:
    """Answer ``{"detail", "error"}`` with status ``code`` from an ASGI middleware."""
    body = json.dumps({"detail": detail, "error": error}).encode()
    raw = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    raw += [(k.encode("latin-1"), v.encode("latin-1")) for k, v in (headers or {}).items()]
    await send({"type": "http.response.start", "status": code, "headers": raw})
    await send({"type": "http.response.body", "body": body})
