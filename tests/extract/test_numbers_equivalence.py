"""The fast digit scan of the metrics finds what the plain scan it replaces finds.

The plain forms are kept here as they stood: the number pattern with greedy runs, the
follow test with greedy leading spaces, and the loop that tried the number pattern at
every start and kept the figures the follow test allowed.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from diplomacy_corpus.extract import numbers
from diplomacy_corpus.extract.metric_kinds import _FOLLOW

_SCALE_ALT = numbers._SCALE_ALT
_HALF_ALT = numbers._alt(numbers._HALF)
PLAIN_NUMBER = re.compile(
    r"\d(?:\d{0,2}(?:\.\d{3})+(?!\d)(?:,\d+)?|\d{0,2},\s\d{1,2}(?=\s*(?:" + _SCALE_ALT + r")(?!\w))|\d*(?:[.,]\d+)?)"
    rf"(?P<scale>(?:\s*(?:{_SCALE_ALT})(?!\w))+(?:\s+(?:{_HALF_ALT})(?!\w))?)?"
)
assert _FOLLOW.pattern.startswith(r"\s*+(?:")
PLAIN_FOLLOW = re.compile(r"\s*" + _FOLLOW.pattern[4:])
PLAIN_FOLLOWED = re.compile(f"{PLAIN_NUMBER.pattern}(?P<follow>(?={PLAIN_FOLLOW.pattern}))?")

PARTS = [
    *"0123456789",
    "24", "1.340", "1.340.5", "2,7", "12,5", ",", ", ", ".", "/", "-", "–", " ", "  ", "\n", "\xa0",
    "٣", "５", "٣.", "٣,",
    "tỷ", "tỉ", "triệu", "nghìn", "ngàn", "vạn", "rưỡi", "usd", "đồng", "người", "dự án", "%", "phần trăm",
    "và", ", và ", "đến", "tới", "lần", "ngày", "km", "x", "g", "năm", "tăng",
]  # fmt: skip
texts = st.one_of(
    st.lists(st.sampled_from(PARTS), max_size=16).map("".join),
    st.text(alphabet="0123456789., \n/-xtỷ%", max_size=30),
)


def _plain_followed_figures(low: str, starts: tuple[int, ...]) -> list[tuple[int, int, bool]]:
    out = []
    pos = 0
    for at in starts:
        if at < pos:
            continue
        m = PLAIN_FOLLOWED.match(low, at)
        assert m is not None
        start, end = m.span()
        pos = end
        if m.group("follow") is not None:
            out.append((start, end, bool(m.group("scale"))))
    return out


@settings(max_examples=500, deadline=None)
@given(texts)
def test_possessive_number_pattern_matches_like_the_greedy_one(text: str) -> None:
    for i, char in enumerate(text):
        if char.isdigit():
            a, b = numbers._DIGIT_NUMBER.match(text, i), PLAIN_NUMBER.match(text, i)
            assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups()))


@settings(max_examples=500, deadline=None)
@given(texts)
def test_follow_test_with_possessive_spaces_is_the_greedy_one(text: str) -> None:
    for i in range(len(text) + 1):
        assert (_FOLLOW.match(text, i) is None) == (PLAIN_FOLLOW.match(text, i) is None)


@settings(max_examples=500, deadline=None)
@given(texts)
def test_followed_figures_are_the_ones_the_plain_loop_keeps(text: str) -> None:
    numbers._LAST_SCAN[0] = None
    scan = numbers.prescan(text)
    expected = _plain_followed_figures(scan.low, scan.starts)
    assert numbers._followed_figures(scan.low, scan.starts, _FOLLOW) == expected
    assert numbers._digit_figures(scan.low, scan.starts, _FOLLOW) == expected


def test_a_figure_read_over_the_next_start_hides_it() -> None:
    low = "x24, 5 tỷ usd và 1234, 5 tỷ usd"
    scan = numbers.prescan(low)
    assert numbers._followed_figures(low, scan.starts, _FOLLOW) == _plain_followed_figures(low, scan.starts)
    assert [low[a:b] for a, b, _ in numbers._followed_figures(low, scan.starts, _FOLLOW)] == ["24, 5 tỷ", "5 tỷ"]


def test_a_digit_of_another_script_joins_two_runs() -> None:
    low = "1.340٣1.340-"  # one figure for the regex (\d), two runs of ASCII digits for the scan
    scan = numbers.prescan(low)
    assert scan.starts == (0, 6)
    assert numbers._followed_figures(low, scan.starts, _FOLLOW) == _plain_followed_figures(low, scan.starts) == []
    for low in ("1٣.5.7 người 2 dự án", "1٣,5 người", "x٣.5.7 người", "1٣ 5 người"):
        numbers._LAST_SCAN[0] = None
        scan = numbers.prescan(low)
        assert numbers._followed_figures(low, scan.starts, _FOLLOW) == _plain_followed_figures(low, scan.starts)


@settings(max_examples=500, deadline=None)
@given(st.one_of(texts, st.text(alphabet="0123456789.,Σσ İi aA\n", max_size=30), st.text(max_size=30)), st.data())
def test_a_part_cut_from_the_scan_of_the_text_is_scanned_as_the_part(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    numbers._LAST_SCAN[0] = None
    scan = numbers.prescan(text)
    part = numbers.prescan_part(scan, start, end)
    assert part == text[start:end]
    cut = numbers.prescan(part)
    numbers._LAST_SCAN[0] = None
    fresh = numbers.prescan(part)
    assert (cut.low, cut.starts) == (fresh.low, fresh.starts)
