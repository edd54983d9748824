"""Text helpers for extraction: a matching view of the text, sentences, clauses, masks.

Every offset these helpers return indexes into the text they were given, so spans built
from them point at the document's own characters. Normalisation never changes offsets:
`match_view` returns a string of the same
length in which spelling variants that do not matter for matching are unified (the old
and new placement of Vietnamese tone marks, ``hoá``/``hóa``; curly and straight
apostrophes). A text that is not in NFC is composed character by character first and,
when composition would change its length, left as it is (rare: web text is NFC).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from itertools import chain
from re import Match

__all__ = [
    "OPENERS",
    "UPPER",
    "clauses",
    "fold",
    "masked_regions",
    "match_view",
    "split_sentences",
]

# Old-style tone placement ("hoá", "thuỵ") -> new style ("hóa", "thụy"): both are two
# code points in NFC, so the view keeps every offset.
_TONE_PAIRS = {
    "oá": "óa",
    "oà": "òa",
    "oả": "ỏa",
    "oã": "õa",
    "oạ": "ọa",
    "oé": "óe",
    "oè": "òe",
    "oẻ": "ỏe",
    "oẽ": "õe",
    "oẹ": "ọe",
    "uý": "úy",
    "uỳ": "ùy",
    "uỷ": "ủy",
    "uỹ": "ũy",
    "uỵ": "ụy",
}
_TONE_PAIRS.update({k.capitalize(): v.capitalize() for k, v in list(_TONE_PAIRS.items())})
_TONE_MARKS = "".join(sorted({k[1] for k in _TONE_PAIRS}))
# Old-style tone marks, ``[oOuU][marks](?!\w)``, as one pattern per first letter: a pattern
# opening with a literal is found by a fast scan for that letter, one opening with a class
# by testing the class at every character. The pairs never overlap and a replacement makes
# no new pair, so one letter after the other gives what the single pattern gives.
_TONE_RES = tuple((c, re.compile(c + "[" + _TONE_MARKS + r"](?!\w)")) for c in "oOuU")
_REPLACEMENTS = (
    ("\u2019", "'"),
    ("\u2018", "'"),
    ("`", "'"),
    ("\u02bc", "'"),
    ("\u2013", "-"),
    ("\u2014", "-"),
    ("\xa0", " "),
    ("\t", " "),
    ("\u200b", " "),
)


def _tone(match: re.Match[str]) -> str:
    pair = match.group(0)
    start = match.start()
    if start > 0 and match.string[start - 1] in "qQ":
        return pair
    return _TONE_PAIRS.get(pair, pair)


def match_view(text: str) -> str:
    """The text with matching-irrelevant variants unified, offsets unchanged.

    Args:
        text: any text.

    Returns:
        A string of the same length as ``text``: NFC when that keeps the length,
        old-style tone marks moved to the new style, apostrophes made straight, dashes made hyphens, no-break
        spaces and tabs made spaces.
    """
    if not unicodedata.is_normalized("NFC", text):
        composed = unicodedata.normalize("NFC", text)
        if len(composed) == len(text):
            text = composed
    for old, new in _REPLACEMENTS:
        if old in text:
            text = text.replace(old, new)
    for first, rx in _TONE_RES:
        if first in text:
            text = rx.sub(_tone, text)
    return text


def fold(text: str) -> str:
    """The key a lexicon phrase is looked up by: NFC, new-style tones, casefolded, one space."""
    view = match_view(unicodedata.normalize("NFC", text))
    return re.sub(r"\s+", " ", view).strip().casefold()


#: A regex character class body of the capital Latin letters (with Vietnamese ones).
UPPER = "".join(
    c for c in map(chr, list(range(0x41, 0x250)) + list(range(0x1E00, 0x1F00))) if c.isupper() and c.isalpha()
)

# A sentence ends at . ! ? (or an ellipsis) followed by space and a capital, a digit, a
# quote or a bracket, or at a newline. Not after an initial ("O. Smith"), an abbreviation
# ("TS. Lê", "ông Mr. X"), or inside numbers, "D.C", "TP.HCM" (no space after the dot).
# One pattern finds every end: a newline, or a stop with the dots, quotes and brackets
# that close it, when white space and what opens a sentence follow. It opens with one
# character class (the newline or the stop, told apart by a look-behind) so the regex
# engine skips to the candidates instead of trying the pattern at every character.
_END_RE = re.compile(
    r"[\n.!?…](?:(?<=\n)|(?<=[.!?…])[.…]*[\"”’')\]]*(?=\s+(?:[*•]\s*)?[\"“‘'(\[]*[0-9" + UPPER + r"]))"
)
_ABBREVIATIONS = frozenset(
    {
        "tp",
        "ts",
        "ths",
        "gs",
        "pgs",
        "bs",
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "jr",
        "sr",
        "no",
        "tt",
        "q",
        "p",
        "ông",
        "bà",
        "v.v",
        "vs",
        "co",
        "inc",
        "ltd",
        "corp",
        "gen",
        "col",
    }
)


# A sentence whose period is missing, as where a photo caption runs into the body ("... tháng
# 6.2016 Trong khuôn khổ chuyến thăm ..."): a function word that only opens a sentence,
# capitalised after a word and followed by a lowercase word.
OPENERS = (
    "Trong", "Theo", "Tại", "Sau", "Nhân dịp", "Nhân chuyến", "Trước", "Cùng", "Chiều", "Sáng", "Tối", "Trưa",
    "Hôm", "Ngoài", "Khi", "Với", "Để", "Vì", "Nhưng", "Tuy", "Bên", "Phát biểu", "Ngay", "Dù", "Mặc", "Riêng", "Còn",
)  # fmt: skip
_OPENERS = OPENERS
_LOWER_NEXT = "(?= [a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ])"
_OPENER_RE = re.compile("(?:" + "|".join(_OPENERS) + ")" + _LOWER_NEXT)


# `split_sentences` finds the gaps between sentences with regexes that open with one literal
# character, so the regex engine skips from one occurrence to the next instead of testing a
# character class at every character: one regex per kind of sentence end. A gap is the white
# space after a sentence end (group 1; a gap never holds a newline), a newline with the white
# space after it, or the space before a word that only opens a sentence. The sentences are
# what lies between the gaps.
_CASE_VARIANTS = {"s": "ſ", "st": "ﬅﬆ"}  # what else casefolds to these, beyond upper and lower case


def _spellings(word: str) -> list[list[str]]:
    """Every word whose casefold is ``word``: per character, the characters it may be."""
    if not word:
        return [[]]
    out: list[list[str]] = []
    for size in range(1, min(2, len(word)) + 1):
        head = word[:size]
        chars = "".join(dict.fromkeys((head.upper(), head) if size == 1 else ())) + _CASE_VARIANTS.get(head, "")
        if chars:
            out += [[chars, *rest] for rest in _spellings(word[size:])]
    return out


def _class(chars: str) -> str:
    return re.escape(chars) if len(chars) == 1 else "[" + re.escape(chars) + "]"


def _alternation(sequences: list[list[str]]) -> str:
    """One regex for sequences of regex pieces, sharing their common beginnings (a trie)."""
    groups: dict[str, list[list[str]]] = {}
    for seq in sequences:
        groups.setdefault(seq[0], []).append(seq[1:])
    alts = [
        first + ("" if not rests[0] else _alternation(rests) if len(rests) > 1 else "".join(rests[0]))
        for first, rests in groups.items()
    ]
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


def _not_abbreviation() -> str:
    """Look-behinds, at a period, that fail after an initial or an abbreviation (`_ABBREVIATIONS`).

    The word is the last one before the period, right before it or after one white-space
    character (more white space is left to the plain loop, see `split_sentences`). One
    look-behind per width of word and space: it first tests that the word opens the text or
    follows white space (one character, so the words themselves are tried for one width
    only, the width of the last word), then the words, each opening with a character class
    the regex engine tests at once.
    """
    by_width: dict[int, list[list[str]]] = {}
    for chars in [w for a in sorted(_ABBREVIATIONS) for w in _spellings(a) if len(w) <= 4] + [["A-Z"]]:
        classes = ["[A-Z]"] if chars == ["A-Z"] else [_class(c) for c in chars]
        by_width.setdefault(len(classes), []).append([*classes, r"\."])
        by_width.setdefault(len(classes) + 1, []).append([*classes, r"\s", r"\."])
    return "".join(f"(?<!(?<!\\S){_alternation(alts)})" for _, alts in sorted(by_width.items()))


_CLOSERS = r"[\"”’')\]]"
_OPENS = r"(?=(?:[*•]\s*)?[\"“‘'(\[]*[0-9" + UPPER + r"])"
# A period that ends a sentence (the gap in group 1); a bare one after two white-space
# characters matches without group 1, which sends the text to the plain loop.
_PERIOD_GAP_RE = re.compile(
    rf"\.(?:(?<=\s\s\.)(?=\s)|(?:(?=\s){_not_abbreviation()}|[.…]+{_CLOSERS}*|{_CLOSERS}+)([^\S\n]+){_OPENS})"
)
_STOP_GAP_RES = tuple(
    (stop, re.compile(re.escape(stop) + "[.…]*" + _CLOSERS + r"*([^\S\n]+)" + _OPENS)) for stop in "!?…"
)
_NEWLINE_GAP_RE = re.compile(r"\n\s*")
# An opener after a space that follows a word or a closing mark (the cuts of `_split_plain`,
# the gap being that space). The pattern opens with the openers' first letters: a class
# the regex engine tests at every character, but with 'Đ' among them it is a big-charset
# test without branches, cheaper than stopping at every space (a fifth of the characters).
_OPENER_CUT_RE = re.compile(
    _alternation([[w[0], re.escape(w[1:]) + rf"(?<=[\w)\]”\"] .{{{len(w)}}})(?<!_ .{{{len(w)}}})"] for w in _OPENERS])
    + _LOWER_NEXT
)


def split_sentences(text: str, openers: Iterable[int] | None = None) -> list[tuple[int, int]]:
    """Split a text into sentences, as ``(start, end)`` offsets.

    Sentences end at ``.``, ``!``, ``?`` or an ellipsis followed by white space and a
    capital letter, a digit or an opening quote, always at a newline, and before a
    capitalised word that only opens a sentence (``Trong``, ``Theo``) when a period is
    missing. Numbers
    (``1.340``, ``11,4``), ``D.C``, ``TP.HCM``, initials (``Robert O. Smith``) and short
    abbreviations (``TS.``) never end a sentence. Semicolons do not end a sentence: see
    `clauses`.

    Args:
        text: the text to split.
        openers: where a word of `OPENERS` may start, in text order, when the caller knows
            (`lexicon.PhraseMatcher.opener_starts`): a superset of the cuts before an opener,
            each tested here instead of searching the whole text.

    Returns:
        Offsets of the non-blank sentences, in order, trimmed of surrounding white space.
    """
    if not text or text[0].isspace() or text[-1].isspace():
        return _split_plain(text)
    gaps = [m.span(1) for m in _PERIOD_GAP_RE.finditer(text)]
    shared = False  # whether two gaps may be the same white space
    for stop, rx in _STOP_GAP_RES:
        if stop in text:
            gaps += [m.span(1) for m in rx.finditer(text)]
            shared = True
    if "\n" in text:
        newlines = [m.span() for m in _NEWLINE_GAP_RE.finditer(text)]
        if any(text[p - 1].isspace() for p, _ in newlines):
            return _split_plain(text)  # white space before a newline, which the plain loop trims
        gaps += newlines
    if openers is None:
        cuts = [(at - 1, at) for at in map(Match.start, _OPENER_CUT_RE.finditer(text))]
    else:
        cut_at = _OPENER_CUT_RE.match
        cuts = [(at - 1, at) for at in openers if text[at].isupper() and cut_at(text, at)]
    if cuts:
        gaps += cuts
        shared = True
    if (-1, -1) in gaps:
        return _split_plain(text)
    if shared:
        gaps = list(set(gaps))
    gaps.sort()
    # Gaps start at white space and end before a non-blank character, so no sentence is empty.
    bounds = iter([0, *chain.from_iterable(gaps), len(text)])
    return list(zip(bounds, bounds, strict=True))


def _split_plain(text: str) -> list[tuple[int, int]]:
    """`split_sentences` as a loop over `_END_RE`: the reference, and the path for odd white space."""
    bounds: list[tuple[int, int]] = []
    append = bounds.append
    abbreviations = _ABBREVIATIONS
    start = 0
    for m in _END_RE.finditer(text):
        pos, end = m.span()
        if end == pos + 1 and text[pos] == ".":  # a bare period: not after an initial or an abbreviation
            chunk = text[max(0, pos - 12) : pos].rsplit(None, 1)
            word = chunk[-1] if chunk else ""
            if (len(word) == 1 and "A" <= word <= "Z") or (len(word) <= 4 and word.casefold() in abbreviations):
                continue
        # `_push` inlined (this loop runs once per sentence end): trim white space, keep non-blank.
        a, b = start, end
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            append((a, b))
        start = end
    _push(text, start, len(text), bounds)
    cuts = [
        m.start()
        for m in _OPENER_RE.finditer(text, 2)
        if text[m.start() - 1] == " " and (text[m.start() - 2].isalnum() or text[m.start() - 2] in ')]”"')
    ]
    if not cuts:
        return bounds
    out: list[tuple[int, int]] = []
    k = 0
    for a, b in bounds:
        while k < len(cuts) and cuts[k] < b:
            if cuts[k] > a:
                _push(text, a, cuts[k], out)
                a = cuts[k]
            k += 1
        _push(text, a, b, out)
    return out


def _push(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append((start, end))


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split the sentence ``text[start:end]`` at semicolons into clauses.

    Args:
        text: the whole text.
        start: offset where the sentence begins.
        end: offset where the sentence ends.

    Returns:
        ``(start, end)`` offsets of the clauses (the sentence itself when it has no ``;``).
    """
    out: list[tuple[int, int]] = []
    pos = start
    while True:
        cut = text.find(";", pos, end)
        if cut < 0:
            _push(text, pos, end, out)
            return out
        _push(text, pos, cut, out)
        pos = cut + 1


# Photo credits, sources and bracketed related-news links: never mined for actors.
_CAP = r"[A-ZÀ-ỸĐ][\w'’.]*"
_AGENCY = r"[A-ZĐ]{2,}[\w.]*"
_NAME = rf"{_CAP}(?:[ \t]{_CAP}){{0,2}}"
_MASK_RES = (
    re.compile(
        rf"Ảnh(?<!\wẢnh)(?:\s*:\s*(?:{_AGENCY}\s*/\s*{_CAP}(?:[ \t]{_CAP})?|{_NAME}\s*[/-]\s*{_AGENCY}"
        rf"|{_AGENCY}[ \t]phát|{_CAP}(?:[ \t]{_CAP})?)|[ \t]+{_AGENCY}\s*/\s*{_CAP}(?:[ \t]{_CAP})?)\)?"
    ),
    re.compile(r"\((?:Nguồn|Ảnh|Photo|Source)\s*:[^)\n]{0,80}\)"),
    re.compile(r"\[[^\]\n]{0,300}\]"),
)
# A "Tin liên quan" heading alone on its line (``^\s*Tin\s+liên\s+quan\s*$``), found from its
# first word, which the regex engine skips to (a pattern opening with '^' is tried at every
# character); the white space before it is checked after.
_RELATED_WORDS_RE = re.compile(r"Tin\s+(?:Liên\s+Quan|liên\s+quan)\s*$", re.M)


def _related_start(text: str) -> int | None:
    """Where a related-news heading stands: the first line start of the blank run before it."""
    for m in _RELATED_WORDS_RE.finditer(text):
        at = m.start()
        blank = len(text[:at].rstrip())  # the white space before the heading starts here
        if blank == 0:
            return 0
        line = text.find("\n", blank, at)
        if line >= 0:
            return line + 1
    return None


def masked_regions(text: str) -> list[tuple[int, int]]:
    """Regions that are not prose about the story: credits, sources, related news.

    Covers ``Ảnh: Thống Nhất/TTXVN``, ``(Nguồn: AFP/TTXVN)``, bracketed related-news
    headlines (``[...]``) and everything after a ``Tin Liên Quan`` line.

    Args:
        text: the document text.

    Returns:
        Sorted ``(start, end)`` offsets.
    """
    # The patterns open with a literal, which the regex engine finds faster than `in` finds
    # a word; only the one-character keys are worth a test first.
    photo, source, bracket = _MASK_RES
    out = [m.span() for m in photo.finditer(text)]
    if "(" in text:
        out += [m.span() for m in source.finditer(text)]
    if "[" in text:
        out += [m.span() for m in bracket.finditer(text)]
    related = _related_start(text)
    if related is not None:
        out.append((related, len(text)))
    out.sort()
    return out
