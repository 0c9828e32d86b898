"""Commands of the foundation: ``chatrec index build`` and ``chatrec search``."""

from __future__ import annotations

from pathlib import Path
from typing import cast

import click

from chatrec.cli._common import echo_json, index_dir_option, make_settings
from chatrec.index import build_index
from chatrec.query import Filters, Mode, Query
from chatrec.retrieval import Retriever

__all__ = ["register"]


@click.group(name="index")
def index_group() -> None:
    """Build and update the catalogue index."""


@index_group.command(name="build")
@click.option("--catalog", "catalog", required=True, type=click.Path(path_type=Path, dir_okay=False),
              help="Catalogue file: .csv, .tsv, .jsonl, .json or .parquet.")
@click.option("--mapping", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="JSON or YAML file mapping item fields (id, title, price, ...) to your columns.")
@index_dir_option
@click.option("--max-bad-share", type=float, default=None,
              help="Fail when more than this share of rows is bad (default 0.2).")
@click.option("--json", "as_json", is_flag=True, help="Print the build report as JSON.")
def build_command(
    catalog: Path, mapping: Path | None, index_dir: Path | None, max_bad_share: float | None, as_json: bool
) -> None:
    """Index a catalogue: embed new or changed items, delete removed ones, swap in atomically."""
    settings = make_settings(index_dir=index_dir, max_bad_row_share=max_bad_share)
    report = build_index(catalog, settings, mapping=mapping, progress=not as_json)
    if as_json:
        echo_json(report.to_dict())
        return
    for row in report.bad_rows[:50]:
        click.echo(f"skipped {catalog.name} {row}", err=True)
    if len(report.bad_rows) > 50:
        click.echo(f"... and {len(report.bad_rows) - 50} more bad rows", err=True)
    click.echo(report.summary())


@click.command(name="search")
@click.argument("query")
@index_dir_option
@click.option("--k", type=click.IntRange(1, 1000), default=10, show_default=True, help="How many items.")
@click.option("--min-price", type=float, default=None, help="Lowest price.")
@click.option("--max-price", type=float, default=None, help="Highest price.")
@click.option("--category", multiple=True, help="Allowed category (repeatable).")
@click.option("--brand", multiple=True, help="Allowed brand (repeatable).")
@click.option("--attr", "attrs", multiple=True, metavar="NAME=VALUE",
              help="Attribute value to require (repeatable); NAME!=VALUE excludes it.")
@click.option("--exclude", multiple=True, metavar="ID", help="Item id never to return (repeatable).")
@click.option("--mode", type=click.Choice(["hybrid", "dense", "lexical"]), default="hybrid", show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of {item_id, title, price, category, brand, score}.")
def search_command(
    query: str, index_dir: Path | None, k: int, min_price: float | None, max_price: float | None,
    category: tuple[str, ...], brand: tuple[str, ...], attrs: tuple[str, ...], exclude: tuple[str, ...],
    mode: str, as_json: bool,
) -> None:
    """Search the index with hybrid retrieval and filters."""
    settings = make_settings(index_dir=index_dir)
    include: dict[str, set[str]] = {}
    excluded: dict[str, set[str]] = {}
    if category:
        include["category"] = set(category)
    if brand:
        include["brand"] = set(brand)
    for spec in attrs:
        if "!=" in spec:
            name, value = spec.split("!=", 1)
            excluded.setdefault(name.strip(), set()).add(value.strip())
        elif "=" in spec:
            name, value = spec.split("=", 1)
            include.setdefault(name.strip(), set()).add(value.strip())
        else:
            raise click.BadParameter(f"{spec!r} is not NAME=VALUE or NAME!=VALUE", param_hint="--attr")
    filters = Filters(
        min_price=min_price,
        max_price=max_price,
        include={name: frozenset(values) for name, values in include.items()},
        exclude={name: frozenset(values) for name, values in excluded.items()},
    )
    retriever = Retriever.open(settings)
    results = retriever.search(Query(query, filters, tuple(exclude), mode=cast(Mode, mode)), k)
    rows = [
        {
            "item_id": c.item.id,
            "title": c.item.title,
            "price": c.item.price,
            "category": c.item.category or None,
            "brand": c.item.brand or None,
            "score": round(c.score, 6),
        }
        for c in results
    ]
    if as_json:
        echo_json(rows)
        return
    if not rows:
        click.echo("no item matches")
    for rank, row in enumerate(rows, start=1):
        price = "" if row["price"] is None else f"  {row['price']:.2f}"
        click.echo(f"{rank:>3}. [{row['item_id']}] {row['title']}{price}")


def register(group: click.Group) -> None:
    """Add ``index build`` and ``search`` to the CLI."""
    group.add_command(index_group)
    group.add_command(search_command)
