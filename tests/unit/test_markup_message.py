"""Stop 45: HTML in a message is no part of what the shopper asks. "<script>alert(1)</script> shoes" was read as
off topic; the tags are taken out and the words answered. A message that is only markup is answered as it is."""

from __future__ import annotations

import pytest

from chatrec.recommender import _without_markup


@pytest.mark.parametrize(("text", "bare"), [
    ("<script>alert(1)</script> shoes", "shoes"),
    ("<b>red</b> dress", "red dress"),
    ("<p onclick='x()'>black watch</p>", "black watch"),
    ("<style>p{color:red}</style>jeans", "jeans"),
    ("size <40 shoes", "size <40 shoes"),  # no tag
    ("i <3 these", "i <3 these"),
    ("a < b > c", "a < b > c"),
    ("<img src=x onerror=alert(1)>", "<img src=x onerror=alert(1)>"),  # only markup: kept
])
def test_tags_are_taken_out(text: str, bare: str) -> None:
    assert _without_markup(text) == bare


def test_a_message_with_a_script_gets_the_items_asked(fashion_chatrec) -> None:
    reply = fashion_chatrec.respond("<script>alert(1)</script> black watches")
    assert reply.metadata["understood"]["intent"] == "recommend"
    assert "<script>" not in reply.text
    assert all("Watch" in r.title for r in reply.recommendations)


def test_a_message_of_markup_only_gets_a_reply_not_an_error(fashion_chatrec) -> None:
    reply = fashion_chatrec.respond("<img src=x onerror=alert(1)>")
    assert reply.text and not reply.recommendations
