"""Fixtures of the linking tests: stores built by ingesting our own corpus, as a user would."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

import backends
from dyad.pipeline import ingest
from dyad.settings import load_settings
from dyad.store import Store
from dyad.store.testing import reset_postgres_database

BACKENDS = backends.BACKENDS


def write_records(path: Path, records: Sequence[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def ingest_records(store: Store, folder: Path, name: str, records: Sequence[dict[str, object]]):
    """Ingest records from a JSONL file, as `dyad ingest file.jsonl` does."""
    path = write_records(folder / f"{name}.jsonl", records)
    return ingest([str(path)], store, load_settings(None, db=store.url))


@pytest.fixture(params=BACKENDS)
def empty_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "sqlite":
        url = str(tmp_path / "dyad.db")
    else:
        url = request.getfixturevalue("postgres_url")
        reset_postgres_database(url)
    with Store(url) as store:
        yield store
