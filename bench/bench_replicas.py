"""Several chatrec replicas sharing one PostgreSQL: correctness of alternating turns, and throughput.

Starts N separate ``chatrec serve`` processes on loopback (same index folder, one
``CHATREC_DATABASE_URL``), then runs ``--sessions`` conversations of ``--turns`` messages each,
turn k of every session going to replica k mod N (so consecutive turns of one session are
answered by different processes). The last two turns of each session are sent at once, to two
replicas, so that the cross-process session lock is what keeps them apart. Checks: no error,
and each session's stored turns are exactly its messages, customer/assistant alternating,
each message once. Prints the throughput with 1 replica and with N, measured in the same run.

    # PostgreSQL: .ci/start-postgres.sh /tmp/pg  (prints the URL)
    PYTHONPATH=. python bench/bench_replicas.py --database-url postgresql://postgres@127.0.0.1:PORT/postgres
    # --fake-embedder: the tests' hashing embedder (no model load; measures the serving path only)

Bounded: at most ``sessions * turns`` requests per run and ``--deadline`` seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from chatrec.cli.serve_workers import threads_per_process

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "fashion_small.csv"
FAKE_RUNNER = ROOT / "tests" / "chatrec_fake_embedder.py"
TOPICS = [
    "formal shoes", "flip flops", "watch", "tshirt", "jeans", "handbag", "sandals", "kurta",
    "sports shoes", "shirt", "sunglasses", "belt", "wallet", "socks", "dress", "track pants",
]
FOLLOW_UPS = ["for men please", "in black", "something casual", "for summer", "show me others", "any other"]


def _pythonpath() -> str:
    # This checkout's chatrec first, whatever an editable install elsewhere points to.
    return os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def replicas(
    n: int, env: dict[str, str], *, fake_embedder: bool, ready_timeout: float = 120.0, threads: int | None = None
) -> Iterator[list[str]]:
    """``n`` separate ``chatrec serve`` processes on free ports; yields their base URLs once all are ready.

    ``threads``: torch/BLAS threads of each (``serve --threads``); default: the command's own choice.
    """
    command = [sys.executable, str(FAKE_RUNNER)] if fake_embedder else [sys.executable, "-m", "chatrec"]
    processes: list[subprocess.Popen[bytes]] = []
    urls: list[str] = []
    logs = []
    try:
        for _ in range(n):
            port = free_port()
            log = tempfile.TemporaryFile()
            logs.append(log)
            processes.append(subprocess.Popen(
                [*command, "serve", "--host", "127.0.0.1", "--port", str(port),
                 *(["--threads", str(threads)] if threads else [])],
                env={**os.environ, "PYTHONPATH": _pythonpath(), **env}, cwd=str(ROOT), stdout=log,
                stderr=subprocess.STDOUT,
            ))
            urls.append(f"http://127.0.0.1:{port}")
        deadline = time.monotonic() + ready_timeout
        for process, url, log in zip(processes, urls, logs, strict=True):
            while True:
                if process.poll() is not None:
                    log.seek(0)
                    raise RuntimeError(f"replica {url} exited: {log.read().decode(errors='replace')[-2000:]}")
                try:
                    if httpx.get(f"{url}/readyz", timeout=2).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError(f"replica {url} not ready within {ready_timeout:g} s")
                time.sleep(0.2)
        yield urls
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
        for log in logs:
            log.close()


@dataclass
class LoadResult:
    """What a run of alternating turns produced."""

    requests: int = 0
    errors: list[str] = field(default_factory=list)
    bad_sessions: list[str] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def throughput(self) -> float:
        """Answered turns per second."""
        return self.requests / self.seconds if self.seconds else 0.0

    def summary(self) -> dict[str, Any]:
        """JSON-able figures."""
        ordered = sorted(self.latencies)
        return {
            "requests": self.requests,
            "errors": len(self.errors),
            "first_errors": self.errors[:3],
            "interleaved_or_lost_sessions": len(self.bad_sessions),
            "seconds": round(self.seconds, 2),
            "turns_per_second": round(self.throughput, 2),
            "p50_ms": round(1000 * statistics.median(ordered), 1) if ordered else None,
            "p95_ms": round(1000 * ordered[int(0.95 * (len(ordered) - 1))], 1) if ordered else None,
        }


def alternate_turns(
    urls: Sequence[str], sessions: int = 16, turns: int = 6, concurrency: int = 8, deadline: float = 300.0
) -> LoadResult:
    """Run the conversations (turn k of a session on replica k mod len(urls)) and check the stored turns."""
    result = LoadResult()
    lock = threading.Lock()
    run = uuid.uuid4().hex[:6]
    stop_at = time.monotonic() + deadline

    def post(client: httpx.Client, url: str, session_id: str, message: str) -> None:
        if time.monotonic() > stop_at:
            raise TimeoutError("deadline passed")
        started = time.perf_counter()
        response = client.post(f"{url}/v1/chat", json={"message": message, "session_id": session_id})
        elapsed = time.perf_counter() - started
        with lock:
            result.requests += 1
            result.latencies.append(elapsed)
            if response.status_code != 200:
                result.errors.append(f"{response.status_code} {response.text[:200]}")
            elif response.json()["session_id"] != session_id:
                result.errors.append(f"reply for session {response.json()['session_id']} to {session_id}")

    def conversation(index: int) -> None:
        session_id = f"rep-{run}-{index}"
        topic = TOPICS[index % len(TOPICS)]
        messages = [f"{topic} please"] + [f"{FOLLOW_UPS[k % len(FOLLOW_UPS)]} (turn {k})" for k in range(1, turns)]
        with httpx.Client(timeout=120) as client:
            sequential = messages[:-2] if turns >= 3 else messages
            for k, message in enumerate(sequential):
                post(client, urls[k % len(urls)], session_id, message)
            if len(sequential) < len(messages):
                # The last two turns at once, on two replicas: the session lock orders them.
                k = len(sequential)
                with ThreadPoolExecutor(2) as pair:
                    futures = [
                        pair.submit(post, client, urls[(k + j) % len(urls)], session_id, messages[k + j])
                        for j in range(2)
                    ]
                    for future in futures:
                        future.result()
            stored = client.get(f"{urls[-1]}/v1/sessions/{session_id}").json()["turns"]
        roles = [turn["role"] for turn in stored]
        said = [turn["text"] for turn in stored if turn["role"] == "customer"]
        if (
            roles != ["customer", "assistant"] * turns
            or said[: len(sequential)] != sequential
            or sorted(said[len(sequential):]) != sorted(messages[len(sequential):])
        ):
            with lock:
                result.bad_sessions.append(session_id)

    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        for future in [pool.submit(conversation, i) for i in range(sessions)]:
            try:
                future.result()
            except (httpx.HTTPError, TimeoutError, KeyError, ValueError) as exc:
                with lock:
                    result.errors.append(f"{type(exc).__name__}: {exc}")
    result.seconds = time.perf_counter() - started
    return result


_SERIES = ("chatrec_session_lock_wait_seconds", "chatrec_turn_seconds", "chatrec_http_request_seconds")


def server_seconds(urls: Sequence[str]) -> dict[str, tuple[float, float]]:
    """``(sum, count)`` of the lock-wait, turn and HTTP-request histograms, summed over the replicas."""
    totals = {name: [0.0, 0.0] for name in _SERIES}
    for url in urls:
        for line in httpx.get(f"{url}/metrics", timeout=10).text.splitlines():
            for name in _SERIES:
                for part, slot in (("_sum", 0), ("_count", 1)):
                    if line.startswith(f"{name}{part}"):
                        totals[name][slot] += float(line.rsplit(" ", 1)[1])
    return {name: (value[0], value[1]) for name, value in totals.items()}


def mean_ms(before: dict[str, tuple[float, float]], after: dict[str, tuple[float, float]]) -> dict[str, float | None]:
    """Mean milliseconds per observation of each series between two :func:`server_seconds` snapshots."""
    means: dict[str, float | None] = {}
    for name in _SERIES:
        seconds, count = after[name][0] - before[name][0], after[name][1] - before[name][1]
        means[name.removeprefix("chatrec_").removesuffix("_seconds") + "_mean_ms"] = (
            round(1000 * seconds / count, 1) if count else None
        )
    return means


def _build_index(index_dir: Path, fake_embedder: bool) -> None:
    command = [sys.executable, str(FAKE_RUNNER)] if fake_embedder else [sys.executable, "-m", "chatrec"]
    subprocess.run(
        [*command, "index", "build", "--catalog", str(FIXTURE), "--index-dir", str(index_dir)],
        check=True, cwd=str(ROOT), env={**os.environ, "PYTHONPATH": _pythonpath(), "CHATREC_USE_LLM": "false"},
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Throughput of 1 vs N replicas on one PostgreSQL, with the correctness checks."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", required=True, help="A PostgreSQL server (postgresql://...).")
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=1,
                        help="Measure 1 and N replicas this many times, alternating (a noisy machine).")
    parser.add_argument("--sessions", type=int, default=16)
    parser.add_argument("--turns", type=int, default=6)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--deadline", type=float, default=300.0)
    parser.add_argument("--fake-embedder", action="store_true", help="The tests' hashing embedder.")
    parser.add_argument("--threads", type=int, default=None,
                        help="Torch/BLAS threads per replica (default: the cores divided by the replicas).")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="chatrec-replicas-") as folder:
        index_dir = Path(folder) / "index"
        _build_index(index_dir, args.fake_embedder)
        env = {
            "CHATREC_INDEX_DIR": str(index_dir), "CHATREC_DATA_DIR": str(Path(folder) / "data"),
            "CHATREC_DATABASE_URL": args.database_url, "CHATREC_USE_LLM": "false",
            "CHATREC_RATE_LIMIT_PER_MINUTE": "100000",
        }

        report: dict[str, Any] = {"sessions": args.sessions, "turns": args.turns, "concurrency": args.concurrency}
        rates: dict[int, list[float]] = {1: [], args.replicas: []}
        for round_ in range(args.rounds):
            order = (1, args.replicas) if round_ % 2 == 0 else (args.replicas, 1)
            for n in order:
                # Each replica gets its share of the cores (serve --threads): one process alone uses
                # them all, N processes do not oversubscribe them.
                threads = args.threads or threads_per_process(n)
                with replicas(n, env, fake_embedder=args.fake_embedder, threads=threads) as urls:
                    alternate_turns(urls, sessions=2, turns=2, concurrency=2)  # warm every replica up
                    before = server_seconds(urls)
                    result = alternate_turns(urls, args.sessions, args.turns, args.concurrency, args.deadline)
                    server = mean_ms(before, server_seconds(urls))
                report[f"replicas_{n}_round_{round_ + 1}"] = {**result.summary(), "threads_each": threads, **server}
                rates[n].append(result.throughput)
        medians = {n: statistics.median(r) for n, r in rates.items()}
        report["median_turns_per_second"] = {str(n): round(v, 2) for n, v in medians.items()}
        report["speedup"] = round(medians[args.replicas] / medians[1], 2) if medians[1] else None
    print(json.dumps(report, indent=2))
    bad = any(value["errors"] or value["interleaved_or_lost_sessions"]
              for key, value in report.items() if key.startswith("replicas_"))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
