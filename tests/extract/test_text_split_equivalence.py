"""`text.split_sentences` (gap regexes) gives exactly what its plain loop `_split_plain` gives;
`_related_start` finds where `_RELATED_RE` matches; `_TONE_RES` letter by letter give what `_TONE_RE` gives.

The plain loop is the reference: it walks `_END_RE`, tests each bare period's word against
`_ABBREVIATIONS` in Python and cuts before the openers of `_OPENER_RE`.
"""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import VIETNAMESE

from diplomacy_corpus.extract import text

# The single patterns the library used before, kept here as the references.
_RELATED_RE = re.compile(r"^\s*Tin\s+(?:Liên\s+Quan|liên\s+quan)\s*$", re.M)
_TONE_RE = re.compile("[oOuU][" + text._TONE_MARKS + r"](?!\w)")

_PIECES = [
    "Ông Nam", "TS. Lê", "ts  . Lê", "Ông \t. E", "A   . B", "ts. Lê", "Ts.  Lê", "O. Smith", "O . Smith", "Mr. X",
    "MRS. Y", "v.v. Sau", "V.v. Sau",
    "ſt. A", "ﬅ. B", "ınc. C", "İnc. C", "ông. D", "Ông . E", "bà.\nF", "1.340", "TP.HCM", "D.C. Hà", "Corp. Z",
    ". ", ".  ", ". \n", "! ", "? ", "… ", "?! ", "!. ", "….", "..", ".” ", ".) ", "”) ", "\n", "\n\n", " \n", "\t",
    "\u00a0", "\u2003", "\r\n", " ", "  ", "Trong khi", " Trong nhà", "a Theo đó", ") Sau khi", "_ Khi nào",
    "” Nhân dịp này", "x Phát biểu tại", "Để ý", "“A", "(B", "[C", "* D", "• E", "5 ", "Q", "P", "Z.",
]  # fmt: skip
_text = st.lists(
    st.one_of(st.sampled_from(_PIECES), st.text(alphabet=VIETNAMESE + " .,:!?…-\n“”()", max_size=8)), max_size=40
).map("".join)


@settings(max_examples=1500)
@given(_text)
def test_split_sentences_equals_plain_loop(t: str) -> None:
    assert text.split_sentences(t) == text._split_plain(t)


def _casefold_words() -> set[str]:
    """Every word of at most four characters whose casefold is an abbreviation (all of Unicode)."""
    pieces: dict[str, list[str]] = {}
    wanted = {a[i:j] for a in text._ABBREVIATIONS for i in range(len(a)) for j in range(i + 1, len(a) + 1)}
    for cp in range(sys.maxunicode + 1):
        folded = chr(cp).casefold()
        if folded in wanted:
            pieces.setdefault(folded, []).append(chr(cp))

    def spell(rest: str) -> list[str]:
        if not rest:
            return [""]
        return [c + tail for k in pieces if rest.startswith(k) for c in pieces[k] for tail in spell(rest[len(k) :])]

    return {w for a in text._ABBREVIATIONS for w in spell(a) if len(w) <= 4}


def test_every_spelling_of_an_abbreviation_is_skipped() -> None:
    words = sorted(_casefold_words() | {chr(c) for c in range(ord("A"), ord("Z") + 1)})
    assert len(words) > 100
    for word in words:
        for t in (f"Xa {word}. Bình", f"{word}. Bình", f"Xa {word} . Bình", f"Xa y{word}. Bình"):
            assert text.split_sentences(t) == text._split_plain(t), t


_RELATED_PIECES = [
    "Tin",
    "Tin liên quan",
    "Tin Liên Quan",
    "Tin  liên\nquan",
    "tin liên quan",
    "Tin liên",
    " quan",
    "\n",
    "\n\n",
    " ",
    "\t",
    "x",
    "Tin Liên Quan x",
    "\u2003",
    "\r\n",
]


@settings(max_examples=1500)
@given(st.lists(st.sampled_from(_RELATED_PIECES), max_size=12).map("".join))
def test_related_heading_from_its_first_word(t: str) -> None:
    m = _RELATED_RE.search(t)
    assert text._related_start(t) == (None if m is None else m.start())


_TONE_PIECES = [
    "oá",
    "Oà",
    "uý",
    "Uỷ",
    "qua",
    "quý",
    "Quỳ",
    "hoá",
    "hoáx",
    "thuỵ",
    "uoá",
    "oáuý",
    "o",
    "u",
    "á",
    "ý",
    " ",
    "\n",
    "x",
    "’",
    "\u00a0",
]


@settings(max_examples=1500)
@given(st.lists(st.sampled_from(_TONE_PIECES), max_size=16).map("".join))
def test_tone_marks_letter_by_letter(t: str) -> None:
    one_pass = _TONE_RE.sub(text._tone, t)
    by_letter = t
    for _, rx in text._TONE_RES:
        by_letter = rx.sub(text._tone, by_letter)
    assert by_letter == one_pass
