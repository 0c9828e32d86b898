"""Play whole shopper conversations through ``ChatRec.respond`` and check what a shopper would notice.

The conversations live in YAML files beside this module (``blind_conversations*.yaml``); each
turn says what the shopper writes and what a good shop assistant's reply must satisfy. Used by
``tests/unit/test_blind_conversations.py`` (per conversation) and ``bench/conversations.py``
(pass rates per kind of check).

Checks of a turn (``expect``), each counted under a kind:

- ``shows: true|false`` (kind ``shows``): items are shown / no items are shown.
- ``where: {field: value | [values]}``: every shown item has one of the values (``price`` takes
  ``{min, max}``); counted under the turn's ``kind`` (default ``constraints``). With ``shows``
  not given, showing nothing passes only when the reply asks a question.
- ``without: {field: [values]}`` (kind ``excluded``): no shown item has any of these values;
  ``without_words: [...]``: no shown title contains them.
- ``lang: en|zh|es|de`` (kind ``language``): the reply's own words (not item titles) are in it.
- ``answer: {about: N | [N, ...] | cheapest | priciest, says_any: [...]}`` (kind ``answer``): no new
  items (nothing shown, or only items shown before), and the text names the item(s) meant
  (positions in the last list shown) and contains one of ``says_any`` when given. ``list: K``
  takes the positions in the K-th list shown in the conversation (1-based; -2 is the one before
  the last); ``among_words: [...]`` restricts ``cheapest``/``priciest`` to the shown items whose
  title has one of the words; ``prices: true`` also wants each meant item's price in the text.
- ``cheaper_than: N`` (kind ``budget``): items are shown and each costs less than the N-th item of
  the last list shown.
- ``all_new: true`` (kind ``more``): items are shown and none of them was shown before.
- ``relaxed: value`` (kind ``relaxation``): items are shown, the text names the value given up and
  offers it back (a question or a question mark).
- ``restored: {field: value}`` (kind ``restore``): every shown item has it again; showing nothing
  passes when the text names the value (as catalogued, or in the turn's ``lang``: "rosa" for Pink).
- ``cleared: {field: value}`` (kind ``start_over``): the text does not name the value and the items
  shown (3 or more) are not all of it.
- ``cheaper: true`` (kind ``cheaper``): items are shown, the dearest and the mean price below the last
  list's; ``new_items: true`` (kind ``more``): at least one item not shown before.
- ``says_any: [...]`` / ``says_none: [...]`` (kind ``wording``): the text contains one / none of these
  (case-insensitive).
- ``spec: {unit: inch|metre|W|Mbps, min, max}`` (kind ``spec``): items are shown and every shown
  title states that spec within the bounds (feet are read as 0.3048 metre; the largest figure of the
  unit in a title counts).
- ``with_words: [...]`` (kind ``constraints``): every shown title contains one of the words.
- ``covers: {field: [values]}`` (kind ``bundle``): each value is held by at least one item shown in
  this turn or the one before (a bundle may come in two lists).
- ``true_colours: true`` (kind ``reasons``): every colour of the fashion fixture named in the
  reply's text is the colour of an item shown in this or the last list, or one the shopper said.
- ``options_none: [...]`` (kind ``options``, batch 8): none of the question's quick replies contains
  one of these words (a reply that does not fit what the shopper said); showing items instead of
  asking passes, showing nothing and asking nothing fails;
  ``options_any: [...]``: a question is asked and one of its quick replies contains one of them.
- ``reasons_none: [...]`` (kind ``reasons``, batch 8): items are shown and no item's reason contains
  one of these (a catalogue label listed as a feature, a claim the item does not make).
- ``one_language: true`` (kind ``language``, batch 8): the reply's own text (item titles, brands of
  items shown, the fixtures' brand names and words the shopper wrote taken out) has no English word of three letters or more
  when the reply is in Chinese (a wish summary that mixes languages).
- ``graceful: true`` (kind ``bad_input``): the turn returns a reply with text, or raises a
  ``ChatRecError`` whose message says what was wrong; anything else (a traceback) fails.
"""

from __future__ import annotations

import csv
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

TESTS = Path(__file__).resolve().parents[1]
ROOT = TESTS.parent
HERE = Path(__file__).resolve().parent
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))

from fakes import HashingEmbedder  # noqa: E402

from chatrec import ChatRec  # noqa: E402
from chatrec.errors import ChatRecError  # noqa: E402
from chatrec.index import build_index  # noqa: E402
from chatrec.retrieval import Retriever  # noqa: E402
from chatrec.settings import Settings  # noqa: E402

FIXTURES = ("fashion", "electronics")


def load(path: Path) -> list[dict[str, Any]]:
    """The conversations of one YAML file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return list(data["conversations"])


def build_retriever(name: str, folder: Path) -> Retriever:
    """The retriever of one demo fixture, as ``tests/conftest.py`` builds it (fake embedder)."""
    embedder = HashingEmbedder()
    if name == "fashion":
        settings = Settings(index_dir=folder / "index", cache_dir=folder / "cache", _env_file=None)
        build_index(TESTS / "fixtures" / "fashion_small.csv", settings, embedder=embedder)
        return Retriever.open(settings, embedder=embedder)
    demo = ROOT / "chatrec" / "demo"
    with (demo / "electronics.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))[:151]
    folder.mkdir(parents=True, exist_ok=True)
    catalog = folder / "electronics.csv"
    with catalog.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    settings = Settings(index_dir=folder / "index", cache_dir=folder / "cache", _env_file=None)
    build_index(catalog, settings, mapping=demo / "electronics.mapping.yaml", embedder=embedder)
    return Retriever.open(settings, embedder=embedder)


@contextmanager
def chatrec_over(retriever: Retriever, folder: Path) -> Iterator[ChatRec]:
    """A ChatRec with no LLM over a fixture's retriever, sessions in ``folder``."""
    settings = Settings(
        index_dir=folder / "index", data_dir=folder / "data", cache_dir=folder / "cache", _env_file=None
    )
    rec = ChatRec(settings.updated(use_llm=False), retriever=retriever)
    try:
        yield rec
    finally:
        rec.close()


@dataclass
class Result:
    """One check's outcome."""

    conversation: str
    turn: int
    kind: str
    ok: bool
    detail: str = ""


@dataclass
class _Shown:
    items: list[Any] = field(default_factory=list)
    ever: set[str] = field(default_factory=set)
    lists: list[list[Any]] = field(default_factory=list)


_STOP = {
    "en": {"the", "you", "i", "a", "for", "and", "here", "are", "what", "would", "like", "is", "to", "of", "these", "it", "costs"},
    "es": {"el", "la", "los", "las", "de", "para", "que", "aquí", "tienes", "qué", "es", "un", "una", "con", "y", "te", "estos", "cuesta", "cuestan", "por", "ejemplo", "prefieres"},
    "de": {"der", "die", "das", "für", "und", "ist", "hier", "sind", "ich", "sie", "ein", "eine", "mit", "nicht", "welche", "diese", "kostet", "kosten", "zum", "beispiel", "möchtest", "gibt", "keine", "keinen"},
}
_CJK = re.compile(r"[\u4e00-\u9fff]")


def reply_language(text: str, titles: list[str]) -> str:
    """The language of the reply's own words: item titles are taken out first."""
    for title in titles:
        text = text.replace(title, " ")
    if len(_CJK.findall(text)) >= 2:
        return "zh"
    title_words = {w for title in titles for w in re.findall(r"[a-zäöüßáéíóúñ]+", title.lower())}
    words = [w for w in re.findall(r"[a-zäöüßáéíóúñ]+", text.lower()) if w not in title_words]
    counts = {lang: sum(w in stop for w in words) for lang, stop in _STOP.items()}
    return max(counts, key=lambda lang: counts[lang])


def _value(rec: ChatRec, item_id: str, name: str) -> Any:
    item = rec.item(item_id)
    if name == "price":
        return item.price
    if name in item.attributes:
        return item.attributes[name]
    return getattr(item, name, None)


def _allowed(values: Any) -> set[str]:
    return {str(v).lower() for v in (values if isinstance(values, list) else [values])}


def _as_list(values: Any) -> list[Any]:
    return values if isinstance(values, list) else [values]


def _native(value: str, lang: str) -> str | None:
    """A catalogue value in the shopper's language ("Pink" -> "rosa"), from the shipped lexicon."""
    if lang == "en":
        return None
    from chatrec.language import Lexicon

    return Lexicon.default().native(value, lang)


def _names(item: Any) -> list[str]:
    """Ways a reply may name an item: its brand, its title's first word, the title."""
    names = [item.title]
    if item.brand:
        names.append(item.brand)
    first = item.title.split()[0] if item.title.split() else ""
    if len(first) > 2:
        names.append(first)
    return [n.lower() for n in names if n]


def _says_price(text: str, price: float | None) -> bool:
    """Whether the text gives this price (with or without thousands separators, decimals; "27,999" or, as
    Spanish and German write it, "27.999")."""
    if price is None:
        return False
    forms = {f"{price:,.0f}", f"{price:.0f}", f"{price:,.2f}", f"{price:.2f}"}
    forms |= {f.translate(str.maketrans(",.", ".,")) for f in forms}
    return any(re.search(r"(?<![0-9.,])" + re.escape(f) + r"(?![0-9])", text) for f in forms)


def _mentions(text: str, word: str) -> bool:
    return re.search(r"(?<![a-z])" + re.escape(word.lower()) + r"(?![a-z])", text.lower()) is not None


_UNITS = {
    "inch": (r"(\d+(?:\.\d+)?)\s*(?:-\s*)?(?:inch(?:es)?|\")", 1.0),
    "metre": (r"(\d+(?:\.\d+)?)\s*(?:-\s*)?(?:m|mtrs?|meters?|metres?)(?![a-z])", 1.0),
    "feet": (r"(\d+(?:\.\d+)?)\s*(?:-\s*)?(?:ft|feet|foot)(?![a-z])", 0.3048),
    "W": (r"(\d+(?:\.\d+)?)\s*w(?![a-z])", 1.0),
    "Mbps": (r"(\d+(?:\.\d+)?)\s*mbps", 1.0),
}


def title_spec(title: str, unit: str) -> float | None:
    """The largest figure of ``unit`` a title states ("6ft/2M" -> 2.0 metres), or None."""
    names = ["metre", "feet"] if unit == "metre" else [unit]
    found = [
        float(m.group(1)) * factor
        for name in names
        for pattern, factor in [_UNITS[name]]
        for m in re.finditer(pattern, title.lower())
    ]
    return max(found) if found else None


def _fashion_colours() -> set[str]:
    """The fashion fixture's colours, lower case."""
    with (TESTS / "fixtures" / "fashion_small.csv").open(encoding="utf-8", newline="") as handle:
        return {row["baseColour"].lower() for row in csv.DictReader(handle) if row["baseColour"] not in ("", "NA")}


def _brand_words() -> set[str]:
    """Words of the fixtures' brands (electronics' brand column, fashion titles' first word), lower case."""
    words: set[str] = set()
    with (TESTS / "fixtures" / "fashion_small.csv").open(encoding="utf-8", newline="") as handle:
        words |= {row["productDisplayName"].split()[0].lower() for row in csv.DictReader(handle) if row["productDisplayName"].split()}
    with (ROOT / "chatrec" / "demo" / "electronics.csv").open(encoding="utf-8", newline="") as handle:
        words |= {w.lower() for row in list(csv.DictReader(handle))[:150] for w in re.findall(r"[A-Za-z]+", row["brand"])}
    return words


def _colours_named(text: str, colours: set[str]) -> set[str]:
    return {c for c in colours if _mentions(text, c)}


def play(rec: ChatRec, conversation: dict[str, Any]) -> list[Result]:
    """Play one conversation; every check's outcome."""
    cid = str(conversation["id"])
    session = f"blind-{cid}"
    shown = _Shown()
    results: list[Result] = []
    for number, turn in enumerate(conversation["turns"], start=1):
        say = turn["say"]
        if isinstance(say, dict):  # generated bad input: {"repeat": text, "times": n}
            say = str(say["repeat"]) * int(say["times"])
        expect = turn.get("expect", {}) or {}
        kind = str(turn.get("kind", "constraints"))

        def note(check_kind: str, ok: bool, detail: str = "") -> None:
            results.append(Result(cid, number, check_kind, ok, "" if ok else f"{say[:60]!r}: {detail}"))

        try:
            reply = rec.respond(say, session_id=session)
        except ChatRecError as error:
            if expect.get("graceful"):
                note("bad_input", bool(str(error).strip()), f"error with no message: {error!r}")
            else:
                note(kind, False, f"raised {type(error).__name__}: {error}")
            continue
        except Exception as error:  # noqa: BLE001 - a crash is what this check reports
            note("bad_input" if expect.get("graceful") else kind, False, f"crashed: {type(error).__name__}: {error}")
            continue
        text = reply.text or ""
        items = [rec.item(r.item_id) for r in reply.recommendations]
        titles = [i.title for i in items]
        if expect.get("graceful"):
            note("bad_input", bool(text.strip()), "empty reply text")
        if "shows" in expect:
            want = bool(expect["shows"])
            note("shows", bool(items) == want, f"shows {len(items)} items, expected {'some' if want else 'none'}")
        if "where" in expect:
            if not items:
                ok = bool(expect.get("shows") is False or (reply.question is not None and "shows" not in expect))
                note(kind, ok, "no items shown and no question asked")
            for name, values in expect["where"].items():
                if not items:
                    break
                if name == "price":
                    low, high = values.get("min"), values.get("max")
                    bad = [
                        (i.title[:40], i.price)
                        for i in items
                        if i.price is None or (low is not None and i.price < low) or (high is not None and i.price > high)
                    ]
                else:
                    allowed = _allowed(values)
                    bad = [(i.title[:40], _value(rec, i.id, name)) for i in items]
                    bad = [b for b in bad if str(b[1]).lower() not in allowed]
                note(kind, not bad, f"{name} should be {values}: {bad[:3]}")
        if "without" in expect:
            for name, values in expect["without"].items():
                banned = _allowed(values)
                bad = [(i.title[:40], _value(rec, i.id, name)) for i in items]
                bad = [b for b in bad if str(b[1]).lower() in banned]
                note("excluded", not bad, f"{name} must not be {values}: {bad[:3]}")
        if "without_words" in expect:
            bad = [t[:50] for t in titles if any(_mentions(t, w) for w in expect["without_words"])]
            note("excluded", not bad, f"titles with {expect['without_words']}: {bad[:3]}")
        if "lang" in expect:
            got = reply_language(text, titles + [i.title for i in shown.items])  # answers quote shown titles
            note("language", got == expect["lang"], f"reply in {got}, expected {expect['lang']}: {text[:300]!r}")
        if "answer" in expect:
            spec = expect["answer"]
            new = [i.id for i in items if i.id not in shown.ever]
            about = spec.get("about")
            meant: list[Any] = []
            pool = shown.items
            if "list" in spec:
                k = int(spec["list"])
                index = k - 1 if k > 0 else len(shown.lists) + k
                pool = shown.lists[index] if 0 <= index < len(shown.lists) else []
            if spec.get("among_words"):
                pool = [i for i in pool if any(_mentions(i.title, w) for w in spec["among_words"])]
            if about == "cheapest" and pool:
                meant = [min(pool, key=lambda i: i.price if i.price is not None else float("inf"))]
            elif about == "priciest" and pool:
                meant = [max(pool, key=lambda i: i.price if i.price is not None else -1.0)]
            elif isinstance(about, (int, list)):
                positions = about if isinstance(about, list) else [about]
                meant = [pool[p - 1] for p in positions if 0 < p <= len(pool)]
            named = all(any(_mentions(text, n) for n in _names(i)) for i in meant) and (bool(meant) or about is None)
            says = spec.get("says_any")
            said = not says or any(s.lower() in text.lower() for s in says)
            priced = not spec.get("prices") or all(_says_price(text, i.price) for i in meant)
            note(
                "answer",
                not new and named and said and priced,
                f"new items {len(new)}, names {[_names(i)[-1] for i in meant]}: {named}, says {says}: {said}, "
                f"prices {[i.price for i in meant] if spec.get('prices') else ''}: {priced}; {text[:100]!r}",
            )
        if "relaxed" in expect:
            value = str(expect["relaxed"])
            offers = reply.question is not None or "?" in text or "？" in text
            ok = bool(items) and _mentions(text, value) and offers
            note("relaxation", ok, f"items {len(items)}, names {value}: {_mentions(text, value)}, offers back: {offers}; {text[:120]!r}")
        if "restored" in expect:
            for name, values in expect["restored"].items():
                allowed = _allowed(values)
                if items:
                    bad = [(i.title[:40], _value(rec, i.id, name)) for i in items]
                    bad = [b for b in bad if str(b[1]).lower() not in allowed]
                    note("restore", not bad, f"{name} should be {values} again: {bad[:3]}")
                else:  # named as catalogued, or in the reply's language ("rosa" for Pink)
                    lang = str(expect.get("lang", "en"))
                    names = allowed | {str(n).lower() for v in _as_list(values) if (n := _native(str(v), lang))}
                    ok = any(_mentions(text, v) for v in names)
                    note("restore", ok, f"nothing shown and {values} not named: {text[:100]!r}")
        if "cleared" in expect:
            for name, value in expect["cleared"].items():
                still = [_value(rec, i.id, name) for i in items]
                all_old = len(still) >= 3 and all(str(v).lower() == str(value).lower() for v in still)
                ok = not _mentions(text, str(value)) and not all_old
                note("start_over", ok, f"{value} still in force? text {text[:80]!r}, items {still}")
        if "cheaper" in expect:
            before = [i.price for i in shown.items if i.price is not None]
            now = [i.price for i in items if i.price is not None]
            ok = bool(now) and bool(before) and max(now) < max(before) and sum(now) / len(now) < sum(before) / len(before)
            note("cheaper", ok, f"prices {now} after {before}")
        if "cheaper_than" in expect:
            position = int(expect["cheaper_than"])
            ref = shown.items[position - 1].price if 0 < position <= len(shown.items) else None
            bad = [(i.title[:40], i.price) for i in items if ref is None or i.price is None or i.price >= ref]
            note("budget", bool(items) and not bad, f"{len(items)} items; not below {ref}: {bad[:3]}")
        if "all_new" in expect:
            old = [i.title[:40] for i in items if i.id in shown.ever]
            note("more", bool(items) and not old, f"{len(items)} items; shown before: {old[:3]}")
        if "new_items" in expect:
            fresh = [i.id for i in items if i.id not in shown.ever]
            note("more", bool(fresh), f"no new item among {len(items)}")
        if "spec" in expect:
            spec_ = expect["spec"]
            unit = str(spec_["unit"])
            low, high = spec_.get("min"), spec_.get("max")
            # stop 53: a figure the name does not state, from the description, as the product reads it
            figures = [(i.title[:50], title_spec(i.title, unit) if title_spec(i.title, unit) is not None
                        else title_spec(i.description or "", unit)) for i in items]
            bad = [
                f for f in figures
                if f[1] is None or (low is not None and f[1] < low) or (high is not None and f[1] > high)
            ]
            note("spec", bool(items) and not bad, f"{len(items)} items; {unit} not in [{low}, {high}]: {bad[:3]}")
        if "with_words" in expect:
            bad = [t[:50] for t in titles if not any(_mentions(t, w) for w in expect["with_words"])]
            note(kind, bool(items) and not bad, f"{len(items)} items; titles without {expect['with_words']}: {bad[:3]}")
        if "covers" in expect:
            pool = items + (shown.lists[-1] if shown.lists else [])
            for name, values in expect["covers"].items():
                held = {str(_value(rec, i.id, name)).lower() for i in pool}
                missing = [v for v in _as_list(values) if str(v).lower() not in held]
                note("bundle", not missing, f"{name} {missing} not among the last two lists ({sorted(held)})")
        if expect.get("true_colours"):
            colours = _fashion_colours()
            pool = items + (shown.items or [])
            said = " ".join(str(t["say"]) for t in conversation["turns"][:number] if isinstance(t["say"], str))
            allowed = {str(_value(rec, i.id, "baseColour")).lower() for i in pool} | _colours_named(said, colours)
            own = text
            for item in pool:  # a title names its own item's words ("Multi-Dial"), not a claim
                own = own.replace(item.title, " ")
            named = _colours_named(own, colours)
            bad = sorted(c for c in named if not any(c in a or a in c for a in allowed))
            note("reasons", not bad, f"colours named that no item here has: {bad}; {text[:200]!r}")
        if "options_none" in expect or "options_any" in expect:
            options = list(reply.question.options) if reply.question is not None else []
            if "options_none" in expect:
                bad = [o for o in options if any(_mentions(o, w) for w in expect["options_none"])]
                # showing fitting items instead of asking is fine; asking with unfitting replies is not
                note("options", (bool(options) and not bad) or (not options and bool(items)), f"options {options}; unfitting: {bad}")
            if "options_any" in expect:
                ok = any(_mentions(o, w) for o in options for w in expect["options_any"])
                note("options", ok, f"options {options}; none of {expect['options_any']}")
        if "reasons_none" in expect:
            reasons = [r.reason for r in reply.recommendations]
            bad = [r[:80] for r in reasons if any(w.lower() in r.lower() for w in expect["reasons_none"])]
            note("reasons", bool(reasons) and not bad, f"{len(reasons)} reasons; with {expect['reasons_none']}: {bad[:2]}")
        if expect.get("one_language"):
            said = " ".join(str(t["say"]) for t in conversation["turns"][:number] if isinstance(t["say"], str))
            own = text
            for item in items + shown.items:
                own = own.replace(item.title, " ")
            known = {w.lower() for w in re.findall(r"[A-Za-z]+", said)}
            known |= {w.lower() for i in items + shown.items for w in re.findall(r"[A-Za-z]+", f"{i.brand or ''} {i.title}")}
            known |= _brand_words()  # a brand offered as a quick reply is a name, not English
            stray = [w for w in re.findall(r"[A-Za-z]{3,}", own) if w.lower() not in known]
            ok = not _CJK.search(own) or not stray
            note("language", ok, f"English words in a Chinese reply: {stray[:5]}; {text[:160]!r}")
        if "says_any" in expect:
            ok = any(s.lower() in text.lower() for s in expect["says_any"])
            note("wording", ok, f"none of {expect['says_any']} in {text[:120]!r}")
        if "says_none" in expect:
            bad = [s for s in expect["says_none"] if s.lower() in text.lower()]
            note("wording", not bad, f"{bad} in {text[:120]!r}")
        if items:
            shown.items = items
            shown.lists.append(items)
            shown.ever.update(i.id for i in items)
    return results


def summarise(results: list[Result]) -> dict[str, tuple[int, int]]:
    """Passed and total checks per kind."""
    table: dict[str, tuple[int, int]] = {}
    for r in results:
        passed, total = table.get(r.kind, (0, 0))
        table[r.kind] = (passed + r.ok, total + 1)
    return table
