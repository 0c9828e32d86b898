"""Catalogue ingestion: a shop's file (CSV, TSV, JSONL, JSON, Parquet) into :class:`Item` s.

A mapping (JSON or YAML) names which of the shop's columns hold the item fields ``id``,
``title``, ``description``, ``category``, ``brand``, ``price``, ``currency``, ``url`` and
``image_url``; every other column becomes a filterable attribute. Without a mapping, common
column names are recognised. Bad rows are skipped and reported with their line number and
the reason; too many of them fail the load.
"""

from __future__ import annotations

import csv
import hashlib
import itertools
import json
import logging
import math
import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chatrec.errors import CatalogError, InputError
from chatrec.fileio import TextEncoding, bad_bytes, detect_encoding, open_text

__all__ = [
    "FIELDS",
    "BadRow",
    "CatalogLoad",
    "Item",
    "item_text",
    "load_catalog",
    "load_mapping",
    "parse_price",
    "read_records",
]

logger = logging.getLogger(__name__)

#: Keys of a mapping file besides the item fields (see :func:`load_mapping`).
MAPPING_KEYS = ("ignore", "attributes", "text", "lists", "numbers", "keys", "display_names")
#: Bumped when the way rows become items changes: an index built by an older reader is
#: rebuilt (only the items that change are embedded again).
READER_VERSION = 2
#: Records read to infer the columns' roles when no mapping names them.
INFERENCE_SAMPLE = 500

#: The item fields a mapping can name.
FIELDS = ("id", "title", "description", "category", "brand", "price", "currency", "url", "image_url")

#: Column names recognised without a mapping, in order of preference (compared lower-case).
_KNOWN_COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("id", "item_id", "product_id", "productid", "sku", "asin", "parent_asin", "movieid"),
    "title": ("title", "name", "product_name", "productname", "productdisplayname", "moviename"),
    "description": ("description", "desc", "about_product", "plot", "summary", "details_text"),
    "category": ("category", "product_type", "type", "main_category"),
    "brand": ("brand", "store", "manufacturer", "maker"),
    "price": ("price", "discounted_price", "sale_price", "current_price"),
    "currency": ("currency", "currency_code"),
    "url": ("url", "product_link", "link", "product_url"),
    "image_url": ("image_url", "img_link", "image", "imageurl", "image_link"),
}

_CURRENCY_SIGNS = {"$": "USD", "₹": "INR", "€": "EUR", "£": "GBP", "¥": "JPY"}
_NUMBER = re.compile(r"^-?\d+(?:\.\d+)?$")

AttributeValue = str | int | float | bool | tuple[str, ...]


@dataclass(frozen=True)
class Item:
    """One catalogue item.

    Attributes:
        id: The shop's id, as a string.
        title: Display name.
        description: Free text, possibly empty.
        category: Product type or category path, possibly empty.
        brand: Brand or store, possibly empty.
        price: Price as a number, or None when unknown.
        currency: ISO code such as ``USD``, or None.
        url: Product page, or None.
        image_url: Image address, or None.
        attributes: Every other column: name to a string, number, bool or tuple of strings.
    """

    id: str
    title: str
    description: str = ""
    category: str = ""
    brand: str = ""
    price: float | None = None
    currency: str | None = None
    url: str | None = None
    image_url: str | None = None
    attributes: dict[str, AttributeValue] = field(default_factory=dict)

    def to_record(self) -> dict[str, Any]:
        """A JSON-serialisable dict that :meth:`from_record` reads back."""
        record: dict[str, Any] = {name: getattr(self, name) for name in FIELDS}
        record["attributes"] = {
            key: list(value) if isinstance(value, tuple) else value
            for key, value in self.attributes.items()
        }
        return record

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> Item:
        """Rebuild an item from :meth:`to_record`'s output."""
        attributes = {
            key: tuple(value) if isinstance(value, list) else value
            for key, value in (record.get("attributes") or {}).items()
        }
        fields: dict[str, Any] = {name: record[name] for name in FIELDS if name in record}
        return cls(**fields, attributes=attributes)

    def content_hash(self) -> str:
        """A hash of everything that is embedded or filtered on: changes when the item does."""
        payload = json.dumps(self.to_record(), sort_keys=True, ensure_ascii=False)
        return hashlib.sha1(payload.encode("utf-8")).hexdigest()

    def field_value(self, name: str) -> AttributeValue | None:
        """The value of an item field (``category``, ``brand``, ...) or of an attribute."""
        if name in FIELDS and name != "attributes":
            value = getattr(self, name)
            return value if value not in ("", None) else None
        return self.attributes.get(name)


def item_text(item: Item, max_description_chars: int = 300) -> str:
    """The text embedded and indexed for an item: title, category, brand, attribute values, description.

    Attribute names are left out: they cost tokens (embedding time grows with length) and
    the values alone carry the meaning ("Navy Blue", "Casual").
    """
    parts = [item.title]
    values = [item.category, item.brand]
    for value in item.attributes.values():
        values.append(", ".join(value) if isinstance(value, tuple) else str(value))
    shown = ", ".join(value for value in values if value)
    if shown:
        parts.append(shown)
    if item.description:
        parts.append(item.description[:max_description_chars])
    return ". ".join(parts)


@dataclass(frozen=True)
class BadRow:
    """A skipped catalogue row: where it is and why it was skipped."""

    line: int
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


@dataclass
class CatalogLoad:
    """The result of reading a catalogue file.

    Attributes:
        items: The good items, in file order.
        bad_rows: The skipped rows with their line numbers and reasons.
        total_rows: Rows read, good and bad.
        source: The file read.
        columns: The mapping used: item field to the shop's column.
        encoding: How the file's text was decoded, and why ("UTF-8", "cp1252 (detected ...)").
        schema: The inferred column roles when no mapping named the fields, else None.
        mapping: The effective mapping (given or inferred), as :func:`load_mapping` returns it.
        currency: The currency most priced items carry, or None.
    """

    items: list[Item]
    bad_rows: list[BadRow]
    total_rows: int
    source: Path
    columns: dict[str, str]
    encoding: str = "UTF-8"
    schema: Any = None
    mapping: dict[str, Any] = field(default_factory=dict)
    currency: str | None = None

    def summary(self) -> str:
        """One line: how many rows were read, kept and skipped."""
        return (
            f"{self.source.name}: {self.total_rows} rows, {len(self.items)} items, "
            f"{len(self.bad_rows)} bad rows skipped"
        )


def parse_price(raw: Any) -> tuple[float | None, str | None]:
    """Parse a price such as ``12.5``, ``"$12.50"``, ``"₹1,099"`` or ``"1.099,00 EUR"``.

    Returns:
        ``(price, currency)``; ``(None, None)`` for an empty value.

    Raises:
        ValueError: The value is not empty and not a number, or is negative or infinite
            (``-5``, ``1e400``, ``-Infinity`` are refused in every format).
    """
    if raw is None:
        return None, None
    if isinstance(raw, bool):
        raise ValueError(f"price {raw!r} is not a number")
    if isinstance(raw, int | float):
        if isinstance(raw, float) and math.isnan(raw):
            return None, None  # Parquet's and pandas' "missing"
        try:
            value = float(raw)
        except OverflowError:
            raise ValueError(f"price {raw!r} is too large") from None
        return _checked_price(value, raw), None
    text = str(raw).strip()
    if not text:
        return None, None
    currency = None
    for sign, code in _CURRENCY_SIGNS.items():
        if sign in text:
            currency = code
            text = text.replace(sign, "")
    match = re.search(r"\b([A-Z]{3})\b", text)
    if match:
        currency = match.group(1)
        text = text.replace(match.group(1), "")
    text = text.replace(" ", "").replace("\u00a0", "")
    if "," in text and "." in text and text.rfind(",") > text.rfind("."):
        text = text.replace(".", "").replace(",", ".")  # 1.099,00 -> 1099.00
    else:
        text = text.replace(",", "")
    if not _NUMBER.match(text):
        raise ValueError(f"price {raw!r} is not a number")
    return _checked_price(float(text), raw), currency


def _checked_price(value: float, raw: Any) -> float:
    """The price if it is finite and not negative; the same rule for every file format."""
    if not math.isfinite(value):
        raise ValueError(f"price {raw!r} is not a finite number")
    if value < 0:
        raise ValueError(f"price {raw!r} is negative")
    return value


def load_mapping(path: Path | str | None) -> dict[str, Any]:
    """Read a mapping file (JSON or YAML) naming the shop's columns of the item fields.

    The file maps field names (``id``, ``title``, ...) to column names (``currency`` may also
    be a fixed code such as ``USD``). Optional keys:

    - ``ignore``: columns to drop entirely (never embedded, filtered on or shown);
    - ``attributes``: keep only these columns as attributes;
    - ``text``: free-text columns embedded and shown to the model with the description,
      never offered as filters;
    - ``lists``: list-valued columns (JSON lists, ``"a|b|c"``);
    - ``numbers``: numeric columns (ratings, counts), stored as numbers;
    - ``keys``: for a column of ``{key: value}`` details, the keys that become attributes of
      their own (``details: [Item Form, Skin Type]``);
    - ``display_names``: value in the file to the label shoppers see.

    ``chatrec catalog inspect FILE --out mapping.yaml`` writes such a file from what it infers.

    Raises:
        CatalogError: The file is missing, unreadable, or names an unknown field.
    """
    if path is None:
        return {}
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise CatalogError(f"cannot read mapping file {path}: {exc.strerror or exc}") from exc
    import yaml

    try:
        if path.suffix.lower() in {".yaml", ".yml"}:
            data = yaml.safe_load(text)
        else:
            data = json.loads(text)
    except (yaml.YAMLError, json.JSONDecodeError) as exc:
        raise CatalogError(f"mapping file {path} is not valid {path.suffix[1:] or 'JSON'}: {exc}") from exc
    if not isinstance(data, dict):
        raise CatalogError(f"mapping file {path} must hold an object of field: column")
    for key in ("ignore", "attributes", "text", "lists", "numbers"):
        if key in data and not (isinstance(data[key], list) and all(isinstance(c, str) for c in data[key])):
            raise CatalogError(f"mapping file {path}: {key} must be a list of column names")
    keys = data.get("keys") or {}
    if not isinstance(keys, dict) or not all(
        isinstance(names, list) and all(isinstance(name, str) for name in names) for names in keys.values()
    ):
        raise CatalogError(f"mapping file {path}: keys must map a column to a list of its keys")
    if "display_names" in data and not isinstance(data["display_names"] or {}, dict):
        raise CatalogError(f"mapping file {path}: display_names must map values to labels")
    unknown = set(data) - set(FIELDS) - set(MAPPING_KEYS)
    if unknown:
        raise CatalogError(
            f"mapping file {path} names unknown fields {sorted(unknown)}; known: {', '.join(FIELDS)}"
        )
    return data


def read_records(
    path: Path, encoding: TextEncoding | str | None = None
) -> Iterator[tuple[int, dict[str, Any] | None, str | None]]:
    """Yield ``(line, record, error)`` for every record of a CSV, TSV, JSONL, JSON or Parquet file.

    ``record`` is None, and ``error`` says why, for a line that cannot be read (bytes that are
    not text in the file's encoding, a wrong field count, JSON that does not parse or nests
    deeper than :data:`MAX_NESTING` levels); the caller decides what a bad record costs, and
    every other record is still read. Used for catalogues and for interaction histories.

    Args:
        path: The file.
        encoding: A codec name, or a :class:`~chatrec.fileio.TextEncoding` already chosen;
            detected from the bytes when None (see :func:`chatrec.fileio.detect_encoding`).

    Raises:
        CatalogError: The file cannot be opened, is binary or empty, has an unknown format,
            or (JSON) cannot be parsed as a whole.
    """
    suffix = "".join(path.suffixes[-2:]).lower() if path.suffix.lower() == ".gz" else path.suffix.lower()
    if suffix not in {".csv", ".tsv", ".txt", ".jsonl", ".ndjson", ".json", ".parquet", ".pq"}:
        raise CatalogError(
            f"{path}: unknown file format {suffix or '(no extension)'}; "
            "use .csv, .tsv, .jsonl, .json or .parquet"
        )
    if suffix in {".parquet", ".pq"}:
        records = _parquet_rows(path)
    else:
        if not isinstance(encoding, TextEncoding):
            try:
                encoding = detect_encoding(path, encoding)
            except InputError as exc:
                raise CatalogError(str(exc)) from None
        if suffix in {".csv", ".tsv", ".txt"}:
            records = _csv_rows(path, "\t" if suffix == ".tsv" else None, encoding)
        elif suffix == ".json":
            records = _json_rows(path, encoding)
        else:
            records = _jsonl_rows(path, encoding)
    # Only a leniently decoded file can hold undecodable bytes, and only JSON can nest.
    lenient = isinstance(encoding, TextEncoding) and encoding.lenient
    nested = suffix in {".json", ".jsonl", ".ndjson", ".parquet", ".pq"}
    for line, record, error in records:
        if record is not None and (lenient or nested):
            problem = _record_problem(record)
            if problem is not None:
                yield line, None, problem
                continue
        yield line, record, error


#: Records whose values nest deeper than this are bad rows (a catalogue never needs more).
MAX_NESTING = 32


def _record_problem(record: Mapping[str, Any]) -> str | None:
    """Why a parsed record cannot be used (undecodable bytes, too deep), or None."""
    if all(isinstance(value, str) for value in record.values()):  # a CSV row: flat text
        found = bad_bytes("".join(record.values()) + "".join(record))
        return None if found is None else f"bytes that are not text in the file's encoding ({found})"
    stack: list[tuple[Any, int]] = [(record, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_NESTING:
            return f"values nested more than {MAX_NESTING} levels deep"
        if isinstance(value, str):
            found = bad_bytes(value)
            if found is not None:
                return f"bytes that are not text in the file's encoding ({found})"
        elif isinstance(value, Mapping):
            stack.extend((key, depth) for key in value if isinstance(key, str))
            stack.extend((child, depth + 1) for child in value.values())
        elif isinstance(value, list | tuple):
            stack.extend((child, depth + 1) for child in value)
    return None


def _open(path: Path, encoding: TextEncoding) -> Any:
    try:
        return open_text(path, encoding)
    except InputError as exc:
        raise CatalogError(str(exc)) from None


def _csv_rows(
    path: Path, delimiter: str | None, encoding: TextEncoding
) -> Iterator[tuple[int, dict[str, Any] | None, str | None]]:
    with _open(path, encoding) as handle:
        try:
            if delimiter is None:
                sample = handle.read(8192)
                handle.seek(0)
                delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
            reader = csv.reader(handle, delimiter=delimiter)
            header = next(reader)
        except StopIteration:
            raise CatalogError(f"{path} is empty") from None
        except (csv.Error, UnicodeError) as exc:
            raise CatalogError(f"cannot read the header of {path} as {encoding.name} text: {exc}") from None
        if bad_bytes("".join(header)) is not None:
            raise CatalogError(
                f"the header of {path} is not {encoding.name} text; name the file's encoding "
                "with --encoding (for example cp1252 or latin-1)"
            )
        header = [name.strip() for name in header]
        line = reader.line_num
        while True:
            try:
                values = next(reader)
            except StopIteration:
                return
            except (csv.Error, UnicodeError) as exc:
                line = reader.line_num
                yield line, None, f"unreadable line ({exc})"
                if isinstance(exc, UnicodeError):
                    return  # the decoder cannot resume after a strict error
                continue
            line = reader.line_num
            if not values or all(not value.strip() for value in values):
                continue
            if len(values) != len(header):
                yield line, None, f"has {len(values)} fields, the header has {len(header)}"
                continue
            yield line, dict(zip(header, values, strict=True)), None


def _json_loads(text: str) -> Any:
    """``json.loads`` with Python's recursion limit turned into a ValueError."""
    try:
        return json.loads(text)
    except RecursionError:
        raise ValueError("JSON nested too deeply to read") from None


def _jsonl_rows(path: Path, encoding: TextEncoding) -> Iterator[tuple[int, dict[str, Any] | None, str | None]]:
    with _open(path, encoding) as handle:
        line_no = 0
        while True:
            try:
                line = handle.readline()
            except UnicodeError as exc:
                raise CatalogError(
                    f"{path} is not {encoding.name} text after line {line_no} ({exc}); "
                    "name its encoding with --encoding"
                ) from None
            if not line:
                return
            line_no += 1
            if not line.strip():
                continue
            found = bad_bytes(line)
            if found is not None:
                yield line_no, None, f"bytes that are not text in the file's encoding ({found})"
                continue
            try:
                record = _json_loads(line)
            except json.JSONDecodeError as exc:
                yield line_no, None, f"not valid JSON ({exc.msg})"
                continue
            except ValueError as exc:
                yield line_no, None, str(exc)
                continue
            if not isinstance(record, dict):
                yield line_no, None, "not a JSON object"
                continue
            yield line_no, record, None


def _json_rows(path: Path, encoding: TextEncoding) -> Iterator[tuple[int, dict[str, Any] | None, str | None]]:
    with _open(path, encoding) as handle:
        try:
            data = _json_loads(handle.read())
        except json.JSONDecodeError as exc:
            raise CatalogError(f"{path} is not valid JSON: {exc}") from None
        except UnicodeError as exc:
            raise CatalogError(
                f"{path} is not {encoding.name} text ({exc}); name its encoding with --encoding"
            ) from None
        except ValueError as exc:
            raise CatalogError(f"{path} cannot be read: {exc}") from None
    if isinstance(data, dict):
        # {id: {fields}} as ReDial's movies.json: the key is the id.
        if data and all(isinstance(value, dict) for value in data.values()):
            for number, (key, value) in enumerate(data.items(), start=1):
                yield number, {"id": key, **{k: v for k, v in value.items() if k != "id"}}, None
            return
        for key in ("items", "products", "data"):
            if isinstance(data.get(key), list):
                data = data[key]
                break
    if not isinstance(data, list):
        raise CatalogError(f"catalogue {path} must be a JSON list of objects, or an object of id: item")
    for number, record in enumerate(data, start=1):
        if isinstance(record, dict):
            yield number, record, None
        else:
            yield number, None, "not a JSON object"


def _parquet_rows(path: Path) -> Iterator[tuple[int, dict[str, Any] | None, str | None]]:
    import pyarrow
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(path)
    except (pyarrow.ArrowInvalid, OSError) as exc:
        raise CatalogError(f"{path} is not a readable Parquet file: {exc}") from exc
    for number, record in enumerate(table.to_pylist(), start=1):
        yield number, record, None


def _resolve_columns(columns: list[str], mapping: Mapping[str, Any], path: Path) -> dict[str, str]:
    lower = {name.lower(): name for name in columns}
    resolved: dict[str, str] = {}
    for name in FIELDS:
        if name in mapping:
            column = mapping[name]
            if name == "currency" and column not in columns and re.fullmatch(r"[A-Z]{3}", str(column)):
                continue  # a fixed currency code, not a column
            if column not in columns:
                raise CatalogError(
                    f"mapping names column {column!r} for {name}, but {path.name} has no such column "
                    f"(columns: {', '.join(columns)})"
                )
            resolved[name] = column
            continue
        for candidate in _KNOWN_COLUMNS[name]:
            if candidate in lower and lower[candidate] not in resolved.values():
                resolved[name] = lower[candidate]
                break
    missing = [name for name in ("id", "title") if name not in resolved]
    if missing:
        hints = "; ".join(f"{name}: one of {', '.join(_KNOWN_COLUMNS[name])}" for name in missing)
        raise CatalogError(
            f"{path.name} has no column for {' and '.join(missing)} (columns: {', '.join(columns)}). "
            f"Rename a column ({hints}) or pass --mapping FILE naming it."
        )
    return resolved


def _attribute(value: Any) -> AttributeValue | None:
    if value is None:
        return None
    if isinstance(value, bool | int):
        return value
    if isinstance(value, float):
        return None if math.isnan(value) else value
    if isinstance(value, list | tuple):
        items = tuple(str(v).strip() for v in value if v is not None and str(v).strip())
        return items or None
    if isinstance(value, dict):
        text = json.dumps(value, ensure_ascii=False)
        return None if text == "{}" else text
    text = str(value).strip()
    return text or None


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(str(v).strip() for v in value if v is not None and str(v).strip())
    if isinstance(value, float) and math.isnan(value):
        return ""
    return str(value).strip()


@dataclass(frozen=True)
class _Plan:
    """How the columns of one file become item fields and attributes."""

    columns: dict[str, str]
    attributes: list[str]
    text: list[str] = field(default_factory=list)
    lists: frozenset[str] = frozenset()
    numbers: frozenset[str] = frozenset()
    currency: str | None = None
    keys: dict[str, list[str]] = field(default_factory=dict)


def _make_item(record: Mapping[str, Any], plan: _Plan) -> Item:
    from chatrec.schema import as_list, as_number, as_text

    columns = plan.columns
    raw_id = record.get(columns["id"])
    item_id = _text(raw_id)
    if isinstance(raw_id, float) and raw_id.is_integer():
        item_id = str(int(raw_id))
    if not item_id:
        raise ValueError("no id")
    title = _text(record.get(columns["title"]))
    if not title:
        raise ValueError(f"item {item_id!r} has no title")
    price, currency = None, None
    if "price" in columns:
        try:
            price, currency = parse_price(record.get(columns["price"]))
        except ValueError as exc:
            raise ValueError(f"item {item_id!r}: {exc}") from None
    if "currency" in columns and _text(record.get(columns["currency"])):
        currency = _text(record.get(columns["currency"])).upper()
    elif plan.currency and price is not None and currency is None:
        currency = plan.currency
    attributes: dict[str, AttributeValue] = {}
    for column in plan.attributes:
        value: AttributeValue | None
        if column in plan.lists:
            value = as_list(record.get(column))
        elif column in plan.numbers:
            number = as_number(record.get(column))
            value = int(number) if number is not None and number.is_integer() and abs(number) < 2**53 else number
        else:
            value = _attribute(record.get(column))
        if value is not None:
            attributes[column] = value
    for column, keys in plan.keys.items():
        details = _details(record.get(column))
        for key in keys:
            text = as_text(details.get(key))
            if text and len(text) <= 80:
                # "Age Range (Description)" -> "Age Range": the name a question uses.
                attributes.setdefault(re.sub(r"\s*\(.*?\)", "", key).strip() or key, text)
    texts = [as_text(record.get(columns["description"]))] if "description" in columns else []
    texts += [as_text(record.get(column)) for column in plan.text]
    return Item(
        id=item_id,
        title=title,
        description="\n".join(text for text in texts if text),
        category=_text(record.get(columns["category"])) if "category" in columns else "",
        brand=_text(record.get(columns["brand"])) if "brand" in columns else "",
        price=price,
        currency=currency,
        url=_text(record.get(columns["url"])) or None if "url" in columns else None,
        image_url=_text(record.get(columns["image_url"])) or None if "image_url" in columns else None,
        attributes=attributes,
    )


def _plan(names: list[str], mapping: Mapping[str, Any], path: Path) -> _Plan:
    columns = _resolve_columns(names, mapping, path)
    text = [c for c in mapping.get("text") or [] if c in names and c not in columns.values()]
    used = set(columns.values()) | set(mapping.get("ignore") or []) | set(text)
    keep = mapping.get("attributes")
    attributes = [name for name in names if name not in used and (keep is None or name in keep)]
    fixed = mapping.get("currency")
    return _Plan(
        columns=columns,
        attributes=attributes,
        text=text,
        lists=frozenset(mapping.get("lists") or []),
        numbers=frozenset(mapping.get("numbers") or []),
        currency=str(fixed) if fixed and fixed not in names and re.fullmatch(r"[A-Z]{3}", str(fixed)) else None,
        keys={c: list(k) for c, k in (mapping.get("keys") or {}).items() if c in names},
    )


def _details(value: Any) -> dict[str, Any]:
    """A ``{key: value}`` cell (a dict, or its JSON or Python text) as a dict; {} otherwise."""
    from chatrec.schema import parse_literal

    if isinstance(value, str):
        value = parse_literal(value)
    return value if isinstance(value, dict) else {}


def known_columns() -> dict[str, tuple[str, ...]]:
    """Column names recognised for each item field (lower case, in order of preference)."""
    return dict(_KNOWN_COLUMNS)


def infer_mapping(path: Path | str, encoding: str | None = None) -> dict[str, Any]:
    """The mapping inferred from a catalogue's first rows (what :func:`load_catalog` uses without one).

    Raises:
        CatalogError: The file cannot be read.
    """
    from chatrec.schema import infer_schema

    path = Path(path)
    head = itertools.islice(read_records(path, encoding), INFERENCE_SAMPLE)
    sample = [record for _, record, _ in head if record is not None]
    return infer_schema(sample).mapping() if sample else {}


def names_fields(mapping: Mapping[str, Any]) -> bool:
    """True when a mapping names at least one item field (then nothing is inferred)."""
    return any(name in mapping for name in FIELDS)


def load_catalog(
    path: Path | str,
    mapping: Mapping[str, Any] | Path | str | None = None,
    max_bad_share: float = 0.2,
    *,
    encoding: str | None = None,
) -> CatalogLoad:
    """Read a catalogue file into items, skipping and reporting bad rows.

    Without a mapping that names the item fields, each column's role is inferred from the
    first rows' content and names (:func:`chatrec.schema.infer_schema`); a mapping with only
    ``ignore``, ``display_names`` or the other optional keys is applied on top of the inference.

    Args:
        path: A ``.csv``, ``.tsv``, ``.jsonl``, ``.json`` or ``.parquet`` file. A JSON object of
            ``{id: {fields}}`` (ReDial's ``movies.json``) is read too, the key being the id.
        mapping: A mapping dict, or the path of a mapping file (see :func:`load_mapping`).
        max_bad_share: Fail when more than this share of rows is bad (default 0.2).
        encoding: The text files' encoding; detected when None (UTF-8, UTF-16/32 with a
            byte-order mark, cp1252/Latin-1).

    Returns:
        The items, the bad rows (line number and reason), counts, the encoding and the
        inferred schema.

    Raises:
        CatalogError: Missing, unreadable or binary file, unknown format or encoding, no id or
            title column, no good row, or too many bad rows.
    """
    from chatrec.schema import infer_schema

    path = Path(path)
    if not path.exists():
        raise CatalogError(f"catalogue file {path} does not exist")
    if not path.is_file():
        raise CatalogError(f"catalogue path {path} is not a file")
    if not isinstance(mapping, Mapping):
        mapping = load_mapping(mapping)
    mapping = dict(mapping)

    text_encoding: TextEncoding | None = None
    if path.suffix.lower() not in {".parquet", ".pq"}:
        try:
            text_encoding = detect_encoding(path, encoding)
        except InputError as exc:
            raise CatalogError(str(exc)) from None
    records = read_records(path, text_encoding)
    schema = None
    if not names_fields(mapping):
        head = list(itertools.islice(records, INFERENCE_SAMPLE))
        sample = [record for _, record, _ in head if record is not None]
        if sample:
            schema = infer_schema(sample)
            inferred = schema.mapping()
            ignored = set(mapping.get("ignore") or [])
            inferred["ignore"] = sorted(set(inferred.get("ignore", [])) | ignored)
            for key in ("text", "lists", "numbers", "attributes"):
                if key in inferred:
                    inferred[key] = [c for c in inferred[key] if c not in ignored]
            names = {**inferred.get("display_names", {}), **(mapping.get("display_names") or {})}
            mapping = {**inferred, **{k: v for k, v in mapping.items() if k != "ignore"}}
            mapping["ignore"] = inferred["ignore"]
            if names:
                mapping["display_names"] = names
        records = itertools.chain(head, records)

    items: list[Item] = []
    bad: list[BadRow] = []
    seen: dict[str, int] = {}
    total = 0
    plan: _Plan | None = None
    for line, record, error in records:
        total += 1
        if record is None:
            bad.append(BadRow(line, error or "unreadable"))
            continue
        if plan is None:
            plan = _plan(list(record.keys()), mapping, path)
        try:
            item = _make_item(record, plan)
        except ValueError as exc:
            bad.append(BadRow(line, str(exc)))
            continue
        if item.id in seen:
            bad.append(BadRow(line, f"duplicate id {item.id!r} (first on line {seen[item.id]})"))
            continue
        seen[item.id] = line
        items.append(item)

    if total == 0 or plan is None:
        if bad:
            raise CatalogError(f"no readable row in {path}; first problem: {bad[0]}")
        raise CatalogError(f"catalogue {path} has no rows")
    share = len(bad) / total
    if share > max_bad_share:
        shown = "; ".join(str(row) for row in bad[:5])
        raise CatalogError(
            f"{len(bad)} of {total} rows of {path.name} are bad ({share:.0%}, more than the "
            f"allowed {max_bad_share:.0%}); first: {shown}"
        )
    for row in bad[:20]:
        logger.warning("skipped %s %s", path.name, row)
    currencies = Counter(item.currency for item in items if item.price is not None and item.currency)
    return CatalogLoad(
        items=items,
        bad_rows=bad,
        total_rows=total,
        source=path,
        columns=plan.columns,
        encoding=text_encoding.note if text_encoding else "Parquet",
        schema=schema,
        mapping=mapping,
        currency=currencies.most_common(1)[0][0] if currencies else None,
    )
