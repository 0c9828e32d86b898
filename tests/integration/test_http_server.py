"""The API served by uvicorn over loopback: real sockets, streaming, the official OpenAI client."""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import pytest
from chatrec_engines import make_engine
from loopback import serve
from needs import need

from chatrec.http.app import create_app
from chatrec.settings import Settings

KEY = "test-key"


@pytest.fixture
def base_url(settings: Settings) -> Iterator[str]:
    engine, settings = make_engine(settings.model_copy(update={"api_keys": KEY}))
    with serve(create_app(settings, engine)) as url:
        yield url


def test_sse_stream_over_a_socket(base_url: str) -> None:
    events: list[tuple[str, dict]] = []
    with httpx.stream(
        "POST", f"{base_url}/v1/chat/stream", json={"message": "black formal shoes for men"},
        headers={"Authorization": f"Bearer {KEY}"}, timeout=60,
    ) as response:
        assert response.status_code == 200
        event = None
        for line in response.iter_lines():
            if line.startswith("event: "):
                event = line[len("event: "):]
            elif line.startswith("data: "):
                events.append((event or "message", json.loads(line[len("data: "):])))
    assert events[0][0] == "chunk" and events[-1][0] == "reply"
    assert events[-1][1]["session_id"]


def test_without_key_over_a_socket(base_url: str) -> None:
    assert httpx.post(f"{base_url}/v1/chat", json={"message": "shoes"}).status_code == 401
    assert httpx.get(f"{base_url}/healthz").status_code == 200


def test_official_openai_client(base_url: str) -> None:
    openai = need("openai", reason="needs the openai package")
    client = openai.OpenAI(base_url=f"{base_url}/v1", api_key=KEY, max_retries=0)

    completion = client.chat.completions.create(
        model="chatrec",
        messages=[{"role": "user", "content": "black formal shoes for men"}],
        user="openai-shopper",
    )
    assert completion.choices[0].message.content
    extra = completion.model_extra["chatrec"]
    # The session of a `user` is scoped by API key: another key's "openai-shopper" is another conversation.
    session_id = extra["session_id"]
    assert session_id.endswith(":openai-shopper") and session_id != "openai-shopper"
    assert extra["recommendations"] or extra["question"]

    stream = client.chat.completions.create(
        model="chatrec",
        messages=[{"role": "user", "content": "in black please"}],
        stream=True,
        extra_headers={"X-Session-Id": session_id},
    )
    chunks = list(stream)
    text = "".join(chunk.choices[0].delta.content or "" for chunk in chunks)
    assert text
    assert chunks[-1].choices[0].finish_reason == "stop"
    assert chunks[-1].model_extra["chatrec"]["session_id"] == session_id

    with pytest.raises(openai.AuthenticationError):
        openai.OpenAI(base_url=f"{base_url}/v1", api_key="wrong", max_retries=0).chat.completions.create(
            model="chatrec", messages=[{"role": "user", "content": "shoes"}]
        )
