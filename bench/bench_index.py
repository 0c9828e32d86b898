"""Benchmark of the foundation on a real catalogue (default: the 44k fashion catalogue).

Prints: build throughput (items/s, end to end: read, embed, write Chroma and files), peak
memory of the build, the re-run time on the unchanged catalogue, and query latency p50/p95
(including the query embedding) with and without metadata filters, for chatrec's retriever
and, as the baseline measured in the same run, Chroma's own (filtered) query.

    python bench/bench_index.py [--catalog FILE] [--mapping FILE] [--queries N] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from chatrec.embedding import load_embedder  # noqa: E402
from chatrec.index import build_index, open_collection, open_index  # noqa: E402
from chatrec.retrieval import Filters, Query, Retriever  # noqa: E402
from chatrec.settings import Settings  # noqa: E402

QUERIES = [
    "blue jeans for men", "black formal shoes", "summer dress for women", "red t-shirt",
    "sports watch", "leather handbag", "white sneakers", "kids shorts", "winter jacket",
    "casual shirt", "sunglasses", "party wear saree", "running shoes", "perfume for men",
]
FILTERS = [
    Filters(include={"gender": frozenset({"Men"})}),
    Filters(include={"gender": frozenset({"Women"}), "baseColour": frozenset({"Black", "Blue"})}),
    Filters(include={"usage": frozenset({"Casual"})}, exclude={"baseColour": frozenset({"Red"})}),
    Filters(include={"season": frozenset({"Summer"}), "masterCategory": frozenset({"Apparel"})}),
]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def timed(fn, n: int) -> list[float]:  # type: ignore[no-untyped-def]
    out = []
    for i in range(n):
        start = time.perf_counter()
        fn(i)
        out.append((time.perf_counter() - start) * 1000)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--catalog", default="../shared/data/fashion/products.csv")
    parser.add_argument("--mapping", default=None)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--json", dest="json_out", default=None)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(index_dir=Path(tmp) / "index", cache_dir=Path(tmp) / "cache", _env_file=None)
        embedder = load_embedder(settings)
        start = time.perf_counter()
        report = build_index(args.catalog, settings, mapping=args.mapping, embedder=embedder)
        build_s = time.perf_counter() - start
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        start = time.perf_counter()
        rerun = build_index(args.catalog, settings, mapping=args.mapping, embedder=embedder)
        rerun_s = time.perf_counter() - start
        assert rerun.up_to_date

        start = time.perf_counter()
        npy = Retriever(open_index(settings.index_dir), embedder, settings)  # the matrix from embeddings.npy
        npy_open_s = time.perf_counter() - start
        start = time.perf_counter()
        retriever = Retriever.open(settings, embedder=embedder)  # the matrix loaded from the Chroma store
        open_s = time.perf_counter() - start
        start = time.perf_counter()
        _ = retriever.bm25
        bm25_s = time.perf_counter() - start
        npy._bm25 = retriever.bm25
        for name in ("gender", "baseColour", "usage", "season", "masterCategory"):
            for warm in (retriever, npy):
                warm.allowed(Filters(include={name: frozenset({"x"})}))  # warm the postings
        collection = open_collection(settings, retriever.index)
        rng = random.Random(0)
        picks = [(rng.choice(QUERIES), rng.choice(FILTERS)) for _ in range(args.queries)]
        for query, _ in picks[:10]:
            retriever.search(query)  # warm-up
            npy.search(query)

        def ours(i: int, filtered: bool) -> None:
            query, filters = picks[i]
            retriever.search(Query(query, filters) if filtered else Query(query), 20)

        def from_npy(i: int, filtered: bool) -> None:
            query, filters = picks[i]
            npy.search(Query(query, filters) if filtered else Query(query), 20)

        def chroma(i: int, filtered: bool) -> None:
            query, filters = picks[i]
            vector = embedder.encode_queries([query])[0]
            where = retriever._chroma_where(filters) if filtered else None
            collection.query(query_embeddings=[vector.tolist()], n_results=20, where=where)

        results = {}
        for label, fn in (("chatrec", ours), ("chatrec_npy_matrix", from_npy), ("chroma_query", chroma)):
            for filtered in (False, True):
                times = timed(lambda i: fn(i, filtered), args.queries)  # noqa: B023
                results[f"{label}_{'filtered' if filtered else 'unfiltered'}"] = {
                    "p50_ms": round(statistics.median(times), 2),
                    "p95_ms": round(percentile(times, 0.95), 2),
                }
        embed_times = timed(lambda i: embedder.encode_queries([picks[i][0]]), args.queries)

    figures = {
        "items": report.n_items,
        "build_seconds": round(build_s, 1),
        "build_items_per_s": round(report.n_items / build_s, 1),
        "build_peak_rss_mb": round(peak_mb),
        "rerun_unchanged_seconds": round(rerun_s, 2),
        "open_seconds": round(open_s, 2),
        "open_from_npy_seconds": round(npy_open_s, 2),
        "bm25_build_seconds": round(bm25_s, 2),
        "query_embedding_p50_ms": round(statistics.median(embed_times), 2),
        **{f"{key}_{stat}": value for key, stats in results.items() for stat, value in stats.items()},
    }
    figures["filtered_p50_ratio_chroma_over_chatrec"] = round(
        figures["chroma_query_filtered_p50_ms"] / figures["chatrec_filtered_p50_ms"], 2
    )
    for key, value in figures.items():
        print(f"{key:45s} {value}")
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
