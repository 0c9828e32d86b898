"""Catalogue understanding: each column's role, inferred from its content as well as its name.

Roles are the item fields (``id``, ``title``, ``description``, ``category``, ``brand``,
``price``, ``currency``, ``url``, ``image_url``) and, for the other columns:

- ``attribute``: short categorical values, offered as filters, questions and reasons;
- ``list``: list-valued attributes (JSON or Python lists, ``"a|b|c"``), one value per element;
- ``number``: numeric attributes (a rating, a count), never asked about as options;
- ``text``: free text (long, or nearly unique per item): embedded for search and shown to the
  model with the description, never a filter;
- ``ignore``: left out (identifiers, reviewer data, empty columns, extra links).

:func:`infer_schema` reads a sample of records; :meth:`CatalogSchema.mapping` is the mapping
:func:`chatrec.catalog.load_catalog` uses, and :meth:`CatalogSchema.to_yaml` writes it as a
file the shop owner can edit (``chatrec catalog inspect FILE --out mapping.yaml``).
"""

from __future__ import annotations

import ast
import json
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from chatrec.labels import humanise, is_glued, last_segment

__all__ = ["CatalogSchema", "ColumnGuess", "as_list", "as_number", "as_text", "infer_schema", "parse_literal"]

_URL = re.compile(r"^https?://\S+$", re.I)
_IMAGE = re.compile(r"\.(?:jpe?g|png|gif|webp|avif)(?:[?#]|$)|/images?/|/img/", re.I)
_CURRENCY = re.compile(r"[$₹€£¥]|\b(?:USD|EUR|GBP|INR|JPY|CAD|AUD|CHF)\b")
_NUMBER = re.compile(r"^[-+]?\d[\d,]*(?:\.\d+)?(?:\s*(?:%|/\s*\d+(?:\.\d+)?))?$")
_ID_CHARS = re.compile(r"^[\w.:\-/#]+$")
_SPLITTERS = ("|", ";")

#: Name fragments preferred for each field when several columns fit by content.
_NAME_HINTS: dict[str, tuple[str, ...]] = {
    "id": ("id", "sku", "asin", "code", "ref"),
    "title": ("title", "name", "productdisplayname", "label"),
    "description": ("description", "desc", "about", "summary", "plot", "overview", "details_text"),
    "category": ("category", "categories", "product_type", "type", "department", "breadcrumb"),
    "brand": ("brand", "store", "manufacturer", "maker", "vendor", "make"),
    "price": ("price", "sale", "discounted", "current", "offer", "cost"),
    "currency": ("currency", "currency_code"),
    "url": ("url", "link", "href", "page"),
    "image_url": ("image", "img", "picture", "photo", "thumbnail"),
}
#: Columns about buyers and reviews, not the item: never attributes.
_ABOUT_PEOPLE = re.compile(r"review|user|customer|reviewer|comment|buyer", re.I)


def parse_literal(text: str) -> Any:
    """A JSON or Python list/dict literal in a string, else the string itself (never code)."""
    return _literal(text)


def _literal(text: str) -> Any:
    """A JSON or Python list/dict literal in a string, else the string itself."""
    stripped = text.strip()
    if len(stripped) >= 2 and stripped[0] + stripped[-1] in ("[]", "{}"):
        try:
            return json.loads(stripped)
        except ValueError:
            pass
        try:
            return ast.literal_eval(stripped)
        except (ValueError, SyntaxError, MemoryError, RecursionError):
            return text
    return text


def _empty(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    if isinstance(value, str):
        return value.strip() in ("", "[]", "{}", "nan", "NaN", "None", "null")
    if isinstance(value, list | tuple | dict):
        return len(value) == 0
    return False


def as_text(value: Any) -> str:
    """A value as plain text: list literals joined, dicts as ``key: value`` pairs."""
    if _empty(value):
        return ""
    if isinstance(value, str):
        parsed = _literal(value)
        if parsed is value:
            return value.strip()
        value = parsed
    if isinstance(value, dict):
        return "; ".join(f"{k}: {as_text(v)}" for k, v in value.items() if not _empty(v))
    if isinstance(value, list | tuple):
        return " ".join(as_text(v) for v in value if not _empty(v)).strip()
    return str(value).strip()


def as_list(value: Any) -> tuple[str, ...] | None:
    """A list-valued cell as a tuple of strings: ``["a", "b"]``, ``"['a', 'b']"``, ``"a|b"`` or ``"a; b"``."""
    if _empty(value):
        return None
    if isinstance(value, str):
        parsed = _literal(value)
        if parsed is value:
            splitter = next((s for s in _SPLITTERS if s in value), None)
            parts = value.split(splitter) if splitter else [value]
            items = tuple(p.strip() for p in parts if p.strip())
            return items or None
        value = parsed
    if isinstance(value, dict):
        value = [f"{k}: {v}" for k, v in value.items()]
    if isinstance(value, list | tuple):
        items = tuple(as_text(v) for v in value if not _empty(v))
        return tuple(v for v in items if v) or None
    return (str(value).strip(),)


def as_number(value: Any) -> float | None:
    """A numeric cell as a float: ``4.2``, ``"24,269"``, ``"64%"``, ``"4.7/5"``; None when not a number."""
    if isinstance(value, bool) or _empty(value):
        return None
    if isinstance(value, int | float):
        number = float(value)
    else:
        text = _CURRENCY.sub("", str(value)).strip()
        if not _NUMBER.match(text):
            return None
        text = re.split(r"\s*(?:%|/)", text)[0].replace(",", "")
        try:
            number = float(text)
        except ValueError:
            return None
    return number if math.isfinite(number) else None


@dataclass
class ColumnGuess:
    """The role inferred for one column, why, and a few of its values.

    Attributes:
        column: The column's name in the file.
        role: An item field name, or ``attribute``, ``list``, ``number``, ``text``, ``ignore``.
        why: The evidence, in a few words.
        sample: Up to three of its values, shortened.
    """

    column: str
    role: str
    why: str
    sample: list[str] = field(default_factory=list)


@dataclass
class _Stats:
    n: int
    values: list[Any]
    texts: list[str]
    fill: float
    distinct_ratio: float
    avg_len: float
    avg_words: float
    url: float
    image: float
    number: float
    integer: float
    price_like: float
    lists: float
    dicts: float
    list_element_len: float
    path_like: float


def _stats(column: str, records: Sequence[Mapping[str, Any]]) -> _Stats:
    raw = [record.get(column) for record in records]
    values = [_literal(v) if isinstance(v, str) else v for v in raw if not _empty(v)]
    n = max(len(values), 1)
    texts = [as_text(v) if isinstance(v, list | tuple | dict) else str(v).strip() for v in values]
    lists = [v for v in values if isinstance(v, list | tuple)]
    dicts = [v for v in values if isinstance(v, dict)]
    elements = [as_text(e) for v in lists for e in v]
    scalars = [t for v, t in zip(values, texts, strict=True) if not isinstance(v, list | tuple | dict)]
    numbers = [as_number(v) for v in values if not isinstance(v, list | tuple | dict)]
    path_like = sum(1 for t in scalars if (" > " in t or "|" in t) and len(t) < 300)
    return _Stats(
        n=len(values),
        values=values,
        texts=texts,
        fill=len(values) / max(len(raw), 1),
        distinct_ratio=len(set(texts)) / n,
        avg_len=sum(len(t) for t in texts) / n,
        avg_words=sum(len(t.split()) for t in texts) / n,
        url=sum(1 for t in scalars if _URL.match(t)) / n,
        image=sum(1 for t in scalars if _URL.match(t) and _IMAGE.search(t)) / n,
        number=sum(1 for x in numbers if x is not None) / n,
        integer=sum(1 for x in numbers if x is not None and float(x).is_integer()) / n,
        price_like=sum(1 for t in scalars if _CURRENCY.search(t) and as_number(t) is not None) / n,
        lists=len(lists) / n,
        dicts=len(dicts) / n,
        list_element_len=sum(len(e) for e in elements) / max(len(elements), 1),
        path_like=path_like / n,
    )


def _hint_rank(field_name: str, column: str) -> int:
    """0 for an exact name match, 1 for a fragment, 2 for none."""
    lowered = column.lower().replace(" ", "_")
    hints = _NAME_HINTS[field_name]
    if lowered in hints:
        return 0
    tokens = set(re.split(r"[_\W]+|(?<=[a-z])(?=[A-Z])", column.replace(" ", "_")))
    tokens = {t.lower() for t in tokens if t}
    if any(hint in tokens or (len(hint) > 3 and hint in lowered) for hint in hints):
        return 1
    return 2


def _is_path(stats: _Stats) -> bool:
    """Category paths ("A|B|C", "A > B > C"): few distinct first segments, many last ones."""
    if stats.path_like < 0.5:
        return False
    separator = " > " if sum(" > " in t for t in stats.texts) > stats.n / 2 else "|"
    firsts = {t.split(separator)[0].strip() for t in stats.texts}
    lasts = {t.split(separator)[-1].strip() for t in stats.texts}
    return len(firsts) <= max(3, 0.3 * len(lasts)) and max(len(s) for s in lasts | firsts) <= 60


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass
class CatalogSchema:
    """The inferred role of every column of a catalogue.

    Attributes:
        columns: One guess per column, in file order.
        rows_sampled: How many records the inference read.
        currency: The currency read from the price column's signs or codes, or None.
        display_names: Labels for glued values ("USBCables" -> "USB cables"), to edit.
        keys: For key: value columns, the keys that could be attributes of their own; only
            suggested (written commented out in the mapping file), never applied by inference.
    """

    columns: list[ColumnGuess]
    rows_sampled: int
    currency: str | None = None
    display_names: dict[str, str] = field(default_factory=dict)
    keys: dict[str, list[str]] = field(default_factory=dict)

    def role(self, column: str) -> str | None:
        """The role of a column, or None for an unknown column."""
        return next((guess.role for guess in self.columns if guess.column == column), None)

    def mapping(self) -> dict[str, Any]:
        """The mapping :func:`chatrec.catalog.load_catalog` reads (fields, text, lists, numbers, ignore)."""
        mapping: dict[str, Any] = {}
        groups: dict[str, list[str]] = {"text": [], "lists": [], "numbers": [], "attributes": [], "ignore": []}
        group_of = {"text": "text", "list": "lists", "number": "numbers", "attribute": "attributes", "ignore": "ignore"}
        for guess in self.columns:
            if guess.role in group_of:
                groups[group_of[guess.role]].append(guess.column)
            elif guess.role == "id+title":
                mapping["id"] = mapping["title"] = guess.column
            else:
                mapping[guess.role] = guess.column
        groups["attributes"] = groups["attributes"] + groups["lists"] + groups["numbers"]
        for key, columns in groups.items():
            if columns or key == "attributes":
                mapping[key] = columns
        if self.display_names:
            mapping["display_names"] = dict(self.display_names)
        return mapping

    def describe(self) -> list[str]:
        """One line per column: role, evidence, sample values."""
        width = max((len(guess.column) for guess in self.columns), default=0)
        lines = []
        for guess in self.columns:
            sample = " | ".join(guess.sample)
            lines.append(f"  {guess.column:<{width}}  {guess.role:<11} {guess.why}" + (f"  e.g. {sample}" if sample else ""))
        for column, keys in self.keys.items():
            lines.append(f"  {column}: keys that could be attributes of their own (mapping key `keys:`): {', '.join(keys)}")
        return lines

    def to_yaml(self, source: str = "") -> str:
        """The mapping as a commented YAML file the owner can edit and pass to ``--mapping``."""
        import yaml

        def dump(key: str, value: Any) -> str:
            flow = not isinstance(value, dict)
            text = yaml.safe_dump({key: value}, allow_unicode=True, default_flow_style=False, width=10_000,
                                  sort_keys=False) if not flow else f"{key}: " + yaml.safe_dump(
                                      value, allow_unicode=True, default_flow_style=True, width=10_000).strip()
            return text.removesuffix("\n...").strip()

        mapping = self.mapping()
        why = {guess.column: guess.why for guess in self.columns}
        lines = [
            f"# chatrec mapping{' for ' + source if source else ''}, written by `chatrec catalog inspect`.",
            "# Edit freely, then: chatrec index build --catalog FILE --mapping THIS_FILE",
            "# Item fields: the column holding each one.",
        ]
        for name in ("id", "title", "description", "category", "brand", "price", "currency", "url", "image_url"):
            if name in mapping:
                lines.append(f"{dump(name, mapping[name])}    # {why.get(mapping[name], '')}")
        if self.currency and "currency" not in mapping:
            lines.append(f"# prices are in {self.currency} (read from the price column)")
        lines += [
            "# Free text: embedded for search and shown to the model with the description; never a filter.",
            dump("text", mapping.get("text", [])),
            "# Attributes: offered as filters, questions and reasons (list- and number-valued ones too).",
            dump("attributes", mapping.get("attributes", [])),
            "# List-valued attributes: JSON lists or values split on | or ;",
            dump("lists", mapping.get("lists", [])),
            "# Numeric attributes (ratings, counts): shown with their name, never offered as options.",
            dump("numbers", mapping.get("numbers", [])),
            "# Columns left out entirely.",
            dump("ignore", mapping.get("ignore", [])),
            "# Keys of key: value columns to make attributes of their own (the column stays text).",
            "# Not applied by default (their values are often messy: 'Gel' and 'gel'); suggested:",
            "# keys: " + (yaml.safe_dump(self.keys, allow_unicode=True, default_flow_style=True, width=10_000).strip()
                          if self.keys else "{details: [Item Form, Skin Type]}"),
            "# How values are shown to shoppers: value in the file -> label (add your own).",
        ]
        lines.append(dump("display_names", self.display_names) if self.display_names else "display_names: {}")
        return "\n".join(lines) + "\n"


def infer_schema(records: Sequence[Mapping[str, Any]], columns: Sequence[str] | None = None) -> CatalogSchema:
    """Infer the role of every column from a sample of records (the first few hundred rows).

    Args:
        records: Parsed records (CSV rows as strings, JSON values as they are).
        columns: Column names in file order (default: the keys of the records, first seen first).

    Returns:
        The schema; its ``id`` and ``title`` are always set when the records have any text column.
    """
    if columns is None:
        columns = list(dict.fromkeys(key for record in records for key in record))
    stats = {column: _stats(column, records) for column in columns}
    big = len(records) >= 20
    roles: dict[str, tuple[str, str]] = {}

    def free(column: str) -> bool:
        return column not in roles

    def pick(field_name: str, fits: dict[str, str]) -> None:
        """Give ``field_name`` to the best-named column among those that fit (column -> why)."""
        candidates = [c for c in columns if free(c) and c in fits]
        if not candidates or any(role == field_name for role, _ in roles.values()):
            return
        best = min(candidates, key=lambda c: (_hint_rank(field_name, c), columns.index(c)))
        roles[best] = (field_name, fits[best])

    for column, s in stats.items():
        if s.n == 0:
            roles[column] = ("ignore", "empty in the sample")

    # A column with a well-known name keeps that role when its content does not contradict it.
    from chatrec.catalog import known_columns

    fits_name = {
        "price": lambda s: s.number >= 0.5, "url": lambda s: s.url >= 0.5, "image_url": lambda s: s.url >= 0.5,
        "title": lambda s: s.number < 0.5, "description": lambda s: s.number < 0.5,
        "category": lambda s: s.avg_len <= 200, "brand": lambda s: s.avg_len <= 80,
    }
    for field_name, names in known_columns().items():
        for name in names:
            named = next((c for c in columns if c.lower() == name and free(c)), None)
            if named is not None and fits_name.get(field_name, lambda s: True)(stats[named]):
                if not any(role == field_name for role, _ in roles.values()):
                    roles[named] = (field_name, "named so")
                break

    pick("image_url", {c: "links to images" for c, s in stats.items() if s.url >= 0.8 and (
        s.image >= 0.5 or _hint_rank("image_url", c) < 2)})
    pick("url", {c: "links" for c, s in stats.items() if s.url >= 0.8})
    price_fits = {
        c: ("prices with a currency" if s.price_like >= 0.5 else "numbers in a price column")
        for c, s in stats.items()
        if s.number >= 0.8 and s.lists == 0 and (s.price_like >= 0.5 or _hint_rank("price", c) < 2)
        and all((as_number(v) or 0) >= 0 for v in s.values[:200])
    }
    named_price = {c: why for c, why in price_fits.items() if "price" in c.lower()}
    pick("price", named_price or price_fits)
    pick("currency", {c: "currency codes" for c, s in stats.items()
                      if _hint_rank("currency", c) < 2 and all(re.fullmatch(r"[A-Za-z]{3}", t) for t in s.texts)})
    unique = {
        c: "unique, no spaces" for c, s in stats.items()
        if s.fill >= 0.99 and s.lists == 0 and s.dicts == 0 and s.distinct_ratio >= (0.9 if big else 1.0)
        and all(_ID_CHARS.match(t) and len(t) <= 64 for t in s.texts)
    }
    named_ids = {c: why for c, why in unique.items() if _hint_rank("id", c) < 2}
    pick("id", named_ids or unique)
    titles = {
        c: "short text, nearly unique per item" for c, s in stats.items()
        if s.fill >= 0.9 and s.lists == 0 and s.dicts == 0 and s.number < 0.5 and s.url < 0.5
        and 1.5 <= s.avg_words <= 40 and s.avg_len <= 250 and (s.distinct_ratio >= 0.7 or not big)
    }
    named_titles = {c: why for c, why in titles.items() if _hint_rank("title", c) < 2}
    pick("title", named_titles or titles)
    descriptions = {
        c: "long free text" for c, s in stats.items()
        if s.number < 0.5 and s.url < 0.5 and (s.avg_len >= 60 or (_hint_rank("description", c) == 0 and s.avg_words >= 3))
    }
    named_descriptions = {c: why for c, why in descriptions.items() if _hint_rank("description", c) < 2}
    pick("description", named_descriptions or {
        c: why for c, why in descriptions.items() if stats[c].avg_len == max(stats[d].avg_len for d in descriptions)
    })
    paths = {c: "category paths (A > B > C)" for c, s in stats.items() if _is_path(s)}
    named_categories = {
        c: "categories" for c, s in stats.items()
        if _hint_rank("category", c) == 0 and s.avg_len <= 150 and s.lists == 0 and (s.distinct_ratio <= 0.5 or not big)
    }
    pick("category", paths or named_categories)
    pick("brand", {c: "brand names" for c, s in stats.items()
                   if _hint_rank("brand", c) < 2 and s.avg_len <= 60 and s.lists == 0 and s.number < 0.5})

    for column in columns:
        if not free(column):
            continue
        s = stats[column]
        if _ABOUT_PEOPLE.search(column):
            roles[column] = ("ignore", "about buyers or reviews, not the item")
        elif s.url >= 0.8:
            roles[column] = ("ignore", "more links")
        elif s.dicts >= 0.5:
            roles[column] = ("text", "key: value details")
        elif s.lists >= 0.5 or (s.path_like >= 0.5 and not _is_path(s) and s.avg_len <= 200):
            if s.list_element_len <= 40 or (s.lists < 0.5 and s.avg_len <= 200):
                roles[column] = ("list", "lists of short values")
            else:
                roles[column] = ("text", "lists of long text")
        elif s.number >= 0.9:
            distinct = len(set(s.texts))
            if s.integer >= 0.99 and distinct <= 20 and big:
                roles[column] = ("attribute", f"{distinct} distinct whole numbers")
            elif s.distinct_ratio >= 0.99 and s.integer >= 0.99 and big:
                roles[column] = ("ignore", "unique numbers (an identifier)")
            else:
                roles[column] = ("number", "numbers")
        elif big and s.distinct_ratio >= 0.9 and all(_ID_CHARS.match(t) for t in s.texts):
            roles[column] = ("ignore", "unique codes (an identifier)")
        elif re.search(r"(?:^|_)id$|Id$", column) and s.avg_words <= 1.2:
            roles[column] = ("ignore", "an identifier")
        elif s.avg_len > 60 or (big and s.distinct_ratio > 0.5 and s.avg_words >= 3):
            roles[column] = ("text", "free text" if s.avg_len > 60 else "nearly unique phrases")
        else:
            distinct = len(set(s.texts))
            roles[column] = ("attribute", f"{distinct} distinct short values")

    if not any(role == "id" for role, _ in roles.values()):
        title = next((c for c, (role, _) in roles.items() if role == "title"), None)
        if title is not None:
            roles[title] = ("id+title", "the title is the id (no id column)")

    currency: str | None = None
    price_column = next((c for c, (role, _) in roles.items() if role == "price"), None)
    if price_column is not None:
        codes: Counter[str] = Counter()
        from chatrec.catalog import parse_price

        for text in stats[price_column].texts[:500]:
            try:
                codes[parse_price(text)[1] or ""] += 1
            except ValueError:
                continue
        best, count = codes.most_common(1)[0] if codes else ("", 0)
        if best and count >= 0.5 * max(sum(codes.values()), 1):
            currency = best

    keys: dict[str, list[str]] = {}
    for column in columns:
        if roles[column][0] == "text" and stats[column].dicts >= 0.5:
            found = _useful_keys(stats[column], len(records), set(columns))
            if found:
                keys[column] = found

    display: dict[str, str] = {}
    for column in columns:
        role = roles[column][0]
        if role not in ("category", "attribute", "list"):
            continue
        for value in stats[column].values:
            for text in (as_list(value) or ()) if role == "list" else (str(value),):
                segments = [last_segment(text)] if role == "category" else [text]
                for segment in segments:
                    if is_glued(segment) and segment not in display and len(display) < 300:
                        display[segment] = humanise(segment)

    guesses = []
    for column in columns:
        role, why = roles[column]
        sample = [_short(t) for t in list(dict.fromkeys(stats[column].texts))[:3]]
        guesses.append(ColumnGuess(column, role, why, sample))
    return CatalogSchema(guesses, rows_sampled=len(records), currency=currency, display_names=display, keys=keys)


def _useful_keys(stats: _Stats, n_rows: int, taken: set[str]) -> list[str]:
    """Keys of a key: value column worth an attribute: in 10% of rows or more, with short values
    that repeat (``Item Form: Cream``), not measurements or codes (``UPC``, dimensions)."""
    values: dict[str, list[str]] = {}
    for value in stats.values:
        if isinstance(value, dict):
            for key, item in value.items():
                if isinstance(key, str) and not _empty(item) and not isinstance(item, dict | list):
                    values.setdefault(key.strip(), []).append(str(item).strip())
    useful = []
    for key, found in values.items():
        if len(found) < max(0.1 * n_rows, 3) or key in taken or _hint_rank("brand", key) < 2:
            continue
        distinct = len(set(found))
        numeric = sum(1 for v in found if re.search(r"\d", v)) / len(found)
        if distinct <= max(2, 0.5 * len(found)) and numeric < 0.3 and sum(len(v) for v in found) / len(found) <= 30:
            useful.append(key)
    return useful
