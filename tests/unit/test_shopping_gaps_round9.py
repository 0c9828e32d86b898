"""Known shopping gaps found by the lead, round 9 (issue 12, branch i12bb), each class tried on wording
other than the lead's."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "conversations"))
import runner  # noqa: E402  (title_spec: the figure a title states)


def _items(rec: Any, reply: Any) -> list[Any]:
    return [rec.item(r.item_id) for r in reply.recommendations]


def _read(catalogues: Any, message: str, catalogue: str = "electronics") -> Any:
    from chatrec.understanding import TurnContext, understand

    vocabulary, _ = catalogues[catalogue]
    return understand(message, vocabulary, TurnContext())


# --- (1) a screen size with its unit is no price ---------------------------------------------------------


@pytest.mark.parametrize("said, sizes", [
    ("TV von 32 bis 40 Zoll", (32, 40)),
    ("tele de 43 a 55 pulgadas", (43, 55)),
    ("a tv from 40 to 50 inches", (40, 50)),
    ("三十二到四十三寸的电视", (32, 43)),
    ("ein Fernseher mit 50 zoll", (50, 50)),
])
def test_a_screen_size_range_is_no_budget(catalogues: Any, said: str, sizes: tuple[int, int]) -> None:
    from chatrec.spec_filters import read_bounds

    request = _read(catalogues, said)
    assert request.price is None, request.price
    assert request.include.get("category") and "brand" not in request.include, request.include
    assert read_bounds(said)["inch"] == (float(sizes[0]), float(sizes[1]))


@pytest.mark.parametrize("said, budget", [
    ("televisor entre 40 y 55 pulgadas por menos de 40 mil", 40000.0),
    ("Fernseher von 43 bis 55 Zoll, höchstens 45000", 45000.0),
    ("a 43 to 55 inch tv under 40k", 40000.0),
])
def test_the_budget_said_beside_a_size_stays(catalogues: Any, said: str, budget: float) -> None:
    request = _read(catalogues, said)
    assert request.price is not None and request.price.min is None and request.price.max == budget, request.price


@pytest.mark.parametrize("said, low, high", [("ein Wasserkocher, so zwischen 900 und 1500 wär gut", 900, 1500),
                                             ("zwischen 500 und 800 wäre ok", 500, 800)])
def test_a_word_after_the_amount_is_no_unit(catalogues: Any, said: str, low: float, high: float) -> None:
    request = _read(catalogues, said)  # "wär" is no "W"
    assert request.price is not None and (request.price.min, request.price.max) == (low, high), request.price


@pytest.mark.parametrize("said", ["32 bis 40 zoll", "TV 43 zoll bitte"])
def test_a_unit_word_is_no_brand(catalogues: Any, said: str) -> None:
    assert "brand" not in _read(catalogues, said).include


@pytest.mark.parametrize("said, low, high", [
    ("Fernseher von 32 bis 43 Zoll unter 30000", 32, 43),
    ("un televisor de 40 a 55 pulgadas", 40, 55),
    ("32到43英寸的电视", 32, 43),
])
def test_a_size_range_shows_items_of_those_sizes(electronics: Any, said: str, low: int, high: int) -> None:
    reply = electronics.respond(said, session_id="s")
    items = _items(electronics, reply)
    assert items
    assert all(low <= (runner.title_spec(i.title, "inch") or 0) <= high for i in items), [i.title for i in items]
    if "30000" in said:
        assert all(i.price is not None and i.price <= 30000 for i in items)


# --- (2) a phone's case with no phone in the conversation -------------------------------------------------


@pytest.mark.parametrize("said", ["cell phone case pls", "need a mobile cover", "una carcasa para celular",
                                  "Handyhülle bitte", "手机保护套", "funda para el iphone"])
def test_a_phone_case_is_filed_with_phone_cases(catalogues: Any, said: str) -> None:
    assert _read(catalogues, said).include.get("category") == ["BasicCases"]


@pytest.mark.parametrize("said", ["a case for my earbuds", "headphone case", "a cover for my headphones"])
def test_other_cases_stay_where_they_are(catalogues: Any, said: str) -> None:
    assert _read(catalogues, said).include.get("category") == ["Cases"]


# --- (7) no heel: the heel type left out in every language --------------------------------------------------


@pytest.mark.parametrize("said", ["Damenschuhe ohne Absätze", "Sandalen für meine Frau, kein Absatz",
                                  "Damenschuhe, bitte keine hohen Absätze", "unas sandalias sin tacones para mi abuela",
                                  "平底凉鞋", "shoes with no heel for my mum", "sandals without a heel"])
def test_no_heel_leaves_out_the_heel_type(catalogues: Any, said: str) -> None:
    request = _read(catalogues, said, "fashion")
    assert request.exclude.get("category") == ["Heels"], request.exclude
    assert not request.avoid_words, request.avoid_words
    assert request.include.get("subCategory"), request.include


@pytest.mark.parametrize("said", ["给老妈买双平底鞋", "平底的鞋子 给我妈"])  # set 54 labels 平底的 shoes as Flats
def test_flats_said_in_chinese_stay_flats_alone(catalogues: Any, said: str) -> None:
    request = _read(catalogues, said, "fashion")
    assert request.include.get("category") == ["Flats"] and not request.exclude, request


# --- (4) 内存 is the storage, 运存 the RAM ---------------------------------------------------------------------


def _phone(n: int, title: str) -> Any:
    from chatrec.catalog import Item

    return Item(id=f"p{n}", title=title, price=9999.0, category="Smartphones", currency="INR")


_PHONES = ["Redmi 10A (Slate Grey, 64 GB) (4 GB RAM)", "Samsung Galaxy M13 (Aqua Green, 6GB RAM, 128GB Storage)",
           "realme C35 (Glowing Black, 4GB RAM+128GB Storage)"]


@pytest.mark.parametrize("asked, figures", [
    ("第一个内存有多大", ["64 GB"]),
    ("内存是多少", ["64 GB", "128GB", "128GB"]),
    ("這幾款的內存呢", ["64 GB", "128GB", "128GB"]),
    ("运行内存多少", ["4 GB", "6GB", "4GB"]),
    ("第三个运存几个G", ["4GB"]),
])
def test_memory_in_chinese_is_storage_and_yun_cun_is_ram(asked: str, figures: list[str]) -> None:
    from chatrec.answers import answer_question, find_reference

    items = [_phone(n, t) for n, t in enumerate(_PHONES)]
    positions = find_reference(asked, len(items), "zh") or [1, 2, 3]
    chosen = [items[p - 1] for p in positions] if len(positions) < len(items) else items
    answer = answer_question(asked, chosen, "zh", positions=positions)
    quoted = [part.split("“")[1].split("”")[0] for part in answer.text.split("。") if "“" in part]
    assert quoted == figures, answer.text


@pytest.mark.parametrize("said, storage", [("哪款内存最大", "128"), ("内存最大的是哪个", "128")])
def test_the_most_memory_in_chinese_is_the_most_storage(said: str, storage: str) -> None:
    from chatrec.answers import answer_question

    answer = answer_question(said, [_phone(n, t) for n, t in enumerate(_PHONES)], "zh")
    assert storage in answer.text and "64" in answer.text, answer.text


@pytest.mark.parametrize("said", ["256G内存的手机", "想要256g存储的"])
def test_g_before_a_memory_word_is_gigabytes(said: str) -> None:
    from chatrec.spec_filters import read_bounds

    assert read_bounds(said) == {"gb": (256.0, 256.0)}
    assert read_bounds("5G手机") == {}  # a network, not gigabytes


@pytest.mark.parametrize("said, intent", [("内存有多大？", "ask_about_item"), ("運存呢", "ask_about_item"),
                                          ("内存再大点的有吗", "refine"), ("有没有内存多一点的", "refine")])
def test_a_memory_question_or_wish_about_shown_phones_is_read(catalogues: Any, said: str, intent: str) -> None:
    from chatrec.understanding import TurnContext, understand

    vocabulary, items = catalogues["electronics"]
    shown = [i for i in items.values() if i.category == "Smartphones"][:3]
    request = understand(said, vocabulary, TurnContext(shown=shown, searching=True,
                                                       current={"category": ["Smartphones"]}))
    assert request.intent in (intent, "compare" if intent == "ask_about_item" else intent), request


@pytest.mark.parametrize("said", ["内存再大一点的", "有没有内存多一点的", "内存更大的呢"])
def test_more_memory_than_shown_asks_for_more_storage(said: str) -> None:
    from chatrec.spec_comparatives import comparative_bounds

    bounds = comparative_bounds(said, [_phone(n, t) for n, t in enumerate(_PHONES)])
    assert list(bounds) == ["gb"] and (bounds["gb"][0] or 0) > 128, bounds


# --- (5) the device an accessory is for is no feature of the accessory -----------------------------------


def _case(title: str, description: str) -> Any:
    from chatrec.catalog import Item

    return Item(id="c1", title=title, description=description, price=299.0, category="BasicCases", currency="INR",
                attributes={"subcategory": "Mobiles&Accessories"})


@pytest.mark.parametrize("said, device", [
    ("need a back cover for my phone", "phone"),
    ("a sleeve for my laptop please", "laptop"),
    ("una funda para mi celular", "celular"),
    ("a skin for my tablet", "tablet"),
])
def test_the_device_an_accessory_is_for_is_no_credited_feature(said: str, device: str) -> None:
    from chatrec.grounding import FactWriter, Request, facts_for

    item = _case("Amozo Ultra Hybrid Case (Transparent)",
                 f"Shock proof case for your {device}, slim fit. Keeps the {device} safe from drops.")
    facts = facts_for(item, Request(text=said))
    assert not [f for f in facts if f.kind == "feature" and device in f.value.lower()], facts
    assert device not in FactWriter().write(facts).lower()


def test_a_device_the_title_names_stays_creditable() -> None:
    from chatrec.gaps_round9 import device_words

    assert device_words("tempered glass for the iphone 13", "Tempered Glass for iPhone 13 (Pack of 2)") == set()
    assert device_words("a case for my phone", "Spigen Case Compatible with iPhone 14") == {"phone"}
    assert device_words("a gift for my daughter") == set()


def test_a_phone_said_before_is_no_feature_of_its_case() -> None:
    from chatrec.gaps_round9 import device_words

    assert device_words("cheap smartphone, something under 12k. and a cover for that?") == {"smartphone"}
    assert device_words("a phone with a good camera") == set()  # no case asked: the words are the shopper's wish


# --- (3) no case names the shown phone: said plainly, the nearest shown ------------------------------------


def _device(n: int, title: str, brand: str, category: str = "Smartphones",
            subcategory: str = "Mobiles&Accessories") -> Any:
    from chatrec.catalog import Item

    return Item(id=f"d{n}", title=title, brand=brand, price=9999.0, category=category, currency="INR",
                attributes={"department": "Electronics", "subcategory": subcategory})


def _cands(*titles: str) -> list[Any]:
    from chatrec.retrieval import Candidate

    return [Candidate(item=_device(10 + n, t, t.split()[0], "BasicCases"), score=1.0 - n / 10)
            for n, t in enumerate(titles)]


_CASES = ("Spigen Ultra Hybrid Back Cover Case Compatible with iPhone 14 Pro max",
          "Amozo Back Cover Case for iPhone 13", "Samsung Silicone Cover for Galaxy S22")


@pytest.mark.parametrize("said", ["and a cover for it", "got a case for that one?", "¿tienes funda para este?",
                                  "gibt es dafür eine Hülle?", "有这个的手机壳吗"])
def test_no_case_for_the_shown_model_is_said_and_same_brand_comes_first(said: str) -> None:
    from chatrec.gaps_round9 import nearest_cases

    phones = [_device(1, "Samsung Galaxy M13 (Aqua Green, 4GB, 64GB Storage) | 6000mAh", "Samsung")]
    ordered, models = nearest_cases(_cands(*_CASES), said, phones)
    assert models == ["Samsung Galaxy M13"]
    assert ordered[0].item.title.startswith("Samsung Silicone")


def test_a_case_naming_the_model_is_no_gap_and_other_devices_are_no_phone() -> None:
    from chatrec.gaps_round9 import nearest_cases

    phones = [_device(1, "Apple iPhone 13 (128GB) - Midnight", "Apple")]
    cands = _cands(*_CASES)
    assert nearest_cases(cands, "a case for it", phones) == (cands, [])
    tvs = [_device(2, "Samsung 80 cm (32 inches) Smart LED TV", "Samsung", "SmartTelevisions", "HomeTheater,TV&Video")]
    assert nearest_cases(cands, "a case for my phone", tvs) == (cands, [])


@pytest.mark.parametrize("said, words", [("and a cover for it", "No case or cover for"),
                                         ("¿y una funda para él?", "ninguna funda para"),
                                         ("和一个手机壳", "没有列出适用于")])
def test_the_reply_says_no_case_is_listed_in_the_shoppers_language(said: str, words: str) -> None:
    from chatrec.wording import Phrases

    language = "es" if "funda" in said else "zh" if "壳" in said else "en"
    text = Phrases().language(language).render("no_case_for", models="POCO C31")
    assert words in text and "POCO C31" in text


# --- (6) a piece to match is not filtered to the other piece's colour ---------------------------------------


@pytest.mark.parametrize("said", ["a blue shirt and matching trousers", "una camisa azul y unos pantalones que combinen",
                                  "蓝色衬衫和搭配的裤子"])
def test_a_matching_piece_keeps_no_colour_the_first_piece_keeps_its_own(fashion: Any, said: str) -> None:
    items = _items(fashion, fashion.respond(said, session_id="s"))
    shirts = [i for i in items if "shirt" in i.title.lower()]
    trousers = [i for i in items if "trouser" in i.title.lower()]
    assert shirts and trousers, [i.title for i in items]
    assert all("blue" in i.title.lower() for i in shirts), [i.title for i in shirts]
    assert any("blue" not in i.title.lower() for i in trousers), [i.title for i in trousers]


@pytest.mark.parametrize("said, kept", [
    ("a blue shirt and trousers in the same colour", False),
    ("ein blaues Hemd und eine Hose in der gleichen Farbe", False),
    ("a shirt and blue trousers to match", False),  # the colour is said with the second piece
    ("ein blaues Hemd und eine passende Hose", True),
])
def test_the_same_colour_asked_for_stays_on_every_piece(catalogues: Any, said: str, kept: bool) -> None:
    from chatrec.bundles import as_one_field
    from chatrec.gaps_round9 import matching_piece
    from chatrec.understanding import TurnContext, understand

    vocabulary, items = catalogues["fashion"]
    heard = understand(said, vocabulary, TurnContext())
    kinds = [k for k in ("subCategory", "articleType", "category") if k in heard.include]
    heard = heard.model_copy(update={"include": as_one_field(heard.include, kinds, list(items.values()))})
    changed, piece = matching_piece(heard, said, lambda text: understand(text, vocabulary, TurnContext()))
    assert (piece is not None) is kept, (heard.include, piece)
    assert ("baseColour" in changed.include) is (not kept)
