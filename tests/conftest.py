"""Fixtures shared by all tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from fakes import HashingEmbedder  # noqa: E402

from chatrec.settings import Settings  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def _offline(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may reach a model hub."""
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")
    monkeypatch.setenv("ANONYMIZED_TELEMETRY", "False")


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
