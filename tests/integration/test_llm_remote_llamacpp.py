"""The LLM on a real engine: llama.cpp's OpenAI-compatible server (llama-cpp-python) serving the packaged GGUF.

Marked ``engine``: it needs ``pip install 'llama-cpp-python[server]'`` (a long build from source),
so neither the default run nor the slow job selects it; run it with ``pytest -m engine``. CI
(``.ci/run``) builds llama-cpp-python in the background while the other tests run and runs these
last. Without llama-cpp-python it fails, it never skips.

What is compared: the same ranking prompts (chat template applied by chatrec, the shipped adapter
off, since llama.cpp serves the base GGUF) scored in-process (the GGUF dequantised to float32
weights, transformers) and by the server (llama.cpp computing on the Q4_1 weights directly).
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import numpy as np
import pytest

from chatrec.catalog import load_catalog
from chatrec.llm import LLM, packaged_gguf
from chatrec.llm_remote import RemoteExplainer, RemoteLLM, RemoteRanker
from chatrec.explain import LLMExplainer
from chatrec.ranking import LLMRanker, RankingContext
from chatrec.settings import Settings

pytestmark = pytest.mark.engine

FIXTURE = Path(__file__).parents[1] / "fixtures" / "fashion_small.csv"
CONTEXTS = [
    ("black formal shoes for men", ["formal shoes", "shoes", "black"]),
    ("a watch for my wife", ["watch", "women"]),
    ("blue jeans, casual", ["jeans", "blue"]),
    ("flip flops for the beach", ["flip flops", "sandals"]),
    ("a white shirt for the office", ["shirt", "white", "formal"]),
    ("sports shoes for running", ["sports shoes", "running"]),
]


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    assert importlib.util.find_spec("llama_cpp") is not None, (
        "llama-cpp-python is not installed: pip install 'llama-cpp-python[server]'"
    )
    port = _free_port()
    log = tempfile.TemporaryFile(mode="w+")  # llama.cpp logs a lot: a pipe nobody reads would block it
    # logits_all: llama-cpp-python returns log-probabilities only then (and computes them over the
    # whole context in Python, hence the small n_ctx: a call then takes seconds, not tens).
    process = subprocess.Popen(
        [sys.executable, "-m", "llama_cpp.server", "--model", str(packaged_gguf()), "--host", "127.0.0.1",
         "--port", str(port), "--n_ctx", "1024", "--n_threads", os.environ.get("OMP_NUM_THREADS", "1"),
         "--logits_all", "true"],
        stdout=log, stderr=subprocess.STDOUT, text=True,
    )
    url = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + 120
        while True:
            if process.poll() is not None:
                log.seek(0)
                raise AssertionError(f"llama.cpp server exited: {log.read()[-2000:]}")
            try:
                if httpx.get(f"{url}/models", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "llama.cpp server not up within 120 s"
            time.sleep(0.5)
        yield url
    finally:
        process.terminate()
        process.wait(20)
        log.close()


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    cache = Path(os.environ.get("CHATREC_CACHE_DIR", Path.home() / ".cache" / "chatrec"))
    folder = tmp_path_factory.mktemp("engine")
    return Settings(_env_file=None, cache_dir=cache, index_dir=folder / "index", data_dir=folder / "data",
                    adapter="none", llm_dtype="float32", llm_top_logprobs=60, llm_timeout_seconds=120)


def _pools() -> list[tuple[RankingContext, list[Any]]]:
    items = load_catalog(FIXTURE).items
    pools = []
    for message, words in CONTEXTS:
        chosen = [i for i in items if any(w in i.title.lower() for w in words)][:8]
        pools.append((RankingContext(turns=[("customer", message)]), chosen))
    return pools


def test_ranking_on_llama_cpp_matches_in_process(server: str, settings: Settings) -> None:
    local = LLMRanker(LLM.from_settings(settings), weight=1.0)
    remote = RemoteRanker(RemoteLLM(settings.model_copy(update={"llm_url": server})), weight=1.0)
    same_order = 0
    same_top = 0
    gaps = []
    report = []
    for context, items in _pools():
        here = local.label_logprobs(context, items)
        there = remote.label_logprobs(context, items)
        gaps.append(float(np.max(np.abs(here - there))))
        order_here = [int(i) for i in np.argsort(-here, kind="stable")]
        order_there = [int(i) for i in np.argsort(-there, kind="stable")]
        same_order += order_here == order_there
        same_top += order_here[0] == order_there[0]
        report.append((context.turns[0][1], order_here, order_there, round(gaps[-1], 3)))
    print("\nranking in-process vs llama.cpp:", *report, sep="\n  ")
    print(f"same full order {same_order}/{len(report)}, same top {same_top}/{len(report)}, "
          f"max |logprob gap| {max(gaps):.3f}")
    assert same_top == len(report), report
    assert same_order >= len(report) - 1, report


def test_reasons_stream_from_llama_cpp(server: str, settings: Settings) -> None:
    remote_llm = RemoteLLM(settings.model_copy(update={"llm_url": server}))
    remote = RemoteExplainer(remote_llm, max_new_tokens=40)
    local = LLMExplainer(LLM.from_settings(settings), max_new_tokens=40)
    context, items = _pools()[0]
    chunks = list(remote.stream(context, items[0]))
    final = chunks[-1]
    assert not any(str(p).startswith("engine unavailable") for p in final.problems), chunks
    here = "".join(c for c in local.stream(context, items[0]) if isinstance(c, str))
    there = "".join(c for c in chunks if isinstance(c, str))
    print(f"\nin-process: {here!r}\nllama.cpp:  {there!r}")
    assert there.startswith("This")


def test_a_whole_turn_over_http_with_the_llm_on_llama_cpp(
    server: str, settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> None:
    from fakes import HashingEmbedder
    from fastapi.testclient import TestClient

    from chatrec.http.app import create_app
    from chatrec.index import build_index
    from chatrec.recommender import ChatRec
    from chatrec.retrieval import Retriever

    folder = tmp_path_factory.mktemp("turn")
    served = settings.updated(index_dir=folder / "index", data_dir=folder / "data", llm_url=server,
                              n_candidates=8, llm_top_logprobs=60)
    build_index(FIXTURE, served, embedder=HashingEmbedder())
    engine = ChatRec(served, retriever=Retriever.open(served, embedder=HashingEmbedder()))
    client = TestClient(create_app(served, engine))
    body = client.post("/v1/chat", json={"message": "black formal shoes for men", "session_id": "t"}).json()
    if not body["recommendations"]:
        body = client.post("/v1/chat", json={"message": body["question"]["options"][0], "session_id": "t"}).json()
    assert body["recommendations"], body
    assert "degraded" not in body["metadata"], body["metadata"]
    metrics = client.get("/metrics").text
    assert 'chatrec_llm_calls_total{job="rank",outcome="ok"}' in metrics
