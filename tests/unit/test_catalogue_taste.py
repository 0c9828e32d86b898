"""Catalogue taste: content neighbours of the named items and attribute words, and their list in retrieval."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from fakes import HashingEmbedder

from chatrec.catalog import Item, load_catalog
from chatrec.catalogue_taste import CatalogueTaste, load_attribute_words
from chatrec.errors import ConfigError
from chatrec.index import build_index
from chatrec.query import make_query
from chatrec.retrieval import Query, Retriever
from chatrec.settings import Settings


def _movie(item_id: str, genre: tuple[str, ...], director: str, stars: tuple[str, ...]) -> Item:
    return Item(id=item_id, title=f"Film {item_id}", attributes={"genre": genre, "director": (director,), "star": stars})


MOVIES = [
    _movie("named", ("horror",), "John Carpenter", ("Kurt Russell", "Jamie Lee Curtis")),
    _movie("same-director", ("horror", "sci-fi"), "John Carpenter", ("Kurt Russell", "Keith David")),
    _movie("same-genre", ("horror",), "Wes Craven", ("Neve Campbell", "Courteney Cox")),
    _movie("comedy", ("comedy",), "Nora Ephron", ("Tom Hanks", "Meg Ryan")),
    _movie("war-drama", ("war", "drama"), "Sam Mendes", ("George MacKay", "Dean-Charles Chapman")),
    _movie("other-comedy", ("comedy", "romance"), "Rob Reiner", ("Billy Crystal", "Meg Ryan")),
]


def test_content_neighbours_rank_shared_people_above_a_shared_genre() -> None:
    taste = CatalogueTaste(MOVIES)
    content = dict(zip(taste.ids, taste.content(["named"]).tolist(), strict=True))
    assert content["named"] == 0.0  # a named item is not its own recommendation
    assert content["same-director"] == 1.0
    assert content["same-director"] > content["same-genre"] > content["comedy"] == 0.0


def test_later_named_items_weigh_more() -> None:
    taste = CatalogueTaste(MOVIES)
    content = dict(zip(taste.ids, taste.content(["named", "comedy"]).tolist(), strict=True))
    assert content["other-comedy"] > content["same-director"]


def test_attribute_words_read_listed_words_and_names_not_passing_words() -> None:
    taste = CatalogueTaste(MOVIES)
    scary = dict(zip(taste.ids, taste.attribute_words("something scary please").tolist(), strict=True))
    assert scary["named"] == scary["same-genre"] == 1.0 and scary["comedy"] == 0.0
    hanks = dict(zip(taste.ids, taste.attribute_words("a funny one with Tom Hanks").tolist(), strict=True))
    assert hanks["comedy"] == 2.0 and hanks["other-comedy"] == 1.0 and hanks["named"] == 0.0
    # "Ryan" alone is not a name; "drama" is not listed for words below as a genre word
    unlisted = CatalogueTaste(MOVIES, words={})
    assert not unlisted.attribute_words("Ryan said it was a drama").any()


def test_list_scores_need_evidence_and_order_ties_by_the_prior() -> None:
    taste = CatalogueTaste(MOVIES)
    assert CatalogueTaste.list_scores(taste.parts([], "hello there"), np.ones(len(MOVIES))) is None
    prior = np.asarray([0.0, 0.0, 0.0, 0.2, 0.0, 0.9], dtype=np.float32)
    scores = CatalogueTaste.list_scores(taste.parts([], "a romantic comedy"), prior)
    assert scores is not None
    order = [taste.ids[row] for row in np.argsort(-scores) if scores[row] > 0]
    assert order == ["other-comedy", "comedy"]  # two values named beat one; items without evidence stay out


def test_a_broken_word_list_names_the_problem() -> None:
    with pytest.raises(ConfigError, match="not JSON"):
        load_attribute_words("{broken")
    with pytest.raises(ConfigError, match="'genre'"):
        load_attribute_words('{"genre": {"horror": "scary"}}')
    assert "scary" in load_attribute_words()["genre"]["horror"]


@pytest.fixture
def retriever(fixtures_dir: Path, settings: Settings, fake_embedder: HashingEmbedder) -> Retriever:
    index_dir = settings.cache_dir / "indexes" / "slice"
    build_index(fixtures_dir / "redial_movies.json", settings, embedder=fake_embedder, index_dir=index_dir)
    return Retriever.open(settings, index_dir=index_dir, embedder=fake_embedder)


def test_the_catalogue_taste_list_brings_neighbours_into_the_search_without_any_logs(
    retriever: Retriever, settings: Settings, fixtures_dir: Path
) -> None:
    items = retriever.index.items
    taste = CatalogueTaste(items)
    by_title = {item.title: item.id for item in load_catalog(fixtures_dir / "redial_movies.json").items}
    named = [by_title["Manhunter (1986)"]]  # Michael Mann: The Insider and Miami Vice share the director
    asked = make_query("hi", index=retriever.index, settings=settings, named_ids=named, catalogue=taste,
                       exclude_ids=named)
    assert asked.content_scores is not None and asked.signal_parts is not None
    n = len(items)
    found = [c.item.title for c in retriever.search(asked, k=n)]
    without = [c.item.title for c in retriever.search(
        make_query("hi", index=retriever.index, settings=settings.updated(content_weight=0.0), named_ids=named,
                   catalogue=taste, exclude_ids=named), k=n)]
    assert "Manhunter (1986)" not in found
    for neighbour in ("The Insider (1999)", "Miami Vice (2006)"):
        assert found.index(neighbour) < 10
        assert found.index(neighbour) < without.index(neighbour)


def test_content_scores_of_the_wrong_size_are_refused(retriever: Retriever) -> None:
    from chatrec.errors import InputError

    with pytest.raises(InputError, match="content scores"):
        retriever.search(Query("hi", content_scores=np.ones(3, dtype=np.float32)), k=3)


def test_chatrec_recommends_the_named_films_content_neighbours(retriever: Retriever, settings: Settings) -> None:
    """The shopper's turn reads the catalogue taste: "I loved Manhunter" brings Michael Mann's other films."""
    from chatrec import ChatRec

    def titles(weight: float) -> list[str]:
        rec = ChatRec(settings.updated(use_llm=False, content_weight=weight), retriever=retriever)
        try:
            reply = rec.respond("I loved Manhunter, recommend me something, show me now", session_id="s")
            return [r.title for r in reply.recommendations]
        finally:
            rec.close()

    shown = titles(1.0)
    assert "Manhunter (1986)" not in shown
    assert {"The Insider (1999)", "Miami Vice (2006)"} & set(shown)
    assert not {"The Insider (1999)", "Miami Vice (2006)"} & set(titles(0.0))
