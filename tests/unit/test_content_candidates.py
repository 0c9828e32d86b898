"""Content features that need no log data on the item (issue 14, brief i14h)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from chatrec.catalog import Item
from chatrec.catalogue_taste import CatalogueTaste
from chatrec.content_candidates import CONTENT_CANDIDATE_FEATURES, ContentCandidates
from chatrec.errors import InputError
from chatrec.fusion import FEATURES, LearnedFusion, PoolScores, pool_features

COLUMN = {name: n for n, name in enumerate(FEATURES)}
WORDS = {"genre": {"horror": ["horror", "scary"], "comedy": ["comedy", "funny"], "drama": ["drama"]}}


def _film(item_id: str, title: str, genres: tuple[str, ...], director: str, stars: tuple[str, ...]) -> Item:
    return Item(id=item_id, title=title, attributes={"genre": genres, "director": (director,), "star": stars})


FILMS = [
    _film("1", "Big (1988)", ("comedy", "drama"), "Penny Marshall", ("Tom Hanks",)),
    _film("2", "A League of Their Own (1992)", ("comedy", "drama"), "Penny Marshall", ("Geena Davis",)),
    _film("3", "Splash (1984)", ("comedy",), "Ron Howard", ("Tom Hanks",)),
    _film("4", "Halloween (1978)", ("horror",), "John Carpenter", ("Jamie Lee Curtis",)),
    _film("5", "Get Out (2017)", ("horror",), "Jordan Peele", ("Daniel Kaluuya",)),
    _film("6", "It (2017)", ("horror",), "Andy Muschietti", ("Bill Skarsgard",)),
    _film("7", "Lady Bird (2017)", ("comedy", "drama"), "Greta Gerwig", ("Saoirse Ronan",)),
]


@pytest.fixture(scope="module")
def candidates() -> ContentCandidates:
    return ContentCandidates(FILMS, WORDS)


def test_a_film_by_the_same_director_is_closer_than_one_of_the_same_genre_alone(candidates: ContentCandidates) -> None:
    parts = candidates.parts(["1"], "")
    # "A League of Their Own" shares Big's director and genres; "Lady Bird" its genres only
    assert parts["meta"][1] > parts["meta"][6] > 0
    assert parts["meta_people"][2] > 0  # Splash shares Big's star
    assert parts["meta"][3] == 0  # a horror film by nobody Big shares is no neighbour
    assert parts["meta"][0] == 0  # the named film is no candidate for itself


def test_a_star_or_kind_the_words_name_marks_the_films_that_have_it(candidates: ContentCandidates) -> None:
    parts = candidates.parts([], "something scary with Tom Hanks maybe")
    assert parts["people_asked"].tolist() == [1, 0, 1, 0, 0, 0, 0]
    assert parts["kind_fit"][3] > 0 and parts["kind_fit"][4] > 0 and parts["kind_fit"][0] == 0
    # one word of a name in passing is not the name
    assert not candidates.parts([], "tom said it was good")["people_asked"].any()


def test_a_film_the_logs_never_named_gets_its_eras_popularity(candidates: ContentCandidates) -> None:
    # The logs named only the 2017 films Get Out and It; Lady Bird (2017) was never named.
    popularity = np.asarray([0, 0, 0, 0, 1.0, 0.8, 0], dtype=np.float32)
    prior = candidates.year_prior(popularity)
    assert prior[6] == pytest.approx(1.0)  # its year is the most popular one
    assert prior[6] > prior[0] == 0.0  # 1988: no film of those years was named
    parts = candidates.parts([], "a funny movie", popularity)
    assert parts["kind_year"][6] > parts["kind_year"][0] == 0.0
    assert not candidates.parts([], "a funny movie")["year_prior"].any()  # no logs: no prior, not a guess


def test_the_features_reach_the_learned_fusion_through_the_query() -> None:
    from chatrec.query import make_query
    from chatrec.settings import Settings

    class _Index:
        items = FILMS
        embeddings = np.eye(len(FILMS), dtype=np.float32)

        def __contains__(self, item_id: object) -> bool:
            return any(item.id == item_id for item in FILMS)

        def position(self, item_id: str) -> int:
            return [item.id for item in FILMS].index(item_id)

    catalogue = CatalogueTaste(FILMS, WORDS)
    query = make_query("a scary one", index=_Index(), settings=Settings(), named_ids=["1"],  # type: ignore[arg-type]
                       catalogue=catalogue)
    assert query.signal_parts is not None
    rows = np.arange(len(FILMS))
    scores = PoolScores(dense=np.zeros(len(FILMS), np.float32), lexical=None, signals=None,
                        parts=query.signal_parts, fused={})
    features = pool_features(rows, scores, 300)
    assert features.shape == (len(FILMS), len(FEATURES))
    assert features[1, COLUMN["meta"]] > 0 and features[3, COLUMN["kind_fit"]] > 0
    assert set(CONTENT_CANDIDATE_FEATURES) <= set(FEATURES)


def test_a_fusion_file_of_the_previous_format_names_the_refit(tmp_path) -> None:  # type: ignore[no-untyped-def]
    old = [name for name in FEATURES if name not in CONTENT_CANDIDATE_FEATURES]
    path = tmp_path / "fusion.json"
    path.write_text(json.dumps({"format": "chatrec-fusion", "version": 5, "features": old, "depth": 300, "model": ""}))
    with pytest.raises(InputError, match="fit it again"):
        LearnedFusion.load(path)
