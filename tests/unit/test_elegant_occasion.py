"""Stop 44: a dressier look asked for in words is the formal and party wear ("algo más elegante" of watches showed
five more casual watches; "something more elegant" of dresses was read as a word to search)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("first", "then"), [("men's shirts", "something more elegant"),
                                             ("busco camisas para hombre", "algo más elegante"),
                                             ("给我看看男士衬衫", "优雅一点的")])
def test_more_elegant_keeps_to_formal_and_party_wear(fashion_chatrec, first: str, then: str) -> None:
    sid = fashion_chatrec.respond(first).session_id
    reply = fashion_chatrec.respond(then, session_id=sid)
    assert reply.recommendations
    assert all(r.attributes.get("usage") in ("Formal", "Party") for r in reply.recommendations), \
        [(r.title, r.attributes.get("usage")) for r in reply.recommendations]
    assert all(r.attributes.get("articleType") == "Shirts" for r in reply.recommendations)
