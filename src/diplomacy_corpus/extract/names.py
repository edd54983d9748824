"""Name grammar: what a person's name looks like in Vietnamese news.

A Vietnamese name is 2-4 capitalised syllables that begin with a family name from the
``names`` lexicon (``Nguyễn Phú Trọng``; Hán-Việt ``Tập Cận Bình``). A foreign name is
1-4 capitalised Latin tokens of which at least one cannot be a Vietnamese syllable
(``Joe Biden``, ``Robert O’Brien``, ``S.Abe``), with lowercase particles inside
(``Bashar al-Assad``, ``Ursula von der Leyen``), initials (``George W. Bush``) and
hyphenated Vietnamese transcriptions (``Tô-xi-hi-rô Na-cai``).

Where persons are named (after an office, an honorific, in apposition) is
`person_context`; this module only says whether a run of words is a name.
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache

from . import lexicon

__all__ = [
    "CLOSES_NAME",
    "LATIN_RUN_RE",
    "OPENS_NAME",
    "SHORT_INITIAL_RE",
    "SYLLABLE",
    "TOKEN_RE",
    "english_words",
    "has_vietnamese_letters",
    "is_cap",
    "is_name_part",
    "is_outside_word",
    "is_particle",
    "is_vietnamese_run",
    "is_vietnamese_syllable",
    "is_vietnamese_words",
    "name_kind",
    "org_words",
    "place_prefixes",
    "surnames",
    "word_traits",
]

#: A word: letters and digits, with inner apostrophes, dots or hyphens (``O’Brien``, ``S.Abe``).
#: (An initial and its dot, ``S.``, are told by a look-behind after the first character, so
#: the pattern opens with one character class, which the regex engine skips to quickly. Each
#: run of word characters ends before a mark or blank, where no later part could start with a
#: character given back, so on Python 3.11+ the runs are read possessively: same matches, no
#: backtracking state kept.)
TOKEN_RE = re.compile(
    r"\w(?:(?<=[A-Z])\.(?=\w)\w+|\w*+)(?:['’]\w++|-(?=[^\W\d_])\w++)*+"
    if sys.version_info >= (3, 11)
    else r"\w(?:(?<=[A-Z])\.(?=\w)\w+|\w*)(?:['’]\w+|-(?=[^\W\d_])\w+)*"
)

_ONSET = r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđghklmnprstvx])?"
_V = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ"
_CODA = r"(?:ch|ng|nh|[cmnpt]|[iyuo])?"
_SYLLABLE_RE = re.compile(rf"{_ONSET}[{_V}]{{1,3}}{_CODA}")
_SYLLABLE_RUN_RE = re.compile(rf"{_ONSET}[{_V}]{{1,3}}{_CODA}(?: {_ONSET}[{_V}]{{1,3}}{_CODA})*", re.IGNORECASE)


@lru_cache(maxsize=16384)
def is_vietnamese_run(words: str) -> bool:
    """Whether every space-separated word of ``words`` could be a Vietnamese syllable.

    Cached: the same capitalised runs (``Việt Nam``, ``Hà Nội``) recur in every text.
    """
    return bool(_SYLLABLE_RUN_RE.fullmatch(words))


# The only characters `str.lower` and a case-insensitive regex disagree on for the letters
# of a syllable: ``İ`` lowers to two characters, ``ı`` and ``ſ`` stay themselves, yet the
# regex takes them for ``i``, ``i`` and ``s`` (checked over all of Unicode).
_CASE_ODD = frozenset("İıſ")


def is_vietnamese_words(run: str, words: list[str]) -> bool:
    """`is_vietnamese_run` of ``run``, given its space-separated ``words``, from each word's cached syllable test.

    The same answer: a run is syllables joined by single spaces exactly when each word is
    one, and `is_vietnamese_syllable` (``str.lower`` then the pattern) agrees with the
    case-insensitive run pattern on every word free of `_CASE_ODD` (the run pattern decides
    the rare others). Cheaper on a run never seen: its words recur in other runs.
    """
    if all(map(is_vietnamese_syllable, words)):
        return True
    return not _CASE_ODD.isdisjoint(run) and is_vietnamese_run(run)


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
        "Cùng",
        "Lúc",
        "Vào",
        "Khoảng",
    ]
)
# After a foreign name also words that are Vietnamese given names ("Donald Trump Nhân dịp ...").
_TRAILING_FOREIGN = _TRAILING | frozenset(
    ["Như", "Nhân", "Từ", "Trước", "Qua", "Nhưng", "Do", "Vì", "Bên", "Giữa", "Ngoài", "Nay", "Song", "Tuy", "Hay"]
)
# Lowercase particles inside a foreign name ("Ursula von der Leyen", "Luiz Inácio Lula da Silva").
_PARTICLES = frozenset(
    [
        "al",
        "el",
        "bin",
        "ibn",
        "bint",
        "abu",
        "ben",
        "van",
        "von",
        "der",
        "den",
        "de",
        "da",
        "dos",
        "das",
        "di",
        "du",
        "del",
        "della",
        "la",
        "le",
    ]
)
# A particle joined to the next word ("Bashar al-Assad", "Abdel Fattah el-Sisi").
_PREFIXED_RE = re.compile(r"(?:al|el|ad|as|ash|an|ar|at|az|ibn|bin|abu|ben|bel|de|di|van|von)-[A-Z]")
_VI_LETTERS = frozenset(
    "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹĂÂĐÊÔƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ"
)


def has_vietnamese_letters(token: str) -> bool:
    """Whether a token has letters only Vietnamese uses (``ơ``, ``ư``, ``đ``, ``ạ``...)."""
    return not _VI_LETTERS.isdisjoint(token)


def is_cap(token: str) -> bool:
    """Whether a token starts with a capital letter and is not an all-capital acronym."""
    if not token or not token[0].isupper():
        return False
    if not token.isupper():
        return True  # some lowercase letter: "Biden", "O’Brien"
    return sum(c.isalpha() for c in token) <= 1  # "A" yes, "FBI" no


@lru_cache(maxsize=16384)
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


def _lexicon_words(name: str, key: str) -> frozenset[str]:
    """The word list ``key`` of lexicon ``name`` as a set, read once per lexicon version."""
    return _read_words(name, key, lexicon.version())


@lru_cache(maxsize=64)
def _read_words(name: str, key: str, version: int) -> frozenset[str]:
    del version  # part of the cache key: a lexicon change renews the answers
    return frozenset(lexicon.load(name).get(key, []))


def _common_phrases() -> frozenset[str]:
    """Two capitalised syllables that begin with a family name but are common nouns (``Phương Tây``)."""
    return _lexicon_words("names", "not_name_phrases")


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
    return _name_kind(tuple(tokens), cued, lexicon.version())


@lru_cache(maxsize=16384)
def _name_kind(tokens: tuple[str, ...], cued: bool, version: int) -> tuple[int, str, int] | None:
    """`name_kind` of a run, cached per lexicon version: the same runs recur across texts."""
    del version  # part of the cache key: a lexicon change renews the answers
    if not tokens:
        return None
    sur, never = surnames()
    n = len(tokens)
    if all(is_vietnamese_syllable(t) for t in tokens):
        while n > 2 and tokens[n - 1] in _TRAILING:
            n -= 1
        if n == 2 and " ".join(tokens[:2]) in _common_phrases():
            return None  # "Phương Đông", "Hoa Hồng": a common noun, not a name
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
    while start < n - 1 and (
        tokens[start] in never or tokens[start] in _TRAILING_FOREIGN or _vietnamese_word(tokens[start])
    ):
        start += 1
    while n - start > 1 and (tokens[n - 1] in _TRAILING_FOREIGN or _vietnamese_word(tokens[n - 1])):
        n -= 1
        tokens = tokens[:n]
    while start < n - 1 and is_particle(tokens[start]):
        start += 1
    if n - start > 4:
        words = [t for t in tokens[start:n] if not is_particle(t)]
        if len(words) > 4:  # at most 4 name words, particles apart ("Luiz Inácio Lula da Silva")
            start = n - 4
            while start > 0 and n - start - sum(is_particle(t) for t in tokens[start:n]) < 4:
                start -= 1
    if n - start == 1:
        return start, "short", n
    return start, "foreign", n


def _vietnamese_word(token: str) -> bool:
    """A Vietnamese word next to a foreign name (``Việt``, ``Cùng``), not a transcription (``Tô-xi-hi-rô``)."""
    if "-" in token:
        return False
    return has_vietnamese_letters(token) or (not token.isascii() and is_vietnamese_syllable(token))


def is_outside_word(token: str) -> bool:
    """Whether a capitalised token next to a foreign name is no part of it (``Nay``, ``Việt``, ``Sau``)."""
    return _outside_word(token, lexicon.version())


@lru_cache(maxsize=16384)
def _outside_word(token: str, version: int) -> bool:
    del version  # part of the cache key: a lexicon change renews the answers
    return token in _TRAILING_FOREIGN or token in surnames()[1] or _vietnamese_word(token)


#: Bits of `word_traits`: the word can open a foreign name, close one, be a Vietnamese syllable.
OPENS_NAME, CLOSES_NAME, SYLLABLE = 1, 2, 4


def word_traits(word: str) -> int:
    """What a word of a capitalised run can be, as bits (`OPENS_NAME`, `CLOSES_NAME`, `SYLLABLE`).

    It opens a foreign name when capitalised (`is_cap`), closes one when it can stand inside
    a name (`is_name_part`), neither when it has letters only Vietnamese uses or is no part
    of a foreign name (`is_outside_word`); `SYLLABLE` is `is_vietnamese_syllable`. One
    look-up, cached per lexicon version, instead of one per question.
    """
    return _word_traits(word, lexicon.version())


@lru_cache(maxsize=16384)
def _word_traits(word: str, version: int) -> int:
    del version  # part of the cache key: a lexicon change renews the answers
    syllable = is_vietnamese_syllable(word)
    traits = SYLLABLE if syllable else 0
    if has_vietnamese_letters(word):
        return traits
    # `is_outside_word`, knowing the word has no Vietnamese letters.
    if word in _TRAILING_FOREIGN or word in surnames()[1] or ("-" not in word and not word.isascii() and syllable):
        return traits
    if is_cap(word):
        return traits | OPENS_NAME | CLOSES_NAME
    return traits | CLOSES_NAME if is_particle(word) else traits


def is_particle(token: str) -> bool:
    """Whether a lowercase token is a particle of a foreign name (``al-Assad``, ``von``, ``da``)."""
    return token in _PARTICLES or ("-" in token and bool(_PREFIXED_RE.match(token)))


def is_name_part(token: str) -> bool:
    """Whether a token can stand inside a name: capitalised, or a particle (``al-Assad``)."""
    return is_cap(token) or is_particle(token)


# The rest of a run's first word. A space must follow it, so it is the whole stretch of word
# characters and ends in a letter or digit: read possessively (Python 3.11+), the regex
# engine gives no characters back one by one when no second word follows, as after most
# capitalised words.
_FIRST_WORD_REST = r"[\w'’.\-]++(?<=\w)" if sys.version_info >= (3, 11) else r"[\w'’.\-]*\w"
#: A run of 2-4 Latin name words, with particles and initials inside (``George W. Bush``).
LATIN_RUN_RE = re.compile(
    r"[A-Z](?<![\w'’.][A-Z])"
    + _FIRST_WORD_REST
    + r"(?:[ ](?:[A-Z]\.(?= [A-Z])|[A-Z][\w'’.\-]*\w|(?:al|el|ad|as|ash|ibn|bin|abu|ben|de|di|van|von)-[A-Z][\w'’\-]*\w"
    r"|(?:bin|ibn|bint|abu|ben|van|von|der|den|de|da|dos|das|di|du|del|della|la|le)(?= [A-Z]))){1,4}(?![\w'’])"
)
#: A short form with an initial (``A.Kawada``, ``S. Abe``).
SHORT_INITIAL_RE = re.compile(r"([A-Z])\.\s?(\w[\w'’\-]*)$")

_PLACE_PREFIXES = frozenset(
    [
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
    ]
)


def place_prefixes() -> frozenset[str]:
    """Words after which a name is a place's or an award's (``Lăng``, ``Khu di tích``)."""
    return _PLACE_PREFIXES


def org_words() -> tuple[frozenset[str], frozenset[str]]:
    """Words that open an organization's name, and words that end one (``organizations`` lexicon)."""
    return _lexicon_words("organizations", "org_prefixes"), _lexicon_words("organizations", "org_suffix_words")


def object_nouns() -> frozenset[str]:
    """Nouns of things and places whose name may follow them in Latin script (``tên lửa``, ``sân bay``)."""
    return _lexicon_words("names", "object_nouns")


def english_words() -> frozenset[str]:
    """Latin words that make a capitalised run no person's name (``Force``, ``Shield``)."""
    return _lexicon_words("names", "foreign_not_name_words")
