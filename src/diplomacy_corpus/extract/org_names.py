"""Organizations named by a head word and capitalised words, beyond the lexicon.

``Phòng Thương mại Hà Lan - Việt Nam``, ``Liên đoàn Công nghiệp Séc``: a head from the
``organizations`` lexicon (``org_heads``) and the words after it, up to the first verb or
function word. Meetings and conferences (``Hội nghị``, ``Hội đàm``) are no organizations.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from . import lexicon
from .analysis import CONNECTORS, VERBS, Analysis

__all__ = ["generic_orgs"]

_org_re_cache: tuple[int, re.Pattern[str], frozenset[str]] | None = None
# A tuple, so one ``str.startswith`` call tests them all.
_NOT_ORG = ("Hội nghị", "Hội thảo", "Hội đàm", "Hội kiến", "Hội chợ", "Hội họp", "Đảng viên", "Nhóm họp")


def _org_regex() -> tuple[re.Pattern[str], frozenset[str]]:
    """The pattern of a head and the words after it, and the first letters of the heads."""
    global _org_re_cache
    if _org_re_cache is None or _org_re_cache[0] != lexicon.version():
        heads = lexicon.load("organizations").get("org_heads", [])
        alt = _trie(heads) or "(?!)"
        word = r"[\w'’&]+(?:[-.][\w'’&]+)*"
        _org_re_cache = (
            lexicon.version(),
            re.compile(rf"(?:{alt})(?: (?:{word}|-(?= )))*(?: \([A-Z]{{2,}}\))?"),
            frozenset(h[:1] for h in heads),
        )
    return _org_re_cache[1], _org_re_cache[2]


def _head_matches(rx: re.Pattern[str], view: str, heads: list[int], firsts: frozenset[str]) -> Iterator[re.Match[str]]:
    """The matches of ``rx`` at the offsets where the lexicon scan saw a head (in any case), in order.

    The caller's ``search`` from a position: the scan reports every head standing after a
    blank, a mark or nothing (not after a letter, digit or apostrophe, where
    `generic_orgs` takes no match anyway; ``_`` is the caller's to rule out).
    """
    last = -1
    for start in heads:
        if start != last and view[start] in firsts:
            last = start
            m = rx.match(view, start)
            if m is not None:
                yield m


def _trie(phrases: list[str]) -> str:
    """A pattern matching any of ``phrases``, the longest first, as a trie (``H(?:ội(?: đồng)?|ọc viện)``).

    Like an alternation of the phrases longest first, but the regex engine tries one
    branch per next character instead of every phrase at every capital letter.
    """
    trie: dict[str, Any] = {}
    for phrase in phrases:
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + emit(node[ch]) for ch in sorted(k for k in node if k)]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return emit(trie)


def generic_orgs(an: Analysis) -> None:
    """Organizations named by a head word and capitalised words (``Phòng Thương mại Hà Lan - Việt Nam``)."""
    view = an.view
    taken: list[tuple[int, int]] | None = None  # the organizations found before, read when needed
    rx, firsts = _org_regex()
    # Where the lexicon scan saw heads, the regex is tried there alone (a search of the whole
    # text tries it at every capital letter); after a "_" a head the scan cannot see may stand.
    heads = an.org_heads
    found = _head_matches(rx, view, heads, firsts) if heads is not None and "_" not in view else None
    pos = 0
    while True:
        if found is None:
            m = rx.search(view, pos)
        else:
            m = next(found, None)
            while m is not None and m.start() < pos:
                m = next(found, None)  # within a name taken before
        if m is None:
            break
        start = m.start()
        text = m.group(0)
        if start > 0 and (view[start - 1].isalnum() or view[start - 1] in "'’"):
            pos = start + 1
            continue
        words = text.split(" ")
        # Stop at the first lowercase word that is a verb or a function word.
        cut = len(words)
        for i, w in enumerate(words[1:], 1):
            nxt = words[i + 1] if i + 1 < len(words) else ""
            if w in VERBS or (w in CONNECTORS and (w != "và" or not nxt[:1].isupper())):
                cut = i
                break
        pos = start + len(" ".join(words[:cut])) + 1 if cut < len(words) else m.end()
        if text.startswith(_NOT_ORG) or an.masked(start):
            continue
        words = words[:cut]
        while words and (words[-1] == "-" or (not words[-1][:1].isupper() and not words[-1].startswith("("))):
            if len(words) >= 2 and words[-2][:1].isupper() and words[-1] not in VERBS and words[-1] != "-":
                break
            words.pop()
        words[-1:] = [words[-1].rstrip(".")] if words else []
        if len(words) < 2 or not any(w[:1].isupper() for w in words[1:]):
            continue
        end = start + len(" ".join(words))
        if taken is None:
            taken = sorted((s, e) for s, e, _, _ in an.orgs)
        if any(s <= start and end <= e for s, e in taken) or any(p.start < end and start < p.end for p in an.persons):
            continue
        name = an.text[start:end]
        an.orgs.append((start, end, "x-" + name, name))
