"""``chatrec train-reasons``: train the LoRA reasons adapter (data-to-text) on pairs made from catalogues."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import click

from chatrec.cli._common import echo_json, make_settings, training_run_options


@click.command(name="train-reasons")
@click.option("--catalog", "catalogs", multiple=True, required=True,
              type=click.Path(path_type=Path, dir_okay=False, exists=True),
              help="Catalogue file the (facts, request -> sentence) pairs are made from (repeatable).")
@click.option("--mapping", "mappings", multiple=True,
              type=click.Path(path_type=Path, dir_okay=False, exists=True),
              help="Column mapping of each --catalog, in the same order (default: inferred for all).")
@click.option("--out", "out", required=True, type=click.Path(path_type=Path, file_okay=False),
              help="Folder for the adapter, training_config.json, metrics.json and loss_log.jsonl.")
@click.option("--examples", type=click.IntRange(1), default=None, help="Training pairs (default 1200).")
@click.option("--heldout", type=click.IntRange(0), default=None,
              help="Pairs of other items whose generated sentences are checked after training (default 30).")
@click.option("--epochs", type=click.IntRange(1), default=None, help="Passes over the pairs (default 1).")
@click.option("--batch-size", type=click.IntRange(1), default=None, help="Pairs per step (default 8).")
@click.option("--lr", type=float, default=None, help="Peak learning rate (default 2e-3).")
@click.option("--lora-r", type=click.IntRange(1), default=None, help="LoRA rank (default 16).")
@click.option("--minutes", type=click.FloatRange(0), default=None,
              help="Wall-clock budget of the training loop (default: none); stops and saves at the budget.")
@click.option("--dtype", type=click.Choice(["bfloat16", "float32"]), default=None,
              help="Base weights dtype while training (default bfloat16).")
@training_run_options
def train_reasons_command(
    catalogs: tuple[Path, ...],
    mappings: tuple[Path, ...],
    out: Path,
    examples: int | None,
    heldout: int | None,
    epochs: int | None,
    batch_size: int | None,
    lr: float | None,
    lora_r: int | None,
    minutes: float | None,
    dtype: str | None,
    seed: int | None,
    threads: int | None,
    no_progress: bool,
) -> None:
    """Train the LoRA reasons adapter of the configured LLM on pairs generated from catalogues.

    Each pair is an item's fact list and a made-up request, and one sentence stating those
    facts (several sentence shapes). Use the result with CHATREC_REASON_ADAPTER=OUT and
    CHATREC_REASON_WRITER=llm.
    """
    import torch

    from chatrec.reason_training import ReasonTrainConfig, build_reason_examples, train_reason_adapter
    from chatrec.train import load_base_model

    if mappings and len(mappings) != len(catalogs):
        raise click.UsageError("give one --mapping per --catalog, or none")
    overrides: dict[str, Any] = {
        "examples": examples, "heldout": heldout, "epochs": epochs, "batch_size": batch_size, "lr": lr,
        "lora_r": lora_r, "minutes": minutes, "dtype": dtype, "seed": seed, "threads": threads,
    }
    config = ReasonTrainConfig(catalogs=[str(p) for p in catalogs], mappings=[str(p) for p in mappings],
                               **{k: v for k, v in overrides.items() if v is not None})
    if lora_r is not None:
        config.lora_alpha = 2 * lora_r
    if config.threads:
        torch.set_num_threads(config.threads)
    started = time.perf_counter()
    pairs = build_reason_examples(config.catalogs, config.mappings, count=config.examples + config.heldout,
                                  seed=config.seed)
    held, train = pairs[: config.heldout], pairs[config.heldout:]
    click.echo(f"{len(train)} training and {len(held)} held-out pairs in {time.perf_counter() - started:.1f} s",
               err=True)
    model, tokenizer = load_base_model(make_settings(), config.dtype)
    echo_json(train_reason_adapter(model, tokenizer, train, out, config, heldout=held, progress=not no_progress))


def register(group: click.Group) -> None:
    """Add ``train-reasons`` to ``group``."""
    group.add_command(train_reasons_command)
