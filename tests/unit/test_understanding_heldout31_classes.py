"""The failure classes of blind set 31 (issue 12), each on wording that is none of the set's
sentences, on the real demo catalogues' vocabularies (chatrec.plain_shoppers)."""

from __future__ import annotations

import pytest

from tests.demo_reading import read as _read

MICE = ("B01J0XWYKQ", "B009VCGPSY", "B01HJI0FS2")  # Logitech ₹599, HP ₹269, Dell ₹299
PAIR = ("B0BBN4DZBD", "B0B3CPQ5PF")  # Redmi ₹6,499, OnePlus ₹28,999
PHONES = ("B0BBN4DZBD", "B0B3CPQ5PF", "B0BMGB3CH9")  # Redmi, OnePlus, Samsung
BAGS = ("3393", "5876", "8519", "9444")  # green, black, pink, blue handbags
TEES = ("1617", "1889", "1849")  # red, navy blue, white men's t-shirts


@pytest.mark.parametrize(
    ("text", "high"),
    [("a tv, quarter of a lakh at most", 25000), ("mouse under half a grand", 500),
     ("phone, three quarters of a lakh max", 75000)],
)
def test_a_fraction_of_a_money_unit_is_the_amount(catalogues, text: str, high: float) -> None:
    heard = _read(catalogues, "electronics", text)
    assert heard.price is not None and heard.price.max == high


def test_one_and_a_half_units_stays_the_budget_parsers(catalogues) -> None:
    heard = _read(catalogues, "electronics", "a tv for one and a half lakh")
    assert heard.price is not None and heard.price.max == 150000


@pytest.mark.parametrize("text", ["they're a total rip off", "these would burn a hole in my pocket", "that's highway robbery"])
def test_an_idiom_for_too_expensive_asks_for_cheaper(catalogues, text: str) -> None:
    heard = _read(catalogues, "electronics", text, PHONES, current={"category": ["Smartphones"]})
    assert heard.intent == "refine"
    assert heard.relative_price == "cheaper"
    assert heard.include == {}  # "bank", "pocket": no product wish


@pytest.mark.parametrize("text", ["a kettle that won't cost a fortune", "earbuds that doesnt break the bank"])
def test_an_idiom_turned_round_is_cheap(catalogues, text: str) -> None:
    heard = _read(catalogues, "electronics", text)
    assert heard.intent == "recommend"
    assert heard.relative_price == "cheaper"


@pytest.mark.parametrize(
    ("text", "shown", "position"), [("more like the dearer of the two", PAIR, 2), ("the dearest mouse, similar ones", MICE, 1)]
)
def test_dear_is_expensive(catalogues, text: str, shown: tuple[str, ...], position: int) -> None:
    heard = _read(catalogues, "electronics", text, shown, current={"category": ["Smartphones"]})
    assert heard.intent == "more_like"
    assert [r.position for r in heard.references] == [position]
    assert heard.relative_price is None


@pytest.mark.parametrize(
    ("catalogue", "text", "wanted"),
    [
        ("fashion", "greenshirts for boys", {"baseColour": ["Green"], "category": ["Shirts"], "gender": ["Boys"]}),
        ("fashion", "pinkheels", {"baseColour": ["Pink"], "category": ["Heels"]}),
        ("electronics", "logitechkeyboard", {"brand": ["Logitech"], "category": ["Keyboards"]}),
    ],
)
def test_two_words_written_together_are_split(catalogues, catalogue: str, text: str, wanted: dict[str, list[str]]) -> None:
    assert _read(catalogues, catalogue, text).include == wanted


@pytest.mark.parametrize("text", ["honestly not loving any of them", "i didnt like any of those", "dont rate any of em"])
def test_liking_none_of_the_shown_items_is_a_rejection(catalogues, text: str) -> None:
    heard = _read(catalogues, "fashion", text, TEES, current={"category": ["Tshirts"]})
    assert heard.intent == "reject"
    assert heard.include == {} and heard.references == []


@pytest.mark.parametrize(("text", "position"), [("the blue sporty one, any more like it?", 4), ("the pink flowery one please, similar", 3)])
def test_a_describing_word_between_a_value_and_one_is_left_out(catalogues, text: str, position: int) -> None:
    heard = _read(catalogues, "fashion", text, BAGS, current={"category": ["Handbags"]})
    assert heard.intent == "more_like"
    assert [r.position for r in heard.references] == [position]
    assert heard.include == {}


@pytest.mark.parametrize(
    "text", ["wanna play a game? you be the shopkeeper", "you're a wizard and i am your apprentice, go", "let's roleplay, i'm the king"]
)
def test_a_role_play_game_is_off_topic(catalogues, text: str) -> None:
    assert _read(catalogues, "fashion", text).intent == "off_topic"


def test_a_role_play_game_with_a_wish_keeps_the_wish(catalogues) -> None:
    heard = _read(catalogues, "fashion", "lets play a game: find me red heels")
    assert heard.include == {"baseColour": ["Red"], "category": ["Heels"]}


@pytest.mark.parametrize("text", ["cheerio then", "right, gotta go, cheers", "ttyl hun xx", "speak soon mate"])
def test_a_goodbye_is_chitchat(catalogues, text: str) -> None:
    heard = _read(catalogues, "electronics", text, PHONES, current={"category": ["Smartphones"]})
    assert heard.intent == "chitchat"
    assert heard.include == {} and heard.references == []


# End to end through ChatRec.respond on the demo fixtures.

def test_half_a_grand_shows_items_within_500(electronics_chatrec) -> None:
    reply = electronics_chatrec.respond("usb cables, half a grand max, just show me", session_id="half")
    items = [electronics_chatrec.item(r.item_id) for r in reply.recommendations]
    assert items and all(item.price is not None and item.price <= 500 for item in items)


def test_liking_none_of_the_shown_items_shows_other_items(fashion_chatrec) -> None:
    first = fashion_chatrec.respond("watches for men, just show me", session_id="none")
    assert first.recommendations
    reply = fashion_chatrec.respond("nah not feeling any of them", session_id="none")
    assert reply.metadata["understood"]["intent"] == "reject"
    before = {r.item_id for r in first.recommendations}
    assert reply.recommendations and not before & {r.item_id for r in reply.recommendations}


def test_a_goodbye_during_a_search_shows_no_items(fashion_chatrec) -> None:
    fashion_chatrec.respond("red tshirts, just show me", session_id="bye")
    reply = fashion_chatrec.respond("ta ra then, cheers", session_id="bye")
    assert reply.metadata["understood"]["intent"] == "chitchat"
    assert not reply.recommendations
