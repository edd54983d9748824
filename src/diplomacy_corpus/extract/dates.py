"""Vietnamese date grammar: find the dates a news text gives, at every precision.

News writes dates in many ways: a day (``ngày 29/3``, ``tối 4/4/2025``, ``hôm 31/5``,
``(25/6)``, ``ngày 14-3``, ``ngày 29 tháng 3 năm 2023``), a month (``tháng 9/2023``,
``(9/2016)``, ``tháng 5 năm 2022``, ``tháng Ba``), a year (``năm 2013``,
``giai đoạn 2011-2015``), a range (``từ ngày 20 - 22/11``, ``11-15/5/2017``,
``28/6-1/7``) or relative to the publication date (``sáng nay``, ``năm ngoái``,
``đầu năm nay``, ``tuần trước``).

Years come from the text when it gives one, else from the ``reference`` date (the
publication date) when the caller knows it; otherwise the date stays year-less
(``--03-29``). The rule for a day or month without a year, given a reference:

* the reference year, by default;
* the previous year when the date is marked as past (``2/7 vừa qua``) and its month
  lies after the reference month, or when its month lies more than six months after
  the reference month (it is then nearer in the past than in the future) and nothing
  marks it as upcoming: a January article speaking of ``ngày 28/12`` means last
  December, a June article speaking of ``tháng 11`` means this November;
* the next year when the date is marked as upcoming (``tháng 1 tới``) and its month
  lies before the reference month.

A bare ``vừa qua`` gives no date by itself and is not returned; after a date it
marks that date as relative and past.

Examples:
    >>> [str(d.date) for d in find_dates("Tối 4/4/2025 và ngày 29/3, tháng 9/2023.")]
    ['2025-04-04', '--03-29', '2023-09']
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from importlib import resources
from typing import Any

import attrs

from diplomacy_corpus.models import PartialDate

__all__ = ["DateMention", "find_dates"]


@attrs.define(frozen=True, kw_only=True)
class DateMention:
    """A date found in a text, with the offsets of the words that give it."""

    start: int
    """Offset of the first character of the mention in the text searched."""
    end: int
    """Offset just past the mention."""
    date: PartialDate
    """The date, or the first day of a range; as precise as the text allows."""
    date_end: PartialDate | None = None
    """The last day of a range (``từ ngày 20 - 22/11``), else None."""
    precision: str = "day"
    """``day``, ``month`` or ``year``."""
    relative: bool = False
    """True when the date is read relative to the publication date (``năm ngoái``)."""


def _load() -> dict[str, Any]:
    path = resources.files("diplomacy_corpus.extract.lexicons").joinpath("date_words.json")
    return json.loads(path.read_text(encoding="utf-8"))


_WORDS = _load()
_RELATIVE: dict[str, tuple[str, int]] = {
    k: (v["unit"], int(v["offset"])) for k, v in _WORDS["relative"].items()
}
_MONTH_WORDS: dict[str, int] = _WORDS["month_words"]


def _alt(words: Any) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_B = r"(?<![\w.,/])"  # no number or word glued before
_A = r"(?![\w/]|[.,\-]\d)"  # no number or word glued after
_D = r"\d{1,2}"
_Y = r"\d{4}"
_DASH = r"\s*(?:[-–—]|đến|tới)\s*"
_TRIG = r"(?:(?<!\w)(?:rạng\s+sáng|sáng|trưa|chiều|tối|đêm|khuya|hôm|ngày|từ|đến|vào)\s+(?:ngày\s+)?)"
_MONTH_WORD = "|".join(w[0].upper() + w[1:] for w in sorted(_MONTH_WORDS, key=len, reverse=True))
_PAST = _alt(_WORDS["past_cues"])
_FUTURE = _alt(_WORDS["future_cues"])


def _cue(prefix: str) -> str:
    return rf"(?:\s+(?:(?P<{prefix}_past>{_PAST})|(?P<{prefix}_future>{_FUTURE}))(?!\w))?"



_PATTERN = "|".join(
    [
        # 28/6-1/7, 24/6/1967-24/6/2017, từ 20/11 đến 22/11/2020
        rf"(?P<xr>{_TRIG}?{_B}(?P<xr_d1>{_D})/(?P<xr_m1>{_D})(?:/(?P<xr_y1>{_Y}))?{_DASH}"
        rf"(?:ngày\s+)?(?P<xr_d2>{_D})/(?P<xr_m2>{_D})(?:/(?P<xr_y2>{_Y}))?{_A})",
        # từ ngày 20 - 22/11, 11-15/5/2017, ngày 12-13/6, 20 và 21 tháng 11 năm 2020
        rf"(?P<dr>(?:{_TRIG}{_B}|{_B}(?=\d{{1,2}}\s*[-–—]\s*\d{{1,2}}/\d{{1,2}}/\d{{4}}))"
        rf"(?P<dr_d1>{_D})(?:{_DASH}|\s+và\s+)(?:ngày\s+)?(?P<dr_d2>{_D})"
        rf"(?:(?P<dr_s>[/.-])(?P<dr_m>{_D})(?:(?P=dr_s)(?P<dr_y>{_Y}))?"
        rf"|\s+tháng\s+(?P<dr_lm>{_D})(?:\s+năm\s+(?P<dr_ly>{_Y}))?){_A})",
        # 29/3/2023, ngày 23-5-2016, 10.2.2017
        rf"(?P<full>{_TRIG}?{_B}(?P<f_d>{_D})(?P<f_s>[/.-])(?P<f_m>{_D})(?P=f_s)(?P<f_y>{_Y}){_A})",
        # ngày 29 tháng 3 năm 2023
        rf"(?P<long>{_TRIG}(?P<l_d>{_D})\s+tháng\s+(?P<l_m>{_D})(?:\s*(?:năm\s+|[/,-]\s*)(?P<l_y>{_Y}))?{_A}{_cue('l')})",
        # ngày 29/3, tối 2/7 vừa qua, ngày 14-3, ngày 10.2, (25/6)
        rf"(?P<dm>(?:{_TRIG}{_B}(?P<dm_d>{_D})[/.-]|(?<=\()(?P<dm_pd>{_D})/)(?P<dm_m>{_D}){_A}{_cue('dm')})",
        # tháng 9/2023, tháng 5 năm 2022, tháng 11-2017, tháng 3, tháng Ba, (9/2016)
        rf"(?P<mon>(?:tháng\s+(?:(?P<mo_m>{_D})|(?-i:(?P<mo_w>{_MONTH_WORD})))"
        rf"|(?<=\()(?P<mo_pm>{_D})(?=/\d{{4}}\)))"
        rf"(?:(?:\s*[/.-]\s*|\s+năm\s+)(?P<mo_y>{_Y}))?{_A}{_cue('mo')})",
        # năm 2013, giai đoạn 2011-2015, năm 2016-2017
        rf"(?P<year>(?:năm|giai\s+đoạn|thời\s+kỳ|niên\s+khóa)\s+(?P<y1>{_Y})(?:\s*[-–]\s*(?P<y2>{_Y}))?{_A})",
        # sáng nay, năm ngoái, tuần trước, ...
        rf"(?P<rel>(?<!\w)(?:{_alt(_RELATIVE)})(?!\w))",
    ]
)
_RE = re.compile(_PATTERN, re.IGNORECASE)
_NUMBER_BEFORE = re.compile(r"(?:\d|\b(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|mấy|vài|nhiều|các))\s*$", re.I)
_QUICK = re.compile(r"\d|nay|qua|mai|kia|tới|sau|trước|ngoái|tháng|năm|tuần", re.IGNORECASE)


def _int(value: str | None) -> int | None:
    return int(value) if value else None


def _year_ok(year: int | None) -> bool:
    return year is None or 1000 <= year <= 2199


def _infer_year(month: int, ref: PartialDate | None, past: bool, future: bool) -> int | None:
    """The year of a day or month the text gives without one (see the module docstring)."""
    if ref is None or ref.year is None:
        return None
    if ref.month is None:
        return ref.year
    if future and month < ref.month:
        return ref.year + 1
    if month > ref.month and (past or (month - ref.month > 6 and not future)):
        return ref.year - 1
    return ref.year


def _make(year: int | None, month: int | None, day: int | None) -> PartialDate | None:
    if not _year_ok(year):
        return None
    try:
        return PartialDate(year=year, month=month, day=day)
    except ValueError:
        return None


def _relative(phrase: str, ref: PartialDate | None) -> tuple[PartialDate, str] | None:
    if ref is None or ref.year is None:
        return None
    unit, offset = _RELATIVE[" ".join(phrase.lower().split())]
    if unit == "year":
        return PartialDate(year=ref.year + offset), "year"
    if ref.month is None:
        return None
    if unit == "month":
        index = ref.year * 12 + ref.month - 1 + offset
        return PartialDate(year=index // 12, month=index % 12 + 1), "month"
    if ref.day is None:
        return (PartialDate(year=ref.year, month=ref.month), "month") if unit == "day" and offset == 0 else None
    base = _dt.date(ref.year, ref.month, ref.day)
    if unit == "day":
        day = base + _dt.timedelta(days=offset)
        return PartialDate(year=day.year, month=day.month, day=day.day), "day"
    first = base + _dt.timedelta(days=7 * offset - base.weekday())
    last = first + _dt.timedelta(days=6)
    if (first.year, first.month) == (last.year, last.month):
        return PartialDate(year=first.year, month=first.month), "month"
    if first.year == last.year:
        return PartialDate(year=first.year), "year"
    return None


def _mention(m: re.Match[str], ref: PartialDate | None) -> DateMention | None:  # noqa: C901
    kind = m.lastgroup
    g = m.group
    past = any(g(f"{p}_past") for p in ("l", "dm", "mo"))
    future = any(g(f"{p}_future") for p in ("l", "dm", "mo"))
    relative = past or future
    start, end = m.span()
    if kind == "xr":
        y1, y2 = _int(g("xr_y1")), _int(g("xr_y2"))
        m1, m2 = int(g("xr_m1")), int(g("xr_m2"))
        y2 = y2 if y2 is not None else (y1 if y1 is not None and m2 >= m1 else _infer_year(m2, ref, False, False))
        y1 = y1 if y1 is not None else (y2 - 1 if y2 is not None and m1 > m2 else y2)
        first, last = _make(y1, m1, int(g("xr_d1"))), _make(y2, m2, int(g("xr_d2")))
        if first is None or last is None or (y1 == y2 and (m1, int(g("xr_d1"))) >= (m2, int(g("xr_d2")))):
            return None
        return DateMention(start=start, end=end, date=first, date_end=last, precision="day")
    if kind == "dr":
        month = _int(g("dr_m") or g("dr_lm"))
        year = _int(g("dr_y") or g("dr_ly"))
        d1, d2 = int(g("dr_d1")), int(g("dr_d2"))
        if month is None or d1 >= d2:
            return None
        year = year if year is not None else _infer_year(month, ref, False, False)
        first, last = _make(year, month, d1), _make(year, month, d2)
        if first is None or last is None:
            return None
        return DateMention(start=start, end=end, date=first, date_end=last, precision="day")
    if kind == "full":
        date = _make(int(g("f_y")), int(g("f_m")), int(g("f_d")))
        return None if date is None else DateMention(start=start, end=end, date=date, precision="day")
    if kind in ("long", "dm"):
        month = int(g("l_m") or g("dm_m"))
        day = int(g("l_d") or g("dm_d") or g("dm_pd"))
        year = _int(g("l_y")) if kind == "long" else None
        if year is None:
            year = _infer_year(month, ref, past, future)
        date = _make(year, month, day)
        if date is None:
            return None
        return DateMention(start=start, end=end, date=date, precision="day", relative=relative)
    if kind == "mon":
        word = g("mo_w")
        month = _MONTH_WORDS[" ".join(word.lower().split())] if word else int(g("mo_m") or g("mo_pm"))
        year = _int(g("mo_y"))
        if year is None:
            year = _infer_year(month, ref, past, future)
        date = _make(year, month, None)
        if date is None:
            return None
        return DateMention(start=start, end=end, date=date, precision="month", relative=relative)
    if kind == "year":
        y1, y2 = int(g("y1")), _int(g("y2"))
        first = _make(y1, None, None)
        last = _make(y2, None, None) if y2 is not None else None
        if first is None or (y2 is not None and (last is None or y2 <= y1)):
            return None
        return DateMention(start=start, end=end, date=first, date_end=last, precision="year")
    if kind == "rel":
        found = _relative(m.group(), ref)
        if found is None:
            return None
        date, precision = found
        return DateMention(start=start, end=end, date=date, precision=precision, relative=True)
    return None  # pragma: no cover - every alternative is named


def find_dates(text: str, *, reference: PartialDate | None = None) -> list[DateMention]:
    """Find the dates a Vietnamese text gives, in text order.

    Args:
        text: the text to search.
        reference: the publication date of the document, when known. It gives the
            year of dates written without one and resolves relative expressions.
            Without it, year-less dates stay year-less and relative expressions that
            need it (``năm ngoái``) are not returned.

    Returns:
        One [`DateMention`][diplomacy_corpus.extract.dates.DateMention] per date, with
        ``text[m.start:m.end]`` the words that give it.
    """
    if not text or not _QUICK.search(text):
        return []
    found: list[DateMention] = []
    for m in _RE.finditer(text):
        if m.lastgroup == "rel" and _NUMBER_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue  # '10 năm trước' is a duration, not last year
        mention = _mention(m, reference)
        if mention is not None:
            found.append(mention)
    return found
