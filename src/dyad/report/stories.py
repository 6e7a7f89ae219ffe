"""Terminal views of stories, facts and contradictions (`dyad stories`, `story`, `facts`).

Every value shown comes from a document, so it goes through `plain` (never markup).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.table import Table

from dyad.report.terminal import plain


def _side(name: str | None, country: str | None) -> str:
    if name and country and name != country:
        return f"{name} ({country})"
    return name or country or "-"


def _date(fact: dict[str, Any]) -> str:
    value, precision = fact.get("date_value"), fact.get("date_precision")
    return f"{value} ({precision})" if value else "undated"


def link_summary(console: Console, report: Any) -> None:
    """One line after an ingest: what linking updated."""
    if report is None or not report.documents:
        return
    console.print(
        plain(
            f"linked {report.documents} documents: {report.stories} stories updated, "
            f"{report.facts} facts, {report.contradictions} contradictions"
        )
    )


def stories_table(console: Console, stories: Sequence[dict[str, Any]]) -> None:
    table = Table(title=f"{len(stories)} stories", title_justify="left")
    for column in ("id", "title", "dates", "documents", "outlets", "facts"):
        table.add_column(column, overflow="fold")
    for s in stories:
        dates = f"{s['start'] or '?'} – {s['end'] or '?'}" if s["start"] or s["end"] else "-"
        table.add_row(
            plain(s["story_id"]),
            plain(s["title"]),
            plain(dates),
            plain(s["documents"]),
            plain(len(s["outlets"])),
            plain(s["facts"]),
        )
    console.print(table)


def facts_table(console: Console, facts: Sequence[dict[str, Any]], title: str) -> None:
    table = Table(title=title, title_justify="left")
    for column in ("date", "type", "source", "target", "modality", "status", "origins", "in"):
        table.add_column(column, overflow="fold")
    for f in facts:
        flagged = " !" if f["conflicts"] else ""
        table.add_row(
            plain(_date(f)),
            plain(f["type"]),
            plain(_side(f["source_name"], f["source_country"])),
            plain(_side(f["target_name"], f["target_country"])),
            plain(f["modality"]),
            plain(f["status"] + flagged),
            plain(f["independent_sources"]),
            plain(", ".join(sorted({m["name"] for m in f["mentions"]}))),
        )
    console.print(table)


def contradictions_list(console: Console, conflicts: Sequence[dict[str, Any]]) -> None:
    if not conflicts:
        console.print(plain("no contradictions"))
        return
    console.print(plain(f"{len(conflicts)} contradictions", "bold"))
    for c in conflicts:
        console.print(plain(f"- {c['field']} ({c['severity']}): {c['summary']}"))
        for name, value in c["values"].items():
            console.print(plain(f"    {name}: {value}"))


def story_view(
    console: Console,
    story: dict[str, Any],
    facts: Sequence[dict[str, Any]],
    conflicts: Sequence[dict[str, Any]],
) -> None:
    """One story: its facts with status and origins, its contradictions, its documents."""
    console.print(plain(story["title"], "bold"))
    console.print(
        plain(
            f"{story['story_id']} · {story['start'] or '?'} – {story['end'] or '?'} · "
            f"{story['documents']} documents from {len(story['outlets'])} outlets"
        )
    )
    facts_table(console, facts, f"{len(facts)} facts")
    contradictions_list(console, conflicts)
    table = Table(title="documents", title_justify="left")
    for column in ("name", "outlet", "published", "origin"):
        table.add_column(column, overflow="fold")
    origin_names = {d["doc_id"]: d["name"] for d in story["documents"]}
    for d in story["documents"]:
        table.add_row(
            plain(d["name"]),
            plain(d["outlet"]),
            plain(d["published"]),
            plain(origin_names.get(d["origin"], d["origin"])),
        )
    console.print(table)


def timeline_table(console: Console, rows: Sequence[Any]) -> None:
    """`dyad timeline`: one row per fact, by date."""
    table = Table(title=f"{len(rows)} facts", title_justify="left")
    for column in ("date", "precision", "fact", "status", "sources", "documents"):
        table.add_column(column, overflow="fold")
    for r in rows:
        table.add_row(
            plain(r.date or "undated"),
            plain(r.precision or ""),
            plain(r.statement),
            plain(r.status),
            plain(r.independent_sources),
            plain(r.documents),
        )
    console.print(table)
