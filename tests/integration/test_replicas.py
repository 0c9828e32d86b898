"""Two separate ``chatrec serve`` processes sharing one PostgreSQL and one index folder.

16 sessions x 6 turns, turn k of every session answered by replica k mod 2, the last two turns
sent at once to both: no error, and every session's stored turns are exactly its messages,
customer and assistant alternating. Then a catalogue rebuild is picked up by both running
servers without a restart while requests keep coming, none failing.
"""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from fakes import HashingEmbedder
from postgres_fixture import postgres_url  # noqa: F401  (a fixture)

from chatrec.index import build_index
from chatrec.settings import Settings

ROOT = Path(__file__).parents[2]
sys.path.insert(0, str(ROOT / "bench"))

from bench_replicas import alternate_turns, replicas  # noqa: E402

FIXTURE = ROOT / "tests" / "fixtures" / "fashion_small.csv"


@pytest.mark.slow
def test_two_replicas_answer_alternate_turns_and_pick_up_a_rebuilt_index(
    postgres_url: str, tmp_path: Path  # noqa: F811
) -> None:
    settings = Settings(index_dir=tmp_path / "index", cache_dir=tmp_path / "cache", _env_file=None)
    fake = HashingEmbedder()
    build_index(FIXTURE, settings, embedder=fake)
    env = {
        "CHATREC_INDEX_DIR": str(settings.index_dir), "CHATREC_DATA_DIR": str(tmp_path / "data"),
        "CHATREC_CACHE_DIR": str(tmp_path / "cache"), "CHATREC_EMBEDDER": fake.name,
        "CHATREC_DATABASE_URL": postgres_url, "CHATREC_USE_LLM": "false", "OMP_NUM_THREADS": "1",
        "CHATREC_INDEX_RELOAD_SECONDS": "0.5", "CHATREC_RATE_LIMIT_PER_MINUTE": "100000",
    }
    with replicas(2, env, fake_embedder=True) as urls:
        result = alternate_turns(urls, sessions=16, turns=6, concurrency=8, deadline=240)
        print("two replicas:", result.summary())
        assert result.errors == []
        assert result.bad_sessions == []
        assert result.requests == 16 * 6

        # A rebuilt catalogue with one new item, while both replicas keep answering.
        bigger = tmp_path / "bigger.csv"
        rows = FIXTURE.read_text(encoding="utf-8").rstrip("\n")
        bigger.write_text(
            rows + "\n990001,Women,Accessories,Watches,Watches,Teal,Winter,2016,Casual,Zyzzyva Teal Ladies Watch\n",
            encoding="utf-8",
        )
        failures: list[str] = []
        stop = threading.Event()

        def keep_asking() -> None:
            with httpx.Client(timeout=60) as client:
                n = 0
                while not stop.is_set() and n < 400:
                    url = urls[n % 2]
                    response = client.post(f"{url}/v1/chat", json={"message": "a watch for women", "session_id": f"reload-{n}"})
                    if response.status_code != 200:
                        failures.append(f"{url}: {response.status_code} {response.text[:200]}")
                    n += 1

        asker = threading.Thread(target=keep_asking)
        asker.start()
        try:
            build_index(bigger, settings, embedder=fake)
            deadline = time.monotonic() + 30
            seen = set()
            while len(seen) < 2 and time.monotonic() < deadline:
                for url in urls:
                    if httpx.get(f"{url}/v1/items/990001", timeout=10).status_code == 200:
                        seen.add(url)
                time.sleep(0.2)
        finally:
            stop.set()
            asker.join(60)
        assert seen == set(urls), "a replica did not pick up the rebuilt index within 30 s"
        assert failures == []
