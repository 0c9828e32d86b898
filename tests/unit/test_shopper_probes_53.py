"""Stop 53: wording found by holding conversations on the demo catalogues as a shopper.

Each test names the reply that was wrong before; each fails without its change (the guards beside them
pass either way).
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from chatrec.catalog import Item
from chatrec.understanding import TurnContext, understand


def _read(catalogues: dict[str, Any], message: str, catalogue: str = "electronics", **context: Any) -> Any:
    vocabulary, _ = catalogues[catalogue]
    currency = "INR" if catalogue == "electronics" else None
    return understand(message, vocabulary, TurnContext(catalog_currency=currency, **context))


@pytest.mark.parametrize("message", ["preferably waterproof", "waterproof preferably", "rechargeable preferably"])
def test_a_hedged_feature_the_items_state_is_a_wish(catalogues: dict[str, Any], message: str) -> None:
    """Laptop sleeves shown, "preferably waterproof" was taken for keyboard mashing ("I am not sure what that
    changes"): neither word is in the English word list, though the items' names say "Waterproof"."""
    request = _read(catalogues, message, searching=True, current={"category": ["LaptopSleeves&Slipcases"]})
    assert request.intent == "refine" and message.split()[0] in request.query, request


@pytest.mark.parametrize("message", ["asdfgh qwerty", "lkjhlkj poiupoi"])
def test_keyboard_mashing_is_still_small_talk(catalogues: dict[str, Any], message: str) -> None:
    assert _read(catalogues, message, searching=True, current={"category": ["LaptopSleeves&Slipcases"]}).intent == "chitchat"
