"""The Dask engine on a real LocalCluster of two worker processes: the same exports as
the local engine, and a worker that dies costs its document only (an error row).

Starting a cluster takes seconds, so these tests are few and marked `dask`."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")
import cloudpickle  # noqa: E402  (comes with distributed)
import dask  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from dyad.cli import app  # noqa: E402
from dyad.model import Document  # noqa: E402
from dyad.pipeline import ingest  # noqa: E402
from dyad.settings import load_settings  # noqa: E402
from dyad.store import Store  # noqa: E402

pytestmark = pytest.mark.dask

runner = CliRunner()

PARAGRAPHS = [
    "Iranian Foreign Minister Abbas Araghchi met Russian Foreign Minister Sergey Lavrov in Moscow on Monday.",
    "Kremlin spokesman Dmitry Peskov said the talks had been useful.",
    "Azerbaijani President Ilham Aliyev visited Ankara on Thursday.",
    "The European Union condemned the strikes on Wednesday.",
    '"We will keep working together," Lavrov told reporters in Moscow.',
]
FOOTER = "Steppe Review is read in forty countries and counting"


def _corpus(folder: Path, count: int) -> Path:
    """Reports of one outlet sharing a footer (learnt as boilerplate during the run),
    and one file that cleaning leaves empty (an error row from a worker)."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        body = "\n\n".join(PARAGRAPHS[(i + k) % len(PARAGRAPHS)] for k in range(3))
        text = f"Report {i} on regional diplomacy\n\n{body} Report {i} ends.\n\n{FOOTER}\n"
        (folder / f"report_{i:02d}.txt").write_text(text, encoding="utf-8")
    (folder / "share.txt").write_text("Share this:\n\nFollow us on Telegram\n")  # no text left
    return folder


def _exports(db: Path) -> dict[str, str]:
    out = {}
    for what in ("documents", "events", "quotes", "actors"):
        result = runner.invoke(app, ["export", "--what", what, "--db", str(db)])
        assert result.exit_code == 0, result.output
        out[what] = result.stdout
    return out


def test_dask_engine_exports_are_the_local_engines(tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "in", 14)
    config = tmp_path / "dyad.yaml"
    config.write_text("batch_size: 2\noutlet: Steppe Review\n")
    exports = []
    for name, options in [("local", []), ("dask", ["--engine", "dask"])]:
        db = tmp_path / f"{name}.db"
        result = runner.invoke(
            app, ["ingest", str(folder), "--db", str(db), "--config", str(config), *options]
        )
        assert result.exit_code == 0, result.output
        assert "14 stored" in result.stdout and "1 errors" in result.stdout
        exports.append(_exports(db))
    local, on_dask = exports
    assert local == on_dask
    assert local["events"].count("\n") >= 10
    # the footer was learnt in the run (so jobs sent before were run again on Dask)
    assert FOOTER in local["documents"] and '"repeated in outlet"' in local["documents"]


@pytest.fixture(scope="module")
def cluster() -> Iterator[distributed.LocalCluster]:
    # A worker that dies is not given its task again: the pipeline's own retry is tested.
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        cluster = distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
        )
    try:
        yield cluster
    finally:
        cluster.close()


def _exit_on_poison(document: Document, nlp: object) -> Document:
    if "poison" in document.name:
        os._exit(3)  # as a worker killed by the kernel: no exception, no result
    return document


class _Poison(distributed.WorkerPlugin):  # type: ignore[misc]
    """Makes every worker (restarted ones too) die on a document named 'poison'."""

    def setup(self, worker: object) -> None:
        from dyad import pipeline

        pipeline.annotate = _exit_on_poison


def test_dask_worker_that_dies_costs_only_its_document(
    tmp_path: Path, cluster: distributed.LocalCluster
) -> None:
    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    with distributed.Client(cluster) as client:
        client.register_plugin(_Poison(), name="poison")
        folder = _corpus(tmp_path / "in", 9)
        (folder / "share.txt").unlink()
        (folder / "report_03.txt").rename(folder / "report_03_poison.txt")
        settings = load_settings(
            None,
            db=str(tmp_path / "s.db"),
            components=[],
            engine="dask",
            scheduler=cluster.scheduler_address,
        )
        with Store(settings.db) as store:
            report = ingest([str(folder)], store, settings)
            errors = store.list_errors()
        client.unregister_worker_plugin("poison")
    assert len(report.stored) == 8 and "report_03_poison" not in report.stored
    assert [(e.name, e.stage) for e in errors] == [("report_03_poison", "annotate")]
    assert "Dask worker" in errors[0].cause
