"""Run the per-document pipeline over inputs and write the results to the store.

Per-document stages (clean, annotate) never look at other documents, so they run in any
number of worker processes; the corpus-level steps (exact and near duplicates, per-outlet
line statistics, the store) stay in the calling process. Input order is kept.

A document is cleaned first; its id (a hash of the cleaned text) decides whether it is
already stored, and only new documents are annotated. A run interrupted midway and run
again therefore stores every document exactly once and redoes little work.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language

from dyad.clean import (
    CleanSettings,
    NearDuplicateIndex,
    clean_document,
    document_line_keys,
    minhash_signature,
)
from dyad.errors import DocumentError
from dyad.ingest import IngestSettings, iter_inputs
from dyad.model import Document, IngestError, RawDocument
from dyad.nlp import build_nlp, make_doc, sentence_ref
from dyad.nlp.extensions import get_list
from dyad.settings import Settings
from dyad.store import Store

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
    )


def nlp_for(settings: Settings) -> Language:
    """The annotation pipeline these settings ask for."""
    return build_nlp(
        spacy_model=settings.spacy_model,
        components=settings.components,
        component_config={"dyad_actors": {"actors_files": list(settings.actors_files)}},
    )


def annotate(document: Document, nlp: Language) -> Document:
    """Run the annotation pipeline on a cleaned document and copy its results onto it."""
    doc = make_doc(nlp, document)
    for _, component in nlp.pipeline:
        doc = component(doc)
    document.sentences = [sentence_ref(i, s) for i, s in enumerate(doc.sents)]
    document.actors = list(get_list(doc, "actors"))
    document.places = list(get_list(doc, "places"))
    document.times = list(get_list(doc, "times"))
    document.events = list(get_list(doc, "events"))
    document.quotes = list(get_list(doc, "quotes"))
    document.flags = list(get_list(doc, "flags"))
    return document


# --- worker side: one annotation pipeline per process, built on first use ---------------

_worker_nlp: dict[str, Language] = {}


def _worker_init(settings: Settings) -> None:
    _worker_nlp["nlp"] = nlp_for(settings)


def _clean_one(
    args: tuple[RawDocument, CleanSettings, dict[str, int]],
) -> Document | IngestError:
    raw, settings, counts = args
    try:
        return clean_document(raw, settings, counts)
    except DocumentError as exc:
        return IngestError(name=raw.name, source=raw.source, stage=exc.stage, cause=exc.cause)
    except Exception as exc:
        return IngestError(
            name=raw.name, source=raw.source, stage="clean", cause=f"{type(exc).__name__}: {exc}"
        )


def _annotate_one(document: Document) -> Document | IngestError:
    try:
        return annotate(document, _worker_nlp["nlp"])
    except Exception as exc:
        return IngestError(
            name=document.name,
            source=document.source,
            stage="annotate",
            cause=f"{type(exc).__name__}: {exc}",
        )


class _InlineExecutor:
    """`map` in this process, for --workers 1 (no pickling, easy to debug)."""

    def map(self, fn: Callable[[Any], Any], items: Iterable[Any]) -> Iterator[Any]:
        return map(fn, items)

    def shutdown(self) -> None:
        pass


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


class _LineCounts:
    """Per-outlet repeated-line counts from the store, fetched once per outlet and run."""

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


def ingest(
    paths: Sequence[str],
    store: Store,
    settings: Settings,
    *,
    progress: ProgressCallback | None = None,
) -> IngestReport:
    """Read, clean, annotate and store every document found at `paths`.

    Args:
        paths: files, directories, `-` for stdin, or http(s) URLs.
        store: where documents, errors and statistics are written.
        settings: resolved settings (workers, batch size, outlet, ...).
        progress: optional callback told how work advances.

    Returns:
        An `IngestReport`; errors are reported in it, never raised per document.
    """
    notify = progress or (lambda _event, _n: None)
    run_id = store.start_run("ingest", {"paths": list(paths), "workers": settings.workers})
    report = IngestReport(run_id=run_id)
    cleaning = clean_settings(settings)
    line_counts = _LineCounts(store, settings.repeat_threshold)
    near = NearDuplicateIndex(threshold=settings.near_duplicate_threshold)
    for doc_id, signature in store.signatures():
        near.add(doc_id, signature)
    seen_ids: set[str] = set()
    executor: Executor | _InlineExecutor
    if settings.workers > 1:
        executor = ProcessPoolExecutor(
            max_workers=settings.workers, initializer=_worker_init, initargs=(settings,)
        )
    else:
        _worker_init(settings)
        executor = _InlineExecutor()
    try:
        inputs = iter_inputs(paths, outlet=settings.outlet, settings=ingest_settings(settings))
        for batch in _batches(inputs, settings.batch_size):
            errors = [item for item in batch if isinstance(item, IngestError)]
            raws = [item for item in batch if isinstance(item, RawDocument)]
            report.read += len(raws)
            notify("read", len(raws))
            jobs = [(raw, cleaning, line_counts.for_outlet(raw.outlet)) for raw in raws]
            cleaned: list[Document] = []
            for result in executor.map(_clean_one, jobs):
                if isinstance(result, IngestError):
                    errors.append(result)
                else:
                    cleaned.append(result)
            stored_before = store.existing_ids(d.doc_id for d in cleaned)
            fresh: list[Document] = []
            for document in cleaned:
                if document.doc_id in stored_before or document.doc_id in seen_ids:
                    report.already_stored += 1
                    notify("skipped", 1)
                    continue
                seen_ids.add(document.doc_id)
                fresh.append(document)
            annotated: list[Document] = []
            for result in executor.map(_annotate_one, fresh):
                if isinstance(result, IngestError):
                    errors.append(result)
                else:
                    annotated.append(result)
            signatures: dict[str, list[int]] = {}
            keys: dict[str, set[str]] = {}
            for document in annotated:
                signature = minhash_signature(document.text)
                original = near.query(signature)
                if original is not None:
                    document.duplicate_of = original
                    report.near_duplicates += 1
                near.add(document.doc_id, signature)
                signatures[document.doc_id] = signature
                keys[document.doc_id] = document_line_keys(document)
            new_ids = set(
                store.write_batch(
                    annotated, errors, run_id=run_id, signatures=signatures, line_keys=keys
                )
            )
            line_counts.refresh(d.outlet for d in annotated)
            report.stored += [d.name for d in annotated if d.doc_id in new_ids]
            report.errors += errors
            notify("stored", len(new_ids))
            if errors:
                notify("error", len(errors))
    finally:
        executor.shutdown()
        store.finish_run(
            run_id,
            {
                "read": report.read,
                "stored": len(report.stored),
                "already_stored": report.already_stored,
                "errors": len(report.errors),
            },
        )
    return report


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
    return updated
