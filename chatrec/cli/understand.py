"""``chatrec eval understanding``: field-level F1 and exact match of reading shopper turns."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from chatrec.cli._common import echo_json

__all__ = ["register"]

#: The rows, in order. ``hybrid`` is the rules with the adapter LLM asked only where the rules are unsure.
SYSTEMS = ("rules", "llm-zero-shot", "llm+adapter", "hybrid", "shipped")


def _systems(value: str) -> list[str]:
    chosen = [s.strip() for s in value.split(",") if s.strip()]
    unknown = [s for s in chosen if s not in SYSTEMS]
    if unknown or not chosen:
        raise click.BadParameter(f"choose among {', '.join(SYSTEMS)} (comma-separated); unknown: {', '.join(unknown)}")
    return chosen


@click.command(name="understanding")
@click.option("--set", "set_file", type=click.Path(path_type=Path, dir_okay=False, exists=True), default=None,
              help="Evaluation set (default: the packaged chatrec/eval/data/understanding.txt).")
@click.option("--systems", default=",".join(SYSTEMS), show_default=True,
              help="Rows to run, comma-separated. The LLM rows take ~1-2 s a turn on a 2-core CPU.")
@click.option("--failures", type=click.IntRange(min=0), default=0, show_default=True,
              help="Print this many turns the shipped row (else the last row) gets wrong.")
@click.option("--json", "json_out", is_flag=True, help="Print the scores as JSON.")
def understanding_command(set_file: Path | None, systems: str, failures: int, json_out: bool) -> None:
    """Score understanders on labelled shopper turns, per category.

    Rows: rules only; the LLM without adapter (few-shot prompt, same constrained decoding);
    the LLM with the shipped understanding adapter; hybrid (the rules, the adapter LLM asked
    only where the rules are unsure); and the shipped combination (the default
    ``understander`` setting). In the LLM rows numbers, currency and language come from the
    rules. Turns are read on the bundled demo catalogues.
    """
    from chatrec.catalog import load_catalog
    from chatrec.demo import demo_catalog
    from chatrec.eval.understanding import CATEGORIES, SLOTS, Scores, load_turns, rules_reader, score
    from chatrec.settings import Settings

    chosen = _systems(systems)
    turns = load_turns(set_file)
    items = {}
    for name in sorted({turn.catalog for turn in turns}):
        demo = demo_catalog(name)
        items[name] = load_catalog(demo.catalog, demo.mapping).items
    shipped_mode = Settings(_env_file=None).understander
    results: dict[str, Scores] = {}
    asked: dict[str, dict[str, int]] = {}
    for system in chosen:
        kind = shipped_mode if system == "shipped" else system
        if kind == "rules":
            results[system] = score(turns, rules_reader(items))
        else:
            reader = _llm_reader(kind, items)
            results[system] = score(turns, reader)
            asked[system] = reader.stats  # type: ignore[attr-defined]
    labels = {s: (f"shipped ({shipped_mode})" if s == "shipped" else s) for s in chosen}
    if json_out:
        echo_json({
            name: {"label": labels[name], "llm": asked.get(name), "exact": s.exact, "f1": s.f1, "n": s.counts, "slot_f1": s.slot_f1,
                   "seconds_p50": s.seconds_p50}
            for name, s in results.items()
        })
        return
    first = next(iter(results.values()))
    categories = [c for c in CATEGORIES if c in first.counts] + ["all"]
    click.echo(f"{len(turns)} turns ({sum(t.source == 'mg_shopdial' for t in turns)} from MG-ShopDial); "
               "exact match / F1 per category")
    click.echo("system".ljust(24) + "".join(c[:12].rjust(13) for c in categories) + "p50 s/turn".rjust(12))
    click.echo("n".ljust(24) + "".join(str(first.counts[c]).rjust(13) for c in categories))
    for name, scores in results.items():
        cells = "".join(f"{scores.exact[c]:.2f}/{scores.f1[c]:.2f}".rjust(13) for c in categories)
        click.echo(f"{labels[name].ljust(24)}{cells}{scores.seconds_p50:12.3f}")
    for name, stats in asked.items():
        click.echo(f"{labels[name]}: the LLM was asked on {stats['asked']} turns and failed on {stats['failed']}")
    for name, scores in results.items():
        click.echo(f"slot F1 ({labels[name]}): " + ", ".join(f"{slot} {scores.slot_f1[slot]:.2f}" for slot in SLOTS))
    shown = results.get("shipped") or list(results.values())[-1]
    for turn, got in shown.failures[:failures]:
        missing = sorted(turn.expected - got)
        extra = sorted(got - turn.expected)
        click.echo(f"  {turn.category}:{turn.line} {turn.message!r}\n     missing {missing}\n     extra   {extra}")


def _llm_reader(kind: str, items: dict[str, Any]) -> Callable[..., Any]:
    from chatrec.errors import ChatRecError
    from chatrec.eval.understanding import llm_reader
    from chatrec.llm import LLM
    from chatrec.llm_understanding import understander_for_catalogue, understanding_settings

    adapter = kind != "llm-zero-shot"
    try:
        settings = understanding_settings(None, adapter=adapter)
    except ChatRecError as exc:
        raise click.ClickException(str(exc)) from exc
    llm = LLM(settings, name=f"understanding ({kind})")

    def make(name: str, vocabulary: Any) -> Any:
        # no time limit here: the evaluation measures what the LLM reads, the p50 column its time
        return understander_for_catalogue(llm, vocabulary, items[name], adapter=adapter, timeout_seconds=120.0)

    return llm_reader(items, make, only_when_unsure=kind in ("hybrid", "llm"))


def register(group: click.Group) -> None:
    """Add ``understanding`` to the ``eval`` group."""
    group.add_command(understanding_command)
