"""Classes the lead found shopping the demos (issue 12, stop 31): ease words that are no price tier, negated
verbs of behaviour that keep nothing out, a kind of the searched type turned down, "he games a lot", and
reasons that name no avoided word and no type word as a feature."""

from __future__ import annotations

from typing import Any

import pytest

from chatrec.price_tiers import tier_said


def _read(catalogues: Any, catalogue: str, message: str, current: dict[str, list[str]] | None = None) -> Any:
    from chatrec.understanding import TurnContext, understand

    vocabulary, _ = catalogues[catalogue]
    context = TurnContext(searching=bool(current), current=current or {},
                          catalog_currency="INR" if catalogue == "electronics" else None)
    return understand(message, vocabulary, context)


# --- "simple to use" says how easy, not how dear ---------------------------------------------------------


@pytest.mark.parametrize("said", [
    "a smartwatch for my mom, simple to use, big display",
    "a printer that is simple enough to set up",
    "a heater that's cheap to run",
    "un reloj sencillo de usar para mi abuela",
    "ein Handy, schlicht zu bedienen",
    "操作简单的手表",
])
def test_ease_words_are_no_price_tier(said: str) -> None:
    assert tier_said(said) is None


@pytest.mark.parametrize(("said", "tier"), [
    ("something simple", "modest"), ("a basic phone, simple", "modest"), ("algo sencillo", "modest"),
    ("简单的就行", "modest"), ("a cheap one, easy to use", "cheap"),
])
def test_price_tiers_still_read(said: str, tier: str) -> None:
    found = tier_said(said)
    assert found is not None and found.name == tier


# --- a negated verb of behaviour keeps no word out of the titles ------------------------------------------


@pytest.mark.parametrize("said", [
    "earphones for the gym that wont fall out",
    "earbuds that don't hurt my ears",
    "a usb cable that will not break easily",
    "a phone that doesn't overheat or lag",
    "headphones that never slip off when i run",
])
def test_a_negated_behaviour_is_no_word_to_avoid(catalogues: Any, said: str) -> None:
    request = _read(catalogues, "electronics", said)
    assert request.avoid_words == [], request


@pytest.mark.parametrize(("said", "avoided"), [
    ("I don't want red", "red"), ("she doesn't wear heels", "heel"), ("a kettle that doesnt leak and is not black", "black"),
])
def test_other_negations_still_keep_words_out(catalogues: Any, said: str, avoided: str) -> None:
    request = _read(catalogues, "electronics", said)
    assert avoided in request.avoid_words or avoided in str(request.exclude).lower(), request


def test_overheat_is_no_typo(catalogues: Any) -> None:
    from chatrec.understanding import _is_word

    assert _is_word("overheat") and _is_word("wobble")


# --- turning down a kind of the searched type keeps the type ----------------------------------------------


@pytest.mark.parametrize(("catalogue", "current", "said", "head"), [
    ("electronics", {"category": ["SmartWatches"]}, "no fitness band", "band"),
    ("electronics", {"category": ["SmartWatches"]}, "no fitness bands please", "band"),
    ("electronics", {"category": ["SmartWatches"]}, "no black, no fitness band", "band"),
    ("electronics", {"category": ["SmartWatches"]}, "no fitness band, not black", "band"),
    ("fashion", {"category": ["Casual Shoes"]}, "no sneakers", "sneaker"),
    ("fashion", {"category": ["Tshirts"], "gender": ["Men"]}, "no polos", "polo"),
])
def test_a_kind_turned_down_keeps_the_type(catalogues: Any, catalogue: str, current: dict[str, list[str]],
                                            said: str, head: str) -> None:
    request = _read(catalogues, catalogue, said, current)
    assert not request.exclude.get("category") and not request.exclude.get("subCategory"), request
    assert head in request.avoid_words, request


@pytest.mark.parametrize(("catalogue", "current", "said", "field"), [
    ("electronics", {"category": ["SmartWatches"]}, "no smartwatches", "category"),
    ("electronics", {"category": ["SmartWatches"]}, "no smart watch please", "category"),
    ("fashion", {"category": ["Casual Shoes"]}, "not casual shoes", "category"),
    ("fashion", {"category": ["Tshirts"], "gender": ["Men"]}, "no tshirts", "category"),
    ("fashion", {"category": ["Casual Shoes"]}, "no shoes", "subCategory"),
])
def test_the_type_itself_turned_down_is_excluded(catalogues: Any, catalogue: str, current: dict[str, list[str]],
                                                 said: str, field: str) -> None:
    request = _read(catalogues, catalogue, said, current)
    assert request.exclude.get(field), request


# --- "he games a lot" --------------------------------------------------------------------------------------


@pytest.mark.parametrize("said", [
    "looking for a gift for my brother, he games a lot",
    "something for my nephew, he's gaming all day",
    "a present for my husband who games with friends online",
])
def test_gaming_said_as_a_verb_is_gaming(catalogues: Any, said: str) -> None:
    request = _read(catalogues, "electronics", said)
    assert "gaming" in request.query.split(), request
    assert not any("Toys" in v for vs in request.include.values() for v in vs), request


def test_a_title_with_game_stays(catalogues: Any) -> None:
    request = _read(catalogues, "electronics", "he game of thrones fan")
    assert "gaming" not in request.query.split()


# --- reasons: an avoided word and the type's own word are no feature --------------------------------------


def _watch() -> Any:
    from chatrec.catalog import Item

    return Item(id="w", title="Noise Pulse Smartwatch with Fitness Band Mode", category="SmartWatches", brand="Noise",
                description="A smartwatch with a big display and a sports band.", price=1999.0)


def test_an_avoided_word_is_no_feature() -> None:
    from chatrec.grounding import Request, facts_for

    features = [f.value for f in facts_for(_watch(), Request(text="a smartwatch with display no fitness band",
                                                             avoid=("band",))) if f.kind == "feature"]
    assert not any("band" in f for f in features), features


def test_the_type_run_together_is_no_feature() -> None:
    from chatrec.grounding import Request, facts_for

    features = [f.value for f in facts_for(_watch(), Request(text="a smartwatch for my mom, big display",
                                                             include={"category": ["SmartWatches"]}))
                if f.kind == "feature"]
    assert not any("smartwatch" in f for f in features) and not any(f == "big" for f in features), features


# --- an outfit is several kinds of things ------------------------------------------------------------------


@pytest.mark.parametrize("said", [
    "need an outfit for a job interview, I'm a guy", "what to wear to my cousin's wedding", "a whole new look for summer",
    "necesito un conjunto para una boda", "ich brauche ein Outfit fürs Büro", "想要一身休闲的穿搭",
])
def test_an_outfit_is_asked(said: str) -> None:
    from chatrec.outfit_mix import asks_outfit

    assert asks_outfit(said)


@pytest.mark.parametrize("said", ["formal shirts for men", "a black look-alike watch", "zapatos de fiesta", "黑色的包"])
def test_other_wishes_are_no_outfit(said: str) -> None:
    from chatrec.outfit_mix import asks_outfit

    assert not asks_outfit(said)


def _typed(n: int, category: str) -> Any:
    from chatrec.catalog import Item

    return Item(id=str(n), title=f"{category} {n}", category=category)


def test_an_outfit_takes_the_types_in_turns() -> None:
    from chatrec.outfit_mix import mixed

    items = [_typed(1, "Formal Shoes"), _typed(2, "Formal Shoes"), _typed(3, "Formal Shoes"), _typed(4, "Shirts"),
             _typed(5, "Trousers"), _typed(6, "Shirts")]
    ordered = [i.id for i in mixed(items, "an outfit for an interview", {"usage": ["Formal"]}, ["category"])]
    assert ordered == ["1", "4", "5", "2", "6", "3"]
    assert [i.id for i in mixed(items, "an outfit", {"category": ["Shirts"]}, ["category"])] == [str(n) for n in range(1, 7)]
    assert [i.id for i in mixed(items, "formal wear", {}, ["category"])] == [str(n) for n in range(1, 7)]


def test_an_outfit_conversation_shows_several_types(fashion: Any) -> None:
    reply = fashion.respond("need an outfit for a job interview, I'm a guy", session_id="o")
    if not reply.recommendations:
        reply = fashion.respond("just show me", session_id="o")
    from chatrec.understanding import type_fields

    items = [fashion.item(r.item_id) for r in reply.recommendations]
    kinds = {(i.category, *(i.attributes.get(n) for n in type_fields(list(i.attributes)))) for i in items}
    assert len(kinds) >= 2, kinds


# --- others' doing is no feature asked for; comparing prices names no thing ---------------------------------


@pytest.mark.parametrize("said", ["not white, everybody wears white", "no red please, my boss wears red",
                                  "not black, all my friends have black"])
def test_what_others_do_is_no_missing_feature(said: str) -> None:
    from chatrec.followups import not_mentioned

    texts = ["Arrow Men Blue Formal Shirt", "Peter England Men Grey Shirt"]
    vocabulary = {"wear", "wears", "have", "shirt"}
    assert not_mentioned(said.replace(",", ""), said, texts, vocabulary) is None


def test_cheaper_in_a_shop_without_prices_names_no_thing(fashion: Any) -> None:
    fashion.respond("我想给女朋友买个包", session_id="c")
    reply = fashion.respond("有没有便宜一点的", session_id="c")
    assert "没有标价" in reply.text and "便宜一点”" not in reply.text, reply.text


@pytest.mark.parametrize("said", ["no red please, my boss wears red", "not blue, her sister has blue"])
def test_the_person_of_a_story_is_no_missing_feature(said: str) -> None:
    from chatrec.followups import not_mentioned

    texts = ["Arrow Men Green Formal Shirt", "Peter England Men Grey Shirt"]
    assert not_mentioned(said.replace(",", ""), said, texts, {"boss", "sister", "shirt"}) is None


@pytest.mark.parametrize(("said", "kept"), [("no sneakers either", None), ("not red either", None),
                                             ("and no leather either", "leather"), ("no pink anymore", None)])
def test_either_and_anymore_are_no_words_to_avoid(catalogues: Any, said: str, kept: str | None) -> None:
    request = _read(catalogues, "fashion", said, {"subCategory": ["Bags"], "gender": ["Women"]})
    assert request.avoid_words == ([kept] if kept else []), request
