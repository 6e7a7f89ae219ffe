"""The store's side of linking: profiles, stories, facts, origins and contradictions.

`LinkTables` is reached as `Store.links`. Reads return plain rows (`store.rows`); the one
write, `replace_stories`, swaps the stories a linking step recomputed for their new
versions in one transaction, so an interrupted link leaves the old stories intact.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, Select, and_, delete, func, or_, select

from dyad.model import Document
from dyad.store import queries, schema
from dyad.store.queries import chunks

D = schema.documents
P = schema.link_profiles
K = schema.link_keys
S = schema.stories
SD = schema.story_documents
F = schema.facts
FM = schema.fact_mentions
C = schema.contradictions


@dataclass
class StoryRows:
    """Everything one recomputed story writes."""

    story: dict[str, Any]
    members: list[dict[str, Any]]  # story_documents rows
    facts: list[dict[str, Any]] = field(default_factory=list)
    mentions: list[dict[str, Any]] = field(default_factory=list)
    contradictions: list[dict[str, Any]] = field(default_factory=list)


class LinkTables:
    """Reads and writes of the linking tables over one engine."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    # --- profiles ----------------------------------------------------------------------

    def unlinked(self) -> list[str]:
        """Doc ids stored but not linked yet, by publication date (undated last), then in
        ingest order: linked in batches, an archive read in any order still puts one
        story's documents in few batches, so each story is recomputed a few times, not
        once per batch."""
        query = (
            select(D.c.doc_id)
            .outerjoin(P, P.c.doc_id == D.c.doc_id)
            .where(P.c.doc_id.is_(None))
            .order_by(D.c.published.is_(None), D.c.published, D.c.seq)
        )
        with self._engine.connect() as conn:
            return list(conn.execute(query).scalars())

    def documents(self, doc_ids: Iterable[str]) -> list[Document]:
        """Full stored documents for these ids (any order)."""
        out: list[Document] = []
        with self._engine.connect() as conn:
            for part in chunks(sorted(set(doc_ids))):
                rows = conn.execute(select(D).where(D.c.doc_id.in_(part))).all()
                out += queries.load_documents(conn, rows, with_removed=False)
        return out

    def save_profiles(self, profiles: Sequence[tuple[str, str | None, str, list[str]]]) -> None:
        """Store (doc_id, anchor, profile JSON, blocking keys) of newly linked documents."""
        if not profiles:
            return
        with self._engine.begin() as conn:
            ids = [p[0] for p in profiles]
            for part in chunks(ids):
                conn.execute(delete(K).where(K.c.doc_id.in_(part)))
                conn.execute(delete(P).where(P.c.doc_id.in_(part)))
            conn.execute(
                P.insert(), [{"doc_id": d, "anchor": a, "profile": p} for d, a, p, _ in profiles]
            )
            keys = [{"doc_id": d, "key": k} for d, _, _, ks in profiles for k in ks]
            if keys:
                conn.execute(K.insert(), keys)

    def profiles(self, doc_ids: Iterable[str]) -> dict[str, str]:
        """doc_id -> profile JSON."""
        out: dict[str, str] = {}
        with self._engine.connect() as conn:
            for part in chunks(sorted(set(doc_ids))):
                query = select(P.c.doc_id, P.c.profile).where(P.c.doc_id.in_(part))
                out.update({row.doc_id: row.profile for row in conn.execute(query)})
        return out

    def candidates(self, anchor: str | None, keys: Sequence[str], window: int) -> set[str]:
        """Linked documents that could share a story with a document of this anchor and keys.

        Dated documents within `window` days of the anchor; any document sharing a key
        (names, dyads), for documents without a date on either side.
        """
        found: set[str] = set()
        with self._engine.connect() as conn:
            if anchor is not None:
                day = date.fromisoformat(anchor)
                low = (day - timedelta(days=window)).isoformat()
                high = (day + timedelta(days=window)).isoformat()
                query = select(P.c.doc_id).where(P.c.anchor.between(low, high))
                found.update(conn.execute(query).scalars())
            for part in chunks(sorted(set(keys))):
                query = (
                    select(K.c.doc_id).join(P, P.c.doc_id == K.c.doc_id).where(K.c.key.in_(part))
                )
                if anchor is not None:
                    query = query.where(P.c.anchor.is_(None))
                found.update(conn.execute(query).scalars())
        return found

    # --- stories -----------------------------------------------------------------------

    def stories_of(self, doc_ids: Iterable[str]) -> set[str]:
        """The story ids these documents belong to now."""
        out: set[str] = set()
        with self._engine.connect() as conn:
            for part in chunks(sorted(set(doc_ids))):
                query = select(SD.c.story_id).where(SD.c.doc_id.in_(part))
                out.update(conn.execute(query).scalars())
        return out

    def members(self, story_ids: Iterable[str]) -> set[str]:
        """Every document of these stories."""
        out: set[str] = set()
        with self._engine.connect() as conn:
            for part in chunks(sorted(set(story_ids))):
                query = select(SD.c.doc_id).where(SD.c.story_id.in_(part))
                out.update(conn.execute(query).scalars())
        return out

    def replace_stories(self, old: Iterable[str], new: Sequence[StoryRows]) -> None:
        """Swap the stories `old` (and everything they hold) for `new`, in one transaction."""
        old_ids = sorted(set(old))
        with self._engine.begin() as conn:
            for part in chunks(old_ids):
                fact_ids = select(F.c.fact_id).where(F.c.story_id.in_(part))
                conn.execute(delete(FM).where(FM.c.fact_id.in_(fact_ids)))
                for table in (C, F, SD, S):
                    conn.execute(delete(table).where(table.c.story_id.in_(part)))
            for table, key in (
                (S, "story"),
                (SD, "members"),
                (F, "facts"),
                (FM, "mentions"),
                (C, "contradictions"),
            ):
                rows = [
                    r
                    for story in new
                    for r in ([story.story] if key == "story" else getattr(story, key))
                ]
                if rows:
                    conn.execute(table.insert(), rows)

    def clear(self) -> None:
        """Forget every link (after re-annotation the profiles are stale)."""
        with self._engine.begin() as conn:
            for table in (FM, C, F, SD, S, K, P):
                conn.execute(delete(table))

    # --- reads for people ------------------------------------------------------------

    def stories(self) -> list[dict[str, Any]]:
        """Every story, latest first."""
        query = select(S).order_by(S.c.start.desc().nulls_last(), S.c.story_id)
        with self._engine.connect() as conn:
            return [_story(dict(r)) for r in conn.execute(query).mappings()]

    def story(self, story_id: str) -> dict[str, Any] | None:
        """One story by id or unique id prefix, with its document names."""
        with self._engine.connect() as conn:
            rows = (
                conn.execute(
                    select(S).where(
                        S.c.story_id.like(queries._escape_like(story_id) + "%", escape="\\")
                    )
                )
                .mappings()
                .all()
            )
            if len(rows) != 1:
                return None
            out = _story(dict(rows[0]))
            names = (
                conn.execute(
                    select(D.c.name, D.c.doc_id, D.c.outlet, D.c.published, SD.c.origin)
                    .join(SD, SD.c.doc_id == D.c.doc_id)
                    .where(SD.c.story_id == out["story_id"])
                    .order_by(D.c.published, D.c.name)
                )
                .mappings()
                .all()
            )
            out["documents"] = [dict(n) for n in names]
            return out

    def facts(
        self,
        *,
        story_id: str | None = None,
        dyad: tuple[str, str] | None = None,
        status: str | None = None,
        since: str | None = None,
        until: str | None = None,
        type: str | None = None,
        fact_ids: Collection[str] | None = None,
    ) -> list[dict[str, Any]]:
        """Facts by date, each with its mentions (document names) and contradictions;
        `fact_ids` keeps only those facts."""
        query = _fact_query(story_id, dyad, status, since, until, type)
        if fact_ids is not None:
            query = query.where(F.c.fact_id.in_(sorted(fact_ids)))
        query = query.order_by(F.c.date_value.nulls_last(), F.c.type, F.c.fact_id)
        with self._engine.connect() as conn:
            facts = [dict(r) for r in conn.execute(query).mappings()]
            return _with_details(conn, facts)

    def iter_facts(
        self,
        *,
        dyad: tuple[str, str] | None = None,
        status: str | None = None,
        since: str | None = None,
        until: str | None = None,
        type: str | None = None,
        page: int = 500,
    ) -> Iterator[dict[str, Any]]:
        """Facts as `facts` gives them, in fact-id order, read a page at a time (exports)."""
        last = ""
        while True:
            query = _fact_query(None, dyad, status, since, until, type)
            query = query.where(F.c.fact_id > last).order_by(F.c.fact_id).limit(page)
            with self._engine.connect() as conn:
                facts = [dict(r) for r in conn.execute(query).mappings()]
                if not facts:
                    return
                yield from _with_details(conn, facts)
            last = facts[-1]["fact_id"]

    def iter_stories(self, page: int = 500) -> Iterator[dict[str, Any]]:
        """Every story with its document names, in story-id order, a page at a time."""
        last = ""
        while True:
            query = select(S).where(S.c.story_id > last).order_by(S.c.story_id).limit(page)
            with self._engine.connect() as conn:
                stories = [_story(dict(r)) for r in conn.execute(query).mappings()]
                if not stories:
                    return
                members: dict[str, list[str]] = {s["story_id"]: [] for s in stories}
                rows = conn.execute(
                    select(SD.c.story_id, D.c.name)
                    .join(D, D.c.doc_id == SD.c.doc_id)
                    .where(SD.c.story_id.in_(list(members)))
                    .order_by(D.c.published, D.c.name)
                )
                for row in rows:
                    members[row.story_id].append(row.name)
            for story in stories:
                story["document_names"] = members[story["story_id"]]
                yield story
            last = stories[-1]["story_id"]

    def fact_ids(self, doc_ids: Iterable[str]) -> dict[tuple[str, str], str]:
        """(doc_id, event_id) -> fact_id for the events of these documents."""
        out: dict[tuple[str, str], str] = {}
        with self._engine.connect() as conn:
            for part in chunks(sorted(set(doc_ids))):
                query = select(FM.c.doc_id, FM.c.event_id, FM.c.fact_id).where(
                    FM.c.doc_id.in_(part)
                )
                out.update({(r.doc_id, r.event_id): r.fact_id for r in conn.execute(query)})
        return out

    def contradictions(self, story_id: str) -> list[dict[str, Any]]:
        """Every contradiction of a story, about a fact or not."""
        with self._engine.connect() as conn:
            rows = conn.execute(
                select(C).where(C.c.story_id == story_id).order_by(C.c.id)
            ).mappings()
            return [_conflict(dict(r)) for r in rows]


def _fact_query(
    story_id: str | None,
    dyad: tuple[str, str] | None,
    status: str | None,
    since: str | None,
    until: str | None,
    type_: str | None,
) -> Select[Any]:
    """The facts the filters select; a fact counts by its date (a month or year that
    overlaps the range counts), and an undated one only when no range is given."""
    query = select(F)
    if story_id is not None:
        query = query.where(F.c.story_id == story_id)
    if dyad is not None:
        a, b = dyad
        query = query.where(
            or_(
                and_(F.c.source_country == a, F.c.target_country == b),
                and_(F.c.source_country == b, F.c.target_country == a),
            )
        )
    if status is not None:
        query = query.where(F.c.status == status)
    if type_ is not None:
        query = query.where(F.c.type == type_)
    if since is not None:
        query = query.where(F.c.date_value >= func.substr(since, 1, func.length(F.c.date_value)))
    if until is not None:
        query = query.where(func.substr(F.c.date_value, 1, len(until)) <= until)
    return query


def _with_details(conn: Connection, facts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The facts with their mentions (with document names) and contradictions."""
    ids = [f["fact_id"] for f in facts]
    mentions: dict[str, list[dict[str, Any]]] = {i: [] for i in ids}
    conflicts: dict[str, list[dict[str, Any]]] = {i: [] for i in ids}
    for part in chunks(ids):
        rows = conn.execute(
            select(FM, D.c.name)
            .join(D, D.c.doc_id == FM.c.doc_id)
            .where(FM.c.fact_id.in_(part))
            .order_by(D.c.name, FM.c.sentence_start)
        ).mappings()
        for row in rows:
            mentions[row["fact_id"]].append(dict(row))
        query = select(C).where(C.c.fact_id.in_(part)).order_by(C.c.id)
        for row in conn.execute(query).mappings():
            conflicts[row["fact_id"]].append(_conflict(dict(row)))
    for f in facts:
        f["origins"] = json.loads(f["origins"])
        f["mentions"] = mentions[f["fact_id"]]
        f["conflicts"] = conflicts[f["fact_id"]]
    return facts


def _story(row: dict[str, Any]) -> dict[str, Any]:
    row["outlets"] = json.loads(row["outlets"])
    return row


def _conflict(row: dict[str, Any]) -> dict[str, Any]:
    payload = json.loads(row.pop("payload"))
    row.update(payload)
    return row
