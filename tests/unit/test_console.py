"""The CLI's spinner during a turn, and library warnings kept off the screen."""

from __future__ import annotations

import io
import time
import warnings

from chatrec.console import Spinner, quiet_library_warnings, with_spinner


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_spinner_shows_while_waiting_and_erases_itself() -> None:
    screen = _Terminal()
    with Spinner("thinking", stream=screen, delay=0.0):
        time.sleep(0.25)
    text = screen.getvalue()
    assert "thinking" in text and any(frame in text for frame in "⠋⠙⠹")
    assert text.endswith("\r")  # the line is cleared for the answer


def test_no_spinner_when_not_a_terminal() -> None:
    screen = io.StringIO()
    with Spinner("thinking", stream=screen, delay=0.0):
        time.sleep(0.15)
    assert screen.getvalue() == ""


def test_streamed_chunks_pass_through_unchanged() -> None:
    def slow() -> object:
        yield "Here"
        time.sleep(0.2)
        yield " you go"

    screen = _Terminal()
    assert list(with_spinner(slow(), stream=screen)) == ["Here", " you go"]
    assert screen.getvalue() == "" or screen.getvalue().endswith(" \b")


def test_library_deprecation_notices_are_hidden() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        quiet_library_warnings()
        warnings.warn("`past_key_values` is deprecated and will be removed", FutureWarning, stacklevel=1)
        warnings.warn("a warning of chatrec's own", UserWarning, stacklevel=1)
    assert [str(w.message) for w in caught] == ["a warning of chatrec's own"]


def test_transformers_own_deprecation_log_is_quiet(monkeypatch) -> None:
    import logging

    monkeypatch.delenv("TRANSFORMERS_VERBOSITY", raising=False)
    quiet_library_warnings()
    import os

    assert os.environ["TRANSFORMERS_VERBOSITY"] == "error"
    import transformers  # noqa: F401  (imported: its logger is set too)

    quiet_library_warnings()
    assert logging.getLogger("transformers").getEffectiveLevel() >= logging.ERROR
