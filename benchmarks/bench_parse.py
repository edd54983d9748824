"""Throughput and memory of the pipeline on a JSON Lines corpus (a benchmark, not a test).

Usage::

    python benchmarks/bench_parse.py                       # the shared baomoi-2017 corpus
    python benchmarks/bench_parse.py corpus.jsonl.gz -j 4  # any corpus, 4 workers
    python benchmarks/bench_parse.py --limit 2000          # the first 2,000 articles

Each case runs in a fresh process, so its peak RSS is its own:

* ``json baseline``: read the corpus and re-serialise each record with the json module;
* ``parse only``: read, choose a parser, parse (no extraction), no output;
* ``extraction``: the time spent in extraction alone (documents parsed beforehand);
* ``end to end, 1 worker`` / ``N workers``: ``parse_many`` + the ``jsonl`` exporter to a
  temporary file, as ``diplomacy-corpus parse -f jsonl`` does.

Reported: articles/s and MB/s (UTF-8 text of the articles) by the wall clock, articles
per CPU-second (the main process and its workers; fair on a busy machine), peak RSS of
the main process and of the largest worker, and the documents that failed (counted and
named). With
``--markdown`` the table is printed as Markdown for ``docs/benchmarks.md``. Without a
corpus argument and without the shared corpus, it exits cleanly with a message.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

_SHARED = ("/work/shared/corpus/baomoi-2017.jsonl.gz",
           str(Path(__file__).resolve().parents[2] / "shared/corpus/baomoi-2017.jsonl.gz"))
_CASES = ("json baseline", "parse only", "extraction", "end to end")


def _default_corpus() -> Path | None:
    for candidate in (os.environ.get("DIPLOMACY_CORPUS_BENCH"), *_SHARED):
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    return None


def _limited(path: Path, limit: int | None) -> Path:
    """The corpus itself, or a temporary copy of its first ``limit`` lines."""
    if not limit:
        return path
    opener = gzip.open if path.name.endswith(".gz") else open
    fd, name = tempfile.mkstemp(suffix=".jsonl", prefix="bench-")
    with opener(path, "rb") as src, os.fdopen(fd, "wb") as dst:  # type: ignore[operator]
        for number, line in enumerate(src):
            if number >= limit:
                break
            dst.write(line)
    return Path(name)


def _cpu_seconds() -> float:
    """CPU time of this process and of its finished children (worker processes)."""
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total


def _peak_mb() -> tuple[float, float]:
    self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return self_kb / 1024, children_kb / 1024


def _records(path: Path, failed: list[str]) -> Iterator[dict[str, Any]]:
    opener = gzip.open if path.name.endswith(".gz") else open
    number = 0
    try:
        with opener(path, "rb") as stream:  # type: ignore[operator]
            for number, line in enumerate(stream, start=1):
                if line.strip():
                    try:
                        record = json.loads(line)
                    except ValueError as exc:
                        failed.append(f"{path}:{number} ({exc})")
                        continue
                    yield record if isinstance(record, dict) else {"text": ""}
    except (OSError, EOFError) as exc:
        failed.append(f"{path} (after line {number}: {exc})")


def _run_case(case: str, path: Path, workers: int) -> dict[str, Any]:
    import diplomacy_corpus as dc
    from diplomacy_corpus.extract import extract

    text_bytes = 0
    count = 0
    failed: list[str] = []
    seconds_in_extraction = 0.0
    cpu_in_extraction = 0.0
    started = time.perf_counter()
    cpu_started = _cpu_seconds()
    if case == "json baseline":
        sink = io.StringIO()
        for record in _records(path, failed):
            text_bytes += len(str(record.get("text", "")).encode("utf-8"))
            sink.write(json.dumps(record, ensure_ascii=False))
            sink.seek(0)
            sink.truncate()
            count += 1
    elif case in ("parse only", "extraction"):
        for result in dc.parse_many([path], extract=False):
            count += 1
            if result.document is None:
                failed.append(result.origin)
                continue
            text_bytes += len(result.document.text.encode("utf-8"))
            if case == "extraction":
                begin, cpu_begin = time.perf_counter(), time.process_time()
                try:
                    extract(result.document)
                except Exception as exc:
                    failed.append(f"{result.origin} ({type(exc).__name__}: {exc})")
                seconds_in_extraction += time.perf_counter() - begin
                cpu_in_extraction += time.process_time() - cpu_begin
    else:
        def documents() -> Iterator[dc.Document]:
            nonlocal count, text_bytes
            for result in dc.parse_many([path], workers=workers):
                count += 1
                if result.document is None:
                    failed.append(str(result.error))
                    continue
                text_bytes += len(result.document.text.encode("utf-8"))
                yield result.document

        with tempfile.TemporaryDirectory() as tmp:
            dc.export(documents(), "jsonl", Path(tmp) / "out.jsonl")
    seconds = time.perf_counter() - started
    cpu = _cpu_seconds() - cpu_started
    if case == "extraction":
        seconds, cpu = seconds_in_extraction, cpu_in_extraction
    main_mb, worker_mb = _peak_mb()
    return {"case": case if case != "end to end" else f"end to end, {workers} worker{'s' * (workers > 1)}",
            "articles": count, "seconds": seconds, "articles_per_s": count / seconds if seconds else 0.0,
            "cpu_seconds": cpu, "articles_per_cpu_s": count / cpu if cpu else 0.0,
            "mb_per_s": text_bytes / 1e6 / seconds if seconds else 0.0, "peak_rss_mb": main_mb,
            "worker_peak_rss_mb": worker_mb if workers > 1 and case == "end to end" else None,
            "failed": len(failed), "failed_names": [name[:160] for name in failed[:10]]}


def _machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"


def _table(rows: list[dict[str, Any]], markdown: bool) -> str:
    head = ("case", "articles", "articles/s", "MB/s", "articles/CPU-s", "peak RSS (MB)", "failed")
    lines = []
    for row in rows:
        rss = f"{row['peak_rss_mb']:.0f}"
        if row.get("worker_peak_rss_mb"):
            rss += f" (+{row['worker_peak_rss_mb']:.0f} per worker)"
        lines.append((row["case"], f"{row['articles']:,}", f"{row['articles_per_s']:,.0f}", f"{row['mb_per_s']:.2f}",
                      f"{row['articles_per_cpu_s']:,.0f}", rss, str(row["failed"])))
    if markdown:
        out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        out += ["| " + " | ".join(line) + " |" for line in lines]
        return "\n".join(out)
    widths = [max(len(str(c)) for c in col) for col in zip(head, *lines, strict=True)]
    return "\n".join("  ".join(str(c).ljust(w) for c, w in zip(line, widths, strict=True)) for line in (head, *lines))


def main(argv: list[str] | None = None) -> int:
    """Run every case in its own process and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, help="a .jsonl or .jsonl.gz corpus (default: the shared one)")
    parser.add_argument("-j", "--workers", type=int, default=os.cpu_count() or 1, help="workers for the N-worker case")
    parser.add_argument("--limit", type=int, default=None, help="only the first LIMIT articles")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument("--case", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.case:  # a child process: one case, JSON on stdout
        print(json.dumps(_run_case(args.case, args.corpus, args.workers)))
        return 0
    corpus = args.corpus or _default_corpus()
    if corpus is None:
        print("bench_parse: no corpus given and the shared corpus (/work/shared/corpus/baomoi-2017.jsonl.gz) "
              "is absent; pass a .jsonl or .jsonl.gz file. Skipping.")
        return 0
    if not corpus.is_file():
        print(f"bench_parse: {corpus}: no such file", file=sys.stderr)
        return 2
    path = _limited(corpus, args.limit)
    env = {**os.environ, "DIPLOMACY_CORPUS_PLUGINS": os.environ.get("DIPLOMACY_CORPUS_PLUGINS", "none")}
    plan = [(case, 1) for case in _CASES] + ([("end to end", args.workers)] if args.workers > 1 else [])
    rows = []
    try:
        for case, workers in plan:
            out = subprocess.run([sys.executable, __file__, str(path), "--case", case, "-j", str(workers)],
                                 capture_output=True, text=True, env=env, check=False)
            if out.returncode != 0:
                print(f"bench_parse: case {case!r} crashed:\n{out.stderr}", file=sys.stderr)
                return 1
            rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
            print(f"  {rows[-1]['case']}: {rows[-1]['articles_per_s']:,.0f} articles/s", file=sys.stderr)
    finally:
        if path != corpus:
            path.unlink()
    print(f"corpus: {corpus} ({rows[0]['articles']:,} articles)")
    print(f"machine: {_machine()}")
    print(_table(rows, args.markdown))
    for row in rows:
        if row["failed"]:
            print(f"{row['case']}: {row['failed']} failed: " + "; ".join(row["failed_names"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
