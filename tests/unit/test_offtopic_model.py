"""The learned off-topic reader (issue 12, branch i12bl): off-topic wording no set holds is read off topic
in four languages, shopping turns that tell a story or name the world stay shopping, the fitted file
round-trips, and a missing or broken file leaves the rules to decide, with a warning."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from chatrec import offtopic_model as om
from chatrec.request import ItemReference, PriceRange, ShopperRequest


def _read(catalogues: Any, catalogue: str, message: str) -> ShopperRequest:
    from chatrec.understanding import TurnContext, understand

    vocabulary, _ = catalogues[catalogue]
    context = TurnContext(catalog_currency="INR" if catalogue == "electronics" else None)
    return understand(message, vocabulary, context)


@pytest.fixture(autouse=True)
def _fresh_model() -> Any:
    om._reset_for_tests()
    yield
    om._reset_for_tests()


# --- wording no set holds: off topic in four languages ----------------------------------------------------


@pytest.mark.parametrize("catalogue, said", [
    ("fashion", "my landlord raised the rent again, should i move out"),
    ("electronics", "can you explain how compound interest works"),
    ("fashion", "帮我算一下三十年房贷的利息"),
    ("electronics", "帮我查一下明天去上海的高铁票"),
    ("fashion", "mi jefe me gritó hoy delante de todos"),
    ("electronics", "mañana tengo un examen de historia y estoy nerviosa"),
    ("electronics", "Kannst du mir bei meiner Steuererklärung helfen?"),
    ("fashion", "Mein Nachbar bohrt schon wieder seit Stunden"),
])
def test_off_topic_wording_no_set_holds_is_off_topic(catalogues: Any, catalogue: str, said: str) -> None:
    assert _read(catalogues, catalogue, said).intent in ("off_topic", "chitchat")


@pytest.mark.parametrize("catalogue, said, field, value", [
    ("electronics", "my flight got cancelled and im stuck at the airport, need a power bank", "category", "PowerBanks"),
    ("fashion", "feeling low after the exams, want some new sunglasses", "category", "Sunglasses"),
    ("electronics", "航班延误了手机快没电了，买个充电宝", "category", "PowerBanks"),
    ("fashion", "mi novia me dejó, quiero unas gafas de sol nuevas", "category", "Sunglasses"),
    ("electronics", "Wir ziehen um und brauchen einen Wasserkocher", "category", "ElectricKettles"),
])
def test_shopping_told_with_a_story_stays_shopping(catalogues: Any, catalogue: str, said: str, field: str,
                                                   value: str) -> None:
    request = _read(catalogues, catalogue, said)
    assert request.intent == "recommend" and value in request.include.get(field, []), request


# --- the decision ------------------------------------------------------------------------------------------


def _model(clean: float = 0.5, sure: float = 0.9) -> om.OffTopicModel:
    return om.OffTopicModel(np.zeros((3, 515)), np.zeros(3), clean, sure)


@pytest.mark.parametrize("request_, off, turned", [
    (ShopperRequest(intent="recommend"), 0.6, True),
    (ShopperRequest(intent="recommend"), 0.4, False),
    (ShopperRequest(intent="recommend", include={"category": ["Laptops"]}), 0.8, False),
    (ShopperRequest(intent="recommend", include={"category": ["Laptops"]}), 0.95, True),
    (ShopperRequest(intent="refine", price=PriceRange(max=50)), 0.8, False),
    (ShopperRequest(intent="start_over"), 0.99, False),
    (ShopperRequest(intent="ask_about_item", references=[ItemReference(position=1)]), 0.99, False),
    (ShopperRequest(intent="recommend", references=[ItemReference(position=2)]), 0.99, False),
])
def test_only_a_plain_shopping_reading_is_turned_and_only_when_sure(request_: ShopperRequest, off: float,
                                                                   turned: bool) -> None:
    got = _model().decide(request_, np.array([1 - off, off * 0.2, off * 0.8]))
    assert (got.intent == "off_topic") is turned
    if turned:
        assert not got.include and got.price is None and not got.references


def test_the_likelier_of_chitchat_and_off_topic_is_given() -> None:
    got = _model().decide(ShopperRequest(intent="recommend"), np.array([0.1, 0.6, 0.3]))
    assert got.intent == "chitchat"


# --- the fitted file ---------------------------------------------------------------------------------------


def test_a_fitted_model_round_trips(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    embeddings = rng.normal(size=(60, 512))
    cheap = rng.integers(0, 2, size=(60, len(om.CHEAP_FEATURES))).astype(float)
    labels = ["shop"] * 30 + ["chitchat"] * 10 + ["off_topic"] * 20
    model = om.fit(embeddings, cheap, labels, l2=1e-3)
    model.threshold_clean, model.threshold_sure = 0.45, 0.85
    path = tmp_path / "m.npz"
    model.save(path)
    again = om.OffTopicModel.load(path)
    assert (again.threshold_clean, again.threshold_sure) == (0.45, 0.85)
    assert again.meta["per_class"] == {"shop": 30, "chitchat": 10, "off_topic": 20}
    assert np.allclose(again.probabilities(embeddings, cheap), model.probabilities(embeddings, cheap), atol=1e-5)
    # deterministic: the same rows give the same weights
    assert np.allclose(om.fit(embeddings, cheap, labels, l2=1e-3).weights, model.weights)


def test_the_packaged_model_is_small_and_loads() -> None:
    assert om.DEFAULT_PATH.stat().st_size < 300_000
    model = om.OffTopicModel.load(om.DEFAULT_PATH)
    assert model.dimensions == 512 + len(om.CHEAP_FEATURES)


@pytest.mark.parametrize("content", [None, b"not a model", b"PK\x03\x04broken zip"])
def test_a_missing_or_broken_file_is_a_clear_error(tmp_path: Path, content: bytes | None) -> None:
    path = tmp_path / "model.npz"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(om.OffTopicModelError, match="off-topic model"):
        om.OffTopicModel.load(path)


def test_a_file_of_another_shape_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "model.npz"
    om.OffTopicModel(np.zeros((2, 10)), np.zeros(2)).save(path)
    with pytest.raises(om.OffTopicModelError, match="not an off-topic model"):
        om.OffTopicModel.load(path)


def test_without_a_readable_model_the_rules_decide_and_a_warning_is_logged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setattr(om, "DEFAULT_PATH", tmp_path / "missing.npz")
    request = ShopperRequest(intent="recommend")
    with caplog.at_level(logging.WARNING, logger="chatrec.offtopic_model"):
        assert om.adjust(request, "how many moons does jupiter have", None) is request
        assert om.adjust(request, "what is the capital of peru", None) is request
    warnings = [r for r in caplog.records if "rules decide alone" in r.getMessage()]
    assert len(warnings) == 1  # once, not every turn


def test_switched_off_the_rules_reading_stands() -> None:
    always_off = om.OffTopicModel(np.zeros((3, 515)), np.array([0.0, 0.0, 20.0]))
    om._reset_for_tests(always_off)
    request = ShopperRequest(intent="recommend")
    assert om.adjust(request, "anything at all", None).intent == "off_topic"
    with om.disabled():
        assert om.adjust(request, "anything at all", None) is request


def test_a_part_read_inside_understand_is_left_to_the_whole_turn(catalogues: Any,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from chatrec import gaps_round10
    from chatrec.understanding import TurnContext, understand

    om._reset_for_tests(om.OffTopicModel(np.zeros((3, 515)), np.array([0.0, 0.0, 20.0])))  # always off topic
    vocabulary, _ = catalogues["electronics"]
    parts: list[str] = []
    step = gaps_round10.adjust

    def reading_a_part(request: ShopperRequest, raw: str, context: Any, vocab: Any, read_part: Any) -> ShopperRequest:
        if not parts:  # a step of the chain reading a clause (once: the clause runs the chain too)
            parts.append("reading")
            parts.append(read_part("a samsung phone").intent)
        return step(request, raw, context, vocab, read_part)  # type: ignore[no-any-return]

    monkeypatch.setattr(gaps_round10, "adjust", reading_a_part)
    whole = understand("a black phone under 20000", vocabulary, TurnContext(catalog_currency="INR"))
    assert "recommend" in parts  # the part kept the rules' reading
    assert whole.intent == "off_topic"  # the whole turn was judged
