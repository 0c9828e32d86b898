"""Fine-tuning the sentence embedder on (customer words -> chosen item) pairs.

Two input formats are read (one JSON object a line; the format is recognised per line):

- **ReDial raw dialogues** (``train_part_*.jsonl``): every recommender turn that names
  catalogue movies (``@123``) gives one pair per movie. The query is the dialogue before it
  (``@ids`` written out as titles, see :func:`chatrec.conversations.redial_turns`), its most recent
  ``query_utterances`` turns joined by spaces: the query the ReDial evaluation embeds.
- **Shop logs**: ``{"query": "customer words", "item_id": "..."}``, for example a search
  query or a chat message followed by a purchase.

The document side of a pair is exactly the text the index embeds for the item
(:func:`chatrec.catalog.item_text`). Training uses sentence-transformers'
``MultipleNegativesRankingLoss`` (every other item of a batch is a negative) over batches
without a repeated text, AdamW with a linear warm-up and decay, in float32. The result is a
normal sentence-transformers folder: ``CHATREC_EMBEDDER=FOLDER`` uses it (the index records
the embedder's name, so the catalogue is embedded again).
"""

from __future__ import annotations

import json
import logging
import math
import random
import shutil
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

import numpy as np

from chatrec.atomic import new_building_dir, swap_in
from chatrec.catalog import Item, item_text, load_catalog
from chatrec.conversations import read_records, redial_turns
from chatrec.errors import InputError
from chatrec.fileio import file_sha256
from chatrec.settings import PACKAGED_EMBEDDER, Settings
from chatrec.train import log_loss, warmup_linear_schedule

__all__ = [
    "EmbedderTrainConfig",
    "PairSet",
    "TrainingPair",
    "dialogue_ids",
    "no_duplicate_batches",
    "read_pairs",
    "retrieval_recall",
    "run_embedder_training",
    "split_heldout",
    "train_embedder",
    "trained_groups",
    "trained_items",
]

logger = logging.getLogger(__name__)

#: Cut-offs of the held-out recall reported in ``metrics.json``.
RECALL_KS = (1, 10, 50)


@dataclass(frozen=True)
class TrainingPair:
    """One (customer words, chosen item) pair.

    Attributes:
        query: What the customer said (for ReDial, the most recent turns before the recommendation).
        item_id: The catalogue id of the item chosen or recommended.
        group: The dialogue (``conversationId``) or log line it came from: held-out pairs are
            whole groups, never part of one.
    """

    query: str
    item_id: str
    group: str


@dataclass
class PairSet:
    """The pairs read from the data files, and what was left out.

    Attributes:
        pairs: The pairs, in file order.
        dialogues: ReDial dialogues read (after skipping).
        log_lines: Shop-log lines read.
        skipped_dialogues: Dialogues dropped because their id is in ``skip_ids``.
        duplicate_dialogues: Dialogues dropped because an earlier file already had their id.
        unknown_items: Named item ids that are not in the catalogue (skipped).
        echo_pairs: ReDial pairs dropped because their movie was named earlier in the dialogue
            (``echo_free=True``).
        per_file: Pairs per data file.
    """

    pairs: list[TrainingPair] = field(default_factory=list)
    dialogues: int = 0
    log_lines: int = 0
    skipped_dialogues: int = 0
    duplicate_dialogues: int = 0
    unknown_items: int = 0
    echo_pairs: int = 0
    per_file: dict[str, int] = field(default_factory=dict)


@dataclass
class EmbedderTrainConfig:
    """Options of one embedder training run; saved in ``training_config.json`` with the inputs' checksums."""

    data: list[str] = field(default_factory=list, metadata={"help": "JSONL files: ReDial raw dialogues or shop logs."})
    catalog: str = field(default="", metadata={"help": "The catalogue the item ids refer to."})
    base_embedder: str = field(default=PACKAGED_EMBEDDER, metadata={"help": "The embedder training starts from."})
    skip_dialogues_in: list[str] = field(
        default_factory=list, metadata={"help": "Raw dialogue files whose dialogues are left out (leak-free eval)."}
    )
    epochs: int = field(default=1, metadata={"help": "Passes over the training pairs."})
    batch_size: int = field(default=32, metadata={"help": "Pairs per batch (each pair's negatives: the batch's other items)."})
    lr: float = field(default=2e-5, metadata={"help": "Peak learning rate of AdamW."})
    warmup: float = field(default=0.1, metadata={"help": "Share of steps with a linear warm-up."})
    weight_decay: float = field(default=0.01, metadata={"help": "AdamW weight decay."})
    scale: float = field(default=20.0, metadata={"help": "Similarity scale of the loss (1 / temperature)."})
    max_pairs: int | None = field(default=None, metadata={"help": "Training pairs sampled at most (None: all)."})
    heldout: float = field(default=0.05, metadata={"help": "Share of dialogues (or log lines) kept out to measure recall."})
    query_utterances: int = field(default=4, metadata={"help": "Most recent ReDial turns that make a query."})
    echo_free_pairs: bool = field(
        default=False,
        metadata={"help": "ReDial: drop pairs whose movie was named earlier in the dialogue (learn to recommend, "
                          "not to echo)."},
    )
    holdout_items: float = field(
        default=0.0,
        metadata={"help": "Drop pairs whose item is among this seeded random share of the catalogue (the items "
                          "`chatrec eval redial --holdout-items` holds out with the same seed)."},
    )
    seed: int = field(default=0, metadata={"help": "Seed of the held-out split, sampling, batching and dropout."})
    threads: int = field(default=0, metadata={"help": "Torch CPU threads (0: torch's default)."})
    log_every: int = field(default=10, metadata={"help": "Optimiser steps between two loss-log lines."})

    def __post_init__(self) -> None:
        for name in ("epochs", "query_utterances", "log_every"):
            if getattr(self, name) < 1:
                raise InputError(f"{name} must be at least 1, got {getattr(self, name)}")
        if self.batch_size < 2:
            raise InputError(f"batch_size must be at least 2 (in-batch negatives), got {self.batch_size}")
        if self.max_pairs is not None and self.max_pairs < 1:
            raise InputError(f"max_pairs must be at least 1, got {self.max_pairs}")
        if not 0 < self.lr < 1:
            raise InputError(f"lr must be within (0, 1), got {self.lr}")
        if not 0 <= self.warmup < 1 or not 0 <= self.heldout < 1 or not 0 <= self.holdout_items < 1:
            raise InputError("warmup, heldout and holdout_items must be within [0, 1)")
        if self.threads < 0 or self.weight_decay < 0 or self.scale <= 0:
            raise InputError("threads and weight_decay must be >= 0, scale > 0")

    def to_dict(self) -> dict[str, Any]:
        """The options as a JSON-serialisable dict."""
        return asdict(self)

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any]) -> EmbedderTrainConfig:
        """Read :meth:`to_dict`'s output (unknown keys are an error)."""
        unknown = set(raw) - {f.name for f in fields(cls)}
        if unknown:
            raise InputError(f"unknown embedder training option(s): {', '.join(sorted(unknown))}")
        return cls(**raw)


# --- reading pairs ----------------------------------------------------------------------------


def dialogue_ids(paths: Iterable[Path | str]) -> set[str]:
    """The ``conversationId`` of every dialogue in raw ReDial files.

    Raises:
        InputError: A file is missing, a line is not JSON or has no ``conversationId``.
    """
    ids: set[str] = set()
    for path in paths:
        for number, record in enumerate(read_records(path), start=1):
            key = record.get("conversationId")
            if key is None:
                raise InputError(f"{path}, line {number}: no conversationId (not a raw ReDial dialogue)")
            ids.add(str(key))
    return ids


def read_pairs(
    paths: Sequence[Path | str],
    items: Mapping[str, Item],
    skip_ids: Iterable[str] = (),
    query_utterances: int = 4,
    echo_free: bool = False,
) -> PairSet:
    """Training pairs from ReDial dialogues and shop logs (see the module doc).

    Args:
        paths: JSONL files; each line is a ReDial dialogue or a ``{query, item_id}`` log line.
        items: The catalogue, id -> item (ids not in it are counted and skipped; its titles
            write out ``@ids`` that a dialogue's ``movieMentions`` lacks).
        skip_ids: Dialogue ids to leave out.
        query_utterances: Most recent turns that make a ReDial query.
        echo_free: Leave out ReDial pairs whose movie was named in an earlier turn of the
            dialogue (by either side): the pairs a recommender scored on echo-free targets
            learns from. Shop-log lines are kept.

    Returns:
        The pairs and the counts of what was skipped.

    Raises:
        InputError: A file is missing, or a line is not JSON, neither format, or a log line
            with an empty query (named by file and line).
    """
    skip = set(skip_ids)
    titles = {item_id: item.title for item_id, item in items.items()}
    result = PairSet()
    seen_dialogues: set[str] = set()
    for path in paths:
        before = len(result.pairs)
        for number, record in enumerate(read_records(path), start=1):
            where = f"{path}, line {number}"
            if isinstance(record.get("messages"), list):
                key = str(record.get("conversationId", f"{Path(path).name}:{number}"))
                if key in skip:
                    result.skipped_dialogues += 1
                    continue
                if key in seen_dialogues:
                    result.duplicate_dialogues += 1
                    continue
                seen_dialogues.add(key)
                result.dialogues += 1
                unknown, echoes = _redial_pairs(record, key, items, titles, query_utterances, result.pairs, echo_free)
                result.unknown_items += unknown
                result.echo_pairs += echoes
            elif "query" in record and "item_id" in record:
                query = str(record["query"] or "").strip()
                if not query:
                    raise InputError(f"{where}: empty query")
                item_id = str(record["item_id"])
                result.log_lines += 1
                if item_id not in items:
                    result.unknown_items += 1
                    continue
                result.pairs.append(TrainingPair(query, item_id, f"{Path(path).name}:{number}"))
            else:
                raise InputError(
                    f"{where}: neither a ReDial dialogue (conversationId, messages, movieMentions, "
                    f"initiatorWorkerId) nor a log line (query, item_id); keys: {sorted(record)[:8]}"
                )
        result.per_file[str(path)] = len(result.pairs) - before
    if result.unknown_items:
        logger.warning("%d item ids are not in the catalogue: skipped", result.unknown_items)
    return result


def _redial_pairs(
    record: dict[str, Any],
    key: str,
    items: Mapping[str, Item],
    titles: Mapping[str, str],
    query_utterances: int,
    out: list[TrainingPair],
    echo_free: bool = False,
) -> tuple[int, int]:
    """Append a dialogue's pairs to ``out``.

    Returns:
        How many named ids are not in the catalogue, and how many pairs were dropped as echoes
        (``echo_free``: the movie was named in an earlier turn).
    """
    unknown = echoes = 0
    history: list[str] = []
    named: set[str] = set()
    for role, text, ids in redial_turns(record, dict(titles)):
        if role == "assistant" and ids:
            utterances = [t for t in history if t.strip()]
            for movie in dict.fromkeys(ids):
                if movie not in items:
                    unknown += 1
                elif not utterances:
                    continue
                elif echo_free and movie in named:
                    echoes += 1
                else:
                    out.append(TrainingPair(" ".join(utterances[-query_utterances:]), movie, key))
        history.append(text)
        named.update(ids)
    return unknown, echoes


def split_heldout(
    pairs: Sequence[TrainingPair], share: float, seed: int = 0
) -> tuple[list[TrainingPair], list[TrainingPair]]:
    """Split pairs into (training, held-out) by whole groups (dialogues, log lines).

    About ``share`` of the groups, chosen at random with ``seed``, are held out; at least
    one group is always left for training.
    """
    groups = sorted({pair.group for pair in pairs})
    random.Random(seed).shuffle(groups)
    count = min(math.ceil(len(groups) * share), max(0, len(groups) - 1)) if share > 0 else 0
    held_groups = set(groups[:count])
    train = [pair for pair in pairs if pair.group not in held_groups]
    held = [pair for pair in pairs if pair.group in held_groups]
    return train, held


def no_duplicate_batches(
    pairs: Sequence[tuple[str, str]], batch_size: int, rng: random.Random
) -> list[list[int]]:
    """Batches of pair positions, shuffled, in which no query and no document repeats.

    A repeated document would be scored as a negative of its own query: the same idea as
    sentence-transformers' ``BatchSamplers.NO_DUPLICATES``. A pair that does not fit waits for
    a later batch; batches of a single pair (no negative to learn from) are dropped.

    Args:
        pairs: ``(query, document)`` texts.
        batch_size: Most pairs per batch.
        rng: Random source of the order.

    Returns:
        Lists of positions in ``pairs``; every position at most once.
    """
    remaining = list(range(len(pairs)))
    rng.shuffle(remaining)
    batches: list[list[int]] = []
    while remaining:
        batch: list[int] = []
        texts: set[str] = set()
        deferred: list[int] = []
        for position, index in enumerate(remaining):
            if len(batch) == batch_size:
                deferred.extend(remaining[position:])
                break
            query, document = pairs[index]
            if query in texts or document in texts:
                deferred.append(index)
                continue
            batch.append(index)
            texts.update((query, document))
        if len(batch) > 1:
            batches.append(batch)
        remaining = deferred if len(batch) > 1 else []
    return batches


# --- measuring and training -----------------------------------------------------------------


def retrieval_recall(
    model: Any,
    pairs: Sequence[TrainingPair],
    documents: Mapping[str, str],
    ks: Sequence[int] = RECALL_KS,
    batch_size: int = 64,
    document_vectors: np.ndarray | None = None,
) -> dict[str, float]:
    """Recall@K and MRR of ``pairs`` when their queries rank every document.

    Args:
        model: A sentence-transformers model.
        pairs: The pairs to score.
        documents: Item id -> embedded text: the whole catalogue, in a fixed order.
        ks: Cut-offs.
        batch_size: Texts per embedding batch.
        document_vectors: The documents' normalised embeddings, when already computed.

    Returns:
        ``{"recall@K": ..., "mrr": ..., "pairs": n}``; zeros when there is no pair.
    """
    if not pairs:
        return {**{f"recall@{k}": 0.0 for k in ks}, "mrr": 0.0, "pairs": 0}
    ids = list(documents)
    row_of = {item_id: row for row, item_id in enumerate(ids)}
    if document_vectors is None:
        document_vectors = _encode(model, [documents[i] for i in ids], batch_size)
    queries = _encode(model, [pair.query for pair in pairs], batch_size)
    scores = queries @ document_vectors.T
    targets = np.asarray([row_of[pair.item_id] for pair in pairs])
    target_scores = scores[np.arange(len(pairs)), targets]
    ranks = (scores > target_scores[:, None]).sum(axis=1)
    result: dict[str, float] = {f"recall@{k}": round(float(np.mean(ranks < k)), 4) for k in ks}
    result["mrr"] = round(float(np.mean(1.0 / (ranks + 1))), 4)
    result["pairs"] = len(pairs)
    return result


def _encode(model: Any, texts: Sequence[str], batch_size: int) -> np.ndarray:
    vectors = model.encode(
        list(texts), batch_size=batch_size, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False
    )
    return np.asarray(vectors, dtype=np.float32)


def train_embedder(
    model: Any,
    train: Sequence[TrainingPair],
    documents: Mapping[str, str],
    config: EmbedderTrainConfig,
    heldout: Sequence[TrainingPair] = (),
    progress: bool = True,
    loss_log: Path | None = None,
) -> dict[str, Any]:
    """Fine-tune a sentence-transformers model in place on ``train``.

    Args:
        model: The model (moved to float32 here).
        train: Training pairs.
        documents: Item id -> embedded text, for every item of the catalogue.
        config: Hyper-parameters.
        heldout: Pairs of other dialogues: their recall over all documents is measured
            before and after training.
        progress: Show a tqdm progress bar.
        loss_log: Write the loss every ``config.log_every`` steps here (JSON lines).

    Returns:
        Metrics: steps, train seconds, losses, held-out recall before and after.

    Raises:
        InputError: No batch can be formed (fewer than two distinct pairs).
    """
    import torch
    from sentence_transformers.sentence_transformer.losses import MultipleNegativesRankingLoss
    from tqdm.auto import tqdm

    if config.threads:
        torch.set_num_threads(config.threads)
    torch.manual_seed(config.seed)
    rng = random.Random(config.seed)
    model.to(torch.float32)
    device = model.device
    texts = [(pair.query, documents[pair.item_id]) for pair in train]
    epochs = [no_duplicate_batches(texts, config.batch_size, rng) for _ in range(config.epochs)]
    total_steps = sum(len(batches) for batches in epochs)
    if total_steps == 0:
        raise InputError("no training batch: the pairs need at least two different queries and items")

    model.eval()
    document_vectors = _encode(model, list(documents.values()), 64) if heldout else None
    before = retrieval_recall(model, heldout, documents, document_vectors=document_vectors)

    loss_fn = MultipleNegativesRankingLoss(model, scale=config.scale)
    decay = [p for n, p in model.named_parameters() if p.requires_grad and not _no_decay(n)]
    no_decay = [p for n, p in model.named_parameters() if p.requires_grad and _no_decay(n)]
    optimizer = torch.optim.AdamW(
        [{"params": decay, "weight_decay": config.weight_decay}, {"params": no_decay, "weight_decay": 0.0}],
        lr=config.lr,
    )
    scheduler = warmup_linear_schedule(optimizer, total_steps, config.warmup)
    no_labels = torch.empty(0)
    losses: list[float] = []
    started = time.perf_counter()
    log = loss_log.open("w", encoding="utf-8") if loss_log is not None else None
    model.train()
    try:
        with tqdm(total=total_steps, disable=not progress, desc="training", unit="step") as bar:
            step = 0
            for epoch, batches in enumerate(epochs):
                for batch in batches:
                    features = [
                        _to_device(model.preprocess([texts[i][column] for i in batch]), device) for column in (0, 1)
                    ]
                    loss = loss_fn(features, no_labels)
                    loss.backward()
                    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                    optimizer.step()
                    scheduler.step()
                    optimizer.zero_grad(set_to_none=True)
                    losses.append(float(loss.detach()))
                    step += 1
                    if log is not None and (step % config.log_every == 0 or step == total_steps):
                        log_loss(log, step, epoch, losses, config.log_every, scheduler.get_last_lr()[0], started)
                    bar.set_postfix(loss=f"{losses[-1]:.3f}")
                    bar.update(1)
    finally:
        if log is not None:
            log.close()
    train_seconds = time.perf_counter() - started
    model.eval()
    after = retrieval_recall(model, heldout, documents) if heldout else before
    head = losses[: max(1, len(losses) // 10)]
    tail = losses[-max(1, len(losses) // 10):]
    return {
        "train_pairs": len(train),
        "heldout_pairs": len(heldout),
        "heldout_dialogues": len({pair.group for pair in heldout}),
        "steps": total_steps,
        "pairs_per_epoch": sum(len(batch) for batch in epochs[0]),
        "train_seconds": round(train_seconds, 1),
        "loss_first_10pct": round(sum(head) / len(head), 4),
        "loss_last_10pct": round(sum(tail) / len(tail), 4),
        "heldout_before": before,
        "heldout_after": after,
    }


def _no_decay(name: str) -> bool:
    return name.endswith(".bias") or "LayerNorm" in name or "layer_norm" in name


def _to_device(features: dict[str, Any], device: Any) -> dict[str, Any]:
    return {key: value.to(device) if hasattr(value, "to") else value for key, value in features.items()}


# --- the whole run ---------------------------------------------------------------------------


def run_embedder_training(
    config: EmbedderTrainConfig, settings: Settings, out_dir: Path | str, progress: bool = True
) -> dict[str, Any]:
    """Read the pairs, fine-tune the settings' embedder, and save it with its config and metrics.

    ``out_dir`` gets a sentence-transformers model, ``training_config.json`` (the options, the
    input files and their sha256, the pair counts), ``metrics.json`` and ``loss_log.jsonl``.
    It is written aside and swapped in at the end, so a failed run leaves a previous model
    intact.

    Args:
        config: The options (``base_embedder`` is replaced by ``settings.embedder``).
        settings: The embedder to start from and the device.
        out_dir: The output folder: new, empty, or an earlier embedder folder.
        progress: Show progress bars.

    Returns:
        The metrics written to ``metrics.json``, with the output folder.

    Raises:
        InputError: A missing or malformed file, no pair at all, or an ``out_dir`` that holds
            something else.
        ModelError: The base embedder cannot be loaded.
    """
    from chatrec.embedding import load_embedder

    out = Path(out_dir)
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / "modules.json").exists())):
        raise InputError(f"output folder {out} exists and is not an embedder folder: choose a new one")
    config.base_embedder = settings.embedder
    catalog = load_catalog(config.catalog, max_bad_share=settings.max_bad_row_share)
    items = {item.id: item for item in catalog.items}
    skip_ids = dialogue_ids(config.skip_dialogues_in)
    read = read_pairs(config.data, items, skip_ids, config.query_utterances, echo_free=config.echo_free_pairs)
    held_items = _held_out_items(items, config)
    held_item_pairs = sum(pair.item_id in held_items for pair in read.pairs)
    if held_items:
        read.pairs = [pair for pair in read.pairs if pair.item_id not in held_items]
    if not read.pairs:
        raise InputError(
            f"no training pair in {', '.join(config.data)}: {read.dialogues} dialogues, {read.log_lines} log lines, "
            f"{read.unknown_items} item ids not in {config.catalog}, {read.skipped_dialogues} dialogues skipped"
        )
    train, held = split_heldout(read.pairs, config.heldout, config.seed)
    if config.max_pairs is not None and len(train) > config.max_pairs:
        train = random.Random(config.seed).sample(train, config.max_pairs)
    documents = {item.id: item_text(item) for item in catalog.items}
    logger.info("%d training and %d held-out pairs", len(train), len(held))

    embedder = load_embedder(settings.updated(embed_dtype="float32"))
    building = new_building_dir(out)
    try:
        metrics = train_embedder(
            embedder.model, train, documents, config, heldout=held, progress=progress,
            loss_log=building / "loss_log.jsonl",
        )
        metrics.update({
            "pairs": len(read.pairs),
            "skipped_dialogues": read.skipped_dialogues,
            "duplicate_dialogues": read.duplicate_dialogues,
            "unknown_items": read.unknown_items,
            "echo_pairs_dropped": read.echo_pairs,
            "held_out_items": len(held_items),
            "held_out_item_pairs_dropped": held_item_pairs,
        })
        embedder.model.save(str(building), create_model_card=False)
        inputs = {
            "data": [{"path": str(Path(p).resolve()), "sha256": file_sha256(Path(p)), "pairs": read.per_file[str(p)]}
                     for p in config.data],
            "skip_dialogues_in": [{"path": str(Path(p).resolve()), "sha256": file_sha256(Path(p))}
                                  for p in config.skip_dialogues_in],
            "catalog": {"path": str(Path(config.catalog).resolve()), "sha256": file_sha256(Path(config.catalog)),
                        "items": len(items)},
            "dialogues": read.dialogues,
            "log_lines": read.log_lines,
            "pairs": len(read.pairs),
            "train_pairs": len(train),
            "heldout_pairs": len(held),
            "skipped_dialogues": read.skipped_dialogues,
            "duplicate_dialogues": read.duplicate_dialogues,
            "unknown_items": read.unknown_items,
            "echo_pairs_dropped": read.echo_pairs,
            "held_out_items": len(held_items),
            "held_out_item_pairs_dropped": held_item_pairs,
        }
        (building / "training_config.json").write_text(
            json.dumps({"options": config.to_dict(), "inputs": inputs}, indent=2), encoding="utf-8"
        )
        (building / "metrics.json").write_text(json.dumps(metrics, indent=2), encoding="utf-8")
        # What `chatrec eval redial` checks, to refuse scoring dialogues the embedder learnt from.
        (building / TRAINED_GROUPS_FILE).write_text(
            json.dumps(sorted({pair.group for pair in train})), encoding="utf-8"
        )
        # What `chatrec eval redial --holdout-items` checks: the held-out items must not be among them.
        (building / TRAINED_ITEMS_FILE).write_text(
            json.dumps(sorted({pair.item_id for pair in train})), encoding="utf-8"
        )
        swap_in(building, out)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    return {"out": str(out), **metrics}


#: File of a tuned embedder folder that lists the dialogues (or log lines) it was trained on.
TRAINED_GROUPS_FILE = "trained_groups.json"

#: File of a tuned embedder folder that lists the item ids its training pairs chose.
TRAINED_ITEMS_FILE = "trained_items.json"


def _held_out_items(items: Mapping[str, Item], config: EmbedderTrainConfig) -> set[str]:
    """The items ``config.holdout_items`` removes: the same draw as ``chatrec eval redial --holdout-items``."""
    if not config.holdout_items:
        return set()
    from chatrec.eval.redial import holdout_items

    return holdout_items(sorted(items), config.holdout_items, config.seed)


def trained_items(embedder: str | Path) -> set[str] | None:
    """The item ids a tuned embedder folder's training pairs chose.

    ``None`` when the folder does not say (the packaged embedder, a hub id, a folder from an
    older :func:`run_embedder_training`).

    Raises:
        InputError: The folder's ``trained_items.json`` is unreadable.
    """
    return _id_list(Path(str(embedder)) / TRAINED_ITEMS_FILE, "trained item ids")


def trained_groups(embedder: str | Path) -> set[str]:
    """The dialogue ids (groups) a tuned embedder folder was trained on.

    Empty for the packaged embedder, a hub id, or a folder not written by
    :func:`run_embedder_training`.

    Raises:
        InputError: The folder's ``trained_groups.json`` is unreadable.
    """
    return _id_list(Path(str(embedder)) / TRAINED_GROUPS_FILE, "trained dialogue ids") or set()


def _id_list(path: Path, what: str) -> set[str] | None:
    """The ids a JSON list file holds, None when there is no such file."""
    if not path.is_file():
        return None
    try:
        ids = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise InputError(f"{path} is not a list of {what}: {exc}") from exc
    if not isinstance(ids, list):
        raise InputError(f"{path} is not a list of {what}")
    return {str(value) for value in ids}
