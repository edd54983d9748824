"""Helpers for exporter authors: document keys, table rows, cell and number formatting.

The built-in CSV and Markdown exporters and the ``diplomacy-corpus-sqlite`` plugin all
flatten documents the same way, with the functions here, so their tables join by the
same ids and a third-party exporter (Parquet, a database, a spreadsheet) can do the
same in a few lines:

```python
from diplomacy_corpus.exporting import TABLES, document_rows

for document in documents:
    for table, rows in document_rows(document).items():
        ...  # write rows (dicts keyed by TABLES[table].column_names())
```

The tables (see [`TABLES`][diplomacy_corpus.exporting.TABLES]):

| table | one row per | key |
|---|---|---|
| `documents` | document | `document_id` |
| `actors` | actor of a document | `document_id`, `actor_id` |
| `events` | event of a document | `document_id`, `event_id` |
| `event_participants` | participant of an event, in order | `document_id`, `event_id`, `position` |
| `metrics` | metric of a document | `document_id`, `metric_id` |
| `mentions` | evidence span of an actor, event or metric | `document_id`, `item_type`, `item_id`, `position` |

``document_id`` is [`document_key`][diplomacy_corpus.exporting.document_key]: a short
content hash, so the same document gets the same id in every export and every run.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from importlib import resources
from typing import Any

import attrs

from .interfaces import atomic_destination
from .models import Document, Span

__all__ = [
    "FORMULA_PREFIXES",
    "LIST_SEPARATOR",
    "TABLES",
    "Column",
    "Table",
    "atomic_destination",
    "document_key",
    "document_rows",
    "format_number",
    "join_list",
    "json_schema",
    "neutralize_formula",
    "sentence_around",
]

#: Separator of list fields (titles, aliases, captions) flattened into one cell.
LIST_SEPARATOR = "; "

#: First characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection").
FORMULA_PREFIXES: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")


@attrs.define(frozen=True)
class Column:
    """One column of a table."""

    name: str
    """Column name (a CSV header, an SQL column)."""
    type: str
    """``text``, ``integer`` or ``real`` (SQLite storage classes)."""
    description: str = ""
    """What the column holds."""


@attrs.define(frozen=True, kw_only=True)
class Table:
    """One table of the flattened corpus."""

    name: str
    """Table name (``events``); the CSV file is ``NAME.csv``."""
    columns: tuple[Column, ...]
    """Its columns, in order."""
    primary_key: tuple[str, ...]
    """Columns that identify a row."""
    references: tuple[tuple[tuple[str, ...], str, tuple[str, ...]], ...] = ()
    """Foreign keys: ``(columns, other table, other columns)``."""
    description: str = ""
    """One line on what a row is."""

    def column_names(self) -> tuple[str, ...]:
        """The names of the columns, in order."""
        return tuple(column.name for column in self.columns)


def _cols(*spec: tuple[str, str, str]) -> tuple[Column, ...]:
    return tuple(Column(name, kind, description) for name, kind, description in spec)


_DOC = ("document_id", "text", "the document's key (see document_key)")
_TO_DOC = (("document_id",), "documents", ("document_id",))

#: The tables every tabular exporter writes, by name, in the order to write them.
TABLES: Mapping[str, Table] = {
    table.name: table
    for table in (
        Table(
            name="documents",
            description="one row per document",
            primary_key=("document_id",),
            columns=_cols(
                _DOC,
                ("origin", "text", "file path, FILE.jsonl#ID or label"),
                ("source", "text", "parser that read it (names the outlet)"),
                ("title", "text", "headline"),
                ("lead", "text", "lead paragraph"),
                ("url", "text", "canonical URL"),
                ("author", "text", "byline"),
                ("published", "text", "publication date-time, ISO 8601"),
                ("section", "text", "outlet's section"),
                ("language", "text", "BCP 47 tag"),
                ("actor_count", "integer", "number of actors"),
                ("event_count", "integer", "number of events"),
                ("metric_count", "integer", "number of metrics"),
                ("captions", "text", "photo captions, joined with '; '"),
                ("related", "text", "related-news headlines, joined with '; '"),
                ("text", "text", "the text extraction read; spans index into it"),
            ),
        ),
        Table(
            name="actors",
            description="one row per actor of a document",
            primary_key=("document_id", "actor_id"),
            references=(_TO_DOC,),
            columns=_cols(
                _DOC,
                ("actor_id", "text", "id, unique within the document"),
                ("name", "text", "fullest form of the name"),
                ("kind", "text", "person, organization or country"),
                ("country", "text", "ISO 3166 alpha-2 code"),
                ("titles", "text", "offices, joined with '; '"),
                ("aliases", "text", "other forms of the name, joined with '; '"),
                ("mention_count", "integer", "number of mentions"),
            ),
        ),
        Table(
            name="events",
            description="one row per event of a document",
            primary_key=("document_id", "event_id"),
            references=(_TO_DOC,),
            columns=_cols(
                _DOC,
                ("event_id", "text", "id, unique within the document"),
                ("kind", "text", "event kind"),
                ("date", "text", "partial ISO 8601 date (2025-04-04, 2024-09, 2013, --03-29)"),
                ("date_end", "text", "last day of a multi-day event"),
                ("year", "integer", "year of date, when known (for filtering)"),
                ("location", "text", "where, as written"),
                ("level", "text", "protocol level of a visit"),
                ("cameo", "text", "CAMEO code"),
                ("plover", "text", "PLOVER type"),
                ("participants", "text", "participant names in order, joined with '; '"),
                ("evidence", "text", "first sentence that reports the event"),
            ),
        ),
        Table(
            name="event_participants",
            description="one row per participant of an event, in order (a visitor first)",
            primary_key=("document_id", "event_id", "position"),
            references=(
                _TO_DOC,
                (("document_id", "event_id"), "events", ("document_id", "event_id")),
                (("document_id", "actor_id"), "actors", ("document_id", "actor_id")),
            ),
            columns=_cols(
                _DOC,
                ("event_id", "text", "the event"),
                ("position", "integer", "order among the participants, from 0"),
                ("actor_id", "text", "the actor"),
            ),
        ),
        Table(
            name="metrics",
            description="one row per metric of a document",
            primary_key=("document_id", "metric_id"),
            references=(_TO_DOC,),
            columns=_cols(
                _DOC,
                ("metric_id", "text", "id, unique within the document"),
                ("kind", "text", "metric kind"),
                ("value", "real", "fully scaled value (123 tỷ USD is 123000000000)"),
                ("unit", "text", "USD, VND, percent, rank, count, ..."),
                ("qualifier", "text", "more_than, less_than, nearly, about, or empty"),
                ("period", "text", "period, as written"),
                ("text", "text", "the figure as written"),
                ("evidence", "text", "the sentence that states the figure"),
            ),
        ),
        Table(
            name="mentions",
            description="one row per evidence span of an actor, event or metric",
            primary_key=("document_id", "item_type", "item_id", "position"),
            references=(_TO_DOC,),
            columns=_cols(
                _DOC,
                ("item_type", "text", "actor, event or metric"),
                ("item_id", "text", "id of the actor, event or metric"),
                ("position", "integer", "order among the item's spans, from 0"),
                ("start", "integer", "offset of the first character in documents.text"),
                ("end", "integer", "offset just past the last character"),
                ("text", "text", "the covered text"),
            ),
        ),
    )
}


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the ``json`` export (``diplomacy_corpus/schema/corpus.schema.json``).

    Each line of a ``jsonl`` export is one ``#/$defs/document``.

    Examples:
        >>> json_schema()["properties"]["schema_version"]["const"]
        '1.0'
    """
    path = resources.files("diplomacy_corpus") / "schema" / "corpus.schema.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def document_key(document: Document) -> str:
    """A short, stable id of a document: the first 16 hex digits of SHA-256 of origin and text.

    The same document gets the same key in every export and every run, so tables join
    by it and a database can skip documents it already holds.

    Examples:
        >>> from diplomacy_corpus import Document
        >>> document_key(Document(origin="a.txt", text="Hà Nội"))
        '007530858abef192'
    """
    payload = f"{document.origin}\x00{document.text}".encode("utf-8", "surrogatepass")
    return hashlib.sha256(payload).hexdigest()[:16]


def join_list(values: Iterable[str]) -> str:
    """Join a list field into one cell with [`LIST_SEPARATOR`][diplomacy_corpus.exporting.LIST_SEPARATOR]."""
    return LIST_SEPARATOR.join(values)


def format_number(value: float | int | None) -> str:
    """A plain number: integral values without ``.0``, no exponent, no thousands separator.

    Examples:
        >>> format_number(123e9), format_number(-13.7), format_number(1.5e-7)
        ('123000000000', '-13.7', '0.00000015')
    """
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    if not math.isfinite(value):
        return str(value)
    if value.is_integer():
        return str(int(value))
    return format(Decimal(repr(value)), "f")


def neutralize_formula(cell: str) -> str:
    """Defuse a text cell that a spreadsheet would run as a formula, by prefixing ``'``.

    Cells that start with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return are
    prefixed (the OWASP advice against CSV injection); other cells are unchanged.

    Examples:
        >>> neutralize_formula("=HYPERLINK(\\"x\\")"), neutralize_formula("Hà Nội")
        ('\\'=HYPERLINK("x")', 'Hà Nội')
    """
    return "'" + cell if cell.startswith(FORMULA_PREFIXES) else cell


_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")


def sentence_around(text: str, span: Span) -> str:
    """The sentence of ``text`` that holds ``span`` (for evidence of name mentions).

    Sentences end at ``.``, ``!``, ``?`` or ``…`` followed by a space, or at a line
    break. Falls back to the span's own text when it does not index into ``text``.
    """
    if not (0 <= span.start <= span.end <= len(text)) or text[span.start : span.end] != span.text:
        return span.text
    start = 0
    for match in _SENTENCE_END.finditer(text, 0, span.start):
        start = match.end()
    found = _SENTENCE_END.search(text, span.end)
    end = found.start() if found else len(text)
    return text[start:end].strip() or span.text


def _mentions(key: str, item_type: str, item_id: str, spans: Iterable[Span]) -> list[dict[str, Any]]:
    return [
        {
            "document_id": key,
            "item_type": item_type,
            "item_id": item_id,
            "position": position,
            "start": span.start,
            "end": span.end,
            "text": span.text,
        }
        for position, span in enumerate(spans)
    ]


def document_rows(document: Document, *, key: str | None = None) -> dict[str, list[dict[str, Any]]]:
    """Flatten a document into rows of the [`TABLES`][diplomacy_corpus.exporting.TABLES].

    Values are plain Python: ``str``, ``int``, ``float`` or ``None`` (format them with
    [`format_number`][diplomacy_corpus.exporting.format_number] and
    [`neutralize_formula`][diplomacy_corpus.exporting.neutralize_formula] for CSV).
    List fields are joined with [`join_list`][diplomacy_corpus.exporting.join_list].

    Args:
        document: the document.
        key: its key, when already computed (default: ``document_key(document)``).

    Returns:
        Table name to rows (dicts keyed by column name), for every table.
    """
    key = key or document_key(document)
    names = {actor.id: actor.name for actor in document.actors}
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    rows["documents"].append(
        {
            "document_id": key,
            "origin": document.origin,
            "source": document.source,
            "title": document.title,
            "lead": document.lead,
            "url": document.url,
            "author": document.author,
            "published": document.published,
            "section": document.section,
            "language": document.language,
            "actor_count": len(document.actors),
            "event_count": len(document.events),
            "metric_count": len(document.metrics),
            "captions": join_list(document.captions),
            "related": join_list(document.related),
            "text": document.text,
        }
    )
    for actor in document.actors:
        rows["actors"].append(
            {
                "document_id": key,
                "actor_id": actor.id,
                "name": actor.name,
                "kind": actor.kind,
                "country": actor.country,
                "titles": join_list(actor.titles),
                "aliases": join_list(actor.aliases),
                "mention_count": len(actor.mentions),
            }
        )
        rows["mentions"] += _mentions(key, "actor", actor.id, actor.mentions)
    for event in document.events:
        rows["events"].append(
            {
                "document_id": key,
                "event_id": event.id,
                "kind": event.kind,
                "date": event.date.isoformat() if event.date else None,
                "date_end": event.date_end.isoformat() if event.date_end else None,
                "year": event.date.year if event.date else None,
                "location": event.location,
                "level": event.level,
                "cameo": event.cameo,
                "plover": event.plover,
                "participants": join_list(names.get(p, p) for p in event.participants),
                "evidence": event.evidence[0].text if event.evidence else None,
            }
        )
        rows["event_participants"] += [
            {"document_id": key, "event_id": event.id, "position": position, "actor_id": actor_id}
            for position, actor_id in enumerate(event.participants)
        ]
        rows["mentions"] += _mentions(key, "event", event.id, event.evidence)
    for metric in document.metrics:
        rows["metrics"].append(
            {
                "document_id": key,
                "metric_id": metric.id,
                "kind": metric.kind,
                "value": metric.value,
                "unit": metric.unit,
                "qualifier": metric.qualifier,
                "period": metric.period,
                "text": metric.text,
                "evidence": metric.evidence.text if metric.evidence else None,
            }
        )
        if metric.evidence is not None:
            rows["mentions"] += _mentions(key, "metric", metric.id, [metric.evidence])
    return rows
