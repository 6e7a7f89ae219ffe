"""dyad.store.testing: scratch PostgreSQL databases that other test packages reuse."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text

from dyad.store import Store
from dyad.store.testing import postgres_unavailable, scratch_postgres_database, server_url


def _database_exists(name: str) -> bool:
    engine = create_engine(server_url())
    try:
        with engine.connect() as conn:
            query = text("SELECT 1 FROM pg_database WHERE datname = :n")
            return conn.execute(query, {"n": name}).first() is not None
    finally:
        engine.dispose()


def test_postgres_unavailable_gives_a_reason_for_a_closed_port() -> None:
    reason = postgres_unavailable("postgresql://ana:topsecret@127.0.0.1:1/postgres")
    assert reason is not None
    assert "127.0.0.1:1" in reason and "topsecret" not in reason


@pytest.mark.postgres
def test_scratch_database_is_created_and_dropped(postgres_url: str) -> None:
    with scratch_postgres_database(prefix="dyad_scratch") as url:
        name = url.rsplit("/", 1)[1]
        assert name.startswith("dyad_scratch_") and _database_exists(name)
        store = Store(url)  # left open on purpose: the drop must end its connections
        store.start_run("test", {})
    store.close()
    assert not _database_exists(name)
