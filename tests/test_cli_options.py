"""Exporter options on the command line (-O KEY=VALUE) and the installed plugins."""

from __future__ import annotations

import importlib.util
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from diplomacy_corpus import plugins
from diplomacy_corpus.cli import main

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _run(*args: str | Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    return result.exit_code, result.output


def test_csv_bom_option(tmp_path: Path) -> None:
    code, _ = _run("parse", SEEDS, "-f", "csv", "-o", tmp_path / "with")
    assert code == 0
    assert (tmp_path / "with" / "documents.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    code, _ = _run("parse", SEEDS, "-f", "csv", "-o", tmp_path / "without", "-O", "bom=false")
    assert code == 0
    assert not (tmp_path / "without" / "documents.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_bad_option_syntax_and_unknown_option(tmp_path: Path) -> None:
    code, out = _run("parse", SEEDS, "-f", "csv", "-o", tmp_path / "x", "-O", "bom")
    assert code == 2 and "KEY=VALUE" in out
    code, out = _run("parse", SEEDS, "-f", "csv", "-o", tmp_path / "y", "-O", "colour=red")
    assert code == 1 and "colour" in out


def test_existing_output_is_refused_before_parsing(tmp_path: Path) -> None:
    out = tmp_path / "c.json"
    out.write_text("keep me", encoding="utf-8")
    code, message = _run("parse", SEEDS, "-o", out)
    assert code == 2 and "exists" in message
    assert out.read_text(encoding="utf-8") == "keep me"


@pytest.mark.skipif(importlib.util.find_spec("diplomacy_corpus_sqlite") is None,
                    reason="the diplomacy-corpus-sqlite plugin is not installed (sh .ci/setup installs it)")
def test_installed_sqlite_plugin_is_listed_and_appends(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIPLOMACY_CORPUS_PLUGINS", "diplomacy-corpus-sqlite")
    plugins.reset()
    code, listing = _run("plugins")
    assert code == 0 and "sqlite" in listing
    db = tmp_path / "c.sqlite"
    assert _run("parse", SEEDS / "000_614849c0a6ff469c.txt", "-f", "sqlite", "-o", db)[0] == 0
    code, out = _run("parse", SEEDS, "-f", "sqlite", "-o", db)
    assert code == 2 and "exists" in out
    assert _run("parse", SEEDS, "-f", "sqlite", "-o", db, "-O", "append=true")[0] == 0
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 5
