"""Reading inputs: files, folders and JSON Lines corpora, lazily, one item at a time.

* ``.txt``, ``.html``, ``.htm`` files are one document each (a file named explicitly is
  read whatever its suffix);
* folders are walked recursively, one directory at a time, in sorted order; hidden
  entries (``.name``) and symbolic links to folders are not followed; other file types
  are skipped (and reported to ``on_skip``);
* ``.jsonl`` and ``.jsonl.gz`` (``.ndjson``) files hold one JSON object a line with
  ``text`` or ``html`` and optionally ``id``, ``url``, ``title``, ``published``; they are
  read line by line, so a corpus of any size streams.

A bad input (missing, not a regular file, empty, binary, undecodable, oversized, a bad
JSON line, a truncated ``.gz``) yields an [`InputError`][diplomacy_corpus.InputError] in
its place, with an ``origin`` attribute naming it, and reading goes on; what was read
before a truncation is kept.
"""

from __future__ import annotations

import gzip
import json
import os
import stat
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import attrs

from .decoding import DEFAULT_MAX_BYTES, decode_bytes, normalize_text
from .errors import InputError
from .interfaces import Source, looks_like_html

__all__ = ["DOCUMENT_SUFFIXES", "JSONL_SUFFIXES", "count_lines", "input_error", "is_jsonl", "iter_jsonl",
           "iter_sources", "read_file", "walk"]

#: File suffixes read as one document each.
DOCUMENT_SUFFIXES = (".txt", ".html", ".htm")
#: File suffixes read as JSON Lines corpora.
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")

SkipCallback = Callable[[str, str], None]
"""Called as ``on_skip(path, reason)`` for each file a folder walk leaves out."""

_READ_CHUNK = 1 << 20


def input_error(origin: str, message: str) -> InputError:
    """An InputError reading ``"ORIGIN: MESSAGE"`` with ``origin`` kept as an attribute."""
    error = InputError(f"{origin}: {message}")
    error.origin = origin
    return error


def is_jsonl(path: Path) -> bool:
    """Whether ``path`` is named like a JSON Lines corpus."""
    return path.name.lower().endswith(JSONL_SUFFIXES)


def _is_document(path: Path) -> bool:
    return path.suffix.lower() in DOCUMENT_SUFFIXES


def read_file(path: str | os.PathLike[str], *, encoding: str | None = None,
              max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read one ``.txt``/``.html`` file into a Source.

    Args:
        path: the file.
        encoding: force this codec instead of detecting one.
        max_bytes: refuse files larger than this.

    Raises:
        InputError: when the file is missing, not a regular file, unreadable, oversized,
            empty, binary or undecodable.
    """
    p = Path(path)
    origin = str(p)
    try:
        mode = os.stat(p).st_mode  # before opening: opening a FIFO would block
        if stat.S_ISDIR(mode):
            raise input_error(origin, "is a directory")
        if not stat.S_ISREG(mode):
            raise input_error(origin, "not a regular file (a device, pipe or socket)")
        with open(p, "rb") as stream:
            data = stream.read(max_bytes + 1)
    except InputError:
        raise
    except FileNotFoundError:
        raise input_error(origin, "no such file") from None
    except IsADirectoryError:
        raise input_error(origin, "is a directory") from None
    except OSError as exc:
        raise input_error(origin, f"cannot read: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise input_error(origin, f"over the size cap of {max_bytes:,} bytes (raise it with --max-bytes)")
    try:
        text = decode_bytes(data, origin=origin, encoding=encoding)
    except InputError as exc:
        exc.origin = origin
        raise
    is_html = p.suffix.lower() in (".html", ".htm") or looks_like_html(text)
    return Source(origin=origin, text=text, is_html=is_html)


def _open_jsonl(path: Path) -> IO[bytes]:
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return open(path, "rb")


def _lines(stream: IO[bytes], max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """(number, line) for each physical line; ``None`` for a line over the cap (skipped unread)."""
    number = 0
    while True:
        raw = stream.readline(max_bytes + 1)
        if not raw:
            return
        number += 1
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            while (rest := stream.readline(_READ_CHUNK)) and not rest.endswith(b"\n"):
                pass
            yield number, None
        else:
            yield number, raw


def count_lines(path: str | os.PathLike[str]) -> int:
    """How many lines a JSON Lines file holds (``.gz`` too); a truncated file counts what it has."""
    count = 0
    last = b"\n"
    try:
        with _open_jsonl(Path(path)) as stream:
            while chunk := stream.read(_READ_CHUNK):
                count += chunk.count(b"\n")
                last = chunk[-1:]
    except (OSError, EOFError, zlib.error):
        pass
    return count + (last != b"\n")


def _meta(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    return value if isinstance(value, str) and value else None


_decode_json = json.JSONDecoder().decode


def _record_source(raw: bytes, where: str, origin: str) -> Source | InputError:
    try:
        if raw[:1] == b"{" and raw[1:2] != b"\x00":
            # What json.loads does with such a line (json.detect_encoding gives UTF-8 for it),
            # without finding the encoding again for every line.
            record = _decode_json(raw.decode("utf-8", "surrogatepass"))
        else:
            record = json.loads(raw)
    except UnicodeDecodeError as exc:
        return input_error(where, f"not valid UTF-8: byte 0x{exc.object[exc.start]:02x} at offset {exc.start}")
    except (json.JSONDecodeError, RecursionError) as exc:
        return input_error(where, f"not a JSON object: {exc}")
    if not isinstance(record, dict):
        return input_error(where, f"not a JSON object but a {type(record).__name__}")
    ident = record.get("id")
    item_origin = f"{origin}#{ident}" if isinstance(ident, (str, int)) and str(ident) else where
    html = record.get("html")
    body = html if isinstance(html, str) and html.strip() else record.get("text")
    if not isinstance(body, str) or not body or body.isspace():  # blank (without the copy strip() makes)
        return input_error(item_origin, "no 'text' or 'html' string")
    text = normalize_text(body)
    is_html = body is html or looks_like_html(text)
    url, title, published = _meta(record, "url"), _meta(record, "title"), _meta(record, "published")
    if _SOURCE_SETTERS:  # every value is of its field's type: the validators would pass
        set_origin, set_text, set_is_html, set_url, set_title, set_published = _SOURCE_SETTERS
        source: Source = object.__new__(Source)
        set_origin(source, item_origin)
        set_text(source, text)
        set_is_html(source, is_html)
        set_url(source, url)
        set_title(source, title)
        set_published(source, published)
        return source
    return Source(origin=item_origin, text=text, is_html=is_html, url=url, title=title, published=published)


_SOURCE_FIELDS = ("origin", "text", "is_html", "url", "title", "published")
#: Setters of `Source`'s slots in field order, when it has exactly `_SOURCE_FIELDS` (else empty:
#: the validating constructor is used). A corpus line is read in a fraction of the constructor's time.
_SOURCE_SETTERS: tuple[Callable[[Source, Any], None], ...] = (
    tuple(Source.__dict__[name].__set__ for name in _SOURCE_FIELDS)
    if tuple(field.name for field in attrs.fields(Source)) == _SOURCE_FIELDS
    and all(hasattr(Source.__dict__.get(name), "__set__") for name in _SOURCE_FIELDS)
    else ()
)


def iter_jsonl(path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES, start: int = 0,
               stop: int | None = None) -> Iterator[Source | InputError]:
    """Read a JSON Lines corpus, one Source (or InputError) per non-blank line.

    Args:
        path: a ``.jsonl`` or ``.jsonl.gz`` file.
        max_bytes: size cap per line.
        start: skip the first ``start`` lines (for partitions).
        stop: stop after line ``stop`` (1-based, inclusive); None reads to the end.
    """
    p = Path(path)
    origin = str(p)
    number = 0
    try:
        with _open_jsonl(p) as stream:
            for number, raw in _lines(stream, max_bytes):
                if number <= start:
                    continue
                if stop is not None and number > stop:
                    return
                where = f"{origin}:{number}"
                if raw is None:
                    yield input_error(where, f"line over the size cap of {max_bytes:,} bytes "
                                             "(raise it with --max-bytes)")
                elif not raw.isspace():  # (raw is never empty; isspace() copies nothing, unlike strip())
                    yield _record_source(raw, where, origin)
    except (OSError, EOFError, zlib.error) as exc:
        # Report a truncation once: in the partition whose lines it cut.
        if number >= start and (stop is None or number < stop):
            reason = "truncated" if isinstance(exc, EOFError) else "cannot read"
            yield input_error(origin, f"{reason} after line {number}: {exc}")


def walk(folder: Path, on_skip: SkipCallback | None = None,
         exclude: frozenset[Path] = frozenset()) -> Iterator[Path]:
    """The document and JSON Lines files under ``folder``, sorted, one directory at a time."""
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as exc:
        if on_skip is not None:
            on_skip(str(folder), f"cannot list: {exc.strerror or exc}")
        return
    for entry in entries:
        path = Path(entry.path)
        if entry.name.startswith("."):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                if path.resolve() not in exclude:  # e.g. a folder output inside the input folder
                    yield from walk(path, on_skip, exclude)
            elif entry.is_file() and (_is_document(path) or is_jsonl(path)):
                if path.resolve() not in exclude:
                    yield path
            elif on_skip is not None:
                on_skip(str(path), "not a .txt, .html, .htm or .jsonl file")
        except OSError as exc:
            if on_skip is not None:
                on_skip(str(path), f"cannot read: {exc.strerror or exc}")


def iter_sources(inputs: Iterable[str | os.PathLike[str]], *, encoding: str | None = None,
                 max_bytes: int = DEFAULT_MAX_BYTES, on_skip: SkipCallback | None = None,
                 exclude: Iterable[str | os.PathLike[str]] = ()) -> Iterator[Source | InputError]:
    """Yield a Source for every document in ``inputs``, or an InputError in its place.

    Args:
        inputs: files and folders.
        encoding: force this encoding for text and HTML files (JSON Lines are UTF-8).
        max_bytes: size cap per file (per line for JSON Lines).
        on_skip: called with ``(path, reason)`` for each file a folder walk leaves out.
        exclude: files never to read (the output being written, for example).
    """
    excluded = frozenset(Path(p).resolve() for p in exclude)
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            for sub in walk(path, on_skip, excluded):
                yield from _iter_path(sub, encoding=encoding, max_bytes=max_bytes)
        elif not path.exists():
            yield input_error(str(path), "no such file or directory")
        else:
            yield from _iter_path(path, encoding=encoding, max_bytes=max_bytes)


def _iter_path(path: Path, *, encoding: str | None, max_bytes: int) -> Iterator[Source | InputError]:
    if is_jsonl(path):
        yield from iter_jsonl(path, max_bytes=max_bytes)
        return
    try:
        yield read_file(path, encoding=encoding, max_bytes=max_bytes)
    except InputError as exc:
        yield exc
