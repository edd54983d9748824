"""The context of a trigger: what its sentence and the events told before give it.

Helpers of `events.find_events`: who takes part when several triggers share a clause
(`_own_parties`), the subject after a fronted list (`_fronted_host`), the date a trigger
inherits (`_inherited`, `_referenced`, `_lead_date`, `_date_after`), and references back to
an occasion told before (`_anaphoric`, `_told_between`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import Any

from .event_dates import is_term, last_day_before, sentence_day
from .event_gates import letter_led
from .event_merge import TWO_PARTY, Draft

# Searched through sentences: written with `letter_led` ('\b' as a look-behind after the first letter).
_SAME_DAY_RE = re.compile(
    letter_led(
        [w for p in ("cùng ngày", "trong ngày", "sau đó", "tiếp đó", "ngay sau") for w in (p.capitalize(), p)], r"\w"
    )
    + r"\b"
)

# "Trước đó, tại ..., X đã tiếp Y.": earlier on the day just told, when no date is given.
_EARLIER_RE = re.compile(r"\s*[Tt]rước đó\s*,")

_INHERIT = frozenset({"ceremony", "conference", "talks", "meeting", "speech", "phone_call", "agreement"})


_COORDINATED_RE = re.compile(
    r"(?:\bvà|;|,)\s+(?:(?:đã|sau đó|cũng|tiếp đó)\s+)?(?:có\s+)?(?:các\s+)?(?:cuộc\s+|buổi\s+)?$"
)


def _outermost(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Drop mentions inside a longer one (``ASEAN`` in ``Liên minh Doanh nghiệp châu Âu - ASEAN``).

    ``spans`` are sorted. A mention lies inside a longer one when a mention starting
    before it ends at or after its end, or one starting with it ends after it: one pass,
    keeping the furthest end of the mentions that start before.
    """
    out = []
    reach = -1  # the furthest end of the mentions starting before the current start
    i = 0
    while i < len(spans):
        start = spans[i][0]
        j = i
        while j < len(spans) and spans[j][0] == start:
            j += 1
        furthest = spans[j - 1][1]  # sorted: the last of those starting here ends furthest
        out += [m for m in spans[i:j] if reach < m[1] and furthest <= m[1]]
        reach = max(reach, furthest)
        i = j
    return out


def _inherited(
    view: str,
    triggers: Sequence[tuple[int, int, dict[str, Any]]],
    drafts: Sequence[Draft],
    dates: Sequence[Any],
    date_starts: Sequence[int],
    sentences: Sequence[tuple[int, int]],
    si: int,
    ts: int,
    kind: str,
    named: set[str],
) -> Any:
    """The date (or the dated draft) an undated trigger takes from what was told before.

    In order: the event the sentence names back (``Tại diễn đàn, ...``); the last day told
    for ``Cùng ngày`` and ``Trước đó``; the day of the sentence before; the event told in
    the last two sentences; for an occasion named back (``Tại các buổi hội kiến với A, B``),
    the day last told. The last two guesses are not made when an event of the kind between
    two persons of the sentence was told before: the sentence names that one back.
    """
    s_start, s_end = sentences[si]
    told = any(d.kind == kind and len(named & set(d.persons)) >= 2 for d in drafts)
    found = _referenced(view, triggers, drafts, s_start, ts)
    if found is not None:
        return found
    if _SAME_DAY_RE.search(view, s_start, min(s_end, s_start + 40)):
        found = last_day_before(view, dates, date_starts, s_start)
    elif _EARLIER_RE.match(view, s_start):
        found = (si > 0 and sentence_day(dates, date_starts, sentences[si - 1], view)) or last_day_before(
            view, dates, date_starts, s_start
        )
    elif si > 0 and not told:
        found = sentence_day(dates, date_starts, sentences[si - 1], view)
    if found is None and drafts:
        # the event told in the last two sentences (a visit, which lasts days, is passed over)
        last = next((d for d in reversed(drafts) if d.kind != "visit"), None)
        if last is not None and last.last_sentence >= si - 2 and last.kind in _INHERIT:
            found = last
    if found is None and not told and kind in TWO_PARTY and _BACKREF_RE.search(view[max(s_start, ts - 30) : ts]):
        found = last_day_before(view, dates, date_starts, s_start)
    return found


def _referenced(
    view: str, triggers: Sequence[tuple[int, int, dict[str, Any]]], drafts: Sequence[Draft], s_start: int, ts: int
) -> Draft | None:
    """The dated event a sentence opens by naming back (``Tại diễn đàn, ...``, ``Kết thúc hội đàm, ...``)."""
    for start, _end, spec in triggers:
        if start >= min(ts, s_start + 40):
            break
        if start < s_start or not _BACKREF_RE.search(view[max(s_start, start - 30) : start]):
            continue
        if spec["kind"] == "visit":
            return None  # "Trong khuôn khổ chuyến thăm, ...": a visit lasts days, its first is no guide
        return next((d for d in reversed(drafts) if d.kind == spec["kind"] and d.date is not None), None)
    return None


def _in_office(offices: Sequence[tuple[int, int]], pos: int) -> bool:
    """Whether ``pos`` lies in an office before a name (``Phó Chủ tịch Hội nghị Hiệp thương ... X``)."""
    i = bisect.bisect_right(offices, (pos, 1 << 62)) - 1
    return i >= 0 and offices[i][0] <= pos < offices[i][1]


def _sender(view: str, start: int, lo: int) -> bool:
    """Whether the person named at ``start`` sends a message told before (``lời mời của Chủ tịch nước X``)."""
    return _SENDER_RE.search(view, max(lo, start - 70), start) is not None


def _date_after(view: str, dates: Sequence[Any], starts: Sequence[int], te: int, end: int) -> Any:
    """The first date after offset ``te`` and before ``end`` that is no term (``đến năm 2025``)."""
    i = bisect.bisect_left(starts, te)
    while i < len(dates) and dates[i].start < end:
        if not is_term(view, dates[i]) and not dates[i].relative:
            return dates[i]
        i += 1
    return None


def _pronoun_subject(view: str, mentions: Sequence[tuple[int, int, str]], s_start: int, ts: int) -> str | None:
    """Who ``ông``/``bà`` stands for in ``chuyến thăm của ông``: the subject before it in the sentence.

    The last person named before the trigger who is followed by a verb, not by a comma or
    ``và`` (``Vui mừng gặp lại X và ..., Thủ tướng Y cảm ơn ...; nhắc lại chuyến thăm của ông``: Y).
    """
    before = [m for m in mentions if s_start <= m[0] and m[1] <= ts]
    for m in reversed(before):
        if not _LISTED_RE.match(view, m[1]):
            return m[2]
    return before[-1][2] if before else None


def _visiting_state(
    view: str,
    te: int,
    end: int,
    cmentions: Sequence[tuple[int, int, str]],
    pmentions: Sequence[tuple[int, int, str]],
) -> str | None:
    """The state whose unnamed visitors a visit names (``chuyến thăm ... của Nhà vua và Hoàng hậu Nhật Bản``).

    The first state after ``của`` in the clause, when no person is named from ``của`` to
    just after it and no delegation (``đoàn``) stands between.
    """
    m = _OF_RE.match(view, te, end)
    if m is None:
        return None
    state = next((c for c in cmentions if m.end() <= c[0] < min(end, m.end() + 50)), None)
    if state is None or re.search(r"\b[Đđ]oàn\b", view[m.end() : state[0]]):
        return None
    if any(m.end() <= p[0] < state[1] + 40 for p in pmentions):
        return None  # "của Thủ tướng Nhật Bản Shinzo Abe": his visit
    return state[2]


def _fronted_host(view: str, after: Sequence[tuple[int, int, str]], te: int) -> tuple[int, int, str] | None:
    """The subject after a fronted ``các buổi hội kiến với A, B, ...``: the first person not listed.

    The persons after the trigger's ``với`` are listed, each followed by a comma or ``và``;
    the first one followed by anything else (a verb) is the subject who met them.
    """
    if not after or not _WITH_RE.match(view, te):
        return None
    for k, m in enumerate(after):
        if k == 0:
            continue
        nxt = after[k + 1][0] if k + 1 < len(after) else len(view)
        gap = view[m[1] : min(nxt, m[1] + 40)]
        if not _LISTED_RE.match(gap):
            return m
    return None


def _own_parties(
    view: str,
    in_clause: list[tuple[int, int, str]],
    starts: Sequence[int],
    ts: int,
    te: int,
    c_start: int,
    c_end: int,
) -> list[tuple[int, int, str]]:
    """The persons of one of several coordinated triggers of a clause.

    ``X hội đàm với A và hội kiến với B``: the talks are X's with A, the meeting X's with
    B. The subject (before the first trigger) takes part in each; the persons after a
    trigger up to the next one are its own. A clause with one trigger keeps everyone.
    """
    lo, hi = bisect.bisect_left(starts, c_start), bisect.bisect_left(starts, c_end)
    others = [s for s in starts[lo:hi] if s != ts and _COORDINATED_RE.search(view, max(0, max(s, ts) - 30), max(s, ts))]
    if not others:
        return in_clause
    first = min(ts, others[0])
    nxt = next((s for s in others if s > ts), c_end)
    own = [m for m in in_clause if te <= m[0] < nxt]
    if not own:
        return in_clause
    return [m for m in in_clause if m[0] < first] + own


def _lead_date(
    dates: Sequence[Any], starts: Sequence[int], triggers: Sequence[int], s_start: int, s_end: int, ts: int
) -> Any:
    """The one date of a sentence when it leads the sentence (``Ngày 29/6, X hội đàm ... và hội kiến ...``).

    Such a date governs every trigger after it, even with another trigger in between.
    """
    i, j = bisect.bisect_left(starts, s_start), bisect.bisect_left(starts, s_end)
    if j - i != 1 or dates[i].end > ts:
        return None
    k = bisect.bisect_left(triggers, s_start)
    if k < len(triggers) and triggers[k] < dates[i].start:
        return None  # a trigger before the date: the date is that trigger's
    return dates[i]


_BACKREF_RE = re.compile(
    r"(?:khuôn khổ|thời gian|[Nn]hân dịp|[Nn]hân|[Tt]rong|[Ss]au|[Tt]ại|[Kk]ết thúc|quá trình|[Kk]ết quả|[Qq]ua"
    r"|[Đđ]ây là)\s+"
    r"(?:ở\s+|của\s+)?(?:các\s+|những\s+)?(?:cuộc\s+|buổi\s+)?$"
)


# The sender of a message told before a name: "lời mời của Chủ tịch nước", "thư của Thủ tướng".
_SENDER_RE = re.compile(
    r"(?:lời (?:mời|chào|chúc|thăm hỏi)|thư|thông điệp|điện mừng)(?: thăm hỏi| trân trọng| chúc mừng)?"
    r" của\s+(?:[^\s,.;]+\s+){0,6}$"
)

# A list of planned steps: "dự kiến sẽ có cuộc hội đàm với A, hội kiến B, gặp C" (each one planned).
_PLANNED_LIST_RE = re.compile(letter_led(["dự kiến", "sẽ"], r"\w") + r"\b(?:(?!\b(?:đã|vừa)\b)[^.;])*$")

# A visit told as the pronoun's: "chuyến thăm của ông tới Việt Nam".
_HIS_RE = re.compile(r"\s+(?:chính thức\s+)?của\s+(?:ông|bà|ngài)\b(?!\s+[A-ZĐÂĂÊÔƠƯ])")  # not "của ông Trump"

# A visit's "of": "chuyến thăm Việt Nam của ...", "chuyến thăm cấp Nhà nước đầu tiên của ...".
_OF_RE = re.compile(r"[^,.;]{0,60}?\bcủa\s+")

# What follows a listed person: a comma, "và", or the office told after the name.
_LISTED_RE = re.compile(r"\s*(?:,|và\b|;)")

# A trigger followed by its counterpart: "hội đàm với", "điện đàm trực tuyến với".
_WITH_RE = re.compile(r"\s+(?:trực tuyến\s+)?với\s")

# "đánh giá cao kết quả hội đàm giữa hai bên": talks judged by their results were held by
# others (a host told of the guests' talks), not the meeting the sentence belongs to.
_RESULTS_RE = re.compile(r"[Kk]ết quả\s+(?:các\s+|những\s+|cuộc\s+)?$")

_BETWEEN_THE_TWO_RE = re.compile(
    r"\s+giữa\s+hai\s+(?:nhà lãnh đạo|lãnh đạo|bên|ông|bà|vị|Chủ tịch|Thủ tướng|Tổng thống|Bộ trưởng|Ngoại trưởng)\b"
)


def _anaphoric(
    view: str,
    ts: int,
    te: int,
    c_start: int,
    c_end: int,
    in_clause: Sequence[tuple[int, int, str]],
    date_starts: Sequence[int],
) -> bool:
    """``Tại buổi tiếp, ...``, ``Trong khuôn khổ chuyến thăm, ...``: a reference back."""
    if _BETWEEN_THE_TWO_RE.match(view, te):
        return True  # "Cuộc hội đàm giữa hai nhà lãnh đạo diễn ra ...": the talks told before
    if not _BACKREF_RE.search(view[max(c_start, ts - 30) : ts]):
        return False
    comma = view.find(",", te, c_end)
    stop = comma if comma >= 0 else c_end
    if any(te <= m[0] < stop for m in in_clause):
        return False
    if re.search(r"\bcủa\s+[Đđ]oàn\b", view[te:stop]):
        return False
    i = bisect.bisect_left(date_starts, te)
    return not (i < len(date_starts) and date_starts[i] < stop)
