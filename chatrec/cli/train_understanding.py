"""``chatrec train understanding``: train the LoRA understanding adapter on turns generated from a catalogue."""

from __future__ import annotations

import logging
import time
from pathlib import Path

import click

from chatrec.cli._common import echo_json, training_run_options

__all__ = ["train_understanding_command"]

logger = logging.getLogger(__name__)


@click.command(name="understanding")
@click.option("--catalog", "catalogs", multiple=True, required=True,
              type=click.Path(path_type=Path, dir_okay=False, exists=True),
              help="Catalogue file (CSV/JSON/JSONL) whose vocabulary the training turns are written from (repeatable).")
@click.option("--mapping", "mappings", multiple=True, type=click.Path(path_type=Path, dir_okay=False, exists=True),
              help="Field mapping of the catalogue (repeatable, in the order of --catalog).")
@click.option("--out", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Adapter folder (default: chatrec/adapters/smollm2-135m-understanding).")
@click.option("--examples", type=click.IntRange(8), default=2400, show_default=True, help="Training turns generated.")
@click.option("--heldout", type=click.IntRange(0), default=60, show_default=True,
              help="Generated turns (another seed) kept to measure exact match before and after.")
@click.option("--minutes", type=click.FloatRange(0.1), default=20.0, show_default=True,
              help="Stop training after this long.")
@click.option("--lr", type=float, default=1e-3, show_default=True, help="Peak learning rate.")
@click.option("--lora-r", type=click.IntRange(1), default=8, show_default=True, help="LoRA rank.")
@click.option("--batch", type=click.IntRange(1), default=8, show_default=True, help="Turns per optimiser step.")
@training_run_options
def train_understanding_command(
    catalogs: tuple[Path, ...], mappings: tuple[Path, ...], out: Path | None, examples: int, heldout: int,
    minutes: float, lr: float, lora_r: int, batch: int, seed: int | None, threads: int | None, no_progress: bool,
) -> None:
    """Train the understanding adapter on turns written from the catalogue's own vocabulary.

    Prints the held-out exact match (generated turns of another seed, decoded under the
    catalogue grammar) before and after training. Use the result with
    CHATREC_UNDERSTANDER=llm (the shipped folder) or CHATREC_UNDERSTANDING_ADAPTER=OUT.
    """
    import torch

    from chatrec.catalog import load_catalog
    from chatrec.errors import InputError
    from chatrec.llm_understanding import shipped_understanding_adapter_dir
    from chatrec.settings import Settings
    from chatrec.train import load_base_model
    from chatrec.understanding_training import (
        Example, ShopData, exact_on_examples, generate_examples, prefix_for, train_understanding,
    )

    if mappings and len(mappings) != len(catalogs):
        raise click.UsageError("give one --mapping per --catalog, or none")
    torch.set_num_threads(threads or 1)
    seed = seed or 0
    shops = []
    for number, path in enumerate(catalogs):
        mapping = mappings[number] if mappings else None
        try:
            items = load_catalog(path, mapping).items
        except InputError as exc:
            raise click.ClickException(str(exc)) from exc
        shops.append(ShopData.from_items(path.stem, items))
    started = time.perf_counter()
    train = generate_examples(shops, examples, seed=seed)
    held = generate_examples(shops, heldout, seed=seed + 1000) if heldout else []
    train_texts = {(e.shop, e.text) for e in train}
    held = [e for e in held if (e.shop, e.text) not in train_texts]
    click.echo(f"{len(train)} training and {len(held)} held-out turns generated in "
               f"{time.perf_counter() - started:.1f} s", err=True)
    model, tokenizer = load_base_model(Settings(adapter=None, _env_file=None), "float32")
    prefixes = {shop.name: prefix_for(shop) for shop in shops}
    by_name = {shop.name: shop for shop in shops}

    def evaluate(live_model: object, turns: list[Example]) -> float:
        return exact_on_examples(live_model, tokenizer, turns, by_name)

    folder = out or shipped_understanding_adapter_dir()
    metrics = train_understanding(
        model, tokenizer, train, held, folder, prefixes, lr=lr, lora_r=lora_r, batch=batch,
        max_minutes=minutes, seed=seed, evaluate=evaluate,
    )
    metrics["catalogues"] = [str(p) for p in catalogs]
    echo_json(metrics)
