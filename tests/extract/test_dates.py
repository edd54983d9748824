"""Vietnamese date grammar: what must be found, what must not, and offsets that hold."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diplomacy_corpus.extract.dates import DateMention, find_dates
from diplomacy_corpus.models import PartialDate

REF = PartialDate(year=2019, month=6, day=12)


def _found(text: str, reference: PartialDate | None = None) -> list[tuple[str, str, str | None, str]]:
    return [
        (text[d.start : d.end], str(d.date), str(d.date_end) if d.date_end else None, d.precision)
        for d in find_dates(text, reference=reference)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chiều 12/3, hai Bộ trưởng đã hội đàm.", [("Chiều 12/3", "--03-12", None, "day")]),
        ("Tối 4/4/2025, hai nhà lãnh đạo điện đàm.", [("Tối 4/4/2025", "2025-04-04", None, "day")]),
        ("Thủ tướng tiếp Đại sứ hôm 31/5 tại Hà Nội.", [("hôm 31/5", "--05-31", None, "day")]),
        ("Cuộc gặp diễn ra vào sáng ngày 8/10.", [("sáng ngày 8/10", "--10-08", None, "day")]),
        ("Hai bên ký kết (16/2) tại Thủ đô.", [("16/2", "--02-16", None, "day")]),
        ("Cuộc điện đàm ngày 17-5 kéo dài một giờ.", [("ngày 17-5", "--05-17", None, "day")]),
        ("Theo hãng tin ngày 10.2, ông đã nói vậy.", [("ngày 10.2", "--02-10", None, "day")]),
        ("Văn bản ký ngày 23-5-2016 tại Hà Nội.", [("ngày 23-5-2016", "2016-05-23", None, "day")]),
        ("Ngày 2 tháng 9 năm 1945 là Quốc khánh.", [("Ngày 2 tháng 9 năm 1945", "1945-09-02", None, "day")]),
        ("Hiệp định được ký tháng 10/2018.", [("tháng 10/2018", "2018-10", None, "month")]),
        ("Chuyến thăm Lào (7/2018) đạt kết quả tốt.", [("7/2018", "2018-07", None, "month")]),
        ("Ông sang Pháp vào tháng 4 năm 2019.", [("tháng 4 năm 2019", "2019-04", None, "month")]),
        ("Ông sẽ đến Hà Nội vào tháng 11-2017.", [("tháng 11-2017", "2017-11", None, "month")]),
        ("Quan hệ được thiết lập năm 1973.", [("năm 1973", "1973", None, "year")]),
        ("Kế hoạch giai đoạn 2021-2025 được thông qua.", [("giai đoạn 2021-2025", "2021", "2025", "year")]),
        ("Chuyến thăm từ ngày 20 - 22/11 có nhiều hoạt động.", [("từ ngày 20 - 22/11", "--11-20", "--11-22", "day")]),
        ("Diễn đàn họp 14-15/5/2017 tại Bắc Kinh.", [("14-15/5/2017", "2017-05-14", "2017-05-15", "day")]),
        ("Đoàn làm việc tại Mỹ từ 22-24/9.", [("từ 22-24/9", "--09-22", "--09-24", "day")]),
        ("Chuyến thăm Nga từ ngày 28/6-1/7 thành công.", [("từ ngày 28/6-1/7", "--06-28", "--07-01", "day")]),
        ("Hội nghị (30/12/2018-2/1/2019) bế mạc.", [("30/12/2018-2/1/2019", "2018-12-30", "2019-01-02", "day")]),
        (
            "Hai bên họp từ ngày 5 đến 7 tháng 3 năm 2020.",
            [("từ ngày 5 đến 7 tháng 3 năm 2020", "2020-03-05", "2020-03-07", "day")],
        ),
    ],
)
def test_written_dates(text: str, expected: list[tuple[str, str, str | None, str]]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Kim ngạch đạt 11,4 tỷ USD và 30.000 sinh viên.",
        "Đội tuyển thắng 2-1 và được chấm 10/10 điểm.",
        "Việt Nam đứng thứ 8/116 quốc gia đầu tư.",
        "Ngày 32/13 không có trong lịch, 31/4 cũng vậy: ngày 31/4.",
        "Nghị định 10/2017/NĐ-CP có hiệu lực.",
        "Mỗi ngày 2-3 lần, trong 2-3 năm, từ 3-4 lần.",
        "Phiên bản 3.10 phát hành, tỷ lệ 3/4 dân số.",
        "Cách đây 10 năm trước, tuần qua là như vậy.",
        "Đây là phiên họp lần thứ 25, khóa 79.",
    ],
)
def test_numbers_that_are_no_dates(text: str) -> None:
    assert find_dates(text) == []


def test_no_year_is_guessed_without_reference() -> None:
    (mention,) = find_dates("Ngày 29/3, hai bên điện đàm.")
    assert mention.date == PartialDate(month=3, day=29)
    assert mention.date.year is None


def test_reference_gives_the_year() -> None:
    (mention,) = find_dates("Ngày 29/3, hai bên điện đàm.", reference=REF)
    assert str(mention.date) == "2019-03-29"


def test_a_date_far_after_the_reference_month_is_last_year() -> None:
    reference = PartialDate(year=2020, month=1, day=15)
    (mention,) = find_dates("Hôm 28/12, hai bên ký thỏa thuận.", reference=reference)
    assert str(mention.date) == "2019-12-28"


def test_a_date_a_few_months_ahead_stays_in_the_reference_year() -> None:
    (mention,) = find_dates("Hội nghị sẽ khai mạc ngày 20/11.", reference=REF)
    assert str(mention.date) == "2019-11-20"


def test_past_and_future_cues() -> None:
    past, future = find_dates("Tối 2/7 vừa qua ông đã đến; tháng 1 tới sẽ họp.", reference=REF)
    assert (str(past.date), past.relative) == ("2018-07-02", True)
    assert (str(future.date), future.relative) == ("2020-01", True)


def test_a_place_after_toi_is_no_future_cue() -> None:
    (mention,) = find_dates("Ngày 5/6 tới Hà Nội, đoàn được đón.", reference=REF)
    assert (mention.relative, str(mention.date)) == (False, "2019-06-05")


@pytest.mark.parametrize(
    ("phrase", "iso", "precision"),
    [
        ("sáng nay", "2019-06-12", "day"),
        ("hôm qua", "2019-06-11", "day"),
        ("ngày mai", "2019-06-13", "day"),
        ("tuần trước", "2019-06", "month"),
        ("tháng trước", "2019-05", "month"),
        ("năm nay", "2019", "year"),
        ("đầu năm nay", "2019", "year"),
        ("năm ngoái", "2018", "year"),
        ("cuối năm ngoái", "2018", "year"),
    ],
)
def test_relative_dates(phrase: str, iso: str, precision: str) -> None:
    text = f"Theo nguồn tin, {phrase} hai bên đã trao đổi."
    (mention,) = find_dates(text, reference=REF)
    assert (text[mention.start : mention.end], str(mention.date), mention.precision, mention.relative) == (
        phrase,
        iso,
        precision,
        True,
    )


def test_relative_dates_need_a_reference() -> None:
    assert find_dates("Năm ngoái, sáng nay và hôm qua.") == []


def test_durations_are_not_relative_dates() -> None:
    assert find_dates("Quan hệ phát triển mạnh trong 10 năm trước đó và 3 tháng trước.", reference=REF) == []


def test_capitalised_month_word() -> None:
    (mention,) = find_dates("Hội nghị diễn ra vào tháng Ba.")
    assert (str(mention.date), mention.precision) == ("--03", "month")
    assert find_dates("Đây là tháng ba của kế hoạch.") == []


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_crashes_and_offsets_hold(text: str) -> None:
    for reference in (None, REF):
        for mention in find_dates(text, reference=reference):
            assert isinstance(mention, DateMention)
            assert 0 <= mention.start < mention.end <= len(text)
            assert mention.precision in ("day", "month", "year")


_PIECES = st.sampled_from(
    [
        "ngày ",
        "tháng ",
        "năm ",
        "từ ",
        "sáng ",
        "hôm ",
        "(",
        ")",
        "/",
        "-",
        ".",
        " ",
        "đến ",
        "vừa qua",
        "tới",
        "năm ngoái",
        "İ",
        "Ngày ",
        "29",
        "3",
        "12",
        "2023",
        "31",
        "13",
        "0",
        "7",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=12).map("".join))
def test_date_like_text_never_crashes(text: str) -> None:
    for mention in find_dates(text, reference=REF):
        assert text[mention.start : mention.end].strip() == text[mention.start : mention.end]
        if mention.date_end is not None:
            assert mention.date.sort_key() <= mention.date_end.sort_key()


def test_a_month_of_last_year() -> None:
    text = "Hai bên gặp nhau hồi tháng 11 năm ngoái và sẽ gặp lại vào tháng 7 năm nay."
    found = find_dates(text, reference=REF)
    assert [(text[d.start : d.end], str(d.date), d.relative) for d in found] == [
        ("tháng 11 năm ngoái", "2018-11", True),
        ("tháng 7 năm nay", "2019-07", True),
    ]
    assert [str(d.date) for d in find_dates(text)] == ["--11", "--07"]


def test_a_month_word_in_a_name_is_no_date() -> None:
    assert find_dates("Kỷ niệm 100 năm Cách mạng tháng Mười Nga.", reference=REF) == []


def test_today_followed_by_the_date() -> None:
    (mention,) = find_dates("Hôm nay 21/6, hai bên khai mạc hội nghị.")
    assert str(mention.date) == "--06-21"


def _date_words() -> list[str]:
    import json
    from importlib import resources

    data = json.loads(
        resources.files("diplomacy_corpus.extract.lexicons").joinpath("date_words.json").read_text(encoding="utf-8")
    )
    words = [*data["relative"], *data["month_words"], *data["past_cues"], *data["future_cues"]]
    words += [*data["day_triggers"], *data["weak_triggers"], *data["not_after_day_month"]]
    return sorted(set(words))


_WORD_PIECES = st.sampled_from(
    [
        *_date_words(),
        "29/3",
        "4/4/2025",
        "20 - 22/11",
        "9/2023",
        "2013",
        "12.2016",
        "11-12.2016",
        "trung tuần",
        "tháng Mười một",
        "(",
        ")",
        ",",
    ]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_WORD_PIECES, max_size=10).map(" ".join))
def test_every_date_word_is_safe_in_any_order(text: str) -> None:
    for reference in (None, REF, PartialDate(year=2020), PartialDate(year=2020, month=12)):
        for mention in find_dates(text, reference=reference):
            assert 0 <= mention.start < mention.end <= len(text)
            first, last = mention.date, mention.date_end
            if last is not None and first.year is not None and last.year is not None:
                assert first.sort_key() <= last.sort_key()


def test_a_day_takes_the_year_the_text_gives_it_elsewhere() -> None:
    text = (
        "Chiều 24/5, Thủ tướng tiếp Đại sứ. Chiều 24/5/2017, tại Trụ sở Chính phủ, hai bên trao đổi. "
        "Ngày 25/5, đoàn về nước."
    )
    found = find_dates(text, reference=REF)
    assert [str(d.date) for d in found] == ["2017-05-24", "2017-05-24", "2019-05-25"]
    assert [str(d.date) for d in find_dates(text)] == ["2017-05-24", "2017-05-24", "--05-25"]


def test_a_historical_day_gives_no_year_to_this_years_ceremony() -> None:
    text = "Ngày 2/9/1945, Chủ tịch Hồ Chí Minh đọc Tuyên ngôn. Sáng 2/9, lễ kỷ niệm diễn ra tại Hà Nội (8/2019)."
    assert [str(d.date) for d in find_dates(text)] == ["1945-09-02", "--09-02", "2019-08"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ngày 10.2, Thủ tướng tiếp Đại sứ Pháp.", [("Ngày 10.2", "--02-10", None, "day")]),
        ("Chiều 14-5, hai Bộ trưởng đã hội đàm.", [("Chiều 14-5", "--05-14", None, "day")]),
        ("Sáng 28.6, đoàn đại biểu tới Hà Nội.", [("Sáng 28.6", "--06-28", None, "day")]),
        ("Chiều qua 28.6, Bộ trưởng Ngoại giao phát biểu.", [("Chiều qua 28.6", "--06-28", None, "day")]),
        ("Tối qua (27/6), hai bên ký kết thỏa thuận.", [("Tối qua (27/6)", "--06-27", None, "day")]),
    ],
)
def test_dotted_and_dashed_days_of_other_outlets(text: str, expected: list[tuple[str, str, str | None, str]]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Kim ngạch thương mại đạt 1.5 tỷ USD, tăng 2.3 lần.",
        "Chiều qua 1.5 tỷ USD đã được giải ngân.",
        "Đội tuyển Việt Nam thắng 2-1, tỷ số hiệp một là 1-0.",
        "Lãi suất giảm từ 6.5 xuống 6.2 điểm phần trăm.",
    ],
)
def test_decimals_and_scores_are_no_dates(text: str) -> None:
    assert find_dates(text) == []


def test_a_yesterday_word_followed_by_the_date_is_one_mention() -> None:
    found = find_dates("Chiều qua 28.6, ông Putin tiếp Chủ tịch nước.", reference=REF)
    assert [(d.start, str(d.date)) for d in found] == [(0, "2019-06-28")]


def test_a_year_after_a_weekday_stays_inside_the_text() -> None:
    text = "Thứ năm 2013 là năm bản lề."
    for mention in find_dates(text):
        assert 0 <= mention.start < mention.end <= len(text)


@pytest.mark.parametrize(
    ("text", "phrase", "iso"),
    [
        ("Hôm thứ Ba, ông Trump điện đàm với ông Tập Cận Bình.", "Hôm thứ Ba", "2019-06-11"),
        ("Tối Chủ nhật, hai bên ra tuyên bố chung.", "Tối Chủ nhật", "2019-06-09"),
        ("Hôm thứ Tư, Bộ Ngoại giao thông báo.", "Hôm thứ Tư", "2019-06-12"),
        ("Sáng thứ Hai tới, Thủ tướng sẽ lên đường.", "Sáng thứ Hai tới", "2019-06-17"),
    ],
)
def test_weekdays_are_read_from_the_reference_day(text: str, phrase: str, iso: str) -> None:
    assert [(text[d.start : d.end], str(d.date)) for d in find_dates(text, reference=REF)] == [(phrase, iso)]


def test_an_ordinal_is_no_weekday() -> None:
    assert find_dates("Đây là lần thứ hai hai bên gặp nhau, vòng thứ ba diễn ra sau đó.", reference=REF) == []


def test_weekdays_need_a_reference() -> None:
    assert find_dates("Hôm thứ Ba, ông Trump điện đàm với ông Tập Cận Bình.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hai bên gặp nhau hồi tháng 12.2016 tại Hà Nội.", [("tháng 12.2016", "2016-12", None, "month")]),
        ("Hiệp định được ký hồi tháng 12/2016.", [("tháng 12/2016", "2016-12", None, "month")]),
        ("Đoàn sang thăm Nhật Bản vào tháng 12-2016.", [("tháng 12-2016", "2016-12", None, "month")]),
        ("Đoàn sang thăm Nhật Bản vào tháng 12–2016.", [("tháng 12–2016", "2016-12", None, "month")]),
        ("Từ tháng 11.2016, hai nước nối lại đàm phán.", [("Từ tháng 11.2016", "2016-11", None, "month")]),
        ("Cuối tháng 5/2017, Thủ tướng thăm Mỹ.", [("Cuối tháng 5/2017", "2017-05", None, "month")]),
        ("Đầu tháng 4, hai bên ký kết thỏa thuận.", [("Đầu tháng 4", "--04", None, "month")]),
        ("Trung tuần tháng 6, đoàn đại biểu lên đường.", [("Trung tuần tháng 6", "--06", None, "month")]),
        ("Hạ tuần tháng 7/2018, hai bên gặp lại.", [("Hạ tuần tháng 7/2018", "2018-07", None, "month")]),
        ("Sáng 28.6, đoàn tới Bắc Kinh.", [("Sáng 28.6", "--06-28", None, "day")]),
        ("Thủ tướng tiếp Đại sứ Nhật Bản (25/6) tại Hà Nội.", [("25/6", "--06-25", None, "day")]),
        ("Hội nghị diễn ra từ 22-24/9 tại New York.", [("từ 22-24/9", "--09-22", "--09-24", "day")]),
    ],
)
def test_months_with_a_year_after_a_dot_slash_or_dash(
    text: str, expected: list[tuple[str, str, str | None, str]]
) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Hai nước đàm phán từ tháng 3 đến tháng 5/2018.",
            [("từ tháng 3 đến tháng 5/2018", "2018-03", "2018-05", "month")],
        ),
        ("Các cuộc tập trận diễn ra tháng 11-12.2016.", [("tháng 11-12.2016", "2016-11", "2016-12", "month")]),
        (
            "Hai vòng đàm phán vào tháng 11 và 12 năm 2016.",
            [("tháng 11 và 12 năm 2016", "2016-11", "2016-12", "month")],
        ),
        ("Chiến dịch kéo dài tháng 12-1/2017.", [("tháng 12-1/2017", "2016-12", "2017-01", "month")]),
    ],
)
def test_a_month_range_takes_the_year_of_its_last_month(
    text: str, expected: list[tuple[str, str, str | None, str]]
) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "iso"),
    [
        ("Hai nhà lãnh đạo đã gặp nhau hồi tháng 11 năm ngoái tại Đà Nẵng.", "tháng 11 năm ngoái", "2018-11"),
        ("Vào tháng 3 năm nay, Bộ trưởng đã thăm Lào.", "tháng 3 năm nay", "2019-03"),
        ("Hiệp định được ký tháng 8 năm trước.", "tháng 8 năm trước", "2018-08"),
        ("Tháng trước, hai bên đã trao đổi thư.", "Tháng trước", "2019-05"),
        ("Hai bên ký kết vào tháng Mười một năm ngoái.", "tháng Mười một năm ngoái", "2018-11"),
        ("Hội nghị thượng đỉnh họp vào tháng Hai năm nay.", "tháng Hai năm nay", "2019-02"),
    ],
)
def test_months_relative_to_the_reference_year(text: str, phrase: str, iso: str) -> None:
    found = find_dates(text, reference=REF)
    assert [(text[d.start : d.end], str(d.date), d.relative) for d in found] == [(phrase, iso, True)]


def test_relative_month_of_a_year_only_reference() -> None:
    text = "Hai bên gặp nhau hồi tháng 11 năm ngoái."
    (mention,) = find_dates(text, reference=PartialDate(year=2020))
    assert str(mention.date) == "2019-11"


def test_month_words_name_the_whole_month() -> None:
    text = "Tuyên bố chung ra đời tháng Mười một, còn hiệp định được ký tháng Ba năm 2019."
    assert [(text[d.start : d.end], str(d.date)) for d in find_dates(text)] == [
        ("tháng Mười một", "--11"),
        ("tháng Ba năm 2019", "2019-03"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Vốn đầu tư đạt 1.5 tỷ USD, tăng 2,5% so với cùng kỳ.",
        "Chiều tối, đội tuyển thắng 2-1 trước Thái Lan.",
        "Tăng trưởng đạt 6.8%, lạm phát 3.5%.",
    ],
)
def test_decimals_percentages_and_scores_stay_numbers(text: str) -> None:
    assert find_dates(text, reference=REF) == []


@pytest.mark.parametrize(
    "text",
    [
        "Thứ năm 2013 là năm bản lề, thứ sáu 2014 cũng vậy.",
        "Chủ nhật năm 2020 tháng 12.2016 hôm thứ năm 2019",
        "thứ năm năm 2013 ngày thứ năm 29/3",
    ],
)
def test_weekday_words_before_a_year_keep_offsets_in_the_text(text: str) -> None:
    for reference in (None, REF, PartialDate(year=2020)):
        for mention in find_dates(text, reference=reference):
            assert 0 <= mention.start < mention.end <= len(text)
            assert text[mention.start : mention.end].strip() == text[mention.start : mention.end]


@pytest.mark.parametrize(
    ("text", "phrase", "iso", "iso_end"),
    [
        ("Các vòng đàm phán diễn ra vào tháng 2-3 năm ngoái.", "tháng 2-3 năm ngoái", "2018-02", "2018-03"),
        (
            "Dự kiến từ tháng 11 đến tháng 12 năm nay, hai bên sẽ họp.",
            "từ tháng 11 đến tháng 12 năm nay",
            "2019-11",
            "2019-12",
        ),
    ],
)
def test_a_month_range_of_a_relative_year(text: str, phrase: str, iso: str, iso_end: str) -> None:
    (mention,) = find_dates(text, reference=REF)
    assert (text[mention.start : mention.end], str(mention.date), str(mention.date_end), mention.relative) == (
        phrase,
        iso,
        iso_end,
        True,
    )


def test_the_year_before_that_is_not_last_year() -> None:
    text = "Năm 2015, hai bên ký hiệp định, sau vòng đàm phán tháng 5 năm trước đó."
    spans = [text[d.start : d.end] for d in find_dates(text, reference=REF)]
    assert "tháng 5 năm trước" not in spans


def test_a_range_never_ends_before_it_starts() -> None:
    text = "Hiệp định ký ngày 4/4/2025 tới 11-12.2016 mới công bố."
    for mention in find_dates(text, reference=REF):
        assert mention.date_end is None


def test_a_range_of_days_whose_end_is_written_with_a_hyphen() -> None:
    text = "Thủ tướng sẽ thăm Đức và Hà Lan từ ngày 5 đến 11-7."
    (d,) = find_dates(text)
    assert (text[d.start : d.end], str(d.date), str(d.date_end)) == ("từ ngày 5 đến 11-7", "--07-05", "--07-11")
