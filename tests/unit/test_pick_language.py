"""Stop 44: a pick said in English in a Spanish or German conversation is answered in English (the Spanish
buy words had the English ones merged in, so "I will take the second one" read as the shopper's Spanish)."""

from __future__ import annotations

import pytest

from chatrec.answers import buys_in


@pytest.mark.parametrize(("message", "language", "expected"), [
    ("I will take the second one", "es", False),
    ("I'll take it", "de", False),
    ("I will take it", "zh", False),
    ("me lo llevo", "es", True),
    ("me quedo con el segundo", "es", True),
    ("ich nehme die zweite", "de", True),
    ("就要这个", "zh", True),
])
def test_a_buy_phrase_is_of_the_language_it_is_written_in(message: str, language: str, expected: bool) -> None:
    assert buys_in(message, language) is expected


def test_an_english_pick_in_a_spanish_conversation_is_answered_in_english(fashion_chatrec) -> None:
    sid = fashion_chatrec.respond("quiero unas camisetas para hombre").session_id
    reply = fashion_chatrec.respond("I will take the second one", session_id=sid)
    assert reply.text.startswith("Good choice"), reply.text


def test_a_spanish_pick_stays_spanish(fashion_chatrec) -> None:
    sid = fashion_chatrec.respond("quiero unas camisetas para hombre").session_id
    reply = fashion_chatrec.respond("me quedo con el segundo", session_id=sid)
    assert reply.text.startswith("Buena elección"), reply.text
