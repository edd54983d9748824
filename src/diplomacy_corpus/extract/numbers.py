"""Vietnamese number grammar: read and write numbers as Vietnamese news prints them.

Vietnamese groups thousands with a dot and marks decimals with a comma (``1.340`` is
1340, ``11,4`` is 11.4), puts scale words after the figure (``2,7 triệu``,
``123 tỷ``, ``1 nghìn tỷ``) and also spells numbers out (``một tỷ``,
``hai mươi lăm``, ``ba trăm nghìn``).

Examples:
    >>> parse_number("2,7 triệu")
    2700000.0
    >>> format_number(1340.5)
    '1.340,5'
"""

from __future__ import annotations

import bisect
import functools
import json
import math
import re
from collections.abc import Callable
from decimal import Decimal
from importlib import resources
from itertools import repeat
from typing import Any

import attrs

__all__ = ["NumberMention", "Prescan", "find_numbers", "format_number", "parse_number", "prescan", "prescan_part"]


def _load() -> dict[str, Any]:
    path = resources.files("diplomacy_corpus.extract.lexicons").joinpath("number_words.json")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


_WORDS = _load()
_DIGIT_WORDS: dict[str, int] = _WORDS["digits"]
_TEN = frozenset(_WORDS["ten"])
_TENS = frozenset(_WORDS["tens"])
_HUNDRED = frozenset(_WORDS["hundred"])
_LINK = frozenset(_WORDS["link"])
_SCALES: dict[str, int] = _WORDS["scales"]
_HALF = frozenset(_WORDS["half"])
#: Every word of the number grammar, for look-ups by other modules.
NUMBER_WORDS: frozenset[str] = frozenset(_DIGIT_WORDS) | _TEN | _TENS | _HUNDRED | _LINK


def _alt(words: Any) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_SCALE_ALT = _alt(_SCALES)
_VN_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_VN_DECIMAL = re.compile(r"\d+(?:,\d+)?")
_EN_DECIMAL = re.compile(r"\d+\.\d+")
_EN_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?")
# A figure in digits with its scale words; tried only where a run of digits starts.
# It starts with a bare \d so that the regex engine jumps from digit to digit.
# The possessive runs (``*+``, ``{0,2}+``) give back nothing another path could use (a
# dot, comma or scale word must follow them): the same matches, found with less
# backtracking.
_DIGIT_NUMBER = re.compile(
    # '24, 5 tỷ': a decimal comma followed by a space, before a scale word only
    r"\d(?:\d{0,2}+(?:\.\d{3})+(?!\d)(?:,\d+)?|\d{0,2}+,\s\d{1,2}(?=\s*(?:" + _SCALE_ALT + r")(?!\w))|\d*+(?:[.,]\d+)?)"
    rf"(?P<scale>(?:\s*+(?:{_SCALE_ALT})(?!\w))+(?:\s+(?:{_alt(_HALF)})(?!\w))?)?"
)
_SCALE = re.compile(rf"(?:{_SCALE_ALT})(?!\w)")
# Scale words with the offset of the letter they are looked for by: the tone-marked
# vowel of 'tỷ' and 'tỉ' (rare: see `_find_word`), the 'ì' of 'nghìn', the 'à' of
# 'ngàn', the 'ạ' of 'vạn', the 'ệ' of 'triệu' (less rare: see `_find_led`). Only
# whole words are scale words ('tỉnh' is none).
_SCALE_ANCHORS = {"tỷ": 1, "tỉ": 1, "nghìn": 3, "ngàn": 2, "vạn": 1, "triệu": 3}
_SCALE_WORDS = tuple((word, _SCALE_ANCHORS[word]) for word in _SCALES)
_MORE_SCALES = re.compile(rf"(?:\s+(?:{_SCALE_ALT}))*(?:\s+(?:{_alt(_HALF)}))?(?!\w)")
_VAGUE_BEFORE = frozenset({"hàng", "vài", "mấy", "dăm", "mươi"})
_NOT_NUMBER_BEFORE = frozenset({"trong", "mỗi", "hàng", "cả", "các", "những", "mọi", "từng", "nhiều", "vài"})


@attrs.define(frozen=True, kw_only=True)
class NumberMention:
    """A number found in a text."""

    start: int
    """Offset of the first character in the text searched."""
    end: int
    """Offset just past the number and its scale words."""
    value: float
    """The value, fully scaled (``2,7 triệu`` is 2700000)."""
    text: str
    """The number as written (``2,7 triệu``)."""


# The slots of a NumberMention, in field order: the scan makes thousands of mentions
# from values it checked itself, and sets them without the frozen class's __setattr__.
_MENTION_SLOTS = tuple(getattr(NumberMention, f.name).__set__ for f in attrs.fields(NumberMention))
assert [f.name for f in attrs.fields(NumberMention)] == ["start", "end", "value", "text"]


def _mention(start: int, end: int, value: float, text: str) -> NumberMention:
    """``NumberMention(start=start, end=end, value=value, text=text)``, faster."""
    mention = object.__new__(NumberMention)
    set_start, set_end, set_value, set_text = _MENTION_SLOTS
    set_start(mention, start)
    set_end(mention, end)
    set_value(mention, value)
    set_text(mention, text)
    return mention


def _digits_value(token: str) -> float | None:
    if token.isdecimal():
        return float(token)
    if _VN_THOUSANDS.fullmatch(token):
        return float(token.replace(".", "").replace(",", "."))
    if _VN_DECIMAL.fullmatch(token):
        return float(token.replace(",", "."))
    if _EN_DECIMAL.fullmatch(token):
        return float(token)
    if _EN_THOUSANDS.fullmatch(token):
        return float(token.replace(",", ""))
    return None


def _words_value(tokens: list[str], head: float | None = None) -> float | None:
    """Value of spelled-out Vietnamese number words, after an optional figure in digits."""
    total = 0.0
    group = head if head is not None else 0.0  # the part below the next scale word
    pending: float | None = None  # a digit word waiting for mươi / trăm
    largest = 0
    last_scale = 1
    seen = head is not None
    for token in tokens:
        if token in _DIGIT_WORDS:
            if pending is not None:
                return None  # 'hai ba' is no number
            pending = float(_DIGIT_WORDS[token])
        elif token in _TEN:
            if pending is not None:
                return None
            group += 10
        elif token in _TENS:
            if pending is None:
                return None
            group += pending * 10
            pending = None
        elif token in _HUNDRED:
            group += (pending if pending is not None else 1) * 100
            pending = None
        elif token in _LINK:
            continue
        elif token in _SCALES:
            scale = _SCALES[token]
            value = group + (pending or 0) or (1.0 if not total else 0.0)
            if scale > largest:
                total = (total + value) * scale
                largest = scale
            else:
                total += value * scale
            group, pending, last_scale = 0.0, None, scale
        elif token in _HALF:
            if last_scale == 1 or group or pending is not None:
                return None
            total += last_scale / 2
        else:
            return None
        seen = True
    if not seen:
        return None
    return total + group + (pending or 0)


def parse_number(text: str) -> float | None:
    """Read a number written the Vietnamese way, in digits, words or both.

    Args:
        text: the number alone: ``1.340``, ``11,4``, ``1615``, ``một``, ``hai mươi lăm``,
            ``30.000``, ``2,7 triệu``, ``một tỷ``, ``1 nghìn tỷ``, ``-3,5``.

    Returns:
        The value, or None when ``text`` is not a number.

    Examples:
        >>> parse_number("1.340"), parse_number("11,4"), parse_number("một tỷ")
        (1340.0, 11.4, 1000000000.0)
    """
    tokens = text.strip().lower().split()
    if not tokens:
        return None
    sign = 1.0
    if tokens[0][0] in "-−":
        sign = -1.0
        tokens[0] = tokens[0][1:]
        if not tokens[0]:
            tokens.pop(0)
            if not tokens:
                return None
    head = None
    if tokens[0][:1].isdigit():
        head = _digits_value(tokens[0])
        if head is None:
            return None
        tokens = tokens[1:]
        if not tokens:
            return sign * head if math.isfinite(head) else None
    value = _words_value(tokens, head)
    return None if value is None or not math.isfinite(value) else sign * value


def format_number(value: float) -> str:
    """Write a number the Vietnamese way: dots between thousands, a decimal comma.

    Every digit of the shortest exact form of ``value`` is kept, so that
    ``parse_number(format_number(x)) == x`` for every finite ``x``.

    Raises:
        ValueError: for infinities and NaN.

    Examples:
        >>> format_number(11400000000.0), format_number(11.4), format_number(-0.5)
        ('11.400.000.000', '11,4', '-0,5')
    """
    number = float(value)
    if number != number or number in (float("inf"), float("-inf")):
        raise ValueError(f"cannot write {value!r} as a Vietnamese number")
    text = format(Decimal(repr(number)), "f")
    sign = "-" if text.startswith("-") else ""
    whole, _, fraction = text.lstrip("-").partition(".")
    fraction = fraction.rstrip("0")
    groups = []
    while len(whole) > 3:
        whole, tail = whole[:-3], whole[-3:]
        groups.append(tail)
    groups.append(whole)
    body = ".".join(reversed(groups))
    return f"{sign}{body},{fraction}" if fraction else f"{sign}{body}"


def _lower(text: str) -> str:
    low = text.lower()
    if len(low) != len(text):  # a few letters lower-case to two characters ('İ')
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return low


@attrs.define(frozen=True)
class Prescan:
    """What the date and metric grammars share of a text: read once per document."""

    text: str
    """The text scanned."""
    low: str
    """``text`` lower-cased, offset for offset."""
    starts: tuple[int, ...]
    """Offsets where a figure in digits may start (``1.340,5``, ``29/3``, ``2017``):
    the first digit of each run of digits, dots and commas (also ``G20``'s: the
    grammars reject figures glued to a word)."""


# The slots of a Prescan, in field order: one is made per document and per dated sentence.
_SCAN_SLOTS = tuple(getattr(Prescan, f.name).__set__ for f in attrs.fields(Prescan))
assert [f.name for f in attrs.fields(Prescan)] == ["text", "low", "starts"]


def _prescan(text: str, low: str, starts: tuple[int, ...]) -> Prescan:
    """``Prescan(text, low, starts)``, faster (no frozen __setattr__)."""
    scan = object.__new__(Prescan)
    set_text, set_low, set_starts = _SCAN_SLOTS
    set_text(scan, text)
    set_low(scan, low)
    set_starts(scan, starts)
    return scan


# The runs of digits are looked for in a copy of the text with one byte a character:
# every ASCII digit made '0', dots and commas kept, anything else a blank. The regex
# engine then looks for one literal byte, which it does faster than it tests each
# character against a class ('[0-9]', itself twice as fast as '\d'); the offsets are
# those of the text.
_TOKEN = re.compile(rb"0[0.,]*")
_DIGITS_ONLY = bytes(48 if 48 <= b <= 57 else b if b in (44, 46) else 32 for b in range(256))
# The last text scanned: find_dates and find_metrics read the same document one after
# the other. Checked by identity, so the look-up costs nothing; swapped in whole.
_LAST_SCAN: list[Prescan | None] = [None]


def prescan(text: str, low: str | None = None) -> Prescan:
    """Lower-case ``text`` and find where its figures start, once per document.

    The result of the last call is kept: a second call with the very same string
    (checked by identity) returns it at no cost.

    Args:
        text: the text to scan.
        low: ``text.lower()``, when the caller has it already: it is then not
            lower-cased again (ignored when its length differs from the text's, as
            for the few letters that lower-case to two characters).
    """
    last = _LAST_SCAN[0]
    if last is not None and last.text is text:
        return last
    if low is None or len(low) != len(text):
        low = _lower(text)
    ascii_digits = low.encode("latin-1", "replace").translate(_DIGITS_ONLY)  # '?' for the others
    scan = _prescan(text, low, tuple([m.start() for m in _TOKEN.finditer(ascii_digits)]))
    _LAST_SCAN[0] = scan
    return scan


def prescan_part(scan: Prescan, start: int, end: int) -> str:
    """``scan.text[start:end]``, with its `Prescan` cut from ``scan`` and kept as the last scan.

    For a reader that hands a part of a scanned text to a reader that scans it again
    (the metrics date a sentence with ``find_dates``): the next `prescan` of the part
    returns the cut at no cost. The part is scanned anew instead when a run of digits
    crosses its start, or when it holds a capital sigma (whose lower case depends on
    the letters around it).
    """
    part = scan.text[start:end]
    low = scan.low
    if (start and low[start - 1] in "0123456789.,") or "Σ" in part:
        return part
    starts = scan.starts
    first = bisect.bisect_left(starts, start)
    _LAST_SCAN[0] = _prescan(
        part, low[start:end], tuple([at - start for at in starts[first : bisect.bisect_left(starts, end, first)]])
    )
    return part


def find_numbers(text: str) -> list[NumberMention]:
    """Find the numbers of a Vietnamese text, with their scale words.

    Figures in digits are all returned (``1.340``, ``11,4``, ``2,7 triệu``) unless they
    are glued to a word (``G20``, ``COVID-19``, ``20h``) or to a slash (``8/116``).
    Spelled-out numbers are returned when a scale word follows them (``một tỷ``,
    ``gần ba triệu``); a bare ``hai`` is too often not a quantity to report.

    Returns:
        The numbers in text order; ``text[n.start:n.end] == n.text``.
    """
    if not text:
        return []
    scan = prescan(text)
    return _scan(text, scan.low, starts=scan.starts)


_FOLLOWED: dict[str, re.Pattern[str]] = {}


def _followed(follow: re.Pattern[str]) -> re.Pattern[str]:
    """The number pattern that matches only when ``follow`` matches right after the number.

    The number is read as ``_DIGIT_NUMBER`` reads it (an atomic group: no shorter
    reading is tried to let ``follow`` match); where ``follow`` fails there is no match.
    """
    pattern = _FOLLOWED.get(follow.pattern)
    if pattern is None:
        pattern = re.compile(f"(?>{_DIGIT_NUMBER.pattern})(?={follow.pattern})")
        _FOLLOWED[follow.pattern] = pattern
    return pattern


def _scan(
    text: str,
    low: str,
    keep: Callable[[int, int], bool] | None = None,
    starts: tuple[int, ...] | None = None,
    follow: re.Pattern[str] | None = None,
) -> list[NumberMention]:
    """find_numbers on a text and its lower-cased form (shared with the metrics).

    ``keep(start, end)``, when given, is asked before a number is read: the metrics
    skip most numbers this way without paying for them. ``follow``, when given, must
    match right after a figure in digits for it to be read (a cheaper ``keep``, which
    is then asked of the spelled-out numbers only: the caller's ``keep`` must be
    the same test). ``starts``, when given, are
    the offsets where figures in digits start (see `prescan`); the digits are then
    not searched again.
    """
    found: list[NumberMention] = []
    size = len(low)
    if starts is None:
        starts = prescan(text).starts
    for start, end, scale in _digit_figures(low, starts) if follow is None else _followed_figures(low, starts, follow):
        if start and (
            low[start - 1] in "/.,"
            or low[start - 1].isalnum()
            or (low[start - 1] in "-–" and start > 1 and low[start - 2].isalpha())
        ):
            continue
        if end < size and (low[end].isalnum() or (low[end] == "/" and low[end - 1].isdigit())):
            continue
        if follow is None and keep is not None and not keep(start, end):
            continue
        if scale:
            raw = low[start:end]
            value = _scaled_value(raw if ", " not in raw else raw.replace(", ", ",", 1))
        else:
            value = _digits_value(low[start:end])
        if value is not None and math.isfinite(value):
            found.append(_mention(start, end, value, text[start:end]))
    words = _word_numbers(text, low, found, keep)
    if words:
        found.extend(words)
        found.sort(key=lambda n: n.start)
    return found


def _scaled_value(raw: str) -> float | None:
    """``parse_number(raw)`` for a figure in digits and its scale words (``2,7 triệu``).

    The usual figure, digits and one scale word, is read here; the others by
    `parse_number`. Its rule for a figure and one scale word: the figure times the
    scale, a zero figure counting as one.
    """
    parts = raw.split()
    if len(parts) == 2 and parts[1] in _SCALES:
        head = _digits_value(parts[0])
        if head is not None:
            value = (head or 1.0) * _SCALES[parts[1]]
            return value if math.isfinite(value) else None
    return parse_number(raw)


def _digit_figures(
    low: str, starts: tuple[int, ...], follow: re.Pattern[str] | None = None
) -> list[tuple[int, int, bool]]:
    """``(start, end, has scale words)`` of the figure in digits read at each start (see `prescan`).

    A start inside the figure read before is skipped (the ``5`` of ``24, 5 tỷ``).
    With ``follow``, only the figures it matches right after are returned.
    """
    out = []
    pos = 0
    match = _DIGIT_NUMBER.match
    for at in starts:
        if at >= pos:
            m = match(low, at)
            if m is not None:
                pos = m.end()
                if follow is None or follow.match(low, pos) is not None:
                    out.append((at, pos, m.group("scale") is not None))
    return out


def _followed_figures(low: str, starts: tuple[int, ...], follow: re.Pattern[str]) -> list[tuple[int, int, bool]]:
    """What ``_digit_figures(low, starts, follow)`` gives, faster.

    The pattern is tried at every start in a C loop (``map``); Python sees the few
    figures it matches only. A start `_digit_figures` skips because the figure before
    was read over it is dropped here too when it matches; when that figure did not
    match, neither does the start, which reads the same scale words to the same end:
    the start after ``24, `` in ``24, 5 tỷ``. Other figures read over a start run
    through a digit of another script (``1.340٣1``, ``1٣.5``): then the plain loop
    decides.
    """
    out = []
    pos = 0
    for m in filter(None, map(_followed(follow).match, repeat(low), starts)):
        start, end = m.span()
        before = start - 1 if start < 2 or low[start - 1] not in ".," else start - 2
        if before >= 0 and low[before] > "\x7f" and low[before].isdecimal():
            return _digit_figures(low, starts, follow)
        if start >= pos:
            pos = end
            out.append((start, end, m.group("scale") is not None))
    return out


def _find_word(text: str, word: str, anchor: int | None = None, *, whole: bool = False) -> list[int]:
    """Every offset where ``word`` starts in ``text``.

    Args:
        text: the text to search.
        word: the word to find.
        anchor: the offset in ``word`` of a letter that is rare in the texts searched
            (the 'ỷ' of 'tỷ'). ``str.find`` looks for a single character at memory
            speed (``memchr``), several times faster than for a word; the word is then
            checked around each occurrence of that letter. None: look for the word.
        whole: only where no word character (``\\w``) follows ``word``, like the
            pattern ``word(?!\\w)``.
    """
    found = []
    if anchor is None:
        i = text.find(word)
        while i >= 0:
            found.append(i)
            i = text.find(word, i + 1)
    else:
        letter = word[anchor]
        j = text.find(letter, anchor)
        while j >= 0:
            if text.startswith(word, j - anchor):
                found.append(j - anchor)
            j = text.find(letter, j + 1)
    if whole:
        after = len(word)
        size = len(text)
        found = [i for i in found if not (i + after < size and (text[i + after].isalnum() or text[i + after] == "_"))]
    return found


def _find_led(text: str, word: str, anchor: int) -> list[int]:
    """Every offset where ``word`` starts in ``text`` as a whole word (no ``\\w`` after it).

    ``anchor`` is the offset in ``word`` of a letter that is not common in the texts
    searched (the 'ạ' of 'vạn'). The word is found by a pattern that opens with that
    letter and checks the letters before it in a look-behind: the regex engine skips
    from one such letter to the next in C. For a letter met a few times in a text,
    faster than ``str.find`` on a word whose letters are all common, and than
    `_find_word`, which checks each occurrence of the letter in Python.
    """
    return [m.start() - anchor for m in _led(word, anchor).finditer(text)]


@functools.cache
def _led(word: str, anchor: int) -> re.Pattern[str]:
    """The pattern of `_find_led`."""
    return re.compile(re.escape(word[anchor:]) + f"(?<={re.escape(word)})" + r"(?!\w)")


def _matches_at(pattern: re.Pattern[str], low: str, starts: list[int]) -> list[re.Match[str]]:
    """``pattern.finditer(low)`` for a pattern that can only match at ``starts`` (sorted)."""
    found: list[re.Match[str]] = []
    end = 0
    for i in starts:
        if i >= end:
            m = pattern.match(low, i)
            if m is not None:
                found.append(m)
                end = m.end()
    return found


def _word_numbers(
    text: str, low: str, digits: list[NumberMention], keep: Callable[[int, int], bool] | None = None
) -> list[NumberMention]:
    hits: list[int] = []
    for word, anchor in _SCALE_WORDS:
        if len(word) == 2:  # 'tỷ', 'tỉ': a rare letter
            hits.extend(_find_word(low, word, anchor, whole=True))
        else:
            hits.extend(_find_led(low, word, anchor))
    if not hits:
        return []
    hits.sort()
    starts = [n.start for n in digits]
    found: list[NumberMention] = []
    pos = 0
    for s in hits:
        if s < pos or (s and (low[s - 1].isalnum() or low[s - 2 : s - 1].isdigit())):
            continue  # inside a word, or the scale word of a figure in digits ('2,7 triệu')
        scale = _SCALE.match(low, s)
        if scale is None:
            continue
        i = bisect.bisect_right(starts, s) - 1
        if i >= 0 and digits[i].start <= s < digits[i].end:
            continue  # the scale word of a figure in digits
        start = s
        tokens: list[str] = []
        for token in reversed(low[max(0, s - 40) : s].split()):
            if token not in NUMBER_WORDS:
                break
            start = low.rindex(token, 0, start)
            tokens.append(token)
        if not tokens or (start and low[start - 1].isalnum()):
            continue
        tokens.reverse()
        before = low[max(0, start - 12) : start].split()
        if before and before[-1] in _VAGUE_BEFORE:
            continue  # 'hàng trăm triệu' is no figure
        if tokens == ["năm"] and before and before[-1] in _NOT_NUMBER_BEFORE:
            continue  # 'trong năm triệu' hardly occurs; 'năm' is rather the year
        end = _MORE_SCALES.match(low, scale.end()).end()  # type: ignore[union-attr]
        pos = end
        if keep is not None and not keep(start, end):
            continue
        value = parse_number(low[start:end])
        if value is not None:
            found.append(_mention(start, end, value, text[start:end]))
    return found
