"""Stop 44: a reason in German or Spanish writes its figures as the language does ("von 24.269 Käufern mit 4,2
von 5 bewertet", "por 1.519 INR"); English and Chinese keep theirs ("4.2", "24,269")."""

from __future__ import annotations

import pytest

from chatrec.reasons_local import local_writer


@pytest.mark.parametrize(("language", "text", "written"), [
    ("de", "24,269", "24.269"), ("de", "4.2", "4,2"), ("es", "1,519 INR", "1.519 INR"), ("es", "1,78,912", "178.912"),
    ("de", "399 INR", "399 INR"), ("zh", "24,269", "24,269"), ("zh", "4.2", "4.2"),
])
def test_figures_are_written_as_the_language_writes_them(language: str, text: str, written: str) -> None:
    writer = local_writer(language, None)
    assert writer is not None
    assert writer._figures(text) == written


def test_a_german_reason_of_a_rated_item(electronics_chatrec) -> None:
    reply = electronics_chatrec.respond("zeig mir Fernseher")
    if not reply.recommendations:  # a question first: any answer shows items
        reply = electronics_chatrec.respond("egal, zeig mir welche", session_id=reply.session_id)
    rated = [r.reason for r in reply.recommendations if "bewertet" in r.reason]
    assert rated, [r.reason for r in reply.recommendations]
    assert not any(" mit 4." in reason or " mit 3." in reason for reason in rated), rated
    assert any(" mit 4," in reason or " mit 3," in reason for reason in rated), rated
