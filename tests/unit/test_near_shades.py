"""Stop 44: a colour no fitting item has shows the nearest shades first, and a wish left out again is said in
one line, not the whole note every turn."""

from __future__ import annotations

import pytest

from chatrec.near_colours import first, left_out, shades

FASHION_COLOURS = ["Black", "White", "Blue", "Brown", "Grey", "Red", "Green", "Navy Blue", "Pink", "Purple", "Silver",
                   "Yellow", "Beige", "Gold", "Maroon", "Orange", "Olive", "Cream", "Multi", "Steel", "Charcoal",
                   "Off White", "Lavender", "Peach", "Mustard", "Magenta", "Khaki", "Tan", "Turquoise Blue", "Rust",
                   "Teal", "Rose", "Coffee Brown", "Burgundy", "Sea Green", "Nude", "Mauve", "NA", "Lime Green"]


@pytest.mark.parametrize(("asked", "nearest", "never"), [
    ("Red", {"Rust", "Maroon", "Burgundy", "Rose"}, {"Black", "Grey", "Pink", "Brown", "Peach"}),
    ("Blue", {"Navy Blue", "Turquoise Blue"}, {"Black", "Red", "Green"}),
    ("Green", {"Sea Green", "Lime Green", "Olive"}, {"Black", "Red"}),
    ("White", {"Off White", "Cream", "Silver"}, {"Black", "Red", "Blue"}),
    ("Yellow", {"Mustard", "Gold"}, {"Black", "Blue"}),
    ("Grey", {"Steel", "Silver"}, {"Red", "Yellow"}),
])
def test_the_nearest_shades_of_a_colour_are_its_own_hue(asked: str, nearest: set[str], never: set[str]) -> None:
    found = shades([asked], FASHION_COLOURS, limit=5)
    assert asked not in found
    assert set(found[:2]) <= nearest, found
    assert not set(found) & never, found


def test_a_shade_must_be_on_offer_and_known() -> None:
    assert shades(["Red"], ["Black", "Multi", "NA", "Grey"]) == []
    assert shades(["Multi"], FASHION_COLOURS) == []
    assert shades(["Dark Red"], ["Maroon", "Black"]) == ["Maroon"]  # read by its last listed word


def test_left_out_is_the_colour_asked_for_and_not_kept() -> None:
    assert left_out({"baseColour": ["Red"], "gender": ["Women"]}, {"gender": ["Women"]}, ["baseColour"]) == \
        ("baseColour", ["Red"])
    assert left_out({"baseColour": ["Red"]}, {"baseColour": ["Red"]}, ["baseColour"]) is None


def test_first_puts_the_nearest_shade_first_and_keeps_the_rest_in_order() -> None:
    rows = [("a", "Black"), ("b", "Maroon"), ("c", "Grey"), ("d", "Rust"), ("e", "Maroon")]
    ordered = first(rows, "colour", ["Rust", "Maroon"], lambda row, name: [row[1]])
    assert [r[0] for r in ordered] == ["d", "b", "e", "a", "c"]


def test_no_red_shirt_shows_a_maroon_one_first_and_says_why(fashion_chatrec) -> None:
    first_reply = fashion_chatrec.respond("men's shirts")
    assert first_reply.recommendations
    reply = fashion_chatrec.respond("any in red?", session_id=first_reply.session_id)
    assert "Red" in reply.text and "put it back" in reply.text  # left out, named, offered back
    assert "nearest shades" in reply.text and "Maroon" in reply.text
    assert reply.recommendations[0].attributes.get("baseColour") == "Maroon"
    assert "colour you asked for" not in reply.recommendations[0].reason  # maroon is not the red asked for


def test_a_wish_left_out_again_is_said_in_one_line(fashion_chatrec) -> None:
    sid = fashion_chatrec.respond("men's shirts").session_id
    told = fashion_chatrec.respond("any in red?", session_id=sid)
    assert "I still keep it in mind" in told.text
    again = fashion_chatrec.respond("show me more", session_id=sid)
    assert again.recommendations
    assert "I still keep it in mind" not in again.text
    assert "Still left out" in again.text and "Red" in again.text and "put it back" in again.text


def test_the_short_line_is_in_the_shoppers_language(fashion_chatrec) -> None:
    sid = fashion_chatrec.respond("给我看看男士衬衫").session_id
    told = fashion_chatrec.respond("有红色的吗", session_id=sid)
    assert "暂时去掉" in told.text and "红色" in told.text
    assert "最接近的颜色" in told.text
    again = fashion_chatrec.respond("再来一些", session_id=sid)
    assert "仍暂时去掉" in again.text and "我仍会记住这个条件" not in again.text


@pytest.mark.parametrize("message", ["再来一些", "再来点", "再给我看看", "还有没有", "那再来几款吧", "再推荐几个", "看看别的",
                                     "还有更多吗", "muéstrame más", "más opciones", "zeig mir mehr", "noch mehr davon"])
def test_more_said_in_other_words_asks_for_more(message: str) -> None:
    from chatrec.conversation import asks_for_more

    assert asks_for_more(message)


@pytest.mark.parametrize("message", ["再来一个黑色的", "再来一些红色的", "还有黑色的吗", "más barato", "mehr als 500"])
def test_more_with_a_wish_is_no_bare_more(message: str) -> None:
    from chatrec.conversation import asks_for_more

    assert not asks_for_more(message)


def test_an_occasion_left_out_is_named_in_the_shoppers_word(fashion_chatrec) -> None:
    reply = fashion_chatrec.respond("I need a wedding dress, white, for next spring")
    assert "wedding (" in reply.text and "put it back" in reply.text


def test_occasion_said_gives_the_word_and_its_values() -> None:
    from chatrec.shopper_moves import occasion_said

    said = occasion_said("a dress for my sister's wedding")
    assert said is not None and said[0] == "wedding" and "Formal" in said[1]
    assert occasion_said("a blue dress") is None
