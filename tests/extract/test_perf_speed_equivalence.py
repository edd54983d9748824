"""The faster actor analysis gives exactly what the plain code it replaces gave.

Each rewritten function is checked against its previous formulation, kept here as the
reference, on random text mixed with the phrases and marks the code looks for.
"""

from __future__ import annotations

import re
import unicodedata

import latin_reference
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import VIETNAMESE

from diplomacy_corpus.extract import actors, lexicon, names, person_country, text
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


_OLD_END_RE = re.compile(r"\n|[.!?…]([.…]*[\"”’')\]]*)(?=\s+(?:[*•]\s*)?[\"“‘'(\[]*[0-9" + text.UPPER + r"])")
_OLD_TOKEN_RE = re.compile(r"(?:[A-Z]\.(?=\w))?\w+(?:['’]\w+|-(?=[^\W\d_])\w+)*")


def _old_split_sentences(t: str) -> list[tuple[int, int]]:
    """`text.split_sentences` before `_push` was inlined into its loop and `_END_RE` opened with a class."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for m in _OLD_END_RE.finditer(t):
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


def _old_sentence(view: str, start: int, end: int) -> tuple[int, int]:
    """`person_country._sentence` before it searched the windows with two regexes."""
    lo = max(view.rfind(c, max(0, start - 400), start) for c in ".!?\n") + 1
    hi = len(view)
    for c in ".!?\n":
        j = view.find(c, end, end + 400)
        if 0 <= j < hi:
            hi = j
    return lo, hi


@settings(max_examples=300)
@given(st.lists(st.sampled_from(["Ông Nam", ". ", "! ", "?", "\n", "a" * 150, "xyz ", "…"]), max_size=30).map("".join),
       st.data())
def test_sentence_bounds_by_regex(view: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(view)))
    end = data.draw(st.integers(start, len(view)))
    assert person_country._sentence(view, start, end) == _old_sentence(view, start, end)


_RUN_WORDS = ["Joe", "Biden", "Hà", "Nội", "Việt", "Nam", "Al", "Jazeera", "Ngân", "hàng", "Bộ", "al-Assad", "von",
              "Thủ", "Tướng", "Sau", "Tại", "Nhân", "Kim", "Jong-un", "A", "W.", "O’Brien", "FBI", "Ủy", "ban", "Trump"]


@settings(max_examples=400)
@given(st.lists(st.sampled_from(_RUN_WORDS), min_size=1, max_size=6), st.booleans())
def test_cached_name_kind_equals_plain(tokens: list[str], cued: bool) -> None:
    plain = names._name_kind.__wrapped__(list(tokens), cued, 0)  # the body, on a list as before
    assert names.name_kind(tokens, cued=cued) == plain


@settings(max_examples=400)
@given(st.lists(st.sampled_from(_RUN_WORDS), min_size=1, max_size=5).map(" ".join))
def test_candidate_words_equals_inline_checks(run: str) -> None:
    prefixes = names.org_words()[0]
    words = run.split(" ")
    old = None if names.is_vietnamese_run(run) or words[0] in prefixes or " ".join(words[:2]) in prefixes else words
    new = latin_reference._candidate_words(run, lexicon.version())
    assert (None if new is None else list(new)) == old


@settings(max_examples=300)
@given(_text, st.lists(st.sampled_from(["Nam", "Việt Nam", "Biden", "Joe Biden", "Anh", "a", "Hà"]), unique=True))
def test_mention_order_without_key_function(t: str, forms: list[str]) -> None:
    old: list[tuple[int, int, str]] = []
    new: list[tuple[int, int, str]] = []
    for form in sorted(forms, key=len, reverse=True):
        i = t.find(form)
        while i >= 0:
            old.append((i, i + len(form), form))
            new.append((i, -(i + len(form)), form))
            i = t.find(form, i + len(form))
    assert [(s, -ne, f) for s, ne, f in sorted(new)] == sorted(old, key=lambda x: (x[0], -x[1]))


_WORD_PIECES = ["S.Abe", "A.", "O’Brien", "al-Assad", "Tô-xi-hi-rô", "F-16", "x_y", "l'a", "Ư.", "B.1",
                "'", "’", "-", "-1", ".", " ", "Á.Bé", "A.Kawada", "U.S.A"]
_WORDY = st.lists(st.sampled_from(_WORD_PIECES), max_size=20).map("".join)


@settings(max_examples=400)
@given(st.one_of(_text, _WORDY), st.data())
def test_token_regex_equals_old(t: str, data: st.DataObject) -> None:
    a = data.draw(st.integers(0, len(t)))
    b = data.draw(st.integers(a, len(t)))
    old = [m.span() for m in _OLD_TOKEN_RE.finditer(t, a, b)]
    assert [m.span() for m in names.TOKEN_RE.finditer(t, a, b)] == old


@settings(max_examples=400)
@given(st.one_of(_text, _WORDY.map(lambda w: w.replace(" ", ". "))))
def test_sentence_end_regex_equals_old(t: str) -> None:
    assert [m.span() for m in text._END_RE.finditer(t)] == [m.span() for m in _OLD_END_RE.finditer(t)]


def _old_merge_spelling_variants(people: dict, order: list[str]) -> None:
    """`actors._merge_spelling_variants` before it read each key's initial once."""
    vietnamese = names.is_vietnamese_syllable
    keys = [k for k in order if k in people and " " in k and not all(vietnamese(w) for w in k.split())]
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            if (
                a in people
                and b in people
                and a.split()[0][:1] == b.split()[0][:1]
                and actors._close(a.replace("-", " "), b.replace("-", " "))
            ):
                keep, drop = (a, b) if len(people[a]["mentions"]) >= len(people[b]["mentions"]) else (b, a)
                actors._merge_into(people[keep], people.pop(drop))
                order.remove(drop)


_SPELLINGS = ["saleh adibi", "saleh abidi", "salah adibi", "mohammad javad zarif", "mohammed javad zarif",
              "nguyen van a", "sergei lavrov", "sergey lavrov", "kim jong-un", "kim jong un", "biden", "abe shinzo"]


@settings(max_examples=300)
@given(st.lists(st.tuples(st.sampled_from(_SPELLINGS), st.integers(1, 3)), unique_by=lambda x: x[0]))
def test_merge_spelling_variants_equals_old(spec: list[tuple[str, int]]) -> None:
    def make() -> tuple[dict, list[str]]:
        people = {
            k: {"name": k.title(), "titles": [], "country": None, "mentions": [(i, i + 1)] * n, "aliases": set()}
            for i, (k, n) in enumerate(spec)
        }
        return people, [k for k, _ in spec]

    old_people, old_order = make()
    new_people, new_order = make()
    _old_merge_spelling_variants(old_people, old_order)
    actors._merge_spelling_variants(new_people, new_order)
    assert (new_people, new_order) == (old_people, old_order)
