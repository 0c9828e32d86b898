"""Found by shopping the electronics demo as a customer (lead, stop 24): "others like it" after a
question about one item, a type asked of a shown item ("is it a smart tv?"), the sizes of five
items of one size, and a question that names the item first ("el primero cuánto cuesta")."""

from __future__ import annotations

import pytest

from chatrec.answers import answer_question
from chatrec.catalog import Item
from chatrec.shopper_moves import no_such_type
from tests.demo_reading import read

BUDS = ("B08FN6WGDQ", "B09N3ZNHTY", "B08JQN8DGZ", "B0B31BYXQQ", "B08D11DZ2W")
TVS = ("B0B6F7LX4C", "B08DPLCM6T", "B09F6S8BT6", "B07MKFNHKG")


@pytest.mark.parametrize("message", ["show me others like it but black", "got anything similar to that one?",
                                     "i want one like it but cheaper", "others like this one please"])
def test_like_it_after_a_question_about_one_item_means_that_item(catalogues: object, message: str) -> None:
    request = read(catalogues, "electronics", message, shown=BUDS, last_references=(2,))
    assert request.intent == "more_like"
    assert [r.position for r in request.references] == [2]


@pytest.mark.parametrize("message", ["others like these", "more like them but cheaper"])
def test_like_these_still_means_every_item_shown(catalogues: object, message: str) -> None:
    request = read(catalogues, "electronics", message, shown=BUDS, last_references=(2,))
    assert request.intent == "more_like" and len(request.references) == len(BUDS)


@pytest.mark.parametrize("message", ["show me others", "got any others?", "have you got others?"])
def test_bare_others_still_asks_for_different_items(catalogues: object, message: str) -> None:
    assert read(catalogues, "electronics", message, shown=BUDS).intent == "reject"


@pytest.mark.parametrize("message", ["show me others like that but wireless", "do you have alternatives similar to it?",
                                     "any others like these"])
def test_others_or_alternatives_name_no_product_the_shop_lacks(message: str) -> None:
    assert no_such_type(message, ["In-Ear", "SmartTelevisions"]) is None


def test_a_product_the_shop_lacks_is_still_named() -> None:
    assert no_such_type("do you have laptops?", ["In-Ear", "SmartTelevisions"]) == "laptops"


SMART = Item(id="s", title="LG 80 cm (32 inches) HD Ready Smart LED TV 32LM563BPTC", category="Televisions|SmartTelevisions")
PLAIN = Item(id="p", title="VW 80 cm (32 inches) Frameless Series HD Ready LED TV VW32A",
             category="Televisions|StandardTelevisions")


@pytest.mark.parametrize("message", ["is the first one a smart tv?", "is it a smart telly?", "is that a smart television"])
def test_a_type_asked_of_an_item_is_answered_from_its_type(message: str) -> None:
    answer = answer_question(message, [SMART])
    assert answer.supported and answer.text.startswith("Yes")
    answer = answer_question(message, [PLAIN])
    assert answer.supported and answer.text.startswith("No") and "standard television" in answer.text.lower()


def test_a_type_asked_in_chinese_is_answered_in_chinese() -> None:
    answer = answer_question("第一个是智能电视吗", [PLAIN], "zh")
    assert answer.supported and answer.text.startswith("不是")


@pytest.mark.parametrize("message, language", [("what sizes do you have", "en"), ("what size are these?", "en"),
                                               ("有哪些尺寸", "zh"), ("¿qué tamaños hay?", "es")])
def test_one_size_shared_by_every_item_is_said_once(message: str, language: str) -> None:
    other = Item(id="o", title="OnePlus 80 cm (32 inches) Y Series HD Ready LED Smart Android TV 32Y1")
    answer = answer_question(message, [SMART, PLAIN, other], language)
    assert answer.supported and answer.text.count("32 inches") == 1 and "3" in answer.text


def test_different_sizes_are_each_quoted() -> None:
    big = Item(id="b", title="Sony Bravia 139 cm (55 inches) 4K Ultra HD Smart LED Google TV")
    answer = answer_question("what sizes are they?", [SMART, PLAIN, big])
    assert "55 inches" in answer.text and not answer.text.startswith("All")


@pytest.mark.parametrize("message, language", [("el primero cuánto cuesta", "es"), ("the first one how much", "en"),
                                               ("el segundo cuántos gb tiene", "es"), ("y el segundo qué tal", "es"),
                                               ("the last one, what colour", "en")])
def test_a_question_after_the_item_it_names_asks_about_that_item(catalogues: object, message: str, language: str) -> None:
    request = read(catalogues, "electronics", message, shown=TVS)
    assert request.intent == "ask_about_item" and len(request.references) == 1


FLATS = ("2872", "2889", "4631", "6298", "10287")


@pytest.mark.parametrize("message", ["do you have it in navy", "can i get that one in black", "have you got it in white too?",
                                     "could i order it in red"])
def test_that_item_in_another_colour_is_more_like_it(catalogues: object, message: str) -> None:
    request = read(catalogues, "fashion", message, shown=FLATS, last_references=(3,))
    assert request.intent == "more_like" and [r.position for r in request.references] == [3]
    assert request.include.get("baseColour")


def test_these_in_another_colour_is_a_new_colour_for_the_search(catalogues: object) -> None:
    request = read(catalogues, "fashion", "do you have these in black", shown=FLATS, last_references=(3,))
    assert request.include.get("baseColour") == ["Black"] and [r.position for r in request.references] != [3]


def _label_names() -> list[tuple[str, str, str]]:
    import json
    from pathlib import Path

    import chatrec

    table = json.loads((Path(chatrec.__file__).parent / "data" / "lexicon_labels.json").read_text(encoding="utf-8"))
    return [(language, name, words) for language, names in table.items() if not language.startswith("_")
            for name, words in names.items()]


@pytest.mark.parametrize("language, name, words", _label_names())
def test_a_type_named_in_the_shoppers_language_is_shown_so_and_reads_back(
        catalogues: object, language: str, name: str, words: str) -> None:
    """A quick reply shown as "普通电视" is the catalogue's "Standard televisions", and clicking it picks that value."""
    from chatrec.labels import Labels
    from chatrec.language import Lexicon

    for catalogue in ("electronics", "fashion"):
        vocabulary, items = catalogues[catalogue]  # type: ignore[index]
        labels = Labels.for_items(items.values())
        for field, counts in vocabulary.counts.items():
            values = [v for v in counts if labels.show(v).lower() == words]
            if not values:
                continue
            assert Lexicon.default().native(labels.show(values[0]), language) == name
            others = [v for v in counts if v != values[0]][:4]
            request = read(catalogues, catalogue, name, pending=(field, [values[0], *others]))
            assert values[0] in request.include.get(field, ()), (catalogue, field, request)
            return
    pytest.fail(f"no demo catalogue value is shown as {words!r}")


@pytest.mark.parametrize("message, language", [("something for the kitchen", "en"), ("algo de cocina", "es"),
                                               ("was für die Küche", "de"), ("厨房用的", "zh")])
def test_an_answer_with_a_word_of_one_offered_option_picks_it(catalogues: object, message: str, language: str) -> None:
    options = ["Kitchen&HomeAppliances", "Heating,Cooling&AirQuality", "HomeTheater,TV&Video", "WearableTechnology"]
    request = read(catalogues, "electronics", message, pending=("subcategory", options))
    assert request.include.get("subcategory") == ["Kitchen&HomeAppliances"] and request.language == language


def test_a_word_two_options_share_picks_neither(catalogues: object) -> None:
    options = ["Kitchen&HomeAppliances", "HomeStorage&Organization", "HomeTheater,TV&Video"]
    request = read(catalogues, "electronics", "something for the home", pending=("subcategory", options))
    assert not request.include.get("subcategory")


WIRED = Item(id="g", title="Logitech G402 Hyperion Fury USB Wired Gaming Mouse, 4,000 DPI", category="Mice|GamingMice")
WIRELESS = Item(id="h", title="Zebronics Wireless Mouse, 2.4GHz with USB Nano Receiver", category="Mice|Mice")


@pytest.mark.parametrize("message, language", [("is it wired or wireless?", "en"), ("第二个有线还是无线？", "zh"),
                                               ("wireless or wired", "en")])
def test_an_either_question_is_answered_with_the_alternative_the_data_states(message: str, language: str) -> None:
    answer = answer_question(message, [WIRED], language)
    assert answer.supported and "wired" in answer.text and "wireless" not in answer.text.replace(WIRED.title, "")
    both = answer_question(message, [WIRED, WIRELESS], language).text
    assert "“wired”" in both and "“wireless”" in both


def test_an_either_question_about_a_field_names_the_value_without_a_yes() -> None:
    shirt = Item(id="s", title="Peter England Men Blue Shirt", attributes={"baseColour": "Blue", "gender": "Men"})
    assert answer_question("is it for men or women?", [shirt]).text == "Peter England Men Blue Shirt is listed as Men (gender)."
    assert "Blue" in answer_question("blue or black?", [shirt]).text and "not" not in answer_question("blue or black?", [shirt]).text


def test_cheaper_right_after_a_question_about_one_item_is_cheaper_than_that_item() -> None:
    from chatrec.dialogue import DialogueState, Heard
    from chatrec.request import ItemReference, ShopperRequest

    state = DialogueState(last_shown=["a", "b", "c"], last_prices=[399.0, 1995.0, 575.0])
    state.apply(Heard(ShopperRequest(intent="ask_about_item", references=[ItemReference(position=2, item_id="b")])))
    state.apply(Heard(ShopperRequest(intent="refine", relative_price="cheaper")))
    assert state.max_price is not None and 1500 < state.max_price < 1995
    fresh = DialogueState(last_shown=["a", "b", "c"], last_prices=[399.0, 1995.0, 575.0])
    fresh.apply(Heard(ShopperRequest(intent="refine", relative_price="cheaper")))
    assert fresh.max_price is not None and fresh.max_price < 399


def _ranked(kinds: list[str]) -> list[object]:
    from chatrec.ranking import Ranked
    from chatrec.retrieval import Candidate

    return [Ranked(Candidate(Item(id=str(i), title=f"item {i}", category=f"Ties|{k}"), 1.0 - i / 100), 1.0 - i / 100)
            for i, k in enumerate(kinds)]


def test_without_a_product_type_a_reply_mixes_kinds_in_ranked_order() -> None:
    from chatrec.turn import mixed_kinds

    ranked = _ranked(["Ties", "Ties", "Ties", "Ties", "Belts", "Shirts", "Ties", "Shoes"])
    chosen = mixed_kinds(ranked, 5, "category")  # type: ignore[arg-type]
    assert [r.candidate.item.id for r in chosen] == ["0", "1", "4", "5", "7"]


def test_with_too_few_kinds_the_best_of_the_rest_fill_the_reply() -> None:
    from chatrec.turn import mixed_kinds

    ranked = _ranked(["Ties", "Ties", "Ties", "Belts", "Ties"])
    chosen = mixed_kinds(ranked, 5, "category")  # type: ignore[arg-type]
    assert [r.candidate.item.id for r in chosen] == ["0", "1", "2", "3", "4"]


def test_an_occasion_without_a_product_shows_several_kinds(fashion: object) -> None:
    reply = fashion.respond("I need something for a wedding, I'm a guy", session_id="w")  # type: ignore[attr-defined]
    kinds = [r.attributes.get("articleType") for r in reply.recommendations]
    assert len(reply.recommendations) >= 3 and max(kinds.count(k) for k in kinds) <= 2, kinds


@pytest.mark.parametrize("message", ["fine, that one", "ok this one then", "alright, i'll go with that one"])
def test_taking_the_item_talked_about_is_a_choice_not_a_search(catalogues: object, message: str) -> None:
    request = read(catalogues, "electronics", message, shown=TVS, last_references=(2,))
    assert request.intent == "ask_about_item" and [r.position for r in request.references] == [2]
    answer = answer_question(message, [Item(id="t", title="LG 80 cm (32 inches) HD Ready Smart LED TV", price=13490.0,
                                            currency="INR")])
    assert answer.kind == "chosen"


def test_an_either_question_the_data_does_not_answer_says_so_as_asked() -> None:
    plain = Item(id="z", title="Zebronics Zeb-Transformer-M Optical USB Gaming Mouse with LED Effect", category="Mice|GamingMice")
    answer = answer_question("is the first one wireless or wired?", [plain])
    assert not answer.supported and "“wireless or wired”" in answer.text
    mixed = answer_question("wired or wireless?", [plain, WIRED])
    assert mixed.supported and "“wired or wireless”" in mixed.text and "“wired”" in mixed.text
