"""Picking up a rebuilt catalogue index in a running server, without a restart or a failed request.

``chatrec index build`` writes a new index aside and swaps it in (see :mod:`chatrec.index`). An
:class:`IndexWatcher` in each server process notices the new ``manifest.json`` (its content
changes with every build), opens the new index in the background with the embedder already
loaded, and only then hands it to the engine (``ChatRec.replace_retriever``): requests keep
being answered from the old index until the new one is fully in memory. A half-swapped or
damaged folder is retried at the next check, never served.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import weakref
from pathlib import Path
from typing import Any

from chatrec.errors import ChatRecError
from chatrec.index import MANIFEST

__all__ = ["IndexWatcher", "manifest_fingerprint"]

logger = logging.getLogger(__name__)


def manifest_fingerprint(index_dir: Path) -> str | None:
    """A hash of the index's manifest, or None while there is none (mid-swap)."""
    try:
        return hashlib.sha256((Path(index_dir) / MANIFEST).read_bytes()).hexdigest()
    except OSError:
        return None


class IndexWatcher:
    """Checks the engine's index folder every ``interval`` seconds and reloads a rebuilt index.

    Args:
        engine: A ChatRec (needs ``settings``, ``retriever`` and ``replace_retriever``).
        interval: Seconds between checks.
    """

    def __init__(self, engine: Any, interval: float = 2.0) -> None:
        self._engine = weakref.ref(engine)
        self.index_dir = Path(engine.settings.index_dir)
        self.interval = interval
        self.reloads = 0
        self._seen = manifest_fingerprint(self.index_dir)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> IndexWatcher:
        """Check in a daemon thread until :meth:`stop` (or until the engine is gone)."""
        self._thread = threading.Thread(target=self._loop, name="chatrec-index-watcher", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop checking."""
        self._stop.set()

    def _loop(self) -> None:
        while not self._stop.wait(self.interval):
            if self._engine() is None:
                return
            self.check()

    def check(self) -> bool:
        """Reload when the manifest changed since the last load; True when a new index was put in place."""
        engine = self._engine()
        current = manifest_fingerprint(self.index_dir)
        if engine is None or current is None or current == self._seen:
            return False
        from chatrec.retrieval import Retriever

        _forget_embedded_chroma(self.index_dir)
        old = engine.retriever
        try:
            fresh = Retriever.open(engine.settings, self.index_dir, embedder=old.embedder)
        except ChatRecError as exc:
            logger.warning(
                "the rebuilt index in %s cannot be opened yet (%s); keeping the old one", self.index_dir, exc
            )
            return False
        if manifest_fingerprint(self.index_dir) != current:
            return False  # rebuilt again while loading: the next check takes the newest
        engine.replace_retriever(fresh)
        self._seen = current
        self.reloads += 1
        logger.info("reloaded the index in %s: %d items", self.index_dir, len(fresh.index.items))
        return True


def _forget_embedded_chroma(index_dir: Path) -> None:
    """Make the next client of an embedded store under ``index_dir`` read the folder afresh.

    chromadb keeps one open system per store path for the whole process, so a client opened
    after a rebuilt folder was swapped in would read the old, deleted one. The cached systems
    of stores under ``index_dir`` are dropped from that cache (not stopped: the old retriever
    may still be answering with them); a server store (``chroma_host``) is not affected.
    """
    from chromadb.api.shared_system_client import SharedSystemClient

    roots = {str(index_dir), str(Path(index_dir).resolve())}
    cache = SharedSystemClient._identifier_to_system
    for identifier in list(cache):
        if any(identifier == root or identifier.startswith(root.rstrip("/") + "/") for root in roots):
            cache.pop(identifier, None)
