"""Built-in ``markdown`` exporter: a report a person reads.

The report opens with a summary of the corpus (documents by outlet and by month, a
timeline of the dated events of every document, the most frequent actors, metrics
by kind), then gives one section per document: its metadata, an events table, a
metrics table and the actors, each item with its evidence sentence.

The output is CommonMark with GitHub-style tables (``|`` in cells is escaped, line
breaks in cells become spaces). Documents are anchored as ``#doc-KEY`` with
``KEY`` their [`document_key`][diplomacy_corpus.exporting.document_key], and the
timeline links to them.

It streams: document sections go to a temporary file while the summary's small
aggregates (counts, one timeline row per event) accumulate; the summary is written
first and the sections are appended.

Options: ``top`` (default 20), the number of actors in the "most frequent" table.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, TextIO

import diplomacy_corpus as dc
from diplomacy_corpus.exporting import atomic_destination, document_key, sentence_around

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&#])")
_BLOCK_START = re.compile(r"^(\d{1,9})([.)])|^([-+=>])")
_SPACES = re.compile(r"\s+")
_URL = re.compile(r"https?://[^\s<>\x00-\x20\x7f]+")
_QUALIFIERS = {"more_than": "more than ", "less_than": "less than ", "nearly": "nearly ", "about": "about "}
_UNITS = {"percent": "%", "count": "", "times": " times", "days": " days", "rank": ""}


def escape(text: str | None, *, block: bool = False) -> str:
    """Markdown for literal ``text`` on one line: specials backslash-escaped, whitespace collapsed.

    NUL, which CommonMark does not allow, becomes U+FFFD as a renderer would make it.

    Args:
        text: the text.
        block: the text starts a paragraph, so a leading ``1.``, ``-``, ``+``, ``=`` or
            ``>`` is escaped too (it would start a list, a quote or a heading underline).
    """
    if not text:
        return ""
    flat = _SPACES.sub(" ", text.replace("\x00", "\ufffd")).strip()
    flat = _SPECIAL.sub(r"\\\1", flat)
    if not block:
        return flat
    return _BLOCK_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", flat)


def _table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    body = ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    if not body:
        return "None.\n\n"
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header), *body]
    return "\n".join(lines) + "\n\n"


def _number(value: float) -> str:
    if value != value or value in (float("inf"), float("-inf")):
        return str(value)
    if float(value).is_integer() and abs(value) < 1e18:
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")


def metric_value(metric: dc.Metric) -> str:
    """A metric's value for reading: ``more than 123,000,000,000 USD``, ``-13.7%``, ``#2``."""
    number = _number(metric.value)
    if metric.unit == "rank":
        number = "#" + number
    unit = _UNITS.get(metric.unit, " " + metric.unit)
    return _QUALIFIERS.get(metric.qualifier or "", "") + number + unit


def _dates(event: dc.Event) -> str:
    if event.date is None:
        return ""
    return str(event.date) + (f" – {event.date_end}" if event.date_end else "")


def _link(url: str) -> str:
    """An autolink for a plain http(s) URL, else the escaped text."""
    return f"<{url}>" if _URL.fullmatch(url) else escape(url)


def _label(document: dc.Document) -> str:
    return document.title or document.origin or "(untitled)"


def _evidence(spans: Iterable[dc.Span]) -> str:
    return escape(next((span.text for span in spans), ""))


class _Summary:
    """The small aggregates the summary needs, accumulated one document at a time."""

    def __init__(self) -> None:
        self.documents = 0
        self.outlets: Counter[str] = Counter()
        self.months: Counter[str] = Counter()
        self.timeline: list[tuple[tuple[bool, int, int, int], int, str]] = []
        self.undated = 0
        self.actor_documents: Counter[tuple[str, str, str]] = Counter()
        self.actor_mentions: Counter[tuple[str, str, str]] = Counter()
        self.metrics: Counter[tuple[str, str]] = Counter()

    def add(self, document: dc.Document, key: str, names: dict[str, str]) -> None:
        self.documents += 1
        self.outlets[document.source or "unknown"] += 1
        published = document.published or ""
        self.months[published[:7] if re.match(r"\d{4}-\d{2}", published) else published[:4] or "unknown"] += 1
        link = f"[{escape(_label(document))}](#doc-{key})"
        for event in document.events:
            if event.date is None:
                self.undated += 1
                continue
            row = (
                escape(_dates(event)),
                event.kind,
                escape("; ".join(names.get(p, p) for p in event.participants)),
                escape(event.location),
                link,
            )
            line = "| " + " | ".join(cell or " " for cell in row) + " |"
            # Dates without a year cannot be placed among the others: they come last.
            self.timeline.append(((event.date.year is None, *event.date.sort_key()), len(self.timeline), line))
        for actor in {(a.name, a.kind, a.country or ""): a for a in document.actors}.values():
            self.actor_documents[(actor.name, actor.kind, actor.country or "")] += 1
        for actor in document.actors:
            self.actor_mentions[(actor.name, actor.kind, actor.country or "")] += len(actor.mentions)
        for metric in document.metrics:
            self.metrics[(metric.kind, metric.unit)] += 1

    def write(self, stream: TextIO, top: int) -> None:
        stream.write(
            f"## Summary\n\n{self.documents} documents, {len(self.timeline) + self.undated} events, "
            f"{sum(self.metrics.values())} metrics.\n\n"
        )
        stream.write("### Documents by outlet\n\n")
        stream.write(_table(["Outlet", "Documents"], [(escape(k), str(n)) for k, n in sorted(self.outlets.items())]))
        stream.write("### Documents by month of publication\n\n")
        stream.write(_table(["Month", "Documents"], [(escape(k), str(n)) for k, n in sorted(self.months.items())]))
        stream.write("### Timeline of events\n\n")
        if self.timeline:
            self.timeline.sort()
            stream.write("| Date | Kind | Participants | Location | Document |\n|---|---|---|---|---|\n")
            stream.writelines(row + "\n" for _, _, row in self.timeline)
            stream.write("\n")
        if self.undated or not self.timeline:
            stream.write(f"{len(self.timeline)} dated events; {self.undated} events without a date are not listed.\n\n")
        stream.write("### Most frequent actors\n\n")
        ranked = sorted(
            self.actor_documents.items(), key=lambda item: (-item[1], -self.actor_mentions[item[0]], item[0])
        )
        stream.write(
            _table(
                ["Actor", "Kind", "Country", "Documents", "Mentions"],
                [
                    (escape(name), kind, country, str(n), str(self.actor_mentions[(name, kind, country)]))
                    for (name, kind, country), n in ranked[:top]
                ],
            )
        )
        stream.write("### Metrics by kind\n\n")
        stream.write(
            _table(
                ["Kind", "Unit", "Metrics"], [(kind, unit, str(n)) for (kind, unit), n in sorted(self.metrics.items())]
            )
        )


def _section(document: dc.Document, key: str, names: dict[str, str]) -> str:
    parts = [f'<a id="doc-{key}"></a>\n\n### {escape(_label(document))}\n\n']
    meta = [
        ("Origin", document.origin),
        ("Outlet", document.source),
        ("Published", document.published),
        ("Section", document.section),
        ("Author", document.author),
        ("URL", document.url),
        ("Language", document.language),
    ]
    parts += [f"- **{label}:** {_link(value) if label == 'URL' else escape(value)}\n" for label, value in meta if value]
    parts.append(f"- **Key:** {key}\n\n")
    if document.lead:
        parts.append(f"> {escape(document.lead, block=True)}\n\n")
    if document.events:
        parts.append("#### Events\n\n")
        parts.append(
            _table(
                ["Date", "Kind", "Participants", "Location", "Evidence"],
                [
                    (
                        escape(_dates(e)),
                        e.kind,
                        escape("; ".join(names.get(p, p) for p in e.participants)),
                        escape(e.location),
                        _evidence(e.evidence),
                    )
                    for e in document.events
                ],
            )
        )
    if document.metrics:
        parts.append("#### Metrics\n\n")
        parts.append(
            _table(
                ["Value", "Kind", "Period", "As written", "Evidence"],
                [
                    (
                        escape(metric_value(m)),
                        m.kind,
                        escape(m.period),
                        escape(m.text),
                        _evidence([m.evidence] if m.evidence else []),
                    )
                    for m in document.metrics
                ],
            )
        )
    if document.actors:
        parts.append("#### Actors\n\n")
        parts.append(
            _table(
                ["Name", "Kind", "Titles", "Country", "Aliases", "Evidence"],
                [
                    (
                        escape(a.name),
                        a.kind,
                        escape("; ".join(a.titles)),
                        a.country or "",
                        escape("; ".join(a.aliases)),
                        escape(sentence_around(document.text, a.mentions[0])) if a.mentions else "",
                    )
                    for a in document.actors
                ],
            )
        )
    return "".join(parts)


class MarkdownExporter(dc.StreamExporter):
    """A Markdown report: corpus summary, then one section per document."""

    name = "markdown"
    suffix = ".md"
    description = "Markdown report: corpus summary and timeline, then each document's events, metrics, actors"

    def export(
        self, documents: Iterable[dc.Document], destination: Path, *, force: bool = False, **options: Any
    ) -> int:
        """Write the report to a temporary file beside ``destination`` and rename it on success.

        Raises:
            ExportError: when the destination exists and ``force`` is false, or an option is unknown.
        """
        with (
            atomic_destination(destination, force=force) as tmp,
            open(tmp, "w", encoding="utf-8", errors="backslashreplace", newline="\n") as stream,
        ):
            return self.write(documents, stream, **options)

    def write(self, documents: Iterable[dc.Document], stream: TextIO, **options: Any) -> int:
        """Write the report; document sections are buffered in a temporary file, not in memory."""
        top = int(options.pop("top", 20))
        if options:
            raise dc.ExportError(f"markdown: unknown option(s) {', '.join(sorted(options))}; available: top")
        summary = _Summary()
        name = getattr(stream, "name", None)
        folder = Path(name).parent if isinstance(name, str) else None
        with tempfile.TemporaryFile(
            "w+", encoding="utf-8", errors="backslashreplace", newline="\n", dir=folder
        ) as sections:
            for document in documents:
                key = document_key(document)
                names = {actor.id: actor.name for actor in document.actors}
                summary.add(document, key, names)
                sections.write(_section(document, key, names))
            stream.write(f"# Corpus report\n\nWritten by diplomacy-corpus {dc.__version__}.\n\n")
            summary.write(stream, top)
            stream.write("## Documents\n\n")
            sections.seek(0)
            shutil.copyfileobj(sections, stream)
        return summary.documents


@dc.hookimpl
def register_exporters() -> list[dc.Exporter]:
    """The ``markdown`` exporter."""
    return [MarkdownExporter()]
