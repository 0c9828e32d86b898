"""Embedder fine-tuning: pairs from ReDial and shop logs, batching, the training run and its folder."""

from __future__ import annotations

import hashlib
import json
import random
import re
import string
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from click.testing import CliRunner

from chatrec.catalog import Item, item_text, load_catalog
from chatrec.cli import main
from chatrec.embedder_training import (
    EmbedderTrainConfig,
    TrainingPair,
    dialogue_ids,
    no_duplicate_batches,
    read_pairs,
    retrieval_recall,
    run_embedder_training,
    split_heldout,
    train_embedder,
    trained_groups,
    trained_items,
)
from chatrec.errors import InputError
from chatrec.eval.inputs import cached_index_dir
from chatrec.settings import Settings

ITEMS = {
    "1": Item(id="1", title="The Shining (1980)", attributes={"genre": ("horror",)}),
    "2": Item(id="2", title="It Follows (2014)", attributes={"genre": ("horror",)}),
    "3": Item(id="3", title="The Exorcist (1973)", attributes={"genre": ("horror",)}),
    "4": Item(id="4", title="Toy Story (1995)", attributes={"genre": ("animation",)}),
}
SEEKER, RECOMMENDER = 10, 20


def _message(sender: int, text: str) -> dict[str, Any]:
    return {"text": text, "senderWorkerId": sender}


def _dialogue(conversation: str, messages: list[dict[str, Any]], mentions: dict[str, str] | None = None) -> dict[str, Any]:
    return {
        "conversationId": conversation,
        "initiatorWorkerId": SEEKER,
        "respondentWorkerId": RECOMMENDER,
        "movieMentions": mentions if mentions is not None else {"1": "The Shining (1980)", "2": "It Follows (2014)"},
        "messages": messages,
    }


DIALOGUE = _dialogue("100", [
    _message(SEEKER, "hello"),
    _message(RECOMMENDER, "hi, what do you like?"),
    _message(SEEKER, "I loved @1, something scary please"),
    _message(RECOMMENDER, "Try @2 or @99"),                       # 99 is not in the catalogue
    _message(SEEKER, "seen @2 already, and @4"),                 # @4: title from the catalogue
    _message(RECOMMENDER, "Then @3"),
    _message(RECOMMENDER, "or @1 again"),                         # same turn as the line above
    _message(SEEKER, "thanks, bye"),
])


def _write_jsonl(path: Path, records: list[Any]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


# --- reading pairs -------------------------------------------------------------------------


def test_redial_pairs_use_the_recent_turns_with_titles(tmp_path: Path) -> None:
    data = _write_jsonl(tmp_path / "d.jsonl", [DIALOGUE])
    read = read_pairs([data], ITEMS)
    assert [(p.item_id, p.group) for p in read.pairs] == [("2", "100"), ("3", "100"), ("1", "100")]
    assert read.pairs[0].query == "hello hi, what do you like? I loved The Shining (1980), something scary please"
    # The most recent four turns, joined as the ReDial evaluation's query; @4 is written out from
    # the catalogue, @99 (in neither) as "a movie".
    assert read.pairs[1].query == (
        "hi, what do you like? I loved The Shining (1980), something scary please "
        "Try It Follows (2014) or a movie seen It Follows (2014) already, and Toy Story (1995)"
    )
    assert read.pairs[2].query == read.pairs[1].query
    assert read.unknown_items == 1 and read.dialogues == 1


def test_recommendation_without_context_gives_no_pair(tmp_path: Path) -> None:
    dialogue = _dialogue("7", [_message(RECOMMENDER, "Watch @1"), _message(SEEKER, "ok")])
    read = read_pairs([_write_jsonl(tmp_path / "d.jsonl", [dialogue])], ITEMS)
    assert read.pairs == [] and read.dialogues == 1


def test_mentions_title_wins_over_the_catalogue(tmp_path: Path) -> None:
    dialogue = _dialogue("8", [_message(SEEKER, "like @4?"), _message(RECOMMENDER, "yes, and @2")],
                         mentions={"4": "Toy Story 1"})
    read = read_pairs([_write_jsonl(tmp_path / "d.jsonl", [dialogue])], ITEMS)
    assert read.pairs == [TrainingPair("like Toy Story 1?", "2", "8")]


def test_shop_log_lines_and_unknown_items(tmp_path: Path) -> None:
    data = _write_jsonl(tmp_path / "log.jsonl", [
        {"query": "a scary film for tonight", "item_id": "2"},
        {"query": "something for the kids", "item_id": 4},
        {"query": "a thing we do not sell", "item_id": "nope"},
    ])
    read = read_pairs([data], ITEMS)
    assert [(p.query, p.item_id) for p in read.pairs] == [
        ("a scary film for tonight", "2"), ("something for the kids", "4")]
    assert read.log_lines == 3 and read.unknown_items == 1
    assert read.pairs[0].group != read.pairs[1].group   # every log line is its own group
    assert read.per_file == {str(data): 2}


def test_both_formats_in_one_file(tmp_path: Path) -> None:
    data = _write_jsonl(tmp_path / "mixed.jsonl", [DIALOGUE, {"query": "kids film", "item_id": "4"}])
    read = read_pairs([data], ITEMS)
    assert len(read.pairs) == 4 and read.dialogues == 1 and read.log_lines == 1


def test_skip_dialogues_and_duplicates(tmp_path: Path) -> None:
    other = _dialogue("200", [_message(SEEKER, "any horror?"), _message(RECOMMENDER, "@1")])
    data = _write_jsonl(tmp_path / "a.jsonl", [DIALOGUE, other])
    again = _write_jsonl(tmp_path / "b.jsonl", [other])
    skip = _write_jsonl(tmp_path / "c.jsonl", [{"conversationId": "100", "messages": []}])
    assert dialogue_ids([skip]) == {"100"}
    read = read_pairs([data, again], ITEMS, skip_ids=dialogue_ids([skip]))
    assert [p.group for p in read.pairs] == ["200"]
    assert read.skipped_dialogues == 1 and read.duplicate_dialogues == 1


def test_bad_lines_name_the_file_and_line(tmp_path: Path) -> None:
    neither = _write_jsonl(tmp_path / "bad.jsonl", [DIALOGUE, {"text": "hello"}])
    with pytest.raises(InputError, match=r"bad\.jsonl, line 2: neither a ReDial dialogue"):
        read_pairs([neither], ITEMS)
    empty = _write_jsonl(tmp_path / "empty.jsonl", [{"query": "  ", "item_id": "1"}])
    with pytest.raises(InputError, match=r"empty\.jsonl, line 1: empty query"):
        read_pairs([empty], ITEMS)
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"query": "x", "item_id": "1"}\n{not json\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"broken\.jsonl, line 2"):
        read_pairs([broken], ITEMS)
    with pytest.raises(InputError, match="missing.jsonl does not exist"):
        read_pairs([tmp_path / "missing.jsonl"], ITEMS)
    with pytest.raises(InputError, match="no conversationId"):
        dialogue_ids([_write_jsonl(tmp_path / "log.jsonl", [{"query": "x", "item_id": "1"}])])


def test_real_redial_slice(fixtures_dir: Path) -> None:
    catalog = {item.id: item for item in load_catalog(fixtures_dir / "redial_movies.json").items}
    read = read_pairs([fixtures_dir / "redial_dialogues.jsonl"], catalog)
    assert read.dialogues == 25 and len(read.pairs) > 50
    assert all(p.item_id in catalog and p.query and not re.search(r"@\d", p.query) for p in read.pairs)


# --- splitting and batching ------------------------------------------------------------------


def test_heldout_keeps_dialogues_whole() -> None:
    pairs = [TrainingPair(f"q{i}", str(i % 4), f"d{i // 3}") for i in range(60)]
    train, held = split_heldout(pairs, 0.1, seed=1)
    assert len(train) + len(held) == 60
    assert {p.group for p in train}.isdisjoint({p.group for p in held})
    assert len({p.group for p in held}) == 2
    assert split_heldout(pairs, 0.0)[1] == []
    one_group = [TrainingPair("q", "1", "only"), TrainingPair("r", "2", "only")]
    assert split_heldout(one_group, 0.5) == (one_group, [])


def test_batches_never_repeat_a_text() -> None:
    pairs = [(f"query {i}", "popular item" if i % 6 == 0 else f"item {i}") for i in range(30)]
    pairs += [("query 1", "item x")]   # a repeated query
    batches = no_duplicate_batches(pairs, 4, random.Random(0))
    used = [i for batch in batches for i in batch]
    assert len(used) == len(set(used))
    assert len(used) >= len(pairs) - 1   # at most a final lone pair is left out
    for batch in batches:
        texts = [text for i in batch for text in pairs[i]]
        assert len(texts) == len(set(texts)) and 2 <= len(batch) <= 4
    assert no_duplicate_batches([("a", "x"), ("b", "x")], 8, random.Random(0)) == []


def test_config_validates_and_round_trips() -> None:
    config = EmbedderTrainConfig(data=["a.jsonl"], catalog="movies.json", epochs=2, max_pairs=100)
    assert EmbedderTrainConfig.from_dict(json.loads(json.dumps(config.to_dict()))) == config
    with pytest.raises(InputError):
        EmbedderTrainConfig(batch_size=1)
    with pytest.raises(InputError):
        EmbedderTrainConfig(lr=0)
    with pytest.raises(InputError, match="unknown"):
        EmbedderTrainConfig.from_dict({"epochs": 1, "colour": "red"})


# --- training ------------------------------------------------------------------------------


def _tiny_model_folder(folder: Path) -> Path:
    """A randomly initialised 2-layer BERT with a character vocabulary, mean pooling and normalisation."""
    import torch
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.base.modules import Normalize, Transformer
    from sentence_transformers.sentence_transformer.modules import Pooling
    from transformers import BertConfig, BertModel, BertTokenizer

    bert = folder / "bert"
    bert.mkdir(parents=True)
    chars = string.ascii_lowercase + string.digits + string.punctuation
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *chars, *(f"##{c}" for c in chars)]
    BertTokenizer(vocab={token: i for i, token in enumerate(vocab)}, do_lower_case=True).save_pretrained(str(bert))
    torch.manual_seed(0)
    config = BertConfig(vocab_size=len(vocab), hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                        intermediate_size=64, max_position_embeddings=128)
    BertModel(config).save_pretrained(str(bert))
    transformer = Transformer(str(bert), max_seq_length=64)
    model = SentenceTransformer(modules=[transformer, Pooling(32, "mean"), Normalize()], device="cpu")
    out = folder / "tiny-st"
    model.save(str(out), create_model_card=False)
    return out


@pytest.fixture(scope="module")
def tiny_model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny trainable sentence-transformers folder (one per module)."""
    return _tiny_model_folder(tmp_path_factory.mktemp("tiny"))


SHOP = [
    ("red running shoes", "Trail Runner red"), ("waterproof hiking boots", "Mountain Boot brown"),
    ("a warm winter coat", "Parka navy"), ("summer dress with flowers", "Floral Dress yellow"),
    ("leather office bag", "Briefcase black"), ("sunglasses for the beach", "Aviator Shades gold"),
    ("wool socks", "Merino Socks grey"), ("a cap for running", "Sport Cap white"),
]


def _shop_files(tmp_path: Path) -> tuple[Path, Path]:
    catalog = tmp_path / "shop.csv"
    catalog.write_text("id,title\n" + "".join(f"s{i},{title}\n" for i, (_, title) in enumerate(SHOP)), encoding="utf-8")
    log = _write_jsonl(tmp_path / "log.jsonl", [{"query": q, "item_id": f"s{i}"} for i, (q, _) in enumerate(SHOP)])
    return catalog, log


def test_training_learns_the_pairs(tiny_model_dir: Path, tmp_path: Path) -> None:
    from sentence_transformers import SentenceTransformer

    catalog, log = _shop_files(tmp_path)
    items = {item.id: item for item in load_catalog(catalog).items}
    documents = {item_id: item_text(item) for item_id, item in items.items()}
    pairs = read_pairs([log], items).pairs
    model = SentenceTransformer(str(tiny_model_dir), device="cpu", local_files_only=True)
    config = EmbedderTrainConfig(epochs=10, batch_size=8, lr=3e-3, warmup=0.0, threads=1)
    before = retrieval_recall(model, pairs, documents)
    metrics = train_embedder(model, pairs, documents, config, heldout=pairs, progress=False)
    after = retrieval_recall(model, pairs, documents)
    assert metrics["steps"] == 10
    assert metrics["heldout_before"] == before and metrics["heldout_after"] == after
    assert metrics["loss_last_10pct"] < metrics["loss_first_10pct"]
    assert after["mrr"] > before["mrr"] and after["recall@1"] >= 0.75


def test_run_writes_a_loadable_embedder_folder(tiny_model_dir: Path, tmp_path: Path, settings: Settings) -> None:
    from sentence_transformers import SentenceTransformer

    from chatrec.embedding import embedder_identity, load_embedder
    from chatrec.index import build_index, open_index

    catalog, log = _shop_files(tmp_path)
    base = settings.model_copy(update={"embedder": str(tiny_model_dir), "embed_dtype": "float32"})
    out = tmp_path / "tuned"
    config = EmbedderTrainConfig(data=[str(log)], catalog=str(catalog), epochs=2, batch_size=4, heldout=0.25,
                                 threads=1)
    result = run_embedder_training(config, base, out, progress=False)
    assert result["out"] == str(out) and result["pairs"] == 8
    assert result["train_pairs"] == 6 and result["heldout_pairs"] == 2
    assert set(result["heldout_before"]) == {"recall@1", "recall@10", "recall@50", "mrr", "pairs"}
    saved = json.loads((out / "training_config.json").read_text(encoding="utf-8"))
    assert saved["options"]["base_embedder"] == str(tiny_model_dir)
    assert saved["inputs"]["data"][0]["sha256"] == hashlib.sha256(log.read_bytes()).hexdigest()
    assert saved["inputs"]["pairs"] == 8 and saved["inputs"]["skipped_dialogues"] == 0
    assert json.loads((out / "metrics.json").read_text(encoding="utf-8"))["steps"] == result["steps"]
    assert (out / "loss_log.jsonl").read_text(encoding="utf-8").strip()
    assert len(trained_groups(out)) == 6 and trained_groups(tiny_model_dir) == set()  # log lines: one group each
    assert not list(tmp_path.glob(".tuned.*"))   # nothing left aside

    # The folder is a sentence-transformers model whose weights moved, usable as the embedder setting.
    texts = ["red running shoes"]
    tuned, original = SentenceTransformer(str(out), device="cpu"), SentenceTransformer(str(tiny_model_dir), device="cpu")
    assert not np.allclose(tuned.encode(texts), original.encode(texts))
    use = settings.model_copy(update={"embedder": str(out), "index_dir": tmp_path / "index"})
    assert load_embedder(use).dim == 32
    build_index(catalog, use)
    recorded = open_index(tmp_path / "index").embedder_name
    assert recorded.startswith(str(out) + "#") and recorded == embedder_identity(str(out))

    # A second run into the same folder replaces it, and the index is embedded again.
    run_embedder_training(config, base, out, progress=False)
    assert (out / "modules.json").exists()
    assert embedder_identity(str(out)) != recorded
    assert not build_index(catalog, use).up_to_date
    assert open_index(tmp_path / "index").embedder_name == embedder_identity(str(out))


def test_run_refuses_bad_input_before_training(tmp_path: Path, settings: Settings) -> None:
    catalog, log = _shop_files(tmp_path)
    nothing = _write_jsonl(tmp_path / "none.jsonl", [{"query": "x", "item_id": "not-sold"}])
    config = EmbedderTrainConfig(data=[str(nothing)], catalog=str(catalog))
    with pytest.raises(InputError, match="no training pair in .*none.jsonl.*1 item ids not in"):
        run_embedder_training(config, settings, tmp_path / "out", progress=False)
    occupied = tmp_path / "occupied"
    occupied.mkdir()
    (occupied / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(InputError, match="not an embedder folder"):
        run_embedder_training(EmbedderTrainConfig(data=[str(log)], catalog=str(catalog)), settings, occupied)
    assert (occupied / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_cli_trains_and_reports_json(tiny_model_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    catalog, log = _shop_files(tmp_path)
    monkeypatch.setenv("CHATREC_EMBEDDER", str(tiny_model_dir))
    monkeypatch.setenv("CHATREC_CACHE_DIR", str(tmp_path / "cache"))
    out = tmp_path / "cli-out"
    result = CliRunner().invoke(main, [
        "train-embedder", "--data", str(log), "--catalog", str(catalog), "--out", str(out),
        "--epochs", "1", "--batch-size", "4", "--threads", "1", "--seed", "3", "--no-progress",
    ])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["out"] == str(out) and summary["pairs"] == 8
    assert json.loads((out / "training_config.json").read_text(encoding="utf-8"))["options"]["seed"] == 3

    bad = _write_jsonl(tmp_path / "bad.jsonl", [{"hello": 1}])
    result = CliRunner().invoke(main, ["train-embedder", "--data", str(bad), "--catalog", str(catalog),
                                       "--out", str(tmp_path / "x")])
    assert result.exit_code == 1 and "bad.jsonl, line 1: neither" in result.output
    assert "Traceback" not in result.output


def test_index_cache_depends_on_the_embedder(tiny_model_dir: Path, tmp_path: Path, settings: Settings) -> None:
    catalog, _ = _shop_files(tmp_path)
    stock = cached_index_dir(catalog, settings)
    assert stock.name == hashlib.sha256(catalog.read_bytes()).hexdigest()[:16]   # unchanged key
    folder = tmp_path / "model"
    folder.mkdir()
    (folder / "model.safetensors").write_bytes(b"weights v1")
    tuned = settings.model_copy(update={"embedder": str(folder)})
    first = cached_index_dir(catalog, tuned)
    assert first != stock and first.name.startswith(stock.name + "-")
    assert cached_index_dir(catalog, tuned) == first          # stable: no re-embedding back and forth
    (folder / "model.safetensors").write_bytes(b"weights v2, trained again")
    assert cached_index_dir(catalog, tuned) != first


@pytest.mark.slow
def test_real_embedder_trains_on_redial(fixtures_dir: Path, tmp_path: Path, settings: Settings,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from sentence_transformers import SentenceTransformer

    from chatrec.embedding import embedder_identity, load_embedder

    out = tmp_path / "minilm-redial"
    config = EmbedderTrainConfig(
        data=[str(fixtures_dir / "redial_dialogues.jsonl")], catalog=str(fixtures_dir / "redial_movies.json"),
        max_pairs=64, batch_size=16, heldout=0.1, threads=1,
    )
    result = run_embedder_training(config, settings, out, progress=False)
    assert result["train_pairs"] == 64 and result["steps"] >= 4 and result["heldout_pairs"] > 0
    assert 0.0 <= result["heldout_after"]["recall@10"] <= 1.0
    model = SentenceTransformer(str(out), device="cpu", local_files_only=True)
    assert model.encode(["a scary movie"]).shape == (1, 384)
    monkeypatch.setenv("CHATREC_EMBEDDER", str(out))
    embedder = load_embedder(Settings(_env_file=None))
    assert embedder.name == embedder_identity(str(out)) and embedder.name.startswith(str(out) + "#")
    assert embedder.dim == 384
    vector = embedder.encode_queries(["a scary movie"])
    assert np.isclose(np.linalg.norm(vector), 1.0, atol=1e-2)


# --- echo-free pairs and held-out items (issue 14) -------------------------------------------


def test_echo_free_pairs_leave_out_movies_named_before(tmp_path: Path) -> None:
    data = _write_jsonl(tmp_path / "d.jsonl", [DIALOGUE])
    read = read_pairs([data], ITEMS, echo_free=True)
    # @1 was the seeker's own film three turns earlier: recommending it back is an echo.
    assert [p.item_id for p in read.pairs] == ["2", "3"]
    assert read.echo_pairs == 1 and read.unknown_items == 1
    assert read_pairs([data], ITEMS).echo_pairs == 0


def test_echo_free_pairs_keep_shop_log_lines(tmp_path: Path) -> None:
    data = _write_jsonl(tmp_path / "mixed.jsonl", [DIALOGUE, {"query": "kids film", "item_id": "4"}])
    read = read_pairs([data], ITEMS, echo_free=True)
    assert [p.item_id for p in read.pairs] == ["2", "3", "4"]


def test_run_leaves_out_held_out_items_and_lists_what_it_learnt(
    tiny_model_dir: Path, tmp_path: Path, settings: Settings
) -> None:
    from chatrec.eval.inputs import refuse_embedder_knowing_held_items
    from chatrec.eval.redial import holdout_items

    catalog, log = _shop_files(tmp_path)
    base = settings.model_copy(update={"embedder": str(tiny_model_dir), "embed_dtype": "float32"})
    config = EmbedderTrainConfig(data=[str(log)], catalog=str(catalog), epochs=1, batch_size=4, heldout=0.0,
                                 threads=1, holdout_items=0.25, seed=1)
    out = tmp_path / "cold"
    result = run_embedder_training(config, base, out, progress=False)
    held = holdout_items([f"s{i}" for i in range(len(SHOP))], 0.25, 1)   # the eval's draw, same seed
    assert len(held) == 2 and result["held_out_items"] == 2 and result["held_out_item_pairs_dropped"] == 2
    assert trained_items(out) == {f"s{i}" for i in range(len(SHOP))} - held
    assert trained_items(tiny_model_dir) is None

    tuned = base.model_copy(update={"embedder": str(out)})
    refuse_embedder_knowing_held_items(tuned, held, allow_leak=False)          # never saw them: accepted
    everything = base.model_copy(update={"embedder": str(tmp_path / "all")})
    run_embedder_training(EmbedderTrainConfig(data=[str(log)], catalog=str(catalog), epochs=1, batch_size=4,
                                              heldout=0.0, threads=1), base, tmp_path / "all", progress=False)
    with pytest.raises(InputError, match="tuned on pairs choosing 2 of the 2 held-out items"):
        refuse_embedder_knowing_held_items(everything, held, allow_leak=False)
    refuse_embedder_knowing_held_items(everything, held, allow_leak=True)
    refuse_embedder_knowing_held_items(everything, set(), allow_leak=False)   # no cold start: nothing to check


def test_cli_takes_echo_free_pairs_and_holdout_items(
    tiny_model_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    catalog, log = _shop_files(tmp_path)
    monkeypatch.setenv("CHATREC_EMBEDDER", str(tiny_model_dir))
    monkeypatch.setenv("CHATREC_CACHE_DIR", str(tmp_path / "cache"))
    out = tmp_path / "cli-cold"
    result = CliRunner().invoke(main, [
        "train-embedder", "--data", str(log), "--catalog", str(catalog), "--out", str(out), "--epochs", "1",
        "--batch-size", "4", "--threads", "1", "--no-progress", "--echo-free-pairs", "--holdout-items", "0.25",
    ])
    assert result.exit_code == 0, result.output
    options = json.loads((out / "training_config.json").read_text(encoding="utf-8"))["options"]
    assert options["echo_free_pairs"] is True and options["holdout_items"] == 0.25
    assert json.loads(result.stdout)["held_out_item_pairs_dropped"] == 2
