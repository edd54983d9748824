"""Worker processes, per-document time limits, and plugins that misbehave."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import diplomacy_corpus as dc
from diplomacy_corpus._workers import parallel_map
from diplomacy_corpus.testing import register_plugin

ARTICLE = ("Việt Nam và Nhật Bản tăng cường hợp tác\n"
           "Ngày 12/3, tại Hà Nội, Bộ trưởng Ngoại giao tiếp Đại sứ Nhật Bản. "
           "Hai bên nhất trí thúc đẩy quan hệ Đối tác chiến lược sâu rộng.")


class Troublemaker(dc.Parser):
    """Claims texts with a TROUBLE marker and misbehaves as the text says."""

    name = "troublemaker"

    def score(self, source: dc.Source) -> float:
        if "SCORE-RAISES" in source.text:
            raise RuntimeError("cannot score")
        return 1.0 if "TROUBLE" in source.text else 0.0

    def parse(self, source: dc.Source) -> dc.Document:
        text = source.text
        if "RAISE" in text:
            raise ValueError("boom")
        if "GARBAGE" in text:
            return 42  # type: ignore[return-value]
        if "EXIT" in text:
            sys.exit(3)
        if "CRASH" in text:
            os._exit(1)  # kills the worker process
        if "BLOCKED" in text:  # stuck where SIGALRM cannot reach it, like a C extension
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(60)
        if "HANG" in text:
            while True:  # a plugin that swallows every Exception still cannot hide a timeout
                with contextlib.suppress(Exception):
                    time.sleep(0.01)
        return dc.Document(origin=source.origin, source=self.name, text=text)


class _Plugin:
    @dc.hookimpl
    def register_parsers(self) -> list[dc.Parser]:
        return [Troublemaker()]


def _corpus(tmp_path: Path, markers: list[str]) -> Path:
    path = tmp_path / "c.jsonl"
    with open(path, "w", encoding="utf-8") as out:
        for number, marker in enumerate(markers):
            out.write(json.dumps({"id": f"d{number}", "text": f"{ARTICLE} {marker} {number}"}) + "\n")
    return path


def _summary(results: list[dc.Result]) -> list[tuple[str, object, str]]:
    return [(r.origin, r.document, str(r.error) if r.error else "") for r in results]


def test_workers_give_the_same_results_in_the_same_order(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(30):
        (folder / f"{number:03d}.txt").write_text(f"{ARTICLE}\nSố {number}.", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    corpus = _corpus(folder, [""] * 90)
    one = list(dc.parse_many([folder, corpus], workers=1))
    two = list(dc.parse_many([folder, corpus], workers=2))
    assert len(one) == 30 + 1 + 90 * 2  # the corpus is inside the folder too
    assert _summary(one) == _summary(two)


def _double(item: int, extra: int) -> int:
    return item * 2 + extra


def test_parallel_map_keeps_order_and_reads_only_a_window_ahead() -> None:
    consumed = 0

    def items() -> Iterator[int]:
        nonlocal consumed
        for number in range(100_000):
            consumed = number + 1
            yield number

    results = parallel_map(_double, items(), workers=2, args=(1,), chunksize=8)
    first = [next(results) for _ in range(10)]
    assert first == [n * 2 + 1 for n in range(10)]
    assert consumed <= 8 * (4 * 2 + 2)  # a bounded window (4 chunks a worker), not the whole input
    results.close()


def test_parallel_map_on_all_items() -> None:
    assert list(parallel_map(_double, range(1000), workers=2, args=(0,), chunksize=7)) == [n * 2 for n in range(1000)]


@pytest.mark.parametrize("workers", [1, 2])
def test_a_misbehaving_parser_is_named_and_the_next_parser_reads_the_document(tmp_path: Path, workers: int,
                                                                             caplog: pytest.LogCaptureFixture) -> None:
    markers = ["", "TROUBLE RAISE", "TROUBLE GARBAGE", "TROUBLE EXIT", "SCORE-RAISES", "TROUBLE", ""]
    corpus = _corpus(tmp_path, markers)
    with register_plugin(_Plugin(), name="troublemaker-plugin"):
        results = list(dc.parse_many([corpus], workers=workers, extract=False))
    assert [r.origin for r in results] == [f"{corpus}#d{n}" for n in range(len(markers))]
    assert all(r.ok for r in results)
    sources = [r.document.source for r in results if r.document is not None]
    assert sources[5] == "troublemaker"
    assert all(source != "troublemaker" for n, source in enumerate(sources) if n != 5)
    if workers == 1:  # worker processes log to their own stderr
        logged = caplog.text
        assert "parser 'troublemaker' failed: ValueError: boom; trying the next parser" in logged
        assert "parser 'troublemaker' returned int, not a Document" in logged
        assert "parser 'troublemaker' failed: SystemExit" in logged
        assert "parser 'troublemaker' failed to score" in logged
        assert f"{corpus}#d1: read with parser" in logged


@pytest.mark.parametrize("workers", [1, 2])
def test_a_forced_parser_that_misbehaves_fails_its_documents_only(tmp_path: Path, workers: int) -> None:
    markers = ["", "TROUBLE RAISE", "TROUBLE GARBAGE", "TROUBLE EXIT", "TROUBLE", ""]
    corpus = _corpus(tmp_path, markers)
    with register_plugin(_Plugin(), name="troublemaker-plugin"):
        results = list(dc.parse_many([corpus], workers=workers, extract=False, parser="troublemaker"))
    errors = [str(r.error) if r.error else None for r in results]
    assert errors[0] is None and errors[4] is None and errors[5] is None
    assert "parser 'troublemaker' failed: ValueError: boom" in errors[1]
    assert "parser 'troublemaker' returned int, not a Document" in errors[2]
    assert "parser 'troublemaker' failed: SystemExit" in errors[3]


@pytest.mark.parametrize("workers", [1, 2])
def test_a_hanging_plugin_runs_into_the_time_limit(tmp_path: Path, workers: int) -> None:
    corpus = _corpus(tmp_path, ["", "TROUBLE HANG", ""])
    with register_plugin(_Plugin(), name="troublemaker-plugin"):
        results = list(dc.parse_many([corpus], workers=workers, extract=False, timeout=0.3))
    assert [r.ok for r in results] == [True, False, True]
    message = str(results[1].error)
    assert "parser 'troublemaker' took longer than the time limit of 0.3 s (--timeout)" in message


def test_a_worker_process_that_dies_fails_only_its_document(tmp_path: Path) -> None:
    markers = [""] * 40 + ["TROUBLE CRASH"] + [""] * 40
    corpus = _corpus(tmp_path, markers)
    with register_plugin(_Plugin(), name="troublemaker-plugin"):
        results = list(dc.parse_many([corpus], workers=2, extract=False))
    assert [r.origin for r in results] == [f"{corpus}#d{n}" for n in range(len(markers))]
    failed = [r for r in results if not r.ok]
    assert [r.origin for r in failed] == [f"{corpus}#d40"]
    assert "worker process died" in str(failed[0].error)


def test_the_callers_own_alarm_is_left_alone() -> None:
    from diplomacy_corpus._workers import time_limit

    previous = signal.signal(signal.SIGALRM, lambda *_: None)
    try:
        signal.setitimer(signal.ITIMER_REAL, 100)
        with time_limit(0.01):
            pass
        remaining = signal.getitimer(signal.ITIMER_REAL)[0]
        assert remaining > 50  # still the caller's timer, not cancelled nor replaced
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_a_worker_stuck_where_no_signal_reaches_is_ended_and_only_its_document_fails(tmp_path: Path) -> None:
    markers = [""] * 20 + ["TROUBLE BLOCKED"] + [""] * 20
    corpus = _corpus(tmp_path, markers)
    with register_plugin(_Plugin(), name="troublemaker-plugin"):
        results = list(dc.parse_many([corpus], workers=2, extract=False, timeout=0.3))
    assert [r.origin for r in results] == [f"{corpus}#d{n}" for n in range(len(markers))]
    assert [r.origin for r in results if not r.ok] == [f"{corpus}#d20"]
    assert "hung past twice the time limit" in str(results[20].error)
