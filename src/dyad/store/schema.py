"""The tables of a dyad store, in portable types (SQLite and PostgreSQL alike).

JSON is kept as Text written with `json.dumps`, dates and timestamps as ISO strings, so
the same file reads the same on both backends. The full extracted record of a document
lives in `documents.payload`; `events` and `quotes` repeat the fields people filter on,
so queries need no JSON functions.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

migrations = Table(
    "migrations",
    metadata,
    Column("name", String(200), primary_key=True),
    Column("applied", Text, nullable=False),
)

runs = Table(
    "runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("command", Text, nullable=False),
    Column("arguments", Text, nullable=False),
    Column("counts", Text),
    Column("started", Text, nullable=False),
    Column("finished", Text),
)

documents = Table(
    "documents",
    metadata,
    # seq gives the ingest order; doc_id is the identity (hash of the normalized text).
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", String(64), nullable=False, unique=True),
    Column("name", Text, nullable=False),
    Column("source", Text, nullable=False),
    Column("url", Text),
    Column("outlet", Text),
    Column("title", Text),
    Column("published", Text),
    Column("author", Text),
    Column("language", Text),
    Column("duplicate_of", Text),
    Column("chars", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("payload", Text, nullable=False),
    Column("run_id", Integer),
    Column("created", Text, nullable=False),
    Index("ix_documents_name", "name"),
)

removed_lines = Table(
    "removed_lines",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", String(64), ForeignKey("documents.doc_id"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("line", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("line_index", Integer),
    Index("ix_removed_lines_doc_id", "doc_id"),
)

line_stats = Table(
    "line_stats",
    metadata,
    # outlet "" stands for documents without an outlet (a key column cannot be NULL).
    Column("outlet", Text, primary_key=True),
    Column("line_key", Text, primary_key=True),
    Column("documents", Integer, nullable=False),
)

# Added by migration 0006: each batch asks for an outlet's frequent lines, a range on the
# count, not a scan of every line the outlet ever printed.
line_stats_frequent_index = Index(
    "ix_line_stats_frequent", line_stats.c.outlet, line_stats.c.documents
)

signatures = Table(
    "signatures",
    metadata,
    Column("doc_id", String(64), ForeignKey("documents.doc_id"), primary_key=True),
    Column("minhash", Text, nullable=False),
)

events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", String(64), ForeignKey("documents.doc_id"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("event_id", Text, nullable=False),
    Column("type", Text, nullable=False),
    Column("quad", Text, nullable=False),
    Column("modality", Text, nullable=False),
    Column("intensity", Float, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("source_country", Text),
    Column("source_name", Text),
    Column("target_country", Text),
    Column("target_name", Text),
    Column("date_value", Text),
    Column("date_precision", Text),
    Column("location", Text),
    Column("trigger", Text, nullable=False),
    Column("sentence", Text, nullable=False),
    Index("ix_events_type", "type"),
    Index("ix_events_doc_id", "doc_id"),
)

# Added by migration 0002; declared here so a new store is created with it directly.
events_dyad_index = Index("ix_events_dyad", events.c.source_country, events.c.target_country)

quotes = Table(
    "quotes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", String(64), ForeignKey("documents.doc_id"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("speaker_text", Text, nullable=False),
    Column("speaker_name", Text),
    Column("speaker_country", Text),
    Column("direct", Boolean, nullable=False),
    Column("cue", Text, nullable=False),
    Column("content", Text, nullable=False),
    Column("sentence", Text),
    Index("ix_quotes_speaker_name", "speaker_name"),
    Index("ix_quotes_doc_id", "doc_id"),
)

ingest_errors = Table(
    "ingest_errors",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("run_id", Integer),
    Column("name", Text, nullable=False),
    Column("source", Text, nullable=False),
    Column("stage", Text, nullable=False),
    Column("cause", Text, nullable=False),
    Column("created", Text, nullable=False),
    Index("ix_ingest_errors_run_id", "run_id"),
)

DATA_TABLES = (
    runs,
    documents,
    removed_lines,
    line_stats,
    signatures,
    events,
    quotes,
    ingest_errors,
)

# --- across documents (dyad.link): added by migration 0003 ------------------------------

link_profiles = Table(
    "link_profiles",
    metadata,
    # What linking needs of a document, computed once when it is first linked.
    Column("doc_id", String(64), ForeignKey("documents.doc_id"), primary_key=True),
    Column("anchor", Text),  # the day the document reports on (YYYY-MM-DD), if known
    Column("profile", Text, nullable=False),  # JSON of dyad.link.profile.Profile
)

# Added by migration 0005: candidates of a dated document are looked up by day.
link_profiles_anchor_index = Index("ix_link_profiles_anchor", link_profiles.c.anchor)

link_keys = Table(
    "link_keys",
    metadata,
    # Blocking keys (people, organisations, dyads): candidates share at least one.
    Column("doc_id", String(64), ForeignKey("documents.doc_id"), primary_key=True),
    Column("key", Text, primary_key=True),
    Index("ix_link_keys_key", "key"),
)

stories = Table(
    "stories",
    metadata,
    Column("story_id", String(40), primary_key=True),
    Column("title", Text),
    Column("start", Text),
    Column("end", Text),
    Column("documents", Integer, nullable=False),
    Column("outlets", Text, nullable=False),  # JSON list
    Column("facts", Integer, nullable=False),
    Index("ix_stories_start", "start"),
)

story_documents = Table(
    "story_documents",
    metadata,
    # A document's story and its origin within it (documents of one origin are not
    # independent: the same outlet, a credited agency, or copied sentences).
    Column("doc_id", String(64), ForeignKey("documents.doc_id"), primary_key=True),
    Column("story_id", String(40), nullable=False),
    Column("origin", Text, nullable=False),
    Column("origin_reason", Text, nullable=False),
    Index("ix_story_documents_story_id", "story_id"),
)

facts = Table(
    "facts",
    metadata,
    Column("fact_id", String(40), primary_key=True),
    Column("story_id", String(40), nullable=False),
    Column("type", Text, nullable=False),
    Column("modality", Text, nullable=False),
    Column("source_country", Text),
    Column("source_name", Text),
    Column("target_country", Text),
    Column("target_name", Text),
    Column("date_value", Text),
    Column("date_precision", Text),
    Column("status", Text, nullable=False),
    Column("independent_sources", Integer, nullable=False),
    Column("origins", Text, nullable=False),  # JSON: lists of document names
    Index("ix_facts_story_id", "story_id"),
    Index("ix_facts_dyad", "source_country", "target_country"),
)

fact_mentions = Table(
    "fact_mentions",
    metadata,
    Column("fact_id", String(40), nullable=False),
    # Stores written before event ids carried their document's id need both in the key.
    Column("doc_id", String(64), ForeignKey("documents.doc_id"), primary_key=True),
    Column("event_id", Text, primary_key=True),
    Column("modality", Text, nullable=False),
    Column("sentence_start", Integer, nullable=False),
    Column("sentence_end", Integer, nullable=False),
    Column("trigger_start", Integer, nullable=False),
    Column("trigger_end", Integer, nullable=False),
    Index("ix_fact_mentions_fact_id", "fact_id"),
    Index("ix_fact_mentions_doc_id", "doc_id"),
)

contradictions = Table(
    "contradictions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("story_id", String(40), nullable=False),
    Column("fact_id", String(40)),  # None when the disagreement is not about one fact
    Column("field", Text, nullable=False),
    Column("payload", Text, nullable=False),  # JSON: documents, values, evidence, summary
    Index("ix_contradictions_story_id", "story_id"),
    Index("ix_contradictions_fact_id", "fact_id"),
)

LINK_TABLES = (
    link_profiles,
    link_keys,
    stories,
    story_documents,
    facts,
    fact_mentions,
    contradictions,
)
