"""Request and response bodies of the HTTP API (kept separate, as the OpenAPI document shows them)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

__all__ = [
    "web_url_or_none",
    "ChatCompletionChoice",
    "ChatCompletionMessage",
    "ChatCompletionRequest",
    "ChatCompletionResponse",
    "ChatExtra",
    "ChatRequest",
    "ChatResponse",
    "ErrorResponse",
    "FeedbackRequest",
    "FeedbackResponse",
    "HealthResponse",
    "ItemResponse",
    "QuestionOut",
    "RecommendationOut",
    "SessionResponse",
    "Usage",
]

FeedbackKind = Literal["shown", "clicked", "liked", "rejected"]
_ID = Field(min_length=1, max_length=200)


def web_url_or_none(value: str | None) -> str | None:
    """``value`` when it is an ``http(s)`` URL, else None.

    A catalogue's ``javascript:`` or ``data:`` image URL would run, or show arbitrary
    content, in any front end that puts it in ``<img src>`` or a link; it never leaves the API.
    """
    if value is None:
        return None
    text = value.strip()
    scheme, sep, rest = text.partition(":")
    if sep and scheme.lower() in ("http", "https") and rest.startswith("//") and len(rest) > 2:
        return text
    return None


class _Request(BaseModel):
    """Requests reject unknown fields, so a misspelt field is an error, not silently ignored."""

    model_config = ConfigDict(extra="forbid")


# --- chat ------------------------------------------------------------------------------------
class ChatRequest(_Request):
    """One customer message."""

    message: str = Field(min_length=1, description="What the customer wrote.")
    session_id: str | None = Field(
        None, min_length=1, max_length=200, description="Conversation to continue; omit to start one."
    )
    user_id: str | None = Field(
        None, min_length=1, max_length=200, description="Customer id, for personalised results."
    )


class RecommendationOut(BaseModel):
    """One recommended item, in ranked order."""

    item_id: str
    title: str
    price: float | None = None
    score: float
    reason: str = Field(description="One short sentence saying why this item fits.")
    currency: str | None = None
    image_url: str | None = Field(None, description="An http(s) URL, or null (other schemes are dropped).")
    attributes: dict[str, Any] = Field(default_factory=dict)

    @field_validator("image_url")
    @classmethod
    def _web_url(cls, value: str | None) -> str | None:
        return web_url_or_none(value)


class QuestionOut(BaseModel):
    """A question with quick-reply options."""

    text: str
    options: list[str]
    attribute: str | None = None


class ChatResponse(BaseModel):
    """chatrec's answer to one message."""

    session_id: str = Field(description="Send it back to continue the conversation.")
    text: str
    question: QuestionOut | None = None
    recommendations: list[RecommendationOut] = Field(default_factory=list)
    metadata: dict[str, Any] = Field(default_factory=dict)


# --- feedback, sessions, items, health ---------------------------------------------------------
class FeedbackRequest(_Request):
    """What the customer did with a shown item."""

    session_id: str = _ID
    item_id: str = _ID
    kind: FeedbackKind


class FeedbackResponse(BaseModel):
    """Feedback recorded."""

    recorded: bool = True
    session_id: str
    item_id: str
    kind: FeedbackKind


class SessionResponse(BaseModel):
    """The state of a conversation: turns, constraints understood, items shown."""

    model_config = ConfigDict(extra="allow")

    session_id: str
    user_id: str | None = None
    turns: list[dict[str, Any]] = Field(default_factory=list)
    constraints: dict[str, Any] = Field(default_factory=dict)


class ItemResponse(BaseModel):
    """A catalogue item."""

    id: str
    title: str
    description: str = ""
    category: str = ""
    brand: str = ""
    price: float | None = None
    currency: str | None = None
    url: str | None = Field(None, description="An http(s) URL, or null (other schemes are dropped).")
    image_url: str | None = Field(None, description="An http(s) URL, or null (other schemes are dropped).")
    attributes: dict[str, Any] = Field(default_factory=dict)

    @field_validator("url", "image_url")
    @classmethod
    def _web_url(cls, value: str | None) -> str | None:
        return web_url_or_none(value)


class HealthResponse(BaseModel):
    """Liveness."""

    status: Literal["ok"] = "ok"
    version: str


class ErrorResponse(BaseModel):
    """Every error answer: what went wrong, in one sentence."""

    detail: Any
    error: str | None = None


# --- OpenAI-compatible chat completions ---------------------------------------------------------
class ContentPart(BaseModel):
    """A part of a message's content; only text parts are read."""

    model_config = ConfigDict(extra="allow")

    type: str
    text: str | None = None


class ChatCompletionMessage(BaseModel):
    """A message of the OpenAI chat format."""

    model_config = ConfigDict(extra="allow")

    role: Literal["system", "developer", "user", "assistant", "tool", "function"]
    content: str | list[ContentPart] | None = None

    def text(self) -> str:
        """The message's text, its text parts joined."""
        if self.content is None:
            return ""
        if isinstance(self.content, str):
            return self.content
        return "".join(part.text or "" for part in self.content if part.type == "text")


class ChatCompletionRequest(BaseModel):
    """An OpenAI chat-completions request; sampling fields are accepted and ignored."""

    model_config = ConfigDict(extra="allow")

    model: str | None = Field(None, max_length=200)
    messages: list[ChatCompletionMessage] = Field(min_length=1, max_length=500)
    stream: bool = False
    user: str | None = Field(
        None, min_length=1, max_length=200, description="End-user id; keys the conversation."
    )


class ChatExtra(BaseModel):
    """The structured part of the answer that the OpenAI format has no place for."""

    session_id: str
    question: QuestionOut | None = None
    recommendations: list[RecommendationOut] = Field(default_factory=list)


class ChatCompletionChoice(BaseModel):
    """The one choice chatrec returns."""

    index: int = 0
    message: dict[str, Any]
    finish_reason: Literal["stop"] = "stop"


class Usage(BaseModel):
    """Word counts standing in for token counts."""

    prompt_tokens: int
    completion_tokens: int
    total_tokens: int


class ChatCompletionResponse(BaseModel):
    """An OpenAI chat completion, with chatrec's recommendations in the extra ``chatrec`` field."""

    id: str
    object: Literal["chat.completion"] = "chat.completion"
    created: int
    model: str
    choices: list[ChatCompletionChoice]
    usage: Usage
    chatrec: ChatExtra
