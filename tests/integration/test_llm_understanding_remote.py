"""Understanding on an OpenAI-compatible engine: the request it gets, and its faults, against a fake engine.

The real engine (llama.cpp's server, same weights, same grammar) is compared with in-process in
``test_llm_remote_llamacpp.py`` (``-m engine``); this fake one checks what chatrec sends (the
in-process prompt, the catalogue's grammar, greedy without repeat penalty) and plays the faults:
engine down, slow, 5xx, a line outside the grammar, a cut line. Every turn still answers, with
the rules' reading, flagged in the reply's metadata.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fakes import HashingEmbedder
from loopback import free_port, serve
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from fastapi.testclient import TestClient

from chatrec.catalog import load_catalog
from chatrec.http.app import create_app
from chatrec.index import build_index
from chatrec.llm_remote import RemoteLLM
from chatrec.llm_understanding import build_grammar, grammar_fields, turn_text
from chatrec.llm_understanding_remote import EngineUnderstandingError, RemoteUnderstander, line_pattern
from chatrec.recommender import ChatRec
from chatrec.request import ShopperRequest
from chatrec.retrieval import Retriever
from chatrec.settings import Settings
from chatrec.understanding import TurnContext
from chatrec.vocabulary import CatalogueVocabulary

FIXTURE = Path(__file__).parents[1] / "fixtures" / "fashion_small.csv"
LINE = " refine;+baseColour=Blue;-baseColour=Black\n"


class FakeEngine:
    """An OpenAI-style /v1/completions server that writes a fixed request line, or fails (``mode``)."""

    def __init__(self) -> None:
        self.mode = "ok"
        self.bodies: list[dict[str, Any]] = []
        app = FastAPI()

        @app.post("/v1/completions")
        async def completions(request: Request) -> Response:
            body = await request.json()
            self.bodies.append(body)
            if self.mode == "500":
                return JSONResponse({"error": "boom"}, status_code=500)
            if self.mode == "slow":
                await asyncio.sleep(3)
            text, finish = LINE, "stop"
            if self.mode == "malformed":
                text = "buy;+colour=Pink\n"  # no grammar would allow it
            elif self.mode == "cut":
                text, finish = "refine;+baseColour=Blue|Black|Red|Navy", "length"
            elif "response_format" in body:
                text = json.dumps({"request": LINE.strip()})
            return JSONResponse({"choices": [{"text": text, "finish_reason": finish, "logprobs": None}]})

        self.app = app


@pytest.fixture(scope="module")
def engine() -> Iterator[tuple[FakeEngine, str]]:
    fake = FakeEngine()
    with serve(fake.app) as url:
        yield fake, f"{url}/v1"


@pytest.fixture(scope="module")
def items() -> list[Any]:
    return list(load_catalog(FIXTURE).items)


def _understander(url: str, items: list[Any], timeout: float = 0.8, **options: Any) -> RemoteUnderstander:
    settings = Settings(_env_file=None, llm_url=url, llm_timeout_seconds=timeout, llm_retries=1, llm_cooloff_seconds=0)
    return RemoteUnderstander(RemoteLLM(settings), CatalogueVocabulary.from_items(items), style="short",
                              timeout_seconds=timeout, **options)


def test_the_engine_gets_the_in_process_prompt_and_the_catalogue_grammar(
    engine: tuple[FakeEngine, str], items: list[Any]
) -> None:
    fake, url = engine
    fake.mode = "ok"
    understander = _understander(url, items, model="chatrec-understand")
    shown = items[:3]
    context = TurnContext(pending=None, shown=shown, searching=True, current={"gender": ["Men"]})
    rules = ShopperRequest(intent="recommend")
    request = understander.read("blue ones, not black", context, rules)
    assert request.intent == "refine"
    assert request.include == {"baseColour": ["Blue"]} and request.exclude == {"baseColour": ["Black"]}
    body = fake.bodies[-1]
    fields = grammar_fields(CatalogueVocabulary.from_items(items))
    # The very text the in-process understander feeds its model, and the grammar it decodes under.
    assert body["prompt"] == understander.prefix + turn_text(
        understander.library, "blue ones, not black", shown, {"gender": ["Men"]}, None)
    assert body["grammar"] == build_grammar(fields)
    assert body["model"] == "chatrec-understand"
    assert body["temperature"] == 0.0 and body["repeat_penalty"] == 1.0
    assert body["max_tokens"] == understander.max_new_tokens


@pytest.mark.parametrize("constraint", ["structured_outputs", "guided_grammar", "json_schema"])
def test_engines_without_gbnf_get_the_constraint_their_way(
    constraint: str, engine: tuple[FakeEngine, str], items: list[Any]
) -> None:
    fake, url = engine
    fake.mode = "ok"
    understander = _understander(url, items, constraint=constraint)
    context = TurnContext(pending=None, shown=[], searching=False, current={})
    request = understander.read("blue not black", context, ShopperRequest(intent="recommend"))
    assert request.include == {"baseColour": ["Blue"]}
    body = fake.bodies[-1]
    grammar = build_grammar(understander.fields)
    if constraint == "structured_outputs":
        assert body["structured_outputs"] == {"grammar": grammar}
    elif constraint == "guided_grammar":
        assert body["guided_grammar"] == grammar
    else:
        schema = body["response_format"]["json_schema"]["schema"]
        assert schema["required"] == ["request"]
        assert "grammar" not in body


def test_the_json_schema_pattern_accepts_the_grammars_lines_only(items: list[Any]) -> None:
    fields = grammar_fields(CatalogueVocabulary.from_items(items))
    pattern = re.compile(line_pattern(fields))
    assert pattern.match("refine;+baseColour=Blue|Navy Blue;-articleType=Tshirts;ref=1,2;rel=cheaper")
    assert pattern.match("chitchat")
    assert not pattern.match("refine;+baseColour=Pink Panther")  # not a catalogue value
    assert not pattern.match("buy;+baseColour=Blue")  # not an intent
    assert not pattern.match("refine;ref=0")


@pytest.fixture(scope="module")
def retriever(tmp_path_factory: pytest.TempPathFactory) -> Retriever:
    folder = tmp_path_factory.mktemp("understand-remote")
    settings = Settings(index_dir=folder / "index", cache_dir=folder / "cache", _env_file=None)
    build_index(FIXTURE, settings, embedder=HashingEmbedder())
    return Retriever.open(settings, embedder=HashingEmbedder())


def _client(settings: Settings, retriever: Retriever, url: str) -> TestClient:
    settings = settings.model_copy(update={
        "use_llm": False, "llm_url": url, "understander": "llm-always", "understanding_timeout_seconds": 0.8,
        "llm_retries": 1, "llm_cooloff_seconds": 30.0, "llm_model": "chatrec-rank",
        "understanding_llm_model": "chatrec-understand",
    })
    rec = ChatRec(settings, retriever=retriever)
    return TestClient(create_app(rec.settings, rec))


def test_a_turn_over_http_reads_the_message_on_the_engine(
    engine: tuple[FakeEngine, str], settings: Settings, retriever: Retriever
) -> None:
    fake, url = engine
    fake.mode = "ok"
    client = _client(settings, retriever, url)
    reply = client.post("/v1/chat", json={"message": "a shirt please", "session_id": "u-ok"})
    assert reply.status_code == 200, reply.text
    metadata = reply.json()["metadata"]
    assert metadata["understanding"]["by"] == "llm"
    assert metadata["understanding"]["line"] == LINE.strip()
    assert "degraded" not in metadata
    assert fake.bodies[-1]["model"] == "chatrec-understand"
    assert 'chatrec_llm_calls_total{job="understand",outcome="ok"}' in client.get("/metrics").text


@pytest.mark.parametrize("mode", ["down", "slow", "500", "malformed", "cut"])
def test_a_failing_engine_leaves_the_rules_reading_flagged(
    mode: str, engine: tuple[FakeEngine, str], settings: Settings, retriever: Retriever
) -> None:
    fake, url = engine
    if mode == "down":
        url = f"http://127.0.0.1:{free_port()}/v1"  # nothing listens there
    fake.mode = mode
    try:
        client = _client(settings, retriever, url)
        started = time.monotonic()
        reply = client.post("/v1/chat", json={"message": "black formal shoes for men", "session_id": f"u-{mode}"})
        seconds = time.monotonic() - started
        assert reply.status_code == 200, reply.text
        metadata = reply.json()["metadata"]
        expected = {"down": "connection", "slow": "timeout", "500": "http_5xx", "malformed": "malformed", "cut": "cut"}
        assert metadata["understanding"]["by"] == "rules"
        assert metadata["degraded"]["understand"] == expected[mode], metadata
        assert metadata["understood"]["include"].get("baseColour") == ["Black"], "the rules' reading stands"
        assert seconds < 0.8 + 5
        fallbacks = f'chatrec_llm_fallbacks_total{{job="understand",reason="{expected[mode]}"}}'
        assert fallbacks in client.get("/metrics").text
    finally:
        fake.mode = "ok"


def test_engine_errors_name_the_reason(engine: tuple[FakeEngine, str], items: list[Any]) -> None:
    fake, url = engine
    fake.mode = "500"
    try:
        with pytest.raises(EngineUnderstandingError) as caught:
            # the reason, not the time limit, is tested: a loaded machine must not turn the 500 into a timeout
            _understander(url, items, timeout=30.0).generate("Shopper: hi\nRequest:")
        assert caught.value.reason == "http_5xx"
    finally:
        fake.mode = "ok"
