"""Run the pipeline on a Dask cluster: a ``dask.bag`` of results, exporters per partition.

Needs the ``dask`` extra: ``pip install 'diplomacy-corpus[dask]'``. Dask is imported only
when a function here is called, so ``import diplomacy_corpus.dask`` is always cheap.

Inputs are split into partitions that workers read themselves (only file names and line
ranges travel): consecutive ``.txt``/``.html`` files are grouped ``files_per_partition``
at a time, and each JSON Lines corpus (``.gz`` too) is cut into ranges of
``lines_per_partition`` lines. Partitions keep input order, so the concatenated outputs
equal what ``parse_many`` and one process give.

Example:
    ```python
    from dask.distributed import Client
    import diplomacy_corpus.dask as dcd

    client = Client("tcp://scheduler:8786")          # or LocalCluster()
    results = dcd.read(["archive/baomoi-2017.jsonl.gz"], lines_per_partition=2000)
    summary = dcd.write(results, "jsonl", "out/")    # out/part-00000.jsonl, ...
    print(summary.written, summary.failed)
    ```

The per-document time limit (``timeout``) relies on ``SIGALRM`` on a process's main
thread; Dask runs tasks on worker threads, where it is not enforced.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs

from . import plugins
from .api import DEFAULT_TIMEOUT, Result, _parse_one
from .decoding import DEFAULT_MAX_BYTES
from .errors import ExportError
from .inputs import count_lines, input_error, is_jsonl, iter_jsonl, iter_sources, walk
from .interfaces import Source
from .models import Document

__all__ = ["Partition", "WriteSummary", "documents", "partitions", "read", "write"]

_EXTRA_HINT = "diplomacy_corpus.dask needs Dask: pip install 'diplomacy-corpus[dask]'"
_PART_RE = re.compile(r"^part-\d{5}(\.|$)")


def _dask() -> Any:
    try:
        import dask
        import dask.bag
    except ImportError as exc:
        raise ImportError(f"{_EXTRA_HINT} ({exc})") from exc
    return dask


@attrs.define(frozen=True, kw_only=True)
class Partition:
    """What one task reads: some document files, or a range of lines of one JSON Lines file."""

    files: tuple[str, ...] = ()
    """Document files (``.txt``, ``.html``...), read in this order."""
    jsonl: str | None = None
    """A JSON Lines corpus, when the partition is a range of its lines."""
    start: int = 0
    """Lines of ``jsonl`` to skip."""
    stop: int | None = None
    """Last line of ``jsonl`` to read (1-based, inclusive); None reads to the end."""


@attrs.define(frozen=True, kw_only=True)
class WriteSummary:
    """What [`write`][diplomacy_corpus.dask.write] did."""

    written: int
    """Documents written, over all partitions."""
    files: tuple[str, ...]
    """The files (or folders) written, one per partition, in order."""
    failed: tuple[tuple[str, str], ...]
    """``(origin, message)`` of each input that failed, in input order."""


def partitions(inputs: Iterable[str | os.PathLike[str]], *, files_per_partition: int = 200,
               lines_per_partition: int = 5000) -> list[Partition]:
    """Plan the partitions for ``inputs`` (files, folders, JSON Lines corpora), in input order.

    JSON Lines files are counted once here (a fast pass, no JSON parsing).
    """
    plan: list[Partition] = []
    group: list[str] = []

    def flush() -> None:
        if group:
            plan.append(Partition(files=tuple(group)))
            group.clear()

    def add(path: Path) -> None:
        if is_jsonl(path):
            flush()
            total = count_lines(path)
            starts = range(0, max(total, 1), lines_per_partition)
            for number, start in enumerate(starts):
                last = number == len(starts) - 1
                plan.append(Partition(jsonl=str(path), start=start,
                                      stop=None if last else start + lines_per_partition))
            return
        group.append(str(path))
        if len(group) >= files_per_partition:
            flush()

    for item in inputs:
        path = Path(item)
        if path.is_dir():
            for sub in walk(path):
                add(sub)
        else:
            add(path)
    flush()
    return plan


def _sources(part: Partition, encoding: str | None, max_bytes: int) -> Iterable[Source | Any]:
    if part.jsonl is not None:
        return iter_jsonl(part.jsonl, max_bytes=max_bytes, start=part.start, stop=part.stop)
    return iter_sources(part.files, encoding=encoding, max_bytes=max_bytes)


def _read_partition(part: Partition, options: dict[str, Any]) -> list[Result]:
    try:
        return [_parse_one(item, options["parser"], options["extract"], options["timeout"])
                for item in _sources(part, options["encoding"], options["max_bytes"])]
    except Exception as exc:  # a partition never fails as a whole
        origin = part.jsonl or (part.files[0] if part.files else "<partition>")
        return [Result(origin=origin, error=input_error(origin, f"cannot read: {type(exc).__name__}: {exc}"))]


def read(inputs: Iterable[str | os.PathLike[str]], *, parser: str | None = None, encoding: str | None = None,
         max_bytes: int = DEFAULT_MAX_BYTES, extract: bool = True, timeout: float | None = DEFAULT_TIMEOUT,
         files_per_partition: int = 200, lines_per_partition: int = 5000) -> Any:
    """A ``dask.bag.Bag`` of [`Result`][diplomacy_corpus.Result]s, one per document, in input order.

    Args:
        inputs: files (``.txt``, ``.html``, ``.jsonl``, ``.jsonl.gz``) and folders; the
            workers must see the same paths (a shared file system).
        parser: force a parser by name.
        encoding: force an encoding for text and HTML files.
        max_bytes: size cap per file (per line for JSON Lines).
        extract: run extraction (default True).
        timeout: per-document time limit (see the module docs).
        files_per_partition: document files per partition.
        lines_per_partition: JSON Lines per partition.

    Raises:
        ImportError: when Dask is not installed, naming the extra to install.
    """
    dask = _dask()
    plan = partitions(inputs, files_per_partition=files_per_partition, lines_per_partition=lines_per_partition)
    options = {"parser": parser, "encoding": encoding, "max_bytes": max_bytes, "extract": extract,
               "timeout": timeout}
    if not plan:
        return dask.bag.from_sequence([], npartitions=1)
    return dask.bag.from_sequence(plan, npartitions=len(plan)).map_partitions(_read_one_partition, options)


def _read_one_partition(parts: Sequence[Partition], options: dict[str, Any]) -> list[Result]:
    return [result for part in parts for result in _read_partition(part, options)]


def documents(results: Any) -> Any:
    """The bag of [`Document`][diplomacy_corpus.Document]s of a bag of results (failures dropped)."""
    return results.filter(lambda result: result.document is not None).map(lambda result: result.document)


def _export_partition(results: Iterable[Result | Document], index: int, format_: str, folder: str,
                      options: dict[str, Any]) -> tuple[int, str, list[tuple[str, str]]]:
    exporter = plugins.get_exporter(format_)
    failed: list[tuple[str, str]] = []

    def docs() -> Iterable[Any]:
        for result in results:
            if isinstance(result, Document):  # a bag of documents (from documents(...) or your own)
                yield result
            elif result.document is not None:
                yield result.document
            else:
                failed.append((result.origin, str(result.error)))

    target = Path(folder) / f"part-{index:05d}{exporter.suffix}"
    written = exporter.export(docs(), target, force=True, **options)
    return written, str(target), failed


def write(results: Any, format: str, destination: str | os.PathLike[str], *,  # noqa: A002
          force: bool = False, **options: Any) -> WriteSummary:
    """Export a bag of results with the exporter ``format``: one output per partition.

    ``destination`` is a folder; partition *i* goes to ``part-0000i`` plus the exporter's
    suffix (a sub-folder for folder formats), each written atomically by its worker.
    Reading the parts in order gives the documents in input order.

    Args:
        results: a bag of results from [`read`][diplomacy_corpus.dask.read], or of documents.
        format: an exporter name (``jsonl``, ``json``, ``csv``...).
        destination: the output folder (on a file system the workers share).
        force: write into an existing folder, replacing its ``part-*`` outputs.
        **options: options of the exporter.

    Raises:
        UnknownPluginError: when no exporter is called ``format``.
        ExportError: when ``destination`` exists and ``force`` is false.
    """
    dask = _dask()
    plugins.get_exporter(format)
    folder = Path(destination)
    if folder.exists():
        if not force:
            raise ExportError(f"{folder} exists; pass force=True to overwrite its part-* outputs")
        if not folder.is_dir():
            raise ExportError(f"{folder} is not a folder")
        for old in folder.iterdir():
            if _PART_RE.match(old.name):
                _remove(old)
    folder.mkdir(parents=True, exist_ok=True)
    tasks = [dask.delayed(_export_partition)(part, index, format, str(folder), options)
             for index, part in enumerate(results.to_delayed())]
    outcomes = dask.compute(*tasks)
    return WriteSummary(written=sum(o[0] for o in outcomes), files=tuple(o[1] for o in outcomes),
                        failed=tuple(f for o in outcomes for f in o[2]))


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        import shutil

        shutil.rmtree(path)
    else:
        path.unlink()
