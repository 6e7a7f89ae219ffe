"""The text writers of dyad.report.export: CSV by RFC 4180, JSON Lines, a JSON array."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass

import pytest

from dyad.query import columns_of
from dyad.report.export import (
    export_record,
    write_csv,
    write_json_array,
    write_jsonl,
    write_rows_jsonl,
)


@dataclass(frozen=True)
class Row:
    name: str
    note: str | None
    count: int
    score: float
    ok: bool


COLUMNS = columns_of(Row)


@pytest.mark.parametrize(
    ("note", "field"),
    [
        ("plain", "plain"),
        ("a, b", '"a, b"'),
        ('he said "no"', '"he said ""no"""'),
        ("two\nlines", '"two\nlines"'),
        ("crlf\r\ninside", '"crlf\r\ninside"'),
        ('"', '""""'),
        ("", ""),  # CSV has one empty field for an empty and a missing value
        (None, ""),
    ],
)
def test_export_write_csv_quotes_by_rfc4180(note, field):
    handle = io.StringIO(newline="")
    assert write_csv(COLUMNS, [Row("x", note, 1, 0.5, True)], handle) == 1
    text = handle.getvalue()
    assert text == f"name,note,count,score,ok\r\nx,{field},1,0.5,True\r\n"
    header, row = list(csv.reader(io.StringIO(text, newline="")))
    assert header == ["name", "note", "count", "score", "ok"]
    assert row[1] == (note or "")


def test_export_write_csv_header_only_when_empty():
    handle = io.StringIO(newline="")
    assert write_csv(COLUMNS, [], handle) == 0
    assert handle.getvalue() == "name,note,count,score,ok\r\n"


@pytest.mark.parametrize(
    "rows", [[], [Row("a", None, 1, 1.5, False), Row("ü", "x", 2, -2.0, True)]]
)
def test_export_write_json_array_and_jsonl_agree(rows):
    array, lines = io.StringIO(), io.StringIO()
    assert write_json_array(COLUMNS, rows, array) == len(rows)
    assert write_rows_jsonl(COLUMNS, rows, lines) == len(rows)
    parsed = json.loads(array.getvalue())
    assert parsed == [json.loads(line) for line in lines.getvalue().splitlines()]
    assert parsed == [
        {"name": r.name, "note": r.note, "count": r.count, "score": r.score, "ok": r.ok}
        for r in rows
    ]


def test_export_write_jsonl_writes_the_spec_record():
    from export_corpus import corpus

    handle = io.StringIO()
    documents = corpus()
    assert write_jsonl(documents, handle) == 3
    records = [json.loads(line) for line in handle.getvalue().splitlines()]
    assert records == [json.loads(json.dumps(export_record(d))) for d in documents]
    first = records[0]
    for key in ("doc_id", "name", "url", "outlet", "title", "published", "language", "text",
                "removed", "events", "actors", "times", "places", "quotes"):  # fmt: skip
        assert key in first
    assert "sentences" not in first
    assert first["removed"] == [{"line": "Share this story", "reason": "boilerplate", "index": 0}]
