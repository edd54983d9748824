"""Built-in ``json`` and ``jsonl`` exporters.

``json`` writes ``{"schema_version": ..., "generator": {"name", "version"}, "documents": [...]}``,
streaming one document at a time; ``jsonl`` writes one document object a line (the
``#/$defs/document`` of the schema), with no header, so any JSON Lines tool reads it.
Both write the plain-data form of [`document_to_dict`][diplomacy_corpus.document_to_dict],
which [`load`][diplomacy_corpus.load] reads back: ``export(load(export(docs)))`` is
byte-identical. The JSON Schema ships in the package as
``diplomacy_corpus/schema/corpus.schema.json`` (see
[`json_schema`][diplomacy_corpus.exporting.json_schema]).

Option of ``json``: ``indent`` (default 2; ``0`` writes one document a line, faster).

Output is UTF-8 without escapes for non-ASCII text, except U+0085, U+2028 and
U+2029, which are escaped so every line-splitting tool sees one document a line; a string that cannot be encoded
(a lone surrogate from an undecodable file name) is written as its JSON ``\\uXXXX``
escape, so the export never fails on it and still loads back unchanged.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TextIO

import diplomacy_corpus as dc
from diplomacy_corpus.convert import document_to_json, fast_json_usable
from diplomacy_corpus.exporting import atomic_destination

# Line breaks that JSON leaves raw but str.splitlines() and old JavaScript split on.
_LINE_BREAKS = re.compile("[\x85\u2028\u2029]")

# One encoder for the compact lines of ``jsonl`` (json.dumps would build one per call).
# ``check_circular`` is off: a document's plain data is a fresh tree, it cannot hold a cycle.
_COMPACT = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":"), check_circular=False)


def _compact_encoder() -> Callable[[Any], str]:
    """``_COMPACT.encode``, or the same C encoder built once: ``JSONEncoder.encode`` builds it,
    with two closures, on every call, which costs a seventh of the encoding of a document.

    The C encoder is used only when it exists and writes a probe exactly as
    ``_COMPACT.encode`` does; otherwise ``_COMPACT.encode`` itself is returned.
    """
    try:
        from json.encoder import c_make_encoder, encode_basestring  # type: ignore[attr-defined]

        c_encode = c_make_encoder(
            None, _COMPACT.default, encode_basestring, _COMPACT.indent, _COMPACT.key_separator,
            _COMPACT.item_separator, _COMPACT.sort_keys, _COMPACT.skipkeys, _COMPACT.allow_nan,
        )

        def encode(data: Any) -> str:
            return "".join(c_encode(data, 0))

        probe = {"a": [1, -2.5, 1e300, None, True, False, "Hà Nội \"\\\n\t\x01\u2028"], "b": {"c": [], "d": {}}}
        if encode(probe) == _COMPACT.encode(probe):
            return encode
    except Exception:  # no C accelerator, or one with another signature: the plain way
        pass
    return _COMPACT.encode


_encode_compact = _compact_encoder()


@functools.lru_cache(maxsize=1)
def _fast_json_checked() -> bool:
    """Whether `document_to_json` writes a probe document exactly as the encoder writes its dict."""
    try:  # (a model that no longer accepts the probe: the plain way)
        span = dc.Span.of("Hà Nội \"\\\n\t\x01\u2028 ok", 0, 8)
        probe = dc.Document(
            origin="p", source="text", title="T\u00e9", text="Hà Nội \"\\\n\t\x01\u2028 ok", captions=("a", "b"),
            actors=(dc.Actor(id="a1", name="A", kind="person", titles=("x",), mentions=(span, span)),),
            events=(dc.Event(id="e1", kind="visit", date=dc.PartialDate.parse("2024-03"), participants=("a1",),
                             evidence=(span,)),),
            metrics=(dc.Metric(id="m1", kind="export", value=1.5e300, unit="USD", text="t", evidence=span),
                     dc.Metric(id="m2", kind="export", value=3.0, unit="USD", text="t", evidence=None),
                     dc.Metric(id="m3", kind="export", value=0.1, unit="percent", text="t")),
        )
        return document_to_json(probe) == _encode_compact(dc.document_to_dict(probe))
    except Exception:
        return False


def _escape_line_breaks(text: str) -> str:
    # Three substring tests are ten times faster than one search with the character class.
    if "\x85" in text or "\u2028" in text or "\u2029" in text:  # rare
        text = _LINE_BREAKS.sub(lambda m: f"\\u{ord(m[0]):04x}", text)
    return text


def _dumps(data: Any, **kwargs: Any) -> str:
    return _escape_line_breaks(json.dumps(data, ensure_ascii=False, allow_nan=False, **kwargs))


class _JsonBase(dc.StreamExporter):
    options: tuple[str, ...] = ()

    def export(
        self, documents: Iterable[dc.Document], destination: Path, *, force: bool = False, **options: Any
    ) -> int:
        """Write to a temporary file beside ``destination`` and rename it on success.

        Raises:
            ExportError: when the destination exists and ``force`` is false, or an option is unknown.
        """
        unknown = set(options) - set(self.options)
        if unknown:
            raise dc.ExportError(
                f"{self.name}: unknown option(s) {', '.join(sorted(unknown))}; "
                f"available: {', '.join(self.options) or 'none'}"
            )
        # A 1 MiB buffer: a line of JSON is often as large as the default 8 KiB one, so that
        # would mean one system call per document.
        with (
            atomic_destination(destination, force=force) as tmp,
            open(tmp, "w", encoding="utf-8", errors="backslashreplace", newline="\n", buffering=1 << 20) as stream,
        ):
            return self.write(documents, stream, **options)


class JsonExporter(_JsonBase):
    """One JSON object holding every document, indented for reading."""

    name = "json"
    suffix = ".json"
    description = "one JSON object {schema_version, generator, documents: [...]}, valid against the shipped schema"
    options = ("indent",)

    def write(self, documents: Iterable[dc.Document], stream: TextIO, **options: Any) -> int:
        """Stream the documents into one JSON object.

        The option ``indent`` sets the indentation inside each document (default 2);
        ``0`` or ``none`` writes each document on one line, about three times faster.
        """
        indent = options.get("indent", 2)
        indent = None if str(indent).strip().lower() in {"0", "none", "false", ""} else int(indent)
        stream.write("{\n")
        stream.write(f'  "schema_version": {_dumps(dc.SCHEMA_VERSION)},\n')
        generator = {"name": "diplomacy-corpus", "version": dc.__version__}
        stream.write(f'  "generator": {_dumps(generator)},\n')
        stream.write('  "documents": [')
        count = 0
        for document in documents:
            body = _dumps(dc.document_to_dict(document), indent=indent)
            if indent is not None:
                body = body.replace("\n", "\n    ")
            stream.write(("," if count else "") + "\n    " + body)
            count += 1
        stream.write("\n  ]\n}\n" if count else "]\n}\n")
        return count


class JsonlExporter(_JsonBase):
    """JSON Lines: one document object a line, for large corpora and streaming tools."""

    name = "jsonl"
    suffix = ".jsonl"
    description = "JSON Lines, one document object a line (same fields as json, #/$defs/document)"

    def write(self, documents: Iterable[dc.Document], stream: TextIO, **options: Any) -> int:
        """Write one compact JSON object a line."""
        encode = _encode_compact
        to_dict = dc.document_to_dict
        # Documents are written straight from the models when that gives the same text
        # (see document_to_json); any other document, or value, takes the plain way.
        fast = fast_json_usable() and _fast_json_checked()
        count = 0
        for document in documents:
            line = None
            if fast and type(document) is dc.Document:
                try:
                    line = document_to_json(document)
                except Exception:  # an unusual value: the plain way writes it, or says what is wrong
                    line = None
            if line is None:
                line = encode(to_dict(document))
            stream.write(_escape_line_breaks(line) + "\n")
            count += 1
        return count


@dc.hookimpl
def register_exporters() -> list[dc.Exporter]:
    """The ``json`` and ``jsonl`` exporters."""
    return [JsonExporter(), JsonlExporter()]
