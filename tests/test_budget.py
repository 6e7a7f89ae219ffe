"""The per-document time budget (dyad.budget) and the pipeline's use of it: a document
over its budget becomes an error row, inline and in a worker pool, and the run goes on."""

from __future__ import annotations

import contextlib
import signal
import threading
import time
from pathlib import Path

import pytest

from dyad import pipeline
from dyad.budget import OverBudget, budget_for, deadline, within_budget
from dyad.model import Document
from dyad.pipeline import ingest
from dyad.settings import SettingsError, load_settings
from dyad.store import Store

TEXT = (
    "Iranian Foreign Minister Abbas Araghchi met Russian Foreign Minister Sergey Lavrov "
    "in Moscow on {day}. The ministers discussed the {topic} and agreed to meet again."
)


def _spin(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


@pytest.mark.parametrize(
    ("chars", "per_10kb", "expected"),
    [(100, 5.0, 5.0), (10_000, 5.0, 5.0), (25_000, 2.0, 5.0), (50_000, 0.0, 0.0)],
)
def test_budget_for_grows_with_the_text(chars: int, per_10kb: float, expected: float) -> None:
    assert budget_for(chars, per_10kb) == pytest.approx(expected)


def test_deadline_interrupts_python_work_even_under_except_exception() -> None:
    def stubborn() -> None:
        with contextlib.suppress(Exception):  # as a component might: it must not swallow it
            _spin(5)

    started = time.monotonic()
    with pytest.raises(OverBudget):
        within_budget(stubborn, 1_000, 0.05)
    assert time.monotonic() - started < 2


def test_deadline_puts_back_the_previous_handler_and_timer() -> None:
    fired: list[int] = []
    previous = signal.signal(signal.SIGALRM, lambda signum, _frame: fired.append(signum))
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.3)
        with deadline(2.0):
            pass
        _spin(0.5)
        assert fired == [signal.SIGALRM]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_deadline_off_the_main_thread_runs_unbounded() -> None:
    results: list[str] = []

    def work() -> None:
        with deadline(0.01):
            _spin(0.1)
        results.append("done")

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert results == ["done"]


def test_annotate_budget_is_a_setting() -> None:
    assert load_settings(None).annotate_budget == 5.0
    assert load_settings(None, annotate_budget=0.5).annotate_budget == 0.5
    with pytest.raises(SettingsError, match="annotate_budget"):
        load_settings(None, annotate_budget=-1)


def _slow_annotate(document: Document, nlp: object) -> Document:
    if document.name.startswith("slow"):
        _spin(30)
    return document


@pytest.mark.parametrize("workers", [1, 2])
def test_a_document_over_its_budget_is_an_error_row_and_the_run_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    monkeypatch.setattr(pipeline, "annotate", _slow_annotate)  # forked workers inherit it
    folder = tmp_path / "in"
    folder.mkdir()
    for i, name in enumerate(["a", "slow", "b"]):
        day, topic = ["Monday", "Tuesday", "Friday"][i], ["grain", "gas", "rail"][i]
        (folder / f"{name}.txt").write_text(TEXT.format(day=day, topic=topic))
    settings = load_settings(
        None, db=str(tmp_path / "s.db"), components=[], workers=workers, annotate_budget=0.2
    )
    started = time.monotonic()
    with Store(settings.db) as store:
        report = ingest([str(folder)], store, settings)
        rows = store.list_errors()
    assert time.monotonic() - started < 20
    assert sorted(report.stored) == ["a", "b"]
    assert [(e.name, e.stage) for e in rows] == [("slow", "annotate")]
    assert "time budget of 0.2 s" in rows[0].cause and "annotate_budget" in rows[0].cause


def test_a_real_annotation_over_a_tiny_budget_is_abandoned(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text(" ".join(TEXT.format(day="Monday", topic=f"topic {i}") for i in range(60)))
    settings = load_settings(None, db=str(tmp_path / "s.db"), annotate_budget=0.0001)
    with Store(settings.db) as store:
        report = ingest([str(path)], store, settings)
    assert report.stored == []
    (error,) = report.errors
    assert error.stage == "annotate" and "time budget" in error.cause
