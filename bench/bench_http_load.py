"""Load test of the HTTP API over loopback: concurrent sessions, a few turns each.

Serves ``create_app`` with uvicorn on 127.0.0.1 (a free port, in this process), then runs
``--sessions`` conversations at once, ``--turns`` messages each, through ``POST /v1/chat``.
Prints throughput, latency percentiles, errors, and whether any session got another's
turns (each session talks about its own product, and its stored turns must be exactly its
own messages, in order). Bounded: at most ``--sessions * --turns`` requests and
``--deadline`` seconds.

    PYTHONPATH=. python bench/bench_http_load.py                      # fixture catalogue, real embedder
    PYTHONPATH=. python bench/bench_http_load.py --index-dir index    # an index you built
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
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
# One product per session, so that a reply or a stored turn from another session shows.
TOPICS = [
    "formal shoes", "flip flops", "watch", "tshirt", "jeans", "handbag", "sandals", "kurta",
    "sports shoes", "shirt", "sunglasses", "belt", "wallet", "socks", "dress", "track pants",
]
FOLLOW_UPS = ["for men please", "in black", "something casual", "for summer", "under 50"]


def _engine(args: argparse.Namespace, workdir: Path) -> tuple[Any, Any]:
    from chatrec.recommender import ChatRec
    from chatrec.settings import Settings

    settings = Settings(
        data_dir=workdir / "data",
        use_llm=args.llm,
        # --llm: the LLM re-ranks and writes every reason (both are off by default since issue 13)
        llm_rerank=args.llm, reason_writer="llm" if args.llm else "template",
        rate_limit_per_minute=100_000,
        **({"index_dir": args.index_dir} if args.index_dir else {"index_dir": workdir / "index"}),
    )
    if args.fake_embedder:
        sys.path.insert(0, str(ROOT / "tests"))
        from fakes import HashingEmbedder

        from chatrec.index import build_index
        from chatrec.retrieval import Retriever

        embedder = HashingEmbedder()
        if not args.index_dir:
            build_index(FIXTURE, settings, embedder=embedder)
        return ChatRec(settings, retriever=Retriever.open(settings, embedder=embedder)), settings
    if not args.index_dir:
        from chatrec.index import build_index

        build_index(FIXTURE, settings)
    return ChatRec.from_settings(settings), settings


class _Server(uvicorn.Server):
    def install_signal_handlers(self) -> None:  # the bench's thread must not take over Ctrl-C
        pass


async def _session(client: httpx.AsyncClient, number: int, turns: int, results: dict[str, Any]) -> None:
    topic = TOPICS[number % len(TOPICS)]
    sent = [f"I am looking for {topic}"] + [FOLLOW_UPS[(number + i) % len(FOLLOW_UPS)] for i in range(turns - 1)]
    session_id: str | None = None
    user_id = f"bench-user-{number}"
    for message in sent:
        started = time.perf_counter()
        try:
            response = await client.post(
                "/v1/chat", json={"message": message, "session_id": session_id, "user_id": user_id}
            )
        except httpx.HTTPError as exc:
            results["errors"].append(f"session {number}: {type(exc).__name__}: {exc}")
            return
        results["latencies"].append(time.perf_counter() - started)
        if response.status_code != 200:
            results["errors"].append(f"session {number}: HTTP {response.status_code} {response.text[:120]}")
            return
        body = response.json()
        if session_id is not None and body["session_id"] != session_id:
            results["mixed"].append(f"session {number}: reply for {body['session_id']}, expected {session_id}")
        session_id = body["session_id"]
    state = (await client.get(f"/v1/sessions/{session_id}")).json()
    said = [turn["text"] for turn in state["turns"] if turn["role"] == "customer"]
    if said != sent or state.get("user_id") != user_id:
        results["mixed"].append(f"session {number}: stored turns {said!r} (user {state.get('user_id')}), sent {sent!r}")
    results["sessions"].append(session_id)


async def _load(base_url: str, sessions: int, turns: int, deadline: float) -> dict[str, Any]:
    results: dict[str, Any] = {"latencies": [], "errors": [], "mixed": [], "sessions": []}
    limits = httpx.Limits(max_connections=sessions)
    async with httpx.AsyncClient(base_url=base_url, timeout=deadline, limits=limits) as client:
        started = time.perf_counter()
        try:
            await asyncio.wait_for(
                asyncio.gather(*(_session(client, n, turns, results) for n in range(sessions))), deadline
            )
        except TimeoutError:
            results["errors"].append(f"deadline of {deadline:.0f} s reached")
        results["wall"] = time.perf_counter() - started
    return results


def main() -> None:
    """Run the load test and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=16, help="Concurrent conversations (16).")
    parser.add_argument("--turns", type=int, default=4, help="Messages per conversation (4).")
    parser.add_argument("--deadline", type=float, default=300.0, help="Stop after this many seconds (300).")
    parser.add_argument("--index-dir", type=Path, default=None, help="Existing index (default: build the fixture's).")
    parser.add_argument("--llm", action="store_true", help="Re-rank and write the reasons with the LLM (default: off).")
    parser.add_argument("--fake-embedder", action="store_true", help="Hashing embedder (no model).")
    parser.add_argument("--json", action="store_true", help="Print the figures as JSON.")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="chatrec-bench-") as tmp:
        engine, settings = _engine(args, Path(tmp))
        from chatrec.http.app import create_app

        engine.respond("warm up: shoes", session_id="bench-warm-up")  # load models before timing
        app = create_app(settings, engine)
        server = _Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.05)
        port = server.servers[0].sockets[0].getsockname()[1]
        try:
            results = asyncio.run(_load(f"http://127.0.0.1:{port}", args.sessions, args.turns, args.deadline))
        finally:
            server.should_exit = True
            thread.join(timeout=10)

    latencies = sorted(results["latencies"])
    figures = {
        "sessions": args.sessions,
        "turns_per_session": args.turns,
        "requests_ok": len(latencies),
        "wall_s": round(results["wall"], 2),
        "throughput_rps": round(len(latencies) / results["wall"], 2) if results["wall"] else 0.0,
        "latency_p50_ms": round(1000 * statistics.median(latencies), 1) if latencies else None,
        "latency_p95_ms": round(1000 * latencies[math.ceil(0.95 * len(latencies)) - 1], 1) if latencies else None,
        "latency_max_ms": round(1000 * latencies[-1], 1) if latencies else None,
        "errors": results["errors"],
        "sessions_mixed_up": results["mixed"],
        "distinct_sessions": len(set(results["sessions"])),
        "llm": args.llm,
    }
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        for key, value in figures.items():
            print(f"{key:>20}: {value}")
    if results["errors"] or results["mixed"]:
        sys.exit(1)


if __name__ == "__main__":
    main()
