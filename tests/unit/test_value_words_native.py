"""Stop 44: the usage Sports is said "运动" and "Sport" to the shopper (it was "健身房", a gym, and "Sportsachen"),
and the words shoppers use for it still read as it."""

from __future__ import annotations

import pytest

from chatrec.language import Lexicon


def test_sports_is_said_as_a_shopper_says_it() -> None:
    lexicon = Lexicon.default()
    assert lexicon.native("Sports", "zh") == "运动"
    assert lexicon.native("Sports", "de") == "sport"


@pytest.mark.parametrize(("text", "language"), [("健身房", "zh"), ("运动", "zh"), ("sport", "de"), ("sportsachen", "de")])
def test_the_words_still_read_as_sports(text: str, language: str) -> None:
    assert "sports" in Lexicon.default().translate(text, language)


def test_running_shoes_in_chinese_are_summed_up_as_sports(fashion_chatrec) -> None:
    reply = fashion_chatrec.respond("帮我找一双跑步鞋，男款")
    assert "健身房" not in reply.text
