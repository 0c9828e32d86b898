"""Classes the lead found shopping the demos (issue 12, stop 35): an accessory or a product for someone's
device, said with whose device it is and which one ("a keyboard for my kid's school laptop", "a cover for my
daughter's new phone"), wants the accessory, not the device; a refusal said after every fitting item was
seen ("not black though") shows the seen ones that still fit, never a list that leaves out an earlier wish."""

from __future__ import annotations

import re
from typing import Any

import pytest

from chatrec.request import ShopperRequest
from chatrec.understanding import TurnContext, understand


@pytest.mark.parametrize(("said", "wanted", "device"), [
    ("need a cheap keyboard for my kid's school laptop", "Keyboards", "Laptops"),
    ("a mouse for my son's old work laptop", "Mice", "Laptops"),
    ("a cover for my daughter's new phone", "BasicCases", "Smartphones"),
    ("a charger for my wife's old samsung phone", "WallChargers", "Smartphones"),
])
def test_whose_device_and_which_one_leave_the_accessory_the_wish(catalogues: Any, said: str, wanted: str,
                                                                device: str) -> None:
    heard = understand(said, catalogues["electronics"][0], TurnContext())
    types = {v for name, values in heard.include.items() if name in ("category", "subcategory") for v in values}
    assert wanted in types and device not in types, heard.include


@pytest.mark.parametrize("said", ["a laptop for my son and a mouse", "a bag for my laptop and a phone for my wife"])
def test_a_second_wish_after_and_stays_a_wish(catalogues: Any, said: str) -> None:
    heard = understand(said, catalogues["electronics"][0], TurnContext())
    assert sum(len(v) for name, v in heard.include.items() if name in ("category", "subcategory")) == 2, heard.include


def test_a_refusal_after_every_fitting_item_was_seen_keeps_the_earlier_wishes(fashion: Any) -> None:
    session = "refused"
    fashion.respond("formal wear for my sister", session_id=session)
    fashion.respond("show me more", session_id=session)  # every formal item for women seen
    after = fashion.respond("not black though", session_id=session)
    items = [fashion.item(r.item_id) for r in after.recommendations]
    assert items and all(i.attributes.get("usage") == "Formal" for i in items), [i.title for i in items]
    assert all(i.attributes.get("baseColour") != "Black" for i in items)


def _candidates(*people: tuple[str, str]) -> list[Any]:
    from types import SimpleNamespace

    return [SimpleNamespace(item=SimpleNamespace(title=title, attributes={"gender": gender})) for title, gender in people]


_MIXED = _candidates(("Girls Blue Dress", "Girls"), ("Kids Printed Dress", "Women"), ("Women Blue Dress", "Women"),
                     ("Boys Black Jacket", "Boys"), ("Men Black Jacket", "Men"))


@pytest.mark.parametrize("said", ["un vestido para una boda en la playa", "something blue for a party",
                                  "ein Kleid für die Hochzeit", "想买条裙子"])
def test_with_no_one_named_grown_ups_items_come_first(said: str) -> None:
    from chatrec.audience_order import in_order

    titles = [c.item.title for c in in_order(_MIXED, {}, {}, ["gender"], said)]
    assert titles == ["Women Blue Dress", "Men Black Jacket", "Girls Blue Dress", "Kids Printed Dress",
                      "Boys Black Jacket"]


@pytest.mark.parametrize("said", ["a dress for my daughter", "algo para mi hijo", "für die Schule", "给孩子买的"])
def test_a_child_named_keeps_the_order(said: str) -> None:
    from chatrec.audience_order import in_order

    assert in_order(_MIXED, {}, {}, ["gender"], said) == _MIXED


def test_a_child_whose_items_the_shop_lacks_gets_other_childrens_items_first() -> None:
    from chatrec.audience_order import in_order

    ordered = in_order(_MIXED[::-1], {"gender": ["Girls"]}, {}, ["gender"], "eine Jacke für meine Tochter, sie ist 8")
    assert [c.item.attributes["gender"] for c in ordered][:3] == ["Boys", "Women", "Girls"]  # the children's (by title too)
    assert in_order(_MIXED, {"gender": ["Girls"]}, {"gender": ["Girls"]}, ["gender"], "x") == _MIXED  # searched: as is


@pytest.mark.parametrize(("first", "then"), [
    ("an hdmi cable", "for my tv and the ps5"),
    ("Ich suche ein HDMI Kabel", "für meinen Fernseher und die PS5"),
    ("an hdmi cable", "it's for the tv in the bedroom"),
])
def test_a_message_that_is_only_what_the_accessory_is_for_keeps_the_accessory(electronics: Any, first: str,
                                                                              then: str) -> None:
    electronics.respond(first, session_id="for")
    reply = electronics.respond(then, session_id="for")
    kinds = {electronics.item(r.item_id).category for r in reply.recommendations}
    assert kinds == {"HDMICables"}, kinds


def test_a_new_wish_after_the_person_is_a_new_wish(electronics: Any) -> None:
    electronics.respond("an hdmi cable", session_id="new")
    reply = electronics.respond("for my dad, a smart tv", session_id="new")
    kinds = {electronics.item(r.item_id).category for r in reply.recommendations}
    assert kinds and "HDMICables" not in kinds, (kinds, reply.text)


@pytest.mark.parametrize("said", ["only well known brands please", "are any of them from a brand I'd know",
                                  "something branded", "要名牌的", "有没有大品牌的", "de una marca conocida",
                                  "lieber eine bekannte Marke", "which of these are from a big brand?"])
def test_a_well_known_brand_is_asked(said: str) -> None:
    from chatrec.known_brands import asked

    assert asked(said)


@pytest.mark.parametrize("said", ["a samsung tv", "what brand is the second one?", "any brand is fine",
                                  "我知道这个牌子", "la marca no importa", "Marke egal"])
def test_other_brand_words_ask_no_well_known_brand(said: str) -> None:
    from chatrec.known_brands import asked

    assert not asked(said)


def test_the_most_rated_brands_come_first_and_are_named() -> None:
    from types import SimpleNamespace

    from chatrec.known_brands import known_first

    def item(brand: str, count: int) -> Any:
        return SimpleNamespace(brand=brand, attributes={"rating_count": count}, title=brand)

    catalogue = [item("Big", 90_000), item("big", 5_000), item("Mid", 40_000), item("Small", 10), item("Tiny", 5),
                 item("Rare", 1), *[item(f"Other{n}", n) for n in range(20)]]
    index = SimpleNamespace(items=catalogue)
    shown = [SimpleNamespace(item=item("Small", 10)), SimpleNamespace(item=item("BIG", 1)),
             SimpleNamespace(item=item("Tiny", 5)), SimpleNamespace(item=item("Mid", 3))]
    ordered, names = known_first(shown, index)
    assert [c.item.brand for c in ordered] == ["BIG", "Mid", "Small", "Tiny"] and names == ["Big", "Mid"]


def test_a_well_known_brand_asked_after_a_list_reorders_it_and_says_why(electronics: Any) -> None:
    electronics.respond("a smart tv", session_id="known")
    reply = electronics.respond("only well known brands please", session_id="known")
    assert "rated most" in reply.text and "mentions" not in reply.text  # no title must state "known"
    assert reply.recommendations and all(electronics.item(r.item_id).category == "SmartTelevisions"
                                         for r in reply.recommendations)


@pytest.mark.parametrize(("said", "what"), [
    ("what colours does it come in", "colours"), ("what colors does the first one come in?", "colors"),
    ("which colours is it available in", "colours"), ("第三个有什么颜色", "颜色"), ("这款还有什么颜色", "颜色"),
    ("¿en qué colores viene el tercero?", "colores"), ("¿qué colores tiene el segundo?", "colores"),
    ("in welchen Farben gibt es das dritte?", "farben"), ("welche Farben hat der erste?", "farben"),
])
def test_which_colours_one_shown_item_comes_in_asks_its_other_colours(said: str, what: str) -> None:
    from chatrec.conversation import asks_other_values

    assert asks_other_values(said) == what


def test_the_other_colours_the_ranked_list_missed_come_from_the_catalogue() -> None:
    from types import SimpleNamespace

    from chatrec.other_colours import first
    from chatrec.ranking import Ranked
    from chatrec.retrieval import Candidate

    def shirt(n: int, colour: str, model: str = "Basics Men {} Checked Shirt") -> Any:
        return SimpleNamespace(id=str(n), title=model.format(colour), category="Shirts",
                               attributes={"baseColour": colour}, field_value=lambda name, c=colour: c)

    pointed, white = shirt(1, "Red"), shirt(2, "White")
    others = [Ranked(candidate=Candidate(item=shirt(n, "Blue", f"Brand{n} Men {{}} Shirt"), score=1.0), score=1.0)
              for n in range(3, 8)]
    phrases = SimpleNamespace(render=lambda name, **v: f"{name}: {v}")
    colours = frozenset({"red", "white", "blue"})
    chosen, said = first(pointed, others, colours, phrases, catalogue=[pointed, white, *[r.candidate.item for r in others]])
    assert chosen[0].candidate.item is white and len(chosen) == len(others) and said.startswith("other_colours:")
    _, none = first(pointed, others, colours, phrases, catalogue=[pointed])
    assert none.startswith("other_colours_none")


@pytest.mark.parametrize(("said", "title", "description", "claim"), [
    ("a gaming mouse, wireless if possible", "HP M270 Backlit USB Wired Gaming Mouse",
     "Unlike cheap wireless mice, this one never lags.", "wireless"),
    ("a 4k tv", "VW 80 cm (32 inches) HD Ready LED TV", "Plays 4k content downscaled.", "4k"),
    ("wired earphones", "boAt Airdopes True Wireless Earbuds", "No wired hassle.", "wired"),
])
def test_a_feature_the_items_name_contradicts_is_never_credited_from_its_description(
        said: str, title: str, description: str, claim: str) -> None:
    from chatrec.catalog import Item
    from chatrec.grounding import Request, facts_for

    item = Item(id="m", title=title, category="Things", brand=title.split()[0], price=599.0, description=description)
    features = [f.value.lower() for f in facts_for(item, Request(text=said)) if f.kind == "feature"]
    assert not any(claim in f.split() for f in features), features


def test_a_feature_the_description_states_with_no_contrary_name_is_credited() -> None:
    from chatrec.catalog import Item
    from chatrec.grounding import Request, facts_for

    item = Item(id="m", title="Logitech M235 Mouse", category="Mice", brand="Logitech", price=699.0,
                description="A reliable wireless mouse for your laptop.")
    assert any("wireless" in f.value.lower() for f in facts_for(item, Request(text="a wireless mouse"))
               if f.kind == "feature")


@pytest.mark.parametrize("said", ["what colour is the fourth one?", "what colour is it", "which colour is the second",
                                  "the handbags from earlier: what colour is the second one?"])
def test_the_colour_of_one_shown_item_asks_its_colour_not_others(said: str) -> None:
    from chatrec.conversation import asks_other_values

    assert asks_other_values(said) is None


@pytest.mark.parametrize(("said", "family", "low", "high"), [
    ("longer, around 2 metres", "m", 1.5, 2.5), ("要长一点的 两米左右", "m", 1.5, 2.5),
    ("más largo, de dos metros", "m", 2.0, 2.0), ("länger, so um die 2 Meter", "m", 1.5, 2.5),
    ("zwei Meter bitte", "m", 2.0, 2.0), ("about 3m or so", "m", 2.25, 3.75),
    ("actually around 50 inches", "inch", 50.0, 50.0), ("um die 43 Zoll", "inch", 43.0, 43.0),
    ("43寸左右", "inch", 43.0, 43.0), ("ok what about 50 inch then", "inch", 50.0, 50.0),
])
def test_a_measure_said_with_a_hedge_or_in_words_is_a_spec(said: str, family: str, low: float, high: float) -> None:
    from chatrec.spec_filters import read_bounds

    found = read_bounds(said)[family]
    assert found == pytest.approx((low, high)), found


@pytest.mark.parametrize("said", ["so cheap", "about 500 rupees", "around 2000", "dos camisetas", "zwei Hemden"])
def test_figures_with_no_unit_set_no_spec(said: str) -> None:
    from chatrec.spec_filters import read_bounds

    assert read_bounds(said) == {}


def test_a_hedged_measure_is_no_budget() -> None:
    from chatrec.request import PriceRange
    from chatrec.spec_filters import drop_spec_price

    heard = ShopperRequest(intent="refine", price=PriceRange(min=1.6, max=2.4))
    assert drop_spec_price(heard, "longer, around 2 metres").price is None
    kept = ShopperRequest(intent="refine", price=PriceRange(max=500))
    assert drop_spec_price(kept, "around 2 metres, under 500").price is not None


@pytest.mark.parametrize(("said", "wanted"), [("要2米的", "2 m"), ("两米的线", "2 m"), ("1.5米长", "1.5 m")])
def test_a_figure_before_mi_is_metres_not_beige(said: str, wanted: str) -> None:
    from chatrec.measure_words import metres_in_chinese

    assert wanted in metres_in_chinese(said) and metres_in_chinese("米色的包") == "米色的包"


@pytest.mark.parametrize(("said", "language"), [("lieber In-Ear", "de"), ("aber Bluetooth", "de"),
                                                ("mejor wireless", "es")])
def test_a_function_word_of_the_conversations_language_keeps_it(said: str, language: str) -> None:
    from chatrec.batch14_fixes import keeps_language

    assert keeps_language(said, language)
    assert not keeps_language("no, show me more", language)


@pytest.mark.parametrize("said", ["keine Fliegerbrille", "bitte keine Pilotenbrillen", "不要蛤蟆镜",
                                  "nada de gafas de aviador"])
def test_aviators_turned_down_in_another_language_are_a_word_to_avoid(catalogues: Any, said: str) -> None:
    heard = understand(said, catalogues["fashion"][0], TurnContext(current={"articleType": ["Sunglasses"]}))
    assert "aviator" in heard.avoid_words, heard


@pytest.mark.parametrize(("said", "read", "count"), [
    ("just show me 3", "show them again", 3), ("only the top 2", "show them again", 2),
    ("show me 3 more", "more", 3), ("a couple more", "more", 2), ("show me 2 more in blue", "more in blue", 2),
    ("只看三个", "show them again", 3), ("前两个就行", "show them again", 2), ("再来两个", "more", 2),
    ("solo dos", "show them again", 2), ("dame tres más", "more", 3), ("otros dos", "more", 2),
    ("zeig mir nur zwei", "show them again", 2), ("noch drei", "more", 3),
    ("show me 3 casual shirts for men", "casual shirts for men", 3),
])
def test_how_many_items_the_shopper_wants_to_see(said: str, read: str, count: int) -> None:
    from chatrec.list_counts import taken

    assert taken(said, 5) == (read, count)


@pytest.mark.parametrize("said", ["compare the first two", "I like the first two", "a 3 series bmw", "3 inch",
                                  "i want 2 pairs", "a USB 3 cable", "show me 55 inch tvs", "第三个", "el segundo",
                                  "die zweite bitte", "under 3k", "una más grande, de 55", "one more expensive"])
def test_numbers_that_are_no_count_stay(said: str) -> None:
    from chatrec.list_counts import taken

    assert taken(said, 5) == (said, None)


@pytest.mark.parametrize(("first", "then", "words"), [
    ("running shoes for men", "just show me 3", "Here are 3"), ("男士跑鞋", "只看三个", "3 件"),
    ("Sonnenbrille für Herren", "zeig mir nur zwei", "Hier sind 2"),
])
def test_a_count_shows_that_many_of_the_list_in_the_shoppers_language(fashion_chatrec: Any, first: str, then: str,
                                                                      words: str) -> None:
    shown = fashion_chatrec.respond(first, session_id="count")
    reply = fashion_chatrec.respond(then, session_id="count")
    n = int(re.search(r"\d", words).group(0))  # type: ignore[union-attr]
    assert words in reply.text and [r.item_id for r in reply.recommendations] == [
        r.item_id for r in shown.recommendations][:n], reply.text


def test_a_count_of_more_shows_that_many_new_items(fashion_chatrec: Any) -> None:
    shown = fashion_chatrec.respond("running shoes for men", session_id="more")
    reply = fashion_chatrec.respond("show me 2 more", session_id="more")
    assert len(reply.recommendations) == 2
    assert not {r.item_id for r in reply.recommendations} & {r.item_id for r in shown.recommendations}


@pytest.mark.parametrize(("said", "kept"), [
    ("a tv for my parents, they are old and not tech savvy", []), ("my mom is not very techy, a simple phone", []),
    ("no android stuff", ["android"]), ("he is not into bright colours", ["bright"]),
    ("she's not a fan of logos", ["logo"]), ("not leather", ["leather"]),
])
def test_a_persons_trait_or_a_filler_is_no_word_to_avoid(catalogues: Any, said: str, kept: list[str]) -> None:
    heard = understand(said, catalogues["electronics"][0], TurnContext())
    assert [w.rstrip("s") for w in heard.avoid_words] == [w.rstrip("s") for w in kept], heard


@pytest.mark.parametrize("said", ["nicht von Mi", "nada de Samsung por favor", "not from boAt"])
def test_a_function_word_is_never_avoided(catalogues: Any, said: str) -> None:
    heard = understand(said, catalogues["electronics"][0], TurnContext())
    assert not {"von", "de", "from", "por", "favor"} & set(heard.avoid_words), heard


@pytest.mark.parametrize("said", ["nothing flashy", "a phone case, nothing flashy", "nothing too fancy"])
def test_a_style_word_turned_down_leaves_out_no_product_type(catalogues: Any, said: str) -> None:
    heard = understand(said, catalogues["electronics"][0], TurnContext())
    assert not any("Flash" in v for vs in heard.exclude.values() for v in vs), heard


@pytest.mark.parametrize("before", [[], ["not black"]])
def test_the_colour_left_out_to_answer_other_colours_ends_with_the_question(fashion_chatrec: Any,
                                                                            before: list[str]) -> None:
    session = f"colours-{len(before)}"
    for said in ["a handbag for my mum", *before]:
        fashion_chatrec.respond(said, session_id=session)
    asked = fashion_chatrec.respond("does the second come in other colours?", session_id=session)
    assert "colour" in asked.text or "comes in" in asked.text, asked.text
    after = fashion_chatrec.respond("now a wallet", session_id=session)
    said_not = re.findall(r"not (\w+)", after.text)
    assert said_not == (["Black"] if before else []), after.text


@pytest.mark.parametrize(("first", "then", "note"), [
    ("ein Kleid für den Sommer", "nicht zu kurz bitte", "keine Längen"), ("un vestido", "no muy corto", "no indica largos"),
    ("一条裙子", "别太短", "没有标注长短"), ("a dress", "nothing too short", "does not list lengths"),
])
def test_a_length_said_with_a_degree_in_any_language_keeps_the_list_and_says_why(fashion_chatrec: Any, first: str,
                                                                                 then: str, note: str) -> None:
    fashion_chatrec.respond(first, session_id="degree")
    reply = fashion_chatrec.respond(then, session_id="degree")
    assert note in reply.text and reply.recommendations, reply.text


@pytest.mark.parametrize("said", ["muy bonito", "so cool", "tan barato"])
def test_weak_degrees_with_no_negation_are_no_length(said: str) -> None:
    from chatrec.degree_words import said as degree_said

    assert degree_said(said) is None


def test_german_replies_keep_one_form_of_address() -> None:
    from pathlib import Path

    prompts = Path(__file__).parents[2] / "prompts" / "de"
    informal = [p.name for p in prompts.glob("*.txt") if re.search(r"\b(?:du|dir|dein\w*|sag|nenne)\b", p.read_text())]
    assert not informal, informal


@pytest.mark.parametrize(("first", "then", "said"), [("a smart tv", "under 500", "The cheapest that fits your other wishes"),
                                                     ("智能电视", "五百以内", "符合您其他要求的商品中最便宜的是")])
def test_a_budget_left_out_names_the_cheapest_that_fits_the_rest(electronics: Any, first: str, then: str,
                                                                 said: str) -> None:
    electronics.respond(first, session_id="cheapest")
    reply = electronics.respond(then, session_id="cheapest")
    cheapest = min(float(electronics.item(r.item_id).price) for r in reply.recommendations)
    assert said in reply.text and f"{cheapest:,.0f}" in reply.text, reply.text


@pytest.mark.parametrize("said", ["a gift for my wife, no idea what", "no worries, show me watches",
                                  "keine Ahnung, was für meine Frau", "ni idea, algo para mi novia", "not sure, a bag maybe"])
def test_a_saying_with_a_negation_turns_nothing_down(catalogues: Any, said: str) -> None:
    heard = understand(said, catalogues["fashion"][0], TurnContext())
    assert not heard.avoid_words and not heard.exclude, heard
