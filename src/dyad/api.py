"""dyad as a Python library: open a store, ingest into it, read its tables as DataFrames.

```python
import dyad

with dyad.open("dyad.db") as store:          # a SQLite path, or any --db URL
    store.ingest(["news/", {"text": "...", "published": "2025-06-23", "name": "a1"}])
    events = store.events(dyad="RUS-IRN", modality="asserted")   # a pandas DataFrame

record = dyad.extract("Lavrov met Araghchi in Moscow on Monday.", published="2025-06-24")
```

The DataFrames have the columns and types of `dyad export --what ... --format parquet`
(`dyad.report.tables`), in the same order; `extract` returns the record of SPEC.md section 3
without touching a store. DataFrames need the `dyad[pandas]` extra.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Any

from dyad.errors import QueryError
from dyad.model import IngestError, RawDocument
from dyad.query import Filters
from dyad.report.arrow import to_dataframe
from dyad.report.tables import table
from dyad.settings import Settings, load_settings
from dyad.store import Store

if TYPE_CHECKING:
    from spacy.language import Language

    from dyad.pipeline import IngestReport

#: What `Corpus.ingest` takes: a path or URL (as `dyad ingest` does), or one article as a
#: mapping with `text` or `html` and optional `name`, `url`, `outlet`, `title`, `published`.
Input = str | os.PathLike[str] | Mapping[str, Any]


class Corpus:
    """A dyad store opened from Python (what `dyad.open` returns).

    Args:
        db: a SQLite path or SQLAlchemy URL; None means the `db` setting, `$DYAD_DB` or
            `dyad.db`.
        config: a YAML settings file (see `dyad settings`); `$DYAD_CONFIG` when None.
        **settings: any setting by name (workers, spacy_model, actors_files, ...), over
            the config file.

    Raises:
        StoreError: the store cannot be opened or created.
        SettingsError: a setting has a value dyad cannot use.
    """

    def __init__(
        self,
        db: str | os.PathLike[str] | None = None,
        *,
        config: str | None = None,
        **settings: Any,
    ) -> None:
        self.settings: Settings = load_settings(
            config, db=os.fspath(db) if db is not None else None, **settings
        )
        self.store = Store(self.settings.db)

    def __repr__(self) -> str:
        return f"dyad.open({self.store!r})"

    def close(self) -> None:
        """Release the store's connections."""
        self.store.close()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def ingest(self, inputs: Input | Iterable[Input], *, outlet: str | None = None) -> IngestReport:
        """Read, clean, annotate and store documents, as `dyad ingest` does.

        Args:
            inputs: a path, URL or record, or a list of them (see `Input`), in order.
            outlet: the outlet of inputs that name none.

        Returns:
            The run's report: `stored` (names), `already_stored`, `errors` (each with its
            cause; a bad input never stops the others).
        """
        from dyad.pipeline import ingest

        settings = dataclasses.replace(self.settings, outlet=outlet or self.settings.outlet)
        items = _items(inputs)
        names = [os.fspath(i) if not isinstance(i, Mapping) else "<record>" for i in items]
        return ingest(names, self.store, settings, inputs=_read(items, settings))

    def table(self, what: str, **filters: Any) -> Any:
        """Any exportable table as a DataFrame: events, quotes, actors, documents, ...

        Args:
            what: the table's name (as `dyad export --what`).
            **filters: `since`, `until`, `dyad`, `type`, `modality`, `speaker`, `about`,
                `limit`, where the table takes them (see `dyad.query.Filters`).

        Raises:
            QueryError: an unknown table, or a filter it does not take or a bad value.
        """
        chosen = table(what)
        return to_dataframe(chosen.columns, chosen.select(self.store, Filters(**filters)))

    def events(self, **filters: Any) -> Any:
        """Events as a DataFrame, one row per event (filters: since, until, dyad, type,
        modality, limit), in ingest order."""
        return self.table("events", **filters)

    def quotes(self, **filters: Any) -> Any:
        """Quotes as a DataFrame (filters: since, until, speaker, about, limit)."""
        return self.table("quotes", **filters)

    def actors(self, **filters: Any) -> Any:
        """Actor mentions as a DataFrame (filters: since, until, limit)."""
        return self.table("actors", **filters)

    def documents(self, **filters: Any) -> Any:
        """Documents as a DataFrame, with their text (filters: as events and quotes)."""
        return self.table("documents", **filters)


def open(  # shadows the built-in within dyad.api only, as dyad.open
    db: str | os.PathLike[str] | None = None, *, config: str | None = None, **settings: Any
) -> Corpus:
    """Open (or create) a dyad store; see `Corpus`."""
    return Corpus(db, config=config, **settings)


def _items(inputs: Input | Iterable[Input]) -> list[Input]:
    if isinstance(inputs, str | os.PathLike | Mapping):
        return [inputs]
    items = list(inputs)
    for item in items:
        if not isinstance(item, str | os.PathLike | Mapping):
            raise QueryError(
                f"ingest takes paths, URLs and records (dicts with 'text' or 'html'); "
                f"got a {type(item).__name__}"
            )
    return items


def _read(items: list[Input], settings: Settings) -> Iterator[RawDocument | IngestError]:
    """The documents of paths and records, in order, through the readers `dyad ingest` uses."""
    from dyad.ingest import iter_inputs
    from dyad.ingest.jsonl import iter_json
    from dyad.pipeline import ingest_settings

    limits = ingest_settings(settings)
    for number, item in enumerate(items, start=1):
        if isinstance(item, Mapping):
            record = {"name": f"record-{number}", **item}
            data = json.dumps(record, ensure_ascii=False, default=str).encode("utf-8")
            yield from iter_json(
                data,
                stem=f"record-{number}",
                source="<records>",
                outlet=settings.outlet,
                settings=limits,
                lines=True,
            )
        else:
            yield from iter_inputs([os.fspath(item)], outlet=settings.outlet, settings=limits)


def extract(
    text: str,
    *,
    published: Any = None,
    name: str = "text",
    outlet: str | None = None,
    url: str | None = None,
    title: str | None = None,
    config: str | None = None,
    **settings: Any,
) -> dict[str, Any]:
    """Clean and annotate one text in memory, without a store.

    Args:
        text: the article's plain text.
        published: its publication date (ISO string, date or datetime), which anchors
            relative dates ("on Monday").
        name, outlet, url, title: metadata copied into the record.
        config, **settings: settings as for `Corpus` (spacy_model, actors_files, ...).

    Returns:
        The record `dyad export --format jsonl` writes for a document (SPEC.md section 3):
        text, removed lines, events, actors, times, places and quotes, with offsets into
        `record["text"]`.

    Raises:
        DocumentError: no article text is left after cleaning.
    """
    from dyad.clean import clean_document
    from dyad.ingest import normalize_date
    from dyad.pipeline import annotate, clean_settings
    from dyad.report.export import export_record

    resolved = load_settings(config, **settings)
    raw = RawDocument(
        name=name,
        source="<text>",
        text=text,
        published=normalize_date(published),
        outlet=outlet,
        url=url,
        title=title,
    )
    document = clean_document(raw, clean_settings(resolved))
    nlp = _pipeline(
        resolved.spacy_model,
        tuple(resolved.components) if resolved.components is not None else None,
        tuple(resolved.actors_files),
    )
    return export_record(annotate(document, nlp))


@functools.lru_cache(maxsize=4)
def _pipeline(
    spacy_model: str, components: tuple[str, ...] | None, actors_files: tuple[str, ...]
) -> Language:
    """The annotation pipeline for these settings, built once per process (it takes seconds)."""
    from dyad.pipeline import nlp_for

    return nlp_for(
        Settings(
            spacy_model=spacy_model,
            components=list(components) if components is not None else None,
            actors_files=list(actors_files),
        )
    )
