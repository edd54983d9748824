"""Process-parallel mapping that keeps input order (used by ``parse_many(workers=N)``)."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def _context() -> Any:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


class _Call:
    def __init__(self, func: Callable[..., Any], args: tuple[Any, ...]) -> None:
        self.func = func
        self.args = args

    def __call__(self, item: Any) -> Any:
        return self.func(item, *self.args)


def parallel_map(func: Callable[..., R], items: Iterable[T], *, workers: int, args: tuple[Any, ...] = (),
                 chunksize: int = 16) -> Iterator[R]:
    """``func(item, *args)`` for each item in ``workers`` processes, in input order, lazily."""
    with _context().Pool(processes=workers) as pool:
        yield from pool.imap(_Call(func, args), items, chunksize=chunksize)
