"""Turn what a user typed after `--db` into a SQLAlchemy URL, and show it safely.

A plain path means a SQLite file; `postgres://` and `postgresql://` mean PostgreSQL
through psycopg 3. Anything else is refused with the forms that work.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from dyad.errors import StoreError

DEFAULT_DB = "dyad.db"
ENV_VAR = "DYAD_DB"

_POSTGRES_ALIASES = ("postgres", "postgresql", "postgresql+psycopg")
_SQLITE_SCHEMES = ("sqlite", "sqlite+pysqlite")
_FORMS = (
    "a file path (dyad.db), sqlite:///path/to/dyad.db, "
    "or postgresql://user:password@host:5432/dbname"
)


def resolve_url(db: str | None) -> str:
    """The SQLAlchemy URL for a `--db` value.

    Args:
        db: None (use `$DYAD_DB`, else `dyad.db`), a file path, or a database URL.

    Returns:
        `sqlite:///<absolute path>` for a path, `postgresql+psycopg://...` for PostgreSQL,
        a SQLite URL unchanged.

    Raises:
        StoreError: the URL names a database dyad does not support.
    """
    if db is None:
        db = os.environ.get(ENV_VAR) or DEFAULT_DB
    db = db.strip()
    if not db:
        raise StoreError(f"the database is empty; expected {_FORMS}")
    if "://" not in db:
        return "sqlite:///" + str(Path(db).expanduser().resolve())
    scheme, rest = db.split("://", 1)
    scheme_lower = scheme.lower()
    if scheme_lower in _POSTGRES_ALIASES:
        url = "postgresql+psycopg://" + rest
    elif scheme_lower in _SQLITE_SCHEMES:
        url = db
    else:
        raise StoreError(f"database URL scheme {scheme!r} is not supported; write {_FORMS} instead")
    try:
        make_url(url)
    except ArgumentError as exc:
        raise StoreError(f"cannot parse database URL {mask_url(url)!r}: {exc}") from exc
    return url


def mask_url(url: str) -> str:
    """The URL with its password replaced by `***`, for messages and logs."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        if "@" in url and "://" in url:
            scheme, rest = url.split("://", 1)
            return f"{scheme}://***@{rest.rsplit('@', 1)[1]}"
        return url


def is_memory(url: str) -> bool:
    """Whether a SQLite URL names an in-memory database (gone when the store closes)."""
    parsed = make_url(url)
    return parsed.get_backend_name() == "sqlite" and parsed.database in (None, "", ":memory:")
