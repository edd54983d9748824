"""Event drafts and how repeated mentions of one occurrence merge.

A `Draft` is an event being built from one trigger; `add_draft` merges it into an
earlier draft of the same kind, compatible date and shared participants, or keeps it
when it names enough parties; `attach` and `relabel` handle references back
(``Tại buổi tiếp``, ``Trong cuộc hội đàm``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs

from ..models import PartialDate

__all__ = [
    "TWO_PARTY",
    "UNDATED_DROP",
    "Draft",
    "add_draft",
    "attach",
    "dedupe",
    "dedupe_spans",
    "merge_headline",
    "relabel",
]

TWO_PARTY = frozenset({"phone_call", "talks", "meeting"})

# Kinds whose parties may be told as states first and as persons later.
_STATE_LEVEL = frozenset({"dialogue", "agreement", "relationship_upgrade", "normalization"})

UNDATED_DROP = frozenset({"relationship_upgrade", "normalization"})


@attrs.define(kw_only=True)
class Draft:
    """An event being built: kind, date, parties, place, and the sentences that tell it."""

    kind: str
    date: PartialDate | None
    date_end: PartialDate | None
    persons: list[str]
    others: list[str]
    location: str | None
    level: str | None
    evidence: list[tuple[int, int]]
    last_sentence: int = 0
    counterpart: bool = False
    backref: bool = False
    anchor: bool = False
    instrument: str | None = None  # an agreement's kind of document: "bản ghi nhớ", "ý định thư"


def dedupe(items: Sequence[str]) -> list[str]:
    """The items without repeats, in the order of their first occurrence."""
    return list(dict.fromkeys(items))


def attach(
    drafts: list[Draft],
    kind: str,
    evidence: tuple[int, int],
    si: int,
    date: Any = None,
    persons: set[str] | frozenset[str] = frozenset(),
    *,
    least: int = 1,
    join: Sequence[str] = (),
) -> bool:
    """Add a back-reference to the latest event of its kind that shares ``least`` persons named in the sentence.

    A meeting named back (``Sau cuộc gặp``) may be talks told before. With no persons
    named and one shared person asked for, the latest event of the kind is taken. The event
    takes the reference's date when it had none, and the persons of ``join``
    (``Trong cuộc gặp giữa X và Y có sự góp mặt của Z``: Z too).
    """
    for d in reversed(drafts):
        same_kind = d.kind == kind or (kind == "meeting" and d.kind == "talks")  # "Sau cuộc gặp": the talks told
        if same_kind and (len(persons & set(d.persons)) >= least if persons else least <= 1):
            d.evidence.append(evidence)
            d.last_sentence = si
            if d.date is None and date is not None and date.date is not None:
                d.date, d.date_end = date.date, date.date_end
            if join:
                d.persons = dedupe(d.persons + list(join))
            return True
    return False


def relabel(
    drafts: list[Draft],
    evidence: tuple[int, int],
    si: int,
    persons: set[str] | frozenset[str] = frozenset(),
    date: PartialDate | None = None,
) -> bool:
    """``Trong cuộc hội đàm`` naming back a meeting told as ``cuộc gặp``: it was talks.

    The meeting must share a person with those the sentence names, if it names any, and
    its date must agree with the date the sentence gives, if any.
    """
    for d in reversed(drafts):
        if (
            d.kind == "meeting"
            and len(d.persons) >= 2
            and (not persons or persons & set(d.persons))
            and _dates_compatible(d.date, date)
        ):
            d.kind = "talks"
            d.evidence.append(evidence)
            d.last_sentence = si
            return True
    return False


def drop_anchors(drafts: list[Draft]) -> None:
    """Drop the dated conferences that no later mention gave a participant."""
    drafts[:] = [d for d in drafts if not d.anchor]


def merge_headline(drafts: list[Draft], headline: tuple[int, int]) -> None:
    """One occasion told as ``hội đàm`` in the headline and ``cuộc gặp`` in the body is one event.

    An undated talks or meeting told by the headline (and maybe named back in the body) joins the one dated draft of the
    other of those two kinds whose persons include its own (or the one undated, when none is dated); the pair is talks.
    """
    pair = {"talks", "meeting"}
    for h in list(drafts):
        if h.kind not in pair or h.date is not None or headline not in h.evidence or not h.persons:
            continue
        other = "meeting" if h.kind == "talks" else "talks"
        found = [d for d in drafts if d.kind == other and d is not h and set(h.persons) <= set(d.persons)]
        dated = [d for d in found if d.date is not None]
        found = dated or found  # the dated one, else the one undated like the headline
        if len(found) != 1:
            continue
        d = found[0]
        d.kind = "talks"
        d.evidence = dedupe_spans(h.evidence + d.evidence)
        d.others = dedupe(d.others + h.others)
        drafts.remove(h)


def dedupe_spans(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans in order of offset, each once."""
    return sorted(set(spans))


def _dates_compatible(a: PartialDate | None, b: PartialDate | None) -> bool:
    if a is None or b is None:
        return True
    shared = 0
    for x, y in ((a.year, b.year), (a.month, b.month), (a.day, b.day)):
        if x is not None and y is not None:
            if x != y:
                return False
            shared += 1
    return shared > 0


def add_draft(drafts: list[Draft], new: Draft) -> None:
    """Merge ``new`` into the latest compatible draft, or append it (if it has participants)."""
    for d in reversed(drafts):
        if d.kind != new.kind:
            continue
        if not _dates_compatible(d.date, new.date) and not (new.kind == "visit" and _same_trip(d, new)):
            continue
        a, b = set(d.persons), set(new.persons)
        if new.kind == "agreement" and d.instrument and new.instrument and d.instrument != new.instrument:
            continue  # a memorandum and a letter of intent signed the same day are two signings
        if new.kind == "conference" and new.backref:
            same = True  # "Phát biểu tại diễn đàn, ...": the forum told last
        elif a and b:
            same = a <= b or b <= a if new.kind in TWO_PARTY or new.kind == "visit" else bool(a & b)
            if new.kind == "visit":
                same = bool(a & b)
        elif not b:
            same = not new.others or not d.others or bool(set(d.others) & set(new.others))
        else:
            # "Australia-Trung Quốc tổ chức Đối thoại ..." then the ministers who held it: one dialogue
            same = new.kind in _STATE_LEVEL and bool(d.others) and set(d.others) <= set(new.others)
        if not same:
            continue
        if new.kind == "visit" and d.date is not None and new.date is not None and _same_trip(d, new):
            d.date = min(d.date, new.date, key=lambda x: x.day or 0)  # the trip began on its first day told
        d.persons = dedupe(d.persons + new.persons)
        d.others = dedupe(d.others + new.others)
        if d.date is None or (new.date is not None and _more_precise(new.date, d.date)):
            d.date, d.date_end = new.date, new.date_end or d.date_end
        d.date_end = d.date_end or new.date_end
        d.location = d.location or new.location
        d.level = d.level or new.level
        d.evidence += new.evidence
        d.anchor = d.anchor and not d.persons and not d.others
        return
    if not new.persons and not new.others:
        if new.kind == "conference" and new.date is not None:
            new.anchor = True  # "Ngày 6/6, Diễn đàn ... đã được tổ chức": its parties come after
            drafts.append(new)
        return
    if new.kind in TWO_PARTY and len(new.persons) + len(new.others) < 2 and not new.counterpart:
        return
    if new.kind in UNDATED_DROP and new.date is None:
        return
    if new.kind == "agreement" and new.date is None and len(new.persons) + len(new.others) < 2:
        return  # "triển khai các thỏa thuận" with one party and no date: no signing told

    if new.kind == "conference" and not new.persons and new.date is None:
        return  # "tại các diễn đàn quốc tế": no one named, no date
    drafts.append(new)


def _same_trip(a: Draft, b: Draft) -> bool:
    """Two days of one visit: the same visitor and place, days of one month at most a week apart."""
    if not set(a.persons) & set(b.persons) or a.date is None or b.date is None:
        return False
    if a.location and b.location and a.location not in b.location and b.location not in a.location:
        return False  # "Belarus" and "Cộng hòa Belarus" are one place
    x, y = a.date, b.date
    if x.day is None or y.day is None or x.month != y.month:
        return False
    if x.year is not None and y.year is not None and x.year != y.year:
        return False
    return abs(x.day - y.day) <= 7


def _precision(d: PartialDate) -> int:
    return (d.year is not None) + (d.month is not None) + (d.day is not None)


def _more_precise(a: PartialDate, b: PartialDate) -> bool:
    return _precision(a) > _precision(b)
