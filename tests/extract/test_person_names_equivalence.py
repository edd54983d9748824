"""The faster person and foreign-name finders give exactly what their plain versions gave.

Each rewritten finder is run beside its previous formulation, kept here as the reference,
on the same `Analysis` of random text built from names, offices, places and the words
around them that the finders look at.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st

from diplomacy_corpus.extract import actors, latin_names, lexicon, text
from diplomacy_corpus.extract.analysis import Analysis, PersonMention
from diplomacy_corpus.extract.names import (
    LATIN_RUN_RE,
    english_words,
    is_vietnamese_syllable,
    object_nouns,
    org_words,
)

# fmt: off
_PIECES = [
    "Joe Biden", "Antony Blinken", "Bashar al-Assad", "Ursula von der Leyen", "George W. Bush", "Al Jazeera",
    "Booz Allen Hamilton", "P-3 Orion", "F-16 Falcon", "Harpoon Block 2", "Star Wars", "Moon Jae In", "Donald Trump",
    "Melania Trump", "Nile Gardiner", "Kim Jong-un", "Hà Nội", "Việt Nam", "Hàn Quốc", "Mỹ", "Nga", "Trung Quốc",
    "Tổng thống", "tổng thống", "Thủ tướng", "Ngoại trưởng", "Bộ trưởng Ngoại giao", "Phó Thủ tướng", "ông", "bà",
    "Ông", "người đồng cấp", "Chủ tịch", "chuyên gia", "Ngân hàng", "Tập đoàn", "Công ty", "Đại học", "Trung tâm",
    "tên lửa", "phim", "tại", "ở", "bang", "tỉnh", "thành phố", "Sau", "Tại", "Nhân", "Theo", "Shield", "Force",
    "Group", "Bank", "Institute", "Sen Vàng", "U23 Việt Nam", "SEA Games", "Premier League", "TP HCM", "Man City",
    "Phi Thanh Vân", "Nguyễn Phú Trọng", "Phạm Bình Minh", "Lý Hiển Long", "nghiên cứu", "của", "và", "kiêm",
    "Ảnh: Reuters/TTXVN", "(Nguồn: AFP)", "Tin Liên Quan", "Phu nhân", "Văn phòng", "Phủ",
]
# fmt: on
_SEPS = [" ", " ", " ", ", ", ". ", " - ", "; ", ": ", " (", ") ", "\n", " 2 ", "’s "]
_text = st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(_SEPS)), max_size=30).map(
    lambda parts: "".join(p + s for p, s in parts)
)

_LISTS = ("persons", "orgs", "title_only", "offices")


def _before(t: str, finder: str) -> Analysis:
    """The analysis of ``t`` as it stands just before ``finder`` runs in `actors.analyse`."""
    seen: list[Analysis] = []
    real = getattr(actors, finder)

    def grab(an: Analysis) -> None:
        seen.append(copy.deepcopy(an))
        real(an)

    setattr(actors, finder, grab)
    try:
        actors.analyse(t, text.match_view(t), text.masked_regions(t))
    finally:
        setattr(actors, finder, real)
    return seen[0]


def _same(t: str, finder: str, new: Callable[[Analysis], None], old: Callable[[Analysis], None]) -> None:
    a = _before(t, finder)
    b = copy.deepcopy(a)
    new(a)
    old(b)
    for name in _LISTS:
        assert getattr(a, name) == getattr(b, name), name


# --------------------------------------------------------------------------- latin_names


def _old_latin_names(an: Analysis) -> None:
    """`latin_names.latin_names` before the word-only checks of a run were cached per run."""
    prefixes, suffixes = org_words()
    english = english_words()
    objects = object_nouns()
    version = lexicon.version()
    taken = [(p.start, p.end) for p in an.persons]
    known = {p.name for p in an.persons if p.kind != "short"}
    for m in LATIN_RUN_RE.finditer(an.view):
        candidate = latin_names._candidate_words(m.group(0), version)
        if candidate is None:
            continue
        words = list(candidate)
        start, end = m.span()
        while words and (
            not latin_names._opens_name(words[0], version) or an.overlaps_hit(start, start + len(words[0]))
        ):
            start += len(words.pop(0)) + 1
        while words and not latin_names._closes_name(words[-1], version):
            end -= len(words.pop()) + 1
        if len(words) < 2 or all(is_vietnamese_syllable(w) for w in words):
            continue
        if any(s < end and start < e for s, e in taken) or an.text[start:end] in known:
            continue
        if words[0] in ("Al", "El") and len(words) == 2:
            an.orgs.append((start, end, "x-" + " ".join(words), an.text[start:end]))
            continue
        if not english.isdisjoint(words):
            an.orgs.append((start, end, "x-" + " ".join(words), an.text[start:end]))
            continue
        if an.masked(start):
            continue
        if not suffixes.isdisjoint(words):
            an.orgs.append((start, end, "x-" + m.group(0), an.text[start:end]))
            continue
        if re.search(r"\d", an.view[start:end]):
            continue
        chunk = an.view[max(0, start - 60) : start]
        cut = max(chunk.rfind(","), chunk.rfind("."), chunk.rfind(";"), chunk.rfind(":"), chunk.rfind("("))
        before = chunk[cut + 1 :].split()[-8:]
        if any(w in prefixes or " ".join(before[x : x + 2]) in prefixes for x, w in enumerate(before)):
            continue
        if before and before[-1] in ("tại", "ở", "bang", "thành", "phố", "đảo", "sông", "tỉnh", "thủ", "đô"):
            continue
        if any(" ".join(before[-k:]) in objects for k in (1, 2, 3) if len(before) >= k):
            continue
        if an.overlaps_hit(start, end):
            continue
        titles, country = latin_names._apposition(an, end)
        an.persons.append(
            PersonMention(
                start=start,
                end=end,
                name=an.text[start:end],
                kind="foreign",
                titles=titles,
                country=country,
                explicit_country=country is not None,
            )
        )


@settings(max_examples=500, deadline=None)
@given(_text)
def test_latin_names_equals_plain(t: str) -> None:
    _same(t, "latin_names", latin_names.latin_names, _old_latin_names)


def test_latin_names_pieces_all_at_once() -> None:
    t = " ".join(p + s for p, s in zip(_PIECES, _SEPS * 10, strict=False))
    _same(t, "latin_names", latin_names.latin_names, _old_latin_names)
