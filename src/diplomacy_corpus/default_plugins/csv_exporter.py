"""Built-in ``csv`` exporter: a folder of tables that join by ids.

The folder holds ``documents.csv``, ``actors.csv``, ``events.csv``,
``event_participants.csv``, ``metrics.csv`` and ``mentions.csv`` (the evidence
spans), with the columns of [`TABLES`][diplomacy_corpus.exporting.TABLES]. Every row
carries ``document_id`` (a short content hash), so the tables join on it and on the
item ids (``actor_id``, ``event_id``, ``metric_id``).

Cells follow what spreadsheets and the ``csv`` module expect:

- UTF-8 with a byte-order mark, so Excel shows Vietnamese correctly (read it in Python
  with ``encoding="utf-8-sig"``); option ``bom=False`` writes plain UTF-8.
- RFC 4180 quoting and ``\\r\\n`` line ends; dates in (partial) ISO 8601; numbers plain
  (``123000000000``, ``-13.7``): no exponent, no thousands separator; empty for None.
- List fields joined with ``"; "`` (``titles``, ``aliases``, ``captions``).
- Text cells that start with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return are
  prefixed with ``'`` so a spreadsheet never runs them as formulas; option
  ``raw=True`` keeps them as they are. Number cells are never touched.

A document met twice (same key) is written once. Excel holds at most 32,767
characters in a cell, so it cuts ``documents.text`` of the longest articles; the
file itself is complete (read it with the ``csv`` module, pandas or LibreOffice).
"""

from __future__ import annotations

import csv
import logging
from collections.abc import Iterable
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import diplomacy_corpus as dc
from diplomacy_corpus.exporting import (
    TABLES,
    atomic_destination,
    document_key,
    document_rows,
    format_number,
    neutralize_formula,
)

logger = logging.getLogger("diplomacy_corpus")


def _truthy(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in {"1", "true", "yes", "on"}
    return bool(value)


def _cell(value: Any, raw: bool) -> str | int:
    if value is None:
        return ""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return format_number(value)
    text = str(value)
    return text if raw else neutralize_formula(text)


class CsvExporter(dc.Exporter):
    """A folder of CSV tables (documents, actors, events, participants, metrics, mentions)."""

    name = "csv"
    suffix = ""
    description = "folder of CSV tables joined by document_id (UTF-8 with BOM for Excel, ISO dates)"
    directory = True

    def export(
        self, documents: Iterable[dc.Document], destination: Path, *, force: bool = False, **options: Any
    ) -> int:
        """Write one CSV file per table into the folder ``destination``.

        Args:
            documents: the documents (streamed).
            destination: the output folder (created; replaced only with ``force``).
            force: overwrite an existing destination.
            **options: ``bom`` (default true): start each file with a UTF-8 byte-order mark;
                ``raw`` (default false): keep cells that look like formulas unchanged.

        Raises:
            ExportError: when the destination exists and ``force`` is false.
        """
        bom = _truthy(options.pop("bom", True))
        raw = _truthy(options.pop("raw", False))
        if options:
            raise dc.ExportError(f"csv: unknown option(s) {', '.join(sorted(options))}; available: bom, raw")
        encoding = "utf-8-sig" if bom else "utf-8"
        count = 0
        seen: set[str] = set()
        with atomic_destination(destination, force=force, directory=True) as folder, ExitStack() as files:
            writers = {}
            for name, table in TABLES.items():
                stream = files.enter_context(
                    open(folder / f"{name}.csv", "w", encoding=encoding, errors="backslashreplace", newline="")
                )
                writer = csv.writer(stream)
                writer.writerow(table.column_names())
                writers[name] = writer
            for document in documents:
                key = document_key(document)
                if key in seen:
                    logger.warning("csv: %s is a duplicate of a document already written; skipped", document.origin)
                    continue
                seen.add(key)
                for name, rows in document_rows(document, key=key).items():
                    columns = TABLES[name].column_names()
                    writers[name].writerows([_cell(row[c], raw) for c in columns] for row in rows)
                count += 1
        return count


@dc.hookimpl
def register_exporters() -> list[dc.Exporter]:
    """The ``csv`` exporter."""
    return [CsvExporter()]
