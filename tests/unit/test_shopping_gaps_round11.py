"""Shopping gaps round 11 (issue 12, branch i12bk): batch 16's strict xfails and the lead's gaps, each
class tried on wording other than the batch's."""

from __future__ import annotations

from typing import Any

import pytest

from chatrec import gaps_round11


def _read(catalogues: Any, catalogue: str, message: str, current: dict[str, list[str]] | None = None,
          shown: int = 0) -> Any:
    from chatrec.understanding import TurnContext, understand

    vocabulary, items = catalogues[catalogue]
    wanted = set((current or {}).get("category", ()))
    listed = [i for i in items.values() if not wanted or i.category in wanted][:shown]
    context = TurnContext(shown=listed, searching=bool(current or listed), current=current or {},
                          catalog_currency="INR" if catalogue == "electronics" else None)
    return understand(message, vocabulary, context)


# --- a size word is a size wish ----------------------------------------------------------------------------


@pytest.mark.parametrize("said", [
    "a tv for the kitchen, not too big", "small smart tv please", "compact speaker for my desk",
    "ein Fernseher, nicht zu groß", "una tele que no sea muy grande", "想要个电视，不要太大",
])
def test_a_size_word_is_a_wish_shown_at_once(catalogues: Any, said: str) -> None:
    request = _read(catalogues, "electronics", said)
    assert request.include.get("category"), request
    assert request.show_now and "small" in request.query.split(), request
    assert not {"big", "huge", "grande", "gross", "groß"} & set(request.avoid_words), request


def test_a_little_cheaper_is_no_size_wish(catalogues: Any) -> None:
    request = _read(catalogues, "electronics", "a little cheaper", {"category": ["SmartTelevisions"]}, shown=5)
    assert "small" not in request.query.split(), request


# --- a vague "X thing" names a type ------------------------------------------------------------------------


@pytest.mark.parametrize("said, kind", [
    ("and the wifi thingy for my old pc", "WirelessUSBAdapters"), ("la cosa del wifi para el ordenador", "WirelessUSBAdapters"),
    ("das WLAN-Ding für den Rechner", "WirelessUSBAdapters"), ("that hdmi thing", "HDMICables"),
    ("the remote thing for the tv", "RemoteControls"),
])
def test_a_thing_named_by_a_feature_is_the_type_whose_names_say_it(catalogues: Any, said: str, kind: str) -> None:
    request = _read(catalogues, "electronics", said, {"category": ["HDMICables"]}, shown=3)
    assert kind in request.include.get("category", []), request
    assert request.intent == "recommend", request


def test_a_type_from_words_counts_the_first_words_of_names() -> None:
    from types import SimpleNamespace

    items = [SimpleNamespace(title=t, category=c) for t, c in [
        ("TP-Link WiFi Adapter AC600", "Adapters"), ("Tenda WiFi USB Adapter", "Adapters"),
        ("Mi Smart TV 43 inch with Android TV, built in long description words wifi", "TVs"),
        ("Noise Buds", "Earbuds")]]
    assert gaps_round11.type_of_word("wifi", items) == ["Adapters"]
    assert gaps_round11.type_of_word("toaster", items) == []


# --- a typo of a product type in Spanish or German ---------------------------------------------------------


@pytest.mark.parametrize("said, kind", [
    ("jeanz fur damen", "Jeans"), ("tshrts für herren", "Tshirts"), ("jeens para mujer, negros", "Jeans"),
])
def test_a_foreign_message_has_its_type_typo_corrected(catalogues: Any, said: str, kind: str) -> None:
    request = _read(catalogues, "fashion", said)
    types = [v for name, values in request.include.items() if name in ("articleType", "category") for v in values]
    assert kind in types, request


# --- a wish kept in mind never empties the list when a fitting item exists ---------------------------------


def _titles(rec: Any, reply: Any) -> list[str]:
    return [rec.item(r.item_id).title for r in reply.recommendations]


@pytest.mark.parametrize("first, second", [
    ("women's kurta for office", "any in pink?"), ("kurta for women, for the office", "gibt es die auch in rosa?"),
])
def test_a_colour_asked_after_an_occasion_was_left_out_shows_that_colour(fashion: Any, first: str, second: str) -> None:
    fashion.respond(first, session_id="s")
    titles = _titles(fashion, fashion.respond(second, session_id="s"))
    assert titles and all("Pink" in t for t in titles), titles


@pytest.mark.parametrize("refusal", ["nothing from catwalk please", "anything but catwalk"])
def test_a_brand_refused_after_an_occasion_was_left_out_shows_the_seen_item_that_fits(fashion: Any, refusal: str) -> None:
    fashion.respond("gold heels for a wedding", session_id="s")
    reply = fashion.respond(refusal, session_id="s")
    titles = _titles(fashion, reply)
    assert titles and not any("Catwalk" in t for t in titles), titles
    assert "seen" in reply.text, reply.text


def test_more_left_out_than_the_catalogue_forces_is_a_named_wish_lost() -> None:
    assert gaps_round11.named_wish_left_out(["Formal", "Pink"], ["Formal"], ["baseColour"])
    assert not gaps_round11.named_wish_left_out(["Formal"], ["Formal"], ["baseColour"])
    assert not gaps_round11.named_wish_left_out(["Formal", "Pink"], ["Formal"], [])


# --- "cheaper" keeps the size in force ---------------------------------------------------------------------


@pytest.mark.parametrize("first, second, says", [
    ("a 43 inch tv under 30000", "anything cheaper?", "cheaper"),
    ("una tele de 43 pulgadas, máximo 30000", "algo más barato", "barato"),
    ("ein 43 Zoll Fernseher bis 30000", "billiger bitte", "günstiger"),
])
def test_cheaper_keeps_the_size_and_says_when_nothing_new_is(electronics: Any, first: str, second: str, says: str) -> None:
    before = [electronics.item(r.item_id) for r in electronics.respond(first, session_id="s").recommendations]
    reply = electronics.respond(second, session_id="s")
    now = [electronics.item(r.item_id) for r in reply.recommendations]
    assert now and all("43 inch" in i.title for i in now), [i.title for i in now]
    assert max(i.price for i in now) < max(i.price for i in before)
    assert says in reply.text, reply.text



# --- a word naming another type before a type's head word ("streaming stick") ------------------------------


@pytest.mark.parametrize("said", ["a streaming stick for the bedroom tv", "un stick de streaming", "got any streaming sticks?"])
def test_a_streaming_stick_is_a_streaming_device(catalogues: Any, said: str) -> None:
    assert _read(catalogues, "electronics", said).include.get("category") == ["StreamingClients"]


@pytest.mark.parametrize("catalogue, said, kind", [
    ("electronics", "a selfie stick", "SelfieSticks"), ("fashion", "formal shirt", "Shirts"),
    ("electronics", "gaming mouse", "GamingMice"),
])
def test_a_type_said_in_full_stays(catalogues: Any, catalogue: str, said: str, kind: str) -> None:
    assert kind in _read(catalogues, catalogue, said).include.get("category", [])


# --- a title's first word filed as the brand is a brand only when it is no plain word ------------------------


@pytest.mark.parametrize("title, brand, shown", [
    ("Portable Blender, USB Rechargeable Juicer Cup", "Portable", False),
    ("Kitchen Weighing Scale Digital 10 kg", "Kitchen", False),
    ("Pigeon by Stovekraft Amaze Plus Electric Kettle", "Pigeon", True),
    ("Wembley Hand Blender 300 W", "Wembley", True),
])
def test_a_plain_first_word_filed_as_brand_is_no_brand(title: str, brand: str, shown: bool) -> None:
    from chatrec.catalog import Item
    from chatrec.grounding import FactWriter, Request, facts_for

    item = Item(id="x", title=title, category="Blenders", brand=brand, price=999.0, currency="INR")
    facts = facts_for(item, Request(text="something for the kitchen"))
    assert any(f.kind == "brand" for f in facts) is shown
    assert shown or f"by {brand}" not in FactWriter().write(facts)


@pytest.mark.parametrize("said, kind", [("a phone case", "BasicCases"), ("a car charger", "AutomobileChargers")])
def test_a_device_before_the_head_word_is_what_the_item_is_for(catalogues: Any, said: str, kind: str) -> None:
    assert kind in _read(catalogues, "electronics", said).include.get("category", [])


@pytest.mark.parametrize("said", ["boAt is not my thing", "要比JBL那个便宜的", "the thing is, my phone is old"])
def test_no_thing_word_without_a_feature_before_it(catalogues: Any, said: str) -> None:
    request = _read(catalogues, "electronics", said, {"category": ["In-Ear"]}, shown=3)
    assert not set(request.include.get("category", [])) & {"WirelessUSBAdapters", "ExternalHardDisks", "LapDesks"}, request
