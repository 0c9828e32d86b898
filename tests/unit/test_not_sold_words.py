"""The words of a thing the shop does not sell are no feature of what is shown instead (stop 40's UI check on the
electronics demo: "I need a hair dryer", then a click on wet-dry vacuums, gave a vacuum the reason "with hair, as
its description says — the feature you asked for")."""

from __future__ import annotations

from chatrec.catalog import Item
from chatrec.dialogue import DialogueState, NotSold
from chatrec.grounding import Request, facts_for

VACUUM = Item(id="v", title="Eureka Forbes Wet & Dry Ultimate Vacuum Cleaner", category="WetDryVacuums", price=5999.0,
              description="Powerful suction picks up pet hair, dust and spills from every floor.")
TRIMMER = Item(id="t", title="Philips Hair Trimmer for men", category="HairTrimmers", price=1299.0,
               description="Trims beard and hair evenly.")


def _features(item: Item, turns: list[tuple[str, str]], state: DialogueState) -> list[str]:
    request = Request.from_turns(turns, state)
    return [f.value.lower() for f in facts_for(item, request) if f.kind == "feature"]


def _state(*things: str) -> DialogueState:
    state = DialogueState()
    for thing in things:
        state.apply(NotSold(thing))
    return state


def test_a_thing_not_sold_credits_no_feature_after() -> None:
    turns = [("customer", "I need a hair dryer"), ("assistant", "This shop sells no hair dryer."),
             ("customer", "Wet-Dry vacuums")]
    assert "hair" in _features(VACUUM, turns, DialogueState())  # what the reason said before
    assert "hair" not in _features(VACUUM, turns, _state("hair dryer"))


def test_the_word_asked_again_of_another_thing_is_a_wish_again() -> None:
    turns = [("customer", "I need a hair dryer"), ("assistant", "This shop sells no hair dryer."),
             ("customer", "a hair trimmer then")]
    assert Request.from_turns(turns, _state("hair dryer")).not_wished == ("dryer",)


def test_the_message_asking_for_the_thing_keeps_all_its_words_out() -> None:
    turns = [("customer", "I need a hair dryer")]
    assert set(Request.from_turns(turns, _state("hair dryer")).not_wished) == {"hair", "dryer"}


def test_the_state_keeps_things_not_sold_until_the_shopper_starts_over() -> None:
    state = _state("hair dryer", "hair dryer", "mattress")
    assert state.not_sold == ["hair dryer", "mattress"]
    assert DialogueState.from_dict(state.to_dict()).not_sold == ["hair dryer", "mattress"]


def test_the_make_of_an_item_turned_down_is_no_brand_asked_for() -> None:
    """Stop 41, UI: after "the samsung one doesn't convince me" the next Samsung TV's reason said "the type, brand and
    budget you asked for"."""
    tv = Item(id="s2", title="Samsung 80 cm (32 Inches) Wondertainment Series HD Ready LED Smart TV", category="SmartTelevisions",
              brand="Samsung", price=13490.0)
    turns = [("customer", "a smart tv under 30000"), ("assistant", "Here are 5 suggestions."),
             ("customer", "the samsung one doesn't convince me")]
    state = DialogueState(include={"category": ["SmartTelevisions"]}, max_price=30000.0)
    before = facts_for(tv, Request.from_turns(turns, state))
    after = facts_for(tv, Request.from_turns(turns, state, turned_down=["Samsung"]))
    assert any(f.kind == "brand" and f.matched for f in before)
    assert not any(f.kind == "brand" and f.matched for f in after)
    wished = DialogueState(include={"category": ["SmartTelevisions"], "brand": ["Samsung"]})
    assert Request.from_turns(turns, wished, turned_down=["Samsung"]).not_wished == ()
