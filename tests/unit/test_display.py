"""Prices and wishes are written the same way everywhere a customer or a model reads them."""

from __future__ import annotations

from chatrec.catalog import Item
from chatrec.dialogue import Wishes
from chatrec.display import format_amount, format_price
from chatrec.ui import render_card
from chatrec.wording import Phrases


def test_one_price_format_for_prompts_cards_and_wishes() -> None:
    assert format_amount(1299.0, "INR") == "1,299 INR"
    assert format_amount(79.5, "USD") == "79.50 USD"
    assert format_amount(12.0) == "12"
    assert format_price(Item(id="1", title="x")) is None
    assert format_price(Item(id="1", title="x", price=79.5, currency="USD")) == "79.50 USD"
    card = render_card({"item_id": "1", "title": "x", "price": 79.5, "currency": "USD", "score": 1.0, "reason": ""})
    assert "79.50 USD" in card
    said = Phrases().summary(Wishes(min_price=1000.0, max_price=2499.5), "INR")
    assert said == "1,000-2,499.50 INR"


def test_a_language_is_a_folder_of_wording(tmp_path, fashion_retriever) -> None:
    import shutil

    from chatrec import ChatRec
    from chatrec.prompting import default_prompts_dir
    from chatrec.ranking import RetrievalRanker
    from chatrec.settings import Settings

    french = tmp_path / "fr"
    shutil.copytree(default_prompts_dir(), french)
    (french / "dialogue_recommend.txt").write_text(
        "{# variables: count, wishes #}\nVoici {{ count }} suggestions{% if wishes %} pour {{ wishes }}{% endif %}.\n",
        encoding="utf-8")
    for name in ("reason_listed", "reason_matched"):
        (french / f"{name}.txt").write_text(
            "{# variables: title, values, price #}\n{{ title }} : {{ values }}{% if price %} ({{ price }}){% endif %}.\n",
            encoding="utf-8")
    settings = Settings(index_dir=tmp_path / "i", data_dir=tmp_path / "d", use_llm=False, prompts_dir=french,
                        _env_file=None)
    rec = ChatRec(settings, retriever=fashion_retriever, ranker=RetrievalRanker())
    reply = rec.respond("blue shirts for men, just show me", session_id="fr")
    assert reply.text.startswith("Voici ") and " pour " in reply.text
    assert all(" : " in r.reason for r in reply.recommendations)
    rec.close()
