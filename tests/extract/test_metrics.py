"""Metric extraction on sentences written in the style of Vietnamese news."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diplomacy_corpus.extract.metrics import find_metrics
from diplomacy_corpus.models import Metric, PartialDate


def _sentences(text: str) -> list[tuple[int, int]]:
    """A trivial splitter: one sentence per '.', '!' or '?' followed by a space, per line."""
    out = []
    for line in re.finditer(r"[^\n]+", text):
        for part in re.finditer(r"\S.*?(?:[.!?]+(?=\s|$)|$)", line.group()):
            if part.group().strip():
                out.append((line.start() + part.start(), line.start() + part.end()))
    return out


def _metrics(text: str, reference: PartialDate | None = None) -> list[Metric]:
    return find_metrics(text, _sentences(text), reference=reference)


def _one(text: str) -> Metric:
    (metric,) = _metrics(text)
    return metric


def _summary(text: str) -> list[tuple[str, float, str, str | None, str | None]]:
    return [(m.kind, m.value, m.unit, m.qualifier, m.period) for m in _metrics(text)]


@pytest.mark.parametrize(
    ("text", "kind", "value", "unit", "qualifier"),
    [
        ("Kim ngạch thương mại song phương đạt hơn 45 tỷ USD.", "trade_turnover", 45e9, "USD", "more_than"),
        ("Thương mại hai chiều đạt gần 8,5 tỷ USD.", "trade_turnover", 8.5e9, "USD", "nearly"),
        ("Việt Nam xuất khẩu sang Canada khoảng 3,9 tỷ USD.", "export", 3.9e9, "USD", "about"),
        ("Nhập khẩu từ Hàn Quốc đạt 46 tỷ USD.", "import", 46e9, "USD", None),
        ("Vốn FDI của Singapore đăng ký đạt 68 tỷ USD.", "fdi", 68e9, "USD", None),
        ("Nhật Bản cung cấp viện trợ ODA trị giá 1.200 tỷ yên.", "aid", 1.2e12, "JPY", None),
        ("Cộng đồng đóng góp 500 triệu đô la Mỹ cho quỹ.", "contribution", 5e8, "USD", None),
        ("Dự án nhà máy có tổng mức đầu tư trên 1,5 tỷ USD.", "investment", 1.5e9, "USD", "more_than"),
        ("Hai nước đặt mục tiêu 20 tỷ euro.", "count", 20e9, "EUR", None),
        ("Khoản hỗ trợ trị giá khoảng 2 tỷ đồng được trao.", "aid", 2e9, "VND", "about"),
        ("Quỹ nhận 300.000 nhân dân tệ và 5 triệu won.", "count", 300_000, "CNY", None),
        ("Năm ngoái, nhập gần 50 tỷ USD hàng hóa.", "import", 50e9, "USD", "nearly"),
        ("Sau khi hội nhập, vốn đạt 5 tỷ USD.", "investment", 5e9, "USD", None),
        ("Vốn đầu tư nước ngoài đạt 20 tỷ USD.", "fdi", 20e9, "USD", None),
        ("Việt Nam nhập khẩu 19 tỷ USD và xuất siêu 32 tỷ USD.", "import", 19e9, "USD", None),
        ("Thương mại đạt 10 tỷ USD hơn một chút.", "trade_turnover", 10e9, "USD", "more_than"),
    ],
)
def test_money(text: str, kind: str, value: float, unit: str, qualifier: str | None) -> None:
    metric = _metrics(text)[0]
    assert (metric.kind, metric.unit, metric.qualifier) == (kind, unit, qualifier)
    assert metric.value == pytest.approx(value)


def test_a_unit_shared_by_two_amounts() -> None:
    text = "Năm 2016, xuất khẩu đạt gần 22 tỷ và nhập khẩu đạt 50 tỷ USD; hai nước có 5 và 7 dự án."
    assert [(m.kind, m.value, m.unit, m.qualifier) for m in _metrics(text)] == [
        ("export", 22e9, "USD", "nearly"),
        ("import", 50e9, "USD", None),
        ("projects", 7.0, "count", None),
    ]


def test_a_trade_surplus_is_no_import() -> None:
    metrics = _metrics("Việt Nam nhập khẩu 19 tỷ USD và xuất siêu 32 tỷ USD.")
    assert [(m.kind, m.value) for m in metrics] == [("import", 19e9), ("count", 32e9)]


def test_text_and_evidence() -> None:
    text = "Quan hệ tốt đẹp. Thương mại hai chiều đạt hơn 60 tỷ USD vào năm 2021. Hai bên hài lòng."
    metric = _one(text)
    assert metric.id == "m1"
    assert metric.text == "hơn 60 tỷ USD"
    assert metric.evidence is not None
    assert metric.evidence.text == "Thương mại hai chiều đạt hơn 60 tỷ USD vào năm 2021."
    assert text[metric.evidence.start : metric.evidence.end] == metric.evidence.text
    assert metric.period == "2021"


def test_percentages() -> None:
    text = "Năm 2019, xuất khẩu tăng 12,5%, nhập khẩu giảm 3,2%, còn hàng nông sản chiếm 19% tổng kim ngạch."
    assert _summary(text) == [
        ("growth_rate", 12.5, "percent", None, "2019"),
        ("growth_rate", -3.2, "percent", None, "2019"),
        ("count", 19.0, "percent", None, "2019"),
    ]


def test_multiples_and_ranks() -> None:
    text = "Thương mại tăng gấp 3 lần, Hàn Quốc là nhà đầu tư lớn thứ nhất, Nhật Bản đứng thứ hai và Mỹ xếp thứ 11/140."
    assert [(m.kind, m.value, m.unit) for m in _metrics(text)] == [
        ("growth", 3.0, "times"),
        ("rank", 1.0, "rank"),
        ("rank", 2.0, "rank"),
        ("rank", 11.0, "rank"),
    ]


def test_a_second_rank_after_va() -> None:
    text = "Vốn của Đức đứng thứ 4 trong EU và thứ 18/120 quốc gia; đây là lần thứ hai và thứ ba."
    assert [m.value for m in _metrics(text) if m.kind == "rank"] == [4.0, 18.0]


def test_multiples_in_words() -> None:
    text = "Kim ngạch tăng gấp đôi, đầu tư tăng gấp ba lần và du lịch tăng gấp rưỡi."
    assert [(m.value, m.unit, m.kind) for m in _metrics(text)] == [
        (2.0, "times", "growth"),
        (3.0, "times", "growth"),
        (1.5, "times", "growth"),
    ]


def test_largest_is_not_a_rank() -> None:
    assert _metrics("Trung Quốc là đối tác thương mại lớn nhất và đứng đầu về du lịch.") == []


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("Hiện có hơn 4.500 dự án còn hiệu lực.", "projects", 4500),
        ("Khoảng 12.000 sinh viên Việt Nam đang học tại Úc.", "students", 12000),
        ("Năm ngoái có 1,8 triệu lượt du khách Hàn Quốc.", "count", 1.8e6),
        ("Đất nước có 97 triệu dân.", "population", 97e6),
        ("Hai bên ký 15 văn kiện hợp tác.", "count", 15),
        ("Hai bên ký 12 thoả thuận hợp tác.", "count", 12),
        ("Lãnh đạo của 21 nền kinh tế tham dự.", "count", 21),
        ("Hơn 200 doanh nghiệp dự diễn đàn.", "count", 200),
        ("Hãng hàng không mua 12 chiếc máy bay.", "count", 12),
        ("Nước này có dân số 96 triệu người.", "population", 96e6),
        ("Dân số khoảng 8 triệu.", "population", 8e6),
        ("Số du học sinh Việt Nam tại Úc đã vượt qua con số 30.000 người.", "students", 30000),
    ],
)
def test_counts(text: str, kind: str, value: float) -> None:
    metric = _one(text)
    assert (metric.kind, metric.unit) == (kind, "count")
    assert metric.value == pytest.approx(value)


def test_visit_length_is_a_duration() -> None:
    metric = _one("Chuyến thăm Nhật Bản kéo dài 5 ngày.")
    assert (metric.kind, metric.value, metric.unit) == ("duration", 5.0, "days")


@pytest.mark.parametrize(
    "text",
    [
        "Hai nước kỷ niệm 30 năm thiết lập quan hệ ngoại giao.",
        "Đây là phiên họp lần thứ 25 của Ủy ban, khóa 79.",
        "Quốc hội khoá 14 họp; Tuyên bố chung được thông qua tại khoá họp.",
        "Ông Trump hội đàm với bà May tại số 10 phố Downing.",
        "Cơn bão số 3 gây thiệt hại nặng.",
        "Ông năm nay 62 tuổi và đến lúc 9 giờ 30.",
        "Ngày 20/11/2020, hai bên hội đàm; tháng 9/2023 nâng cấp quan hệ.",
        "Đại hội XII diễn ra năm 2016 tại Hà Nội.",
        "Hai nước và 2 bên nhất trí; 3 nước Đông Dương cùng dự.",
        "Đội tuyển thắng 2-1 và nhận 10/10 điểm.",
        "Sáu tháng sau, hai bên gặp lại; trong ba tháng qua có hai cuộc điện đàm.",
        "Nhiệt điện Mông Dương 2 được khánh thành; Điều 5 quy định rõ.",
        "Đường ống dài 1.200 km và nặng 3.000 tấn.",
        "Hàng trăm triệu USD đã được giải ngân.",
        "Vụ tấn công khiến 14 người thiệt mạng.",
        "Con số " + "9" * 400 + " tỷ USD là vô nghĩa; " + "9" * 300 + " nghìn tỷ USD cũng vậy.",
        "Cuộc xung đột đã cướp đi sinh mạng của hơn 300.000 người.",
        "Thế vận hội 1988 tổ chức tại Seoul; đây là chuyến thăm cấp cao thứ ba.",
    ],
)
def test_not_metrics(text: str) -> None:
    assert _metrics(text) == []


def test_a_range_shares_its_unit() -> None:
    assert [(m.value, m.unit) for m in _metrics("Mục tiêu là 15-20 tỷ euro vào năm 2025.")] == [
        (15e9, "EUR"),
        (20e9, "EUR"),
    ]


def test_period_after_the_figure_beats_a_comparison() -> None:
    text = "Kim ngạch đạt 9 tỷ USD trong năm 2018, tăng 14% so với năm 2017."
    assert [m.period for m in _metrics(text)] == ["2018", "2018"]


def test_period_of_a_partial_year() -> None:
    text = "Trong 6 tháng đầu năm 2022, kim ngạch thương mại đạt gần 30 tỷ USD."
    assert _one(text).period == "6 tháng đầu năm 2022"


def test_period_carries_to_the_next_sentence_only() -> None:
    text = (
        "Năm 2018, thương mại hai chiều đạt 12 tỷ USD. Trong đó, Việt Nam xuất khẩu 7 tỷ USD. "
        "Quan hệ chính trị tốt đẹp. Đầu tư đạt 3 tỷ USD."
    )
    assert [(m.kind, m.period) for m in _metrics(text)] == [
        ("trade_turnover", "2018"),
        ("export", "2018"),
        ("investment", None),
    ]


def test_fdi_is_investment_into_vietnam() -> None:
    text = (
        "Úc có 500 dự án đầu tư vào Việt Nam với tổng vốn 2 tỷ USD. "
        "Việt Nam có 80 dự án đầu tư tại Úc với tổng vốn 0,5 tỷ USD."
    )
    assert [(m.kind, m.value) for m in _metrics(text)] == [
        ("projects", 500),
        ("fdi", 2e9),
        ("projects", 80),
        ("investment", 0.5e9),
    ]


def test_relative_period_uses_the_reference() -> None:
    text = "Trong 5 tháng đầu năm nay, thương mại hai chiều đạt 4 tỷ USD."
    assert "2019" in (_metrics(text, PartialDate(year=2019, month=6))[0].period or "")


def test_a_repeated_figure_is_one_metric() -> None:
    text = "Kim ngạch thương mại đạt 5 tỷ USD năm 2016.\nKim ngạch thương mại đạt 5 tỷ USD năm 2016."
    assert len(_metrics(text)) == 1


def test_equal_rates_of_different_things_are_kept() -> None:
    text = "Năm 2020, xuất khẩu tăng 10%. Cũng năm 2020, nhập khẩu tăng 10%."
    assert [m.value for m in _metrics(text)] == [10.0, 10.0]


def test_ids_are_in_text_order() -> None:
    text = "Đứng thứ 3 về đầu tư, có 250 dự án và tổng vốn 1,1 tỷ USD."
    metrics = _metrics(text)
    assert [m.id for m in metrics] == ["m1", "m2", "m3"]
    assert [m.value for m in metrics] == [3, 250, 1.1e9]


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_crashes_on_any_text(text: str) -> None:
    for metric in find_metrics(text, [(0, len(text))]):
        assert metric.evidence is not None
        assert text[metric.evidence.start : metric.evidence.end] == metric.evidence.text
        assert metric.text in metric.evidence.text


_PIECES = st.sampled_from(
    [
        "đạt ",
        "hơn ",
        "gần ",
        "1.340 ",
        "11,4 ",
        "tỷ ",
        "triệu ",
        "USD",
        "%",
        " dự án",
        " lần",
        "gấp ",
        "lớn thứ ",
        "hai",
        "năm 2020",
        ". ",
        "\n",
        "tăng ",
        "giảm ",
        "-",
        "kim ngạch thương mại ",
        "ngày ",
        "đồng",
        "$",
        "İ",
        "/",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=14).map("".join))
def test_metric_like_text_never_crashes(text: str) -> None:
    for metric in _metrics(text):
        assert metric.evidence is not None
        start = text.index(metric.text, metric.evidence.start)
        assert start + len(metric.text) <= metric.evidence.end


def test_lexicons_use_the_model_vocabularies() -> None:
    """Every kind and unit the data files name is one the models accept."""
    import json
    from importlib import resources

    from diplomacy_corpus.models import METRIC_KINDS, METRIC_UNITS

    folder = resources.files("diplomacy_corpus.extract.lexicons")
    kinds = json.loads(folder.joinpath("metric_kinds.json").read_text(encoding="utf-8"))
    units = json.loads(folder.joinpath("units.json").read_text(encoding="utf-8"))
    named = {*kinds["money_cues"]["strong"].values(), *kinds["money_cues"]["weak"].values()}
    named |= {*kinds["count_nouns"].values(), *kinds["party_nouns"].values()}
    assert named <= METRIC_KINDS
    assert {*units["currencies"], *units["prefix_symbols"].values()} <= METRIC_UNITS


def _lexicon_words() -> list[str]:
    import json
    from importlib import resources

    folder = resources.files("diplomacy_corpus.extract.lexicons")
    words: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            words.append(value)
        elif isinstance(value, dict):
            for key, item in value.items():
                if not key.startswith("_"):
                    words.append(key)
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for name in ("metric_kinds.json", "units.json", "number_words.json"):
        walk(json.loads(folder.joinpath(name).read_text(encoding="utf-8")))
    return sorted(set(words))


_LEXICON_PIECES = st.sampled_from([*_lexicon_words(), "12", "1.340", "2,5", "tỷ", "triệu", "USD", "%", "thứ", "2020"])


@settings(max_examples=500, deadline=None)
@given(st.lists(_LEXICON_PIECES, max_size=10).map(" ".join), st.sampled_from(["", "oà", "oả", "uỷ"]))
def test_every_lexicon_word_is_safe_in_any_order(text: str, tone: str) -> None:
    text = text.replace("òa", tone) if tone else text
    for metric in _metrics(text):
        assert metric.evidence is not None
        assert metric.text in metric.evidence.text


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("Khu vực này có giá trị kinh tế đạt 22,6 nghìn tỷ USD.", "count", 22.6e12),
        ("Quy mô kinh tế của Ấn Độ khoảng 2.600 tỷ USD.", "count", 2.6e12),
        ("Nhật Bản là nền kinh tế có GDP gần 5 nghìn tỷ USD.", "count", 5e12),
        ("Dự án có trị giá 2 tỷ USD sẽ được khởi công.", "investment", 2e9),
    ],
)
def test_the_size_of_an_economy_is_no_investment(text: str, kind: str, value: float) -> None:
    metric = _one(text)
    assert (metric.kind, metric.value, metric.unit) == (kind, value, "USD")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Cộng đồng người Việt tại Séc hiện có hơn 60.000 người.", "population"),
        ("Cộng đồng kiều bào ở Lào có khoảng 100.000 người sinh sống.", "population"),
        ("Doanh nghiệp có cơ hội tiếp cận thị trường rộng lớn với 2,8 tỷ người.", "population"),
        ("Thổ Nhĩ Kỳ đã tiếp nhận gần 3 triệu người tị nạn từ Syria.", "count"),
        ("Hội nghị thu hút 500 người tham dự.", "count"),
    ],
)
def test_communities_and_markets_are_populations(text: str, kind: str) -> None:
    assert _one(text).kind == kind


@pytest.mark.parametrize(
    "text",
    [
        "Trung Quốc là một trong 10 đối tác đầu tư lớn nhất của Việt Nam.",
        "Việt Nam là một trong số 15 nước được miễn thị thực.",
        "Hội nghị thượng đỉnh Nhóm 20 nền kinh tế diễn ra tại Hamburg.",
        "Thế vận hội mùa đông 2018 tổ chức tại PyeongChang.",
    ],
)
def test_memberships_and_names_are_no_counts(text: str) -> None:
    assert _metrics(text) == []


def test_diplomats_are_counted() -> None:
    text = "Buổi lễ có sự tham dự của 21 vị Đại sứ và 7 Tổng lãnh sự mới được bổ nhiệm."
    assert [(m.kind, m.value, m.unit) for m in _metrics(text)] == [("count", 21, "count"), ("count", 7, "count")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Kim ngạch thương mại năm 2016 đạt 24, 5 tỷ USD.", 24.5e9),
        ("Xuất khẩu đạt 1.5 tỷ USD.", 1.5e9),
        ("Kim ngạch thương mại đạt 24,5 tỷ USD.", 24.5e9),
    ],
)
def test_decimal_amounts(text: str, value: float) -> None:
    assert _one(text).value == value


def test_a_list_of_small_numbers_is_no_decimal() -> None:
    values = [m.value for m in _metrics("Hai nước ký 5, 6 văn kiện và 7 dự án.")]
    assert 5.6 not in values


def test_the_day_of_a_statement_is_no_period() -> None:
    ref = PartialDate(year=2017, month=6, day=30)
    (metric,) = _metrics("Ngày 28-5, Bộ Công Thương cho biết kim ngạch thương mại đạt 5 tỷ USD.", ref)
    assert metric.period is None


@pytest.mark.parametrize(
    "text",
    [
        "Tính đến ngày 31/12/2016, Nhật Bản có 3.000 dự án đầu tư tại Việt Nam.",
        "Kim ngạch thương mại đạt 5 tỷ USD vào ngày 31/12/2016.",
    ],
)
def test_a_day_that_bounds_the_figure_is_its_period(text: str) -> None:
    (metric,) = _metrics(text)
    assert metric.period is not None and "2016" in metric.period


def test_a_later_clause_does_not_take_the_period_of_the_sentence_before() -> None:
    text = "Năm 2016, kim ngạch thương mại đạt 60 tỷ USD. Con số này tăng 4%, và trong năm 2017 dự kiến đạt 70 tỷ USD."
    periods = {m.value: m.period for m in _metrics(text)}
    assert periods[60e9] == "2016"
    assert periods[4] == "2016"
    assert periods[70e9] == "2017"


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("Thuế nhập khẩu bình quân sẽ giảm dần xuống 2,8% vào năm 2018.", "count", 2.8),
        ("Mức thuế giảm còn 5%.", "count", 5.0),
        ("Tăng trưởng GDP giảm xuống còn 6% trong năm 2016.", "growth_rate", 6.0),
        ("Xuất khẩu sang Nhật Bản giảm 13,7% so với năm 2015.", "growth_rate", -13.7),
        ("Việt Nam duy trì tốc độ phát triển kinh tế bình quân 6,5%/năm.", "growth_rate", 6.5),
    ],
)
def test_a_percentage_reached_is_a_level_not_a_change(text: str, kind: str, value: float) -> None:
    metric = _one(text)
    assert (metric.kind, metric.value) == (kind, value)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Hiện có hơn 60.000 người Việt Nam sinh sống tại Cộng hòa Séc.", "population"),
        ("Khoảng 20.000 người Việt đang định cư tại Na Uy.", "population"),
        ("Đại diện cộng đồng người gốc Á, trong đó có khoảng 50 người Việt, dự buổi gặp.", "count"),
    ],
)
def test_a_diaspora_is_a_population(text: str, kind: str) -> None:
    assert _one(text).kind == kind


def test_a_year_after_ke_tu_is_a_comparison() -> None:
    (metric,) = _metrics("Kể từ năm 2014 đến nay, thâm hụt thương mại đã tăng 77%.")
    assert metric.period is None


@pytest.mark.parametrize(
    "text",
    [
        "Australia cam kết viện trợ 50 triệu đô la Úc cho Việt Nam.",
        "Singapore đầu tư 2 tỷ đô la Singapore vào khu công nghiệp.",
        "Nga đầu tư 300 tỷ rúp vào dự án.",
    ],
)
def test_other_dollars_are_no_us_dollars(text: str) -> None:
    assert all(m.unit != "USD" for m in _metrics(text))


def test_other_victims_are_no_count() -> None:
    assert _metrics("Vụ nổ khiến ba người thiệt mạng, cùng 9 người khác bị thương.") == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Hàn Quốc có 5.000 dự án đầu tư tại Bình Dương với tổng vốn đầu tư 9 tỷ USD.", "fdi"),
        ("Hyosung dự kiến đầu tư một dự án trị giá 1,2 tỷ USD tại Bà Rịa - Vũng Tàu.", "fdi"),
        ("Công ty thép đầu tư nhà máy tại Bình Dương với tổng vốn đầu tư 868 tỷ đồng.", "investment"),
        ("Ngân hàng Thế giới đầu tư 300 triệu USD cho dự án tại Lào.", "investment"),
    ],
)
def test_foreign_money_invested_in_a_province_is_fdi(text: str, kind: str) -> None:
    assert [m.kind for m in _metrics(text) if m.unit != "count"] == [kind]


def test_officers_sailors_and_staff_are_counted() -> None:
    assert _summary("Tàu HMAS Ballarat và 188 sỹ quan, thủy thủ đã cập cảng Tiên Sa.") == [
        ("count", 188.0, "count", None, None)
    ]
    assert _summary("Đội Công binh có biên chế 268 cán bộ, nhân viên.") == [("count", 268.0, "count", None, None)]
    assert _summary("Hơn 14.000 học sinh Lào đang học tập tại Việt Nam.") == [
        ("students", 14000.0, "count", "more_than", None)
    ]


def test_rounds_of_negotiation_and_delegations_are_counted() -> None:
    assert _summary("Hiệp định đã trải qua 16 vòng đàm phán.") == [("count", 16.0, "count", None, None)]
    assert _summary("Hội nghị có sự tham dự của 40 đoàn của ASEAN và EU.") == [("count", 40.0, "count", None, None)]


def test_a_few_projects_or_students_are_figures_a_few_documents_are_not() -> None:
    assert _summary("Nhật Bản dành khoản vay cho 3 dự án hạ tầng.") == [("projects", 3.0, "count", None, None)]
    assert _summary("Hai bên ký 3 văn kiện hợp tác.") == []


def test_ranks_listed_with_commas() -> None:
    ranks = [m.value for m in _metrics(
        "Hàn Quốc đứng thứ nhất về đầu tư trực tiếp, thứ hai về ODA, thứ hai về du lịch và thứ ba về thương mại."
    ) if m.unit == "rank"]
    assert ranks == [1, 2, 2, 3]
