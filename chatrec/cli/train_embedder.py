"""``chatrec train-embedder``: fine-tune the sentence embedder on (customer words -> chosen item) pairs."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import click

from chatrec.cli._common import echo_json, make_settings, training_run_options

__all__ = ["register"]

logger = logging.getLogger(__name__)

_FILE = click.Path(path_type=Path, dir_okay=False)


@click.command(name="train-embedder")
@click.option("--data", "data", multiple=True, required=True, type=_FILE,
              help="JSONL file of ReDial raw dialogues or shop logs {\"query\", \"item_id\"} (repeatable).")
@click.option("--catalog", required=True, type=_FILE, help="The catalogue the item ids refer to (any format).")
@click.option("--out", "out", required=True, type=click.Path(path_type=Path, file_okay=False),
              help="Folder for the model, training_config.json, metrics.json and loss_log.jsonl.")
@click.option("--epochs", type=click.IntRange(1), default=None, help="Passes over the pairs (default 1).")
@click.option("--batch-size", type=click.IntRange(2), default=None,
              help="Pairs per batch; the batch's other items are the negatives (default 32).")
@click.option("--lr", type=float, default=None, help="Peak learning rate (default 2e-5, 10% warm-up).")
@click.option("--max-pairs", type=click.IntRange(1), default=None, help="Training pairs at most (default all).")
@click.option("--heldout", type=click.FloatRange(0, 1, max_open=True), default=None,
              help="Share of dialogues kept out to measure Recall@10 before and after (default 0.05).")
@click.option("--skip-dialogues-in", "skip_files", multiple=True, type=_FILE,
              help="Leave out the dialogues of these raw ReDial files (repeatable): for a leak-free evaluation "
                   "on turns cut from them.")
@click.option("--echo-free-pairs", is_flag=True,
              help="ReDial: leave out pairs whose movie was named earlier in the dialogue, so the embedder "
                   "learns to recommend rather than to echo what was said.")
@click.option("--holdout-items", "holdout", type=click.FloatRange(0, 1, max_open=True), default=None,
              help="Leave out pairs choosing a seeded random share of the catalogue: the items "
                   "`chatrec eval redial --holdout-items` holds out with the same --seed (item cold start).")
@training_run_options
def train_embedder_command(
    data: tuple[Path, ...],
    catalog: Path,
    out: Path,
    epochs: int | None,
    batch_size: int | None,
    lr: float | None,
    max_pairs: int | None,
    heldout: float | None,
    skip_files: tuple[Path, ...],
    echo_free_pairs: bool,
    holdout: float | None,
    seed: int | None,
    threads: int | None,
    no_progress: bool,
) -> None:
    """Fine-tune the configured embedder so that customer words land near the items they chose.

    Starts from the embedder setting (CHATREC_EMBEDDER, default the packaged all-MiniLM-L6-v2);
    use the result with CHATREC_EMBEDDER=OUT (the catalogue's index is then embedded again).
    """
    from chatrec.embedder_training import EmbedderTrainConfig, run_embedder_training

    overrides: dict[str, Any] = {
        "epochs": epochs, "batch_size": batch_size, "lr": lr, "max_pairs": max_pairs, "heldout": heldout,
        "seed": seed, "threads": threads, "holdout_items": holdout,
    }
    config = EmbedderTrainConfig(
        data=[str(p) for p in data],
        catalog=str(catalog),
        skip_dialogues_in=[str(p) for p in skip_files],
        echo_free_pairs=echo_free_pairs,
        **{key: value for key, value in overrides.items() if value is not None},
    )
    settings = make_settings()
    echo_json(run_embedder_training(config, settings, out, progress=not no_progress))


def register(group: click.Group) -> None:
    """Add ``train-embedder`` to ``group``."""
    group.add_command(train_embedder_command)
