"""Test dependencies that must not vanish in CI."""

from __future__ import annotations

import importlib
import os
from types import ModuleType

import pytest

__all__ = ["need"]


def need(module: str, reason: str) -> ModuleType:
    """Import ``module`` for a test module: skipped without it on a developer's machine, an error in CI.

    In CI (``CI=true``) a missing dependency raises ``ImportError``, a collection error that
    fails the run instead of silently dropping the tests.
    """
    if os.environ.get("CI", "").strip().lower() in {"true", "1", "yes"}:
        return importlib.import_module(module)
    return pytest.importorskip(module, reason=reason)
