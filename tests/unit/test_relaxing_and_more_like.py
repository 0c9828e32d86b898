"""Leaving a wish out when nothing fits (the product type goes last, the reply says why), and "more like this"."""

from __future__ import annotations

from chatrec import ChatRec
from chatrec.dialogue import Wishes
from chatrec.query import relax


def test_the_product_type_is_the_last_wish_given_up() -> None:
    wishes = Wishes(include={"subCategory": ["Shoes"], "gender": ["Men"], "baseColour": ["Blue"]})
    fits = lambda w: "subCategory" in w.include and "baseColour" not in w.include and "gender" not in w.include  # noqa: E731
    kept, relaxed = relax(wishes, fits, label=lambda w: "price")
    assert kept.include == {"subCategory": ["Shoes"]}
    assert relaxed == ["Blue", "Men"]


def test_whom_it_is_for_is_given_up_after_a_colour_or_use() -> None:
    wishes = Wishes(include={"articleType": ["Sandals"], "gender": ["Girls"], "baseColour": ["Pink", "Purple"],
                             "usage": ["Casual"]})
    fits = lambda w: "baseColour" not in w.include or "gender" not in w.include  # noqa: E731
    kept, relaxed = relax(wishes, fits, label=lambda w: "price")
    assert kept.include == {"articleType": ["Sandals"], "gender": ["Girls"], "usage": ["Casual"]}
    assert relaxed == ["Pink, Purple"]


def test_a_budget_goes_before_any_attribute() -> None:
    wishes = Wishes(include={"subCategory": ["Shoes"]}, max_price=5.0)
    kept, relaxed = relax(wishes, lambda w: w.max_price is None, label=lambda w: "under 5")
    assert kept.include == {"subCategory": ["Shoes"]} and kept.max_price is None
    assert relaxed == ["under 5"]


def test_having_seen_every_match_is_said_and_the_type_kept(fashion_chatrec: ChatRec) -> None:
    first = fashion_chatrec.respond("blue shoes for women", session_id="seen-all")
    shown = {r.item_id for r in first.recommendations}
    assert shown and all(fashion_chatrec.item(i).attributes["subCategory"] == "Shoes" for i in shown)
    more = fashion_chatrec.respond("show me more", session_id="seen-all")
    assert more.recommendations
    assert not shown & {r.item_id for r in more.recommendations}
    assert all(fashion_chatrec.item(r.item_id).attributes["subCategory"] == "Shoes" for r in more.recommendations)
    assert more.metadata["all_shown"] is True
    assert "You have seen every item that fits all your wishes" in more.text


def test_more_like_an_item_brings_its_kind_first(fashion_retriever) -> None:  # type: ignore[no-untyped-def]
    from chatrec.retrieval import Candidate
    from chatrec.turn import like_anchors
    from chatrec.understanding import ValueMatcher

    tees = [i for i in fashion_retriever.index.items if i.attributes.get("articleType") == "Tshirts"]
    girls = [i for i in tees if i.attributes["gender"] == "Girls"]
    women = [i for i in tees if i.attributes["gender"] == "Women"]
    candidates = [Candidate(item, 1.0) for item in [*girls, *women[1:]]]
    ordered = like_anchors(candidates, [women[0]], ValueMatcher.from_items(fashion_retriever.index.items))
    assert [c.item.attributes["gender"] for c in ordered[: len(women) - 1]] == ["Women"] * (len(women) - 1)
    assert sorted(c.item.id for c in ordered) == sorted(c.item.id for c in candidates), "nothing dropped"


def test_one_product_under_two_ids_is_not_suggested_twice(fashion_retriever) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from chatrec.retrieval import Candidate
    from chatrec.turn import without_repeats

    first, second, third = fashion_retriever.index.items[:3]
    twin = replace(second, id="twin-of-" + second.id)
    candidates = [Candidate(item, 1.0) for item in (second, twin, third)]
    assert [c.item.id for c in without_repeats(candidates, [])] == [second.id, third.id]
    assert [c.item.id for c in without_repeats(candidates, [second.title.upper()])] == [third.id]
    assert [c.item.id for c in without_repeats(candidates, [first.title])] == [second.id, third.id]


def test_a_wish_nothing_meets_is_left_out_alone_not_after_every_older_wish() -> None:
    """"A summer party dress" (none), then "in red" (no red dresses at all): leave out summer and
    red, keep the party dress, rather than giving up every wish one at a time from the oldest."""
    wishes = Wishes(include={"season": ["Summer"], "usage": ["Party"], "baseColour": ["Red"], "articleType": ["Dresses"]})
    fits = lambda w: "baseColour" not in w.include and not {"season", "usage"} <= set(w.include)  # noqa: E731
    kept, relaxed = relax(wishes, fits, label=lambda w: "price")
    assert kept.include == {"usage": ["Party"], "articleType": ["Dresses"]}
    assert relaxed == ["Summer", "Red"]


def test_a_budget_no_item_meets_goes_alone_and_the_colour_stays() -> None:
    wishes = Wishes(include={"baseColour": ["Black"], "category": ["Mice"]}, max_price=10.0)
    fits = lambda w: w.max_price is None  # noqa: E731
    kept, relaxed = relax(wishes, fits, label=lambda w: "under 10")
    assert kept.include == {"baseColour": ["Black"], "category": ["Mice"]} and kept.max_price is None
    assert relaxed == ["under 10"]


def test_many_wishes_still_end_with_the_type_kept() -> None:
    """Past the tries limit the wishes go one at a time, as before: the type is still the last."""
    include = {f"f{i}": [f"v{i}"] for i in range(12)} | {"articleType": ["Shirts"]}
    kept, relaxed = relax(Wishes(include=include), lambda w: len(w.include) <= 1, label=lambda w: "price")
    assert kept.include == {"articleType": ["Shirts"]} and len(relaxed) == 12

