"""A colour family wished in the message that turns a colour down ("不要黑色的，要浅色的", "not black, light colours
please", "keine schwarzen, lieber helle Farben") is applied beside the refusal (stop 40's UI check: black was
left out but brown heels were shown and the summary named only 不要黑色); a family turned down is summed up as
the family ("not bright colours", "keine dunklen Farben"), not as five colours and a stray word."""

from __future__ import annotations

import pytest

from tests.demo_reading import read as _read

LIGHT = {"Cream", "Peach", "White", "Off White", "Lavender", "Beige"}


@pytest.mark.parametrize("text", [
    "不要黑色的，要浅色的", "not black, something in light colours", "no black ones, light colours please",
    "not black but pale ones", "keine schwarzen, lieber helle Farben", "no negros, mejor en tonos claros",
])
def test_a_family_wished_beside_a_colour_turned_down_is_read(catalogues, text) -> None:
    heard = _read(catalogues, "fashion", text, (), current={"articleType": ["Heels"], "gender": ["Women"]})
    wished = set(heard.include.get("baseColour") or [])
    assert LIGHT <= wished and "Black" not in wished and "Brown" not in wished, heard
    assert heard.exclude.get("baseColour") == ["Black"], heard


def test_a_family_turned_down_then_another_wished_keeps_only_the_wish(catalogues) -> None:
    heard = _read(catalogues, "fashion", "I don't want dark ones but light colours", (),
                  current={"articleType": ["Heels"], "gender": ["Women"]})
    assert LIGHT <= set(heard.include.get("baseColour") or []) and not heard.exclude.get("baseColour"), heard


@pytest.mark.parametrize("text", ["nothing too dark", "keine dunklen Farben", "不要太艳的"])
def test_a_family_turned_down_alone_is_still_refused(catalogues, text) -> None:
    heard = _read(catalogues, "fashion", text, (), current={"articleType": ["Tops"], "gender": ["Women"]})
    assert len(heard.exclude.get("baseColour") or []) >= 4 and not heard.include.get("baseColour"), heard


@pytest.mark.parametrize(("first", "then", "said", "not_said"), [
    ("women tops", "nothing too bright", "not bright colours", ("not bright.", "not Magenta", "not bright,")),
    ("Damen Tops", "keine dunklen Farben", "keine dunklen Farben", ("nicht dunkle", "nicht schwarz")),
    ("Tacones para mujer", "nada muy oscuro", "sin colores oscuros", ("sin negro",)),
    ("我想给妈妈买个高跟鞋", "不要黑色的，要浅色的", "浅色, 不要黑色", ()),
])
def test_the_summary_names_the_family(fashion, first, then, said, not_said) -> None:
    session = fashion.respond(first).session_id
    reply = fashion.respond(then, session_id=session)
    head = reply.text.split("\n")[0]
    assert said in head, head
    assert not any(bad in head for bad in not_said), head
