"""Fixtures shared by all tests."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from fakes import HashingEmbedder  # noqa: E402

from chatrec.index import build_index  # noqa: E402
from chatrec.retrieval import Retriever  # noqa: E402
from chatrec.settings import Settings  # noqa: E402

if TYPE_CHECKING:
    from chatrec.recommender import ChatRec

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def _offline(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may reach a model hub."""
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")
    monkeypatch.setenv("ANONYMIZED_TELEMETRY", "False")


@pytest.fixture(autouse=True)
def _settings_environment_kept() -> Iterator[None]:
    """A test's CHATREC_* variables end with it: code that sets them for worker processes (``chatrec serve
    --workers`` sets CHATREC_INDEX_DIR) would otherwise point later tests of the same process at its folders,
    which made a test order of two processes (``make test``) fail."""
    before = {name: value for name, value in os.environ.items() if name.startswith("CHATREC_")}
    yield
    for name in [n for n in os.environ if n.startswith("CHATREC_") and n not in before]:
        del os.environ[name]
    os.environ.update(before)


@pytest.fixture
def fixtures_dir() -> Path:
    """The folder of test data files."""
    return FIXTURES


@pytest.fixture
def fake_embedder() -> HashingEmbedder:
    """A deterministic embedder that needs no model."""
    return HashingEmbedder()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings whose folders all live in a temporary directory."""
    return Settings(
        index_dir=tmp_path / "index",
        data_dir=tmp_path / "data",
        cache_dir=tmp_path / "cache",
        _env_file=None,
    )


@pytest.fixture(scope="module")
def fashion_retriever(tmp_path_factory: pytest.TempPathFactory) -> Retriever:
    """A retriever over the 300 real fashion rows of the fixtures, with the fake embedder (one per module)."""
    folder = tmp_path_factory.mktemp("index")
    settings = Settings(index_dir=folder, cache_dir=folder / "cache", _env_file=None)
    embedder = HashingEmbedder()
    build_index(FIXTURES / "fashion_small.csv", settings, embedder=embedder)
    return Retriever.open(settings, embedder=embedder)


@pytest.fixture(scope="module")
def priced_retriever(tmp_path_factory: pytest.TempPathFactory) -> Retriever:
    """The first 150 products of the electronics demo (real Amazon India rows, prices in INR)."""
    import csv

    demo = Path(__file__).parents[1] / "chatrec" / "demo"
    folder = tmp_path_factory.mktemp("priced")
    with (demo / "electronics.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))[:151]
    catalog = folder / "electronics.csv"
    with catalog.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    settings = Settings(index_dir=folder / "index", cache_dir=folder / "cache", _env_file=None)
    embedder = HashingEmbedder()
    build_index(catalog, settings, mapping=demo / "electronics.mapping.yaml", embedder=embedder)
    return Retriever.open(settings, embedder=embedder)


@pytest.fixture
def fashion_chatrec(fashion_retriever: Retriever, settings: Settings) -> Iterator[ChatRec]:
    """The real ChatRec over the fashion fixture: fake embedder, retrieval only (no LLM), sessions in a temp folder."""
    from chatrec.recommender import ChatRec

    rec = ChatRec(settings.updated(use_llm=False), retriever=fashion_retriever)
    yield rec
    rec.close()


@pytest.fixture
def electronics_chatrec(priced_retriever: Retriever, settings: Settings) -> Iterator[ChatRec]:
    """The real ChatRec over 150 priced electronics rows: fake embedder, no LLM."""
    from chatrec.recommender import ChatRec

    rec = ChatRec(settings.updated(use_llm=False), retriever=priced_retriever)
    yield rec
    rec.close()


@pytest.fixture
def fake_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> HashingEmbedder:
    """Commands run in-process with the fake embedder, a temporary cache and no LLM."""
    import chatrec.index
    import chatrec.retrieval

    fake = HashingEmbedder()
    monkeypatch.setattr(chatrec.index, "load_embedder", lambda settings: fake)
    monkeypatch.setattr(chatrec.retrieval, "load_embedder", lambda settings: fake)
    monkeypatch.setenv("CHATREC_EMBEDDER", fake.name)
    monkeypatch.setenv("CHATREC_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("CHATREC_USE_LLM", "false")
    return fake


@pytest.fixture(scope="session")
def catalogues() -> dict[str, tuple[Any, dict[str, Any]]]:
    """The two demo catalogues' rules vocabularies and items by id (read once per test run)."""
    from chatrec.catalog import load_catalog
    from chatrec.demo import demo_catalog
    from chatrec.understanding import Vocabulary

    out = {}
    for name in ("fashion", "electronics"):
        items = load_catalog(demo_catalog(name).catalog, demo_catalog(name).mapping).items
        out[name] = (Vocabulary.from_items(items), {item.id: item for item in items})
    return out


@pytest.fixture(scope="session")
def retrievers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Retriever]]:
    """One retriever per blind-conversation fixture (``tests/conversations/runner.py``), built once per run."""
    sys.path.insert(0, str(Path(__file__).parent / "conversations"))
    import runner

    folder = tmp_path_factory.mktemp("conversations")
    yield {name: runner.build_retriever(name, folder / name) for name in runner.FIXTURES}


@pytest.fixture
def electronics(retrievers: dict[str, Retriever], tmp_path: Path) -> Iterator[ChatRec]:
    """A ChatRec over the blind conversations' electronics fixture."""
    import runner

    with runner.chatrec_over(retrievers["electronics"], tmp_path) as rec:
        yield rec


@pytest.fixture
def fashion(retrievers: dict[str, Retriever], tmp_path: Path) -> Iterator[ChatRec]:
    """A ChatRec over the blind conversations' fashion fixture."""
    import runner

    with runner.chatrec_over(retrievers["fashion"], tmp_path) as rec:
        yield rec


def _whole_demo(name: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A ChatRec over a whole demo catalogue (fake embedder, no LLM)."""
    from chatrec.demo import demo_catalog
    from chatrec.recommender import ChatRec

    folder = tmp_path_factory.mktemp(f"whole_{name}")
    settings = Settings(index_dir=folder / "index", data_dir=folder / "data", cache_dir=folder / "cache", _env_file=None)
    demo = demo_catalog(name)
    build_index(demo.catalog, settings, mapping=demo.mapping, embedder=HashingEmbedder())
    rec = ChatRec(settings.updated(use_llm=False), retriever=Retriever.open(settings, embedder=HashingEmbedder()))
    yield rec
    rec.close()


@pytest.fixture(scope="module")
def whole_electronics(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """The whole electronics demo catalogue (1,351 items; fake embedder, no LLM): an item branded "iPhone" and the
    cheap items of every kind are in it."""
    yield from _whole_demo("electronics", tmp_path_factory)


@pytest.fixture(scope="module")
def whole_fashion(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """The whole fashion demo catalogue (5,000 items; fake embedder, no LLM)."""
    yield from _whole_demo("fashion", tmp_path_factory)
