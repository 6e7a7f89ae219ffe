"""Scratch PostgreSQL databases for tests of any package that touches the store.

Test suites use these so they run against a real server when one is reachable and skip
with a reason when not. Nothing here runs in normal use.

```python
from dyad.store.testing import postgres_unavailable, scratch_postgres_database

reason = postgres_unavailable()          # None when the server answers
with scratch_postgres_database() as url:  # a new empty database, dropped afterwards
    ...
```
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from dyad.store.urls import mask_url, resolve_url

SERVER_ENV = "DYAD_TEST_POSTGRES"
DEFAULT_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


def server_url(url: str | None = None) -> str:
    """The maintenance database URL: `url`, else `$DYAD_TEST_POSTGRES`, else local trust."""
    return resolve_url(url or os.environ.get(SERVER_ENV) or DEFAULT_SERVER)


def postgres_unavailable(url: str | None = None) -> str | None:
    """Why the test server cannot be used (a skip reason), or None when it answers."""
    admin = server_url(url)
    try:
        engine = create_engine(admin, connect_args={"connect_timeout": 3})
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
        finally:
            engine.dispose()
    except (SQLAlchemyError, ImportError) as exc:
        cause = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        return f"PostgreSQL at {mask_url(admin)} is unreachable ({cause}); set {SERVER_ENV}"
    return None


def _admin(url: str, statements: list[tuple[str, dict[str, str]]]) -> None:
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            for sql, params in statements:
                conn.execute(text(sql), params)
    finally:
        engine.dispose()


@contextmanager
def scratch_postgres_database(url: str | None = None, prefix: str = "dyad_test") -> Iterator[str]:
    """Create an empty database with a unique name, yield its URL, drop it afterwards.

    Args:
        url: the server's maintenance database URL (see `server_url`).
        prefix: the database name starts with it (lower case letters, digits, `_`).
    """
    admin = server_url(url)
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    _admin(admin, [(f'CREATE DATABASE "{name}"', {})])
    try:
        yield make_url(admin).set(database=name).render_as_string(hide_password=False)
    finally:
        # FORCE (PostgreSQL 13+) ends the sessions still connected to it first.
        _admin(admin, [(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', {})])


def reset_postgres_database(url: str) -> None:
    """Empty a scratch database between tests: drop and recreate its `public` schema."""
    _admin(
        resolve_url(url),
        [("DROP SCHEMA IF EXISTS public CASCADE", {}), ("CREATE SCHEMA public", {})],
    )
