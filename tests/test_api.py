"""The Python API on a small corpus of our own texts: dyad.open, ingest, DataFrames with
the export's columns, dyad.extract, and the README's example, run as written."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

import dyad
from dyad.errors import DocumentError, QueryError
from dyad.report.tables import TABLES
from dyad.store.testing import reset_postgres_database

README = Path(__file__).resolve().parents[1] / "README.md"

TALKS = (
    "Russian Foreign Minister Sergey Lavrov met Iranian Foreign Minister Abbas Araghchi in "
    'Moscow on Monday. "We discussed the nuclear file in detail," Lavrov told reporters '
    "after the meeting."
)
OFFER = (
    "Turkish President Recep Tayyip Erdogan offered on Friday to host talks between Russia "
    "and Ukraine in Istanbul. Erdogan said Turkey was ready to help both sides."
)
VISIT = """Kremlin Welcomes Iranian Minister

Russian President Vladimir Putin met Iranian Foreign Minister Abbas Araghchi at the Kremlin on Tuesday.

Putin said Russia and Iran would deepen their cooperation on energy.
"""
RECORDS = [
    {"name": "moscow-talks", "published": "2025-06-24", "outlet": "Example Wire", "text": TALKS},
    {"name": "ankara-offer", "published": "2025-03-14", "text": OFFER},
    {"name": "blank", "text": "   "},
]


@pytest.fixture(scope="module")
def opened(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dyad.Corpus]:
    folder = tmp_path_factory.mktemp("api")
    visit = folder / "kremlin-visit.txt"
    visit.write_text(VISIT, encoding="utf-8")
    store = dyad.open(folder / "dyad.db")
    report = store.ingest([*RECORDS[:2], visit, RECORDS[2]])
    assert sorted(report.stored) == ["ankara-offer", "kremlin-visit", "moscow-talks"]
    assert [e.name for e in report.errors] == ["record-4:1"]  # the 4th input, its only line
    yield store
    store.close()


@pytest.mark.parametrize("what", ["events", "quotes", "actors", "documents"])
def test_api_tables_have_the_export_columns(opened, what):
    frame = getattr(opened, what)()
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.columns) == [c.name for c in TABLES[what].columns]
    assert len(frame) > 0


def test_api_events_filter_by_dyad(opened):
    events = opened.events(dyad="RUS-IRN")
    assert len(events) >= 2
    pairs = {
        frozenset((s, t)) for s, t in zip(events.source_country, events.target_country, strict=True)
    }
    assert pairs == {frozenset(("RUS", "IRN"))}
    assert set(events.document) >= {"moscow-talks", "kremlin-visit"}
    assert set(opened.events(dyad=("IRN", "RUS")).event_id) == set(events.event_id)


def test_api_event_offsets_point_at_the_document_text(opened):
    documents = opened.documents()
    texts = dict(zip(documents.doc_id, documents.text, strict=True))
    for row in opened.events().itertuples():
        assert texts[row.doc_id][row.sentence_start : row.sentence_end] == row.sentence
        assert row.trigger in row.sentence


def test_api_quotes_and_dates(opened):
    quotes = opened.quotes(speaker="lavrov")
    assert [c.rstrip(",") for c in quotes.content] == ["We discussed the nuclear file in detail"]
    talks = opened.events(since="2025-06-23", until="2025-06-23", type="CONSULT")
    assert "moscow-talks" in set(talks.document)
    assert str(talks.published.iloc[0]) == "2025-06-24"


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda s: s.events(speaker="Lavrov"), "events cannot be filtered by speaker"),
        (lambda s: s.actors(dyad="RUS-IRN"), "actors cannot be filtered by dyad"),
        (lambda s: s.table("fact"), "there is no table 'fact'"),
        (lambda s: s.events(since="soon"), "since takes a date"),
        (lambda s: s.ingest([42]), "got a int"),
    ],
)
def test_api_refuses_bad_calls(opened, call, error):
    with pytest.raises(QueryError, match=error):
        call(opened)


def test_api_empty_selection_keeps_the_columns(opened):
    frame = opened.events(dyad="ISL-NZL")
    assert len(frame) == 0
    assert list(frame.columns) == [c.name for c in TABLES["events"].columns]


def test_api_ingest_again_stores_nothing(opened):
    report = opened.ingest(RECORDS[0])
    assert (report.stored, report.already_stored) == ([], 1)


@pytest.mark.postgres
def test_api_on_postgresql(postgres_url):
    reset_postgres_database(postgres_url)
    with dyad.open(postgres_url) as store:
        store.ingest([RECORDS[0]])
        events = store.events(dyad="RUS-IRN")
    assert "moscow-talks" in set(events.document)


def test_api_extract_returns_the_spec_record():
    record = dyad.extract(TALKS, published="2025-06-24", name="talks")
    for key in ("doc_id", "name", "text", "published", "removed", "events", "actors",
                "times", "places", "quotes"):  # fmt: skip
        assert key in record
    assert record["name"] == "talks" and record["published"] == "2025-06-24"
    text = record["text"]
    consult = [e for e in record["events"] if e["type"] == "CONSULT"]
    assert consult and consult[0]["date"]["value"] == "2025-06-23"  # Monday before the 24th
    for event in record["events"]:
        trigger, sentence = event["trigger"], event["sentence"]
        assert text[trigger["start"] : trigger["end"]] == trigger["text"]
        assert sentence["start"] <= trigger["start"] < sentence["end"]
    for item in record["actors"] + record["times"] + record["places"]:
        assert text[item["start"] : item["end"]] == item["text"]
    for quote in record["quotes"]:
        assert text[quote["content"]["start"] : quote["content"]["end"]] == quote["content"]["text"]


def test_api_extract_names_a_ministry_written_in_lower_case():
    record = dyad.extract(
        "Israel's foreign ministry said the strikes on Lebanon were necessary.",
        published="2025-06-24",
    )
    assert [(a["text"], a["name"]) for a in record["actors"]][:1] == [
        ("Israel's foreign ministry", "Israeli Foreign Ministry")
    ]
    assert [q["speaker"]["name"] for q in record["quotes"]] == ["Israeli Foreign Ministry"]


def test_api_extract_refuses_an_empty_text():
    with pytest.raises(DocumentError):
        dyad.extract("  \n ")


def test_api_readme_example_runs(tmp_path, monkeypatch, capsys):
    """The README's Python API example, run as a user would paste it."""
    section = README.read_text(encoding="utf-8").split("## Python API", 1)[1]
    match = re.search(r"```python\n(.*?)```", section, re.S)
    assert match is not None, "README has no Python API example"
    monkeypatch.chdir(tmp_path)
    exec(compile(match.group(1), "README.md", "exec"), {"__name__": "readme"})
    printed = capsys.readouterr().out
    assert "['caspian-talks'] []" in printed
    assert "CONSULT" in printed and "Sergey Lavrov" in printed
    assert (tmp_path / "example.db").exists()
