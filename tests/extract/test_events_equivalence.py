"""The rewritten event (and date) helpers give exactly what their plain formulations gave."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from diplomacy_corpus.extract import date_grammar, event_context, event_gates, event_participants, events
from diplomacy_corpus.extract.event_context import _outermost
from diplomacy_corpus.extract.text import UPPER


def _old_outermost(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """`event_context._outermost` as it was: every mention against every other."""
    return [
        m
        for m in spans
        if not any(o is not m and o[0] <= m[0] and m[1] <= o[1] and o[1] - o[0] > m[1] - m[0] for o in spans)
    ]


_span = st.tuples(st.integers(0, 30), st.integers(0, 12), st.sampled_from(["o1", "o2", "o3"])).map(
    lambda t: (t[0], t[0] + t[1], t[2])
)


@settings(max_examples=2000)
@given(st.lists(_span, max_size=14).map(sorted))
def test_outermost_in_one_pass(spans: list[tuple[int, int, str]]) -> None:
    assert _outermost(spans) == _old_outermost(spans)


# The patterns `letter_led` rewrote, as they were written, and random text around their words.
_OLD_PATTERNS = {
    (events, "_COUNTERPART_RE"): r"\b(?:người đồng cấp|người đồng nhiệm|phía [A-ZĐ])",
    (events, "_INVITED_RE"): r"(?<!lời )(?<!nhận )\bmời\s+(?!của\b)",
    (events, "_INVITE_RE"): r"(?<!lời )\b(?:mời|đề nghị|mong muốn|hy vọng|hi vọng|kêu gọi|sẵn sàng)\b",
    (event_context, "_SAME_DAY_RE"): r"\b(?:[Cc]ùng ngày|[Tt]rong ngày|[Ss]au đó|[Tt]iếp đó|[Nn]gay sau)\b",
    (event_context, "_PLANNED_LIST_RE"): r"\b(?:dự kiến|sẽ)\b(?:(?!\b(?:đã|vừa)\b)[^.;])*$",
    (event_gates, "_ANNIVERSARY_RE"): (
        r"(?:kỷ niệm|tròn|sau|với bề dày|đánh dấu)\s+(?:\d+|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|nửa)\s+"
        r"(?:năm|thập kỷ|thế kỷ)\s*(?:ngày\s+|Ngày\s+)?(?:[\w\-]+\s+){0,8}$"
        r"|\b\d+\s+năm\s+[Nn]gày\s+(?:[\w\-]+\s+){0,6}$"
    ),
    (event_participants, "_LOCATION_RE"): rf"\btại\s+((?:trụ sở|thủ đô|thành phố|số \d+ phố|khu)\s+)?(?=[{UPPER}])",
}
_PIECES = ["người đồng cấp", "người đồng nhiệm", "phía Nga", "phía nga", "mời", "lời mời", "nhận mời", "mời của",
           "đề nghị", "mong muốn", "hy vọng", "hi vọng", "kêu gọi", "sẵn sàng", "sẽ", "để", "sớm", "cần", "nhằm",
           " ", "  ", "x", "_", "1", ",", "\n", "lời ", "nhận ", "Đề nghị", "ông", "Cùng ngày", "trong ngày", "Sau đó",
           "tiếp đó", "ngay sau", "dự kiến", "đã", "vừa", ".", ";", "kỷ niệm", "tròn", "45", "năm", "Ngày", "ngày",
           "thập kỷ", "tại", "tại Hà Nội", "tại thủ đô ", "số 12 phố ", "khu ", "Tại", "x45"]  # fmt: skip
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=14).map("".join)


@settings(max_examples=1500)
@given(_TEXT, st.data())
def test_letter_led_patterns_match_as_written(t: str, data: st.DataObject) -> None:
    a = data.draw(st.integers(0, len(t)))
    b = data.draw(st.integers(a, len(t)))
    for (module, name), old in _OLD_PATTERNS.items():
        new, was = getattr(module, name), re.compile(old)
        assert [m.regs for m in new.finditer(t, a, b)] == [m.regs for m in was.finditer(t, a, b)], name


def _old_words_regex(words: tuple[str, ...]) -> re.Pattern[str]:
    alternation = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    return re.compile(rf"(?<![^\W_])(?:{alternation})(?![^\W_])")


@settings(max_examples=1500)
@given(_TEXT, st.lists(st.sampled_from(["sẽ", "để", "sớm", "đề nghị", "cần", "nhằm", "mời", "s", "x", ""]), min_size=1))
def test_has_word_pattern_matches_as_written(t: str, words: list[str]) -> None:
    new = event_gates._words_regex(tuple(words))
    assert [m.span() for m in new.finditer(t)] == [m.span() for m in _old_words_regex(tuple(words)).finditer(t)]


def test_has_word_on_the_lexicon_lists() -> None:
    cfg = events._config()
    lists = [cfg.get(k, []) for k in ("blockers_before", "future_markers")]
    lists += [spec[k] for spec in cfg.get("triggers", []) for k in ("before", "after") if spec.get(k)]
    for words in lists:
        for t in [" ".join(words), "x" + "x ".join(words), "_" + " _".join(words)]:
            new = event_gates._words_regex(tuple(words))
            assert [m.span() for m in new.finditer(t)] == [m.span() for m in _old_words_regex(tuple(words)).finditer(t)]


@settings(max_examples=1000)
@given(
    _TEXT,
    st.lists(st.sampled_from(["mời", "đề nghị", "Hiệp định", "ngày", "x", "", "ông", " "]), min_size=1),
    st.data(),
)
def test_any_of_finds_what_in_finds(t: str, words: list[str], data: st.DataObject) -> None:
    a = data.draw(st.integers(0, len(t)))
    b = data.draw(st.integers(a, len(t) + 5))
    found = event_gates._any_of(tuple(words)).search(t, a, b) is not None
    assert found == any(w in t[a:b] for w in words)


@settings(max_examples=1000)
@given(st.text(alphabet="ab.,;:!?()[]\"'“”‘’ ", max_size=12))
def test_glued_word_split_at_the_last_mark(word: str) -> None:
    old = word
    for mark in date_grammar._GLUE:
        old = old.rpartition(mark)[2]
    assert date_grammar._GLUED.split(word)[-1] == old
