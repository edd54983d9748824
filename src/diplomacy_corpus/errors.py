"""The errors the library raises.

Every error derives from [`DiplomacyCorpusError`][diplomacy_corpus.DiplomacyCorpusError],
and each also derives from the matching builtin, so ``except ValueError`` still works
where callers expect it. Messages name the input and, where there is one, the fix.
"""

from __future__ import annotations

__all__ = [
    "DiplomacyCorpusError",
    "ExportError",
    "InputError",
    "ParseError",
    "PluginError",
    "UnknownPluginError",
]


class DiplomacyCorpusError(Exception):
    """Base class of every error raised by ``diplomacy_corpus``."""


class InputError(DiplomacyCorpusError, ValueError):
    """An input cannot be read: missing, empty, binary, undecodable, oversized or malformed.

    Args:
        message: what is wrong, starting with the input's name.
        origin: the input (a file path or ``FILE.jsonl:LINE``), when known.
    """

    def __init__(self, message: str, *, origin: str | None = None) -> None:
        super().__init__(message)
        self.origin: str | None = origin
        """The input that failed, when known."""


class ParseError(DiplomacyCorpusError):
    """A parser failed on an input it accepted."""


class ExportError(DiplomacyCorpusError, OSError):
    """An exporter could not write its output (it exists and ``force`` is off, or the write failed)."""


class PluginError(DiplomacyCorpusError):
    """A plugin failed to load, returned something unusable, or claimed a taken name."""


class UnknownPluginError(DiplomacyCorpusError, LookupError):
    """A parser or exporter name that no loaded plugin provides."""
