"""Folders replaced whole: an index, a trained embedder, a converted model.

A new folder is written aside (``.NAME.building-PID-XXXX``) and swapped in with two
renames: the old folder to ``.NAME.old-XXXX``, the new one to ``NAME``; the old one is
removed last. A crash (kill -9, power loss) can stop this at any point, and
:func:`recover` (run by every build and on every start) puts things right:

- ``NAME`` missing and an ``.old`` folder present (a crash between the renames): the old
  folder is put back; the previous index is served.
- ``NAME`` present and ``.old`` folders left (a crash after the second rename): they are removed.
- ``.building`` folders of processes that no longer run (a build killed while writing
  aside): removed. A folder of a build still running is left alone.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import uuid
from pathlib import Path

__all__ = ["new_building_dir", "recover", "swap_in"]

logger = logging.getLogger(__name__)


def _building_pattern(target: Path) -> re.Pattern[str]:
    return re.compile(rf"\.{re.escape(target.name)}\.building-(\d+)-[0-9a-f]+")


def _old_pattern(target: Path) -> re.Pattern[str]:
    return re.compile(rf"\.{re.escape(target.name)}\.old-[0-9a-f]+")


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True


def recover(target: Path) -> list[str]:
    """Undo what an interrupted build or swap left next to ``target``.

    Returns:
        What was done, one sentence each (also logged as warnings); empty when nothing was left.
    """
    parent = target.parent
    if not parent.is_dir():
        return []
    done: list[str] = []
    olds = sorted(
        (p for p in parent.iterdir() if _old_pattern(target).fullmatch(p.name) and p.is_dir()),
        key=lambda p: p.stat().st_mtime,
    )
    if olds and not target.exists():
        restored = olds.pop()  # the most recent one is the folder that was in place
        restored.rename(target)
        done.append(f"restored the previous {target.name} (a swap was interrupted between its renames)")
    for old in olds:
        shutil.rmtree(old, ignore_errors=True)
        done.append(f"removed {old.name}, left by an interrupted swap")
    for folder in parent.iterdir():
        match = _building_pattern(target).fullmatch(folder.name)
        if match and not _alive(int(match.group(1))):
            shutil.rmtree(folder, ignore_errors=True)
            done.append(f"removed {folder.name}, left by a build that was killed")
    for sentence in done:
        logger.warning("%s: %s", target, sentence)
    return done


def new_building_dir(target: Path) -> Path:
    """A new, empty folder beside ``target`` to build its replacement in (after :func:`recover`)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    recover(target)
    building = target.parent / f".{target.name}.building-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    building.mkdir()
    return building


def swap_in(building: Path, target: Path) -> None:
    """Put ``building`` in place of ``target``; the old ``target`` is removed only once the new one is there.

    Raises:
        OSError: The new folder could not be put in place; the old one is back in place
            (or, when another process put its own ``target`` there meanwhile, that one stays).
    """
    old: Path | None = None
    if target.exists():
        old = target.parent / f".{target.name}.old-{uuid.uuid4().hex[:8]}"
        target.rename(old)
    try:
        building.rename(target)
    except OSError:
        if old is not None:
            if target.exists():
                shutil.rmtree(old, ignore_errors=True)
            else:
                old.rename(target)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
