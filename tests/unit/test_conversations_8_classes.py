"""The classes of failure batch 8 of the blind conversations found (issue 12, branch i12v), each tried
on variants that are not in ``tests/conversations/blind_conversations_8.yaml``: quick replies and
items that fit the shopper's word ("sneakers": no heels), price steered by words ("nothing fancy",
"premium only"), the wishes summary in one language, no product grouping listed as a detail in a
reason, and the checkout moves ("I'll take the cheapest one", "就要这个", "me quedo con el
primero"), "ok show me" after a question, "the white ones only" as a filter."""

from __future__ import annotations

import re
import statistics
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "conversations"))

import runner  # noqa: E402,F401  (the conversations' fixtures, as tests/conftest.py builds them)

from chatrec import ChatRec  # noqa: E402
from chatrec.catalog import Item  # noqa: E402
from chatrec.grounding import Request, facts_for  # noqa: E402
from chatrec.kind_words import kind_said, narrowed  # noqa: E402
from chatrec.policy import QuestionPlan, fitting_options  # noqa: E402
from chatrec.price_tiers import load_tiers, price_superlative, tier_budget, tier_said  # noqa: E402
from chatrec.request import ShopperRequest  # noqa: E402
from chatrec.shopper_moves import no_such_type  # noqa: E402


def _items(rec: ChatRec, reply: object) -> list[Item]:
    return [rec.item(r.item_id) for r in reply.recommendations]  # type: ignore[attr-defined]


def _prices(rec: ChatRec, category: str) -> list[float]:
    index = rec.retriever.index
    return sorted(float(i.price) for i in index.items if i.category == category and i.price is not None)


# --- (a) the shopper's word keeps the search, and the question's quick replies, to what it means -----


@pytest.mark.parametrize("message", ["white trainers for my son", "zapatillas blancas", "我要一双运动鞋",
                                     "Turnschuhe für meinen Mann", "any sneaker under 3000?"])
def test_a_word_for_a_kind_of_shoe_is_recognised(message: str) -> None:
    kind = kind_said(message)
    assert kind is not None and "sports shoe" in kind.types


@pytest.mark.parametrize("message", ["a charger for my phone", "a pouch for the phone", "funda para el móvil"])
def test_a_product_word_after_for_is_a_purpose_not_the_product(message: str) -> None:
    assert kind_said(message) is None


def test_the_kind_narrows_a_broad_reading_but_leaves_another_product_type_alone() -> None:
    values = {"subCategory": ["Shoes", "Topwear"], "articleType": ["Heels", "Flats", "Sports Shoes", "Casual Shoes", "Tshirts"]}
    broad = ShopperRequest(intent="recommend", include={"subCategory": ["Shoes"]})
    assert narrowed(broad, "sneakers please", values).include["articleType"] == ["Sports Shoes", "Casual Shoes"]
    other = ShopperRequest(intent="recommend", include={"category": ["USBCables"]})
    cables = {"category": ["USBCables", "Smartphones", "BasicMobiles"]}
    assert narrowed(other, "a usb cable, my phone is a samsung", cables) == other


@pytest.mark.parametrize(("first", "second"), [("I'm after a cable", "usb, for my phone"),
                                               ("I need a cable", "the hdmi kind, for the television")])
def test_a_product_before_for_my_is_the_wish_and_the_device_its_purpose(
        electronics: ChatRec, first: str, second: str) -> None:
    electronics.respond(first, session_id="s")
    reply = electronics.respond(second, session_id="s")
    if not reply.recommendations:
        reply = electronics.respond("show me", session_id="s")
    kinds = {i.category for i in _items(electronics, reply)}
    assert kinds and kinds <= {"USBCables", "HDMICables"} and len(kinds) == 1


def test_a_remote_for_my_tv_stays_a_remote(electronics: ChatRec) -> None:
    reply = electronics.respond("show me a remote for my tv", session_id="s")
    assert {i.category for i in _items(electronics, reply)} == {"RemoteControls"}


def test_trainers_for_men_show_no_formal_shoes_and_ask_no_heels(fashion: ChatRec) -> None:
    reply = fashion.respond("white trainers for men", session_id="s")
    kinds = {str(i.attributes["articleType"]) for i in _items(fashion, reply)}
    assert kinds <= {"Sports Shoes", "Casual Shoes"}
    options = reply.question.options if reply.question else []
    assert not [o for o in options if re.search(r"heel|flat|formal", o, re.IGNORECASE)]
    assert kinds or options  # something fitting was shown or asked


def test_sneakers_after_a_shoe_question_keep_to_sneakers(fashion: ChatRec) -> None:
    first = fashion.respond("I'm looking for shoes", session_id="s")
    assert first.question is not None
    reply = fashion.respond("sneakers, for my girlfriend", session_id="s")
    shown = _items(fashion, reply)
    assert shown and {str(i.attributes["articleType"]) for i in shown} <= {"Sports Shoes", "Casual Shoes"}
    assert all(i.attributes["gender"] in ("Women", "Unisex") for i in shown)


def _item(n: int, category: str, title: str) -> Item:
    return Item(id=str(n), title=title, category=category)


def test_quick_replies_come_from_candidates_that_hold_the_shoppers_words() -> None:
    candidates = [
        _item(1, "MixerGrinders", "Bajaj mixer grinder for the kitchen"),
        _item(2, "MixerGrinders", "Prestige mixer"),
        _item(3, "RemoteControls", "Universal TV remote"),
        _item(4, "RemoteControls", "Set top box remote"),
        _item(5, "DigitalKitchenScales", "Digital scale"),
        _item(6, "ElectricKettles", "Electric kettle, 1.5 l, kitchen essential"),
    ]
    plan = QuestionPlan("category", ["MixerGrinders", "RemoteControls", "DigitalKitchenScales"], 1.2, {}, "asks")
    fitted = fitting_options(plan, candidates, {"kitchen"})
    assert "RemoteControls" not in fitted.options
    assert fitted.options == ["MixerGrinders", "DigitalKitchenScales", "ElectricKettles"]  # refilled, same count
    assert fitting_options(plan, candidates, {"television"}) == plan  # no option fits: nothing to go by
    assert fitting_options(plan, candidates, set()) == plan


# --- (b) "nothing fancy" / "premium" steer the price ---------------------------------------------------


@pytest.mark.parametrize(
    ("message", "tier"),
    [
        ("a plain remote, nothing too expensive", "modest"),
        ("an entry-level tv", "modest"),
        ("nichts Teures bitte", "modest"),
        ("un cable barato", "cheap"),
        ("高档一点的电视", "premium"),
        ("a high-end hdmi cable", "premium"),
        ("el precio no importa", "any"),
        ("¿tienes algo más barato?", None),  # compared with the items shown: no tier
        ("有更便宜的吗", None),
        ("which one is the cheapest?", None),
    ],
)
def test_price_words_name_a_tier(message: str, tier: str | None) -> None:
    said = tier_said(message)
    assert (said.name if said else None) == tier


def test_a_tier_budget_is_a_quantile_of_the_fitting_prices() -> None:
    tiers = {t.name: t for t in load_tiers()}
    prices = [100.0, 200.0, 300.0, 400.0, 500.0, 600.0, 700.0]
    assert tier_budget(tiers["modest"], prices) == (None, 400.0)
    assert tier_budget(tiers["premium"], prices) == (500.0, None)
    assert tier_budget(tiers["modest"], [100.0, 200.0]) is None  # too few to speak of a tier


def test_nothing_expensive_keeps_to_the_cheaper_half_across_turns(electronics: ChatRec) -> None:
    median = statistics.median_high(_prices(electronics, "RemoteControls"))  # the tier keeps the cheaper half
    reply = electronics.respond("a remote control, nothing expensive, show me", session_id="s")
    shown = _items(electronics, reply)
    assert shown and all(float(i.price or 0) <= median for i in shown)
    assert "<=" in reply.text  # the budget read is said
    more = _items(electronics, electronics.respond("show me others", session_id="s"))
    assert all(float(i.price or 0) <= median for i in more)


def test_premium_carries_to_the_next_product_type_and_price_doesnt_matter_ends_it(electronics: ChatRec) -> None:
    tvs = [p for c in ("SmartTelevisions", "StandardTelevisions") for p in _prices(electronics, c)]
    reply = electronics.respond("show me a high-end tv", session_id="s")
    shown = _items(electronics, reply)
    assert shown and min(float(i.price or 0) for i in shown) >= statistics.median(tvs)
    adapters = _prices(electronics, "WirelessUSBAdapters")
    reply = electronics.respond("now show me a wifi adapter", session_id="s")
    shown = _items(electronics, reply)
    assert shown and all(i.category == "WirelessUSBAdapters" for i in shown)
    assert min(float(i.price or 0) for i in shown) >= statistics.median(adapters)  # the dearer ones of their kind
    reply = electronics.respond("actually the price doesn't matter, show all of them", session_id="s")
    assert ">=" not in reply.text and "<=" not in reply.text


def test_a_tier_said_before_the_product_waits_for_it_and_start_over_ends_it(electronics: ChatRec) -> None:
    tvs = [p for c in ("SmartTelevisions", "StandardTelevisions") for p in _prices(electronics, c)]
    electronics.respond("nothing too expensive please", session_id="s")
    shown = _items(electronics, electronics.respond("show me televisions", session_id="s"))
    assert shown and all(float(i.price or 0) <= statistics.median_high(tvs) for i in shown)
    electronics.respond("let's start over", session_id="s")
    reply = electronics.respond("show me televisions", session_id="s")
    assert reply.recommendations and "<=" not in reply.text


# --- (c) the wishes summary in one language ------------------------------------------------------------


@pytest.mark.parametrize(("message", "english"), [
    ("给我看看电视，三万以内", ["Standard", "televisions", "INR"]),
    ("enséñame televisores", ["Standard televisions", "Smart televisions"]),
    ("zeig mir Fernseher", ["Standard televisions", "Smart televisions"]),
])
def test_the_wishes_summary_has_no_english_label_in_another_language(
        electronics: ChatRec, message: str, english: list[str]) -> None:
    reply = electronics.respond(message, session_id="s")
    assert reply.recommendations
    own = reply.text
    assert not [w for w in english if w in own], own


@pytest.mark.parametrize(("message", "word"), [("给我看看遥控器", "遥控器"), ("给我看看hdmi线，一千以内", "hdmi线")])
def test_chinese_reasons_name_the_product_and_price_in_chinese(electronics: ChatRec, message: str, word: str) -> None:
    reply = electronics.respond(message, session_id="s")
    assert reply.recommendations
    for rec in reply.recommendations:
        assert word in rec.reason and "卢比" in rec.reason and "INR" not in rec.reason, rec.reason


def test_a_spanish_summary_names_both_kinds_of_tv_in_spanish(electronics: ChatRec) -> None:
    reply = electronics.respond("busco un televisor, enséñame", session_id="s")
    assert reply.recommendations and "televisor" in reply.text and "televisions" not in reply.text


# --- (d) a reason names no product grouping as a detail ----------------------------------------------


def test_a_product_grouping_is_no_detail_of_an_item() -> None:
    item = Item(id="1", title="Rocia Women Black Flats", category=None, attributes={
        "gender": "Women", "masterCategory": "Footwear", "subCategory": "Shoes", "articleType": "Flats", "baseColour": "Black"})
    request = Request(text="black shoes for women", include={"subCategory": ("Shoes",), "baseColour": ("Black",)})
    facts = facts_for(item, request)
    assert not [f for f in facts if f.name in ("subCategory", "masterCategory")]
    assert any(f.kind == "type" and f.matched for f in facts)  # flats are the shoes asked for


def test_reasons_for_shoes_list_no_grouping(fashion: ChatRec) -> None:
    reply = fashion.respond("show me brown shoes for women", session_id="s")
    assert reply.recommendations
    assert not [r.reason for r in reply.recommendations if re.search(r",\s*(shoes|footwear)\b", r.reason, re.IGNORECASE)]


@pytest.mark.parametrize(("opening", "compare", "english"), [
    ("show me usb cables", "how do the first two compare?", []),
    ("给我看看数据线", "比较一下第一个和第二个", ["price", "INR"]),
])
def test_a_comparison_lists_no_product_grouping_nor_list_price(
        electronics: ChatRec, opening: str, compare: str, english: list[str]) -> None:
    assert electronics.respond(opening, session_id="s").recommendations
    reply = electronics.respond(compare, session_id="s")
    assert reply.metadata.get("answer", {}).get("kind") == "compare", reply.text
    for label in ["Computers&Accessories", "Accessories&Peripherals", "₹", *english]:
        assert label not in reply.text, reply.text


# --- checkout moves, "show me" after a question, "the X ones only" --------------------------------


@pytest.mark.parametrize(("message", "which"), [("ok, I'll buy the least expensive", "cheapest"),
                                                ("me quedo con el más caro", "priciest"), ("就要最便宜的", "cheapest")])
def test_a_pick_by_price_is_recognised(message: str, which: str) -> None:
    assert price_superlative(message) == which


def test_ill_buy_the_cheapest_names_the_cheapest_shown(electronics: ChatRec) -> None:
    shown = _items(electronics, electronics.respond("show me hdmi cables", session_id="s"))
    reply = electronics.respond("ok, I'll buy the least expensive one", session_id="s")
    cheapest = min(shown, key=lambda i: float(i.price or 0))
    assert not reply.recommendations and cheapest.title[:20].lower() in reply.text.lower()


@pytest.mark.parametrize(("opening", "pick", "language"), [
    ("给我看看遥控器", "行，就要这个了", "zh"), ("muéstrame cables hdmi", "me quedo con el segundo", "es")])
def test_a_pick_in_chinese_or_spanish_is_a_checkout_not_a_new_search(
        electronics: ChatRec, opening: str, pick: str, language: str) -> None:
    assert electronics.respond(opening, session_id="s").recommendations
    reply = electronics.respond(pick, session_id="s")
    assert not reply.recommendations
    assert runner.reply_language(reply.text, []) == language


@pytest.mark.parametrize(("opening", "take", "which", "language"), [
    ("show me remote controls", "ok I'll buy it", "the third one", "en"),
    ("muéstrame cables hdmi", "me lo llevo", "el tercero", "es"),
    ("给我看看遥控器", "好，就要这个", "第三个", "zh"),
    ("zeig mir Fernbedienungen", "die nehme ich", "die dritte", "de"),
])
def test_the_answer_to_which_one_is_the_pick(
        electronics: ChatRec, opening: str, take: str, which: str, language: str) -> None:
    shown = _items(electronics, electronics.respond(opening, session_id="s"))
    assert len(shown) >= 3
    asked = electronics.respond(take, session_id="s")
    assert not asked.recommendations and runner.reply_language(asked.text, []) == language
    reply = electronics.respond(which, session_id="s")
    assert not reply.recommendations
    assert shown[2].title[:15].lower() in reply.text.lower()
    assert runner.reply_language(reply.text, [shown[2].title]) == language
    if language == "zh":
        assert "卢比" in reply.text and "INR" not in reply.text


def test_which_one_is_asked_once(electronics: ChatRec) -> None:
    electronics.respond("show me remote controls", session_id="s")
    electronics.respond("I'll take it", session_id="s")
    electronics.respond("hmm, show me hdmi cables instead", session_id="s")
    reply = electronics.respond("the second one", session_id="s")  # no pick pending: more like the second
    assert not reply.text.startswith("Good choice")


def test_ok_show_me_after_a_question_shows_items(fashion: ChatRec) -> None:
    first = fashion.respond("I want a watch", session_id="s")
    assert first.question is not None and not first.recommendations
    reply = fashion.respond("ok just show me", session_id="s")
    assert reply.recommendations
    assert all(i.attributes["subCategory"] == "Watches" for i in _items(fashion, reply))


def test_the_black_ones_only_is_a_filter(fashion: ChatRec) -> None:
    assert fashion.respond("show me t-shirts for men", session_id="s").recommendations
    reply = fashion.respond("only the black ones", session_id="s")
    shown = _items(fashion, reply)
    assert shown and all(i.attributes["baseColour"] == "Black" for i in shown)
    assert all(i.attributes["articleType"] == "Tshirts" for i in shown)


@pytest.mark.parametrize("message", ["show me what you have", "just show me whatever you've got", "show me others"])
def test_asking_to_see_everything_names_no_missing_product(message: str) -> None:
    assert no_such_type(message, ["SmartTelevisions", "USBCables"]) is None
