"""The store backends every store-touching test runs on: a SQLite file and PostgreSQL.

Loaded as a plugin by tests/conftest.py. The PostgreSQL database is created once per
session (and dropped at its end) with `dyad.store.testing`, or the tests that need it are
skipped with the reason when no server answers.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from dyad.store.testing import postgres_unavailable, scratch_postgres_database

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A scratch PostgreSQL database for the session, or a skip with the reason."""
    reason = postgres_unavailable()
    if reason is not None:
        pytest.skip(reason)
    with scratch_postgres_database() as url:
        yield url
