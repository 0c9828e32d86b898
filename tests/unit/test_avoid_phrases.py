"""The words to avoid as the reply names them (stop 39: chatrec.avoid_words.phrases): a name of two words
is one name ("sin Peter England", not "sin peter, sin england"), as the shopper wrote it."""

from __future__ import annotations

from chatrec.avoid_words import phrases


def test_words_said_side_by_side_are_one_name_as_written() -> None:
    assert phrases(["peter", "england"], "no me gustan las de Peter England") == [("Peter England", True)]


def test_words_said_apart_stay_apart() -> None:
    assert phrases(["skinny", "adidas"], "no adidas, not skinny") == [("skinny", True), ("adidas", True)]


def test_words_of_an_earlier_message_are_not_said_now() -> None:
    assert phrases(["peter", "england"], "¿hay otras en azul?") == [("peter", False), ("england", False)]


def test_chinese_words_are_found_inside_a_sentence() -> None:
    assert phrases(["太贵"], "不要太贵的") == [("太贵", True)]


def test_a_word_inside_another_word_is_not_said() -> None:
    assert phrases(["red"], "a bordered shirt") == [("red", False)]


def test_a_name_said_in_an_earlier_message_stays_one_name() -> None:
    said = phrases(["peter", "england"], "something in pastel colours?", ["men shirts", "die von Peter England mag ich nicht"])
    assert said == [("Peter England", False)]
