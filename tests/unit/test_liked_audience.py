"""More like an item is for the person the item is for (stop 43): "I like the second one" of a women's blue dress
showed girls' dresses when every women's blue dress had been seen; now the request carries "Women"."""

from __future__ import annotations

from chatrec.catalog import Item
from chatrec.liked_audience import with_audience
from chatrec.request import ItemReference, ShopperRequest


class _Index(dict):  # type: ignore[type-arg]
    def get(self, key):  # type: ignore[no-untyped-def, override]
        return self[key]


ITEMS = _Index({
    "w": Item(id="w", title="Tonga Women Printed Blue Dress", attributes={"gender": "Women"}),
    "w2": Item(id="w2", title="French Connection Women Blue Dress", attributes={"gender": "Women"}),
    "g": Item(id="g", title="Doodle Girls Blue Printed Dress", attributes={"gender": "Girls"}),
    "u": Item(id="u", title="Puma Unisex Cap", attributes={"gender": "Unisex"}),
})
FIELDS = ["gender", "subCategory", "baseColour"]


def _more_like(*ids: str) -> ShopperRequest:
    return ShopperRequest(intent="more_like", references=[ItemReference(position=n, item_id=i) for n, i in
                                                          enumerate(ids, start=1)])


def test_more_like_a_womens_dress_carries_women() -> None:
    assert with_audience(_more_like("w"), ITEMS, FIELDS, {}).include == {"gender": ["Women"]}
    assert with_audience(_more_like("w", "w2"), ITEMS, FIELDS, {}).include == {"gender": ["Women"]}


def test_no_audience_when_the_items_differ_are_unisex_or_one_is_in_force() -> None:
    assert with_audience(_more_like("w", "g"), ITEMS, FIELDS, {}).include == {}
    assert with_audience(_more_like("u"), ITEMS, FIELDS, {}).include == {}
    assert with_audience(_more_like("w"), ITEMS, FIELDS, {"gender": ["Girls"]}).include == {}
    assert with_audience(_more_like("w"), ITEMS, ["category"], {}).include == {}
    every = ShopperRequest(intent="more_like", references=[ItemReference(position=1, item_id="w", how="all"),
                                                           ItemReference(position=2, item_id="w2", how="all")])
    assert with_audience(every, ITEMS, FIELDS, {}).include == {}  # "show me more": no item in particular
    refine = ShopperRequest(intent="refine", references=[ItemReference(position=1, item_id="w")])
    assert with_audience(refine, ITEMS, FIELDS, {}).include == {}


def test_a_liked_womens_top_shows_no_girls_tops(fashion_chatrec) -> None:  # type: ignore[no-untyped-def]
    first = fashion_chatrec.respond("show me tops")
    women = [n for n, r in enumerate(first.recommendations, start=1) if "Women" in r.title]
    assert women
    reply = fashion_chatrec.respond(f"more like number {women[0]}", session_id=first.session_id)
    reply = fashion_chatrec.respond("show me more", session_id=first.session_id)
    genders = {str(fashion_chatrec.item(r.item_id).attributes.get("gender")) for r in reply.recommendations}
    assert genders <= {"Women", "Unisex"}, genders
