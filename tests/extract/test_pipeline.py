"""The pipeline: never crashes, every span points at its own text, extraction is a pure copy."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from diplomacy_corpus.extract import extract, reference_date
from diplomacy_corpus.models import EVENT_KINDS, Document

_WORDS = [
    "Thủ tướng",
    "Tổng thống",
    "Mỹ",
    "Việt Nam",
    "hội đàm",
    "điện đàm",
    "chuyến thăm",
    "tiếp",
    "ông",
    "bà",
    "Nguyễn Văn An",
    "Joe Biden",
    "Biden",
    "ngày 21/11",
    "tháng 9/2023",
    "năm 2013",
    "tại",
    "Hà Nội",
    ",",
    ".",
    ";",
    "\n",
    "Ảnh:",
    "Đối thoại",
    "ký kết",
    "Hiệp định",
    "người đồng cấp",
    "Đoàn",
    "do",
    "dẫn đầu",
    "của",
    "Tin Liên Quan",
    "(Nguồn: AFP)",
    "[",
    "]",
    "–",
    "’",
    "O’Brien",
    "1.340",
    "tỷ USD",
    "Đại sứ",
    "cựu",
]
news_like = st.lists(st.sampled_from(_WORDS), max_size=60).map(" ".join)


def _check(doc: Document, text: str) -> None:
    for actor in doc.actors:
        for span in actor.mentions:
            assert text[span.start : span.end] == span.text
    for event in doc.events:
        assert event.kind in EVENT_KINDS
        assert set(event.participants) <= {a.id for a in doc.actors}
        for span in event.evidence:
            assert text[span.start : span.end] == span.text
    for metric in doc.metrics:
        if metric.evidence is not None:
            assert text[metric.evidence.start : metric.evidence.end] == metric.evidence.text


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_never_crashes_on_any_text(text: str) -> None:
    _check(extract(Document(origin="fuzz", text=text)), text)


@settings(max_examples=300, deadline=None)
@given(news_like, st.sampled_from([None, "2020-11-21", "2024-09-22T10:00:00+07:00", "2017", "garbage"]))
def test_spans_point_at_their_text_on_news_like_text(text: str, published: str | None) -> None:
    _check(extract(Document(origin="fuzz", text=text, published=published)), text)


def test_extract_returns_a_copy_and_keeps_metadata() -> None:
    doc = Document(origin="a.txt", text="Thủ tướng Phạm Văn Đồng tiếp Đại sứ Pháp Jean Martin.", title="T")
    out = extract(doc)
    assert doc.actors == () and out.title == "T" and out.origin == "a.txt"
    assert {a.name for a in out.actors if a.kind == "person"} == {"Phạm Văn Đồng", "Jean Martin"}
    assert [e.kind for e in out.events] == ["meeting"]


def test_ids_are_unique_and_typed() -> None:
    out = extract(
        Document(origin="x", text="Tổng thống Mỹ Joe Biden điện đàm với Thủ tướng Nhật Bản Kishida Fumio về ASEAN.")
    )
    ids = [a.id for a in out.actors]
    assert len(ids) == len(set(ids))
    assert {a.id[0] for a in out.actors if a.kind == "person"} == {"p"}
    assert "c-US" in ids and "c-JP" in ids
    assert all(e.id.startswith("e") for e in out.events)


def test_reference_date() -> None:
    assert str(reference_date("2020-11-21T15:30:00+07:00")) == "2020-11-21"
    assert str(reference_date("2017")) == "2017"
    assert reference_date("không rõ") is None and reference_date(None) is None
