"""The cheaper tests of ``layout`` give the results of the ones they replaced."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from diplomacy_corpus import layout

# Pieces that credits, captions and sentences are made of, so that generated paragraphs
# hold credits (bracketed or not) often.
_PIECES = st.sampled_from([
    "Ảnh: ", "ẢNH: ", "Ảnh ", "(Ảnh: ", "(Nguồn: ", "( Nguồn : ", "Nguồn: ", "Photo: ", "(Video: ", "Clip: ",
    "Đồ họa: ", "(Infographic: ", "minh họa", "TTXVN", "Reuters", "/", " - ", ")", "(", ". ", ", ", " ", "  ",
    "Thống Nhất", "VGP/Hải Minh", "Ngày", "Ông", "Thủ tướng tiếp Đại sứ", "hai bên hội đàm", "x", "xẢnh: A",
    "|", ".", "\t",
])
_PARAGRAPHS = st.lists(_PIECES, max_size=25).map("".join)


@settings(max_examples=400, deadline=None)
@given(_PARAGRAPHS)
def test_a_paragraph_the_pre_test_passes_over_holds_no_credit(paragraph: str) -> None:
    # split_inline_captions returns a paragraph unchanged, without looking for credits,
    # when it holds no "Ả" and no bracketed credit: find_credit would find none there.
    if "Ả" not in paragraph and layout._PAREN_CREDIT.search(paragraph) is None:
        assert layout.find_credit(paragraph) is None
        assert layout.split_inline_captions(paragraph) == (paragraph, [])


_OLD_INLINE = re.compile(r"(?:Ảnh|ẢNH)(?:\s*:\s*|\s+(?=[^\s/]+/))")


@settings(max_examples=300, deadline=None)
@given(_PARAGRAPHS)
def test_the_literal_led_inline_credit_finds_the_same(paragraph: str) -> None:
    found = [(m.start(), m.end()) for m in layout._INLINE_CREDIT_PLAIN.finditer(paragraph)]
    assert found == [(m.start(), m.end()) for m in _OLD_INLINE.finditer(paragraph)]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=" \ta.Ả\n", max_size=40))
def test_blanks_collapse_as_the_regex_does(text: str) -> None:
    pattern = layout._BLANKS if "\t" in text else layout._SPACES
    assert layout._collapse_blanks(text) == pattern.sub(" ", text)
