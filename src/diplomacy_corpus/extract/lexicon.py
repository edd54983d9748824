"""Lexicons: the data the extractor matches against, loaded once and extensible.

Each lexicon is a JSON file in ``diplomacy_corpus/extract/lexicons/`` (``titles``,
``countries``, ``organizations``, ``places``, ``names``, ``event_triggers``,
``event_codes``). `load` reads one, cached;
`extend` adds entries at run time, which is
what a plugin's ``register_lexicons`` hook feeds (lexicon name -> entries)::

    from diplomacy_corpus.extract import lexicon
    lexicon.extend("titles", {"titles": {"Thủ hiến bang": {"variants": [], "complement": False}}})
    lexicon.extend("countries", {"countries": {"VN": ["Đại Việt"]}})

Entries merge into the loaded data: mappings merge key by key (recursively), lists are
extended without duplicates, other values are replaced. Every extension bumps
`version`, so matchers compiled from the
lexicons are rebuilt on their next use.
"""

from __future__ import annotations

import copy
import functools
import json
import re as _re
import threading
from importlib import resources
from typing import Any

__all__ = ["NAMES", "Entry", "PhraseMatcher", "extend", "load", "matcher", "reset", "version"]

#: Lexicons shipped with the package (file stem of each JSON file).
NAMES: tuple[str, ...] = (
    "titles",
    "countries",
    "organizations",
    "places",
    "names",
    "event_triggers",
    "event_codes",
)

_lock = threading.Lock()
_cache: dict[str, Any] = {}
_extensions: dict[str, list[Any]] = {}
_version = 0


def _read(name: str) -> Any:
    path = resources.files("diplomacy_corpus.extract.lexicons").joinpath(f"{name}.json")
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    return json.loads(text)


def _merge(base: Any, extra: Any) -> Any:
    if isinstance(base, dict) and isinstance(extra, dict):
        out = dict(base)
        for key, value in extra.items():
            out[key] = _merge(base[key], value) if key in base else copy.deepcopy(value)
        return out
    if isinstance(base, list) and isinstance(extra, list):
        out_list = list(base)
        for item in extra:
            if item not in out_list:
                out_list.append(copy.deepcopy(item))
        return out_list
    return copy.deepcopy(extra)


def load(name: str) -> Any:
    """The lexicon ``name`` with every extension applied (cached; do not mutate it).

    Args:
        name: a lexicon name, e.g. ``"titles"``; unknown names give an empty mapping
            unless extensions created them.

    Returns:
        The parsed JSON data.
    """
    data = _cache.get(name)
    if data is not None:
        return data
    with _lock:
        data = _read(name)
        for extra in _extensions.get(name, ()):
            data = _merge(data, extra)
        _cache[name] = data
        return data


def extend(name: str, entries: Any) -> None:
    """Add entries to a lexicon, for this process.

    Args:
        name: the lexicon to extend (``"titles"``, ``"countries"``, ...; a new name
            creates a lexicon).
        entries: data shaped like the lexicon's JSON: a mapping merges key by key, a
            list extends a list lexicon.

    Raises:
        TypeError: when ``entries`` is neither a mapping nor a list.
    """
    global _version
    if not isinstance(entries, (dict, list)):
        raise TypeError(f"lexicon entries must be a dict or a list, not {type(entries).__name__}")
    with _lock:
        _extensions.setdefault(name, []).append(copy.deepcopy(entries))
        _cache.pop(name, None)
        _version += 1


def reset() -> None:
    """Drop every extension (tests use this to restore the shipped lexicons)."""
    global _version
    with _lock:
        _extensions.clear()
        _cache.clear()
        _version += 1


def version() -> int:
    """A number that changes whenever an extension is added or dropped."""
    return _version


# ---------------------------------------------------------------------------------------
# One compiled matcher over every phrase of every lexicon.


class Entry:
    """What a phrase means in one lexicon: its category, payload and exact forms."""

    __slots__ = ("category", "exact", "payload")

    def __init__(self, category: str, payload: Any, exact: frozenset[str] | None) -> None:
        self.category = category
        """``title``, ``honorific``, ``counterpart``, ``country``, ``org``, ``place``, ``trigger``."""
        self.payload = payload
        """The lexicon data of the phrase (canonical title, ISO code, trigger record...)."""
        self.exact = exact
        """Forms the text must show exactly (case-sensitive lexicons), or None for any case."""

    def accepts(self, surface: str) -> bool:
        """Whether ``surface`` (white space collapsed) is a form this entry matches."""
        return self.exact is None or surface in self.exact


def _trie_pattern(phrases: list[str]) -> str:
    trie: dict[str, Any] = {}
    for phrase in phrases:
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        end = "" in node
        branches = []
        for ch in sorted(k for k in node if k):
            atom = r"\s+" if ch == " " else ("[-–]" if ch in "-–" else _re.escape(ch))
            branches.append(atom + emit(node[ch]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            return "(?:" + body + ")?"
        return body

    return emit(trie)


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _entries() -> dict[str, list[Entry]]:
    from .text import fold

    table: dict[str, list[Entry]] = {}

    def add(phrase: str, entry: Entry) -> None:
        key = fold(phrase).replace("–", "-").lower()
        if key:
            table.setdefault(key, []).append(entry)

    titles = load("titles")
    for canon, spec in titles.get("titles", {}).items():
        entry = Entry("title", (canon, bool(spec.get("complement"))), None)
        for form in [canon, *spec.get("variants", [])]:
            add(form, entry)
    for form in titles.get("honorifics", []):
        add(form, Entry("honorific", form, None))
    for form in titles.get("counterpart", []):
        add(form, Entry("counterpart", form, None))
    for code, names in load("countries").get("countries", {}).items():
        forms = [_collapse(n) for n in names]
        entry = Entry("country", code, frozenset(forms))
        for form in forms:
            add(form, entry)
    for oid, spec in load("organizations").get("organizations", {}).items():
        forms = [_collapse(n) for n in [spec["name"], *spec.get("variants", [])]]
        entry = Entry("org", (oid, spec["name"]), frozenset(forms))
        for form in forms:
            add(form, entry)
    for name, code in load("places").get("places", {}).items():
        add(name, Entry("place", code, frozenset({_collapse(name)})))
    for trig in load("event_triggers").get("triggers", []):
        exact = frozenset({trig["phrase"]}) if trig.get("case") == "exact" else None
        add(trig["phrase"], Entry("trigger", trig, exact))
    return table


_PUNCT_RE = _re.compile(r"[^\w' ]")
#: The marks most frequent in news text, in that order: `_blank_marks` blanks them with
#: `str.replace`, many times cheaper than a regex testing every character for a word character.
_COMMON_MARKS = ',.\n-)(/":”“;%…?&!'
_MISS: Any = object()
#: The key the automaton reports an organization head (``org_heads``) with: no lexicon hit,
#: only where `org_names.generic_orgs` may find an organization (a key holds no NUL).
_HEAD_KEY = "\x00org head"
#: The key the automaton reports a word that may open a sentence with (`text.OPENERS`).
_OPENER_KEY = "\x00opener"
#: Surfaces remembered by a matcher before it forgets them all (bounds memory on odd input).
_RESOLVED_MAX = 50_000


@functools.cache
def _rare_marks_re() -> _re.Pattern[str]:
    """Every BMP character `_PUNCT_RE` blanks, as an explicit class, plus all non-BMP characters.

    An explicit class is a table look-up per character, several times faster than the
    word-character test of `_PUNCT_RE`; a non-BMP character matches whether or not it is
    a word character, and `_blank_rare` tells.
    """
    # In the string of all BMP code points in order, each run `_PUNCT_RE` matches is a range.
    bmp = "".join(map(chr, range(0x10000)))
    runs = _re.finditer(_PUNCT_RE.pattern + "+", bmp)
    body = "".join(_re.escape(m.group()[0]) + "-" + _re.escape(m.group()[-1]) for m in runs)
    return _re.compile("[" + body + "\U00010000-\U0010ffff]")


def _blank_rare(match: _re.Match[str]) -> str:
    """A blank for a character `_PUNCT_RE` blanks, else the character itself."""
    char = match.group()
    return " " if _PUNCT_RE.match(char) else char


def _blank_marks(lowered: str) -> str:
    """``_PUNCT_RE.sub(" ", lowered)``: every character but word characters, ``'`` and blanks made a blank.

    The common marks go by `str.replace`, what is left (rarely anything) by `_rare_marks_re`.
    """
    for mark in _COMMON_MARKS:
        lowered = lowered.replace(mark, " ")
    return _rare_marks_re().sub(_blank_rare, lowered)


class PhraseMatcher:
    """Finds every lexicon phrase in a text in one pass, leftmost-longest.

    Uses an Aho-Corasick automaton (``pyahocorasick``) when it is installed, else one
    compiled trie-shaped regular expression; both give the same hits.
    """

    def __init__(self) -> None:
        self.table = _entries()
        self.categories = {k: frozenset(e.category for e in v) for k, v in self.table.items()}
        self._inexact = frozenset(k for k, v in self.table.items() if all(e.exact is None for e in v))
        self._automaton: Any = None
        self._padded: dict[str, str] = {}
        self._resolved: dict[tuple[str, str | None], tuple[list[Entry], frozenset[str]] | None] = {}
        self._lowered: tuple[str, str] | None = None
        self._openers: tuple[str, list[int]] | None = None
        self._openers_known = True
        try:
            import ahocorasick  # type: ignore[import-not-found]  # optional speed-up

            automaton = ahocorasick.Automaton()
            for key in self.table:
                padded = " " + _PUNCT_RE.sub(" ", key) + " "
                self._padded[padded] = key
                automaton.add_word(padded, (len(padded), key))
            # The heads, padded before only: found where a word starts, whatever follows them.
            for head in load("organizations").get("org_heads", []):
                padded = " " + _PUNCT_RE.sub(" ", head.lower()).rstrip()
                if len(padded) > 1:
                    automaton.add_word(padded, (len(padded), _HEAD_KEY))
            # The words that may open a sentence whose period is missing, padded both sides:
            # reported wherever they stand, in any case, for `text.split_sentences` to test.
            from .text import OPENERS, match_view

            for word in OPENERS:
                for spelling in {word, match_view(word)}:
                    padded = " " + _PUNCT_RE.sub(" ", spelling.lower()) + " "
                    if padded in self._padded:  # pragma: no cover - no lexicon key is a bare opener
                        self._openers_known = False
                    automaton.add_word(padded, (len(padded), _OPENER_KEY))
            automaton.make_automaton()
            self._automaton = automaton
        except ImportError:  # pragma: no cover - depends on the environment
            pass
        pattern = _trie_pattern(sorted(self.table))
        self.regex = _re.compile(r"(?<![\w'’])(?:" + pattern + r")(?![\w’'])", _re.IGNORECASE)

    def _found(self, view: str) -> tuple[list[tuple[int, int, str | None]], bool]:
        """Every match as ``(start, -end, key)``, sorted: leftmost first, longest first; and whether the automaton ran.

        The key is None when the regex found the match (its matches never overlap), `_HEAD_KEY`
        for an organization head (reported by the automaton only).
        """
        lowered = view.lower()
        self._lowered = (view, lowered)
        if self._automaton is None or len(lowered) != len(view):
            return [(m.start(), -m.end(), None) for m in self.regex.finditer(view)], False
        # Word boundaries become spaces, so a padded key only matches whole words.
        padded = " " + _blank_marks(lowered) + " "
        # (start, -end) sorts leftmost first, longest first, with no key function.
        found: list[tuple[int, int, str | None]] = [
            (end - size + 1, 1 - end, key) for end, (size, key) in self._automaton.iter(padded)
        ]
        found.sort()
        return found, True

    def lowered(self, view: str) -> str | None:
        """``view.lower()`` when the last scan read this very string (by identity), else None.

        For a caller that lower-cases the text it scanned (the dates and metrics read
        ``text.lower()``; the view of most texts is the text itself).
        """
        last = self._lowered
        return last[1] if last is not None and last[0] is view else None

    def _spans(self, view: str) -> list[tuple[int, int, str | None]]:
        """Leftmost-longest matches as ``(start, end, key)``; the key is None when the regex found it."""
        out: list[tuple[int, int, str | None]] = []
        last = -1
        for start, neg_end, key in self._found(view)[0]:
            if key is _HEAD_KEY or key is _OPENER_KEY:
                continue
            if start >= last:
                last = -neg_end
                out.append((start, last, key))
        return out

    def scan(self, view: str) -> list[tuple[int, int, list[Entry], frozenset[str]]]:
        """Hits in ``view`` (a `match_view`).

        What a surface means never depends on where it stands, so each surface (with the
        key the automaton found for it) is resolved once per matcher and remembered: the
        same few hundred phrases (``Việt Nam``, ``Thủ tướng``) recur in every text.

        Returns:
            ``(start, end, entries, categories)`` for each match whose surface some entry
            accepts, leftmost-longest, not overlapping. The entry lists are shared between
            calls: do not mutate them.
        """
        return self.scan_with_heads(view)[0]

    def scan_with_heads(self, view: str) -> tuple[list[tuple[int, int, list[Entry], frozenset[str]]], list[int] | None]:
        """`scan`'s hits, and where an organization head (``org_heads``) may start.

        Returns:
            The hits, and in text order the offsets where a head of the ``organizations``
            lexicon stands, in any case, after a blank, a mark or nothing: a superset of
            where the head stands case for case after no letter, digit, ``_`` or
            apostrophe. None when the automaton did not read the text (no head is known).
        """
        out = []
        resolved = self._resolved
        resolve = self._resolve
        miss = _MISS
        head = _HEAD_KEY
        opener = _OPENER_KEY
        last = -1
        found_all, automaton = self._found(view)
        heads: list[int] | None = [] if automaton else None
        openers: list[int] = []
        for start, neg_end, found in found_all:
            if found is head:
                heads.append(start)  # type: ignore[union-attr]
                continue
            if found is opener:
                openers.append(start)
                continue
            if start < last:
                continue  # overlaps the match kept before it
            last = end = -neg_end
            surface = view[start:end]
            hit = resolved.get((surface, found), miss)
            if hit is miss:
                if len(resolved) >= _RESOLVED_MAX:
                    resolved.clear()
                hit = resolved[(surface, found)] = resolve(surface, found)
            if hit is not None:
                out.append((start, end, hit[0], hit[1]))
        self._openers = (view, openers) if automaton and self._openers_known else None
        return out, heads

    def opener_starts(self, view: str) -> list[int] | None:
        """Where a word of `text.OPENERS` may start in ``view``, if the last scan read this very string.

        In text order, in any case and whatever marks stand around it: a superset of where
        `text.split_sentences` cuts before an opener (it tests each). None when the last
        scan read another string or the automaton did not run.
        """
        last = self._openers
        return last[1] if last is not None and last[0] is view else None

    def _resolve(self, surface: str, found: str | None) -> tuple[list[Entry], frozenset[str]] | None:
        """The entries a matched ``surface`` stands for and their categories (None: no entry accepts it).

        Args:
            surface: the matched text, as the view shows it.
            found: the lexicon key the automaton matched, or None when the regex found it.
        """
        table = self.table
        key = surface.lower()
        entries = table.get(key)
        if entries is None and found is not None:
            key = found  # the surface differs from the key by punctuation only ("T.Ư" / "T Ư")
            entries = table[key]
        elif entries is None:
            key = " ".join(_PUNCT_RE.sub(" ", key).split())
            entries = table.get(key)
            if entries is None:
                return None
        if key in self._inexact:
            return entries, self.categories[key]
        collapsed = _collapse(surface)
        ok = [e for e in entries if e.exact is None or collapsed in e.exact]
        if ok:
            return ok, frozenset(e.category for e in ok)
        return None


_matcher: tuple[int, PhraseMatcher] | None = None


def matcher() -> PhraseMatcher:
    """The phrase matcher over all lexicons, rebuilt after an extension."""
    global _matcher
    current = _matcher
    if current is None or current[0] != _version:
        with _lock:
            pass
        current = (_version, PhraseMatcher())
        _matcher = current
    return current[1]
