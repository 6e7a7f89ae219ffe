"""The ingest pipeline: exactly-once storage across interruptions, workers, bad inputs."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dyad import pipeline
from dyad.model import Document
from dyad.pipeline import KnownIds, ingest
from dyad.settings import load_settings
from dyad.store import Store

PARAGRAPHS = [
    "Iranian Foreign Minister Abbas Araghchi met Russian Foreign Minister Sergey Lavrov in Moscow on Monday.",
    "The two ministers discussed the nuclear file and the North-South transport corridor.",
    "Kremlin spokesman Dmitry Peskov said the talks had been useful.",
    "Azerbaijani President Ilham Aliyev visited Ankara on Thursday.",
    "The European Union condemned the strikes on Wednesday.",
]


def _write_corpus(folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        body = "\n\n".join(PARAGRAPHS[(i + k) % len(PARAGRAPHS)] for k in range(4))
        text = (
            f"Report number {i} on regional diplomacy\n\n{body}\n\nThis is report {i} of {count}.\n"
        )
        (folder / f"report_{i:03d}.txt").write_text(text, encoding="utf-8")


def _count_documents(db: Path) -> tuple[int, int]:
    with sqlite3.connect(db) as connection:
        total = connection.execute("select count(*) from documents").fetchone()[0]
        distinct = connection.execute("select count(distinct doc_id) from documents").fetchone()[0]
    return total, distinct


class _FailingStore(Store):
    """A store whose n-th batch write fails, as a crash mid-run would."""

    def __init__(self, db: str, fail_on: int) -> None:
        super().__init__(db)
        self.calls = 0
        self.fail_on = fail_on

    def write_batch(self, *args, **kwargs):
        self.calls += 1
        if self.calls == self.fail_on:
            raise RuntimeError("simulated crash")
        return super().write_batch(*args, **kwargs)


def test_pipeline_resumes_after_a_failed_batch_without_duplicates(tmp_path):
    _write_corpus(tmp_path / "in", 12)
    db = tmp_path / "s.db"
    settings = load_settings(None, db=str(db), batch_size=4, components=[])
    with _FailingStore(str(db), fail_on=2) as store, pytest.raises(RuntimeError):
        ingest([str(tmp_path / "in")], store, settings)
    assert _count_documents(db) == (4, 4)
    with Store(str(db)) as store:
        report = ingest([str(tmp_path / "in")], store, settings)
    assert len(report.stored) == 8 and report.already_stored == 4
    assert _count_documents(db) == (12, 12)


def test_pipeline_killed_process_resumes_exactly_once(tmp_path):
    _write_corpus(tmp_path / "in", 40)
    db = tmp_path / "killed.db"
    command = [
        sys.executable,
        "-m",
        "dyad.cli",
        "ingest",
        str(tmp_path / "in"),
        "--db",
        str(db),
    ]
    config = tmp_path / "dyad.yaml"
    config.write_text("batch_size: 2\n")
    env = {**os.environ, "DYAD_CONFIG": str(config)}
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 60
    stored = 0
    while time.monotonic() < deadline and process.poll() is None:
        if db.exists():
            try:
                stored = _count_documents(db)[0]
            except sqlite3.OperationalError:
                stored = 0
            if stored >= 2:
                break
        time.sleep(0.05)
    if process.poll() is None:
        process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    partial = _count_documents(db)[0]
    assert partial < 40, "the run finished before it could be killed; grow the corpus"
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert _count_documents(db) == (40, 40)


def test_pipeline_two_workers_store_the_same_documents(tmp_path):
    _write_corpus(tmp_path / "in", 8)
    results = []
    for workers in (1, 2):
        db = tmp_path / f"w{workers}.db"
        settings = load_settings(None, db=str(db), workers=workers, batch_size=3)
        with Store(str(db)) as store:
            ingest([str(tmp_path / "in")], store, settings)
            results.append(
                {d.doc_id: (d.text, len(d.events), len(d.actors)) for d in store.iter_documents()}
            )
    assert results[0] == results[1]
    assert len(results[0]) == 8


def test_pipeline_bad_files_do_not_stop_the_batch(tmp_path):
    folder = tmp_path / "in"
    _write_corpus(folder, 3)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (folder / "broken.jsonl").write_text(
        '{"name": "ok", "text": "Iran and Russia held talks on Monday in Moscow."}\n{not json\n'
    )
    settings = load_settings(None, db=str(tmp_path / "s.db"), components=[])
    with Store(settings.db) as store:
        report = ingest([str(folder)], store, settings)
        stored_errors = store.list_errors()
    assert len(report.stored) == 4
    failed = {e.name for e in report.errors}
    assert {"empty", "image"} <= failed
    assert any("broken.jsonl" in e.source or e.name.startswith("broken") for e in report.errors)
    assert len(stored_errors) == len(report.errors)
    assert all(e.cause for e in report.errors)


def test_pipeline_marks_near_duplicates_and_keeps_them(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    body = " ".join(PARAGRAPHS * 3)
    (folder / "a_original.txt").write_text(
        f"Ministers meet in Moscow\n\n{body}\n", encoding="utf-8"
    )
    (folder / "b_rewrite.txt").write_text(
        f"Ministers meet in Moscow, aggregator says\n\n{body} Edited by the desk.\n",
        encoding="utf-8",
    )
    settings = load_settings(None, db=str(tmp_path / "s.db"), components=[])
    with Store(settings.db) as store:
        report = ingest([str(folder)], store, settings)
        documents = {d.name: d for d in store.iter_documents()}
    assert report.near_duplicates == 1
    assert set(documents) == {"a_original", "b_rewrite"}
    assert documents["b_rewrite"].duplicate_of == documents["a_original"].doc_id
    assert documents["a_original"].duplicate_of is None


@pytest.mark.parametrize("workers", [1, 2])
def test_pipeline_learns_an_outlets_repeated_lines(tmp_path, workers):
    folder = tmp_path / "in"
    folder.mkdir()
    footer = "Steppe Review is read in forty countries and counting"
    for i, paragraph in enumerate(PARAGRAPHS):
        (folder / f"story_{i}.txt").write_text(
            f"Story {i} of the week\n\n{paragraph} More details followed in report {i}.\n\n{footer}\n",
            encoding="utf-8",
        )
    settings = load_settings(
        None,
        db=str(tmp_path / "s.db"),
        components=[],
        outlet="Steppe Review",
        batch_size=1,
        workers=workers,
    )
    with Store(settings.db) as store:
        ingest([str(folder)], store, settings)
        documents = sorted(store.iter_documents(), key=lambda d: d.name)
    kept_footer = [footer in d.text for d in documents]
    # the first documents cannot know the line yet; once it was seen often enough it goes
    assert kept_footer[: settings.repeat_threshold] == [True] * settings.repeat_threshold
    assert not any(kept_footer[settings.repeat_threshold :])
    last = documents[-1]
    assert [r.reason for r in last.removed if r.line == footer] == ["repeated in outlet"]


def _exit_on_poison(document: Document, nlp: object) -> Document:
    if "poison" in document.name:
        os._exit(3)  # as a worker killed by the kernel: no exception, no result
    return document


def test_pipeline_a_document_that_kills_its_worker_is_an_error_row(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "annotate", _exit_on_poison)  # forked workers inherit it
    folder = tmp_path / "in"
    _write_corpus(folder, 9)
    (folder / "report_004.txt").rename(folder / "report_004_poison.txt")
    settings = load_settings(None, db=str(tmp_path / "s.db"), components=[], workers=2)
    with Store(settings.db) as store:
        report = ingest([str(folder)], store, settings)
        errors = store.list_errors()
    assert len(report.stored) == 8 and "report_004_poison" not in report.stored
    assert [(e.name, e.stage) for e in errors] == [("report_004_poison", "annotate")]
    assert "worker process ended" in errors[0].cause


def _refuse(document: Document, nlp: object) -> Document:
    raise AssertionError(f"{document.name} annotated again")


@pytest.mark.parametrize("workers", [1, 2])
def test_pipeline_documents_stored_before_are_not_annotated_again(tmp_path, monkeypatch, workers):
    _write_corpus(tmp_path / "in", 6)
    settings = load_settings(None, db=str(tmp_path / "s.db"), components=[], workers=workers)
    with Store(settings.db) as store:
        assert len(ingest([str(tmp_path / "in")], store, settings).stored) == 6
    monkeypatch.setattr(pipeline, "annotate", _refuse)
    with Store(settings.db) as store:
        report = ingest([str(tmp_path / "in")], store, settings)
    assert (report.stored, report.already_stored, report.errors) == ([], 6, [])


def test_pipeline_known_ids_are_exact():
    ids = [f"{n:016x}" for n in (0, 7, 2**63, 2**64 - 1)]
    known = KnownIds([*ids, "not-an-id", "abc"])
    assert len(known) == 4
    assert all(i in known for i in ids)
    assert "0000000000000001" not in known and "zzzzzzzzzzzzzzzz" not in known
    assert "abc" not in known and None not in known
