"""The recurring classes of first-score failures (issue 12, brief i12bs): probe turns written for each class
before reading the rule code that handles it, none of them a sentence of any set, labelled to the sets'
conventions, read by the whole rules pipeline on the demo catalogues (``chatrec.recurring_classes``).

Each class comes from ``bench/understanding_report/recurring_first_failures.md``. The ``controls`` are turns
each step must leave alone (a liked colour, a buying question, a refusal already read right).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from chatrec.eval.understanding import facts, load_turns, rules_reader

PROBES = [
    # --- negation_forms ---
    ('negation_forms', 'negation || F || cur=category:Handbags || 红色的就免了 || intent=refine; -baseColour=Red; lang=zh'),
    ('negation_forms', 'negation || F || cur=category:Tshirts || 白的不考虑 容易脏 || intent=refine; -baseColour=White; lang=zh'),
    ('negation_forms', 'negation || F || cur=category:Sports Shoes || 粉色的我不喜欢 || intent=refine; -baseColour=Pink; lang=zh'),
    ('negation_forms', 'negation || F || cur=category:Casual Shoes || not a fan of brown tbh || intent=refine; -baseColour=Brown'),
    ('negation_forms', 'negation || F || cur=category:Jeans || anything but black pls im sick of it || intent=refine; -baseColour=Black'),
    ('negation_forms', 'negation || E || cur=category:SmartWatches || gonna pass on boat || intent=refine; -brand=boAt'),
    ('negation_forms', 'negation || F || cur=category:Handbags || el negro ni de broma || intent=refine; -baseColour=Black; lang=es'),
    ('negation_forms', 'negation || F || cur=category:Tshirts || nada de amarillo porfa || intent=refine; -baseColour=Yellow; lang=es'),
    ('negation_forms', 'negation || F || cur=category:Jeans || blaue mag ich gar nicht || intent=refine; -baseColour=Blue; lang=de'),
    ('negation_forms', 'negation || E || cur=category:Smartphones || Samsung kommt nicht in Frage || intent=refine; -brand=Samsung; lang=de'),
    ('negation_forms', 'negation || F || cur=category:Handbags || 黑的我不喜欢 || intent=refine; -baseColour=Black; lang=zh'),
    ('negation_forms', 'negation || F || cur=category:Handbags || ugh black again? hard pass || intent=refine; -baseColour=Black'),
    ('negation_forms', 'negation || F || cur=category:Handbags || 黑色我不太喜欢 || intent=refine; -baseColour=Black; lang=zh'),
    ('negation_forms', 'negation || F || cur=category:Handbags || negro para nada || intent=refine; -baseColour=Black; lang=es'),
    ('negation_forms', 'negation || F || cur=category:Handbags || paso del negro || intent=refine; -baseColour=Black; lang=es'),
    ('negation_forms', 'negation || F || cur=category:Handbags || auf Schwarz hab ich keine Lust || intent=refine; -baseColour=Black; lang=de'),
    # --- attribute_reference ---
    ('attribute_reference', 'reference || F || shown=F_BAGS || the pink one, is it leather? || intent=ask_about_item; ref=3'),
    ('attribute_reference', 'reference || F || shown=F_BAGS || la verde me gusta, hay más así? || intent=more_like; ref=1; lang=es'),
    ('attribute_reference', 'reference || F || shown=F_KURTAS || die rote, gibt es die auch in grün? || intent=more_like; ref=1; +baseColour=Green; lang=de'),
    ('attribute_reference', 'reference || E || shown=E_PHONES || the oneplus one, how much storage || intent=ask_about_item; ref=2'),
    ('attribute_reference', 'reference || F || shown=F_SHOES || 紫色那双是什么牌子的 || intent=ask_about_item; ref=3; lang=zh'),
    ('attribute_reference', 'reference || E || shown=E_SPEAK || JBL那个防水吗 || intent=ask_about_item; ref=2; lang=zh'),
    ('attribute_reference', 'reference || F || shown=F_WATCHES || drop the black one || intent=reject; ref=2'),
    ('attribute_reference', 'reference || E || shown=E_TVS || el de samsung no me convence || intent=reject; ref=1; lang=es'),
    ('attribute_reference', 'reference || F || shown=F_TEES || das weiße ist schön, mehr davon || intent=more_like; ref=3; lang=de'),
    ('attribute_reference', 'reference || F || shown=F_KURTAS || nicht die rote || intent=reject; ref=1; lang=de'),
    ('attribute_reference', 'reference || F || shown=F_BAGS || no la negra || intent=reject; ref=2; lang=es'),
    # --- negated_upper_bound ---
    ('negated_upper_bound', 'budget || E || || a mouse, nothing over 800 || intent=recommend; +category=Mice; max=800'),
    ('negated_upper_bound', 'budget || E || || power bank but nothing more than 1500 ok || intent=recommend; +category=PowerBanks; max=1500'),
    ('negated_upper_bound', 'budget || E || || smartwatch, none above 3k || intent=recommend; +category=SmartWatches; max=3000'),
    ('negated_upper_bound', 'budget || F || || jeans for men nothing over 40 dollars || intent=recommend; +category=Jeans; +gender=Men; max=40'),
    ('negated_upper_bound', 'budget || E || || un altavoz bluetooth, nada por encima de 3000 || intent=recommend; +category=BluetoothSpeakers; max=3000; lang=es'),
    ('negated_upper_bound', 'budget || E || || ningún mouse de más de 700 porfa || intent=recommend; +category=Mice; max=700; lang=es'),
    ('negated_upper_bound', 'budget || E || || eine Smartwatch, nichts teurer als 2000 || intent=recommend; +category=SmartWatches; max=2000; lang=de'),
    ('negated_upper_bound', 'budget || E || || Powerbank, bloß nix über 1500 || intent=recommend; +category=PowerBanks; max=1500; lang=de'),
    ('negated_upper_bound', 'budget || E || || 鼠标 三百以上的不要 || intent=recommend; +category=Mice; max=300; lang=zh'),
    ('negated_upper_bound', 'budget || E || || smartwatch, anything over 3k is a no || intent=recommend; +category=SmartWatches; max=3000'),
    ('negated_upper_bound', 'budget || E || || powerbank über 2000 bitte nicht || intent=recommend; +category=PowerBanks; max=2000; lang=de'),
    ('negated_upper_bound', 'budget || E || || un mouse, mas de 800 no || intent=recommend; +category=Mice; max=800; lang=es'),
    ('negated_upper_bound', 'budget || E || || 充电宝 两百块以上的都不要 || intent=recommend; +category=PowerBanks; max=200; lang=zh'),
    # --- offtopic_with_product_words ---
    ('offtopic_with_product_words', 'off_topic || E || || my laptop keeps freezing when i open chrome, how do i fix it || intent=off_topic'),
    ('offtopic_with_product_words', 'off_topic || E || || write a poem about my new headphones || intent=off_topic'),
    ('offtopic_with_product_words', 'off_topic || F || || where is my order, i ordered a black dress 10 days ago || intent=off_topic'),
    ('offtopic_with_product_words', 'off_topic || E || || 帮我写一封邮件给客服，说我的手机坏了 || intent=off_topic; lang=zh'),
    ('offtopic_with_product_words', 'off_topic || E || || 我的耳机左边没声音了 怎么修 || intent=off_topic; lang=zh'),
    ('offtopic_with_product_words', 'off_topic || E || || mi televisor no prende, qué hago || intent=off_topic; lang=es'),
    ('offtopic_with_product_words', 'off_topic || F || || ¿me puedes escribir un cuento sobre unos zapatos mágicos? || intent=off_topic; lang=es'),
    ('offtopic_with_product_words', 'off_topic || E || || Wie verbinde ich meine Kopfhörer mit dem Laptop? || intent=off_topic; lang=de'),
    ('offtopic_with_product_words', 'off_topic || F || || Ich möchte meine Jacke zurückgeben, wie geht das? || intent=off_topic; lang=de'),
    ('offtopic_with_product_words', 'off_topic || E || || escríbeme un poema sobre mi celular nuevo || intent=off_topic; lang=es'),
    ('offtopic_with_product_words', 'off_topic || E || || cómo conecto la tele al wifi || intent=off_topic; lang=es'),
    ('offtopic_with_product_words', 'off_topic || F || || quiero hacer una devolución de unos jeans || intent=off_topic; lang=es'),
    ('offtopic_with_product_words', 'off_topic || E || || wie reinige ich meine Tastatur richtig || intent=off_topic; lang=de'),
    ('offtopic_with_product_words', 'off_topic || E || || schreib mir ein Gedicht über Kopfhörer || intent=off_topic; lang=de'),
    # --- type_typo ---
    ('type_typo', 'synonym_typo || E || || looking for a blutooth speeker || intent=recommend; +category=BluetoothSpeakers'),
    ('type_typo', 'synonym_typo || F || || sunglases for men || intent=recommend; +category=Sunglasses; +gender=Men'),
    ('type_typo', 'synonym_typo || E || || a new smarphone under 10k || intent=recommend; +category=Smartphones; max=10000'),
    ('type_typo', 'synonym_typo || F || || backpak for school || intent=recommend; +category=Backpacks'),
    ('type_typo', 'synonym_typo || E || || electirc kettle || intent=recommend; +category=ElectricKettles'),
    ('type_typo', 'synonym_typo || F || || handbgas in black || intent=recommend; +category=Handbags; +baseColour=Black'),
    ('type_typo', 'synonym_typo || F || || busco una mochlia azul || intent=recommend; +category=Backpacks; +baseColour=Blue; lang=es'),
    ('type_typo', 'synonym_typo || E || || eine Powerbnak bitte || intent=recommend; +category=PowerBanks; lang=de'),
    ('type_typo', 'synonym_typo || E || || 想买个充电保 || intent=recommend; +category=PowerBanks; lang=zh'),
    ('type_typo', 'synonym_typo || F || || busco una mochlia azul || intent=recommend; +category=Backpacks; +baseColour=Blue; lang=es'),
    ('type_typo', 'synonym_typo || E || || eine Tastatr für das Büro || intent=recommend; +category=Keyboards; lang=de'),
    ('type_typo', 'synonym_typo || E || || einen Wasserkoher bitte || intent=recommend; +category=ElectricKettles; lang=de'),
    ('type_typo', 'synonym_typo || F || || Handtashce in schwarz || intent=recommend; +category=Handbags; +baseColour=Black; lang=de'),
    # --- controls ---
    # lead, stop 34: a usted refusal's verb is no colour typo ("mostrara" is no "mostaza")
    ('controls', 'negation || F || cur=subCategory:Shoes+gender:Women || Por favor, no me mostrara sandalias. || intent=refine; -subCategory=Sandal; lang=es'),
    ('controls', 'multi || E || || necesito un cargador nuevo, el mío no carga || intent=recommend; +category=WallChargers; lang=es'),
    ('controls', 'multi || F || cur=category:Handbags || me gusta el negro || intent=refine; +baseColour=Black; lang=es'),
    ('controls', 'multi || F || cur=category:Handbags || 我喜欢黑色的 || intent=refine; +baseColour=Black; lang=zh'),
    ('controls', 'multi || F || cur=category:Handbags || black is fine, drop the budget || intent=refine; +baseColour=Black'),
    ('controls', 'multi || E || || ich brauche eine neue Maus, meine alte geht nicht mehr || intent=recommend; +category=Mice; lang=de'),
    ('controls', 'multi || F || cur=category:Tshirts || not red, blue || intent=refine; -baseColour=Red; +baseColour=Blue'),
    ('controls', 'multi || F || cur=category:Tshirts || 红色的不喜欢，要蓝色的 || intent=refine; -baseColour=Red; +baseColour=Blue; lang=zh'),
    ('controls', 'multi || F || cur=category:Tshirts || rojo no me gusta, mejor azul || intent=refine; -baseColour=Red; +baseColour=Blue; lang=es'),
    ('controls', 'multi || F || cur=category:Tshirts || Rot mag ich nicht, lieber Blau || intent=refine; -baseColour=Red; +baseColour=Blue; lang=de'),
    ('controls', 'multi || F || || quiero unas cosas bonitas para mi madre || intent=recommend; +gender=Women; lang=es'),
    # --- item_question_on_shown ---
    ('item_question_on_shown', 'item_question || F || shown=F_SHOES || 第二双有37码吗 || intent=ask_about_item; ref=2; lang=zh'),
    ('item_question_on_shown', 'item_question || F || shown=F_JEANS || does the first one come in 34 waist || intent=ask_about_item; ref=1'),
    ('item_question_on_shown', 'item_question || E || shown=E_EAR || el segundo trae micrófono || intent=ask_about_item; ref=2; lang=es'),
    ('item_question_on_shown', 'item_question || E || shown=E_WATCH || hat die dritte GPS || intent=ask_about_item; ref=3; lang=de'),
    ('item_question_on_shown', 'item_question || E || shown=E_PHONES || how much ram does the samsung have || intent=ask_about_item; ref=3'),
    ('item_question_on_shown', 'item_question || E || shown=E_SPEAK || 第一个能连电脑吗 || intent=ask_about_item; ref=1; lang=zh'),
    ('item_question_on_shown', 'item_question || E || shown=E_TVS || la de LG tiene bluetooth? || intent=ask_about_item; ref=2; lang=es'),
    ('item_question_on_shown', 'item_question || F || shown=F_BAGS || ist die grüne aus Leder || intent=ask_about_item; ref=1; lang=de'),
    ('item_question_on_shown', 'item_question || E || shown=E_MICE || does the dell one need batteries || intent=ask_about_item; ref=3'),
    # --- comparison_of_shown ---
    ('comparison_of_shown', 'reference || E || shown=E_PHONES || 第一个跟第三个哪个好 || intent=compare; ref=1,3; lang=zh'),
    ('comparison_of_shown', 'reference || E || shown=E_TVS || samsung vs lg which is better || intent=compare; ref=1,2'),
    ('comparison_of_shown', 'reference || F || shown=F_WATCHES || qué diferencia hay entre el azul y el negro || intent=compare; ref=1,2; lang=es'),
    ('comparison_of_shown', 'reference || E || shown=E_EAR || was ist der Unterschied zwischen dem JBL und dem Samsung || intent=compare; ref=1,3; lang=de'),
    ('comparison_of_shown', 'reference || E || shown=E_SPEAK || 除了JBL 另外两个比一下 || intent=compare; ref=1,3; lang=zh'),
    ('comparison_of_shown', 'reference || F || shown=F_TEES || compare the red and the white || intent=compare; ref=1,3'),
    ('comparison_of_shown', 'reference || E || shown=E_WATCH || noise oder fire-boltt, welche ist besser || intent=compare; ref=2,3; lang=de'),
    ('comparison_of_shown', 'reference || E || shown=E_PHONES || entre el redmi y el oneplus cuál me recomiendas || intent=compare; ref=1,2; lang=es'),
    # --- complement_reference ---
    ('complement_reference', 'reference || E || shown=E_SPEAK || 除了JBL 其他两个比一下 || intent=compare; ref=1,3; lang=zh'),
    ('complement_reference', 'reference || E || shown=E_SPEAK || 除了JBL那个 另外两个比一下 || intent=compare; ref=1,3; lang=zh'),
    ('complement_reference', 'reference || E || shown=E_SPEAK || 除了第二个 另外两个比一下 || intent=compare; ref=1,3; lang=zh'),
    ('complement_reference', 'reference || E || shown=E_SPEAK || 除了JBL 另外两个哪个好 || intent=compare; ref=1,3; lang=zh'),
    ('complement_reference', 'reference || E || shown=E_PHONES || 除了红米 另外两个比一下 || intent=compare; ref=2,3; lang=zh'),
    ('complement_reference', 'reference || F || shown=F_BAGS || 除了粉色 其他几个哪个大 || intent=compare; ref=1,2,4; lang=zh'),
    ('complement_reference', 'reference || E || shown=E_TVS || 除了LG之外 其它的比较一下 || intent=compare; ref=1,3,4; lang=zh'),
    ('complement_reference', 'multi || F || cur=category:Tshirts || 除了黑色 其他颜色都可以 || intent=refine; -baseColour=Black; lang=zh'),
    # --- accessory_for_device ---
    ('accessory_for_device', 'multi || E || || 给手机买个充电头 || intent=recommend; +category=WallChargers; lang=zh'),
    ('accessory_for_device', 'multi || E || || 给笔记本配个鼠标 无线的 || intent=recommend; +category=Mice; lang=zh'),
    ('accessory_for_device', 'multi || E || || 给我的手机买个充电宝 || intent=recommend; +category=PowerBanks; lang=zh'),
    ('accessory_for_device', 'multi || E || || 给老婆买个手机 || intent=recommend; +category=Smartphones; lang=zh'),
    ('accessory_for_device', 'multi || E || || 给电脑买个键盘 || intent=recommend; +category=Keyboards; lang=zh'),
]


@pytest.fixture(scope="module")
def reader(catalogues: dict[str, tuple[Any, dict[str, Any]]]) -> Any:
    return rules_reader({name: list(items.values()) for name, (_, items) in catalogues.items()})


@pytest.mark.parametrize(("kind", "line"), PROBES, ids=[f"{kind}-{i}" for i, (kind, _) in enumerate(PROBES)])
def test_recurring_class_probe(reader: Any, tmp_path: Path, kind: str, line: str) -> None:
    path = tmp_path / "probe.txt"
    path.write_text(line + "\n", encoding="utf-8")
    (turn,) = load_turns(path)
    heard = reader(turn)
    assert facts(heard) == turn.expected, (kind, turn.message, sorted(facts(heard)), sorted(turn.expected))


def test_edit_distance_counts_a_swap_as_one() -> None:
    from chatrec.recurring_classes import _distance

    assert _distance("mochlia", "mochila", 1) == 1
    assert _distance("tastatr", "tastatur", 1) == 1
    assert _distance("bolso", "bolsillo", 1) == 2  # past the limit
