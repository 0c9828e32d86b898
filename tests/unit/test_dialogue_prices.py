"""Prices and histories on a small priced catalogue: "under 500 rupees", "cheaper", "you bought X"."""

from __future__ import annotations

from pathlib import Path

import pytest
from fakes import HashingEmbedder

from chatrec import ChatRec
from chatrec.explain import TemplateExplainer
from chatrec.index import build_index
from chatrec.ranking import RetrievalRanker
from chatrec.retrieval import Retriever
from chatrec.sessions import Interaction
from chatrec.settings import Settings



@pytest.fixture(scope="module")
def retriever(priced_retriever: Retriever) -> Retriever:
    """The priced electronics slice (``priced_retriever`` in conftest)."""
    return priced_retriever


@pytest.fixture
def rec(retriever: Retriever, settings: Settings):
    chat = ChatRec(
        settings.model_copy(update={"use_llm": False}),
        retriever=retriever, ranker=RetrievalRanker(), explainer=TemplateExplainer(),
    )
    yield chat
    chat.close()


def _prices(rec: ChatRec, reply) -> list[float]:
    return [rec.item(r.item_id).price for r in reply.recommendations]


def test_price_limits_and_cheaper_hold(rec: ChatRec) -> None:
    first = rec.respond("recommend usb cables under 500 rupees", session_id="p1")
    assert first.recommendations
    assert all(price <= 500 for price in _prices(rec, first))
    assert all("USBCables" in rec.item(r.item_id).category for r in first.recommendations)
    cheaper = rec.respond("something cheaper", session_id="p1")
    assert cheaper.recommendations
    # Cheaper than everything shown when such cables exist, else cheaper than most of them;
    # never the budget dropped.
    shown = sorted(_prices(rec, first))
    assert max(_prices(rec, cheaper)) < shown[len(shown) // 2]
    assert not cheaper.metadata["relaxed"]


def test_impossible_wishes_are_relaxed_and_said(rec: ChatRec) -> None:
    reply = rec.respond("recommend usb cables under 5 rupees", session_id="p2")
    assert reply.recommendations
    assert reply.metadata["relaxed"]
    assert "left out" in reply.text


def test_reasons_cite_what_the_customer_bought(rec: ChatRec, retriever: Retriever) -> None:
    cables = [item for item in retriever.index.items if item.category == "USBCables"]
    rec.store.add_interactions([Interaction("buyer", cables[0].id, "purchase")])
    reply = rec.respond("recommend usb cables", session_id="p3", user_id="buyer")
    assert cables[0].id not in [r.item_id for r in reply.recommendations], "not sold twice"
    assert any("which you bought before" in r.reason for r in reply.recommendations)
    assert reply.metadata["profile"]["titles"] == [cables[0].title]


def test_items_named_by_title_are_linked_and_not_recommended_back(tmp_path: Path, settings: Settings) -> None:
    catalog = tmp_path / "movies.csv"
    catalog.write_text(
        "id,title,genre\n"
        "1,The Shining (1980),Horror\n2,It (2017),Horror\n3,Get Out (2017),Horror\n"
        "4,Paddington (2014),Family\n5,Hereditary (2018),Horror\n6,Frozen (2013),Family\n"
    )
    embedder = HashingEmbedder()
    settings = settings.model_copy(update={"use_llm": False, "n_candidates": 5})
    build_index(catalog, settings, embedder=embedder)
    chat = ChatRec(settings, retriever=Retriever.open(settings, embedder=embedder),
                   ranker=RetrievalRanker(), explainer=TemplateExplainer())
    try:
        reply = chat.respond("I loved The Shining (1980), recommend something like it", session_id="m1")
        assert chat.session("m1")["mentioned"] == ["1"]
        assert "1" not in [r.item_id for r in reply.recommendations]
        assert reply.recommendations
    finally:
        chat.close()
