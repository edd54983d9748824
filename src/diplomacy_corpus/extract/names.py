"""Name grammar: tokens, Vietnamese syllables, and whether a run of words is a name.

A Vietnamese name is 2-4 capitalised syllables that begin with a family name from the
``names`` lexicon (``Nguyễn Phú Trọng``; Hán-Việt ``Tập Cận Bình``). A foreign name is
1-4 capitalised Latin tokens of which at least one cannot be a Vietnamese syllable
(``Joe Biden``, ``Robert O’Brien``, ``S.Abe``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import lexicon

__all__ = ["TOKEN_RE", "has_vietnamese_letters", "is_cap", "is_vietnamese_syllable", "name_kind", "surnames"]

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
