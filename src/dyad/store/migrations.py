"""Named, recorded schema migrations, applied in order when a store opens.

A new store gets the current schema from `schema.py` at once and every migration is
recorded as applied; an older store gets only the steps it has not recorded, in order.
So a step only ever runs on a database that has all the steps before it. Add a step by
appending to `MIGRATIONS`, never by editing or reordering an applied one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, MetaData, inspect, select, text
from sqlalchemy.exc import IntegrityError

from dyad.errors import StoreError
from dyad.store import schema
from dyad.store.fulltext import FTS_POSTGRES, FTS_SQLITE


@dataclass(frozen=True)
class Migration:
    """One schema change: a stable name, the function that applies it, and the indexes it
    adds (so the first step can build the schema as it was before them)."""

    name: str
    apply: Callable[[Connection], None]
    adds_indexes: tuple[str, ...] = ()
    #: It creates what `schema.metadata` cannot describe (full-text indexes, triggers), so
    #: a new store runs it too after creating the tables.
    outside_metadata: bool = False


def _initial(conn: Connection) -> None:
    """The first schema: today's tables without the indexes later steps add."""
    later = {name for step in MIGRATIONS[1:] for name in step.adds_indexes}
    frozen = MetaData()
    for table in schema.DATA_TABLES:
        copy = table.to_metadata(frozen)
        for index in [ix for ix in copy.indexes if ix.name in later]:
            copy.indexes.discard(index)
    frozen.create_all(conn, checkfirst=True)


def _events_dyad_index(conn: Connection) -> None:
    """An index on (source_country, target_country) for `query_events(dyad=...)`."""
    schema.events_dyad_index.create(conn, checkfirst=True)


def _link_tables(conn: Connection) -> None:
    """Stories, merged facts, their mentions, origins and contradictions (dyad.link),
    without the indexes later steps add."""
    later = {name for step in MIGRATIONS[3:] for name in step.adds_indexes}
    frozen = MetaData()
    schema.documents.to_metadata(frozen)  # what their foreign keys point at (exists already)
    for table in schema.LINK_TABLES:
        copy = table.to_metadata(frozen)
        for index in [ix for ix in copy.indexes if ix.name in later]:
            copy.indexes.discard(index)
    frozen.create_all(conn, tables=[frozen.tables[t.name] for t in schema.LINK_TABLES])


def _link_anchor_index(conn: Connection) -> None:
    """An index on the day of linked documents: linking looks candidates up by day."""
    schema.link_profiles_anchor_index.create(conn, checkfirst=True)


def _line_stats_frequent_index(conn: Connection) -> None:
    """An index on each outlet's line counts: every batch asks for the frequent lines."""
    schema.line_stats_frequent_index.create(conn, checkfirst=True)


def _full_text_search(conn: Connection) -> None:
    """Full-text search over documents (title, text) and quotes (speaker, content).

    SQLite: FTS5 tables over the stored rows, kept current by triggers. PostgreSQL: GIN
    indexes on the English `to_tsvector` of the same columns (`dyad.store.browse`).
    """
    if conn.dialect.name == "postgresql":
        for statement in FTS_POSTGRES:
            conn.execute(text(statement))
        return
    for statement in FTS_SQLITE:
        conn.execute(text(statement))


MIGRATIONS: tuple[Migration, ...] = (
    Migration("0001_initial", _initial),
    Migration("0002_events_dyad_index", _events_dyad_index, ("ix_events_dyad",)),
    Migration("0003_link_tables", _link_tables),
    Migration("0004_full_text_search", _full_text_search, outside_metadata=True),
    Migration("0005_link_profiles_anchor_index", _link_anchor_index, ("ix_link_profiles_anchor",)),
    Migration(
        "0006_line_stats_frequent_index",
        _line_stats_frequent_index,
        ("ix_line_stats_frequent",),
    ),
)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def applied_migrations(conn: Connection) -> list[str]:
    """Names of the migrations recorded in the store, oldest first (empty if none)."""
    if not inspect(conn).has_table(schema.migrations.name):
        return []
    rows = conn.execute(
        select(schema.migrations.c.name).order_by(schema.migrations.c.name)
    ).scalars()
    return list(rows)


def has_schema(conn: Connection) -> bool:
    """Whether the database holds a dyad store (its migrations table)."""
    return inspect(conn).has_table(schema.migrations.name)


def migrate(engine: Engine, steps: Sequence[Migration] = MIGRATIONS) -> list[str]:
    """Bring the store's schema up to date.

    Args:
        engine: the store's engine.
        steps: the migrations, in order (tests pass a prefix to build an older store).

    Returns:
        The names of the migrations applied now (all of them for a new store).

    Raises:
        StoreError: the database holds tables but no dyad migrations table, or records
            migrations this version of dyad does not know (a newer dyad wrote it).
    """
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            # Two processes opening a new store at once: the second waits, then sees it.
            conn.execute(text("SELECT pg_advisory_xact_lock(742003)"))
        done = applied_migrations(conn)
        known = [step.name for step in steps]
        unknown = [name for name in done if name not in known]
        if unknown:
            raise StoreError(
                f"this store records migrations {unknown} that this dyad does not know; "
                "it was written by a newer dyad: upgrade dyad or use another --db"
            )
        if not done:
            return _create_fresh(conn, steps)
        pending = [step for step in steps if step.name not in done]
        for step in pending:
            step.apply(conn)
            conn.execute(schema.migrations.insert().values(name=step.name, applied=_now()))
        return [step.name for step in pending]


def _create_fresh(conn: Connection, steps: Sequence[Migration]) -> list[str]:
    """Create a new store: the current schema at once, every step recorded."""
    existing = set(inspect(conn).get_table_names())
    foreign = existing & {table.name for table in schema.DATA_TABLES}
    if foreign and schema.migrations.name not in existing:
        raise StoreError(
            f"the database already has tables {sorted(foreign)} but no dyad migrations "
            "table, so it is not a dyad store; point --db at a new file or database"
        )
    if tuple(steps) == MIGRATIONS:
        schema.metadata.create_all(conn, checkfirst=True)
        for step in steps:
            if step.outside_metadata:
                step.apply(conn)
    else:
        schema.migrations.create(conn, checkfirst=True)
        for step in steps:
            step.apply(conn)
    applied = _now()
    try:
        conn.execute(
            schema.migrations.insert(), [{"name": s.name, "applied": applied} for s in steps]
        )
    except IntegrityError as exc:  # another process created the store meanwhile
        raise StoreError(
            f"another process created this store at the same time ({exc.orig}); open it again"
        ) from exc
    return [step.name for step in steps]
