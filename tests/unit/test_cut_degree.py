"""Stop 45: a cut said with a degree ("nothing too revealing", "不要太暴露的", "nada demasiado escotado") is a wish no
catalogue field lists: the list stays and the reply says why, as for "nothing too short". "不要太暴露的" was not
understood at all, and "nothing too revealing" kept out titles saying "revealing" (none do) as if it filtered."""

from __future__ import annotations

from typing import Any

import pytest

from chatrec.degree_words import said


@pytest.mark.parametrize(("first", "then", "note"), [
    ("a dress", "nothing too revealing", "lengths, fits or cuts"),
    ("a dress", "not too see-through please", "lengths, fits or cuts"),
    ("一条裙子", "不要太暴露的", "剪裁"),
    ("一条裙子", "别太透", "剪裁"),
    ("un vestido", "nada demasiado escotado", "cortes"),
    ("ein Kleid", "nicht zu freizügig", "Schnitte"),
])
def test_a_cut_said_with_a_degree_keeps_the_list_and_says_why(fashion_chatrec: Any, first: str, then: str,
                                                              note: str) -> None:
    session = f"cut-{first}-{then}"
    fashion_chatrec.respond(first, session_id=session)
    reply = fashion_chatrec.respond(then, session_id=session)
    assert note in reply.text and reply.recommendations, reply.text
    assert not reply.metadata["understood"]["avoid_words"]


@pytest.mark.parametrize("text", ["a revealing dress", "sheer curtains", "性感的裙子"])
def test_a_cut_with_no_degree_is_no_degree(text: str) -> None:
    assert said(text) is None
