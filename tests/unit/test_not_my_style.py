"""Stop 45: "hmm not really my style, something more boho" kept the word "style" out of item names ("Tops, not
style", carried into every later list) and was no rejection; "not exactly my cup of tea" kept out "exactly"."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("message", [
    "hmm not really my style, something more boho", "not really my style", "these are not exactly my cup of tea",
    "not quite my taste", "not really my thing",
])
def test_not_my_style_rejects_and_avoids_no_word(fashion_chatrec, message: str) -> None:
    sid = fashion_chatrec.respond("show me some tops").session_id
    reply = fashion_chatrec.respond(message, session_id=sid)
    understood = reply.metadata["understood"]
    assert understood["intent"] == "reject", understood
    assert not understood["avoid_words"], understood
    assert "not style" not in reply.text and "not exactly" not in reply.text


@pytest.mark.parametrize("message", ["i dont really know what i want", "not sure what i want tbh", "no idea what to get"])
def test_not_knowing_what_to_buy_keeps_no_word_out(fashion_chatrec, message: str) -> None:
    """'i dont really know what i want' showed "suggestions for not know": the shopper is asked instead."""
    reply = fashion_chatrec.respond(message)
    assert not reply.metadata["understood"]["avoid_words"], reply.metadata["understood"]
    assert "not know" not in reply.text and "not sure" not in reply.text and "not idea" not in reply.text
