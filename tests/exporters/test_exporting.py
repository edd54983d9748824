"""The helpers for exporter authors in ``diplomacy_corpus.exporting``."""

from __future__ import annotations

import math
import re

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import documents

import diplomacy_corpus as dc
from diplomacy_corpus.exporting import (
    TABLES,
    document_key,
    document_rows,
    format_number,
    json_schema,
    neutralize_formula,
    sentence_around,
)


def test_document_key_is_short_stable_and_content_based(document: dc.Document) -> None:
    key = document_key(document)
    assert re.fullmatch(r"[0-9a-f]{16}", key)
    assert document_key(attrs.evolve(document, events=())) == key  # extraction results do not change it
    assert document_key(attrs.evolve(document, text=document.text + ".")) != key
    assert document_key(attrs.evolve(document, origin="other.txt")) != key


@settings(deadline=None)  # no timed tests
@given(st.floats(allow_nan=False, allow_infinity=False) | st.integers(-(10**20), 10**20))
def test_format_number_is_plain_and_exact(value: float) -> None:
    text = format_number(value)
    assert re.fullmatch(r"-?\d+(\.\d+)?", text), text
    assert float(text) == float(value)


def test_format_number_examples() -> None:
    assert format_number(123e9) == "123000000000"
    assert format_number(-13.7) == "-13.7"
    assert format_number(1.5e-7) == "0.00000015"
    assert format_number(None) == ""
    assert format_number(float("nan")) == "nan"


def test_neutralize_formula() -> None:
    for cell in ["=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx"]:
        assert neutralize_formula(cell) == "'" + cell
    for cell in ["", "Hà Nội", "1-2", "a=b", "'=x"]:
        assert neutralize_formula(cell) == cell


def test_sentence_around(document: dc.Document) -> None:
    actor = document.actor("p2")
    assert actor is not None
    assert sentence_around(document.text, actor.mentions[1]) == (
        "Tối 4/4/2025, Tổng Bí thư Tô Lâm đã điện đàm với Tổng thống Donald Trump."
    )
    assert sentence_around("abc", dc.Span(start=5, end=9, text="zzzz")) == "zzzz"


def test_rows_follow_the_tables(document: dc.Document) -> None:
    rows = document_rows(document)
    assert list(rows) == list(TABLES)
    for name, table_rows in rows.items():
        for row in table_rows:
            assert tuple(row) == TABLES[name].column_names()
    assert [r["actor_id"] for r in rows["event_participants"]] == ["p1", "p2"]
    assert rows["events"][0]["participants"] == "Tô Lâm; Donald Trump"
    assert rows["events"][0]["year"] == 2025
    assert rows["actors"][1]["aliases"] == "Trump"
    assert len(rows["mentions"]) == 2 + 2 + 1 + 1 + 2  # actor mentions, event evidence, metric evidence


@settings(deadline=None)  # no timed tests
@given(documents())
def test_rows_never_crash_and_keys_are_unique(document: dc.Document) -> None:
    rows = document_rows(document)
    for name, table in TABLES.items():
        keys = [tuple(row[c] for c in table.primary_key) for row in rows[name]]
        assert len(keys) == len(set(keys)), name
        for row in rows[name]:
            assert row["document_id"] == document_key(document)
            for value in row.values():
                assert value is None or isinstance(value, (str, int, float))
                assert not isinstance(value, float) or not math.isnan(value)


def test_tables_declare_their_keys() -> None:
    for table in TABLES.values():
        names = table.column_names()
        assert set(table.primary_key) <= set(names)
        for columns, other, other_columns in table.references:
            assert set(columns) <= set(names)
            assert set(other_columns) <= set(TABLES[other].column_names())
        assert {c.type for c in table.columns} <= {"text", "integer", "real"}


def test_json_schema_ships_in_the_package() -> None:
    schema = json_schema()
    assert schema["properties"]["schema_version"]["const"] == dc.SCHEMA_VERSION


def test_docstring_examples_run() -> None:
    import doctest

    import diplomacy_corpus.exporting

    result = doctest.testmod(diplomacy_corpus.exporting)
    assert result.attempted >= 4
    assert result.failed == 0
