"""The LLM on a real engine: llama.cpp's OpenAI-compatible server (llama-cpp-python) serving chatrec's own weights.

Marked ``engine``: it needs ``pip install 'llama-cpp-python[server]'`` (a long build from source),
so neither the default run nor the slow job selects it; run it with ``pytest -m engine``. CI
(``.ci/run``) builds llama-cpp-python in the background while the other tests run and runs these
last. Without llama-cpp-python it fails, it never skips.

The server serves what ``chatrec models export-gguf`` writes: the in-process model's exact float32
weights as GGUF files, one per job (``chatrec-rank``: the base model, the ranking adapter off;
``chatrec-understand``: the shipped understanding adapter merged), from one llama-cpp-python
server with two model aliases. The same prompts then give, in-process (transformers, float32)
and on the server: the same ranking order (label log-probabilities), the same request lines
(greedy under the same grammar) and the same streamed reasons.
"""

from __future__ import annotations

import importlib.util
import json
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
from chatrec.explain import LLMExplainer
from chatrec.gguf_export import export_gguf, export_lora_gguf
from chatrec.llm import LLM, shipped_adapter_dir
from chatrec.llm_remote import RemoteExplainer, RemoteLLM, RemoteRanker
from chatrec.llm_understanding import (
    LLMUnderstander,
    shipped_understanding_adapter_dir,
    turn_text,
    understanding_settings,
)
from chatrec.llm_understanding_remote import RemoteUnderstander
from chatrec.ranking import LLMRanker, RankingContext
from chatrec.reason_training import shipped_reasons_adapter_dir
from chatrec.settings import Settings
from chatrec.vocabulary import CatalogueVocabulary

pytestmark = pytest.mark.engine

FIXTURE = Path(__file__).parents[1] / "fixtures" / "fashion_small.csv"
CONTEXTS = [
    ("black formal shoes for men", ["formal shoes", "shoes", "black"]),
    ("a watch for my wife", ["watch", "women"]),
    ("blue jeans, casual", ["jeans", "blue"]),
    ("flip flops for the beach", ["flip flops", "sandals"]),
    ("a white shirt for the office", ["shirt", "white", "formal"]),
    ("sports shoes for running", ["sports shoes", "running"]),
    ("a red top for a party", ["top", "red"]),
    ("a bag for college", ["bag", "backpack"]),
    ("something in pink for my daughter", ["pink", "girls"]),
    ("grey t-shirts", ["tshirt", "grey"]),
]
#: (message, positions of the fixture items shown (1-based), wishes in force, question pending)
TURNS: list[tuple[str, int, dict[str, list[str]], tuple[str, list[str]] | None]] = [
    ("black formal shoes for men", 0, {}, None),
    ("a watch for my wife", 0, {}, None),
    ("not black, show me blue", 3, {"baseColour": ["Black"]}, None),
    ("more like the second one", 3, {}, None),
    ("something cheaper", 3, {}, None),
    ("the first one but in red", 3, {}, None),
    ("what's the weather in Delhi?", 0, {}, None),
    ("tell me a joke", 3, {}, None),
    ("casual shirts for summer", 0, {}, None),
    ("no jeans please", 0, {"articleType": ["Jeans"]}, None),
    ("women", 0, {}, ("gender", ["Men", "Women", "Unisex"])),
    ("show me sandals instead", 3, {"articleType": ["Casual Shoes"]}, None),
    ("compare the first two", 3, {}, None),
    ("start over", 3, {"gender": ["Men"]}, None),
    ("I like these, show me more", 3, {}, None),
    ("any colour but white", 0, {"articleType": ["Tshirts"]}, None),
    ("flip flops for the beach", 0, {}, None),
    ("why did you recommend the third?", 3, {}, None),
    ("男士黑色鞋子", 0, {}, None),
    ("thanks, that's all", 3, {}, None),
    ("a pink handbag", 0, {}, None),
    ("something for a wedding", 0, {}, None),
    ("blue jeans, casual", 0, {}, None),
    ("the cheapest of these", 3, {}, None),
]


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    cache = Path(os.environ.get("CHATREC_CACHE_DIR", Path.home() / ".cache" / "chatrec"))
    folder = tmp_path_factory.mktemp("engine")
    return Settings(_env_file=None, cache_dir=cache, index_dir=folder / "index", data_dir=folder / "data",
                    adapter="none", llm_dtype="float32", llm_top_logprobs=60, llm_timeout_seconds=120,
                    llm_model="chatrec-rank", understanding_llm_model="chatrec-understand",
                    understanding_timeout_seconds=120)


@pytest.fixture(scope="module")
def ggufs(settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
    """The in-process weights of each job, exported (``chatrec models export-gguf``), F32."""
    folder = tmp_path_factory.mktemp("gguf")
    rank = export_gguf(settings, folder / "rank-f32.gguf")
    understand = export_gguf(understanding_settings(settings), folder / "understand-f32.gguf")
    assert rank.adapter is None and understand.adapter is not None
    print(f"\nexported {rank.bytes / 1e6:.0f} MB in {rank.seconds} s and {understand.bytes / 1e6:.0f} MB "
          f"in {understand.seconds} s")
    yield {"chatrec-rank": rank.path, "chatrec-understand": understand.path}
    for path in (rank.path, understand.path):  # 540 MB each: not left behind in pytest's kept folders
        path.unlink(missing_ok=True)


@pytest.fixture(scope="module")
def loras(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The shipped ranking and understanding adapters as GGUF LoRA adapters (``chatrec models export-lora``)."""
    folder = tmp_path_factory.mktemp("lora")
    return {
        "chatrec-rank-lora": export_lora_gguf(shipped_adapter_dir(), folder / "rank-lora.gguf").path,
        "chatrec-understand-lora": export_lora_gguf(shipped_understanding_adapter_dir(),
                                                    folder / "understand-lora.gguf").path,
        "chatrec-reasons-lora": export_lora_gguf(shipped_reasons_adapter_dir(), folder / "reasons-lora.gguf").path,
    }


@pytest.fixture(scope="module")
def server(ggufs: dict[str, Path], loras: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    assert importlib.util.find_spec("llama_cpp") is not None, (
        "llama-cpp-python is not installed: pip install 'llama-cpp-python[server]'"
    )
    port = _free_port()
    # logits_all: llama-cpp-python returns log-probabilities only then (and computes them over the
    # whole context in Python, hence the small n_ctx: a call then takes seconds, not tens).
    # The two aliases share one server, which loads the model a request names (one at a time).
    threads = int(os.environ.get("OMP_NUM_THREADS", "1"))
    config = {"host": "127.0.0.1", "port": port, "models": [
        {"model": str(path), "model_alias": alias, "n_ctx": 1024, "n_threads": threads, "n_threads_batch": threads,
         "logits_all": True, "verbose": False}
        for alias, path in ggufs.items()
    ] + [  # the base model (no adapter merged) with a job's adapter as a llama.cpp LoRA
        {"model": str(ggufs["chatrec-rank"]), "lora_path": str(path), "model_alias": alias, "n_ctx": 1024,
         "n_threads": threads, "n_threads_batch": threads, "logits_all": True, "verbose": False}
        for alias, path in loras.items()
    ]}
    config_file = tmp_path_factory.mktemp("llama") / "config.json"
    config_file.write_text(json.dumps(config), encoding="utf-8")
    log = tempfile.TemporaryFile(mode="w+")  # llama.cpp logs a lot: a pipe nobody reads would block it
    process = subprocess.Popen(
        [sys.executable, "-m", "llama_cpp.server", "--config_file", str(config_file)],
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
    gaps = []
    report = []
    for context, items in _pools():
        here = local.label_logprobs(context, items)
        there = remote.label_logprobs(context, items)
        gaps.append(float(np.max(np.abs(here - there))))
        order_here = [int(i) for i in np.argsort(-here, kind="stable")]
        order_there = [int(i) for i in np.argsort(-there, kind="stable")]
        same_order += order_here == order_there
        report.append((context.turns[0][1], order_here, order_there, round(gaps[-1], 5)))
    print("\nranking in-process vs llama.cpp (same weights):", *report, sep="\n  ")
    print(f"same full order {same_order}/{len(report)}, max |logprob gap| {max(gaps):.5f}")
    assert same_order == len(report), report


def test_understanding_on_llama_cpp_matches_in_process(server: str, settings: Settings) -> None:
    items = list(load_catalog(FIXTURE).items)
    vocabulary = CatalogueVocabulary.from_items(items)
    llm = LLM(understanding_settings(settings))
    # The engine decodes token by token: the in-process twin is the understander without jump-forward.
    local = LLMUnderstander(llm, vocabulary, style="short", jump_forward=False, timeout_seconds=120)
    jumping = LLMUnderstander(llm, vocabulary, style="short", jump_forward=True, timeout_seconds=120)
    remote = RemoteUnderstander(RemoteLLM(settings.model_copy(update={"llm_url": server})), vocabulary,
                                model="chatrec-understand", style="short", timeout_seconds=120)
    assert remote.prefix == local.prefix
    same, same_jumping, rows = 0, 0, []
    for message, n_shown, current, pending in TURNS:
        text = turn_text(local.library, message, items[:n_shown], current, pending)
        here, there, jumped = local.generate(text), remote.generate(text), jumping.generate(text)
        same += here == there
        same_jumping += jumped == there
        rows.append(f"{'=' if here == there else 'X'} {message!r}: {here!r} | engine {there!r}")
    print("\nunderstanding in-process vs llama.cpp (same weights, same grammar):", *rows, sep="\n  ")
    print(f"same request line {same}/{len(TURNS)}; in-process with jump-forward: {same_jumping}/{len(TURNS)}")
    assert same == len(TURNS), rows


def test_the_shipped_adapters_as_llama_cpp_loras_match_in_process(server: str, settings: Settings) -> None:
    """The base GGUF with a GGUF LoRA (not merged) against in-process with the adapter merged."""
    ranking = settings.model_copy(update={"adapter": "default", "llm_model": "chatrec-rank-lora"})
    local = LLMRanker(LLM.from_settings(ranking), weight=1.0)
    remote = RemoteRanker(RemoteLLM(ranking.model_copy(update={"llm_url": server})), weight=1.0)
    same_order, gaps, report = 0, [], []
    for context, items in _pools():
        here, there = local.label_logprobs(context, items), remote.label_logprobs(context, items)
        gaps.append(float(np.max(np.abs(here - there))))
        order_here = [int(i) for i in np.argsort(-here, kind="stable")]
        order_there = [int(i) for i in np.argsort(-there, kind="stable")]
        same_order += order_here == order_there
        report.append((context.turns[0][1], order_here, order_there, round(gaps[-1], 5)))
    print("\nranking adapter, merged in-process vs LoRA on llama.cpp:", *report, sep="\n  ")
    print(f"same full order {same_order}/{len(report)}, max |logprob gap| {max(gaps):.5f}")

    items = list(load_catalog(FIXTURE).items)
    vocabulary = CatalogueVocabulary.from_items(items)
    understander = LLMUnderstander(LLM(understanding_settings(settings)), vocabulary, style="short",
                                   jump_forward=False, timeout_seconds=120)
    on_engine = RemoteUnderstander(RemoteLLM(settings.model_copy(update={"llm_url": server})), vocabulary,
                                   model="chatrec-understand-lora", style="short", timeout_seconds=120)
    same_lines, rows = 0, []
    for message, n_shown, current, pending in TURNS:
        text = turn_text(understander.library, message, items[:n_shown], current, pending)
        here, there = understander.generate(text), on_engine.generate(text)
        same_lines += here == there
        rows.append(f"{'=' if here == there else 'X'} {message!r}: {here!r} | engine {there!r}")
    print("understanding adapter, merged in-process vs LoRA on llama.cpp:", *rows, sep="\n  ")
    print(f"same request line {same_lines}/{len(TURNS)}")
    # The LoRA is really applied: the base model alone writes other lines for some of these turns.
    base = RemoteUnderstander(RemoteLLM(settings.model_copy(update={"llm_url": server})), vocabulary,
                              model="chatrec-rank", style="short", timeout_seconds=120)
    differ = sum(
        base.generate(turn_text(understander.library, m, items[:n], c, p)) != understander.generate(
            turn_text(understander.library, m, items[:n], c, p))
        for m, n, c, p in TURNS[:8]
    )
    print(f"the base model without the LoRA wrote another line on {differ}/8 turns")
    assert differ > 0
    assert same_order == len(report), report
    assert same_lines == len(TURNS), rows


def test_reasons_stream_from_llama_cpp(server: str, settings: Settings) -> None:
    remote_llm = RemoteLLM(settings.model_copy(update={"llm_url": server}))
    remote = RemoteExplainer(remote_llm, max_new_tokens=40)
    local = LLMExplainer(LLM.from_settings(settings), max_new_tokens=40)
    same = 0
    rows = []
    for context, items in _pools()[:3]:
        chunks = list(remote.stream(context, items[0]))
        final = chunks[-1]
        assert not any(str(p).startswith("engine unavailable") for p in final.problems), chunks
        here = "".join(c for c in local.stream(context, items[0]) if isinstance(c, str))
        there = "".join(c for c in chunks if isinstance(c, str))
        same += here == there
        rows.append(f"{'=' if here == there else 'X'} in-process {here!r}\n    llama.cpp  {there!r}")
    print("\nreasons:", *rows, sep="\n  ")
    assert same == len(rows), rows


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
                              n_candidates=8, llm_top_logprobs=60, understander="llm-always")
    build_index(FIXTURE, served, embedder=HashingEmbedder())
    engine = ChatRec(served, retriever=Retriever.open(served, embedder=HashingEmbedder()))
    client = TestClient(create_app(served, engine))
    body = client.post("/v1/chat", json={"message": "black formal shoes for men", "session_id": "t"}).json()
    if not body["recommendations"]:
        body = client.post("/v1/chat", json={"message": body["question"]["options"][0], "session_id": "t"}).json()
    assert body["recommendations"], body
    assert "degraded" not in body["metadata"], body["metadata"]
    assert body["metadata"]["understanding"]["by"] == "llm", body["metadata"]
    metrics = client.get("/metrics").text
    assert 'chatrec_llm_calls_total{job="rank",outcome="ok"}' in metrics
    assert 'chatrec_llm_calls_total{job="understand",outcome="ok"}' in metrics


def test_reasons_with_the_reasons_adapter_as_a_llama_cpp_lora_match_in_process(server: str, settings: Settings) -> None:
    """reason_writer=llm with the shipped reasons adapter: merged in-process vs a LoRA on the engine."""
    writing = settings.model_copy(update={"reason_writer": "llm", "reason_adapter": "default",
                                          "reasons_llm_model": "chatrec-reasons-lora"})
    local = LLMExplainer.from_settings(writing)
    remote = RemoteExplainer.from_settings(writing.model_copy(update={"llm_url": server}))
    assert local.data_to_text and remote.data_to_text
    same, rows = 0, []
    for context, items in _pools()[:4]:
        chunks = list(remote.stream(context, items[0]))
        assert not any(str(p).startswith("engine unavailable") for p in chunks[-1].problems), chunks
        here = "".join(c for c in local.stream(context, items[0]) if isinstance(c, str))
        there = "".join(c for c in chunks if isinstance(c, str))
        same += here == there
        rows.append(f"{'=' if here == there else 'X'} in-process {here!r}\n    llama.cpp  {there!r}")
    print("\nreasons adapter, merged in-process vs LoRA on llama.cpp:", *rows, sep="\n  ")
    assert same == len(rows), rows
