"""Run the per-document pipeline over inputs and write the results to the store.

Per-document stages (clean, annotate) never look at other documents, so they run in any
number of worker processes; the corpus-level steps (exact and near duplicates, per-outlet
line statistics, the store) stay in the calling process. Input order is kept.

A document is cleaned first; its id (a hash of the cleaned text) decides whether it is
already stored, and only new documents are annotated. A run interrupted midway and run
again therefore stores every document exactly once and redoes little work.
"""

from __future__ import annotations

import gc
import itertools
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
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
from dyad.errors import DocumentError, StoreError
from dyad.ingest import IngestSettings, iter_inputs
from dyad.ingest.base import raw_size, too_big_cause
from dyad.link import LinkReport, link_new
from dyad.model import EXTRACTION_LANGUAGES, Document, Event, IngestError, RawDocument
from dyad.nlp import build_nlp, make_doc, sentence_ref
from dyad.nlp.extensions import get_list
from dyad.settings import Settings
from dyad.store import Store
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


def _worker_init(settings: Settings) -> None:
    _worker_nlp["nlp"] = nlp_for(settings)
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


class _InlineExecutor:
    """Runs each task at once in this process, for --workers 1 (no pickling, easy to debug)."""

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future[Any]:
        future: Future[Any] = Future()
        try:
            future.set_result(fn(*args))
        except BaseException as exc:
            future.set_exception(exc)
        return future

    def shutdown(self) -> None:
        pass


def _ordered(
    executor: Executor | _InlineExecutor,
    fn: Callable[[Any], Any],
    items: Iterable[Any],
    window: int,
) -> Iterator[Any]:
    """`fn` over `items` in input order with at most `window` tasks in flight.

    `IngestError`s in `items` pass through in place. Unlike `Executor.map`, the input is
    consumed lazily, so a corpus of any size streams in bounded memory while the workers
    keep busy.
    """
    pending: deque[Any] = deque()
    for item in items:
        pending.append(item if isinstance(item, IngestError) else executor.submit(fn, item))
        while len(pending) > window:
            yield _settle(pending.popleft())
    while pending:
        yield _settle(pending.popleft())


def _settle(item: Any) -> Any:
    return item.result() if isinstance(item, Future) else item


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
        for doc_id, signature in store.signatures():
            self.near.add(doc_id, signature)
        self.seen_ids: set[str] = set()

    def clean_jobs(self, inputs: Iterable[RawDocument | IngestError]) -> Iterator[Any]:
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
            yield (item, self.cleaning, self.line_counts.for_outlet(item.outlet))

    def new_documents(self, cleaned: Iterable[Document | IngestError]) -> Iterator[Any]:
        """Documents not stored yet: only these are annotated (resuming redoes little)."""
        for item in cleaned:
            if isinstance(item, Document) and (
                item.doc_id in self.seen_ids or self.store.existing_ids([item.doc_id])
            ):
                self.report.already_stored += 1
                self.notify("skipped", 1)
                continue
            if isinstance(item, Document):
                self.seen_ids.add(item.doc_id)
            yield item

    def write(self, batch: list[_Annotated | IngestError]) -> None:
        errors = [item for item in batch if isinstance(item, IngestError)]
        done = [item for item in batch if isinstance(item, _Annotated)]
        for item in done:
            original = self.near.query(item.signature)
            if original is not None:
                item.document.duplicate_of = original
                self.report.near_duplicates += 1
            self.near.add(item.document.doc_id, item.signature)
        documents = [item.document for item in done]
        try:
            written = self._store(done, errors)
        except StoreError:
            raise  # the store itself is down or locked: no document can be stored
        except _VALUE_REFUSED:
            written = self._one_by_one(done, errors)
        new_ids = set(written)
        self.line_counts.refresh(d.outlet for d in documents)
        self.report.stored += [d.name for d in documents if d.doc_id in new_ids]
        self.report.not_english += [
            (d.name, d.language)
            for d in documents
            if d.doc_id in new_ids and d.language and d.language not in EXTRACTION_LANGUAGES
        ]
        # Neither stored now nor refused: another process stored it since it was checked.
        self.report.already_stored += len(documents) - len(new_ids) - len(written.refused)
        errors = [*errors, *written.refused]
        self.report.errors += errors
        self.notify("stored", len(new_ids))
        if errors:
            self.notify("error", len(errors))

    def _store(self, done: Sequence[_Annotated], errors: Sequence[IngestError]) -> StoredIds:
        return self.store.write_batch(
            [item.document for item in done],
            errors,
            run_id=self.report.run_id,
            signatures={item.document.doc_id: item.signature for item in done},
            line_keys={item.document.doc_id: item.line_keys for item in done},
        )

    def _one_by_one(self, done: Sequence[_Annotated], errors: Sequence[IngestError]) -> StoredIds:
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
                    item.document.name,
                    item.document.source,
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
    executor: Executor | _InlineExecutor
    if settings.workers > 1:
        executor = ProcessPoolExecutor(
            max_workers=settings.workers, initializer=_worker_init, initargs=(settings,)
        )
    else:
        _worker_init(settings)
        executor = _InlineExecutor()
    # Tasks in flight beyond the one being read. In one process there is nothing to overlap,
    # and running each document as it comes lets the outlet's line statistics from the
    # previous batch apply at once; a pool needs a queue to keep every worker busy.
    window = 8 * settings.workers if settings.workers > 1 else 0
    try:
        if inputs is None:
            inputs = iter_inputs(paths, outlet=settings.outlet, settings=ingest_settings(settings))
        cleaned = _ordered(executor, _clean_one, run.clean_jobs(inputs), window)
        annotated = _ordered(executor, _annotate_one, run.new_documents(cleaned), window)
        for batch in _batches(annotated, settings.batch_size):
            run.write(batch)
    finally:
        executor.shutdown()
        run.finish()
    # After the run: a document stored by a killed run is linked by the next one.
    run.report.linked = link_new(store.links)
    return run.report


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
