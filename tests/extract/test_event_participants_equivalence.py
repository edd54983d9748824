"""`event_participants.leaders_named` gives what it gave when it searched before every state."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from diplomacy_corpus.extract import event_participants as ep
from diplomacy_corpus.extract.actors import analyse, build_actors
from diplomacy_corpus.extract.analysis import Analysis
from diplomacy_corpus.extract.text import masked_regions, match_view
from diplomacy_corpus.models import Actor


def _reference(an: Analysis, actors: Sequence[Actor]) -> list[tuple[int, int, str]]:
    view = an.view
    if "lãnh đạo" not in view:
        return []
    leaders: dict[str, list[str]] = {}
    for a in actors:
        if a.kind == "person" and a.country and any(t in ep._LEADER_TITLES for t in a.titles):
            leaders.setdefault(a.country, []).append(a.id)
    out = []
    countries = sorted(an.countries)
    for k, (s, e, code) in enumerate(countries):
        lead = ep._LEADERS_RE.search(view, max(0, s - 40), s)
        j = k
        while lead is None and j > 0 and ep._LISTED_STATES_RE.fullmatch(view, countries[j - 1][1], countries[j][0]):
            j -= 1
            lead = ep._LEADERS_RE.search(view, max(0, countries[j][0] - 40), countries[j][0])
        ids = leaders.get(code, [])
        if lead is not None and len(ids) == 1:
            out.append((s, e, ids[0]))
        elif lead is not None and not ids:
            out.append((s, e, "c-" + code))
    return out


_PIECES = [
    "Các nhà lãnh đạo ", "lãnh đạo ", "hai lãnh đạo cấp cao của ", "Nga", "Trung Quốc", "Mỹ", " và ", ", ",
    "Tổng thống Nga Vladimir Putin", "Chủ tịch Trung Quốc Tập Cận Bình", " đã điện đàm", ". ", "x" * 30, " ",
]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=14))
def test_leaders_named_as_before(pieces: list[str]) -> None:
    text = "".join(pieces)
    view = match_view(text)
    an = analyse(text, view, masked_regions(view))
    actors, _ = build_actors(an)
    assert ep.leaders_named(an, actors) == _reference(an, actors)
