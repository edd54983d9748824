"""The word tests `latin_names` used before `names.word_traits` (kept as the tests' reference)."""

from __future__ import annotations

from functools import lru_cache

from diplomacy_corpus.extract.latin_names import _words
from diplomacy_corpus.extract.names import (
    has_vietnamese_letters,
    is_cap,
    is_name_part,
    is_outside_word,
    is_vietnamese_run,
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
    prefixes = _words().prefixes
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
