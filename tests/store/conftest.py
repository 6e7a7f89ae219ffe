"""Every store test runs on a SQLite file and on a scratch PostgreSQL database.

The PostgreSQL database is created once per session (and dropped at its end) with
`dyad.store.testing` (the `postgres_url` fixture of tests/backends.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import backends
from dyad.store import Store
from dyad.store.testing import reset_postgres_database

BACKENDS = backends.BACKENDS


def empty_database(request: pytest.FixtureRequest, folder: Path) -> str:
    """A new SQLite file in `folder`, or the emptied PostgreSQL scratch database."""
    if request.param == "sqlite":
        return str(folder / "dyad.db")
    url: str = request.getfixturevalue("postgres_url")
    reset_postgres_database(url)
    return url


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database for one test."""
    return empty_database(request, tmp_path)


@pytest.fixture(scope="module", params=BACKENDS)
def module_store_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> str:
    """An empty database shared by the read-only tests of one module."""
    return empty_database(request, tmp_path_factory.mktemp("store"))


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    """An open, empty store, closed after the test."""
    with Store(store_url) as opened:
        yield opened
