"""Named migrations: a new store is created at the latest version, an old one catches up."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, inspect, text

from dyad.errors import StoreError
from dyad.store import MIGRATIONS, Store, resolve_url, schema
from dyad.store.migrations import applied_migrations, migrate


def _engine(store_url: str):
    return create_engine(resolve_url(store_url))


def test_migrations_have_unique_sorted_names() -> None:
    names = [m.name for m in MIGRATIONS]
    assert names == sorted(set(names))


def test_migrate_new_store_records_every_step(store_url: str) -> None:
    engine = _engine(store_url)
    try:
        assert migrate(engine) == [m.name for m in MIGRATIONS]
        assert migrate(engine) == []  # a second open applies nothing
        with engine.connect() as conn:
            assert applied_migrations(conn) == [m.name for m in MIGRATIONS]
            tables = set(inspect(conn).get_table_names())
        assert {t.name for t in schema.metadata.sorted_tables} <= tables
    finally:
        engine.dispose()


def test_old_store_gets_pending_steps(store_url: str) -> None:
    engine = _engine(store_url)
    try:
        assert migrate(engine, MIGRATIONS[:1]) == ["0001_initial"]
        with engine.connect() as conn:
            indexes = {ix["name"] for ix in inspect(conn).get_indexes("events")}
        assert "ix_events_dyad" not in indexes
    finally:
        engine.dispose()
    with Store(store_url) as store:
        assert store.schema_version() == len(MIGRATIONS)
    engine = _engine(store_url)
    try:
        with engine.connect() as conn:
            indexes = {ix["name"] for ix in inspect(conn).get_indexes("events")}
        assert "ix_events_dyad" in indexes
    finally:
        engine.dispose()


def test_store_written_by_newer_dyad_is_refused(store_url: str) -> None:
    with Store(store_url):
        pass
    engine = _engine(store_url)
    try:
        with engine.begin() as conn:
            conn.execute(schema.migrations.insert().values(name="9999_future", applied="x"))
    finally:
        engine.dispose()
    with pytest.raises(StoreError, match="newer dyad"):
        Store(store_url)


def test_foreign_database_is_refused(store_url: str) -> None:
    engine = _engine(store_url)
    try:
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE documents (id INTEGER PRIMARY KEY)"))
    finally:
        engine.dispose()
    with pytest.raises(StoreError, match="not a dyad store"):
        Store(store_url)


def test_old_store_gains_the_link_tables_and_links_its_documents(store_url: str) -> None:
    from dyad.link import link_new
    from dyad.model import Document

    engine = _engine(store_url)
    try:
        migrate(engine, MIGRATIONS[:2])
        with engine.connect() as conn:
            assert "facts" not in set(inspect(conn).get_table_names())
    finally:
        engine.dispose()
    with Store(store_url) as store:
        assert store.schema_version() == len(MIGRATIONS)
        store.write_batch([Document(doc_id="d" * 16, name="old", text="Iran and Russia met.")])
        report = link_new(store.links)
        assert report.documents == 1
    engine = _engine(store_url)
    try:
        with engine.connect() as conn:
            indexes = {ix["name"] for ix in inspect(conn).get_indexes("link_profiles")}
        assert "ix_link_profiles_anchor" in indexes
    finally:
        engine.dispose()
    with Store(store_url) as store:
        assert [s["documents"] for s in store.links.stories()] == [1]


def test_frequent_lines_are_a_range_on_an_index(tmp_path) -> None:
    """Every batch asks for an outlet's frequent lines: on a big store a scan of all the
    lines the outlet ever printed took most of the writer's time."""
    from sqlalchemy.dialects import sqlite

    from dyad.store import queries

    url = str(tmp_path / "plan.db")
    with Store(url):
        pass
    captured: list[str] = []

    class Recorder:
        def execute(self, query):  # the query frequent_lines builds, compiled for SQLite
            captured.append(
                str(query.compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}))
            )
            return []

    queries.frequent_lines(Recorder(), "outlet.example", 3)  # type: ignore[arg-type]
    engine = _engine(url)
    with engine.connect() as conn:
        plan = " ".join(str(row) for row in conn.execute(text(f"EXPLAIN QUERY PLAN {captured[0]}")))
    engine.dispose()
    assert "ix_line_stats_frequent" in plan
