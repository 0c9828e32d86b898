"""A make asked for by name on a catalogue without a brand field (stop 43): "citizen ones", "something from lino
perros" credit the make ("A black watch by Citizen for men ... — the type, gender and brand you asked for"), not
"with “Citizen” in its name — ... and feature you asked for", nor "商品名含“Citizen”——符合您要的…特点"."""

from __future__ import annotations

import pytest

from chatrec.catalog import Item
from chatrec.grounding import FactWriter, Request, facts_for, wanted_facts
from chatrec.reasons_local import local_writer

WATCH = Item(id="1", title="Citizen Men Black Dial Chronograph Watch", category="Watches",
             attributes={"gender": "Men", "baseColour": "Black", "subCategory": "Watches", "season": "Winter"})
BAG = Item(id="2", title="Lino Perros Women Black Handbag", category="Handbags",
           attributes={"gender": "Women", "baseColour": "Black", "subCategory": "Bags"})


@pytest.mark.parametrize(("item", "said", "make"), [(WATCH, "citizen", "Citizen"), (BAG, "lino perros", "Lino Perros")])
def test_the_make_a_name_starts_with_is_the_brand_asked_for(item, said, make) -> None:
    request = Request(text=f"{said} ones", include={"gender": [item.attributes["gender"]]}, wanted=(said,))
    facts = facts_for(item, request) + wanted_facts(item, request.wanted, set())
    brands = [f for f in facts if f.kind == "brand"]
    assert brands and brands[0].value == make and brands[0].matched, facts
    assert not [f for f in facts if f.kind == "feature" and f.value.lower() == said], facts
    english = FactWriter("en").write(facts)
    assert f"by {make}" in english and "brand" in english and f"“{make}” in its name" not in english, english
    writer = local_writer("zh")
    assert writer is not None
    chinese = writer.write(facts)
    assert chinese.startswith(f"{make} 的") and "特点" not in chinese, chinese


def test_a_word_of_the_name_that_is_no_make_stays_a_feature() -> None:
    request = Request(text="a chronograph", wanted=("chronograph",))
    facts = wanted_facts(WATCH, request.wanted, set())
    assert [f.kind for f in facts] == ["feature"], facts


class _Index:
    def __init__(self, items: list[Item]) -> None:
        self.items = items


def test_a_make_of_two_words_is_written_in_the_summary_as_the_titles_write_it() -> None:
    from chatrec.title_brands import spelt

    titles = ["Lino Perros Women Black Handbag", "Lino Perros Women Olive Handbag", "Van Heusen Men Blue Shirt",
              "Van Heusen Men White Shirt", "Black Dress Co Women Dress"]
    index = _Index([Item(id=str(n), title=t) for n, t in enumerate(titles)])
    assert spelt("lino perros", index, frozenset()) == "Lino Perros"
    assert spelt("van heusen", index, frozenset()) == "Van Heusen"
    assert spelt("blue shirt", index, frozenset()) == "blue shirt"
