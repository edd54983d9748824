"""What a plugin provides: [`Parser`][diplomacy_corpus.Parser] and
[`Exporter`][diplomacy_corpus.Exporter], and the [`Source`][diplomacy_corpus.Source]
a parser reads.

A parser turns one decoded input (a saved page or a plain-text copy) into a
[`Document`][diplomacy_corpus.Document] with metadata and clean text; extraction of
actors, events and metrics runs afterwards, for every parser alike. An exporter writes
a stream of documents to a file or a folder.
"""

from __future__ import annotations

import abc
import os
import re
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, ClassVar, TextIO

import attrs
from attrs import validators as v

from .errors import ExportError
from .models import Document

__all__ = ["Exporter", "Parser", "Source", "StreamExporter", "atomic_destination"]

# The process umask, read once: temporary outputs get the permissions a plain open() would give.
_UMASK = os.umask(0)
os.umask(_UMASK)

_HTML_SNIFF = re.compile(r"<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<(?:div|p|article|meta)[\s>]", re.I)


def looks_like_html(text: str) -> bool:
    """Whether text is (probably) an HTML page or fragment rather than plain text."""
    # Every marker opens with "<": text without one in its head (most plain text) needs no regex.
    return text.find("<", 0, 4096) >= 0 and bool(_HTML_SNIFF.search(text[:4096]))


@attrs.define(frozen=True, kw_only=True)
class Source:
    """One decoded input, as a parser receives it."""

    origin: str = attrs.field(validator=v.instance_of(str))
    """Where it came from: a file path, ``FILE.jsonl#ID`` or a label given by the caller."""
    text: str = attrs.field(validator=v.instance_of(str))
    """The decoded content (Unicode NFC): HTML markup or plain text."""
    is_html: bool = attrs.field(default=False)
    """True when ``text`` is HTML."""
    url: str | None = attrs.field(default=None)
    """The URL the input was fetched from, when the input says (JSON Lines ``url``)."""
    title: str | None = attrs.field(default=None)
    """A title given beside the text (JSON Lines ``title``), if any."""
    published: str | None = attrs.field(default=None)
    """A publication date given beside the text (JSON Lines ``published``), if any."""

    @classmethod
    def from_text(cls, text: str, *, origin: str, **metadata: Any) -> Source:
        """A source for text or HTML held in memory; HTML is recognised by its markup."""
        return cls(origin=origin, text=text, is_html=looks_like_html(text), **metadata)


class Parser(abc.ABC):
    """Reads one kind of input (an outlet's pages, or any plain text) into a Document.

    Subclass it, set ``name`` (and ``description``, ``recognises``), implement
    [`score`][diplomacy_corpus.Parser.score] and [`parse`][diplomacy_corpus.Parser.parse],
    and return an instance from your plugin's ``register_parsers`` hook.
    """

    name: ClassVar[str] = ""
    """Unique name; it becomes ``Document.source`` and what ``--parser NAME`` selects."""
    description: ClassVar[str] = ""
    """One line on what the parser reads."""
    recognises: ClassVar[str] = ""
    """What makes it claim an input (hosts, markers), shown by ``diplomacy-corpus plugins --all``."""

    @abc.abstractmethod
    def score(self, source: Source) -> float:
        """How well this parser fits ``source``, from 0.0 (not at all) to 1.0 (certainly).

        Must be deterministic and cheap. The parser with the highest score reads the
        input; ties go to the parser registered first; the generic text parser is the floor.
        """

    @abc.abstractmethod
    def parse(self, source: Source) -> Document:
        """Turn ``source`` into a Document with metadata and clean text (no extraction).

        Keep headline, lead and body in ``Document.text``; keep photo captions, credits,
        bylines and related-news blocks out of it (in ``captions``, ``author``, ``related``).

        Raises:
            ParseError: when the input cannot be read as this parser expects.
        """


@contextmanager
def atomic_destination(
    destination: str | os.PathLike[str], *, force: bool = False, directory: bool = False
) -> Iterator[Path]:
    """Yield a temporary path beside ``destination``; move it into place on success.

    Nothing is left behind on failure, and an existing destination is only replaced
    when ``force`` is true.

    Raises:
        ExportError: when the destination exists and ``force`` is false.
    """
    dest = Path(destination)
    if dest.exists() and not force:
        raise ExportError(f"{dest} exists; pass force=True (--force) to overwrite it")
    parent = dest.parent if str(dest.parent) else Path(".")
    parent.mkdir(parents=True, exist_ok=True)
    if directory:
        tmp = Path(tempfile.mkdtemp(prefix=f".{dest.name}.", suffix=".tmp", dir=parent))
        os.chmod(tmp, 0o777 & ~_UMASK)
    else:
        fd, name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=parent)
        os.fchmod(fd, 0o666 & ~_UMASK)
        os.close(fd)
        tmp = Path(name)
    try:
        yield tmp
        if dest.exists():
            if dest.is_dir() and not dest.is_symlink():
                shutil.rmtree(dest)
            elif directory:
                dest.unlink()
        os.replace(tmp, dest)
    except BaseException:
        if tmp.is_dir():
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            tmp.unlink(missing_ok=True)
        raise


class Exporter(abc.ABC):
    """Writes documents to a destination (a file, or a folder for tabular formats).

    Subclass it (or [`StreamExporter`][diplomacy_corpus.StreamExporter] for one-file
    formats), set ``name``, ``suffix`` and ``description``, and return an instance from
    your plugin's ``register_exporters`` hook.
    """

    name: ClassVar[str] = ""
    """Unique format name, what users pass to ``--format``."""
    suffix: ClassVar[str] = ""
    """File suffix of the output (``.json``); empty for a folder."""
    description: ClassVar[str] = ""
    """One line on the format, shown by ``diplomacy-corpus formats``."""
    directory: ClassVar[bool] = False
    """True when the output is a folder of files rather than one file."""

    def check(self, destination: Path, *, force: bool = False, **options: Any) -> None:
        """Raise when [`export`][diplomacy_corpus.Exporter.export] would refuse ``destination``.

        The command line calls it before parsing starts, so a long run fails at once
        rather than at the end. The default refuses an existing destination unless
        ``force``; override it when an option changes that (an ``append`` mode).

        Raises:
            ExportError: naming the destination and the fix.
        """
        if destination.exists() and not force:
            raise ExportError(f"{destination} exists; pass force=True (--force) to overwrite it")

    @abc.abstractmethod
    def export(self, documents: Iterable[Document], destination: Path, *, force: bool = False, **options: Any) -> int:
        """Write ``documents`` to ``destination`` and return how many were written.

        Must stream (never hold all documents at once), write atomically (see
        [`atomic_destination`][diplomacy_corpus.interfaces.atomic_destination]) and refuse
        to overwrite unless ``force``.

        Raises:
            ExportError: when the destination exists and ``force`` is false, or on a write error.
        """


class StreamExporter(Exporter):
    """An exporter that writes one text file; implement [`write`][diplomacy_corpus.StreamExporter.write]."""

    encoding: ClassVar[str] = "utf-8"
    """Encoding of the output file."""

    @abc.abstractmethod
    def write(self, documents: Iterable[Document], stream: TextIO, **options: Any) -> int:
        """Write ``documents`` to an open text stream; return how many were written."""

    def export(self, documents: Iterable[Document], destination: Path, *, force: bool = False, **options: Any) -> int:
        """Write to a temporary file beside ``destination`` and rename it on success."""
        with atomic_destination(destination, force=force) as tmp, open(
            tmp, "w", encoding=self.encoding, newline="\n"
        ) as stream:
            return self.write(documents, stream, **options)
