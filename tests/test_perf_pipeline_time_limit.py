"""The per-document time limit, armed with the C signal function, behaves as before."""

from __future__ import annotations

import signal
import time

import pytest

from diplomacy_corpus._workers import TimeLimitExceeded, time_limit


def _spin(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def test_a_block_that_runs_too_long_is_stopped() -> None:
    with pytest.raises(TimeLimitExceeded), time_limit(0.05):
        _spin(5)
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0


@pytest.mark.parametrize("previous", [signal.SIG_DFL, signal.SIG_IGN, "python"])
def test_the_previous_handler_is_put_back(previous: object) -> None:
    def mine(signum: int, frame: object) -> None:
        return None

    handler = mine if previous == "python" else previous
    saved = signal.signal(signal.SIGALRM, handler)  # type: ignore[arg-type]
    try:
        for _ in range(3):  # document after document
            with time_limit(10):
                assert signal.getsignal(signal.SIGALRM) is not handler
            assert signal.getsignal(signal.SIGALRM) == handler
            assert signal.getitimer(signal.ITIMER_REAL)[0] == 0
        with pytest.raises(ValueError), time_limit(10):
            raise ValueError("a failing document")
        assert signal.getsignal(signal.SIGALRM) == handler
    finally:
        signal.signal(signal.SIGALRM, saved)


def test_no_limit_leaves_everything_alone() -> None:
    before = signal.getsignal(signal.SIGALRM)
    for seconds in (None, 0, -1):
        with time_limit(seconds):
            assert signal.getsignal(signal.SIGALRM) == before
            assert signal.getitimer(signal.ITIMER_REAL)[0] == 0


def test_it_still_works_as_a_decorator() -> None:
    @time_limit(0.05)
    def hang() -> None:
        _spin(5)

    for _ in range(2):
        with pytest.raises(TimeLimitExceeded):
            hang()
