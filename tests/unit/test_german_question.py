"""Stop 47: the German question read "Haben Sie einen Wunsch bei Kategorie?" (no article: not German). The question
now names the attribute first, which needs no article whatever its gender ("Kategorie", "Anlass", "Gerät")."""

from __future__ import annotations

from typing import Any


def test_the_german_question_is_german(fashion_chatrec: Any) -> None:
    reply = fashion_chatrec.respond("ich suche Schuhe", session_id="de-q")
    assert reply.question is not None, reply.text
    assert reply.text.split(":")[1].strip().startswith("Haben Sie einen Wunsch?"), reply.text
    assert "Wunsch bei" not in reply.text and "Zum Beispiel:" in reply.text, reply.text
