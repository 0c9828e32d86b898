"""Known shopping gaps found by shopping the demos (issue 12, brief i12ac), each fixed as a class and
tested on wording that is not the wording the gap was found with (other words, other languages)."""

from __future__ import annotations

import pytest

from tests.demo_reading import read


# ---------- product types read from the catalogue's own type names (chatrec.type_words) ----------

@pytest.mark.parametrize("message", [
    "I need a mount to put my tv on the wall",
    "wall mount for the television please",
    "a tv and a wall mount to go with it",
])
def test_a_wall_mount_for_a_tv_is_the_tv_wall_mounts_not_a_shower_or_speaker_mount(catalogues: object, message: str) -> None:
    request = read(catalogues, "electronics", message)
    assert "TVWall&CeilingMounts" in request.include.get("category", ()), request.include
    assert "Shower&WallMounts" not in request.include.get("category", ())
    assert "Mounts" not in request.include.get("category", ())


def test_a_mount_named_for_something_else_keeps_its_own_type(catalogues: object) -> None:
    assert read(catalogues, "electronics", "a shower mount for my phone").include.get("category") == ["Shower&WallMounts"]


@pytest.mark.parametrize(("message", "value"), [
    ("cable to charge my phone, type c usb", "USBCables"),
    ("need a cable for hooking up the tv, hdmi", "HDMICables"),
    ("a lead for my speaker... an rca cable i think", "RCACables"),
])
def test_an_accessory_noun_is_the_one_type_ending_in_it_that_another_word_names(
        catalogues: object, message: str, value: str) -> None:
    request = read(catalogues, "electronics", message)
    assert request.include.get("category") == [value], request.include


def test_an_accessory_noun_with_no_word_choosing_among_its_types_picks_none(catalogues: object) -> None:
    """"a cable for my phone": USB, HDMI, RCA... cables all end in "cable"; nothing says which."""
    assert not read(catalogues, "electronics", "a cable for my phone").include.get("category")


@pytest.mark.parametrize("message", [
    "a cable for charging my speaker, micro usb",
    "some cable to connect my headphones, usb",
])
def test_what_an_accessory_is_for_after_a_verb_is_no_wish(catalogues: object, message: str) -> None:
    categories = read(catalogues, "electronics", message).include.get("category", [])
    assert categories == ["USBCables"], categories


@pytest.mark.parametrize(("message", "language"), [
    ("有没有便宜点的网卡", "zh"),
    ("想买个USB无线网卡", "zh"),
    ("quiero un adaptador wifi para el ordenador", "es"),
    ("ich brauche einen WLAN Stick", "de"),
    ("got any wi-fi adapters?", "en"),
])
def test_a_wifi_adapter_in_any_language_is_the_wireless_usb_adapters(catalogues: object, message: str, language: str) -> None:
    request = read(catalogues, "electronics", message)
    assert request.include.get("category") == ["WirelessUSBAdapters"], request.include
    assert request.language == language


# ---------- a shown item judged and turned down is rejected, not "more like it" (chatrec.foreign_pointing) ----------

def _first_ids(catalogues: object, n: int = 5) -> tuple[str, ...]:
    _, items = catalogues["electronics"]  # type: ignore[index]
    return tuple(list(items)[:n])


@pytest.mark.parametrize(("message", "position"), [
    ("第三台看不上眼", 3),
    ("第二个太丑了", 2),
    ("第一个不怎么样", 1),
    ("el tercero es muy feo", 3),
    ("la primera no me dice nada", 1),
    ("das dritte finde ich nicht gut", 3),
    ("das zweite ist wirklich hässlich", 2),
    ("das erste ist nicht mein Geschmack", 1),
])
def test_a_shown_item_judged_badly_is_turned_down(catalogues: object, message: str, position: int) -> None:
    request = read(catalogues, "electronics", message, shown=_first_ids(catalogues))
    assert request.intent == "reject", request
    assert [r.position for r in request.references] == [position]


@pytest.mark.parametrize("message", ["第二个不丑，有类似的吗", "el segundo es bonito, más así", "so was wie das zweite, das ist schön"])
def test_a_shown_item_liked_still_asks_for_more_like_it(catalogues: object, message: str) -> None:
    request = read(catalogues, "electronics", message, shown=_first_ids(catalogues))
    assert request.intent == "more_like", request


# ---------- German and Spanish typed without umlauts or accents (chatrec.language, lexicon_round4.json) ----------

@pytest.mark.parametrize(("message", "value"), [("in grun", "Green"), ("in blau", "Blue"), ("im weiss bitte", "White"),
                                                 ("in rot", "Red")])
def test_a_german_colour_typed_without_umlauts_after_in_is_german(catalogues: object, message: str, value: str) -> None:
    request = read(catalogues, "fashion", message, current={"gender": ["Men"]})
    assert request.language == "de"
    assert request.include.get("baseColour") == [value], request.include


@pytest.mark.parametrize("message", ["shoes in black", "in red please", "show me something in blue", "in stock?"])
def test_in_beside_english_words_stays_english(message: str) -> None:
    from chatrec.language import detect_language

    assert detect_language(message) == "en"


@pytest.mark.parametrize(("value", "language", "written"), [
    ("Casual", "de", "lässig"), ("White", "de", "weiß"), ("Girls", "de", "mädchen"), ("Belts", "de", "gürtel"),
    ("Boys", "es", "niño"), ("Brown", "es", "marrón"), ("Fall", "es", "otoño"),
])
def test_a_value_is_shown_in_the_shoppers_language_as_written_not_folded(value: str, language: str, written: str) -> None:
    from chatrec.language import Lexicon, fold

    lexicon = Lexicon.default()
    assert lexicon.native(value, language) == written
    typed_plain = fold(written)  # "lassig", "nino": what a shopper without the keyboard types
    assert value.lower().rstrip("s") in lexicon.translate(typed_plain, language), "typed plain, it reads as the value"


# ---------- a colour turned down is turned down in two-colour items too (chatrec.refused_colours) ----------

def _candidates(*rows: tuple[str, str]) -> list[object]:
    from chatrec.catalog import Item
    from chatrec.retrieval import Candidate

    return [Candidate(item=Item(id=str(n), title=title, attributes={"baseColour": colour}), score=1.0)
            for n, (title, colour) in enumerate(rows)]


def test_a_refused_colour_leaves_out_two_colour_values_and_titles_naming_it() -> None:
    from chatrec.refused_colours import without_refused

    shown = _candidates(("Puma Men Navy Sneakers", "Navy Blue"), ("Fila Men Red/Black Trainers", "Red/Black"),
                        ("HRX Men Black Red Runner", "Grey"), ("Roadster Men Olive Loafers", "Olive"))
    kept = without_refused(shown, {"baseColour": ["Red"]})
    assert [c.item.title for c in kept] == ["Puma Men Navy Sneakers", "Roadster Men Olive Loafers"]  # type: ignore[attr-defined]


def test_a_refused_colour_of_two_words_needs_both_words() -> None:
    from chatrec.refused_colours import without_refused

    shown = _candidates(("Puma Men Blue Sneakers", "Blue"), ("Nike Men Navy Blue Runner", "Navy Blue"))
    kept = without_refused(shown, {"baseColour": ["Navy Blue"]})
    assert [c.item.title for c in kept] == ["Puma Men Blue Sneakers"]  # type: ignore[attr-defined]


def test_only_colour_fields_are_read_so() -> None:
    from chatrec.refused_colours import without_refused

    shown = _candidates(("Adidas Men White Black Shoe", "Black"),)
    assert without_refused(shown, {"baseColour": ["White"]}) == []
    assert len(without_refused(shown, {"brand": ["Adidas"]})) == 1


def test_not_white_after_mens_casual_shoes_shows_no_shoe_naming_white(fashion: object) -> None:
    seen = set()
    for message in ["casual shoes for men, anything but white", "more", "more please", "others?"]:
        reply = fashion.respond(message, session_id="nw")  # type: ignore[attr-defined]
        for rec in reply.recommendations:
            item = fashion.item(rec.item_id)  # type: ignore[attr-defined]
            seen.add(item.title)
            assert "white" not in item.title.lower() and "white" not in str(item.attributes.get("baseColour", "")).lower()
    assert seen


# ---------- "what colours do you have?" with a colour in force: those of the items fitting the rest (chatrec.turn) ----------

@pytest.mark.parametrize(("first", "then"), [
    ("women's shoes in black", "which colors are there?"),
    ("zapatos negros para mujer", "¿en qué colores vienen?"),
    ("schwarze Schuhe für Damen", "welche Farben habt ihr?"),
])
def test_the_colours_asked_for_with_a_colour_in_force_are_those_of_the_items_fitting_the_rest(
        fashion: object, first: str, then: str) -> None:
    fashion.respond(first, session_id="colours")  # type: ignore[attr-defined]
    reply = fashion.respond(then, session_id="colours")  # type: ignore[attr-defined]
    assert not reply.recommendations
    assert reply.question is not None and reply.question.attribute == "baseColour"
    assert len(reply.question.options) >= 3, reply.question.options
    assert "leave out" not in reply.text and "weg" not in reply.text and "fuera" not in reply.text, reply.text


def test_a_tv_named_inside_a_mounts_name_is_no_second_wish(electronics: object) -> None:
    reply = electronics.respond("looking for a tv wall mount", session_id="mount")  # type: ignore[attr-defined]
    assert reply.recommendations
    assert {electronics.item(r.item_id).category for r in reply.recommendations} == {"TVWall&CeilingMounts"}  # type: ignore[attr-defined]


# ---------- comparing two when one item is shown (chatrec.answers) ----------

@pytest.mark.parametrize(("question", "says"), [
    ("how do the first two compare?", "only one item"),
    ("这两个哪个好？", "只推荐了一件"),
    ("¿en qué se diferencian los dos?", "Solo te he mostrado un artículo"),
    ("welcher von beiden ist besser?", "nur einen Artikel"),
])
def test_comparing_two_with_one_item_shown_says_so_and_describes_it(electronics: object, question: str, says: str) -> None:
    first = electronics.respond("a wall mount for my tv", session_id="one")  # type: ignore[attr-defined]
    assert len(first.recommendations) == 1
    reply = electronics.respond(question, session_id="one")  # type: ignore[attr-defined]
    assert says in reply.text, reply.text
    assert "Model-P4" in reply.text and not reply.recommendations


# ---------- a word of the type asked is no narrowing wish (chatrec.turn, chatrec.followups.not_mentioned) ----------

@pytest.mark.parametrize(("first", "then"), [("flats for women", "any shoes?"), ("heels for women", "show me the footwear")])
def test_a_word_naming_the_items_own_broader_type_is_no_wish_they_fail(fashion: object, first: str, then: str) -> None:
    fashion.respond(first, session_id="kind")  # type: ignore[attr-defined]
    reply = fashion.respond(then, session_id="kind")  # type: ignore[attr-defined]
    assert "mentions" not in reply.text and "cannot promise" not in reply.text, reply.text


@pytest.mark.parametrize(("text", "include"), [
    ("flat shoes for women", {"articleType": ["Flats"], "gender": ["Women"]}),
    ("ballet flats, footwear for my wife", {"articleType": ["Flats"], "gender": ["Women"]}),
])
def test_a_word_of_the_items_own_type_is_no_feature_in_its_reason(text: str, include: dict[str, list[str]]) -> None:
    from chatrec.catalog import Item
    from chatrec.grounding import FactWriter, Request, facts_for

    item = Item(id="f", title="Catwalk Women Black Shoes Footwear", attributes={
        "articleType": "Flats", "subCategory": "Shoes", "masterCategory": "Footwear", "baseColour": "Black", "gender": "Women"})
    reason = FactWriter().write(facts_for(item, Request(text=text, include=include)))
    assert "feature" not in reason and "shoes" not in reason.lower() and "footwear" not in reason.lower(), reason


def test_a_word_beyond_the_items_type_is_still_a_feature() -> None:
    from chatrec.catalog import Item
    from chatrec.grounding import FactWriter, Request, facts_for

    item = Item(id="c", title="boAt Braided Type C USB Cable", category="Cables|USBCables", brand="boAt")
    reason = FactWriter().write(facts_for(item, Request(text="a braided usb cable", include={"category": ["USBCables"]})))
    assert "braided" in reason and "feature" in reason, reason


# ---------- a short message keeps the conversation's language unless it is clearly English ----------

@pytest.mark.parametrize(("first", "then", "language"), [
    ("zeig mir Schuhe für Herren", "und in blau?", "de"),
    ("zeig mir Schuhe für Herren", "in schwarz", "de"),
    ("zeig mir Schuhe für Herren", "lassig bitte", "de"),
    ("muéstrame zapatos para hombre", "y en azul?", "es"),
    ("muéstrame zapatos para hombre", "algo asi", "es"),
    ("muéstrame zapatos para hombre", "en marron", "es"),
])
def test_a_short_message_keeps_the_conversations_language(fashion: object, first: str, then: str, language: str) -> None:
    fashion.respond(first, session_id="short")  # type: ignore[attr-defined]
    reply = fashion.respond(then, session_id="short")  # type: ignore[attr-defined]
    assert reply.metadata["understood"]["language"] == language, reply.text


def test_a_clearly_english_message_switches_to_english(fashion: object) -> None:
    fashion.respond("zeig mir Schuhe für Herren", session_id="switch")  # type: ignore[attr-defined]
    reply = fashion.respond("show me the black ones please", session_id="switch")  # type: ignore[attr-defined]
    assert reply.metadata["understood"]["language"] == "en"
