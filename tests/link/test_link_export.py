"""The stories and facts exports (SPEC.md section 6) and the list commands that pipe."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from dyad.cli import app
from dyad.store import Store

from .conftest import ingest_records
from .corpus import ALL

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("export")
    url = str(folder / "dyad.db")
    with Store(url) as store:
        ingest_records(store, folder, "all", ALL)
    return url


def _run(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_export_facts_jsonl_follows_spec_section_6(db: str) -> None:
    lines = _run("export", "--db", db, "--what", "facts").splitlines()
    facts = [json.loads(line) for line in lines]
    assert facts
    for fact in facts:
        assert set(fact) >= {
            "fact_id",
            "story_id",
            "type",
            "modality",
            "source",
            "target",
            "date",
            "status",
            "independent_sources",
            "origins",
            "mentions",
            "conflicts",
        }
        assert fact["status"] in ("corroborated", "single-source", "contested")
        documents = {m["document"] for m in fact["mentions"]}
        assert sorted(d for origin in fact["origins"] for d in origin) == sorted(documents)
        assert fact["independent_sources"] <= len(fact["origins"])
        for mention in fact["mentions"]:
            assert set(mention) >= {"document", "event_id", "sentence"}
        for conflict in fact["conflicts"]:
            assert set(conflict["values"]) <= set(conflict["documents"])


def test_export_stories_jsonl_lists_documents_by_name(db: str) -> None:
    stories = [
        json.loads(line) for line in _run("export", "--db", db, "--what", "stories").splitlines()
    ]
    names = sorted(name for story in stories for name in story["documents"])
    assert names == sorted(r["name"] for r in ALL)
    for story in stories:
        assert story["story_id"].startswith("s-") and story["title"]
        assert story["start"] <= story["end"]


def test_export_events_carry_their_fact(db: str) -> None:
    rows = list(
        csv.DictReader(
            io.StringIO(_run("export", "--db", db, "--what", "events", "--format", "csv"))
        )
    )
    fact_ids = {
        json.loads(line)["fact_id"]
        for line in _run("export", "--db", db, "--what", "facts").splitlines()
    }
    assert rows and all(row["fact_id"] in fact_ids for row in rows if row["source_country"])


@pytest.mark.parametrize("what", ["facts", "stories"])
def test_export_flat_facts_and_stories_as_parquet(db: str, tmp_path: Path, what: str) -> None:
    target = tmp_path / f"{what}.parquet"
    _run("export", "--db", db, "--what", what, "-o", str(target))
    table = pq.read_table(target)
    assert table.num_rows > 0
    assert ("fact_id" if what == "facts" else "story_id") in table.column_names


def test_facts_command_filters_and_pipes(db: str) -> None:
    rows = list(
        csv.DictReader(
            io.StringIO(_run("facts", "--db", db, "--dyad", "IRN-ISR", "--format", "csv"))
        )
    )
    assert {(r["event_type"], r["status"]) for r in rows} == {("ASSAULT", "contested")}
    contested = json.loads(_run("facts", "--db", db, "--status", "contested", "--format", "json"))
    assert [f["event_type"] for f in contested] == ["ASSAULT"]
    may = json.loads(
        _run("facts", "--db", db, "--since", "2025-05", "--until", "2025-05", "--format", "json")
    )
    assert may and all(f["event_date"].startswith("2025-05") for f in may)


def test_facts_command_refuses_an_unknown_status(db: str) -> None:
    result = runner.invoke(app, ["facts", "--db", db, "--status", "rumoured"])
    assert result.exit_code != 0
    assert "corroborated" in result.output


def test_story_command_shows_facts_contradictions_and_documents(db: str) -> None:
    stories = json.loads(_run("stories", "--db", db, "--format", "json"))
    march = next(s for s in stories if s["start"].startswith("2025-03"))
    shown = _run("story", march["story_id"][:6], "--db", db)
    assert "CONSULT" in shown and "corroborated" in shown
    assert "quote_wording" in shown and "date" in shown
    assert "wire-one" in shown and "tehran-desk" in shown


def test_story_command_names_a_missing_story(db: str) -> None:
    result = runner.invoke(app, ["story", "s-nothing", "--db", db])
    assert result.exit_code != 0
    assert "dyad stories" in result.output
