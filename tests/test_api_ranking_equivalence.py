"""``_ranked`` scores outlet parsers by host alone when a text copy names no outlet: the
ranking is the one that calling every parser's ``score`` gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from diplomacy_corpus import api, plugins
from diplomacy_corpus.interfaces import Source

_LINES = st.sampled_from([
    "Thủ tướng tiếp Đại sứ Nhật Bản tại Hà Nội.", "Hà Nội (TTXVN) - Chiều 5/3, hai bên hội đàm.",
    "Theo Trần Mạnh/baochinhphu.vn", "Vũ Dũng/VOV", "http://vnexpress.net/a/1.html", "Nguyễn Hồng Điệp (TTXVN)",
    "Theo phóng viên TTXVN tại Paris, hai bên đã ký kết.", "Ảnh: Thống Nhất/TTXVN", "VnExpress", "(Hết)",
    "Tin liên quan", "Tuổi Trẻ", "Hội nghị diễn ra tại London. Ảnh VGP/Hải Minh",
])
_URLS = st.sampled_from([None, "", "http://www.baomoi.com/a/c/1.epi", "https://vnexpress.net/x", "http://tuoitre.vn/y",
                         "https://www.vietnamplus.vn/z", "vov.vn/a", "not a url"])


def _reference(source: Source) -> list[str]:
    scored = [(float(parser.score(source)), parser) for parser in plugins._ordered_parsers()]
    scored.sort(key=lambda item: item[0], reverse=True)
    return [parser.name for _, parser in scored]


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINES, min_size=1, max_size=6), _URLS, st.sampled_from([None, "Tiêu đề"]))
def test_same_ranking_as_every_score(lines: list[str], url: str | None, title: str | None) -> None:
    source = Source(origin="t", text="\n".join(lines), url=url, title=title)
    assert [parser.name for parser in api._ranked(source)] == _reference(source)
