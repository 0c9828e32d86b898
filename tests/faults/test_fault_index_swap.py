"""The index swap under crashes: between its two renames, and kill -9 of a real build.

The README promises that a failed build leaves the previous index intact; a crash must
not break that promise either: the previous index is back on the next start or build, and
nothing a killed build wrote aside stays behind.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from fakes import HashingEmbedder

import chatrec.atomic
from chatrec.index import build_index, open_index
from chatrec.settings import Settings

FIXTURES = Path(__file__).parents[1] / "fixtures"
TESTS = Path(__file__).parents[1]


class Crash(BaseException):
    """The process dying: no ``except Exception`` handler runs, no rollback either."""


def _catalogue(path: Path, titles: list[str]) -> Path:
    rows = "".join(f"{n},{title},shoes,{10 + n}\n" for n, title in enumerate(titles, start=1))
    path.write_text("id,title,category,price\n" + rows, encoding="utf-8")
    return path


def _leftovers(index_dir: Path) -> list[str]:
    return sorted(p.name for p in index_dir.parent.iterdir() if p.name.startswith(f".{index_dir.name}."))


def test_a_crash_between_the_renames_keeps_the_previous_index(
    tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    embedder = HashingEmbedder()
    build_index(_catalogue(tmp_path / "v1.csv", ["red shoe", "blue shoe"]), settings, embedder=embedder)

    real_rename = Path.rename
    renames = []

    def crashing_rename(self: Path, target: Path) -> Path:
        renames.append(self.name)
        if len(renames) == 2:  # the old index is aside, the new one not yet in place
            raise Crash()
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", crashing_rename)
    with pytest.raises(Crash):
        build_index(_catalogue(tmp_path / "v2.csv", ["green boot"] * 3), settings, embedder=embedder)
    monkeypatch.setattr(Path, "rename", real_rename)
    assert not settings.index_dir.exists()  # the crash left no index in place

    index = open_index(settings.index_dir)  # the next start
    assert [item.title for item in index.items] == ["red shoe", "blue shoe"]
    assert _leftovers(settings.index_dir) == []
    report = build_index(tmp_path / "v2.csv", settings, embedder=embedder)  # and the next build works
    assert report.n_items == 3 and _leftovers(settings.index_dir) == []


def test_a_crash_after_the_swap_leaves_nothing_behind(
    tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    embedder = HashingEmbedder()
    build_index(_catalogue(tmp_path / "v1.csv", ["red shoe"]), settings, embedder=embedder)

    def crash(*args: object, **kwargs: object) -> None:
        raise Crash()

    monkeypatch.setattr(chatrec.atomic.shutil, "rmtree", crash)  # dies while removing the old index
    with pytest.raises(Crash):
        build_index(_catalogue(tmp_path / "v2.csv", ["green boot", "grey boot"]), settings, embedder=embedder)
    monkeypatch.undo()
    assert [item.title for item in open_index(settings.index_dir).items] == ["green boot", "grey boot"]
    assert _leftovers(settings.index_dir) == []


_KILLED_BUILD = textwrap.dedent(
    """
    import sys, time
    sys.path.insert(0, {tests!r})
    from pathlib import Path
    from fakes import HashingEmbedder
    import chatrec.atomic
    from chatrec.index import build_index
    from chatrec.settings import Settings

    stage = {stage!r}
    real_swap = chatrec.atomic.swap_in

    import chatrec.index
    real_write = chatrec.index._write_collection

    def slow_write(*args, **kwargs):  # the build is writing its new index aside
        real_write(*args, **kwargs)
        print("writing", flush=True)
        time.sleep(60)

    def half_swap(building, target):
        target.rename(target.parent / (".%s.old-0badc0de" % target.name))
        print("between", flush=True)
        time.sleep(60)

    if stage == "writing":
        chatrec.index._write_collection = slow_write
    else:
        chatrec.index.swap_in = half_swap
    settings = Settings(index_dir={index!r}, cache_dir={cache!r}, _env_file=None)
    build_index({catalog!r}, settings, embedder=HashingEmbedder())
    """
)


@pytest.mark.slow
@pytest.mark.parametrize("stage", ["writing", "between"])
def test_kill_9_of_a_real_build(tmp_path: Path, settings: Settings, stage: str) -> None:
    embedder = HashingEmbedder()
    build_index(_catalogue(tmp_path / "v1.csv", ["red shoe", "blue shoe"]), settings, embedder=embedder)
    script = _KILLED_BUILD.format(
        tests=str(TESTS), stage=stage, index=str(settings.index_dir), cache=str(settings.cache_dir),
        catalog=str(_catalogue(tmp_path / "v2.csv", ["green boot", "grey boot", "tan boot"])),
    )
    env = {**os.environ, "OMP_NUM_THREADS": "1", "PYTHONPATH": str(TESTS.parent)}
    build = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert build.stdout is not None
        assert build.stdout.readline().strip() == stage  # the build reached the moment to kill it
        build.send_signal(signal.SIGKILL)
        build.wait(timeout=30)
    finally:
        if build.poll() is None:
            build.kill()
    assert _leftovers(settings.index_dir)  # it did leave something behind
    started = time.monotonic()
    index = open_index(settings.index_dir)  # the next start
    assert [item.title for item in index.items] == ["red shoe", "blue shoe"]
    assert _leftovers(settings.index_dir) == []
    assert time.monotonic() - started < 10
