"""Metric periods: the dates of a sentence a figure can be tied to, and the one it is.

A figure takes a date right after it (``hơn 123 tỷ USD vào năm 2022``), else the nearest
before it in its sentence, else the first after it; never a date of comparison
(``so với năm 2015``). Spans such as ``6 tháng đầu năm`` or ``quý I/2017`` are periods
too, and a relative ``năm nay`` is dated from the publication date.
"""

from __future__ import annotations

import re

from diplomacy_corpus.extract.dates import DateMention, find_dates
from diplomacy_corpus.extract.metric_kinds import _Figure, _norm
from diplomacy_corpus.extract.numbers import Prescan, prescan_part
from diplomacy_corpus.models import PartialDate

_PERIOD = re.compile(
    r"(?<!\w)(?:(?:\d{1,2}|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|mười\s+một)\s+tháng\s+(?:đầu|cuối)"
    r"|nửa\s+(?:đầu|cuối)|quý\s+(?:[1-4]|i{1,3}|iv)(?=\s+năm|/))\s*(?:năm|/)"
    r"(?:\s*(?P<y>\d{4})|\s+(?P<rel>nay|ngoái|trước))?(?!\w)"
)
# 'kể' alone: the span of 'kể từ năm 2014' starts at 'từ'
_COMPARISON = re.compile(r"(?<!\w)(?:so\s+với|so|cùng\s+kỳ|kể\s+từ|kể)\s+(?:cùng\s+kỳ\s+)?$")
_JUST_BEFORE_PERIOD = re.compile(r"\s*\(?\s*(?:(?:vào|trong|của|cho|tính\s+đến|đến|hết|riêng)\s+)*")
# A day written after these words bounds a period ('tính đến ngày 31/12/2016', 'hết 30/6').
_CUT_OFF = re.compile(r"(?<!\w)(?:tính\s+đến|tính\s+tới|đến\s+hết|đến|tới|hết|từ|trước|sau)\s+(?:ngày\s+)?\d")
# What a date of a sentence can be for its figures: their period; only the date of the
# statement, a period only right after a figure; a date of comparison, never a period.
_PERIOD_ROLE, _STATEMENT, _COMPARED = 0, 1, 2
_CLAUSE_BREAK = re.compile(r"[,;:(]")
_LEADING = re.compile(r"^(?:từ|đến|vào|trong|hồi|tính\s+đến)\s+", re.IGNORECASE)


def _periods(
    text: str,
    low: str,
    s: int,
    e: int,
    ref: PartialDate | None,
    whole: list[DateMention] | None,
    scan: Prescan | None = None,
) -> list[tuple[int, int, str, int]]:
    """Period candidates of a sentence: (start, end, text, role).

    The role is ``_COMPARED`` for a date of comparison (``so với năm 2015``),
    ``_STATEMENT`` for a day that only dates the statement (``Ngày 28/5, Bộ Công
    Thương cho biết ...``: a day is a period only as a cut-off, ``tính đến ngày 31/12``,
    or right after the figure), else ``_PERIOD_ROLE``. ``whole`` holds the dates of
    the whole text when they are known already; else the dates of the sentence are
    read, from ``scan``, the `prescan` of ``text``, when given.
    """
    found: list[tuple[int, int, str, int]] = []
    # 'tháng', 'nửa' or 'quý' start every period span: most sentences have none of them
    spans_here = low.find("tháng", s, e) >= 0 or low.find("nửa", s, e) >= 0 or low.find("quý", s, e) >= 0
    for m in _PERIOD.finditer(low, s, e) if spans_here else ():
        label = _norm(text[m.start() : m.end()])
        year = m.group("y")
        if year is None and m.group("rel") and ref is not None and ref.year is not None:
            label += f" ({ref.year - (0 if m.group('rel') == 'nay' else 1)})"
        found.append((m.start(), m.end(), label, _PERIOD_ROLE))
    if whole is None:
        part = text[s:e] if scan is None else prescan_part(scan, s, e)
        spans = [(d, d.start + s, d.end + s) for d in find_dates(part, reference=ref)]
    else:
        spans = [(d, d.start, d.end) for d in whole if s <= d.start and d.end <= e]
    for d, a, b in spans:
        if any(x <= a < y or x < b <= y for x, y, _, _ in found):
            continue
        if d.precision == "year":
            label = str(d.date.year) + (f"-{d.date_end.year}" if d.date_end else "")
        else:
            label = _LEADING.sub("", _norm(text[a:b]))
            if d.date.year is not None and str(d.date.year) not in label:
                label += f" ({d.date.year})"
        if _COMPARISON.search(low, max(s, a - 20), a):
            role = _COMPARED
        elif d.precision == "day" and not _CUT_OFF.search(low, max(s, a - 16), min(b, a + 16)):
            role = _STATEMENT
        else:
            role = _PERIOD_ROLE
        found.append((a, b, label, role))
    found.sort()
    return found


def _date_spans(found: list[tuple[int, int, str, int]]) -> list[tuple[int, int]]:
    return [(a, b) for a, b, _, _ in found]


def _pick_period(
    fig: _Figure, low: str, periods: list[tuple[int, int, str, int]], carried: str | None = None
) -> str | None:
    """The period of a figure among the dates of its sentence.

    ``carried`` is the period of the figures just before (the sentence before, in the
    same paragraph): it wins over a date that comes later in another clause
    (``đã tăng 4%, và bốn tháng đầu năm nay ...``: the 4% belongs to the year before).
    """
    if not periods:
        return carried
    for a, _, label, role in periods:  # a date right after the figure: 'hơn 123 tỷ USD vào năm 2022'
        if role != _COMPARED and fig.end <= a <= fig.end + 25 and _JUST_BEFORE_PERIOD.fullmatch(low, fig.end, a):
            return label
    usable = [p for p in periods if p[3] == _PERIOD_ROLE]
    before = [p for p in usable if p[1] <= fig.start]
    if before:
        return before[-1][2]
    after = [p for p in usable if p[0] >= fig.end]
    if after and (carried is None or not _CLAUSE_BREAK.search(low, fig.end, after[0][0])):
        return after[0][2]
    return carried
