"""The fast searches of extract.numbers give what the plain ones give."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from diplomacy_corpus.extract.numbers import _SCALE_WORDS, _find_led


def _plain_whole(text: str, word: str) -> list[int]:
    found = []
    i = text.find(word)
    while i >= 0:
        end = i + len(word)
        if not (end < len(text) and (text[end].isalnum() or text[end] == "_")):
            found.append(i)
        i = text.find(word, i + 1)
    return found


_WORDS = [word for word, _ in _SCALE_WORDS] + ["hạng"]
_PIECES = st.sampled_from([*_WORDS, "ng", "t", "h", "ạ", "ì", " ", "x", "_", "1", "ngh", "tri"])


@given(st.lists(_PIECES, max_size=12).map("".join))
def test_find_led_is_a_plain_whole_word_search(text: str) -> None:
    for word, anchor in [*_SCALE_WORDS, ("hạng", 1)]:
        assert _find_led(text, word, anchor) == _plain_whole(text, word)


_NEWS = [
    "Ngày 29/3, kim ngạch thương mại đạt hơn 123 tỷ USD, tăng 11% so với năm 2015.",
    "Tháng 9/2023, Việt Nam đứng thứ 8 và xếp hạng 20; dân số hơn 96 triệu người, gấp đôi.",
    "İstanbul: 1.340 dự án, hai mươi lăm nghìn người, một vạn, ba trăm ngàn, 5 tỉ đồng.",
]


def test_a_lower_case_text_given_by_the_caller_changes_nothing() -> None:
    from diplomacy_corpus.extract import numbers
    from diplomacy_corpus.extract.dates import find_dates
    from diplomacy_corpus.extract.metrics import find_metrics

    for news in _NEWS:
        sentences = [(0, len(news))]
        numbers._LAST_SCAN[0] = None
        expected = (find_dates(news), find_metrics(news, sentences))
        fresh = (news + ".")[:-1]  # an equal string, not the one scanned
        numbers._LAST_SCAN[0] = None
        given = (find_dates(fresh, low=fresh.lower()), find_metrics(fresh, sentences, low=fresh.lower()))
        assert given == expected


_MONTH_PIECES = st.sampled_from(["tháng", "tháng ", "  ", "ba", "Ba", "mười một", "giêng", "x", "á", "ng", "th", "\n"])


@given(st.lists(_MONTH_PIECES, max_size=10).map("".join))
def test_month_words_found_from_their_a_as_from_thang(text: str) -> None:
    from diplomacy_corpus.extract.date_grammar import _MONTH_WORD_LED, _MONTH_WORD_RE

    low = text.lower()
    led = [w.span() for m in _MONTH_WORD_LED.finditer(low) if (w := _MONTH_WORD_RE.match(low, m.start() - 2))]
    assert led == [m.span() for m in _MONTH_WORD_RE.finditer(low)]


_FIGURES = st.tuples(
    st.sampled_from(["0", "2", "2,7", "24,5", "1.340", "1.340,5", "12.5", "1,234,567", "9" * 400, "007", "1.5.7"]),
    st.sampled_from(["", " ", "  ", "\n"]),
    st.sampled_from(["triệu", "tỷ", "tỉ", "nghìn", "ngàn", "vạn", "triệu tỷ", "tỷ rưỡi", "nghìn tỷ", "usd"]),
).map("".join)


@given(_FIGURES)
def test_scaled_value_is_parse_number(raw: str) -> None:
    from diplomacy_corpus.extract.numbers import _scaled_value, parse_number

    assert _scaled_value(raw) == parse_number(raw)
