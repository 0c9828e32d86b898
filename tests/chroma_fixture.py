"""A Chroma server for tests: the one named by ``CHATREC_TEST_CHROMA_URL``, else one started here.

``.ci/run`` starts a server (``.ci/start-chroma.sh``) and exports its URL. Without the variable,
the fixture starts ``chroma run`` itself on a free loopback port for the test session; when that
is impossible (no ``chroma`` command) the test is skipped on a developer's machine and fails in
CI (``CI=true``). Builds make collections with fresh names, so tests can share one server.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

__all__ = ["URL_ENV", "chroma_server"]

URL_ENV = "CHATREC_TEST_CHROMA_URL"


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"true", "1", "yes"}


def _reachable(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    """``(host, port)`` of a running Chroma server."""
    url = os.environ.get(URL_ENV)
    if url:
        parts = urlsplit(url)
        host, port = parts.hostname or "127.0.0.1", parts.port or 8000
        if not _reachable(host, port):
            pytest.fail(f"the Chroma server at {url} ({URL_ENV}) is unreachable")
        yield host, port
        return
    executable = Path(sys.executable).parent / "chroma"
    found = str(executable) if executable.exists() else shutil.which("chroma")
    if found is None:
        message = f"no chroma command (pip install chromadb) and {URL_ENV} is not set"
        if _in_ci():
            pytest.fail(message)
        pytest.skip(message)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    store = tmp_path_factory.mktemp("chroma-server")
    log = (store / "server.log").open("wb")
    process = subprocess.Popen(
        [found, "run", "--path", str(store / "data"), "--host", "127.0.0.1", "--port", str(port)],
        stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while not _reachable("127.0.0.1", port):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"chroma run did not start: {(store / 'server.log').read_text(errors='replace')[-1000:]}")
            time.sleep(0.3)
        yield "127.0.0.1", port
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()
