"""Tests of the sqlite exporter: tables and keys, the join it exists for, appending, never crashing."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import diplomacy_corpus_sqlite
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import diplomacy_corpus as dc
from diplomacy_corpus.exporting import TABLES
from diplomacy_corpus.testing import register_plugin

TEXT = "Tối 4/4/2025, Tổng Bí thư Tô Lâm điện đàm với Tổng thống Donald Trump. Ngày 10/1/2024, Tô Lâm điện đàm."


def article(origin: str, year: int = 2025) -> dc.Document:
    """A document with one phone call between two people."""
    return dc.Document(
        origin=origin,
        title="Điện đàm",
        text=TEXT,
        actors=[
            dc.Actor(
                id="p1",
                name="Tô Lâm",
                kind="person",
                country="VN",
                titles=["Tổng Bí thư"],
                mentions=[dc.Span.of(TEXT, 26, 32)],
            ),
            dc.Actor(id="p2", name="Donald Trump", kind="person", country="US"),
        ],
        events=[
            dc.Event(
                id="e1",
                kind="phone_call",
                date=dc.PartialDate(year=year, month=4, day=4),
                participants=["p1", "p2"],
                evidence=[dc.Span.of(TEXT, 0, 73)],
            )
        ],
        metrics=[dc.Metric(id="m1", kind="trade_turnover", value=123e9, unit="USD")],
    )


@pytest.fixture(autouse=True)
def _plugin() -> Iterator[None]:
    with register_plugin(diplomacy_corpus_sqlite):
        yield


def query(path: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as connection:
        return connection.execute(sql).fetchall()


CALLS_OF_TO_LAM_IN_2025 = """
    SELECT e.date, d.origin FROM events e
    JOIN event_participants p USING (document_id, event_id)
    JOIN actors a ON a.document_id = p.document_id AND a.actor_id = p.actor_id
    JOIN documents d ON d.document_id = e.document_id
    WHERE e.kind = 'phone_call' AND a.name = 'Tô Lâm' AND e.year = 2025
    ORDER BY d.origin
"""


def test_the_tables_answer_a_join(tmp_path: Path) -> None:
    db = tmp_path / "corpus.sqlite"
    assert dc.export([article("a.txt"), article("b.txt", year=2024)], "sqlite", db) == 2
    assert query(db, CALLS_OF_TO_LAM_IN_2025) == [("2025-04-04", "a.txt")]
    assert query(db, "SELECT DISTINCT value FROM metrics") == [(123e9,)]
    tables = {row[0] for row in query(db, "SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables == {*TABLES, "meta"}
    assert ("schema_version", dc.SCHEMA_VERSION) in query(db, "SELECT key, value FROM meta")


def test_keys_and_indexes_are_declared(tmp_path: Path) -> None:
    db = tmp_path / "corpus.sqlite"
    dc.export([article("a.txt")], "sqlite", db)
    assert [row[2] for row in query(db, "PRAGMA foreign_key_list(event_participants)")].count("actors") == 2
    primary = [row[1] for row in query(db, "PRAGMA table_info(actors)") if row[5]]
    assert primary == ["document_id", "actor_id"]
    plan = " ".join(str(row) for row in query(db, "EXPLAIN QUERY PLAN " + CALLS_OF_TO_LAM_IN_2025))
    assert "USING INDEX" in plan or "USING COVERING INDEX" in plan
    assert query(db, "PRAGMA foreign_key_check") == []


def test_appending_skips_documents_already_there(tmp_path: Path) -> None:
    db = tmp_path / "corpus.sqlite"
    dc.export([article("a.txt")], "sqlite", db)
    assert dc.export([article("a.txt"), article("c.txt")], "sqlite", db, append="true") == 1
    assert query(db, "SELECT origin FROM documents ORDER BY origin") == [("a.txt",), ("c.txt",)]
    assert query(db, "SELECT count(*) FROM event_participants") == [(4,)]


def test_refuses_to_overwrite_unless_forced(tmp_path: Path) -> None:
    db = tmp_path / "corpus.sqlite"
    dc.export([article("a.txt")], "sqlite", db)
    with pytest.raises(dc.ExportError, match="force"):
        dc.export([article("b.txt")], "sqlite", db)
    assert dc.export([article("b.txt")], "sqlite", db, force=True) == 1
    assert query(db, "SELECT origin FROM documents") == [("b.txt",)]


def test_a_failure_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "corpus.sqlite"

    def broken() -> Iterator[dc.Document]:
        yield article("z.txt")
        raise RuntimeError("input broke")

    with pytest.raises(RuntimeError):
        dc.export(broken(), "sqlite", db)
    assert list(tmp_path.iterdir()) == []  # no half-written database
    dc.export([article("a.txt")], "sqlite", db)
    with pytest.raises(RuntimeError):
        dc.export(broken(), "sqlite", db, append=True)
    assert query(db, "SELECT origin FROM documents") == [("a.txt",)]  # the append was rolled back


def test_appending_to_something_else_is_an_error(tmp_path: Path) -> None:
    not_a_db = tmp_path / "notes.sqlite"
    not_a_db.write_text("hello " * 100, encoding="utf-8")
    with pytest.raises(dc.ExportError, match=r"notes\.sqlite"):
        dc.export([article("a.txt")], "sqlite", not_a_db, append=True)


# Arbitrary documents, duplicate ids and dangling participants included.
_ids = st.sampled_from(["p1", "p2", "e1", ""])
_texts = st.text(max_size=30)
_spans = st.builds(
    lambda s, a, b: dc.Span(start=min(a, b), end=max(a, b), text=s), _texts, st.integers(0, 50), st.integers(0, 50)
)
_documents = st.builds(
    dc.Document,
    origin=_texts,
    title=st.none() | _texts,
    text=_texts,
    published=st.none() | _texts,
    captions=st.lists(_texts, max_size=2),
    actors=st.lists(
        st.builds(
            dc.Actor,
            id=_ids,
            name=_texts,
            kind=st.sampled_from(["person", "country"]),
            titles=st.lists(_texts, max_size=2),
            mentions=st.lists(_spans, max_size=2),
        ),
        max_size=3,
    ),
    events=st.lists(
        st.builds(
            dc.Event,
            id=_ids,
            kind=st.just("talks"),
            participants=st.lists(_ids, max_size=3),
            location=st.none() | _texts,
            evidence=st.lists(_spans, max_size=2),
        ),
        max_size=3,
    ),
    metrics=st.lists(
        st.builds(
            dc.Metric,
            id=_ids,
            kind=st.just("count"),
            unit=st.just("count"),
            value=st.floats(allow_nan=False, allow_infinity=False),
            evidence=st.none() | _spans,
        ),
        max_size=3,
    ),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_documents, max_size=4))
def test_never_crashes(tmp_path_factory: pytest.TempPathFactory, documents: list[dc.Document]) -> None:
    db = tmp_path_factory.mktemp("db") / "c.sqlite"
    added = dc.export(documents, "sqlite", db)
    assert query(db, "SELECT count(*) FROM documents") == [(added,)]
    assert added == len({(d.origin, d.text) for d in documents})
