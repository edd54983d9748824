"""Events: calls, talks, meetings, visits, dialogues, agreements, upgrades, ceremonies...

Events are read clause by clause from trigger words (``event_triggers`` lexicon) that
the lexicon scan already found, so a sentence without a trigger costs nothing. For each
trigger the clause gives the participants (persons named there, organizations, or the
two states when states act as such), the nearest date that no other trigger stands
between, a location (``tại ...``, or a visit's destination) and a visit's level.
Wishes, invitations and undated plans are skipped; repeated mentions of one occurrence
merge, keeping every sentence as evidence.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

import attrs

from ..models import Actor, Event, PartialDate, Span
from . import lexicon
from .analysis import Analysis
from .names import is_cap
from .text import UPPER, clauses

__all__ = ["find_events"]

_PAIR_WORDS_RE = re.compile(r"\b(?:hai nước|hai bên|song phương|hai quốc gia|hai Chính phủ|giữa hai)\b")
_ANNIVERSARY_RE = re.compile(
    r"(?:kỷ niệm|tròn|sau|với bề dày)\s+(?:\d+|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|nửa)\s+"
    r"(?:năm|thập kỷ|thế kỷ)\s*(?:ngày\s+|Ngày\s+)?(?:[\w\-]+\s+){0,8}$"
)
_LOCATION_RE = re.compile(rf"\btại\s+((?:trụ sở|thủ đô|thành phố|số \d+ phố|khu)\s+)?(?=[{UPPER}])")
_LOC_TOKEN_RE = re.compile(r"[\w’'.]+|[^\w\s]")
_ANAPHORA_RE = re.compile(
    r"\b(?:[Hh]ai bên|[Hh]ai nhà lãnh đạo|[Hh]ai lãnh đạo|[Hh]ai Chủ tịch|[Hh]ai Thủ tướng|[Hh]ai Bộ trưởng)\b"
)
_BETWEEN_RE = re.compile(r"\s+(?:\w+\s+){0,3}?giữa\s")
_COUNTERPART_RE = re.compile(r"\b(?:người đồng cấp|người đồng nhiệm|phía [A-ZĐ])")
_PLURAL_RE = re.compile(r"\b(?:các|những)\s+(?:(?:cuộc|buổi)\s*)?$")
_TWO_PARTY = frozenset({"phone_call", "talks", "meeting"})
_STATE_KINDS = frozenset({"dialogue", "relationship_upgrade", "normalization", "agreement"})
_SITE_RE = re.compile(
    r"\s+(?:(?:đến|tới)\s+)?(?:Đại sứ quán|Khu|Lăng|Bảo tàng|Nhà máy|Trường|Đại học|Công ty|Tập đoàn|"
    r"Khu công nghiệp|Nhà tưởng niệm|Đền|Chùa|Làng|Tượng đài|Di tích|khu|nhà máy|trường|cơ sở|trụ sở|"
    r"các|một số)\b"
)
_HABITUAL_RE = re.compile(r"[^.;,]{0,30}\b(?:thường xuyên|nhiều lần|hằng năm|hàng năm|định kỳ)\b")
_INVITE_RE = re.compile(r"(?<!lời )\b(?:mời|đề nghị|mong muốn|hy vọng|hi vọng|kêu gọi|sẵn sàng)\b")
_SAME_DAY_RE = re.compile(r"\b(?:[Cc]ùng ngày|[Tt]rong ngày|[Ss]au đó|[Tt]iếp đó|[Nn]gay sau)\b")
_INHERIT = frozenset({"ceremony", "conference", "talks", "meeting", "speech", "phone_call"})
_UNDATED_DROP = frozenset({"relationship_upgrade", "normalization"})


@attrs.define(kw_only=True)
class _Draft:
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


def _config() -> dict[str, Any]:
    data: dict[str, Any] = lexicon.load("event_triggers")
    return data


def _codes() -> dict[str, Any]:
    codes: dict[str, Any] = lexicon.load("event_codes").get("codes", {})
    return codes


def _words_before(view: str, start: int, lo: int, n: int = 6) -> str:
    return " ".join(view[max(lo, start - 60) : start].split()[-n:])


def _has_word(hay: str, words: Sequence[str]) -> bool:
    for w in words:
        i = hay.find(w)
        while i >= 0:
            before_ok = i == 0 or not hay[i - 1].isalnum()
            after = i + len(w)
            after_ok = after >= len(hay) or not hay[after].isalnum()
            if before_ok and after_ok:
                return True
            i = hay.find(w, i + 1)
    return False


def _pair_countries(an: Analysis, actors: Sequence[Actor]) -> list[str]:
    counts = Counter({a.id: len(a.mentions) for a in actors if a.kind == "country"})
    ids = [i for i, _ in counts.most_common()]
    out = [i for i in ids if i == "c-VN"][:1]
    out += [i for i in ids if i != "c-VN"][: 2 - len(out)]
    return out


_pair_cache: tuple[int, Any, dict[str, str]] | None = None


def _pair_short(an: Analysis) -> list[tuple[int, int, str]]:
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


def find_events(
    an: Analysis,
    sentences: Sequence[tuple[int, int]],
    actors: Sequence[Actor],
    mentions: dict[str, list[tuple[int, int]]],
    dates: Sequence[Any],
) -> list[Event]:
    """Find the events of a document.

    Args:
        an: the lexicon analysis of the text (from `analyse`).
        sentences: sentence offsets.
        actors: the document's actors (ids are used as participants).
        mentions: per actor id, the offsets of its mentions.
        dates: the dates found in the text (``DateMention`` objects, by offset).

    Returns:
        Events with ids ``e1``..., in order of first mention.
    """
    if not an.triggers or not sentences:
        return []
    cfg = _config()
    view = an.view
    persons_by_id = {a.id: a for a in actors if a.kind == "person"}
    # Mentions by offset: persons, then names' titles standing alone, orgs, countries.
    pmentions = sorted((s, e, aid) for aid, spans in mentions.items() if aid.startswith("p") for s, e in spans)
    pmentions += _title_only(an, actors)
    pmentions.sort()
    omentions = sorted((s, e, aid) for aid, spans in mentions.items() if aid.startswith("o") for s, e in spans)
    cmentions = sorted((s, e, aid) for aid, spans in mentions.items() if aid.startswith("c-") for s, e in spans)
    cmentions += [(s, e, "c-" + code) for s, e, code in _pair_short(an)]
    cmentions.sort()
    pair = _pair_countries(an, actors)
    date_list = sorted(dates, key=lambda d: d.start)
    date_starts = [d.start for d in date_list]
    trig_starts = [t[0] for t in an.triggers]
    blockers = cfg.get("blockers_before", [])
    future = cfg.get("future_markers", [])
    future_after = cfg.get("future_after", [])
    cancel = cfg.get("cancel_after", [])
    nouns = cfg.get("agreement_nouns", [])
    levels = cfg.get("visit_levels", [])
    drafts: list[_Draft] = []
    heads = _delegation_heads(view, pmentions)
    sent_starts = [s for s, _ in sentences]
    valid: list[tuple[int, int, dict[str, Any]]] = []
    for t in an.triggers:
        if _trigger_ok(an, t, blockers, nouns):
            valid.append(t)
    valid_starts = [t[0] for t in valid if t[2]["kind"] != "conference"]  # "bên lề Hội nghị G20 hôm 7/7"
    del trig_starts
    person_country = {a.id: a.country for a in actors if a.kind == "person"}
    place_country = {(s, e): code for s, e, code in an.countries + an.places}
    for ts, te, spec in valid:
        si = bisect.bisect_right(sent_starts, ts) - 1
        if si < 0 or ts >= sentences[si][1]:
            continue
        s_start, s_end = sentences[si]
        c_start, c_end = s_start, s_end
        for cs, ce in clauses(an.text, s_start, s_end):
            if cs <= ts < ce:
                c_start, c_end = cs, ce
                break
        kind = spec["kind"]
        if kind == "visit" and _SITE_RE.match(view, te):
            continue  # a site within a visit: "thăm Khu di tích ...", "thăm Nhà máy ..."
        before = _words_before(view, ts, c_start)
        date = _nearest_date(view, date_list, date_starts, valid_starts, ts, te, c_start, c_end)
        if date is None and kind in _INHERIT:
            date = _nearest_date(view, date_list, date_starts, valid_starts, ts, te, s_start, s_end)
        inherited = None
        if date is None and kind in _INHERIT:
            if _SAME_DAY_RE.search(view, s_start, min(s_end, s_start + 40)):
                inherited = _last_day_before(view, date_list, date_starts, s_start)
            elif si > 0:
                inherited = _sentence_day(date_list, date_starts, sentences[si - 1])
            if inherited is None and drafts and drafts[-1].last_sentence >= si - 2 and drafts[-1].kind in _INHERIT:
                inherited = drafts[-1]
        after = view[te : min(c_end, te + 60)]
        if any(w in after for w in cancel):
            continue
        if (
            spec.get("needs_date") or _has_word(before, future) or any(w in after for w in future_after)
        ) and date is None:
            continue
        if date is None and _INVITE_RE.search(view, c_start, ts):
            continue  # "trân trọng mời X thăm ... và dự Hội nghị": an invitation
        in_clause = [m for m in pmentions if c_start <= m[0] < c_end]
        persons = _dedupe([m[2] for m in in_clause])
        if _anaphoric(view, ts, te, c_start, c_end, in_clause, date_starts):
            explicit = date or (inherited if _SAME_DAY_RE.search(view, s_start, min(s_end, s_start + 40)) else None)
            in_sentence = {m[2] for m in pmentions if s_start <= m[0] < s_end}
            if _attach(drafts, kind, (s_start, s_end), si, explicit, in_sentence):
                continue
            if kind == "talks" and _relabel(drafts, (s_start, s_end), si):
                continue
        subject = [m[2] for m in pmentions if s_start <= m[0] < c_start][:1]
        pairs: list[list[str]] = []
        between = _BETWEEN_RE.match(view, te)
        if between and kind in _TWO_PARTY | {"conference", "dialogue", "agreement"}:
            named = _dedupe([m[2] for m in in_clause if m[0] >= between.end() - 1])
            if len(named) >= 2:
                persons = named
                subject = []
        if kind == "visit":
            persons = _visitors(view, in_clause, ts, te, c_start, heads, person_country, place_country, subject)
        elif kind in _TWO_PARTY and len(persons) < 2:
            if subject and persons:
                pass
            elif not subject:
                subject = [m[2] for m in pmentions if s_start <= m[0] < s_end and m[2] not in persons][:1]
            persons = _dedupe(subject + persons)
            if not persons and _ANAPHORA_RE.search(view, s_start, s_end) and drafts:
                last = next((d for d in reversed(drafts) if d.kind in _TWO_PARTY and len(d.persons) >= 2), None)
                if last is not None and not any(d.kind == kind and set(d.persons) == set(last.persons) for d in drafts):
                    persons = list(last.persons)
        elif kind in _TWO_PARTY and subject and subject[0] not in persons:
            # "X hội đàm với A; hội kiến B và C": one meeting per person met.
            pairs = [[subject[0], p] for p in persons]
        elif kind in _TWO_PARTY and _PLURAL_RE.search(view, max(c_start, ts - 12), ts) and persons:
            # "X đã có các cuộc tiếp A; lãnh đạo B và C": one meeting per party met.
            host = persons[0]
            people_after = [m for m in pmentions if te <= m[0] < s_end]
            orgs_after = [m for m in omentions if te <= m[0] < s_end and not _inside_title(view, m, people_after)]
            met = _dedupe([m[2] for m in people_after] + [m[2] for m in orgs_after])
            pairs = [[host, x] for x in met if x != host]
        elif kind in _TWO_PARTY and len(persons) >= 3:
            # "Điện đàm với X ..., A và B cũng ...": X talked with A and with B.
            with_m = re.match(r"\s+(?:trực tuyến\s+)?với\s", view[te : te + 20])
            first_after = next((m for m in in_clause if m[0] >= te), None)
            if with_m and first_after is not None and all(m[0] >= first_after[0] for m in in_clause):
                pairs = [[first_after[2], p] for p in persons if p != first_after[2]]
        elif not persons and subject and kind in ("conference", "speech", "ceremony"):
            persons = subject
        others: list[str] = []
        if kind in _STATE_KINDS:
            others = _dedupe([m[2] for m in cmentions if c_start <= m[0] < c_end])
            if len(others) < 2 and (_PAIR_WORDS_RE.search(view, c_start, c_end) or kind != "agreement"):
                others = _dedupe(others + pair)
        if kind in ("meeting", "conference", "talks") and len(persons) < 2:
            others = _dedupe(others + [m[2] for m in omentions if c_start <= m[0] < c_end and m[0] > ts])
        if date is None and inherited is not None:
            date = inherited
        for group in pairs or [persons]:
            draft = _Draft(
                kind=kind,
                date=date.date if date is not None else None,
                date_end=date.date_end if date is not None else None,
                persons=group,
                others=others,
                location=_location(an, kind, ts, te, c_start, c_end),
                level=_level(view, te, levels) if kind == "visit" else None,
                evidence=[(s_start, s_end)],
                last_sentence=si,
                counterpart=bool(_COUNTERPART_RE.search(view, c_start, c_end)),
            )
            _add(drafts, draft)
    _fill_years(drafts, date_list)
    codes = _codes()
    events = []
    for n, d in enumerate(drafts, 1):
        code = codes.get(d.kind, {})
        events.append(
            Event(
                id=f"e{n}",
                kind=d.kind,
                date=d.date,
                date_end=d.date_end,
                participants=tuple(_dedupe(d.persons + d.others)),
                location=d.location,
                level=d.level,
                cameo=code.get("cameo"),
                plover=code.get("plover"),
                evidence=tuple(Span.of(an.text, s, e) for s, e in sorted(set(d.evidence))),
            )
        )
    del persons_by_id
    return events


def _fill_years(drafts: Sequence[_Draft], dates: Sequence[Any]) -> None:
    """Give a year-less day the year of a dated mention of the same day (``23/6`` and ``23-26/6/2017``)."""
    known: list[tuple[int, int, int, int]] = []  # (month, first day, last day, year)
    for d in dates:
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


def _inside_title(view: str, org: tuple[int, int, str], people: Sequence[tuple[int, int, str]]) -> bool:
    """Whether an organization belongs to the office of a person named right after it."""
    nxt = next((m for m in people if m[0] >= org[1]), None)
    return nxt is not None and nxt[0] - org[1] < 80 and not re.search(r"[,;]", view[org[1] : nxt[0]])


def _dedupe(items: Sequence[str]) -> list[str]:
    seen: dict[str, None] = {}
    for i in items:
        seen.setdefault(i, None)
    return list(seen)


def _title_only(an: Analysis, actors: Sequence[Actor]) -> list[tuple[int, int, str]]:
    """Titles standing for a person named elsewhere (``Tổng Bí thư đề nghị``)."""
    out = []
    persons = [a for a in actors if a.kind == "person"]
    for s, e, title, country in an.title_only:
        found = [
            a
            for a in persons
            if any(t == title or t.startswith(title + " ") for t in a.titles)
            and (country is None or a.country == country)
        ]
        if len(found) == 1:
            out.append((s, e, found[0].id))
    return out


def _trigger_ok(
    an: Analysis, t: tuple[int, int, dict[str, Any]], blockers: Sequence[str], nouns: Sequence[str]
) -> bool:
    ts, te, spec = t
    view = an.view
    if _HABITUAL_RE.match(view, te):
        return False
    if spec["kind"] in _STATE_KINDS and _ANNIVERSARY_RE.search(view[max(0, ts - 80) : ts]):
        return False
    nxt = view[te : te + 40].lstrip()
    rule = spec.get("next")
    if rule:
        ok = False
        if rule == "actor_or" and any(nxt.startswith(w + " ") or nxt == w for w in spec.get("next_words", [])):
            ok = True
        if not ok:
            word = nxt.split(" ", 1)[0] if nxt else ""
            word = word.strip(",.;:")
            ok = bool(word) and (
                is_cap(word)
                or word[:1].isupper()
                or word in ("ông", "bà", "ngài", "đồng", "đoàn", "cựu", "nguyên", "người", "các", "lãnh", "phái")
            )
        if not ok:
            return False
    before = _words_before(view, ts, 0, 5)
    if spec.get("before") and not _has_word(before, spec["before"]):
        return False
    if _has_word(" ".join(before.split()[-3:]), blockers):
        return False
    if spec["kind"] in ("visit", "agreement", "conference") and _has_word(
        " ".join(before.split()[-3:]), ("các", "những", "nhiều")
    ):
        return False
    if spec.get("object"):
        window = view[max(0, ts - 60) : te + 80]
        if not any(n in window for n in nouns):
            return False
        if _has_word(" ".join(before.split()[-3:]), ("sớm", "sẽ", "đề nghị", "cần", "nhằm", "để")):
            return False
    return True


def _nearest_date(
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
        if re.search(r"(?:đến|tới|tầm nhìn|trước)\s+$", view[max(0, d.start - 8) : d.start]):
            continue
        if _alternate(view, dates, i - 1):
            continue  # "31/5 (rạng sáng 1/6 giờ Hà Nội)": the alternate in brackets
        lo_, hi_ = (d.end, ts) if d.end <= ts else (te, d.start)
        crosses = "," in view[lo_:hi_] or ";" in view[lo_:hi_]
        key = (dist * 2 + 20 if d.end <= ts else dist) + (100000 if crosses else 0)
        if key < best_dist:
            best, best_dist = d, key
    return best


def _sentence_day(dates: Sequence[Any], starts: Sequence[int], sentence: tuple[int, int]) -> Any:
    """The first day-precision date of a sentence (the dateline the next one continues)."""
    i = bisect.bisect_left(starts, sentence[0])
    while i < len(dates) and dates[i].start < sentence[1]:
        if dates[i].precision == "day" and not dates[i].relative:
            return dates[i]
        i += 1
    return None


_DELEGATION_RE = re.compile(r"\b[Đđ]oàn\b[^.;]{0,160}?\bdo\s+[^.;,]{0,80}$")
_HEAD_AFTER_RE = re.compile(r"^[^.;,]{0,12}?\b(?:dẫn đầu|làm Trưởng đoàn|làm trưởng đoàn)\b")


def _delegation_heads(view: str, pmentions: Sequence[tuple[int, int, str]]) -> list[tuple[int, str]]:
    """Heads of delegations (``Đoàn ... do X dẫn đầu``), by offset: they are the visitors."""
    out = []
    for s, e, aid in pmentions:
        if _DELEGATION_RE.search(view, max(0, s - 170), s) and (
            _HEAD_AFTER_RE.match(view[e : e + 80]) or re.match(r"^[^.;]{0,80}?\bdẫn đầu\b", view[e : e + 90])
        ):
            out.append((s, aid))
    return out


_BACKREF_RE = re.compile(
    r"(?:khuôn khổ|thời gian|[Nn]hân dịp|[Nn]hân|[Tt]rong|[Ss]au|[Tt]ại|[Kk]ết thúc|quá trình|[Kk]ết quả|[Qq]ua)\s+"
    r"(?:ở\s+|của\s+)?(?:các\s+|những\s+|cuộc\s+|buổi\s+)?$"
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


def _attach(
    drafts: list[_Draft],
    kind: str,
    evidence: tuple[int, int],
    si: int,
    date: Any = None,
    persons: set[str] | frozenset[str] = frozenset(),
) -> bool:
    """Add a back-reference to the latest event of its kind that shares a person named in the sentence.

    The event also takes the reference's date when it had none.
    """
    for d in reversed(drafts):
        if d.kind == kind and (not persons or persons & set(d.persons)):
            d.evidence.append(evidence)
            d.last_sentence = si
            if d.date is None and date is not None and date.date is not None:
                d.date, d.date_end = date.date, date.date_end
            return True
    return False


def _relabel(drafts: list[_Draft], evidence: tuple[int, int], si: int) -> bool:
    """``Trong cuộc hội đàm`` naming back a meeting told as ``cuộc gặp``: it was talks."""
    for d in reversed(drafts):
        if d.kind == "meeting" and len(d.persons) >= 2:
            d.kind = "talks"
            d.evidence.append(evidence)
            d.last_sentence = si
            return True
    return False


def _alternate(view: str, dates: Sequence[Any], i: int) -> bool:
    """Whether date ``i`` restates the one before it in brackets (``31/5 (1/6 giờ Hà Nội)``)."""
    return i >= 1 and dates[i - 1].end >= dates[i].start - 25 and "(" in view[dates[i - 1].end : dates[i].start]


def _last_day_before(view: str, dates: Sequence[Any], starts: Sequence[int], pos: int) -> Any:
    """The last day-precision date before ``pos`` (what ``Cùng ngày`` refers to)."""
    i = bisect.bisect_left(starts, pos) - 1
    while i >= 0:
        if dates[i].precision == "day" and not dates[i].relative and not _alternate(view, dates, i):
            return dates[i]
        i -= 1
    return None


def _visitors(
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
    m = re.match(
        r"\s*(?:(?:chính thức|cấp Nhà nước|hữu nghị|làm việc|và làm việc|cấp cao|lịch sử|tới|đến|sang|nước)\s*)*",
        view[te : te + 80],
    )
    j = te + (m.end() if m else 0)
    for (s, _e), code in place_country.items():
        if s == j:
            dest = code
            break

    def ok(aid: str) -> bool:
        return dest is None or person_country.get(aid) != dest

    after = [m_ for m_ in in_clause if m_[0] >= te]
    if re.match(r"\s*(?:và làm việc\s+)?(?:[^\s]+\s+){0,3}?của\s+(?:[Đđ]oàn|phái đoàn)\b", view[te : te + 60]):
        prior = [aid for s, aid in heads if s < ts] or [aid for _, aid in heads[:1]]
        return [prior[-1]] if prior else []
    if re.search(r"\b[Đđ]oàn\b[^,.;]{0,60}$", view[max(c_start, ts - 80) : ts]):
        prior = [aid for s, aid in heads if s < ts] or [aid for _, aid in heads[:1]]
        if prior:
            return [prior[-1]]
    if after:
        between = view[te : after[0][0]]
        if re.search(r"\bcủa\b", between) and "lời mời" not in between and len(between) < 80 and ok(after[0][2]):
            return [after[0][2]]
    before = [m_ for m_ in in_clause if m_[1] <= ts and "lời mời" not in view[m_[1] : ts]]
    before = [
        m_ for m_ in before if not re.search(r"lời mời của\s*$", view[max(c_start, m_[0] - 40) : m_[0]]) and ok(m_[2])
    ]
    if before and re.search(r"\b(?:đang|đang ở)\s+$", view[max(0, ts - 10) : ts]):
        return [before[-1][2]]
    if before:
        return [before[-1][2]]
    for aid in subject:
        if ok(aid):
            return [aid]
    after = [m_ for m_ in after if not re.search(r"lời mời\b", view[te : m_[0]]) and ok(m_[2])]
    return [after[0][2]] if after else []


def _location(an: Analysis, kind: str, ts: int, te: int, c_start: int, c_end: int) -> str | None:
    view = an.view
    if kind == "visit":
        j = te
        m = re.match(
            r"\s*(?:(?:chính thức|cấp Nhà nước|hữu nghị|làm việc|và làm việc|cấp cao|tới|đến|sang|nước)\s*)*",
            view[j:c_end],
        )
        if m:
            j += m.end()
        for s, e, _ in an.countries + an.places:
            if s == j:
                return an.text[s:e]
        m2 = re.match(r"(?:Thủ đô |thủ đô |thành phố )?[A-ZĐÀ-Ỹ][\w.’']*(?: [A-ZĐÀ-Ỹ][\w.’']*){0,3}", view[j:c_end])
        if m2 and m2.group(0) not in ("Đoàn",):
            return an.text[j : j + m2.end()]
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


def _level(view: str, te: int, levels: Sequence[str]) -> str | None:
    rest = view[te : te + 40].lstrip()
    for lv in sorted(levels, key=len, reverse=True):
        if rest.startswith(lv):
            return lv
    return None


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


def _add(drafts: list[_Draft], new: _Draft) -> None:
    """Merge ``new`` into the latest compatible draft, or append it (if it has participants)."""
    for d in reversed(drafts):
        if d.kind != new.kind or not _dates_compatible(d.date, new.date):
            continue
        a, b = set(d.persons), set(new.persons)
        if a and b:
            same = a <= b or b <= a if new.kind in _TWO_PARTY or new.kind == "visit" else bool(a & b)
            if new.kind == "visit":
                same = bool(a & b)
        elif not b:
            same = not new.others or not d.others or bool(set(d.others) & set(new.others))
        else:
            same = False
        if not same:
            continue
        d.persons = _dedupe(d.persons + new.persons)
        d.others = _dedupe(d.others + new.others)
        if d.date is None or (new.date is not None and _more_precise(new.date, d.date)):
            d.date, d.date_end = new.date, new.date_end or d.date_end
        d.date_end = d.date_end or new.date_end
        d.location = d.location or new.location
        d.level = d.level or new.level
        d.evidence += new.evidence
        return
    if not new.persons and not new.others:
        return
    if new.kind in _TWO_PARTY and len(new.persons) + len(new.others) < 2 and not new.counterpart:
        return
    if new.kind in _UNDATED_DROP and new.date is None:
        return
    if new.kind == "conference" and not new.persons and new.date is None:
        return  # "tại các diễn đàn quốc tế": no one named, no date
    drafts.append(new)


def _precision(d: PartialDate) -> int:
    return (d.year is not None) + (d.month is not None) + (d.day is not None)


def _more_precise(a: PartialDate, b: PartialDate) -> bool:
    return _precision(a) > _precision(b)
