"""Two ``chatrec serve`` processes sharing one PostgreSQL AND one Chroma server (issue 16).

The index is built onto a Chroma server (``chroma run``, the collection lives there; the index
folder keeps the manifest and the items) and both replicas search it there
(``CHATREC_RETRIEVAL_BACKEND=chroma``). 16 sessions x 6 turns, turn k of every session answered
by replica k mod 2 and the last two turns sent at once to both: no error, and every session's
stored turns are exactly its messages, customer and assistant alternating, each once.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from chroma_fixture import chroma_server  # noqa: F401  (a fixture)
from fakes import HashingEmbedder
from postgres_fixture import postgres_url  # noqa: F401  (a fixture)

from chatrec.index import CHROMA_DIR, build_index, chroma_client, open_index
from chatrec.settings import Settings

ROOT = Path(__file__).parents[2]
sys.path.insert(0, str(ROOT / "bench"))

from bench_replicas import alternate_turns, replicas  # noqa: E402

FIXTURE = ROOT / "tests" / "fixtures" / "fashion_small.csv"


@pytest.mark.slow
def test_two_replicas_on_one_postgres_and_one_chroma_server_answer_alternate_turns(
    postgres_url: str, chroma_server: tuple[str, int], tmp_path: Path  # noqa: F811
) -> None:
    host, port = chroma_server
    settings = Settings(
        index_dir=tmp_path / "index", cache_dir=tmp_path / "cache", chroma_host=host, chroma_port=port,
        retrieval_backend="chroma", _env_file=None,
    )
    fake = HashingEmbedder()
    build_index(FIXTURE, settings, embedder=fake)
    collection = open_index(settings.index_dir).manifest["collection"]
    # The vectors are on the server, not in the folder the replicas read.
    assert chroma_client(settings).get_collection(collection).count() == 300
    assert not (settings.index_dir / CHROMA_DIR).exists()

    env = {
        "CHATREC_INDEX_DIR": str(settings.index_dir), "CHATREC_DATA_DIR": str(tmp_path / "data"),
        "CHATREC_CACHE_DIR": str(tmp_path / "cache"), "CHATREC_EMBEDDER": fake.name,
        "CHATREC_DATABASE_URL": postgres_url, "CHATREC_USE_LLM": "false",
        "CHATREC_CHROMA_HOST": host, "CHATREC_CHROMA_PORT": str(port), "CHATREC_RETRIEVAL_BACKEND": "chroma",
        "CHATREC_RATE_LIMIT_PER_MINUTE": "100000",
    }
    try:
        with replicas(2, env, fake_embedder=True, threads=1) as urls:
            result = alternate_turns(urls, sessions=16, turns=6, concurrency=8, deadline=240)
    finally:
        chroma_client(settings).delete_collection(collection)  # the server may be CI's, shared
    print("two replicas, one PostgreSQL, one Chroma server:", result.summary())
    assert result.errors == []
    assert result.bad_sessions == []
    assert result.requests == 16 * 6
