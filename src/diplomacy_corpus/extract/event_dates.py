"""Which date of the text an event takes.

The nearest date of the clause with no other trigger in between (`nearest_date`), the
day of the sentence before (`sentence_day`), the last day before ``Cùng ngày``
(`last_day_before`); `fill_years` gives a year-less day the year of another mention.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from itertools import chain
from typing import Any

from .event_merge import Draft

__all__ = ["announced", "fill_years", "is_term", "last_day_before", "listed_dates", "nearest_date", "sentence_day"]

# A date that names a term, not an occasion: "đến năm 2025", "tầm nhìn 2030", "giai đoạn 2017 - 2020",
# "có hiệu lực từ trưa ngày 9/7".
_TERM_RE = re.compile(r"(?:đến|tới|tầm nhìn|trước|giai đoạn|niên khóa|hiệu lực(?:\s+từ)?)\s+$")

# The same when the mention itself opens with the term word ("đến năm 2025" read as one mention).
_TERM_START_RE = re.compile(r"(?:đến|tới|tầm nhìn|giai đoạn|niên khóa)\s")


def is_term(view: str, d: Any) -> bool:
    """Whether date mention ``d`` names a term (``đến năm 2025``), not the day of an occasion."""
    return bool(_TERM_RE.search(view, max(0, d.start - 12), d.start) or _TERM_START_RE.match(view, d.start))


def _quoted(view: str, lo: int, pos: int) -> bool:
    """Whether ``pos`` lies inside a quoted title (``Hội thảo “Viễn cảnh ... năm 2017”``)."""
    seg = view[lo:pos]
    opens, closes, straight = seg.count("“"), seg.count("”"), seg.count('"')
    if opens > closes:
        return opens > closes + straight  # “Ngày lãnh thổ phương Bắc": a straight mark may close it
    return straight % 2 == 1


def nearest_date(
    view: str, dates: Sequence[Any], starts: Sequence[int], triggers: Sequence[int], ts: int, te: int, lo: int, hi: int
) -> Any:
    """The date in ``[lo, hi)`` nearest to the trigger with no other trigger in between."""
    best = None
    best_dist = 1 << 30
    i = bisect.bisect_left(starts, lo)
    while i < len(dates) and dates[i].start < hi:
        d = dates[i]
        i += 1
        if d.end <= ts:
            between = bisect.bisect_left(triggers, d.end), bisect.bisect_left(triggers, ts)
            dist = ts - d.end
        else:
            between = bisect.bisect_left(triggers, te), bisect.bisect_left(triggers, d.start)
            dist = d.start - te
        if between[1] > between[0]:
            continue
        if is_term(view, d) or _quoted(view, lo, d.start):
            continue
        if _alternate(view, dates, i - 1):
            continue  # "31/5 (rạng sáng 1/6 giờ Hà Nội)": the alternate in brackets
        lo_, hi_ = (d.end, ts) if d.end <= ts else (te, d.start)
        crosses = "," in view[lo_:hi_] or ";" in view[lo_:hi_]
        key = (dist * 2 + 20 if d.end <= ts else dist) + (100000 if crosses else 0)
        if key < best_dist:
            best, best_dist = d, key
    return best


# A report of a future event after a date: "Ngày 29-6, X cho biết, Y sẽ thăm ...".
_ANNOUNCED_RE = re.compile(
    r"\b(?:cho biết|thông báo|công bố|cho hay|tuyên bố|loan báo)\b[^.;]*?\b(?:sẽ|dự kiến)\b[^.;]*[.;]?$"
)


def announced(view: str, start: int, end: int) -> bool:
    """Whether ``view[start:end]`` reports a future event (``, X cho biết, Y sẽ``): a date before it is the report's."""
    return _ANNOUNCED_RE.search(view, start, end) is not None


def sentence_day(dates: Sequence[Any], starts: Sequence[int], sentence: tuple[int, int], view: str = "") -> Any:
    """The first day-precision date of a sentence (the dateline the next one continues).

    A span of days (``từ ngày 17 - 22/6``: a trip, a festival) is no day of one occasion,
    nor the day a future event was announced (with ``view``: ``Ngày 29-6, X cho biết, Y sẽ ...``).
    """
    i = bisect.bisect_left(starts, sentence[0])
    while i < len(dates) and dates[i].start < sentence[1]:
        d = dates[i]
        if d.precision == "day" and not d.relative and d.date_end is None:
            if view and announced(view, d.end, sentence[1]):
                return None
            return d
        i += 1
    return None


def _alternate(view: str, dates: Sequence[Any], i: int) -> bool:
    """Whether date ``i`` restates the one before it (``31/5 (1/6 giờ Hà Nội)``, ``9/7, tức rạng sáng 10/7``)."""
    if i < 1:
        return False
    between = view[dates[i - 1].end : dates[i].start]
    if len(between) <= 25 and "(" in between:
        return True
    # "tối 9/7 (theo giờ địa phương), tức rạng sáng 10/7 theo giờ Hà Nội"
    return len(between) <= 50 and re.search(r"\btức(?: là)?\s+(?:\w+\s+){0,3}$", between) is not None


def last_day_before(view: str, dates: Sequence[Any], starts: Sequence[int], pos: int) -> Any:
    """The last day-precision date before ``pos`` (what ``Cùng ngày`` refers to)."""
    i = bisect.bisect_left(starts, pos) - 1
    while i >= 0:
        if dates[i].precision == "day" and not dates[i].relative and not _alternate(view, dates, i):
            return dates[i]
        i -= 1
    return None


def _yearless_day(draft: Draft) -> bool:
    date = draft.date
    return date is not None and date.year is None and date.month is not None and date.day is not None


def fill_years(
    drafts: Sequence[Draft], dates: Sequence[Any], more: Sequence[Any] | Callable[[], Sequence[Any]] = ()
) -> None:
    """Give a year-less day the year of a dated mention of the same day (``23/6`` and ``23-26/6/2017``).

    Args:
        drafts: the events so far; their year-less days get a year.
        dates: the dates of the text.
        more: further dates (photo captions), or what finds them: called only when a
            draft has a year-less day.
    """
    if not any(_yearless_day(d) for d in drafts):
        return
    if callable(more):
        more = more()
    known: list[tuple[int, int, int, int]] = []  # (month, first day, last day, year)
    for d in chain(dates, more):
        pd, end = d.date, d.date_end or d.date
        if pd.year is not None and pd.month is not None and pd.day is not None and not d.relative:
            last = end.day if end.month == pd.month and end.day is not None else pd.day
            known.append((pd.month, pd.day, last, pd.year))
    if not known:
        return
    for d in drafts:
        if d.date is not None and d.date.year is None and d.date.month is not None and d.date.day is not None:
            found = {y for m, a, b, y in known if m == d.date.month and a <= d.date.day <= b}
            if len(found) == 1:
                year = next(iter(found))
                d.date = d.date.with_year(year)
                if d.date_end is not None and d.date_end.year is None:
                    d.date_end = d.date_end.with_year(year)


def listed_dates(
    view: str, dates: Sequence[Any], starts: Sequence[int], first: Any, s_end: int, nouns: Sequence[str]
) -> list[Any]:
    """The dates after ``first`` in a list of documents, each date after a document of its own."""
    out = []
    prev_end = first.end
    i = bisect.bisect_left(starts, first.end)
    while i < len(dates) and dates[i].start < s_end:
        d = dates[i]
        i += 1
        segment = view[prev_end : d.start]
        if "," not in segment or d.relative or is_term(view, d):
            break
        last_item = segment.rsplit(",", 1)[-1]
        if not any(n in last_item for n in nouns):
            break
        out.append(d)
        prev_end = d.end
    return out
