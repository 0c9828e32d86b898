"""API keys, a per-key rate limit and a request-size limit for the HTTP API."""

from __future__ import annotations

import hmac
import json
import threading
import time
from collections import deque
from collections.abc import Callable

from fastapi import HTTPException, Request, status
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["BodySizeLimit", "RateLimiter", "authorize"]

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


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


def authorize(request: Request) -> str:
    """FastAPI dependency: check the API key (when keys are configured) and the rate limit.

    Returns:
        The key the request is counted under: the API key, or the client address when the
        API runs without keys.

    Raises:
        HTTPException: 401 for a missing or wrong key, 429 over the rate limit.
    """
    keys: list[str] = request.app.state.settings.api_key_list
    if keys:
        token = _bearer(request)
        # compare_digest on every key: the time taken does not tell how much of a key matched.
        if token is None or not any(hmac.compare_digest(token.encode(), key.encode()) for key in keys):
            raise HTTPException(
                status_code=status.HTTP_401_UNAUTHORIZED,
                detail="missing or invalid API key: send 'Authorization: Bearer <key>'",
                headers={"WWW-Authenticate": "Bearer"},
            )
        counted_as = f"key:{token}"
    else:
        counted_as = f"ip:{request.client.host if request.client else 'unknown'}"
    limiter: RateLimiter = request.app.state.rate_limiter
    wait = limiter.check(counted_as)
    if wait is not None:
        raise HTTPException(
            status_code=status.HTTP_429_TOO_MANY_REQUESTS,
            detail=f"rate limit of {limiter.per_minute} requests per minute exceeded",
            headers={"Retry-After": str(max(1, round(wait)))},
        )
    return counted_as


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
    body = json.dumps({"detail": detail, "error": "RequestTooLarge" if code == 413 else "BadRequest"}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": code,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})
