"""Soak test of the HTTP API over loopback: many turns, dropped streams, memory watched.

Serves ``create_app`` with uvicorn on 127.0.0.1 in this process and sends ``--requests``
chat requests from ``--concurrency`` conversations at once, ``--turns`` messages each. Every
``--drop-every``-th message goes to ``/v1/chat/stream`` and the client hangs up after three
events (a customer closing the tab mid-reply); the next message of that conversation must
be answered at once. At the end it checks every conversation's stored turns (every answered
message there, in order, each with its reply; a dropped one either whole or absent: no lost,
half or foreign turn), that no
session lock is left, and the server process's resident memory after the first fifth of the
requests and at the end, and every ``--rss-every`` answers (25) with the slope fitted from
``--warm-up-answers`` (25) on; every model is loaded before the first point.
``--no-memory-release`` turns off what :mod:`chatrec.memory` does (the baseline).

    PYTHONPATH=. python bench/bench_soak.py                        # 500 requests, LLM off
    PYTHONPATH=. python bench/bench_soak.py --requests 50 --llm    # 50 with the LLM

Bounded: at most ``--requests`` requests and ``--deadline`` seconds. Exit code 1 when any
check fails.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import uvicorn

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "fashion_small.csv"
TOPICS = ["formal shoes", "flip flops", "watch", "tshirt", "jeans", "handbag", "sandals", "kurta",
          "sports shoes", "shirt", "sunglasses", "belt", "wallet", "socks", "dress", "track pants"]
FOLLOW_UPS = ["for men please", "in black", "something casual", "for summer", "under 50", "show me more"]


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


class _Server(uvicorn.Server):
    def install_signal_handlers(self) -> None:
        pass


def _engine(args: argparse.Namespace, workdir: Path) -> tuple[Any, Any]:
    from chatrec.index import build_index
    from chatrec.recommender import ChatRec
    from chatrec.retrieval import Retriever
    from chatrec.settings import Settings

    settings = Settings(
        index_dir=workdir / "index", data_dir=workdir / "data", use_llm=args.llm,
        # --llm: the LLM re-ranks and writes every reason (both are off by default since issue 13)
        llm_rerank=args.llm, reason_writer="llm" if args.llm else "template",
        rate_limit_per_minute=100_000, max_history_turns=2 * args.turns, session_wait_seconds=30,
        _env_file=None,
    )
    from chatrec import memory

    if args.no_memory_release:  # the baseline: glibc's malloc as it comes
        memory.limit_arenas = lambda *a, **k: False  # type: ignore[assignment]
        memory.release_freed_memory = lambda *a, **k: False  # type: ignore[assignment]
        memory.bound_kernel_cache = lambda *a, **k: 1024  # type: ignore[assignment]
    elif args.llm:
        # oneDNN sizes its kernel cache when it first runs, and the bf16 embedder runs here (the
        # index build) before ChatRec exists; `chatrec serve` creates ChatRec first.
        memory.bound_kernel_cache()
    embedder = None
    if args.fake_embedder:
        sys.path.insert(0, str(ROOT / "tests"))
        from fakes import HashingEmbedder

        embedder = HashingEmbedder()
    build_index(FIXTURE, settings, embedder=embedder)
    if embedder is None:
        return ChatRec.from_settings(settings), settings
    return ChatRec(settings, retriever=Retriever.open(settings, embedder=embedder)), settings


async def _drop_stream(host: str, port: int, message: str, session_id: str) -> None:
    body = json.dumps({"message": message, "session_id": session_id}).encode()
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(
        f"POST /v1/chat/stream HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode() + body
    )
    await writer.drain()
    received = b""
    while received.count(b"\n\n") < 3:
        chunk = await reader.read(65536)
        if not chunk:
            break
        received += chunk
    writer.close()  # gone mid-reply


async def _conversation(
    client: httpx.AsyncClient, port: int, number: int, args: argparse.Namespace, budget: list[int],
    results: dict[str, Any],
) -> None:
    session_id = f"soak-{number}"
    answered: list[tuple[str, bool]] = []  # (message, answered for sure: not a dropped stream)
    for turn in range(args.turns):
        if budget[0] <= 0:
            break
        budget[0] -= 1
        message = f"I am looking for {TOPICS[number % len(TOPICS)]}" if turn == 0 else FOLLOW_UPS[(number + turn) % len(FOLLOW_UPS)]
        results["sent"] += 1
        if results["sent"] % args.drop_every == 0:
            await _drop_stream("127.0.0.1", port, message, session_id)
            results["dropped"] += 1
            # Saved whole if the reply was finished before the server saw the hang-up, else not at all.
            answered.append((message, False))
            continue
        started = time.perf_counter()
        try:
            response = await client.post("/v1/chat", json={"message": message, "session_id": session_id})
        except httpx.HTTPError as exc:
            results["errors"].append(f"{session_id}: {type(exc).__name__}: {exc}")
            continue
        results["latencies"].append(time.perf_counter() - started)
        if response.status_code != 200:
            results["errors"].append(f"{session_id}: HTTP {response.status_code} {response.text[:120]}")
            continue
        answered.append((message, True))
        done = len(results["latencies"])
        if done == max(1, args.requests // 5):  # models loaded, caches warm
            gc.collect()
            results["rss_early_mb"] = _rss_mb()
        if args.rss_every and done % args.rss_every == 0:
            results["rss_points"].append((done, _rss_mb()))
            results["python_objects"].append(len(gc.get_objects()))
            print(f"{done} answered: RSS {results['rss_points'][-1][1]:.1f} MB", flush=True)
    if not any(sure for _, sure in answered):
        return
    state = (await client.get(f"/v1/sessions/{session_id}")).json()
    turns = state.get("turns", [])
    roles = [t["role"] for t in turns]
    said = [t["text"] for t in turns if t["role"] == "customer"]
    if not _matches(said, answered) or roles != ["customer", "assistant"] * (len(roles) // 2):
        results["lost"].append(f"{session_id}: stored {said!r} ({len(turns)} turns), sent {answered!r}")


def rss_slope(points: list[tuple[int, float]], after: int) -> float | None:
    """Least-squares slope (MB per answered request) of the memory points from ``after`` answers on."""
    kept = [(x, y) for x, y in points if x >= after]
    if len(kept) < 2:
        return None
    mean_x = statistics.fmean(x for x, _ in kept)
    mean_y = statistics.fmean(y for _, y in kept)
    spread = sum((x - mean_x) ** 2 for x, _ in kept)
    return sum((x - mean_x) * (y - mean_y) for x, y in kept) / spread if spread else None


def _matches(said: list[str], sent: list[tuple[str, bool]]) -> bool:
    """``said`` is ``sent`` in order, each message answered for sure present, the others optional."""
    if not sent:
        return not said
    (message, sure), rest = sent[0], sent[1:]
    if said and said[0] == message and _matches(said[1:], rest):
        return True
    return not sure and _matches(said, rest)


async def _soak(port: int, args: argparse.Namespace) -> dict[str, Any]:
    results: dict[str, Any] = {"sent": 0, "dropped": 0, "latencies": [], "errors": [], "lost": [], "rss_points": [(0, _rss_mb())],
                               "python_objects": [len(gc.get_objects())]}
    budget = [args.requests]
    conversations = (args.requests + args.turns - 1) // args.turns
    semaphore = asyncio.Semaphore(args.concurrency)
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=args.deadline) as client:

        async def one(number: int) -> None:
            async with semaphore:
                await _conversation(client, port, number, args, budget, results)

        started = time.perf_counter()
        try:
            await asyncio.wait_for(asyncio.gather(*(one(n) for n in range(conversations))), args.deadline)
        except TimeoutError:
            results["errors"].append(f"deadline of {args.deadline:.0f} s reached")
        results["wall"] = time.perf_counter() - started
    return results


def main() -> None:
    """Run the soak and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=500, help="Chat requests in all (500).")
    parser.add_argument("--turns", type=int, default=10, help="Messages per conversation (10).")
    parser.add_argument("--concurrency", type=int, default=8, help="Conversations at once (8).")
    parser.add_argument("--drop-every", type=int, default=10, help="Every n-th message is a dropped stream (10).")
    parser.add_argument("--deadline", type=float, default=900.0, help="Stop after this many seconds (900).")
    parser.add_argument("--llm", action="store_true", help="Re-rank and write the reasons with the LLM (default: off).")
    parser.add_argument("--fake-embedder", action="store_true", help="Hashing embedder (no model).")
    parser.add_argument("--rss-every", type=int, default=25,
                        help="Record the resident memory every n answered requests (25; 0: never).")
    parser.add_argument("--warm-up-answers", type=int, default=25,
                        help="Answers after which memory must be flat: the slope is fitted from there (25).")
    parser.add_argument("--no-memory-release", action="store_true",
                        help="Leave glibc's malloc and oneDNN's kernel cache as they come: the baseline.")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="chatrec-soak-") as tmp:
        engine, settings = _engine(args, Path(tmp))
        from chatrec.http.app import create_app

        engine.warm_up()  # the LLM too, when on: the memory points start with every model loaded
        engine.respond("warm up: shoes", session_id="soak-warm-up")
        app = create_app(settings, engine)
        server = _Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.05)
        port = server.servers[0].sockets[0].getsockname()[1]
        rss_start = _rss_mb()
        try:
            results = asyncio.run(_soak(port, args))
        finally:
            server.should_exit = True
            thread.join(timeout=10)
        gc.collect()
        rss_end = _rss_mb()
        locks_left = len(engine.session_locks)

    latencies = sorted(results["latencies"])
    figures = {
        "requests_sent": results["sent"],
        "answered_200": len(latencies),
        "streams_dropped": results["dropped"],
        "errors": len(results["errors"]),
        "lost_or_foreign_turns": len(results["lost"]),
        "session_locks_left": locks_left,
        "wall_s": round(results["wall"], 1),
        "latency_p50_ms": round(1000 * statistics.median(latencies), 1) if latencies else None,
        "latency_max_ms": round(1000 * latencies[-1], 1) if latencies else None,
        "rss_after_start_mb": round(rss_start, 1),
        "rss_after_first_fifth_answered_mb": round(results.get("rss_early_mb", float("nan")), 1),
        "rss_end_mb": round(rss_end, 1),
        "llm": args.llm,
    }
    points = [(done, round(rss, 1)) for done, rss in results["rss_points"]]
    figures["rss_mb_at_answered"] = " ".join(f"{done}:{rss}" for done, rss in points)
    slope = rss_slope(points, args.warm_up_answers)
    figures["rss_slope_mb_per_100_after_warm_up"] = None if slope is None else round(100 * slope, 2)
    figures["python_objects_at_points"] = " ".join(str(n) for n in results["python_objects"])
    figures["memory_release"] = not args.no_memory_release
    for key, value in figures.items():
        print(f"{key:>26}: {value}")
    for problem in (results["errors"] + results["lost"])[:10]:
        print("  ", problem)
    if results["errors"] or results["lost"] or locks_left:
        sys.exit(1)


if __name__ == "__main__":
    main()
