"""Plain-text layout: captions, credits, bylines, related news, headlines."""

from __future__ import annotations

import pytest

from diplomacy_corpus import layout


@pytest.mark.parametrize(
    "line",
    [
        "Tổng Bí thư Tô Lâm điện đàm với Tổng thống Hoa Kỳ Donald Trump. Ảnh: Thống Nhất/TTXVN",
        "Phó Thủ tướng Phạm Bình Minh hội đàm với Cố vấn An ninh quốc gia Hoa Kỳ. Ảnh VGP/Hải Minh",
        "Hợp tác Việt Nam-Hoa Kỳ tiếp tục phát triển mạnh mẽ trên nhiều lĩnh vực.(Nguồn: Reuters) |",
        "Nhà máy tại Khu công nghệ cao TP Hồ Chí Minh. Ảnh: TTXVN phát",
        "Thủ tướng Phạm Minh Chính và Thủ tướng Christopher Luxon - Ảnh: NGUYỄN KHÁNH",
        "Bộ trưởng Bùi Thanh Sơn và Bộ trưởng Vivian Balakrishnan. (Ảnh: Lâm Khánh/TTXVN)",
    ],
)
def test_caption_lines(line: str) -> None:
    assert layout.is_caption_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Kim ngạch thương mại đạt 5 tỷ USD (Nguồn: Tổng cục Hải quan).",
        "Nỗ lực hiện thực hóa các nội hàm của quan hệ hợp tác",
        "Ảnh hưởng của xung đột tới kinh tế khu vực là rất lớn, các chuyên gia nhận định.",
        "Hai bên nhất trí tăng cường hợp tác./.",
    ],
)
def test_not_caption_lines(line: str) -> None:
    assert not layout.is_caption_line(line)


@pytest.mark.parametrize(
    ("text", "author", "outlet"),
    [
        ("Theo Trần Mạnh/baochinhphu.vn", "Trần Mạnh", "baochinhphu.vn"),
        ("Nguyễn Hồng Điệp (TTXVN)", "Nguyễn Hồng Điệp", "TTXVN"),
        ("QV (TTXVN)", "QV", "TTXVN"),
        ("Vũ Dũng/VOV", "Vũ Dũng", "VOV"),
        ("TTXVN/Tin Tức", None, "TTXVN"),
        ("VnExpress", None, "VnExpress"),
        ("BẢO MINH - TRẦN BÌNH", "BẢO MINH - TRẦN BÌNH", None),
        ("Thanh Tuấn (từ Washington DC)", "Thanh Tuấn", None),
        ("Hồng Hạnh/Báo Tin Tức", "Hồng Hạnh", "Báo Tin Tức"),
        ("Tin, ảnh: VĂN YÊN (từ Bắc Kinh, Trung Quốc)", "VĂN YÊN", None),
    ],
)
def test_parse_byline(text: str, author: str | None, outlet: str | None) -> None:
    byline = layout.parse_byline(text)
    assert byline is not None
    assert (byline.author, byline.outlet) == (author, outlet)


@pytest.mark.parametrize(
    "text",
    [
        "Hai bên nhất trí tăng cường hợp tác",
        "Thủ tướng cho biết như vậy.",
        "Tổng thống Mỹ Joe Biden hội đàm với ông Tập",
    ],
)
def test_not_bylines(text: str) -> None:
    assert layout.parse_byline(text) is None


def test_trailing_byline_in_flattened_body() -> None:
    body, byline = layout.split_trailing_byline("Hai bên nhất trí tăng cường hợp tác./. Việt Cường/VOV Việt Cường/VOV")
    assert body == "Hai bên nhất trí tăng cường hợp tác./."
    assert byline is not None and byline.author == "Việt Cường"


def test_trailing_sentence_is_no_byline() -> None:
    text = "Hai bên hội đàm. Thủ tướng đề nghị tăng cường hợp tác"
    assert layout.split_trailing_byline(text) == (text, None)


@pytest.mark.parametrize(
    ("paragraph", "caption", "rest"),
    [
        (
            "Thủ tướng Anh Theresa May (phải) và người đồng cấp Israel tại London. (Nguồn: AFP/TTXVN)"
            " Ngày 6/2, hai bên hội đàm.",
            "Thủ tướng Anh Theresa May (phải) và người đồng cấp Israel tại London. (Nguồn: AFP/TTXVN)",
            "Ngày 6/2, hai bên hội đàm.",
        ),
        (
            "Thủ tướng và Thủ tướng Hà Lan Mark Rutte. Ảnh: VGP/Quang Hiếu"
            " Nhận lời mời của Thủ tướng Hà Lan, đoàn đã thăm.",
            "Thủ tướng và Thủ tướng Hà Lan Mark Rutte. Ảnh: VGP/Quang Hiếu",
            "Nhận lời mời của Thủ tướng Hà Lan, đoàn đã thăm.",
        ),
        (
            "Hai nhà lãnh đạo tại Nhà Trắng. Ảnh:Pappastpost Ông Trump cho biết Mỹ ủng hộ đồng minh.",
            "Hai nhà lãnh đạo tại Nhà Trắng. Ảnh:Pappastpost",
            "Ông Trump cho biết Mỹ ủng hộ đồng minh.",
        ),
        (
            "Chủ tịch nước chụp ảnh chung. Ảnh: Nhan Sáng - TTXVN Sáng 19/5, tại Hà Nội, hội nghị khai mạc.",
            "Chủ tịch nước chụp ảnh chung. Ảnh: Nhan Sáng - TTXVN",
            "Sáng 19/5, tại Hà Nội, hội nghị khai mạc.",
        ),
        (
            "Lễ đón diễn ra trọng thể. Ảnh: Reuters Buổi hội đàm diễn ra sau đó.",
            "Lễ đón diễn ra trọng thể. Ảnh: Reuters",
            "Buổi hội đàm diễn ra sau đó.",
        ),
    ],
)
def test_inline_captions(paragraph: str, caption: str, rest: str) -> None:
    cleaned, captions = layout.split_inline_captions(paragraph)
    assert captions == [caption]
    assert cleaned == rest


def test_data_citation_is_kept() -> None:
    text = "Năm 2023, kim ngạch đạt 124 tỷ USD (Nguồn: Tổng cục Hải quan). Hai bên hài lòng."
    assert layout.split_inline_captions(text) == (text, [])


def test_headlines() -> None:
    assert layout.looks_like_headline("Việt Nam muốn tạo đột phá trong quan hệ với Mỹ", next_line="Lead.")
    assert not layout.looks_like_headline("Hai bên hội đàm tại Hà Nội.", next_line="Lead.")
    assert not layout.looks_like_headline("Một tiêu đề", next_line=None)
    long_paragraph = "Phát biểu tại Đại học Columbia, Tổng Bí thư nhấn mạnh vai trò của hợp tác. " * 4
    assert not layout.looks_like_headline(long_paragraph, next_line="x")


def test_plain_copy_layout() -> None:
    copy = "\n".join([
        "Thủ tướng tiếp Đại sứ Nhật Bản",
        "",
        "Chiều 5/3, tại Hà Nội, Thủ tướng tiếp Đại sứ Nhật Bản Yamada Takio.",
        "Thủ tướng tiếp Đại sứ Yamada Takio. Ảnh VGP/Nhật Bắc",
        "Hợp tác kinh tế",
        "Hai bên nhất trí thúc đẩy hợp tác./.",
        "http://baochinhphu.vn/Doi-ngoai/Thu-tuong-tiep-Dai-su/123.vgp",
        "\u00a0",
        "Theo Trần Mạnh/baochinhphu.vn",
        "Tin Liên Quan",
        "Tổng thống Nga Vladimir Putin gặp Chủ tịch Tập Cận Bình",
    ])
    parts = layout.analyse(copy)
    assert parts.title == "Thủ tướng tiếp Đại sứ Nhật Bản"
    assert parts.lead == "Chiều 5/3, tại Hà Nội, Thủ tướng tiếp Đại sứ Nhật Bản Yamada Takio."
    assert parts.body == ("Hợp tác kinh tế", "Hai bên nhất trí thúc đẩy hợp tác./.")
    assert parts.author == "Trần Mạnh"
    assert parts.urls == ("http://baochinhphu.vn/Doi-ngoai/Thu-tuong-tiep-Dai-su/123.vgp",)
    assert parts.captions == ("Thủ tướng tiếp Đại sứ Yamada Takio. Ảnh VGP/Nhật Bắc",)
    assert parts.related == ("Tổng thống Nga Vladimir Putin gặp Chủ tịch Tập Cận Bình",)
    assert "Putin" not in parts.text and "Nhật Bắc" not in parts.text and "Trần Mạnh" not in parts.text


def test_caption_opening_a_copy_is_neither_title_nor_body() -> None:
    copy = (
        "Hợp tác Việt Nam-Hoa Kỳ phát triển mạnh mẽ.(Nguồn: Reuters) |\n"
        "Sau dấu mốc tháng 9/2023, hai nước tổ chức nhiều hoạt động.\nHai bên hài lòng."
    )
    parts = layout.analyse(copy)
    assert parts.title is None
    assert parts.lead == "Sau dấu mốc tháng 9/2023, hai nước tổ chức nhiều hoạt động."
    assert "Reuters" not in parts.text


def test_flattened_crawler_layout() -> None:
    copy = (
        "Quan hệ Việt - Trung tiếp tục phát triển\n"
        "Lãnh đạo hai nước nhất trí tăng cường tin cậy chính trị.\n"
        "Chủ tịch nước Trần Đại Quang và Chủ tịch Tập Cận Bình. Ảnh: Nhan Sáng/TTXVN Ngày 11/5, hai bên hội đàm."
        " Hai bên ký nhiều văn kiện hợp tác. Nguyễn Hồng Điệp  (TTXVN) "
    )
    parts = layout.analyse(copy)
    assert parts.title == "Quan hệ Việt - Trung tiếp tục phát triển"
    assert parts.body == ("Ngày 11/5, hai bên hội đàm. Hai bên ký nhiều văn kiện hợp tác.",)
    assert parts.author == "Nguyễn Hồng Điệp"
    assert parts.byline is not None and parts.byline.outlet == "TTXVN"


def test_dateline_is_taken_off_the_lead() -> None:
    parts = layout.analyse("Tiêu đề bài viết về ngoại giao\nHà Nội (TTXVN) - Chiều 5/3, hai bên hội đàm.\nThân bài.")
    assert parts.lead == "Chiều 5/3, hai bên hội đàm."
    assert parts.dateline == "Hà Nội (TTXVN) -"


def test_related_headline_inside_flattened_body() -> None:
    copy = (
        "Tiêu đề bài viết về ngoại giao\nLead của bài viết.\n"
        "Hai bên hội đàm. Xem thêm : Tổng thống Nga Putin Liên Quan thăm Trung Quốc Tuy nhiên, hai bên chưa ký."
    )
    parts = layout.analyse(copy)
    assert parts.related == ("Tổng thống Nga Putin Liên Quan thăm Trung Quốc",)
    assert parts.body == ("Hai bên hội đàm. Tuy nhiên, hai bên chưa ký.",)


@pytest.mark.parametrize(
    ("first", "second", "is_title"),
    [
        ("Bộ GD-ĐT ra công văn hỏa tốc chỉ đạo vụ việc.", "Sáng 6/2, Cục Nhà giáo có văn bản gửi Sở. " * 2, True),
        ("TT. Huế: Đoàn đại biểu Lào thăm Cố đô", "Sáng 6/2, đoàn đã đến thăm và làm việc tại tỉnh.", True),
        ("Làm thầy thật khó...", "Tuần trước giảng lâm sàng cho sinh viên năm cuối, một câu hỏi khó.", True),
        ("Chiều 5/3, hai bên hội đàm.", "Hai bên nhất trí tăng cường hợp tác trên nhiều lĩnh vực quan trọng.", False),
        ("Clip: Sư tử bị ngựa vằn đá trọng thương", "Sau khi nhận một cú đá của ngựa vằn, con sư tử bị thương.", True),
    ],
)
def test_headline_forms(first: str, second: str, is_title: bool) -> None:
    assert (layout.analyse(f"{first}\n{second}").title == first) is is_title


def test_date_line_gives_the_publication_time() -> None:
    copy = (
        "Thủ tướng tiếp Đại sứ Nhật Bản.\nThứ Ba, 05/03/2024 17:30\n"
        "Chiều 5/3, Thủ tướng tiếp Đại sứ Nhật Bản tại Hà Nội.\nThân."
    )
    parts = layout.analyse(copy)
    assert parts.published == "2024-03-05T17:30:00+07:00"
    assert parts.title == "Thủ tướng tiếp Đại sứ Nhật Bản."
    assert "17:30" not in parts.text


@pytest.mark.parametrize("line", ["Ngày 5/3/2024, hai bên hội đàm.", "31/02/2024", "Năm 2024"])
def test_not_date_lines(line: str) -> None:
    assert layout.date_line(line) is None


@pytest.mark.parametrize(
    ("lead", "dateline"),
    [
        ("SGGP Online - Chiều 5/3, hai bên hội đàm.", "SGGP Online -"),
        ("PLO - Sáng 5/3, hai bên hội đàm.", "PLO -"),
        ("TGVN. Chiều 5/3, hai bên hội đàm.", "TGVN."),
        ("ASEAN - Trung Quốc tăng cường hợp tác.", None),
        ("NATO - Nga căng thẳng leo thang.", None),
    ],
)
def test_outlet_tags_opening_the_lead(lead: str, dateline: str | None) -> None:
    parts = layout.analyse(f"Tiêu đề bài viết về ngoại giao\n{lead}\nThân bài.")
    assert parts.dateline == dateline
    assert parts.lead == (lead[len(dateline):].strip() if dateline else lead)


def test_a_credit_name_agency_then_phat_is_one_credit() -> None:
    text = "hợp tác thời gian tới. Ảnh: Minh Khánh/TTXVN phát *Cũng trong chiều 4/7, Bộ trưởng tiếp Đại sứ."
    start, end = layout.find_credit(text)  # type: ignore[misc]
    assert text[start:end] == "Ảnh: Minh Khánh/TTXVN phát"
