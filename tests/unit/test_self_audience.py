"""A shopper who calls themselves a girl or a boy shops for women's or men's items (stop 42): "i need smth nice for
a party, im a girl" showed girls' dresses; "for a girl", "my little girl" stay a child's. And a brand read as a
wish leaves no "thing not carried" behind ("any from nike?" said "I found nothing called “from”")."""

from __future__ import annotations

import pytest

from chatrec.not_carried import not_carried
from chatrec.wish_classes19 import self_audience


@pytest.mark.parametrize(("message", "said"), [
    ("i need smth nice for a party, im a girl", "i need smth nice for a party, I'm a woman"),
    ("I am a boy, need shoes", "I'm a man, need shoes"),
    ("soy chica, busco un vestido", "soy mujer, busco un vestido"),
    ("ich bin ein Mädchen und suche ein Kleid", "ich bin eine Frau und suche ein Kleid"),
])
def test_the_shopper_described_as_a_girl_or_boy(message, said) -> None:
    assert self_audience(message) == said


@pytest.mark.parametrize("message", ["a dress for a girl", "dress for my little girl", "I'm a girl's mom",
                                     "shoes for a boy of 8"])
def test_a_child_stays_a_child(message) -> None:
    assert self_audience(message) == message


@pytest.mark.parametrize(("message", "gender"), [("i need smth nice for a party, im a girl", "Women"),
                                                 ("soy chica, busco un vestido", "Women"),
                                                 ("a dress for a girl", "Girls")])
def test_in_a_conversation(fashion, message, gender) -> None:
    assert fashion.respond(message).metadata["constraints"]["include"]["gender"] == [gender]


@pytest.mark.parametrize("message", ["any from?", "anything by?", "any with"])
def test_function_words_name_no_thing(message) -> None:
    assert not_carried(message, {"nike"}) is None


def test_any_from_a_brand(fashion) -> None:
    first = fashion.respond("white sneakers for men")
    reply = fashion.respond("any from nike?", session_id=first.session_id)
    assert "nothing called" not in reply.text, reply.text
