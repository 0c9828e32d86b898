"""Stop 44: "something louder" of speakers is more power than those shown, in every language the comparatives
read ("更响的", "声音更大的", "más potente", "lauter bitte"); "声音更大的" was read as no request at all."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from chatrec.spec_comparatives import comparative_bounds

SHOWN = [SimpleNamespace(title="Zebronics ZEB-COUNTY 3W Wireless Bluetooth Portable Speaker", description=""),
         SimpleNamespace(title="boAt Stone 650 10W Bluetooth Speaker with Upto 7 Hours Playback", description="")]


@pytest.mark.parametrize("message", ["something louder", "a louder one", "more powerful please", "更响的", "声音更大的",
                                     "más potente", "lauter bitte"])
def test_louder_is_more_watts_than_the_most_shown(message: str) -> None:
    bounds = comparative_bounds(message, SHOWN)
    assert set(bounds) == {"w"}
    low, high = bounds["w"]
    assert high is None and low is not None and low > 10


@pytest.mark.parametrize("message", ["which one is louder?", "a lighter colour", "more like the first"])
def test_a_question_or_another_wish_is_no_bound(message: str) -> None:
    assert "w" not in comparative_bounds(message, SHOWN)


def test_louder_of_items_stating_no_watts_is_no_bigger_screen() -> None:
    tvs = [SimpleNamespace(title="LG 80 cm (32 inches) HD Ready Smart LED TV", description="")]
    assert comparative_bounds("声音更大的", tvs) == {}
    assert "inch" in comparative_bounds("屏幕更大的", tvs)
