"""Known shopping gaps found by the lead, round 8 (issue 12, branch i12aw), each class tried on wording
other than the lead's."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "conversations"))
import runner  # noqa: E402  (title_spec: the figure a title states)


def _items(rec: Any, reply: Any) -> list[Any]:
    return [rec.item(r.item_id) for r in reply.recommendations]


def _read(catalogues: Any, message: str) -> Any:
    from chatrec.understanding import TurnContext, understand

    vocabulary, _ = catalogues["fashion"]
    return understand(message, vocabulary, TurnContext())


# --- (1) a colour in a story about the past or someone else is no wish ----------------------------------


@pytest.mark.parametrize("said", [
    "need a dress for my mum, she had a green one at my cousin's engagement",
    "jeans for me pls, the last pair i bought were blue and they tore",
    "something for my dad, he already owns a brown belt",
    "busco una camiseta para mi hermano, ya tiene una roja",
    "ein Kleid für meine Frau, ihr altes war grün",
    "给我妈妈买条裙子，她以前穿过绿色的",
])
def test_a_colour_in_a_story_is_no_wish(catalogues: Any, said: str) -> None:
    request = _read(catalogues, said)
    assert not request.include.get("baseColour"), request.include


@pytest.mark.parametrize("said, colour", [
    ("a green dress for my mum, her old one was black", "Green"),
    ("she had a red one at the party and she loves red, a dress please", "Red"),
    ("shoes to go with her white dress", None),  # unchanged reading, whatever it is
    ("my wife has a black bag, she wants a brown one", "Brown"),
    ("quiero una camiseta roja, la vieja era azul", "Red"),
])
def test_a_colour_the_wish_names_stays(catalogues: Any, said: str, colour: str | None) -> None:
    from chatrec.gaps_round8 import story_clauses

    request = _read(catalogues, said)
    if colour is None:
        assert not story_clauses(said)[0]
        return
    assert request.include.get("baseColour") == [colour]


def test_the_story_clauses_are_told_apart() -> None:
    from chatrec.gaps_round8 import story_clauses

    assert story_clauses("a tee for my son, he already has a yellow one") == (
        ["he already has a yellow one"], ["a tee for my son"])
    assert story_clauses("it has to be yellow") == ([], ["it has to be yellow"])
    assert story_clauses("I was looking for a yellow tee")[0] == []
