"""Stop 44: "how many people rated the first one?" is answered with its rating count (it said the data "does not
say anything about “many people rated”" while listing the count), and a count the data groups the Indian way
("4,26,973") is said in thousands ("426,973")."""

from __future__ import annotations

import re

import pytest

from chatrec.answers import _english_fields
from chatrec.catalog import Item


@pytest.mark.parametrize("question", ["how many people rated the first one?", "how many reviews does the first have?",
                                      "第一个有多少人评价", "¿cuántas valoraciones tiene el primero?"])
def test_how_many_rated_is_the_rating_count(electronics_chatrec, question: str) -> None:
    shown = electronics_chatrec.respond("show me usb cables from boAt")
    assert shown.recommendations
    count = shown.recommendations[0].attributes.get("rating_count")
    reply = electronics_chatrec.respond(question, session_id=shown.session_id)
    assert "does not say" not in reply.text and "没有提到" not in reply.text and "no dicen" not in reply.text
    assert re.sub(r"\D", "", str(count)) in re.sub(r"\D", "", reply.text), (count, reply.text)


def test_an_indian_grouped_count_is_said_in_thousands() -> None:
    item = Item(id="1", title="A cable", attributes={"rating_count": "4,26,973", "rating": "4.4"})
    assert ("rating count", "426,973") in _english_fields(item)
