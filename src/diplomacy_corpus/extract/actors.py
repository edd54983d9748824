"""Actors: persons (from titles, honorifics and name grammar), countries, organizations.

Persons are found where news names them: after an office (``Tổng thống Mỹ Joe Biden``,
stacked ``Phó Thủ tướng, Bộ trưởng Ngoại giao Phạm Bình Minh``), after an honorific
(``ông Olivier Marquette``), after ``người đồng cấp``, with an apposition after the
name (``Khaw Boon Wan, Chủ tịch Đảng ...``), and foreign names in Latin script on their
own (``Antony Blinken``). Short forms (``Biden``, ``ông Phúc``, ``A.Kawada``) are
resolved to the fullest name in the document; every mention is kept as a span.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from typing import Any

import attrs

from ..models import Actor, Span
from . import lexicon
from .names import TOKEN_RE, has_vietnamese_letters, is_cap, is_vietnamese_run, is_vietnamese_syllable, name_kind

__all__ = ["Analysis", "PersonMention", "analyse", "build_actors"]

_CONNECTORS = frozenset({"và", "kiêm", "về", "của"})
_VERBS = frozenset(
    [
        "đã",
        "sẽ",
        "đang",
        "cũng",
        "vừa",
        "là",
        "được",
        "bị",
        "có",
        "cho",
        "biết",
        "nói",
        "khẳng",
        "định",
        "nhấn",
        "mạnh",
        "tiếp",
        "gặp",
        "hội",
        "thăm",
        "dự",
        "tham",
        "phát",
        "tuyên",
        "đánh",
        "bày",
        "hoan",
        "đề",
        "ký",
        "trao",
        "với",
        "tại",
        "trong",
        "khi",
        "sau",
        "trước",
        "để",
        "nhằm",
        "theo",
        "thì",
        "mà",
        "rằng",
        "này",
        "đó",
        "các",
        "những",
        "một",
        "hai",
        "ba",
        "nhiều",
    ]
)
_FORMER = ("cựu", "nguyên")
_LATIN_RUN_RE = re.compile(
    r"[A-Z](?<![\w'’.][A-Z])[\w'’.\-]*\w(?:[ ](?:[A-Z]\.(?= [A-Z])|[A-Z][\w'’.\-]*\w)){1,3}(?![\w'’])"
)
_SHORT_INITIAL_RE = re.compile(r"([A-Z])\.\s?(\w[\w'’\-]*)$")


@attrs.define(kw_only=True)
class PersonMention:
    """A person named at one place in the text."""

    start: int
    end: int
    name: str
    kind: str  # "vi", "foreign", "short"
    titles: list[str] = attrs.Factory(list)
    country: str | None = None
    counterpart: bool = False
    explicit_country: bool = False


@attrs.define(kw_only=True)
class Analysis:
    """Everything the lexicon scan found in a text, shared by actors and events."""

    text: str
    view: str
    tokens: list[tuple[int, int]]
    hits: dict[int, tuple[int, int, list[Any]]]  # token index -> (end token index, end offset, entries)
    masks: list[tuple[int, int]]
    persons: list[PersonMention] = attrs.Factory(list)
    countries: list[tuple[int, int, str]] = attrs.Factory(list)
    orgs: list[tuple[int, int, str, str]] = attrs.Factory(list)
    places: list[tuple[int, int, str]] = attrs.Factory(list)
    triggers: list[tuple[int, int, dict[str, Any]]] = attrs.Factory(list)
    title_only: list[tuple[int, int, str, str | None]] = attrs.Factory(list)
    hit_spans: list[tuple[int, int, tuple[str, ...]]] = attrs.Factory(list)

    def masked(self, pos: int) -> bool:
        """Whether offset ``pos`` lies in a credit, source or related-news region."""
        i = bisect.bisect_right(self.masks, (pos, 1 << 62)) - 1
        return i >= 0 and self.masks[i][0] <= pos < self.masks[i][1]

    def overlaps_hit(self, start: int, end: int, *categories: str) -> bool:
        """Whether ``[start, end)`` overlaps a lexicon hit (of ``categories``, or any)."""
        spans = self.hit_spans
        j = bisect.bisect_left(spans, (end, -1)) - 1
        while j >= 0 and spans[j][1] > start - 200:
            if (spans[j][1] > start and spans[j][0] < end) and (
                not categories or any(c in categories for c in spans[j][2])
            ):
                return True
            j -= 1
        return False

    def gap(self, i: int) -> str:
        """The characters between token ``i - 1`` and token ``i``."""
        return self.view[self.tokens[i - 1][1] : self.tokens[i][0]] if i > 0 else ""

    def tok(self, i: int) -> str:
        """The text of token ``i``."""
        s, e = self.tokens[i]
        return self.view[s:e]

    def entry(self, i: int, *categories: str) -> tuple[int, Any] | None:
        """The lexicon hit starting at token ``i`` in one of ``categories``: (end token, entry)."""
        hit = self.hits.get(i)
        if hit is None:
            return None
        for e in hit[2]:
            if e.category in categories:
                return hit[0], e
        return None


_CUES = frozenset({"title", "honorific", "counterpart"})
_UPPER_V = "ĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
_ACTOR_CATS = frozenset({"country", "org", "place", "trigger"})


def _tokens(view: str, cues: list[int]) -> list[tuple[int, int]]:
    """Tokens of the windows around person cues (the rest of the text needs none)."""
    n = len(view)
    windows: list[list[int]] = []
    for pos in cues:
        a, b = max(0, pos - 40), min(n, pos + 360)
        if windows and a <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], b)
        else:
            windows.append([a, b])
    out: list[tuple[int, int]] = []
    for a, b in windows:
        a = view.rfind(" ", 0, a) + 1 if a > 0 else 0
        end = view.find(" ", b)
        b = n if end < 0 else end
        out.extend(m.span() for m in TOKEN_RE.finditer(view, a, b))
    return out


def _split_at(tokens: list[tuple[int, int]], cuts: list[int]) -> list[tuple[int, int]]:
    """Split tokens at offsets where a lexicon hit starts inside them (``Nam-Hoa Kỳ``)."""
    if not tokens:
        return tokens
    starts = [s for s, _ in tokens]
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


def _common_word(view: str, start: int, end: int) -> bool:
    """Whether a one-syllable country name is part of a common word (``Anh ấy``, ``Ý kiến``)."""
    global _not_before_cache
    if _not_before_cache is None or _not_before_cache[0] != lexicon.version():
        raw = lexicon.load("countries").get("not_before", {})
        _not_before_cache = (lexicon.version(), {k: frozenset(v) for k, v in raw.items()})
    words = _not_before_cache[1].get(view[start:end])
    if not words:
        return False
    nxt = view[end : end + 12].split(None, 1)
    return bool(nxt) and nxt[0].strip(",.;:") in words


def analyse(text: str, view: str, masks: list[tuple[int, int]]) -> Analysis:
    """Scan ``view`` once with every lexicon and find the persons it names.

    Args:
        text: the document text (spans index into it).
        view: its [`match_view`][diplomacy_corpus.extract.text.match_view].
        masks: regions never mined (credits, related news).

    Returns:
        The analysis: tokens, lexicon hits, person mentions, countries, orgs, triggers.
    """
    scanned = lexicon.matcher().scan(view)
    cues = [s for s, _, _, cats in scanned if not cats.isdisjoint(_CUES)]
    tokens = _split_at(_tokens(view, cues), [s for s, _, _, _ in scanned]) if cues else []
    starts = [s for s, _ in tokens]
    an = Analysis(text=text, view=view, tokens=tokens, hits={}, masks=masks)
    an.hit_spans = [(s, e, tuple(cats)) for s, e, _, cats in scanned]
    index = {s: n for n, s in enumerate(starts)} if tokens else {}
    for start, end, entries, cats in scanned:
        i = index.get(start)
        if i is not None:
            an.hits[i] = (bisect.bisect_left(starts, end, i), end, entries)
        if cats.isdisjoint(_ACTOR_CATS) or (masks and an.masked(start)):
            continue
        for e in entries:
            if e.category == "country":
                if not _common_word(view, start, end):
                    an.countries.append((start, end, e.payload))
            elif e.category == "org":
                an.orgs.append((start, end, e.payload[0], e.payload[1]))
            elif e.category == "place":
                an.places.append((start, end, e.payload))
            elif e.category == "trigger":
                an.triggers.append((start, end, e.payload))
    _find_persons(an)
    _generic_orgs(an)
    return an


_org_re_cache: tuple[int, Any] | None = None
_NOT_ORG = frozenset({"Hội nghị", "Hội thảo", "Hội đàm", "Hội kiến", "Hội chợ", "Hội họp", "Đảng viên", "Nhóm họp"})


def _org_regex() -> Any:
    global _org_re_cache
    if _org_re_cache is None or _org_re_cache[0] != lexicon.version():
        heads = lexicon.load("organizations").get("org_heads", [])
        alt = "|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True)) or "(?!)"
        word = r"[\w'’&]+(?:[-.][\w'’&]+)*"
        _org_re_cache = (
            lexicon.version(),
            re.compile(rf"(?:{alt})(?: (?:{word}|-(?= )))*(?: \([A-Z]{{2,}}\))?"),
        )
    return _org_re_cache[1]


def _generic_orgs(an: Analysis) -> None:
    """Organizations named by a head word and capitalised words (``Phòng Thương mại Hà Lan - Việt Nam``)."""
    view = an.view
    taken = sorted((s, e) for s, e, _, _ in an.orgs)
    rx = _org_regex()
    pos = 0
    while True:
        m = rx.search(view, pos)
        if m is None:
            break
        start = m.start()
        text = m.group(0)
        if start > 0 and (view[start - 1].isalnum() or view[start - 1] in "'’"):
            pos = start + 1
            continue
        words = text.split(" ")
        # Stop at the first lowercase word that is a verb or a function word.
        cut = len(words)
        for i, w in enumerate(words[1:], 1):
            nxt = words[i + 1] if i + 1 < len(words) else ""
            if w in _VERBS or (w in _CONNECTORS and (w != "và" or not nxt[:1].isupper())):
                cut = i
                break
        pos = start + len(" ".join(words[:cut])) + 1 if cut < len(words) else m.end()
        if any(text.startswith(x) for x in _NOT_ORG) or an.masked(start):
            continue
        words = words[:cut]
        while words and (words[-1] == "-" or (not words[-1][:1].isupper() and not words[-1].startswith("("))):
            if len(words) >= 2 and words[-2][:1].isupper() and words[-1] not in _VERBS and words[-1] != "-":
                break
            words.pop()
        words[-1:] = [words[-1].rstrip(".")] if words else []
        if len(words) < 2 or not any(w[:1].isupper() for w in words[1:]):
            continue
        end = start + len(" ".join(words))
        if any(s <= start and end <= e for s, e in taken) or any(p.start < end and start < p.end for p in an.persons):
            continue
        name = an.text[start:end]
        an.orgs.append((start, end, "x-" + name, name))


# --------------------------------------------------------------------------- persons


def _hard_gap(gap: str) -> bool:
    return bool(gap.strip()) or "\n" in gap


def _run(an: Analysis, k: int, limit: int) -> int:
    """End (exclusive) of the run of capitalised, non-lexicon tokens starting at ``k``."""
    j = k
    sur = _surnames()[0]
    if k in an.hits and any(e.category in ("country", "place", "org") for e in an.hits[k][2]):
        return k
    while j < limit and is_cap(an.tok(j)) and (j == k or not _hard_gap(an.gap(j))):
        if j > k and j in an.hits:
            hit = an.hits[j]
            inside_name = (
                hit[0] == j + 1
                and an.tok(k) in sur
                and j - k < 3
                and all(e.category in ("country", "place") for e in hit[2])
                and is_vietnamese_syllable(an.tok(j))
            )
            if not inside_name:
                break
        j += 1
    return j


def _chain(
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
                and not (words[-2][:1].isupper() and words[-1] not in _CONNECTORS and words[-1] not in _VERBS)
            ):
                words.pop()
            if words and not words[-1][:1].isupper() and len(words) == 1:
                words.pop()
            if takes and words and words[0][:1].isupper():
                titles.append(canon + " " + " ".join(words))
            else:
                titles.append(canon)

    limit = min(n, i + 18)
    while k < limit:
        if k > i and _hard_gap(an.gap(k)):
            g = an.gap(k).strip()
            nxt = an.entry(k, "title")
            if g in {",", "-", "–"} and nxt is not None and "\n" not in an.gap(k):
                pass  # stacked titles: "Phó Thủ tướng, Bộ trưởng Ngoại giao"
            else:
                break
        hit = an.entry(k, "title", "honorific", "counterpart", "country", "org", "place")
        if hit is not None:
            end, e = hit
            if e.category == "title" and lower_run and k > i and not _hard_gap(an.gap(k)) and an.tok(k - 1) != "kiêm":
                break  # "... cảm ơn Thủ tướng X": a new chain begins
            if e.category == "title":
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
                        nk = name_kind([an.tok(t) for t in range(end, j)], cued=True)
                        if nk is not None:
                            close()
                            return titles, country, end + nk[2], (end + nk[0], end + nk[2], nk[1]), counterpart
                    close()
                    return titles, country, end, None, counterpart
            elif e.category == "country":
                country = e.payload
            elif e.category in ("org", "place"):
                comp.append(an.view[an.tokens[k][0] : an.tokens[end - 1][1]])
                direct = False
            k = end
            continue
        tok = an.tok(k)
        if tok in ("kiêm", "và") and an.entry(k + 1, "title") is not None and (tok == "kiêm" or not want_name):
            k += 1
            continue
        if tok == "tại" and an.entry(k + 1, "country", "place") is not None:
            k = an.entry(k + 1, "country", "place")[0]  # type: ignore[index]
            continue
        if tok == "nước" and k == i + 1:
            k += 1
            continue
        if tok[:1].isupper() and not is_cap(tok):
            comp.append(tok)  # an acronym: "Chủ tịch TQ", "Trưởng Ban Dân vận T.Ư"
            k += 1
            continue
        if is_cap(tok):
            j = _run(an, k, n)
            run = [an.tok(t) for t in range(k, j)]
            nk = name_kind(run, cued=direct) if want_name else None
            if nk is not None and nk[1] in ("vi", "foreign") and _names_an_org(comp + run[: nk[0]]):
                nk = None
            if nk is not None and nk[1] in ("vi", "foreign"):
                comp.extend(run[: nk[0]])
                close()
                return titles, country, k + nk[2], (k + nk[0], k + nk[2], nk[1]), counterpart
            two = tok + " " + an.tok(k + 1) if k + 1 < n else tok
            if (
                nk is not None
                and nk[1] == "short"
                and direct
                and j == k + 1
                and tok not in _org_words()[0]
                and two not in _org_words()[0]
            ):
                close()
                return titles, country, j, (k, j, "short"), counterpart
            comp.extend(run)
            direct, lower_run = False, 0
            k = j
            continue
        if tok[0].isdigit() or (current is None and not counterpart):
            break
        if comp and (lower_run < 8 or tok in _CONNECTORS) and tok not in _VERBS:
            comp.append(tok)
            lower_run += 1
            direct = False
            k += 1
            continue
        break
    close()
    # Trailing lowercase words are not part of a complement.
    return titles, country, k, None, counterpart


def _names_an_org(words: list[str]) -> bool:
    """Whether the words before a name open an organization named after it.

    ``Trung tâm nghiên cứu Woodrow Wilson``: an organization word followed only by
    lowercase words up to the name.
    """
    prefixes = _org_words()[0]
    tail = words[-6:]
    for x in range(len(tail)):
        for size in (1, 2, 3):
            phrase = " ".join(tail[x : x + size])
            if phrase in prefixes and all(not w[:1].isupper() for w in tail[x + size :]):
                return tail[x] not in ("Bộ", "Ban", "Đảng", "Quốc") and phrase != "Ủy ban"
    return False


def _clean_titles(titles: list[str]) -> list[str]:
    out = []
    for t in titles:
        if t not in out:
            out.append(t)
    return out


def _find_persons(an: Analysis) -> None:
    n = len(an.tokens)
    claimed: set[int] = set()
    for i in sorted(an.hits):
        if i in claimed:
            continue
        hit = an.entry(i, "title", "honorific", "counterpart")
        if hit is None or an.masked(an.tokens[i][0]):
            continue
        if _after_prefix(an, i):
            continue
        titles, country, k, name, counterpart = _chain(an, i, want_name=True)
        for t in range(i, k):
            claimed.add(t)
        if name is None:
            if titles:
                an.title_only.append(
                    (an.tokens[i][0], an.tokens[k - 1][1] if k > i else an.tokens[i][1], titles[0], country)
                )
            continue
        s_tok, e_tok, kind = name
        start, end = an.tokens[s_tok][0], an.tokens[e_tok - 1][1]
        # Apposition: "X, Chủ tịch ...", "X - Chủ tịch ...".
        if e_tok < n and an.gap(e_tok).strip() in {",", "-", "–"} and an.entry(e_tok, "title") is not None:
            more, c2, k2, other, _ = _chain(an, e_tok, want_name=True)
            more = [t for t in more if t != "Phu nhân"]
            if other is None:
                titles += more
                country = country or c2
                for t in range(e_tok, k2):
                    claimed.add(t)
        former = i > 0 and an.tok(i - 1).lower() in _FORMER
        del former  # the office is kept without the "former" marker
        an.persons.append(
            PersonMention(
                start=start,
                end=end,
                name=an.text[start:end],
                kind=kind,
                titles=_clean_titles(titles),
                country=country,
                counterpart=counterpart,
                explicit_country=country is not None,
            )
        )
    _latin_names(an)


def _after_prefix(an: Analysis, i: int) -> bool:
    """Whether token ``i`` follows a place or organization word (``Lăng``, ``Khu di tích``)."""
    prefixes = _place_prefixes()
    before = an.view[max(0, an.tokens[i][0] - 20) : an.tokens[i][0]].split()
    return bool(before) and (before[-1] in prefixes or " ".join(before[-2:]) in prefixes)


_PLACE_PREFIXES = frozenset(
    {
        "Lăng",
        "Khu di tích",
        "Bảo tàng",
        "Đại học",
        "Thành phố",
        "TP",
        "TP.",
        "Tp",
        "Nhà tưởng niệm",
        "Tượng đài",
        "Quảng trường",
        "Đền",
        "Trường",
        "Học viện",
        "Giải thưởng",
        "Huân chương",
        "Đường",
        "Phố",
        "Cầu",
        "Nhà máy",
        "Quỹ",
        "Công viên",
        "Khu tưởng niệm",
        "Di tích",
    }
)


def _place_prefixes() -> frozenset[str]:
    return _PLACE_PREFIXES


_org_words_cache: tuple[int, frozenset[str], frozenset[str]] | None = None


def _org_words() -> tuple[frozenset[str], frozenset[str]]:
    global _org_words_cache
    if _org_words_cache is None or _org_words_cache[0] != lexicon.version():
        orgs = lexicon.load("organizations")
        _org_words_cache = (
            lexicon.version(),
            frozenset(orgs.get("org_prefixes", [])),
            frozenset(orgs.get("org_suffix_words", [])),
        )
    return _org_words_cache[1], _org_words_cache[2]


_english_cache: tuple[int, frozenset[str]] | None = None


def _english_words() -> frozenset[str]:
    global _english_cache
    if _english_cache is None or _english_cache[0] != lexicon.version():
        _english_cache = (lexicon.version(), frozenset(lexicon.load("names").get("foreign_not_name_words", [])))
    return _english_cache[1]


def _latin_names(an: Analysis) -> None:
    prefixes, suffixes = _org_words()
    never = _surnames()[1]
    english = _english_words()
    taken = [(p.start, p.end) for p in an.persons]
    for m in _LATIN_RUN_RE.finditer(an.view):
        if is_vietnamese_run(m.group(0)):
            continue
        words = m.group(0).split(" ")
        start, end = m.span()
        if words[0] in prefixes or " ".join(words[:2]) in prefixes:
            continue
        while words and (
            not is_cap(words[0])
            or words[0] in never
            or has_vietnamese_letters(words[0])
            or an.overlaps_hit(start, start + len(words[0]))
        ):
            start += len(words.pop(0)) + 1
        while words and (not is_cap(words[-1]) or words[-1] in never or has_vietnamese_letters(words[-1])):
            end -= len(words.pop()) + 1
        if len(words) < 2 or all(is_vietnamese_syllable(w) for w in words):
            continue
        if any(w in english for w in words):
            an.orgs.append((start, end, "x-" + " ".join(words), an.text[start:end]))
            continue
        if an.masked(start) or any(s < end and start < e for s, e in taken):
            continue
        if any(w in suffixes for w in words):
            an.orgs.append((start, end, "x-" + m.group(0), an.text[start:end]))
            continue
        chunk = an.view[max(0, start - 60) : start]
        cut = max(chunk.rfind(","), chunk.rfind("."), chunk.rfind(";"), chunk.rfind(":"), chunk.rfind("("))
        before = chunk[cut + 1 :].split()[-8:]
        if any(w in prefixes or " ".join(before[x : x + 2]) in prefixes for x, w in enumerate(before)):
            continue
        if before and before[-1] in ("tại", "ở", "bang", "thành", "phố", "đảo", "sông", "tỉnh", "thủ", "đô"):
            continue
        # Lexicon words inside the run (a country, an org, a place) make it no name.
        if an.overlaps_hit(start, end):
            continue
        an.persons.append(PersonMention(start=start, end=end, name=an.text[start:end], kind="foreign"))


# --------------------------------------------------------------------------- actors


def _key(name: str) -> str:
    decomposed = unicodedata.normalize("NFD", name.replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def build_actors(an: Analysis) -> tuple[list[Actor], dict[str, list[tuple[int, int]]]]:
    """Merge mentions into actors (one per entity) and resolve short forms.

    Returns:
        The actors (persons ``p1``..., organizations ``o1``..., countries ``c-XX``) and,
        per actor id, the ``(start, end)`` offsets of its mentions.
    """
    text, view = an.text, an.view
    country_counts = Counter(c for _, _, c in an.countries)
    foreign = [c for c, _ in country_counts.most_common() if c != "VN"]
    dominant = foreign[0] if foreign else None

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
        for other in keys:
            if other != k and other in people and k in people and other.endswith(" " + k) and len(k.split()) >= 2:
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
    actors: list[Actor] = []
    mentions: dict[str, list[tuple[int, int]]] = {}
    for n_, k in enumerate(order, 1):
        p = people[k]
        country = p["country"]
        if country is None:
            first = p["name"].split()[0]
            sur, _ = _surnames()
            if first in sur and all(is_vietnamese_syllable(w) for w in p["name"].split()):
                country = "VN"
            elif dominant is not None:
                country = dominant
        pid = f"p{n_}"
        spans = sorted(set(p["mentions"]))
        mentions[pid] = spans
        actors.append(
            Actor(
                id=pid,
                name=p["name"],
                kind="person",
                country=country,
                titles=tuple(p["titles"]),
                aliases=tuple(sorted(a for a in p["aliases"] if a != p["name"])),
                mentions=tuple(Span.of(text, s, e) for s, e in spans),
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
        actors.append(
            Actor(
                id=aid, name=org_names[oid], kind="organization", mentions=tuple(Span.of(text, s, e) for s, e in spans)
            )
        )
    person_spans = sorted(s for p in people.values() for s in p["mentions"])
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
        actors.append(
            Actor(
                id=aid,
                name=names.get(code, [code])[0],
                kind="country",
                country=code,
                mentions=tuple(Span.of(text, s, e) for s, e in spans),
            )
        )
    del view
    return actors, mentions


def _close(a: str, b: str) -> bool:
    """Whether two names differ by at most one edit or one swap per 8 letters (``Adibi``/``Abidi``)."""
    if abs(len(a) - len(b)) > 2 or min(len(a), len(b)) < 8:
        return False
    limit = 1 + len(a) // 12
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
    keys = [k for k in order if k in people and " " in k and not all(is_vietnamese_syllable(w) for w in k.split())]
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            if (
                a in people
                and b in people
                and a.split()[0][:1] == b.split()[0][:1]
                and _close(a.replace("-", " "), b.replace("-", " "))
            ):
                keep, drop = (a, b) if len(people[a]["mentions"]) >= len(people[b]["mentions"]) else (b, a)
                _merge_into(people[keep], people.pop(drop))
                order.remove(drop)


def _surnames() -> tuple[frozenset[str], frozenset[str]]:
    from .names import surnames

    return surnames()


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
    m = _SHORT_INITIAL_RE.match(form)
    initial, last = (m.group(1), m.group(2)) if m else (None, form)
    k = _key(last)
    found = [key for key in order if key in people and (key == k or key.endswith(" " + k))]
    if initial is not None:
        found = [key for key in found if key.startswith(initial.casefold())] or found
    return found[0] if len(found) == 1 else None


def _full_name_in_text(form: str, an: Analysis, people: dict[str, dict[str, Any]], order: list[str]) -> str | None:
    """Find ``First Last`` in the text for a short form ``Last`` (or ``F.Last``)."""
    m = _SHORT_INITIAL_RE.match(form)
    last = m.group(2) if m else form
    view = an.view
    never = _surnames()[1]
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
        if k not in people:
            continue
        p = people[k]
        forms.setdefault(p["name"], k)
        words = p["name"].split()
        if len(words) >= 2 and not is_vietnamese_syllable(words[-1]):
            forms.setdefault(words[-1], k)
    if not forms:
        return
    covered = sorted({s for p in people.values() for s in p["mentions"]})
    text = an.text
    n = len(text)
    found: list[tuple[int, int, str]] = []
    for form in sorted(forms, key=len, reverse=True):
        i = text.find(form)
        while i >= 0:
            e = i + len(form)
            if (i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "'’")) and (
                e >= n or not (text[e].isalnum() or text[e] in "'’")
            ):
                found.append((i, e, form))
            i = text.find(form, e)
    taken = set(covered)
    for s, e, form in sorted(found, key=lambda x: (x[0], -x[1])):
        if (s, e) in taken or an.masked(s):
            continue
        j = bisect.bisect_right(covered, (s, 1 << 62)) - 1
        if j >= 0 and covered[j][0] <= s < covered[j][1]:
            continue
        p = people[forms[form]]
        p["mentions"].append((s, e))
        bisect.insort(covered, (s, e))
        taken.add((s, e))
        if form != p["name"]:
            p["aliases"].add(form)
