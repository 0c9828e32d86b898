"""``POST /v1/chat/completions``: the OpenAI chat-completions format, for bot frameworks.

The last ``user`` message is the customer's message; earlier messages are ignored because
the session keeps the conversation. The session is the ``X-Session-Id`` header, else the
``user`` field, else a new one (returned in the ``X-Session-Id`` response header and in the
extra ``chatrec`` field, next to the structured recommendations).
"""

from __future__ import annotations

import json
import re
import time
import uuid
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Header, HTTPException
from fastapi.responses import JSONResponse, StreamingResponse

from chatrec.errors import ChatRecError
from chatrec.http.deps import ChatRecDep, SettingsDep, check_message_length
from chatrec.http.routes_chat import primed_stream
from chatrec.http.schemas import (
    ChatCompletionChoice,
    ChatCompletionRequest,
    ChatCompletionResponse,
    ChatExtra,
    ErrorResponse,
    Usage,
)
from chatrec.reply import Reply

__all__ = ["router"]

router = APIRouter(prefix="/v1/chat", tags=["openai-compatible"])

_MODEL = "chatrec"


def _customer_message(body: ChatCompletionRequest) -> str:
    for message in reversed(body.messages):
        if message.role == "user":
            return message.text()
    raise HTTPException(status_code=400, detail="messages contain no message with role 'user'")


def _content(reply: Reply) -> str:
    """The reply as plain text, items listed with their reasons.

    A bot that reads only ``content`` (and ignores the ``chatrec`` field) still shows the
    recommendations; the layout is the one ``ChatRec.stream`` writes.
    """
    return reply.as_text()


_HEADER_SAFE = re.compile(r"[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?")


def _session_header(session_id: str | None) -> dict[str, str]:
    """``X-Session-Id`` when the id can travel in an HTTP header (printable ASCII), else nothing.

    A ``user`` field may hold any text ("日本", a line break); such a session still works, and
    its id is in the body's ``chatrec.session_id``.
    """
    if session_id and _HEADER_SAFE.fullmatch(session_id):
        return {"X-Session-Id": session_id}
    return {}


def _extra(reply: Reply) -> dict[str, Any]:
    data = reply.to_dict()
    return ChatExtra.model_validate(
        {key: data[key] for key in ("session_id", "question", "recommendations")}
    ).model_dump(mode="json")


def _chunk(completion_id: str, created: int, model: str, delta: dict[str, Any], **extra: Any) -> str:
    payload = {
        "id": completion_id,
        "object": "chat.completion.chunk",
        "created": created,
        "model": model,
        "choices": [{"index": 0, "delta": delta, "finish_reason": extra.pop("finish_reason", None)}],
        **extra,
    }
    return f"data: {json.dumps(payload, ensure_ascii=False, default=str)}\n\n"


@router.post(
    "/completions",
    response_model=ChatCompletionResponse,
    responses={
        200: {"content": {"text/event-stream": {}}, "description": "A completion, or chunks when stream is true"},
        400: {"model": ErrorResponse, "description": "No user message, or an unusable one"},
        422: {"model": ErrorResponse, "description": "Malformed body or message too long"},
    },
    summary="OpenAI-compatible chat completion",
)
def chat_completions(
    body: ChatCompletionRequest,
    chatrec: ChatRecDep,
    settings: SettingsDep,
    x_session_id: Annotated[str | None, Header(min_length=1, max_length=200)] = None,
) -> Any:
    """Answer the last user message as an OpenAI chat completion (``stream: true`` for SSE chunks)."""
    message = _customer_message(body)
    check_message_length(message, settings)
    session_id = x_session_id or body.user
    model = body.model or _MODEL
    completion_id = f"chatcmpl-{uuid.uuid4().hex}"
    created = int(time.time())

    if not body.stream:
        reply: Reply = chatrec.respond(message, session_id=session_id, user_id=body.user)
        content = _content(reply)
        prompt_words = len(message.split())
        answer_words = len(content.split())
        response = ChatCompletionResponse(
            id=completion_id,
            created=created,
            model=model,
            choices=[ChatCompletionChoice(message={"role": "assistant", "content": content})],
            usage=Usage(
                prompt_tokens=prompt_words,
                completion_tokens=answer_words,
                total_tokens=prompt_words + answer_words,
            ),
            chatrec=ChatExtra.model_validate(_extra(reply)),
        )
        return JSONResponse(response.model_dump(mode="json"), headers=_session_header(reply.session_id))

    # The headers are settled before the stream starts: once started, it holds the session.
    headers = {"Cache-Control": "no-cache", **_session_header(session_id)}
    stream = primed_stream(chatrec, message, session_id, body.user)

    def events() -> Iterator[str]:
        yield _chunk(completion_id, created, model, {"role": "assistant", "content": ""})
        try:
            for part in stream:
                if isinstance(part, Reply):
                    yield _chunk(
                        completion_id, created, model, {}, finish_reason="stop", chatrec=_extra(part)
                    )
                else:
                    yield _chunk(completion_id, created, model, {"content": part})
        except ChatRecError as exc:
            # Headers are sent already: report the error the way OpenAI streams do.
            error = {"error": {"message": str(exc), "type": type(exc).__name__}}
            yield f"data: {json.dumps(error, ensure_ascii=False)}\n\n"
        yield "data: [DONE]\n\n"

    return StreamingResponse(events(), media_type="text/event-stream", headers=headers)
