"""Name grammar and person mentions.

A Vietnamese name is 2-4 capitalised syllables that begin with a family name from the
``names`` lexicon (``Nguyễn Phú Trọng``; Hán-Việt ``Tập Cận Bình``). A foreign name is
1-4 capitalised Latin tokens of which at least one cannot be a Vietnamese syllable
(``Joe Biden``, ``Robert O’Brien``, ``S.Abe``).

Persons are found where news names them: after an office (``Tổng thống Mỹ Joe Biden``,
stacked ``Phó Thủ tướng, Bộ trưởng Ngoại giao Phạm Bình Minh``), after an honorific
(``ông Olivier Marquette``), after ``người đồng cấp``, with an apposition after the
name (``Khaw Boon Wan, Chủ tịch Đảng ...``), and foreign names in Latin script on their
own (``Antony Blinken``). `find_persons`
records each mention; `actors` merges them.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import Any

import attrs

from . import lexicon

__all__ = [
    "TOKEN_RE",
    "Analysis",
    "PersonMention",
    "find_persons",
    "has_vietnamese_letters",
    "is_cap",
    "is_vietnamese_run",
    "is_vietnamese_syllable",
    "name_kind",
    "surnames",
]

#: A word: letters and digits, with inner apostrophes, dots or hyphens (``O’Brien``, ``S.Abe``).
TOKEN_RE = re.compile(r"(?:[A-Z]\.(?=\w))?\w+(?:['’]\w+|-(?=[A-Za-z])\w+)*")

_ONSET = r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđghklmnprstvx])?"
_V = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ"
_CODA = r"(?:ch|ng|nh|[cmnpt]|[iyuo])?"
_SYLLABLE_RE = re.compile(rf"{_ONSET}[{_V}]{{1,3}}{_CODA}")
_SYLLABLE_RUN_RE = re.compile(rf"{_ONSET}[{_V}]{{1,3}}{_CODA}(?: {_ONSET}[{_V}]{{1,3}}{_CODA})*", re.IGNORECASE)


def is_vietnamese_run(words: str) -> bool:
    """Whether every space-separated word of ``words`` could be a Vietnamese syllable."""
    return bool(_SYLLABLE_RUN_RE.fullmatch(words))


# Function words that start the next sentence when a period is missing ("... Ernst Wastler Tại cuộc tiếp").
_TRAILING = frozenset(
    [
        "Tại",
        "Theo",
        "Trong",
        "Sau",
        "Khi",
        "Với",
        "Và",
        "Là",
        "Có",
        "Đã",
        "Sẽ",
        "Đang",
        "Cũng",
        "Ngày",
        "Chiều",
        "Tối",
        "Trưa",
        "Đêm",
        "Hôm",
        "Để",
        "Ông",
        "Bà",
    ]
)
_VI_LETTERS = frozenset(
    "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹĂÂĐÊÔƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ"
)


def has_vietnamese_letters(token: str) -> bool:
    """Whether a token has letters only Vietnamese uses (``ơ``, ``ư``, ``đ``, ``ạ``...)."""
    return any(c in _VI_LETTERS for c in token)


def is_cap(token: str) -> bool:
    """Whether a token starts with a capital letter and is not an all-capital acronym."""
    if not token or not token[0].isupper():
        return False
    letters = [c for c in token if c.isalpha()]
    return not (len(letters) > 1 and all(c.isupper() for c in letters))


@lru_cache(maxsize=8192)
def is_vietnamese_syllable(token: str) -> bool:
    """Whether a token could be one Vietnamese syllable (``Trọng`` yes, ``Biden`` no)."""
    return bool(_SYLLABLE_RE.fullmatch(token.lower()))


_surnames_cache: tuple[int, frozenset[str], frozenset[str]] | None = None


def surnames() -> tuple[frozenset[str], frozenset[str]]:
    """Family names that begin a Vietnamese (or Hán-Việt) name, and words that are never a name head."""
    global _surnames_cache
    if _surnames_cache is None or _surnames_cache[0] != lexicon.version():
        data = lexicon.load("names")
        prefixes = lexicon.load("organizations").get("org_prefixes", [])
        _surnames_cache = (
            lexicon.version(),
            frozenset(data.get("surnames", [])),
            frozenset(data.get("not_name_words", [])) | {p.split()[0] for p in prefixes},
        )
    return _surnames_cache[1], _surnames_cache[2]


def name_kind(tokens: list[str], *, cued: bool) -> tuple[int, str, int] | None:
    """Whether ``tokens`` (a run of capitalised words) ends in a name, and where it starts.

    Args:
        tokens: the run, in order.
        cued: True when the run stands right after a title or honorific, which lets a
            short run of Vietnamese-looking syllables without a known family name
            (``Hun Sen``) count as a foreign name.

    Returns:
        ``(start, kind, end)``: the indexes in ``tokens`` where the name begins and ends
        (exclusive) and ``vi``, ``foreign`` or ``short`` (a single word, only meaningful
        as a short form of a fuller name); None when no name is there.
    """
    if not tokens:
        return None
    sur, never = surnames()
    n = len(tokens)
    if all(is_vietnamese_syllable(t) for t in tokens):
        while n > 2 and tokens[n - 1] in _TRAILING:
            n -= 1
        for i, tok in enumerate(tokens[:n]):
            if tok in sur and 2 <= n - i <= 4:
                return i, "vi", n
        if n == 1:
            return 0, "short", 1
        if cued and n <= 3 and tokens[0] not in never:
            return 0, "foreign", n
        return None
    # Some token is not a Vietnamese syllable: a foreign name, possibly after org words.
    start = 0
    while start < n - 1 and (tokens[start] in never or has_vietnamese_letters(tokens[start])):
        start += 1
    while n - start > 1 and (tokens[n - 1] in _TRAILING or has_vietnamese_letters(tokens[n - 1])):
        n -= 1
        tokens = tokens[:n]
    if n - start > 4:
        start = n - 4
    if n - start == 1:
        return start, "short", n
    return start, "foreign", n


# --------------------------------------------------------------------------- analysis

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
        "thăm",
        "dự",
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


# --------------------------------------------------------------------------- person mentions


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
                if e.category == "place" and country is None:
                    place_country = e.payload  # "Tỉnh trưởng Phúc Kiến", "Thị trưởng London"
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
                return titles, country or place_country, k + nk[2], (k + nk[0], k + nk[2], nk[1]), counterpart
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
        if comp and (lower_run < 8 or tok in _CONNECTORS) and tok not in _VERBS:
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


def find_persons(an: Analysis) -> None:
    """Find the persons named in an analysed text and add them to ``an.persons``."""
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
        titles, country = _apposition(an, end)
        an.persons.append(
            PersonMention(
                start=start,
                end=end,
                name=an.text[start:end],
                kind="foreign",
                titles=titles,
                country=country,
                explicit_country=country is not None,
            )
        )


def _apposition(an: Analysis, end: int) -> tuple[list[str], str | None]:
    """Offices written after a name: ``Nile Gardiner, chuyên gia ...``, ``X - Chủ tịch ...``."""
    if not an.tokens:
        return [], None
    i = bisect.bisect_left(an.tokens, (end, -1))
    if i >= len(an.tokens) or an.view[end : an.tokens[i][0]].strip() not in {",", "-"}:
        return [], None
    if an.entry(i, "title") is None:
        return [], None
    titles, country, _, other, _ = _chain(an, i, want_name=True)
    if other is not None:
        return [], None
    return _clean_titles([t for t in titles if t != "Phu nhân"]), country


def _surnames() -> tuple[frozenset[str], frozenset[str]]:
    return surnames()
