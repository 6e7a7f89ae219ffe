"""Long error listings print as they go: bounded tables, a bounded ingest summary."""

from __future__ import annotations

import io
from types import SimpleNamespace

import pytest
from rich.console import Console

from dyad.model import IngestError
from dyad.report import console as render


def _console() -> Console:
    return Console(file=io.StringIO(), width=200, color_system=None)


@pytest.mark.parametrize(
    ("count", "tables"),
    [(0, 0), (1, 1), (render.ROWS_PER_TABLE, 1), (render.ROWS_PER_TABLE + 1, 2), (1200, 3)],
)
def test_errors_table_prints_in_bounded_tables(count: int, tables: int) -> None:
    console = _console()
    rows = [
        SimpleNamespace(run_id=1, name=f"doc-{i:05d}", source="s", stage="read", cause="c")
        for i in range(count)
    ]
    render.errors_table(console, rows)
    out = console.file.getvalue()  # type: ignore[attr-defined]
    assert out.count("┏") == tables
    assert all(f"doc-{i:05d}" in out for i in range(count))


@pytest.mark.parametrize(
    ("count", "shown", "more"),
    [(3, 3, None), (render.SHOWN_ERRORS, render.SHOWN_ERRORS, None), (250, 200, 50)],
)
def test_ingest_report_lists_a_bounded_number_of_errors(
    count: int, shown: int, more: int | None
) -> None:
    console = _console()
    errors = [IngestError(f"doc-{i:05d}", "s", "clean", "c") for i in range(count)]
    report = SimpleNamespace(
        read=count, stored=[], already_stored=0, near_duplicates=0, errors=errors
    )
    render.ingest_report(console, report)
    out = console.file.getvalue()  # type: ignore[attr-defined]
    assert sum(f"doc-{i:05d}" in out for i in range(count)) == shown
    assert out.splitlines()[0].startswith(
        f"read {count} documents: 0 stored, 0 already stored, {count} errors"
    )
    assert (f"and {more} more errors" in out) is (more is not None)
