"""The index on a Chroma server (``chroma_host``): a real ``chroma run`` on loopback."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fakes import HashingEmbedder

from chatrec.index import build_index, chroma_client, open_index
from chatrec.retrieval import Filters, Query, Retriever
from chatrec.settings import Settings

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def chroma_port(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    executable = Path(sys.executable).parent / "chroma"
    if not executable.exists():
        found = shutil.which("chroma")
        if found is None:
            pytest.skip("the chroma command (from the chromadb package) is not installed")
        executable = Path(found)
    port = _free_port()
    store = tmp_path_factory.mktemp("chroma-server")
    process = subprocess.Popen(
        [str(executable), "run", "--path", str(store), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("chroma run did not start")
                time.sleep(0.3)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_build_update_and_search_on_a_server(chroma_port: int, tmp_path: Path, fixtures_dir: Path) -> None:
    settings = Settings(
        index_dir=tmp_path / "index", cache_dir=tmp_path / "cache", chroma_host="127.0.0.1",
        chroma_port=chroma_port, retrieval_backend="chroma", _env_file=None,
    )
    embedder = HashingEmbedder()
    catalog = tmp_path / "shop.csv"
    shutil.copy(fixtures_dir / "fashion_small.csv", catalog)
    first = build_index(catalog, settings, embedder=embedder)
    assert first.n_items == 300
    old_collection = open_index(settings.index_dir).manifest["collection"]

    with catalog.open("a") as handle:
        handle.write("99999,Men,Apparel,Topwear,Shirts,Pink,Fall,2011,Casual,Test Pink Shirt\n")
    second = build_index(catalog, settings, embedder=embedder)
    assert (second.added, second.unchanged) == (1, 300)
    manifest = open_index(settings.index_dir).manifest
    names = [getattr(c, "name", c) for c in chroma_client(settings).list_collections()]
    # built aside under a new name, swapped in, the old collection dropped
    assert manifest["collection"] in names and old_collection not in names

    retriever = Retriever.open(settings, embedder=embedder)
    found = retriever.search(Query("pink shirt", Filters(include={"gender": frozenset({"Men"})})), 3)
    assert found[0].item.id == "99999"
    assert all(c.item.attributes["gender"] == "Men" for c in found)
