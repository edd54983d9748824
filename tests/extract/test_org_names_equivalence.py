"""`org_names.generic_orgs` finds the same organizations from the heads the lexicon scan saw.

With `Analysis.org_heads` it tries its pattern only where the automaton saw a head; without
(None) it searches the whole text as before. Both must give the same organizations, for text
with heads in any case, after any mark, glued to words, apostrophes and underscores.
"""

from __future__ import annotations

import copy

from hypothesis import given, settings
from hypothesis import strategies as st

from diplomacy_corpus.extract import actors, lexicon, org_names, text

# fmt: off
_PIECES = [
    "Hội", "hội", "HỘI", "Hội đồng", "Hội đồng Bảo an", "Hội nghị", "Công ty", "công ty", "Công ty ABC", "Cục",
    "Tổng cục Thuế", "Quỹ", "Viện", "Đảng", "Đảng Cộng sản", "Ủy ban", "Ủy ban Châu Âu", "Phòng Thương mại",
    "Phòng Thương mại Hà Lan - Việt Nam", "Diễn đàn Doanh nghiệp", "Liên đoàn Công nghiệp Séc", "Ngân hàng",
    "Nhóm G20", "Đại sứ quán Mỹ", "Việt Nam", "Hà Nội", "và", "của", "đã", "Thủ tướng", "ông", "Joe Biden",
    "(WB)", "(IMF)", "x", "2", "-", "_", "'", "’", "Hộix", "Quỹs", "Viện's",
]
_SEPS = ["", " ", " ", " ", ", ", ". ", " - ", "\n", "'", "’", "_", "(", ")", "  ", "-", "“", "2"]
# fmt: on
_text = st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(_SEPS)), max_size=25).map(
    lambda parts: "".join(p + s for p, s in parts)
)


def _orgs(t: str, *, heads: bool) -> list[tuple[int, int, str, str]]:
    seen = []
    real = actors.generic_orgs

    def grab(an):  # type: ignore[no-untyped-def]
        seen.append(copy.deepcopy(an))

    actors.generic_orgs = grab
    try:
        actors.analyse(t, text.match_view(t), text.masked_regions(t))
    finally:
        actors.generic_orgs = real
    an = seen[0]
    if not heads:
        an.org_heads = None
    org_names.generic_orgs(an)
    return an.orgs


@settings(max_examples=800)
@given(_text)
def test_orgs_from_heads_equal_orgs_from_search(t: str) -> None:
    assert _orgs(t, heads=True) == _orgs(t, heads=False)


@settings(max_examples=300)
@given(_text)
def test_heads_cover_every_head_after_no_word_character(t: str) -> None:
    view = text.match_view(t)
    _, heads = lexicon.matcher().scan_with_heads(view)
    if heads is None:
        return
    rx, _ = org_names._org_regex()
    for start in range(len(view)):
        before = view[start - 1] if start else " "
        if rx.match(view, start) and not (before.isalnum() or before in "'’_"):
            assert start in heads
