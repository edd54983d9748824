"""Reading inputs: files, folders and JSON Lines corpora, lazily, one item at a time.

* ``.txt``, ``.html``, ``.htm`` files are one document each;
* folders are walked recursively in sorted order, other file types are skipped;
* ``.jsonl`` and ``.jsonl.gz`` files hold one JSON object a line with ``text`` or
  ``html`` and optionally ``id``, ``url``, ``title``, ``published``.

A bad input (missing, empty, binary, undecodable, oversized, a bad JSON line) yields an
[`InputError`][diplomacy_corpus.InputError] in its place and reading goes on.
"""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from .decoding import DEFAULT_MAX_BYTES, decode_bytes, normalize_text
from .errors import InputError
from .interfaces import Source, looks_like_html

__all__ = ["DOCUMENT_SUFFIXES", "iter_sources", "read_file"]

#: File suffixes read as one document each.
DOCUMENT_SUFFIXES = (".txt", ".html", ".htm")
_JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")


def _is_jsonl(path: Path) -> bool:
    return path.name.lower().endswith(_JSONL_SUFFIXES)


def _is_document(path: Path) -> bool:
    return path.suffix.lower() in DOCUMENT_SUFFIXES


def read_file(path: str | os.PathLike[str], *, encoding: str | None = None,
              max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read one ``.txt``/``.html`` file into a Source.

    Raises:
        InputError: when the file is missing, unreadable, oversized, empty, binary or undecodable.
    """
    p = Path(path)
    origin = str(p)
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise InputError(f"{origin}: {size:,} bytes is over the size cap of {max_bytes:,} bytes "
                             "(raise it with --max-bytes)")
        data = p.read_bytes()
    except InputError:
        raise
    except FileNotFoundError:
        raise InputError(f"{origin}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{origin}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{origin}: cannot read: {exc.strerror or exc}") from None
    text = decode_bytes(data, origin=origin, encoding=encoding)
    is_html = p.suffix.lower() in (".html", ".htm") or looks_like_html(text)
    return Source(origin=origin, text=text, is_html=is_html)


def _iter_jsonl(path: Path, *, max_bytes: int) -> Iterator[Source | InputError]:
    origin = str(path)
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    try:
        with opener(path, "rb") as stream:  # type: ignore[operator]
            for number, raw in enumerate(stream, start=1):
                if not raw.strip():
                    continue
                where = f"{origin}:{number}"
                if len(raw) > max_bytes:
                    yield InputError(f"{where}: line of {len(raw):,} bytes is over the size cap of {max_bytes:,}")
                    continue
                try:
                    record = json.loads(raw)
                except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                    yield InputError(f"{where}: not a JSON object: {exc}")
                    continue
                if not isinstance(record, dict):
                    yield InputError(f"{where}: not a JSON object")
                    continue
                body = record.get("html") if isinstance(record.get("html"), str) else record.get("text")
                ident = record.get("id")
                item_origin = f"{origin}#{ident}" if isinstance(ident, (str, int)) and str(ident) else where
                if not isinstance(body, str) or not body.strip():
                    yield InputError(f"{item_origin}: no 'text' or 'html' string")
                    continue
                def _meta(key: str) -> str | None:
                    value = record.get(key)
                    return value if isinstance(value, str) and value else None
                text = normalize_text(body)
                yield Source(origin=item_origin, text=text,
                             is_html="html" in record or looks_like_html(text),
                             url=_meta("url"), title=_meta("title"), published=_meta("published"))
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        yield InputError(f"{origin}: cannot read: {exc}")


def iter_sources(inputs: Iterable[str | os.PathLike[str]], *, encoding: str | None = None,
                 max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Source | InputError]:
    """Yield a Source for every document in ``inputs``, or an InputError in its place.

    Args:
        inputs: files and folders.
        encoding: force this encoding for text and HTML files.
        max_bytes: size cap per file (per line for JSON Lines).
    """
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            for sub in sorted(path.rglob("*")):
                if sub.is_file() and (_is_document(sub) or _is_jsonl(sub)):
                    yield from _iter_path(sub, encoding=encoding, max_bytes=max_bytes)
        elif not path.exists():
            yield InputError(f"{path}: no such file or directory")
        else:
            yield from _iter_path(path, encoding=encoding, max_bytes=max_bytes)


def _iter_path(path: Path, *, encoding: str | None, max_bytes: int) -> Iterator[Source | InputError]:
    if _is_jsonl(path):
        yield from _iter_jsonl(path, max_bytes=max_bytes)
        return
    try:
        yield read_file(path, encoding=encoding, max_bytes=max_bytes)
    except InputError as exc:
        yield exc
