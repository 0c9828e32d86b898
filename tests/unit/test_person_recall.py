"""Going back to one person's search, or to one product type's (stop 42, blind b18-es-son-and-me): "vuelve a lo
de mi hijo, pero en verde" after shirts for the shopper shows the son's T-shirts in green; "back to the dresses"
after "a watch for me, I'm a man" shows the wife's dresses, not dresses for men."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from chatrec.dialogue import DialogueState, Heard, Restored, Undone
from chatrec.person_recall import asked, going_back, persons_named, wishes_for, wishes_with
from chatrec.request import ShopperRequest


@pytest.mark.parametrize(("message", "person", "rest"), [
    ("vuelve a lo de mi hijo, pero en verde", "son", "pero en verde"),
    ("back to my son's stuff", "son", ""),
    ("zurück zu dem für meinen Sohn, aber in grün", "son", "aber in grün"),
    ("回到我儿子的，要绿色的", "son", "要绿色的"),
    ("ok back to the one for my wife but cheaper", "wife", "cheaper"),
    ("y lo mío otra vez", "me", ""),
])
def test_a_message_going_back_to_a_person(message, person, rest) -> None:
    found = asked(message)
    assert found is not None and found.person == person and found.rest == rest, found


@pytest.mark.parametrize("message", ["a t-shirt for my son", "back to the dresses", "is it for my son?",
                                     "my son likes green, show me again", "the blue one for my son, and back to mine"])
def test_no_person_or_no_going_back_in_that_clause(message) -> None:
    assert asked(message) is None


def test_going_back_splits_off_what_changes() -> None:
    found = going_back("back to the watches, but in black")
    assert found is not None and found.head == "back to the watches" and found.rest == "but in black"
    assert going_back("the watches in black") is None


def _turn(role: str, text: str = "", wishes: dict | None = None) -> SimpleNamespace:
    return SimpleNamespace(role=role, text=text, payload={"wishes": wishes} if wishes is not None else {})


def _w(**include) -> dict:
    return {"include": include, "exclude": {}, "min_price": None, "max_price": None}


TURNS = [
    _turn("customer", "busco una camiseta para mi hijo, azul"), _turn("assistant", wishes=_w(category=["Tshirts"], gender=["Boys"], baseColour=["Blue"])),
    _turn("customer", "de manga corta"), _turn("assistant", wishes=_w(category=["Tshirts"], gender=["Boys"], baseColour=["Blue"], sleeve=["Short"])),
    _turn("customer", "y para mí una camisa blanca, soy hombre"), _turn("assistant", wishes=_w(category=["Shirts"], gender=["Men"], baseColour=["White"])),
]


def test_the_wishes_at_the_end_of_the_persons_stretch() -> None:
    assert wishes_for("son", TURNS)["include"]["sleeve"] == ["Short"]  # the last reply before "para mí"
    assert wishes_for("me", TURNS)["include"]["category"] == ["Shirts"]
    assert wishes_for("wife", TURNS) is None
    assert persons_named("one for me and one for my wife") == ["wife", "me"]


def test_the_newest_wishes_holding_a_type() -> None:
    now = {"category": ["Shirts"], "gender": ["Men"], "baseColour": ["White"]}
    assert wishes_with({"Tshirts"}, TURNS, now)["include"]["sleeve"] == ["Short"]
    assert wishes_with({"Shirts"}, TURNS, now) is None  # the wishes in force already
    assert wishes_with({"Handbags"}, TURNS, now) is None


def test_restored_puts_back_the_wishes_and_undo_takes_them_back() -> None:
    state = DialogueState()
    state.apply(Heard(ShopperRequest(intent="recommend", include={"category": ["Shirts"], "gender": ["Men"]})))
    state.apply(Restored(_w(category=["Tshirts"], gender=["Boys"])))
    assert state.include == {"category": ["Tshirts"], "gender": ["Boys"]}
    state.apply(Undone())
    assert state.include == {"category": ["Shirts"], "gender": ["Men"]}


@pytest.mark.parametrize(("messages", "where"), [
    (["busco una camiseta para mi hijo, azul", "y para mí una camisa blanca, soy hombre",
      "vuelve a lo de mi hijo, pero en verde"], {"category": "Tshirts", "baseColour": "Green"}),
    (["a t-shirt for my son, blue", "and for me a white shirt, I'm a man", "back to my son's stuff"],
     {"category": "Tshirts", "baseColour": "Blue"}),
    (["a dress for my wife", "and a watch for me, I'm a man", "back to the dresses"], {"gender": "Women"}),
    (["shirts for men", "something for my wife too, a handbag"], {"category": "Handbags", "gender": "Women"}),
])
def test_in_a_conversation(fashion, messages, where) -> None:
    reply = fashion.respond(messages[0])
    for message in messages[1:]:
        reply = fashion.respond(message, session_id=reply.session_id)
    include = reply.metadata["constraints"]["include"]
    for name, value in where.items():  # the fixture files the type as articleType, the demo as category
        assert include.get(name, include.get("articleType")) == [value], include
    assert reply.recommendations
