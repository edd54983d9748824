"""HTML helpers: dates, metadata readers, paragraphs, cleaning."""

from __future__ import annotations

import pytest

import diplomacy_corpus as dc
from diplomacy_corpus.htmlpage import ArticleRecipe, HtmlPage, host_of, normalize_datetime, page_host, parse_article


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-05T17:30:00+07:00", "2024-03-05T17:30:00+07:00"),
        ("2024-03-05T10:30:00Z", "2024-03-05T17:30:00+07:00"),
        ("2024-03-05T18:40:00+0700", "2024-03-05T18:40:00+07:00"),
        ("2024-03-05T17:30", "2024-03-05T17:30:00+07:00"),
        ("2024-03-05", "2024-03-05"),
        ("Thứ ba, 5/3/2024, 15:20 (GMT+7)", "2024-03-05T15:20:00+07:00"),
        ("05/03/2024 17:30", "2024-03-05T17:30:00+07:00"),
        ("17:30 05/03/2024", "2024-03-05T17:30:00+07:00"),
        ("Thứ Ba, 05-03-2024, 18:40", "2024-03-05T18:40:00+07:00"),
        ("05/03/2024", "2024-03-05"),
        ("31/02/2024", None),
        ("hôm qua", None),
        ("", None),
        (None, None),
    ],
)
def test_normalize_datetime(value: str | None, expected: str | None) -> None:
    assert normalize_datetime(value) == expected


def test_host_of() -> None:
    assert host_of("https://www.baochinhphu.vn/a.htm") == "baochinhphu.vn"
    assert host_of("vnexpress.net/x") == "vnexpress.net"
    assert host_of(None) is None
    assert host_of("http://[::1") is None


def test_page_host_reads_canonical_and_site_name() -> None:
    html = '<link rel="canonical" href="https://nhandan.vn/a.html"><meta property="og:site_name" content="Nhân Dân">'
    assert page_host(html) == ("nhandan.vn", "Nhân Dân")


def test_metadata_order() -> None:
    page = HtmlPage(
        '<html><head><meta property="og:title" content="Tiêu đề OG">'
        '<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "headline": "LD",'
        ' "datePublished": "2024-03-05T01:00:00Z", "author": {"name": "Minh Thu"},'
        ' "articleSection": "Thế giới"}]}</script>'
        '<script type="application/ld+json">{broken</script></head><body><h1>H1</h1>'
        '<time datetime="2020-01-01">x</time></body></html>'
    )
    assert page.title() == "Tiêu đề OG"
    assert page.published() == "2024-03-05T08:00:00+07:00"
    assert page.author() == "Minh Thu"
    assert page.section() == "Thế giới"


def test_time_element_is_the_last_resort() -> None:
    page = HtmlPage('<html><body><h1>Tiêu đề</h1><time datetime="2024-03-05T09:00:00+07:00">5/3</time></body></html>')
    assert page.title() == "Tiêu đề"
    assert page.published() == "2024-03-05T09:00:00+07:00"


def test_og_title_published_time_and_lead_chieu() -> None:
    html = (
        '<html><head><meta property="og:title" content="Bộ trưởng tiếp Đại sứ Pháp">'
        '<meta property="article:published_time" content="2024-03-05T10:00:00Z"></head><body>'
        '<div class="sapo">Chiều 5/3, Bộ trưởng Ngoại giao tiếp Đại sứ Pháp.</div>'
        '<article><p>Hai bên trao đổi về hợp tác.</p></article></body></html>'
    )
    doc = dc.parse_text(html, extract=False)
    assert doc.title == "Bộ trưởng tiếp Đại sứ Pháp"
    assert doc.published == "2024-03-05T17:00:00+07:00"
    assert doc.lead == "Chiều 5/3, Bộ trưởng Ngoại giao tiếp Đại sứ Pháp."
    assert doc.text.split("\n\n")[:2] == ["Bộ trưởng tiếp Đại sứ Pháp", doc.lead]


def test_junk_never_reaches_the_text() -> None:
    html = (
        "<html><body><article><h1>Tiêu đề bài</h1><p>Đoạn một về hợp tác.</p>"
        "<script>var a = 'Nguyễn Kịch Bản';</script><style>.x{}</style>"
        "<div class='share-box'>Lê Chia Sẻ</div><div id='comments'>Trần Bình Luận</div>"
        "<figure><img src='a'><figcaption>Hai bộ trưởng. Ảnh: Đỗ Ảnh</figcaption></figure>"
        "<div class='related-news'><a>Võ Liên Quan thăm Nhật</a></div>"
        "<p>Đoạn hai về đầu tư.</p></article></body></html>"
    )
    doc = parse_article(dc.Source.from_text(html, origin="t"), name="html")
    assert doc.text == "Tiêu đề bài\n\nĐoạn một về hợp tác.\n\nĐoạn hai về đầu tư."
    assert doc.captions == ("Hai bộ trưởng. Ảnh: Đỗ Ảnh",)
    assert doc.related == ("Võ Liên Quan thăm Nhật",)


def test_recipe_with_a_broken_selector_does_not_crash() -> None:
    recipe = ArticleRecipe(title=("h1[[",), body=("div::nope(",))
    doc = parse_article(dc.Source.from_text("<html><body><h1>Tiêu đề</h1><p>Thân bài.</p></body></html>", origin="t"),
                        name="x", recipe=recipe)
    assert doc.title == "Tiêu đề"
    assert "Thân bài." in doc.text


def test_generic_page_prefers_the_article_over_teasers() -> None:
    html = (
        "<html><body><header><article class='teaser'><p>Tin nóng: Trần Teaser thăm Lào</p>"
        "<a href='/x'><div class='sapo'>Lê Quảng Bá đề xuất nhiều sáng kiến hợp tác mới</div></a></article></header>"
        "<div class='page'><div class='post-sapo'>Chiều 5/3, Bộ trưởng Ngoại giao tiếp Đại sứ Pháp tại Hà Nội.</div>"
        "<div class='content-detail'><p>Bộ trưởng cảm ơn những đóng góp của Đại sứ cho quan hệ hai nước.</p>"
        "<p>Đại sứ khẳng định sẽ tiếp tục là cầu nối giữa hai nước trong thời gian tới.</p></div>"
        "<aside><p>Quảng cáo</p></aside></div></body></html>"
    )
    doc = parse_article(dc.Source.from_text(html, origin="t"), name="html")
    assert doc.lead == "Chiều 5/3, Bộ trưởng Ngoại giao tiếp Đại sứ Pháp tại Hà Nội."
    assert "Teaser" not in doc.text and "Quảng Bá" not in doc.text and "Quảng cáo" not in doc.text
    assert doc.text.endswith("Đại sứ khẳng định sẽ tiếp tục là cầu nối giữa hai nước trong thời gian tới.")
