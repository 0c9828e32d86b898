"""Stop 46: a shopper who asks for deals is told each item's discount, and a list asked in an order the
catalogue cannot give says so.

"headphones with the best deal" was ordered by discount, but every reason said only "at 1,099 INR": the shopper
could not see why the first came first. A shopper who asks for deals or discounts (in English, Chinese, Spanish or
German) now reads "at 1,099 INR (82% off its list price of 5,999 INR)", from the catalogue's own list price; the
percentage is grounded in the item's data. On a catalogue with no list prices (or no ratings), "dresses on sale"
or "the best rated handbags" said nothing and showed items as if ordered; the reply now says the catalogue lists
no such figure, so the items are not sorted by it.
"""

from __future__ import annotations

import pytest

from chatrec.answers import list_price, superlative_unlisted
from chatrec.catalog import Item
from chatrec.grounding import FactWriter, Request, check_reason, facts_for
from chatrec.reasons_local import local_writer
from chatrec.retrieval import Candidate


def _item(listed: str | None = "₹5,999", price: float = 1099.0) -> Item:
    attributes = {"rating": "3.5", "rating_count": "12,966"}
    if listed is not None:
        attributes["list_price"] = listed
    return Item(id="1", title="Boult Audio Airbass Propods X TWS Earbuds", category="In-Ear", brand="Boult",
                price=price, currency="INR", attributes=attributes)


def test_the_list_price_is_read_from_the_catalogue_field() -> None:
    assert list_price(_item()) == 5999.0
    assert list_price(_item(None)) is None


@pytest.mark.parametrize("text", ["headphones with the best deal", "any deals on earbuds?", "earbuds on sale",
                                  "discounted earbuds"])
def test_a_reason_states_the_discount_when_deals_are_asked(text: str) -> None:
    request = Request(text=text)
    reason = FactWriter().write(facts_for(_item(), request))
    assert "at 1,099 INR (82% off its list price of 5,999 INR)" in reason, reason
    assert check_reason(reason, _item(), request) == [], check_reason(reason, _item(), request)


def test_the_best_deal_asks_no_rating() -> None:
    item = _item()
    item = Item(id=item.id, title=item.title, category=item.category, brand=item.brand, price=item.price,
                currency=item.currency, attributes={**item.attributes, "rating": "4.2"})
    assert "rating" not in FactWriter().write(facts_for(item, Request(text="headphones with the best deal"))).split("—")[1]
    assert "rating" in FactWriter().write(facts_for(item, Request(text="the best rated headphones"))).split("—")[1]


def test_no_discount_is_said_unasked_or_without_a_list_price() -> None:
    assert "list price" not in FactWriter().write(facts_for(_item(), Request(text="earbuds please")))
    assert "list price" not in FactWriter().write(facts_for(_item(None), Request(text="earbuds on sale")))
    assert "list price" not in FactWriter().write(facts_for(_item("₹999"), Request(text="earbuds on sale")))


@pytest.mark.parametrize(("text", "language", "said"), [
    ("打折的耳机", "zh", "售价 1,099 卢比（原价 5,999 卢比，便宜 82%）"),
    ("auriculares en oferta", "es", "por 1.099 INR (82 % menos que su precio de lista, 5.999 INR)"),
    ("Kopfhörer mit Rabatt", "de", "für 1.099 INR (82 % unter dem Listenpreis von 5.999 INR)"),
])
def test_the_discount_in_the_shoppers_language(text: str, language: str, said: str) -> None:
    writer, request = local_writer(language), Request(text=text)
    assert writer is not None
    reason = writer.write(facts_for(_item(), request))
    assert said in reason, reason
    assert writer.check(reason, _item(), request) == [], writer.check(reason, _item(), request)


def test_an_order_the_catalogue_cannot_give_is_said() -> None:
    plain = [Candidate(item=Item(id="2", title="Black Dress", category="Dress"), score=1.0)]
    assert superlative_unlisted("dresses on sale", plain) == "The catalogue lists no discount (% off the list price), so I cannot sort by it."
    assert "rating" in superlative_unlisted("the best rated dresses", plain)
    assert superlative_unlisted("black dresses", plain) == ""
    assert superlative_unlisted("earbuds on sale", [Candidate(item=_item(), score=1.0)]) == ""
    assert "折扣" in superlative_unlisted("打折的连衣裙", plain, "zh")


def test_deals_on_the_electronics_shop_say_the_discount(electronics_chatrec) -> None:
    reply = electronics_chatrec.respond("just show me the headphones with the best deals")
    assert reply.recommendations, reply.text
    assert all("off its list price of" in r.reason for r in reply.recommendations), [r.reason for r in reply.recommendations]


def test_deals_on_a_shop_without_list_prices_say_so(fashion_chatrec) -> None:
    reply = fashion_chatrec.respond("show me dresses on sale")
    assert "lists no discount" in reply.text, reply.text
