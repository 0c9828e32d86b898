"""The shipped reasons adapter on the real packaged SmolLM2: grounded, distinct reasons for fixture items (slow)."""

from __future__ import annotations

import pytest

from chatrec.catalog import Item
from chatrec.explain import LLMExplainer
from chatrec.grounding import Request, check_reason
from chatrec.llm import prepare_model
from chatrec.ranking import RankingContext
from chatrec.reason_training import resolve_reason_adapter, shipped_reasons_adapter_dir
from chatrec.settings import Settings

pytestmark = pytest.mark.slow

CABLES = [Item(id=f"c{i}", title=f"{brand} Fast Charging Braided USB Cable", category="USBCables", brand=brand,
               price=price, currency="INR", description="Supports quick charging|Braided outer",
               attributes={"rating": rating, "rating_count": count})
          for i, (brand, price, rating, count) in enumerate([("Ambrane", 199.0, 4.1, "43,994"),
                                                             ("Wayona", 399.0, 4.2, "24,269"),
                                                             ("Portronics", 249.0, 4.0, "1,204")])]
DRESSES = [Item(id=f"d{i}", title=title, category="Dresses",
                attributes={"gender": "Women", "baseColour": "Blue", "season": "Summer", "usage": "Casual"})
           for i, title in enumerate(["Tonga Women Printed Blue Dress", "French Connection Women Blue Dress"])]
CASES = [("a usb cable with fast charging under 500", CABLES, 500.0), ("a blue summer dress for women", DRESSES, None)]


@pytest.fixture(scope="module")
def explainer() -> LLMExplainer:
    settings = Settings(_env_file=None, reason_writer="llm")
    prepare_model(settings)
    assert resolve_reason_adapter(settings) == shipped_reasons_adapter_dir()
    built = LLMExplainer.from_settings(settings)
    assert built.data_to_text
    return built


def test_the_adapters_reasons_are_grounded_distinct_and_mostly_its_own(explainer: LLMExplainer) -> None:
    kept = total = 0
    for text, items, budget in CASES:
        request = Request(text=text, max_price=budget)
        context = RankingContext(turns=[("customer", text)], request=request)
        explanations = explainer.explain_batch(context, items)
        reasons = [e.text for e in explanations]
        assert len(set(reasons)) == len(reasons), reasons
        for item, explanation in zip(items, explanations):
            assert check_reason(explanation.text, item, request) == [], explanation
            kept += int(not explanation.fallback)
            total += 1
    # The model's own sentences, not only the template's fallbacks, reach the shopper.
    assert kept >= total // 2, f"{kept} of {total} sentences were the adapter's"
