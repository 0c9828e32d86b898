"""Training: examples from ReDial and sessions, the LoRA loop, and the saved adapter."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest
import torch
from fakes import HashingEmbedder
from tiny_llm import tiny_model, tiny_tokenizer

from chatrec.catalog import Item
from chatrec.conversations import redial_turns
from chatrec.errors import InputError, ItemNotFoundError
from chatrec.llm import apply_adapter
from chatrec.train import TrainConfig, build_examples, train_adapter

MOVIES = {
    "1": ("The Shining (1980)", "horror"), "2": ("It Follows (2014)", "horror"),
    "3": ("The Exorcist (1973)", "horror"), "4": ("Toy Story (1995)", "animation"),
    "5": ("Up (2009)", "animation"), "6": ("Heat (1995)", "crime"), "7": ("Alien (1979)", "horror"),
    "8": ("Frozen (2013)", "animation"),
}


@dataclass(frozen=True)
class FakeCandidate:
    item: Item
    score: float


class FakeIndex:
    def __init__(self, items: list[Item]) -> None:
        self.items = items
        self._by_id = {item.id: item for item in items}

    def __contains__(self, item_id: object) -> bool:
        return item_id in self._by_id

    def get(self, item_id: str) -> Item:
        if item_id not in self._by_id:
            raise ItemNotFoundError(item_id)
        return self._by_id[item_id]


class FakeRetriever:
    """Dense search with the hashing embedder: enough to exercise example building."""

    def __init__(self) -> None:
        items = [Item(id=k, title=t, attributes={"genre": (g,)}) for k, (t, g) in MOVIES.items()]
        self.index = FakeIndex(items)
        self.embedder = HashingEmbedder()
        self._matrix = self.embedder.encode_documents([f"{i.title} {i.attributes['genre'][0]}" for i in items])

    def search(self, query, k=20, **_):  # type: ignore[no-untyped-def]
        vector = query.vector if query.vector is not None else self.embedder.encode_queries([query.text])[0]
        scores = self._matrix @ vector
        order = [i for i in np.argsort(-scores, kind="stable") if self.index.items[i].id not in set(query.exclude_ids)]
        return [FakeCandidate(self.index.items[i], float(scores[i])) for i in order[:k]]


def _redial(tmp_path: Path) -> Path:
    dialogues = [
        {"conversationId": "c1", "initiatorWorkerId": 1, "respondentWorkerId": 2,
         "movieMentions": {"1": "The Shining (1980)", "2": "It Follows (2014)", "3": "The Exorcist (1973)"},
         "messages": [
             {"senderWorkerId": 1, "text": "hi, I like horror like @2"},
             {"senderWorkerId": 1, "text": "something creepy"},
             {"senderWorkerId": 2, "text": "Have you seen @1 ? or @3"},
             {"senderWorkerId": 1, "text": "yes @1 is great"},
             {"senderWorkerId": 2, "text": "then @1 again"},
         ]},
        {"conversationId": "c2", "initiatorWorkerId": 5, "respondentWorkerId": 6,
         "movieMentions": {"4": "Toy Story (1995)", "5": "Up (2009)"},
         "messages": [
             {"senderWorkerId": 6, "text": "hello, what do you like?"},
             {"senderWorkerId": 5, "text": "animation for kids like @4"},
             {"senderWorkerId": 6, "text": "try @5"},
         ]},
    ]
    path = tmp_path / "redial.jsonl"
    path.write_text("\n".join(json.dumps(d) for d in dialogues), encoding="utf-8")
    return path


def test_redial_turns_merge_messages_and_write_titles_out() -> None:
    dialogue = json.loads(_redial(Path("/tmp")).read_text().splitlines()[0]) if False else {
        "initiatorWorkerId": 1, "movieMentions": {"2": "It Follows (2014)"},
        "messages": [{"senderWorkerId": 1, "text": "I like @2"}, {"senderWorkerId": 1, "text": "a lot"},
                     {"senderWorkerId": 2, "text": "ok @9"}],
    }
    turns = redial_turns(dialogue, {"9": "Heat (1995)"})
    assert turns == [("customer", "I like It Follows (2014) a lot", ["2"]), ("assistant", "ok Heat (1995)", ["9"])]


def test_examples_target_new_recommendations_with_the_target_among_candidates(tmp_path: Path) -> None:
    examples = build_examples([_redial(tmp_path)], FakeRetriever(), n_candidates=4, seed=0)
    targets = sorted(e.candidate_ids[e.target] for e in examples)
    assert targets == ["1", "3", "5"]  # @1 named again later is not a new target
    for example in examples:
        assert len(example.candidate_ids) == 4 and len(set(example.candidate_ids)) == 4
        assert example.turns[-1][0] == "customer"
        named_before = " ".join(t for _, t in example.turns)
        assert "@" not in named_before
    horror = next(e for e in examples if e.candidate_ids[e.target] == "1")
    assert "2" not in horror.candidate_ids  # named earlier by the customer: excluded


def test_session_examples_use_the_given_candidates(tmp_path: Path) -> None:
    path = tmp_path / "sessions.jsonl"
    path.write_text(json.dumps({
        "turns": [{"role": "customer", "text": "a cartoon"}], "positives": ["8", "999"],
        "candidates": ["4", "5", "6"],
    }), encoding="utf-8")
    [example] = build_examples([path], FakeRetriever(), n_candidates=3, seed=0)
    assert example.candidate_ids[example.target] == "8"
    assert set(example.candidate_ids) - {"8"} <= {"4", "5", "6"}


def test_malformed_data_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"foo": 1}\n', encoding="utf-8")
    with pytest.raises(InputError, match="line 1"):
        build_examples([path], FakeRetriever())
    path.write_text("not json\n", encoding="utf-8")
    with pytest.raises(InputError, match="not JSON"):
        build_examples([path], FakeRetriever())


def test_config_round_trips_and_validates() -> None:
    config = TrainConfig(data=["a.jsonl"], lora_r=4, lr=1e-3)
    assert TrainConfig.from_json(config.to_json()) == config
    with pytest.raises(InputError):
        TrainConfig(n_candidates=40)
    with pytest.raises(InputError, match="unknown"):
        TrainConfig.from_json('{"learning_rate": 1}')


def test_training_lowers_the_loss_and_saves_a_loadable_adapter(tmp_path: Path) -> None:
    retriever = FakeRetriever()
    examples = build_examples([_redial(tmp_path)], retriever, n_candidates=4, seed=0)
    tokenizer = tiny_tokenizer()
    config = TrainConfig(n_candidates=4, epochs=12, lr=2e-2, grad_accum=1, lora_r=4, lora_alpha=8,
                         lora_dropout=0.0, dtype="float32", max_seq_len=4000, log_every=1, warmup=0.0)
    out = tmp_path / "adapter"
    metrics = train_adapter(tiny_model(tokenizer), tokenizer, examples, retriever.index, out, config,
                            heldout=examples, progress=False)
    log = [json.loads(line) for line in (out / "loss_log.jsonl").read_text().splitlines()]
    assert log[-1]["loss"] < log[0]["loss"]
    assert metrics["loss_last"] < metrics["loss_first"]
    assert metrics["heldout_label_hit1_after"] >= max(metrics["heldout_label_hit1_before"], 2 / 3)
    for name in ("adapter_model.safetensors", "adapter_config.json", "training_config.json", "metrics.json"):
        assert (out / name).is_file()
    merged = apply_adapter(tiny_model(tokenizer), out)
    ids = torch.tensor([tokenizer.encode("hello", add_special_tokens=False)])
    with torch.no_grad():
        assert not torch.allclose(merged(input_ids=ids).logits, tiny_model(tokenizer)(input_ids=ids).logits)
