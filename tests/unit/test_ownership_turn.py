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
