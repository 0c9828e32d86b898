"""Stop 46: an English product name alone is English, and more product names are known as products.

"projector" alone was answered in Spanish (one letter from the Spanish "proyector"); "beard trimmer" and "a suitcase
for travel" on the electronics demo got a category question with lint shavers as if they had been understood. The
English words the lexicon translates to are no typo of another language, and personal-care, travel and baby things
are names of products: the shop says it has none.
"""

from __future__ import annotations

import pytest

from chatrec.language import detect_language
from chatrec.not_carried import not_carried


@pytest.mark.parametrize(("text", "language"), [
    ("projector", "en"), ("television", "en"), ("proyector", "es"), ("kopfhoerer", "de"), ("fernsehr", "de"),
])
def test_an_english_product_name_alone_is_english(text: str, language: str) -> None:
    assert detect_language(text) == language


@pytest.mark.parametrize("message", ["beard trimmer", "a suitcase", "electric shaver", "baby stroller"])
def test_a_personal_care_or_travel_thing_is_a_product_name(message: str) -> None:
    assert not_carried(message, vocabulary={"cable", "usb"}) == message.removeprefix("a ")


def test_a_shop_without_trimmers_says_so(electronics_chatrec) -> None:
    reply = electronics_chatrec.respond("beard trimmer")
    assert "beard trimmer" in reply.text and reply.metadata["understood"]["language"] == "en", reply.text
