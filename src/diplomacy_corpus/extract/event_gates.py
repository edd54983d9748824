"""Whether a trigger word found by the lexicon scan tells an event at all.

`trigger_ok` drops habits (``thường xuyên``), anniversaries of a state relation, triggers
whose required next word or preceding verb is missing (``tiếp`` + a person, ``Đối tác``
after ``nâng cấp``), wishes and plans (``blockers_before``), plural and generic mentions
(``các chuyến thăm``) and signings with no document named near them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from . import lexicon
from .analysis import Analysis

__all__ = [
    "STATE_KINDS",
    "gate",
    "has_word",
    "letter_led",
    "lexicon_patterns",
    "signing_told",
    "trigger_ok",
    "words_before",
]

_ANNIVERSARY_RE = re.compile(
    r"(?:kỷ niệm|tròn|sau|với bề dày|đánh dấu)\s+(?:\d+|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|nửa)\s+"
    r"(?:năm|thập kỷ|thế kỷ)\s*(?:ngày\s+|Ngày\s+)?(?:[\w\-]+\s+){0,8}$"
    # "... và 40 năm Ngày ký Hiệp ước", "45 năm ngày Nhật Bản và Trung Quốc bình thường hóa": the years
    # since the Day of an event, wherever the list began
    r"|\d(?<!\w\d)\d*\s+năm\s+[Nn]gày\s+(?:[\w\-]+\s+){0,6}$"  # '\b\d+', the boundary a look-behind
)

_HABITUAL_RE = re.compile(r"[^.;,]{0,30}\b(?:thường xuyên|nhiều lần|hằng năm|hàng năm|định kỳ)\b")

# Businesses as the signatories: "Doanh nghiệp hai nước ký ...", "Tập đoàn A và Tập đoàn B đã ký ...".
_CORPORATE_RE = re.compile(r"\s*(?:Các\s+|Nhiều\s+|Hai\s+)?(?:[Dd]oanh nghiệp|Tập đoàn|Công ty|Ngân hàng)\b[^,;]*$")

_CARRY_OUT_RE = re.compile(
    r"\b(?:triển khai|thực hiện|thực thi|tuân thủ)\s+(?:\w+\s+){0,3}?(?:các|những)\s[^.;:]*?\b(?:đã|được)\s*$"
)

# Agreeing to do something that includes signing: "nhất trí tiếp tục ... hoặc ký mới ...".
_AGREED_TO_RE = re.compile(
    r"\b(?:nhất trí|đồng ý|cam kết|thống nhất)\s+(?:tiếp tục|sẽ|sớm|xúc tiến|thúc đẩy)\b|\bhoặc\s*$"
)

STATE_KINDS = frozenset({"dialogue", "relationship_upgrade", "normalization", "agreement"})
_ACTOR_OPENERS = frozenset(
    {"ông", "bà", "ngài", "đồng", "đoàn", "cựu", "nguyên", "người", "các", "lãnh", "phái", "đại", "ban"}
)


def words_before(view: str, start: int, lo: int, n: int = 6) -> str:
    """The last ``n`` words before offset ``start``, not before offset ``lo``."""
    return " ".join(view[max(lo, start - 60) : start].split()[-n:])


def has_word(hay: str, words: Sequence[str]) -> bool:
    """Whether one of ``words`` stands in ``hay`` as whole words (not inside a longer word)."""
    return _words_regex(tuple(words)).search(hay) is not None


def letter_led(words: Sequence[str], not_after: str, skip: Sequence[str] = ()) -> str:
    """``(?<!not_after)(?:words)`` (and not after any of ``skip``), written to open with a letter.

    The regex engine skips ahead to the first letters of a pattern that opens with them,
    instead of trying a look-behind at every character; each word's look-behinds follow
    its first letter. ``not_after`` is a one-character class; the words keep their order.
    """
    heads: dict[str, list[str]] = {}
    for w in words:
        heads.setdefault(w[0], []).append(re.escape(w[1:]))
    alts = []
    for head, tails in heads.items():
        c = re.escape(head)
        guards = f"(?<!{not_after}{c})" + "".join(f"(?<!{re.escape(x)}{c})" for x in skip)
        alts.append(f"{c}{guards}(?:{'|'.join(tails)})")
    return "(?:" + "|".join(alts) + ")"


@lru_cache(maxsize=64)
def _words_regex(words: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for a list of words: whole words only, a letter or digit on neither side."""
    if not words:
        return re.compile(r"(?!)")
    if "" in words:  # matches wherever no letter stands before: kept as written
        return re.compile(
            rf"(?<![^\W_])(?:{'|'.join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))})(?![^\W_])"
        )
    alternation = letter_led(sorted(set(words), key=len, reverse=True), r"[^\W_]")
    return re.compile(rf"{alternation}(?![^\W_])")


def trigger_ok(an: Analysis, t: tuple[int, int, dict[str, Any]], blockers: Sequence[str], nouns: Sequence[str]) -> bool:
    """Whether trigger ``t`` (start, end, lexicon spec) can tell an event (see the module)."""
    nouns_rx = _any_of(tuple(nouns)) if nouns else None
    return gate(an, t, _words_regex(tuple(blockers)), nouns_rx)


_PLURAL_RE = _words_regex(("các", "những", "nhiều"))
_NOT_YET_RE = _words_regex(("sớm", "sẽ", "đề nghị", "cần", "nhằm", "để"))


@lru_cache(maxsize=64)
def _next_words(words: tuple[str, ...]) -> tuple[tuple[str, ...], frozenset[str]]:
    """What a text after a trigger may start with to be one of ``words``, and the words themselves."""
    return tuple(w + " " for w in words), frozenset(words)


_patterns: tuple[int, re.Pattern[str], re.Pattern[str] | None] | None = None


def lexicon_patterns() -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    """`gate`'s patterns for the ``event_triggers`` lexicon's blockers and agreement nouns.

    Compiled once per lexicon version (see `lexicon.version`).
    """
    global _patterns
    if _patterns is None or _patterns[0] != lexicon.version():
        cfg = lexicon.load("event_triggers")
        nouns = cfg.get("agreement_nouns", [])
        blockers = _words_regex(tuple(cfg.get("blockers_before", [])))
        _patterns = (lexicon.version(), blockers, _any_of(tuple(nouns)) if nouns else None)
    return _patterns[1], _patterns[2]


def gate(
    an: Analysis, t: tuple[int, int, dict[str, Any]], blockers: re.Pattern[str], nouns: re.Pattern[str] | None
) -> bool:
    """`trigger_ok` with the blockers as a `has_word` pattern and the agreement nouns as an `_any_of` one.

    Args:
        blockers: ``_words_regex(tuple(blockers))``.
        nouns: ``_any_of(tuple(nouns))``, or None when there are no nouns.
    """
    ts, te, spec = t
    view = an.view
    # The word after the trigger first: it turns most triggers away ("tiếp tục"), cheaply.
    nxt = view[te : te + 40].lstrip()
    if spec.get("not_next") and any(nxt.lower().startswith(w) for w in spec["not_next"]):
        return False  # "Phát biểu trước báo giới": remarks to the press
    rule = spec.get("next")
    if rule:
        word = nxt.split(" ", 1)[0].strip(",.;:")
        # An actor next: a capital (a name, an office, an acronym) or a word opening one.
        if not (word[:1].isupper() or word in _ACTOR_OPENERS):
            if rule != "actor_or":
                return False
            starts, words = _next_words(tuple(spec.get("next_words", [])))
            if not (nxt.startswith(starts) or nxt in words):
                return False
    if _HABITUAL_RE.match(view, te):
        return False
    kind = spec["kind"]
    if kind in STATE_KINDS and _ANNIVERSARY_RE.search(view[max(0, ts - 80) : ts]):
        return False
    last = view[max(0, ts - 60) : ts].split()
    if spec.get("before") and not has_word(" ".join(last[-5:]), spec["before"]):
        return False
    if spec.get("after") and not has_word(" ".join(nxt.lower().split()[:4]), spec["after"]):
        return False
    last3 = " ".join(last[-3:])
    if blockers.search(last3):
        return False
    if kind in ("visit", "agreement", "conference") and _PLURAL_RE.search(last3):
        return False
    if spec.get("object"):
        # A passive "Hiệp định ... được ký kết" names its object far before the verb.
        back = 200 if view[max(0, ts - 6) : ts].rstrip().endswith("được") else 60
        if nouns is None or not nouns.search(view, max(0, ts - back), te + 80):
            return False
        if _NOT_YET_RE.search(last3):
            return False
    return True


@lru_cache(maxsize=8)
def _any_of(words: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern that finds any of ``words`` anywhere (as ``any(w in text for w in words)``)."""
    return re.compile("|".join(re.escape(w) for w in words))


def signing_told(view: str, s_start: int, c_start: int, ts: int) -> bool:
    """Whether a signing verb at ``ts`` tells a signing of states.

    Not: a business deal (``Doanh nghiệp hai nước ký kết ...``), agreements signed before
    and carried out now (``triển khai các thỏa thuận ... đã ký kết``), or a plan
    (``nhất trí tiếp tục rà soát, cập nhật hoặc ký mới các văn kiện``).
    """
    if _CORPORATE_RE.match(view, c_start, ts):
        return False
    if _CARRY_OUT_RE.search(view[max(c_start, ts - 80) : ts]):
        return False
    return not _AGREED_TO_RE.search(view[max(s_start, ts - 80) : ts].rsplit(";", 1)[-1])
