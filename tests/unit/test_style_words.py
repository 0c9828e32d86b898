"""Words of style and price that name no catalogue value (stop 43): "nothing flashy" is no "Macro & ringlight
flashes" excluded, "boxy" no "body", "girly" no girls' wear; "nothing fancy" is a budget, and no "not fancy"
beside it in the reply."""

from __future__ import annotations

import pytest

from chatrec.understanding import ValueMatcher


@pytest.mark.parametrize("word", ["flashy", "boxy", "girly", "classy", "trendy", "chunky", "comfy"])
@pytest.mark.parametrize("catalogue", ["electronics", "fashion"])
def test_a_style_adjective_is_no_typo_of_a_value_word(catalogues, catalogue: str, word: str) -> None:  # type: ignore[no-untyped-def]
    vocabulary, _ = catalogues[catalogue]
    matcher = vocabulary if isinstance(vocabulary, ValueMatcher) else ValueMatcher(vocabulary)
    assert matcher.correct([word]) == [word]


def test_a_misspelt_value_word_is_still_corrected(catalogues) -> None:  # type: ignore[no-untyped-def]
    vocabulary, _ = catalogues["fashion"]
    matcher = vocabulary if isinstance(vocabulary, ValueMatcher) else ValueMatcher(vocabulary)
    assert matcher.correct(["tshrit"]) != ["tshrit"] or matcher.correct(["jeens"]) == ["jeans"]


@pytest.mark.parametrize("message", ["show me usb cables, nothing fancy", "usb cables please, nothing too fancy"])
def test_nothing_fancy_is_a_budget_not_a_word_to_avoid(electronics_chatrec, message: str) -> None:  # type: ignore[no-untyped-def]
    reply = electronics_chatrec.respond(message)
    understood = reply.metadata.get("understood") or {}
    assert "fancy" not in understood.get("avoid_words", []), understood
    assert "not fancy" not in reply.text, reply.text
