"""Stop 51: wording found by holding conversations on the demo catalogues as a shopper.

Each test names the reply that was wrong before; each fails without its change.
"""

from __future__ import annotations

from typing import Any

import pytest

from chatrec.understanding import TurnContext, understand


def _read(catalogues: dict[str, Any], message: str, catalogue: str = "electronics") -> Any:
    vocabulary, _ = catalogues[catalogue]
    return understand(message, vocabulary, TurnContext(catalog_currency="INR" if catalogue == "electronics" else None))


@pytest.mark.parametrize("message", ["wirelss mose for my laptop", "a mose", "cheap mose"])
def test_a_four_letter_typo_is_no_word_for_being_a_plural_name(catalogues: dict[str, Any], message: str) -> None:
    """"wirelss mose for my laptop" showed laptops: "mose" counted as an English word because "moses" is one."""
    assert _read(catalogues, message).include.get("category") == ["Mice"]

