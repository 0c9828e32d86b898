"""Known shopping gaps found by the lead, round 10 (issue 12, branch i12bg), each class tried on wording
other than the lead's."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from chatrec import gaps_round10

_COLOURS = frozenset({"black", "blue", "red", "green", "grey", "white", "midnight", "jet", "ocean", "deep", "pink"})


def _item(i: str, title: str, category: str = "SmartWatches", **attributes: Any) -> Any:
    return SimpleNamespace(id=i, title=title, category=category, attributes=attributes)


def _ranked(*items: Any) -> list[Any]:
    return [SimpleNamespace(candidate=SimpleNamespace(item=item), score=1.0 - n / 10) for n, item in enumerate(items)]


# --- (1) one product in several colours takes one slot --------------------------------------------------

_VARIANTS = [
    _item("a1", 'Noise ColorFit Pro 4 Smart Watch with 1.72" Display, Bluetooth Calling, SpO2 (Jet Black)'),
    _item("a2", "Noise ColorFit Pro 4 Smart Watch with 1.72 Inches (4.3cm) AMOLED, Calling & 100 Sports Modes (Ocean Blue)"),
    _item("b1", "Fire-Boltt Ninja Call Pro Plus Smart Watch, 1.83 inch with Bluetooth Calling (Grey)"),
    _item("a3", "Noise ColorFit Pro 4 Smart Watch with Bluetooth Calling, 1.72 inch, Metallic Strap (Midnight Green)"),
    _item("c1", "Amazfit Bip 3 Smart Watch with 1.69\" Display, 60+ Sports Modes (Pink)"),
    _item("d1", "realme TechLife Watch S100 with 1.69\" Display, Temperature Sensor (Black)"),
    _item("e1", "Titan Smart Pro with AMOLED display (Blue)"),
]


@pytest.mark.parametrize("one, other", [(0, 1), (0, 3), (1, 3)])
def test_titles_written_differently_are_one_product(one: int, other: int) -> None:
    assert gaps_round10.same_product(_VARIANTS[one], _VARIANTS[other], _COLOURS)


@pytest.mark.parametrize("one, other", [(0, 2), (0, 4), (4, 5), (2, 6)])
def test_other_models_stay_apart(one: int, other: int) -> None:
    assert not gaps_round10.same_product(_VARIANTS[one], _VARIANTS[other], _COLOURS)


def test_a_short_title_has_no_model_name_to_match_by() -> None:
    # "Roadster Men Black Shirt" and "Roadster Men Blue Shirt": the word-share test of round 8 decides, not the name
    assert gaps_round10.model_name("Roadster Men Black Shirt", _COLOURS) is None
    assert gaps_round10.model_name("Mi TV (Black)", _COLOURS) is None  # two words, no model code


def test_a_list_of_five_shows_five_products_first() -> None:
    ranked = _ranked(*_VARIANTS)
    chosen = [e.candidate.item.id for e in gaps_round10.distinct_products(ranked, 5, "smart watch with calling", 0, _COLOURS)]
    assert chosen == ["a1", "b1", "c1", "d1", "e1"]


def test_fewer_products_than_slots_fill_with_colours_after_the_products() -> None:
    ranked = _ranked(*_VARIANTS[:4])
    chosen = [e.candidate.item.id for e in gaps_round10.distinct_products(ranked, 4, "noise watch", 0, _COLOURS)]
    assert chosen == ["a1", "b1", "a2", "a3"]


@pytest.mark.parametrize("message, wishes", [("which colours does it come in", 0), ("welche Farben gibt es", 0),
                                             ("有什么颜色", 0), ("a watch", 2)])
def test_a_shopper_asking_about_colours_sees_them(message: str, wishes: int) -> None:
    ranked = _ranked(*_VARIANTS)
    chosen = [e.candidate.item.id for e in gaps_round10.distinct_products(ranked, 5, message, wishes, _COLOURS)]
    assert chosen == ["a1", "a2", "b1", "a3", "c1"]


def test_the_kept_item_says_its_other_colours() -> None:
    ranked = _ranked(*_VARIANTS)
    chosen = [e.candidate.item for e in gaps_round10.distinct_products(ranked, 5, "a smartwatch", 0, _COLOURS)]
    also = gaps_round10.also_in(chosen, [e.candidate for e in ranked], _COLOURS)
    assert also == {"a1": ["Ocean Blue", "Midnight Green"]}
    assert gaps_round10.also_in_text("A smart watch by Noise.", also["a1"], "en").endswith("Also in Ocean Blue, Midnight Green.")
    assert gaps_round10.also_in_text("Reloj.", ["Rojo"], "es") == "Reloj. También en Rojo."
    assert gaps_round10.also_in_text("手表。", ["Red", "Blue"], "zh") == "手表。也有Red、Blue。"


def test_a_colour_field_names_the_other_colours() -> None:
    shirts = [_item("s1", "Highlander Men Slim Fit Checked Casual Shirt", "Shirts", baseColour="Navy Blue"),
              _item("s2", "Highlander Men Slim Fit Checked Casual Shirt", "Shirts", baseColour="Maroon")]
    ranked = _ranked(*shirts)
    chosen = [e.candidate.item for e in gaps_round10.distinct_products(ranked, 1, "casual shirt", 0, _COLOURS)]
    assert gaps_round10.also_in(chosen, [e.candidate for e in ranked], _COLOURS) == {"s1": ["Maroon"]}


def test_the_electronics_demo_shows_one_wave_lite(electronics: Any) -> None:
    reply = electronics.respond("smart watches from boat", session_id="w")
    titles = [r.title for r in reply.recommendations]
    names = [gaps_round10.model_name(t, _COLOURS) or t for t in titles]
    assert len(set(names)) == len(names) or len(titles) < 2, titles


# --- (2) refusing a kind not in force wishes for nothing and needs no "left out" note ---------------------


def _bags_context(catalogues: Any) -> Any:
    from chatrec.understanding import TurnContext

    _, items = catalogues["fashion"]
    bags = [i for i in items.values() if i.category == "Handbags"][:5]
    return TurnContext(shown=bags, searching=True, current={"category": ["Handbags"], "gender": ["Women"]})


@pytest.mark.parametrize("said", ["and no trainers too", "no kicks pls", "tampoco quiero tenis", "keine Turnschuhe bitte",
                                  "运动鞋也不要"])
def test_a_refused_kind_is_no_wish(catalogues: Any, said: str) -> None:
    from chatrec.understanding import understand

    vocabulary, _ = catalogues["fashion"]
    request = understand(said, vocabulary, _bags_context(catalogues))
    assert not request.include.get("category"), request.include
    assert request.avoid_words == [] and request.query.strip() == "", (request.avoid_words, request.query)


@pytest.mark.parametrize("said", ["and no trainers too", "zapatillas tampoco", "auch keine Sneaker mehr", "球鞋也不要"])
def test_refusing_an_unshown_kind_keeps_the_bags_without_a_note(fashion: Any, said: str) -> None:
    first = fashion.respond("a handbag for women", session_id="k")
    reply = fashion.respond(said, session_id="k")
    kinds = {fashion.item(r.item_id).field_value("articleType") for r in reply.recommendations}
    assert kinds == {fashion.item(r.item_id).field_value("articleType") for r in first.recommendations} == {"Handbags"}, kinds
    for left_out in ("left out", "dejé fuera", "weggelassen", "去掉"):
        assert left_out not in reply.text, reply.text


def test_a_refused_kind_leaves_the_rest_of_its_family(fashion: Any) -> None:
    fashion.respond("shoes for women, just show me", session_id="f")
    reply = fashion.respond("no trainers", session_id="f")
    kinds = {fashion.item(r.item_id).field_value("articleType") for r in reply.recommendations}
    assert kinds and not kinds & {"Sports Shoes", "Casual Shoes"}, kinds
    assert kinds <= {"Heels", "Flats", "Formal Shoes", "Sandals", "Flip Flops"}, kinds


# --- (3) refusing a sub-kind of the type in force keeps the type ----------------------------------------


def _watches_context(catalogues: Any) -> Any:
    from chatrec.understanding import TurnContext

    _, items = catalogues["electronics"]
    watches = [i for i in items.values() if i.category == "SmartWatches"][:5]
    return TurnContext(shown=watches, searching=True, current={"category": ["SmartWatches"]})


@pytest.mark.parametrize("said", ["手环就算了", "智能手环也不要", "not one of those activity trackers", "sin pulseras deportivas",
                                  "bitte keinen Fitnesstracker", "kein Fitnessarmband"])
def test_a_refused_subkind_keeps_the_type(catalogues: Any, said: str) -> None:
    from chatrec.understanding import understand

    vocabulary, _ = catalogues["electronics"]
    request = understand(said, vocabulary, _watches_context(catalogues))
    assert "SmartWatches" not in request.exclude.get("category", []), request.exclude
    assert request.avoid_words == ["band"], request.avoid_words


@pytest.mark.parametrize("said", ["no fitness trackers, a real smart watch please", "不要手环 要智能手表"])
def test_a_refused_subkind_beside_the_type_wishes_the_type(catalogues: Any, said: str) -> None:
    from chatrec.understanding import TurnContext, understand

    vocabulary, _ = catalogues["electronics"]
    request = understand(said, vocabulary, TurnContext())
    assert request.include.get("category") == ["SmartWatches"] and not request.exclude.get("category"), request
    assert "band" in request.avoid_words


def test_a_wished_subkind_stays_a_wish(catalogues: Any) -> None:
    from chatrec.understanding import TurnContext, understand

    vocabulary, _ = catalogues["electronics"]
    request = understand("a fitness band for my dad", vocabulary, TurnContext())
    assert request.include.get("category") == ["SmartWatches"] and "band" not in request.avoid_words


@pytest.fixture(scope="module")
def watches_shop(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """A retriever over the electronics demo's first 120 rows and its smart watches (fake embedder)."""
    import csv
    from pathlib import Path

    from fakes import HashingEmbedder
    from chatrec.index import build_index
    from chatrec.retrieval import Retriever
    from chatrec.settings import Settings

    demo = Path(__file__).parents[2] / "chatrec" / "demo"
    with (demo / "electronics.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    kept = [rows[0], *rows[1:121], *(r for r in rows[121:] if "SmartWatches" in r)]
    folder = tmp_path_factory.mktemp("watches")
    with (folder / "shop.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(kept)
    settings = Settings(index_dir=folder / "index", cache_dir=folder / "cache", _env_file=None)
    embedder = HashingEmbedder()
    build_index(folder / "shop.csv", settings, mapping=demo / "electronics.mapping.yaml", embedder=embedder)
    return Retriever.open(settings, embedder=embedder)


def test_refusing_bands_shows_watches_not_mice(watches_shop: Any, tmp_path: Any) -> None:
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parents[1] / "conversations"))
    import runner

    with runner.chatrec_over(watches_shop, tmp_path) as rec:
        rec.respond("a smartwatch", session_id="b")
        reply = rec.respond("手环就不要了", session_id="b")
        kinds = {rec.item(r.item_id).category for r in reply.recommendations}
        assert kinds == {"SmartWatches"}, kinds
        assert not any("band" in r.title.lower() for r in reply.recommendations)


# --- (4) a problem statement is a request for what meets the need -----------------------------------------


@pytest.mark.parametrize("said, wanted", [
    ("internet is super slow upstairs", "Repeaters&Extenders"),
    ("en mi cuarto el wifi va fatal", "Repeaters&Extenders"),
    ("das WLAN im Schlafzimmer ist so lahm", "Repeaters&Extenders"),
    ("卧室里网速太慢了", "Repeaters&Extenders"),
    ("la batería del móvil no me dura nada", "PowerBanks"),
    ("手机一到下午就没电", "PowerBanks"),
    ("mein Notebook wird beim Zocken extrem heiß", "CoolingPads"),
    ("mi portátil se calienta muchísimo", "CoolingPads"),
    ("our old telly doesn't have wifi", "StreamingClients"),
    ("unser Fernseher hat kein WLAN", "StreamingClients"),
    ("我家电视不能上网", "StreamingClients"),
    ("my buds always pop out when i'm at the gym", "In-Ear"),
    ("meine Ohrhörer fallen beim Joggen immer raus", "In-Ear"),
])
def test_a_problem_gives_the_product_that_meets_the_need(catalogues: Any, said: str, wanted: str) -> None:
    from chatrec.understanding import TurnContext, understand

    vocabulary, _ = catalogues["electronics"]
    request = understand(said, vocabulary, TurnContext())
    assert request.intent == "recommend" and request.include.get("category") == [wanted], request
    assert not request.exclude and not request.avoid_words, (request.exclude, request.avoid_words)


@pytest.mark.parametrize("said, named", [("i want a new router, the wifi is slow", "Routers"),
                                         ("ein neuer Router, das WLAN ist zu langsam", "Routers")])
def test_a_product_named_beside_the_problem_stays(catalogues: Any, said: str, named: str) -> None:
    from chatrec.understanding import TurnContext, understand

    vocabulary, _ = catalogues["electronics"]
    assert understand(said, vocabulary, TurnContext()).include.get("category") == [named]


def test_a_shop_without_the_product_keeps_its_reading(catalogues: Any) -> None:
    from chatrec.understanding import TurnContext, understand

    vocabulary, _ = catalogues["fashion"]
    request = understand("my wifi is slow in the bedroom", vocabulary, TurnContext())
    assert not request.include.get("articleType") and not request.include.get("subCategory"), request


@pytest.mark.parametrize("said, language, words", [
    ("the internet keeps cutting out in my room", "en", "Wi-Fi range extender"),
    ("la tele no tiene internet", "es", "streaming"),
    ("Handy hält keinen Tag", "de", "Powerbank"),
    ("耳机戴不住", "zh", "耳机"),
])
def test_the_reply_states_the_need_it_read(said: str, language: str, words: str) -> None:
    from chatrec.request import ShopperRequest

    heard = ShopperRequest(intent="recommend", include={"category": ["Anything"]}, language=language)
    note = gaps_round10.need_note(said, heard, language)
    assert note is not None and words in note, note
    assert gaps_round10.need_note("a blue shirt", heard, language) is None


# --- (5) a reason credits product features, never a verb of the shopper's story ---------------------------


@pytest.mark.parametrize("said, verbs, kept", [
    ("need a cable to sync my phone on the road", {"sync"}, {"cable", "road"}),
    ("earbuds so i can hear podcasts on the bus", {"hear"}, {"podcasts", "bus"}),
    ("a speaker to listen to music in the shower", {"listen"}, {"music", "shower"}),
    ("we mostly stream movies, a soundbar please", {"stream"}, {"movies", "soundbar"}),
])
def test_story_verbs_are_found(said: str, verbs: set[str], kept: set[str]) -> None:
    found = gaps_round10.story_verbs(said)
    assert verbs <= found and not kept & found, found


def test_a_reason_quotes_no_story_verb(electronics: Any) -> None:
    reply = electronics.respond("i want a usb cable to charge my phone fast when i travel, just show me", session_id="v")
    assert reply.recommendations
    import re

    for rec in reply.recommendations:
        credited = rec.reason.split(";", 1)[-1]
        # "“fast charge”" quoted from a name is the product's feature; "charge" or "when" alone is the story's
        assert not re.search(r"\b(?:charge|travel|when|phone)\b(?!”)", credited), rec.reason


# --- (6) a cap per piece applies to each item; a total for a bundle caps every piece, and says so ----------


@pytest.mark.parametrize("said, cap", [
    ("4 usb cables, 250 apiece", 250.0),
    ("tres cargadores de 800 cada uno", 800.0),
    ("zwei Powerbanks, jeweils bis 1500", 1500.0),
    ("买两个充电宝每个一千以内", None),  # Chinese numerals are the rules' budget reading, left to them
    ("三根数据线 每根200", 200.0),
    ("a couple of mice, 2k each", 2000.0),
])
def test_a_cap_per_piece_caps_every_item(catalogues: Any, said: str, cap: float | None) -> None:
    from chatrec.understanding import TurnContext, understand

    vocabulary, _ = catalogues["electronics"]
    request = understand(said, vocabulary, TurnContext(catalog_currency="INR"))
    if cap is not None:
        assert request.price is not None and request.price.max == cap, request.price


@pytest.mark.parametrize("said, total, language", [
    ("a keyboard and a mouse, 1800 for the pair", 1800.0, "en"),
    ("un ratón y un teclado, 1800 en total", 1800.0, "es"),
    ("Maus und Tastatur, insgesamt 1800", None, "de"),
    ("鼠标和键盘一共1800", 1800.0, "zh"),
])
def test_a_total_for_a_bundle_caps_every_piece_and_says_so(catalogues: Any, said: str, total: float | None,
                                                           language: str) -> None:
    from chatrec.understanding import TurnContext, understand

    vocabulary, _ = catalogues["electronics"]
    request = understand(said, vocabulary, TurnContext(catalog_currency="INR"))
    assert request.price is not None and request.price.max == (total or 1800.0), request.price
    note = gaps_round10.budget_note(said, request, language)
    assert note is not None and "1,800" in note, note
    assert gaps_round10.budget_note("two cables, 300 each", request, "en") is None


@pytest.mark.parametrize("said", ["a total of 3 usb cables", "insgesamt 2 Kabel bitte"])
def test_a_count_is_no_total_budget(catalogues: Any, said: str) -> None:
    from chatrec.understanding import TurnContext, understand

    vocabulary, _ = catalogues["electronics"]
    request = understand(said, vocabulary, TurnContext(catalog_currency="INR"))
    assert request.price is None or request.price.max not in (2.0, 3.0), request.price
