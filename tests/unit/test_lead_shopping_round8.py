"""Classes the lead found shopping the demos (issue 12, stop 30): a loud look turned down, and the answer
to "why this one?" saying that it is the reason for the suggestion."""

from __future__ import annotations

import pytest

from chatrec.answers import answer_question
from chatrec.catalog import Item
from chatrec.loud_words import calm_first, is_loud_word
from chatrec.retrieval import Candidate


def _watch(n: int, title: str, colour: str) -> Candidate:
    item = Item(id=str(n), title=title, category="Watches", brand="", attributes={"baseColour": colour})
    return Candidate(item=item, score=-float(n))


WATCHES = [
    _watch(1, "Carrera Men Strap Dial Yellow Watch", "Yellow"),
    _watch(2, "Titan Men Gold Tone Watch", "Gold"),
    _watch(3, "Fastrack Men Black Watch", "Black"),
    _watch(4, "Timex Men Steel Watch", "Steel"),
    _watch(5, "Sonata Men Multicolour Dial Watch", "Multi"),
    _watch(6, "Puma Men Pink Watch", "Pink"),
]


@pytest.mark.parametrize("word", ["flashy", "gaudy", "blingy", "llamativo", "chillón", "auffällig", "protzig", "花哨"])
def test_a_loud_look_turned_down_puts_loud_colours_last(word: str) -> None:
    ordered = [c.item.id for c in calm_first(WATCHES, ["cheap", word])]
    assert ordered[:2] == ["3", "4"], "the black and steel watches first, in their order"
    assert set(ordered[2:]) == {"1", "2", "5", "6"}, "nothing is dropped"


@pytest.mark.parametrize("words", [[], ["skinny"], ["ripped", "stripes"], ["leather"]])
def test_other_words_to_avoid_keep_the_order(words: list[str]) -> None:
    assert [c.item.id for c in calm_first(WATCHES, words)] == [str(n) for n in range(1, 7)]


def test_loud_words_are_read_folded() -> None:
    assert is_loud_word("FLASHY") and is_loud_word("Auffällig") and is_loud_word("chillon")
    assert not is_loud_word("black") and not is_loud_word("skinny")


SHOE = Item(id="9", title="Puma Men Black Running Shoes", category="Sports Shoes", brand="Puma",
            attributes={"baseColour": "Black", "gender": "Men"})


@pytest.mark.parametrize(("question", "language", "opening"), [
    ("why the second one?", "en", "Why I suggested"),
    ("why did you pick that one", "en", "Why I suggested"),
    ("为什么推荐第二个？", "zh", "我推荐"),
    ("¿por qué el segundo?", "es", "Por qué te sugerí"),
    ("warum der zweite?", "de", "Warum ich"),
])
def test_why_says_it_is_the_reason_for_the_suggestion(question: str, language: str, opening: str) -> None:
    reason = {"en": "A black running shoe by Puma.", "zh": "Puma 的黑色跑鞋。", "es": "Una zapatilla negra de Puma para correr.",
              "de": "Ein schwarzer Laufschuh von Puma."}[language]
    answer = answer_question(question, [SHOE], language=language, positions=[2], reasons=[reason])
    assert answer.kind == "why"
    assert answer.text.startswith(opening) and reason in answer.text, answer.text


@pytest.mark.parametrize("question", ["tell me about the first one", "what about the first one?"])
def test_a_question_about_an_item_is_no_why(question: str) -> None:
    answer = answer_question(question, [SHOE], positions=[1])
    assert not answer.text.startswith("Why")


LAPTOP = Item(id="7", title='Lenovo IdeaPad 3 Core i3 15.6" FHD Thin & Light Laptop (8GB/512GB SSD/Platinum Grey/1.7Kg)',
              category="TraditionalLaptops", brand="Lenovo", price=37247.0)


@pytest.mark.parametrize(("question", "language", "figure"), [
    ("which one is the lightest?", "en", "1.7 kg"),
    ("which is lighter", "en", "1.7 kg"),
    ("哪个最轻？", "zh", "1.7 kg"),
    ("welcher ist der leichteste?", "de", "1.7 kg"),
    ("which has the most storage?", "en", "512 GB"),
])
def test_a_superlative_about_the_only_item_shown_quotes_its_figure(question: str, language: str, figure: str) -> None:
    answer = answer_question(question, [LAPTOP], language=language, positions=[1])
    assert figure in answer.text, answer.text
    assert "does not say" not in answer.text


def test_a_superlative_the_only_item_does_not_state_is_not_made_up() -> None:
    answer = answer_question("which one is the lightest?", [SHOE], positions=[1])
    assert "kg" not in answer.text


# --- a question about a place past the list is no search for what it names ---------------------------


@pytest.mark.parametrize(("message", "language"), [
    ("el segundo tiene micrófono?", "es"),
    ("does the second one have a mic?", "en"),
    ("hat der dritte ein Mikrofon?", "de"),
    ("第二个有麦克风吗？", "zh"),
])
def test_a_question_about_a_place_past_the_list_stays_a_question(message: str, language: str) -> None:
    from chatrec.one_shown import question_past_the_list
    from chatrec.request import ShopperRequest

    searched = ShopperRequest(intent="recommend", include={"subcategory": ["Microphones"]}, language=language)
    heard = question_past_the_list(message, searched, 1)
    assert heard.intent == "ask_about_item" and not heard.include
    assert question_past_the_list(message, searched, 3) == searched, "a place on the list: unchanged here"


@pytest.mark.parametrize("message", ["something like the second but cheaper", "microphones please", "algo más barato"])
def test_a_request_that_asks_nothing_is_left_alone(message: str) -> None:
    from chatrec.one_shown import question_past_the_list
    from chatrec.request import ShopperRequest

    searched = ShopperRequest(intent="refine", include={"subcategory": ["Microphones"]})
    assert question_past_the_list(message, searched, 1) == searched


@pytest.mark.parametrize(("message", "language", "said"), [
    ("why the third one?", "en", "only one item"),
    ("el segundo tiene micrófono?", "es", "Solo te mostré un artículo"),
    ("第二个有麦克风吗？", "zh", "我只推荐了 1 件"),
])
def test_no_item_is_bound_to_a_place_past_the_list(message: str, language: str, said: str) -> None:
    from chatrec.followups import about_last_spoken
    from chatrec.request import ShopperRequest
    from chatrec.turn import out_of_range

    asked = ShopperRequest(intent="ask_about_item", language=language)
    heard = about_last_spoken(asked, message, [LAPTOP], [])
    assert not heard.references
    text = out_of_range(message, heard, 1)
    assert text is not None and said in text


@pytest.mark.parametrize("message", ["have you got these in purple?", "do they come in red?", "which of these is the lightest?"])
def test_these_is_no_place_past_the_list(message: str) -> None:
    from chatrec.followups import about_last_spoken
    from chatrec.one_shown import question_past_the_list
    from chatrec.request import ShopperRequest

    searched = ShopperRequest(intent="refine", include={"baseColour": ["Purple"]})
    assert question_past_the_list(message, searched, 1) == searched
    asked = ShopperRequest(intent="ask_about_item")
    assert about_last_spoken(asked, message, [LAPTOP], []).references


# --- a make the shopper has and dislikes is turned down, not wished ------------------------------------


@pytest.mark.parametrize("message", [
    "she already has a samsung, doesnt like it",
    "my mum has a samsung and hates it",
    "he had a Samsung before and didn't like it",
    "mi mamá tiene un Samsung y no le gusta",
    "sie hat ein Samsung und mag es nicht",
    "我妈有个三星，不喜欢",
])
def test_a_make_had_and_disliked_is_turned_down(catalogues: dict, message: str) -> None:
    from tests.demo_reading import read

    heard = read(catalogues, "electronics", message, current={"subcategory": ["Smartphones"]})
    assert heard.exclude.get("brand") == ["Samsung"], heard
    assert "Samsung" not in heard.include.get("brand", [])


@pytest.mark.parametrize("message", [
    "he has an iphone and loves it",
    "she has a phone, doesnt like it",
    "I have a samsung tv, show me a soundbar",
])
def test_a_make_had_and_liked_or_no_make_is_not_turned_down(catalogues: dict, message: str) -> None:
    from tests.demo_reading import read

    heard = read(catalogues, "electronics", message, current={"subcategory": ["Smartphones"]})
    assert not heard.exclude.get("brand"), heard


# --- a case for a phone is filed with the shop's phone cases -------------------------------------------


@pytest.mark.parametrize("message", ["and a case for it?", "ok and a cover for it", "a case for my phone",
                                     "una funda para el celular", "手机壳", "mobile cover"])
def test_a_case_for_a_phone_is_a_phone_case(catalogues: dict, message: str) -> None:
    from tests.demo_reading import read

    heard = read(catalogues, "electronics", message, current={"category": ["Smartphones"]})
    assert heard.include.get("category") == ["BasicCases"], heard


@pytest.mark.parametrize(("message", "kind"), [("a case for my earphones", "Cases"),
                                               ("a laptop sleeve", "LaptopSleeves&Slipcases")])
def test_a_case_for_another_device_keeps_its_own_type(catalogues: dict, message: str, kind: str) -> None:
    from tests.demo_reading import read

    heard = read(catalogues, "electronics", message, current={"category": ["Smartphones"]})
    assert heard.include.get("category") == [kind], heard


@pytest.mark.parametrize(("question", "language", "opening"), [
    ("为什么推荐第二个？", "zh", "我推荐"), ("¿por qué el segundo?", "es", "Por qué te sugerí"),
    ("warum der zweite?", "de", "Warum ich")])
def test_why_in_another_language_than_the_reason_gives_the_facts_in_that_language(
        question: str, language: str, opening: str) -> None:
    answer = answer_question(question, [SHOE], language=language, positions=[2],
                             reasons=["A black running shoe by Puma — the type you asked for."])
    assert answer.text.startswith(opening) and "A black running shoe" not in answer.text, answer.text
