"""A time budget for one document's annotation, so one absurd input never stalls a run.

The budget grows with the text: `seconds_per_10kb` for every 10,000 characters (and at
least that much for a short one). When it runs out, the work is interrupted and
`OverBudget` is raised; the pipeline records the document as an error and goes on.

The deadline is a real-time interval timer (`signal.setitimer(ITIMER_REAL)`) in the
process that annotates: the main thread of the ingest process with one worker, the main
thread of each worker process in a pool. Python runs a signal handler between bytecodes,
so work inside one long C call (the parser on one huge sentence) is interrupted when that
call returns; dyad's own rules, where the super-linear cases were, are Python.

Where signals cannot be used (no SIGALRM on Windows; a thread other than the main one,
as in a web server's or Dask worker's thread pool) the work runs without a budget, and
`budget_available()` says so.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import TypeVar

T = TypeVar("T")

#: Characters per unit of budget.
UNIT_CHARS = 10_000


class OverBudget(BaseException):
    """The work ran past its deadline.

    A `BaseException`, as `KeyboardInterrupt` is, so that no `except Exception` inside
    the interrupted code swallows it.
    """

    def __init__(self, seconds: float) -> None:
        super().__init__(f"ran over its time budget of {seconds:g} s")
        self.seconds = seconds


def budget_for(chars: int, seconds_per_10kb: float) -> float:
    """Seconds a text of `chars` characters may take; 0 means no limit."""
    if seconds_per_10kb <= 0:
        return 0.0
    return seconds_per_10kb * max(1.0, chars / UNIT_CHARS)


def budget_available() -> bool:
    """Whether a deadline can be enforced here (SIGALRM exists, main thread)."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Raise `OverBudget` inside the block once `seconds` have passed (0: no deadline).

    A timer or SIGALRM handler set by someone else is put back afterwards. Without
    signal support (see the module docstring) the block runs unbounded.
    """
    if seconds <= 0 or not budget_available():
        yield
        return

    def expire(_signum: int, _frame: FrameType | None) -> None:
        raise OverBudget(seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    outer_delay, outer_interval = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer_delay:  # an enclosing timer keeps running (its time spent here is lost)
            signal.setitimer(signal.ITIMER_REAL, outer_delay, outer_interval)


def within_budget(fn: Callable[[], T], chars: int, seconds_per_10kb: float) -> T:
    """`fn()` under the budget of a text of `chars` characters.

    Raises:
        OverBudget: the budget ran out before `fn` returned.
    """
    with deadline(budget_for(chars, seconds_per_10kb)):
        return fn()


def over_budget_cause(chars: int, seconds_per_10kb: float) -> str:
    """What an error row says of a document abandoned for its budget, and what to do."""
    seconds = budget_for(chars, seconds_per_10kb)
    return (
        f"annotation ran over its time budget of {seconds:g} s ({chars:,} characters at "
        f"{seconds_per_10kb:g} s per 10,000) and was abandoned; to annotate it, raise "
        "annotate_budget in your config file (0: no limit) and ingest it again"
    )
