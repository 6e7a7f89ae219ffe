"""Where the per-document work runs: in this process, in a pool of local processes, or on
a Dask cluster.

An engine runs one picklable function over chunks of documents and hands back each
chunk's results when asked, in whatever order the caller asks; it knows nothing of
documents. `dyad.pipeline` decides what a chunk is, keeps chunks in input order and
writes the store, so every engine stores the same rows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from dyad.errors import DyadError


class EngineError(DyadError):
    """An engine cannot start: its extra is not installed, or its scheduler is unreachable."""

    code = "E800"


class WorkerLost(Exception):
    """The process running a chunk ended before returning it (killed, out of memory, a
    crash in native code). The chunk's documents are not lost: the pipeline runs them
    again one at a time and records the one that kills its worker as an error."""


class Handle(Protocol):
    """A chunk sent to an engine (a future of some kind)."""


class Engine(Protocol):
    """Runs `fn(chunk, *shared)` somewhere; `result` waits for one chunk's return value."""

    #: Documents per chunk and chunks in flight that keep this engine's workers busy.
    chunk_size: int
    window: int

    def submit(self, fn: Callable[..., Any], chunk: Any) -> Any: ...

    def result(self, handle: Any) -> Any:
        """The chunk's return value.

        Raises:
            WorkerLost: the process running it ended first.
        """
        ...

    def close(self) -> None: ...


ENGINES = ("local", "dask")
