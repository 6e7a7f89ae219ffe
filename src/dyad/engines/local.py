"""Engines on this machine: inline (one process) and a pool of worker processes."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from dyad.engines import WorkerLost

#: Documents per chunk in a pool: a few documents amortise the round trip through the
#: pool's queues; more would leave one worker idle at the end of a run and make the
#: outlet line statistics a chunk staler.
POOL_CHUNK = 4
#: Chunks in flight per worker: one running, the rest queued, so no worker waits while
#: the parent writes a batch.
POOL_WINDOW_PER_WORKER = 4


class InlineEngine:
    """Runs each chunk in this process when its result is asked for (no pickling).

    One document a chunk and nothing in flight: each document is cleaned with the line
    statistics of every batch stored before it, and nothing is ever cleaned twice.
    """

    chunk_size = 1
    window = 0

    def __init__(self, *shared: Any) -> None:
        self.shared = shared

    def submit(self, fn: Callable[..., Any], chunk: Any) -> tuple[Callable[..., Any], Any]:
        return fn, chunk

    def result(self, handle: tuple[Callable[..., Any], Any]) -> Any:
        fn, chunk = handle
        return fn(chunk, *self.shared)

    def close(self) -> None:
        pass


class PoolEngine:
    """A pool of `workers` processes, each warmed once by `warm` (which loads the
    pipeline), sent chunks of raw documents and returning compact results.

    Where the platform can fork, the pipeline is loaded once in this process and the
    workers are forked with it (they start in milliseconds and share its memory until
    they write to it); elsewhere each worker loads its own. A pool that breaks (a worker
    killed) is started again for the next chunk.
    """

    def __init__(self, workers: int, warm: Callable[..., None], *shared: Any) -> None:
        self.workers = workers
        self.warm = warm
        self.shared = shared
        self.chunk_size = POOL_CHUNK
        self.window = POOL_WINDOW_PER_WORKER * workers
        self._pool: ProcessPoolExecutor | None = None
        self._generation = 0  # which pool a chunk went to: a broken one is replaced once
        self._warmed = False

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            if "fork" in multiprocessing.get_all_start_methods():
                # Load the pipeline once, here, and fork: every worker starts with it (the
                # pages are shared until written), instead of each loading its own.
                if not self._warmed:
                    self.warm()
                    self._warmed = True
                context = multiprocessing.get_context("fork")
                self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=context)
            else:
                self._pool = ProcessPoolExecutor(max_workers=self.workers, initializer=self.warm)
        return self._pool

    def submit(self, fn: Callable[..., Any], chunk: Any) -> tuple[int, Future[Any]]:
        try:
            return self._generation, self._executor().submit(fn, chunk, *self.shared)
        except BrokenProcessPool:
            self._restart(self._generation)
            return self._generation, self._executor().submit(fn, chunk, *self.shared)

    def result(self, handle: tuple[int, Future[Any]]) -> Any:
        generation, future = handle
        try:
            return future.result()
        except BrokenProcessPool as exc:
            self._restart(generation)
            raise WorkerLost(f"a worker process ended abruptly ({exc})") from exc

    def _restart(self, generation: int) -> None:
        """Replace the pool that broke, once (its other chunks fail the same way)."""
        if generation == self._generation and self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
            self._generation += 1

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
