"""Stop 44: a size asked of shown clothes whose catalogue lists none is answered with where the sizes are, in
the shopper's language ("The catalogue data for these 5 items does not say anything about “xl”" was true but no
help); items that state a size are answered from their data as before."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from chatrec.clothing_sizes import asked_size, unlisted


@pytest.mark.parametrize(("question", "size"), [
    ("do you have it in XL?", "XL"), ("an xl please", "XL"), ("size 4", "size 4"), ("is it available in size M", "size M"),
    ("有XL码吗", "XL码"), ("第二个有大码吗", "大码"), ("¿hay talla M?", "talla M"), ("gibt es die in Größe 40?", "Größe 40"),
])
def test_a_size_is_read_as_written(question: str, size: str) -> None:
    assert asked_size(question) == size


@pytest.mark.parametrize("question", ["is it waterproof?", "what size is the screen?", "is the 43 inch one smart?",
                                      "I like the second one"])
def test_no_size_is_no_size(question: str) -> None:
    assert not asked_size(question)


WORDING = {"no_sizes_one": "none for {title}: {asked}", "no_sizes_many": "none for these: {asked}"}
SHIRT = SimpleNamespace(title="Arrow Men Blue Shirt", attributes={"gender": "Men"})
TV = SimpleNamespace(title="LG 80 cm (32 inches) HD Ready Smart LED TV", attributes={})


def test_items_with_no_size_say_where_the_sizes_are() -> None:
    assert unlisted("in XL?", [SHIRT], WORDING, lambda i: i.title) == "none for Arrow Men Blue Shirt: XL"
    assert unlisted("in XL?", [SHIRT, SHIRT], WORDING, lambda i: i.title) == "none for these: XL"


def test_items_that_state_a_size_are_answered_from_their_data() -> None:
    sized = SimpleNamespace(title="Nike Shoe", attributes={"size": "UK 8"})
    assert unlisted("size 9?", [sized], WORDING, lambda i: i.title) is None
    assert unlisted("size 43?", [TV], WORDING, lambda i: i.title) is None


def test_a_size_asked_in_the_ui_flow(fashion_chatrec) -> None:
    sid = fashion_chatrec.respond("men's shirts").session_id
    reply = fashion_chatrec.respond("do you have the second one in XL?", session_id=sid)
    assert "lists no sizes" in reply.text and "XL" in reply.text and "page" in reply.text
    assert not reply.recommendations


def test_a_size_asked_in_chinese_is_answered_in_chinese(fashion_chatrec) -> None:
    sid = fashion_chatrec.respond("给我看看男士衬衫").session_id
    reply = fashion_chatrec.respond("第二个有XL码吗", session_id=sid)
    assert "没有列出" in reply.text and "尺码" in reply.text
