"""Tests of the VOV parser, on small pages written in VOV's layout."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import diplomacy_corpus_vov
import pytest

import diplomacy_corpus as dc
from diplomacy_corpus.testing import register_plugin

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def vov() -> Iterator[None]:
    with register_plugin(diplomacy_corpus_vov):
        yield


def test_a_vov_page_is_read_by_the_vov_parser(vov: None) -> None:
    doc = dc.parse(FIXTURES / "vov-article.html", extract=False)
    assert doc.source == "vov"
    assert doc.title == "Việt Nam và Australia thúc đẩy hợp tác thương mại"
    assert doc.lead.startswith("Chiều 5/3, tại Canberra")  # the "VOV.VN - " dateline is gone
    assert doc.published == "2024-03-05T16:20:00+07:00"
    assert doc.url.startswith("https://vov.vn/")
    assert doc.author == "Minh Anh"
    assert doc.section == "Chính trị"


def test_captions_bylines_and_related_news_stay_out_of_the_text(vov: None) -> None:
    doc = dc.parse(FIXTURES / "vov-article.html", extract=False)
    assert doc.captions == ("Hai Bộ trưởng tại cuộc hội đàm. Ảnh: Quang Hòa",)
    assert len(doc.related) == 2
    assert "20 tỷ USD" in doc.text
    for kept_apart in ("Quang Hòa", "Phạm Minh Chính", "Theo Minh Anh", "VOV.VN"):
        assert kept_apart not in doc.text


def test_a_text_copy_signed_by_vov_is_read_by_the_vov_parser(vov: None) -> None:
    doc = dc.parse(FIXTURES / "vov-copy.txt", extract=False)
    assert doc.source == "vov"
    assert doc.title == "Việt Nam và Australia thúc đẩy hợp tác thương mại"
    assert not doc.text.endswith("Theo VOV")


def test_an_english_page_is_marked_as_english(vov: None) -> None:
    html = (FIXTURES / "vov-article.html").read_text(encoding="utf-8")
    doc = dc.parse_text(html, url="https://english.vov.vn/en/politics/a-post100001.vov", extract=False)
    assert doc.source == "vov"
    assert doc.language == "en"


def test_other_outlets_are_left_to_other_parsers(vov: None) -> None:
    doc = dc.parse_text("Tin ngắn\n\nHai nước ký hiệp định thương mại.\n\nTheo TTXVN", extract=False)
    assert doc.source != "vov"
    assert diplomacy_corpus_vov.VovParser().score(dc.Source.from_text("<p>x</p>", origin="x")) == 0.0
