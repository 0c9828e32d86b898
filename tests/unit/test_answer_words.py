"""An answer quotes what was asked in the shopper's own words, a phrase or a German compound, never the
English words the rules read it as (issue 12, lead, stop 38: answers._said, gaps_round12.word_in_question)."""

from __future__ import annotations

import pytest

from chatrec.answers import _said, _wording


@pytest.mark.parametrize(("language", "asked", "question", "expected"), [
    ("es", ["long", "sleeve"], "¿la tercera es de manga larga?", "manga larga"),
    ("es", ["short", "sleeve"], "¿y la primera, manga corta?", "manga corta"),
    ("zh", ["long", "sleeve"], "第一件是长袖吗", "长袖"),
    ("de", ["long", "sleeve", "elig"], "ist das erste langärmelig?", "langärmelig"),
    ("de", ["brust", "handbags"], "hat das zweite eine Brusttasche?", "Brusttasche"),
])
def test_the_asked_words_are_the_shoppers(language, asked, question, expected) -> None:
    assert _said(asked, question, {**_wording(language), "_language": language}) == expected


def test_english_is_quoted_as_asked() -> None:
    assert _said(["long", "sleeve"], "is the first one long sleeve?", _wording("en")) == "long sleeve"


@pytest.mark.parametrize(("language", "asked", "question", "expected"), [
    ("de", ["sie", "bluetooth"], "die zweite, hat sie Bluetooth?", "Bluetooth"),
    ("es", ["lo", "antena"], "¿y el primero, lo tiene con antena?", "antena"),
])
def test_pronouns_are_no_asked_words(language, asked, question, expected) -> None:
    from chatrec.answers import _asked_words

    wording = {**_wording(language), "_language": language}
    words = _asked_words(question, wording)
    assert not {"sie", "lo"} & set(words), words
    assert _said([w for w in asked if w in words], question, wording) == expected
