"""The engine behind the HTTP and UI integration tests.

The real :class:`chatrec.recommender.ChatRec` over an index of ``fashion_small.csv`` built
with the hashing fake embedder, retrieval only (no LLM). Until the dialogue area's module
exists, the contract-following fake of ``tests/unit/fakes_chatrec.py`` stands in.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

from chatrec.settings import Settings

__all__ = ["REAL_CHATREC", "make_engine"]

_TESTS = Path(__file__).parents[1]
FASHION_SMALL = _TESTS / "fixtures" / "fashion_small.csv"
REAL_CHATREC = importlib.util.find_spec("chatrec.recommender") is not None


def make_engine(settings: Settings) -> tuple[Any, Settings]:
    """The engine and the settings it runs with (``use_llm`` off, folders of ``settings``)."""
    settings = settings.model_copy(update={"use_llm": False})
    if not REAL_CHATREC:
        sys.path.insert(0, str(_TESTS / "unit"))
        from fakes_chatrec import FakeChatRec

        return FakeChatRec(settings, FASHION_SMALL), settings

    from fakes import HashingEmbedder

    from chatrec.index import build_index
    from chatrec.recommender import ChatRec
    from chatrec.retrieval import Retriever

    embedder = HashingEmbedder()
    build_index(FASHION_SMALL, settings, embedder=embedder)
    retriever = Retriever.open(settings, embedder=embedder)
    return ChatRec(settings, retriever=retriever), settings
