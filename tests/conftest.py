"""Test configuration: installed third-party plugins never leak into the tests."""

from __future__ import annotations

import os

import pytest

os.environ["DIPLOMACY_CORPUS_PLUGINS"] = "none"


@pytest.fixture(autouse=True)
def _fresh_plugins(monkeypatch: pytest.MonkeyPatch):
    """Each test starts with only the built-in plugins loaded."""
    from diplomacy_corpus import plugins

    monkeypatch.setenv("DIPLOMACY_CORPUS_PLUGINS", "none")
    plugins.reset()
    yield
    plugins.reset()
