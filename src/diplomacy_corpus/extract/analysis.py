"""The shared result of one lexicon scan of a text: tokens, hits, and the mentions found.

`Analysis` is filled by `actors.analyse` and read by the person, actor and event finders;
`PersonMention` is one person named at one place. The word lists here (connectors, verbs)
are the function words that end an office's complement or an organization's name.
"""

from __future__ import annotations

import bisect
from typing import Any

import attrs

__all__ = ["CONNECTORS", "FORMER", "VERBS", "Analysis", "PersonMention"]

CONNECTORS = frozenset({"và", "kiêm", "về", "của"})
VERBS = frozenset(
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
FORMER = ("cựu", "nguyên")


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
    offices: list[tuple[int, int]] = attrs.Factory(list)  # offices written before a name, as offsets
    hit_spans: list[tuple[int, int, tuple[str, ...]]] = attrs.Factory(list)  # in text order, never overlapping
    #: Where an organization head may start (`lexicon.PhraseMatcher.scan_with_heads`); None: unknown.
    org_heads: list[int] | None = None

    def masked(self, pos: int) -> bool:
        """Whether offset ``pos`` lies in a credit, source or related-news region."""
        masks = self.masks
        if not masks:
            return False
        i = bisect.bisect_right(masks, (pos, 1 << 62)) - 1
        return i >= 0 and masks[i][0] <= pos < masks[i][1]

    def overlaps_hit(self, start: int, end: int, *categories: str) -> bool:
        """Whether ``[start, end)`` overlaps a lexicon hit (of ``categories``, or any)."""
        spans = self.hit_spans
        # The hits do not overlap, so their ends rise with their starts: walking back from
        # the last hit starting before ``end``, the first one ending by ``start`` ends the search.
        j = bisect.bisect_left(spans, (end, -1)) - 1
        while j >= 0 and spans[j][1] > start:
            if not categories or any(c in categories for c in spans[j][2]):
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
