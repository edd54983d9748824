"""The faster actor analysis gives exactly what the plain code it replaces gave.

Each rewritten function is checked against its previous formulation, kept here as the
reference, on random text mixed with the phrases and marks the code looks for.
"""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import VIETNAMESE

from diplomacy_corpus.extract import actors, lexicon, text
from diplomacy_corpus.extract.lexicon import _PUNCT_RE, _collapse

# Lexicon phrases in several spellings, and the marks that end sentences or split words.
_PIECES = [
    "Việt Nam", "việt nam", "VIỆT NAM", "Việt  Nam", "Mỹ", "Anh", "Anh ấy", "Ý kiến", "Thủ tướng", "thủ tướng",
    "Tổng thống", "ông", "Bà", "người đồng cấp", "Bộ trưởng Ngoại giao", "ASEAN", "Asean", "Liên hợp quốc",
    "T.Ư", "T Ư", "Hà Nội", "Trung Quốc", "hội đàm", "Hoa Kỳ", "Nam-Hoa Kỳ", "Joe Biden", "TS. Lê", "O. Smith",
    "Trong khi", "Theo đó", "Mr. X", "1.340", "TP.HCM", ". ", "! ", "? ", "… ", "\n", " ", "  ", ", ", "-", "–",
    "’", "'", "“", "”", "(", ")", "\u00a0", "\u2003", "ı", "İ",
]
_text = st.lists(
    st.one_of(st.sampled_from(_PIECES), st.text(alphabet=VIETNAMESE + " .,:!?-\n", max_size=8)), max_size=40
).map("".join)


def _old_scan(matcher: lexicon.PhraseMatcher, view: str) -> list[tuple[int, int, list, frozenset[str]]]:
    """`PhraseMatcher.scan` before it remembered resolved surfaces."""
    out = []
    for start, end, found in matcher._spans(view):
        key = view[start:end].lower()
        entries = matcher.table.get(key)
        if entries is None and found is not None:
            key = found
            entries = matcher.table[key]
        elif entries is None:
            key = " ".join(_PUNCT_RE.sub(" ", key).split())
            entries = matcher.table.get(key)
            if entries is None:
                continue
        if key in matcher._inexact:
            out.append((start, end, entries, matcher.categories[key]))
            continue
        collapsed = _collapse(view[start:end])
        ok = [e for e in entries if e.exact is None or collapsed in e.exact]
        if ok:
            out.append((start, end, ok, frozenset(e.category for e in ok)))
    return out


def _old_split_sentences(t: str) -> list[tuple[int, int]]:
    """`text.split_sentences` before `_push` was inlined into its loop."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for m in text._END_RE.finditer(t):
        pos, end = m.span()
        if end == pos + 1 and t[pos] == ".":
            chunk = t[max(0, pos - 12) : pos].rsplit(None, 1)
            word = chunk[-1] if chunk else ""
            if (len(word) == 1 and "A" <= word <= "Z") or (len(word) <= 4 and word.casefold() in text._ABBREVIATIONS):
                continue
        text._push(t, start, end, bounds)
        start = end
    text._push(t, start, len(t), bounds)
    cuts = [
        m.start()
        for m in text._OPENER_RE.finditer(t, 2)
        if t[m.start() - 1] == " " and (t[m.start() - 2].isalnum() or t[m.start() - 2] in ')]”"')
    ]
    if not cuts:
        return bounds
    out: list[tuple[int, int]] = []
    k = 0
    for a, b in bounds:
        while k < len(cuts) and cuts[k] < b:
            if cuts[k] > a:
                text._push(t, a, cuts[k], out)
                a = cuts[k]
            k += 1
        text._push(t, a, b, out)
    return out


def _old_key(name: str) -> str:
    decomposed = unicodedata.normalize("NFD", name.replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@settings(max_examples=400)
@given(_text)
def test_scan_equals_uncached_scan(t: str) -> None:
    matcher = lexicon.matcher()
    view = text.match_view(t)
    # Twice: the first call fills the memory of surfaces, the second reads it.
    assert matcher.scan(view) == _old_scan(matcher, view)
    assert matcher.scan(view) == _old_scan(matcher, view)


@settings(max_examples=400)
@given(_text)
def test_split_sentences_equals_plain_loop(t: str) -> None:
    assert text.split_sentences(t) == _old_split_sentences(t)


@settings(max_examples=200)
@given(_text)
def test_cached_key_equals_plain_key(t: str) -> None:
    assert actors._key(t) == _old_key(t)
