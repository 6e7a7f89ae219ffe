"""Read queries on a store connection: documents, errors, statistics, events, quotes.

Plain functions of a `Connection` returning plain values; `Store` wraps them. Lists of
ids are sent in chunks so SQLite's limit on bound parameters is never reached.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Connection, Engine, and_, exists, func, or_, select

from dyad.errors import StoreError
from dyad.model import Document
from dyad.store import schema
from dyad.store.codec import document_from_row
from dyad.store.rows import (
    DocumentPage,
    DocumentSummary,
    EventRow,
    QuoteRow,
    RunInfo,
    StoredError,
)

CHUNK = 500
PAGE = 200
MIN_PREFIX = 6

D = schema.documents


def chunks(items: Sequence[str], size: int = CHUNK) -> Iterator[Sequence[str]]:
    """Successive slices of at most `size` items."""
    for i in range(0, len(items), size):
        yield items[i : i + size]


def existing_ids(conn: Connection, doc_ids: Iterable[str]) -> set[str]:
    """Which of these doc_ids are stored."""
    wanted = sorted(set(doc_ids))
    found: set[str] = set()
    for part in chunks(wanted):
        found.update(conn.execute(select(D.c.doc_id).where(D.c.doc_id.in_(part))).scalars())
    return found


def load_documents(
    conn: Connection, rows: Sequence[Any], *, with_removed: bool = True
) -> list[Document]:
    """Full Documents for these `documents` rows, in row order.

    `with_removed=False` leaves their removed lines out (one query less per page).
    """
    removed: dict[str, list[Any]] = {row.doc_id: [] for row in rows}
    R = schema.removed_lines
    for part in chunks(list(removed) if with_removed else []):
        query = select(R).where(R.c.doc_id.in_(part)).order_by(R.c.doc_id, R.c.position)
        for line in conn.execute(query).mappings():
            removed[line["doc_id"]].append(line)
    return [document_from_row(row._mapping, removed[row.doc_id]) for row in rows]


def iter_documents(engine: Engine, *, include_duplicates: bool = True) -> Iterator[Document]:
    """Every stored Document in ingest order, read a page at a time (see `document_pages`)."""
    where = [] if include_duplicates else [D.c.duplicate_of.is_(None)]
    for page in document_pages(engine, where=where):
        yield from page


def document_pages(
    engine: Engine,
    *,
    where: Sequence[ColumnElement[bool]] = (),
    with_removed: bool = True,
) -> Iterator[list[Document]]:
    """The stored Documents meeting `where`, in ingest order, one page (list) at a time.

    Pages follow the primary key (`seq > last seen`), so memory stays at one page however
    large the store. Each page uses its own short connection, so a caller may write to the
    store between pages without holding a read cursor open (SQLite would refuse the write).
    """
    after = 0
    while True:
        query = select(D).where(D.c.seq > after, *where).order_by(D.c.seq).limit(PAGE)
        with engine.connect() as conn:
            rows = conn.execute(query).all()
            documents = load_documents(conn, rows, with_removed=with_removed)
        if not rows:
            return
        yield documents
        after = rows[-1].seq


def selected_pages(
    engine: Engine,
    *,
    since: str | None = None,
    until: str | None = None,
    events: Mapping[str, Any] | None = None,
    quotes: Mapping[str, Any] | None = None,
    with_removed: bool = True,
) -> Iterator[DocumentPage]:
    """Pages of the documents a selection names, with the events and quotes it names.

    Args:
        engine: the store's engine.
        since, until: publication date bounds (ISO, inclusive); a document without a
            publication date is left out when either is given.
        events: keyword arguments of `event_conditions`; only documents with a matching
            event are kept, and each page says which of their events match.
        quotes: keyword arguments of `quote_conditions`, likewise for quotes.
        with_removed: load the documents' removed lines.
    """
    where: list[ColumnElement[bool]] = []
    if since:
        where.append(D.c.published >= since)
    if until:
        where.append(D.c.published <= until)
    wanted = [
        (table, conditions)
        for table, conditions in (
            (schema.events, event_conditions(**events) if events is not None else None),
            (schema.quotes, quote_conditions(**quotes) if quotes is not None else None),
        )
        if conditions
    ]
    where += [has_item(table, conditions) for table, conditions in wanted]
    for documents in document_pages(engine, where=where, with_removed=with_removed):
        doc_ids = [d.doc_id for d in documents]
        found = {table.name: item_positions(engine, table, doc_ids, c) for table, c in wanted}
        yield DocumentPage(documents, found.get("events"), found.get("quotes"))


def has_item(table: Any, conditions: Sequence[ColumnElement[bool]]) -> ColumnElement[bool]:
    """A condition on `documents`: the document has a row of `table` meeting `conditions`."""
    return exists().where(table.c.doc_id == D.c.doc_id, *conditions)


def item_positions(
    engine: Engine, table: Any, doc_ids: Sequence[str], conditions: Sequence[ColumnElement[bool]]
) -> set[tuple[str, int]]:
    """(doc_id, position) of the rows of `table` (events, quotes) meeting `conditions`."""
    found: set[tuple[str, int]] = set()
    with engine.connect() as conn:
        for part in chunks(doc_ids):
            query = select(table.c.doc_id, table.c.position).where(
                table.c.doc_id.in_(part), *conditions
            )
            found.update((doc_id, position) for doc_id, position in conn.execute(query))
    return found


def find_document(conn: Connection, name_or_id: str) -> Document | None:
    """A document by doc_id, unique doc_id prefix (6+ characters) or name.

    A name used by several documents from one source means the latest; from several
    sources it is ambiguous.

    Raises:
        StoreError: the prefix or the name fits several documents; lists them.
    """
    key = name_or_id.strip()
    rows = conn.execute(select(D).where(D.c.doc_id == key)).all()
    if not rows:
        rows = conn.execute(select(D).where(D.c.name == key).order_by(D.c.seq.desc())).all()
        if len({row.source for row in rows}) > 1:
            raise StoreError(_ambiguous(f"name {key!r}", rows, "a doc_id"))
        rows = rows[:1]
    if not rows and len(key) >= MIN_PREFIX:
        pattern = _escape_like(key.lower()) + "%"
        query = select(D).where(D.c.doc_id.like(pattern, escape="\\")).order_by(D.c.seq)
        rows = conn.execute(query.limit(11)).all()
        if len(rows) > 1:
            raise StoreError(_ambiguous(f"doc_id prefix {key!r}", rows, "a longer prefix"))
    return load_documents(conn, rows[:1])[0] if rows else None


def _ambiguous(what: str, rows: Sequence[Any], fix: str) -> str:
    listed = "; ".join(f"{r.doc_id} ({r.name}, {r.source or 'no source'})" for r in rows[:10])
    return f"{what} fits {len(rows)} documents: {listed}; give {fix} instead"


def _escape_like(value: str) -> str:
    """A LIKE pattern matching `value` literally."""
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _counts(conn: Connection, table: Any) -> dict[str, int]:
    query = select(table.c.doc_id, func.count()).group_by(table.c.doc_id)
    return {doc_id: count for doc_id, count in conn.execute(query)}


def list_documents(conn: Connection) -> list[DocumentSummary]:
    """A summary of every stored document, in ingest order."""
    removed = _counts(conn, schema.removed_lines)
    events = _counts(conn, schema.events)
    quotes = _counts(conn, schema.quotes)
    columns = [D.c[name] for name in ("doc_id", "name", "outlet", "published", "language")]
    columns += [D.c.chars, D.c.duplicate_of, D.c.source]
    rows = conn.execute(select(*columns).order_by(D.c.seq)).all()
    return [
        DocumentSummary(
            doc_id=row.doc_id,
            name=row.name,
            outlet=row.outlet,
            published=row.published,
            language=row.language,
            chars=row.chars,
            removed=removed.get(row.doc_id, 0),
            duplicate_of=row.duplicate_of,
            source=row.source,
            events=events.get(row.doc_id, 0),
            quotes=quotes.get(row.doc_id, 0),
        )
        for row in rows
    ]


def list_errors(conn: Connection, run_id: int | None = None) -> list[StoredError]:
    """Recorded ingest errors, oldest first, of one run or of all."""
    E = schema.ingest_errors
    query = select(E).order_by(E.c.id)
    if run_id is not None:
        query = query.where(E.c.run_id == run_id)
    return [
        StoredError(
            name=r.name, source=r.source, stage=r.stage, cause=r.cause, run_id=r.run_id,
            created=r.created,
        )
        for r in conn.execute(query)
    ]  # fmt: skip


def list_runs(conn: Connection) -> list[RunInfo]:
    """Recorded runs, oldest first."""
    R = schema.runs
    return [
        RunInfo(
            id=r.id,
            command=r.command,
            arguments=json.loads(r.arguments),
            counts=json.loads(r.counts) if r.counts is not None else None,
            started=r.started,
            finished=r.finished,
        )
        for r in conn.execute(select(R).order_by(R.c.id))
    ]


def line_counts(conn: Connection, outlet: str | None, keys: Iterable[str]) -> dict[str, int]:
    """How many stored documents of `outlet` had each line key (absent keys: 0)."""
    L = schema.line_stats
    wanted = sorted(set(keys))
    counts = dict.fromkeys(wanted, 0)
    for part in chunks(wanted):
        query = select(L.c.line_key, L.c.documents).where(
            L.c.outlet == (outlet or ""), L.c.line_key.in_(part)
        )
        counts.update({key: n for key, n in conn.execute(query)})
    return counts


def frequent_lines(conn: Connection, outlet: str | None, threshold: int) -> dict[str, int]:
    """Line keys seen in at least `threshold` stored documents of `outlet`, with counts."""
    L = schema.line_stats
    query = select(L.c.line_key, L.c.documents).where(
        L.c.outlet == (outlet or ""), L.c.documents >= threshold
    )
    return {key: n for key, n in conn.execute(query)}


def iter_signatures(engine: Engine) -> Iterator[tuple[str, list[int]]]:
    """(doc_id, MinHash values) of every document that has one, in ingest order."""
    S = schema.signatures
    after = 0
    while True:
        query = (
            select(D.c.seq, S.c.doc_id, S.c.minhash)
            .join(D, D.c.doc_id == S.c.doc_id)
            .where(D.c.seq > after)
            .order_by(D.c.seq)
            .limit(PAGE * 5)
        )
        with engine.connect() as conn:
            rows = conn.execute(query).all()
        if not rows:
            return
        for row in rows:
            yield row.doc_id, json.loads(row.minhash)
        after = rows[-1].seq


def event_conditions(
    *,
    type: str | None = None,
    dyad: tuple[str, str] | None = None,
    modality: str | None = None,
) -> list[ColumnElement[bool]]:
    """Conditions on `events` rows: PLOVER type, unordered country pair, modality."""
    V = schema.events
    conditions: list[ColumnElement[bool]] = []
    if type:
        conditions.append(V.c.type == type.strip().upper())
    if dyad:
        a, b = (code.strip().upper() for code in dyad)
        conditions.append(
            or_(
                and_(V.c.source_country == a, V.c.target_country == b),
                and_(V.c.source_country == b, V.c.target_country == a),
            )
        )
    if modality:
        conditions.append(V.c.modality == modality.strip().lower())
    return conditions


def quote_conditions(
    *, speaker: str | None = None, about: str | None = None
) -> list[ColumnElement[bool]]:
    """Conditions on `quotes` rows: a substring of the speaker and of the content.

    `speaker` matches the speaker's name (or the mention's text when it did not resolve),
    `about` the content; both ignore case.
    """
    Q = schema.quotes
    conditions: list[ColumnElement[bool]] = []
    if speaker:
        pattern = f"%{_escape_like(speaker.strip())}%"
        conditions.append(
            or_(
                Q.c.speaker_name.ilike(pattern, escape="\\"),
                and_(Q.c.speaker_name.is_(None), Q.c.speaker_text.ilike(pattern, escape="\\")),
            )
        )
    if about:
        conditions.append(Q.c.content.ilike(f"%{_escape_like(about.strip())}%", escape="\\"))
    return conditions


def _ordering(*extra: Any) -> list[Any]:
    return [D.c.published.is_(None), D.c.published, D.c.seq, *extra]


def query_events(
    conn: Connection,
    *,
    type: str | None = None,
    dyad: tuple[str, str] | None = None,
    modality: str | None = None,
    name: str | None = None,
    limit: int | None = None,
) -> list[EventRow]:
    """Events with their documents, oldest publication first; filters combine with AND.

    `dyad` is an unordered pair of country codes ("RUS", "IRN"): it matches events from
    either to the other, which is what people mean by "the Russia-Iran dyad".
    """
    V = schema.events
    conditions = event_conditions(type=type, dyad=dyad, modality=modality)
    if name:
        conditions.append(D.c.name == name)
    query = (
        select(V, D.c.name, D.c.outlet, D.c.published)
        .join(D, D.c.doc_id == V.c.doc_id)
        .where(*conditions)
        .order_by(*_ordering(V.c.position))
    )
    if limit is not None:
        query = query.limit(limit)
    return [
        EventRow(
            doc_id=r.doc_id,
            doc_name=r.name,
            outlet=r.outlet,
            published=r.published,
            event_id=r.event_id,
            type=r.type,
            modality=r.modality,
            source_country=r.source_country,
            source_name=r.source_name,
            target_country=r.target_country,
            target_name=r.target_name,
            date=r.date_value,
            location=r.location,
            evidence=r.sentence,
            confidence=r.confidence,
        )
        for r in conn.execute(query)
    ]


def query_quotes(
    conn: Connection,
    *,
    speaker: str | None = None,
    about: str | None = None,
    limit: int | None = None,
) -> list[QuoteRow]:
    """Quotes with their documents, oldest publication first.

    `speaker` is a case-insensitive substring of the speaker's name (or of the mention's
    text when it did not resolve); `about` a case-insensitive substring of the content.
    """
    Q = schema.quotes
    conditions = quote_conditions(speaker=speaker, about=about)
    query = (
        select(Q, D.c.name, D.c.outlet, D.c.published)
        .join(D, D.c.doc_id == Q.c.doc_id)
        .where(*conditions)
        .order_by(*_ordering(Q.c.position))
    )
    if limit is not None:
        query = query.limit(limit)
    return [
        QuoteRow(
            doc_id=r.doc_id,
            speaker_name=r.speaker_name or r.speaker_text,
            speaker_country=r.speaker_country,
            direct=bool(r.direct),
            cue=r.cue,
            content=r.content,
            doc_name=r.name,
            outlet=r.outlet,
            published=r.published,
            evidence=r.sentence,
        )
        for r in conn.execute(query)
    ]
