"""``POST /v1/chat`` and ``POST /v1/chat/stream``: one customer message, one reply."""

from __future__ import annotations

import json
import logging
from collections.abc import Generator, Iterator
from typing import Any

from fastapi import APIRouter
from fastapi.responses import StreamingResponse

from chatrec.errors import ChatRecError
from chatrec.http.deps import ChatRecDep, SettingsDep, TenantDep, check_message_length
from chatrec.observability import count_error
from chatrec.http.schemas import ChatRequest, ChatResponse, ErrorResponse
from chatrec.http.streaming import ClosingStreamingResponse
from chatrec.http.tenancy import claim
from chatrec.reply import Reply

__all__ = ["PrimedStream", "primed_stream", "router", "sse"]

logger = logging.getLogger(__name__)

router = APIRouter(prefix="/v1/chat", tags=["chat"])

_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorResponse, "description": "Unusable message"},
    404: {"model": ErrorResponse, "description": "Unknown session, or another API key's"},
    422: {"model": ErrorResponse, "description": "Malformed body or message too long"},
}


def sse(event: str, data: Any) -> str:
    """One Server-Sent Event with a JSON payload."""
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False, default=str)}\n\n"


class PrimedStream:
    """ChatRec's stream with its first element already produced; :meth:`close` closes ChatRec's stream.

    A plain generator wrapping it would not do: closing a generator that never started
    runs none of its code, and the session lock taken by the first element would stay held.
    """

    def __init__(self, stream: Iterator[str | Reply]) -> None:
        self._stream = stream
        self._first: list[str | Reply] = [next(stream)]

    def __iter__(self) -> PrimedStream:
        return self

    def __next__(self) -> str | Reply:
        if self._first:
            return self._first.pop()
        return next(self._stream)

    def close(self) -> None:
        """Close ChatRec's stream: the session is released, nothing of an unfinished reply is saved."""
        self._first.clear()
        close = getattr(self._stream, "close", None)
        if close is not None:
            close()


def primed_stream(chatrec: Any, message: str, session_id: str | None, user_id: str | None) -> PrimedStream:
    """ChatRec's stream with its first element already produced.

    Bad input (an empty message, an unknown session) raises when the stream starts; pulling
    the first element before the response begins turns those errors into a 4xx answer
    instead of a broken 200 stream.
    """
    return PrimedStream(iter(chatrec.stream(message, session_id=session_id, user_id=user_id)))


@router.post("", response_model=ChatResponse, responses=_ERRORS, summary="Send a message, get the reply")
def chat(
    body: ChatRequest,
    chatrec: ChatRecDep,
    settings: SettingsDep,
    tenant: TenantDep,
) -> ChatResponse:
    """Reply to one message: text, a question with quick replies, or ranked recommendations.

    A new session id is made when none is given; send it back to continue the conversation.
    """
    check_message_length(body.message, settings)
    session_id = claim(chatrec, body.session_id, tenant)
    reply: Reply = chatrec.respond(body.message, session_id=session_id, user_id=body.user_id)
    return ChatResponse.model_validate(reply.to_dict())


@router.post(
    "/stream",
    responses={
        **_ERRORS,
        200: {
            "content": {"text/event-stream": {}},
            "description": "Events `chunk` ({text}) as the reply is written, then `reply` (the full reply).",
        },
    },
    response_class=StreamingResponse,
    summary="Send a message, stream the reply as Server-Sent Events",
)
def chat_stream(
    body: ChatRequest,
    chatrec: ChatRecDep,
    settings: SettingsDep,
    tenant: TenantDep,
) -> StreamingResponse:
    """Stream the reply: ``chunk`` events carrying text, then one ``reply`` event with the whole reply."""
    check_message_length(body.message, settings)
    session_id = claim(chatrec, body.session_id, tenant)
    stream = primed_stream(chatrec, body.message, session_id, body.user_id)

    def events() -> Generator[str, None, None]:
        try:
            for part in stream:
                if isinstance(part, Reply):
                    yield sse("reply", ChatResponse.model_validate(part.to_dict()).model_dump(mode="json"))
                else:
                    yield sse("chunk", {"text": part})
        except ChatRecError as exc:
            count_error(type(exc).__name__)
            # Headers are sent already: the error can only be reported in the stream.
            logger.warning("chat stream failed: %s", exc)
            yield sse("error", {"detail": str(exc), "error": type(exc).__name__})

    return ClosingStreamingResponse(
        events(), on_close=stream.close, media_type="text/event-stream", headers={"Cache-Control": "no-cache"}
    )
