"""`latin_names._shape` gives what its previous formulation gave.

The reference below is `_shape` as it stood before the words' traits were read in one
look-up (`names.word_traits`); it is run beside the current one on runs of words drawn
from names, Vietnamese syllables, organization and English words, particles and initials,
and on the runs `names.LATIN_RUN_RE` finds in random text.
"""

from __future__ import annotations

import re

import latin_reference
from hypothesis import given, settings
from hypothesis import strategies as st

from diplomacy_corpus.extract import latin_names, lexicon, names
from diplomacy_corpus.extract.names import (
    has_vietnamese_letters,
    is_cap,
    is_name_part,
    is_outside_word,
    is_vietnamese_syllable,
)

_DIGIT_RE = re.compile(r"\d")


def _old_verdict(run, candidate, offsets, first, last, lexicon_words):  # type: ignore[no-untyped-def]
    words = candidate[first:last]
    if len(words) < 2 or all(is_vietnamese_syllable(w) for w in words):
        return None
    start, end = offsets[first], offsets[last - 1] + len(words[-1])
    if (words[0] in ("Al", "El") and len(words) == 2) or not lexicon_words.english.isdisjoint(words):
        return start, end, latin_names._ORG, "x-" + " ".join(words)
    if not lexicon_words.suffixes.isdisjoint(words):
        return start, end, latin_names._SUFFIX_ORG, "x-" + run
    if _DIGIT_RE.search(run, start, end):
        return None
    return start, end, latin_names._PERSON, ""


def _old_shape(run: str):  # type: ignore[no-untyped-def]
    """`latin_names._shape` before `names.word_traits` (uncached)."""
    version = lexicon.version()
    candidate = latin_reference._candidate_words(run, version)
    if candidate is None:
        return None
    offsets = []
    pos = 0
    for w in candidate:
        offsets.append(pos)
        pos += len(w) + 1
    last = len(candidate)
    while last and not latin_reference._closes_name(candidate[last - 1], version):
        last -= 1
    lexicon_words = latin_names._words()
    shape = []
    for x, w in enumerate(candidate):
        if latin_reference._opens_name(w, version):
            found = _old_verdict(run, candidate, offsets, x, last, lexicon_words) if last - x >= 2 else None
            shape.append((offsets[x], offsets[x] + len(w), found))
    while shape and shape[-1][2] is None:
        shape.pop()
    return tuple(shape) or None


# fmt: off
_WORDS = [
    "Joe", "Biden", "Antony", "Blinken", "Bashar", "al-Assad", "el-Sisi", "Ursula", "von", "der", "Leyen", "George",
    "W.", "Bush", "Al", "El", "Jazeera", "Booz", "Allen", "Hamilton", "P-3", "Orion", "F-16", "Falcon", "Star",
    "Wars", "Moon", "Jae", "In", "Kim", "Jong-un", "Hà", "Nội", "Việt", "Nam", "Hàn", "Quốc", "Mỹ", "Nga", "Trung",
    "Thủ", "Tướng", "Ngân", "Hàng", "Sau", "Tại", "Nhân", "Theo", "Nay", "Shield", "Force", "Group", "Bank",
    "Institute", "Sen", "Vàng", "U23", "SEA", "Games", "Premier", "League", "TP", "HCM", "Man", "City", "Phi",
    "Thanh", "Vân", "Nguyễn", "Phú", "Trọng", "Lý", "Hiển", "Long", "Luiz", "Inácio", "Lula", "da", "Silva",
    "O’Brien", "O'Neil", "Tô-xi-hi-rô", "Na-cai", "Hun", "Tập", "Cận", "Bình", "Phương", "Tây", "Sở", "Bộ",
    "GD-ĐT", "FBI", "NATO", "A", "Mercedes-Benz", "GLE", "II", "Đà", "Lạt", "Ferrari", "Chưa", "Chiếc", "USD",
    "Ủy", "Ban", "Tòa", "Hội", "Công", "Ty", "Corp", "Inc", "Airlines", "Trump", "Melania", "Lê", "Hoàng",
]
# fmt: on


@settings(max_examples=1500)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=7).map(" ".join))
def test_shape_of_word_runs_equals_reference(run: str) -> None:
    assert latin_names._shape(run) == _old_shape(run)


_SEPS = [" ", " ", " ", ", ", ". ", " - ", " (", ") ", "\n", " 2 ", " và ", " của "]


@settings(max_examples=500)
@given(st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_SEPS)), max_size=25))
def test_shape_of_found_runs_equals_reference(parts: list[tuple[str, str]]) -> None:
    text = "".join(w + s for w, s in parts)
    for m in names.LATIN_RUN_RE.finditer(text):
        assert latin_names._shape(m.group(0)) == _old_shape(m.group(0))


@settings(max_examples=800)
@given(st.sampled_from(_WORDS) | st.text(alphabet="AbcĐđơẠ-'’.xZ", min_size=1, max_size=8))
def test_word_traits_equal_the_separate_questions(word: str) -> None:
    traits = names.word_traits(word)
    opens = is_cap(word) and not is_outside_word(word) and not has_vietnamese_letters(word)
    closes = is_name_part(word) and not is_outside_word(word) and not has_vietnamese_letters(word)
    assert bool(traits & names.OPENS_NAME) == opens
    assert bool(traits & names.CLOSES_NAME) == closes
    assert bool(traits & names.SYLLABLE) == is_vietnamese_syllable(word)


_PLAIN_TOKEN_RE = re.compile(r"\w(?:(?<=[A-Z])\.(?=\w)\w+|\w*)(?:['’]\w+|-(?=[^\W\d_])\w+)*")


@settings(max_examples=1500)
@given(st.text(alphabet="aZđƠ1_ .-'’,\n", max_size=40), st.integers(0, 45), st.integers(0, 45))
def test_possessive_token_pattern_finds_the_plain_tokens(t: str, a: int, b: int) -> None:
    plain = [m.span() for m in _PLAIN_TOKEN_RE.finditer(t, a, b)]
    assert [m.span() for m in names.TOKEN_RE.finditer(t, a, b)] == plain
