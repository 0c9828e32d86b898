"""The engine behind the HTTP and UI integration tests.

The real :class:`chatrec.recommender.ChatRec` over an index of ``fashion_small.csv`` built
with the hashing fake embedder, retrieval only (no LLM).
"""

from __future__ import annotations

from pathlib import Path

from fakes import HashingEmbedder

from chatrec.index import build_index
from chatrec.recommender import ChatRec
from chatrec.retrieval import Retriever
from chatrec.settings import Settings

__all__ = ["make_engine"]

FASHION_SMALL = Path(__file__).parents[1] / "fixtures" / "fashion_small.csv"


def make_engine(settings: Settings) -> tuple[ChatRec, Settings]:
    """The engine and the settings it runs with (``use_llm`` off, folders of ``settings``)."""
    settings = settings.updated(use_llm=False)
    embedder = HashingEmbedder()
    build_index(FASHION_SMALL, settings, embedder=embedder)
    return ChatRec(settings, retriever=Retriever.open(settings, embedder=embedder)), settings
