"""The fusion's embedding-neighbour and year features (issue 14, brief i14d)."""

from __future__ import annotations

import numpy as np
import pytest

from chatrec.catalog import Item
from chatrec.fusion import FEATURES, PoolScores, pool_features
from chatrec.item_neighbours import Neighbours, item_years, neighbour_features

COLUMN = {name: n for n, name in enumerate(FEATURES)}


def _unit(*vector: float) -> np.ndarray:
    v = np.asarray(vector, dtype=np.float32)
    return v / np.linalg.norm(v)


def test_years_come_from_a_year_attribute_or_a_title_like_redials() -> None:
    items = [
        Item(id="1", title="Pari (1995)"),
        Item(id="2", title="Headphones", attributes={"year": 2021}),
        Item(id="3", title="Jacket", attributes={"year": "released 2019"}),
        Item(id="4", title="Room 1408"),  # a number in a title is not a year unless written "(1999)"
    ]
    years = item_years(items)
    assert years[:3].tolist() == [1995.0, 2021.0, 2019.0]
    assert np.isnan(years[3])


def test_the_later_named_item_pulls_its_neighbours_up() -> None:
    # rows 0, 1: named (0 first, 1 last); row 2 is like row 0, row 3 like row 1
    embeddings = np.stack([_unit(1, 0, 0), _unit(0, 1, 0), _unit(1, 0.1, 0), _unit(0.1, 1, 0)])
    years = np.asarray([1980, 2015, 1982, 2016], dtype=np.float32)
    out = neighbour_features(embeddings, years, [0, 1], np.asarray([2, 3]))
    assert out["neighbour_max"][0] == pytest.approx(out["neighbour_max"][1], abs=1e-6)  # each is close to one
    assert out["neighbour_recent"][1] > out["neighbour_recent"][0]  # the last named weighs more
    assert out["neighbour_last"][1] > 0.9 > out["neighbour_last"][0]
    assert out["year"].tolist() == [1982, 2016]
    assert out["year_gap"].tolist() == pytest.approx([abs(1982 - 1997.5), abs(2016 - 1997.5)])


def test_nothing_named_gives_zero_similarity_and_a_missing_gap() -> None:
    out = neighbour_features(np.eye(3, dtype=np.float32), np.asarray([2000, np.nan, 1990], np.float32), [],
                             np.asarray([0, 1]))
    assert out["neighbour_max"].tolist() == [0, 0] and np.isnan(out["year_gap"]).all()
    assert out["year"][0] == 2000 and np.isnan(out["year"][1])


def test_pool_features_carry_the_neighbour_columns() -> None:
    embeddings = np.stack([_unit(1, 0), _unit(0, 1), _unit(1, 0.2)])
    neighbours = Neighbours(embeddings, np.asarray([2001, 1950, 2003], np.float32), named_rows=(0,))
    pool = PoolScores(dense=np.asarray([0.9, 0.1, 0.5], np.float32), lexical=None, signals=None, parts={},
                      fused={1: 0.02, 2: 0.01}, neighbours=neighbours)
    features = pool_features(np.asarray([1, 2]), pool, cap=10)
    assert features[:, COLUMN["neighbour_last"]].tolist() == pytest.approx([0.0, float(embeddings[2] @ embeddings[0])])
    assert features[:, COLUMN["year_gap"]].tolist() == [51, 2]
