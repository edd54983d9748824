"""The fast paths of the date and metric grammars find what the plain forms they replace find.

Each fast path (a prefix tree for a word alternation, a one-character search for a rare
letter, a look-behind pattern for a few string tests, a byte copy for the digit scan)
is compared with the plain form it stands for, on sentences in the style of news and
on arbitrary text.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from diplomacy_corpus.extract import numbers
from diplomacy_corpus.extract.date_grammar import _DATE_START
from diplomacy_corpus.extract.metric_kinds import _tree
from diplomacy_corpus.extract.numbers import _find_word, _matches_at

NEWS = [
    "Kim ngạch thương mại hai chiều đạt hơn 123 tỷ USD, tăng 11% so với năm 2015.",
    "Tỉnh Bình Dương thu hút 1.340 dự án với tổng vốn 2,7 triệu USD; Việt Nam đứng thứ 8 và thứ 20/116.",
    "Ngày 29/3, tháng 9/2023, từ ngày 20 - 22/11 và giai đoạn 2011-2015, khóa 2019, niên khóa 2020.",
    "Tháng\n5 có 3 lần, tháng 11.2016, (25/6), 5năm, a_5/3, _12/3, ٣5/3, 5٣/3 tháng, 12345, x 123/4.",
    "Hai mươi lăm nghìn người, ba trăm ngàn, một vạn, gấp đôi, tỉ lệ, tỷ, tỉ, tỉnh, thứ hai, chính thức.",
]
LETTERS = "0123456789.,/-–  \n_(aáạăắâấđeêếiíìỉoóôốơớuúưứyýỷnghtrvàc$%"
texts = st.one_of(st.sampled_from(NEWS), st.text(alphabet=LETTERS, max_size=80), st.text(max_size=40))


def _plain_find(text: str, word: str, whole: bool) -> list[int]:
    tail = r"(?!\w)" if whole else ""
    return [m.start() for m in re.finditer(f"(?={re.escape(word)}{tail})", text)]


@settings(max_examples=300, deadline=None)
@given(texts)
def test_find_word_is_a_plain_search(text: str) -> None:
    for word, anchor in [("tỷ", 1), ("tỉ", 1), ("thứ", 2), ("triệu", None), ("hạng", None), ("ng", 0)]:
        for whole in (False, True):
            assert _find_word(text, word, anchor, whole=whole) == _plain_find(text, word, whole)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_matches_at_is_finditer(text: str) -> None:
    pattern = re.compile(r"thứ\s+(?P<n>\d{1,3}|hai|ba)(?:\s*/\s*\d+)?(?![\w/])")
    expected = [m.span() for m in pattern.finditer(text)]
    assert [m.span() for m in _matches_at(pattern, text, _find_word(text, "thứ", 2))] == expected
    looping = re.compile(r"aa")  # matches that would overlap: finditer takes the first
    assert [m.span() for m in _matches_at(looping, text, _find_word(text, "aa"))] == [
        m.span() for m in looping.finditer(text)
    ]


WORDS = ["người", "người việt", "người việt nam", "usd", "đô la", "đô la mỹ", "%", "phần trăm", "dự án", "dự"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*WORDS, " ", "  ", "\n", "x", "5", ","]), max_size=12))
def test_prefix_tree_matches_like_the_alternation(parts: list[str]) -> None:
    text = "".join(parts)
    flat = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(WORDS), key=len, reverse=True))
    tree = re.compile(rf"(?P<w>{_tree(sorted(WORDS))})(?P<after>\s+khác)?(?!\w)")
    plain = re.compile(rf"(?P<w>{flat})(?P<after>\s+khác)?(?!\w)")
    for i in range(len(text) + 1):
        a, b = tree.match(text, i), plain.match(text, i)
        assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups()))


_DATE_NEXT = re.compile(r"\s*(?:[/.\-–—]|(?:tháng|đến|tới|và|năm)\s)")


def _may_start_date(low: str, start: int) -> bool:
    """The tests `_DATE_START` stands for, written out."""
    if start and low[start - 1].isalnum():
        return False
    size = re.compile(r"\d+").match(low, start).end() - start  # type: ignore[union-attr]
    if size == 3 or size > 4:
        return False
    near = low[max(0, start - 14) : start]
    if size == 4:
        return "năm" in near or "đoạn" in near or "kỳ" in near or "khóa" in near
    return "tháng" in near or _DATE_NEXT.match(low, start + size) is not None


@settings(max_examples=300, deadline=None)
@given(texts)
def test_date_start_is_the_written_out_tests(text: str) -> None:
    low = text.lower()
    for i, char in enumerate(low):
        if "0" <= char <= "9":
            assert (_DATE_START.match(low, i) is not None) == _may_start_date(low, i)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_prescan_finds_every_run_of_ascii_digits(text: str) -> None:
    numbers._LAST_SCAN[0] = None
    scan = numbers.prescan(text)
    assert scan.starts == tuple(m.start() for m in re.finditer(r"[0-9][0-9.,]*", scan.low))
