"""Cue words found in a stretch of lower-cased text, fast.

The metric grammar asks many times per sentence which cue words (``kim ngạch``,
``xuất khẩu``, ``dự án``...) stand before a figure. A regular expression made of a long
alternation of words is slow in Python's engine (about 50 ns a character, since it tries
the alternation almost everywhere); an Aho-Corasick automaton (``pyahocorasick``) reads
the same stretch in a few ns a character. `Cues` gives the hits of either, the same:
whole words only, leftmost-longest, not overlapping, like ``finditer`` on
``(?<!\\w)(?:word|...)(?!\\w)`` with ``pos`` and ``endpos``.

Examples:
    >>> cues = Cues({"kim ngạch": "trade", "kim ngạch xuất khẩu": "export", "xuất khẩu": "export"})
    >>> cues.find("kim ngạch xuất khẩu đạt 5 tỷ usd", 0, 24)
    [(0, 19, 'export')]
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Generic, TypeVar

__all__ = ["Cues"]

V = TypeVar("V")

# Text with other spaces than single blanks between words (two blanks, a no-break or thin
# space, a tab, a line break) is read by the regex, which allows any run of white space
# there; the automaton knows single blanks only, and finds these spaces with its words.
_ODD = ("  ", "\xa0", "\t", "\u202f", "\n")


class Cues(Generic[V]):
    """A set of cue words (lower case, one blank between words), each with a value."""

    def __init__(self, words: Mapping[str, V]) -> None:
        """Compile the words.

        Args:
            words: every surface form to find, with the value to return for it.
        """
        self._values: dict[str, V] = {" ".join(w.split()): v for w, v in words.items()}
        alternation = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(self._values, key=len, reverse=True))
        self._regex = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)")
        self._automaton: Any = None
        try:
            import ahocorasick  # type: ignore[import-not-found]  # optional speed-up
        except ImportError:  # pragma: no cover - depends on the environment
            return
        automaton = ahocorasick.Automaton()
        for word in self._values:
            automaton.add_word(word, len(word))
        for odd in _ODD:  # found in the same pass: then the regex reads the stretch
            if odd not in self._values:
                automaton.add_word(odd, 0)
        if self._values:
            automaton.make_automaton()
            self._automaton = automaton

    def find(self, low: str, start: int, end: int) -> list[tuple[int, int, V]]:
        """The cue words of ``low[start:end]``: ``(start, end, value)`` in text order."""
        if end <= start:
            return []
        if self._automaton is None:
            return self._by_regex(low, start, end)
        hits = []  # (start, -end): sorted, leftmost first and longest first, with no key function
        # A slice: given bounds, the automaton would first copy the whole text.
        for last, size in self._automaton.iter(low[start:end]):
            if not size:  # other spaces than single blanks, or a line break
                return self._by_regex(low, start, end)
            a, b = start + last - size + 1, start + last + 1
            if (a and (low[a - 1].isalnum() or low[a - 1] == "_")) or (b < end and (low[b].isalnum() or low[b] == "_")):
                continue
            hits.append((a, -b))
        if not hits:
            return []
        hits.sort()
        out = []
        reached = -1
        values = self._values
        for a, neg_b in hits:
            if a >= reached:
                reached = -neg_b
                out.append((a, reached, values[low[a:reached]]))
        return out

    def _by_regex(self, low: str, start: int, end: int) -> list[tuple[int, int, V]]:
        """`find` by the regex, which allows any run of white space between words."""
        return [
            (m.start(), m.end(), self._values[" ".join(m.group().split())])
            for m in self._regex.finditer(low, start, end)
        ]

    def search(self, low: str, start: int, end: int) -> bool:
        """Whether ``low[start:end]`` holds one of the cue words."""
        return bool(self.find(low, start, end))
