"""Between a `Document` and its rows: the one place that knows how a document is laid out.

The document's metadata and text go in columns, its removed lines in their own table,
everything extracted from it in a JSON payload (the shape of `Document.to_dict()`), and
its events and quotes once more as flat rows for querying.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from dyad.model import Document, Quote, SentenceRef

# Document fields kept in their own columns (or, for `removed`, their own table); every
# other field, including any added to the model later, goes into the JSON payload.
COLUMN_KEYS = (
    "doc_id",
    "name",
    "text",
    "source",
    "url",
    "outlet",
    "title",
    "published",
    "author",
    "language",
    "duplicate_of",
)
NOT_IN_PAYLOAD = frozenset((*COLUMN_KEYS, "removed"))


def dumps(value: Any) -> str:
    """JSON text as the store keeps it (compact, non-ASCII kept readable)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def payload(document: Document) -> str:
    """The extracted items of a document as JSON text."""
    data = document.to_dict()
    return dumps({key: value for key, value in data.items() if key not in NOT_IN_PAYLOAD})


def document_row(document: Document, run_id: int | None, created: str) -> dict[str, Any]:
    """The `documents` row of a document."""
    return {
        "doc_id": document.doc_id,
        "name": document.name,
        "source": document.source,
        "url": document.url,
        "outlet": document.outlet,
        "title": document.title,
        "published": document.published,
        "author": document.author,
        "language": document.language,
        "duplicate_of": document.duplicate_of,
        "chars": len(document.text),
        "text": document.text,
        "payload": payload(document),
        "run_id": run_id,
        "created": created,
    }


def removed_rows(document: Document) -> list[dict[str, Any]]:
    """The `removed_lines` rows of a document, in their order."""
    return [
        {
            "doc_id": document.doc_id,
            "position": position,
            "line": removed.line,
            "reason": removed.reason,
            "line_index": removed.index,
        }
        for position, removed in enumerate(document.removed)
    ]


def event_rows(document: Document) -> list[dict[str, Any]]:
    """The `events` rows of a document: the fields people filter and show."""
    rows = []
    for position, event in enumerate(document.events):
        source, target, date = event.source, event.target, event.date
        rows.append(
            {
                "doc_id": document.doc_id,
                "position": position,
                "event_id": event.id,
                "type": event.type,
                "quad": event.quad,
                "modality": event.modality,
                "intensity": event.intensity,
                "confidence": event.confidence,
                "source_country": source.country if source else None,
                "source_name": source.name if source else None,
                "target_country": target.country if target else None,
                "target_name": target.name if target else None,
                "date_value": date.value if date else None,
                "date_precision": date.precision if date else None,
                "location": event.location.name if event.location else None,
                "trigger": event.trigger.text,
                "sentence": document.text[event.sentence.start : event.sentence.end],
            }
        )
    return rows


def quote_sentence_ref(document: Document, quote: Quote) -> SentenceRef | None:
    """The sentence a quote sits in: its own reference, else the one holding its start."""
    if quote.sentence is not None:
        return quote.sentence
    start = quote.content.start
    return next((s for s in document.sentences if s.start <= start < s.end), None)


def _quote_sentence(document: Document, quote: Quote) -> str | None:
    ref = quote_sentence_ref(document, quote)
    return document.text[ref.start : ref.end] if ref is not None else None


def quote_rows(document: Document) -> list[dict[str, Any]]:
    """The `quotes` rows of a document."""
    return [
        {
            "doc_id": document.doc_id,
            "position": position,
            "speaker_text": quote.speaker.text,
            "speaker_name": quote.speaker.name,
            "speaker_country": quote.speaker.country,
            "direct": quote.direct,
            "cue": quote.cue,
            "content": quote.content.text,
            "sentence": _quote_sentence(document, quote),
        }
        for position, quote in enumerate(document.quotes)
    ]


def document_from_row(row: Mapping[str, Any], removed: Sequence[Mapping[str, Any]]) -> Document:
    """Rebuild a Document from its `documents` row and its `removed_lines` rows."""
    data: dict[str, Any] = json.loads(row["payload"])
    data.update({key: row[key] for key in COLUMN_KEYS})
    data["removed"] = [
        {"line": r["line"], "reason": r["reason"], "index": r["line_index"]}
        for r in sorted(removed, key=lambda r: r["position"])
    ]
    return Document.from_dict(data)


@dataclass(frozen=True)
class DocumentRows:
    """Every row one document adds to the store."""

    document: dict[str, Any]
    removed: list[dict[str, Any]]
    events: list[dict[str, Any]]
    quotes: list[dict[str, Any]]

    @property
    def doc_id(self) -> str:
        return str(self.document["doc_id"])

    @property
    def name(self) -> str:
        return str(self.document["name"])

    @property
    def source(self) -> str:
        return str(self.document["source"])

    def stamped(self, run_id: int | None, created: str) -> DocumentRows:
        """These rows as written by run `run_id` at `created` (rows built by a worker,
        before the run and the time of writing were known)."""
        return replace(self, document={**self.document, "run_id": run_id, "created": created})

    def nul_column(self) -> str | None:
        """The first column holding a NUL character (PostgreSQL text refuses it), or None.

        The JSON payload escapes NUL, so only plain text columns can hold one.
        """
        tables = (("documents", [self.document]), ("removed_lines", self.removed))
        for table, rows in (*tables, ("events", self.events), ("quotes", self.quotes)):
            for row in rows:
                for column, value in row.items():
                    if isinstance(value, str) and "\x00" in value:
                        return f"{table}.{column}"
        return None


def document_rows(document: Document, run_id: int | None, created: str) -> DocumentRows:
    """All rows of a document, built once so they can be checked before writing."""
    return DocumentRows(
        document=document_row(document, run_id, created),
        removed=removed_rows(document),
        events=event_rows(document),
        quotes=quote_rows(document),
    )
