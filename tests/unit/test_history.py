"""Importing interactions and building customer profiles from a few of them."""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from chatrec.catalog import Item
from chatrec.errors import InputError
from chatrec.history import build_profile, import_interactions
from chatrec.sessions import SessionStore

DEMO = Path(__file__).parents[2] / "chatrec" / "demo"


class _Index:
    """The part of CatalogIndex a profile needs."""

    def __init__(self, items: list[Item], embeddings: np.ndarray) -> None:
        self.items = items
        self.embeddings = embeddings
        self._pos = {item.id: n for n, item in enumerate(items)}

    def __contains__(self, item_id: object) -> bool:
        return item_id in self._pos

    def position(self, item_id: str) -> int:
        return self._pos[item_id]

    def get(self, item_id: str) -> Item:
        return self.items[self._pos[item_id]]


@pytest.fixture
def index() -> _Index:
    items = [
        Item(id="a", title="Blue Shirt", price=20.0, attributes={"baseColour": "Blue"}),
        Item(id="b", title="Navy Shirt", price=30.0, attributes={"baseColour": "Blue"}),
        Item(id="c", title="Red Dress", price=80.0, attributes={"baseColour": "Red"}),
    ]
    vectors = np.array([[1, 0, 0], [0.8, 0.6, 0], [0, 0, 1]], dtype=np.float32)
    return _Index(items, vectors)


def test_import_reports_bad_rows_with_line_numbers(tmp_path: Path, index: _Index) -> None:
    path = tmp_path / "events.csv"
    path.write_text(
        "user_id,item_id,event,rating,timestamp\n"
        "u1,a,purchase,,2024-01-02T10:00:00\n"
        ",a,view,,\n"
        "u1,zzz,view,,\n"
        "u2,b,teleport,,\n"
        "u2,c,rating,11,\n"
        "u2,b,rating,5,1700000000\n"
        "u3,a,view,,\nu3,b,view,,\nu3,c,view,,\n"
    )
    with SessionStore(tmp_path / "s.db") as store:
        report = import_interactions(path, store, known_items=index)
        assert report.imported == 5 and report.users == 3
        assert [row.line for row in report.bad_rows] == [3, 4, 5, 6]
        assert "user_id" in report.bad_rows[0].reason
        assert "not in the catalogue" in report.bad_rows[1].reason
        assert "teleport" in report.bad_rows[2].reason
        assert store.interactions("u2")[0].rating == 5.0


def test_import_reads_jsonl_and_rejects_files_without_the_columns(tmp_path: Path) -> None:
    good = tmp_path / "e.jsonl"
    good.write_text(json.dumps({"user_id": "u1", "item_id": "a", "event": "like"}) + "\nnot json\n"
                    + json.dumps({"user_id": "u1", "item_id": "b"}) + "\n")
    bad = tmp_path / "e.csv"
    bad.write_text("customer,product\nu1,a\n")
    with SessionStore(tmp_path / "s.db") as store:
        report = import_interactions(good, store)
        assert report.imported == 2 and [r.line for r in report.bad_rows] == [2]
        assert [i.event for i in store.interactions("u1")] == ["like", "purchase"]
        with pytest.raises(InputError, match="user_id"):
            import_interactions(bad, store)


def test_profile_from_a_few_interactions(tmp_path: Path, index: _Index) -> None:
    with SessionStore(tmp_path / "s.db") as store:
        sid = store.create_session(user_id="u1")
        store.add_feedback(sid, "a", "liked")
        store.add_feedback(sid, "b", "clicked")
        store.add_feedback(sid, "c", "rejected")
        profile = build_profile("u1", store, index)
        unknown = build_profile("nobody", store, index)
    assert profile.positives == ["b", "a"] and profile.negatives == ["c"]
    assert profile.vector is not None
    assert float(profile.vector @ index.embeddings[0]) > float(profile.vector @ index.embeddings[2])
    assert profile.preferred["baseColour"] == ["Blue"]
    assert profile.price_band == (10.0, 45.0)
    assert set(profile.titles) == {"Blue Shirt", "Navy Shirt"}
    assert unknown.is_empty and unknown.vector is None


def test_demo_histories_are_sparse_and_name_demo_items() -> None:
    with (DEMO / "electronics.csv").open(encoding="utf-8") as handle:
        ids = {row["product_id"] for row in csv.DictReader(handle)}
    with (DEMO / "electronics_histories.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and all(row["item_id"] in ids for row in rows)
    per_user = Counter(row["user_id"] for row in rows)
    assert max(per_user.values()) <= 5 and sum(1 for n in per_user.values() if n >= 2) >= 50
