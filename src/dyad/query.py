"""The one query layer: filters in, flat records out.

The CLI's list commands, the flat exports (`dyad export --what events ...`) and the Python
API (`dyad.open(...).events()`) all read the store through this module, so a filter means
the same thing everywhere and every one of them shows the same rows with the same columns.

```python
from dyad.query import Filters, iter_events
from dyad.store import EventRow, QuoteRow, Store

with Store("dyad.db") as store:
    for row in iter_events(store, Filters(dyad="RUS-IRN", since="2025-06")):
        print(row.event_date, row.event_type, row.source_name, row.target_name)
```

A record is a flat, frozen dataclass; its fields are the columns of its table, in order,
and their annotations are the columns' types (`columns_of`). Records stream in ingest order,
a page of documents at a time, so a million events never sit in memory at once.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, fields
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, Literal, get_args

from dyad.actors.kbfiles import GROUP_CODES
from dyad.errors import QueryError
from dyad.model import ActorMention, Document, Event, Modality, Quote
from dyad.store import EventRow, QuoteRow, Store
from dyad.store.codec import quote_sentence_ref

#: A column holding an ISO date (YYYY-MM-DD): typed as a date in Parquet and DataFrames.
IsoDate = str

ColumnKind = Literal["string", "date", "int", "float", "bool"]
_KINDS: dict[str, ColumnKind] = {
    "str": "string",
    "IsoDate": "date",
    "int": "int",
    "float": "float",
    "bool": "bool",
}
_MODALITIES = frozenset(get_args(Modality))
#: What a merged fact's sources make of it (dyad.link).
FACT_STATUSES = ("corroborated", "single-source", "contested")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


@dataclass(frozen=True)
class Column:
    """One column of a flat table: its name, its type, whether it may be empty."""

    name: str
    kind: ColumnKind
    nullable: bool


def columns_of(record: type[Any]) -> tuple[Column, ...]:
    """The columns of a record dataclass, read from its fields' annotations."""
    columns = []
    for item in fields(record):
        parts = [p.strip() for p in str(item.type).split("|")]
        base = [p for p in parts if p != "None"]
        if len(base) != 1 or base[0] not in _KINDS:
            raise TypeError(f"{record.__name__}.{item.name}: no column type for {item.type!r}")
        columns.append(Column(item.name, _KINDS[base[0]], "None" in parts))
    return tuple(columns)


# --- records: one flat row per item ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EventRecord:
    """One coded event, POLECAT-like: one row per (source, target) pair, with its evidence.

    `sentence_start`/`sentence_end` are offsets into the document's cleaned text, so
    `text[sentence_start:sentence_end] == sentence`.
    """

    event_id: str
    doc_id: str
    document: str
    outlet: str | None
    url: str | None
    published: IsoDate | None
    event_date: str | None
    date_precision: str | None
    event_type: str
    mode: str | None
    quad_class: str
    intensity: float
    modality: str
    confidence: float
    source_name: str | None
    source_country: str | None
    source_sector: str | None
    target_name: str | None
    target_country: str | None
    target_sector: str | None
    place: str | None
    place_country: str | None
    trigger: str
    sentence: str
    sentence_start: int
    sentence_end: int
    fact_id: str | None = None  # the merged fact the event is a mention of (dyad.link)


@dataclass(frozen=True, slots=True)
class QuoteRecord:
    """One quote with its speaker, its content span and the sentence it starts in."""

    doc_id: str
    document: str
    outlet: str | None
    url: str | None
    published: IsoDate | None
    speaker_text: str
    speaker_name: str | None
    speaker_country: str | None
    speaker_sector: str | None
    direct: bool
    cue: str
    content: str
    content_start: int
    content_end: int
    sentence: str | None
    sentence_start: int | None
    sentence_end: int | None


@dataclass(frozen=True, slots=True)
class ActorRecord:
    """One resolved mention of a person, organisation, state or government."""

    doc_id: str
    document: str
    outlet: str | None
    published: IsoDate | None
    text: str
    start: int
    end: int
    name: str
    kind: str
    country: str | None
    sector: str | None
    role: str | None
    entity_id: str | None
    resolved_by: str


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    """One stored document: its metadata, how much was extracted, and its cleaned text."""

    doc_id: str
    name: str
    source: str
    url: str | None
    outlet: str | None
    title: str | None
    published: IsoDate | None
    author: str | None
    language: str | None
    duplicate_of: str | None
    chars: int
    removed_lines: int
    actors: int
    events: int
    quotes: int
    text: str


def event_record(document: Document, event: Event, fact_id: str | None = None) -> EventRecord:
    """The flat row of one event of a document (with its fact, when linked)."""
    source, target, date_, place = event.source, event.target, event.date, event.location
    sentence = event.sentence
    return EventRecord(
        event_id=event.id,
        doc_id=document.doc_id,
        document=document.name,
        outlet=document.outlet,
        url=document.url,
        published=document.published,
        event_date=date_.value if date_ else None,
        date_precision=date_.precision if date_ and date_.value else None,
        event_type=event.type,
        mode=event.mode,
        quad_class=event.quad,
        intensity=float(event.intensity),
        modality=event.modality,
        confidence=float(event.confidence),
        source_name=source.name if source else None,
        source_country=source.country if source else None,
        source_sector=source.sector if source else None,
        target_name=target.name if target else None,
        target_country=target.country if target else None,
        target_sector=target.sector if target else None,
        place=place.name if place else None,
        place_country=place.country if place else None,
        trigger=event.trigger.text,
        sentence=document.text[sentence.start : sentence.end],
        sentence_start=sentence.start,
        sentence_end=sentence.end,
        fact_id=fact_id,
    )


def quote_record(document: Document, quote: Quote) -> QuoteRecord:
    """The flat row of one quote of a document."""
    speaker, ref = quote.speaker, quote_sentence_ref(document, quote)
    return QuoteRecord(
        doc_id=document.doc_id,
        document=document.name,
        outlet=document.outlet,
        url=document.url,
        published=document.published,
        speaker_text=speaker.text,
        speaker_name=speaker.name,
        speaker_country=speaker.country,
        speaker_sector=speaker.sector,
        direct=bool(quote.direct),
        cue=quote.cue,
        content=quote.content.text,
        content_start=quote.content.start,
        content_end=quote.content.end,
        sentence=document.text[ref.start : ref.end] if ref else None,
        sentence_start=ref.start if ref else None,
        sentence_end=ref.end if ref else None,
    )


def actor_record(document: Document, actor: ActorMention) -> ActorRecord:
    """The flat row of one actor mention of a document."""
    return ActorRecord(
        doc_id=document.doc_id,
        document=document.name,
        outlet=document.outlet,
        published=document.published,
        text=actor.text,
        start=actor.start,
        end=actor.end,
        name=actor.name,
        kind=actor.kind,
        country=actor.country,
        sector=actor.sector,
        role=actor.role,
        entity_id=actor.entity_id,
        resolved_by=actor.how,
    )


def document_record(document: Document) -> DocumentRecord:
    """The flat row of one document."""
    return DocumentRecord(
        doc_id=document.doc_id,
        name=document.name,
        source=document.source,
        url=document.url,
        outlet=document.outlet,
        title=document.title,
        published=document.published,
        author=document.author,
        language=document.language,
        duplicate_of=document.duplicate_of,
        chars=len(document.text),
        removed_lines=len(document.removed),
        actors=len(document.actors),
        events=len(document.events),
        quotes=len(document.quotes),
        text=document.text,
    )


# --- filters ----------------------------------------------------------------------------


def period(value: str) -> tuple[str, str] | None:
    """First and last day (ISO) of a TIMEX-style value: YYYY-MM-DD, YYYY-MM, YYYY, YYYY-Www.

    None when the value is none of these (an unanchored or malformed date).
    """
    week = _WEEK.match(value)
    try:
        if week:
            monday = date.fromisocalendar(int(week[1]), int(week[2]), 1)
            return monday.isoformat(), (monday + timedelta(days=6)).isoformat()
        match = _DATE.match(value)
        if not match:
            return None
        year, month, day = match[1], match[2], match[3]
        if day:
            iso = date(int(year), int(month), int(day)).isoformat()
            return iso, iso
        if month:
            last = calendar.monthrange(int(year), int(month))[1]
            return f"{year}-{month}-01", f"{year}-{month}-{last:02d}"
        return f"{year}-01-01", f"{year}-12-31"
    except ValueError:
        return None


def parse_dyad(value: str | tuple[str, str] | list[str]) -> tuple[str, str]:
    """An unordered country pair from "RUS-IRN" or ("RUS", "IRN"), upper-cased.

    Raises:
        QueryError: not two non-empty codes, or a code the actor knowledge base does not
            know (listing the known ones, and the code of a state named instead).
    """
    parts = value.split("-") if isinstance(value, str) else list(value)
    codes = [str(p).strip().upper() for p in parts]
    if len(codes) != 2 or not all(codes):
        raise QueryError(f"a dyad is two country codes joined by '-', like RUS-IRN; got {value!r}")
    known = country_codes()
    for code in codes:
        if code not in known:
            named = _states_by_name().get(code)
            hint = f" (for {code.title()}, write {named})" if named else ""
            raise QueryError(
                f"unknown country code {code!r} in dyad {value!r}{hint}; a dyad is two "
                "ISO 3166 alpha-3 codes of states the actor knowledge base knows, or IGO, "
                f"NGO, MNC, like RUS-IRN; the codes are: {', '.join(sorted(known))}"
            )
    return codes[0], codes[1]


@lru_cache(maxsize=1)
def event_types() -> frozenset[str]:
    """The PLOVER event types a `type` filter may name."""
    from dyad.events.ontology import PLOVER_TYPES  # imported on use: dyad.events loads spaCy

    return PLOVER_TYPES


@lru_cache(maxsize=1)
def country_codes() -> frozenset[str]:
    """The codes a dyad may name: the states of the actor knowledge base, IGO, NGO, MNC."""
    from dyad.actors.kb import load_kb

    return frozenset(load_kb().states) | GROUP_CODES


@lru_cache(maxsize=1)
def _states_by_name() -> dict[str, str]:
    """Upper-cased state names, aliases and demonyms -> code, to suggest a code."""
    from dyad.actors.kb import load_kb

    names: dict[str, str] = {}
    for state in load_kb().states.values():
        for name in (state.name, *state.aliases, *state.demonyms):
            names.setdefault(name.upper(), state.code)
    return names


def check_limit(limit: int | None) -> int | None:
    """A row limit: None (no limit) or a whole number of rows, 1 or more.

    Raises:
        QueryError: 0, a negative number, or not a whole number.
    """
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 1):
        raise QueryError(
            f"limit is a whole number of rows, 1 or more (leave it out for every row); "
            f"got {limit!r}"
        )
    return limit


def _bound(value: str | date | None, name: str, end: bool) -> str | None:
    if value is None or value == "":
        return None
    text = value.isoformat() if isinstance(value, date) else str(value).strip()
    days = period(text)
    if days is None or _WEEK.match(text):
        raise QueryError(f"{name} takes a date as YYYY-MM-DD, YYYY-MM or YYYY; got {value!r}")
    return days[1] if end else days[0]


#: The filters each kind of row can take, by their `Filters` field names.
EVENT_FILTERS = frozenset({"since", "until", "dyad", "type", "modality", "limit"})


@dataclass(frozen=True)
class Filters:
    """What to select; every filter given must hold (AND). Values are normalised on creation.

    Args:
        since, until: a date range, inclusive (YYYY-MM-DD, or YYYY-MM / YYYY meaning the
            whole month or year). An event counts by its own date when it has one (a month,
            year or week overlapping the range counts), else by its document's publication
            date; quotes, actors and documents count by the publication date.
        dyad: an unordered country pair, "RUS-IRN" or ("RUS", "IRN"): events from either
            to the other (documents: those holding such an event).
        type: a PLOVER event type, e.g. "CONSULT".
        modality: asserted, negated, future, hypothetical or generic.
        speaker: part of a quote's speaker name; about: part of its content.
        limit: at most this many rows.

    Raises:
        QueryError: a value that cannot be used, with what was expected.
    """

    since: str | None = None
    until: str | None = None
    dyad: tuple[str, str] | None = None
    type: str | None = None
    modality: str | None = None
    speaker: str | None = None
    about: str | None = None
    status: str | None = None
    limit: int | None = None
    given: frozenset[str] = field(init=False, default=frozenset())

    def __post_init__(self) -> None:
        values: dict[str, Any] = {
            "since": _bound(self.since, "since", end=False),
            "until": _bound(self.until, "until", end=True),
            "dyad": parse_dyad(self.dyad) if self.dyad else None,
            "type": self.type.strip().upper() if self.type else None,
            "modality": self.modality.strip().lower() if self.modality else None,
        }
        if values["type"] and values["type"] not in event_types():
            known = ", ".join(sorted(event_types()))
            raise QueryError(f"type is a PLOVER event type, one of {known}; got {self.type!r}")
        if self.status is not None and self.status not in FACT_STATUSES:
            known = ", ".join(FACT_STATUSES)
            raise QueryError(f"status is one of {known}; got {self.status!r}")
        if values["modality"] and values["modality"] not in _MODALITIES:
            known = ", ".join(sorted(_MODALITIES))
            raise QueryError(f"modality is one of {known}; got {self.modality!r}")
        if values["since"] and values["until"] and values["since"] > values["until"]:
            raise QueryError(f"since ({self.since}) is after until ({self.until})")
        check_limit(self.limit)
        for name, value in values.items():
            object.__setattr__(self, name, value)
        given = {f.name for f in fields(self) if f.name != "given" and getattr(self, f.name)}
        object.__setattr__(self, "given", frozenset(given | ({"limit"} if self.limit else set())))

    def check(self, allowed: Iterable[str], what: str) -> None:
        """Refuse filters that do not apply to `what` (rather than silently ignore them).

        Raises:
            QueryError: naming the filters given and the ones `what` takes.
        """
        extra = self.given - set(allowed)
        if extra:
            takes = ", ".join(sorted(allowed))
            raise QueryError(
                f"{what} cannot be filtered by {', '.join(sorted(extra))}; {what} take: {takes}"
            )

    def event_selection(self) -> dict[str, Any] | None:
        """The event conditions for the store, or None when no event filter is given."""
        wanted = {"type": self.type, "dyad": self.dyad, "modality": self.modality}
        return wanted if any(wanted.values()) else None

    def quote_selection(self) -> dict[str, Any] | None:
        """The quote conditions for the store, or None when no quote filter is given."""
        wanted = {"speaker": self.speaker, "about": self.about}
        return wanted if any(wanted.values()) else None

    def dated_within(self, value: str | None, published: str | None) -> bool:
        """Whether an item dated `value` (else `published`) falls in since..until."""
        if not (self.since or self.until):
            return True
        days = period(value) if value else None
        if days is None:
            days = period(published) if published else None
        if days is None:
            return False
        first, last = days
        return (not self.since or last >= self.since) and (not self.until or first <= self.until)


def _limited(rows: Iterator[Any], limit: int | None) -> Iterator[Any]:
    if limit is None:
        yield from rows
        return
    for count, row in enumerate(rows):
        if count >= limit:
            return
        yield row


# --- rows from a store ------------------------------------------------------------------


def iter_events(store: Store, filters: Filters | None = None) -> Iterator[EventRecord]:
    """The events the filters select, in ingest order, streamed a page at a time."""
    f = filters or Filters()
    f.check(EVENT_FILTERS, "events")

    def rows() -> Iterator[EventRecord]:
        for page in store.selected_pages(events=f.event_selection(), with_removed=False):
            facts = store.links.fact_ids(d.doc_id for d in page.documents)
            for document in page.documents:
                for position, event in enumerate(document.events):
                    if not page.has_event(document.doc_id, position):
                        continue
                    value = event.date.value if event.date else None
                    if f.dated_within(value, document.published):
                        fact = facts.get((document.doc_id, event.id))
                        yield event_record(document, event, fact)

    return _limited(rows(), f.limit)


QUOTE_FILTERS = frozenset({"since", "until", "speaker", "about", "limit"})


def iter_quotes(store: Store, filters: Filters | None = None) -> Iterator[QuoteRecord]:
    """The quotes the filters select (speaker, content, publication date), in ingest order."""
    f = filters or Filters()
    f.check(QUOTE_FILTERS, "quotes")
    pages = store.selected_pages(
        since=f.since, until=f.until, quotes=f.quote_selection(), with_removed=False
    )
    rows = (
        quote_record(document, quote)
        for page in pages
        for document in page.documents
        for position, quote in enumerate(document.quotes)
        if page.has_quote(document.doc_id, position)
    )
    return _limited(rows, f.limit)


ACTOR_FILTERS = frozenset({"since", "until", "limit"})


def iter_actors(store: Store, filters: Filters | None = None) -> Iterator[ActorRecord]:
    """Every actor mention of the documents published in since..until, in ingest order."""
    f = filters or Filters()
    f.check(ACTOR_FILTERS, "actors")
    pages = store.selected_pages(since=f.since, until=f.until, with_removed=False)
    rows = (
        actor_record(document, actor)
        for page in pages
        for document in page.documents
        for actor in document.actors
    )
    return _limited(rows, f.limit)


DOCUMENT_FILTERS = EVENT_FILTERS | QUOTE_FILTERS


def iter_documents(store: Store, filters: Filters | None = None) -> Iterator[Document]:
    """The documents published in since..until holding a selected event and quote."""
    f = filters or Filters()
    f.check(DOCUMENT_FILTERS, "documents")
    pages = store.selected_pages(
        since=f.since, until=f.until, events=f.event_selection(), quotes=f.quote_selection()
    )
    return _limited((document for page in pages for document in page.documents), f.limit)


def iter_document_records(store: Store, filters: Filters | None = None) -> Iterator[DocumentRecord]:
    """`iter_documents` as flat rows."""
    return (document_record(d) for d in iter_documents(store, filters))


def by_publication(rows: Iterable[Any]) -> list[Any]:
    """Rows oldest publication first (undated last), ingest order kept among equals."""
    return sorted(rows, key=lambda row: (row.published is None, row.published or ""))


def event_row(record: EventRecord) -> EventRow:
    """An event record as the CLI's events table shows it."""
    return EventRow(
        doc_id=record.doc_id,
        doc_name=record.document,
        outlet=record.outlet,
        published=record.published,
        event_id=record.event_id,
        type=record.event_type,
        modality=record.modality,
        source_country=record.source_country,
        source_name=record.source_name,
        target_country=record.target_country,
        target_name=record.target_name,
        date=record.event_date,
        location=record.place,
        evidence=record.sentence,
        confidence=record.confidence,
    )


def quote_row(record: QuoteRecord) -> QuoteRow:
    """A quote record as the CLI's quotes table shows it."""
    return QuoteRow(
        doc_id=record.doc_id,
        speaker_name=record.speaker_name or record.speaker_text,
        speaker_country=record.speaker_country,
        direct=record.direct,
        cue=record.cue,
        content=record.content,
        doc_name=record.document,
        outlet=record.outlet,
        published=record.published,
        evidence=record.sentence,
    )


# --- across documents: merged facts and stories (dyad.link; SPEC.md section 6) ----------


@dataclass(frozen=True, slots=True)
class FactRecord:
    """One merged fact: a real-world event however many documents report it."""

    fact_id: str
    story_id: str
    event_type: str
    modality: str
    source_name: str | None
    source_country: str | None
    target_name: str | None
    target_country: str | None
    event_date: str | None
    date_precision: str | None
    status: str
    independent_sources: int
    documents: int
    mentions: int
    conflicts: int


@dataclass(frozen=True, slots=True)
class StoryRecord:
    """One story: the documents that report one happening."""

    story_id: str
    title: str | None
    start: str | None
    end: str | None
    documents: int
    outlets: str  # "; "-joined, for a flat table
    facts: int


FACT_FILTERS = frozenset({"since", "until", "dyad", "type", "status", "limit"})
STORY_FILTERS = frozenset({"limit"})


def _stored_facts(store: Store, f: Filters) -> Iterator[dict[str, Any]]:
    f.check(FACT_FILTERS, "facts")
    facts = store.links.iter_facts(
        dyad=f.dyad, status=f.status, since=f.since, until=f.until, type=f.type
    )
    return _limited(facts, f.limit)


def fact_record(fact: dict[str, Any]) -> FactRecord:
    return FactRecord(
        fact_id=fact["fact_id"],
        story_id=fact["story_id"],
        event_type=fact["type"],
        modality=fact["modality"],
        source_name=fact["source_name"],
        source_country=fact["source_country"],
        target_name=fact["target_name"],
        target_country=fact["target_country"],
        event_date=fact["date_value"],
        date_precision=fact["date_precision"],
        status=fact["status"],
        independent_sources=fact["independent_sources"],
        documents=len({m["doc_id"] for m in fact["mentions"]}),
        mentions=len(fact["mentions"]),
        conflicts=len(fact["conflicts"]),
    )


def fact_json(fact: dict[str, Any]) -> dict[str, Any]:
    """A fact in the JSONL shape of SPEC.md section 6."""
    return {
        "fact_id": fact["fact_id"],
        "story_id": fact["story_id"],
        "type": fact["type"],
        "modality": fact["modality"],
        "source": {"name": fact["source_name"], "country": fact["source_country"]},
        "target": {"name": fact["target_name"], "country": fact["target_country"]},
        "date": {"value": fact["date_value"], "precision": fact["date_precision"]},
        "status": fact["status"],
        "independent_sources": fact["independent_sources"],
        "origins": fact["origins"],
        "mentions": [
            {
                "document": m["name"],
                "event_id": m["event_id"],
                "modality": m["modality"],
                "sentence": {"start": m["sentence_start"], "end": m["sentence_end"]},
                "trigger": {"start": m["trigger_start"], "end": m["trigger_end"]},
            }
            for m in fact["mentions"]
        ],
        "conflicts": [
            {
                "field": c["field"],
                "documents": c["documents"],
                "values": c["values"],
                "severity": c["severity"],
                "summary": c["summary"],
                "evidence": c["evidence"],
            }
            for c in fact["conflicts"]
        ],
    }


def iter_facts(store: Store, filters: Filters | None = None) -> Iterator[FactRecord]:
    """The merged facts the filters select, in fact-id order, streamed."""
    return (fact_record(f) for f in _stored_facts(store, filters or Filters()))


def iter_fact_objects(store: Store, filters: Filters | None = None) -> Iterator[dict[str, Any]]:
    """The same facts as SPEC.md section 6 objects (mentions, origins, conflicts)."""
    return (fact_json(f) for f in _stored_facts(store, filters or Filters()))


def _stored_stories(store: Store, f: Filters) -> Iterator[dict[str, Any]]:
    f.check(STORY_FILTERS, "stories")
    return _limited(store.links.iter_stories(), f.limit)


def iter_stories(store: Store, filters: Filters | None = None) -> Iterator[StoryRecord]:
    """Every story, in story-id order, streamed."""
    return (
        StoryRecord(
            story_id=s["story_id"],
            title=s["title"],
            start=s["start"],
            end=s["end"],
            documents=s["documents"],
            outlets="; ".join(s["outlets"]),
            facts=s["facts"],
        )
        for s in _stored_stories(store, filters or Filters())
    )


def iter_story_objects(store: Store, filters: Filters | None = None) -> Iterator[dict[str, Any]]:
    """Every story as a SPEC.md section 6 object (documents by name, outlets)."""
    return (
        {
            "story_id": s["story_id"],
            "title": s["title"],
            "start": s["start"],
            "end": s["end"],
            "documents": s["document_names"],
            "outlets": s["outlets"],
            "facts": s["facts"],
        }
        for s in _stored_stories(store, filters or Filters())
    )


# --- briefs, timelines, trends and the explorer (dyad.report, dyad.web) -----------------


def select_facts(
    store: Store,
    filters: Filters | None = None,
    *,
    story: str | None = None,
    actor: str | None = None,
) -> list[dict[str, Any]]:
    """The stored facts a brief, timeline or trend covers, by date (undated last).

    Args:
        filters: since, until, dyad, type and status, as `dyad facts` takes them.
        story: a story id or unique prefix of one.
        actor: part of an actor's name (either side, any case), or a country code.

    Raises:
        QueryError: a story id that names no single story, or a filter facts cannot take.
    """
    f = filters or Filters()
    f.check(FACT_FILTERS - {"limit"}, "facts")
    story_id = None
    if story is not None:
        found = store.links.story(story.strip())
        if found is None:
            raise QueryError(f"no single story with id {story!r}; `dyad stories` lists them")
        story_id = found["story_id"]
    facts = store.links.facts(
        story_id=story_id, dyad=f.dyad, status=f.status, since=f.since, until=f.until, type=f.type
    )
    if actor is not None and actor.strip():
        wanted = actor.strip().casefold()
        facts = [
            fact
            for fact in facts
            if any(
                wanted in (fact[f"{side}_name"] or "").casefold()
                or wanted == (fact[f"{side}_country"] or "").casefold()
                for side in ("source", "target")
            )
        ]
    return facts
