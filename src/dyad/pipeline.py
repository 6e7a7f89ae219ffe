"""Run the per-document pipeline over inputs and write the results to the store.

Per-document stages (clean, annotate) never look at other documents, so they run on an
engine (`dyad.engines`): inline, a pool of local processes, or a Dask cluster. This
process reads the inputs, sends them in chunks of raw documents, and gets back compact
results (store rows, a MinHash signature, line keys) in input order; the corpus-level
steps (exact and near duplicates, per-outlet line statistics, the store) stay here.
Every engine stores the same rows: a document is cleaned with the line statistics of
the batches stored before it, or cleaned again when they changed in flight.

A document is cleaned first; its id (a hash of the cleaned text) decides whether it is
already stored, and only new documents are annotated. A run interrupted midway and run
again therefore stores every document exactly once and redoes little work.
"""

from __future__ import annotations

import bisect
import functools
import gc
import itertools
from array import array
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from spacy.language import Language
from sqlalchemy.exc import SQLAlchemyError

from dyad.budget import OverBudget, over_budget_cause, within_budget
from dyad.clean import (
    CleanSettings,
    NearDuplicateIndex,
    clean_document,
    document_line_keys,
    minhash_signature,
)
from dyad.clean.language import language_flags
from dyad.engines import Engine, WorkerLost
from dyad.engines.local import InlineEngine, PoolEngine
from dyad.errors import DocumentError, StoreError
from dyad.ingest import IngestSettings, iter_inputs
from dyad.ingest.base import raw_size, too_big_cause
from dyad.link import LinkReport, link_new
from dyad.model import EXTRACTION_LANGUAGES, Document, Event, IngestError, RawDocument
from dyad.nlp import build_nlp, make_doc, sentence_ref
from dyad.nlp.extensions import get_list
from dyad.settings import Settings
from dyad.store import Store
from dyad.store.codec import DocumentRows, document_rows
from dyad.store.store import StoredIds

#: What a database or driver raises when it refuses a value (an encoding, a NUL, a
#: constraint): one document's problem, so its batch is stored one document at a time.
_VALUE_REFUSED = (SQLAlchemyError, UnicodeError, ValueError)

#: Called with ("read" | "stored" | "skipped" | "error", count) as work advances.
ProgressCallback = Callable[[str, int], None]


@dataclass
class IngestReport:
    """What one `ingest` run did."""

    run_id: int
    read: int = 0
    stored: list[str] = field(default_factory=list)  # names of newly stored documents
    already_stored: int = 0
    near_duplicates: int = 0
    errors: list[IngestError] = field(default_factory=list)
    not_english: list[tuple[str, str]] = field(default_factory=list)  # stored: (name, language)
    linked: LinkReport | None = None  # stories and facts updated after the documents


def clean_settings(settings: Settings) -> CleanSettings:
    return CleanSettings(
        repeat_threshold=settings.repeat_threshold,
        boilerplate_files=tuple(settings.boilerplate_files),
    )


def ingest_settings(settings: Settings) -> IngestSettings:
    return IngestSettings(
        max_bytes=settings.max_bytes,
        timeout=settings.timeout,
        max_redirects=settings.max_redirects,
        deadline=settings.fetch_deadline,
        allow_private=settings.allow_private_urls,
    )


def nlp_for(settings: Settings) -> Language:
    """The annotation pipeline these settings ask for.

    Its length limit is `max_bytes`, the limit every reader and `clean_jobs` apply: a
    document is refused up front, never cleaned and then refused by the parser.
    """
    nlp = build_nlp(
        spacy_model=settings.spacy_model,
        components=settings.components,
        component_config={"dyad_actors": {"actors_files": list(settings.actors_files)}},
    )
    nlp.max_length = settings.max_bytes + 1
    return nlp


def annotate(document: Document, nlp: Language) -> Document:
    """Run the annotation pipeline on a cleaned document and copy its results onto it."""
    doc = make_doc(nlp, document)
    for _, component in nlp.pipeline:
        doc = component(doc)
    document.sentences = [sentence_ref(i, s) for i, s in enumerate(doc.sents)]
    document.actors = list(get_list(doc, "actors"))
    document.places = list(get_list(doc, "places"))
    document.times = list(get_list(doc, "times"))
    document.events = [corpus_event(document.doc_id, e) for e in get_list(doc, "events")]
    document.quotes = list(get_list(doc, "quotes"))
    document.flags = [*language_flags(document.language), *get_list(doc, "flags")]
    return document


def corpus_event(doc_id: str, event: Event) -> Event:
    """The event with an id unique across the corpus: its document's id, then its own.

    Extraction ids are unique within a document only (where and what the event codes);
    facts cite mentions from many documents, so the stored id carries the document's too.
    """
    return replace(event, id=f"{doc_id[:10]}-{event.id[:10]}")


# --- worker side: one annotation pipeline per process, built once ----------------------

_worker_nlp: dict[str, Language] = {}  # process-local cache, filled by the initializer
_worker_budget: dict[str, float] = {}  # annotate_budget, seconds per 10 KB (dyad.budget)
_worker_key: dict[str, str] = {}  # the `_pipeline_key` of the cached pipeline


def _pipeline_key(settings: Settings) -> str:
    """What decides the annotation pipeline a worker holds (a Dask worker outlives runs)."""
    parts = (settings.spacy_model, settings.components, settings.actors_files, settings.max_bytes)
    return repr(parts)


def _worker_init(settings: Settings) -> None:
    _worker_nlp["nlp"] = nlp_for(settings)
    _worker_key["pipeline"] = _pipeline_key(settings)
    _worker_budget["per_10kb"] = settings.annotate_budget
    # The pipeline's lexicons, tables and vocabulary live as long as the process: moved
    # out of the collector's generations, they are not scanned again on every full
    # collection (which made reading documents back a third slower).
    gc.freeze()


def _failure(name: str, source: str, stage: str, exc: Exception) -> IngestError:
    return IngestError(name=name, source=source, stage=stage, cause=f"{type(exc).__name__}: {exc}")


def _clean_one(
    args: tuple[RawDocument, CleanSettings, dict[str, int]],
) -> Document | IngestError:
    raw, settings, counts = args
    try:
        return clean_document(raw, settings, counts)
    except DocumentError as exc:
        return IngestError(name=raw.name, source=raw.source, stage=exc.stage, cause=exc.cause)
    except Exception as exc:
        return _failure(raw.name, raw.source, "clean", exc)


@dataclass
class _Annotated:
    """An annotated document with what the corpus-level steps need from it."""

    document: Document
    signature: list[int]
    line_keys: set[str]


def _annotate_one(document: Document) -> _Annotated | IngestError:
    per_10kb = _worker_budget.get("per_10kb", 0.0)
    try:
        nlp, chars = _worker_nlp["nlp"], len(document.text)
        within_budget(lambda: annotate(document, nlp), chars, per_10kb)
        return _Annotated(document, minhash_signature(document.text), document_line_keys(document))
    except OverBudget:
        cause = over_budget_cause(len(document.text), per_10kb)
        return IngestError(document.name, document.source, "annotate", cause)
    except Exception as exc:
        return _failure(document.name, document.source, "annotate", exc)


class KnownIds:
    """The doc_ids stored before a run, sent to every worker so that a document stored
    already is cleaned (its id is a hash of its cleaned text) but not annotated again.

    Kept as a sorted array of 64-bit integers (a doc_id is 16 hex digits): 8 MB for a
    million documents, in one piece that pickles fast.
    """

    def __init__(self, doc_ids: Iterable[str] = ()) -> None:
        values = {int(d, 16) for d in doc_ids if len(d) == 16 and _is_hex(d)}
        self.values = array("Q", sorted(values))

    def __contains__(self, doc_id: object) -> bool:
        if not isinstance(doc_id, str) or len(doc_id) != 16 or not _is_hex(doc_id):
            return False
        value = int(doc_id, 16)
        i = bisect.bisect_left(self.values, value)
        return i < len(self.values) and self.values[i] == value

    def __len__(self) -> int:
        return len(self.values)


def _is_hex(text: str) -> bool:
    return all(c in "0123456789abcdefABCDEF" for c in text)


@dataclass
class _Job:
    """One raw document to clean and annotate, with its outlet's repeated lines (line key
    -> documents) as the store had them when the job was made."""

    raw: RawDocument
    frequent: dict[str, int]


@dataclass
class _Done:
    """A new document, annotated, as the rows the store will write: plain dicts and
    strings, which cross a process boundary far faster than the Document tree."""

    rows: DocumentRows
    signature: list[int]
    line_keys: set[str]


@dataclass
class _Known:
    """A document whose cleaned text is stored already (not annotated again)."""

    doc_id: str


@dataclass
class _Outcome:
    """What a worker made of one job, and the keys of every line the cleaned document had
    (None when cleaning failed), by which the client sees whether the line statistics the
    job carried were still current."""

    result: _Done | _Known | IngestError
    line_keys: set[str] | None


def _run_chunk(jobs: list[_Job], settings: Settings, known: KnownIds) -> list[_Outcome]:
    """Clean and annotate a chunk of documents, in a worker (or inline); never raises for
    one document's problem, which becomes its error row."""
    if _worker_key.get("pipeline") != _pipeline_key(settings):
        _worker_init(settings)  # a worker not warmed for these settings (or at all)
    _worker_budget["per_10kb"] = settings.annotate_budget
    cleaning = clean_settings(settings)
    return [_run_job(job, cleaning, known) for job in jobs]


def _run_job(job: _Job, cleaning: CleanSettings, known: KnownIds) -> _Outcome:
    cleaned = _clean_one((job.raw, cleaning, job.frequent))
    if isinstance(cleaned, IngestError):
        return _Outcome(cleaned, None)
    line_keys = document_line_keys(cleaned)
    if cleaned.doc_id in known:
        return _Outcome(_Known(cleaned.doc_id), line_keys)
    annotated = _annotate_one(cleaned)
    if isinstance(annotated, IngestError):
        return _Outcome(annotated, line_keys)
    try:
        rows = document_rows(annotated.document, None, "")
    except Exception as exc:
        return _Outcome(_failure(cleaned.name, cleaned.source, "annotate", exc), line_keys)
    return _Outcome(_Done(rows, annotated.signature, line_keys), line_keys)


def _chunks(items: Iterable[_Job | IngestError], size: int) -> Iterator[list[_Job] | IngestError]:
    """Jobs in chunks of `size`, with the errors met on the way in their place."""
    chunk: list[_Job] = []
    for item in items:
        if isinstance(item, IngestError):
            if chunk:
                yield chunk
                chunk = []
            yield item
            continue
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _in_order(
    engine: Engine, segments: Iterable[list[_Job] | IngestError]
) -> Iterator[tuple[_Job, _Outcome] | IngestError]:
    """Every job with its outcome, in input order, with at most `engine.window` chunks in
    flight beyond the one waited for.

    The input is consumed lazily, so a corpus of any size streams in bounded memory while
    the workers keep busy.
    """
    pending: deque[tuple[list[_Job], Any] | IngestError] = deque()

    def oldest() -> Iterator[tuple[_Job, _Outcome] | IngestError]:
        segment = pending.popleft()
        if isinstance(segment, IngestError):
            yield segment
            return
        jobs, handle = segment
        yield from zip(jobs, _results(engine, jobs, handle), strict=True)

    for segment in segments:
        if isinstance(segment, IngestError):
            pending.append(segment)
        else:
            pending.append((segment, engine.submit(_run_chunk, segment)))
        while len(pending) > engine.window:
            yield from oldest()
    while pending:
        yield from oldest()


def _results(engine: Engine, jobs: list[_Job], handle: Any) -> list[_Outcome]:
    """A chunk's outcomes; when its worker died, each document's again on its own."""
    try:
        outcomes: list[_Outcome] = engine.result(handle)
        return outcomes
    except WorkerLost as exc:
        return [_alone(engine, job, exc) for job in jobs]


def _alone(engine: Engine, job: _Job, lost: WorkerLost) -> _Outcome:
    """One document of a chunk whose worker died, run by itself (twice at most): the one
    that kills its worker becomes an error row, never a lost batch."""
    for _attempt in range(2):
        try:
            outcomes: list[_Outcome] = engine.result(engine.submit(_run_chunk, [job]))
            return outcomes[0]
        except WorkerLost as exc:
            lost = exc
    cause = (
        f"the worker process ended while cleaning or annotating this document, twice "
        f"({lost}); the rest of the run went on: report it with the input"
    )
    return _Outcome(IngestError(job.raw.name, job.raw.source, "annotate", cause), None)


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


class _LineCounts:
    """Per-outlet repeated-line counts from the store, fetched once per outlet and batch."""

    def __init__(self, store: Store, threshold: int) -> None:
        self.store = store
        self.threshold = threshold
        self.cache: dict[str | None, dict[str, int]] = {}

    def for_outlet(self, outlet: str | None) -> dict[str, int]:
        if outlet is None:
            return {}
        if outlet not in self.cache:
            self.cache[outlet] = self.store.frequent_lines(outlet, self.threshold)
        return self.cache[outlet]

    def refresh(self, outlets: Iterable[str | None]) -> None:
        for outlet in set(outlets):
            self.cache.pop(outlet, None)


class _Run:
    """The state of one ingest run: the stages chained as lazy streams, and the tallies."""

    def __init__(
        self, store: Store, settings: Settings, paths: Sequence[str], notify: ProgressCallback
    ) -> None:
        self.store = store
        self.notify = notify
        arguments = {"paths": list(paths), "workers": settings.workers}
        self.report = IngestReport(run_id=store.start_run("ingest", arguments))
        self.cleaning = clean_settings(settings)
        self.max_bytes = settings.max_bytes
        self.line_counts = _LineCounts(store, settings.repeat_threshold)
        self.near = NearDuplicateIndex(threshold=settings.near_duplicate_threshold)
        stored = []
        for doc_id, signature in store.signatures():
            self.near.add(doc_id, signature)
            stored.append(doc_id)
        # Every ingested document has a signature; one stored some other way is
        # annotated again and then found stored by `write_batch`, never stored twice.
        self.known = KnownIds(stored)
        self.seen_ids: set[str] = set()

    def jobs(self, inputs: Iterable[RawDocument | IngestError]) -> Iterator[_Job | IngestError]:
        for item in inputs:
            if isinstance(item, IngestError):
                yield item
                continue
            self.report.read += 1
            self.notify("read", 1)
            size = raw_size(item)
            if size > self.max_bytes:  # refused before cleaning, not after it
                cause = too_big_cause(size, self.max_bytes, "document")
                yield IngestError(item.name, item.source, "read", cause)
                continue
            yield _Job(item, self.line_counts.for_outlet(item.outlet))

    def settled(
        self, engine: Engine, outcomes: Iterable[tuple[_Job, _Outcome] | IngestError]
    ) -> Iterator[_Done | IngestError]:
        """Outcomes in input order, each as `ingest` with one process would have made it.

        A job carries its outlet's repeated lines as they were when it was sent; when
        batches stored since changed whether one of its document's lines is boilerplate,
        it is run again with the statistics of now. So every engine, whatever its number
        of workers and chunks in flight, stores the same rows. Documents stored already
        (before this run, or earlier in it) are counted and passed over.
        """
        for item in outcomes:
            if isinstance(item, IngestError):
                yield item
                continue
            job, outcome = item
            if self._stale(job, outcome):
                job = _Job(job.raw, self.line_counts.for_outlet(job.raw.outlet))
                outcome = _results(engine, [job], engine.submit(_run_chunk, [job]))[0]
            result = outcome.result
            if isinstance(result, _Known) or (
                isinstance(result, _Done) and result.rows.doc_id in self.seen_ids
            ):
                self.report.already_stored += 1
                self.notify("skipped", 1)
                continue
            if isinstance(result, _Done):
                self.seen_ids.add(result.rows.doc_id)
            yield result

    def _stale(self, job: _Job, outcome: _Outcome) -> bool:
        now = self.line_counts.for_outlet(job.raw.outlet)
        if now is job.frequent or now.keys() == job.frequent.keys():
            return False
        if outcome.line_keys is None:  # cleaning failed: maybe for lack of text left
            return True
        return any((key in now) != (key in job.frequent) for key in outcome.line_keys)

    def write(self, batch: list[_Done | IngestError]) -> None:
        errors = [item for item in batch if isinstance(item, IngestError)]
        done = [item for item in batch if isinstance(item, _Done)]
        for item in done:
            original = self.near.query(item.signature)
            if original is not None:
                item.rows.document["duplicate_of"] = original
                self.report.near_duplicates += 1
            self.near.add(item.rows.doc_id, item.signature)
        try:
            written = self._store(done, errors)
        except StoreError:
            raise  # the store itself is down or locked: no document can be stored
        except _VALUE_REFUSED:
            written = self._one_by_one(done, errors)
        new_ids = set(written)
        self.line_counts.refresh(item.rows.document["outlet"] for item in done)
        stored = [item.rows for item in done if item.rows.doc_id in new_ids]
        self.report.stored += [rows.name for rows in stored]
        self.report.not_english += [
            (rows.name, language)
            for rows in stored
            if (language := rows.document["language"]) and language not in EXTRACTION_LANGUAGES
        ]
        # Neither stored now nor refused: another process stored it since it was checked.
        self.report.already_stored += len(done) - len(new_ids) - len(written.refused)
        errors = [*errors, *written.refused]
        self.report.errors += errors
        self.notify("stored", len(new_ids))
        if errors:
            self.notify("error", len(errors))

    def _store(self, done: Sequence[_Done], errors: Sequence[IngestError]) -> StoredIds:
        return self.store.write_batch(
            [item.rows for item in done],
            errors,
            run_id=self.report.run_id,
            signatures={item.rows.doc_id: item.signature for item in done},
            line_keys={item.rows.doc_id: item.line_keys for item in done},
        )

    def _one_by_one(self, done: Sequence[_Done], errors: Sequence[IngestError]) -> StoredIds:
        """Store a batch that failed as a whole one document at a time; a document that
        still fails becomes an error row, so one bad value never costs its batch."""
        stored, failed = StoredIds(), []
        for item in done:
            try:
                written = self._store([item], [])
            except StoreError:
                raise
            except _VALUE_REFUSED as exc:
                cause = getattr(exc, "orig", None) or exc
                reason = (str(cause).strip().splitlines() or [""])[0][:300]
                failure = IngestError(
                    item.rows.name,
                    item.rows.source,
                    "store",
                    f"the store refused this document ({type(cause).__name__}: {reason}); "
                    "the rest of its batch was stored: report it with the input",
                )
                failed.append(failure)
                continue
            stored += written
            stored.refused += written.refused  # recorded by that write already
        self.store.write_batch([], [*errors, *failed], run_id=self.report.run_id)
        stored.refused += failed
        return stored

    def finish(self) -> None:
        self.store.finish_run(
            self.report.run_id,
            {
                "read": self.report.read,
                "stored": len(self.report.stored),
                "already_stored": self.report.already_stored,
                "errors": len(self.report.errors),
            },
        )


def ingest(
    paths: Sequence[str],
    store: Store,
    settings: Settings,
    *,
    progress: ProgressCallback | None = None,
    inputs: Iterable[RawDocument | IngestError] | None = None,
) -> IngestReport:
    """Read, clean, annotate and store every document found at `paths`.

    Args:
        paths: files, directories, `-` for stdin, or http(s) URLs.
        store: where documents, errors and statistics are written.
        settings: resolved settings (workers, batch size, outlet, ...).
        progress: optional callback told how work advances.
        inputs: documents read already (the Python API's records), ingested instead of
            reading `paths`, which then only names them in the run's record.

    Returns:
        An `IngestReport`; errors are reported in it, never raised per document.
    """
    run = _Run(store, settings, paths, progress or (lambda _event, _n: None))
    engine: Engine | None = None
    try:
        engine = _engine(settings, run.known)
        if inputs is None:
            inputs = iter_inputs(paths, outlet=settings.outlet, settings=ingest_settings(settings))
        segments = _chunks(run.jobs(inputs), engine.chunk_size)
        settled = run.settled(engine, _in_order(engine, segments))
        for batch in _batches(settled, settings.batch_size):
            run.write(batch)
    finally:
        if engine is not None:
            engine.close()
        run.finish()
    # After the run: a document stored by a killed run is linked by the next one.
    run.report.linked = link_new(store.links)
    return run.report


def _engine(settings: Settings, known: KnownIds) -> Engine:
    """The engine `settings` ask for: inline, a local pool, or Dask; warmed up."""
    warm = functools.partial(_worker_init, settings)
    if settings.engine == "dask":
        from dyad.engines.dask import LOCAL_WORKERS, DaskEngine

        workers = settings.workers if settings.workers > 1 else LOCAL_WORKERS
        return DaskEngine(settings.scheduler, workers, warm, settings, known)
    if settings.workers > 1:
        return PoolEngine(settings.workers, warm, settings, known)
    warm()
    return InlineEngine(settings, known)


def reannotate(
    store: Store, settings: Settings, *, progress: ProgressCallback | None = None
) -> int:
    """Re-run annotation on every stored document (after the extractors improved)."""
    notify = progress or (lambda _event, _n: None)
    nlp = nlp_for(settings)
    updated = 0
    for batch in _batches(store.iter_documents(), settings.batch_size):
        documents = [annotate(d, nlp) for d in batch]
        updated += store.update_annotations(documents)
        notify("stored", len(documents))
    store.links.clear()  # the events changed: every story and fact is recomputed
    link_new(store.links)
    return updated
