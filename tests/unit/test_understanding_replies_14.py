"""Classes of held-out set 14 (issue 12, round 3) checked end to end: ``ChatRec.respond`` on the
fashion fixture shows the right items and answers in the shopper's language."""

from __future__ import annotations

from chatrec import ChatRec


def _shown(rec: ChatRec, reply) -> list[tuple[str, dict[str, str]]]:  # type: ignore[no-untyped-def]
    return [(r.item_id, rec.item(r.item_id).attributes) for r in reply.recommendations]


def test_a_chinese_reference_by_measure_word_asks_for_more_like_it(fashion_chatrec: ChatRec) -> None:
    fashion_chatrec.respond("男士T恤", session_id="zh")
    first = _shown(fashion_chatrec, fashion_chatrec.respond("直接给我看", session_id="zh"))
    reply = fashion_chatrec.respond("第二件有类似的吗", session_id="zh")
    shown = _shown(fashion_chatrec, reply)
    assert first and shown and {i for i, _ in shown} != {i for i, _ in first}
    assert all(a["articleType"] == "Tshirts" and a["gender"] == "Men" for _, a in shown)
    assert "为您找到" in reply.text  # items, in Chinese; not an answer about the second item


def test_an_english_more_like_question_about_a_shown_item_shows_items(fashion_chatrec: ChatRec) -> None:
    fashion_chatrec.respond("tshirts for men", session_id="en")
    fashion_chatrec.respond("just show me", session_id="en")
    reply = fashion_chatrec.respond("the third one, got anything similar?", session_id="en")
    shown = _shown(fashion_chatrec, reply)
    assert shown and all(a["articleType"] == "Tshirts" for _, a in shown)


def test_a_spanish_rejection_shows_other_items_in_spanish(fashion_chatrec: ChatRec) -> None:
    fashion_chatrec.respond("camisetas para hombre", session_id="es")
    first = _shown(fashion_chatrec, fashion_chatrec.respond("muéstrame", session_id="es"))
    reply = fashion_chatrec.respond("no me gusta ninguna", session_id="es")
    shown = _shown(fashion_chatrec, reply)
    assert first and shown and not {i for i, _ in shown} & {i for i, _ in first}
    assert all(a["articleType"] == "Tshirts" and a["gender"] == "Men" for _, a in shown)
    assert "sugerencias" in reply.text


def test_a_question_about_the_world_in_spanish_gets_no_items(fashion_chatrec: ChatRec) -> None:
    reply = fashion_chatrec.respond("¿dónde está la torre Eiffel?", session_id="world")
    assert not reply.recommendations and "Solo puedo ayudarte" in reply.text
