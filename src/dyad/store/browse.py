"""Reads for people browsing a store (the explorer, `dyad.web`): a page at a time.

`BrowseTables` is reached as `Store.browse`. Full-text search runs on SQLite's FTS5 tables
or PostgreSQL's `to_tsvector` indexes (both made by migration 0004, `store/fulltext.py`);
the words of a query are matched as words (all of them, any order), never as query syntax,
so no input can make a search fail.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, func, or_, select, text

from dyad.errors import QueryError
from dyad.store import queries, schema
from dyad.store.fulltext import PG_DOCUMENT_VECTOR, PG_QUOTE_VECTOR

D = schema.documents
E = schema.events
Q = schema.quotes
F = schema.facts
_WORD = re.compile(r"\w+", re.UNICODE)
#: Around each matched word of a snippet (control characters no text of ours holds).
MATCH_START, MATCH_END = "\x02", "\x03"
MAX_QUERY_WORDS = 12


@dataclass(frozen=True)
class Page:
    """One page of a list: its rows and the total the list holds."""

    rows: list[dict[str, Any]]
    total: int


def query_words(q: str) -> list[str]:
    """The words a search looks for.

    Raises:
        QueryError: no word in `q`, or more than MAX_QUERY_WORDS.
    """
    words = _WORD.findall(q or "")
    if not words:
        raise QueryError("a search needs at least one word: /search?q=Araghchi")
    if len(words) > MAX_QUERY_WORDS:
        raise QueryError(f"a search takes at most {MAX_QUERY_WORDS} words; got {len(words)}")
    return words


class BrowseTables:
    """Paged reads and full-text search over one engine."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def documents(self, limit: int, offset: int) -> Page:
        """Stored documents, latest publication first (undated last)."""
        query = (
            select(D.c.doc_id, D.c.name, D.c.outlet, D.c.title, D.c.published, D.c.chars)
            .order_by(D.c.published.desc().nulls_last(), D.c.name)
            .limit(limit)
            .offset(offset)
        )
        with self._engine.connect() as conn:
            rows = [dict(r) for r in conn.execute(query).mappings()]
            total = conn.execute(select(func.count()).select_from(D)).scalar_one()
        return Page(rows, int(total))

    def dyads(self, limit: int) -> list[dict[str, Any]]:
        """The country pairs with the most facts (either order counts as one pair)."""
        query = (
            select(
                F.c.source_country.label("a"),
                F.c.target_country.label("b"),
                func.count().label("facts"),
            )
            .where(F.c.source_country.is_not(None), F.c.target_country.is_not(None))
            .where(F.c.source_country != F.c.target_country)
            .group_by(F.c.source_country, F.c.target_country)
        )
        counts: dict[tuple[str, str], int] = {}
        with self._engine.connect() as conn:
            for row in conn.execute(query):
                pair = tuple(sorted((row.a, row.b)))
                counts[(pair[0], pair[1])] = counts.get((pair[0], pair[1]), 0) + row.facts
        ranked = sorted(counts.items(), key=lambda x: (-x[1], x[0]))[:limit]
        return [{"a": a, "b": b, "facts": n} for (a, b), n in ranked]

    def actor_events(self, name: str, limit: int, offset: int) -> Page:
        """Events with this actor (exact name) as source or target, latest first."""
        where = or_(E.c.source_name == name, E.c.target_name == name)
        query = (
            select(
                E.c.event_id,
                E.c.type,
                E.c.modality,
                E.c.source_name,
                E.c.source_country,
                E.c.target_name,
                E.c.target_country,
                E.c.date_value,
                E.c.date_precision,
                E.c.location,
                E.c.sentence,
                D.c.name.label("document"),
                D.c.outlet,
                D.c.published,
            )
            .join(D, D.c.doc_id == E.c.doc_id)
            .where(where)
            .order_by(E.c.date_value.desc().nulls_last(), D.c.name, E.c.position)
            .limit(limit)
            .offset(offset)
        )
        with self._engine.connect() as conn:
            rows = [dict(r) for r in conn.execute(query).mappings()]
            total = conn.execute(select(func.count()).select_from(E).where(where)).scalar_one()
        for row in rows:
            row["role"] = "source" if row["source_name"] == name else "target"
        return Page(rows, int(total))

    def actor_quotes(self, name: str, limit: int, offset: int) -> Page:
        """Quotes whose speaker is this actor (exact name), latest publication first."""
        query = (
            select(
                Q.c.speaker_name,
                Q.c.speaker_text,
                Q.c.direct,
                Q.c.cue,
                Q.c.content,
                D.c.name.label("document"),
                D.c.outlet,
                D.c.published,
            )
            .join(D, D.c.doc_id == Q.c.doc_id)
            .where(Q.c.speaker_name == name)
            .order_by(D.c.published.desc().nulls_last(), D.c.name, Q.c.position)
            .limit(limit)
            .offset(offset)
        )
        count = select(func.count()).select_from(Q).where(Q.c.speaker_name == name)
        with self._engine.connect() as conn:
            rows = [dict(r) for r in conn.execute(query).mappings()]
            total = conn.execute(count).scalar_one()
        return Page(rows, int(total))

    def search(self, q: str, what: str, limit: int, offset: int) -> Page:
        """Full-text search over documents, quotes or facts (names and types).

        Documents and quotes come best match first, each with a snippet whose matched
        words sit between MATCH_START and MATCH_END.

        Raises:
            QueryError: a query without words, or `what` not documents, quotes or facts.
        """
        words = query_words(q)
        if what == "facts":
            return self._search_facts(words, limit, offset)
        if what not in ("documents", "quotes"):
            raise QueryError(f"search covers documents, quotes or facts; got {what!r}")
        with self._engine.connect() as conn:
            postgres = conn.dialect.name == "postgresql"
            sql = _PG[what] if postgres else _SQLITE[what]
            params: dict[str, Any] = {"limit": limit, "offset": offset}
            if postgres:
                params["q"] = " ".join(words)
            else:
                params["q"] = " ".join('"' + w.replace('"', "") + '"' for w in words)
            rows = [dict(r) for r in conn.execute(text(sql[0]), params).mappings()]
            total = conn.execute(text(sql[1]), params).scalar_one()
        return Page(rows, int(total))

    def _search_facts(self, words: list[str], limit: int, offset: int) -> Page:
        conditions = []
        for word in words:
            like = "%" + queries._escape_like(word) + "%"
            conditions.append(
                or_(
                    F.c.source_name.ilike(like, escape="\\"),
                    F.c.target_name.ilike(like, escape="\\"),
                    F.c.source_country.ilike(like, escape="\\"),
                    F.c.target_country.ilike(like, escape="\\"),
                    F.c.type.ilike(like, escape="\\"),
                )
            )
        query = select(F.c.fact_id).where(*conditions)
        with self._engine.connect() as conn:
            total = conn.execute(select(func.count()).select_from(query.subquery())).scalar_one()
            ids = conn.execute(
                query.order_by(F.c.date_value.desc().nulls_last(), F.c.fact_id)
                .limit(limit)
                .offset(offset)
            ).scalars()
            return Page([{"fact_id": i} for i in ids], int(total))


_SNIP = f"'{MATCH_START}', '{MATCH_END}', '…', 16"
_SQLITE = {
    "documents": (
        "SELECT d.name, d.title, d.outlet, d.published, "
        f"snippet(documents_fts, 1, {_SNIP}) AS snippet "
        "FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid "
        "WHERE documents_fts MATCH :q ORDER BY bm25(documents_fts), d.name "
        "LIMIT :limit OFFSET :offset",
        "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH :q",
    ),
    "quotes": (
        "SELECT q.speaker_name, q.speaker_text, q.direct, d.name AS document, d.outlet, "
        f"d.published, snippet(quotes_fts, 1, {_SNIP}) AS snippet "
        "FROM quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid "
        "JOIN documents d ON d.doc_id = q.doc_id "
        "WHERE quotes_fts MATCH :q ORDER BY bm25(quotes_fts), d.name, q.position "
        "LIMIT :limit OFFSET :offset",
        "SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH :q",
    ),
}
_HEADLINE = f"'StartSel={MATCH_START}, StopSel={MATCH_END}, MaxWords=30, MinWords=10'"
_PG = {
    "documents": (
        "SELECT name, title, outlet, published, "
        f"ts_headline('english', text, plainto_tsquery('english', :q), {_HEADLINE}) AS snippet "
        f"FROM documents WHERE {PG_DOCUMENT_VECTOR} @@ plainto_tsquery('english', :q) "
        f"ORDER BY ts_rank({PG_DOCUMENT_VECTOR}, plainto_tsquery('english', :q)) DESC, name "
        "LIMIT :limit OFFSET :offset",
        f"SELECT count(*) FROM documents "
        f"WHERE {PG_DOCUMENT_VECTOR} @@ plainto_tsquery('english', :q)",
    ),
    "quotes": (
        "SELECT speaker_name, speaker_text, direct, d.name AS document, d.outlet, "
        "d.published, ts_headline('english', content, plainto_tsquery('english', :q), "
        f"{_HEADLINE}) AS snippet "
        "FROM quotes JOIN documents d ON d.doc_id = quotes.doc_id "
        f"WHERE {PG_QUOTE_VECTOR} @@ plainto_tsquery('english', :q) "
        "ORDER BY d.name, quotes.position LIMIT :limit OFFSET :offset",
        f"SELECT count(*) FROM quotes WHERE {PG_QUOTE_VECTOR} @@ plainto_tsquery('english', :q)",
    ),
}
