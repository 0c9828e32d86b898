"""Training the ranking adapter: supervised examples from dialogues, then LoRA on the label token.

Two input formats are read (one JSON object a line; the format is recognised per line):

- **ReDial raw dialogues** (``train_part_*.jsonl``): ``messages[{text, senderWorkerId}]``
  where ``@123`` names movie id 123, ``movieMentions{id: title}``, ``initiatorWorkerId``
  (the seeker, our "customer"). Consecutive messages of one sender are merged into a turn.
  Every recommender turn naming a catalogue movie not named before gives one example per
  such movie: the context is the earlier turns (``@ids`` written out as titles), the
  target is the movie.
- **chatrec sessions with feedback** (exported by the dialogue layer)::

      {"turns": [{"role": "customer"|"assistant", "text": "..."}],
       "positives": ["item_id", ...],
       "candidates": ["item_id", ...]}        # optional: the candidates that were shown

  Each positive (an item the customer clicked or liked after these turns) gives one
  example with all the turns as context.

Candidates are the top ``n_candidates`` of our own :class:`~chatrec.retrieval.Retriever`
for the context (query: the most recent turns; items named earlier in the dialogue are
excluded), or the session's own candidates; when the target is missing it replaces a
candidate at a random position. The prompt is exactly the one :class:`~chatrec.ranking.LLMRanker`
uses, and the loss is the cross-entropy of the target's label among the candidates' labels
at the answer position.
"""

from __future__ import annotations

import json
import logging
import math
import random
import resource
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from chatrec.catalog import Item
from chatrec.conversations import context_query, read_records, redial_turns
from chatrec.errors import InputError, ItemNotFoundError
from chatrec.prompting import PromptLibrary
from chatrec.query import Query
from chatrec.ranking import LABELS, RankingContext, build_rank_prompt, label_token_ids

if TYPE_CHECKING:
    from chatrec.retrieval import Retriever
    from chatrec.settings import Settings

__all__ = [
    "log_loss",
    "pad_batch",
    "TrainConfig",
    "TrainExample",
    "build_examples",
    "load_base_model",
    "split_heldout",
    "train_adapter",
    "warmup_linear_schedule",
]

logger = logging.getLogger(__name__)

# (context turns, target id, given candidate ids or None, ids named before, source label)
_Case = tuple[tuple[tuple[str, str], ...], str, list[str] | None, list[str], str]


@dataclass(frozen=True)
class TrainExample:
    """One supervised ranking example.

    Attributes:
        turns: The dialogue before the recommendation, ``(role, text)``, oldest first.
        candidate_ids: Catalogue ids in prompt order.
        target: Position of the recommended item in ``candidate_ids``.
        retrieved: True when retrieval found the target by itself.
        source: Where it came from (``file:dialogue id``).
    """

    turns: tuple[tuple[str, str], ...]
    candidate_ids: tuple[str, ...]
    target: int
    retrieved: bool
    source: str


@dataclass
class TrainConfig:
    """Configuration of one training run; saved as ``training_config.json`` next to the adapter."""

    data: list[str] = field(default_factory=list, metadata={"help": "Input JSONL files (ReDial raw or sessions)."})
    n_candidates: int = field(default=20, metadata={"help": "Candidates per example (at most 26)."})
    max_examples: int = field(default=400, metadata={"help": "Training examples sampled (after the held-out ones)."})
    heldout: int = field(default=30, metadata={"help": "Examples of separate dialogues kept to measure hit@1."})
    epochs: int = field(default=1, metadata={"help": "Passes over the examples."})
    lr: float = field(default=5e-4, metadata={"help": "Peak learning rate of AdamW."})
    warmup: float = field(default=0.06, metadata={"help": "Share of steps with a linear warm-up."})
    grad_accum: int = field(default=4, metadata={"help": "Examples per optimiser step."})
    lora_r: int = field(default=8, metadata={"help": "LoRA rank."})
    lora_alpha: int = field(default=16, metadata={"help": "LoRA scaling numerator (scale = alpha / r)."})
    lora_dropout: float = field(default=0.05, metadata={"help": "Dropout on the LoRA input."})
    target_modules: list[str] = field(
        default_factory=lambda: ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"],
        metadata={"help": "Linear modules that get LoRA weights."},
    )
    lora_top_layers: int = field(
        default=12,
        metadata={"help": "LoRA only on the top N decoder layers (0: all); backward then stops there, ~2x faster."},
    )
    threads: int = field(default=0, metadata={"help": "Torch CPU threads (0: torch's default; 1 is faster on a busy machine)."})
    max_seq_len: int = field(default=768, metadata={"help": "Longer prompts are skipped."})
    max_dialogue_chars: int = field(default=500, metadata={"help": "Dialogue characters in the prompt (as LLMRanker)."})
    max_line_chars: int = field(default=64, metadata={"help": "Longest candidate line (as LLMRanker)."})
    dtype: str = field(default="bfloat16", metadata={"help": "Base weights dtype while training (LoRA weights stay float32)."})
    seed: int = field(default=0, metadata={"help": "Seed for sampling, insertion positions and initialisation."})
    log_every: int = field(default=10, metadata={"help": "Examples between two loss-log lines."})

    def __post_init__(self) -> None:
        if not 2 <= self.n_candidates <= len(LABELS):
            raise InputError(f"n_candidates must be within 2..{len(LABELS)}, got {self.n_candidates}")
        for name in ("max_examples", "epochs", "grad_accum", "lora_r", "lora_alpha", "max_seq_len", "log_every"):
            if getattr(self, name) < 1:
                raise InputError(f"{name} must be at least 1, got {getattr(self, name)}")
        if self.heldout < 0 or self.lora_top_layers < 0 or self.threads < 0:
            raise InputError("heldout, lora_top_layers and threads must be >= 0")
        if not 0 < self.lr < 1:
            raise InputError(f"lr must be within (0, 1), got {self.lr}")
        if not 0 <= self.warmup < 1 or not 0 <= self.lora_dropout < 1:
            raise InputError("warmup and lora_dropout must be within [0, 1)")
        if self.dtype not in ("bfloat16", "float32"):
            raise InputError(f"dtype must be bfloat16 or float32, got {self.dtype}")

    def to_json(self) -> str:
        """The configuration as indented JSON."""
        return json.dumps(asdict(self), indent=2)

    @classmethod
    def from_json(cls, text: str) -> TrainConfig:
        """Read :meth:`to_json`'s output (unknown keys are an error)."""
        raw = json.loads(text)
        known = {f.name for f in fields(cls)}
        unknown = set(raw) - known
        if unknown:
            raise InputError(f"unknown training option(s): {', '.join(sorted(unknown))}")
        return cls(**raw)


def _with_target(ids: list[str], target: str, k: int, rng: random.Random) -> tuple[list[str], int, bool]:
    ids = [i for i in ids if i != target][: k] if target not in ids[:k] else ids[:k]
    if target in ids:
        return ids, ids.index(target), True
    if len(ids) >= k:
        ids = ids[: k - 1]
    position = rng.randint(0, len(ids))
    ids.insert(position, target)
    return ids, position, False


def build_examples(
    paths: Sequence[Path | str],
    retriever: Retriever,
    n_candidates: int = 20,
    seed: int = 0,
    limit: int | None = None,
) -> list[TrainExample]:
    """Supervised ranking examples from ReDial dialogues and chatrec sessions.

    Args:
        paths: JSONL files; each line is a ReDial record or a session (see the module doc).
        retriever: Retrieval over the catalogue the ids refer to.
        n_candidates: Candidates per example.
        seed: Seed of the random insertion positions and of the sampling.
        limit: Keep at most this many examples, chosen at random over whole dialogues
            (all the examples of a dialogue stay together), in a seeded order.

    Returns:
        The examples, grouped by dialogue, dialogues in a seeded random order.

    Raises:
        InputError: A file is missing or malformed, or a session line lacks turns/positives.
    """
    rng = random.Random(seed)
    index = retriever.index
    titles = {item.id: item.title for item in index.items}
    dialogues: list[list[_Case]] = []
    for path in paths:
        for number, record in enumerate(read_records(path), start=1):
            source = f"{Path(path).name}:{record.get('conversationId', number)}"
            if "messages" in record:
                dialogues.append(_redial_cases(record, titles, source))
            elif "turns" in record:
                dialogues.append(_session_cases(record, index, f"{Path(path).name}:{number}"))
            else:
                raise InputError(f"{path}, line {number}: neither a ReDial dialogue nor a session")
    rng.shuffle(dialogues)
    chosen: list[_Case] = []
    for cases in dialogues:
        if limit is not None and len(chosen) >= limit:
            break
        chosen.extend(cases)
    if limit is not None:
        chosen = chosen[:limit]
    # Embed every query in batches: one at a time is ~10x slower on a CPU.
    need = [i for i, case in enumerate(chosen) if not case[2]]
    vectors = retriever.embedder.encode_queries([context_query(chosen[i][0]) for i in need]) if need else None
    vector_of = {i: vectors[row] for row, i in enumerate(need)} if vectors is not None else {}
    examples: list[TrainExample] = []
    for i, (turns, target, given, mentioned, source) in enumerate(chosen):
        if given:
            ids = [item_id for item_id in given if item_id in index][:n_candidates]
        else:
            found = retriever.search(
                Query(context_query(turns), exclude_ids=tuple(mentioned), vector=vector_of[i]), n_candidates + 1
            )
            ids = [c.item.id for c in found]
        ids, position, hit = _with_target(ids, target, n_candidates, rng)
        examples.append(TrainExample(turns, tuple(ids), position, hit, source))
    return examples


def _redial_cases(record: dict[str, Any], titles: dict[str, str], source: str) -> list[_Case]:
    cases: list[_Case] = []
    seen: list[str] = []
    history: list[tuple[str, str]] = []
    for role, text, ids in redial_turns(record, titles):
        if role == "assistant":
            for movie in dict.fromkeys(ids):
                if movie in titles and movie not in seen and history:
                    cases.append((tuple(history), movie, None, list(seen), source))
        seen.extend(i for i in ids if i not in seen)
        history.append((role, text))
    return cases


def _session_cases(record: dict[str, Any], index: Any, source: str) -> list[_Case]:
    turns_raw = record.get("turns")
    positives = record.get("positives")
    if not isinstance(turns_raw, list) or not isinstance(positives, list):
        raise InputError(f"{source}: a session needs 'turns' (list) and 'positives' (list)")
    turns = tuple(
        ("customer" if t.get("role") in ("customer", "user") else "assistant", str(t.get("text") or ""))
        for t in turns_raw
        if isinstance(t, dict)
    )
    given = record.get("candidates")
    cases: list[_Case] = []
    for item_id in positives:
        if str(item_id) not in index:
            logger.warning("%s: positive %s is not in the index; skipped", source, item_id)
            continue
        cases.append((turns, str(item_id), [str(i) for i in given] if given else None, [], source))
    return cases


# --- training ----------------------------------------------------------------------------


@dataclass
class _Encoded:
    input_ids: Any
    label_ids: list[int]
    target: int


def encode_example(
    example: TrainExample,
    items: Sequence[Item],
    tokenizer: Any,
    prompts: PromptLibrary,
    config: TrainConfig,
) -> _Encoded | None:
    """The token ids of an example's ranking prompt, or None when longer than ``max_seq_len``."""
    context = RankingContext(turns=list(example.turns))
    prompt = build_rank_prompt(prompts, tokenizer, context, items, config.max_dialogue_chars, config.max_line_chars)
    ids = tokenizer(prompt.text, return_tensors="pt", add_special_tokens=False)["input_ids"]
    if ids.shape[1] > config.max_seq_len:
        return None
    return _Encoded(ids, label_token_ids(tokenizer, prompt.labels), example.target)


def _items(retriever_or_index: Any, ids: Sequence[str]) -> list[Item]:
    index = getattr(retriever_or_index, "index", retriever_or_index)
    try:
        return [index.get(i) for i in ids]
    except ItemNotFoundError as exc:
        raise InputError(f"training example names an item not in the index: {exc}") from exc


def label_loss(model: Any, encoded: _Encoded) -> Any:
    """Cross-entropy of the target label among the candidate labels at the answer position."""
    import torch

    output = model(input_ids=encoded.input_ids, logits_to_keep=1)
    logits = output.logits[0, -1, encoded.label_ids].float()
    return torch.nn.functional.cross_entropy(logits.unsqueeze(0), torch.tensor([encoded.target]))


def hit_at_1(model: Any, encoded: Sequence[_Encoded]) -> float:
    """Share of examples whose target label gets the highest score (no retrieval prior)."""
    import torch

    if not encoded:
        return float("nan")
    hits = 0
    with torch.inference_mode():
        for example in encoded:
            logits = model(input_ids=example.input_ids, logits_to_keep=1).logits[0, -1, example.label_ids]
            hits += int(int(logits.argmax()) == example.target)
    return hits / len(encoded)


def _top_layers(model: Any, count: int) -> list[int] | None:
    total = int(getattr(model.config, "num_hidden_layers", 0) or 0)
    if not count or not total or count >= total:
        return None
    return list(range(total - count, total))


def warmup_linear_schedule(optimizer: Any, total_steps: int, warmup_share: float) -> Any:
    """A learning-rate schedule: linear warm-up over ``warmup_share`` of the steps, then linear decay to 0."""
    import torch

    warmup_steps = max(1, int(total_steps * warmup_share))

    def schedule(step: int) -> float:
        if step < warmup_steps:
            return (step + 1) / warmup_steps
        return max(0.0, (total_steps - step) / max(1, total_steps - warmup_steps))

    return torch.optim.lr_scheduler.LambdaLR(optimizer, schedule)


def pad_batch(batch: Sequence[tuple[list[int], int]], pad_id: int) -> tuple[Any, Any, Any]:
    """Right-padded ``input_ids``, ``labels`` and ``attention_mask`` for (token ids, first target
    position) pairs: the loss is on each sequence's tokens from its target position on."""
    import torch

    width = max(len(ids) for ids, _ in batch)
    input_ids = torch.full((len(batch), width), pad_id, dtype=torch.long)
    labels = torch.full((len(batch), width), -100, dtype=torch.long)
    mask = torch.zeros((len(batch), width), dtype=torch.long)
    for row, (ids, start) in enumerate(batch):
        input_ids[row, : len(ids)] = torch.tensor(ids)
        labels[row, start : len(ids)] = torch.tensor(ids[start:])
        mask[row, : len(ids)] = 1
    return input_ids, labels, mask


def log_loss(log: Any, step: int, epoch: int, losses: Sequence[float], every: int, lr: Any, started: float) -> None:
    """One line of ``loss_log.jsonl``: the mean loss of the last ``every`` steps, the learning rate and the time."""
    window = losses[-every:]
    log.write(json.dumps({
        "step": step, "epoch": epoch, "loss": round(sum(window) / len(window), 4),
        "lr": lr, "seconds": round(time.perf_counter() - started, 1),
    }) + "\n")
    log.flush()


def split_heldout(
    examples: Sequence[TrainExample], heldout: int, max_examples: int
) -> tuple[list[TrainExample], list[TrainExample]]:
    """``(held out, training)``: the first ``heldout`` examples, extended to a whole dialogue, then the rest.

    Held-out examples are whole dialogues, never split with the training ones; at most
    ``max_examples`` are kept for training.
    """
    cut = heldout
    while 0 < cut < len(examples) and examples[cut].source == examples[cut - 1].source:
        cut += 1
    return list(examples[:cut]), list(examples[cut:][:max_examples])


def load_base_model(settings: Settings, dtype: str) -> tuple[Any, Any]:
    """The configured LLM (converted once, see :func:`chatrec.llm.prepare_model`) and its tokenizer, to train."""
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    from chatrec.llm import prepare_model

    folder = prepare_model(settings)
    tokenizer = AutoTokenizer.from_pretrained(str(folder))
    model = AutoModelForCausalLM.from_pretrained(str(folder), dtype=getattr(torch, dtype))
    return model, tokenizer


def train_adapter(
    model: Any,
    tokenizer: Any,
    examples: Sequence[TrainExample],
    index: Any,
    out_dir: Path | str,
    config: TrainConfig,
    heldout: Sequence[TrainExample] = (),
    progress: bool = True,
) -> dict[str, Any]:
    """Train a LoRA adapter on ``examples`` and save it with its config, metrics and loss log.

    Args:
        model: The base causal LM (its weights are not changed; LoRA weights are added).
        tokenizer: Its tokenizer (with a chat template).
        examples: Training examples.
        index: The catalogue index (or a retriever) the candidate ids refer to.
        out_dir: Folder for ``adapter_model.safetensors``, ``adapter_config.json``,
            ``training_config.json``, ``metrics.json`` and ``loss_log.jsonl``.
        config: Hyper-parameters.
        heldout: Examples (of other dialogues) to measure label hit@1 before and after.
        progress: Show a tqdm progress bar.

    Returns:
        The metrics written to ``metrics.json``.
    """
    import torch
    from peft import LoraConfig, get_peft_model
    from tqdm.auto import tqdm

    started = time.perf_counter()
    if config.threads:
        torch.set_num_threads(config.threads)
    torch.manual_seed(config.seed)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    prompts = PromptLibrary()
    model.to({"bfloat16": torch.bfloat16, "float32": torch.float32}[config.dtype])
    train_set = [e for e in (encode_example(x, _items(index, x.candidate_ids), tokenizer, prompts, config)
                             for x in examples) if e is not None]
    held_set = [e for e in (encode_example(x, _items(index, x.candidate_ids), tokenizer, prompts, config)
                            for x in heldout) if e is not None]
    skipped = len(examples) - len(train_set)
    if not train_set:
        raise InputError("no training example fits max_seq_len")
    lengths = [e.input_ids.shape[1] for e in train_set]
    logger.info("%d training examples (%d skipped as too long), mean %d tokens", len(train_set), skipped,
                sum(lengths) / len(lengths))

    model.eval()
    before = hit_at_1(model, held_set)
    lora = LoraConfig(
        r=config.lora_r,
        lora_alpha=config.lora_alpha,
        lora_dropout=config.lora_dropout,
        target_modules=list(config.target_modules),
        layers_to_transform=_top_layers(model, config.lora_top_layers),
        task_type="CAUSAL_LM",
    )
    peft_model = get_peft_model(model, lora)
    trainable = [p for p in peft_model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(trainable, lr=config.lr, weight_decay=0.0)
    total_steps = max(1, math.ceil(len(train_set) * config.epochs / config.grad_accum))
    scheduler = warmup_linear_schedule(optimizer, total_steps, config.warmup)
    rng = random.Random(config.seed)
    log_path = out / "loss_log.jsonl"
    losses: list[float] = []
    peft_model.train()
    seen = 0
    with log_path.open("w", encoding="utf-8") as log, tqdm(
        total=len(train_set) * config.epochs, disable=not progress, desc="training", unit="ex"
    ) as bar:
        for epoch in range(config.epochs):
            order = list(range(len(train_set)))
            rng.shuffle(order)
            for position, i in enumerate(order):
                loss = label_loss(peft_model, train_set[i])
                (loss / config.grad_accum).backward()
                losses.append(float(loss.detach()))
                seen += 1
                last_in_epoch = position == len(order) - 1
                if seen % config.grad_accum == 0 or last_in_epoch:
                    torch.nn.utils.clip_grad_norm_(trainable, 1.0)
                    optimizer.step()
                    scheduler.step()
                    optimizer.zero_grad(set_to_none=True)
                if seen % config.log_every == 0 or last_in_epoch:
                    window = losses[-config.log_every:]
                    mean = sum(window) / len(window)
                    log.write(json.dumps({
                        "example": seen, "epoch": epoch, "loss": round(mean, 4),
                        "lr": scheduler.get_last_lr()[0], "seconds": round(time.perf_counter() - started, 1),
                    }) + "\n")
                    log.flush()
                    bar.set_postfix(loss=f"{mean:.3f}")
                bar.update(1)
    peft_model.eval()
    after = hit_at_1(peft_model, held_set)
    peft_model.save_pretrained(str(out))
    (out / "training_config.json").write_text(config.to_json(), encoding="utf-8")
    first = losses[: max(1, min(50, len(losses) // 4))]
    last = losses[-max(1, min(50, len(losses) // 4)):]
    metrics = {
        "examples": len(train_set),
        "skipped_too_long": skipped,
        "heldout_examples": len(held_set),
        "mean_tokens": round(sum(lengths) / len(lengths), 1),
        "max_tokens": max(lengths),
        "retrieval_hit_share": round(sum(x.retrieved for x in examples) / max(1, len(examples)), 3),
        "optimizer_steps": total_steps,
        "loss_first": round(sum(first) / len(first), 4),
        "loss_last": round(sum(last) / len(last), 4),
        "chance_loss": round(math.log(config.n_candidates), 4),
        "heldout_label_hit1_before": before,
        "heldout_label_hit1_after": after,
        "train_seconds": round(time.perf_counter() - started, 1),
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "trainable_parameters": sum(p.numel() for p in trainable),
    }
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2), encoding="utf-8")
    logger.info("adapter saved to %s: %s", out, metrics)
    return metrics
