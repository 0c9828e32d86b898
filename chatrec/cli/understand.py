"""``chatrec eval understanding``: field-level F1 and exact match of reading shopper turns."""

from __future__ import annotations

from pathlib import Path

import click

from chatrec.cli._common import echo_json

__all__ = ["register"]

_NOT_BUILT = "not run: this build has no LLM understander (the rules are the shipped understander)"


@click.command(name="understanding")
@click.option("--set", "set_file", type=click.Path(path_type=Path, dir_okay=False, exists=True), default=None,
              help="Evaluation set (default: the packaged chatrec/eval/data/understanding.txt).")
@click.option("--failures", type=click.IntRange(min=0), default=0, show_default=True,
              help="Print this many turns the shipped understander gets wrong.")
@click.option("--json", "json_out", is_flag=True, help="Print the scores as JSON.")
def understanding_command(set_file: Path | None, failures: int, json_out: bool) -> None:
    """Score understanders on labelled shopper turns, per category.

    Rows: rules only, LLM zero-shot, LLM with the adapter, and the shipped combination; a
    row that cannot run says why. Turns are read on the bundled demo catalogues.
    """
    from chatrec.catalog import load_catalog
    from chatrec.demo import demo_catalog
    from chatrec.eval.understanding import CATEGORIES, SLOTS, load_turns, rules_reader, score

    turns = load_turns(set_file)
    items = {}
    for name in sorted({turn.catalog for turn in turns}):
        demo = demo_catalog(name)
        items[name] = load_catalog(demo.catalog, demo.mapping).items
    rules = score(turns, rules_reader(items))
    systems = {
        "rules": rules,
        "llm-zero-shot": None,
        "llm+adapter": None,
        "shipped (rules; LLM understander not built)": rules,
    }
    if json_out:
        echo_json({
            name: None if s is None else {
                "exact": s.exact, "f1": s.f1, "n": s.counts, "slot_f1": s.slot_f1, "seconds_p50": s.seconds_p50,
            }
            for name, s in systems.items()
        })
        return
    categories = [c for c in CATEGORIES if c in rules.counts] + ["all"]
    header = "system".ljust(44) + "".join(c[:12].rjust(13) for c in categories)
    click.echo(f"{len(turns)} turns ({sum(t.source == 'mg_shopdial' for t in turns)} from MG-ShopDial); "
               "exact match / F1 per category")
    click.echo(header)
    click.echo("n".ljust(44) + "".join(str(rules.counts[c]).rjust(13) for c in categories))
    for name, scores in systems.items():
        if scores is None:
            click.echo(f"{name.ljust(44)}{_NOT_BUILT}")
            continue
        cells = "".join(f"{scores.exact[c]:.2f}/{scores.f1[c]:.2f}".rjust(13) for c in categories)
        click.echo(f"{name.ljust(44)}{cells}")
    click.echo("slot F1 (rules): " + ", ".join(f"{slot} {rules.slot_f1[slot]:.2f}" for slot in SLOTS)
               + f"; p50 {rules.seconds_p50 * 1000:.2f} ms/turn")
    for turn, got in rules.failures[:failures]:
        missing = sorted(turn.expected - got)
        extra = sorted(got - turn.expected)
        click.echo(f"  {turn.category}:{turn.line} {turn.message!r}\n     missing {missing}\n     extra   {extra}")


def register(group: click.Group) -> None:
    """Add ``understanding`` to the ``eval`` group."""
    group.add_command(understanding_command)
