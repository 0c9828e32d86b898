"""Small file helpers: checksums (catalogue fingerprints, the GGUF cache), strict JSONL reading,
and text encodings (detected or named) for the files shops send.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from chatrec.errors import InputError

__all__ = ["TextEncoding", "bad_bytes", "detect_encoding", "file_sha256", "iter_jsonl", "open_text"]

#: Bytes read to look for byte-order marks, NUL bytes (binary or UTF-16 without a mark).
_HEAD_BYTES = 65536
_BLOCK_BYTES = 1 << 20
_ESCAPED = re.compile("[\udc80-\udcff]")
_NON_ASCII = re.compile("[^\x00-\x7f]")
#: Bytes that cp1252 leaves undefined: a single-byte file holding them is read as Latin-1.
_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")


@dataclass(frozen=True)
class TextEncoding:
    """How a text file is decoded.

    Attributes:
        name: A Python codec name (``utf-8-sig``, ``utf-16``, ``cp1252``, ...).
        note: Why it was chosen, for the build report ("detected: ...").
        lenient: Undecodable bytes become lone surrogates (``surrogateescape``) so that the
            reader can report the rows holding them, one by one, and keep every other row.
    """

    name: str
    note: str
    lenient: bool = False


def bad_bytes(text: str) -> str | None:
    """The undecodable bytes a leniently decoded text holds (``"0xe9"``), or None when clean."""
    if text.isascii() or not _ESCAPED.search(text):
        return None
    found = [f"0x{ord(ch) - 0xDC00:02x}" for ch in _ESCAPED.findall(text)[:3]]
    return ", ".join(dict.fromkeys(found))


def _utf16_without_bom(head: bytes) -> str | None:
    """``utf-16-le``/``-be`` when every other byte of mostly-ASCII text is NUL, else None."""
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def detect_encoding(path: Path, encoding: str | None = None) -> TextEncoding:
    """The encoding of a text file: named by the caller, else detected from its bytes.

    Detection: a byte-order mark (UTF-8, UTF-16, UTF-32) decides; NUL bytes mean UTF-16
    without a mark or a binary file; otherwise the whole file is scanned: valid UTF-8 is
    UTF-8; a file with undecodable bytes and no valid multi-byte UTF-8 sequence at all is a
    single-byte file (read as cp1252, or Latin-1 when it holds bytes cp1252 leaves undefined);
    a UTF-8 file with a few bad bytes is read leniently so the rows holding them are
    reported and the rest kept.

    Args:
        path: The file.
        encoding: A codec name to use instead of detecting one (``--encoding``).

    Raises:
        InputError: The file cannot be read, the named codec is unknown, or the file is
            binary (not text).
    """
    if encoding:
        try:
            name = codecs.lookup(encoding).name
        except LookupError:
            raise InputError(f"unknown encoding {encoding!r} (try utf-8, cp1252, latin-1, utf-16)") from None
        if name == "utf-8":
            name = "utf-8-sig"  # a BOM is never part of the first column's name
        return TextEncoding(name, f"{encoding} (as named)", lenient=True)
    try:
        with path.open("rb") as handle:
            head = handle.read(_HEAD_BYTES)
            if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
                return TextEncoding("utf-32", "UTF-32 (byte-order mark)", lenient=True)
            if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                return TextEncoding("utf-16", "UTF-16 (byte-order mark)", lenient=True)
            if b"\x00" in head:
                utf16 = _utf16_without_bom(head)
                if utf16 is not None:
                    return TextEncoding(utf16, f"{utf16.upper()} (no byte-order mark)", lenient=True)
                offset = head.index(b"\x00")
                raise InputError(
                    f"{path} is a binary file, not text (a NUL byte at offset {offset}); "
                    "export the catalogue as CSV, JSON or Parquet"
                )
            handle.seek(0)
            decoder = codecs.getincrementaldecoder("utf-8")(errors="surrogateescape")
            n_bad = n_multibyte = 0
            seen_bytes: set[int] = set()
            for block in iter(lambda: handle.read(_BLOCK_BYTES), b""):
                text = decoder.decode(block)
                if text.isascii():
                    continue
                bad = _ESCAPED.findall(text)
                n_bad += len(bad)
                seen_bytes.update(ord(ch) - 0xDC00 for ch in set(bad))
                n_multibyte += len(_NON_ASCII.findall(text)) - len(bad)
            decoder.decode(b"", final=True)
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if n_bad == 0:
        return TextEncoding("utf-8-sig", "UTF-8")
    if n_multibyte == 0:
        if seen_bytes & _CP1252_UNDEFINED:
            return TextEncoding("latin-1", "Latin-1 (not UTF-8: no UTF-8 sequence in the file)", lenient=True)
        return TextEncoding("cp1252", "Windows-1252/Latin-1 (not UTF-8: no UTF-8 sequence in the file)", lenient=True)
    return TextEncoding(
        "utf-8-sig", f"UTF-8 with {n_bad} undecodable byte{'s' if n_bad != 1 else ''}", lenient=True
    )


def open_text(path: Path, encoding: TextEncoding) -> IO[str]:
    """Open a file as text in ``encoding``, universal newlines left to the reader (``newline=""``).

    Raises:
        InputError: The file cannot be opened.
    """
    try:
        raw = path.open("rb")
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc
    errors = "surrogateescape" if encoding.lenient else "strict"
    return io.TextIOWrapper(raw, encoding=encoding.name, errors=errors, newline="")


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
