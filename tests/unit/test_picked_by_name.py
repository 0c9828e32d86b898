"""A purchase of several of one shown item named by its make ("两块泰坦的我都要", "two of the titan please") is a pick of
that item (stop 41, b19-zh-watches-switch-gender: it searched Titan watches again)."""

from __future__ import annotations

import pytest

from chatrec.batch15_classes import picked_by_name
from chatrec.catalog import Item

SHOWN = [Item(id="1", title="Titan Men Black Watch", brand="Titan"),
         Item(id="2", title="Nautica Men Black Dial Chronograph Watch"),
         Item(id="3", title="CASIO G-Shock Men White Analogue-Digital Watch")]
NAMES = {"泰坦": "titan", "卡西欧": "casio"}


def _english(text: str) -> str:
    return NAMES.get(text, text)


@pytest.mark.parametrize(("message", "pick"), [
    ("两块泰坦的我都要", "就要第一个"), ("要两块卡西欧的", "就要第三个"), ("two of the titan please", "I'll take the first one"),
    ("I'll take two of the casio one", "I'll take the third one"), ("zwei von der Nautica bitte", "ich nehme den zweiten"),
    ("dos del casio", "me quedo con el tercero"),
])
def test_several_of_a_named_shown_item_is_its_pick(message, pick) -> None:
    assert picked_by_name(message, SHOWN, _english) == pick


@pytest.mark.parametrize("message", ["两块钱的我都要", "two of the black ones", "two of the men ones", "show me two of them"])
def test_a_name_no_single_shown_item_has_is_no_pick(message) -> None:
    assert picked_by_name(message, SHOWN, _english) is None
