"""Foreign names written on their own in Latin script (``Antony Blinken``, ``Bashar al-Assad``).

A run of 2-4 capitalised Latin words (`names.LATIN_RUN_RE`) that is no Vietnamese phrase,
no organization (``Booz Allen Hamilton``, ``Al Jazeera``), no model (``P-3 Orion``) and
stands after no organization or place word is a person; an office written after it in
apposition (``Nile Gardiner, chuyên gia ...``) gives its titles and state.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from . import lexicon
from .analysis import Analysis, PersonMention
from .names import (
    LATIN_RUN_RE,
    english_words,
    has_vietnamese_letters,
    is_cap,
    is_name_part,
    is_outside_word,
    is_vietnamese_run,
    is_vietnamese_syllable,
    object_nouns,
    org_words,
)
from .person_context import chain, clean_titles

__all__ = ["latin_names"]

_DIGIT_RE = re.compile(r"\d")
_ARTICLES = frozenset(["Al", "El"])


def latin_names(an: Analysis) -> None:
    """Add the foreign names standing on their own to ``an.persons`` (and organizations they turn out to be)."""
    prefixes, suffixes = org_words()
    english = english_words()
    objects = object_nouns()
    version = lexicon.version()
    taken = [(p.start, p.end) for p in an.persons]
    known = {p.name for p in an.persons if p.kind != "short"}
    for m in LATIN_RUN_RE.finditer(an.view):
        candidate = _candidate_words(m.group(0), version)
        if candidate is None:
            continue
        words = list(candidate)
        start, end = m.span()
        while words and (not _opens_name(words[0], version) or an.overlaps_hit(start, start + len(words[0]))):
            start += len(words.pop(0)) + 1
        while words and not _closes_name(words[-1], version):
            end -= len(words.pop()) + 1
        if len(words) < 2 or all(is_vietnamese_syllable(w) for w in words):
            continue
        if any(s < end and start < e for s, e in taken) or an.text[start:end] in known:
            continue  # a person named there or elsewhere already ("Tổng thống Hàn Quốc Moon Jae In")
        if words[0] in _ARTICLES and len(words) == 2:
            an.orgs.append((start, end, "x-" + " ".join(words), an.text[start:end]))
            continue  # "Al Jazeera", "Al Udeid": an Arabic article and one word
        if not english.isdisjoint(words):
            an.orgs.append((start, end, "x-" + " ".join(words), an.text[start:end]))
            continue
        if an.masked(start):
            continue
        if not suffixes.isdisjoint(words):
            an.orgs.append((start, end, "x-" + m.group(0), an.text[start:end]))
            continue
        if _DIGIT_RE.search(an.view, start, end):
            continue  # "P-3 Orion", "F-16 Falcon": a model, not a person
        chunk = an.view[max(0, start - 60) : start]
        cut = max(chunk.rfind(","), chunk.rfind("."), chunk.rfind(";"), chunk.rfind(":"), chunk.rfind("("))
        before = chunk[cut + 1 :].split()[-8:]
        if any(w in prefixes or " ".join(before[x : x + 2]) in prefixes for x, w in enumerate(before)):
            continue
        if before and before[-1] in ("tại", "ở", "bang", "thành", "phố", "đảo", "sông", "tỉnh", "thủ", "đô"):
            continue
        if any(" ".join(before[-k:]) in objects for k in (1, 2, 3) if len(before) >= k):
            continue  # "tên lửa chống tàu Harpoon Block 2", "phim Star Wars": a thing's name
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


@lru_cache(maxsize=16384)
def _candidate_words(run: str, version: int) -> tuple[str, ...] | None:
    """The words of a capitalised run, or None for a Vietnamese phrase or an organization's opening.

    Cached per lexicon version: the same runs (``Hà Nội``, ``Việt Nam``) recur in every text.
    """
    del version  # part of the cache key: a lexicon change renews the answers
    if is_vietnamese_run(run):
        return None
    words = run.split(" ")
    prefixes = org_words()[0]
    if words[0] in prefixes or " ".join(words[:2]) in prefixes:
        return None
    return tuple(words)


@lru_cache(maxsize=16384)
def _opens_name(word: str, version: int) -> bool:
    """Whether ``word`` can be the first word of a foreign name (cached per lexicon version)."""
    del version  # part of the cache key: a lexicon change renews the answers
    return is_cap(word) and not is_outside_word(word) and not has_vietnamese_letters(word)


@lru_cache(maxsize=16384)
def _closes_name(word: str, version: int) -> bool:
    """Whether ``word`` can be the last word of a foreign name (cached per lexicon version)."""
    del version
    return is_name_part(word) and not is_outside_word(word) and not has_vietnamese_letters(word)


def _apposition(an: Analysis, end: int) -> tuple[list[str], str | None]:
    """Offices written after a name: ``Nile Gardiner, chuyên gia ...``, ``X - Chủ tịch ...``."""
    if not an.tokens:
        return [], None
    i = bisect.bisect_left(an.tokens, (end, -1))
    if i >= len(an.tokens) or an.view[end : an.tokens[i][0]].strip() not in {",", "-"}:
        return [], None
    if an.entry(i, "title") is None:
        return [], None
    titles, country, _, other, _ = chain(an, i, want_name=True)
    if other is not None:
        return [], None
    return clean_titles([t for t in titles if t != "Phu nhân"]), country
