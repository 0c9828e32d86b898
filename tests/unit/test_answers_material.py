"""What an item is made of: asked in any language, answered from what its data says, in the shopper's words."""

from __future__ import annotations

from chatrec.answers import answer_question
from chatrec.catalog import Item

BAG = Item(id="1", title="Murcia Women Black Handbag", category="Handbags", brand="",
           attributes={"baseColour": "Black", "gender": "Women", "usage": "Casual"})
LEATHER = Item(id="2", title="Baggit Women Brown Leather Sling Bag", category="Handbags", brand="Baggit",
               attributes={"baseColour": "Brown", "gender": "Women"})
JEANS = Item(id="3", title="Wrangler Men Black Texas Jeans", category="Jeans", brand="Wrangler",
             attributes={"baseColour": "Black", "gender": "Men"})


def test_made_of_asks_for_the_material_not_the_word_made() -> None:
    for question in ("what is the first one made of?", "what fabric is it", "which material is this one"):
        text = answer_question(question, [BAG]).text
        assert "“material”" in text and "“made" not in text and "“fabric" not in text, (question, text)


def test_a_material_the_name_states_is_quoted() -> None:
    text = answer_question("what's it made from?", [LEATHER]).text
    assert "Leather" in text and "does not say “material”" in text


def test_material_in_chinese_spanish_and_german_is_named_in_that_language() -> None:
    zh = answer_question("第一个是什么材质的", [BAG], "zh").text
    assert "“材质”" in zh and "黑色" in zh and "Black" not in zh.split("；")[-1]
    assert "“面料”" not in answer_question("这条是什么面料", [JEANS], "zh").text.replace("材质", "")  # one name for it
    es = answer_question("¿de qué tela es la primera?", [JEANS], "es").text
    assert "«material»" in es and "tela" not in es
    de = answer_question("Woraus ist die Tasche?", [BAG], "de").text
    assert "„Material“" in de and "Tasche" not in de.split("über")[-1]


def test_a_word_asked_in_spanish_is_named_as_the_shopper_wrote_it() -> None:
    text = answer_question("¿la primera es de cuero?", [BAG], "es").text
    assert "«cuero»" in text and "leather" not in text


def test_jeans_stay_jeans_in_the_facts() -> None:
    text = answer_question("what about the warranty on it?", [JEANS]).text
    assert "type jeans" in text and "jean," not in text


def test_a_yes_needs_every_word_asked_not_the_last_one() -> None:
    """"is the second one fast charging?" of a charger whose text says only "charging": no "Yes"."""
    charger = Item(id="c", title="Oraimo Elite Dual Port 5V/2.4A Wall Charger", category="WallChargers", brand="Oraimo",
                   price=249.0, currency="INR", description="Dual USB charging for phones and tablets")
    text = answer_question("is it fast charging?", [charger]).text
    assert not text.startswith("Yes") and "“charging”, but not “fast charging”" in text
    fast = Item(id="f", title="Portronics 20W Fast Charging Adapter", category="WallChargers", brand="Portronics",
                price=529.0, currency="INR", description="")
    assert answer_question("is it fast charging?", [fast]).text.startswith("Yes")
    zh = answer_question("第一个是快充的吗", [charger], "zh").text
    assert not zh.startswith("是的")
