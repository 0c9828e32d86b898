""""Which is the cheapest?" before any item is shown (after a question about brands) shows the cheapest items
that fit, cheapest first, and names the cheapest, in every language (stop 39: it showed five items in the
search's own order, and "muéstrame los más baratos" said the shop had nothing called «mas baratos»)."""

from __future__ import annotations

import pytest

from chatrec.recommender import ChatRec


@pytest.mark.parametrize(("first", "then"), [
    ("I want a usb cable", "which is the cheapest?"),
    ("quiero un cable usb", "muéstrame los más baratos"),
    ("Ich suche ein USB Kabel", "welches ist das günstigste?"),
    ("我想要一根数据线", "最便宜的是哪个"),
])
def test_the_cheapest_asked_with_none_shown_come_cheapest_first(electronics: ChatRec, first: str, then: str) -> None:
    asked = electronics.respond(first, session_id=first)
    assert not asked.recommendations, "the demo asks which brand first; the test needs nothing shown yet"
    reply = electronics.respond(then, session_id=first)
    prices = [electronics.item(r.item_id).price for r in reply.recommendations]
    assert len(prices) >= 3 and prices == sorted(prices), prices
    assert electronics.item(reply.recommendations[0].item_id).title in reply.text
    assert "«" not in reply.text.split(".")[0], reply.text  # no "nada llamado «mas baratos»"
