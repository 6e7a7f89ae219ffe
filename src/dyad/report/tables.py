"""The flat tables dyad exports: a registry of name -> columns, filters and rows.

`dyad export --what NAME`, the list commands' `--format json|csv` and the Python API's
DataFrames all take their columns and rows from here, so a table looks the same in every
format. A new table is one more `ExportTable` in `TABLES`: a record dataclass (its fields
are the columns, see `dyad.query.columns_of`), the filters it takes and a function from a
store and filters to its rows, streamed.

Where the links between documents are stored (`dyad.link`), `facts` and `stories` are added
the same way (SPEC.md section 6 is their JSONL shape: give them a `jsonl` function, as
`documents` has for SPEC.md section 3).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, TextIO, cast

from dyad import query
from dyad.errors import QueryError
from dyad.query import Column, Filters
from dyad.report.arrow import write_parquet
from dyad.report.export import (
    export_record,
    write_csv,
    write_json_array,
    write_objects,
    write_rows_jsonl,
)
from dyad.store import Store

Rows = Callable[[Store, Filters], Iterator[Any]]


@dataclass(frozen=True)
class ExportTable:
    """One exportable table.

    Args:
        name: what `--what` calls it.
        record: the record dataclass of its rows; its fields are the columns.
        filters: the `Filters` fields it takes (others are refused).
        rows: store and filters -> records, streamed.
        jsonl: store and filters -> JSON objects, when its JSONL is not the flat rows
            (documents: the nested record of SPEC.md section 3).
        help: one line for `--help` and the README.
    """

    name: str
    record: type[Any]
    filters: frozenset[str]
    rows: Rows
    help: str
    jsonl: Callable[[Store, Filters], Iterator[dict[str, Any]]] | None = None

    @property
    def columns(self) -> tuple[Column, ...]:
        return query.columns_of(self.record)

    def select(self, store: Store, filters: Filters) -> Iterator[Any]:
        """Its rows under `filters` (refused with a QueryError when one does not apply)."""
        filters.check(self.filters, self.name)
        return self.rows(store, filters)


def _document_records(store: Store, filters: Filters) -> Iterator[dict[str, Any]]:
    return (export_record(d) for d in query.iter_documents(store, filters))


TABLES: dict[str, ExportTable] = {
    table.name: table
    for table in (
        ExportTable(
            "events",
            query.EventRecord,
            query.EVENT_FILTERS,
            query.iter_events,
            "one row per coded event (POLECAT-like), with its sentence and offsets",
        ),
        ExportTable(
            "quotes",
            query.QuoteRecord,
            query.QUOTE_FILTERS,
            query.iter_quotes,
            "one row per quote: speaker, cue, content and sentence, with offsets",
        ),
        ExportTable(
            "actors",
            query.ActorRecord,
            query.ACTOR_FILTERS,
            query.iter_actors,
            "one row per resolved actor mention, with offsets",
        ),
        ExportTable(
            "documents",
            query.DocumentRecord,
            query.DOCUMENT_FILTERS,
            query.iter_document_records,
            "one row per document; as JSONL, the full record of SPEC.md section 3",
            jsonl=_document_records,
        ),
        ExportTable(
            "facts",
            query.FactRecord,
            query.FACT_FILTERS,
            query.iter_facts,
            "one row per merged fact; as JSONL, SPEC.md section 6 with mentions, origins,"
            " conflicts",
            jsonl=query.iter_fact_objects,
        ),
        ExportTable(
            "stories",
            query.StoryRecord,
            query.STORY_FILTERS,
            query.iter_stories,
            "one row per story; as JSONL, SPEC.md section 6 with its documents by name",
            jsonl=query.iter_story_objects,
        ),
    )
}


def table(name: str) -> ExportTable:
    """The table called `name`.

    Raises:
        QueryError: no such table; the message lists them.
    """
    try:
        return TABLES[name]
    except KeyError:
        known = ", ".join(TABLES)
        raise QueryError(f"there is no table {name!r} to export; the tables are: {known}") from None


EXPORT_FORMATS = ("jsonl", "csv", "parquet")
LIST_FORMATS = ("table", "json", "csv")
_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet"}


def export_format(format: str | None, output: Path | None) -> str:
    """The export format asked for, else the one `output`'s extension names, else jsonl.

    Raises:
        QueryError: an unknown format.
    """
    if format is None:
        return _SUFFIXES.get(output.suffix.lower(), "jsonl") if output else "jsonl"
    if format not in EXPORT_FORMATS:
        known = ", ".join(EXPORT_FORMATS)
        raise QueryError(f"unknown format {format!r}; the export formats are: {known}")
    return format


def write_rows(columns: Sequence[Column], rows: Iterable[Any], format: str, handle: TextIO) -> int:
    """Write records in a text format: `json` (an array), `jsonl` or `csv`; the row count."""
    writers = {"json": write_json_array, "jsonl": write_rows_jsonl, "csv": write_csv}
    if format not in writers:
        raise QueryError(f"unknown format {format!r}; the formats are: {', '.join(writers)}")
    return writers[format](columns, rows, handle)


def export_table(
    store: Store,
    name: str,
    format: str,
    filters: Filters,
    target: TextIO | IO[bytes] | Path,
) -> int:
    """Write one table of the store in an export format; returns how many rows it wrote.

    Args:
        store: the store to read, streamed a page at a time.
        name: a table of `TABLES`.
        format: jsonl, csv or parquet.
        filters: which rows (a filter the table does not take is refused).
        target: a file path, or an open handle: text for jsonl and csv, binary for parquet.

    Raises:
        QueryError: unknown table or format, or a filter the table does not take.
    """
    chosen = table(name)
    format = export_format(format, None)
    rows = chosen.select(store, filters)
    if isinstance(target, Path):
        if format == "parquet":
            return write_parquet(chosen.columns, rows, target)
        with target.open("w", encoding="utf-8", newline="") as handle:
            return export_table(store, name, format, filters, handle)
    if format == "parquet":
        return write_parquet(chosen.columns, rows, cast(IO[bytes], target))
    text = cast(TextIO, target)
    if format == "jsonl" and chosen.jsonl is not None:
        return write_objects(chosen.jsonl(store, filters), text)
    return write_rows(chosen.columns, rows, format, text)
