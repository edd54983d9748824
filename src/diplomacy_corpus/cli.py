"""The ``diplomacy-corpus`` command line.

Exit status: 0 when every input was parsed and written, 1 when some inputs failed (the
others are still written) or the output could not be written (nothing is left behind),
2 on usage errors (unknown format, parser or encoding, existing output without
``--force``, ...), 130 when interrupted (nothing is written).
"""

from __future__ import annotations

import codecs
import contextlib
import json
import logging
import os
import re
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TextIO

import click

from . import __version__, plugins
from .api import DEFAULT_TIMEOUT, Result, parse_many
from .decoding import DEFAULT_MAX_BYTES
from .errors import DiplomacyCorpusError
from .interfaces import atomic_destination
from .models import Document

F = Callable[..., Any]


def _plugins_dir_option(func: F) -> F:
    return click.option(
        "--plugins-dir", type=click.Path(exists=True, file_okay=False, path_type=Path), multiple=True,
        help="Also load every *.py file in DIR as a plugin (repeatable).")(func)


def _load_dirs(dirs: tuple[Path, ...]) -> None:
    for directory in dirs:
        plugins.load_plugins_dir(directory)


def _report_plugin_errors() -> None:
    for error in plugins.plugin_errors():
        click.echo(f"warning: {error}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="diplomacy-corpus")
def main() -> None:
    """Turn Vietnamese news about foreign relations into a structured corpus."""


_UNPRINTABLE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _printable(text: str) -> str:
    """Escape control characters (terminal escapes, bidi overrides) from input names."""
    return _UNPRINTABLE.sub(lambda m: f"\\x{ord(m.group(0)):02x}" if ord(m.group(0)) < 256
                            else f"\\u{ord(m.group(0)):04x}", text)


class _Formatter(logging.Formatter):
    """``warning: message`` like the command's own messages, with control characters escaped."""

    def format(self, record: logging.LogRecord) -> str:
        text = f"{record.levelname.lower()}: {_printable(record.getMessage())}"
        if record.exc_info:
            text += "\n" + self.formatException(record.exc_info)
        return text


class _Tally:
    """What the summary reports: documents written, inputs failed and files skipped."""

    def __init__(self) -> None:
        self.documents = 0
        self.failed: list[Result] = []
        self.skipped: list[tuple[str, str]] = []

    def skip(self, path: str, reason: str) -> None:
        self.skipped.append((path, reason))


def _echo_error(message: str, progress: Any) -> None:
    line = f"error: {_printable(message)}"
    if progress is not None:
        progress.write(line, file=sys.stderr)
    else:
        click.echo(line, err=True)


def _documents(results: Iterator[Result], tally: _Tally, progress: Any, errors_out: TextIO | None,
               debug: bool) -> Iterator[Document]:
    for result in results:
        if progress is not None:
            progress.update(1)
        if result.document is not None:
            tally.documents += 1
            yield result.document
            continue
        tally.failed.append(result)
        message = str(result.error)
        _echo_error(message, progress)
        if debug and result.error is not None:
            trace = getattr(result.error, "traceback_text", None)
            if trace:
                sys.stderr.write(trace)
            elif result.error.__cause__ is not None:
                traceback.print_exception(result.error.__cause__, file=sys.stderr)
        if errors_out is not None:
            errors_out.write(json.dumps({"origin": result.origin, "error": type(result.error).__name__,
                                         "message": message}, ensure_ascii=False) + "\n")


def _summary(tally: _Tally, written: int | None, output: Path, format_: str, seconds: float,
             errors_file: Path | None) -> None:
    failed = len(tally.failed)
    rate = (tally.documents + failed) / seconds if seconds > 0 else 0.0
    outcome = f"{written} documents written to {output} ({format_})" if written is not None else \
        f"nothing written ({tally.documents} documents parsed)"
    speed = f" ({rate:,.0f} documents/s)" if rate >= 10 else ""
    click.echo(f"{outcome}, {failed} failed, {len(tally.skipped)} skipped, {seconds:.1f} s{speed}", err=True)
    for label, names in (("failed", [r.origin for r in tally.failed]), ("skipped", [p for p, _ in tally.skipped])):
        if names:
            shown = ", ".join(_printable(n) for n in names[:_NAMES_SHOWN])
            more = f" ... and {len(names) - _NAMES_SHOWN} more" if len(names) > _NAMES_SHOWN else ""
            click.echo(f"{label}: {shown}{more}", err=True)
    if failed and errors_file is not None:
        click.echo(f"error report: {errors_file}", err=True)
    elif failed > _NAMES_SHOWN:
        click.echo("pass --errors FILE for the full list of failures", err=True)


_NAMES_SHOWN = 20


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "-f", "format_", default="json", show_default=True,
              help="Output format (an exporter name; see 'diplomacy-corpus formats').")
@click.option("--output", "-o", required=True, type=click.Path(path_type=Path), help="Output file or folder.")
@click.option("--parser", "-p", default=None, help="Force this parser instead of choosing by score.")
@click.option("--force", is_flag=True, help="Overwrite the output (and the --errors file) if it exists.")
@click.option("--option", "-O", "options", multiple=True, metavar="KEY=VALUE",
              help="An option of the exporter, e.g. -O bom=false (csv), -O append=true (sqlite); repeatable.")
@click.option("--workers", "-j", default=1, show_default=True, type=click.IntRange(min=0),
              help="Worker processes; 0 for one per core (output order and content do not depend on it).")
@click.option("--encoding", default=None,
              help="Force the encoding of text and HTML files (e.g. cp1258) instead of detecting it.")
@click.option("--max-bytes", default=DEFAULT_MAX_BYTES, show_default=True, type=click.IntRange(min=1),
              help="Size cap per input file (per line for JSON Lines).")
@click.option("--timeout", default=DEFAULT_TIMEOUT, show_default=True, type=click.FloatRange(min=0),
              help="Time limit in seconds for parsing and extracting one document; 0 for none.")
@click.option("--errors", "errors_file", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Write one JSON line per failed input to this file: origin, error, message.")
@click.option("--no-progress", is_flag=True, help="No progress bar even on a terminal.")
@click.option("--debug", is_flag=True, help="Show tracebacks of failures and log debug messages.")
@_plugins_dir_option
def parse(inputs: tuple[Path, ...], format_: str, output: Path, parser: str | None, force: bool,
          options: tuple[str, ...], workers: int,
          encoding: str | None, max_bytes: int, timeout: float, errors_file: Path | None, no_progress: bool,
          debug: bool, plugins_dir: tuple[Path, ...]) -> None:
    """Parse INPUTS (files, folders, .jsonl/.jsonl.gz corpora) and write them to --output.

    Every good document is written; each bad input is named (on stderr, in the summary and
    in the --errors report) and the exit status is 1. The output is written to a temporary
    file and renamed when complete, so it is never left half-written.
    """
    handler = logging.StreamHandler()
    handler.setFormatter(_Formatter())
    logging.basicConfig(level=logging.DEBUG if debug else logging.WARNING, handlers=[handler])
    try:
        _parse_command(inputs, format_, output, parser, force, _options(options), workers or os.cpu_count() or 1,
                       encoding, max_bytes, timeout, errors_file, no_progress, debug, plugins_dir)
    except (click.ClickException, click.exceptions.Exit, SystemExit):
        raise
    except KeyboardInterrupt:
        click.echo(f"interrupted; {output} was not written", err=True)
        sys.exit(130)
    except Exception as exc:
        if debug:
            traceback.print_exc()
        click.echo(f"error: {_printable(str(exc)) or type(exc).__name__} "
                   f"({type(exc).__name__}; rerun with --debug for the traceback)", err=True)
        sys.exit(1)


def _options(pairs: tuple[str, ...]) -> dict[str, str]:
    options: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise click.UsageError(f"--option {pair!r} is not KEY=VALUE")
        options[key.strip()] = value.strip()
    return options


def _parse_command(inputs: tuple[Path, ...], format_: str, output: Path, parser: str | None, force: bool,
                   options: dict[str, str], workers: int, encoding: str | None, max_bytes: int, timeout: float,
                   errors_file: Path | None, no_progress: bool, debug: bool, plugins_dir: tuple[Path, ...]) -> None:
    started = time.perf_counter()
    try:
        _load_dirs(plugins_dir)
        exporter = plugins.get_exporter(format_)
        if parser:
            plugins.get_parser(parser)
    except DiplomacyCorpusError as exc:
        raise click.UsageError(str(exc)) from None
    if not logging.getLogger("diplomacy_corpus").isEnabledFor(logging.WARNING):
        _report_plugin_errors()  # otherwise already logged as warnings
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise click.UsageError(f"unknown encoding {encoding!r} (--encoding); e.g. utf-8, cp1258, utf-16") from None
    try:
        exporter.check(output, force=force, **options)
    except DiplomacyCorpusError as exc:
        raise click.UsageError(f"output: {exc}") from None
    if errors_file is not None and errors_file.exists() and not force:
        raise click.UsageError(f"--errors file {errors_file} exists; pass --force to overwrite it")
    if errors_file is not None and output.resolve() == errors_file.resolve():
        raise click.UsageError("--errors must name another file than --output")
    progress = None
    if not no_progress and sys.stderr.isatty():
        from tqdm import tqdm  # type: ignore[import-untyped]

        progress = tqdm(unit=" docs", file=sys.stderr, dynamic_ncols=True)
    tally = _Tally()
    written: int | None = None
    exit_code = 0
    errors_ctx = atomic_destination(errors_file, force=True) if errors_file else contextlib.nullcontext(None)
    try:
        with errors_ctx as errors_tmp:
            errors_out = open(errors_tmp, "w", encoding="utf-8") if errors_tmp else None  # noqa: SIM115
            try:
                results = parse_many(inputs, parser=parser, encoding=encoding, max_bytes=max_bytes, workers=workers,
                                     timeout=timeout or None, on_skip=tally.skip,
                                     exclude=[output] + ([errors_file] if errors_file else []))
                documents = _documents(results, tally, progress, errors_out, debug)
                try:
                    written = exporter.export(documents, output, force=force, **options)
                except DiplomacyCorpusError as exc:  # a write error (an existing output was refused above)
                    click.echo(f"error: {_printable(str(exc))}; {output} was not written", err=True)
                    exit_code = 1
                except Exception as exc:
                    if debug:
                        traceback.print_exc()
                    click.echo(f"error: exporter {exporter.name!r} failed: {type(exc).__name__}: "
                               f"{_printable(str(exc))}; {output} was not written", err=True)
                    exit_code = 1
            finally:
                if errors_out is not None:
                    errors_out.close()
    finally:
        if progress is not None:
            progress.close()
    _summary(tally, written, output, format_, time.perf_counter() - started, errors_file if tally.failed else None)
    if exit_code or tally.failed:
        sys.exit(exit_code or 1)


@main.command("plugins")
@click.option("--all", "show_all", is_flag=True, help="Include the built-in plugins.")
@_plugins_dir_option
def plugins_command(show_all: bool, plugins_dir: tuple[Path, ...]) -> None:
    """List plugins with their versions and what each provides."""
    _load_dirs(plugins_dir)
    infos = plugins.get_plugins(all=show_all)
    parsers = plugins.get_parsers()
    exporters = plugins.get_exporters()
    if not infos:
        click.echo("no third-party plugins installed (use --all to list the built-in ones)")
    for info in infos:
        click.echo(f"{info.name} {info.version or ''} [{info.origin}]".replace("  ", " "))
        for name in info.parsers:
            parser = parsers[name]
            click.echo(f"  parser {name}: {parser.description}")
            if parser.recognises:
                click.echo(f"    recognises: {parser.recognises}")
        for name in info.exporters:
            click.echo(f"  exporter {name} ({exporters[name].suffix or 'folder'}): {exporters[name].description}")
        if info.error:
            click.echo(f"  error: {info.error}")
    _report_plugin_errors()


@main.command()
@_plugins_dir_option
def formats(plugins_dir: tuple[Path, ...]) -> None:
    """List the output formats with their file suffix and a description."""
    _load_dirs(plugins_dir)
    for name, exporter in plugins.get_exporters().items():
        click.echo(f"{name:10s} {exporter.suffix or '(folder)':10s} {exporter.description}")
    _report_plugin_errors()


if __name__ == "__main__":  # pragma: no cover
    main()
