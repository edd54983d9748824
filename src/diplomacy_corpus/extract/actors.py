"""Actors: persons, countries and organizations of a document, one actor per entity.

`analyse` scans the text once with every
lexicon and finds the mentions (persons through
`names`); `build_actors`
merges them: short forms (``Biden``, ``ông Phúc``, ``A.Kawada``) resolve to the fullest
name in the document, spelling variants merge, and every mention is kept as a span.
"""

from __future__ import annotations

import bisect
import unicodedata
from functools import lru_cache
from itertools import filterfalse
from operator import itemgetter
from typing import Any

from ..models import Actor, Span, _builder
from . import lexicon
from .analysis import Analysis, PersonMention
from .latin_names import latin_names
from .names import SHORT_INITIAL_RE, TOKEN_RE, has_vietnamese_letters, is_cap, is_vietnamese_syllable, surnames
from .org_names import generic_orgs
from .person_context import find_persons
from .person_country import fill_countries

__all__ = ["Analysis", "PersonMention", "analyse", "build_actors"]

_CUES = frozenset({"title", "honorific", "counterpart"})
_ACTOR_CATS = frozenset({"country", "org", "place", "trigger"})


def _tokens(view: str, cues: list[int]) -> list[tuple[int, int]]:
    """Tokens of the windows around person cues (the rest of the text needs none).

    A window runs from 40 characters before a cue to 200 after it: room for a chain of
    18 tokens of offices, the name, and an office in apposition after it.
    """
    n = len(view)
    windows: list[list[int]] = []
    for pos in cues:
        a, b = max(0, pos - 40), min(n, pos + 200)
        if windows and a <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], b)
        else:
            windows.append([a, b])
    out: list[tuple[int, int]] = []
    for a, b in windows:
        a = view.rfind(" ", 0, a) + 1 if a > 0 else 0
        end = view.find(" ", b)
        b = n if end < 0 else end
        out += [m.span() for m in TOKEN_RE.finditer(view, a, b)]
    return out


def _split_at(tokens: list[tuple[int, int]], starts: list[int], cuts: list[int]) -> list[tuple[int, int]]:
    """Split tokens (starting at ``starts``) where a lexicon hit starts inside them (``Nam-Hoa Kỳ``)."""
    if not tokens:
        return tokens
    extra: dict[int, list[int]] = {}
    for c in cuts:
        i = bisect.bisect_right(starts, c) - 1
        if i >= 0 and tokens[i][0] < c < tokens[i][1]:
            extra.setdefault(i, []).append(c)
    if not extra:
        return tokens
    out: list[tuple[int, int]] = []
    for i, (s, e) in enumerate(tokens):
        if i not in extra:
            out.append((s, e))
            continue
        prev = s
        for c in sorted(extra[i]):
            if c - 1 > prev:
                out.append((prev, c - 1))  # drop the joining hyphen
            prev = c
        out.append((prev, e))
    return out


_not_before_cache: tuple[int, dict[str, frozenset[str]]] | None = None


def _not_before() -> dict[str, frozenset[str]]:
    """Per one-syllable country name, the words after which it is part of a common word."""
    global _not_before_cache
    if _not_before_cache is None or _not_before_cache[0] != lexicon.version():
        raw = lexicon.load("countries").get("not_before", {})
        _not_before_cache = (lexicon.version(), {k: frozenset(v) for k, v in raw.items()})
    return _not_before_cache[1]


def _common_word(view: str, start: int, end: int) -> bool:
    """Whether a one-syllable country name is part of a common word (``Anh ấy``, ``Ý kiến``)."""
    words = _not_before().get(view[start:end])
    if not words:
        return False
    nxt = view[end : end + 12].split(None, 1)
    return bool(nxt) and nxt[0].strip(",.;:") in words


#: Characters no token holds: a lexicon hit after one of them never starts inside a token.
_SEPARATORS = frozenset(" \n,;:()\"“”")
#: Per set of hit categories: the categories as a tuple, whether it cues a person, whether an actor.
_CATEGORY_INFO: dict[frozenset[str], tuple[tuple[str, ...], bool, bool]] = {}


def _category_info(cats: frozenset[str]) -> tuple[tuple[str, ...], bool, bool]:
    info = _CATEGORY_INFO.get(cats)
    if info is None:
        info = _CATEGORY_INFO[cats] = (tuple(cats), not cats.isdisjoint(_CUES), not cats.isdisjoint(_ACTOR_CATS))
    return info


def analyse(text: str, view: str, masks: list[tuple[int, int]]) -> Analysis:
    """Scan ``view`` once with every lexicon and find the persons it names.

    Args:
        text: the document text (spans index into it).
        view: its `match_view`.
        masks: regions never mined (credits, related news).

    Returns:
        The analysis: tokens, lexicon hits, person mentions, countries, orgs, triggers.
    """
    scanned, heads = lexicon.matcher().scan_with_heads(view)
    an = Analysis(text=text, view=view, tokens=[], hits={}, masks=masks, org_heads=heads)
    hit_spans = an.hit_spans
    cues: list[int] = []
    cuts: list[int] = []
    not_before = _not_before()
    for start, end, entries, cats in scanned:
        names, cue, actor = _CATEGORY_INFO.get(cats) or _category_info(cats)
        hit_spans.append((start, end, names))
        if cue:
            cues.append(start)
        if start and view[start - 1] not in _SEPARATORS:
            cuts.append(start)  # maybe inside a token ("Nam-Hoa Kỳ")
        if not actor or (masks and an.masked(start)):
            continue
        for e in entries:
            category = e.category
            if category == "country":
                if view[start:end] not in not_before or not _common_word(view, start, end):
                    an.countries.append((start, end, e.payload))
            elif category == "org":
                an.orgs.append((start, end, e.payload[0], e.payload[1]))
            elif category == "place":
                an.places.append((start, end, e.payload))
            elif category == "trigger":
                an.triggers.append((start, end, e.payload))
    if cues:
        tokens = _tokens(view, cues)
        starts = list(map(itemgetter(0), tokens))
        if cuts and tokens:
            split = _split_at(tokens, starts, cuts)
            if split is not tokens:
                tokens, starts = split, list(map(itemgetter(0), split))
        an.tokens = tokens
        size = len(starts)
        if size:
            hits = an.hits
            for start, end, entries, _ in scanned:
                i = bisect.bisect_left(starts, start)
                if i < size and starts[i] == start:  # the hit starts a token: index it by the token
                    hits[i] = (bisect.bisect_left(starts, end, i), end, entries)
    find_persons(an)
    latin_names(an)
    generic_orgs(an)
    return an


# --------------------------------------------------------------------------- actors

# Actors and their mention spans are made from values valid by construction: no
# validators, no frozen __setattr__ (see `models._builder`).
_actor = _builder(Actor)
_span = _builder(Span)


def _spans(text: str, offsets: list[tuple[int, int]]) -> tuple[Span, ...]:
    """``Span.of(text, s, e)`` for each ``(s, e)`` of ``offsets`` (offsets of mentions, valid)."""
    return tuple([_span(s, e, text[s:e]) for s, e in offsets])


@lru_cache(maxsize=16384)
def _key(name: str) -> str:
    """The key persons are merged by: no diacritics, ``’`` as ``'``, casefolded (cached: a pure word function)."""
    decomposed = unicodedata.normalize("NFD", name.replace("’", "'"))
    return "".join(filterfalse(unicodedata.combining, decomposed)).casefold()


def _commonest(codes: list[str]) -> list[str]:
    """The distinct codes, commonest first, ties in order of first mention (as `Counter.most_common`)."""
    counts: dict[str, int] = {}
    for code in codes:
        counts[code] = counts.get(code, 0) + 1
    return sorted(counts, key=counts.__getitem__, reverse=True)


def build_actors(an: Analysis) -> tuple[list[Actor], dict[str, list[tuple[int, int]]]]:
    """Merge mentions into actors (one per entity) and resolve short forms.

    Returns:
        The actors (persons ``p1``..., organizations ``o1``..., countries ``c-XX``) and,
        per actor id, the ``(start, end)`` offsets of its mentions.
    """
    text, view = an.text, an.view
    foreign = [c for c in _commonest([c for _, _, c in an.countries]) if c != "VN"]

    people: dict[str, dict[str, Any]] = {}
    order: list[str] = []
    shorts: list[PersonMention] = []

    def person_for(name: str) -> dict[str, Any]:
        k = _key(name)
        if k not in people:
            people[k] = {"name": name, "titles": [], "country": None, "mentions": [], "aliases": set(), "kinds": set()}
            order.append(k)
        return people[k]

    for pm in an.persons:
        if pm.kind == "short":
            shorts.append(pm)
            continue
        p = person_for(pm.name)
        _absorb(p, pm)
    # A full name that ends another full name ("Lazo Hernandez" in "Esteban Lazo Hernandez").
    keys = list(order)
    for k in keys:
        if len(k.split()) < 2:
            continue  # a one-word key ends no other name here
        tail = " " + k
        for other in keys:
            if other.endswith(tail) and other != k and other in people and k in people:
                _merge_into(people[other], people.pop(k))
                order.remove(k)
                break
    _merge_spelling_variants(people, order)
    # Short forms: "Biden", "ông Phúc", "A.Kawada", "Thủ tướng Medvedev".
    for pm in shorts:
        target = _resolve_short(pm.name, people, order)
        if target is None and not is_vietnamese_syllable(pm.name):
            target = _full_name_in_text(pm.name, an, people, order)
        if target is None:
            if is_vietnamese_syllable(pm.name) or (not pm.titles and not pm.counterpart):
                continue
            p = person_for(pm.name)
        else:
            p = people[target]
        _absorb(p, pm)
        if pm.name != p["name"]:
            p["aliases"].add(pm.name)
    # Every further occurrence of a full name or of a foreign family name.
    _more_mentions(an, people, order)
    # Counterparts borrow the office of the other side.
    fill_countries(an, people, order, foreign)
    actors: list[Actor] = []
    mentions: dict[str, list[tuple[int, int]]] = {}
    for n_, k in enumerate(order, 1):
        p = people[k]
        country = p["country"]
        pid = f"p{n_}"
        spans = sorted(set(p["mentions"]))
        mentions[pid] = spans
        actors.append(
            _actor(
                id=pid,
                name=p["name"],
                kind="person",
                country=country,
                titles=_fullest_titles(p["titles"]),
                aliases=tuple(sorted(a for a in p["aliases"] if a != p["name"])),
                mentions=_spans(text, spans),
            )
        )
    org_spans: dict[str, list[tuple[int, int]]] = {}
    org_names: dict[str, str] = {}
    for s, e, oid, name in an.orgs:
        org_spans.setdefault(oid, []).append((s, e))
        org_names.setdefault(oid, name)
    for n_, (oid, spans) in enumerate(org_spans.items(), 1):
        aid = f"o{n_}"
        mentions[aid] = spans
        actors.append(_actor(id=aid, name=org_names[oid], kind="organization", mentions=_spans(text, spans)))
    person_spans = sorted([s for p in people.values() for s in p["mentions"]])
    by_code: dict[str, list[tuple[int, int]]] = {}
    for s, e, code in an.countries:
        i = bisect.bisect_right(person_spans, (s, 1 << 62)) - 1
        if i >= 0 and person_spans[i][0] <= s < person_spans[i][1]:
            continue
        by_code.setdefault(code, []).append((s, e))
    names = lexicon.load("countries").get("countries", {})
    for code, spans in by_code.items():
        aid = f"c-{code}"
        mentions[aid] = spans
        name = names.get(code, [code])[0]
        actors.append(_actor(id=aid, name=name, kind="country", country=code, mentions=_spans(text, spans)))
    del view
    return actors, mentions


def _close(a: str, b: str) -> bool:
    """Whether two names differ by at most one edit or one swap per 8 letters (``Adibi``/``Abidi``)."""
    if abs(len(a) - len(b)) > 2 or min(len(a), len(b)) < 8:
        return False
    limit = 1 + len(a) // 12
    # Each edit adds or drops at most one letter of either side, so a name with more letters
    # the other lacks than edits allowed (one more for a swap) is not close: no table to fill.
    letters_a, letters_b = set(a), set(b)
    if len(letters_a - letters_b) > limit + 1 or len(letters_b - letters_a) > limit + 1:
        return False
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
        if min(cur) > limit + 1:
            return False
        prev = cur
    return prev[-1] <= limit + (1 if sorted(a) == sorted(b) else 0)


def _merge_spelling_variants(people: dict[str, dict[str, Any]], order: list[str]) -> None:
    """One person written two ways (``Saleh Adibi``/``Saleh Abidi``): merge into the commoner."""
    keys = [k for k in order if k in people and " " in k]
    if len(keys) < 2:
        return  # (before the syllable test, which can only drop keys)
    keys = [k for k in keys if not all(map(is_vietnamese_syllable, k.split()))]
    if len(keys) < 2:
        return
    initial = {k: k.split()[0][:1] for k in keys}
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            if (
                a in people
                and b in people
                and initial[a] == initial[b]
                and _close(a.replace("-", " "), b.replace("-", " "))
            ):
                keep, drop = (a, b) if len(people[a]["mentions"]) >= len(people[b]["mentions"]) else (b, a)
                _merge_into(people[keep], people.pop(drop))
                order.remove(drop)


def _absorb(p: dict[str, Any], pm: PersonMention) -> None:
    p["mentions"].append((pm.start, pm.end))
    p["kinds"].add(pm.kind)
    for t in pm.titles:
        if t not in p["titles"]:
            p["titles"].append(t)
    if pm.country and (p["country"] is None or (pm.explicit_country and not p.get("explicit"))):
        p["country"] = pm.country
        p["explicit"] = pm.explicit_country
    if pm.counterpart:
        p["counterpart"] = True


def _merge_into(p: dict[str, Any], q: dict[str, Any]) -> None:
    p["mentions"] += q["mentions"]
    p["aliases"] |= q["aliases"] | {q["name"]}
    for t in q["titles"]:
        if t not in p["titles"]:
            p["titles"].append(t)
    p["country"] = p["country"] or q["country"]


def _resolve_short(form: str, people: dict[str, dict[str, Any]], order: list[str]) -> str | None:
    m = SHORT_INITIAL_RE.match(form)
    initial, last = (m.group(1), m.group(2)) if m else (None, form)
    k = _key(last)
    found = [key for key in order if key in people and (key == k or key.endswith(" " + k))]
    if initial is not None:
        found = [key for key in found if key.startswith(initial.casefold())] or found
    if not found and initial is None:
        # Family name first ("Moon" for "Moon Jae-in", "Kim" for "Kim Jong-un"): a hyphenated given name.
        found = [key for key in order if key in people and key.startswith(k + " ") and "-" in key]
    return found[0] if len(found) == 1 else None


def _full_name_in_text(form: str, an: Analysis, people: dict[str, dict[str, Any]], order: list[str]) -> str | None:
    """Find ``First Last`` in the text for a short form ``Last`` (or ``F.Last``)."""
    m = SHORT_INITIAL_RE.match(form)
    last = m.group(2) if m else form
    view = an.view
    never = surnames()[1]
    i = view.find(" " + last)
    while i >= 0:
        end = i + 1 + len(last)
        if end < len(view) and (view[end].isalnum() or view[end] in "'’"):
            i = view.find(" " + last, end)
            continue
        words = view[max(0, i - 40) : i].split(" ")[-2:]
        while words and (not is_cap(words[0]) or words[0] in never or has_vietnamese_letters(words[0])):
            words.pop(0)
        if words and all(is_cap(w) and w.isalpha() for w in words) and not an.masked(i):
            start = i - len(" ".join(words))
            if not an.overlaps_hit(start, i, "country", "org", "place", "title"):
                name = an.text[start:end]
                k = _key(name)
                if k not in people:
                    people[k] = {
                        "name": name,
                        "titles": [],
                        "country": None,
                        "mentions": [(start, end)],
                        "aliases": set(),
                        "kinds": {"foreign"},
                    }
                    order.append(k)
                return k
        i = view.find(" " + last, end)
    return None


def _more_mentions(an: Analysis, people: dict[str, dict[str, Any]], order: list[str]) -> None:
    forms: dict[str, str] = {}
    for k in order:
        p = people.get(k)
        if p is None:
            continue
        name = p["name"]
        forms.setdefault(name, k)
        words = name.split()
        if len(words) >= 2 and not is_vietnamese_syllable(words[-1]):
            forms.setdefault(words[-1], k)
    if not forms:
        return
    covered = sorted({s for p in people.values() for s in p["mentions"]})
    text = an.text
    n = len(text)
    found: list[tuple[int, int, str]] = []  # (start, -end, form)
    for form in sorted(forms, key=len, reverse=True):
        size = len(form)
        i = text.find(form)
        while i >= 0:
            e = i + size
            if (i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "'’")) and (
                e >= n or not (text[e].isalnum() or text[e] in "'’")
            ):
                found.append((i, -e, form))
            i = text.find(form, e)
    masked = an.masked
    # (start, -end, form) is unique per occurrence (one form per text slice), so sorting
    # the tuples orders leftmost first, longest first, without a key function.
    for s, neg_e, form in sorted(found):
        # A span already taken is covered too: the covered span starting last by ``s`` holds it.
        j = bisect.bisect_right(covered, (s, 1 << 62)) - 1
        if (j >= 0 and covered[j][0] <= s < covered[j][1]) or masked(s):
            continue
        e = -neg_e
        p = people[forms[form]]
        p["mentions"].append((s, e))
        bisect.insort(covered, (s, e))
        if form != p["name"]:
            p["aliases"].add(form)


def _fullest_titles(titles: list[str]) -> tuple[str, ...]:
    """Drop a title that only shortens another one of the same person.

    ``Bộ trưởng`` said later of a ``Bộ trưởng Ngoại giao`` is the same office, not a
    second one; different offices (``Phó Thủ tướng``, ``Bộ trưởng Ngoại giao``) all stay.
    """
    if len(titles) < 2:
        return tuple(titles)
    folded = [t.casefold() for t in titles]
    return tuple(
        t for t, f in zip(titles, folded, strict=True)
        if not any(o != f and o.startswith(f + " ") for o in folded)
    )

