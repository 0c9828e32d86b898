"""How items, prices and dialogues are written out: for the models' prompts and for the customer.

Customer and catalogue text enter a prompt only through :func:`clean_text` (no markup that
could close a ``<data>`` block or pose as a chat-role marker). :func:`format_price` is the
one place a price is written, everywhere it is shown.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from chatrec.catalog import Item

__all__ = ["clean_text", "format_amount", "format_dialogue", "format_price", "ordered_attributes", "value_text"]

_SPACE = re.compile(r"\s+")
# Attribute names that usually decide a choice, shown first.
_PRIORITY = ("colour", "color", "genre", "articletype", "type", "gender", "size", "usage", "material",
             "director", "star", "season")
_SKIPPED = re.compile(r"(^|_)(id|url|link|image|img|plot|description|desc|imdb)", re.IGNORECASE)


def clean_text(text: str, max_chars: int | None = None) -> str:
    """Customer or catalogue text made safe to quote in a prompt.

    Whitespace is collapsed to single spaces (no line can pose as a new instruction line),
    and angle brackets become parentheses so the text cannot close the template's ``<data>``
    block or spell a chat-role marker such as ``<|im_start|>``.
    """
    text = _SPACE.sub(" ", text).strip().replace("<", "(").replace(">", ")")
    if max_chars is not None and len(text) > max_chars:
        text = text[: max(0, max_chars - 1)].rstrip() + "…"
    return text


def format_dialogue(turns: Sequence[tuple[str, str]], max_chars: int = 700) -> str:
    """The dialogue as quoted lines (``customer: "..."``), keeping the most recent within ``max_chars``."""
    lines: list[str] = []
    used = 0
    for role, text in reversed(list(turns)):
        speaker = "customer" if role == "customer" else "assistant"
        body = clean_text(text).replace('"', "'")
        if not body:
            continue
        line = f'{speaker}: "{body}"'
        if used + len(line) > max_chars:
            if not lines:
                lines.append(f'{speaker}: "…{body[-(max_chars - 20):]}"')
            break
        lines.append(line)
        used += len(line) + 1
    return "\n".join(reversed(lines)) if lines else "(no messages yet)"


def value_text(value: Any, max_values: int = 2) -> str:
    """An attribute value as short text: the first ``max_values`` of a tuple, ``2012`` not ``2012.0``."""
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value[:max_values])
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def ordered_attributes(item: Item) -> list[tuple[str, Any]]:
    """The item's displayable attributes, those that usually decide a choice (colour, type...) first."""
    def priority(name: str) -> int:
        lowered = name.lower()
        for rank, fragment in enumerate(_PRIORITY):
            if fragment in lowered:
                return rank
        return len(_PRIORITY)

    names = [name for name in item.attributes if not _SKIPPED.search(name)]
    names.sort(key=priority)  # stable: catalogue order within a priority
    return [(name, item.attributes[name]) for name in names]


def format_amount(value: float, currency: str | None = None) -> str:
    """A price as written everywhere: ``1,299 INR``, ``79.50 USD``, ``12`` (no currency known)."""
    amount = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"
    return f"{amount} {currency}" if currency else amount


def format_price(item: Item) -> str | None:
    """The item's price as shown to the model and the customer (``12.50 USD``), or None."""
    return None if item.price is None else format_amount(item.price, item.currency)
