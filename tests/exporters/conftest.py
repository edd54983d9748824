"""Fixtures of the exporter tests."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

# Installed third-party plugins must not leak in (tests/conftest.py does the same).
os.environ.setdefault("DIPLOMACY_CORPUS_PLUGINS", "none")
# ``from strategies import documents`` works whatever pytest's rootdir and import mode.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import diplomacy_corpus as dc

SAMPLE = (
    "Tổng Bí thư Tô Lâm điện đàm với Tổng thống Mỹ Donald Trump\n\n"
    "Tối 4/4/2025, Tổng Bí thư Tô Lâm đã điện đàm với Tổng thống Donald Trump. "
    "Kim ngạch thương mại song phương đạt hơn 123 tỷ USD, tăng 19,3%.\n\n"
    '=SUM(A1:A2) | -giảm | @mention + "quoted", and; more'
)


def sample_document(origin: str = "note-1.txt", text: str = SAMPLE) -> dc.Document:
    """A hand-built document with actors, events, metrics and awkward characters."""

    def span(needle: str, nth: int = 0) -> dc.Span:
        start = -1
        for _ in range(nth + 1):
            start = text.index(needle, start + 1)
        return dc.Span.of(text, start, start + len(needle))

    sentence = span("Tối 4/4/2025, Tổng Bí thư Tô Lâm đã điện đàm với Tổng thống Donald Trump.")
    figure = span("Kim ngạch thương mại song phương đạt hơn 123 tỷ USD, tăng 19,3%.")
    return dc.Document(
        origin=origin,
        source="baochinhphu",
        title=text.split("\n")[0],
        published="2025-04-05T08:00:00+07:00",
        url="https://baochinhphu.vn/a-1.htm",
        author="=cmd|' /C calc'!A0",
        text=text,
        captions=("Ảnh: TTXVN", "Tổng Bí thư Tô Lâm"),
        actors=(
            dc.Actor(
                id="p1",
                name="Tô Lâm",
                kind="person",
                country="VN",
                titles=("Tổng Bí thư",),
                mentions=(span("Tô Lâm"), span("Tô Lâm", 1)),
            ),
            dc.Actor(
                id="p2",
                name="Donald Trump",
                kind="person",
                country="US",
                titles=("Tổng thống",),
                aliases=("Trump",),
                mentions=(span("Donald Trump"), span("Donald Trump", 1)),
            ),
            dc.Actor(id="c1", name="Mỹ", kind="country", country="US", mentions=(span("Mỹ"),)),
        ),
        events=(
            dc.Event(
                id="e1",
                kind="phone_call",
                date=dc.PartialDate(year=2025, month=4, day=4),
                participants=("p1", "p2"),
                location="Hà Nội | Washington",
                evidence=(sentence,),
            ),
        ),
        metrics=(
            dc.Metric(
                id="m1",
                kind="trade_turnover",
                value=123e9,
                unit="USD",
                qualifier="more_than",
                period="2024",
                text="hơn 123 tỷ USD",
                evidence=figure,
            ),
            dc.Metric(id="m2", kind="growth_rate", value=-19.3, unit="percent", text="giảm 19,3%", evidence=figure),
        ),
    )


@pytest.fixture
def document() -> dc.Document:
    """A hand-built document with actors, events, metrics and awkward characters."""
    return sample_document()


@pytest.fixture
def make_document() -> object:
    """A factory of sample documents: ``make_document(origin=..., text=...)``."""
    return sample_document
