"""`event_gates.gate` with the lexicon's compiled patterns decides as the `trigger_ok` it replaced.

The reference below is `trigger_ok` as it was: word lists turned into patterns on every
call, the words before the trigger split twice, the next words tested one by one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from diplomacy_corpus.extract import event_gates as g
from diplomacy_corpus.extract import lexicon
from diplomacy_corpus.extract.actors import analyse
from diplomacy_corpus.extract.analysis import Analysis
from diplomacy_corpus.extract.text import masked_regions, match_view


def _reference(an: Analysis, t: tuple[int, int, dict[str, Any]], blockers: Sequence[str], nouns: Sequence[str]) -> bool:
    ts, te, spec = t
    view = an.view
    nxt = view[te : te + 40].lstrip()
    if spec.get("not_next") and any(nxt.lower().startswith(w) for w in spec["not_next"]):
        return False
    rule = spec.get("next")
    if rule:
        word = nxt.split(" ", 1)[0].strip(",.;:")
        if not (word[:1].isupper() or word in g._ACTOR_OPENERS) and not (
            rule == "actor_or" and any(nxt.startswith(w + " ") or nxt == w for w in spec.get("next_words", []))
        ):
            return False
    if g._HABITUAL_RE.match(view, te):
        return False
    if spec["kind"] in g.STATE_KINDS and g._ANNIVERSARY_RE.search(view[max(0, ts - 80) : ts]):
        return False
    before = g.words_before(view, ts, 0, 5)
    if spec.get("before") and not g.has_word(before, spec["before"]):
        return False
    if spec.get("after") and not g.has_word(" ".join(nxt.lower().split()[:4]), spec["after"]):
        return False
    last3 = " ".join(before.split()[-3:])
    if g.has_word(last3, blockers):
        return False
    if spec["kind"] in ("visit", "agreement", "conference") and g.has_word(last3, ("các", "những", "nhiều")):
        return False
    if spec.get("object"):
        back = 200 if view[max(0, ts - 6) : ts].rstrip().endswith("được") else 60
        if not nouns or not g._any_of(tuple(nouns)).search(view, max(0, ts - back), te + 80):
            return False
        if g.has_word(last3, ("sớm", "sẽ", "đề nghị", "cần", "nhằm", "để")):
            return False
    return True


_PIECES = [
    "Thủ tướng Phạm Minh Chính", " hội đàm với ", " thăm ", " thăm chính thức ", " gặp ", " gặp gỡ ", " tiếp ",
    " ký kết ", " Hiệp định ", " được ký ", " điện đàm ", " sẽ ", " các ", " những ", " chuẩn bị ", " kể từ ",
    " thường xuyên ", " hằng năm", " Đối tác ", " nâng cấp ", " chiến lược ", " phát biểu trước ", " báo chí",
    " kỷ niệm 30 năm ", " thiết lập quan hệ ngoại giao ", ", ", ". ", "; ", " ông ", " Nga", " Việt Nam ", " và ",
    " diễn đàn ", " tham dự ", " đề nghị ", " làm việc", " tới ", " để ", "\n",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=14))
def test_gate_decides_as_the_old_trigger_ok(pieces: list[str]) -> None:
    text = "".join(pieces)
    view = match_view(text)
    an = analyse(text, view, masked_regions(view))
    cfg = lexicon.load("event_triggers")
    blockers, nouns = cfg.get("blockers_before", []), cfg.get("agreement_nouns", [])
    patterns = g.lexicon_patterns()
    for t in an.triggers:
        expected = _reference(an, t, blockers, nouns)
        assert g.gate(an, t, *patterns) == expected
        assert g.trigger_ok(an, t, blockers, nouns) == expected
