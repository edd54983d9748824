"""Properties every parser keeps: no crash on any input, deterministic scores, clean text."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

import diplomacy_corpus as dc
from diplomacy_corpus import layout

_WORDS = st.sampled_from([
    "Ảnh:", "Ảnh", "(Nguồn:", "Reuters)", "|", "TTXVN", "VGP/Hải", "Minh", "Theo", "/baochinhphu.vn", "(TTXVN)", "./.",
    "(Hết)", "Tin Liên Quan", "Xem thêm:", "http://baochinhphu.vn/a/1.vgp", "Chiều", "5/3,", "Thủ", "tướng", "đàm.",
    "\n", "\n\n", " ", "-", "–", "(", ")", "/", ".", "Nguyễn", "Hồng", "Điệp", "VnExpress", "TTO", "Ông", "\u00a0",
])
_TEXTS = st.one_of(st.text(max_size=400), st.lists(_WORDS, max_size=80).map(" ".join))
_TAGS = st.sampled_from([
    "<html>", "</html>", "<head>", "<body>", "<p>", "</p>", "<div class='detail-content' data-role='content'>",
    "</div>",
    "<h1 class='detail-title'>", "</h1>", "<figure>", "<figcaption>", "</figcaption>", "<script>", "</script>",
    "<meta property='og:title' content='Tiêu đề'>",
    "<meta property='article:published_time' content='2024-13-45T99:99'>",
    "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"author\": [1, {}]}</script>",
    "<link rel='canonical' href='http://[bad'>", "<time datetime='x'>", "<li>", "<blockquote>", "<!--", "-->",
    "<article class='fck_detail'>", "</article>", "<p class='description'>", "<div type='RelatedNewsBox'>",
])
_HTML = st.lists(st.one_of(_TAGS, _WORDS, st.text(max_size=20)), max_size=60).map("".join)


def _parsers() -> list[dc.Parser]:
    return list(dc.get_parsers().values())


@settings(max_examples=150, deadline=None)
@given(_TEXTS)
def test_any_text_parses_with_every_parser(text: str) -> None:
    source = dc.Source(origin="t", text=text)
    for parser in _parsers():
        first = parser.score(source)
        assert first == parser.score(source)
        doc = parser.parse(source)
        assert isinstance(doc, dc.Document)
        assert doc.source == parser.name


@settings(max_examples=150, deadline=None)
@given(_HTML, st.sampled_from([None, "https://baochinhphu.vn/a.htm", "https://vnexpress.net/b.html", "nonsense"]))
def test_any_html_parses_with_every_parser(html: str, url: str | None) -> None:
    source = dc.Source(origin="t", text=html, is_html=True, url=url)
    for parser in _parsers():
        assert 0.0 <= parser.score(source) <= 1.0
        doc = parser.parse(source)
        assert isinstance(doc, dc.Document)
        assert doc.source == parser.name


@settings(max_examples=200, deadline=None)
@given(_TEXTS)
@example("00m.XEM Thêm:00m.")  # the body and a related headline say the same
def test_layout_keeps_captions_and_related_out_of_the_text(text: str) -> None:
    parts = layout.analyse(text)
    assert parts.text == "\n\n".join(parts.paragraphs)
    assert all(p and p == p.strip() for p in parts.paragraphs)
    for line in parts.related:  # taken out of the text: a paragraph only where the text says it again
        assert parts.paragraphs.count(line) < text.count(line)


_DATEISH = st.one_of(
    st.text(max_size=40),
    st.from_regex(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}([T ]\d{1,2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:?\d{2})?)?", fullmatch=True),
)


@settings(max_examples=300, deadline=None)
@given(_DATEISH)
def test_dates_never_crash(value: str) -> None:
    from diplomacy_corpus.htmlpage import normalize_datetime

    found = normalize_datetime(value)
    assert found is None or found[:4].isdigit()
    stamp = layout.date_line(value)
    assert stamp is None or stamp[:4].isdigit()
