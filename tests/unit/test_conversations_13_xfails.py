"""Batch 13's open cases, fixed by class (issue 12, branch i12av; ``chatrec/batch13_fixes.py``), on other
wordings than the batch's: a brand written in lower case or in Chinese characters is the title brand, a
wish given up fills the list with the fitting items seen before after the new ones."""

from __future__ import annotations

import pytest

from chatrec import batch13_fixes
from chatrec.recommender import ChatRec
from chatrec.request import ItemReference, ShopperRequest

#: A stand-in for :func:`chatrec.title_brands.asked` over titles whose brands are Titan, Woodland and Puma
#: (Titan and Woodland are English words too: they count only capitalised).
_BRANDS = {"titan": True, "woodland": True, "puma": False}


def _asked(text: str) -> list[str]:
    words = [w.strip("?!.,") for w in text.split()]
    return [w.lower() for w in words if w.lower() in _BRANDS and (not _BRANDS[w.lower()] or w[:1].isupper())]


@pytest.mark.parametrize(("message", "brands"), [
    ("有没有阿迪达斯的", ["Adidas"]), ("我只要彪马的", ["Puma"]), ("想看看泰坦的手表", ["Titan"]),
    ("三星或者小米的都行", ["Samsung", "Mi"]), ("黑色的", []),
])
def test_a_brand_in_chinese_characters_is_the_brand_in_latin_letters(message: str, brands: list[str]) -> None:
    assert batch13_fixes.brands_in_chinese(message) == brands


@pytest.mark.parametrize(("message", "brands"), [
    ("woodland?", ["woodland"]), ("only titan pls", ["titan"]), ("any woodland ones?", ["woodland"]),
    ("hmm what about titan", ["titan"]), ("solo titan", ["titan"]), ("nur woodland bitte", ["woodland"]),
    ("想看看泰坦的", ["titan"]),
])
def test_a_message_that_is_only_a_brand_asks_for_it_in_any_case(message: str, brands: list[str]) -> None:
    assert batch13_fixes.brands_asked(message, _asked) == brands


@pytest.mark.parametrize("message", [
    "a gift for my titan of a dad", "the woodland walk was lovely, now show me boots", "is the second one titan?",
    "black please",
])
def test_an_english_word_inside_a_sentence_stays_a_word(message: str) -> None:
    assert batch13_fixes.brands_asked(message, _asked) == []


def test_a_capitalised_brand_is_read_as_before() -> None:
    assert batch13_fixes.brands_asked("show me the Titan ones and some puma", _asked) == ["titan", "puma"]


def test_a_bare_brand_is_a_wish_not_a_question_about_the_shown_item_named_so() -> None:
    heard = ShopperRequest(intent="ask_about_item", references=[ItemReference(position=1, item_id="7", how="title")])
    wish = batch13_fixes.bare_brand_wish(heard, "titan?", _asked, wishes=True)
    assert wish.intent == "refine" and wish.show_now and wish.references == []
    assert batch13_fixes.bare_brand_wish(heard, "titan?", _asked, wishes=False) == heard  # nothing sought yet


def test_a_question_pointing_at_a_place_stays_a_question() -> None:
    heard = ShopperRequest(intent="ask_about_item", references=[ItemReference(position=2, item_id="7", how="position")])
    assert batch13_fixes.bare_brand_wish(heard, "the second?", _asked, wishes=True) == heard


@pytest.mark.parametrize(("heard", "gone", "widens"), [
    (ShopperRequest(intent="refine"), ["woodland"], True),
    (ShopperRequest(intent="refine", drop=["baseColour"]), [], True),
    (ShopperRequest(intent="refine", include={"baseColour": ["Red"]}), [], False),
    (ShopperRequest(intent="ask_about_item"), ["woodland"], False),
])
def test_a_wish_given_up_widens_the_search(heard: ShopperRequest, gone: list[str], widens: bool) -> None:
    assert batch13_fixes.widens(heard, gone) is widens


def test_a_title_brand_named_now_may_bring_seen_items_back() -> None:
    assert batch13_fixes.widens(ShopperRequest(intent="refine"), [], ["puma"])
    assert not batch13_fixes.widens(ShopperRequest(intent="refine"), [], [])


# --- whole turns ------------------------------------------------------------------------------------


def _titles(rec: ChatRec, reply: object) -> list[str]:
    return [rec.item(r.item_id).title for r in reply.recommendations]  # type: ignore[attr-defined]


@pytest.mark.parametrize("then", ["我只要阿迪达斯的", "ADIDAS only", "adidas?"])
def test_a_brand_said_after_sports_shoes_keeps_to_its_titles(fashion: ChatRec, then: str) -> None:
    fashion.respond("sports shoes for men", session_id="brand")
    reply = fashion.respond(then, session_id="brand")
    titles = _titles(fashion, reply)
    assert len(titles) >= 3 and all(t.lower().startswith("adidas") for t in titles), titles  # seen ones too


@pytest.mark.parametrize("then", ["nike?", "only nike pls"])
def test_a_lower_case_brand_that_is_an_english_word_is_kept_with_the_next_wish(fashion: ChatRec, then: str) -> None:
    fashion.respond("running shoes for men", session_id="nike")
    fashion.respond(then, session_id="nike")
    reply = fashion.respond("in white", session_id="nike")
    titles = _titles(fashion, reply)
    assert titles and all(t.lower().startswith("nike") for t in titles), titles


def test_a_brand_given_up_shows_the_new_items_then_the_seen_ones(fashion: ChatRec) -> None:
    fashion.respond("men's sports shoes", session_id="wide")
    fashion.respond("Nike", session_id="wide")
    fashion.respond("white ones", session_id="wide")
    reply = fashion.respond("never mind the brand, any white ones", session_id="wide")
    titles = _titles(fashion, reply)
    assert len(titles) >= 3 and not titles[0].lower().startswith("nike"), titles


# --- earlier lists named by their product or a value ------------------------------------------------

_KINDS = {"h1": {"HDMICables"}, "h2": {"HDMICables"}, "w1": {"WirelessUSBAdapters"}, "w2": {"WirelessUSBAdapters"},
          "m1": {"Mice"}}
_LISTS = [["h1", "h2"], ["w1", "w2"], ["m1"]]


def _kinds(item_id: str) -> set[str]:
    return _KINDS[item_id]


@pytest.mark.parametrize(("message", "types"), [
    ("back to the hdmi cables, how much was the second one", {"HDMICables"}),
    ("the wifi adapters from earlier - which one was the cheapest?", {"WirelessUSBAdapters"}),
    ("volvamos a los cables hdmi, cuánto costaba el primero", {"HDMICables"}),
])
def test_the_product_of_a_clause_is_read_though_the_whole_is_a_question(message: str, types: set[str]) -> None:
    def types_of(clause: str) -> set[str]:
        lowered = clause.lower()
        return {"HDMICables"} if "hdmi" in lowered else {"WirelessUSBAdapters"} if "wifi" in lowered else set()

    assert batch13_fixes.clause_types(message, types_of) == types


@pytest.mark.parametrize(("message", "expected"), [
    ("and what was the hdmi cable called again, the second one", ["h1", "h2"]),
    ("how much were those wifi adapters", ["w1", "w2"]),
    ("¿cuánto costaba el adaptador wifi?", ["w1", "w2"]),
])
def test_a_past_question_naming_an_earlier_product_is_about_its_list(message: str, expected: list[str]) -> None:
    named = {"HDMICables"} if "hdmi" in message else {"WirelessUSBAdapters"}
    assert batch13_fixes.earlier_list_named(message, _LISTS, ["m1"], _kinds, named) == expected


@pytest.mark.parametrize(("message", "last"), [
    ("what is the hdmi cable called", ["m1"]),  # present tense: a search
    ("what was the hdmi cable called", ["h1", "h2"]),  # the last list is of it
])
def test_no_earlier_list_without_a_past_question_or_when_the_last_list_is_of_it(message: str, last: list[str]) -> None:
    assert batch13_fixes.earlier_list_named(message, _LISTS, last, _kinds, {"HDMICables"}) is None


_COLOURS = {"b1": {"Brown"}, "r1": {"Red"}, "r2": {"Red"}, "g1": {"Green"}}


@pytest.mark.parametrize(("message", "lists", "last", "value", "expected"), [
    ("which of the red ones you showed was cheapest", [["b1"], ["r1", "r2"], ["b1"]], ["b1"], "Red", ["r1", "r2"]),
    ("the green one from before, what brand is it", [["g1"], ["r1"]], ["r1"], "Green", ["g1"]),
    ("los rojos de antes, el primero es de piel?", [["r1"], ["b1"]], ["b1"], "Red", ["r1"]),
    ("the red ones you showed, which is cheapest", [["b1"], ["r1", "r2"]], ["r1", "r2"], "Red", None),
    ("which of the red ones is cheapest", [["r1", "r2"], ["b1"]], ["b1"], "Red", None),
])
def test_an_earlier_list_named_by_a_value(message: str, lists: list[list[str]], last: list[str], value: str,
                                          expected: list[str] | None) -> None:
    assert batch13_fixes.earlier_list_of_value(message, lists, last, lambda i: _COLOURS[i], {value}) == expected


@pytest.mark.parametrize(("message", "asks"), [
    ("and what was the watch called again, the second one", True), ("how much was the first one again?", True),
    ("the first one again but in blue", False), ("more like the first one", False),
])
def test_a_past_question_about_an_item_is_no_wish_for_more_like_it(message: str, asks: bool) -> None:
    heard = ShopperRequest(intent="more_like", references=[ItemReference(position=1, item_id="7")])
    assert (batch13_fixes.asked_in_past(heard, message).intent == "ask_about_item") is asks


def test_back_to_an_earlier_product_answers_about_its_list(electronics: ChatRec) -> None:
    first = electronics.respond("show me remotes for a samsung tv", session_id="back")
    electronics.respond("and a wifi dongle", session_id="back")
    electronics.respond("below 600", session_id="back")
    reply = electronics.respond("ok back to the remotes - what did the second one cost", session_id="back")
    second = electronics.item(first.recommendations[1].item_id)
    assert not reply.recommendations and second.title[:20] in reply.text, reply.text


def test_a_past_question_naming_an_earlier_product_answers_about_it(fashion: ChatRec) -> None:
    shirts = fashion.respond("a white shirt for men", session_id="past")
    fashion.respond("now a brown belt", session_id="past")
    reply = fashion.respond("what was the shirt called again, the second one?", session_id="past")
    second = fashion.item(shirts.recommendations[1].item_id)
    assert not reply.recommendations and second.title in reply.text, reply.text


# --- the Lightning plug by its other name -------------------------------------------------------------


@pytest.mark.parametrize("title", ["Portronics Konnect L 1.2M Fast Charging 3A 8 Pin USB Cable",
                                   "Type-C to 8-Pin USB Mobile Charging Cable", "USB to Lightning Cable 1m"])
def test_a_lightning_wish_is_stated_by_8_pin_titles(title: str) -> None:
    from chatrec import wanted_words
    from chatrec.catalog import Item

    assert wanted_words.states(Item(id="1", title=title), ["lightning"])


def test_a_type_c_cable_states_no_lightning() -> None:
    from chatrec import wanted_words
    from chatrec.catalog import Item

    assert not wanted_words.states(Item(id="1", title="boAt Type-C to USB-A 2.0 cable, 1.5m"), ["lightning"])


def test_lightning_cables_under_a_budget_include_the_8_pin_ones(electronics: ChatRec) -> None:
    electronics.respond("a lightning cable", session_id="pin")
    reply = electronics.respond("below 300", session_id="pin")
    titles = _titles(electronics, reply)
    assert any("8 pin" in t.lower() or "8-pin" in t.lower() for t in titles), titles


# --- stripes, the noun ----------------------------------------------------------------------------


@pytest.mark.parametrize("message", ["any with stripes", "got something with a stripe?", "stripey ones pls"])
def test_stripes_said_as_a_noun_are_the_striped_feature(message: str) -> None:
    from chatrec.specs import features

    assert "striped" in features(message)


@pytest.mark.parametrize(("first", "then"), [
    ("shirts for men", "any with stripes?"), ("camisas de hombre", "hay alguna de rayas?"),
    ("Herrenhemden", "gibt es welche mit Streifen?"), ("男士衬衫", "有条纹的吗"),
])
def test_shirts_with_stripes_are_the_striped_ones(fashion: ChatRec, first: str, then: str) -> None:
    fashion.respond(first, session_id="stripes")
    reply = fashion.respond(then, session_id="stripes")
    titles = _titles(fashion, reply)
    assert titles and all("stripe" in t.lower() for t in titles), (titles, reply.text)
    assert "sells no" not in reply.text


# --- a question about an item of the earlier list found ------------------------------------------------


@pytest.mark.parametrize(("message", "read"), [
    ("and the white one you showed me before - what did it cost?", "and the white one - what did it cost?"),
    ("el blanco de antes, cuánto costaba", "el blanco, cuánto costaba"),
    ("das weiße von vorhin, was hat es gekostet", "das weiße, was hat es gekostet"),
    ("show me the ones from before", "show me the ones from before"),  # no question: that list again
    ("los de antes otra vez", "los de antes otra vez"),
])
def test_the_words_placing_an_item_in_an_earlier_list_leave_a_question(message: str, read: str) -> None:
    assert batch13_fixes.without_back_words(message) == read


def test_a_question_about_a_white_one_from_before_is_answered_from_that_list(electronics: ChatRec) -> None:
    electronics.respond("usb c cables below 250", session_id="white")
    whites = electronics.respond("white ones please", session_id="white")
    electronics.respond("ok any colour, still below 250", session_id="white")
    reply = electronics.respond("and the white one you showed me before - what did it cost?", session_id="white")
    first = electronics.item(whites.recommendations[0].item_id)
    assert not reply.recommendations and first.title[:15] in reply.text, reply.text


# --- a size given up before the product type; another figure proposed ----------------------------------


class _Retriever:
    """Counts the items of a tiny catalogue left after ``exclude`` (filters ignored: all are TVs)."""

    def __init__(self, ids: list[str]) -> None:
        self.ids = ids

    def count(self, filters: object, exclude: list[str]) -> int:
        return len([i for i in self.ids if i not in set(exclude)])


class _State:
    def __init__(self, blocked: list[str]) -> None:
        self.spec_blocked = blocked
        self.specs = {"inch": [55.0, 55.0]}
        self.events: list[object] = []

    def apply(self, event: object) -> None:
        self.events.append(event)
        self.spec_blocked = list(getattr(event, "blocked", self.spec_blocked))


def test_a_size_no_item_left_meets_is_left_out_before_the_product_type() -> None:
    state = _State(blocked=["tv32", "tv43"])  # the one 55-inch TV was turned down
    notes = batch13_fixes.size_before_type(state, _Retriever(["tv32", "tv43", "tv55"]), None, ["tv55", "tv32", "tv43"],
                                           lambda words: f"left out: {words}")
    assert notes and "55" in notes[0] and state.spec_blocked == []


@pytest.mark.parametrize(("ids", "kept_out"), [
    (["tv32", "tv43", "tv55"], ["tv32", "tv43"]),  # the 55-inch TV is still there: the size filters
    (["tv55"], ["tv55"]),  # nothing but the TV turned down: no other TV to show
])
def test_a_size_stays_when_items_meet_it_or_nothing_else_is_left(ids: list[str], kept_out: list[str]) -> None:
    state = _State(blocked=["tv32", "tv43"])
    assert batch13_fixes.size_before_type(state, _Retriever(ids), None, kept_out, str) == []
    assert state.spec_blocked == ["tv32", "tv43"]


def test_a_size_stays_when_the_items_were_not_turned_down() -> None:
    state = _State(blocked=["tv32", "tv43"])  # "anything cheaper that size?": the size is what is asked for
    assert batch13_fixes.size_before_type(state, _Retriever(["tv32", "tv43", "tv55"]), None, ["tv55", "tv32", "tv43"],
                                          str, turned_down=False) == []


@pytest.mark.parametrize(("message", "search"), [
    ("what about 50 inch then", True), ("ok how about 2 metres?", True), ("¿y qué tal de 50 pulgadas?", True),
    ("und wie wäre es mit 50 Zoll", True), ("what about the first one, is it 50 inch?", False),
    ("is it 50 inch", False),
])
def test_another_figure_proposed_is_a_search(message: str, search: bool) -> None:
    heard = ShopperRequest(intent="ask_about_item", references=[ItemReference(position=1, item_id="7", how="title")])
    changed = batch13_fixes.figure_proposed(heard, message, {"inch": (50.0, 50.0)})
    assert (changed.intent == "refine" and changed.references == []) is search


@pytest.mark.parametrize(("thing", "figure"), [("50 inch", True), ("2 metres", True), ("50寸", True),
                                               ("sherwanis", False), ("55 inch sherwani", False)])
def test_a_figure_is_no_product_the_shop_does_not_carry(thing: str, figure: bool) -> None:
    assert batch13_fixes.only_a_figure(thing) is figure


def test_nothing_good_after_the_only_tv_of_a_size_shows_other_tvs(electronics: ChatRec) -> None:
    electronics.respond("a 55 inch smart tv", session_id="size")
    reply = electronics.respond("none of these, what else is there?", session_id="size")
    items = [electronics.item(r.item_id) for r in reply.recommendations]
    assert items and all(i.category in ("SmartTelevisions", "StandardTelevisions") for i in items), reply.text
    assert "55 inches" in reply.text


def test_what_about_another_size_shows_tvs_of_it(electronics: ChatRec) -> None:
    electronics.respond("smart tv please", session_id="fig")
    electronics.respond("43 inch", session_id="fig")
    reply = electronics.respond("hmm how about 32 inch?", session_id="fig")
    items = [electronics.item(r.item_id) for r in reply.recommendations]
    assert items and all("32" in i.title for i in items), reply.text
    assert "sells no" not in reply.text
