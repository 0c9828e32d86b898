"""What the shopper has is never handed back; what they ask for by name is shown (issue 14).

ChatRec end to end on the movie and fashion fixtures (fake embedder, no LLM).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fakes import HashingEmbedder

from chatrec import ChatRec
from chatrec.dialogue import DialogueState, Named, Stated
from chatrec.index import build_index
from chatrec.retrieval import Retriever
from chatrec.settings import Settings


@pytest.fixture(scope="module")
def movies(tmp_path_factory: pytest.TempPathFactory) -> Retriever:
    folder = tmp_path_factory.mktemp("movies")
    settings = Settings(index_dir=folder / "index", cache_dir=folder / "cache", _env_file=None)
    embedder = HashingEmbedder()
    build_index(Path(__file__).parents[1] / "fixtures" / "redial_movies.json", settings, embedder=embedder)
    return Retriever.open(settings, embedder=embedder)


@pytest.fixture
def movie_chatrec(movies: Retriever, settings: Settings) -> Iterator[ChatRec]:
    rec = ChatRec(settings.updated(use_llm=False), retriever=movies)
    yield rec
    rec.close()


def _state(rec: ChatRec, session_id: str) -> DialogueState:
    return DialogueState.from_dict(rec.store.load_state(session_id))


def _titles(reply) -> list[str]:  # type: ignore[no-untyped-def]
    return [r.title for r in reply.recommendations]


def test_asking_for_a_film_by_name_shows_it_first(movie_chatrec: ChatRec) -> None:
    reply = movie_chatrec.respond("do you have Dunkirk?", session_id="ask")
    assert reply.question is None
    assert _titles(reply)[0] == "Dunkirk (2017)"
    assert reply.text.startswith("Yes, we have Dunkirk (2017)")
    # Every film of that title is shown (the fixture has two Jumanjis), the asked-for ones first.
    reply = movie_chatrec.respond("show me Jumanji", session_id="ask2")
    assert sorted(_titles(reply)[:2]) == ["Jumanji (1995)", "Jumanji (2017)"]


def test_a_film_the_shopper_has_seen_is_never_recommended_until_asked_for(movie_chatrec: ChatRec) -> None:
    session = "seen"
    movie_chatrec.respond("I have already seen Dunkirk", session_id=session)
    dunkirk = next(i.id for i in movie_chatrec.retriever.index.items if i.title == "Dunkirk (2017)")
    assert _state(movie_chatrec, session).owned == [dunkirk]
    reply = movie_chatrec.respond("recommend me some war drama films, show me now", session_id=session)
    assert reply.recommendations and "Dunkirk (2017)" not in _titles(reply)
    # Asking for it by name afterwards shows it (asking wins, for that message).
    reply = movie_chatrec.respond("is Dunkirk in stock?", session_id=session)
    assert _titles(reply)[0] == "Dunkirk (2017)"


def test_a_film_named_as_a_reference_is_not_handed_back(movie_chatrec: ChatRec) -> None:
    reply = movie_chatrec.respond("I want something like Dunkirk, show me now", session_id="like")
    assert reply.recommendations and "Dunkirk (2017)" not in _titles(reply)


def test_a_fashion_product_asked_for_by_name_is_shown_even_outside_the_wishes(
    fashion_chatrec: ChatRec, fashion_retriever: Retriever
) -> None:
    watch = next(i for i in fashion_retriever.index.items if i.attributes.get("articleType") == "Watches")
    shirt = next(i for i in fashion_retriever.index.items if i.attributes.get("articleType") == "Tshirts")
    session = "fashion"
    fashion_chatrec.respond(f"recommend {shirt.attributes['articleType']} for {shirt.attributes['gender']}",
                            session_id=session)
    reply = fashion_chatrec.respond(f"do you have the {watch.title}?", session_id=session)
    assert reply.recommendations[0].item_id == watch.id
    # Said to be owned: not handed back afterwards.
    reply = fashion_chatrec.respond(f"I already own the {shirt.title}, show me other ones", session_id=session)
    assert shirt.id in _state(fashion_chatrec, session).owned
    assert shirt.id not in [r.item_id for r in reply.recommendations]


def test_the_stated_event_is_the_only_way_ownership_changes() -> None:
    state = DialogueState()
    state.apply(Named(("a", "b"))).apply(Stated(has=("a",), asks=("b",)))
    assert state.owned == ["a"] and state.requested == ["b"]
    again = DialogueState.from_dict(state.to_dict())
    assert again.owned == ["a"] and again.requested == ["b"]
    # A request lasts one message; asking for an owned item does not un-own it.
    state.apply(Stated(asks=("a",)))
    assert state.requested == ["a"] and state.owned == ["a"]
    state.apply(Stated())
    assert state.requested == []


def test_a_customers_own_history_is_not_buried_by_best_sellers(
    fashion_retriever: Retriever, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dataclasses

    import chatrec.turn
    from chatrec.ranking import RetrievalRanker
    from chatrec.sessions import Interaction
    from chatrec.signals import ItemSignals

    items = fashion_retriever.index.items
    watches = [i for i in items if i.attributes.get("articleType") == "Watches"]
    shoes = [i for i in items if i.attributes.get("subCategory") == "Shoes"]
    # The logs: everyone buys shoes (best sellers); nobody logged a watch.
    path = ItemSignals.fit([[a.id, b.id] for a in shoes for b in shoes[:5] if a != b] * 3).save(tmp_path / "s.npz")

    def reply_kinds(session: str, **updates: object) -> list[str]:
        rec = ChatRec(settings.updated(use_llm=False, **updates), retriever=fashion_retriever,
                      ranker=RetrievalRanker())
        try:
            rec.store.add_interactions([Interaction("u1", w.id, "purchase") for w in watches[:2]])
            reply = rec.respond("show me now", session_id=session, user_id="u1")
            return [str(rec.item(r.item_id).attributes.get("articleType")) for r in reply.recommendations]
        finally:
            rec.close()

    without = reply_kinds("without")
    with_signals = reply_kinds("with", signals_path=path)
    assert with_signals == without and with_signals.count("Watches") >= 2
    # Before the fix the best sellers filled the reply of a customer who bought watches.
    made = chatrec.turn.make_query
    monkeypatch.setattr(chatrec.turn, "make_query",
                        lambda *a, **k: dataclasses.replace(made(*a, **k), prior_in_list=True))
    before = reply_kinds("before", signals_path=path)
    assert "Watches" not in before and sum("Shoes" in kind for kind in before) == len(before)


def test_the_popularity_prior_alone_no_longer_enters_the_signals_list(fashion_retriever: Retriever) -> None:
    import dataclasses

    import numpy as np

    from chatrec.query import Query

    index = fashion_retriever.index
    watch = next(i for i in index.items if i.attributes.get("articleType") == "Watches")
    taste = index.embeddings[index.position(watch.id)]
    popularity = np.linspace(1.0, 0.0, len(index), dtype=np.float32)  # the first items sell best
    zero = np.zeros(len(index), dtype=np.float32)
    parts = {"co_mention": zero, "two_hop": zero, "log_text": zero, "popularity": popularity,
             "logged": np.ones(len(index), dtype=np.float32)}
    query = Query("", vector=np.zeros_like(taste), taste=taste, taste_weight=1.0, signal_scores=0.03 * popularity,
                  signal_weight=2.0, signal_parts=parts, exclude_ids=(watch.id,))
    now = fashion_retriever.search(query, 5)
    before = fashion_retriever.search(dataclasses.replace(query, prior_in_list=True), 5)
    assert sum(c.item.attributes.get("articleType") == "Watches" for c in now) >= 3
    # Before the fix, the best sellers took the top places whatever the customer bought.
    best_sellers = {i.id for i in index.items[:10]}
    assert sum(c.item.id in best_sellers for c in before) >= 2
    assert sum(c.item.id in best_sellers for c in now) == 0
