"""diplomacy_corpus: Vietnamese news on foreign relations, as a structured corpus.

Parse articles from baochinhphu.vn, TTXVN, Báo Quốc tế, VnExpress and others into
[`Document`][diplomacy_corpus.Document]s with the actors, events and metrics they
report, each traceable to its evidence, and export them to JSON, CSV, Markdown and more.

Example:
    ```python
    import diplomacy_corpus as dc

    doc = dc.parse("seeds/004_05d856a0f2a44f42.txt")
    for event in doc.events:
        print(event.kind, event.date, [doc.actor(p).name for p in event.participants])
    ```
"""

from __future__ import annotations

from .api import Result, export, load, parse, parse_many, parse_source, parse_text
from .convert import document_from_dict, document_to_dict
from .errors import (
    DiplomacyCorpusError,
    ExportError,
    InputError,
    ParseError,
    PluginError,
    UnknownPluginError,
)
from .hookspecs import hookimpl
from .interfaces import Exporter, Parser, Source, StreamExporter
from .models import Actor, Document, Event, Metric, PartialDate, Span
from .plugins import PluginInfo, get_exporters, get_parsers, get_plugins

__version__ = "0.1.0"
"""The library's version."""

SCHEMA_VERSION = "1.0"
"""Version of the JSON export's schema (``schema/corpus.schema.json``)."""

__all__ = [
    "SCHEMA_VERSION",
    "Actor",
    "DiplomacyCorpusError",
    "Document",
    "Event",
    "ExportError",
    "Exporter",
    "InputError",
    "Metric",
    "ParseError",
    "Parser",
    "PartialDate",
    "PluginError",
    "PluginInfo",
    "Result",
    "Source",
    "Span",
    "StreamExporter",
    "UnknownPluginError",
    "__version__",
    "document_from_dict",
    "document_to_dict",
    "export",
    "get_exporters",
    "get_parsers",
    "get_plugins",
    "hookimpl",
    "load",
    "parse",
    "parse_many",
    "parse_source",
    "parse_text",
]
