"""Vietnamese number grammar: parsing, formatting and finding numbers in text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diplomacy_corpus.extract.numbers import NumberMention, find_numbers, format_number, parse_number, prescan


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1.340", 1340),
        ("11,4", 11.4),
        ("1615", 1615),
        ("30.000", 30000),
        ("2.500.000", 2_500_000),
        ("1.250,75", 1250.75),
        ("07", 7),
        ("một", 1),
        ("hai", 2),
        ("mười", 10),
        ("mười lăm", 15),
        ("hai mươi mốt", 21),
        ("ba mươi tư", 34),
        ("một trăm linh năm", 105),
        ("chín trăm", 900),
        ("2,7 triệu", 2_700_000),
        ("một tỷ", 1e9),
        ("4 tỉ", 4e9),
        ("ba trăm nghìn", 300_000),
        ("50 ngàn", 50_000),
        ("1 nghìn tỷ", 1e12),
        ("hai tỷ năm trăm triệu", 2.5e9),
        ("1 triệu rưỡi", 1.5e6),
        ("-3,5", -3.5),
        ("1,234,567", 1_234_567),
    ],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "  ", "abc", "hai ba", "mươi", "12 tỷ USD", "1.2.3", "-", "rưỡi", "tỷ tỷ x"])
def test_parse_number_rejects(text: str) -> None:
    assert parse_number(text) is None


def test_numbers_too_large_for_a_float_are_no_numbers() -> None:
    huge = "9" * 400
    assert parse_number(huge) is None
    assert parse_number(f"{'9' * 300} nghìn tỷ") is None
    assert find_numbers(f"Con số {huge} tỷ USD.") == []


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (0.0, "0"),
        (1340.0, "1.340"),
        (11.4, "11,4"),
        (-0.5, "-0,5"),
        (11_400_000_000.0, "11.400.000.000"),
        (999.0, "999"),
    ],
)
def test_format_number(value: float, text: str) -> None:
    assert format_number(value) == text


def test_format_number_rejects_non_finite() -> None:
    with pytest.raises(ValueError, match="Vietnamese number"):
        format_number(float("nan"))


@settings(max_examples=500)
@given(st.floats(allow_nan=False, allow_infinity=False))
def test_parse_inverts_format(value: float) -> None:
    assert parse_number(format_number(value)) == value


@settings(max_examples=200)
@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_parse_inverts_format_for_integers(value: int) -> None:
    assert parse_number(format_number(value)) == value


def _found(text: str) -> list[tuple[str, float]]:
    return [(n.text, n.value) for n in find_numbers(text)]


def test_find_numbers_with_scales() -> None:
    text = "Thương mại đạt hơn 123 tỷ USD, với 1.340 dự án và 2,7 triệu lượt khách."
    assert _found(text) == [("123 tỷ", 123e9), ("1.340", 1340), ("2,7 triệu", 2.7e6)]


def test_find_spelled_out_numbers_with_a_scale() -> None:
    text = "Sinh viên đóng góp một tỷ USD; gần ba triệu người tị nạn; hai nước ký kết."
    assert _found(text) == [("một tỷ", 1e9), ("ba triệu", 3e6)]


@pytest.mark.parametrize(
    "text",
    ["Hội nghị G20 bàn về COVID-19.", "Lúc 20h30 đoàn đến.", "Đứng thứ 8/116.", "Mạng 5G phủ sóng.", "hàng trăm triệu"],
)
def test_numbers_glued_to_words_are_skipped(text: str) -> None:
    assert find_numbers(text) == []


def test_offsets_point_at_the_number() -> None:
    text = "Khoảng 30.000 sinh viên và 1 nghìn tỷ đồng."
    for n in find_numbers(text):
        assert text[n.start : n.end] == n.text
    assert [n.text for n in find_numbers(text)] == ["30.000", "1 nghìn tỷ"]


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_find_numbers_never_crashes(text: str) -> None:
    for n in find_numbers(text):
        assert isinstance(n, NumberMention)
        assert text[n.start : n.end] == n.text


_PIECES = st.sampled_from(
    [
        "1",
        "23",
        "1.340",
        "11,4",
        ",",
        ".",
        " ",
        "tỷ",
        "triệu",
        "nghìn",
        "một",
        "hai",
        "mươi",
        "trăm",
        "rưỡi",
        "hàng",
        "/",
        "-",
        "İ",
        "Ba",
        "lăm",
        "0",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=10).map(" ".join))
def test_number_like_text_never_crashes(text: str) -> None:
    for n in find_numbers(text):
        assert text[n.start : n.end] == n.text
        assert parse_number(n.text) == n.value


def test_prescan_finds_where_figures_start() -> None:
    text = "Ngày 29/3, G20 chi 1.340,5 tỷ, COVID-19 và 2017."
    scan = prescan(text)
    assert scan.low == text.lower()
    # every run of digits: the grammars judge the '20' glued to 'G' and the '19' after a hyphen
    assert [text[i : i + 2] for i in scan.starts] == ["29", "3,", "20", "1.", "19", "20"]
    assert [n.text for n in find_numbers(text)] == ["1.340,5 tỷ", "2017"]  # not 29/3 nor G20


def test_prescan_is_kept_for_the_same_string() -> None:
    text = "Kim ngạch đạt 5 tỷ USD."
    assert prescan(text) is prescan(text)
    other = "".join(["Kim ngạch ", "đạt 6 tỷ USD."])
    assert prescan(other).text is other


@pytest.mark.parametrize(
    ("text", "value"),
    [("24, 5 tỷ", 24.5e9), ("đạt 3, 25 triệu USD", 3.25e6)],
)
def test_a_decimal_comma_followed_by_a_space_before_a_scale_word(text: str, value: float) -> None:
    assert [n.value for n in find_numbers(text)] == [value]


def test_a_comma_and_a_space_without_scale_word_separate_two_numbers() -> None:
    assert [n.value for n in find_numbers("Các năm 5, 6 và 7 tỷ")] == [5.0, 6.0, 7e9]
