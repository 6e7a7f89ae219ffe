"""`dyad timeline`: one row per merged fact, by date, with its precision and source counts.

`build_timeline` returns `TimelineRow`s (a flat record: the CSV and JSON columns); the
terminal table, CSV, JSON and HTML (a standalone page, and the explorer's dyad page) all
render these rows.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from dyad.query import Filters, select_facts
from dyad.report.sentences import doc_ids_of, facts_text
from dyad.store import Store

TIMELINE_FORMATS = ("table", "csv", "json", "html")


@dataclass(frozen=True, slots=True)
class TimelineRow:
    """One fact on the timeline (its sentence is the brief's)."""

    date: str | None
    precision: str | None
    event_type: str
    quad_class: str
    intensity: float
    modality: str
    source: str | None
    target: str | None
    place: str | None
    status: str
    independent_sources: int
    documents: int
    outlets: int
    statement: str
    fact_id: str
    story_id: str


def build_timeline(
    store: Store,
    filters: Filters | None = None,
    *,
    story: str | None = None,
    actor: str | None = None,
) -> list[TimelineRow]:
    """The facts a selection covers, dated ones first by date, then the undated.

    Raises:
        QueryError: a story id that names no single story, or a filter facts cannot take.
    """
    facts = select_facts(store, filters, story=story, actor=actor)
    documents = {d.doc_id: d for d in store.links.documents(doc_ids_of(facts))}
    return [
        TimelineRow(
            date=f.date,
            precision=f.precision,
            event_type=f.type,
            quad_class=f.quad,
            intensity=f.intensity,
            modality=f.modality,
            source=f.source,
            target=f.target,
            place=f.place,
            status=f.status,
            independent_sources=f.independent_sources,
            documents=len(f.citations),
            outlets=len({c.outlet for c in f.citations}),
            statement=f.text,
            fact_id=f.fact_id,
            story_id=f.story_id,
        )
        for f in facts_text(facts, documents)
    ]


def render_timeline(rows: Sequence[TimelineRow], format: str, title: str = "Timeline") -> str:
    """The rows as csv, json (an array) or html (a standalone page)."""
    from dyad.query import columns_of
    from dyad.report.export import write_csv, write_json_array

    if format == "html":
        from dyad.report.html import render_page

        return render_page("timeline_page.html", {"rows": rows, "title": title})
    buffer = io.StringIO()
    columns = columns_of(TimelineRow)
    if format == "csv":
        write_csv(columns, rows, buffer)
    else:
        write_json_array(columns, rows, buffer)
    return buffer.getvalue()
