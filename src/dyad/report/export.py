"""Writers of dyad's exports: the JSONL record of SPEC.md section 3, and flat tables as
JSON Lines, a JSON array or CSV (Parquet and DataFrames are in `dyad.report.arrow`).

Every writer takes rows as an iterator and writes them as they come, so an export of any
size holds one row (one page of the store) in memory at a time.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Sequence
from operator import attrgetter
from typing import Any, TextIO

from dyad.model import Document
from dyad.query import Column

#: Internal fields of a Document that the export leaves out (they are derivable or bulky).
_INTERNAL = ("sentences",)


def export_record(document: Document) -> dict[str, Any]:
    """The export object of one document (SPEC.md section 3; extra fields allowed)."""
    record = document.to_dict()
    for name in _INTERNAL:
        record.pop(name, None)
    return record


def write_jsonl(documents: Iterable[Document], handle: TextIO) -> int:
    """Write one line per document; returns how many were written."""
    return write_objects(map(export_record, documents), handle)


def write_objects(objects: Iterable[dict[str, Any]], handle: TextIO) -> int:
    """Write one JSON object per line; returns how many were written."""
    count = 0
    for item in objects:
        handle.write(json.dumps(item, ensure_ascii=False))
        handle.write("\n")
        count += 1
    return count


def values_of(columns: Sequence[Column]) -> Callable[[Any], tuple[Any, ...]]:
    """A function from a record to the tuple of its column values, in column order."""
    get = attrgetter(*(c.name for c in columns))
    if len(columns) == 1:
        return lambda record: (get(record),)
    return get  # attrgetter of several names gives a tuple


def as_objects(columns: Sequence[Column], rows: Iterable[Any]) -> Iterable[dict[str, Any]]:
    """Records as JSON-ready dicts of their columns."""
    names, values = [c.name for c in columns], values_of(columns)
    return (dict(zip(names, values(row), strict=True)) for row in rows)


def write_rows_jsonl(columns: Sequence[Column], rows: Iterable[Any], handle: TextIO) -> int:
    """Write records as JSON Lines, one flat object per row; returns the row count."""
    return write_objects(as_objects(columns, rows), handle)


def write_json_array(columns: Sequence[Column], rows: Iterable[Any], handle: TextIO) -> int:
    """Write records as one JSON array of flat objects, streamed; returns the row count."""
    count = 0
    handle.write("[")
    for item in as_objects(columns, rows):
        handle.write(",\n" if count else "\n")
        handle.write(json.dumps(item, ensure_ascii=False))
        count += 1
    handle.write("\n]\n" if count else "]\n")
    return count


def write_csv(columns: Sequence[Column], rows: Iterable[Any], handle: TextIO) -> int:
    """Write records as CSV with a header (RFC 4180: CRLF rows, quotes where needed).

    Empty values are empty fields; a file handle should be opened with `newline=""`.
    """
    writer = csv.writer(handle, lineterminator="\r\n")
    writer.writerow([c.name for c in columns])
    values = values_of(columns)
    count = 0
    for row in rows:
        writer.writerow(values(row))
        count += 1
    return count
