"""Built-in ``json`` and ``jsonl`` exporters.

``json`` writes ``{"schema_version": ..., "generator": ..., "documents": [...]}``,
streaming one document at a time; ``jsonl`` writes one document object a line.
Both write the plain-data form of [`document_to_dict`][diplomacy_corpus.document_to_dict],
which [`load`][diplomacy_corpus.load] reads back.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

import diplomacy_corpus as dc


def _dumps(data: Any, **kwargs: Any) -> str:
    return json.dumps(data, ensure_ascii=False, allow_nan=False, **kwargs)


class JsonExporter(dc.StreamExporter):
    """One JSON object holding every document, indented for reading."""

    name = "json"
    suffix = ".json"
    description = "one JSON document {schema_version, generator, documents: [...]}, validated by the shipped JSON Schema"

    def write(self, documents: Iterable[dc.Document], stream: TextIO, **options: Any) -> int:
        """Stream the documents into one JSON object."""
        stream.write("{\n")
        stream.write(f'  "schema_version": {_dumps(dc.SCHEMA_VERSION)},\n')
        generator = {"name": "diplomacy-corpus", "version": dc.__version__}
        stream.write(f'  "generator": {_dumps(generator)},\n')
        stream.write('  "documents": [')
        count = 0
        for document in documents:
            body = _dumps(dc.document_to_dict(document), indent=2).replace("\n", "\n    ")
            stream.write(("," if count else "") + "\n    " + body)
            count += 1
        stream.write("\n  ]\n}\n" if count else "]\n}\n")
        return count


class JsonlExporter(dc.StreamExporter):
    """JSON Lines: one document object a line, for large corpora and streaming tools."""

    name = "jsonl"
    suffix = ".jsonl"
    description = "JSON Lines, one document object a line (streams; same fields as json)"

    def write(self, documents: Iterable[dc.Document], stream: TextIO, **options: Any) -> int:
        """Write one compact JSON object a line."""
        count = 0
        for document in documents:
            stream.write(_dumps(dc.document_to_dict(document), separators=(",", ":")))
            stream.write("\n")
            count += 1
        return count


@dc.hookimpl
def register_exporters() -> list[dc.Exporter]:
    """The ``json`` and ``jsonl`` exporters."""
    return [JsonExporter(), JsonlExporter()]
