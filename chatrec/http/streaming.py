"""A streaming response that closes its source however the response ends.

Starlette abandons a sync iterator when the client disconnects: the generator, and the
session lock held inside it, is released only when the garbage collector reaches it, which
a reference cycle (the disconnect's traceback) may delay for minutes. This response closes
the generator itself, in a worker thread, as soon as the response is over.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Generator

import anyio
from fastapi.responses import StreamingResponse
from starlette.types import Receive, Scope, Send

__all__ = ["ClosingStreamingResponse"]

logger = logging.getLogger(__name__)


class ClosingStreamingResponse(StreamingResponse):
    """A :class:`StreamingResponse` of a generator that is closed when the response ends.

    Closing runs the generator's ``finally`` blocks: the session lock is released whether the
    reply was read to its end, the client went away, or an error ended it.

    Args:
        content: The generator of the body's parts.
        on_close: Also called when the response ends, after ``content`` is closed: closes
            what ``content`` reads from, even when ``content`` never started.
        **kwargs: As for :class:`StreamingResponse` (``media_type``, ``headers``).
    """

    def __init__(
        self,
        content: Generator[str, None, None],
        on_close: Callable[[], None] | None = None,
        **kwargs: object,
    ) -> None:
        super().__init__(content, **kwargs)  # type: ignore[arg-type]
        self._source = content
        self._on_close = on_close

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await super().__call__(scope, receive, send)
        finally:
            # Shielded: a server shutting down must still release the session.
            with anyio.CancelScope(shield=True):
                await anyio.to_thread.run_sync(self._close)

    def _close(self) -> None:
        try:
            self._source.close()
            if self._on_close is not None:
                self._on_close()
        except ValueError:
            # Still running in a worker thread (not expected: starlette waits for it);
            # it releases its lock when that step returns and it is collected.
            logger.warning("a streamed reply could not be closed while it was still running")
