"""The ``csv`` exporter: a folder of tables that join by ids."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import documents

import diplomacy_corpus as dc
from diplomacy_corpus.exporting import TABLES, document_key

SETTINGS = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def read(folder: Path, table: str, encoding: str = "utf-8-sig") -> list[dict[str, str]]:
    with open(folder / f"{table}.csv", encoding=encoding, newline="") as stream:
        return list(csv.DictReader(stream))


def test_writes_one_file_per_table_with_a_bom(tmp_path: Path, document: dc.Document) -> None:
    out = tmp_path / "tables"
    assert dc.export([document], "csv", out) == 1
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{name}.csv" for name in TABLES)
    for name, table in TABLES.items():
        raw = (out / f"{name}.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), name  # Excel reads UTF-8 only with a BOM
        header = next(csv.reader([raw.decode("utf-8-sig").splitlines()[0]]))
        assert tuple(header) == table.column_names()


def test_bom_can_be_turned_off(tmp_path: Path, document: dc.Document) -> None:
    dc.export([document], "csv", tmp_path / "t", bom=False)
    assert (tmp_path / "t" / "documents.csv").read_bytes().startswith(b"document_id,")
    assert read(tmp_path / "t", "actors", encoding="utf-8")[0]["name"] == "Tô Lâm"


def test_tables_join_by_ids(tmp_path: Path, document: dc.Document) -> None:
    dc.export([document], "csv", tmp_path / "t")
    docs = {row["document_id"]: row for row in read(tmp_path / "t", "documents")}
    assert list(docs) == [document_key(document)]
    actors = {(row["document_id"], row["actor_id"]): row for row in read(tmp_path / "t", "actors")}
    events = {(row["document_id"], row["event_id"]): row for row in read(tmp_path / "t", "events")}
    calls = [
        actors[(row["document_id"], row["actor_id"])]["name"]
        for row in read(tmp_path / "t", "event_participants")
        if events[(row["document_id"], row["event_id"])]["kind"] == "phone_call"
    ]
    assert calls == ["Tô Lâm", "Donald Trump"]
    for row in read(tmp_path / "t", "mentions"):
        start, end = int(row["start"]), int(row["end"])
        assert document.text[start:end] == row["text"]


def test_cells_are_plain_iso_and_predictable(tmp_path: Path, document: dc.Document) -> None:
    dc.export([document], "csv", tmp_path / "t")
    event = read(tmp_path / "t", "events")[0]
    assert event["date"] == "2025-04-04"
    assert event["year"] == "2025"
    assert event["date_end"] == ""
    assert event["location"] == "Hà Nội | Washington"
    assert event["participants"] == "Tô Lâm; Donald Trump"
    values = [row["value"] for row in read(tmp_path / "t", "metrics")]
    assert values == ["123000000000", "-19.3"]  # numbers are never neutralised
    actor = read(tmp_path / "t", "actors")[1]
    assert (actor["titles"], actor["aliases"], actor["mention_count"]) == ("Tổng thống", "Trump", "2")
    doc = read(tmp_path / "t", "documents")[0]
    assert doc["captions"] == "Ảnh: TTXVN; Tổng Bí thư Tô Lâm"
    assert doc["text"] == document.text.replace("\r\n", "\n")  # quoted multi-line cell


def test_formulas_are_neutralised_unless_raw(tmp_path: Path, document: dc.Document) -> None:
    dc.export([document], "csv", tmp_path / "safe")
    assert read(tmp_path / "safe", "documents")[0]["author"] == "'=cmd|' /C calc'!A0"
    dc.export([document], "csv", tmp_path / "raw", raw=True)
    assert read(tmp_path / "raw", "documents")[0]["author"] == "=cmd|' /C calc'!A0"


def test_string_options_as_the_cli_passes_them(tmp_path: Path, document: dc.Document) -> None:
    dc.export([document], "csv", tmp_path / "t", bom="false", raw="yes")
    assert not (tmp_path / "t" / "actors.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    with pytest.raises(dc.ExportError, match="available: bom, raw"):
        dc.export([document], "csv", tmp_path / "u", excel=True)
    assert not (tmp_path / "u").exists()


def test_a_document_met_twice_is_written_once(tmp_path: Path, document: dc.Document) -> None:
    assert dc.export([document, document], "csv", tmp_path / "t") == 1
    assert len(read(tmp_path / "t", "documents")) == 1


@SETTINGS
@given(st.lists(documents(), max_size=4), st.booleans())
def test_never_crashes_and_reads_back(
    tmp_path_factory: pytest.TempPathFactory, docs: list[dc.Document], raw: bool
) -> None:
    out = tmp_path_factory.mktemp("csv") / "t"
    written = dc.export(docs, "csv", out, raw=raw)
    assert written == len({document_key(d) for d in docs})
    rows = read(out, "documents")
    assert len(rows) == written
    if raw:
        unique = {document_key(d): d.origin for d in docs}
        assert sorted(r["origin"] for r in rows) == sorted(unique.values())
    for name, table in TABLES.items():
        for row in read(out, name):
            assert tuple(row) == table.column_names()
            if not raw:
                assert all(not cell.startswith(("=", "+", "@")) for cell in row.values())
