"""Flat tables as Arrow: Parquet files and pandas DataFrames with one fixed, typed schema.

pyarrow and pandas are an extra (`pip install 'dyad[pandas]'`); they are imported when a
function here is called, and their absence is a clean error saying what to install.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from dyad.errors import QueryError
from dyad.query import Column
from dyad.report.export import values_of

#: Rows per Arrow record batch (and Parquet row group): what is held in memory at once.
BATCH_ROWS = 16_384


def _pyarrow() -> Any:
    try:
        import pyarrow
    except ImportError as exc:
        raise QueryError(
            f"Parquet and DataFrames need pyarrow and pandas ({exc}); "
            "install them with: pip install 'dyad[pandas]'"
        ) from None
    return pyarrow


def schema(columns: Sequence[Column]) -> Any:
    """The Arrow schema of a table: strings, dates (date32), int64, float64, bool."""
    pa = _pyarrow()
    types = {
        "string": pa.string(),
        "date": pa.date32(),
        "int": pa.int64(),
        "float": pa.float64(),
        "bool": pa.bool_(),
    }
    return pa.schema([pa.field(c.name, types[c.kind], nullable=c.nullable) for c in columns])


def record_batches(
    columns: Sequence[Column], rows: Iterable[Any], size: int | None = None
) -> Iterator[Any]:
    """Records as Arrow record batches of at most `size` rows (default `BATCH_ROWS`),
    built as the rows come."""
    pa = _pyarrow()
    arrow_schema = schema(columns)
    values = values_of(columns)
    iterator = iter(rows)
    size = size or BATCH_ROWS
    while batch := [values(row) for row in itertools.islice(iterator, size)]:
        arrays = []
        cells_by_column = zip(*batch, strict=True)
        for column, field, cells in zip(columns, arrow_schema, cells_by_column, strict=True):
            if column.kind == "date":  # ISO strings; Arrow parses them into days
                arrays.append(pa.array(cells, pa.string()).cast(field.type))
            else:
                arrays.append(pa.array(cells, field.type))
        yield pa.RecordBatch.from_arrays(arrays, schema=arrow_schema)


def write_parquet(
    columns: Sequence[Column], rows: Iterable[Any], target: str | Path | IO[bytes]
) -> int:
    """Write records to a Parquet file, one row group per batch; returns the row count."""
    _pyarrow()
    import pyarrow.parquet as pq

    sink = str(target) if isinstance(target, Path) else target
    count = 0
    with pq.ParquetWriter(sink, schema(columns)) as writer:
        for batch in record_batches(columns, rows):
            writer.write_batch(batch)
            count += batch.num_rows
    return count


def to_dataframe(columns: Sequence[Column], rows: Iterable[Any]) -> Any:
    """Records as a pandas DataFrame with the table's columns and types (as Parquet has)."""
    pa = _pyarrow()
    try:
        import pandas  # noqa: F401  # to_pandas needs it; say so before building anything
    except ImportError as exc:
        raise QueryError(
            f"DataFrames need pandas ({exc}); install it with: pip install 'dyad[pandas]'"
        ) from None
    table = pa.Table.from_batches(list(record_batches(columns, rows)), schema=schema(columns))
    return table.to_pandas()
