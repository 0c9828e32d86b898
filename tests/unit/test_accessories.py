"""The product before its accessories: a shopper asking for earphones sees earphones first."""

from __future__ import annotations

import pytest

from chatrec.accessories import accessories_last, is_accessory
from chatrec.catalog import Item
from chatrec.retrieval import Candidate


@pytest.mark.parametrize("title, said, accessory", [
    ("Gizga Essentials Earphone Carrying Case, Multi-Purpose Pocket Storage", "earphones", True),
    ("Silicone Rubber Earbuds Tips, Eartips, Earpads", "earbuds", True),
    ("Sounce Gold Plated 3.5 mm Headphone Splitter for Computer", "headphones", True),
    ("AirCase Protective Laptop Bag Sleeve fits Upto 14.1\" Laptop", "laptop", True),
    ("Robustrion Smart Trifold Hard Back Flip Stand Case Cover for Apple iPad", "ipad", True),
    ("boAt Airdopes 141 Truly Wireless Earbuds with charging case", "earbuds", False),  # "with": a feature
    ("Titan Men Leather Strap Watch", "watch", False),  # the kind comes last: a watch
    ("AirCase Protective Laptop Bag Sleeve fits Upto 14.1\" Laptop", "laptop sleeve", False),  # asked for
    ("Wayona Nylon Braided USB Cable", "usb cables", False),
    ("Samsung 80 cm (32 inches) HD Ready LED Smart TV", "tv", False),
])
def test_an_accessory_is_told_by_its_head_clause(title: str, said: str, accessory: bool) -> None:
    assert is_accessory(title, said.split()) is accessory


def test_accessories_go_last_and_nothing_is_dropped() -> None:
    titles = ["Gizga Earphone Carrying Case", "JBL C200SI Wired Earphones with Mic", "Earphone Cushion Pads",
              "Sony WI-C100 Wireless Earphones"]
    candidates = [Candidate(Item(id=str(n), title=t), 1.0) for n, t in enumerate(titles)]
    ranked = [c.item.title for c in accessories_last(candidates, "earphones under 2000")]
    assert ranked == [titles[1], titles[3], titles[0], titles[2]]
    assert [c.item.title for c in accessories_last(candidates, "earphone case")][0] == titles[0]
    assert accessories_last(candidates, "") == candidates
