"""Known shopping gaps found in the demos, round 5 (issue 12, branch i12ag), each tried on wording that
is not in ``tests/conversations/blind_conversations_10.yaml`` (whose two strict xfails they lift):
(1a) a shown item named by a title word when every item fitting was seen is shown again, no wish
left out; (1b) a brand question about accessories made for other makers' devices gives way to
showing them."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "conversations"))

import runner  # noqa: E402,F401  (the conversations' fixtures, as tests/conftest.py builds them)

from chatrec import ChatRec  # noqa: E402
from chatrec.catalog import Item  # noqa: E402
from chatrec.pointed_again import brand_question_useless, only_points  # noqa: E402
from chatrec.request import ItemReference, ShopperRequest  # noqa: E402


def _items(rec: ChatRec, reply: object) -> list[Item]:
    return [rec.item(r.item_id) for r in reply.recommendations]  # type: ignore[attr-defined]


# --- (1a) a shown item named by a title word, every fitting item seen ----------------------------


def _pointing(how: str = "title", **update: object) -> ShopperRequest:
    request = ShopperRequest(intent="more_like", references=[ItemReference(position=2, item_id="7", how=how)])
    return request.model_copy(update=update)


@pytest.mark.parametrize("text", ["the Vogue one", "that puma one please", "la de Puma", "die von Puma", "那个耐克的"])
def test_a_title_word_alone_only_points(text: str) -> None:
    assert only_points(text, _pointing())


@pytest.mark.parametrize("text", [
    "something like the Vogue one", "the puma one but cheaper", "any other puma ones?", "algo parecido a la de Puma",
    "etwas Ähnliches wie die von Puma", "和耐克那件类似的",
])
def test_a_title_word_with_more_asked_does_not_only_point(text: str) -> None:
    assert not only_points(text, _pointing())


def test_a_position_or_a_wish_is_no_pointing_by_title() -> None:
    assert not only_points("the second one", _pointing(how="position"))
    assert not only_points("the puma one in red", _pointing(include={"baseColour": ["Red"]}))


@pytest.mark.parametrize(("opening", "pointer"), [
    ("blue tshirts for men", "the nike one please"),
    ("camisetas azules para hombre", "la de Nike"),
    ("男士蓝色T恤", "要耐克那件"),
])
def test_naming_a_seen_item_when_all_were_seen_shows_it_again(fashion_chatrec: ChatRec, opening: str, pointer: str) -> None:
    first = _items(fashion_chatrec, fashion_chatrec.respond(opening, session_id="s"))  # every blue men's t-shirt
    reply = fashion_chatrec.respond(pointer, session_id="s")
    items = _items(fashion_chatrec, reply)
    # that one again, still blue: no list of other Nike t-shirts with the colour left out
    assert [i.id for i in items] == [i.id for i in first if "Nike" in i.title]
    assert all(i.field_value("baseColour") == "Blue" for i in items)


# --- (1b) a brand question about accessories for other makers' devices ---------------------------


def _titled(*titles: str) -> list[SimpleNamespace]:
    return [SimpleNamespace(title=t) for t in titles]


def test_a_brand_question_about_accessories_for_other_devices_is_useless() -> None:
    cases = _titled("Acme Case Compatible with iPhone 14", "Zyx Screen Guard suitable for Galaxy S23",
                    "Qwe Replacement for Sony Bravia remote", "Plain Black Case")
    assert brand_question_useless("brand", cases)
    assert not brand_question_useless("colour", cases)  # only the maker of the accessory is beside the point
    assert not brand_question_useless("brand", _titled("Sony Bravia 43 inch TV", "LG 4K TV", "Case compatible with iPad"))


@pytest.mark.parametrize("text", ["I need a remote control", "remote controls please", "¿tienen mandos a distancia?"])
def test_remote_controls_are_shown_not_asked_about_by_brand(electronics_chatrec: ChatRec, text: str) -> None:
    reply = electronics_chatrec.respond(text, session_id="s")
    assert reply.question is None or reply.question.attribute != "brand"
    assert reply.recommendations and all(
        electronics_chatrec.item(r.item_id).category == "RemoteControls" for r in reply.recommendations)
