"""Evaluating understanding: labelled shopper turns -> field-level F1 and exact match per category.

The set (``chatrec/eval/data/understanding.txt``) holds hand-written turns on the two demo
catalogues and real MG-ShopDial utterances, each with its context (items shown, wishes in
force, the question pending) and the request a shopper means. A request is compared as a set
of facts: the intent, each wanted and unwanted value (case-folded), the price bounds (to three
significant figures), the relative price, each referenced position and the language. Exact
match means every fact agrees; F1 is micro-averaged over facts.
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chatrec.errors import InputError
from chatrec.request import ShopperRequest

__all__ = [
    "CATEGORIES",
    "DEFAULT_SET",
    "LabelledTurn",
    "Scores",
    "facts",
    "load_turns",
    "score",
]

_DATA = Path(__file__).parent / "data"
DEFAULT_SET = _DATA / "understanding.txt"
SHOWN_SETS = _DATA / "understanding_shown.json"
CATEGORIES = (
    "budget", "negation", "reference", "synonym_typo", "multi", "item_question", "language", "off_topic",
)
SLOTS = ("intent", "include", "exclude", "price", "relative", "reference", "language")
Fact = tuple[str, ...]


@dataclass
class LabelledTurn:
    """One labelled turn of the evaluation set.

    Attributes:
        line: Line number in the file.
        category: One of :data:`CATEGORIES`.
        catalog: ``fashion`` or ``electronics``.
        message: The shopper's words.
        shown: Ids of the items shown before, in order.
        current: Wishes in force, field to values.
        pending: The question asked last (attribute, options), or None.
        last_references: Positions referenced in the previous turn.
        source: ``written`` or ``mg_shopdial``.
        expected: The expected facts (see :func:`facts`).
    """

    line: int
    category: str
    catalog: str
    message: str
    shown: list[str] = field(default_factory=list)
    current: dict[str, list[str]] = field(default_factory=dict)
    pending: tuple[str, list[str]] | None = None
    last_references: list[int] = field(default_factory=list)
    source: str = "written"
    expected: frozenset[Fact] = frozenset()


def _number(value: float) -> str:
    if value == 0:
        return "0"
    digits = 3 - int(math.floor(math.log10(abs(value)))) - 1
    return f"{round(value, digits):g}"


def facts(request: ShopperRequest) -> frozenset[Fact]:
    """A request as comparable facts (values case-folded, prices to 3 significant figures)."""
    out: set[Fact] = {("intent", request.intent), ("language", request.language)}
    for name, values in request.include.items():
        out.update(("include", name, value.casefold()) for value in values)
    for name, values in request.exclude.items():
        out.update(("exclude", name, value.casefold()) for value in values)
    if request.price is not None:
        if request.price.min is not None:
            out.add(("price", "min", _number(request.price.min)))
        if request.price.max is not None:
            out.add(("price", "max", _number(request.price.max)))
    if request.relative_price:
        out.add(("relative", request.relative_price))
    out.update(("reference", str(position)) for position in request.positions)
    return frozenset(out)


def _parse_expected(text: str, n_shown: int, where: str) -> frozenset[Fact]:
    out: set[Fact] = set()
    language = "en"
    for part in (p.strip() for p in text.split(";")):
        if not part:
            continue
        key, _, value = part.partition("=")
        key, value = key.strip(), value.strip()
        if key == "intent":
            out.add(("intent", value))
        elif key.startswith(("+", "-")):
            slot = "include" if key[0] == "+" else "exclude"
            out.update((slot, key[1:], v.strip().casefold()) for v in value.split("|"))
        elif key in ("min", "max"):
            out.add(("price", key, _number(float(value))))
        elif key == "rel":
            out.add(("relative", value))
        elif key == "ref":
            positions = range(1, n_shown + 1) if value == "all" else [int(v) for v in value.split(",")]
            out.update(("reference", str(p)) for p in positions)
        elif key == "lang":
            language = value
        else:
            raise InputError(f"{where}: unknown label {key!r}")
    out.add(("language", language))
    if not any(f[0] == "intent" for f in out):
        raise InputError(f"{where}: no intent")
    return frozenset(out)


def load_turns(path: Path | None = None, shown_sets: Path | None = None) -> list[LabelledTurn]:
    """Read an evaluation set (see the header of ``understanding.txt`` for the line format).

    Raises:
        InputError: A malformed line, an unknown category or shown set.
    """
    path = path or DEFAULT_SET
    try:
        sets = json.loads((shown_sets or SHOWN_SETS).read_text(encoding="utf-8"))
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, json.JSONDecodeError) as exc:
        raise InputError(f"cannot read the evaluation set: {exc}") from exc
    turns: list[LabelledTurn] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        where = f"{path.name}:{number}"
        parts = [p.strip() for p in line.split("||")]
        if len(parts) != 5:
            raise InputError(f"{where}: expected 5 fields separated by '||', found {len(parts)}")
        category, catalog, context, message, expected = parts
        if category not in CATEGORIES:
            raise InputError(f"{where}: unknown category {category!r}")
        turn = LabelledTurn(number, category, {"F": "fashion", "E": "electronics"}[catalog], message)
        for item in (p.strip() for p in context.split(";")):
            if not item:
                continue
            key, _, value = item.partition("=")
            if key == "shown":
                if value not in sets:
                    raise InputError(f"{where}: unknown shown set {value!r}")
                turn.shown = list(sets[value])
            elif key == "cur":
                for pair in value.split("+"):
                    name, _, wanted = pair.partition(":")
                    turn.current.setdefault(name, []).append(wanted)
            elif key == "pend":
                name, _, options = value.partition(":")
                turn.pending = (name, options.split("/"))
            elif key == "last":
                turn.last_references = [int(v) for v in value.split(",")]
            elif key == "src":
                turn.source = "mg_shopdial" if value == "mg" else value
            else:
                raise InputError(f"{where}: unknown context key {key!r}")
        turn.expected = _parse_expected(expected, len(turn.shown), where)
        turns.append(turn)
    return turns


@dataclass
class Scores:
    """Exact match and micro F1 over facts, per category and overall."""

    exact: dict[str, float]
    f1: dict[str, float]
    counts: dict[str, int]
    slot_f1: dict[str, float]
    seconds_p50: float
    failures: list[tuple[LabelledTurn, frozenset[Fact]]]


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp or fp or fn else 1.0


def score(
    turns: Sequence[LabelledTurn], read: Callable[[LabelledTurn], ShopperRequest]
) -> Scores:
    """Run ``read`` on every turn and score it against the labels."""
    totals: dict[str, list[int]] = {}
    slots: dict[str, list[int]] = {slot: [0, 0, 0] for slot in SLOTS}
    exact: dict[str, list[int]] = {}
    times: list[float] = []
    failures = []
    for turn in turns:
        started = time.perf_counter()
        got = facts(read(turn))
        times.append(time.perf_counter() - started)
        gold = turn.expected
        for key in (turn.category, "all"):
            row = totals.setdefault(key, [0, 0, 0])
            row[0] += len(got & gold)
            row[1] += len(got - gold)
            row[2] += len(gold - got)
            hits = exact.setdefault(key, [0, 0])
            hits[0] += got == gold
            hits[1] += 1
        for slot in SLOTS:
            g = {f for f in got if f[0] == slot}
            e = {f for f in gold if f[0] == slot}
            slots[slot][0] += len(g & e)
            slots[slot][1] += len(g - e)
            slots[slot][2] += len(e - g)
        if got != gold:
            failures.append((turn, got))
    times.sort()
    return Scores(
        exact={k: v[0] / v[1] for k, v in exact.items()},
        f1={k: _f1(*v) for k, v in totals.items()},
        counts={k: v[1] for k, v in exact.items()},
        slot_f1={k: _f1(*v) for k, v in slots.items()},
        seconds_p50=times[len(times) // 2] if times else 0.0,
        failures=failures,
    )


def _catalogue_parts(
    items_by_catalog: Mapping[str, Iterable[Any]],
) -> tuple[dict[str, Any], dict[str, dict[str, Any]], dict[str, str | None]]:
    """Per catalogue: its vocabulary, its items by id and its commonest currency."""
    from chatrec.understanding import Vocabulary

    vocabularies: dict[str, Any] = {}
    indexes: dict[str, dict[str, Any]] = {}
    currencies: dict[str, str | None] = {}
    for name, items in items_by_catalog.items():
        items = list(items)
        vocabularies[name] = Vocabulary.from_items(items)
        indexes[name] = {item.id: item for item in items}
        found = [item.currency for item in items if item.currency]
        currencies[name] = max(set(found), key=found.count) if found else None
    return vocabularies, indexes, currencies


def rules_reader(items_by_catalog: Mapping[str, Iterable[Any]]) -> Callable[[LabelledTurn], ShopperRequest]:
    """The rules understander over each demo catalogue's vocabulary, as a reader for :func:`score`."""
    from chatrec.understanding import TurnContext, understand

    vocabularies, indexes, currencies = _catalogue_parts(items_by_catalog)

    def read(turn: LabelledTurn) -> ShopperRequest:
        index = indexes[turn.catalog]
        shown = [index[i] for i in turn.shown]
        context = TurnContext(
            pending=turn.pending, shown=shown, searching=bool(turn.current or shown),
            current=turn.current, last_references=turn.last_references,
            catalog_currency=currencies[turn.catalog],
        )
        return understand(turn.message, vocabularies[turn.catalog], context)

    return read


def llm_reader(
    items_by_catalog: Mapping[str, Iterable[Any]],
    understander_for: Callable[[str, Any], Any],
    *,
    only_when_unsure: bool = False,
) -> Callable[[LabelledTurn], ShopperRequest]:
    """The rules, then the LLM understander merged over them, as a reader for :func:`score`.

    Args:
        items_by_catalog: Each demo catalogue's items.
        understander_for: ``(catalog name, vocabulary) -> LLMUnderstander``.
        only_when_unsure: Ask the LLM only where the rules are unsure
            (:func:`chatrec.llm_understanding.rules_unsure`); elsewhere the rules' request stands.

    With ``only_when_unsure`` the LLM gives only :data:`~chatrec.llm_understanding.HYBRID_SLOTS`
    and a failure (time limit, cut output) leaves the rules' request, as in the product; without
    it the LLM gives every slot but the numbers and language, and a failure reads nothing. The
    reader's ``stats`` counts the turns the LLM was asked and the failures.
    """
    from chatrec.llm_understanding import HYBRID_SLOTS, MERGE_SLOTS, LLMUnderstandingError, rules_unsure
    from chatrec.understanding import TurnContext, understand
    from chatrec.vocabulary import CatalogueVocabulary

    items_by_catalog = {name: list(items) for name, items in items_by_catalog.items()}
    matchers, indexes, currencies = _catalogue_parts(items_by_catalog)
    stats = {"asked": 0, "failed": 0}
    readers: dict[str, Any] = {
        name: understander_for(name, CatalogueVocabulary.from_items(list(items)))
        for name, items in items_by_catalog.items()
    }

    def read(turn: LabelledTurn) -> ShopperRequest:
        shown = [indexes[turn.catalog][i] for i in turn.shown]
        context = TurnContext(
            pending=turn.pending, shown=shown, searching=bool(turn.current or shown),
            current=turn.current, last_references=turn.last_references,
            catalog_currency=currencies[turn.catalog],
        )
        rules = understand(turn.message, matchers[turn.catalog], context)
        if only_when_unsure and not rules_unsure(rules):
            return rules
        stats["asked"] += 1
        try:
            return readers[turn.catalog].read(
                turn.message, context, rules, HYBRID_SLOTS if only_when_unsure else MERGE_SLOTS,
            )
        except LLMUnderstandingError:
            stats["failed"] += 1
            if only_when_unsure:
                return rules  # as the product does
            # a row of the LLM alone: a failure reads nothing (numbers and language stay the rules')
            return rules.model_copy(update={"intent": "recommend", "include": {}, "exclude": {}, "references": [],
                                            "relative_price": None, "source": "llm"})

    read.stats = stats  # type: ignore[attr-defined]
    return read
