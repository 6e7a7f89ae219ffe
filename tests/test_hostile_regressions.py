"""The issue's remaining examples, each with its input built here: a feed whose XML
declaration names a non-ASCII encoding, and the slow constructions (a sentence of tens of
thousands of words with no full stop, a run-on sentence dense with actor names, a storm
of quote marks and 'said'), which are annotated or abandoned at their time budget, never
waited for: the run goes on to the next document."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from dyad.ingest import IngestSettings, iter_inputs
from dyad.model import IngestError, RawDocument
from dyad.pipeline import ingest
from dyad.settings import load_settings
from dyad.store import Store
from hostile_inputs import no_period, quote_marks, run_on_actors

GOOD = (
    "Iranian Foreign Minister Abbas Araghchi met Russian Foreign Minister Sergey Lavrov in "
    "Moscow on Monday. The ministers discussed the rail corridor and agreed to meet again."
)


@pytest.mark.parametrize("encoding", ["ÿ", "koi8-ÿ", "utf-ℵ", "\u0000"])
def test_feed_with_a_non_ascii_encoding_name_is_an_error_row_or_read(
    tmp_path: Path, encoding: str
) -> None:
    feed = (
        f'<?xml version="1.0" encoding="{encoding}"?><rss version="2.0"><channel><title>W'
        "</title><item><guid>one</guid><title>T</title><description>"
        + GOOD * 6
        + "</description></item></channel></rss>"
    )
    path = tmp_path / "odd.rss"
    path.write_bytes(feed.encode("utf-8"))
    items = list(iter_inputs([str(path)], settings=IngestSettings(trust_env=False)))
    assert items and all(isinstance(i, RawDocument | IngestError) for i in items)
    assert all(i.cause for i in items if isinstance(i, IngestError))


@pytest.mark.parametrize("make", [no_period, run_on_actors, quote_marks])
def test_slow_construction_never_stalls_the_run(tmp_path: Path, make: object) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_hostile.txt").write_text(make(4_000))  # type: ignore[operator]
    (folder / "b_good.txt").write_text(GOOD)
    settings = load_settings(None, db=str(tmp_path / "s.db"), annotate_budget=1.0)
    started = time.monotonic()
    with Store(settings.db) as store:
        report = ingest([str(folder)], store, settings)
    # its budget: 1 s per 10,000 characters, a few seconds at most
    assert time.monotonic() - started < 60
    assert "b_good" in report.stored
    hostile = [e for e in report.errors if e.name == "a_hostile"]
    assert "a_hostile" in report.stored or (hostile and "time budget" in hostile[0].cause)
