"""Keeping a long-running server's memory flat while the LLM runs in-process.

Every LLM turn allocates and frees tensors whose sizes follow the prompt's length (the KV
cache of a reason, the logits of a ranking batch). glibc's ``malloc`` serves them from one
arena per thread that ever allocated (up to 8 per core: a web server's thread pool touches
many), and its mmap threshold grows after each large free, so later large tensors come from
those arenas' heaps too. The freed memory stays in the arenas, fragmented, and the process's
resident size climbs turn after turn although Python and torch hold no more objects.

:func:`limit_arenas` caps the arenas (``mallopt(M_ARENA_MAX)``), fixes the mmap threshold (so
large tensors are mapped and unmapped whole) and :func:`release_freed_memory` hands free pages
back to the system (``malloc_trim(0)``) after a turn. Both do nothing on a C library other
than glibc (musl, macOS), where they are not needed in this form.

The other half is oneDNN's primitive cache: torch runs bf16 matrix products through oneDNN,
which compiles and keeps a kernel (with its buffers) for every distinct shape, up to 1024 of
them. Every prompt length is a new shape, so the cache filled turn after turn.
:func:`bound_kernel_cache` lowers its capacity (``ONEDNN_PRIMITIVE_CACHE_CAPACITY``, read by
oneDNN when it first runs; an operator's own value is kept).

Measured with ``bench/bench_soak.py --llm`` (docs/RELIABILITY.md): without these, resident
memory rose by 612 MB over the first 25 answers and kept rising; with the arena cap and the
trim alone by 398 MB up to the 75th answer, then flat; with the kernel cache capped as well by
102 MB over the first 25 answers and then about 1 MB per answer (+94 MB per 100 fitted).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import threading
import time

__all__ = ["bound_kernel_cache", "limit_arenas", "release_freed_memory"]

logger = logging.getLogger(__name__)

# mallopt parameters from glibc's <malloc.h>.
_M_MMAP_THRESHOLD = -3
_M_ARENA_MAX = -8

#: Arenas kept by :func:`limit_arenas` (glibc's own default is 8 per core).
DEFAULT_ARENAS = 2
#: Allocations at least this large are mapped on their own and returned whole when freed.
DEFAULT_MMAP_THRESHOLD = 1 << 20
#: At most one trim per this many seconds: a trim walks every arena (a few ms on a big heap).
MIN_TRIM_INTERVAL = 1.0

#: oneDNN kernels kept (oneDNN's default: 1024): the few shapes of token-by-token decoding and
#: the latest prompt lengths.
DEFAULT_KERNEL_CACHE = 64
#: The variable through which oneDNN's primitive cache is sized.
KERNEL_CACHE_VARIABLE = "ONEDNN_PRIMITIVE_CACHE_CAPACITY"

_lock = threading.Lock()
_last_trim = 0.0
_configured = False


def _glibc() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("c")
    if not name:
        return None
    try:
        libc = ctypes.CDLL(name)
    except OSError:
        return None
    if not hasattr(libc, "malloc_trim") or not hasattr(libc, "mallopt"):
        return None  # not glibc
    return libc


_LIBC = _glibc()


def limit_arenas(arenas: int = DEFAULT_ARENAS, mmap_threshold: int = DEFAULT_MMAP_THRESHOLD) -> bool:
    """Cap glibc's malloc arenas and fix its mmap threshold for this process (once).

    Call it before the threads that will run the LLM first allocate. Later calls do nothing.

    Returns:
        Whether the settings were applied (False on a C library other than glibc).
    """
    global _configured
    if _LIBC is None:
        return False
    with _lock:
        if _configured:
            return True
        ok = bool(_LIBC.mallopt(_M_ARENA_MAX, arenas)) and bool(_LIBC.mallopt(_M_MMAP_THRESHOLD, mmap_threshold))
        _configured = ok
    if not ok:
        logger.warning("mallopt refused the arena limit %d or the mmap threshold %d", arenas, mmap_threshold)
    return ok


def release_freed_memory(min_interval: float = MIN_TRIM_INTERVAL) -> bool:
    """Return the memory ``malloc`` holds free to the system (``malloc_trim(0)``).

    Rate-limited: does nothing when the last trim was less than ``min_interval`` seconds ago
    or another thread is trimming.

    Returns:
        Whether a trim ran.
    """
    global _last_trim
    if _LIBC is None:
        return False
    now = time.monotonic()
    if now - _last_trim < min_interval or not _lock.acquire(blocking=False):
        return False
    try:
        _last_trim = now
        _LIBC.malloc_trim(0)
    finally:
        _lock.release()
    return True


def bound_kernel_cache(capacity: int = DEFAULT_KERNEL_CACHE) -> int:
    """Cap oneDNN's cache of compiled kernels for this process, unless the operator already did.

    oneDNN reads ``ONEDNN_PRIMITIVE_CACHE_CAPACITY`` when it first runs a kernel, so call this
    before the LLM's first forward pass; later it has no effect.

    Returns:
        The capacity in force (the operator's value when one was set).
    """
    chosen = os.environ.setdefault(KERNEL_CACHE_VARIABLE, str(capacity))
    try:
        return int(chosen)
    except ValueError:
        logger.warning("%s=%r is not a number; oneDNN will use its default", KERNEL_CACHE_VARIABLE, chosen)
        return -1
