"""The Dask engine: chunks of raw documents run on the workers of a Dask cluster.

The client (the `dyad ingest` process) reads the inputs, cuts them into chunks and sends
them; each worker process loads the annotation pipeline once (a worker plugin warms it
when the worker starts) and returns compact store rows; the client writes the store, in
input order, as the local engines do. Without a scheduler address, a LocalCluster of
worker processes on this machine is started and closed with the run.

Needs the `dask` extra: `pip install 'dyad[dask]'`.
"""

from __future__ import annotations

import contextlib
import logging
import uuid
from collections.abc import Callable
from typing import Any

from dyad.engines import EngineError, WorkerLost

try:
    import dask
    from distributed import Client, KilledWorker, LocalCluster, WorkerPlugin
except ImportError as exc:  # pragma: no cover - the extra is installed for the tests
    raise EngineError(
        "the dask engine needs Dask distributed, which is not installed; "
        "install it with: pip install 'dyad[dask]'"
    ) from exc

#: Documents per chunk: a task costs the scheduler about a millisecond, a document the
#: workers about a tenth of a second, so a chunk of eight keeps the scheduler idle.
DASK_CHUNK = 8
#: Chunks in flight per worker thread.
DASK_WINDOW_PER_THREAD = 3
#: Workers of the LocalCluster started when no scheduler is named.
LOCAL_WORKERS = 2

PLUGIN_NAME = "dyad-pipeline"

#: Dask settings for the workers of a LocalCluster: no statistical profiler, no GIL
#: monitor (set the same in a real cluster's configuration to save the same CPU).
QUIET_WORKERS = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.system-monitor.gil.enabled": False,
}


#: What each run's plugin left in this worker process: run key -> shared values.
_SHARED: dict[str, tuple[Any, ...]] = {}


class _RunPlugin(WorkerPlugin):
    """Carries a run's shared values (settings, the ids stored already) to every worker,
    and loads the annotation pipeline there, when the worker starts.

    The scheduler keeps the plugin and sets it up again on a worker that joins or is
    restarted after a crash, so nothing a run needs is lost with a worker (scattered
    data would be).
    """

    def __init__(self, key: str, warm: Callable[[], None], shared: tuple[Any, ...]) -> None:
        self.key = key
        self.warm = warm
        self.shared = shared

    def setup(self, worker: Any) -> None:
        _SHARED[self.key] = self.shared
        self.warm()

    def teardown(self, worker: Any) -> None:
        _SHARED.pop(self.key, None)


def _call(fn: Callable[..., Any], chunk: Any, key: str) -> Any:
    """`fn(chunk, *shared)` on a worker, with the shared values its run's plugin left."""
    return fn(chunk, *_SHARED[key])


class DaskEngine:
    """Chunks as Dask tasks on the cluster at `scheduler`, or on a LocalCluster.

    Args:
        scheduler: a scheduler address (`tcp://host:8786`), or None for a LocalCluster
            of `workers` processes with one thread each.
        workers: LocalCluster size (ignored with a scheduler).
        warm: loads the pipeline in a worker process (run by a worker plugin).
        shared: values every chunk needs (settings, the ids stored already), sent to
            each worker once, by a worker plugin.
    """

    def __init__(
        self,
        scheduler: str | None,
        workers: int,
        warm: Callable[[], None],
        *shared: Any,
    ) -> None:
        self._cluster: LocalCluster | None = None
        try:
            if scheduler is None:
                # Workers sample their own stacks every 10 ms for the dashboard's profile,
                # a cost with nothing to show it on here.
                with dask.config.set(QUIET_WORKERS):
                    self._cluster = LocalCluster(
                        n_workers=workers,
                        threads_per_worker=1,
                        processes=True,
                        dashboard_address=":0",
                        silence_logs=logging.ERROR,
                    )
                self._client = Client(self._cluster)
            else:
                self._client = Client(scheduler, timeout="10s")
        except (OSError, TimeoutError) as exc:
            self._close_cluster()
            where = scheduler or "a LocalCluster"
            raise EngineError(
                f"cannot reach the Dask scheduler at {where} ({exc}); check the address "
                "and that `dask scheduler` is running there"
            ) from exc
        self._key = f"{PLUGIN_NAME}-{uuid.uuid4().hex[:12]}"
        try:
            self._client.register_plugin(_RunPlugin(self._key, warm, shared), name=self._key)
        except Exception as exc:  # raised on a worker: any error of loading the pipeline
            self.close()
            raise EngineError(
                f"the Dask workers could not load dyad's pipeline ({type(exc).__name__}: "
                f"{exc}); install dyad, the same version as here, and the spaCy model on "
                "every worker"
            ) from exc
        threads = max(1, sum(self._client.nthreads().values()))
        self.chunk_size = DASK_CHUNK
        self.window = DASK_WINDOW_PER_THREAD * threads

    def submit(self, fn: Callable[..., Any], chunk: Any) -> Any:
        return self._client.submit(_call, fn, chunk, self._key, pure=False)

    def result(self, handle: Any) -> Any:
        try:
            return handle.result()
        except KilledWorker as exc:
            raise WorkerLost(f"the Dask worker running it died ({exc})") from exc
        finally:
            handle.release()

    def close(self) -> None:
        try:
            if self._cluster is None:  # a shared cluster: leave nothing of this run on it
                with contextlib.suppress(Exception):  # never registered, or workers gone
                    self._client.unregister_worker_plugin(self._key)
            self._client.close()
        finally:
            self._close_cluster()

    def _close_cluster(self) -> None:
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None
