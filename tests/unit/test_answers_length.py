"""A length asked of a shown item ("how long is the second one?", "¿de qué largo es?", "wie lang ist das
erste?", "第二个多长？") is answered with the figure its title states ("3-Foot", "1.5 Meter"), in the
shopper's language; an item whose data states none is said to state none."""

from __future__ import annotations

import pytest

from chatrec.recommender import ChatRec
from chatrec.specs import spec_matches

_LENGTH_UNITS = {"m", "cm", "ft", "mm"}
_PLACES = {
    "en": ("how long is the {} one?", ["first", "second", "third", "fourth", "fifth"]),
    "es": ("¿de qué largo es el {}?", ["primero", "segundo", "tercero", "cuarto", "quinto"]),
    "de": ("wie lang ist das {}?", ["erste", "zweite", "dritte", "vierte", "fünfte"]),
    "zh": ("第{}个多长？", ["一", "二", "三", "四", "五"]),
}


def _length_said(title: str) -> str | None:
    return next((title[a:b] for a, b, unit in spec_matches(title) if unit in _LENGTH_UNITS), None)


@pytest.mark.parametrize("language", ["en", "es", "de", "zh"])
def test_the_length_a_title_states_is_the_answer(electronics: ChatRec, language: str) -> None:
    first = {"en": "hdmi cables", "es": "cables hdmi", "de": "HDMI-Kabel", "zh": "hdmi线"}[language]
    shown = electronics.respond(first, session_id=language)
    titles = [electronics.item(r.item_id).title for r in shown.recommendations]
    stated = [(n, _length_said(t)) for n, t in enumerate(titles) if _length_said(t)]
    assert stated, "the fixture's HDMI cables state lengths in their titles"
    position, said = stated[0]
    template, places = _PLACES[language]
    reply = electronics.respond(template.format(places[position]), session_id=language)
    assert said in reply.text and not reply.recommendations


def test_a_battery_question_is_no_length_question(electronics: ChatRec) -> None:
    from chatrec.answers import _spec_question, _wording  # the battery rule's "how long does it last" comes first

    items = [electronics.item(r.item_id) for r in electronics.respond("usb cables under 300", session_id="b").recommendations]
    answer = _spec_question("how long does the battery last?", items[:1], [1], _wording("en"))
    assert answer is None or "length" not in answer.text
