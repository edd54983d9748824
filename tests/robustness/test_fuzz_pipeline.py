"""Fuzzing the whole pipeline: arbitrary bytes and text through decoding, every parser and extraction.

The promise under test: whatever comes in, the library returns a Document or raises a
[`DiplomacyCorpusError`][diplomacy_corpus.DiplomacyCorpusError] naming the input, never
anything else, and every span of a Document points at its own text.
"""

from __future__ import annotations

import codecs
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import diplomacy_corpus as dc
from diplomacy_corpus.decoding import decode_bytes
from diplomacy_corpus.extract import extract

_VIETNAMESE = st.sampled_from([
    "Thủ tướng", "Phạm Minh Chính", "hội đàm", "với", "Tổng thống", "Hoa Kỳ", "Joe Biden", "ngày", "12/3/2024",
    "tại", "Hà Nội", "Bộ trưởng Ngoại giao", "Bùi Thanh Sơn", "tiếp", "Đại sứ", "Nhật Bản", "kim ngạch", "đạt",
    "1,5 tỷ USD", "tăng", "12,3%", "so với", "cùng kỳ", "năm ngoái", "ASEAN", "Liên hợp quốc", "ký", "Bản ghi nhớ",
    "(TTXVN)", "Ảnh:", "VGP", ".", ",", ":", "\n", "\n\n", " ", "–", "“", "”", "ông", "bà", "Chủ tịch nước",
])
_TEXT = st.one_of(st.text(max_size=300), st.lists(_VIETNAMESE, max_size=60).map(" ".join))
_TAGS = st.sampled_from([
    "<html>", "<body>", "<div>", "</div>", "<p>", "</p>", "<script>var a = 'Tập Cận Bình';</script>",
    "<style>.x{content:'Hà Nội'}</style>", "<h1>", "</h1>", "<!--", "-->", "<![CDATA[", "&amp;", "&#0;", "&#xD800;",
    "<meta property='og:title' content='Tin'>", "<time datetime='2024-02-30'>", "<table><tr><td>", "<br/>",
])
_HTML = st.lists(st.one_of(_TAGS, _VIETNAMESE, st.text(max_size=10)), max_size=60).map("".join)
_URLS = st.sampled_from([None, "https://baochinhphu.vn/a-102.htm", "https://vnexpress.net/b-1.html",
                         "https://baoquocte.vn/c-1.html", "https://nhandan.vn/d.html", "https://tuoitre.vn/e.htm",
                         "https://www.vietnamplus.vn/f.vnp", "javascript:alert(1)", "http://[bad", ""])
_ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1258", "cp1252", "latin-1"])


def _check_spans(document: dc.Document) -> None:
    text = document.text
    spans = [span for actor in document.actors for span in actor.mentions]
    spans += [span for event in document.events for span in event.evidence]
    spans += [metric.evidence for metric in document.metrics if metric.evidence is not None]
    for span in spans:
        assert text[span.start:span.end] == span.text


def _parser_names() -> list[str]:
    return sorted(dc.get_parsers())


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.binary(max_size=3000), _TEXT.map(str.encode), _HTML.map(str.encode),
                 st.tuples(_TEXT, _ENCODINGS).map(lambda t: t[0].encode(t[1], errors="ignore"))))
def test_any_bytes_give_a_document_or_an_input_error_with_every_parser(data: bytes) -> None:
    try:
        text = decode_bytes(data, origin="fuzz.txt")
    except dc.InputError as exc:
        assert str(exc).startswith("fuzz.txt: ")
        return
    assert unicodedata.is_normalized("NFC", text)
    source = dc.Source.from_text(text, origin="fuzz.txt")
    for name in _parser_names():
        try:
            document = dc.parse_source(source, parser=name)
        except dc.DiplomacyCorpusError as exc:
            assert "fuzz.txt" in str(exc)
            continue
        assert document.origin == "fuzz.txt"
        _check_spans(document)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(_TEXT, _HTML), _URLS, st.booleans())
def test_any_text_goes_through_the_chosen_parser_and_extraction(text: str, url: str | None, html: bool) -> None:
    if not text.strip():
        with pytest.raises(dc.InputError):
            dc.parse_text(text, origin="fuzz")
        return
    source = dc.Source(origin="fuzz", text=text, is_html=html, url=url or None)
    document = dc.parse_source(source)
    assert isinstance(document, dc.Document)
    _check_spans(document)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT, st.sampled_from([None, "2017-02-06", "2024", "2024-02", "garbage", "9999-99-99"]))
def test_extraction_never_crashes_and_spans_point_at_the_text(text: str, published: str | None) -> None:
    document = extract(dc.Document(origin="fuzz", text=text, published=published))
    assert document.text == text
    _check_spans(document)


def test_deeply_nested_and_script_heavy_html_is_parsed_without_the_scripts() -> None:
    names = " ".join(["Tập Cận Bình", "Joe Biden", "Vladimir Putin"] * 2000)
    page = ("<html><head><script>var people = '" + names + "';</script><style>/* " + names + " */</style></head>"
            "<body>" + "<div>" * 10_000 + "<p>Thủ tướng Phạm Minh Chính tiếp Đại sứ Nhật Bản tại Hà Nội.</p>"
            + "</div>" * 5 + "</body></html>")
    document = dc.parse_text(page, origin="nested.html")
    assert "Phạm Minh Chính" in document.text
    assert "Tập Cận Bình" not in document.text and "var people" not in document.text
    assert all("Putin" not in actor.name for actor in document.actors)


def test_broken_html_is_parsed() -> None:
    page = "<html><body><p>Bộ trưởng Ngoại giao <b>tiếp <i>Đại sứ</p></div></span><p>Hai bên &nbsp thảo luận <"
    document = dc.parse_text(page, origin="broken.html")
    assert "Bộ trưởng Ngoại giao" in document.text
    assert not any(tag in document.text for tag in ("<b>", "<i>", "</p>", "</div>", "&nbsp"))


def test_a_bom_and_nul_characters_never_reach_the_document() -> None:
    data = codecs.BOM_UTF8 + "Bộ Ngoại giao\x00 thông báo.\nNội dung.".encode()
    document = dc.parse_source(dc.Source.from_text(decode_bytes(data, origin="x"), origin="x"))
    assert "\ufeff" not in document.text and "\x00" not in document.text
