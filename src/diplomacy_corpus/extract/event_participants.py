"""Who takes part in an event and where it happens.

Visitors (`visitors`: ``chuyến thăm ... của X``, a delegation's head), titles standing
for a named person (`title_only`), the two states a text is about (`pair_countries`,
``Việt - Nga``), and the event's place (`location`) and a visit's level (`visit_level`).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

from ..models import Actor
from . import lexicon
from .analysis import Analysis
from .text import UPPER

__all__ = [
    "delegation_heads",
    "inside_title",
    "location",
    "object_of",
    "pair_countries",
    "pair_short",
    "title_only",
    "visit_level",
    "visitors",
]

# '\btại', with the boundary a look-behind after the first letter: the engine skips to the 't's.
_LOCATION_RE = re.compile(rf"t(?<!\wt)ại\s+((?:trụ sở|thủ đô|thành phố|số \d+ phố|khu)\s+)?(?=[{UPPER}])")

_LOC_TOKEN_RE = re.compile(r"[\w’'.]+|[^\w\s]")

# Patterns of `inside_title`, `delegation_heads`, `visitors` and `location`, compiled once.
_COMMA_RE = re.compile(r"[,;]")
_LED_BY_RE = re.compile(r"^[^.;]{0,80}?\bdẫn đầu\b")
# The words between a visit and its destination ("thăm chính thức cấp Nhà nước tới"), and
# the same with "lịch sử" (a historic visit) where the visitor is read.
_DESTINATION_WORDS = "chính thức|cấp Nhà nước|hữu nghị|làm việc|và làm việc|cấp cao|tới|đến|sang|nước"
_DESTINATION_WORDS_RE = re.compile(rf"\s*(?:(?:{_DESTINATION_WORDS})\s*)*")
_VISIT_WORDS_RE = re.compile(rf"\s*(?:(?:{_DESTINATION_WORDS}|lịch sử)\s*)*")
_OF_DELEGATION_RE = re.compile(r"\s*(?:và làm việc\s+)?(?:[^\s]+\s+){0,3}?của\s+(?:[Đđ]oàn|phái đoàn)\b")
_DELEGATION_BEFORE_RE = re.compile(r"\b[Đđ]oàn\b[^,.;]{0,60}$")
_OF_RE = re.compile(r"\bcủa\b")
_INVITATION_OF_RE = re.compile(r"lời mời của\s*$")
_NOW_AT_RE = re.compile(r"\b(?:đang|đang ở)\s+$")
_INVITATION_RE = re.compile(r"lời mời\b")

_PLACE_NAME_RE = re.compile(r"(?:Thủ đô |thủ đô |thành phố )?[A-ZĐÀ-Ỹ][\w.’']*(?: [A-ZĐÀ-Ỹ][\w.’']*){0,3}")


def pair_countries(an: Analysis, actors: Sequence[Actor]) -> list[str]:
    counts = Counter({a.id: len(a.mentions) for a in actors if a.kind == "country"})
    ids = [i for i, _ in counts.most_common()]
    out = [i for i in ids if i == "c-VN"][:1]
    out += [i for i in ids if i != "c-VN"][: 2 - len(out)]
    return out


_pair_cache: tuple[int, Any, dict[str, str]] | None = None


def pair_short(an: Analysis) -> list[tuple[int, int, str]]:
    global _pair_cache
    if "-" not in an.view:
        return []
    if _pair_cache is None or _pair_cache[0] != lexicon.version():
        short = lexicon.load("countries").get("pair_short", {})
        alt = "|".join(re.escape(k) for k in sorted(short, key=len, reverse=True)) or "(?!)"
        _pair_cache = (lexicon.version(), re.compile(rf"(?<!\w)({alt})\s*-\s*({alt})(?!\w)"), short)
    _, rx, short = _pair_cache
    out: list[tuple[int, int, str]] = []
    view = an.view
    i = view.find("-")
    while i >= 0:
        # Only the few characters around each hyphen can hold a pair.
        m = rx.search(view, max(0, i - 14), i + 16)
        if m is not None and m.start(1) < i < m.start(2):
            out.append((m.start(1), m.end(1), short[m.group(1)]))
            out.append((m.start(2), m.end(2), short[m.group(2)]))
        i = view.find("-", i + 1)
    return out


def inside_title(view: str, org: tuple[int, int, str], people: Sequence[tuple[int, int, str]]) -> bool:
    """Whether an organization belongs to the office of a person named right after it."""
    nxt = next((m for m in people if m[0] >= org[1]), None)
    return nxt is not None and nxt[0] - org[1] < 80 and not _COMMA_RE.search(view, org[1], nxt[0])


def title_only(an: Analysis, actors: Sequence[Actor]) -> list[tuple[int, int, str]]:
    """Titles standing for a person named elsewhere (``Tổng Bí thư đề nghị``)."""
    out = []
    persons = [a for a in actors if a.kind == "person"]
    holders: dict[tuple[str, str | None], str | None] = {}  # a text repeats its titles
    for s, e, title, country in an.title_only:
        key = (title, country)
        if key not in holders:
            found = [
                a
                for a in persons
                if any(t == title or t.startswith(title + " ") for t in a.titles)
                and (country is None or a.country == country)
            ]
            holders[key] = found[0].id if len(found) == 1 else None
        holder = holders[key]
        if holder is not None:
            out.append((s, e, holder))
    return out


# Offices that lead a state: "the leader of Russia" is the one person of Russia holding one.
_LEADER_TITLES = (
    "Tổng thống",
    "Chủ tịch nước",
    "Chủ tịch",
    "Thủ tướng",
    "Tổng Bí thư",
    "Quốc vương",
    "Nhà vua",
    "Thủ tướng Chính phủ",
)
_LISTED_STATES_RE = re.compile(r"\s*(?:,|và)\s*")  # between two states of a list
_LEADERS_RE = re.compile(r"\b(?:[Cc]ác\s+|[Hh]ai\s+)?(?:nhà\s+)?lãnh đạo\s+(?:cấp cao\s+)?(?:của\s+)?$")
_LEADER = "lãnh đạo"  # what every match of `_LEADERS_RE` holds


def leaders_named(an: Analysis, actors: Sequence[Actor]) -> list[tuple[int, int, str]]:
    """States' leaders told by their states (``Các nhà lãnh đạo Nga và Trung Quốc``), as person mentions.

    Each state named right after ``lãnh đạo`` (and the states joined to it by ``và`` or a
    comma) stands for the one person of that state whose office leads it, when the
    document names exactly one; a state whose leader the document never names takes part
    itself.
    """
    view = an.view
    # Where "lãnh đạo" stands: most texts have none (one plain search decides), and a
    # state can follow it only within 40 characters.
    spots = []
    at = view.find(_LEADER)
    while at >= 0:
        spots.append(at)
        at = view.find(_LEADER, at + 1)
    if not spots:
        return []
    leaders: dict[str, list[str]] = {}
    for a in actors:
        if a.kind == "person" and a.country and any(t in _LEADER_TITLES for t in a.titles):
            leaders.setdefault(a.country, []).append(a.id)

    def lead_before(pos: int) -> re.Match[str] | None:
        """``_LEADERS_RE.search(view, max(0, pos - 40), pos)``, run only where "lãnh đạo" fits in."""
        lo = max(0, pos - 40)
        k = bisect.bisect_left(spots, lo)
        if k == len(spots) or spots[k] > pos - len(_LEADER):
            return None
        return _LEADERS_RE.search(view, lo, pos)

    out = []
    countries = sorted(an.countries)
    for k, (s, e, code) in enumerate(countries):
        lead = lead_before(s)
        j = k
        while lead is None and j > 0 and _LISTED_STATES_RE.fullmatch(view, countries[j - 1][1], countries[j][0]):
            j -= 1
            lead = lead_before(countries[j][0])
        ids = leaders.get(code, [])
        if lead is not None and len(ids) == 1:
            out.append((s, e, ids[0]))
        elif lead is not None and not ids:
            out.append((s, e, "c-" + code))  # leaders the document never names: their state takes part
    return out


_DELEGATION_RE = re.compile(r"\b[Đđ]oàn\b[^.;]{0,160}?\bdo\s+[^.;,]{0,80}$")

_HEAD_AFTER_RE = re.compile(r"^[^.;,]{0,12}?\b(?:dẫn đầu|làm Trưởng đoàn|làm trưởng đoàn)\b")


def delegation_heads(view: str, pmentions: Sequence[tuple[int, int, str]]) -> list[tuple[int, str]]:
    """Heads of delegations (``Đoàn ... do X dẫn đầu``), by offset: they are the visitors."""
    out: list[tuple[int, str]] = []
    if "oàn" not in view:
        return out  # no "Đoàn"/"đoàn": no delegation
    for s, e, aid in pmentions:
        if (
            view.find("do", max(0, s - 170), s) >= 0
            and _DELEGATION_RE.search(view, max(0, s - 170), s)
            and (_HEAD_AFTER_RE.match(view[e : e + 80]) or _LED_BY_RE.match(view[e : e + 90]))
        ):
            out.append((s, aid))
    return out


def visitors(
    view: str,
    in_clause: Sequence[tuple[int, int, str]],
    ts: int,
    te: int,
    c_start: int,
    heads: Sequence[tuple[int, str]],
    person_country: dict[str, str | None],
    place_country: dict[tuple[int, int], str],
    subject: Sequence[str],
) -> list[str]:
    """The visitor of a visit trigger.

    ``chuyến thăm ... của X`` names X; a delegation (``Đoàn``) means its head; ``đang
    thăm`` after a name means that person; otherwise the clause's subject, then the
    nearest person before, then after. A person of the destination state is no visitor.
    """
    dest = None
    m = _VISIT_WORDS_RE.match(view[te : te + 80])
    j = te + (m.end() if m else 0)
    for (s, _e), code in place_country.items():
        if s == j:
            dest = code
            break

    def ok(aid: str) -> bool:
        return dest is None or person_country.get(aid) != dest

    after = [m_ for m_ in in_clause if m_[0] >= te]
    if _OF_DELEGATION_RE.match(view[te : te + 60]):
        prior = [aid for s, aid in heads if s < ts] or [aid for _, aid in heads[:1]]
        return [prior[-1]] if prior else []
    if _DELEGATION_BEFORE_RE.search(view[max(c_start, ts - 80) : ts]):
        prior = [aid for s, aid in heads if s < ts] or [aid for _, aid in heads[:1]]
        if prior:
            return [prior[-1]]
    if after:
        between = view[te : after[0][0]]
        if _OF_RE.search(between) and "lời mời" not in between and len(between) < 80 and ok(after[0][2]):
            return [after[0][2]]
    before = [m_ for m_ in in_clause if m_[1] <= ts and "lời mời" not in view[m_[1] : ts]]
    before = [m_ for m_ in before if not _INVITATION_OF_RE.search(view[max(c_start, m_[0] - 40) : m_[0]]) and ok(m_[2])]
    if before and _NOW_AT_RE.search(view[max(0, ts - 10) : ts]):
        return [before[-1][2]]
    if before:
        return [before[-1][2]]
    for aid in subject:
        if ok(aid):
            return [aid]
    after = [m_ for m_ in after if not _INVITATION_RE.search(view[te : m_[0]]) and ok(m_[2])]
    return [after[0][2]] if after else []


def location(an: Analysis, kind: str, ts: int, te: int, c_start: int, c_end: int) -> str | None:
    view = an.view
    if kind == "visit":
        j = te
        m = _DESTINATION_WORDS_RE.match(view[j:c_end])
        if m:
            j += m.end()
        for s, e, _ in an.countries + an.places:
            if s == j:
                return an.text[s:e]
        m2 = _PLACE_NAME_RE.match(view[j:c_end])
        if m2 and m2.group(0) not in ("Đoàn",):
            # "Cộng hòa Belarus": lowercase syllables inside a name keep it whole
            return an.text[j : max(j + m2.end(), _capitalised_phrase_end(view, j, c_end))]
    best = None
    for m in _LOCATION_RE.finditer(view, c_start, c_end):
        if best is None or abs(m.start() - ts) < abs(best.start() - ts):
            best = m
    if best is None:
        return None
    start = best.start(1) if best.group(1) else best.end()
    end = _capitalised_phrase_end(view, best.end(), c_end)
    if end <= best.end():
        return None
    return an.text[start:end]


def _capitalised_phrase_end(view: str, pos: int, limit: int) -> int:
    """End of a name-like phrase: capitalised words, with lowercase syllables inside."""
    end = pos
    prev_cap = False
    toks = list(_LOC_TOKEN_RE.finditer(view, pos, min(limit, pos + 60)))
    for n, m in enumerate(toks):
        tok = m.group(0)
        if tok[0].isupper():
            prev_cap = True
            end = m.end()
            continue
        nxt = toks[n + 1].group(0) if n + 1 < len(toks) else ""
        if (
            tok[0].isalpha()
            and prev_cap
            and (nxt[:1].isupper() or not nxt[:1].isalpha())
            and tok not in ("và", "của", "do", "nhân", "theo", "với")
        ):
            end = m.end()
            prev_cap = False
            continue
        if tok == "-" and nxt[:1].isupper():
            continue
        break
    return end


def visit_level(view: str, te: int, levels: Sequence[str]) -> str | None:
    rest = view[te : te + 40].lstrip()
    for lv in sorted(levels, key=len, reverse=True):
        if rest.startswith(lv):
            return lv
    return None


# What ends the object of a meeting verb: a comma, or a new clause ("sau khi", "và nói").
_OBJECT_END_RE = re.compile(r"[,;]|\b(?:sau khi|trước khi|khi|trong khi|nói|cho rằng|cho biết|chỉ trích)\b")


def object_of(view: str, te: int, pos: int) -> bool:
    """Whether an organization at ``pos`` is what the meeting verb ending at ``te`` met."""
    return pos - te <= 80 and not _OBJECT_END_RE.search(view, te, pos)
