"""One chat turn, end to end: latency against a forward-pass floor, and the quality of the reasons shown.

Usage (from the repository root)::

    PYTHONPATH=. python bench/bench_turn.py                     # everything, ~10 min on 2 idle cores
    PYTHONPATH=. python bench/bench_turn.py --turns 10 --skip-llm-writer --json bench/results_turn.json

What it measures, in one run:

* **Floor**: one bf16 forward pass of a 600-token prompt through the packaged LLM (median of
  several, measured before and after the turns; every latency is also given as a ratio to it).
* **Latency** on the 5,000-item fashion demo catalogue, with the product's default settings:
  full reply (five items with their reasons) p50 / p90 for 1 session and for 4 concurrent
  sessions, and time to the first visible text. Also, on fewer turns, the two LLM options the
  defaults leave off: LLM re-ranking (``llm_rerank``) and LLM-written reasons (``reason_writer=llm``).
* **Reason quality** on three catalogues (fashion and electronics demos, an Amazon Beauty slice
  in ``tests/fixtures/beauty_small.csv``): every reason shown for fixed requests is checked with
  the grounding check (:func:`chatrec.grounding.check_reason`) and, independently, against a list
  of praise/marketing words no catalogue states; it reports the share with an unsupported claim,
  the share stating >= 2 facts that match the request, the share with a repeated phrase, and a sample.
  With the LLM writer, the share of raw LLM sentences that pass the check (the rest fall back).
* **Over HTTP** (``--http``), as a shop runs it: ``chatrec serve`` started on loopback with
  ``--workers 1`` and with ``--workers 2`` (SQLite sessions, the command's default threads per
  worker), the same turns sent by 1 and by 4 concurrent sessions (closed loop, one keep-alive
  connection each, ``POST /v1/chat``); p50/p90 and the 4/1 ratio per worker count, the load
  generator's own CPU per turn, and each server process's share of the server CPU (a worker that
  got no connections shows as ~0%). ``--rounds`` repeats the measurements to show the noise.

Quick latency-only run (in-process and HTTP, no floor, no LLM, no quality report)::

    PYTHONPATH=. python bench/bench_turn.py --turns 30 --latency-only --http --rounds 2
"""

from __future__ import annotations

import argparse
import http.client
import json
import logging
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from chatrec.demo import ensure_demo_index  # noqa: E402
from chatrec.grounding import Request, check_reason, facts_for, matched_facts_stated, repeated_phrases  # noqa: E402
from chatrec.index import build_index  # noqa: E402
from chatrec.recommender import ChatRec  # noqa: E402
from chatrec.settings import Settings  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
BEAUTY = ROOT / "tests" / "fixtures" / "beauty_small.csv"
BEAUTY_MAPPING = {"id": "id", "title": "title", "brand": "brand", "price": "price", "description": "description"}

#: Specific requests (two wishes or more each: type and colour, budget, feature, gender...).
REQUESTS = {
    "fashion": [
        "a blue summer dress for women, not kids clothes please",
        "black running shoes for men",
        "a white casual shirt for men",
        "a red kurta for women for ethnic wear",
        "a brown belt for men",
        "a pink handbag for women",
        "a black watch for men",
        "blue jeans for women",
        "a green tshirt for boys",
        "grey sports shoes for women",
        "formal black shoes for men",
        "a yellow top for women for summer",
        "a navy blue tshirt for men",
        "silver earrings for women",
        "a black backpack for men",
        "white sports socks for women",
        "a white handbag for women",
        "brown casual shoes for men",
        "a purple kurta for women",
    ],
    "electronics": [
        "a usb c cable with fast charging under 500",
        "wireless bluetooth earphones under 2000, well rated",
        "a smart tv with 43 inch screen",
        "an hdmi cable under 500",
        "a power bank with fast charging",
        "a wireless mouse under 1000",
        "a wireless keyboard under 1500",
        "a smartwatch with heart rate monitor",
        "a phone tripod under 1000",
        "an electric kettle under 1500",
        "a steam iron under 2000",
        "an instant water heater under 5000",
        "a lightning cable for my iphone under 500",
        "a memory card with 128gb under 1500",
        "a mixer grinder under 3000",
        "a room heater under 2000",
        "a bluetooth speaker under 3000",
        "a usb wall charger under 1000",
        "an led bulb under 500",
    ],
    "beauty": [
        "a loose face powder for setting makeup",
        "a shampoo for dry hair under 20",
        "a nail polish under 15",
        "a vitamin c face serum under 40",
        "a hair brush for detangling under 20",
        "false eyelashes under 15",
        "a sunscreen with spf 50",
        "a lip balm for dry lips",
        "a perfume for women under 50",
        "a makeup brush set under 25",
        "a hair dryer, well rated",
        "a face mask for glowing skin under 30",
        "a beard oil for men",
        "an eye cream for dark circles under 40",
        "a hair straightener under 40",
        "a body lotion for dry skin under 20",
        "a conditioner for curly hair under 25",
        "a face wash for oily skin under 20",
        "a hair clip set under 15",
        "a red lipstick under 20",
        "a face moisturizer under 30",
    ],
}
#: Fashion requests in Spanish and German: their reasons must be in the shopper's language and grounded.
LOCAL_REQUESTS = {
    "es": [
        "zapatos negros para hombre", "un vestido azul para mujer", "una camiseta blanca para hombre",
        "un bolso rosa para mujer", "un reloj negro para hombre", "un cinturón marrón para hombre",
        "vaqueros azules para mujer", "una mochila negra", "zapatillas grises para mujer", "una camisa blanca para hombre",
    ],
    "de": [
        "schwarze Schuhe für Herren", "ein blaues Kleid für Damen", "ein weißes T-Shirt für Herren",
        "eine rosa Handtasche für Damen", "eine schwarze Uhr für Herren", "einen braunen Gürtel für Herren",
        "blaue Jeans für Damen", "einen schwarzen Rucksack", "graue Turnschuhe für Damen", "ein weißes Hemd für Herren",
    ],
}
#: Words of praise and marketing that no catalogue row states: an independent check of the shown reasons.
PRAISE = frozenset(
    "renowned designer limited sustainable must-buy must classic perfect great amazing stunning best-selling "
    "luxurious premium iconic trendy exclusive guaranteed japanese traditional elegant ideal excellent".split()
)


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    position = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[position]


def forward_floor(settings: Settings, n: int = 5) -> list[float]:
    """Seconds of single bf16 forward passes of a 600-token prompt through the packaged LLM."""
    import torch

    from chatrec.llm import LLM

    llm = LLM.from_settings(settings.model_copy(update={"llm_dtype": "bfloat16"}))
    model = llm.model
    ids = torch.randint(100, 10000, (1, 600), generator=torch.Generator().manual_seed(0))
    times = []
    with torch.inference_mode():
        model(ids[:, :32])  # first call allocates
        for _ in range(n):
            started = time.perf_counter()
            model(ids)
            times.append(time.perf_counter() - started)
    return times


def _turn(rec: ChatRec, message: str) -> tuple[float, float, Any]:
    started = time.perf_counter()
    first = None
    reply = None
    for event in rec.stream(f"just show me {message}"):
        if first is None:
            first = time.perf_counter() - started
        reply = event
    return time.perf_counter() - started, first or float("nan"), reply


def latency(settings: Settings, messages: list[str], sessions: int) -> dict[str, Any]:
    """Full-reply and first-text seconds over ``messages`` answered by ``sessions`` concurrent sessions."""
    rec = ChatRec.from_settings(settings)
    warm = rec.warm_up()
    totals: list[float] = []
    firsts: list[float] = []
    n_items: list[int] = []
    lock = threading.Lock()

    def worker(part: list[str]) -> None:
        for message in part:
            total, first, reply = _turn(rec, message)
            with lock:
                totals.append(total)
                firsts.append(first)
                n_items.append(len(reply.recommendations))

    parts = [messages[i::sessions] for i in range(sessions)]
    threads = [threading.Thread(target=worker, args=(part,)) for part in parts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    rec.close()
    return {
        "sessions": sessions,
        "turns": len(totals),
        "items_per_reply_min": min(n_items) if n_items else 0,
        "full_p50": statistics.median(totals),
        "full_p90": _percentile(totals, 0.9),
        "first_text_p50": statistics.median(firsts),
        "first_text_p90": _percentile(firsts, 0.9),
        "warm_up_seconds": warm,
    }


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of one process (Linux ``/proc``)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _machine_cpu() -> tuple[int, int]:
    """All and idle CPU ticks of the machine since boot (Linux ``/proc/stat``: idle + iowait)."""
    ticks = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    return sum(ticks), ticks[3] + ticks[4]


def _server_processes(pid: int) -> list[int]:
    """The server process and its worker processes (uvicorn's children)."""
    children: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        children += [int(c) for c in task.read_text().split()]
    return [pid, *children]


def _post_chat(connection: http.client.HTTPConnection, message: str, session_id: str | None) -> dict[str, Any]:
    body = json.dumps({"message": message, **({"session_id": session_id} if session_id else {})})
    connection.request("POST", "/v1/chat", body=body, headers={"Content-Type": "application/json"})
    response = connection.getresponse()
    data = response.read()
    if response.status != 200:
        raise RuntimeError(f"POST /v1/chat answered {response.status}: {data[:200]!r}")
    return dict(json.loads(data))


def _start_server(settings: Settings, workers: int, work: Path) -> tuple[subprocess.Popen[bytes], int]:
    """``chatrec serve`` on a free loopback port with its own SQLite session store; waits until ready."""
    port = _free_port()
    data_dir = Path(tempfile.mkdtemp(prefix=f"serve-w{workers}-", dir=work))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
           "CHATREC_DATA_DIR": str(data_dir), "CHATREC_RATE_LIMIT_PER_MINUTE": "1000000"}
    env.pop("CHATREC_DATABASE_URL", None)
    env.pop("OMP_NUM_THREADS", None)  # the command's own default: the cores divided by the workers
    log = (work / f"serve-w{workers}.log").open("wb")
    server = subprocess.Popen(
        [sys.executable, "-m", "chatrec", "serve", "--index-dir", str(settings.index_dir), "--host", "127.0.0.1",
         "--port", str(port), "--workers", str(workers)],
        env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"chatrec serve --workers {workers} stopped; see {log.name}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/readyz")
            ready = connection.getresponse().status == 200
            connection.close()
            if ready:  # each worker warms up on its own: the first turns below are not measured
                return server, port
        except OSError:
            pass
        time.sleep(0.5)
    server.terminate()
    raise RuntimeError(f"chatrec serve --workers {workers} was not ready within 180 s")


def http_latency(
    settings: Settings, messages: list[str], workers: int, rounds: int, work: Path, per_turn: bool = False
) -> dict[str, Any]:
    """Full-reply seconds over HTTP against ``chatrec serve --workers N``: 1 and 4 concurrent sessions, ``rounds`` times.

    Each session keeps one connection (``per_turn``: opens one per turn, connection time included).
    """
    server, port = _start_server(settings, workers, work)
    try:
        def run(sessions: int) -> dict[str, Any]:
            totals: list[float] = []
            lock = threading.Lock()
            errors: list[str] = []

            def worker(part: list[str]) -> None:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
                session_id = None
                try:
                    for message in part:
                        started = time.perf_counter()
                        if per_turn:  # a new connection for each turn: the server's accept spreads them
                            connection.close()
                            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
                        reply = _post_chat(connection, f"just show me {message}", session_id)
                        elapsed = time.perf_counter() - started
                        session_id = session_id or reply["session_id"]
                        with lock:
                            totals.append(elapsed)
                except (OSError, RuntimeError, http.client.HTTPException) as exc:
                    errors.append(str(exc))
                finally:
                    connection.close()

            pids = _server_processes(server.pid)
            cpu_before = {pid: _cpu_seconds(pid) for pid in pids}
            client_before = time.process_time()
            machine_before = _machine_cpu()
            started = time.perf_counter()
            parts = [messages[i::sessions] for i in range(sessions)]
            threads = [threading.Thread(target=worker, args=(part,)) for part in parts]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            wall = time.perf_counter() - started
            client_cpu = time.process_time() - client_before
            machine_after = _machine_cpu()
            idle = (machine_after[1] - machine_before[1]) / max(1, machine_after[0] - machine_before[0])
            server_cpu = {pid: _cpu_seconds(pid) - cpu_before[pid] for pid in pids}
            total_cpu = sum(server_cpu.values()) or 1.0
            return {
                "sessions": sessions, "turns": len(totals), "errors": errors[:3],
                "full_p50": statistics.median(totals) if totals else float("nan"),
                "full_p90": _percentile(totals, 0.9),
                "turns_per_second": len(totals) / wall,
                "client_cpu_ms_per_turn": 1000 * client_cpu / max(1, len(totals)),
                "server_cpu_ms_per_turn": 1000 * sum(server_cpu.values()) / max(1, len(totals)),
                "server_cpu_share_per_process": [round(v / total_cpu, 2) for v in server_cpu.values()],
                # Cores the server used, and the machine's idle share meanwhile: a second worker can
                # only add throughput when the machine has idle cores to give it.
                "server_cores_used": sum(server_cpu.values()) / wall,
                "machine_idle_share": idle,
            }

        for _ in range(2):  # every worker answers a few turns before the measurement (first-turn costs)
            run(4)
        results = []
        for _ in range(rounds):
            one, four = run(1), run(4)
            results.append({"1": one, "4": four, "4_over_1": four["full_p50"] / one["full_p50"]})
        return {"workers": workers, "connection": "per turn" if per_turn else "keep-alive", "rounds": results}
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()


def quality(settings: Settings, catalog: str, requests: list[str], sample: int) -> dict[str, Any]:
    """Check every reason shown for the requests on one catalogue."""
    rec = ChatRec.from_settings(settings)
    rec.warm_up()
    from chatrec.explain import KnownValues

    vocabulary = KnownValues.from_items(rec.retriever.index.items)
    rows = []
    fallbacks = 0
    for message in requests:
        reply = rec.respond(f"just show me {message}")
        fallbacks += int(reply.metadata.get("explanation_fallbacks", 0))
        state = rec.store.load_state(reply.session_id) or {}
        request = Request(
            text=message,
            include=state.get("include", {}),
            exclude=state.get("exclude", {}),
            min_price=state.get("min_price"),
            max_price=state.get("max_price"),
        )
        for recommendation in reply.recommendations:
            item = rec.item(recommendation.item_id)
            facts = facts_for(item, request)
            problems = check_reason(recommendation.reason, item, request, vocabulary=vocabulary)
            words = {w.strip(".,;:!?—\"'").lower() for w in recommendation.reason.replace("-", " - ").split()}
            words |= {w.lower() for w in recommendation.reason.split()}
            own = " ".join([item.title, item.description, item.category, *map(str, item.attributes.values())]).lower()
            words = {w for w in words if w not in own}  # the catalogue's own word is no invention
            rows.append({
                "request": message,
                "title": item.title,
                "reason": recommendation.reason,
                "unsupported": any(p.startswith(("unsupported", "contradicts")) for p in problems),
                "praise": sorted(words & PRAISE),
                "matched_stated": len(matched_facts_stated(recommendation.reason, facts)),
                "repeated": bool(repeated_phrases(recommendation.reason)),
                "problems": problems,
            })
    rec.close()
    n = len(rows)
    return {
        "catalog": catalog,
        "reasons": n,
        "unsupported_share": sum(r["unsupported"] for r in rows) / n if n else float("nan"),
        "praise_share": sum(bool(r["praise"]) for r in rows) / n if n else float("nan"),
        "two_matched_facts_share": sum(r["matched_stated"] >= 2 for r in rows) / n if n else float("nan"),
        "repeated_share": sum(r["repeated"] for r in rows) / n if n else float("nan"),
        "fallbacks": fallbacks,
        "sample": rows[:: max(1, n // sample)][:sample] if n else [],
        "rows": rows,
    }


def local_reasons(settings: Settings, language: str, requests: list[str], sample: int) -> dict[str, Any]:
    """Reasons shown to a Spanish or German shopper: written in their language, and grounded (checked again here)."""
    from chatrec.reasons_local import local_writer

    writer = local_writer(language)
    assert writer is not None, language
    rec = ChatRec.from_settings(settings)
    rows = []
    fallbacks = 0
    for message in requests:
        reply = rec.respond(f"{message}, {'muéstrame' if language == 'es' else 'zeig mir'}")
        if reply.question is not None:  # a question first: answer "any" once
            reply = rec.respond("da igual" if language == "es" else "egal", session_id=reply.session_id)
        fallbacks += int(reply.metadata.get("explanation_fallbacks", 0))
        state = rec.store.load_state(reply.session_id) or {}
        request = Request(text=message, include=state.get("include", {}), exclude=state.get("exclude", {}))
        for recommendation in reply.recommendations:
            item = rec.item(recommendation.item_id)
            english = "you asked for" in recommendation.reason or "closest match" in recommendation.reason
            rows.append({"request": message, "title": item.title, "reason": recommendation.reason,
                         "localised": not english, "problems": writer.check(recommendation.reason, item, request)})
    rec.close()
    n = len(rows)
    return {
        "language": language, "requests": len(requests), "reasons": n, "fallbacks": fallbacks,
        "localised_share": sum(r["localised"] for r in rows) / n if n else float("nan"),
        "grounded_share": sum(not r["problems"] for r in rows if r["localised"]) / max(1, sum(r["localised"] for r in rows)),
        "sample": rows[:: max(1, n // sample)][:sample] if n else [],
    }


def llm_writer_pass_rate(settings: Settings, requests: list[str], limit: int) -> dict[str, Any]:
    """How many raw LLM sentences pass the grounding check (the rest are replaced by the template)."""
    rec = ChatRec.from_settings(settings.model_copy(update={"reason_writer": "llm"}))
    rec.warm_up()
    replaced: list[str] = []
    kept = total = 0
    seconds = []
    for message in requests[:limit]:
        reply = rec.respond(f"just show me {message}")
        seconds.append(reply.metadata["reasons"]["seconds"])
        total += len(reply.recommendations)
        kept += len(reply.recommendations) - int(reply.metadata["explanation_fallbacks"])
    rec.close()
    return {"turns": len(seconds), "reasons": total, "passed_check": kept,
            "pass_share": kept / total if total else float("nan"),
            "reason_writing_seconds_p50": statistics.median(seconds) if seconds else float("nan")}


def main() -> None:
    """Run the benchmark and print (and optionally save) its figures."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "chatrec-bench-turn",
                        help="Folder for the three indexes and the session stores (reused between runs).")
    parser.add_argument("--turns", type=int, default=20, help="Turns per latency measurement.")
    parser.add_argument("--llm-turns", type=int, default=4, help="Turns for each LLM option (slow).")
    parser.add_argument("--skip-llm-writer", action="store_true", help="Do not time the LLM-written reasons.")
    parser.add_argument("--threads", type=int, default=0, help="Torch threads (0: torch's default).")
    parser.add_argument("--sample", type=int, default=4, help="Reasons printed per catalogue.")
    parser.add_argument("--json", type=Path, default=None, help="Also write the figures here.")
    parser.add_argument("--http", action="store_true",
                        help="Also measure 1 and 4 sessions over HTTP against chatrec serve --workers 1 and 2.")
    parser.add_argument("--connection", choices=["keep-alive", "per-turn", "both"], default="keep-alive",
                        help="HTTP sessions keep one connection, open one per turn, or both measured.")
    parser.add_argument("--rounds", type=int, default=1, help="Repeats of the 1/4-session latency measurements.")
    parser.add_argument("--local-reasons-only", action="store_true",
                        help="Only the Spanish and German shoppers' reasons on the fashion demo.")
    parser.add_argument("--latency-only", action="store_true",
                        help="Only the 1/4-session latencies (in-process, and HTTP with --http): no floor, LLM or quality.")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    if args.threads:
        import torch

        torch.set_num_threads(args.threads)

    work = args.work
    settings = {}
    for name in ("fashion",) if args.latency_only or args.local_reasons_only else ("fashion", "electronics", "beauty"):
        s = Settings(_env_file=None, index_dir=work / name, data_dir=work / f"{name}-data")  # type: ignore[call-arg]
        if name == "beauty":
            build_index(BEAUTY, s, mapping=BEAUTY_MAPPING)
        else:
            ensure_demo_index(s, name, progress=False)
        settings[name] = s
    fashion = settings["fashion"]
    messages = (REQUESTS["fashion"] * (args.turns // len(REQUESTS["fashion"]) + 1))[: args.turns]

    if args.local_reasons_only:
        for lang, msgs in LOCAL_REQUESTS.items():
            local = local_reasons(fashion, lang, msgs, args.sample)
            print(f"{lang} shopper, fashion: {local['reasons']} reasons for {local['requests']} requests; in {lang} "
                  f"{local['localised_share']:.0%}, of those grounded {local['grounded_share']:.0%}; fallbacks {local['fallbacks']}")
            for row in local["sample"]:
                print(f"    [{row['request']}] {row['title'][:60]}\n      -> {row['reason']}")
        return
    if args.latency_only:
        latency_only(fashion, messages, args)
        return
    floor = forward_floor(fashion)
    results: dict[str, Any] = {"latency": {}}
    results["latency"]["default_1"] = latency(fashion, messages, 1)
    results["latency"]["default_4"] = latency(fashion, messages, 4)
    if args.http:
        results["http"] = http_all(fashion, messages, args)
    llm_messages = messages[: args.llm_turns]
    results["latency"]["llm_rerank_1"] = latency(fashion.model_copy(update={"llm_rerank": True}), llm_messages, 1)
    if not args.skip_llm_writer:
        results["latency"]["llm_writer_1"] = latency(
            fashion.model_copy(update={"reason_writer": "llm"}), llm_messages, 1
        )
    floor += forward_floor(fashion)
    base = statistics.median(floor)
    results["floor_600_token_forward_s"] = base
    for entry in results["latency"].values():
        entry["full_p50_x_floor"] = entry["full_p50"] / base
    single = results["latency"]["default_1"]["full_p50"]
    results["concurrency_4_over_1"] = results["latency"]["default_4"]["full_p50"] / single

    results["quality"] = {name: quality(settings[name], name, REQUESTS[name], args.sample) for name in REQUESTS}
    results["local_reasons"] = {lang: local_reasons(fashion, lang, msgs, 2) for lang, msgs in LOCAL_REQUESTS.items()}
    if not args.skip_llm_writer:
        results["llm_writer"] = llm_writer_pass_rate(fashion, REQUESTS["fashion"], args.llm_turns)

    print(f"floor: one bf16 forward pass of 600 tokens, median of {len(floor)}: {base:.3f} s")
    for name, entry in results["latency"].items():
        print(f"{name:>15}: full reply p50 {entry['full_p50']:.3f} s (x{entry['full_p50_x_floor']:.2f} floor), "
              f"p90 {entry['full_p90']:.3f} s, first text p50 {entry['first_text_p50']:.3f} s, "
              f"{entry['turns']} turns, >= {entry['items_per_reply_min']} items each")
    print(f"4 concurrent sessions / 1 session, p50: x{results['concurrency_4_over_1']:.2f}")
    _print_http(results.get("http", {}))
    all_rows = [r for q in results["quality"].values() for r in q["rows"]]
    for name, q in results["quality"].items():
        print(f"{name:>12}: {q['reasons']} reasons; unsupported claim shown {q['unsupported_share']:.1%} "
              f"(praise words {q['praise_share']:.1%}); >= 2 matching facts {q['two_matched_facts_share']:.1%}; "
              f"repeated {q['repeated_share']:.1%}")
        for row in q["sample"]:
            print(f"    [{row['request']}] {row['title'][:60]}\n      -> {row['reason']}")
    n = len(all_rows)
    totals = {
        "reasons": n,
        "unsupported_share": sum(r["unsupported"] for r in all_rows) / n,
        "praise_share": sum(bool(r["praise"]) for r in all_rows) / n,
        "two_matched_facts_share": sum(r["matched_stated"] >= 2 for r in all_rows) / n,
        "repeated_share": sum(r["repeated"] for r in all_rows) / n,
    }
    results["quality_total"] = totals
    print(f"all three: {n} reasons; unsupported {totals['unsupported_share']:.1%}, praise {totals['praise_share']:.1%}, "
          f">= 2 matching facts {totals['two_matched_facts_share']:.1%}, repeated {totals['repeated_share']:.1%}")
    for local in results["local_reasons"].values():
        print(f"{local['language']} shopper, fashion: {local['reasons']} reasons for {local['requests']} requests; in "
              f"{local['language']} {local['localised_share']:.0%}, of those grounded {local['grounded_share']:.0%}; "
              f"fallbacks {local['fallbacks']}")
        for row in local["sample"]:
            print(f"    [{row['request']}] {row['title'][:60]}\n      -> {row['reason']}")
    if "llm_writer" in results:
        w = results["llm_writer"]
        print(f"LLM writer: {w['passed_check']} of {w['reasons']} raw sentences passed the grounding check "
              f"({w['pass_share']:.0%}); reason writing p50 {w['reason_writing_seconds_p50']:.2f} s")
    if args.json:
        for q in results["quality"].values():
            q.pop("rows")
        args.json.write_text(json.dumps(results, indent=2, default=str), encoding="utf-8")


def http_all(fashion: Settings, messages: list[str], args: argparse.Namespace) -> dict[str, Any]:
    """The HTTP figures for 1 and 2 workers, with the connection modes asked for."""
    modes = [False, True] if args.connection == "both" else [args.connection == "per-turn"]
    return {f"workers_{w}{'_per_turn' if per_turn else ''}": http_latency(fashion, messages, w, args.rounds, args.work, per_turn)
            for per_turn in modes for w in (1, 2)}


def _print_http(figures: dict[str, Any]) -> None:
    for entry in figures.values():
        for number, measured in enumerate(entry["rounds"], start=1):
            one, four = measured["1"], measured["4"]
            print(f"HTTP, {entry['workers']} worker(s), {entry['connection']}, round {number}: 1 session p50 {one['full_p50']:.3f} s "
                  f"p90 {one['full_p90']:.3f} s; 4 sessions p50 {four['full_p50']:.3f} s p90 {four['full_p90']:.3f} s; "
                  f"4/1 x{measured['4_over_1']:.2f}; 4 sessions {four['turns_per_second']:.1f} turns/s, "
                  f"client CPU {four['client_cpu_ms_per_turn']:.1f} ms/turn, server CPU "
                  f"{four['server_cpu_ms_per_turn']:.1f} ms/turn on {four['server_cores_used']:.2f} cores, split "
                  f"{four['server_cpu_share_per_process']}, machine idle {four['machine_idle_share']:.0%}"
                  + (f", errors {four['errors'] + one['errors']}" if four["errors"] or one["errors"] else ""))


def latency_only(fashion: Settings, messages: list[str], args: argparse.Namespace) -> None:
    """The 1- and 4-session latencies alone, ``args.rounds`` times: in-process, then over HTTP with ``--http``."""
    results: dict[str, Any] = {"in_process": []}
    for number in range(1, args.rounds + 1):
        one, four = latency(fashion, messages, 1), latency(fashion, messages, 4)
        results["in_process"].append({"1": one, "4": four, "4_over_1": four["full_p50"] / one["full_p50"]})
        print(f"in-process, round {number}: 1 session p50 {one['full_p50']:.3f} s p90 {one['full_p90']:.3f} s; "
              f"4 sessions p50 {four['full_p50']:.3f} s p90 {four['full_p90']:.3f} s; "
              f"4/1 x{four['full_p50'] / one['full_p50']:.2f}", flush=True)
    if args.http:
        results["http"] = http_all(fashion, messages, args)
        _print_http(results["http"])
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, default=str), encoding="utf-8")


if __name__ == "__main__":
    main()
