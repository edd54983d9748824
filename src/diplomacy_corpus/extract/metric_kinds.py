"""Metric kinds: decide whether a figure of a sentence is a metric, and of which kind.

The words around a number give its unit (``USD``, ``%``, a counted noun), its kind (the
nearest money cue before it: ``kim ngạch thương mại`` gives ``trade_turnover``), and
its qualifier (``hơn``, ``gần``, ``khoảng``). Ranks (``lớn thứ tám``) and multiples in
words (``gấp đôi``) are found here too. The cue words live in
``lexicons/metric_kinds.json`` and ``lexicons/units.json``;
[`find_metrics`][diplomacy_corpus.extract.metrics.find_metrics] reads a text with them.
"""

from __future__ import annotations

import json
import re
from importlib import resources
from typing import Any

import attrs

from diplomacy_corpus.extract.cues import Cues
from diplomacy_corpus.extract.numbers import NumberMention, _find_led, _find_word, _matches_at, parse_number
from diplomacy_corpus.models import METRIC_UNITS


def _load(name: str) -> dict[str, Any]:
    path = resources.files("diplomacy_corpus.extract.lexicons").joinpath(name)
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


# Vietnamese places some tone marks two ways ('thỏa' and 'thoả', 'khóa' and 'khoá').
# The lexicons use the new style; patterns accept both and look-ups fold to the new one.
_NEW_TONES = {"óa": "oá", "òa": "oà", "ỏa": "oả", "õa": "oã", "ọa": "oạ", "óe": "oé", "òe": "oè", "ỏe": "oẻ",
              "õe": "oẽ", "ọe": "oẹ", "úy": "uý", "ùy": "uỳ", "ủy": "uỷ", "ũy": "uỹ", "ụy": "uỵ"}  # fmt: skip
_OLD_TONES = {old: new for new, old in _NEW_TONES.items()}
_OLD_TONE = re.compile(f"(?<![qQ])(?:{'|'.join(_OLD_TONES)})(?!\\w)")  # open syllables only: 'khoảng' stays
_NEW_TONE = re.compile(f"(?<![qQ])(?:{'|'.join(_NEW_TONES)})(?!\\w)")


def _alt(words: Any) -> str:
    """An alternation of the words and their other tone spelling, as a prefix tree.

    The pattern matches what ``word1|word2|...`` (longest first, ``\\s+`` between
    words) matches, in the same order of attempts: a longer word is tried before a
    shorter one it begins with. Python's regex engine tries the branches of a flat
    alternation one by one; a tree tries one branch per character, so a pattern that
    fails after a figure (most do) fails after a look at one or two characters.
    """
    forms = {w for word in words for w in (word, _NEW_TONE.sub(lambda m: _NEW_TONES[m.group()], word))}
    return _tree(sorted(forms))


def _tree(words: list[str]) -> str:
    """A regex matching exactly ``words``, longest first, as a prefix tree."""
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here

    def emit(node: dict[str, Any]) -> str:
        branches = [(r"\s+" if c == " " else re.escape(c)) + emit(child) for c, child in node.items() if c]
        if not branches:
            return ""
        if "" in node:  # the longer words first, then the word that ends here
            return "(?:" + "|".join(branches) + ")?"
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return emit(root)


def _forms(words: Any, tag: str | None = None) -> dict[str, Any]:
    """Both tone spellings of each word, with the word in the lexicons' spelling.

    With ``tag``, each value is ``(tag, word)``.
    """
    out: dict[str, Any] = {}
    for word in words:
        for form in (word, _NEW_TONE.sub(lambda m: _NEW_TONES[m.group()], word)):
            out[form] = word if tag is None else (tag, word)
    return out


def _norm(text: str) -> str:
    """One space between words, new-style tone marks: the form the lexicons use."""
    text = " ".join(text.split())
    return _OLD_TONE.sub(lambda m: _OLD_TONES[m.group()], text) if "o" in text or "u" in text else text


_KINDS = _load("metric_kinds.json")
_UNITS = _load("units.json")
_STRONG: dict[str, str] = _KINDS["money_cues"]["strong"]
_WEAK: dict[str, str] = _KINDS["money_cues"]["weak"]
_COUNT_NOUNS: dict[str, str] = _KINDS["count_nouns"]
_PARTY_NOUNS: dict[str, str] = _KINDS["party_nouns"]
_QUALIFIER_OF = {w: q for q, words in _KINDS["qualifiers"].items() for w in words}
_QUALIFIER_AFTER_OF = {w: q for q, words in _KINDS["qualifiers_after"].items() for w in words}
_CURRENCY_OF = {
    w: code for table in ("currencies", "other_currencies") for code, words in _UNITS[table].items() for w in words
}
_DECREASE = frozenset(_KINDS["decrease_cues"])

_MONEY_CUE = re.compile(rf"(?<!\w)(?:{_alt([*_STRONG, *_WEAK])})(?!\w)")
_MONEY_CUES = Cues(_forms([*_STRONG, *_WEAK]))
_BARE_IMPORT = _KINDS["bare_import"]["word"]
_NOT_IMPORT = re.compile(
    rf"(?<!\w)(?:(?:{_alt(_KINDS['bare_import']['not_after'])})\s+{_BARE_IMPORT}"
    rf"|{_BARE_IMPORT}\s+(?:{_alt(_KINDS['bare_import']['not_before'])}))(?!\w)"
)
_FDI_MARKERS = Cues(_forms(_KINDS["fdi_markers"]))
# 'tại Bình Dương': a province marks foreign capital only for an amount in a foreign
# currency (a domestic firm or a prize in the same province counts in đồng)
_FDI_PLACES = Cues(_forms([f"{w} {p}" for p in _KINDS["fdi_places"] for w in ("tại", "vào")]))
_PROJECT_CAPITAL = frozenset(_KINDS["project_capital"])
_UNIT_AFTER = re.compile(
    rf"\s*(?:(?P<pct>{_alt(_UNITS['percent'])})|(?P<cur>{_alt(_CURRENCY_OF)})(?!\w)(?!\s+(?:{_alt(_UNITS['not_after_dong'])})(?!\w)))"
)
_NOUN_AFTER = re.compile(
    rf"(?:\s+(?:{_alt(_KINDS['classifiers'])}))?\s+(?P<noun>{_alt([*_COUNT_NOUNS, *_PARTY_NOUNS])})(?!\w)"
    rf"(?P<not>\s+(?:khác\s+|nữa\s+)?(?:{_alt(_KINDS['not_after_count'])})(?!\w))?"
)
# What may follow a metric: the quick test most numbers fail. Words end at a word
# boundary ('5 đã', '5 mã' are no '5 đ', '5 m'); units of measure make no metric. No
# word starts with a space: the spaces are taken whole (``\s*+``), which fails faster.
_FOLLOW = re.compile(
    rf"\s*+(?:[-–—]|đến|tới|,?\s*và\s|{_alt(_UNITS['percent'])}"
    rf"|(?:{_alt(['lần', 'ngày', *_CURRENCY_OF, *_COUNT_NOUNS, *_PARTY_NOUNS, *_KINDS['classifiers']])})(?!\w))"
)
_GENERIC_NOUNS = frozenset(_KINDS["generic_nouns"])
_TOLLS = Cues(_forms(_KINDS["not_before_count"]))
_PEOPLE_NOUNS = frozenset({"người", "người việt", "người việt nam", "kiều bào", "người dân"})
_PEOPLE_END = re.compile(r"\s*(?:[.,;:)\-–]|$)|\s+(?:và|với|tại|ở|của|trên|sinh|đang|là)(?!\w)")
_LIVING = re.compile(r"\s+(?:đang\s+|hiện\s+)?(?:sinh\s+sống|sống|định\s+cư|làm\s+ăn\s+sinh\s+sống)(?!\w)")
_COMMUNITIES = Cues(_forms(_KINDS["community_cues"]))
_NOUNS_BEFORE = Cues(_forms(_COUNT_NOUNS))
_MEASURE_AFTER = re.compile(rf"\s*(?:{_alt(_UNITS['measures'])})(?!\w)")
_TIMES_AFTER = re.compile(r"\s+lần(?!\s+thứ)(?!\w)")
_DAYS_AFTER = re.compile(r"\s+ngày(?!\w)")
# What follows a figure, in the order the grammar asks: a unit, a unit of measure (no
# metric), 'lần', 'ngày', a counted noun. One match gives the first that fits, as the
# patterns tried one after the other would; the named group tells which.
_AFTER = re.compile(
    "|".join(
        f"(?P<{name}>{pattern.pattern})"
        for name, pattern in (
            ("unit", _UNIT_AFTER),
            ("measure", _MEASURE_AFTER),
            ("times", _TIMES_AFTER),
            ("days", _DAYS_AFTER),
            ("count", _NOUN_AFTER),
        )
    )
)
_SCALE_WORD = re.compile(r"(?<!\w)(?:nghìn|ngàn|vạn|triệu|tỷ|tỉ)(?!\w)")
_AND_AFTER = re.compile(r",?\s+và\s")
_RANGE_NEXT = re.compile(r"\s*(?:[-–—]|đến|tới)\s*")
_QUALIFIER_BEFORE = re.compile(rf"(?<!\w)(?:{_alt(_QUALIFIER_OF)})\s+(?:mức\s+|con\s+số\s+)?$")
_QUALIFIER_AFTER = re.compile(rf"\s+(?:{_alt(_QUALIFIER_AFTER_OF)})(?!\w)")
_TIMES_CUE = re.compile(rf"(?<!\w)(?:{_alt(_KINDS['times_cues'])})\s+(?:(?:{_alt(_QUALIFIER_OF)})\s+)?$")
_GROWTH_CUES = Cues(
    {**_forms(_KINDS["growth_cues"], "growth"), **_forms(_KINDS["share_cues"], "share")}
)  # values: (kind of cue, the cue word)
_DURATION_CUE = re.compile(r"(?<!\w)(?:kéo\s+dài|trong)\s+(?:(?:khoảng|gần|hơn)\s+)?$")
_VISITS = Cues(_forms(_KINDS["visit_words"]))
_POPULATION_CUE = re.compile(rf"(?<!\w)(?:{_alt(_KINDS['population_cues'])})\s+(?:(?:khoảng|gần|hơn|trên)\s+)?$")
_NOT_METRIC_BEFORE = re.compile(
    r"(?<!\w)(?:(?<!dân\s)(?<!tổng\s)(?<!con\s)(?<!lượng\s)số|khóa|khoá|lần|thứ|điều|khoản|chương|phiên|kỳ|mục|khu|phố|đường|quận|nghị\s+định|quyết\s+định"
    r"|thông\s+tư|nghị\s+quyết|lúc|vào\s+lúc|tuổi|top|nhóm|một\s+trong(?:\s+số)?)\s+$"
)
_QUALIFIER_LAST = frozenset(
    {w.split()[-1] for w in _QUALIFIER_OF}
    | {_NEW_TONE.sub(lambda m: _NEW_TONES[m.group()], w.split()[-1]) for w in _QUALIFIER_OF}
) | {"mức", "số"}
_NOT_METRIC_LAST = frozenset(
    {"số", "khóa", "khoá", "lần", "thứ", "điều", "khoản", "chương", "phiên", "kỳ", "mục", "khu", "phố", "đường", "quận"}
    | {"định", "tư", "quyết", "lúc", "tuổi", "top", "nhóm", "trong"}
)
_ORDINALS = {
    "nhất": 1,
    "nhì": 2,
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "tư": 4,
    "năm": 5,
    "sáu": 6,
    "bảy": 7,
    "tám": 8,
    "chín": 9,
    "mười": 10,
}
_MULTIPLE_WORDS = {"đôi": 2.0, "rưỡi": 1.5, "hai": 2.0, "ba": 3.0, "bốn": 4.0, "năm": 5.0, "mười": 10.0}
_GAP = re.compile("ấp(?<=gấp)")
_WORD_TIMES = re.compile(rf"gấp\s+(?P<w>{_alt(_MULTIPLE_WORDS)})(?:\s+lần)?(?!\w)")
_RANK_BREAK = re.compile(r"[;.:]|thứ|lần")
_RANK_CUE = re.compile(rf"(?<!\w)(?:{_alt(_KINDS['rank_cues'])})\s+$")
_RANK_TAIL = rf"\s+(?P<n>\d{{1,3}}|{_alt(_ORDINALS)})(?:\s*/\s*\d+)?(?![\w/])"
# One pattern per first word, tried only where the word starts: 'thứ' is found from its
# 'ứ' (a one-character search runs at memory speed, see `_find_word`), the rare 'hạng'
# from its 'ạ' by a pattern (see `_find_led`; the rank pattern needs a space after it).
_RANK_WORDS = ((re.compile("thứ" + _RANK_TAIL), "thứ", 2), (re.compile("hạng" + _RANK_TAIL), "hạng", None))
_SCALES = re.compile(r"(?:\s*(?:nghìn|ngàn|vạn|triệu|tỷ|tỉ))+(?:\s+rưỡi)?$")

_SMALL_UNITS = frozenset({"percent", "rank", "times", "days"})


@attrs.define(kw_only=True)
class _Figure:
    start: int
    end: int
    value: float
    unit: str
    kind: str
    qualifier: str | None = None
    needs_kind: bool = False  # money with no cue: take the kind of the figure before


def _ranks(low: str) -> list[re.Match[str]]:
    """'lớn thứ 8', 'đứng thứ hai', 'xếp hạng 5': found from the rare 'thứ' and 'hạng'."""
    found: list[re.Match[str]] = []
    for pattern, word, anchor in _RANK_WORDS:
        starts = _find_word(low, word, anchor) if anchor is not None else _find_led(low, word, 1)
        for m in _matches_at(pattern, low, starts):
            i = m.start()
            if not (i and low[i - 1].isalnum()) and (
                _RANK_CUE.search(low, max(0, i - 16), i)
                # 'đứng thứ 5 EU và thứ 20/116 quốc gia', 'thứ nhất về đầu tư, thứ hai về ODA':
                # a further rank in the same breath
                or (
                    found
                    and 0 <= i - found[-1].end() <= 40
                    and (low.endswith(" và ", 0, i) or low.endswith(", ", 0, i))
                    and not _RANK_BREAK.search(low, found[-1].end(), i - 4)
                )
            ):
                found.append(m)
    found.sort(key=lambda m: m.start())
    return found


def _word_multiples(low: str) -> list[re.Match[str]]:
    """'gấp đôi', 'gấp ba lần': multiples in words (in digits they are ordinary numbers)."""
    if _GAP.search(low) is None:  # most texts: 'gấp' found from its rarer 'ấ' (see `_find_led`)
        return []
    return [m for m in _WORD_TIMES.finditer(low) if not (m.start() and low[m.start() - 1].isalnum())]


def _money_kind(low: str, s: int, e: int, start: int, end: int | None = None, foreign: bool = False) -> str | None:
    strong = weak = None
    cues = _MONEY_CUES.find(low, s, start)
    if end is not None and not cues:
        cue = _MONEY_CUE.match(low, end + 1, end + 40) if low[end : end + 1] == " " else None
        if cue is not None and _norm(cue.group()) in _STRONG:  # 'đạt 2 tỷ USD kim ngạch thương mại'
            return _STRONG[_norm(cue.group())]
    for a, b, word in cues:
        if word == _BARE_IMPORT and _NOT_IMPORT.search(low, max(s, a - 8), min(start, b + 12)):
            continue  # 'hội nhập', 'nhập cảnh' are no imports
        if word in _STRONG:
            strong = word
        else:
            weak = word
    chosen = strong or weak
    if chosen is None:
        return None
    kind = _STRONG.get(chosen) or _WEAK[chosen]
    if (
        kind == "investment"
        and chosen not in _PROJECT_CAPITAL
        and (_FDI_MARKERS.search(low, s, e) or (foreign and _FDI_PLACES.search(low, s, e)))
    ):
        return "fdi"
    return kind


_LEVEL_WORDS = frozenset({"xuống", "còn"})


def _percent_kind(low: str, s: int, start: int) -> tuple[str, bool]:
    clause = max(s, start - 60)
    cues = _GROWTH_CUES.find(low, clause, start)
    if not cues:
        return ("growth_rate" if "tăng trưởng" in low[s:start] else "count"), False
    if cues[-1][2][0] == "share":
        return "count", False
    words = low[max(clause, start - 24) : start].split()
    if any(w in _LEVEL_WORDS for w in words[-2:]):  # 'thuế giảm xuống 2,8%' is the level reached
        return ("growth_rate" if "tăng trưởng" in low[clause:start] else "count"), False
    return "growth_rate", cues[-1][2][1] in _DECREASE


def _maybe_metric(low: str, start: int, end: int) -> bool:
    """The quick test that most numbers fail: nothing a metric needs stands around it."""
    return (
        _FOLLOW.match(low, end) is not None
        or (start > 0 and low[start - 1] in "$€£")
        or "dân số" in low[max(0, start - 30) : start]
    )


def _last_word(before: str) -> str:
    """The word that ends ``before`` when a space follows it, else ''.

    The look-behind patterns below are tried only when this word can end them: a set
    look-up is far cheaper than a regex search anchored at the end of a string.
    """
    if not before or not before[-1].isspace():
        return ""
    parts = before.rsplit(None, 1)
    return parts[-1].rpartition("(")[2].lstrip("[{\"'“‘-–") if parts else ""


def _classify(n: NumberMention, low: str, s: int, e: int, nxt: NumberMention | None) -> _Figure | None:
    """Decide whether one number of a sentence is a metric, and which."""
    before = low[max(s, n.start - 24) : n.start]
    last = _last_word(before)
    if last in _NOT_METRIC_LAST and _NOT_METRIC_BEFORE.search(before):
        return None
    value, end = n.value, n.end
    rng = _RANGE_NEXT.match(low, end, e) if nxt is not None else None
    if nxt is not None and rng is not None and rng.end() == nxt.start:
        scale = _SCALES.search(nxt.text.lower())
        if scale is not None and _SCALES.search(n.text.lower()) is None:
            value *= parse_number("1" + scale.group()) or 1.0
        after_at = nxt.end
    else:
        after_at = end
    qualifier = None
    q = _QUALIFIER_BEFORE.search(before) if last in _QUALIFIER_LAST else None
    start = n.start
    if q is not None:
        qualifier = _QUALIFIER_OF[_norm(q.group().split("mức")[0].split("con số")[0])]
        start = n.start - (len(before) - q.start())
    after = _AFTER.match(low, after_at, e)
    if (after is None or after.lastgroup != "unit") and n.start > s and low[n.start - 1] in "$€£":  # '$5', 'US$5'
        symbol = low[n.start - 1]
        return _Figure(
            start=start - 1,
            end=end,
            value=value,
            unit=_UNITS["prefix_symbols"][symbol],
            kind=_money_kind(low, s, e, n.start) or "count",
            qualifier=qualifier,
        )
    if after is None:
        if _POPULATION_CUE.search(low, max(s, start - 20), start) and value >= 1000:
            return _Figure(start=start, end=n.end, value=value, unit="count", kind="population", qualifier=qualifier)
        return None
    what = after.lastgroup
    if what == "unit":
        end = after.end() if after_at == n.end else n.end
        if after.group("pct"):
            kind, negative = _percent_kind(low, s, n.start)
            return _Figure(
                start=start,
                end=end,
                value=-value if negative else value,
                unit="percent",
                kind=kind,
                qualifier=qualifier,
            )
        code = _CURRENCY_OF[_norm(after.group("cur"))]
        if code not in METRIC_UNITS:
            return None  # '50 triệu đô la Úc': no US dollars, and no unit of the model yet
        money = _money_kind(low, s, e, n.start, end, foreign=code != "VND")
        return _Figure(
            start=start,
            end=end,
            value=value,
            unit=code,
            kind=money or "count",
            qualifier=qualifier,
            needs_kind=money is None,
        )
    if what == "measure":
        return None
    if what == "times":
        if not _TIMES_CUE.search(low, max(s, start - 16), start):
            return None
        return _Figure(start=start, end=after.end(), value=value, unit="times", kind="growth", qualifier=qualifier)
    if what == "days":
        if not (_DURATION_CUE.search(low, max(s, start - 16), start) and _VISITS.search(low, s, start)):
            return None
        return _Figure(start=start, end=after.end(), value=value, unit="days", kind="duration", qualifier=qualifier)
    noun = after  # a counted noun
    word = _norm(noun.group("noun"))
    if noun.group("not") or (n.text.isdecimal() and len(n.text) == 4 and 1900 <= value <= 2100):
        return None  # '86 người thiệt mạng'; 'Olympic 1988 tổ chức tại Seoul' is a year
    if word in _GENERIC_NOUNS and _TOLLS.search(low, max(s, start - 40), start):
        return None  # 'cướp đi sinh mạng của 320.000 người' is a toll
    if word in _PARTY_NOUNS:
        if value < _KINDS["party_min"]:
            return None
        kind = _PARTY_NOUNS[word]
    else:
        kind = _COUNT_NOUNS[word]
        least = _KINDS["count_min"] if kind == "count" else 2  # '3 dự án' is a figure; '2 văn kiện' hardly one
        if value < least or (value != int(value) and value < 1000):
            return None
    if kind == "population" and value < 1000:
        return None
    if kind == "count" and _POPULATION_CUE.search(low, max(s, start - 20), start):
        kind = "population"  # 'dân số 96 triệu người'
    elif word in _GENERIC_NOUNS:  # 'số du học sinh ... vượt 60.000 người' counts students
        for _, _, earlier in _NOUNS_BEFORE.find(low, s, start):
            if _COUNT_NOUNS.get(earlier, "count") != "count":
                kind = _COUNT_NOUNS[earlier]
    if kind == "count" and word in _PEOPLE_NOUNS and _is_population(low, s, start, noun.end(), e, value, word):
        kind = "population"
    end = noun.start("not") if noun.group("not") else noun.end()
    return _Figure(start=start, end=end, value=value, unit="count", kind=kind, qualifier=qualifier)


def _is_population(low: str, s: int, start: int, end: int, e: int, value: float, word: str) -> bool:
    """'cộng đồng người Việt ... 60.000 người', '60.000 người Việt sinh sống tại Séc',
    'thị trường 2,8 tỷ người' (not '3 triệu người tị nạn', nor '50 người Việt' at a reception)."""
    if value < 1000:
        return False  # 'khoảng 50 người Việt' at a reception is a count
    if _COMMUNITIES.search(low, s, start) or _LIVING.match(low, end, e):
        return True  # 'cộng đồng người Việt ... 60.000 người'; '60.000 người Việt sinh sống tại Séc'

    return word == "người" and value >= _KINDS["population_min_people"] and _PEOPLE_END.match(low, end, e) is not None


def _shared_unit(n: NumberMention, low: str, s: int, e: int, figures: list[_Figure]) -> _Figure | None:
    """'xuất khẩu 22 tỷ và nhập khẩu 50 tỷ USD': the first amount takes the unit of the next."""
    later = [f for f in figures if n.end < f.start <= n.end + 80]
    if not later or later[0].unit in _SMALL_UNITS or ";" in low[n.end : later[0].start]:
        return None
    nxt = later[0]
    if nxt.unit == "count" and not _SCALE_WORD.search(low, nxt.start, nxt.end):
        return None  # '5 và 7 dự án' is rather a list of small numbers
    before = low[max(s, n.start - 24) : n.start]
    q = _QUALIFIER_BEFORE.search(before)
    qualifier = _QUALIFIER_OF[_norm(q.group().split("mức")[0].split("con số")[0])] if q else None
    start = n.start - (len(before) - q.start()) if q else n.start
    kind = nxt.kind if nxt.unit == "count" else (_money_kind(low, s, e, n.start) or nxt.kind)
    return _Figure(start=start, end=n.end, value=n.value, unit=nxt.unit, kind=kind, qualifier=qualifier)


def _qualifier_after(low: str, fig: _Figure, e: int) -> None:
    after = _QUALIFIER_AFTER.match(low, fig.end, e)
    if after is not None and fig.qualifier is None:
        fig.qualifier = _QUALIFIER_AFTER_OF[_norm(after.group())]
        fig.end = after.end()
