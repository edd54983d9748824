"""A diplomacy_corpus exporter: the corpus as an SQLite database.

The database holds the tables of the ``csv`` export
([`diplomacy_corpus.exporting.TABLES`][diplomacy_corpus.exporting.TABLES]) with
their primary keys, foreign keys and indexes, so questions are SQL joins::

    SELECT e.date, d.title FROM events e
    JOIN event_participants p USING (document_id, event_id)
    JOIN actors a ON a.document_id = p.document_id AND a.actor_id = p.actor_id
    JOIN documents d ON d.document_id = e.document_id
    WHERE e.kind = 'phone_call' AND a.name = 'Tô Lâm' AND e.year = 2025;

A new database is written to a temporary file and renamed when complete. With the
option ``append=true`` an existing database grows instead, in one transaction, and a
document it already holds (same ``document_id``, a content hash) is skipped.

It uses only the standard library's ``sqlite3``.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import diplomacy_corpus as dc
from diplomacy_corpus.exporting import TABLES, Table, atomic_destination, document_key, document_rows

__version__ = "0.1.0"

logger = logging.getLogger("diplomacy_corpus_sqlite")

# Indexes for the usual questions, beyond the primary keys: events by kind and date,
# who took part, actors by name, metrics by kind.
INDEXES: dict[str, tuple[str, ...]] = {
    "events_kind_date": ("events", "kind", "date"),
    "events_year": ("events", "year", "kind"),
    "event_participants_actor": ("event_participants", "document_id", "actor_id"),
    "actors_name": ("actors", "name"),
    "actors_country": ("actors", "country", "kind"),
    "metrics_kind": ("metrics", "kind", "unit"),
}


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _create_table(table: Table) -> str:
    """The ``CREATE TABLE`` statement of one table of the corpus."""
    lines = [
        f"{_quote(c.name)} {c.type.upper()}" + (" NOT NULL" if c.name in table.primary_key else "")
        for c in table.columns
    ]
    lines.append(f"PRIMARY KEY ({', '.join(map(_quote, table.primary_key))})")
    for columns, other, other_columns in table.references:
        lines.append(
            f"FOREIGN KEY ({', '.join(map(_quote, columns))}) "
            f"REFERENCES {_quote(other)} ({', '.join(map(_quote, other_columns))})"
        )
    return f"CREATE TABLE IF NOT EXISTS {_quote(table.name)} (\n  " + ",\n  ".join(lines) + "\n)"


def schema() -> list[str]:
    """The SQL that creates the database: tables, indexes and a ``meta`` table of versions."""
    statements = ["CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)"]
    statements += [_create_table(table) for table in TABLES.values()]
    statements += [
        f"CREATE INDEX IF NOT EXISTS {_quote(name)} ON {_quote(table)} ({', '.join(map(_quote, columns))})"
        for name, (table, *columns) in INDEXES.items()
    ]
    return statements


def _insert(table: Table) -> str:
    names = table.column_names()
    return (
        f"INSERT OR IGNORE INTO {_quote(table.name)} ({', '.join(map(_quote, names))}) "
        f"VALUES ({', '.join('?' * len(names))})"
    )


def _value(value: Any) -> Any:
    # sqlite3 cannot bind a str holding a lone surrogate (an undecodable file name).
    if isinstance(value, str) and not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return value.encode("utf-8", "backslashreplace").decode("utf-8")
    return value


def write(documents: Iterable[dc.Document], connection: sqlite3.Connection) -> int:
    """Add documents to an open database (created if empty); return how many were new.

    A document whose ``document_id`` is already in the database is skipped. The caller
    commits.
    """
    for statement in schema():
        connection.execute(statement)
    connection.executemany(
        "INSERT OR REPLACE INTO meta VALUES (?, ?)",
        [
            ("schema_version", dc.SCHEMA_VERSION),
            ("generator", f"diplomacy-corpus {dc.__version__}"),
            ("diplomacy_corpus_sqlite", __version__),
        ],
    )
    inserts = {name: _insert(table) for name, table in TABLES.items()}
    added = 0
    for document in documents:
        key = document_key(document)
        rows = document_rows(document, key=key)
        names = {name: TABLES[name].column_names() for name in rows}
        cursor = connection.execute(inserts["documents"], [_value(rows["documents"][0][c]) for c in names["documents"]])
        if cursor.rowcount == 0:
            logger.info("%s is already in the database; skipped", document.origin)
            continue
        for name, table_rows in rows.items():
            if name != "documents" and table_rows:
                connection.executemany(inserts[name], ([_value(row[c]) for c in names[name]] for row in table_rows))
        added += 1
    return added


def _truthy(value: Any) -> bool:
    return value.strip().lower() in {"1", "true", "yes", "on"} if isinstance(value, str) else bool(value)


class SqliteExporter(dc.Exporter):
    """The corpus as an SQLite database: the csv tables with keys and indexes."""

    name = "sqlite"
    suffix = ".sqlite"
    description = "SQLite database of the csv tables with keys and indexes; append=true adds without duplicates"

    def check(self, destination: Path, *, force: bool = False, **options: Any) -> None:
        """An existing database is fine with ``append``; otherwise as for any exporter."""
        if not _truthy(options.get("append", False)):
            super().check(destination, force=force)

    def export(
        self, documents: Iterable[dc.Document], destination: Path, *, force: bool = False, **options: Any
    ) -> int:
        """Write (or, with ``append``, extend) the database at ``destination``.

        Args:
            documents: the documents (streamed).
            destination: the database file.
            force: replace an existing database.
            **options: ``append`` (default false): add to an existing database, skipping
                the documents it already holds.

        Returns:
            How many documents were added.

        Raises:
            ExportError: when the database exists and neither ``force`` nor ``append`` is given.
        """
        append = _truthy(options.pop("append", False))
        if options:
            raise dc.ExportError(f"sqlite: unknown option(s) {', '.join(sorted(options))}; available: append")
        destination = Path(destination)
        if append and destination.exists():
            return _write_file(destination, documents, fresh=False)
        with atomic_destination(destination, force=force) as tmp:
            return _write_file(tmp, documents, fresh=True)


def _write_file(path: Path, documents: Iterable[dc.Document], *, fresh: bool) -> int:
    """Write documents into the database file at ``path`` in one transaction: all or nothing."""
    try:
        connection = sqlite3.connect(path, isolation_level=None)
    except sqlite3.Error as exc:
        raise dc.ExportError(f"{path}: cannot open the database: {exc}") from exc
    try:
        if fresh:
            connection.execute("PRAGMA journal_mode = MEMORY")  # a new temporary file: no journal on disk
        connection.execute("BEGIN")
        try:
            _check_version(connection, path)
            added = write(documents, connection)
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")
        return added
    except sqlite3.DatabaseError as exc:
        raise dc.ExportError(f"{path}: {exc}") from exc
    finally:
        connection.close()


def _check_version(connection: sqlite3.Connection, path: Path) -> None:
    found = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'meta'").fetchone()
    if found:
        row = connection.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row and row[0].split(".")[0] != dc.SCHEMA_VERSION.split(".")[0]:
            raise dc.ExportError(
                f"{path}: holds schema version {row[0]}, this library writes "
                f"{dc.SCHEMA_VERSION}; write a new database instead of appending"
            )


@dc.hookimpl
def register_exporters() -> list[dc.Exporter]:
    """The ``sqlite`` exporter."""
    return [SqliteExporter()]
