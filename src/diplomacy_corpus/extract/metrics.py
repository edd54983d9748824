"""Metric extraction: the figures a Vietnamese news text quotes, with their kind and period.

A metric is a figure with a unit the library knows: money (``hơn 123 tỷ USD``), a
percentage (``tăng 11%``), a multiple (``gấp 3 lần``), a rank (``lớn thứ tám``), a count
with its noun (``1.340 dự án``, ``30.000 sinh viên``, ``2,7 triệu lượt du khách``) or the
length of a visit (``kéo dài 7 ngày``). Dates, years, anniversaries (``30 năm``),
ordinals of meetings (``lần thứ 25``), ages, times and numbers in names (``số 10 phố
Downing``, ``khóa 79``) are not metrics.

The kind comes from the words before the figure in its sentence (the nearest cue wins:
``kim ngạch thương mại`` gives ``trade_turnover``, ``xuất khẩu`` gives ``export``...),
the qualifier from the word just before it (``hơn``, ``gần``, ``khoảng``, ``dưới``), and
the period from the dates of the sentence (a date right after the figure, else the
nearest before it, never a date of comparison such as ``so với năm 2015``); a sentence
without one takes the period of the figures just before it in the same paragraph.
The cue words live in ``lexicons/metric_kinds.json`` and ``lexicons/units.json``.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import defaultdict
from collections.abc import Sequence

from diplomacy_corpus.extract.dates import _cached as _cached_dates
from diplomacy_corpus.extract.metric_kinds import (
    _AND_AFTER,
    _FOLLOW,
    _MULTIPLE_WORDS,
    _ORDINALS,
    _SCALES,
    _SMALL_UNITS,
    _WORD_TIMES,
    _classify,
    _Figure,
    _maybe_metric,
    _norm,
    _qualifier_after,
    _ranks,
    _shared_unit,
    _word_multiples,
)
from diplomacy_corpus.extract.numbers import NumberMention, _scan, prescan
from diplomacy_corpus.extract.periods import _date_spans, _periods, _pick_period
from diplomacy_corpus.models import Metric, PartialDate, Span, _builder

__all__ = ["find_metrics"]

_QUICK = re.compile(r"thứ\s|hạng\s|triệu|tỷ|tỉ|gấp")  # figures without digits
# 'dân số' found from its rarer 'â' (a pattern opening with a literal letter is skipped
# to in C; see `numbers._find_led`)
_POPULATION = re.compile("ân số(?<=dân số)")


def find_metrics(
    text: str, sentences: Sequence[tuple[int, int]], *, reference: PartialDate | None = None, low: str | None = None
) -> list[Metric]:
    """Find the figures a text quotes, sentence by sentence.

    Args:
        text: the text of the document.
        sentences: ``(start, end)`` offsets of the sentences of ``text``, in order.
        reference: the publication date, when known; it dates relative periods
            (``năm nay``) and year-less dates.
        low: ``text.lower()``, when the caller has it already (see
            [`prescan`][diplomacy_corpus.extract.numbers.prescan]).

    Returns:
        One [`Metric`][diplomacy_corpus.Metric] per figure, with ids ``m1``, ``m2``...
        in text order; ``evidence`` is the whole sentence and ``text`` the figure as
        written with its qualifier and unit (``hơn 123 tỷ USD``).
    """
    if not text:
        return []
    scan = prescan(text, low)
    low = scan.low
    if not scan.starts and not _QUICK.search(low):
        return []
    if "$" in low or "€" in low or "£" in low or _POPULATION.search(low):
        numbers = _scan(text, low, lambda a, b: _maybe_metric(low, a, b), scan.starts)
    else:  # the usual case: a figure is a metric only with a unit or a noun after it
        numbers = _scan(text, low, lambda a, b: _FOLLOW.match(low, b) is not None, scan.starts, _FOLLOW)
    whole = _cached_dates(text, reference)  # the dates the events just read, if any
    ranks = _ranks(low) + _word_multiples(low)
    if not numbers and not ranks:
        return []
    by_sentence: defaultdict[int, tuple[list[NumberMention], list[re.Match[str]]]] = defaultdict(lambda: ([], []))
    for n in numbers:  # the sentence a figure stands in: the last to start at or before it
        i = bisect.bisect_right(sentences, (n.start, math.inf)) - 1
        if i >= 0 and n.end <= sentences[i][1]:
            by_sentence[i][0].append(n)
    for r in ranks:
        i = bisect.bisect_right(sentences, (r.start(), math.inf)) - 1
        if i >= 0 and r.end() <= sentences[i][1]:
            by_sentence[i][1].append(r)
    out: list[tuple[_Figure, str | None, tuple[int, int]]] = []
    last_period: str | None = None
    last_kind: str | None = None
    last_index = -2
    for index in sorted(by_sentence):
        s, e = sentences[index]
        nums, rks = by_sentence[index]
        if index != last_index + 1 or "\n" in text[sentences[index - 1][1] : s]:
            last_period = last_kind = None  # only the sentence just before, in the same paragraph
        figures: list[_Figure] = []
        periods: list[tuple[int, int, str, int]] | None = None
        taken: list[tuple[int, int]] | None = None  # the spans of the periods, once computed
        waiting: list[NumberMention] = []  # '22 tỷ và nhập khẩu 50 tỷ USD': the unit comes later
        for i, n in enumerate(nums):
            fig = _classify(n, low, s, e, nums[i + 1] if i + 1 < len(nums) else None)
            if fig is None:
                if _AND_AFTER.match(low, n.end, e) and _SCALES.search(n.text.lower()):
                    waiting.append(n)
                continue
            if not math.isfinite(fig.value):
                continue  # a figure too large for a float is no figure
            if periods is None:
                periods = _periods(text, low, s, e, reference, whole, scan)
            if taken is None:
                taken = _date_spans(periods)
            if taken and any(a <= n.start < b for a, b in taken):
                continue  # a figure inside a date or period ('năm 2017')
            _qualifier_after(low, fig, e)
            figures.append(fig)
        for n in waiting:
            fig = _shared_unit(n, low, s, e, figures)
            if fig is not None:
                figures.append(fig)
        for r in rks:
            if r.re is _WORD_TIMES:  # 'tăng gấp đôi'
                value = _MULTIPLE_WORDS[r.group("w")]
                figures.append(_Figure(start=r.start(), end=r.end(), value=value, unit="times", kind="growth"))
                continue
            raw = r.group("n")
            value = int(raw) if raw.isdigit() else _ORDINALS[raw]
            figures.append(_Figure(start=r.start(), end=r.end(), value=value, unit="rank", kind="rank"))
        if not figures:
            continue
        if periods is None:
            periods = _periods(text, low, s, e, reference, whole, scan)
        figures.sort(key=lambda f: f.start)
        for fig in figures:
            period = _pick_period(fig, low, periods, last_period)
            if fig.needs_kind:
                fig.kind = last_kind or "count"
            elif fig.unit not in ("percent", "count", "rank", "times", "days"):
                last_kind = fig.kind
            out.append((fig, period, (s, e)))
            last_period = period
        last_index = index
    unique = _unique(out, low)
    spans: dict[tuple[int, int], Span] = {}
    return [
        _metric(
            id=f"m{i}",
            kind=fig.kind,
            value=fig.value,
            unit=fig.unit,
            period=period,
            qualifier=fig.qualifier,
            text=text[fig.start : fig.end],
            evidence=spans.get(span) or spans.setdefault(span, Span.of(text, *span)),
        )
        for i, (fig, period, span) in enumerate(unique, 1)
    ]


# A Metric from values valid by construction (see `models._builder`).
_metric = _builder(Metric)


def _unique(
    out: list[tuple[_Figure, str | None, tuple[int, int]]], low: str
) -> list[tuple[_Figure, str | None, tuple[int, int]]]:
    """The figures of ``out`` without the ones the text repeats (lead and body): one fact each.

    Two equal amounts or counts of one kind and period are one fact; small figures
    (a 10% rise, a second rank) recur for different things, so they must also come
    from the same sentence (the same words, spaces and tone spelling aside) to be
    merged; ranks must also rank the same thing (the words after them). The sentences
    are compared only when two small figures agree otherwise, and each is normalised at
    most once.
    """
    seen: set[tuple[str, float, str, str | None]] = set()
    small: dict[tuple[str, float, str, str | None], list[tuple[int, int]]] = {}
    norms: dict[tuple[int, int], str] = {}

    def norm(span: tuple[int, int]) -> str:
        found = norms.get(span)
        if found is None:
            found = norms[span] = _norm(low[span[0] : span[1]])
        return found

    unique = []
    for fig, period, span in out:
        key = (fig.kind, fig.value, fig.unit, period)
        if fig.unit == "rank":  # 'thứ hai về ODA, thứ hai về du lịch': ranks in different things
            key = (*key[:3], f"{period} {' '.join(low[fig.end : fig.end + 30].split()[:3])}")
        if fig.unit not in _SMALL_UNITS:
            if key in seen:
                continue
            seen.add(key)
        else:
            spans = small.get(key)
            if spans is None:
                small[key] = [span]
            elif span in spans or any(norm(span) == norm(other) for other in spans):
                continue
            else:
                spans.append(span)
        unique.append((fig, period, span))
    return unique
