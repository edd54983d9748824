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
import functools
import re
from collections.abc import Callable, Sequence
from typing import Any

import attrs

from ..models import Actor, Event, Span, _builder
from . import lexicon
from .analysis import Analysis
from .event_context import (
    _BACKREF_RE,
    _HIS_RE,
    _INHERIT,
    _PLANNED_LIST_RE,
    _RESULTS_RE,
    _SAME_DAY_RE,
    _WITH_RE,
    _anaphoric,
    _date_after,
    _fronted_host,
    _in_office,
    _inherited,
    _lead_date,
    _outermost,
    _own_parties,
    _pronoun_subject,
    _sender,
    _visiting_state,
)
from .event_dates import (
    announced,
    fill_years,
    is_term,
    listed_dates,
    nearest_date,
)
from .event_gates import STATE_KINDS, gate, has_word, letter_led, lexicon_patterns, signing_told, words_before
from .event_merge import TWO_PARTY, Draft, add_draft, attach, dedupe, drop_anchors, merge_headline, relabel
from .event_participants import (
    delegation_heads,
    inside_title,
    leaders_named,
    location,
    object_of,
    pair_countries,
    pair_short,
    title_only,
    visit_level,
    visitors,
)
from .text import clauses

__all__ = ["find_events"]

_new_event = _builder(Event)  # an Event from values valid by construction (see `_trusted`)

_PAIR_WORDS_RE = re.compile(
    r"\b(?:hai nước|hai bên|song phương|hai quốc gia|hai Chính phủ|giữa hai|hai nhà lãnh đạo|hai lãnh đạo)\b"
)

_ANAPHORA_RE = re.compile(
    r"\b(?:[Hh]ai bên|[Hh]ai nhà lãnh đạo|[Hh]ai lãnh đạo|[Hh]ai Chủ tịch|[Hh]ai Thủ tướng|[Hh]ai Bộ trưởng)\b"
)

_BETWEEN_RE = re.compile(r",?\s+(?:\w+,?\s+){0,3}?giữa\s")

# Searched through whole clauses: the patterns open with a letter, which the regex engine
# skips to, and test the character before it (the '\b' they mean) with a look-behind.
_COUNTERPART_RE = re.compile(r"(?:n(?<!\wn)gười đồng (?:cấp|nhiệm)|p(?<!\wp)hía [A-ZĐ])")

_PLURAL_RE = re.compile(r"\b(?:các|những)\s+(?:(?:cuộc|buổi)\s*)?$")


_SITE_RE = re.compile(
    r"\s+(?:(?:đến|tới)\s+)?(?:Đại sứ quán|Khu|Lăng|Bảo tàng|Nhà máy|Trường|Đại học|Công ty|Tập đoàn|"
    r"Khu công nghiệp|Nhà tưởng niệm|Đền|Chùa|Làng|Tượng đài|Di tích|khu|nhà máy|trường|cơ sở|trụ sở|"
    r"các|một số)\b"
)

_COMPOUND_RE = re.compile(r"\b(?:hội đàm|hội kiến|gặp gỡ|tiếp xúc)(?:,| và)\s+$")

_UNNAMED_MANY_RE = re.compile(
    r"\s+(?:trực tuyến\s+)?với\s+(?:một số|nhiều|các|những|hàng loạt)\s+"
    r"(?:nhà\s+)?(?:lãnh đạo|nguyên thủ|nước|quốc gia)\b"
)

_NOMINAL_RE = re.compile(r"\bviệc\s+(?:[^\s,;]+\s+){0,8}$")

_HE_RE = re.compile(r"(?:^|(?<=\s))(?:Ông|ông|Bà|bà)(?=\s+(?:đã|cũng|từng|là|tham gia|ký|trực tiếp)\b|\s*[,.]|$)")

_INVITED_RE = re.compile(letter_led(["mời"], r"\w", ("lời ", "nhận ")) + r"\s+(?!của\b)")
_PLAN_RE = re.compile(r"\s*(?:Dự kiến|Theo dự kiến|Theo kế hoạch|Theo chương trình|Theo lịch trình)\b")
_INVITE_RE = re.compile(
    letter_led(["mời", "đề nghị", "mong muốn", "hy vọng", "hi vọng", "kêu gọi", "sẵn sàng"], r"\w", ("lời ",)) + r"\b"
)


# A forum word followed by no name of its own: "tại diễn đàn,", "Diễn đàn được tổ chức ...".
_FORUM_BACKREF_RE = re.compile(r"\s*(?:[,.;:]|(?:này|đã|được|diễn ra|là|lần này|năm nay)\b)")


def _instrument(view: str, te: int, end: int, nouns: Sequence[str]) -> str | None:
    """The kind of document signed, told right after the signing verb (``ký Ý định thư``).

    Args:
        nouns: the agreement nouns, lower case.
    """
    head = view[te : min(end, te + 40)].lower()
    found = [(at, n) for n in nouns if (at := head.find(n)) >= 0]
    return min(found)[1] if found else None


@functools.lru_cache(maxsize=8)
def _lowered(nouns: tuple[str, ...]) -> list[str]:
    """The agreement nouns lower-cased, once per lexicon (only signings need them)."""
    return sorted({n.lower() for n in nouns})


def _config() -> dict[str, Any]:
    data: dict[str, Any] = lexicon.load("event_triggers")
    return data


def _codes() -> dict[str, Any]:
    codes: dict[str, Any] = lexicon.load("event_codes").get("codes", {})
    return codes


def find_events(
    an: Analysis,
    sentences: Sequence[tuple[int, int]],
    actors: Sequence[Actor],
    mentions: dict[str, list[tuple[int, int]]],
    dates: Sequence[Any],
    year_dates: Sequence[Any] | Callable[[], Sequence[Any]] = (),
) -> list[Event]:
    """Find the events of a document.

    Args:
        an: the lexicon analysis of the text (from `analyse`).
        sentences: sentence offsets.
        actors: the document's actors (ids are used as participants).
        mentions: per actor id, the offsets of its mentions.
        dates: the dates found in the text (``DateMention`` objects, by offset).
        year_dates: more dates of the document outside its text (photo captions), or
            what finds them (called only when an event has a year-less day); they only
            give a year-less day the year of the same day written in full.

    Returns:
        Events with ids ``e1``..., in order of first mention.
    """
    if not an.triggers or not sentences:
        return []
    # The gates first: most documents have no trigger that passes, and then none of the
    # mentions, pairs and heads below is needed.
    blockers, noun_rx = lexicon_patterns()
    valid = [t for t in an.triggers if gate(an, t, blockers, noun_rx) and not _in_office(an.offices, t[0])]
    if not valid:
        return []
    cfg = _config()
    nouns = cfg.get("agreement_nouns", [])
    view = an.view
    # Mentions by offset: persons, then names' titles standing alone, orgs, countries.
    pmentions = sorted((s, e, aid) for aid, spans in mentions.items() if aid.startswith("p") for s, e in spans)
    pmentions += title_only(an, actors) + leaders_named(an, actors)
    pmentions.sort()
    omentions = _outermost(
        sorted((s, e, aid) for aid, spans in mentions.items() if aid.startswith("o") for s, e in spans)
    )
    # States as participants: only for the state kinds and visits, which most documents lack.
    kinds = {t[2]["kind"] for t in valid}
    states, visits = not kinds.isdisjoint(STATE_KINDS), "visit" in kinds
    cmentions: list[tuple[int, int, str]] = []
    if states or visits:
        cmentions = sorted((s, e, aid) for aid, spans in mentions.items() if aid.startswith("c-") for s, e in spans)
        cmentions += [(s, e, "c-" + code) for s, e, code in pair_short(an)]
        cmentions.sort()
    pair = pair_countries(an, actors) if states else []
    date_list = sorted(dates, key=lambda d: d.start)
    date_starts = [d.start for d in date_list]
    future = cfg.get("future_markers", [])
    future_after = cfg.get("future_after", [])
    cancel = cfg.get("cancel_after", [])
    levels = cfg.get("visit_levels", [])
    drafts: list[Draft] = []
    heads = delegation_heads(view, pmentions) if visits else []
    sent_starts = [s for s, _ in sentences]
    valid_starts = [t[0] for t in valid if t[2]["kind"] != "conference"]  # "bên lề Hội nghị G20 hôm 7/7"
    all_starts = [t[0] for t in valid]
    two_party_starts = [t[0] for t in valid if t[2]["kind"] in TWO_PARTY]
    person_country = {a.id: a.country for a in actors if a.kind == "person"} if visits else {}
    place_country = {(s, e): code for s, e, code in an.countries + an.places} if visits else {}
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
        if kind == "agreement" and not signing_told(view, s_start, c_start, ts):
            continue
        if kind in TWO_PARTY and _UNNAMED_MANY_RE.match(view, te):
            continue  # "đã điện đàm với một số nhà lãnh đạo trên thế giới": no one named, no occasion
        if kind in TWO_PARTY and _COMPOUND_RE.search(view, max(0, ts - 30), ts):
            continue  # "các cuộc hội đàm, hội kiến giữa ...": one occasion told by two words
        before = words_before(view, ts, c_start)
        date = nearest_date(view, date_list, date_starts, valid_starts, ts, te, c_start, c_end)
        if date is None and kind in _INHERIT:
            date = nearest_date(view, date_list, date_starts, valid_starts, ts, te, s_start, s_end)
        if date is None:
            date = _lead_date(date_list, date_starts, all_starts, s_start, s_end, ts)
            if date is not None and is_term(view, date):
                date = None
        if kind in STATE_KINDS and date is not None and date.end <= ts and _NOMINAL_RE.search(view, c_start, ts):
            date = None  # "ngày 23/6, X gửi bức điện ... coi việc hai nước thiết lập quan hệ": the date is X's
        if date is not None and date.end <= ts and announced(view, date.end, ts):
            # "Ngày 29-6, Người phát ngôn ... cho biết, Thủ tướng sẽ thăm ... từ ngày 5 đến 11-7":
            # the date is the announcement's; the visit takes the one told after it, if any.
            date = _date_after(view, date_list, date_starts, te, s_end)
        own_date = date
        inherited = None
        if date is None and kind in _INHERIT:
            told_here = {m[2] for m in pmentions if s_start <= m[0] < s_end}
            inherited = _inherited(view, valid, drafts, date_list, date_starts, sentences, si, ts, kind, told_here)
        after = view[te : min(c_end, te + 60)]
        if any(w in after for w in cancel):
            continue
        planned = (
            has_word(before, future)
            or any(w in after for w in future_after)
            or _PLANNED_LIST_RE.search(view, c_start, ts) is not None
        )
        if (spec.get("needs_date") or planned) and date is None:
            continue
        if planned and date.date.day is None and date.date.year is None:
            continue  # "sẽ tham dự Hội nghị APEC vào tháng 11 tới": a plan for some month, no occasion yet
        if date is None and _INVITE_RE.search(view, c_start, ts):
            continue  # "trân trọng mời X thăm ... và dự Hội nghị": an invitation
        if _INVITED_RE.search(view, c_start, ts):
            continue  # "Macron mời ông Moon đến thăm Paris để hai bên hội đàm": even with a date
        if date is None and _PLAN_RE.match(view, s_start):
            continue  # "Dự kiến, trong chuyến thăm, Thủ tướng sẽ gặp ...": a programme
        in_clause = [m for m in pmentions if c_start <= m[0] < c_end]
        if kind in TWO_PARTY:
            # "chuyển lời mời của Chủ tịch nước X": the sender of a message is not at the meeting
            in_clause = [m for m in in_clause if not _sender(view, m[0], c_start)]
            in_clause = _own_parties(view, in_clause, two_party_starts, ts, te, c_start, c_end)
        persons = dedupe([m[2] for m in in_clause])
        if (
            kind in TWO_PARTY
            and own_date is None
            and _BACKREF_RE.search(view[max(c_start, ts - 30) : ts])
            and attach(drafts, kind, (s_start, s_end), si, persons=set(persons), least=2, join=persons)
        ):
            continue  # "Trong cuộc gặp giữa ông X và ông Y, ...": the occasion of X and Y told before
        if _anaphoric(view, ts, te, c_start, c_end, in_clause, date_starts):
            explicit = date or (inherited if _SAME_DAY_RE.search(view, s_start, min(s_end, s_start + 40)) else None)
            in_sentence = {m[2] for m in pmentions if s_start <= m[0] < s_end}
            if attach(drafts, kind, (s_start, s_end), si, explicit, in_sentence):
                continue
            judged = _RESULTS_RE.search(view, max(0, ts - 16), ts) is not None
            if (
                kind == "talks"
                and not judged
                and relabel(drafts, (s_start, s_end), si, in_sentence, explicit.date if explicit is not None else None)
            ):
                continue
        subject = [m[2] for m in pmentions if s_start <= m[0] < c_start][:1]
        pairs: list[list[str]] = []
        between = _BETWEEN_RE.match(view, te)
        named_between = False
        if between and kind in TWO_PARTY | {"conference", "dialogue", "agreement"}:
            stop = view.find(";", between.end(), s_end)
            stop = min(s_end if stop < 0 else stop, between.end() + 200)
            named = dedupe([m[2] for m in pmentions if between.end() - 1 <= m[0] < stop])
            if len(named) >= 2:
                persons = named
                subject = []
                named_between = kind in TWO_PARTY
        visiting_state: list[str] = []
        if kind == "visit":
            own = _pronoun_subject(view, pmentions, s_start, ts) if _HIS_RE.match(view, te) else None
            state = _visiting_state(view, te, c_end, cmentions, pmentions) if own is None else None
            if state is not None:
                persons, visiting_state = [], [state]  # "chuyến thăm của Nhà vua và Hoàng hậu Nhật Bản"
            else:
                persons = (
                    [own]
                    if own is not None
                    else visitors(view, in_clause, ts, te, c_start, heads, person_country, place_country, subject)
                )
        elif named_between:
            pass  # "các cuộc hội đàm, hội kiến giữa X với Y": X and Y, whoever tells it
        elif kind in TWO_PARTY and len(persons) < 2:
            if subject and persons:
                pass
            elif not subject:
                told = [m for m in pmentions if s_start <= m[0] < s_end and m[2] not in persons]
                subject = [m[2] for m in told if not _sender(view, m[0], s_start)][:1]
            persons = dedupe(subject + persons)
            if not persons and _ANAPHORA_RE.search(view, s_start, s_end) and drafts:
                last = next((d for d in reversed(drafts) if d.kind in TWO_PARTY and len(d.persons) >= 2), None)
                if last is not None and not any(d.kind == kind and set(d.persons) == set(last.persons) for d in drafts):
                    persons = list(last.persons)
        elif kind in TWO_PARTY and subject and subject[0] not in persons:
            # "X hội đàm với A; hội kiến B và C": one meeting per person met. When the
            # trigger names its own counterpart ("cuộc hội đàm với B"), a person told
            # before it in the clause is no party ("thông báo với A kết quả cuộc hội đàm với B").
            counterparts = [m[2] for m in in_clause if m[0] >= te]
            if counterparts and _WITH_RE.match(view, te):
                persons = dedupe(counterparts)
            pairs = [[subject[0], p] for p in persons]
        elif kind in TWO_PARTY and _PLURAL_RE.search(view, max(c_start, ts - 12), ts) and persons:
            # "X đã có các cuộc tiếp A; lãnh đạo B và C": one meeting per party met.
            host = persons[0]
            people_after = [m for m in pmentions if te <= m[0] < s_end]
            fronted = _fronted_host(view, people_after, te) if people_after and host == people_after[0][2] else None
            stop = s_end
            if fronted is not None:
                # "Tại các buổi hội kiến với A, B, Chủ tịch nước X nhấn mạnh ...": X met A and B.
                host, stop = fronted[2], fronted[0]
                people_after = [m for m in people_after if m[0] < stop]
            orgs_after = [m for m in omentions if te <= m[0] < stop and not inside_title(view, m, people_after)]
            met = dedupe([m[2] for m in people_after] + [m[2] for m in orgs_after])
            pairs = [[host, x] for x in met if x != host]
        elif kind in TWO_PARTY and len(persons) >= 3:
            # "Điện đàm với X ..., A và B cũng ...": X talked with A and with B.
            with_m = _WITH_RE.match(view, te)
            first_after = next((m for m in in_clause if m[0] >= te), None)
            if with_m and first_after is not None and all(m[0] >= first_after[0] for m in in_clause):
                pairs = [[first_after[2], p] for p in persons if p != first_after[2]]
            elif with_m and kind == "phone_call" and first_after is not None:
                # "X điện đàm với lãnh đạo Trung Quốc, Nhật Bản": one call per leader called
                callers = dedupe([m[2] for m in in_clause if m[0] < ts])
                called = [p for p in dedupe([m[2] for m in in_clause if m[0] >= te]) if p not in callers]
                if len(callers) == 1 and len(called) >= 2:
                    pairs = [[callers[0], p] for p in called]
        elif not persons and subject and kind in ("conference", "speech", "ceremony"):
            persons = subject
        others: list[str] = list(visiting_state)
        if kind == "agreement" and not persons and _HE_RE.search(view, s_start, ts):
            # "Ông đã tham gia ký kết Hiệp ước ...": the person named just before
            for k in range(si - 1, max(-1, si - 3), -1):
                subj = next((m for m in pmentions if sentences[k][0] <= m[0] < sentences[k][1]), None)
                if subj is not None:
                    persons = [subj[2]]  # the subject of the nearest sentence naming someone
                    break
        if kind in STATE_KINDS:
            others = dedupe([m[2] for m in cmentions if c_start <= m[0] < c_end])
            if len(others) < 2 and (_PAIR_WORDS_RE.search(view, c_start, c_end) or kind != "agreement"):
                others = dedupe(others + pair)
            if len(others) < 2 and kind == "agreement":
                others = dedupe(others + [m[2] for m in cmentions if s_start <= m[0] < s_end])
        if kind in ("meeting", "conference", "talks") and len(persons) < 2:
            met_orgs = [m for m in omentions if c_start <= m[0] < c_end and m[0] > ts and object_of(view, te, m[0])]
            others = dedupe(others + [m[2] for m in met_orgs])
        if date is None and inherited is not None:
            date = inherited
        for group in pairs or [persons]:
            draft = Draft(
                kind=kind,
                date=date.date if date is not None else None,
                date_end=date.date_end if date is not None else None,
                persons=group,
                others=others,
                location=location(an, kind, ts, te, c_start, c_end),
                level=visit_level(view, te, levels) if kind == "visit" else None,
                evidence=[(s_start, s_end)],
                last_sentence=si,
                counterpart=bool(_COUNTERPART_RE.search(view, c_start, c_end)),
                backref=kind == "conference" and own_date is None and bool(_FORUM_BACKREF_RE.match(view, te)),
                instrument=_instrument(view, te, c_end, _lowered(tuple(nouns))) if kind == "agreement" else None,
            )
            add_draft(drafts, draft)
        if kind == "agreement" and date is not None and not pairs and date is not inherited:
            # "ký kết Hiệp ước A năm 1963, Hiệp ước B năm 1968, ...": one signing per dated document
            for extra in listed_dates(view, date_list, date_starts, date, s_end, nouns):
                add_draft(drafts, attrs.evolve(draft, date=extra.date, date_end=extra.date_end, location=None))
    drop_anchors(drafts)
    merge_headline(drafts, sentences[0])
    fill_years(drafts, date_list, year_dates)
    codes = _codes()
    events = []
    span_of = Span.of
    for n, d in enumerate(drafts, 1):
        code = codes.get(d.kind, {})
        events.append(
            _new_event(
                id=f"e{n}",
                kind=d.kind,
                date=d.date,
                date_end=d.date_end,
                participants=tuple(dedupe(d.persons + d.others)),
                location=d.location,
                level=d.level,
                cameo=code.get("cameo"),
                plover=code.get("plover"),
                evidence=tuple([span_of(an.text, s, e) for s, e in sorted(set(d.evidence))]),
            )
        )
    return events
