"""The `Store`: one object per database, the only way dyad reads and writes SQL.

All writes go through `write_batch` (and `update_annotations` for re-annotation), one
transaction per call, so an ingest killed midway leaves whole batches and running it
again stores each missing document exactly once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, delete, event, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError, NoSuchModuleError, OperationalError, SQLAlchemyError
from sqlalchemy.pool import StaticPool

from dyad.errors import StoreError
from dyad.model import Document, IngestError
from dyad.sanitize import one_line
from dyad.store import queries, schema
from dyad.store.browse import BrowseTables
from dyad.store.codec import DocumentRows, document_rows, dumps
from dyad.store.links import LinkTables
from dyad.store.migrations import applied_migrations, has_schema, migrate
from dyad.store.rows import (
    DocumentPage,
    DocumentSummary,
    EventRow,
    QuoteRow,
    RunInfo,
    StoredError,
)
from dyad.store.urls import is_memory, mask_url, resolve_url

CONNECT_TIMEOUT = 10  # seconds to wait for a PostgreSQL server before giving up
SQLITE_BUSY_TIMEOUT = 30  # seconds a SQLite writer waits for another writer's lock
WRITE_ATTEMPTS = 3  # a batch racing another process on the same doc_ids is retried


class StoredIds(list[str]):
    """The doc_ids a `write_batch` stored, and the documents it refused as errors."""

    def __init__(self, doc_ids: Iterable[str] = (), refused: Iterable[IngestError] = ()) -> None:
        super().__init__(doc_ids)
        self.refused = list(refused)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """WAL lets readers go on while one process writes; foreign keys keep rows tidy."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def _make_engine(url: str, *, create: bool) -> Engine:
    """An engine for the URL, with per-backend settings; nothing is connected yet."""
    if url.startswith("sqlite"):
        if is_memory(url):
            engine = create_engine(url, poolclass=StaticPool)
        else:
            path = Path(str(make_url(url).database))
            if not create and not path.exists():
                raise StoreError(
                    f"no store at {path}: run `dyad ingest` to create one, or give --db"
                )
            if create:
                try:
                    path.parent.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise StoreError(
                        f"cannot create the folder for the store {path}: {exc}; "
                        "give a --db path you can write to"
                    ) from exc
            engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    try:
        return create_engine(
            url, pool_pre_ping=True, connect_args={"connect_timeout": CONNECT_TIMEOUT}
        )
    except NoSuchModuleError as exc:
        raise StoreError(f"{mask_url(url)}: {exc}") from exc
    except ImportError as exc:
        raise StoreError(
            f"{mask_url(url)} needs the PostgreSQL driver ({exc}); "
            "install it with: pip install 'dyad[postgres]'"
        ) from exc


class Store:
    """A dyad store in SQLite (a file, the default) or PostgreSQL (by URL).

    Args:
        db: a file path or URL (see `resolve_url`); None uses `$DYAD_DB` or `dyad.db`.
        create: create the store when the database holds none; False refuses instead.

    Raises:
        StoreError: bad URL, unreachable server (the message names the URL with its
            password masked, and the cause), or no store when `create` is False.
    """

    def __init__(self, db: str | None = None, *, create: bool = True) -> None:
        self.url = resolve_url(db)
        self._engine = _make_engine(self.url, create=create)
        try:
            with self._engine.connect() as conn:
                exists = has_schema(conn)
            if not exists and not create:
                raise StoreError(
                    f"{mask_url(self.url)} holds no dyad store: run `dyad ingest` first"
                )
            migrate(self._engine)
        except SQLAlchemyError as exc:
            self._engine.dispose()
            cause = getattr(exc, "orig", None) or exc
            raise StoreError(
                f"cannot open the store at {mask_url(self.url)}: {cause}".strip()
            ) from exc
        except StoreError:
            self._engine.dispose()
            raise

    def __repr__(self) -> str:
        return f"Store({mask_url(self.url)!r})"

    @property
    def links(self) -> LinkTables:
        """The linking tables: stories, facts, origins, contradictions (`dyad.link`)."""
        return LinkTables(self._engine)

    @property
    def browse(self) -> BrowseTables:
        """Paged reads and full-text search for the explorer (`dyad.web`)."""
        return BrowseTables(self._engine)

    # --- lifecycle -------------------------------------------------------------------

    def close(self) -> None:
        """Release every connection (the store can not be used afterwards)."""
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def schema_version(self) -> int:
        """How many named migrations the store has applied."""
        with self._engine.connect() as conn:
            return len(applied_migrations(conn))

    # --- runs ------------------------------------------------------------------------

    def start_run(self, command: str, arguments: Mapping[str, Any]) -> int:
        """Record that a command started; returns the run id to pass to `write_batch`."""
        with self._engine.begin() as conn:
            result = conn.execute(
                schema.runs.insert().values(
                    command=command, arguments=dumps(dict(arguments)), started=_now()
                )
            )
            key = result.inserted_primary_key
            if key is None:  # pragma: no cover - every backend dyad supports returns it
                raise StoreError(f"{mask_url(self.url)}: the database did not return a run id")
            return int(key[0])

    def finish_run(self, run_id: int, counts: Mapping[str, int]) -> None:
        """Record that a run finished, with its counts (documents stored, errors, ...)."""
        with self._engine.begin() as conn:
            conn.execute(
                update(schema.runs)
                .where(schema.runs.c.id == run_id)
                .values(counts=dumps(dict(counts)), finished=_now())
            )

    def list_runs(self) -> list[RunInfo]:
        """Every recorded run, oldest first."""
        with self._engine.connect() as conn:
            return queries.list_runs(conn)

    # --- writes ----------------------------------------------------------------------

    def write_batch(
        self,
        documents: Sequence[Document | DocumentRows],
        errors: Sequence[IngestError] = (),
        *,
        run_id: int | None = None,
        signatures: Mapping[str, Sequence[int]] | None = None,
        line_keys: Mapping[str, Iterable[str]] | None = None,
    ) -> StoredIds:
        """Store new documents, their extracted items and statistics, and errors.

        One transaction: if anything fails, nothing of the batch is stored. A document
        whose doc_id is stored already is skipped (re-ingest is a no-op); within the
        batch the first of a doc_id wins. A document with a NUL character in a text
        field is not stored but recorded as an error of stage "store".

        Args:
            documents: cleaned (and usually annotated) documents, or their rows as
                `codec.document_rows` built them (in a worker process, say).
            errors: inputs that failed before the store, recorded with `run_id`.
            run_id: the run from `start_run`, or None.
            signatures: MinHash values by doc_id, for near-duplicate search later.
            line_keys: line keys by doc_id; each newly stored document adds one to
                (its outlet, key) in the line statistics.

        Returns:
            The doc_ids stored now, in batch order; its `refused` lists the documents
            recorded as errors instead (a NUL in an extracted item).
        """
        doc_ids = [d.doc_id for d in documents]
        for attempt in range(WRITE_ATTEMPTS):
            seen = self.existing_ids(doc_ids)
            try:
                with self._engine.begin() as conn:
                    return self._write(conn, documents, errors, run_id, signatures, line_keys)
            except IntegrityError:
                # Retry only when another process stored some of these doc_ids meanwhile.
                if attempt == WRITE_ATTEMPTS - 1 or self.existing_ids(doc_ids) == seen:
                    raise
            except OperationalError as exc:
                raise StoreError(
                    f"writing {len(documents)} documents to {mask_url(self.url)} failed "
                    f"({exc.orig}); nothing of this batch was stored: run the command again"
                ) from exc
        raise AssertionError("unreachable")  # pragma: no cover

    def _write(
        self,
        conn: Connection,
        documents: Sequence[Document | DocumentRows],
        errors: Sequence[IngestError],
        run_id: int | None,
        signatures: Mapping[str, Sequence[int]] | None,
        line_keys: Mapping[str, Iterable[str]] | None,
    ) -> StoredIds:
        """The body of `write_batch`, inside its transaction."""
        stored = queries.existing_ids(conn, (d.doc_id for d in documents))
        created = _now()
        rows, refused = [], list(errors)
        for document in documents:
            if document.doc_id in stored:
                continue
            stored.add(document.doc_id)
            if isinstance(document, DocumentRows):
                doc_rows = document.stamped(run_id, created)
            else:
                doc_rows = document_rows(document, run_id, created)
            bad = doc_rows.nul_column()
            if bad is not None:
                cause = f"{bad} holds a NUL character, which the store cannot keep; clean it"
                refused.append(IngestError(document.name, document.source, "store", cause))
                continue
            rows.append(doc_rows)
        if rows:
            conn.execute(schema.documents.insert(), [r.document for r in rows])
        for table, key in (
            (schema.removed_lines, "removed"),
            (schema.events, "events"),
            (schema.quotes, "quotes"),
        ):
            children = [child for r in rows for child in getattr(r, key)]
            if children:
                conn.execute(table.insert(), children)
        new_ids = [r.document["doc_id"] for r in rows]
        self._write_signatures(conn, new_ids, signatures or {})
        self._bump_line_stats(conn, rows, line_keys or {})
        if refused:
            conn.execute(
                schema.ingest_errors.insert(),
                [
                    {
                        "run_id": run_id,
                        "name": one_line(e.name),  # the error may quote what it refuses
                        "source": one_line(e.source),
                        "stage": one_line(e.stage),
                        "cause": one_line(e.cause),
                        "created": created,
                    }
                    for e in refused
                ],
            )
        return StoredIds(new_ids, refused[len(errors) :])

    @staticmethod
    def _write_signatures(
        conn: Connection, new_ids: Sequence[str], signatures: Mapping[str, Sequence[int]]
    ) -> None:
        values = [
            {"doc_id": doc_id, "minhash": dumps([int(v) for v in signatures[doc_id]])}
            for doc_id in new_ids
            if doc_id in signatures
        ]
        if values:
            conn.execute(schema.signatures.insert(), values)

    @staticmethod
    def _bump_line_stats(
        conn: Connection, rows: Sequence[Any], line_keys: Mapping[str, Iterable[str]]
    ) -> None:
        """Add one per newly stored document to each (outlet, line key) it contains."""
        bumps: Counter[tuple[str, str]] = Counter()
        for r in rows:
            keys = line_keys.get(r.document["doc_id"], ())
            outlet = r.document["outlet"] or ""
            bumps.update((outlet, key) for key in set(keys))
        if not bumps:
            return
        insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
        L = schema.line_stats
        statement = insert(L)
        statement = statement.on_conflict_do_update(
            index_elements=[L.c.outlet, L.c.line_key],
            set_={"documents": L.c.documents + statement.excluded.documents},
        )
        values = [
            {"outlet": outlet, "line_key": key, "documents": n}
            for (outlet, key), n in sorted(bumps.items())
        ]
        conn.execute(statement, values)

    def update_annotations(self, documents: Sequence[Document]) -> int:
        """Replace the extracted items of stored documents (after the extractor improved).

        Documents not in the store are ignored. One transaction for the whole call.

        Returns:
            How many stored documents were updated.

        Raises:
            StoreError: a document's text differs from the stored text, so its offsets
                would point at the wrong characters; re-ingest it instead.
        """
        updated = 0
        D = schema.documents
        with self._engine.begin() as conn:
            for document in documents:
                stored = conn.execute(
                    select(D.c.text).where(D.c.doc_id == document.doc_id)
                ).scalar_one_or_none()
                if stored is None:
                    continue
                if stored != document.text:
                    raise StoreError(
                        f"{document.name} ({document.doc_id}): its text differs from the "
                        "stored text, so its offsets would be wrong; re-ingest it instead"
                    )
                rows = document_rows(document, None, _now())
                bad = rows.nul_column()
                if bad is not None:
                    raise StoreError(
                        f"{document.name} ({document.doc_id}): {bad} holds a NUL character, "
                        "which the store cannot keep; remove it from the extracted items"
                    )
                conn.execute(
                    update(D)
                    .where(D.c.doc_id == document.doc_id)
                    .values(payload=rows.document["payload"])
                )
                for table, new in ((schema.events, rows.events), (schema.quotes, rows.quotes)):
                    conn.execute(delete(table).where(table.c.doc_id == document.doc_id))
                    if new:
                        conn.execute(table.insert(), new)
                updated += 1
        return updated

    # --- reads -----------------------------------------------------------------------

    def existing_ids(self, doc_ids: Iterable[str]) -> set[str]:
        """Which of these doc_ids are stored (to skip work on documents seen before)."""
        with self._engine.connect() as conn:
            return queries.existing_ids(conn, doc_ids)

    def get_document(self, name_or_id: str) -> Document | None:
        """A stored document by doc_id, unique doc_id prefix (6+ chars) or name.

        Raises:
            StoreError: the prefix or name fits several documents; the message lists them.
        """
        with self._engine.connect() as conn:
            return queries.find_document(conn, name_or_id)

    def iter_documents(self, *, include_duplicates: bool = True) -> Iterator[Document]:
        """Every stored Document in ingest order, streamed a page at a time."""
        return queries.iter_documents(self._engine, include_duplicates=include_duplicates)

    def selected_pages(
        self,
        *,
        since: str | None = None,
        until: str | None = None,
        events: Mapping[str, Any] | None = None,
        quotes: Mapping[str, Any] | None = None,
        with_removed: bool = True,
    ) -> Iterator[DocumentPage]:
        """Pages of documents by publication date and by the events or quotes they hold.

        `events` takes `type`, `dyad` and `modality`, `quotes` takes `speaker` and `about`
        (as `query_events` and `query_quotes` do); each page names the matching items.
        Streamed in ingest order, a page at a time (see `queries.selected_pages`).
        """
        return queries.selected_pages(
            self._engine,
            since=since,
            until=until,
            events=events,
            quotes=quotes,
            with_removed=with_removed,
        )

    def list_documents(self) -> list[DocumentSummary]:
        """A summary of every stored document, in ingest order."""
        with self._engine.connect() as conn:
            return queries.list_documents(conn)

    def list_errors(self, run_id: int | None = None) -> list[StoredError]:
        """Recorded ingest errors of one run, or of all runs."""
        with self._engine.connect() as conn:
            return queries.list_errors(conn, run_id)

    def line_counts(self, outlet: str | None, keys: Iterable[str]) -> dict[str, int]:
        """For each line key, how many stored documents of `outlet` contained it."""
        with self._engine.connect() as conn:
            return queries.line_counts(conn, outlet, keys)

    def frequent_lines(self, outlet: str | None, threshold: int) -> dict[str, int]:
        """Line keys in at least `threshold` stored documents of `outlet` (boilerplate)."""
        with self._engine.connect() as conn:
            return queries.frequent_lines(conn, outlet, threshold)

    def signatures(self) -> Iterator[tuple[str, list[int]]]:
        """(doc_id, MinHash values) of every stored document that has them."""
        return queries.iter_signatures(self._engine)

    def query_events(
        self,
        *,
        type: str | None = None,
        dyad: tuple[str, str] | None = None,
        modality: str | None = None,
        name: str | None = None,
        limit: int | None = None,
    ) -> list[EventRow]:
        """Events by PLOVER type, unordered country pair, modality and document name."""
        with self._engine.connect() as conn:
            return queries.query_events(
                conn, type=type, dyad=dyad, modality=modality, name=name, limit=limit
            )

    def query_quotes(
        self, *, speaker: str | None = None, about: str | None = None, limit: int | None = None
    ) -> list[QuoteRow]:
        """Quotes by speaker (substring of the name) and content (substring)."""
        with self._engine.connect() as conn:
            return queries.query_quotes(conn, speaker=speaker, about=about, limit=limit)
