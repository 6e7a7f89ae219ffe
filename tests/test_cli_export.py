"""`dyad export` and the list commands' `--format`, in-process, as a user runs them."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from dyad.cli import app
from dyad.report.export import export_record
from dyad.report.tables import TABLES
from export_corpus import corpus, sqlite_store

runner = CliRunner()
COUNTS = {"events": 5, "quotes": 1, "actors": 8, "documents": 3}


@pytest.fixture
def db(tmp_path: Path) -> str:
    sqlite_store(tmp_path).close()
    return str(tmp_path / "dyad.db")


def run(*args: str):
    result = runner.invoke(app, list(args))
    return result


def test_cli_export_default_is_the_spec_jsonl(db):
    result = run("export", "--db", db)
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records == [json.loads(json.dumps(export_record(d))) for d in corpus()]
    same = run("export", "--db", db, "--what", "documents", "--format", "jsonl")
    assert same.stdout == result.stdout


@pytest.mark.parametrize("what", sorted(COUNTS))
@pytest.mark.parametrize("format", ["jsonl", "csv", "parquet"])
def test_cli_export_every_table_in_every_format(db, tmp_path, what, format):
    out = tmp_path / f"{what}.{format}"
    result = run("export", "--db", db, "--what", what, "-o", str(out))  # format from the name
    assert result.exit_code == 0, result.output
    assert f"wrote {COUNTS[what]} {what} to" in result.stderr
    names = [c.name for c in TABLES[what].columns]
    if format == "parquet":
        frame = pd.read_parquet(out)
    elif format == "csv":
        frame = pd.read_csv(out)
    else:
        frame = pd.read_json(out, lines=True)
    assert len(frame) == COUNTS[what]
    if not (format == "jsonl" and what == "documents"):  # that one is the nested record
        assert list(frame.columns) == names


def test_cli_export_parquet_to_a_pipe(db):
    result = run("export", "--db", db, "--what", "events", "--format", "parquet")
    assert result.exit_code == 0, result.output
    table = pq.read_table(io.BytesIO(result.stdout_bytes))
    assert table.num_rows == COUNTS["events"]


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (["--dyad", "PER-CHL"], ["ACCUSE", "CONSULT"]),
        (["--dyad", "PER-CHL", "--modality", "asserted"], ["ACCUSE"]),
        (["--type", "consult"], ["CONSULT", "CONSULT"]),
        (["--since", "2025-04", "--until", "2025-04-30"], ["ACCUSE"]),
        (["--until", "2025-03"], ["CONSULT", "SUPPORT"]),
    ],
)
def test_cli_export_filters(db, options, expected):
    result = run("export", "--db", db, "--what", "events", "--format", "csv", *options)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    assert [row["event_type"] for row in rows] == expected


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "xlsx"], "the export formats are: jsonl, csv, parquet"),
        (["--what", "fact"], "there is no table 'fact'"),
        (["--what", "quotes", "--type", "CONSULT"], "quotes cannot be filtered by type"),
        (["--what", "events", "--since", "June"], "since takes a date"),
        (["--what", "events", "--dyad", "RUS"], "two country codes"),
    ],
)
def test_cli_export_bad_options_exit_cleanly(db, args, message):
    result = run("export", "--db", db, *args)
    assert result.exit_code == 2
    assert message in " ".join(result.stderr.split())
    assert "Traceback" not in result.output


@pytest.mark.parametrize("command", ["events", "quotes", "docs"])
def test_cli_list_json_and_csv_agree_with_the_export(db, command):
    what = "documents" if command == "docs" else command
    as_json = run(command, "--db", db, "--format", "json")
    as_csv = run(command, "--db", db, "--format", "csv")
    assert as_json.exit_code == 0 and as_csv.exit_code == 0, as_json.output + as_csv.output
    rows = json.loads(as_json.stdout)
    table = list(csv.DictReader(io.StringIO(as_csv.stdout, newline="")))
    names = [c.name for c in TABLES[what].columns if not (command == "docs" and c.name == "text")]
    assert len(rows) == len(table) == COUNTS[what]
    assert list(rows[0]) == list(table[0]) == names


def test_cli_events_json_counts_equal_the_parquet_export(db, tmp_path):
    out = tmp_path / "events.parquet"
    run("export", "--db", db, "--what", "events", "--dyad", "PER-CHL", "-o", str(out))
    listed = run("events", "--db", db, "--dyad", "PER-CHL", "--format", "json")
    assert len(json.loads(listed.stdout)) == len(pd.read_parquet(out)) == 2


def test_cli_events_list_is_oldest_publication_first_with_limit(db):
    result = run("events", "--db", db, "--format", "json", "--limit", "3")
    assert [(r["document"], r["event_type"]) for r in json.loads(result.stdout)] == [
        ("summit", "CONSULT"),
        ("summit", "SUPPORT"),
        ("canal", "ACCUSE"),
    ]
    table = run("events", "--db", db, "--since", "2025-04")
    assert table.exit_code == 0 and "2 events" in table.stdout


def test_cli_docs_errors_as_json(db):
    result = run("docs", "--db", db, "--errors", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == []


def test_cli_list_refuses_an_unknown_format(db):
    result = run("quotes", "--db", db, "--format", "xml")
    assert result.exit_code == 2
    assert "the formats are: table, json, csv" in result.stderr
