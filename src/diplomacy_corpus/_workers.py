"""Process-parallel mapping that keeps input order, and a per-document time limit.

[`parallel_map`][diplomacy_corpus._workers.parallel_map] is what
``parse_many(workers=N)`` runs on: items go to worker processes in chunks, results come
back in input order, and only a bounded window of chunks is in flight, so memory does not
grow with the corpus (``multiprocessing.Pool.imap`` would read the whole input ahead).
When a worker process dies (a plugin that segfaults or calls ``os._exit``, or an item
stuck past the hard limit in code no signal interrupts), the chunks in flight are run
again one item at a time, each in a fresh process, and the item that kills its worker
gets an error result of its own; the batch goes on.

[`time_limit`][diplomacy_corpus._workers.time_limit] interrupts code that runs too long
with ``setitimer``/``SIGALRM``. It works on the main thread of a process (the CLI, a
worker process); elsewhere (a thread of a Dask worker, Windows) it does nothing. Python
code and regular expressions are interrupted; a C extension that never returns to the
interpreter is not.
"""

from __future__ import annotations

import importlib
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import ContextDecorator
from itertools import islice
from typing import Any, TypeVar

__all__ = ["TimeLimitExceeded", "parallel_map", "time_limit"]

T = TypeVar("T")
R = TypeVar("R")


class TimeLimitExceeded(BaseException):
    """Raised inside the code that ran past its time limit.

    A ``BaseException`` so that a plugin's ``except Exception`` cannot swallow it.
    """


# The C function of CPython's ``_signal`` module: ``signal.signal`` wraps it to convert
# handlers to enums, which costs ten times the system call (an exception per call for a
# Python handler). Same effect; a previous default handler comes back as an int, not an enum.
_set_handler: Callable[[int, Any], Any]
try:
    _set_handler = importlib.import_module("_signal").signal
except (ImportError, AttributeError):  # pragma: no cover - another interpreter
    _set_handler = signal.signal


def _can_alarm() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


class _TimeLimit(ContextDecorator):
    """The context manager of [`time_limit`][diplomacy_corpus._workers.time_limit].

    It is entered once per document, so it is a plain class rather than a
    ``@contextmanager`` generator, and it installs its handler with the C function
    rather than ``signal.signal`` (same effect, a fraction of the cost). Like the
    generator it replaces, it also works as a decorator.
    """

    __slots__ = ("active", "previous", "seconds")

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self.active = False
        self.previous: Any = None

    def _recreate_cm(self) -> _TimeLimit:
        return _TimeLimit(self.seconds)  # a fresh one per decorated call, so calls may nest

    def _alarm(self, signum: int, frame: Any) -> None:
        raise TimeLimitExceeded(self.seconds)

    def __enter__(self) -> None:
        seconds = self.seconds
        if not seconds or seconds <= 0 or not _can_alarm() or signal.getitimer(signal.ITIMER_REAL)[0] > 0:
            return  # no limit asked, not possible here, or the caller's own timer is running: leave it alone
        self.previous = _set_handler(signal.SIGALRM, self._alarm)
        self.active = True
        signal.setitimer(signal.ITIMER_REAL, seconds)

    def __exit__(self, *exc_info: object) -> None:
        if self.active:
            self.active = False
            signal.setitimer(signal.ITIMER_REAL, 0)
            _set_handler(signal.SIGALRM, self.previous)


def time_limit(seconds: float | None) -> _TimeLimit:
    """Raise [`TimeLimitExceeded`][diplomacy_corpus._workers.TimeLimitExceeded] in the block after ``seconds``.

    Does nothing when ``seconds`` is None or 0, off the main thread, or while a timer of
    the caller's (``signal.alarm``, ``setitimer``) is running. Use it as
    ``with time_limit(60): ...``.
    """
    return _TimeLimit(seconds)


def _context() -> Any:
    # fork keeps plugins registered at run time (tests, --plugins-dir) in the workers.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


class _Watchdog:
    """In a worker process: ends the process when one item runs past a hard limit.

    The soft limit (``time_limit``) cannot interrupt a C extension that never returns to
    the interpreter; this thread can, by ending the worker. The pool then breaks, and
    [`parallel_map`][diplomacy_corpus._workers.parallel_map] reruns the items in flight
    one at a time, so only the item that hangs fails.
    """

    started: float | None = None
    limit: float | None = None
    thread: threading.Thread | None = None

    @classmethod
    def arm(cls, limit: float | None) -> None:
        cls.limit = limit
        if limit and cls.thread is None:
            cls.thread = threading.Thread(target=cls._watch, name="diplomacy-corpus-watchdog", daemon=True)
            cls.thread.start()

    @classmethod
    def _watch(cls) -> None:
        while True:
            limit = cls.limit
            time.sleep(min(1.0, limit / 4) if limit else 1.0)
            started = cls.started
            if limit and started is not None and time.monotonic() - started > limit:
                os._exit(_HUNG_EXIT)


_HUNG_EXIT = 70


def _run_chunk(func: Callable[..., R], chunk: list[Any], args: tuple[Any, ...],
               hard_limit: float | None = None) -> list[R]:
    _Watchdog.arm(hard_limit)
    results = []
    for item in chunk:
        _Watchdog.started = time.monotonic()
        try:
            results.append(func(item, *args))
        finally:
            _Watchdog.started = None
    return results


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def parallel_map(func: Callable[..., R], items: Iterable[T], *, workers: int, args: tuple[Any, ...] = (),
                 chunksize: int = 16, on_crash: Callable[[T, BaseException], R] | None = None,
                 hard_limit: float | None = None) -> Iterator[R]:
    """``func(item, *args)`` for each item in ``workers`` processes, in input order, lazily.

    Args:
        func: a picklable (module-level) function.
        items: any iterable; read only a few chunks ahead of the results.
        workers: number of processes.
        args: extra arguments passed to every call.
        chunksize: items sent to a worker at a time.
        on_crash: builds the result of an item whose worker process died; without it
            the error propagates.
        hard_limit: seconds after which a worker still busy with one item ends itself
            (the item then goes to ``on_crash``); None for no limit.
    """
    window = 4 * max(1, workers)  # chunks in flight: enough that one slow document never idles the others
    executor = ProcessPoolExecutor(max_workers=workers, mp_context=_context())
    pending: deque[tuple[list[T], Future[list[R]]]] = deque()
    try:
        for chunk in _chunks(items, chunksize):
            pending.append((chunk, executor.submit(_run_chunk, func, chunk, args, hard_limit)))
            while len(pending) >= window:
                executor = yield from _drain_one(pending, executor, func, args, workers, on_crash, hard_limit)
        while pending:
            executor = yield from _drain_one(pending, executor, func, args, workers, on_crash, hard_limit)
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


def _drain_one(pending: deque[tuple[list[T], Future[list[R]]]], executor: ProcessPoolExecutor,
               func: Callable[..., R], args: tuple[Any, ...], workers: int,
               on_crash: Callable[[T, BaseException], R] | None,
               hard_limit: float | None) -> Generator[R, None, ProcessPoolExecutor]:
    """Yield the results of the oldest chunk; return the executor to go on with."""
    chunk, future = pending.popleft()
    try:
        results = future.result()
    except BrokenProcessPool:
        if on_crash is None:
            raise
        # Every chunk in flight failed with the pool: rerun them one item at a time,
        # each in a process of its own, so only the item that kills its worker fails.
        executor.shutdown(wait=True, cancel_futures=True)
        chunks = [chunk] + [c for c, _ in pending]
        pending.clear()
        for item_chunk in chunks:
            for item in item_chunk:
                yield _run_alone(item, func, args, on_crash, hard_limit)
        return ProcessPoolExecutor(max_workers=workers, mp_context=_context())
    yield from results
    return executor


def _run_alone(item: T, func: Callable[..., R], args: tuple[Any, ...],
               on_crash: Callable[[T, BaseException], R], hard_limit: float | None) -> R:
    executor = ProcessPoolExecutor(max_workers=1, mp_context=_context())
    try:
        return executor.submit(_run_chunk, func, [item], args, hard_limit).result()[0]
    except BrokenProcessPool as exc:
        return on_crash(item, exc)
    finally:
        executor.shutdown(wait=True)
