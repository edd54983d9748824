"""What every built-in exporter does: refuse to overwrite, write atomically, stream, list itself."""

from __future__ import annotations

import csv
import gc
import json
import weakref
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner

import diplomacy_corpus as dc
from diplomacy_corpus.cli import main

FORMATS = ["json", "jsonl", "csv", "markdown"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_refuses_to_overwrite_unless_forced(tmp_path: Path, fmt: str, document: dc.Document) -> None:
    out = tmp_path / "out"
    out.write_text("keep me", encoding="utf-8")
    with pytest.raises(dc.ExportError, match="force"):
        dc.export([document], fmt, out)
    assert out.read_text(encoding="utf-8") == "keep me"
    assert dc.export([document], fmt, out, force=True) == 1
    assert dc.export([document], fmt, out, force=True) == 1  # a folder output is replaced as well


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_failure_leaves_nothing_behind(tmp_path: Path, fmt: str, document: dc.Document) -> None:
    def failing() -> Iterator[dc.Document]:
        yield document
        raise RuntimeError("input broke")

    with pytest.raises(RuntimeError, match="input broke"):
        dc.export(failing(), fmt, tmp_path / "out")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_streams(tmp_path: Path, fmt: str, make_document: object) -> None:
    alive: list[weakref.ref[dc.Document]] = []

    def stream() -> Iterator[dc.Document]:
        for number in range(30):
            gc.collect()
            assert sum(ref() is not None for ref in alive) <= 1, "the exporter keeps documents in memory"
            document = make_document(origin=f"note-{number}.txt")  # type: ignore[operator]
            alive.append(weakref.ref(document))
            yield document
            del document

    assert dc.export(stream(), fmt, tmp_path / "out") == 30


@pytest.mark.parametrize("fmt", FORMATS)
def test_empty_corpus(tmp_path: Path, fmt: str) -> None:
    assert dc.export([], fmt, tmp_path / "out") == 0
    assert (tmp_path / "out").exists()


def test_formats_lists_every_exporter_with_suffix_and_description() -> None:
    result = CliRunner().invoke(main, ["formats"])
    assert result.exit_code == 0, result.output
    lines = {line.split()[0]: line for line in result.output.splitlines()}
    for fmt, suffix in [("json", ".json"), ("jsonl", ".jsonl"), ("csv", "(folder)"), ("markdown", ".md")]:
        assert lines[fmt].split()[1] == suffix
        assert len(lines[fmt].split()) > 3


@pytest.mark.parametrize("fmt", FORMATS)
def test_cli_parse_writes_each_format(tmp_path: Path, fmt: str) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for number in range(2):
        (inputs / f"{number}.txt").write_text(
            f"Bài {number}: Việt Nam và Nhật Bản\n\nNgày 4/4/2025, hai bên hội đàm tại Hà Nội.", encoding="utf-8"
        )
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["parse", str(inputs), "--format", fmt, "--output", str(out), "--no-progress"])
    assert result.exit_code == 0, result.output
    if fmt == "json":
        assert len(json.loads(out.read_text(encoding="utf-8"))["documents"]) == 2
    elif fmt == "jsonl":
        assert len(out.read_text(encoding="utf-8").splitlines()) == 2
    elif fmt == "csv":
        with open(out / "documents.csv", encoding="utf-8-sig", newline="") as stream:
            assert len(list(csv.DictReader(stream))) == 2
    else:
        assert out.read_text(encoding="utf-8").count('<a id="doc-') == 2
    again = CliRunner().invoke(main, ["parse", str(inputs), "--format", fmt, "--output", str(out)])
    assert again.exit_code == 2 and "--force" in again.output


@pytest.mark.parametrize("fmt", FORMATS)
def test_lone_surrogates_never_crash(tmp_path: Path, fmt: str, document: dc.Document) -> None:
    # os.fsdecode() gives lone surrogates for undecodable file names; they reach origin.
    odd = attrs.evolve(document, origin="b\udcffad.txt", title="x\ud800y")
    assert dc.export([odd], fmt, tmp_path / "out") == 1
    for path in [tmp_path / "out"] if fmt != "csv" else (tmp_path / "out").iterdir():
        path.read_bytes().decode("utf-8")  # still valid UTF-8
