"""Training the reasons adapter: a LoRA data-to-text writer on (facts, request -> sentence) pairs.

The pairs are generated from catalogues, without any model:

1. an item is drawn, and a shopper's request is made up from its own values (its type, colour,
   gender, a budget above or below its price, "well rated", words of its description or name)
   and, now and then, a value it lacks;
2. :func:`chatrec.grounding.facts_for` lists the item's facts for that request, and
   :func:`chatrec.grounding.select_facts` keeps those a short reason states (every matched fact,
   the type, two other main facts), sometimes with a detail of its name;
3. the target is one sentence that states exactly those facts, written by :func:`target_sentence`
   in one of several sentence shapes, clause orders and connectives, so that the model learns
   to combine facts rather than one template; a target that the grounding check
   (:func:`chatrec.grounding.check_reason`) rejects, or that misses a matched fact, is dropped.

The model input is ``prompts/reason_adapter.txt`` (the request and the fact lines, no chat
template: short prompts keep the batched generation of a reply's reasons fast). The loss is the
causal LM loss on the target's tokens and the end-of-sequence token only.
"""

from __future__ import annotations

import json
import logging
import math
import random
import re
import resource
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from chatrec.catalog import Item, load_catalog
from chatrec.errors import AdapterError, InputError
from chatrec.grounding import (
    Fact,
    FactKinds,
    Request,
    Wording,
    check_reason,
    facts_for,
    matched_facts_stated,
    select_facts,
    title_detail,
    type_noun,
    word_tokens,
)
from chatrec.prompting import PromptLibrary
from chatrec.settings import PACKAGED_LLM, Settings

__all__ = [
    "ReasonExample",
    "ReasonTrainConfig",
    "adapter_prompt",
    "build_reason_examples",
    "fact_lines",
    "make_request",
    "resolve_reason_adapter",
    "shipped_reasons_adapter_dir",
    "target_sentence",
    "train_reason_adapter",
]

logger = logging.getLogger(__name__)

#: Name of the reasons adapter folder shipped in ``chatrec/adapters/``.
REASONS_ADAPTER = "smollm2-135m-reasons"


def shipped_reasons_adapter_dir() -> Path:
    """The folder of the reasons adapter shipped with chatrec for the packaged model."""
    return Path(__file__).resolve().parent / "adapters" / REASONS_ADAPTER


def resolve_reason_adapter(settings: Settings) -> Path | None:
    """The reasons adapter folder to merge for ``reason_writer=llm``, or None (stock model, chat prompt).

    ``"default"`` is the shipped adapter and applies to the packaged model only.

    Raises:
        AdapterError: ``reason_adapter`` names a folder that does not exist.
    """
    name = settings.reason_adapter
    if name is None:
        return None
    if name == "default":
        folder = shipped_reasons_adapter_dir()
        if settings.llm != PACKAGED_LLM or not (folder / "adapter_config.json").is_file():
            logger.info("no reasons adapter for llm %r; the stock model writes the reasons", settings.llm)
            return None
        return folder
    folder = Path(name).expanduser()
    if not (folder / "adapter_config.json").is_file():
        raise AdapterError(f"reasons adapter folder {folder} has no adapter_config.json")
    return folder


@dataclass
class ReasonTrainConfig:
    """Hyper-parameters of a reasons adapter run (saved as ``training_config.json``).

    Attributes:
        catalogs: Catalogue files the pairs come from.
        mappings: Their column mappings (a path, or "" to infer), one per catalogue.
        examples: Training pairs generated (spread evenly over the catalogues).
        heldout: Pairs of other items kept to measure the grounding pass rate after training.
        epochs: Passes over the pairs.
        batch_size: Pairs per optimizer step (padded together).
        lr: Peak learning rate (linear warm-up, then linear decay).
        warmup: Share of the steps spent warming up.
        lora_r: LoRA rank.
        lora_alpha: LoRA scaling numerator.
        lora_dropout: Dropout on the LoRA input.
        target_modules: Linear layers that get LoRA weights.
        lora_top_layers: LoRA only on the last N decoder layers (0: all): cheaper backward passes.
        threads: Torch CPU threads (0: torch's default).
        max_seq_len: Longer pairs are skipped.
        dtype: Base weights dtype while training.
        seed: Seed of the pair generation and of the training order.
        log_every: Log the mean loss every N steps.
        minutes: Wall-clock budget of the training loop (0: none); the learning rate decays with
            whichever of the steps or the time runs out first, and training stops at the budget.
    """

    catalogs: list[str] = field(default_factory=list)
    mappings: list[str] = field(default_factory=list)
    examples: int = 1200
    heldout: int = 30
    epochs: int = 1
    batch_size: int = 8
    lr: float = 2e-3
    warmup: float = 0.06
    lora_r: int = 16
    lora_alpha: int = 32
    lora_dropout: float = 0.05
    target_modules: list[str] = field(
        default_factory=lambda: ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]
    )
    lora_top_layers: int = 10
    threads: int = 1
    max_seq_len: int = 256
    dtype: str = "bfloat16"
    seed: int = 0
    log_every: int = 5
    minutes: float = 0.0

    def __post_init__(self) -> None:
        if self.examples < 1 or self.epochs < 1 or self.batch_size < 1:
            raise InputError("examples, epochs and batch_size must be at least 1")
        if self.dtype not in ("bfloat16", "float32"):
            raise InputError(f"dtype must be bfloat16 or float32, got {self.dtype}")
        if self.mappings and len(self.mappings) != len(self.catalogs):
            raise InputError("give one mapping per catalogue (or none)")

    def to_json(self) -> str:
        """The configuration as indented JSON."""
        return json.dumps(asdict(self), indent=2)

    @classmethod
    def from_json(cls, text: str) -> ReasonTrainConfig:
        """Read :meth:`to_json`'s output (unknown keys are an error)."""
        raw = json.loads(text)
        unknown = set(raw) - {f.name for f in fields(cls)}
        if unknown:
            raise InputError(f"unknown training option(s): {', '.join(sorted(unknown))}")
        return cls(**raw)


@dataclass(frozen=True)
class ReasonExample:
    """One (facts, request -> sentence) pair.

    Attributes:
        item: The item the sentence is about.
        request: The made-up request.
        facts: The facts to state (the model's input).
        target: The sentence.
    """

    item: Item
    request: Request
    facts: tuple[Fact, ...]
    target: str


# --- the request ---------------------------------------------------------------------------

_ALPHA = re.compile(r"^[a-z][a-z-]+$")


def _field(item: Item, kind: str) -> tuple[str, str] | None:
    """``(field name, value)`` of the item's attribute of this kind ("colour" -> baseColour)."""
    fragments = {"colour": ("colo",), "gender": ("gender",), "season": ("season",), "usage": ("usage", "occasion")}
    for name, value in item.attributes.items():
        if isinstance(value, str) and value and any(f in name.lower() for f in fragments[kind]):
            return name, value
    return None


def _content_words(text: str, wording: Wording, limit: int = 40) -> list[str]:
    return [w for w in word_tokens(text)[:limit] if _ALPHA.match(w) and len(w) > 3 and w not in wording.neutral]


def make_request(item: Item, rng: random.Random, wording: Wording, others: Sequence[Item] = ()) -> Request:
    """A shopper's request made up from the item's own values, sometimes with a value it lacks."""
    parts: list[str] = []
    colour = _field(item, "colour")
    if colour and rng.random() < 0.6:
        value = colour[1]
        if others and rng.random() < 0.2:  # a colour the item may not have
            other = _field(rng.choice(list(others)), "colour")
            value = other[1] if other else value
        parts.append(value.lower())
    if item.category:
        parts.append(type_noun(item.category, wording.plural_only))
    else:
        # No type field (beauty rows): two words of the name act as the type ("face powder").
        words = _content_words(item.title, wording, 12)
        if words:
            start = rng.randrange(max(1, len(words) - 1))
            parts.append(" ".join(words[start:start + rng.choice((1, 2))]))
    gender = _field(item, "gender")
    if gender and rng.random() < 0.5 and gender[1].lower() != "unisex":
        parts.append(f"for {gender[1].lower()}")
    for kind in ("season", "usage"):
        found = _field(item, kind)
        if found and rng.random() < 0.2:
            parts.append(f"for {found[1].lower()}")
    if item.brand and rng.random() < 0.2:
        parts.append(f"by {item.brand}")
    words = _content_words(item.description or item.title, wording)
    if words and rng.random() < 0.5:
        start = rng.randrange(len(words))
        parts.append(f"with {' '.join(words[start:start + rng.choice((1, 2))])}")
    max_price: float | None = None
    if item.price is not None and rng.random() < 0.6:
        factor = rng.uniform(1.05, 2.0) if rng.random() < 0.85 else rng.uniform(0.5, 0.95)
        max_price = float(max(1, round(item.price * factor, -1 if item.price > 50 else 0)))
        parts.append(f"under {max_price:g}")
    if rng.random() < 0.25:
        parts.append(rng.choice(("well rated", "with good reviews", "top rated")))
    lead = rng.choice(("", "a ", "i want a ", "looking for a ", "show me a "))
    return Request(text=(lead + " ".join(parts)).strip(), max_price=max_price)


# --- the model input -----------------------------------------------------------------------


def fact_lines(facts: Sequence[Fact]) -> str:
    """The fact list as the adapter reads it: ``- kind: value (asked)``, one a line."""
    lines = []
    for fact in facts:
        value = fact.value
        if fact.kind == "rating":
            rating, _, count = value.partition("|")
            value = f"{rating} out of 5" + (f" by {count} buyers" if count else "")
        kind = "name" if fact.kind == "feature" and fact.name == "title" else fact.kind
        lines.append(f"- {kind}: {value}{' (asked)' if fact.matched else ''}")
    return "\n".join(lines)


def adapter_prompt(prompts: PromptLibrary, request: Request, facts: Sequence[Fact]) -> str:
    """The reasons adapter's input: the request and the fact lines (``prompts/reason_adapter.txt``)."""
    text = " ".join(request.text.split())[:300] or "(nothing said yet)"
    return prompts.render("reason_adapter", request=text, facts=fact_lines(facts)).rstrip() + "\n"


# --- the target ----------------------------------------------------------------------------


def _join(words: Sequence[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} and {words[-1]}"


def target_sentence(facts: Sequence[Fact], rng: random.Random, wording: Wording) -> str:
    """One sentence stating exactly these facts, in a randomly chosen shape, order and wording.

    Every word is a fact's value or one of the language's neutral words, so that the sentence
    passes the grounding check for the item it was made from.
    """
    kinds = FactKinds(facts)
    by_kind, first = kinds.groups, kinds.first

    colour, kind_type, brand, gender = first("colour"), first("type"), first("brand"), first("gender")
    noun = kind_type.value if kind_type else rng.choice(("item", "product", "pick"))
    plural = noun.split()[-1].lower() in wording.plural_only if noun.split() else False
    head_words = [colour.value] if colour and rng.random() < 0.7 else []
    colour_said = bool(head_words)
    np = " ".join([*head_words, noun])
    tails: list[str] = []
    if brand and brand.value.lower() not in noun.lower():
        tails.append(f"by {brand.value}")
    if gender and gender.value != "unisex":
        tails.append(f"for {gender.value}")
    rng.shuffle(tails)
    np_full = " ".join([np, *tails])

    # Clauses in two forms: a verb phrase ("costs 399 INR") and a bare phrase ("at 399 INR").
    clauses: list[tuple[str, str]] = []
    if colour and not colour_said:
        clauses.append((rng.choice((f"comes in {colour.value}", f"is {colour.value}")), f"in {colour.value}"))
    occasions = [f.value for f in by_kind.get("season", [])[:1]] + [f"{f.value} wear" for f in by_kind.get("usage", [])[:1]]
    if occasions:
        made = f"made for {_join(occasions)}"
        clauses.append((f"is {made}", made))
    for fact in by_kind.get("material", [])[:1] + by_kind.get("attribute", [])[:2]:
        clauses.append((f"is {fact.value}", fact.value))
    price = first("price")
    if price:
        verb = rng.choice((f"costs {price.value}", f"is priced at {price.value}", f"comes at {price.value}"))
        bare = rng.choice((f"at {price.value}", f"priced at {price.value}", f"for {price.value}"))
        if price.matched:
            budget = rng.choice(("within your budget", "under your budget", "within the budget you asked for"))
            verb, bare = f"{verb}, {budget}", f"{bare}, {budget}"
        clauses.append((verb, bare))
    rating = first("rating")
    if rating:
        value, _, count = rating.value.partition("|")
        by = f" by {count} buyers" if count else ""
        clauses.append((rng.choice((f"is rated {value} out of 5{by}", f"has a rating of {value} out of 5{by}")),
                        f"rated {value} out of 5{by}"))
    for fact in by_kind.get("feature", []):
        if fact.name == "title":
            clauses.append((f"has “{fact.value}” in its name", f"with “{fact.value}” in its name"))
        else:
            said = rng.choice(("its description mentions", "the description mentions"))
            clauses.append((f"has a description that mentions {fact.value}", f"{said} {fact.value}"))
    rng.shuffle(clauses)
    matched = list(dict.fromkeys(wording.kind(f.kind) for f in facts if f.matched and f.kind != "feature"))
    asked = rng.choice((f"the {_join(matched)} you asked for", f"just the {_join(matched)} you wanted",
                        f"which matches the {_join(matched)} you asked for")) if matched else ""
    article = "" if plural else ("an " if np_full[:1].lower() in "aeiou" and not np_full.split()[0].isupper() else "a ")

    shape = rng.randrange(6)
    verbs = [c[0] for c in clauses]
    bares = [c[1] for c in clauses]
    if shape == 0 or not clauses:  # "A blue dress for women, made for summer — the colour and type you asked for."
        sentence = f"{article}{np_full}" + (", " + ", ".join(bares) if bares else "")
        sentence += f" — {asked}" if asked else ""
    elif shape == 1:  # "This blue dress for women is made for summer and costs 399 INR."
        sentence = f"this {np_full} {_join(verbs)}"
        sentence += f", {asked}" if asked and rng.random() < 0.5 else ""
    elif shape == 2:  # "At 399 INR, within your budget, this USB cable by Ambrane is rated 4 out of 5."
        lead = bares[0]
        rest = verbs[1:]
        sentence = f"{lead}, this {np_full}" + (f" {_join(rest)}" if rest else f" fits your request")
    elif shape == 3:  # "It is a blue dress for women, made for summer, which matches the colour you asked for."
        sentence = f"it is {article}{np_full}, {', '.join(bares)}"
        sentence += f", {asked}" if asked else ""
    elif shape == 4:  # "You asked for a dress: this blue one for women is made for summer."
        sentence = f"here is {article}{np_full} that {_join(verbs)}"
    else:  # "A dress by Tonga: made for summer; rated 4 out of 5."
        sentence = f"{article}{np_full}: {'; '.join(bares)}"
        sentence += f" — {asked}" if asked else ""
    sentence = " ".join(sentence.split()).rstrip(",;: ")
    return sentence[:1].upper() + sentence[1:] + "."


# --- the pairs -----------------------------------------------------------------------------


def _load(catalog: str, mapping: str | None) -> list[Item]:
    loaded = load_catalog(catalog, mapping or None)
    return [item for item in loaded.items if item.title]


def build_reason_examples(
    catalogs: Sequence[str | Path],
    mappings: Sequence[str | Path | None] = (),
    count: int = 1200,
    seed: int = 0,
    wording: Wording | None = None,
    items_per_catalog: Sequence[list[Item]] | None = None,
) -> list[ReasonExample]:
    """``count`` (facts, request -> sentence) pairs, spread evenly over the catalogues, each item used once.

    Every target passes :func:`chatrec.grounding.check_reason` for its item and request and states
    every matched fact (others are drawn again).

    Raises:
        InputError: No catalogue, or no pair could be made.
    """
    wording = wording or Wording.load()
    rng = random.Random(seed)
    if items_per_catalog is None:
        if not catalogs:
            raise InputError("give at least one catalogue")
        maps = list(mappings) or [None] * len(catalogs)
        items_per_catalog = [_load(str(c), str(m) if m else None) for c, m in zip(catalogs, maps)]
    pools = [list(items) for items in items_per_catalog if items]
    if not pools:
        raise InputError("the catalogues hold no items")
    for pool in pools:
        rng.shuffle(pool)
    examples: list[ReasonExample] = []
    cursor = [0] * len(pools)
    attempts = 0
    while len(examples) < count and attempts < count * 5:
        attempts += 1
        which = attempts % len(pools)
        pool = pools[which]
        item = pool[cursor[which] % len(pool)]
        cursor[which] += 1
        request = make_request(item, rng, wording, pool[:50])
        facts = select_facts(facts_for(item, request, wording), extra=rng.choice((1, 2, 2, 3)))
        if rng.random() < 0.25:
            detail = title_detail(item, facts, (), wording)
            if detail is not None:
                facts.append(detail)
        if len(facts) < 2:
            continue
        target = target_sentence(facts, rng, wording)
        if check_reason(target, item, request, wording):
            continue
        if len(matched_facts_stated(target, facts)) < sum(f.matched for f in facts):
            continue
        examples.append(ReasonExample(item, request, tuple(facts), target))
    if not examples:
        raise InputError("no training pair could be made from the catalogues")
    return examples


# --- training ------------------------------------------------------------------------------


def _encode(tokenizer: Any, prompt: str, target: str) -> tuple[list[int], int]:
    prompt_ids = tokenizer(prompt, add_special_tokens=False)["input_ids"]
    target_ids = tokenizer(" " + target, add_special_tokens=False)["input_ids"] + [tokenizer.eos_token_id]
    return prompt_ids + target_ids, len(prompt_ids)


def _batch_loss(model: Any, batch: Sequence[tuple[list[int], int]], pad_id: int) -> Any:
    from chatrec.train import pad_batch

    input_ids, labels, mask = pad_batch(batch, pad_id)
    return model(input_ids=input_ids, attention_mask=mask, labels=labels).loss


def train_reason_adapter(
    model: Any,
    tokenizer: Any,
    examples: Sequence[ReasonExample],
    out_dir: Path | str,
    config: ReasonTrainConfig,
    heldout: Sequence[ReasonExample] = (),
    progress: bool = True,
) -> dict[str, Any]:
    """Train the LoRA reasons adapter on ``examples`` and save it with its config, metrics and loss log.

    Args:
        model: The base causal LM (its weights are not changed; LoRA weights are added).
        tokenizer: Its tokenizer.
        examples: Training pairs.
        out_dir: Folder for ``adapter_model.safetensors``, ``adapter_config.json``,
            ``training_config.json``, ``metrics.json`` and ``loss_log.jsonl``.
        config: Hyper-parameters.
        heldout: Pairs of other items: after training, their generated sentences are checked
            for grounding (share passing, share stating every matched fact).
        progress: Show a tqdm progress bar.

    Returns:
        The metrics written to ``metrics.json``.

    Raises:
        InputError: No pair fits ``max_seq_len``.
    """
    import torch
    from peft import LoraConfig, get_peft_model
    from tqdm.auto import tqdm

    from chatrec.train import _top_layers, log_loss

    started = time.perf_counter()
    if config.threads:
        torch.set_num_threads(config.threads)
    torch.manual_seed(config.seed)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    prompts = PromptLibrary()
    model.to({"bfloat16": torch.bfloat16, "float32": torch.float32}[config.dtype])
    encoded = [_encode(tokenizer, adapter_prompt(prompts, e.request, e.facts), e.target) for e in examples]
    train_set = [e for e in encoded if len(e[0]) <= config.max_seq_len]
    if not train_set:
        raise InputError("no training pair fits max_seq_len")
    pad_id = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else tokenizer.eos_token_id
    lora = LoraConfig(
        r=config.lora_r, lora_alpha=config.lora_alpha, lora_dropout=config.lora_dropout,
        target_modules=list(config.target_modules), layers_to_transform=_top_layers(model, config.lora_top_layers),
        task_type="CAUSAL_LM",
    )
    peft_model = get_peft_model(model, lora)
    trainable = [p for p in peft_model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(trainable, lr=config.lr, weight_decay=0.0)
    steps_per_epoch = math.ceil(len(train_set) / config.batch_size)
    total_steps = max(1, steps_per_epoch * config.epochs)
    budget = config.minutes * 60.0
    loop_started = time.perf_counter()

    def progress_share(step: int) -> float:
        # A shared machine can be several times slower than planned: decay with the time spent too.
        share = step / total_steps
        if budget > 0:
            share = max(share, (time.perf_counter() - loop_started) / budget)
        return min(1.0, share)

    warmup_steps = max(1, int(total_steps * config.warmup))

    def schedule(step: int) -> float:
        if step < warmup_steps:
            return (step + 1) / warmup_steps
        return max(0.02, 1.0 - progress_share(step))

    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, schedule)
    rng = random.Random(config.seed)
    losses: list[float] = []
    peft_model.train()
    step = 0
    with (out / "loss_log.jsonl").open("w", encoding="utf-8") as log, tqdm(
        total=total_steps, disable=not progress, desc="training", unit="step"
    ) as bar:
        for epoch in range(config.epochs):
            order = list(range(len(train_set)))
            rng.shuffle(order)
            for first in range(0, len(order), config.batch_size):
                batch = [train_set[i] for i in order[first : first + config.batch_size]]
                loss = _batch_loss(peft_model, batch, pad_id)
                loss.backward()
                torch.nn.utils.clip_grad_norm_(trainable, 1.0)
                optimizer.step()
                scheduler.step()
                optimizer.zero_grad(set_to_none=True)
                losses.append(float(loss.detach()))
                step += 1
                if step % config.log_every == 0 or step == total_steps:
                    log_loss(log, step, epoch, losses, config.log_every, scheduler.get_last_lr()[0], started)
                    bar.set_postfix(loss=f"{losses[-1]:.3f}")
                bar.update(1)
                if budget > 0 and time.perf_counter() - loop_started >= budget:
                    break
            if budget > 0 and time.perf_counter() - loop_started >= budget:
                logger.info("stopped at the %.0f-minute budget after %d of %d steps", config.minutes, step, total_steps)
                break
    train_seconds = round(time.perf_counter() - started, 1)
    peft_model.eval()
    held = _heldout_quality(peft_model, tokenizer, heldout, prompts) if heldout else {}
    peft_model.save_pretrained(str(out))
    (out / "training_config.json").write_text(config.to_json(), encoding="utf-8")
    quarter = max(1, min(20, len(losses) // 4))
    lengths = [len(ids) for ids, _ in train_set]
    metrics = {
        "examples": len(train_set),
        "skipped_too_long": len(encoded) - len(train_set),
        "mean_tokens": round(sum(lengths) / len(lengths), 1),
        "max_tokens": max(lengths),
        "optimizer_steps": step,
        "planned_steps": total_steps,
        "loss_first": round(sum(losses[:quarter]) / quarter, 4),
        "loss_last": round(sum(losses[-quarter:]) / quarter, 4),
        **held,
        "train_seconds": train_seconds,
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "trainable_parameters": sum(p.numel() for p in trainable),
    }
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2), encoding="utf-8")
    logger.info("reasons adapter saved to %s: %s", out, metrics)
    return metrics


def _heldout_quality(model: Any, tokenizer: Any, heldout: Sequence[ReasonExample], prompts: PromptLibrary) -> dict[str, Any]:
    """Greedy sentences for held-out pairs: the share passing the grounding check and stating every matched fact."""
    import torch

    wording = Wording.load()
    passed = complete = 0
    with torch.inference_mode():
        for example in heldout:
            ids = tokenizer(adapter_prompt(prompts, example.request, example.facts), return_tensors="pt",
                            add_special_tokens=False)["input_ids"]
            output = model.generate(input_ids=ids, attention_mask=torch.ones_like(ids), max_new_tokens=48,
                                    do_sample=False, pad_token_id=tokenizer.eos_token_id)
            text = tokenizer.decode(output[0, ids.shape[1]:], skip_special_tokens=True).strip().split("\n")[0]
            passed += int(not check_reason(text, example.item, example.request, wording))
            complete += int(len(matched_facts_stated(text, example.facts)) >= sum(f.matched for f in example.facts))
    return {"heldout_pairs": len(heldout), "heldout_grounded_share": round(passed / len(heldout), 3),
            "heldout_all_matched_stated_share": round(complete / len(heldout), 3)}

