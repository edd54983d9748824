"""Foreign names written on their own in Latin script (``Antony Blinken``, ``Bashar al-Assad``).

A run of 2-4 capitalised Latin words (`names.LATIN_RUN_RE`) that is no Vietnamese phrase,
no organization (``Booz Allen Hamilton``, ``Al Jazeera``), no model (``P-3 Orion``) and
stands after no organization or place word is a person; an office written after it in
apposition (``Nile Gardiner, chuyên gia ...``) gives its titles and state.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

from . import lexicon
from .analysis import Analysis, PersonMention
from .names import (
    CLOSES_NAME,
    LATIN_RUN_RE,
    OPENS_NAME,
    SYLLABLE,
    english_words,
    is_vietnamese_words,
    object_nouns,
    org_words,
    word_traits,
)
from .person_context import chain, clean_titles

__all__ = ["latin_names"]

_DIGIT_RE = re.compile(r"\d")
_ARTICLES = frozenset(["Al", "El"])
_APPOSITION_GAP_RE = re.compile(r"\s*[,-]")


# What a run's words alone decide, for each word a name may open with (`_shape`).
_PERSON, _ORG, _SUFFIX_ORG = 0, 1, 2
#: ``(start, end, verdict, org key)``: a run's name (offsets in the run) and what it is.
_Found = tuple[int, int, int, str]
#: For each word a name may open with, in order: its offsets in the run and the name it
#: gives (None: the run is no name). The chosen word is the first that no lexicon hit covers.
_Shape = tuple[tuple[int, int, "_Found | None"], ...]

_shapes_version = -1


def latin_names(an: Analysis) -> None:
    """Add the foreign names standing on their own to ``an.persons`` (and organizations they turn out to be)."""
    shape_of, context = _shapes()
    view, text = an.view, an.text
    taken = [(p.start, p.end) for p in an.persons]
    known = {p.name for p in an.persons if p.kind != "short"}
    for m in LATIN_RUN_RE.finditer(view):
        shape = shape_of(m.group(0))
        if shape is None:
            continue  # a Vietnamese phrase, an organization, a model: whatever the text around it
        base = m.start()
        for word_start, word_end, name in shape:
            if not an.overlaps_hit(base + word_start, base + word_end):
                found = name  # the first opening word no lexicon hit covers
                break
        else:
            continue
        if found is None:
            continue
        s_off, e_off, verdict, key = found
        start, end = base + s_off, base + e_off
        if any(s < end and start < e for s, e in taken) or text[start:end] in known:
            continue  # a person named there or elsewhere already ("Tổng thống Hàn Quốc Moon Jae In")
        if verdict == _ORG:
            an.orgs.append((start, end, key, text[start:end]))
            continue  # "Al Jazeera", "Al Udeid", an English word
        if an.masked(start):
            continue
        if verdict == _SUFFIX_ORG:
            an.orgs.append((start, end, key, text[start:end]))
            continue
        if _after_org_or_place(view, start, context):
            continue
        # Lexicon words inside the run (a country, an org, a place) make it no name.
        if an.overlaps_hit(start, end):
            continue
        titles, country = _apposition(an, end)
        an.persons.append(
            PersonMention(
                start=start,
                end=end,
                name=text[start:end],
                kind="foreign",
                titles=titles,
                country=country,
                explicit_country=country is not None,
            )
        )


class _Context(NamedTuple):
    """The lexicon words read in and before a name, for one lexicon version."""

    version: int
    #: Words that open an organization's name (``Ngân hàng``, ``Viện``).
    prefixes: frozenset[str]
    #: First words of the two-word prefixes (``Ngân`` of ``Ngân hàng``).
    pair_heads: frozenset[str]
    objects: frozenset[str]
    #: Last words of the object nouns (``lửa`` of ``tên lửa``).
    object_tails: frozenset[str]
    #: Latin words that make a run no person's name (``Force``).
    english: frozenset[str]
    #: Words that end an organization's name.
    suffixes: frozenset[str]


_context: _Context | None = None


def _words() -> _Context:
    """The lexicon words `latin_names` reads, renewed when the lexicon changes."""
    global _context
    if _context is None or _context.version != lexicon.version():
        prefixes, suffixes = org_words()
        objects = object_nouns()
        _context = _Context(
            version=lexicon.version(),
            prefixes=prefixes,
            pair_heads=frozenset(p.split(" ")[0] for p in prefixes if p.count(" ") == 1),
            objects=objects,
            object_tails=frozenset(p.split(" ")[-1] for p in objects),
            english=english_words(),
            suffixes=suffixes,
        )
    return _context


def _shapes() -> tuple[Callable[[str], _Shape | None], _Context]:
    """`_shape` and the lexicon words, both renewed when the lexicon changes."""
    global _shapes_version
    if _shapes_version != lexicon.version():
        _shape.cache_clear()
        _shapes_version = lexicon.version()
    return _shape, _words()


#: Words right before a name that make it a place's (``tại``, ``tỉnh``, ``thủ đô``).
_PLACE_WORDS = frozenset(["tại", "ở", "bang", "thành", "phố", "đảo", "sông", "tỉnh", "thủ", "đô"])


def _after_org_or_place(view: str, start: int, context: _Context) -> bool:
    """Whether the words before ``start`` (back to a comma, period, colon or parenthesis) make it no person.

    An organization word among the last 8 (``Ngân hàng Thế giới``... ``Viện``), a place
    word right before (``tại``, ``tỉnh``) or a thing (``tên lửa chống tàu Harpoon``, ``phim Star Wars``).
    """
    chunk = view[max(0, start - 60) : start]
    cut = max(chunk.rfind(","), chunk.rfind("."), chunk.rfind(";"), chunk.rfind(":"), chunk.rfind("("))
    before = chunk[cut + 1 :].split()[-8:]
    if not before:
        return False
    prefixes, pair_heads = context.prefixes, context.pair_heads
    if not prefixes.isdisjoint(before):
        return True
    if not pair_heads.isdisjoint(before[:-1]):
        for x in range(len(before) - 1):
            if before[x] in pair_heads and before[x] + " " + before[x + 1] in prefixes:
                return True
    last = before[-1]
    if last in _PLACE_WORDS:
        return True
    if last not in context.object_tails:
        return False
    return any(" ".join(before[-k:]) in context.objects for k in (1, 2, 3) if len(before) >= k)


@lru_cache(maxsize=16384)
def _shape(run: str) -> _Shape | None:
    """What the words of a capitalised run decide (None: no name and no organization there).

    A name opens with a word that can open one (`names.word_traits`) and is no lexicon hit
    (which only the text tells), and ends with the last word that can close one; it is then
    no name when under two words, all Vietnamese syllables, or a model (``F-16 Falcon``), and
    an organization for an Arabic article and one word or an English or organization word.
    A Vietnamese phrase or an organization's opening is none either.
    Cached: the same runs (``Hà Nội``, ``Donald Trump``) recur in every text.
    """
    candidate = run.split(" ")
    if is_vietnamese_words(run, candidate):
        return None
    lexicon_words = _words()
    prefixes = lexicon_words.prefixes
    if candidate[0] in prefixes or (len(candidate) > 1 and candidate[0] + " " + candidate[1] in prefixes):
        return None
    traits = list(map(word_traits, candidate))
    last = len(candidate)
    while last and not traits[last - 1] & CLOSES_NAME:
        last -= 1  # (the name ends with the last word that can close one)
    shape: list[tuple[int, int, _Found | None]] = []
    pos = 0
    # A name opening at word x needs two words up to the last: later openings give none.
    for x in range(last - 1):
        w = candidate[x]
        if traits[x] & OPENS_NAME:
            shape.append((pos, pos + len(w), _verdict(run, candidate, traits, pos, x, last, lexicon_words)))
        pos += len(w) + 1
    while shape and shape[-1][2] is None:
        shape.pop()  # opening there or later gives no name, whatever the lexicon hits
    return tuple(shape) or None


def _verdict(
    run: str, words: list[str], traits: list[int], start: int, first: int, last: int, lexicon_words: _Context
) -> _Found | None:
    """The name of words ``first`` to ``last`` (exclusive) of a run, or None when it is none.

    ``start`` is the offset of word ``first`` in the run, ``traits`` the words' `word_traits`.
    """
    if all(t & SYLLABLE for t in traits[first:last]):
        return None
    name = words[first:last]
    end = start + len(" ".join(name))
    if (name[0] in _ARTICLES and len(name) == 2) or not lexicon_words.english.isdisjoint(name):
        return start, end, _ORG, "x-" + " ".join(name)
    if not lexicon_words.suffixes.isdisjoint(name):
        return start, end, _SUFFIX_ORG, "x-" + run
    if _DIGIT_RE.search(run, start, end):
        return None  # "P-3 Orion", "F-16 Falcon": a model, not a person
    return start, end, _PERSON, ""


def _apposition(an: Analysis, end: int) -> tuple[list[str], str | None]:
    """Offices written after a name: ``Nile Gardiner, chuyên gia ...``, ``X - Chủ tịch ...``."""
    if not an.tokens or not _APPOSITION_GAP_RE.match(an.view, end):
        return [], None  # (what the gap must open with, read before looking the next token up)
    i = bisect.bisect_left(an.tokens, (end, -1))
    if i >= len(an.tokens) or an.view[end : an.tokens[i][0]].strip() not in {",", "-"}:
        return [], None
    if an.entry(i, "title") is None:
        return [], None
    titles, country, _, other, _ = chain(an, i, want_name=True)
    if other is not None:
        return [], None
    return clean_titles([t for t in titles if t != "Phu nhân"]), country
