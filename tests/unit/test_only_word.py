"""Stop 45: "only" restricts a wish; it is no search word. "only cotton" after dresses searched "only cotton",
drew the brand ONLY's items first and said each was "the brand you asked for". "dresses from ONLY" still
searches the brand's name."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("message", ["only cotton", "cotton only", "only the cotton ones please"])
def test_only_is_no_search_word(fashion_chatrec, message: str) -> None:
    sid = fashion_chatrec.respond("i want a dress").session_id
    reply = fashion_chatrec.respond(message, session_id=sid)
    assert "only" not in reply.metadata["understood"]["query"].split()
    assert "brand you asked" not in " ".join(r.reason for r in reply.recommendations)


def test_a_brand_named_only_is_still_searched(fashion_chatrec) -> None:
    reply = fashion_chatrec.respond("dresses from ONLY")
    assert "only" in reply.metadata["understood"]["query"].split()
