"""The full-text search indexes' DDL (migration 0004), one list per backend.

SQLite: FTS5 tables with external content (the rows stay in `documents` and `quotes`;
the index holds only tokens), filled from what is stored and kept current by triggers, so
no write path has to know about them. PostgreSQL: expression GIN indexes on the English
`to_tsvector` of the same text, which `dyad.store.browse.search` queries with the same
expressions.
"""

from __future__ import annotations

#: The expressions PostgreSQL's indexes are built on (queries must repeat them exactly).
PG_DOCUMENT_VECTOR = "to_tsvector('english', coalesce(title, '') || ' ' || text)"
PG_QUOTE_VECTOR = "to_tsvector('english', coalesce(speaker_name, '') || ' ' || content)"

FTS_SQLITE = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5("
    "title, text, content='documents', content_rowid='seq')",
    "CREATE TRIGGER IF NOT EXISTS documents_fts_insert AFTER INSERT ON documents BEGIN "
    "INSERT INTO documents_fts(rowid, title, text) VALUES (new.seq, new.title, new.text); END",
    "CREATE TRIGGER IF NOT EXISTS documents_fts_delete AFTER DELETE ON documents BEGIN "
    "INSERT INTO documents_fts(documents_fts, rowid, title, text) "
    "VALUES ('delete', old.seq, old.title, old.text); END",
    "CREATE TRIGGER IF NOT EXISTS documents_fts_update AFTER UPDATE OF title, text "
    "ON documents BEGIN "
    "INSERT INTO documents_fts(documents_fts, rowid, title, text) "
    "VALUES ('delete', old.seq, old.title, old.text); "
    "INSERT INTO documents_fts(rowid, title, text) VALUES (new.seq, new.title, new.text); END",
    "INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')",
    "CREATE VIRTUAL TABLE IF NOT EXISTS quotes_fts USING fts5("
    "speaker_name, content, content='quotes', content_rowid='id')",
    "CREATE TRIGGER IF NOT EXISTS quotes_fts_insert AFTER INSERT ON quotes BEGIN "
    "INSERT INTO quotes_fts(rowid, speaker_name, content) "
    "VALUES (new.id, new.speaker_name, new.content); END",
    "CREATE TRIGGER IF NOT EXISTS quotes_fts_delete AFTER DELETE ON quotes BEGIN "
    "INSERT INTO quotes_fts(quotes_fts, rowid, speaker_name, content) "
    "VALUES ('delete', old.id, old.speaker_name, old.content); END",
    "CREATE TRIGGER IF NOT EXISTS quotes_fts_update AFTER UPDATE OF speaker_name, content "
    "ON quotes BEGIN "
    "INSERT INTO quotes_fts(quotes_fts, rowid, speaker_name, content) "
    "VALUES ('delete', old.id, old.speaker_name, old.content); "
    "INSERT INTO quotes_fts(rowid, speaker_name, content) "
    "VALUES (new.id, new.speaker_name, new.content); END",
    "INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild')",
)

FTS_POSTGRES = (
    f"CREATE INDEX IF NOT EXISTS ix_documents_fts ON documents USING GIN ({PG_DOCUMENT_VECTOR})",
    f"CREATE INDEX IF NOT EXISTS ix_quotes_fts ON quotes USING GIN ({PG_QUOTE_VECTOR})",
)
