"""Hostile nesting is flattened before parsing: the text comes out, quickly."""

from __future__ import annotations

import diplomacy_corpus as dc
from diplomacy_corpus.htmlpage import MAX_NESTING, _flatten_if_hostile


def _nested(depth: int) -> str:
    return "<html><body>" + "<div class='x'>" * depth + "<p>Thủ tướng Phạm Minh Chính tiếp Đại sứ Nhật Bản.</p>" \
        + "</div>" * depth + "</body></html>"


def test_plausible_nesting_is_left_alone() -> None:
    html = _nested(500)
    assert _flatten_if_hostile(html) is html
    assert "Phạm Minh Chính" in dc.parse_text(html, origin="deep500").text


def test_hostile_nesting_loses_its_containers_but_keeps_the_text() -> None:
    html = _nested(MAX_NESTING * 20)
    flat = _flatten_if_hostile(html)
    assert "<div" not in flat and "Thủ tướng Phạm Minh Chính tiếp Đại sứ Nhật Bản." in flat
    doc = dc.parse_text(html, origin="hostile")
    assert "Phạm Minh Chính" in doc.text
