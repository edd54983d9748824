"""The ``diplomacy-corpus`` command line.

Exit status: 0 when every input was parsed and written, 1 when some inputs failed (the
others are still written), 2 on usage errors (unknown format or parser, existing
output without ``--force``, ...).
"""

from __future__ import annotations

import json
import logging
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TextIO

import click

from . import __version__, plugins
from .api import Result, parse_many
from .decoding import DEFAULT_MAX_BYTES
from .errors import DiplomacyCorpusError, UnknownPluginError
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


class _Tally:
    def __init__(self) -> None:
        self.documents = 0
        self.failed: list[Result] = []


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
        if progress is not None:
            progress.write(f"error: {message}", file=sys.stderr)
        else:
            click.echo(f"error: {message}", err=True)
        if debug and result.error is not None and result.error.__cause__ is not None:
            traceback.print_exception(result.error.__cause__, file=sys.stderr)
        if errors_out is not None:
            errors_out.write(json.dumps({"origin": result.origin, "error": type(result.error).__name__,
                                         "message": message}, ensure_ascii=False) + "\n")
            errors_out.flush()


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "-f", "format_", default="json", show_default=True,
              help="Output format (an exporter name; see 'diplomacy-corpus formats').")
@click.option("--output", "-o", required=True, type=click.Path(path_type=Path), help="Output file or folder.")
@click.option("--parser", "-p", default=None, help="Force this parser instead of choosing by score.")
@click.option("--force", is_flag=True, help="Overwrite the output if it exists.")
@click.option("--workers", "-j", default=1, show_default=True, type=click.IntRange(min=1),
              help="Worker processes (output order and content do not depend on it).")
@click.option("--encoding", default=None, help="Force the input encoding (e.g. cp1258) instead of detecting it.")
@click.option("--max-bytes", default=DEFAULT_MAX_BYTES, show_default=True, type=click.IntRange(min=1),
              help="Size cap per input file (per line for JSON Lines).")
@click.option("--errors", "errors_file", type=click.Path(path_type=Path), default=None,
              help="Write one JSON line per failed input to this file.")
@click.option("--no-progress", is_flag=True, help="No progress bar even on a terminal.")
@click.option("--debug", is_flag=True, help="Show tracebacks of failures.")
@_plugins_dir_option
def parse(inputs: tuple[Path, ...], format_: str, output: Path, parser: str | None, force: bool, workers: int,
          encoding: str | None, max_bytes: int, errors_file: Path | None, no_progress: bool, debug: bool,
          plugins_dir: tuple[Path, ...]) -> None:
    """Parse INPUTS (files, folders, .jsonl/.jsonl.gz corpora) and write them to --output."""
    logging.basicConfig(level=logging.DEBUG if debug else logging.WARNING, format="%(levelname)s: %(message)s")
    started = time.perf_counter()
    try:
        _load_dirs(plugins_dir)
        exporter = plugins.get_exporter(format_)
        if parser:
            plugins.get_parser(parser)
    except (UnknownPluginError, DiplomacyCorpusError) as exc:
        raise click.UsageError(str(exc)) from None
    _report_plugin_errors()
    if output.exists() and not force:
        raise click.UsageError(f"{output} exists; pass --force to overwrite it")
    progress = None
    if not no_progress and sys.stderr.isatty():
        from tqdm import tqdm

        progress = tqdm(unit=" docs", file=sys.stderr, dynamic_ncols=True)
    tally = _Tally()
    errors_out = open(errors_file, "w", encoding="utf-8") if errors_file else None  # noqa: SIM115
    try:
        results = parse_many(inputs, parser=parser, encoding=encoding, max_bytes=max_bytes, workers=workers)
        try:
            written = exporter.export(_documents(results, tally, progress, errors_out, debug), output, force=force)
        except DiplomacyCorpusError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(2)
        except Exception as exc:
            if debug:
                traceback.print_exc()
            click.echo(f"error: exporter {exporter.name!r} failed: {type(exc).__name__}: {exc}; "
                       f"{output} was not written", err=True)
            sys.exit(1)
    finally:
        if progress is not None:
            progress.close()
        if errors_out is not None:
            errors_out.close()
    seconds = time.perf_counter() - started
    failed = len(tally.failed)
    click.echo(f"{written} documents written to {output} ({format_}), {failed} failed, {seconds:.2f} s", err=True)
    if failed:
        names = ", ".join(r.origin for r in tally.failed[:10]) + (" ..." if failed > 10 else "")
        click.echo(f"failed: {names}", err=True)
        sys.exit(1)


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
