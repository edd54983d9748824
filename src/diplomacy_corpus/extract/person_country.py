"""The state a person belongs to when no office in the text says it.

An office gives a person's state (``Tổng thống Mỹ Joe Biden``); this module decides for
the others, in order: a relative of a person whose state is known shares it (``Melania
Trump`` with ``Tổng thống Mỹ Donald Trump``); a Vietnamese name is Vietnamese; a
foreign name takes the foreign state most named in the sentences that name the person;
last, the foreign state most named in the document.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import Any

from .analysis import Analysis
from .names import is_vietnamese_syllable, surnames

__all__ = ["fill_countries"]

_STOP_RE = re.compile(r"[.!?\n]")
# Everything up to the last stop of a window (matched from its start, the greedy run backs
# off from the window's end, so only the stretch after that stop is read twice).
_TO_LAST_STOP_RE = re.compile(r"(?s:.*)[.!?\n]")

# A visit to Vietnam told just before a name: its visitor is no Vietnamese.
_VISITS_VIETNAM_RE = re.compile(r"\bthăm\s+Việt Nam\s+của\s+(?:[^\s,.;()]+\s+){0,4}$")


def _visits_vietnam(view: str, start: int) -> bool:
    """Whether a visit to Vietnam is told just before ``start`` (``chuyến thăm Việt Nam của ...``)."""
    lo = max(0, start - 60)
    return view.find("thăm", lo, start) >= 0 and _VISITS_VIETNAM_RE.search(view, lo, start) is not None


def _sentence(view: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence around ``[start, end)`` (cheap: the nearest stops).

    The last stop (``.``, ``!``, ``?``, a newline) within 400 characters before ``start``
    and the first within 400 characters from ``end``: two regex calls, which read only
    the stretches between the mention and those stops.
    """
    before = _TO_LAST_STOP_RE.match(view, max(0, start - 400), start)
    after = _STOP_RE.search(view, end, end + 400)
    return (before.end() if before else 0), (after.start() if after else len(view))


def _votes(an: Analysis, starts: Sequence[int], spans: Sequence[tuple[int, int]]) -> dict[str, int]:
    """How often each foreign state is named in the sentences of ``spans``, in order of first naming."""
    votes: dict[str, int] = {}
    seen: set[tuple[int, int]] = set()
    for s, e in spans:
        lo, hi = _sentence(an.view, s, e)
        if (lo, hi) in seen:
            continue
        seen.add((lo, hi))
        i = bisect.bisect_left(starts, lo)
        while i < len(starts) and starts[i] < hi:
            code = an.countries[i][2]
            if code != "VN":
                votes[code] = votes.get(code, 0) + 1
            i += 1
    return votes


def fill_countries(an: Analysis, people: dict[str, dict[str, Any]], order: Sequence[str], dominant: list[str]) -> None:
    """Set ``country`` on every person of ``people`` that has none.

    Args:
        an: the analysis (countries named in the text, by offset).
        people: persons by key, each with ``name``, ``country`` and ``mentions``.
        order: the keys, in order of first mention.
        dominant: foreign states by how often the document names them, most first.
    """
    if not order:
        return
    sur = surnames()[0]
    known: dict[str, set[str]] = {}
    for k in order:
        p = people[k]
        words = p["name"].split()
        if p["country"] and len(words) >= 2 and not is_vietnamese_syllable(words[-1]):
            known.setdefault(words[-1], set()).add(p["country"])
    starts = [s for s, _, _ in an.countries]
    rank = {c: n for n, c in enumerate(dominant)}
    for k in order:
        p = people[k]
        if p["country"] is not None:
            continue
        words = p["name"].split()
        votes = None
        if words[0] in sur and all(is_vietnamese_syllable(w) for w in words):
            # "chuyến thăm Việt Nam của Thủ tướng Lý Hiển Long" beside Singapore: a foreign visitor's Hán-Việt name
            visitor = any(_visits_vietnam(an.view, s) for s, _ in p["mentions"])
            votes = _votes(an, starts, p["mentions"]) if visitor else None
            if not votes:
                p["country"] = "VN"
                continue
        family = known.get(words[-1], set()) if len(words) >= 2 else set()
        if len(family) == 1:
            p["country"] = next(iter(family))
            continue
        if votes is None:
            votes = _votes(an, starts, p["mentions"])
        if votes:
            p["country"] = max(votes, key=lambda c: (votes[c], -rank.get(c, len(rank))))
        elif dominant:
            p["country"] = dominant[0]
