"""Memory held by malloc after LLM turns is handed back (issue 15: RSS climbing in the LLM soak)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from chatrec import memory
from chatrec.explain import TemplateExplainer
from chatrec.ranking import RetrievalRanker
from chatrec.recommender import ChatRec
from chatrec.retrieval import Retriever
from chatrec.settings import Settings

glibc_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc")


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


@glibc_only
def test_freed_memory_pinned_under_a_live_block_goes_back_to_the_system() -> None:
    # Many medium blocks freed below one that stays alive: free() alone cannot shrink the heap
    # (its top is pinned), so the pages stay resident: what LLM turns did to the soak's RSS.
    blocks = [bytearray(64 * 1024) for _ in range(3000)]  # ~190 MB, touched (zeroed)
    pin = bytearray(64 * 1024)
    del blocks
    before = _rss_mb()
    assert memory.release_freed_memory(min_interval=0)
    after = _rss_mb()
    assert before - after > 100, (before, after)
    del pin


@glibc_only
def test_releases_are_rate_limited() -> None:
    assert memory.release_freed_memory(min_interval=0)
    assert not memory.release_freed_memory(min_interval=3600)
    assert memory.limit_arenas()


def test_the_kernel_cache_is_bounded_unless_the_operator_sized_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(memory.KERNEL_CACHE_VARIABLE, raising=False)  # restored after the test
    assert memory.bound_kernel_cache(64) == 64
    assert os.environ[memory.KERNEL_CACHE_VARIABLE] == "64"
    monkeypatch.setenv(memory.KERNEL_CACHE_VARIABLE, "512")
    assert memory.bound_kernel_cache(64) == 512
    assert os.environ[memory.KERNEL_CACHE_VARIABLE] == "512"


@pytest.mark.parametrize(
    ("changes", "released"),
    [
        ({"use_llm": True, "reason_writer": "llm"}, True),  # the LLM in this process writes reasons
        ({"use_llm": True, "llm_rerank": True}, True),  # ... or re-ranks
        ({"use_llm": False}, False),  # no LLM: nothing to release
        ({"use_llm": True, "reason_writer": "llm", "llm_url": "http://127.0.0.1:9/v1"}, False),  # on an engine
    ],
)
def test_a_turn_with_the_llm_in_this_process_releases_freed_memory(
    fashion_retriever: Retriever, settings: Settings, monkeypatch: pytest.MonkeyPatch,
    changes: dict[str, object], released: bool,
) -> None:
    calls: list[float] = []
    monkeypatch.setattr(memory, "release_freed_memory", lambda *a, **k: calls.append(1) or True)
    monkeypatch.setattr(memory, "limit_arenas", lambda *a, **k: True)
    monkeypatch.setattr(memory, "bound_kernel_cache", lambda *a, **k: 64)
    rec = ChatRec(settings.updated(**changes), retriever=fashion_retriever, ranker=RetrievalRanker(),
                  explainer=TemplateExplainer())
    try:
        rec.respond("black formal shoes for men", session_id="m1")
        rec.respond("something else", session_id="m1")
    finally:
        rec.close()
    assert len(calls) == (2 if released else 0)
