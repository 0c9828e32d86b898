"""Catalogue reading under hostile or unusual files (issue 15, items 3 to 5).

Each test failed on main: rows lost with a decode chunk, tracebacks for Latin-1, UTF-16,
binary and deeply nested files, and JSON prices of -5, 1e400 and -Infinity accepted.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from chatrec.catalog import load_catalog
from chatrec.errors import CatalogError

HEADER = "id,title,price,colour\n"


def _rows(n: int, start: int = 0) -> str:
    return "".join(f"a{i},Plain cotton shirt number {i},{10 + i % 7}.50,blue\n" for i in range(start, start + n))


def test_a_bad_byte_after_the_first_8kb_costs_only_its_own_row(tmp_path: Path) -> None:
    # On main, the whole failed decode chunk (164 rows here) was dropped with "1 bad row".
    head = (HEADER + _rows(300)).encode("utf-8")
    assert len(head) > 8192
    bad = b"a300,Caf\xe9 mug,4.00,white\n"
    tail = _rows(299, start=301).encode("utf-8") + "a600,Crème brûlée dish,9.00,white\n".encode("utf-8")
    path = tmp_path / "shop.csv"
    path.write_bytes(head + bad + tail)
    load = load_catalog(path)
    assert load.total_rows == 601
    assert len(load.items) == 600
    assert [(row.line, "0xe9" in row.reason) for row in load.bad_rows] == [(302, True)]
    assert load.items[-1].title == "Crème brûlée dish"


def test_latin1_file_with_an_early_accent_is_read_in_its_encoding(tmp_path: Path) -> None:
    path = tmp_path / "shop.csv"
    path.write_bytes((HEADER + "m1,Café crème mug,4.00,white\n" + _rows(20)).encode("latin-1"))
    load = load_catalog(path)
    assert not load.bad_rows and len(load.items) == 21
    assert load.items[0].title == "Café crème mug"
    assert "1252" in load.encoding


def test_utf16_with_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "shop.csv"
    path.write_bytes((HEADER + "m1,Café mug,4.00,white\n" + _rows(3)).encode("utf-16"))
    load = load_catalog(path)
    assert [item.title for item in load.items][:1] == ["Café mug"] and len(load.items) == 4


def test_a_named_encoding_is_used(tmp_path: Path) -> None:
    path = tmp_path / "shop.csv"
    path.write_bytes((HEADER + "a1,Ĉapelo,4.00,white\n").encode("iso-8859-3"))
    assert load_catalog(path, encoding="iso-8859-3").items[0].title == "Ĉapelo"
    with pytest.raises(CatalogError, match="unknown encoding"):
        load_catalog(path, encoding="klingon-8")


def test_binary_file_named_csv_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "shop.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 40)
    with pytest.raises(CatalogError, match="binary file, not text"):
        load_catalog(path)


def _nested(depth: int) -> object:
    value: object = "x"
    for _ in range(depth):
        value = [value]
    return value


def test_deeply_nested_json_and_jsonl_never_raise_recursion_errors(tmp_path: Path) -> None:
    deep = "[" * 100_000 + "]" * 100_000
    path = tmp_path / "shop.json"
    path.write_text(deep, encoding="utf-8")
    with pytest.raises(CatalogError, match="nested too deeply"):
        load_catalog(path)
    good = "".join(json.dumps({"id": f"a{i}", "title": f"Mug {i}"}) + "\n" for i in range(10))
    jsonl = tmp_path / "shop.jsonl"
    jsonl.write_text(good + '{"id": "x", "title": "Deep", "tags": ' + deep + "}\n"
                     + json.dumps({"id": "y", "title": "Y", "tags": _nested(40)}) + "\n",
                     encoding="utf-8")
    load = load_catalog(jsonl)
    assert len(load.items) == 10
    reasons = {row.line: row.reason for row in load.bad_rows}
    assert "nested too deeply" in reasons[11] and "nested more than" in reasons[12]


@pytest.mark.parametrize("price", [-5, 1e400, float("-inf")])
def test_json_prices_are_validated_like_csv_prices(tmp_path: Path, price: float) -> None:
    records = [{"id": f"a{i}", "title": f"Mug {i}", "price": 3} for i in range(9)]
    records.append({"id": "bad", "title": "Bad", "price": price})
    path = tmp_path / "shop.json"
    path.write_text(json.dumps(records), encoding="utf-8")  # 1e400 and -inf are written as Infinity
    load = load_catalog(path)
    assert [row.line for row in load.bad_rows] == [10]
    assert "price" in load.bad_rows[0].reason
    assert all(item.price == 3 for item in load.items)


def test_unreadable_catalogues_are_one_line_in_the_cli(tmp_path: Path, fake_cli: object) -> None:
    from chatrec.cli import main

    binary = tmp_path / "shop.csv"
    binary.write_bytes(b"\x00\x01\x02garbage" * 100)
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 50_000 + "]" * 50_000, encoding="utf-8")
    for path in (binary, deep):
        result = CliRunner().invoke(main, ["index", "build", "--catalog", str(path), "--index-dir", str(tmp_path / "ix")])
        assert result.exit_code == 1, result.output
        assert isinstance(result.exception, SystemExit)  # click's exit, not an escaped error
        assert "Traceback" not in result.output
        assert len(result.output.strip().splitlines()) == 1
