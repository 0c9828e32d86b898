"""A test module whose dependency is missing is skipped on a laptop but fails in CI."""

from __future__ import annotations

import pytest
from needs import need


def test_a_missing_test_dependency_fails_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(ImportError):
        need("chatrec_no_such_module", reason="never installed")
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception):
        need("chatrec_no_such_module", reason="never installed")
    assert need("json", reason="stdlib").dumps([]) == "[]"
