"""The ``markdown`` exporter: a report a person reads, in valid CommonMark."""

from __future__ import annotations

import re
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import any_text, documents, texts

import diplomacy_corpus as dc
from diplomacy_corpus.default_plugins.markdown_exporter import escape, metric_value
from diplomacy_corpus.exporting import document_key

markdown_it = pytest.importorskip("markdown_it", reason="markdown-it-py checks the CommonMark output")
SETTINGS = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def render(markdown: str) -> list:
    return markdown_it.MarkdownIt("commonmark").enable("table").parse(markdown)


def tables(tokens: list) -> list[list[list[str]]]:
    """Every table as rows of cell texts, as a CommonMark + GFM-tables renderer reads them."""
    found: list[list[list[str]]] = []
    in_row = False
    for token in tokens:
        if token.type == "table_open":
            found.append([])
        elif token.type in ("tr_open", "tr_close"):
            in_row = token.type == "tr_open"
            if in_row:
                found[-1].append([])
        elif token.type == "inline" and in_row:
            found[-1][-1].append("".join(child.content for child in token.children or []))
    return found


def export(tmp_path: Path, docs: list[dc.Document], **options: object) -> str:
    out = tmp_path / "report.md"
    dc.export(docs, "markdown", out, **options)
    return out.read_text(encoding="utf-8")


def test_report_has_summary_then_one_section_per_document(tmp_path: Path, document: dc.Document) -> None:
    other = attrs.evolve(
        document,
        origin="note-2.txt",
        source="ttxvn",
        published="2024-09-30",
        events=(attrs.evolve(document.events[0], date=dc.PartialDate(year=2023)),),
    )
    text = export(tmp_path, [document, other])
    headings = re.findall(r"^(#+) (.*)$", text, re.M)
    assert headings[:7] == [
        ("#", "Corpus report"),
        ("##", "Summary"),
        ("###", "Documents by outlet"),
        ("###", "Documents by month of publication"),
        ("###", "Timeline of events"),
        ("###", "Most frequent actors"),
        ("###", "Metrics by kind"),
    ]
    assert text.index("## Documents") < text.index(f'<a id="doc-{document_key(document)}"></a>')
    assert text.count("#### Events") == 2
    found = tables(render(text))
    outlets, months, timeline, actors, metrics = found[:5]
    assert outlets[1:] == [["baochinhphu", "1"], ["ttxvn", "1"]]
    assert months[1:] == [["2024-09", "1"], ["2025-04", "1"]]
    assert [row[0] for row in timeline[1:]] == ["2023", "2025-04-04"]  # chronological across documents
    assert timeline[2][2] == "Tô Lâm; Donald Trump"
    assert ["Tô Lâm", "person", "VN", "2", "4"] in actors  # 2 documents, 4 mentions
    assert ["growth_rate", "percent", "2"] in metrics


def test_document_section_tables(tmp_path: Path, document: dc.Document) -> None:
    found = tables(render(export(tmp_path, [document])))
    events, metrics, actors = found[-3:]
    assert events[0] == ["Date", "Kind", "Participants", "Location", "Evidence"]
    assert events[1][:4] == ["2025-04-04", "phone_call", "Tô Lâm; Donald Trump", "Hà Nội | Washington"]
    assert events[1][4] == document.events[0].evidence[0].text
    assert metrics[1][:4] == ["more than 123,000,000,000 USD", "trade_turnover", "2024", "hơn 123 tỷ USD"]
    assert metrics[2][0] == "-19.3%"
    assert actors[2][:5] == ["Donald Trump", "person", "Tổng thống", "US", "Trump"]
    assert actors[2][5].startswith("Tổng Bí thư Tô Lâm điện đàm")  # the sentence of the first mention


def test_the_timeline_links_to_the_documents(tmp_path: Path, document: dc.Document) -> None:
    html = markdown_it.MarkdownIt("commonmark").enable("table").render(export(tmp_path, [document]))
    key = document_key(document)
    assert f'<a id="doc-{key}"></a>' in html
    assert f'href="#doc-{key}"' in html
    assert f'href="{document.url}"' in html


def test_dates_without_a_year_come_last_in_the_timeline(tmp_path: Path, document: dc.Document) -> None:
    dates = [dc.PartialDate(month=3, day=29), dc.PartialDate(year=2025, month=1), dc.PartialDate(year=1995)]
    events = tuple(attrs.evolve(document.events[0], id=f"e{n}", date=date) for n, date in enumerate(dates))
    timeline = tables(render(export(tmp_path, [attrs.evolve(document, events=events)])))[2]
    assert [row[0] for row in timeline[1:]] == ["1995", "2025-01", "--03-29"]


def test_metric_value() -> None:
    metric = dc.Metric(id="m", kind="rank", value=2, unit="rank", qualifier="about")
    assert metric_value(metric) == "about #2"
    assert metric_value(attrs.evolve(metric, unit="days", value=3.5, qualifier=None)) == "3.5 days"


@settings(deadline=None)  # no timed tests
@given(texts | any_text)
def test_escape_keeps_the_text_literal(text: str) -> None:
    tokens = render(f"| a |\n|---|\n| {escape(text) or ' '} |\n")
    assert [t.type for t in tokens][:2] == ["table_open", "thead_open"]
    cells = tables(tokens)[0]
    expected = " ".join(text.replace("\x00", "\ufffd").split())  # CommonMark reads NUL as U+FFFD
    assert cells[1] == [expected]
    paragraph = render(escape(text, block=True) or "x")
    assert [t.type for t in paragraph] == ["paragraph_open", "inline", "paragraph_close"] or not expected


@SETTINGS
@given(st.lists(documents(), max_size=3))
def test_never_crashes_and_renders(tmp_path_factory: pytest.TempPathFactory, docs: list[dc.Document]) -> None:
    text = export(tmp_path_factory.mktemp("md"), docs)
    for table in tables(render(text)):
        assert len({len(row) for row in table}) == 1  # no stray | splits a row
    assert text.count('<a id="doc-') == len(docs)


def test_unknown_options_are_refused(tmp_path: Path, document: dc.Document) -> None:
    with pytest.raises(dc.ExportError, match="available: top"):
        export(tmp_path, [document], colour="red")
    assert not (tmp_path / "report.md").exists()
    assert export(tmp_path, [document], top=1).count("| person |") >= 1
