"""Terminal niceties for the entry points: a spinner while a turn is computed, quiet library warnings.

Nothing here runs on import; the CLI and ``app.py`` call these functions.
"""

from __future__ import annotations

import itertools
import logging
import os
import sys
import threading
import time
import warnings
from collections.abc import Iterable, Iterator
from types import TracebackType
from typing import IO, TypeVar

__all__ = ["Spinner", "quiet_library_warnings", "with_spinner"]

_T = TypeVar("_T")
_FRAMES = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"


def quiet_library_warnings() -> None:
    """Hide the deprecation notices torch and transformers print on every generation step.

    They are about the libraries' own future APIs, not about anything a shop owner can
    change. Called by the entry points only, never on import.
    """
    # transformers also logs its deprecation notices ("[transformers] `past_key_values` ... are
    # deprecated") through its own logger, whose level it reads from this variable.
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    if "transformers" in sys.modules:
        logging.getLogger("transformers").setLevel(logging.ERROR)
    warnings.filterwarnings("ignore", message=r".*past_key_values.*", category=FutureWarning)
    warnings.filterwarnings("ignore", category=FutureWarning, module=r"transformers(\.|$)")
    warnings.filterwarnings("ignore", category=UserWarning, message=r".*TypedStorage is deprecated.*")


class Spinner:
    """A spinner drawn in place on a terminal while something runs (nothing when not a terminal).

    With a ``label`` it draws ``⠋ label 3s`` on a line of its own and erases it when done;
    without one it draws a single frame after the cursor and backs over it, so that it can
    sit inside streamed text.

    Args:
        label: Words shown after the spinner ("thinking"), or "" for a bare spinner.
        stream: Where to draw (default: stderr).
        delay: Seconds before it appears (quick answers show nothing).
        enabled: Force on or off (default: when ``stream`` is a terminal).
    """

    def __init__(
        self, label: str = "", *, stream: IO[str] | None = None, delay: float = 0.3, enabled: bool | None = None
    ) -> None:
        self.label = label
        self.stream = stream or sys.stderr
        self.delay = delay
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._drawn = 0

    def _run(self) -> None:
        started = time.monotonic()
        if self._stop.wait(self.delay):
            return
        for frame in itertools.cycle(_FRAMES):
            if self.label:
                text = f"\r{frame} {self.label} {time.monotonic() - started:.0f}s"
                self.stream.write(text)
                self._drawn = len(text) - 1
            else:
                self.stream.write(frame + "\b")
                self._drawn = 1
            self.stream.flush()
            if self._stop.wait(0.1):
                return

    def __enter__(self) -> Spinner:
        if self.enabled:
            self._thread = threading.Thread(target=self._run, daemon=True)
            self._thread.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
            if self._drawn:
                if self.label:
                    self.stream.write("\r" + " " * self._drawn + "\r")
                else:
                    self.stream.write(" \b")
                self.stream.flush()


def with_spinner(chunks: Iterable[_T], *, stream: IO[str] | None = None, enabled: bool | None = None) -> Iterator[_T]:
    """The items of ``chunks``, with a bare spinner shown while each next one is awaited."""
    iterator = iter(chunks)
    while True:
        with Spinner(stream=stream, enabled=enabled):
            try:
                item = next(iterator)
            except StopIteration:
                return
        yield item
