"""Stop 47: what the shopper says they bought is context, not the wish.

On the electronics demo "I bought a mouse last week, now I need a keyboard to match" showed keyboards and mice
("To go with it: Keyboards, Mice"), then "logitech" showed only mice. On the fashion demo "I bought a red dress for a
wedding, now I need shoes to match" showed dresses and men's Red Tape shoes, each "by Red Tape — the type and brand
you asked for". Now the message is read whole (the TV bought says which mounts), the bought item's product type is
no wish when another is asked for, the new item is for the audience the shop sells the bought one to (a dress:
women's or girls' shoes), and a colour word that is only the first word of a make ("Red Tape") is no feature.
"""

from __future__ import annotations

from typing import Any

import pytest

from chatrec.catalog import Item
from chatrec.grounding import FactWriter, Request, facts_for
from chatrec.request import ShopperRequest
from chatrec.shopper_context import owned_said, read_plainly, without_bought_type


@pytest.mark.parametrize(("message", "owned"), [
    ("I bought a mouse last week, now I need a keyboard to match", "a mouse"),
    ("we just got a samsung tv and need a wall mount", "a samsung tv"),
    ("I recently purchased an iphone 13. need a case for it", "an iphone 13"),
    ("I bought a kettle last year but it broke, need a new one", "a kettle"),
    ("我上周买了一个鼠标，现在需要一个键盘", "一个鼠标"),
    ("compré un ratón la semana pasada, ahora necesito un teclado", "un ratón"),
    ("ich habe letzte Woche eine Maus gekauft, jetzt brauche ich eine Tastatur", "eine Maus"),
])
def test_what_was_bought_is_read_and_the_message_kept_whole(message: str, owned: str) -> None:
    said = owned_said(message)
    assert said is not None and said.text == owned and said.whole
    assert read_plainly(message)[0] == message


def test_already_having_still_reads_the_request_alone() -> None:
    text, owned = read_plainly("I already have the boAt type c cable, now I want a lightning one")
    assert owned is not None and not owned.whole and text == "now I want a lightning one"


def test_nothing_bought_is_read_without_a_request_after_it() -> None:
    assert owned_said("i bought headphones") is None


def _reader(types: dict[str, list[str]]) -> Any:
    return lambda text: ShopperRequest(include=types)


def test_the_bought_type_is_no_wish_beside_another_type() -> None:
    heard = ShopperRequest(intent="recommend", include={"category": ["Keyboards", "Mice"]})
    owned = owned_said("I bought a mouse last week, now I need a keyboard to match")
    kept = without_bought_type(heard, owned, _reader({"category": ["Mice"]}), ["category"])
    assert kept.include == {"category": ["Keyboards"]}
    again = ShopperRequest(intent="recommend", include={"category": ["ElectricKettles"]})
    broke = owned_said("I bought a kettle last year but it broke, need a new one")
    assert without_bought_type(again, broke, _reader({"category": ["ElectricKettles"]}), ["category"]).include == again.include


def _item(n: int, kind: str, gender: str) -> Item:
    return Item(id=str(n), title=f"Item {n}", category=kind, attributes={"articleType": kind, "gender": gender})


def test_the_new_type_is_for_the_audience_the_bought_one_is_sold_to() -> None:
    items = [_item(n, "Dresses", "Women") for n in range(8)] + [_item(10 + n, "Dresses", "Girls") for n in range(2)]
    items += [_item(20 + n, "Watches", g) for n, g in enumerate(["Men"] * 5 + ["Women"] * 4)]
    owned = owned_said("I bought a red dress for a wedding, now I need shoes to match")
    heard = ShopperRequest(intent="recommend", include={"articleType": ["Dresses", "Heels"]})
    dress = without_bought_type(heard, owned, _reader({"articleType": ["Dresses"]}), ["articleType"], ["gender"], items)
    assert dress.include == {"articleType": ["Heels"], "gender": ["Women", "Girls"]}
    watch = without_bought_type(ShopperRequest(intent="recommend", include={"articleType": ["Watches", "Wallets"]}),
                                owned_said("I bought a watch, need a wallet now"), _reader({"articleType": ["Watches"]}),
                                ["articleType"], ["gender"], items)
    assert watch.include == {"articleType": ["Wallets"]}  # men's and women's watches: whom the wallet is for is asked
    said = ShopperRequest(intent="recommend", include={"articleType": ["Dresses", "Heels"], "gender": ["Girls"]})
    assert without_bought_type(said, owned, _reader({"articleType": ["Dresses"]}), ["articleType"], ["gender"],
                               items).include["gender"] == ["Girls"]


def test_a_colour_that_only_starts_a_make_is_no_feature_of_the_item() -> None:
    shoe = Item(id="1", title="Red Tape Men Dark Brown Formal Shoes", category="Formal Shoes",
                attributes={"gender": "Men", "baseColour": "Brown"})
    reason = FactWriter().write(facts_for(shoe, Request(text="I bought a red dress, now I need shoes to match")))
    assert "“red”" not in reason.lower() and "brand" not in reason and "feature" not in reason, reason
    heels = Item(id="2", title="Portia Women Red Heels", category="Heels", attributes={"gender": "Women", "baseColour": "Red"})
    assert "red" in FactWriter().write(facts_for(heels, Request(text="red heels"))).lower()


def test_a_tv_bought_asks_for_cables_only(electronics_chatrec: Any) -> None:
    reply = electronics_chatrec.respond("I bought a smart tv last week, now I need an hdmi cable", session_id="b1")
    types = reply.metadata["constraints"]["include"].get("category", [])
    assert types == ["HDMICables"], reply.metadata["constraints"]
    assert reply.recommendations and all("TV" not in r.title.split()[:3] for r in reply.recommendations), reply.text


def test_a_saree_bought_asks_for_womens_shoes(fashion_chatrec: Any) -> None:
    reply = fashion_chatrec.respond("I bought a saree last week, now I need shoes to match, just show me", session_id="b2")
    include = reply.metadata["constraints"]["include"]
    assert include.get("gender") == ["Women"], include
    assert "Saree" not in str(include.get("subCategory", [])) + str(include.get("articleType", [])), include
