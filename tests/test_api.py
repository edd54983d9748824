"""The Python API: parse, parse_text, parse_many, export, load."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import diplomacy_corpus as dc

ARTICLE = (
    "Thủ tướng tiếp Đại sứ Nhật Bản\n"
    "Chiều 5/3, tại Hà Nội, Thủ tướng đã tiếp Đại sứ Nhật Bản.\n"
    "Hai bên trao đổi về hợp tác kinh tế.\n"
)


def test_parse_text_reads_headline_lead_and_body() -> None:
    doc = dc.parse_text(ARTICLE, origin="note-1", extract=False)
    assert doc.origin == "note-1"
    assert doc.title == "Thủ tướng tiếp Đại sứ Nhật Bản"
    assert doc.lead is not None and doc.lead.startswith("Chiều 5/3")
    assert doc.text.startswith(doc.title)
    assert "Hai bên trao đổi" in doc.text


def test_parse_text_refuses_empty_and_non_strings() -> None:
    with pytest.raises(dc.InputError, match="empty"):
        dc.parse_text("   \n ")
    with pytest.raises(dc.InputError, match="use parse"):
        dc.parse_text(b"bytes")  # type: ignore[arg-type]


def test_parse_file_and_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    doc = dc.parse(path)
    assert doc.origin == str(path)
    with pytest.raises(dc.InputError, match="no such file"):
        dc.parse(tmp_path / "missing.txt")


def test_parse_many_yields_one_result_per_input_and_never_stops(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "b.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "sub" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "skip.pdf").write_bytes(b"%PDF-1.4")
    corpus = folder / "c.jsonl.gz"
    with gzip.open(corpus, "wt", encoding="utf-8") as out:
        out.write(json.dumps({"id": "x1", "url": "https://e.vn/1", "text": ARTICLE}) + "\n")
        out.write("{not json\n")
        out.write(json.dumps({"id": "x2", "title": "Tin", "published": "2017-02-06", "text": "Nội dung tin."}) + "\n")
    results = list(dc.parse_many([folder, tmp_path / "missing.txt"], extract=False))
    origins = [r.origin for r in results]
    assert origins[0] == str(folder / "b.txt")
    assert str(folder / "c.jsonl.gz") + "#x1" in origins
    assert str(folder / "sub" / "a.txt") in origins
    assert not any(o.endswith("skip.pdf") for o in origins)
    failed = {r.origin: str(r.error) for r in results if not r.ok}
    assert any("empty" in m for m in failed.values())
    assert any("not a JSON object" in m for m in failed.values())
    assert any("missing.txt" in o for o in failed)
    docs = {r.origin: r.document for r in results if r.ok}
    x1 = docs[str(corpus) + "#x1"]
    assert x1 is not None and x1.url == "https://e.vn/1"
    x2 = docs[str(corpus) + "#x2"]
    assert x2 is not None and x2.title == "Tin" and x2.published == "2017-02-06"
    assert len(docs) == 4


def test_export_and_load_round_trip(tmp_path: Path) -> None:
    doc = dc.Document(
        origin="x.txt", text="Ngày 21/11, Phó Thủ tướng Phạm Bình Minh hội đàm.",
        actors=[dc.Actor(id="p1", name="Phạm Bình Minh", kind="person", country="VN", titles=["Phó Thủ tướng"],
                         mentions=[dc.Span(start=26, end=40, text="Phạm Bình Minh")])],
        events=[dc.Event(id="e1", kind="talks", date="--11-21", participants=["p1"])],
        metrics=[dc.Metric(id="m1", kind="trade_turnover", value=123e9, unit="USD", qualifier="more_than")],
    )
    for fmt in ("json", "jsonl"):
        out = tmp_path / f"c.{fmt}"
        assert dc.export([doc, doc], fmt, out) == 2
        assert list(dc.load(out)) == [doc, doc]
        with pytest.raises(dc.ExportError, match="exists"):
            dc.export([doc], fmt, out)
        dc.export([doc], fmt, out, force=True)
        assert list(dc.load(out)) == [doc]


def test_json_export_has_schema_version_and_generator(tmp_path: Path) -> None:
    out = tmp_path / "c.json"
    dc.export([], "json", out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data == {"schema_version": dc.SCHEMA_VERSION,
                    "generator": {"name": "diplomacy-corpus", "version": dc.__version__}, "documents": []}


def test_failed_export_leaves_nothing_behind(tmp_path: Path) -> None:
    def broken():
        yield dc.Document(origin="a", text="x")
        raise RuntimeError("source died")

    out = tmp_path / "c.jsonl"
    with pytest.raises(RuntimeError):
        dc.export(broken(), "jsonl", out)
    assert list(tmp_path.iterdir()) == []


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_text_parser_never_crashes(text: str) -> None:
    if not text.strip():
        return
    doc = dc.parse_text(text, parser="text", extract=False)
    assert isinstance(doc, dc.Document)
    assert doc.source == "text"
