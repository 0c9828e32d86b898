"""The real packaged SmolLM2: conversion, the shipped adapter, ranking and streamed reasons (slow)."""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
import torch

from chatrec.catalog import Item
from chatrec.errors import AdapterError
from chatrec.explain import Explanation, KnownValues, LLMExplainer
from chatrec.llm import LLM, apply_adapter, load_llm, prepare_model, shipped_adapter_dir
from chatrec.ranking import LLMRanker, RankingContext
from chatrec.settings import Settings

pytestmark = pytest.mark.slow


@dataclass(frozen=True)
class FakeCandidate:
    item: Item
    score: float


@pytest.fixture(scope="module")
def packaged(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    cache = tmp_path_factory.mktemp("cache")
    settings = Settings(_env_file=None, cache_dir=cache, index_dir=cache / "index", data_dir=cache / "data")
    prepare_model(settings)
    return settings


def test_conversion_is_idempotent_and_complete(packaged: Settings) -> None:
    started = time.perf_counter()
    folder = prepare_model(packaged)
    assert time.perf_counter() - started < 5
    assert (folder / "model.safetensors").is_file() and (folder / "tokenizer.json").is_file()
    assert not list(folder.parent.glob(".*building*"))


def test_truncated_conversion_is_redone(packaged: Settings, tmp_path: Path) -> None:
    copy = packaged.model_copy(update={"cache_dir": tmp_path})
    shutil.copytree(prepare_model(packaged), tmp_path / "models" / prepare_model(packaged).name)
    weights = prepare_model(copy) / "model.safetensors"
    size = weights.stat().st_size
    weights.write_bytes(b"broken")
    assert (prepare_model(copy) / "model.safetensors").stat().st_size == size


def test_ranking_and_streamed_reason_with_the_default_adapter(packaged: Settings) -> None:
    llm = LLM.from_settings(packaged)
    items = [Item(id=str(i), title=t, attributes={"genre": (g,)}) for i, (t, g) in enumerate([
        ("The Shining (1980)", "horror"), ("Toy Story (1995)", "animation"), ("Heat (1995)", "crime"),
        ("It Follows (2014)", "horror"), ("Up (2009)", "animation")] * 4)]
    candidates = [FakeCandidate(Item(id=f"{k}", title=i.title, attributes=i.attributes), 1.0) for k, i in enumerate(items)]
    context = RankingContext(turns=[("customer", "I want a scary horror movie")])
    ranked = LLMRanker.from_settings(packaged, llm=llm).rank(context, candidates)
    assert sorted(r.candidate.item.id for r in ranked) == sorted(c.item.id for c in candidates)
    explainer = LLMExplainer.from_settings(packaged, llm=llm, vocabulary=KnownValues.from_items(items))
    parts = list(explainer.stream(context, ranked[0].candidate.item))
    assert isinstance(parts[-1], Explanation) and parts[-1].text
    assert len(parts[-1].text.split()) <= 31


@pytest.mark.skipif(not (shipped_adapter_dir() / "adapter_config.json").is_file(), reason="no shipped adapter")
def test_shipped_adapter_merged_matches_unmerged(packaged: Settings) -> None:
    base = packaged.model_copy(update={"adapter": None, "llm_dtype": "float32"})
    model, tokenizer = load_llm(base)
    unmerged = apply_adapter(model, shipped_adapter_dir(), merge=False)
    merged, _ = load_llm(packaged.model_copy(update={"llm_dtype": "float32"}))
    ids = torch.tensor([tokenizer.encode("I like horror movies. Which one? A or B", add_special_tokens=False)])
    with torch.no_grad():
        assert torch.allclose(merged(input_ids=ids).logits, unmerged(input_ids=ids).logits, atol=1e-3)


@pytest.mark.skipif(not (shipped_adapter_dir() / "adapter_config.json").is_file(), reason="no shipped adapter")
def test_corrupt_copy_of_the_shipped_adapter_is_a_clear_error(packaged: Settings, tmp_path: Path) -> None:
    broken = tmp_path / "adapter"
    shutil.copytree(shipped_adapter_dir(), broken)
    (broken / "adapter_model.safetensors").write_bytes(b"\x00" * 64)
    with pytest.raises(AdapterError, match="adapter_model.safetensors"):
        load_llm(packaged.model_copy(update={"adapter": str(broken)}))
