"""The ``eval simulate`` command: simulated shoppers against three ask-or-recommend policies."""

from __future__ import annotations

import json
from pathlib import Path

import click

from chatrec.cli._common import make_settings

__all__ = ["register"]


@click.command("simulate")
@click.option("--catalog", "catalog", required=True, type=click.Path(path_type=Path, dir_okay=False),
              help="Catalogue file; its index is built once into the cache (keyed by content).")
@click.option("--mapping", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Column mapping file of the catalogue.")
@click.option("--n", "n", type=click.IntRange(1), default=200, show_default=True, help="Simulated shoppers.")
@click.option("--max-turns", type=click.IntRange(1), default=5, show_default=True, help="Replies per dialogue.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of targets and shoppers.")
@click.option("--key-attrs", default=None,
              help="Comma-separated attributes a hit must match (default: gender,articleType,baseColour).")
@click.option("--max-questions", type=click.IntRange(0), default=None, help="Override the max_questions setting.")
@click.option("--threads", type=click.IntRange(1), default=1, show_default=True,
              help="Torch threads: one short query at a time runs fastest on one thread.")
@click.option("--json", "json_out", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Also write the full report (with example transcripts) to this file.")
def simulate(
    catalog: Path, mapping: Path | None, n: int, max_turns: int, seed: int, key_attrs: str | None,
    max_questions: int | None, threads: int, json_out: Path | None,
) -> None:
    """Simulated shoppers with hidden targets: success rate and turns, for chatrec's policy,
    "never ask" and "ask a random attribute" (retrieval ranking; the LLM is not used)."""
    import torch

    from chatrec.eval.simulate import cached_index, run_simulation
    from chatrec.retrieval import Retriever

    # Single short queries: more threads only add synchronisation (10x slower on a busy CPU).
    torch.set_num_threads(threads)

    settings = make_settings(use_llm=False, max_questions=max_questions)
    click.echo(f"indexing {catalog} (once; cached in {settings.cache_dir})...", err=True)
    index_dir = cached_index(catalog, settings, mapping=mapping, progress=True)
    retriever = Retriever.open(settings, index_dir=index_dir)
    attrs = [a.strip() for a in key_attrs.split(",") if a.strip()] if key_attrs else None
    report = run_simulation(
        retriever, settings, n=n, max_turns=max_turns, seed=seed, key_attrs=attrs,
        progress=lambda line: click.echo(line, err=True),
    )
    if json_out is not None:
        json_out.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    click.echo(f"{n} shoppers, success = a top-5 item matches {', '.join(report['key_attrs'])} "
               f"within {max_turns} replies")
    click.echo(f"{'policy':<12} {'success':>8} {'replies(ok)':>12} {'questions':>10}  success@1..{max_turns}")
    for row in report["policies"]:
        at = " ".join(f"{v:.2f}" for v in row["success_at"].values())
        ok = "-" if row["avg_replies_success"] is None else f"{row['avg_replies_success']:.2f}"
        click.echo(f"{row['policy']:<12} {row['success_rate']:>8.3f} {ok:>12} {row['avg_questions']:>10.2f}  {at}")


def register(group: click.Group) -> None:
    """Add ``simulate`` to the ``eval`` group."""
    group.add_command(simulate)
