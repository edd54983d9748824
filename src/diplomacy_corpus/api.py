"""The Python API: parse, parse_text, parse_many, export, load.

Paths and text go through different functions (a ``str`` is never guessed to be a
path). Options after the first argument are keyword-only.
"""

from __future__ import annotations

import gzip
import json
import logging
import os
import traceback
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs
import ijson  # type: ignore[import-untyped]

from . import plugins
from ._workers import TimeLimitExceeded, time_limit
from .convert import document_from_dict
from .decoding import DEFAULT_MAX_BYTES, normalize_text
from .errors import DiplomacyCorpusError, InputError, ParseError, PluginError
from .htmlpage import host_of, names_no_outlet, scores_by_host_only, text_host_score
from .inputs import iter_sources, read_file
from .interfaces import Parser, Source
from .models import Document

__all__ = ["Result", "export", "load", "parse", "parse_many", "parse_source", "parse_text"]

logger = logging.getLogger("diplomacy_corpus")

_PY_IJSON = ijson.get_backend("python")


@attrs.define(frozen=True, kw_only=True)
class Result:
    """The outcome of one input of [`parse_many`][diplomacy_corpus.parse_many]."""

    origin: str
    """The input: a file path or ``FILE.jsonl#ID``."""
    document: Document | None = None
    """The parsed document, or None when the input failed."""
    error: DiplomacyCorpusError | None = None
    """Why the input failed, or None."""

    @property
    def ok(self) -> bool:
        """True when the input gave a document."""
        return self.document is not None


def _ranked(source: Source) -> list[Parser]:
    """Every parser that scored ``source``, best first (ties: first registered)."""
    scored: list[tuple[float, Parser]] = []
    parsers = plugins._ordered_parsers()
    flags = _host_only(parsers)
    # A plain-text copy whose layout names no outlet: the outlet parsers that score as
    # OutletParser does can only score it by its URL's host, as worked out once per host.
    by_host: tuple[float | None, ...] | None = None
    if not source.is_html and True in flags:
        try:
            host = host_of(source.url)
            if names_no_outlet(source):
                by_host = _host_scores(parsers, flags, host)
        except Exception:  # the parsers' own score will say what is wrong, each in its turn
            by_host = None
    for index, parser in enumerate(parsers):
        score: float | None = by_host[index] if by_host is not None else None
        if score is None:
            try:
                score = float(parser.score(source))
            except Exception as exc:  # a broken plugin must not stop the batch
                logger.warning("parser %r failed to score %s: %s: %s", parser.name, source.origin,
                               type(exc).__name__, exc)
                continue
            if score != score:  # NaN
                logger.warning("parser %r scored %s as NaN; ignored", parser.name, source.origin)
                continue
        scored.append((score, parser))
    if not scored:
        raise PluginError("no parser is available (is the built-in 'text' parser disabled?)")
    # The sort is stable, so parsers with equal scores stay in registration order.
    scored.sort(key=_by_score, reverse=True)
    return [parser for _, parser in scored]


#: The registry's parsers, and what `_host_only` and `_host_scores` worked out for them.
_FOR_PARSERS: dict[str, Any] = {"parsers": None, "flags": (), "hosts": {}}


def _host_only(parsers: tuple[Parser, ...]) -> tuple[bool, ...]:
    """``scores_by_host_only`` of each parser, worked out once per registry (the tuple is kept while it lasts)."""
    if _FOR_PARSERS["parsers"] is not parsers:
        _FOR_PARSERS.update(parsers=parsers, flags=tuple(scores_by_host_only(parser) for parser in parsers), hosts={})
    flags: tuple[bool, ...] = _FOR_PARSERS["flags"]
    return flags


def _host_scores(parsers: tuple[Parser, ...], flags: tuple[bool, ...], host: str | None) -> tuple[float | None, ...]:
    """Per parser, its score of a plain-text copy from ``host`` that names no outlet when it
    scores by host alone (see ``text_host_score``), else None (its own ``score`` is called).

    Worked out once per host: a corpus has few.
    """
    cache: dict[str | None, tuple[float | None, ...]] = _FOR_PARSERS["hosts"]
    scores = cache.get(host)
    if scores is None:
        found: list[float | None] = []
        for parser, host_only in zip(parsers, flags, strict=True):
            try:
                found.append(text_host_score(parser, host) if host_only else None)  # type: ignore[arg-type]
            except Exception:  # its own score says what is wrong
                found.append(None)
        if len(cache) >= 1024:
            cache.clear()
        scores = cache[host] = tuple(found)
    return scores


def _by_score(item: tuple[float, Parser]) -> float:
    return item[0]


def choose_parser(source: Source, name: str | None = None) -> Parser:
    """The parser for ``source``: the one named, else the highest score (ties: first registered).

    A parser whose ``score`` raises or returns something that is not a number is
    skipped (and logged), never fatal.

    Raises:
        UnknownPluginError: when ``name`` names no parser.
        PluginError: when no parser is available.
    """
    if name:
        return plugins.get_parser(name)
    return _ranked(source)[0]


class _Stage:
    """Where a document is in the pipeline, for the message when it runs out of time."""

    __slots__ = ("what",)

    def __init__(self) -> None:
        self.what = "choosing a parser"


def _run_parser(chosen: Parser, source: Source) -> Document:
    try:
        document = chosen.parse(source)
    except InputError as exc:  # the input itself is unusable (e.g. hostile nesting): no other parser does better
        if str(exc).startswith(source.origin):
            raise
        raise InputError(f"{source.origin}: {exc}", origin=source.origin) from exc
    except (Exception, SystemExit) as exc:  # a plugin calling sys.exit() must not end the batch
        raise ParseError(f"{source.origin}: parser {chosen.name!r} failed: {type(exc).__name__}: {exc}") from exc
    if not isinstance(document, Document):
        raise ParseError(f"{source.origin}: parser {chosen.name!r} returned {type(document).__name__}, not a Document")
    return document


def _parse_steps(source: Source, parser: str | None, extract: bool, stage: _Stage) -> Document:
    candidates = [plugins.get_parser(parser)] if parser else _ranked(source)
    first_error: ParseError | None = None
    document: Document | None = None
    for chosen in candidates:
        stage.what = f"parser {chosen.name!r}"
        try:
            document = _run_parser(chosen, source)
        except ParseError as exc:
            # Not fatal while another parser can read the input (the generic text parser can).
            logger.warning("%s%s", exc, "; trying the next parser" if chosen is not candidates[-1] else "")
            first_error = first_error or exc
            continue
        if first_error is not None:
            logger.warning("%s: read with parser %r instead", source.origin, chosen.name)
        break
    if document is None:
        assert first_error is not None
        raise first_error
    if document.origin != source.origin:
        document = attrs.evolve(document, origin=source.origin)
    if extract:
        from .extract import extract as run_extraction

        plugins.apply_lexicons()

        stage.what = "extraction"
        try:
            document = run_extraction(document)
        except Exception as exc:
            raise ParseError(f"{source.origin}: extraction failed: {type(exc).__name__}: {exc}") from exc
    return document


def parse_source(source: Source, *, parser: str | None = None, extract: bool = True) -> Document:
    """Parse one [`Source`][diplomacy_corpus.Source] and run extraction on it.

    Parsers are tried by score: when the best one fails on this input (raises, or returns
    something that is not a Document), a warning names it and the next one reads the
    input (the generic ``text`` parser is the floor). A parser named with ``parser`` is
    the only one tried.

    Raises:
        ParseError: when every parser tried fails (naming the first), or extraction fails.
        UnknownPluginError: when ``parser`` names no parser.
    """
    return _parse_steps(source, parser, extract, _Stage())


def parse(path: str | os.PathLike[str], *, parser: str | None = None, encoding: str | None = None,
          max_bytes: int = DEFAULT_MAX_BYTES, extract: bool = True) -> Document:
    """Parse one ``.txt`` or ``.html`` file.

    Args:
        path: the file.
        parser: force a parser by name instead of choosing by score.
        encoding: force an encoding instead of detecting it.
        max_bytes: refuse files larger than this.
        extract: run extraction of actors, events and metrics (default True).

    Raises:
        InputError: when the file cannot be read or decoded.
        ParseError: when parsing fails.
    """
    return parse_source(read_file(path, encoding=encoding, max_bytes=max_bytes), parser=parser, extract=extract)


def parse_text(text: str, *, origin: str = "<text>", parser: str | None = None, url: str | None = None,
               title: str | None = None, published: str | None = None, extract: bool = True) -> Document:
    """Parse text or HTML held in memory.

    Args:
        text: plain text or HTML (recognised by its markup).
        origin: a label for the document (it becomes ``Document.origin``).
        parser: force a parser by name.
        url: the article's URL, when known (helps choose the outlet's parser).
        title: the headline, when it is given apart from the text.
        published: the publication date (ISO 8601), when known; it dates year-less mentions.
        extract: run extraction (default True).
    """
    if not isinstance(text, str):
        raise InputError(f"{origin}: parse_text() needs a str, not {type(text).__name__}; use parse() for files")
    if not text.strip():
        raise InputError(f"{origin}: empty input")
    source = Source.from_text(normalize_text(text), origin=origin, url=url, title=title, published=published)
    return parse_source(source, parser=parser, extract=extract)


def _parse_one(item: Source | InputError, parser: str | None, extract: bool, timeout: float | None = None) -> Result:
    """One Result for one item of ``iter_sources``; never raises (but KeyboardInterrupt)."""
    if isinstance(item, InputError):
        origin = getattr(item, "origin", None) or str(item).split(": ", 1)[0]
        return Result(origin=origin, error=item)
    stage = _Stage()
    try:
        with time_limit(timeout):
            document = _parse_steps(item, parser, extract, stage)
        return Result(origin=item.origin, document=document)
    except TimeLimitExceeded:
        return Result(origin=item.origin, error=ParseError(
            f"{item.origin}: {stage.what} took longer than the time limit of {timeout:g} s (--timeout)"))
    except DiplomacyCorpusError as exc:
        return Result(origin=item.origin, error=_with_traceback(exc))
    except (Exception, SystemExit) as exc:  # never stop the batch, even for a plugin calling sys.exit()
        error = ParseError(f"{item.origin}: {stage.what} failed: {type(exc).__name__}: {exc}")
        error.__cause__ = exc
        return Result(origin=item.origin, error=_with_traceback(error))


def _with_traceback(error: DiplomacyCorpusError) -> DiplomacyCorpusError:
    """Keep the cause's traceback as text: a cause does not survive the trip back from a worker process."""
    cause = error.__cause__
    if cause is not None and not hasattr(error, "traceback_text"):
        error.traceback_text = "".join(traceback.format_exception(cause))  # type: ignore[attr-defined]
    return error


def _crashed(item: Source | InputError, exc: BaseException) -> Result:
    origin = getattr(item, "origin", "<input>")
    return Result(origin=origin, error=ParseError(
        f"{origin}: the worker process died on this document, or hung past twice the time limit in code "
        f"no signal interrupts ({type(exc).__name__}); a plugin or an extension may have crashed"))


#: Default per-document time limit of parsing and extraction, in seconds.
DEFAULT_TIMEOUT = 60.0


def parse_many(inputs: Iterable[str | os.PathLike[str]], *, parser: str | None = None,
               encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES, extract: bool = True,
               workers: int = 1, timeout: float | None = DEFAULT_TIMEOUT,
               on_skip: Callable[[str, str], None] | None = None,
               exclude: Iterable[str | os.PathLike[str]] = ()) -> Iterator[Result]:
    """Parse files, folders and JSON Lines corpora lazily: one [`Result`][diplomacy_corpus.Result] per document.

    A failing input gives a Result with ``error`` set; the batch never stops. Memory does
    not grow with the number of inputs, with one worker or many.

    Args:
        inputs: files (``.txt``, ``.html``, ``.htm``, ``.jsonl``, ``.jsonl.gz``) and folders.
        parser: force a parser by name.
        encoding: force an encoding for text and HTML files.
        max_bytes: size cap per file (per line for JSON Lines).
        extract: run extraction (default True).
        workers: number of processes; results come in input order and are the same
            whatever the number.
        timeout: time limit in seconds for parsing and extracting one document (None or
            0: no limit). Enforced with ``SIGALRM`` on the main thread of the process
            that parses (always true for worker processes); elsewhere it is not enforced.
            With ``workers`` > 1, a worker still stuck after twice the limit (in code
            no signal interrupts) is ended, and only its document fails.
        on_skip: called with ``(path, reason)`` for each file a folder walk leaves out.
        exclude: files never to read, such as the output being written.
    """
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    sources = iter_sources(inputs, encoding=encoding, max_bytes=max_bytes, on_skip=on_skip, exclude=exclude)
    if workers <= 1:
        for item in sources:
            yield _parse_one(item, parser, extract, timeout)
        return
    from ._workers import parallel_map

    _warm_up(extract)
    # The hard limit catches what SIGALRM cannot interrupt (a C extension that never returns).
    hard_limit = 2 * timeout + 1 if timeout else None
    yield from parallel_map(_parse_one, sources, workers=workers, args=(parser, extract, timeout),
                            chunksize=16, on_crash=_crashed, hard_limit=hard_limit)


def _warm_up(extract: bool) -> None:
    """Load plugins and extraction data before worker processes fork, so they share them."""
    try:
        plugins.get_parsers()
        if extract:
            from .extract import extract as run_extraction

            text = "Ngày 2/9/2024, Thủ tướng tiếp Đại sứ Nhật Bản tại Hà Nội."
            run_extraction(Document(origin="<warm-up>", text=text))
    except Exception:  # the workers will report whatever is wrong, document by document
        logger.debug("warm-up failed", exc_info=True)


def export(documents: Iterable[Document], format: str, destination: str | os.PathLike[str],  # noqa: A002
           *, force: bool = False, **options: Any) -> int:
    """Write documents with the exporter called ``format``; returns how many were written.

    Args:
        documents: any iterable of documents (consumed once, streamed).
        format: an exporter name (``json``, ``jsonl``, ``csv``, ``markdown``, ...).
        destination: the output file (or folder, for folder formats).
        force: overwrite an existing destination.
        **options: options of the exporter.

    Raises:
        UnknownPluginError: when no exporter is called ``format``.
        ExportError: when the destination exists and ``force`` is false.
    """
    exporter = plugins.get_exporter(format)
    return exporter.export(documents, Path(destination), force=force, **options)


def load(path: str | os.PathLike[str]) -> Iterator[Document]:
    """Read documents back from a ``json`` or ``jsonl`` export (``.gz`` too), lazily.

    Both are streamed: a ``json`` export of 35,000 documents is read one document at a
    time (with ijson), never as a whole.

    Raises:
        InputError: when the file is not such an export.
    """
    p = Path(path)
    opener = gzip.open if p.name.endswith(".gz") else open
    lines = p.name.endswith((".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz"))
    try:
        with opener(p, "rb") as stream:
            if lines:
                for number, line in enumerate(stream, start=1):
                    if line.strip():
                        yield _structure(json.loads(line), f"{p}:{number}")
                return
            head = stream.peek(64)[:64].lstrip() if hasattr(stream, "peek") else b"{"
            prefix = "item" if head.startswith(b"[") else "documents.item"
            done = 0
            try:
                for item in ijson.items(stream, prefix, use_float=True):
                    yield _structure(item, f"{p}[{done}]")
                    done += 1
            except UnicodeDecodeError:
                # The C backend cannot return lone surrogates (\ud800 escapes, e.g. from
                # undecodable file names); the pure-Python backend can. Resume after `done`.
                stream.seek(0)
                for number, item in enumerate(_PY_IJSON.items(stream, prefix, use_float=True)):
                    if number >= done:
                        yield _structure(item, f"{p}[{number}]")
    except FileNotFoundError:
        raise InputError(f"{p}: no such file") from None
    except (json.JSONDecodeError, UnicodeDecodeError, ijson.JSONError) as exc:
        raise InputError(f"{p}: not a JSON or JSON Lines export: {exc}") from None


def _structure(data: Any, where: str) -> Document:
    try:
        return document_from_dict(data)
    except Exception as exc:
        raise InputError(f"{where}: not a document: {exc}") from None
