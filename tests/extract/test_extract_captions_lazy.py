"""The captions are read for dates only when an event has a day without its year."""

from __future__ import annotations

import pytest

import diplomacy_corpus.extract as extract_module
from diplomacy_corpus.extract import extract
from diplomacy_corpus.models import Document

_CAPTION = "Chủ tịch nước Lê Văn Thành tiếp Đại sứ Olivier Brochet, chiều 3/10/2019. Ảnh: TTXVN"


def _count_caption_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    read: list[str] = []
    find_dates = extract_module._find_dates

    def spy(text: str, **kw: object) -> object:
        if text == _CAPTION:
            read.append(text)
        return find_dates(text, **kw)

    monkeypatch.setattr(extract_module, "_find_dates", spy)
    return read


def test_a_year_less_day_reads_the_captions(monkeypatch: pytest.MonkeyPatch) -> None:
    read = _count_caption_reads(monkeypatch)
    text = "Chiều 3/10, tại Hà Nội, Chủ tịch nước Lê Văn Thành tiếp Đại sứ Pháp Olivier Brochet."
    doc = extract(Document(origin="test", text=text, captions=(_CAPTION,)))
    assert [str(e.date) for e in doc.events] == ["2019-10-03"] and read == [_CAPTION]


def test_a_dated_day_leaves_the_captions_unread(monkeypatch: pytest.MonkeyPatch) -> None:
    read = _count_caption_reads(monkeypatch)
    text = "Chiều 3/10/2019, tại Hà Nội, Chủ tịch nước Lê Văn Thành tiếp Đại sứ Pháp Olivier Brochet."
    doc = extract(Document(origin="test", text=text, captions=(_CAPTION,)))
    assert [str(e.date) for e in doc.events] == ["2019-10-03"] and read == []


def test_a_caption_that_fails_is_logged_and_skipped(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    find_dates = extract_module._find_dates

    def broken(text: str, **kw: object) -> object:
        if text == _CAPTION:
            raise RuntimeError("boom")
        return find_dates(text, **kw)

    monkeypatch.setattr(extract_module, "_find_dates", broken)
    text = "Chiều 3/10, tại Hà Nội, Chủ tịch nước Lê Văn Thành tiếp Đại sứ Pháp Olivier Brochet."
    doc = extract(Document(origin="test", text=text, captions=(_CAPTION,)))
    assert [str(e.date) for e in doc.events] == ["--10-03"]
    assert "find_dates failed on a caption" in caplog.text
