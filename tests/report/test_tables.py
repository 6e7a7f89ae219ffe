"""The exportable tables: their columns per format, filters, Parquet and CSV round trips
through pyarrow and pandas, and the JSONL of documents kept as SPEC.md section 3."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from dyad import query
from dyad.errors import QueryError
from dyad.query import Filters
from dyad.report import arrow
from dyad.report.export import export_record
from dyad.report.tables import TABLES, export_format, export_table, table
from dyad.store import Store
from export_corpus import corpus

EVENT_COLUMNS = [
    "event_id", "doc_id", "document", "outlet", "url", "published", "event_date",
    "date_precision", "event_type", "mode", "quad_class", "intensity", "modality",
    "confidence", "source_name", "source_country", "source_sector", "target_name",
    "target_country", "target_sector", "place", "place_country", "trigger", "sentence",
    "sentence_start", "sentence_end", "fact_id",
]  # fmt: skip
ARROW_TYPES = {
    "string": pa.string(),
    "date": pa.date32(),
    "int": pa.int64(),
    "float": pa.float64(),
    "bool": pa.bool_(),
}
ROWS = {"events": 5, "quotes": 1, "actors": 8, "documents": 3}


def test_tables_events_has_the_polecat_like_columns():
    assert [c.name for c in TABLES["events"].columns] == EVENT_COLUMNS


@pytest.mark.parametrize(
    ("name", "problem"),
    [("fact", "there is no table 'fact'"), ("event", "the tables are: events, quotes")],
)
def test_tables_unknown_table_is_refused(name, problem):
    with pytest.raises(QueryError, match=problem):
        table(name)


@pytest.mark.parametrize(
    ("format", "output", "expected"),
    [
        (None, None, "jsonl"),
        (None, Path("out.CSV"), "csv"),
        (None, Path("out.parquet"), "parquet"),
        (None, Path("out.txt"), "jsonl"),
        ("csv", Path("out.parquet"), "csv"),  # the option wins over the extension
    ],
)
def test_tables_export_format(format, output, expected):
    assert export_format(format, output) == expected


def test_tables_export_format_refuses_unknown():
    with pytest.raises(QueryError, match="the export formats are: jsonl, csv, parquet"):
        export_format("xlsx", None)


def _export(store: Store, name: str, format: str, filters: Filters | None = None) -> str:
    handle = io.StringIO(newline="")
    export_table(store, name, format, filters or Filters(), handle)
    return handle.getvalue()


@pytest.mark.parametrize("name", sorted(ROWS))
def test_tables_csv_has_a_header_and_one_row_per_item(filled_store: Store, name):
    rows = list(csv.reader(io.StringIO(_export(filled_store, name, "csv"), newline="")))
    assert rows[0] == [c.name for c in TABLES[name].columns]
    assert len(rows) == ROWS[name] + 1


@pytest.mark.parametrize("name", sorted(ROWS))
def test_tables_csv_round_trips_through_pandas(filled_store: Store, name):
    frame = pd.read_csv(io.StringIO(_export(filled_store, name, "csv")), keep_default_na=False)
    expected = arrow.to_dataframe(
        TABLES[name].columns, TABLES[name].select(filled_store, Filters())
    )
    assert list(frame.columns) == list(expected.columns)
    assert len(frame) == len(expected)
    for column in TABLES[name].columns:
        if column.kind == "string":
            assert list(frame[column.name]) == [
                v if isinstance(v, str) else "" for v in expected[column.name]
            ]


def test_tables_csv_keeps_commas_quotes_and_line_breaks_in_sentences(filled_store: Store):
    text = _export(filled_store, "events", "csv")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    first = corpus()[0]
    assert rows[0]["sentence"] == first.text[: first.text.index(". ") + 1]
    assert '"frank,\nuseful and long"' in rows[0]["sentence"]
    assert rows[0]["outlet"] == 'Example, "Wire"'
    start, end = int(rows[0]["sentence_start"]), int(rows[0]["sentence_end"])
    assert first.text[start:end] == rows[0]["sentence"]


@pytest.mark.parametrize("name", sorted(ROWS))
def test_tables_parquet_round_trips_with_its_typed_schema(
    filled_store: Store, tmp_path: Path, name
):
    path = tmp_path / f"{name}.parquet"
    assert export_table(filled_store, name, "parquet", Filters(), path) == ROWS[name]
    read = pq.read_table(path)
    columns = TABLES[name].columns
    assert read.schema.names == [c.name for c in columns]
    assert [read.schema.field(c.name).type for c in columns] == [
        ARROW_TYPES[c.kind] for c in columns
    ]
    rows = list(TABLES[name].select(filled_store, Filters()))
    assert read.num_rows == len(rows)
    assert read.to_pylist()[0]["doc_id"] == rows[0].doc_id


def test_tables_parquet_values_and_pandas_types(filled_store: Store, tmp_path: Path):
    path = tmp_path / "events.parquet"
    export_table(filled_store, "events", "parquet", Filters(), path)
    frame = pd.read_parquet(path)
    assert list(frame.columns) == EVENT_COLUMNS
    assert str(frame["intensity"].dtype) == "float64"
    assert str(frame["sentence_start"].dtype) == "int64"
    first = frame.iloc[0]
    assert str(first["published"]) == "2025-03-03"
    assert (first["event_date"], first["date_precision"], first["mode"]) == (
        "2025-03-03",
        "day",
        "visit",
    )
    assert (first["place"], first["place_country"]) == ("Ashgabat", "TKM")
    assert pd.isna(frame.iloc[4]["published"]) and pd.isna(frame.iloc[4]["target_name"])
    text = corpus()[0].text
    assert text[first["sentence_start"] : first["sentence_end"]] == first["sentence"]


def test_tables_parquet_writes_row_groups_in_batches(
    filled_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(arrow, "BATCH_ROWS", 2)
    path = tmp_path / "events.parquet"
    export_table(filled_store, "events", "parquet", Filters(), path)
    assert pq.ParquetFile(path).metadata.num_row_groups == 3  # 2 + 2 + 1 rows


def test_tables_parquet_of_nothing_has_the_schema(filled_store: Store, tmp_path: Path):
    path = tmp_path / "none.parquet"
    assert export_table(filled_store, "events", "parquet", Filters(dyad="ISL-NZL"), path) == 0
    assert pq.read_table(path).schema.names == EVENT_COLUMNS


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(dyad="PER-CHL"), ["ACCUSE", "CONSULT"]),
        (Filters(type="CONSULT", modality="asserted"), ["CONSULT"]),
        (Filters(since="2025-04-01", until="2025-04-30"), ["ACCUSE"]),
    ],
)
@pytest.mark.parametrize("format", ["jsonl", "csv"])
def test_tables_filters_apply_in_every_format(filled_store: Store, filters, expected, format):
    text = _export(filled_store, "events", format, filters)
    if format == "jsonl":
        types = [json.loads(line)["event_type"] for line in text.splitlines()]
    else:
        types = [row["event_type"] for row in csv.DictReader(io.StringIO(text, newline=""))]
    assert types == expected


def test_tables_documents_jsonl_is_the_spec_record(filled_store: Store):
    lines = _export(filled_store, "documents", "jsonl").splitlines()
    assert [json.loads(line) for line in lines] == [
        json.loads(json.dumps(export_record(d))) for d in corpus()
    ]
    only = _export(filled_store, "documents", "jsonl", Filters(speaker="envoy")).splitlines()
    assert [json.loads(line)["name"] for line in only] == ["summit"]


def test_tables_a_filter_the_table_does_not_take_is_refused(filled_store: Store):
    with pytest.raises(QueryError, match="actors cannot be filtered by type"):
        _export(filled_store, "actors", "csv", Filters(type="CONSULT"))


@pytest.mark.parametrize("name", sorted(ROWS))
def test_tables_only_nullable_columns_are_empty(filled_store: Store, name):
    chosen = TABLES[name]
    for row in chosen.select(filled_store, Filters()):
        assert isinstance(row, chosen.record)
        empty = {c.name for c in chosen.columns if getattr(row, c.name) is None}
        assert empty <= {c.name for c in chosen.columns if c.nullable}
    assert query.columns_of(TABLES["documents"].record)[-1].name == "text"
