"""A refusal said after the item it points at ("the samsung one doesn't convince me", "the LG one isn't really my
style") rejects that shown item, as "el segundo no me convence" rejects the second (stop 41: it was read as
"more like the Samsung one")."""

from __future__ import annotations

import pytest

from tests.demo_reading import read as _read


def _tvs(catalogues) -> tuple[str, ...]:
    items = catalogues["electronics"][1]
    return tuple(i for i, item in items.items() if " tv" in item.title.lower() and "remote" not in item.title.lower())[:40]


@pytest.mark.parametrize(("text", "brand"), [
    ("the samsung one doesn't convince me", "samsung"), ("the LG one isn't really my style", "lg"),
    ("the mi one doesn't do it for me", "mi"), ("the samsung one is not my thing", "samsung"),
    ("the LG one doesnt really appeal to me", "lg"),
])
def test_a_refusal_after_a_pointed_item_rejects_it(catalogues, text, brand) -> None:
    items = catalogues["electronics"][1]
    tvs = _tvs(catalogues)
    shown = tuple(dict.fromkeys([next(i for i in tvs if items[i].brand.lower() == b) for b in ("mi", "lg", "samsung")]))
    heard = _read(catalogues, "electronics", text, shown, current={"category": ["SmartTelevisions"]})
    assert heard.intent == "reject", heard
    assert [items[r.item_id].brand.lower() for r in heard.references] == [brand], heard


def test_liking_the_pointed_item_stays_more_like(catalogues) -> None:
    items = catalogues["electronics"][1]
    tvs = _tvs(catalogues)
    shown = tuple(dict.fromkeys([next(i for i in tvs if items[i].brand.lower() == b) for b in ("mi", "samsung")]))
    heard = _read(catalogues, "electronics", "i like the samsung one, more like it", shown,
                  current={"category": ["SmartTelevisions"]})
    assert heard.intent == "more_like", heard
