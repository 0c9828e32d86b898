"""Small file helpers: checksums (catalogue fingerprints, the GGUF cache) and strict JSONL reading."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from chatrec.errors import InputError

__all__ = ["file_sha256", "iter_jsonl"]


def file_sha256(path: Path) -> str:
    """The sha256 of a file's bytes, read in 1 MiB blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def iter_jsonl(path: Path | str, what: str = "file") -> Iterator[tuple[int, Any]]:
    """Yield ``(line number, value)`` for every non-blank line of a JSONL file, strictly.

    Args:
        path: The file.
        what: What the file is, for the error messages ("training data", "baskets").

    Raises:
        InputError: The file is missing or unreadable, or a line is not JSON (named by number).
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{what} file {path} does not exist")
    try:
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    yield number, json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(f"{path}, line {number}: not JSON ({exc.msg})") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read {what} {path}: {exc}") from exc
