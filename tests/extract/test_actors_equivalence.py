"""The faster actor analysis gives exactly what the plain code it replaces gave.

The previous formulation of `actors.analyse` (before the person finders run) is kept here
as the reference and compared on random text mixed with the phrases and marks it reads.
"""

from __future__ import annotations

import bisect
from collections import Counter
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import VIETNAMESE

from diplomacy_corpus.extract import actors, lexicon, text

_PIECES = [
    "Việt Nam", "VIỆT NAM", "Mỹ", "Anh", "Anh ấy", "Ý kiến", "Ý", "Thủ tướng", "thủ tướng", "Tổng thống", "ông", "Bà",
    "người đồng cấp", "Bộ trưởng Ngoại giao", "ASEAN", "T.Ư", "Hà Nội", "Trung Quốc", "hội đàm", "Hoa Kỳ",
    "Nam-Hoa Kỳ", "Việt-Mỹ", "Joe Biden", "TS. Lê", "O. Smith", "A.Kawada", "Ông.Nam", "O’Brien", "l'Anh", "_Mỹ",
    ". ", ", ", ";", ":", "(", ")", "\"", "“", "”", "\n", " ", "  ", "-", "–", "’", "'", "\u00a0", "İ", "x" * 60,
]
_text = st.lists(
    st.one_of(st.sampled_from(_PIECES), st.text(alphabet=VIETNAMESE + " .,:!?-\n", max_size=8)), max_size=60
).map("".join)


def _old_analyse(view: str, masks: list[tuple[int, int]]) -> dict[str, Any]:
    """`actors.analyse` (up to the person finders) before it read the hits in one loop."""
    scanned = lexicon.matcher().scan(view)
    cues = [s for s, _, _, cats in scanned if not cats.isdisjoint(actors._CUES)]
    tokens = actors._tokens(view, cues) if cues else []
    starts = [s for s, _ in tokens]
    if tokens:
        split = actors._split_at(tokens, starts, [s for s, _, _, _ in scanned])
        if split is not tokens:
            tokens, starts = split, [s for s, _ in split]
    an = actors.Analysis(text=view, view=view, tokens=tokens, hits={}, masks=masks)
    hit_spans = [(s, e, tuple(cats)) for s, e, _, cats in scanned]
    size = len(starts)
    for start, end, entries, cats in scanned:
        if size:
            i = bisect.bisect_left(starts, start)
            if i < size and starts[i] == start:
                an.hits[i] = (bisect.bisect_left(starts, end, i), end, entries)
        if cats.isdisjoint(actors._ACTOR_CATS) or (masks and an.masked(start)):
            continue
        for e in entries:
            if e.category == "country":
                if not actors._common_word(view, start, end):
                    an.countries.append((start, end, e.payload))
            elif e.category == "org":
                an.orgs.append((start, end, e.payload[0], e.payload[1]))
            elif e.category == "place":
                an.places.append((start, end, e.payload))
            elif e.category == "trigger":
                an.triggers.append((start, end, e.payload))
    return {
        "tokens": tokens, "hits": list(an.hits.items()), "hit_spans": [(s, e, set(c)) for s, e, c in hit_spans],
        "countries": an.countries, "orgs": an.orgs, "places": an.places, "triggers": an.triggers,
    }


@pytest.fixture(autouse=True)
def _no_person_finders(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("find_persons", "latin_names", "generic_orgs"):
        monkeypatch.setattr(actors, name, lambda an: None)


@settings(max_examples=500)
@given(_text, st.booleans())
def test_analyse_equals_old(t: str, masked: bool) -> None:
    view = text.match_view(t)
    masks = [(len(view) // 3, len(view) // 2)] if masked else []
    an = actors.analyse(t, view, masks)
    new = {
        "tokens": an.tokens, "hits": list(an.hits.items()), "hit_spans": [(s, e, set(c)) for s, e, c in an.hit_spans],
        "countries": an.countries, "orgs": an.orgs, "places": an.places, "triggers": an.triggers,
    }
    assert new == _old_analyse(view, masks)


@settings(max_examples=300)
@given(st.lists(st.sampled_from(["VN", "US", "CN", "JP", "KR", "FR"]), max_size=30))
def test_commonest_equals_most_common(codes: list[str]) -> None:
    assert actors._commonest(codes) == [c for c, _ in Counter(codes).most_common()]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(["Bộ trưởng", "Bộ trưởng Ngoại giao", "Thủ tướng", "Phó Thủ tướng", "bộ trưởng"])))
def test_fullest_titles_equals_old(titles: list[str]) -> None:
    folded = [t.casefold() for t in titles]
    old = tuple(
        t for t, f in zip(titles, folded, strict=True) if not any(o != f and o.startswith(f + " ") for o in folded)
    )
    assert actors._fullest_titles(titles) == old


def _old_more_mentions(an: actors.Analysis, people: dict[str, dict[str, Any]], order: list[str]) -> None:
    """`actors._more_mentions` before it dropped the set of taken spans (the covered list holds them)."""
    forms: dict[str, str] = {}
    for k in order:
        if k not in people:
            continue
        p = people[k]
        forms.setdefault(p["name"], k)
        words = p["name"].split()
        if len(words) >= 2 and not actors.is_vietnamese_syllable(words[-1]):
            forms.setdefault(words[-1], k)
    if not forms:
        return
    covered = sorted({s for p in people.values() for s in p["mentions"]})
    t = an.text
    n = len(t)
    found: list[tuple[int, int, str]] = []
    for form in sorted(forms, key=len, reverse=True):
        i = t.find(form)
        while i >= 0:
            e = i + len(form)
            if (i == 0 or not (t[i - 1].isalnum() or t[i - 1] in "'’")) and (
                e >= n or not (t[e].isalnum() or t[e] in "'’")
            ):
                found.append((i, -e, form))
            i = t.find(form, e)
    taken = set(covered)
    for s, neg_e, form in sorted(found):
        e = -neg_e
        if (s, e) in taken or an.masked(s):
            continue
        j = bisect.bisect_right(covered, (s, 1 << 62)) - 1
        if j >= 0 and covered[j][0] <= s < covered[j][1]:
            continue
        p = people[forms[form]]
        p["mentions"].append((s, e))
        bisect.insort(covered, (s, e))
        taken.add((s, e))
        if form != p["name"]:
            p["aliases"].add(form)


_NAMES = ["Joe Biden", "Biden", "Nguyễn Xuân Phúc", "Phúc", "Kim Jong-un", "O'Brien", "Lazo Hernandez", "Abe"]


@settings(max_examples=400)
@given(
    st.lists(st.sampled_from([*_NAMES, " ", ", ", "x", "’", "'", "ông ", "\n"]), max_size=30).map("".join),
    st.lists(st.sampled_from(_NAMES), max_size=4, unique=True),
    st.data(),
)
def test_more_mentions_equals_old(t: str, names: list[str], data: st.DataObject) -> None:
    def spans() -> list[tuple[int, int]]:
        out = []
        for _ in range(data.draw(st.integers(0, 2))):
            a = data.draw(st.integers(0, len(t)))
            out.append((a, data.draw(st.integers(a + 1, len(t) + 2))))
        return out

    masks = sorted(spans())
    mentions = {name: spans() for name in names}

    def make() -> tuple[actors.Analysis, dict[str, dict[str, Any]], list[str]]:
        people = {
            actors._key(name): {"name": name, "mentions": list(mentions[name]), "aliases": set()} for name in names
        }
        an = actors.Analysis(text=t, view=t, tokens=[], hits={}, masks=list(masks))
        return an, people, [actors._key(name) for name in names]

    an_old, old, order_old = make()
    an_new, new, order_new = make()
    _old_more_mentions(an_old, old, order_old)
    actors._more_mentions(an_new, new, order_new)
    assert new == old
