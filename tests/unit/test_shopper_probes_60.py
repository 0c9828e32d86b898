"""Stop 60: wording found by holding conversations on the demo catalogues as a shopper.

Each test names the reply that was wrong before; each fails without its change (the guards beside them
pass either way).
"""

from __future__ import annotations

import itertools
from typing import Any

import pytest

_sessions = itertools.count()
_ROCKERZ = "boAt Rockerz 550 Over Ear Bluetooth Headphones"


def _talk(rec: Any, *messages: str) -> Any:
    session = f"p60-{next(_sessions)}"
    reply = None
    for message in messages:
        reply = rec.respond(message, session_id=session)
    return reply


def _titles(rec: Any, reply: Any) -> list[str]:
    return [rec.item(r.item_id).title for r in reply.recommendations]


# --- a feature a name says the item lacks: "..., Without Mic" ------------------------------------------------------

def test_a_name_saying_without_mic_is_no_mic_in_an_answer(whole_electronics: Any) -> None:
    # Before: "Yes: boAt Rockerz 550 ...: its name says “mic”." of a name ending "Without Mic".
    session = f"p60-{next(_sessions)}"
    shown = _titles(whole_electronics, whole_electronics.respond("over ear headphones", session_id=session))
    place = next(n for n, t in enumerate(shown) if t.startswith(_ROCKERZ))
    ordinal = ["first", "second", "third", "fourth", "fifth"][place]
    reply = whole_electronics.respond(f"the {ordinal} one, does it have a mic?", session_id=session)
    assert reply.text.startswith("No: ") and "Without Mic" in reply.text, reply.text


@pytest.mark.parametrize("question", ["which ones have a mic?", "do they have a microphone?"])
def test_which_have_a_mic_does_not_count_the_one_without(whole_electronics: Any, question: str) -> None:
    # Before: "boAt Rockerz 550 ...: its name mentions “mic”."
    reply = _talk(whole_electronics, "over ear headphones", question)
    rockerz = next(line for line in reply.text.split(". ") if "boAt Rockerz" in line or "Without Mic" in line)
    assert "Without Mic" in rockerz and "mentions" not in rockerz, reply.text


def test_a_reason_does_not_credit_a_mic_the_name_says_is_missing(whole_electronics: Any) -> None:
    # Before: the boAt Rockerz was "with “mic” in its name — the type and feature you asked for".
    reply = _talk(whole_electronics, "over ear headphones with mic")
    for rec in reply.recommendations:
        if rec.title.startswith(_ROCKERZ):
            assert "mic" not in rec.reason.lower(), rec.reason


def test_without_mic_keeps_the_pair_without_mic_and_no_microphone(whole_electronics: Any) -> None:
    # Before: the one pair "Without Mic" was left out and a pair "with Microphone" shown.
    reply = _talk(whole_electronics, "headphones without mic")
    titles = _titles(whole_electronics, reply)
    assert any(t.startswith(_ROCKERZ) for t in titles), titles
    assert not any("microphone" in t.lower() or ("mic" in t.lower().split() and "without mic" not in t.lower())
                   for t in titles), titles


def test_absent_words_as_written() -> None:
    from chatrec.absent_features import kept_absent, said_absent

    assert said_absent("Over Ear Headphones, Without Mic (Black)", "mic") == "Without Mic"
    assert said_absent("Earphones w/o microphone", "mic") == "w/o microphone"
    assert said_absent("Smart TV, No Remote Control", "remote") == "No Remote Control"
    assert said_absent("Headphones with Mic", "mic") is None
    assert said_absent("No. 1 Mic stand", "mic") is None
    assert kept_absent("Headphones Without Mic", ["mic"])
    assert not kept_absent("Headphones with Mic, Without Cable", ["mic"])
    assert not kept_absent("Headphones", ["mic"])  # says nothing of it: the plain check decides


# --- "non stick" is one feature, no negation -----------------------------------------------------------------------

@pytest.mark.parametrize("message", ["a non stick pan", "a sandwich maker with non stick plates", "non slip shoes"])
def test_non_before_a_feature_word_is_no_negation(whole_electronics: Any, message: str) -> None:
    # Before: "Here are 5 suggestions for not Selfie sticks, non stick, not pan."
    from chatrec.informal import normalise

    assert "non-" in normalise(message)
    reply = _talk(whole_electronics, message)
    assert "not Selfie" not in reply.text and "not pan" not in reply.text, reply.text.split("\n")[0]
