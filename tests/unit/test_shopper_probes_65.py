"""Stop 65: wording found by holding conversations on the demo catalogues as a shopper.

Each test names the reply that was wrong before; each fails without its change (the guards beside them
pass either way).
"""

from __future__ import annotations

from typing import Any

import pytest

from chatrec.colour_families import families_said
from chatrec.price_tiers import tier_said
from chatrec.problem_words import product_for, words_of_problem
from tests.demo_reading import talk

_LIGHT = {"White", "Off White", "Cream", "Beige", "Peach", "Lavender", "Skin", "Nude", "Sky Blue", "Light Blue",
          "Light Pink", "Light Grey", "Light Green", "Baby Pink", "Ivory", "Lemon", "Mint"}


def _colours(rec: Any, reply: Any) -> set[str]:
    return {str(rec.item(r.item_id).attributes.get("baseColour")) for r in reply.recommendations}


# --- "do you have them in a lighter colour?": others in the family, not a question about those shown ------------

@pytest.mark.parametrize("follow_up", ["do you have them in a lighter colour?", "any of these in a lighter colour?",
                                       "do you have these in pastel colours?", "can I get them in a lighter shade?",
                                       "a lighter colour please"])
def test_asking_for_the_shown_kind_in_a_lighter_colour_shows_light_ones(whole_fashion: Any, follow_up: str) -> None:
    # Before: "No: … is Green (base colour), not one of the light colours" for each shirt shown, or "None of these
    # 5 items states its weight" ("lighter" read as weight).
    reply = talk(whole_fashion, "men's shirts", follow_up, prefix="p65")
    assert reply.recommendations, reply.text
    assert "weight" not in reply.text and not reply.text.startswith("No:"), reply.text
    kinds = {str(whole_fashion.item(r.item_id).category) for r in reply.recommendations}
    assert kinds == {"Shirts"} and _colours(whole_fashion, reply) <= _LIGHT | {"Sea Green", "Mauve", "Rose"}, reply.text


def test_a_lighter_wash_of_jeans_is_a_colour_not_a_weight(whole_fashion: Any) -> None:
    # Before: "None of these 5 items states its weight in its name or description, so I cannot say which has the
    # least weight."
    reply = talk(whole_fashion, "show me jeans", "do you have them in a lighter wash?", prefix="p65")
    assert reply.recommendations and "weight" not in reply.text, reply.text
    assert reply.metadata["understood"]["intent"] == "refine", reply.metadata["understood"]
    assert {str(whole_fashion.item(r.item_id).category) for r in reply.recommendations} == {"Jeans"}


@pytest.mark.parametrize("message, family", [("a lighter wash", "light"), ("dark wash jeans", "dark")])
def test_a_wash_names_a_colour_family(message: str, family: str) -> None:
    assert [f.name for f, negated in families_said(message, "en") if not negated] == [family]


def test_are_these_in_pastel_colours_is_still_a_question_about_them(whole_fashion: Any) -> None:
    # guard: a yes-or-no question about the items shown keeps its answer (stop 39)
    reply = talk(whole_fashion, "men's shirts", "are these in pastel colours?", prefix="p65")
    assert not reply.recommendations and "pastel" in reply.text, reply.text


# --- a simple phone for an older person is a basic mobile ---------------------------------------------------------

@pytest.mark.parametrize("message", ["a phone for my grandma, something simple", "a phone for my grandpa, nothing complicated",
                                     "un móvil sencillo para mi abuela", "ein einfaches Handy für meine Oma",
                                     "给奶奶买个简单的手机"])
def test_a_simple_phone_is_a_basic_mobile_without_a_budget_of_its_own(whole_electronics: Any, message: str) -> None:
    # Before: smartphones, "<= 13,999 INR … within your budget" (the "simple" read as a price tier), or smartphones.
    reply = talk(whole_electronics, message, prefix="p65")
    kinds = {str(whole_electronics.item(r.item_id).category) for r in reply.recommendations}
    assert kinds == {"BasicMobiles"}, reply.text
    assert reply.metadata["constraints"].get("max_price") is None, reply.metadata["constraints"]


def test_simple_as_a_price_word_is_still_a_tier_without_a_phone() -> None:
    # guard: "something simple" of headphones is the modest tier it was
    assert words_of_problem("headphones, something simple") == "" and tier_said("headphones, something simple")
    assert product_for("a phone for my grandma, something simple") is not None
    assert product_for("a phone with a simple design and a good camera") is None


# --- a liking for a ball sport ------------------------------------------------------------------------------------

@pytest.mark.parametrize("messages", [("a gift for my boyfriend", "he likes football"),
                                      ("necesito un regalo para mi novio", "le gusta el fútbol"),
                                      ("给男朋友买礼物", "他喜欢踢足球"),
                                      ("ein Geschenk für meinen Freund", "er spielt gern Fußball"),
                                      ("my brother plays cricket, what could I get him?",)])
def test_someone_who_likes_a_ball_sport_gets_sportswear(whole_fashion: Any, messages: tuple[str, ...]) -> None:
    # Before: "I found nothing called “football” in this catalogue" with a fragrance gift set first, or "I can only
    # help with shopping" (off topic) in Spanish and Chinese.
    reply = talk(whole_fashion, *messages, prefix="p65")
    kinds = {str(whole_fashion.item(r.item_id).category) for r in reply.recommendations}
    assert reply.recommendations and kinds <= {"Sports Shoes", "Tshirts", "Track Pants"}, reply.text
    genders = {whole_fashion.item(r.item_id).attributes.get("gender") for r in reply.recommendations}
    assert genders <= {"Men", "Unisex"}, (reply.text, genders)


@pytest.mark.parametrize("message", ["do you like football?", "who won the football match yesterday?"])
def test_football_asked_of_the_assistant_is_still_off_topic(whole_fashion: Any, message: str) -> None:
    reply = talk(whole_fashion, message, prefix="p65")
    assert not reply.recommendations and reply.metadata["understood"]["intent"] == "off_topic", reply.text


# --- "last" as a verb is no place in the list ---------------------------------------------------------------------

@pytest.mark.parametrize("message, places", [("how long does the battery last on the first one?", [1]),
                                             ("does the battery last long on the second?", [2]),
                                             ("how long does the last one last?", [5]),
                                             ("compare the first and last", [1, 5]), ("last one please", [5])])
def test_last_names_the_last_item_only_as_a_place(message: str, places: list[int]) -> None:
    # Before: "how long does the battery last on the first one?" answered for the first and the last item.
    from chatrec.answers import find_reference

    assert find_reference(message, 5, "en") == places


def test_how_long_the_battery_lasts_answers_for_the_item_asked(whole_electronics: Any) -> None:
    session = "p65-battery-last"
    shown = whole_electronics.respond("wireless earbuds", session_id=session)
    first = whole_electronics.item(shown.recommendations[0].item_id)
    others = [whole_electronics.item(r.item_id).title[:30] for r in shown.recommendations[1:]]
    reply = whole_electronics.respond("how long does the battery last on the first one?", session_id=session)
    assert first.title[:30] in reply.text and not any(title in reply.text for title in others), reply.text


def test_battery_life_asked_in_chinese_is_no_length(whole_electronics: Any) -> None:
    # Before: "…的数据没有写明长度" (续航 read "lasts", then "how long" as a length).
    session = "p65-battery-zh"
    whole_electronics.respond("无线耳机", session_id=session)
    reply = whole_electronics.respond("第一个续航多久？", session_id=session)
    assert "长度" not in reply.text and "电池" in reply.text, reply.text


# --- "which one charges fastest?": the charging power the names state ---------------------------------------------

@pytest.mark.parametrize("question", ["which one charges fastest?", "¿cuál carga más rápido?", "welche lädt am schnellsten?",
                                      "哪个充电最快？"])
def test_which_charges_fastest_names_the_highest_charging_power(whole_electronics: Any, question: str) -> None:
    # Before: 'The catalogue data for these 5 items does not say anything about “charges fastest”.'
    session = f"p65-fastest-{question}"
    whole_electronics.respond("power banks", session_id=session)
    reply = whole_electronics.respond(question, session_id=session)
    assert not reply.recommendations and " W" in reply.text and "charges fastest" not in reply.text, reply.text


# --- what the thing is for implies a feature -------------------------------------------------------------------------

@pytest.mark.parametrize("message", ["a smartwatch i can swim with", "a speaker for the shower", "un reloj inteligente para nadar",
                                     "eine Smartwatch zum Schwimmen", "游泳能戴的智能手表"])
def test_swimming_with_it_wants_a_waterproof_one(whole_electronics: Any, message: str) -> None:
    # Before: smart watches and speakers whether or not they state it (a Fire-Boltt, a 10WeRun band first).
    from chatrec.specs import features

    reply = talk(whole_electronics, message, prefix="p65")
    assert reply.recommendations, reply.text
    for r in reply.recommendations:
        item = whole_electronics.item(r.item_id)
        assert "waterproof" in features(f"{item.title} {item.description or ''}"), item.title


def test_swimming_implies_nothing_for_clothes() -> None:
    from chatrec.wanted_words import implied

    assert implied("something for swimming", {"Shorts", "Tshirts"}) == []  # guard: a clothes shop's types
    assert implied("a watch for the gym", {"SmartWatches"}) == []


# --- "less traditional" leaves out what "traditional" means ---------------------------------------------------------

def test_less_traditional_leaves_out_ethnic_wear(whole_fashion: Any) -> None:
    # Before: after "wedding outfit for men", "something less traditional" showed only kurtas (Ethnic wished).
    reply = talk(whole_fashion, "wedding outfit for men", "something less traditional", prefix="p65")
    constraints = reply.metadata["constraints"]
    assert "Ethnic" in constraints["exclude"].get("usage", []) and "Ethnic" not in constraints["include"].get("usage", [])
    usages = {whole_fashion.item(r.item_id).attributes.get("usage") for r in reply.recommendations}
    assert reply.recommendations and "Ethnic" not in usages, reply.text


def test_ein_rock_is_a_skirt(whole_fashion: Any) -> None:
    # Before: "Kategorie: Haben Sie einen Wunsch? Zum Beispiel: T-Shirt, Sandalen, …" (no word for "Rock").
    reply = talk(whole_fashion, "ich suche einen Rock", prefix="p65")
    assert reply.recommendations and {str(whole_fashion.item(r.item_id).category)
                                      for r in reply.recommendations} == {"Skirts"}, reply.text


# --- "with a low heel" after sandals is the sandal's heel ---------------------------------------------------------

@pytest.mark.parametrize("first, follow_up, kind", [("sandals for women", "with a low heel", "Sandal"),
                                                    ("hoodies for men", "with a zip", "Sweatshirts")])
def test_a_type_said_after_with_in_a_follow_up_is_a_feature(whole_fashion: Any, first: str, follow_up: str,
                                                            kind: str) -> None:
    # Before: "with a low heel" after women's sandals showed heels ("Women, Heels"), the sandals dropped.
    reply = talk(whole_fashion, first, follow_up, prefix="p65")
    constraints = reply.metadata["constraints"]["include"]
    assert "Heels" not in constraints.get("category", []) and kind in [v for vs in constraints.values() for v in vs], \
        (reply.text, constraints)


def test_with_said_first_still_names_a_type(whole_fashion: Any) -> None:
    # guard: a first message names its type ("heels with a strap" are heels)
    reply = talk(whole_fashion, "heels with a strap for women", prefix="p65")
    assert "Heels" in reply.metadata["constraints"]["include"].get("category", []), reply.metadata["constraints"]
