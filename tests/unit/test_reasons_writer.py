"""The reasons adapter and distinct reasons: training pairs are grounded and varied, training runs, a reply's reasons differ."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest
from tiny_llm import tiny_model, tiny_tokenizer

from chatrec.catalog import Item
from chatrec.errors import AdapterError, InputError
from chatrec.explain import LLMExplainer, TemplateExplainer, problem_counts
from chatrec.grounding import Request, Wording, check_reason, facts_for, matched_facts_stated
from chatrec.llm import LLM, apply_adapter
from chatrec.ranking import RankingContext
from chatrec.reason_training import (
    ReasonTrainConfig,
    adapter_prompt,
    build_reason_examples,
    resolve_reason_adapter,
    target_sentence,
    train_reason_adapter,
)
from chatrec.settings import Settings

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _dress(i: int, title: str) -> Item:
    return Item(id=str(i), title=title, category="Dresses",
                attributes={"gender": "Women", "baseColour": "Blue", "season": "Summer", "usage": "Casual"})


DRESSES = [_dress(1, "Tonga Women Printed Blue Dress"), _dress(2, "French Connection Women Blue Dress"),
           _dress(3, "Mango Women Blue Dress")]
CABLES = [Item(id=f"c{i}", title=f"{brand} Fast Charging Braided USB Cable", category="USBCables", brand=brand,
               price=price, currency="INR", description="Supports quick charging|Braided outer",
               attributes={"rating": rating, "rating_count": "1,204"})
          for i, (brand, price, rating) in enumerate([("Ambrane", 199.0, 4.1), ("Wayona", 399.0, 4.2),
                                                      ("Portronics", 249.0, 4.0), ("boAt", 299.0, 4.3)])]
BEAUTY = [Item(id=f"b{i}", title=title, brand=brand, price=price, description=description,
               attributes={"rating": 4.5, "rating_count": 20})
          for i, (title, brand, price, description) in enumerate([
              ("Bee and You Natural Moisturizing Lip Balm", "Bee&You", 9.68, "A lip balm for dry lips"),
              ("Coppertone Clear Sunscreen Lotion SPF 50", "Coppertone", 6.94, "Water resistant sunscreen"),
          ])]
DRESS_CONTEXT = RankingContext(turns=[("customer", "a blue summer dress for women")])


def test_training_pairs_are_grounded_state_every_matched_fact_and_vary_in_shape() -> None:
    pairs = build_reason_examples([], count=60, seed=3, items_per_catalog=[DRESSES, CABLES, BEAUTY])
    assert len(pairs) == 60
    for pair in pairs:
        assert check_reason(pair.target, pair.item, pair.request) == [], pair.target
        assert len(matched_facts_stated(pair.target, pair.facts)) == sum(f.matched for f in pair.facts)
        assert len(pair.facts) >= 2
    # Not one template: the sentences open in several ways.
    assert len({pair.target.split()[0] for pair in pairs}) >= 4
    prompt = adapter_prompt(__import__("chatrec.prompting").prompting.PromptLibrary(), pairs[0].request,
                            pairs[0].facts)
    assert prompt.startswith("Request: ") and "Facts:\n- " in prompt and prompt.endswith("Reason:\n")


def test_a_target_says_the_budget_only_when_the_price_is_within_it() -> None:
    wording = Wording.load()
    cable = CABLES[0]
    within = facts_for(cable, Request(text="a usb cable under 300", max_price=300))
    over = facts_for(cable, Request(text="a usb cable under 100", max_price=100))
    rng = random.Random(0)
    assert all("budget" in target_sentence(within, rng, wording) for _ in range(10))
    assert not any("budget" in target_sentence(over, rng, wording) for _ in range(10))


def test_config_round_trips_and_rejects_unknown_options() -> None:
    config = ReasonTrainConfig(catalogs=["a.csv"], examples=10, lora_r=4)
    assert ReasonTrainConfig.from_json(config.to_json()) == config
    with pytest.raises(InputError, match="unknown"):
        ReasonTrainConfig.from_json('{"learning_rate": 1}')
    with pytest.raises(InputError):
        ReasonTrainConfig(catalogs=["a.csv", "b.csv"], mappings=["a.yaml"])


def test_training_a_few_steps_lowers_the_loss_and_saves_a_loadable_adapter(tmp_path: Path) -> None:
    pairs = build_reason_examples([], count=8, seed=0, items_per_catalog=[DRESSES, CABLES])
    tokenizer = tiny_tokenizer()
    config = ReasonTrainConfig(examples=8, epochs=6, batch_size=4, lr=2e-2, lora_r=4, lora_alpha=8,
                               lora_dropout=0.0, lora_top_layers=0, dtype="float32", max_seq_len=4000, log_every=1,
                               warmup=0.0, threads=0)
    out = tmp_path / "reasons"
    metrics = train_reason_adapter(tiny_model(tokenizer), tokenizer, pairs, out, config, heldout=pairs[:1],
                                   progress=False)
    assert metrics["optimizer_steps"] == 12
    assert metrics["loss_last"] < metrics["loss_first"]
    assert 0.0 <= metrics["heldout_grounded_share"] <= 1.0
    for name in ("adapter_model.safetensors", "adapter_config.json", "training_config.json", "loss_log.jsonl"):
        assert (out / name).is_file()
    assert json.loads((out / "training_config.json").read_text())["examples"] == 8
    apply_adapter(tiny_model(tokenizer), out)  # loads onto the base model


def test_template_reasons_of_one_reply_differ_even_when_the_items_share_every_fact() -> None:
    explainer = TemplateExplainer()
    alone = [explainer.explain(DRESS_CONTEXT, item).text for item in DRESSES]
    assert len(set(alone)) == 1  # what the shopper saw before: three identical reasons
    reasons = [e.text for e in explainer.explain_batch(DRESS_CONTEXT, DRESSES)]
    assert len(set(reasons)) == 3, reasons
    request = Request(text="a blue summer dress for women")
    for item, reason in zip(DRESSES, reasons):
        assert check_reason(reason, item, request) == [], reason
        assert reason.startswith("A blue dress") and "for women" in reason
    # Each of the first two gets what its own name says; the last one is then already different.
    # i12ag: a name detail that is only the maker is said as the maker ("by Tonga"), not as a name word
    assert "by Tonga" in reasons[0] and "by French Connection" in reasons[1] and "“Tonga”" not in reasons[0]


def test_two_items_of_one_maker_are_told_apart_by_what_only_one_has() -> None:
    dresses = [_dress(1, "Tonga Women Blue Dress"), _dress(2, "Mango Women Blue Dress"),
               _dress(3, "Mango Women Printed Maxi Blue Dress"), _dress(4, "Vero Moda Women Blue Dress")]
    reasons = [e.text for e in TemplateExplainer().explain_batch(DRESS_CONTEXT, dresses)]
    assert len(set(reasons)) == 4, reasons
    # The third is told by what only it has, not by "Mango", which the second one says already.
    assert "“Printed Maxi”" in reasons[2], reasons


def test_beauty_rows_take_their_type_from_the_shoppers_words_in_the_name() -> None:
    request = Request(text="a lip balm for dry lips")
    facts = facts_for(BEAUTY[0], request)
    assert ("type", "lip balm", True) in [(f.kind, f.value, f.matched) for f in facts]
    reason = TemplateExplainer().explain(RankingContext(turns=[("customer", request.text)]), BEAUTY[0]).text
    assert reason.startswith("A lip balm by Bee&You")
    assert len(matched_facts_stated(reason, facts)) >= 2, reason  # the type and "dry lips"
    # An acronym alone is no type: "spf" stays a feature.
    assert not any(f.kind == "type" for f in facts_for(BEAUTY[1], Request(text="something with spf")))


class _ScriptedExplainer(LLMExplainer):
    """The data-to-text explainer with the batched generation replaced by fixed sentences."""

    def __init__(self, sentences: list[str]) -> None:
        super().__init__(LLM(model=object(), tokenizer=object(), name="scripted"), data_to_text=True)
        self.sentences = sentences
        self.prompts_seen: list[str] = []

    def generate_batch(self, prompts: Any) -> list[str]:
        self.prompts_seen = list(prompts)
        return self.sentences[: len(prompts)]


def test_the_llm_writer_keeps_grounded_distinct_sentences_and_replaces_the_others() -> None:
    explainer = _ScriptedExplainer([
        " This blue dress for women is made for summer, with “Tonga” in its name.",
        " A blue dress for women by a renowned designer.",           # invented
        " This blue dress for women is made for summer, with “Tonga” in its name.",  # same as the first
    ])
    explanations = explainer.explain_batch(DRESS_CONTEXT, DRESSES)
    assert explanations[0].fallback is False
    assert explanations[0].text == "This blue dress for women is made for summer, with “Tonga” in its name."
    assert explanations[1].fallback is True and explanations[1].problems[0].startswith("unsupported")
    assert explanations[2].fallback is True and any(p.startswith(("repeated", "unsupported"))
                                                     for p in explanations[2].problems)
    assert len({e.text for e in explanations}) == 3
    counts = problem_counts(explanations)
    assert counts["fallbacks"] == 2 and counts["unsupported"] >= 1
    # Every prompt is the short data-to-text one, and the facts tell the items apart.
    assert all(p.startswith("Request: ") for p in explainer.prompts_seen)
    assert len(set(explainer.prompts_seen)) == 3


def test_a_sentence_missing_the_asked_facts_falls_back() -> None:
    explainer = _ScriptedExplainer([" This is a dress."] * 3)  # grounded, but states only the type
    explanations = explainer.explain_batch(DRESS_CONTEXT, DRESSES)
    assert all(e.fallback for e in explanations)
    assert any(p.startswith("incomplete") for p in explanations[0].problems)


def test_the_reason_adapter_setting(tmp_path: Path) -> None:
    settings = Settings(_env_file=None, reason_adapter="none")
    assert resolve_reason_adapter(settings) is None
    with pytest.raises(AdapterError, match="adapter_config"):
        resolve_reason_adapter(Settings(_env_file=None, reason_adapter=str(tmp_path)))
    assert resolve_reason_adapter(Settings(_env_file=None, llm=str(tmp_path))) is None


def test_the_items_own_type_is_no_contradiction_but_another_type_is() -> None:
    from chatrec.explain import KnownValues

    mouse = Item(id="m", title="Zebronics Optical Gaming Mouse with LED", category="Computers|GamingMice",
                 brand="Zebronics", price=399.0, currency="INR")
    keyboard = Item(id="k", title="Zebronics Wireless Keyboard", category="Computers|Keyboards", brand="Zebronics")
    vocabulary = KnownValues.from_items([mouse, keyboard])
    request = Request(text="something with led under 500", max_price=500)
    reason = TemplateExplainer().explain(RankingContext(turns=[("customer", request.text)], request=request), mouse)
    assert reason.text.startswith("A gaming mouse by Zebronics")
    assert check_reason(reason.text, mouse, request, vocabulary=vocabulary) == []
    assert check_reason("A keyboard by Zebronics.", mouse, request, vocabulary=vocabulary)


def test_train_reasons_is_also_a_train_subcommand() -> None:
    from click.testing import CliRunner

    from chatrec.cli import main

    for args in (["train", "reasons", "--help"], ["train-reasons", "--help"]):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0 and "reasons adapter" in result.output
