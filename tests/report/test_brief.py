"""dyad brief, timeline and trend on our own corpus (tests/briefing_corpus.py)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefing_corpus import HOSTILE_TEXT, build_store
from dyad.cli import app
from dyad.errors import LexiconError, QueryError
from dyad.query import Filters
from dyad.report.brief import build_brief, render_brief
from dyad.report.sentences import date_phrase, read_phrases, statement
from dyad.report.timeline import build_timeline, render_timeline
from dyad.report.trend import build_trend, trend_csv, trend_svg, write_trend
from dyad.store import Store

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build_store(tmp_path_factory.mktemp("briefing"))


@pytest.fixture
def store(db: str) -> Iterator[Store]:
    with Store(db, create=False) as opened:
        yield opened


def test_brief_states_each_key_fact_with_citations_and_status(store: Store) -> None:
    brief = build_brief(store, Filters(dyad="RUS-IRN"))
    assert brief.key_facts, "the March and May meetings are dated facts"
    names = {d.name for d in store.iter_documents()}
    for fact in brief.key_facts + brief.undated + brief.context:
        assert fact.citations, fact.text
        assert {c.document for c in fact.citations} <= names
        assert fact.status in ("corroborated", "single-source", "contested")
    dates = [f.date for f in brief.key_facts]
    assert dates == sorted(dates)
    march = [f for f in brief.key_facts if f.type == "CONSULT" and f.date == "2025-03-10"]
    assert march and march[0].status == "corroborated"
    assert march[0].text.startswith("On 10 March 2025, ")
    assert "(2 independent sources)" in march[0].corroboration or march[0].independent_sources > 2


def test_brief_is_deterministic_and_markdown_cites_outlet_and_date(store: Store) -> None:
    first = render_brief(build_brief(store, Filters(dyad="RUS-IRN")), "md")
    assert first == render_brief(build_brief(store, Filters(dyad="RUS-IRN")), "md")
    swapped = render_brief(build_brief(store, Filters(dyad="IRN-RUS")), "md")
    assert swapped.split("\n", 1)[1] == first.split("\n", 1)[1]  # the title names the order
    assert "[tehran-desk.example, 2025-03-11]" in first
    assert "## Key facts" in first and "## Sources" in first


def test_brief_keeps_announced_and_denied_apart(store: Store) -> None:
    brief = build_brief(store)
    said = {f.modality for f in brief.announced} | {f.modality for f in brief.denied}
    assert all(f.modality == "future" for f in brief.announced)
    assert all(f.modality == "negated" for f in brief.denied)
    assert all(f.modality == "asserted" for f in brief.key_facts + brief.undated)
    assert said <= {"future", "negated"}


def test_brief_markdown_and_html_escape_article_text(store: Store) -> None:
    brief = build_brief(store, Filters(dyad="RUS-IRN"))
    page = render_brief(brief, "html")
    assert "<script>" not in page and "<b>evil" not in page
    markdown = render_brief(brief, "md")
    assert "<script>" not in markdown and "<b>" not in markdown
    data = json.loads(render_brief(brief, "json"))
    assert set(data) >= {"key_facts", "contradictions", "quotes", "announced", "sources"}


@pytest.mark.parametrize(
    ("value", "precision", "expected"),
    [
        ("2025-12-17", "day", "on 17 December 2025"),
        ("2025-01", "month", "in January 2025"),
        ("2025", "year", "in 2025"),
        (None, None, None),
        ("2025-13", "month", "in 2025"),
    ],
)
def test_sentences_date_phrase(value, precision, expected) -> None:
    assert date_phrase(value, precision) == expected


@pytest.mark.parametrize(
    ("fact", "expected"),
    [
        (
            {"type": "CONSULT", "modality": "asserted", "source_name": "Abbas Araghchi",
             "source_country": "IRN", "target_name": "Russian government",
             "target_country": "RUS", "date_value": "2025-06-22", "date_precision": "day"},
            "On 22 June 2025, Abbas Araghchi held talks with Russia in Moscow.",
        ),
        (
            {"type": "CONSULT", "modality": "future", "source_name": "Benjamin Netanyahu",
             "source_country": "ISR", "target_name": "Donald Trump", "target_country": "USA",
             "date_value": "2025-12-29", "date_precision": "day"},
            "Benjamin Netanyahu is to hold talks with Donald Trump in Moscow on 29 December 2025.",
        ),
        (
            {"type": "ASSAULT", "modality": "negated", "source_name": None,
             "source_country": "ISR", "target_name": None, "target_country": "IRN",
             "date_value": None, "date_precision": None},
            "Israel did not attack Iran in Moscow.",
        ),
        (
            {"type": "ASSAULT", "modality": "asserted", "source_name": "US government",
             "source_country": "USA", "target_name": None, "target_country": None,
             "date_value": "2025-06", "date_precision": "month"},
            "In June 2025, the United States carried out an attack in Moscow.",
        ),
    ],
)  # fmt: skip
def test_sentences_statement(fact, expected) -> None:
    assert statement(fact, "Moscow") == expected


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("{type: NOPE, did: a, did_alone: a, do: a, do_alone: a}", "unknown type"),
        ('{type: AGREE, did: "{place}", did_alone: a, do: a, do_alone: a}', "uses ['place']"),
        ('{type: AGREE, did: a, did_alone: a, do: "{source}", do_alone: a}', "uses ['source']"),
        ("{type: AGREE, did: a, did_alone: a, do: a}", "missing keys"),
        ('{type: AGREE, did: a, did_alone: a, do: a, do_alone: ""}', "non-empty"),
    ],
)
def test_sentences_phrases_file_refuses_bad_entries(tmp_path: Path, entry, message) -> None:
    path = tmp_path / "phrases.yaml"
    path.write_text(f"types:\n  - {entry}\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"phrases\.yaml:2") as error:
        read_phrases(path)
    assert message in str(error.value)


def test_timeline_rows_by_date_with_precision_and_counts(store: Store) -> None:
    rows = build_timeline(store, Filters(dyad="RUS-IRN"))
    dated = [r.date for r in rows if r.date]
    assert dated == sorted(dated)
    assert all(r.precision in ("day", "month", "year") for r in rows if r.date)
    assert all(r.documents >= r.independent_sources >= 1 for r in rows)
    table = list(csv.DictReader(io.StringIO(render_timeline(rows, "csv"))))
    assert len(table) == len(rows) and "precision" in table[0]
    assert "<script>" not in render_timeline(rows, "html")


def test_trend_counts_quads_and_marks_the_spike(store: Store, tmp_path: Path) -> None:
    trend = build_trend(store, Filters(dyad="RUS-IRN"), by="month")
    periods = [r.period for r in trend.rows]
    assert periods == sorted(periods) and periods[0] == "2025-03"
    assert all(
        r.facts
        == r.verbal_cooperation + r.material_cooperation + r.verbal_conflict + r.material_conflict
        for r in trend.rows
    )
    spikes = [r for r in trend.rows if r.spike]
    assert spikes and all(r.main_fact_date for r in spikes)
    assert "2025-03" in trend_csv(trend)
    svg = trend_svg(trend)
    assert svg.startswith("<svg") and "▲" in svg and "<script" not in svg
    for suffix in (".csv", ".svg", ".png"):
        write_trend(trend, tmp_path / f"trend{suffix}")
    assert (tmp_path / "trend.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with pytest.raises(QueryError, match="-o takes a file ending in"):
        write_trend(trend, tmp_path / "trend.gif")
    with pytest.raises(QueryError, match="week or month"):
        build_trend(store, by="day")


def test_trend_by_week_leaves_out_coarser_dates(store: Store) -> None:
    trend = build_trend(store, by="week")
    assert all("-W" in r.period for r in trend.rows)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["brief", "--dyad", "RUS-IRN"], "## Key facts"),
        (["brief", "--actor", "Araghchi", "--format", "json"], '"key_facts"'),
        (["timeline", "--dyad", "RUS-IRN", "--format", "csv"], "date,precision"),
        (["trend", "--dyad", "RUS-IRN", "--by", "month"], "period,start,end"),
    ],
)
def test_cli_reports(db: str, args, expected) -> None:
    result = runner.invoke(app, [*args, "--db", db])
    assert result.exit_code == 0, result.output
    assert expected in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["brief", "--format", "pdf"], "unknown format"),
        (["brief", "--story", "s-nope"], "no single story"),
        (["timeline", "--dyad", "RUSSIA-IRN"], "unknown country code"),
        (["trend", "--by", "day"], "week or month"),
        (["trend", "-o", "chart.gif"], "-o takes a file"),
    ],
)
def test_cli_reports_refuse_bad_options(db: str, args, message) -> None:
    result = runner.invoke(app, [*args, "--db", db])
    assert result.exit_code != 0
    assert message in result.output


def test_hostile_text_is_in_the_store_as_written(store: Store) -> None:
    document = store.get_document("hostile")
    assert document is not None and "<script>" in document.text
    assert HOSTILE_TEXT.split("\n")[0] in document.text
