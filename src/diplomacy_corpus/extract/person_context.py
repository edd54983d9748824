"""Where news names persons: after an office, an honorific, in apposition, or on their own.

Persons are found after an office (``Tổng thống Mỹ Joe Biden``, stacked ``Phó Thủ
tướng, Bộ trưởng Ngoại giao Phạm Bình Minh``), after an honorific (``ông Olivier
Marquette``), after ``người đồng cấp``, with an apposition after the name (``Khaw Boon
Wan, Chủ tịch Đảng ...``), and foreign names in Latin script on their own (``Antony
Blinken``, `latin_names`). `find_persons` records each mention in the `Analysis`;
`actors` merges them. What counts as a name is `names`.
"""

from __future__ import annotations

import re

from .analysis import CONNECTORS, VERBS, Analysis, PersonMention
from .names import (
    is_cap,
    is_particle,
    is_vietnamese_syllable,
    name_kind,
    org_words,
    place_prefixes,
    surnames,
)

__all__ = ["chain", "clean_titles", "find_persons"]

# Institutions named after an office ("Phủ Tổng thống", "Văn phòng Thủ tướng", "Dinh Thống đốc").
# Organizations and places named after a person ("Trung tâm nghiên cứu Woodrow Wilson"); the
# bodies of a government ("Hội đồng Nhà nước", "Văn phòng Thủ tướng") are not.
_NAMED_AFTER = frozenset(
    [
        "Trung tâm",
        "Quỹ",
        "Đại học",
        "Trường",
        "Học viện",
        "Viện",
        "Bệnh viện",
        "Giải",
        "Giải thưởng",
        "Nhà hát",
        "Bảo tàng",
        "Công viên",
        "Thư viện",
        "Tàu",
        "Sân bay",
        "Quảng trường",
        "Đường",
        "Phố",
        "Tượng đài",
        "Lăng",
        "Công ty",
        "Tập đoàn",
        "Hãng",
    ]
)
_NAMED_AFTER_HEADS = frozenset(p.split(" ")[0] for p in _NAMED_AFTER)
# Lowercase words before a place's name in an office ("Thủ hiến bang Hessen", "Thống đốc tỉnh Ibaraki").
_ADMIN = frozenset(["bang", "tỉnh", "thành", "phố", "vùng", "quận", "huyện", "hạt", "đảo", "xứ", "khu", "điện"])
_HOUSES = frozenset(["Phủ", "Văn phòng", "Dinh", "Nhà", "Điện"])
_CHAIN_CATEGORIES = frozenset(["title", "honorific", "counterpart", "country", "org", "place"])
_CUES = frozenset(["title", "honorific", "counterpart"])
_RUN_STOPS = frozenset(["country", "place", "org", "title"])


def _by_last_letter(words: set[str]) -> dict[str, tuple[str, ...]]:
    """Words grouped by their last letter (``g``: ``Lăng``, ``Đường``...)."""
    out: dict[str, tuple[str, ...]] = {}
    for w in sorted(words):
        out[w[-1]] = (*out.get(w[-1], ()), w)
    return out


# The last words of the place prefixes, by their last letter.
_PREFIX_TAILS = _by_last_letter({p.split(" ")[-1] for p in place_prefixes()})


def _hard_gap(gap: str) -> bool:
    return bool(gap.strip()) or "\n" in gap


def _run(an: Analysis, k: int, limit: int) -> int:
    """End (exclusive) of the run of capitalised, non-lexicon tokens starting at ``k``."""
    hits, tokens, view = an.hits, an.tokens, an.view
    if k in hits:
        for e in hits[k][2]:
            if e.category in _RUN_STOPS:
                return k  # a lexicon word: no name starts there
    if k >= limit:
        return k
    first = view[tokens[k][0] : tokens[k][1]]
    if not (is_cap(first) or (is_particle(first) and "-" in first)):
        return k  # (what `_name_word` tells of the first word)
    j = k + 1
    while j < limit:
        start, end = tokens[j]
        if view[tokens[j - 1][1] : start] == " ":
            # After one space `_name_word` takes a capitalised word and reads further only for a particle.
            tok = view[start:end]
            if not is_cap(tok) and not (is_particle(tok) and _name_word(an, k, j)):
                break
        elif not _name_word(an, k, j):
            break
        if j in hits:
            hit = hits[j]
            inside_name = (
                hit[0] == j + 1
                and an.tok(k) in surnames()[0]
                and j - k < 3
                and all(e.category in ("country", "place") for e in hit[2])
                and is_vietnamese_syllable(an.tok(j))
            )
            if not inside_name:
                break
        j += 1
    return j


def _name_word(an: Analysis, k: int, j: int) -> bool:
    """Whether token ``j`` continues the name run that starts at token ``k``.

    A capitalised word joined by a space; a particle between two name words
    (``Bashar al-Assad``, ``Ursula von der Leyen``); a word after an initial and its
    period (``George W. Bush``).
    """
    tok = an.tok(j)
    if j == k:
        return is_cap(tok) or (is_particle(tok) and "-" in tok)
    gap = an.gap(j)
    if _hard_gap(gap):
        prev = an.tok(j - 1)
        return gap == ". " and len(prev) == 1 and prev.isupper() and is_cap(tok)
    if is_cap(tok):
        return True
    if not is_particle(tok):
        return False
    if "-" in tok:  # "al-Assad" is a name word of its own
        return True
    nxt = j + 1
    while nxt < len(an.tokens) and is_particle(an.tok(nxt)) and "-" not in an.tok(nxt) and nxt - j < 3:
        nxt += 1  # "von der Leyen"
    return nxt < len(an.tokens) and is_cap(an.tok(nxt)) and not _hard_gap(an.gap(nxt))


def _qualified_name(an: Analysis, k: int, n: int) -> int | None:
    """Where a foreign name starts after one or two lowercase qualifiers of an office.

    ``Thẩm phán liên bang James Robart``, ``Tổng thống mới Emmanuel Macron``: the words
    are no verb or function word, and a Latin name that cannot be Vietnamese follows.
    """
    for j in (k + 1, k + 2):
        if j >= n:
            return None
        gap = an.gap(j)
        if gap != " " and _hard_gap(gap):
            return None
        prev = an.tok(j - 1)
        if prev in VERBS or prev in CONNECTORS or not prev.isalpha() or prev[:1].isupper():
            return None
        if is_cap(an.tok(j)):
            end = _run(an, j, n)
            nk = name_kind([an.tok(t) for t in range(j, end)], cued=False) if end > j else None
            if nk is None or nk[1] != "foreign" or nk[0] != 0:
                return None
            if prev in _ADMIN and an.tok(j - 2) != "liên":  # "Thủ hiến bang Hessen X" (not "liên bang")
                return j + 1 if nk[2] >= 3 else None
            return j
    return None


def _after_admin(words: list[str]) -> bool:
    """Whether a complement ends in a word before a place's name (``bang``, not ``liên bang``)."""
    return bool(words) and words[-1] in _ADMIN and words[-2:-1] != ["liên"]


def _ends_in_house(words: list[str]) -> bool:
    """Whether an office's complement so far ends in an institution word (``Phủ``, ``Văn phòng``)."""
    return bool(words) and (words[-1] in _HOUSES or " ".join(words[-2:]) in _HOUSES)


def chain(
    an: Analysis, i: int, *, want_name: bool
) -> tuple[list[str], str | None, int, tuple[int, int, str] | None, bool]:
    """Parse titles, complements and countries from token ``i``; then a name if wanted.

    Returns:
        (titles, country, next token index, name as (start token, end token, kind) or None,
        whether the chain began with a counterpart phrase).
    """
    n = len(an.tokens)
    titles: list[str] = []
    country: str | None = None
    place_country: str | None = None
    counterpart = False
    k = i
    comp: list[str] = []
    current: tuple[str, bool] | None = None
    lower_run = 0
    direct = True  # nothing but titles, countries and honorifics since the last title

    def close() -> None:
        if current is not None:
            canon, takes = current
            words = list(comp)
            while (
                len(words) > 1
                and not words[-1][:1].isupper()
                and not (words[-2][:1].isupper() and words[-1] not in CONNECTORS and words[-1] not in VERBS)
            ):
                words.pop()
            if words and not words[-1][:1].isupper() and len(words) == 1:
                words.pop()
            if takes and words and words[0][:1].isupper():
                titles.append(canon + " " + " ".join(words))
            else:
                titles.append(canon)

    hits, tokens, view = an.hits, an.tokens, an.view
    limit = min(n, i + 18)
    while k < limit:
        if k > i and view[tokens[k - 1][1] : tokens[k][0]] != " " and _hard_gap(an.gap(k)):
            g = an.gap(k).strip()
            nxt = an.entry(k, "title")
            if g in {",", "-", "–"} and nxt is not None and "\n" not in an.gap(k):
                pass  # stacked titles: "Phó Thủ tướng, Bộ trưởng Ngoại giao"
            else:
                break
        hit = None
        if k in hits:  # the first entry of a category a chain reads (`Analysis.entry`)
            end, entries = hits[k][0], hits[k][2]
            for e in entries:
                if e.category in _CHAIN_CATEGORIES:
                    hit = end, e
                    break
        if hit is not None:
            end, e = hit
            house = e.category == "title" and current is not None and _ends_in_house(comp) and not _hard_gap(an.gap(k))
            if (
                e.category == "title"
                and lower_run
                and k > i
                and not house
                and not _hard_gap(an.gap(k))
                and an.tok(k - 1) != "kiêm"
            ):
                break  # "... cảm ơn Thủ tướng X": a new chain begins
            if house:
                # "Người phát ngôn Phủ Tổng thống": the office names an institution, not a second office.
                comp.append(an.view[an.tokens[k][0] : an.tokens[end - 1][1]])
                direct = False
            elif e.category == "title":
                close()
                current, comp, lower_run, direct = e.payload, [], 0, True
            elif e.category == "counterpart":
                close()
                current, comp, direct, counterpart = None, [], True, True
            elif e.category == "honorific":
                direct = True
                if want_name:
                    j = _run(an, end, n)
                    if j > end:
                        nk = name_kind([view[s:e] for s, e in tokens[end:j]], cued=True)
                        if nk is not None:
                            close()
                            return (
                                titles,
                                country or place_country,
                                end + nk[2],
                                (end + nk[0], end + nk[2], nk[1]),
                                counterpart,
                            )
                    close()
                    return titles, country or place_country, end, None, counterpart
            elif e.category == "country":
                country = e.payload
            elif e.category in ("org", "place"):
                comp.append(an.view[an.tokens[k][0] : an.tokens[end - 1][1]])
                direct = False
                place = an.entry(k, "place")
                if place is not None and country is None:
                    place_country = place[1].payload  # "Tỉnh trưởng Phúc Kiến", "Người phát ngôn Điện Kremlin"
            k = end
            continue
        tok = view[tokens[k][0] : tokens[k][1]]
        if tok in ("kiêm", "và") and an.entry(k + 1, "title") is not None and (tok == "kiêm" or not want_name):
            k += 1
            continue
        if tok == "tại" and an.entry(k + 1, "country", "place") is not None:
            k = an.entry(k + 1, "country", "place")[0]  # type: ignore[index]
            continue
        if tok == "nước" and k == i + 1:
            k += 1
            continue
        upper = tok[:1].isupper()
        cap = upper and is_cap(tok)
        if upper and not cap:
            comp.append(tok)  # an acronym: "Chủ tịch TQ", "Trưởng Ban Dân vận T.Ư"
            k += 1
            continue
        if cap:
            j = _run(an, k, n)
            run = [view[s:e] for s, e in tokens[k:j]]
            nk = name_kind(run, cued=direct) if want_name else None
            if nk is not None and nk[1] in ("vi", "foreign") and _names_an_org(comp + run[: nk[0]]):
                nk = None
            if nk is not None and nk[1] == "foreign" and _after_admin(comp) and nk[2] - nk[0] >= 3:
                nk = (nk[0] + 1, nk[1], nk[2])  # "Thủ hiến bang Hessen Volker Bouffier": the place, then the name
            if nk is not None and nk[1] in ("vi", "foreign"):
                comp.extend(run[: nk[0]])
                close()
                return titles, country or place_country, k + nk[2], (k + nk[0], k + nk[2], nk[1]), counterpart
            two = tok + " " + an.tok(k + 1) if k + 1 < n else tok
            if (
                nk is not None
                and nk[1] == "short"
                and direct
                and j == k + 1
                and tok not in org_words()[0]
                and two not in org_words()[0]
            ):
                close()
                return titles, country or place_country, j, (k, j, "short"), counterpart
            comp.extend(run)
            direct, lower_run = False, 0
            k = j
            continue
        if tok == "phụ" and k + 1 < n and an.tok(k + 1) == "trách" and want_name:
            # "Thứ trưởng Ngoại giao phụ trách về kinh tế, năng lượng và môi trường Jose Fernandez"
            j = k + 2
            while j < min(n, k + 18) and not is_cap(an.tok(j)) and not re.search(r"[.;:\n]", an.gap(j)):
                j += 1
            if j < n and is_cap(an.tok(j)) and not re.search(r"[.;:\n]", an.gap(j)):
                limit = min(n, j + 8)
                k, direct = j, True
                continue
        if tok[0].isdigit() or (current is None and not counterpart):
            break
        if want_name and not comp and current is not None:
            q = _qualified_name(an, k, n)
            if q is not None:
                k = q  # "Thẩm phán liên bang James Robart": a qualifier, then the name
                continue
            if tok in _ADMIN and k + 1 < n and (an.tok(k + 1)[:1].isupper() or an.tok(k + 1) in _ADMIN):
                comp.append(tok)  # "Phó Chủ tịch tỉnh Hà Tĩnh X", "Chủ tịch thành phố Hải Phòng X"
                lower_run += 1
                direct = False
                k += 1
                continue
        if comp and (lower_run < 8 or tok in CONNECTORS) and tok not in VERBS:
            comp.append(tok)
            lower_run += 1
            direct = False
            k += 1
            continue
        break
    close()
    # Trailing lowercase words are not part of a complement.
    return titles, country or place_country, k, None, counterpart


def _names_an_org(words: list[str]) -> bool:
    """Whether the words before a name open an organization named after it.

    ``Trung tâm nghiên cứu Woodrow Wilson``: an organization word followed only by
    lowercase words up to the name.
    """
    tail = words[-6:]
    for x in range(len(tail)):
        if tail[x].split(" ", 1)[0] not in _NAMED_AFTER_HEADS:
            continue  # (every phrase opens with one of those words)
        for size in (1, 2, 3):
            phrase = " ".join(tail[x : x + size])
            if phrase in _NAMED_AFTER and all(not w[:1].isupper() for w in tail[x + size :]):
                return True
    return False


def clean_titles(titles: list[str]) -> list[str]:
    out = []
    for t in titles:
        if t not in out:
            out.append(t)
    return out


def find_persons(an: Analysis) -> None:
    """Find the persons named in an analysed text and add them to ``an.persons``."""
    hits, masks = an.hits, an.masks
    claimed: set[int] = set()
    for i in sorted(hits):
        if i in claimed or _CUES.isdisjoint([e.category for e in hits[i][2]]):
            continue
        if masks and an.masked(an.tokens[i][0]):
            continue
        if _after_prefix(an, i):
            continue
        titles, country, k, name, counterpart = chain(an, i, want_name=True)
        claimed.update(range(i, k))
        if name is None:
            if titles:
                an.title_only.append(
                    (an.tokens[i][0], an.tokens[k - 1][1] if k > i else an.tokens[i][1], titles[0], country)
                )
            continue
        s_tok, e_tok, kind = name
        start, end = an.tokens[s_tok][0], an.tokens[e_tok - 1][1]
        if s_tok > i:
            an.offices.append((an.tokens[i][0], an.tokens[s_tok - 1][1]))
        # Apposition: "X, Chủ tịch ...", "X - Chủ tịch ...".
        if e_tok in hits and an.entry(e_tok, "title") is not None and an.gap(e_tok).strip() in {",", "-", "–"}:
            more, c2, k2, other, _ = chain(an, e_tok, want_name=True)
            more = [t for t in more if t != "Phu nhân"]
            if other is None:
                titles += more
                country = country or c2
                claimed.update(range(e_tok, k2))
        an.persons.append(
            PersonMention(
                start=start,
                end=end,
                name=an.text[start:end],
                kind=kind,
                titles=clean_titles(titles),
                country=country,
                counterpart=counterpart,
                explicit_country=country is not None,
            )
        )


def _after_prefix(an: Analysis, i: int) -> bool:
    """Whether token ``i`` follows a place or organization word (``Lăng``, ``Khu di tích``)."""
    start = an.tokens[i][0]
    window = an.view[max(0, start - 20) : start]
    text = window.rstrip()
    tails = _PREFIX_TAILS.get(text[-1:])
    if tails is None or not text.endswith(tails):
        return False  # (the last word before is no prefix's last word)
    prefixes = place_prefixes()
    before = window.split()
    return bool(before) and (before[-1] in prefixes or " ".join(before[-2:]) in prefixes)
