"""The LLM on an OpenAI-compatible engine: faults against a fake engine (timeouts, 5xx, malformed output).

A real engine (llama.cpp's server) is tested in ``test_llm_remote_llamacpp.py``; this fake one
only plays the faults and a well-behaved engine whose preferences are known.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fakes import HashingEmbedder
from loopback import free_port, serve
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse
from fastapi.testclient import TestClient
from tiny_llm import tiny_tokenizer

from chatrec.explain import KnownValues
from chatrec.http.app import create_app
from chatrec.index import build_index
from chatrec.llm_remote import (
    EngineUnavailable,
    RemoteExplainer,
    RemoteLLM,
    RemoteRanker,
    label_logprobs_from_top,
    parse_label_order,
)
from chatrec.recommender import ChatRec
from chatrec.retrieval import Retriever
from chatrec.settings import Settings

FIXTURE = Path(__file__).parents[1] / "fixtures" / "fashion_small.csv"
REASON = " is a black formal shoe for men, as you asked."


class FakeEngine:
    """An OpenAI-style /v1/completions server whose behaviour a test sets (``mode``)."""

    def __init__(self) -> None:
        self.mode = "ok"
        self.calls = 0
        self.favourite = "C"  # the label it gives the highest log-probability
        app = FastAPI()

        @app.post("/v1/completions")
        async def completions(request: Request) -> Response:
            body = await request.json()
            self.calls += 1
            mode = self.mode
            if mode == "flaky":
                self.mode = "ok"
                return JSONResponse({"error": "warming up"}, status_code=503)
            if mode == "500":
                return JSONResponse({"error": "boom"}, status_code=500)
            if mode == "slow":
                import asyncio

                await asyncio.sleep(3)
            if mode == "malformed":
                if body.get("stream"):
                    return StreamingResponse(iter(["data: {not json\n\n"]), media_type="text/event-stream")
                return JSONResponse({"choices": [{"text": "I like turtles", "logprobs": None}]})
            if body.get("stream"):
                def events() -> Iterator[str]:
                    for word in REASON.split(" "):
                        if word:
                            yield "data: " + json.dumps({"choices": [{"text": " " + word}]}) + "\n\n"
                    yield "data: [DONE]\n\n"

                return StreamingResponse(events(), media_type="text/event-stream")
            if mode == "nologprobs":
                return JSONResponse({"choices": [{"text": f"{self.favourite}, A", "logprobs": None}]})
            top = {"A": -3.0, "B": -3.5, self.favourite: -0.2, "Z": -4.0, " ": -5.0}
            return JSONResponse({"choices": [{"text": self.favourite, "logprobs": {"top_logprobs": [top]}}]})

        self.app = app


@pytest.fixture(scope="module")
def engine() -> Iterator[tuple[FakeEngine, str]]:
    fake = FakeEngine()
    with serve(fake.app) as url:
        yield fake, f"{url}/v1"


@pytest.fixture(scope="module")
def retriever(tmp_path_factory: pytest.TempPathFactory) -> Retriever:
    folder = tmp_path_factory.mktemp("remote")
    settings = Settings(index_dir=folder / "index", cache_dir=folder / "cache", _env_file=None)
    build_index(FIXTURE, settings, embedder=HashingEmbedder())
    return Retriever.open(settings, embedder=HashingEmbedder())


def _chatrec(settings: Settings, retriever: Retriever, url: str, **overrides: Any) -> ChatRec:
    settings = settings.model_copy(update={
        "use_llm": True, "llm_url": url, "llm_timeout_seconds": 0.8, "llm_retries": 2,
        "llm_cooloff_seconds": 30.0, "llm_rank_weight": 1.0, "llm_rerank": True, "reason_writer": "llm",
        **overrides,
    })
    llm = RemoteLLM(settings, tokenizer=tiny_tokenizer())
    return ChatRec(
        settings, retriever=retriever,
        ranker=RemoteRanker(llm, weight=settings.llm_rank_weight),
        explainer=RemoteExplainer(llm, vocabulary=KnownValues.from_items(retriever.index.items)),
    )


def _recommend(client: TestClient, session: str) -> tuple[dict[str, Any], float]:
    started = time.monotonic()
    reply = client.post("/v1/chat", json={"message": "black formal shoes for men", "session_id": session})
    assert reply.status_code == 200, reply.text
    body = reply.json()
    if not body["recommendations"]:
        reply = client.post("/v1/chat", json={"message": body["question"]["options"][0], "session_id": session})
        assert reply.status_code == 200, reply.text
        body = reply.json()
    assert body["recommendations"]
    return body, time.monotonic() - started


def test_the_engine_ranks_and_explains(engine: tuple[FakeEngine, str], settings: Settings, retriever: Retriever) -> None:
    fake, url = engine
    fake.mode = "ok"
    rec = _chatrec(settings, retriever, url)
    reply, _ = _recommend(TestClient(create_app(rec.settings, rec)), "ok-1")
    assert "degraded" not in reply["metadata"]
    # The engine's favourite label (C: the third candidate) comes first with weight 1.
    assert reply["recommendations"][0]["score"] > reply["recommendations"][1]["score"]
    assert all(r["reason"].startswith("This is a black formal shoe") for r in reply["recommendations"]), reply["recommendations"]


def test_an_engine_without_logprobs_is_ranked_by_the_labels_it_writes(
    engine: tuple[FakeEngine, str], settings: Settings, retriever: Retriever
) -> None:
    fake, url = engine
    fake.mode = "nologprobs"
    try:
        rec = _chatrec(settings, retriever, url)
        from chatrec.ranking import RankingContext

        pool = retriever.search("black formal shoes", k=5)
        ranked = rec.ranker.rank(RankingContext(turns=[("customer", "black formal shoes")]), pool)
        assert rec.ranker.last_degraded is None
        assert [r.candidate.item.id for r in ranked[:2]] == [pool[2].item.id, pool[0].item.id]
    finally:
        fake.mode = "ok"


@pytest.mark.parametrize("mode", ["down", "slow", "500", "malformed"])
def test_every_request_answers_degraded_and_flagged_when_the_engine_fails(
    mode: str, engine: tuple[FakeEngine, str], settings: Settings, retriever: Retriever
) -> None:
    fake, url = engine
    if mode == "down":
        url = f"http://127.0.0.1:{free_port()}/v1"  # nothing listens there
    fake.mode = mode
    try:
        rec = _chatrec(settings, retriever, url)
        client = TestClient(create_app(rec.settings, rec))
        before = client.get("/metrics").text
        reply, seconds = _recommend(client, f"{mode}-1")
        # Retrieval order, template reasons, flagged; within the timeout (plus the turn's own work).
        assert reply["metadata"]["degraded"]["rank"] in {"connection", "timeout", "http_5xx", "malformed"}
        assert reply["metadata"]["degraded"]["explain"] == len(reply["recommendations"])
        assert all(r["reason"] and not r["reason"].startswith("This is a black formal shoe") for r in reply["recommendations"])
        assert seconds < rec.settings.llm_timeout_seconds + 5
        # The next turn does not wait for the engine again (cool-off), and still answers.
        again, seconds_again = _recommend(client, f"{mode}-2")
        assert again["metadata"]["degraded"]["rank"] in {"cooloff", "malformed"}
        assert seconds_again < 3
        after = client.get("/metrics").text
        assert after.count('chatrec_llm_fallbacks_total{job="rank"') >= 1
        assert before != after
    finally:
        fake.mode = "ok"


def test_a_5xx_is_retried_with_backoff(engine: tuple[FakeEngine, str], settings: Settings) -> None:
    fake, url = engine
    fake.mode = "flaky"  # one 503, then fine
    calls = fake.calls
    llm = RemoteLLM(settings.model_copy(update={"llm_url": url, "llm_timeout_seconds": 5}), tokenizer=tiny_tokenizer())
    answer = llm.complete("hello", max_tokens=1, logprobs=5)
    assert answer["choices"][0]["text"] == fake.favourite
    assert fake.calls - calls == 2
    fake.mode = "500"
    calls = fake.calls
    with pytest.raises(EngineUnavailable) as caught:
        llm.complete("hello", max_tokens=1)
    assert caught.value.reason == "http_5xx" and fake.calls - calls == 3  # 1 + llm_retries (2)
    fake.mode = "ok"


def test_label_scores_from_top_logprobs_and_written_labels() -> None:
    scores = label_logprobs_from_top({"B": -0.1, "A": -2.0, "x": -6.0}, ["A", "B", "C"])
    assert list(scores.argsort()[::-1]) == [1, 0, 2]
    assert abs(float(sum(pow(2.718281828, s) for s in scores)) - 1.0) < 1e-6
    with pytest.raises(EngineUnavailable):
        label_logprobs_from_top({"x": -1.0}, ["A", "B"])
    assert parse_label_order("C, A, A; Q\nthen more", ["A", "B", "C"]) == ["C", "A"]
    assert parse_label_order("I like turtles", list("ABCDEFGHIJ")) == []
