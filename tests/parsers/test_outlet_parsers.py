"""Outlet parsers on pages and text copies that follow each outlet's real structure."""

from __future__ import annotations

from pathlib import Path

import pytest

import diplomacy_corpus as dc

PAGES = Path(__file__).resolve().parent.parent / "fixtures" / "pages"

#: Names planted in scripts, navigation, share widgets, comments and related-news blocks.
TRAPS = ("Kịch Bản", "Bình Luận", "Chia Sẻ", "Điều Hướng", "Related", "Liên Quan", "Quảng Cáo", "Menu", "Mishustin",
         "Đọc Nhiều", "Chân Trang", "Mã Nhúng", "Script")

EXPECTED = {
    "baochinhphu.html": dict(source="baochinhphu", title="Thủ tướng tiếp Đại sứ Nhật Bản chào từ biệt",
                             author="Trần Mạnh", published="2024-03-05T17:30:00+07:00", section="Đối ngoại",
                             url="https://baochinhphu.vn/thu-tuong-tiep-dai-su-nhat-ban-chao-tu-biet-102240305173000000.htm",
                             lead_starts="Chiều 5/3, tại Trụ sở Chính phủ", caption="Ảnh: VGP/Nhật Bắc"),
    "baochinhphu.txt": dict(source="baochinhphu", title="Phó Thủ tướng tiếp Bộ trưởng Ngoại giao Australia",
                            author="Hải Minh", published=None, section=None,
                            url="http://baochinhphu.vn/Doi-ngoai/Pho-Thu-tuong-tiep-Bo-truong-Ngoai-giao-Australia/500123.vgp",
                            lead_starts="Phó Thủ tướng, Bộ trưởng Ngoại giao", caption="Ảnh VGP/Hải Minh"),
    "vietnamplus.html": dict(source="ttxvn", title="Việt Nam và Singapore thúc đẩy hợp tác kinh tế số",
                             author="Minh Thu", published="2024-03-05T15:15:00+07:00", section="Chính trị",
                             url="https://www.vietnamplus.vn/viet-nam-va-singapore-thuc-day-hop-tac-kinh-te-so-post912345.vnp",
                             lead_starts="Chiều 5/3, tại Hà Nội", caption="(Ảnh: Lâm Khánh/TTXVN)"),
    "ttxvn.txt": dict(source="ttxvn", title="Thủ tướng tiếp Đại sứ Hàn Quốc", author="Nguyễn Văn Điệp",
                      published=None, section=None, url=None, lead_starts="Chiều 5/3, tại Trụ sở Chính phủ",
                      caption="Ảnh: Dương Giang/TTXVN"),
    "baoquocte.html": dict(source="baoquocte", title="Việt Nam-Hà Lan thúc đẩy quan hệ Đối tác chiến lược",
                           author="Minh Quân", published="2024-03-05T20:05:00+07:00", section="Thời sự",
                           url="https://baoquocte.vn/viet-nam-ha-lan-thuc-day-quan-he-doi-tac-chien-luoc-260123.html",
                           lead_starts="Chiều 5/3, Thứ trưởng", caption="(Nguồn: TGVN) |"),
    "baoquocte.txt": dict(source="baoquocte", title=None, author=None, published=None, section=None,
                          url="https://baoquocte.vn/tong-thong-han-quoc-tiep-dai-su-viet-nam-260200.html",
                          lead_starts="Ngày 5/3, tại Seoul", caption="(Nguồn: Yonhap) |"),
    "vnexpress.html": dict(source="vnexpress", title="Ngoại trưởng Mỹ thăm Việt Nam", author="Như Tâm",
                           published="2024-03-05T15:20:00+07:00", section="Thời sự",
                           url="https://vnexpress.net/ngoai-truong-my-tham-viet-nam-4720001.html",
                           lead_starts="Ngoại trưởng Antony Blinken đến Hà Nội", caption="Ảnh: Giang Huy"),
    "vnexpress.txt": dict(source="vnexpress", title="Ngoại trưởng Mỹ hội đàm với Bộ trưởng Bùi Thanh Sơn",
                          author="Như Tâm", published=None, section=None,
                          url="https://vnexpress.net/ngoai-truong-my-hoi-dam-voi-bo-truong-bui-thanh-son-4720100.html",
                          lead_starts="Ông Antony Blinken", caption="Ảnh: Giang Huy"),
    "nhandan.html": dict(source="nhandan", title="Chủ tịch Quốc hội hội đàm với Chủ tịch Quốc hội Lào",
                         author="Xuân Hòa", published="2024-03-05T18:40:00+07:00", section="Chính trị",
                         url="https://nhandan.vn/chu-tich-quoc-hoi-hoi-dam-voi-chu-tich-quoc-hoi-lao-post800123.html",
                         lead_starts="Chiều 5/3, tại Nhà Quốc hội", caption="(Ảnh: Duy Linh)"),
    "nhandan.txt": dict(source="nhandan", title="Chủ tịch Quốc hội hội đàm với Chủ tịch Quốc hội Lào",
                        author="Xuân Hòa", published=None, section=None, url=None,
                        lead_starts="Chiều 5/3, tại Nhà Quốc hội", caption="(Ảnh: Duy Linh)"),
    "tuoitre.html": dict(source="tuoitre", title="Thủ tướng hội đàm với Thủ tướng New Zealand", author="DUY LINH",
                         published="2024-03-05T19:00:00+07:00", section="Thời sự",
                         url="https://tuoitre.vn/thu-tuong-hoi-dam-voi-thu-tuong-new-zealand-20240305190000000.htm",
                         lead_starts="Chiều 5/3, Thủ tướng", caption="Ảnh: NGUYỄN KHÁNH"),
    "tuoitre.txt": dict(source="tuoitre", title="Thủ tướng hội đàm với Thủ tướng New Zealand", author="DUY LINH",
                        published=None, section=None, url=None, lead_starts="Chiều 5/3, Thủ tướng", caption=None),
    "generic.html": dict(source="html", title="Bộ trưởng Ngoại giao tiếp Đại sứ Pháp", author=None,
                         published="2024-03-05T17:00:00+07:00", section=None,
                         url="https://baodiaphuong.example.vn/bo-truong-tiep-dai-su-phap-123.html",
                         lead_starts="Chiều 5/3, Bộ trưởng Ngoại giao", caption=None),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture(name: str) -> None:
    want = EXPECTED[name]
    doc = dc.parse(PAGES / name, extract=False)
    for field in ("source", "title", "author", "published", "section", "url"):
        assert getattr(doc, field) == want[field], field
    assert doc.lead is not None and doc.lead.startswith(want["lead_starts"])
    paragraphs = doc.text.split("\n\n")
    head = [doc.title, doc.lead] if doc.title else [doc.lead]
    assert paragraphs[: len(head)] == head  # headline first, then the lead, kept whole
    assert len(paragraphs) > len(head)  # the body follows
    for trap in TRAPS:
        assert trap not in doc.text, trap
    if doc.author:
        assert doc.author not in doc.text
    if want["caption"]:
        assert any(want["caption"] in caption for caption in doc.captions)
        assert want["caption"] not in doc.text
    if name.endswith(".html") and name != "baoquocte.html":
        assert doc.related, "related news kept apart"


def test_forcing_a_parser() -> None:
    doc = dc.parse(PAGES / "generic.html", parser="vnexpress", extract=False)
    assert doc.source == "vnexpress"
    assert doc.title == "Bộ trưởng Ngoại giao tiếp Đại sứ Pháp"


def test_vgp_photo_credit_alone_names_no_outlet() -> None:
    copy = ("Chiều 5/3, Thủ tướng tiếp Đại sứ Nhật Bản tại Trụ sở Chính phủ.\n"
            "Thủ tướng tiếp Đại sứ Nhật Bản. Ảnh: VGP/Nhật Bắc\nHai bên nhất trí tăng cường hợp tác.")
    assert dc.parse_text(copy, extract=False).source == "text"


def test_ttxvn_photo_credit_alone_names_no_outlet() -> None:
    copy = ("Chiều 5/3, Thủ tướng tiếp Đại sứ Nhật Bản tại Trụ sở Chính phủ.\n"
            "Thủ tướng tiếp Đại sứ Nhật Bản. Ảnh: Thống Nhất/TTXVN\nHai bên nhất trí tăng cường hợp tác.\n(Hết)")
    doc = dc.parse_text(copy, extract=False)
    assert doc.source == "text"
    assert "(Hết)" not in doc.text and "Thống Nhất" not in doc.text


@pytest.mark.parametrize(
    ("copy", "source"),
    [
        ("Tiêu đề về hội đàm cấp cao\nHà Nội (TTXVN) - Chiều 5/3, hai bên hội đàm.\nThân bài.", "ttxvn"),
        ("Tiêu đề về hội đàm cấp cao\nTheo phóng viên TTXVN tại Tokyo, chiều 5/3, hai bên gặp.\nThân bài.", "ttxvn"),
        ("Tiêu đề về hội đàm cấp cao\n(Chinhphu.vn) - Chiều 5/3, hai bên hội đàm.\nThân bài.", "baochinhphu"),
        ("Tiêu đề về hội đàm cấp cao\nChiều 5/3, hai bên hội đàm.\nThân bài. VnExpress", "vnexpress"),
        ("Tiêu đề về hội đàm cấp cao\nChiều 5/3, hai bên hội đàm.\nThân bài.", "text"),
        ("Tiêu đề về hội đàm cấp cao\nChiều 5/3, hai bên hội đàm.\nThân bài.\nTheo daibieunhandan.vn", "text"),
        ("Tiêu đề về hội đàm cấp cao\nChiều 5/3, hai bên hội đàm.\nThân bài.\nTheo Tuổi trẻ & Đời sống", "text"),
        ("Tiêu đề về hội đàm cấp cao\nChiều 5/3, hai bên hội đàm.\nThân bài.\nTheo Ngọc Hà/Tuổi Trẻ", "tuoitre"),
    ],
)
def test_text_copies_are_recognised_by_bylines_datelines_and_urls(copy: str, source: str) -> None:
    assert dc.parse_text(copy, extract=False).source == source


def test_url_beside_the_text_picks_the_outlet() -> None:
    doc = dc.parse_text("Chiều 5/3, hai bên hội đàm.\nThân bài.", url="https://www.vietnamplus.vn/a.vnp", extract=False)
    assert doc.source == "ttxvn"
    assert doc.url == "https://www.vietnamplus.vn/a.vnp"


def test_every_parser_says_what_it_recognises() -> None:
    parsers = dc.get_parsers()
    for name in ("text", "html", "baochinhphu", "ttxvn", "baoquocte", "vnexpress", "nhandan", "tuoitre"):
        assert parsers[name].recognises
        assert parsers[name].description


@pytest.mark.parametrize(
    ("site_name", "source"),
    [("TUOI TRE ONLINE", "tuoitre"), ("Vietnam+ (VietnamPlus)", "ttxvn"), ("Báo Nhân Dân điện tử", "nhandan"),
     ("VnExpress - Tin nhanh Việt Nam", "vnexpress"), ("Báo Quốc Tế", "baoquocte"), ("Báo Địa Phương", "html")],
)
def test_pages_without_canonical_link_are_recognised_by_site_name(site_name: str, source: str) -> None:
    html = (f'<html><head><meta property="og:site_name" content="{site_name}"></head>'
            "<body><h1>Tiêu đề bài viết</h1><article><p>Chiều 5/3, hai bên hội đàm.</p></article></body></html>")
    assert dc.parse_text(html, extract=False).source == source


def test_outlet_markup_identifies_a_page_without_canonical_link() -> None:
    html = ("<html><body><h1 class='title-detail'>Ngoại trưởng Mỹ thăm Việt Nam</h1>"
            "<article class='fck_detail'><p class='Normal'>Chiều 5/3, hai bên hội đàm.</p></article></body></html>")
    assert dc.parse_text(html, extract=False).source == "vnexpress"
