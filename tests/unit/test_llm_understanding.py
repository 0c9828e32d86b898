"""The LLM understander: grammar-constrained output, merging with the rules, fallback, training on tiny data."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from needs import need
from tiny_llm import tiny_model, tiny_tokenizer

from chatrec.catalog import Item
from chatrec.llm import LLM
from chatrec.llm_understanding import (
    LLMUnderstander,
    LLMUnderstandingError,
    build_grammar,
    grammar_fields,
    merge,
    parse_line,
    reread,
    rules_unsure,
)
from chatrec.request import PriceRange, ShopperRequest
from chatrec.vocabulary import CatalogueVocabulary

xgrammar = need("xgrammar", "the LLM understander constrains decoding with xgrammar")

FIELDS = {"category": ["Tshirts", "Jeans", "Watches"], "baseColour": ["Black", "Navy Blue", "Red"]}


def _items() -> list[Item]:
    return [
        Item(id="1", title="Nike Men Black Tshirt", category="Tshirts", attributes={"baseColour": "Black"}),
        Item(id="2", title="Levis Men Blue Jeans", category="Jeans", attributes={"baseColour": "Navy Blue"}),
        Item(id="3", title="Titan Red Watch", category="Watches", attributes={"baseColour": "Red"}),
    ]


class _Biased:
    """A tiny model whose logits prefer characters the grammar forbids ('Z'), and then the line's end."""

    def __init__(self, model, tokenizer) -> None:
        self.model, self.config = model, model.config
        self.bad = tokenizer.convert_tokens_to_ids("Z")
        self.end = tokenizer.convert_tokens_to_ids("\n")

    def __call__(self, *args, **kwargs):
        out = self.model(*args, **kwargs)
        out.logits[..., self.bad] += 100.0
        out.logits[..., self.end] += 50.0
        return out


def _values_ok(line: str) -> None:
    parsed = parse_line(line, FIELDS)  # raises on a value outside the catalogue
    for values in [*parsed.include.values(), *parsed.exclude.values()]:
        assert values


def test_grammar_and_parser_agree_on_a_line() -> None:
    grammar = build_grammar(FIELDS)
    assert '"Navy Blue"' in grammar and "baseColour=" in grammar
    parsed = parse_line("refine;+baseColour=Black|Red;-category=Jeans;ref=2,3;rel=cheaper", FIELDS)
    assert parsed.intent == "refine"
    assert parsed.include == {"baseColour": ["Black", "Red"]}
    assert parsed.exclude == {"category": ["Jeans"]}
    assert parsed.positions == [2, 3] and parsed.relative == "cheaper"
    with pytest.raises(LLMUnderstandingError):
        parse_line("refine;+baseColour=Purple", FIELDS)  # not a catalogue value
    with pytest.raises(LLMUnderstandingError):
        parse_line("buy;+baseColour=Black", FIELDS)  # not an intent


def test_grammar_fields_leave_out_prices_and_keep_words() -> None:
    vocabulary = CatalogueVocabulary(
        {"category": Counter({"Tshirts": 5, "Jeans": 2}), "list_price": Counter({"₹1,099": 1, "₹349": 2})}, 7,
    )
    assert grammar_fields(vocabulary) == {"category": ["Tshirts", "Jeans"]}


def test_constrained_output_is_valid_even_when_the_model_prefers_other_characters() -> None:
    tokenizer = tiny_tokenizer()
    model = _Biased(tiny_model(tokenizer), tokenizer)
    llm = LLM(model=model, tokenizer=tokenizer, name="tiny")
    reader = LLMUnderstander(llm, FIELDS, style="short", max_new_tokens=200, jump_forward=True)
    for message in ("black tshirts", "not the red one", "what's the weather?"):
        line = reader.generate(f"Shopper: {message}\nRequest:")
        assert "Z" not in line
        _values_ok(line)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_constrained_output_of_a_random_model_parses_or_is_cut_cleanly(seed: int) -> None:
    tokenizer = tiny_tokenizer()
    llm = LLM(model=tiny_model(tokenizer, seed=seed), tokenizer=tokenizer, name="tiny")
    # the cut, not the time limit, is tested: a loaded machine must not turn it into a timeout
    reader = LLMUnderstander(llm, FIELDS, style="short", max_new_tokens=120, jump_forward=False, timeout_seconds=600)
    rules = ShopperRequest(intent="recommend", language="es", price=PriceRange(max=50))
    try:
        heard = reader.read("camisetas negras", _context(), rules)
    except LLMUnderstandingError as exc:
        assert "cut" in str(exc)
        return
    _values_ok(reader.last_line or "")
    assert heard.source == "llm"
    assert heard.price == rules.price and heard.language == "es"  # numbers and language from the rules
    assert all(p <= 3 for p in heard.positions)


def _context():
    from chatrec.understanding import TurnContext

    return TurnContext(shown=_items(), searching=True, current={"category": ["Tshirts"]})


def test_merge_takes_the_llm_slots_and_keeps_the_rules_numbers() -> None:
    rules = ShopperRequest(intent="recommend", query="cheap tee", price=PriceRange(max=20, currency="USD"),
                           language="zh", include={"category": ["Jeans"]})
    parsed = parse_line("more_like;+baseColour=Red;ref=3,9", FIELDS)
    heard = merge(rules, parsed, _items())
    assert heard.intent == "more_like" and heard.include == {"baseColour": ["Red"]}
    assert heard.positions == [3] and heard.references[0].item_id == "3"  # position 9 was never shown
    assert heard.price == rules.price and heard.language == "zh" and heard.query == "cheap tee"
    assert heard.source == "llm"


def test_rules_unsure_only_when_nothing_was_understood() -> None:
    assert rules_unsure(ShopperRequest(intent="recommend"))
    assert rules_unsure(ShopperRequest(intent="ask_about_item"))
    assert not rules_unsure(ShopperRequest(intent="recommend", include={"category": ["Jeans"]}))
    assert not rules_unsure(ShopperRequest(intent="chitchat"))


class _Failing:
    last_line = None
    last_seconds = None

    def read(self, *args, **kwargs):
        raise LLMUnderstandingError("the LLM took over 3 s to read the turn")


def test_a_failing_llm_leaves_the_rules_request_and_says_so() -> None:
    rules = ShopperRequest(intent="recommend")
    heard, metadata = reread(_Failing(), "llm", "what's your favourite movie?", rules)  # type: ignore[arg-type]
    assert heard is rules
    assert metadata["by"] == "rules" and "3 s" in metadata["llm_failed"]
    sure = ShopperRequest(intent="recommend", include={"category": ["Jeans"]})
    heard, metadata = reread(_Failing(), "llm", "jeans", sure)  # type: ignore[arg-type]
    assert heard is sure and "not asked" in metadata["llm"]


def test_training_on_tiny_data_saves_an_adapter_that_loads(tmp_path: Path) -> None:
    from chatrec.llm import apply_adapter
    from chatrec.understanding_training import (
        ShopData, exact_on_examples, generate_examples, prefix_for, train_understanding,
    )

    shop = ShopData("tiny", FIELDS, _items())
    examples = generate_examples([shop], 12, seed=3)
    assert len(examples) == 12
    for example in examples:
        parse_line(example.line, FIELDS)  # every generated label is a valid request over the vocabulary
    tokenizer = tiny_tokenizer()
    model = tiny_model(tokenizer)
    metrics = train_understanding(
        model, tokenizer, examples[:8], [], tmp_path, {"tiny": prefix_for(shop)}, batch=4, max_minutes=2,
    )
    assert metrics["examples_seen"] == 8
    assert metrics["loss_first"] > 0
    assert (tmp_path / "adapter_model.safetensors").is_file()
    assert json.loads((tmp_path / "adapter_config.json").read_text())["peft_type"] == "LORA"
    fresh = apply_adapter(tiny_model(tokenizer), tmp_path)
    share = exact_on_examples(fresh, tokenizer, examples[8:], {"tiny": shop})
    assert 0.0 <= share <= 1.0


def test_a_turn_with_a_broken_llm_understander_answers_with_the_rules(fashion_retriever, settings, tmp_path) -> None:
    from chatrec import ChatRec
    from chatrec.explain import TemplateExplainer
    from chatrec.ranking import RetrievalRanker

    broken = settings.model_copy(update={
        "use_llm": False, "understander": "llm", "understanding_adapter": str(tmp_path / "no-such-adapter"),
    })
    rec = ChatRec(broken, retriever=fashion_retriever, ranker=RetrievalRanker(), explainer=TemplateExplainer())
    sure = rec.respond("blue shirts for men, just show me", session_id="u1")
    assert sure.recommendations and sure.metadata["understanding"]["by"] == "rules"
    assert "not asked" in sure.metadata["understanding"]["llm"]  # the rules were sure: no LLM cost
    unsure = rec.respond("what do people usually get?", session_id="u2")
    assert unsure.text  # a reply, not a traceback
    assert unsure.metadata["understanding"]["by"] == "rules"
    assert "no-such-adapter" in unsure.metadata["understanding"]["llm_failed"]
    rec.close()


def test_the_prefix_cache_and_jump_forward_do_not_change_what_is_written() -> None:
    tokenizer = tiny_tokenizer()
    model = _Biased(tiny_model(tokenizer, seed=4), tokenizer)
    llm = LLM(model=model, tokenizer=tokenizer, name="tiny")
    lines = set()
    for cache, jump in ((True, True), (False, False), (True, False)):
        reader = LLMUnderstander(llm, FIELDS, style="short", max_new_tokens=200, jump_forward=jump, prefix_cache=cache)
        first = reader.generate("Shopper: navy blue watches\nRequest:")
        again = reader.generate("Shopper: navy blue watches\nRequest:")  # the shared prefix cache was restored
        assert first == again
        lines.add(first)
    assert len(lines) == 1
