"""The flat records the store's read methods return (what a table or a page shows)."""

from __future__ import annotations

from dataclasses import dataclass

from dyad.model import Document


@dataclass(frozen=True)
class DocumentSummary:
    """One line of `dyad list`: a stored document without its text."""

    doc_id: str
    name: str
    outlet: str | None
    published: str | None
    language: str | None
    chars: int
    removed: int
    duplicate_of: str | None
    source: str
    events: int
    quotes: int


@dataclass(frozen=True)
class StoredError:
    """An input that could not be ingested, as recorded by a run."""

    name: str
    source: str
    stage: str
    cause: str
    run_id: int | None
    created: str


@dataclass(frozen=True)
class RunInfo:
    """One recorded command run, with the counts it finished with (None if it died)."""

    id: int
    command: str
    arguments: dict[str, object]
    counts: dict[str, int] | None
    started: str
    finished: str | None


@dataclass(frozen=True)
class EventRow:
    """One coded event with its document and the sentence that states it."""

    doc_id: str
    doc_name: str
    outlet: str | None
    published: str | None
    event_id: str
    type: str
    modality: str
    source_country: str | None
    source_name: str | None
    target_country: str | None
    target_name: str | None
    date: str | None
    location: str | None
    evidence: str  # the sentence that states the event
    confidence: float


@dataclass(frozen=True)
class QuoteRow:
    """One quote with its speaker, document and sentence."""

    doc_id: str
    speaker_name: str  # the resolved name, else the mention's text
    speaker_country: str | None
    direct: bool
    cue: str
    content: str
    doc_name: str
    outlet: str | None
    published: str | None
    evidence: str | None  # the sentence the quote starts in


@dataclass(frozen=True)
class DocumentPage:
    """A page of selected documents, and which of their items the selection names.

    `events` and `quotes` hold (doc_id, position) pairs of the matching items, or None
    when the selection put no condition on them (every item is named).
    """

    documents: list[Document]
    events: set[tuple[str, int]] | None = None
    quotes: set[tuple[str, int]] | None = None

    def has_event(self, doc_id: str, position: int) -> bool:
        return self.events is None or (doc_id, position) in self.events

    def has_quote(self, doc_id: str, position: int) -> bool:
        return self.quotes is None or (doc_id, position) in self.quotes
