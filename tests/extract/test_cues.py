"""Cue words: the automaton and the regular expression find the same words."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from diplomacy_corpus.extract.cues import Cues

_WORDS = {"kim ngạch": "trade", "kim ngạch xuất khẩu": "export", "xuất khẩu": "export", "dự án": "projects"}
_CUES = Cues(_WORDS)
_PIECES = ["kim", "ngạch", "xuất", "khẩu", "dự", "án", "đạt", "x", " ", "  ", "\xa0", "\n", ",", "\t"]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_PIECES), max_size=30), st.data())
def test_the_automaton_finds_what_the_regex_finds(pieces: list[str], data: st.DataObject) -> None:
    low = " ".join(pieces)
    start = data.draw(st.integers(0, len(low)))
    end = data.draw(st.integers(start, len(low)))
    found = _CUES._regex.finditer(low, start, end)
    expected = [(m.start(), m.end(), _WORDS[" ".join(m.group().split())]) for m in found]
    assert _CUES.find(low, start, end) == expected


def test_odd_spaces_elsewhere_leave_the_stretch_to_the_automaton() -> None:
    low = "kim  ngạch tăng. kim ngạch xuất khẩu đạt 5 tỷ usd"
    assert _CUES.find(low, 17, len(low)) == [(17, 36, "export")]
    assert _CUES.find(low, 0, 16) == [(0, 10, "trade")]
