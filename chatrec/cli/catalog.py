"""``chatrec catalog inspect``: what chatrec understands of a catalogue file, and a mapping to edit."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from chatrec.cli._common import echo_json

__all__ = ["register"]


@click.group(name="catalog")
def catalog_group() -> None:
    """Look at a catalogue file before indexing it."""


@catalog_group.command(name="inspect")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--mapping", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="A mapping file to check instead of inferring one.")
@click.option("--encoding", default=None, help="The file's text encoding (default: detected).")
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Write the inferred mapping here (YAML) to edit and pass to `index build --mapping`.")
@click.option("--samples", type=click.IntRange(0, 20), default=3, show_default=True, help="Sample items shown.")
@click.option("--json", "as_json", is_flag=True, help="Print the roles, mapping and sample items as JSON.")
def inspect_command(
    file: Path, mapping: Path | None, encoding: str | None, out: Path | None, samples: int, as_json: bool
) -> None:
    """Infer each column's role in FILE (id, title, description, category, brand, price, links,
    list and numeric attributes, free text, ignored), show sample items as shoppers will see them,
    and optionally write the mapping (--out)."""
    from chatrec.catalog import load_catalog
    from chatrec.labels import Labels

    load = load_catalog(file, mapping, max_bad_share=1.0, encoding=encoding)
    labels = Labels(load.mapping.get("display_names"))
    shown: list[dict[str, Any]] = [
        {
            "id": item.id,
            "title": item.title,
            "category": labels.show(item.category) if item.category else None,
            "brand": item.brand or None,
            "price": item.price,
            "currency": item.currency,
            "attributes": {
                name: (", ".join(labels.show_all(list(value))) if isinstance(value, tuple) else
                       value if isinstance(value, int | float) else labels.show(value))
                for name, value in item.attributes.items()
            },
            "description": item.description[:120] + ("…" if len(item.description) > 120 else ""),
        }
        for item in load.items[:samples]
    ]
    if out is not None and load.schema is not None:
        out.write_text(load.schema.to_yaml(file.name), encoding="utf-8")
    if as_json:
        echo_json({
            "file": str(file),
            "encoding": load.encoding,
            "rows": load.total_rows,
            "items": len(load.items),
            "bad_rows": len(load.bad_rows),
            "currency": load.currency,
            "roles": {g.column: {"role": g.role, "why": g.why} for g in load.schema.columns} if load.schema else None,
            "mapping": load.mapping,
            "samples": shown,
        })
        return
    click.echo(f"{file.name}: {load.total_rows} rows, {len(load.items)} items, {len(load.bad_rows)} bad rows; "
               f"text read as {load.encoding}; prices in {load.currency or 'no currency named'}")
    if load.schema is not None:
        click.echo(f"columns (roles inferred from the first {load.schema.rows_sampled} rows):")
        for line in load.schema.describe():
            click.echo(line)
    else:
        click.echo("columns, as the mapping names them:")
        for name, column in load.columns.items():
            click.echo(f"  {column}: {name}")
        for key in ("text", "attributes", "ignore"):
            if load.mapping.get(key):
                click.echo(f"  {key}: {', '.join(load.mapping[key])}")
    for row in load.bad_rows[:5]:
        click.echo(f"bad row {row}", err=True)
    for sample in shown:
        click.echo(f"\n[{sample['id']}] {sample['title']}")
        facts = [sample["category"], sample["brand"]]
        if sample["price"] is not None:
            facts.append(f"{sample['price']:g} {sample['currency'] or ''}".strip())
        click.echo("  " + "; ".join(str(f) for f in facts if f))
        for name, value in sample["attributes"].items():
            click.echo(f"  {name}: {value}")
        if sample["description"]:
            click.echo(f"  description: {sample['description']}")
    if out is not None and load.schema is not None:
        click.echo(f"\nmapping written to {out}: edit it, then "
                   f"`chatrec index build --catalog {file} --mapping {out}`")
    elif out is not None:
        click.echo(f"\n{out} not written: the mapping given already names the fields", err=True)
    elif load.schema is not None:
        click.echo(f"\nto change a role: chatrec catalog inspect {file} --out mapping.yaml, edit, "
                   "then pass --mapping mapping.yaml to `chatrec index build`")


def register(group: click.Group) -> None:
    """Add ``catalog inspect`` to the CLI."""
    group.add_command(catalog_group)
