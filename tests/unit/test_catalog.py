"""Catalogue ingestion: formats, mappings, and every kind of bad row."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chatrec.catalog import Item, item_text, load_catalog, load_mapping, parse_price
from chatrec.errors import CatalogError

HEADER = "id,title,price,colour\n"


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("12.5", (12.5, None)),
        ("$12.50", (12.5, "USD")),
        ("₹1,099", (1099.0, "INR")),
        ("1.099,00 EUR", (1099.0, "EUR")),
        (7, (7.0, None)),
        ("", (None, None)),
        (None, (None, None)),
    ],
)
def test_parse_price_understands_common_spellings(raw: object, expected: tuple) -> None:
    assert parse_price(raw) == expected


@pytest.mark.parametrize("raw", ["cheap", "12 dollars and 5", "-3", True])
def test_parse_price_rejects_non_numbers(raw: object) -> None:
    with pytest.raises(ValueError, match="price"):
        parse_price(raw)


def test_csv_with_recognised_columns_and_attributes(tmp_path: Path) -> None:
    path = write(tmp_path / "shop.csv", HEADER + "a1,Red Shoe,19.99,red\na2,Blue Shoe,,blue\n")
    load = load_catalog(path)
    assert [item.id for item in load.items] == ["a1", "a2"]
    assert load.items[0].price == 19.99
    assert load.items[1].price is None  # an empty price is unknown, not a bad row
    assert load.items[0].attributes == {"colour": "red"}
    assert load.bad_rows == []


def test_every_kind_of_bad_row_is_reported_with_its_line(tmp_path: Path) -> None:
    rows = [
        "a1,Good,1.0,red",          # line 2: fine
        ",No id,2.0,red",           # line 3: no id
        "a3,,3.0,red",              # line 4: no title
        "a1,Duplicate,4.0,red",     # line 5: duplicate id
        "a5,Bad price,lots,red",    # line 6: price not a number
        "a6,Too,many,fields,here",  # line 7: unreadable (wrong field count)
    ] + [f"g{i},Good {i},1,blue" for i in range(30)]
    path = write(tmp_path / "shop.csv", HEADER + "\n".join(rows) + "\n")
    load = load_catalog(path)
    by_line = {row.line: row.reason for row in load.bad_rows}
    assert set(by_line) == {3, 4, 5, 6, 7}
    assert "no id" in by_line[3]
    assert "no title" in by_line[4]
    assert "duplicate id 'a1'" in by_line[5] and "line 2" in by_line[5]
    assert "not a number" in by_line[6]
    assert "5 fields" in by_line[7]
    assert len(load.items) == 31


def test_too_many_bad_rows_fail_with_a_clear_message(tmp_path: Path) -> None:
    path = write(tmp_path / "shop.csv", HEADER + "a,A,x,red\nb,B,y,red\nc,C,1,red\n")
    with pytest.raises(CatalogError, match=r"2 of 3 rows .* are bad .*line 2"):
        load_catalog(path)
    assert len(load_catalog(path, max_bad_share=0.7).items) == 1


def test_missing_columns_are_named(tmp_path: Path) -> None:
    path = write(tmp_path / "shop.csv", "sku_code,label\n1,7\n")  # a code is an id; a number is no title
    with pytest.raises(CatalogError, match=r"no column for title .*sku_code, label.*--mapping"):
        load_catalog(path)


def test_missing_and_unknown_files(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="does not exist"):
        load_catalog(tmp_path / "nope.csv")
    with pytest.raises(CatalogError, match="unknown file format .xlsx"):
        load_catalog(write(tmp_path / "shop.xlsx", "x"))


def test_mapping_file_names_columns(tmp_path: Path) -> None:
    path = write(tmp_path / "shop.csv", "sku_code,label,cost,hue\n1,Lamp,€5,white\n")
    mapping = write(tmp_path / "map.yaml", "id: sku_code\ntitle: label\nprice: cost\n")
    item = load_catalog(path, mapping).items[0]
    assert (item.id, item.title, item.price, item.currency) == ("1", "Lamp", 5.0, "EUR")
    assert item.attributes == {"hue": "white"}


def test_bad_mapping_files_are_explained(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="unknown fields"):
        load_mapping(write(tmp_path / "m.json", '{"colour": "x"}'))
    with pytest.raises(CatalogError, match="not valid json"):
        load_mapping(write(tmp_path / "m.json", "{nope"))
    path = write(tmp_path / "shop.csv", "id,title\n1,x\n")
    with pytest.raises(CatalogError, match="no such column"):
        load_catalog(path, {"title": "name"})


def test_tsv_jsonl_json_parquet(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    write(tmp_path / "a.tsv", "id\ttitle\tprice\n1\tOne\t2\n")
    write(tmp_path / "a.jsonl", '{"id": 1, "name": "One", "price": 2}\nnot json\n{"id": 2, "name": "Two"}\n')
    write(tmp_path / "a.json", json.dumps([{"id": "1", "title": "One", "tags": ["x", "y"]}]))
    pq.write_table(pa.table({"id": [1, 2], "title": ["One", "Two"], "price": [2.0, None]}), tmp_path / "a.parquet")
    assert load_catalog(tmp_path / "a.tsv").items[0].price == 2.0
    jsonl = load_catalog(tmp_path / "a.jsonl", max_bad_share=0.5)
    assert [item.id for item in jsonl.items] == ["1", "2"]
    assert jsonl.bad_rows[0].line == 2 and "not valid JSON" in jsonl.bad_rows[0].reason
    assert load_catalog(tmp_path / "a.json").items[0].attributes == {"tags": ("x", "y")}
    parquet = load_catalog(tmp_path / "a.parquet")
    assert [(item.id, item.price) for item in parquet.items] == [("1", 2.0), ("2", None)]


def test_redial_movies_json_format_is_recognised(tmp_path: Path) -> None:
    movies = {"42": {"name": "Heat (1995)", "genre": ["crime"], "plot": "A heist.", "director": ["Michael Mann"]}}
    item = load_catalog(write(tmp_path / "movies.json", json.dumps(movies))).items[0]
    assert (item.id, item.title, item.description) == ("42", "Heat (1995)", "A heist.")
    assert item.attributes["genre"] == ("crime",)


def test_item_round_trips_and_hash_tracks_content() -> None:
    item = Item(id="1", title="Shoe", price=3.0, attributes={"tags": ("a", "b"), "size": "42"})
    assert Item.from_record(item.to_record()) == item
    changed = Item(id="1", title="Shoe", price=4.0, attributes={"tags": ("a", "b"), "size": "42"})
    assert item.content_hash() != changed.content_hash()
    assert "Shoe" in item_text(item) and "42" in item_text(item)


def test_real_fashion_slice_loads(fixtures_dir: Path) -> None:
    load = load_catalog(fixtures_dir / "fashion_small.csv")
    assert len(load.items) == 300 and not load.bad_rows
    assert {"gender", "articleType", "baseColour"} <= set(load.items[0].attributes)


def test_broken_parquet_and_yaml_are_named(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="not a readable Parquet file"):
        load_catalog(write(tmp_path / "a.parquet", "not parquet"))
    with pytest.raises(CatalogError, match="not valid yaml"):
        load_mapping(write(tmp_path / "m.yaml", "id: [unclosed"))
