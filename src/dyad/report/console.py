"""Rich renderings of stored data for the CLI: tables and highlighted documents.

These functions print to the console they are given; the library elsewhere never prints.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from dyad.model import EXTRACTION_LANGUAGES, Document, Event
from dyad.report.terminal import plain, printable

#: The ingest summary lists this many errors; `dyad docs --errors` lists them all.
SHOWN_ERRORS = 200
#: The ingest summary names this many documents that are not in English.
SHOWN_NAMES = 20
ROWS_PER_TABLE = 500

_SECTOR_STYLE = {"GOV": "bold cyan", "MIL": "bold red", "IGO": "bold magenta"}


def _cell(value: Any) -> Text:
    """A table cell from data: shown as it reads, never parsed as markup (see terminal)."""
    return plain(value)


def ingest_report(console: Console, report: Any) -> None:
    """Summary of an ingest run, with every error and its cause."""
    skipped = [e for e in report.errors if e.stage == "skip"]
    failed = [e for e in report.errors if e.stage != "skip"]
    unread = sum(e.stage == "read" for e in failed)
    # read = stored + already stored + errors after reading: the parts add up to the whole
    console.print(
        f"read {report.read} documents: {len(report.stored)} stored, "
        f"{report.already_stored} already stored, {len(failed) - unread} errors "
        f"({report.near_duplicates} stored are near duplicates); "
        f"{unread} inputs could not be read"
    )
    foreign = getattr(report, "not_english", [])
    if foreign:
        listed = ", ".join(f"{name} ({language})" for name, language in foreign[:SHOWN_NAMES])
        others = f" and {len(foreign) - SHOWN_NAMES} more" if len(foreign) > SHOWN_NAMES else ""
        console.print(
            plain(
                f"warning: {len(foreign)} stored documents are not in English: {listed}{others}; "
                "extraction supports English only, so their actors, events and quotes are "
                "missing or unreliable (`dyad docs` marks them)",
                "yellow",
            )
        )
    if skipped:
        names = ", ".join(e.name for e in skipped)
        console.print(plain(f"skipped {len(skipped)} files that are not news input: {names}"))
    shown = failed[:SHOWN_ERRORS]
    _chunked(
        console,
        "could not ingest",
        ("name", "stage", "cause"),
        ((_cell(e.name), _cell(e.stage), _cell(e.cause)) for e in shown),
    )
    if len(failed) > len(shown):
        more = len(failed) - len(shown)
        console.print(f"... and {more} more errors: `dyad docs --errors` lists every one")


def _chunked(
    console: Console, title: str, columns: Sequence[str], rows: Iterable[Sequence[Text]]
) -> None:
    """Rows printed as tables of `ROWS_PER_TABLE`: Rich measures a whole table before it
    prints, so one table of a million rows would hold them all in memory at once."""
    iterator = iter(rows)
    for number in itertools.count():
        chunk = list(itertools.islice(iterator, ROWS_PER_TABLE))
        if not chunk:
            return
        table = Table(title=title if number == 0 else None, title_justify="left")
        for column in columns:
            table.add_column(column, overflow="fold")
        for row in chunk:
            table.add_row(*row)
        console.print(table)


def _language_cell(language: str | None) -> Text:
    """The language, marked when extraction does not support it."""
    if language and language not in EXTRACTION_LANGUAGES:
        return plain(f"{language} (not English)", "yellow")
    return _cell(language)


def documents_table(console: Console, rows: Sequence[Any]) -> None:
    foreign = sum(bool(r.language) and r.language not in EXTRACTION_LANGUAGES for r in rows)
    caption = (
        f"{foreign} not in English: extraction supports English only, so their actors, "
        "events and quotes are missing or unreliable"
        if foreign
        else None
    )
    table = Table(
        title=f"{len(rows)} documents",
        title_justify="left",
        caption=caption,
        caption_justify="left",
    )
    for column in (
        "name",
        "outlet",
        "published",
        "language",
        "chars",
        "removed",
        "events",
        "quotes",
        "duplicate of",
    ):
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(
            _cell(row.name),
            _cell(row.outlet),
            _cell(row.published),
            _language_cell(row.language),
            str(row.chars),
            str(row.removed),
            str(row.events),
            str(row.quotes),
            _cell(row.duplicate_of),
        )
    console.print(table)


def errors_table(console: Console, rows: Sequence[Any]) -> None:
    _chunked(
        console,
        f"{len(rows)} ingest errors",
        ("run", "name", "source", "stage", "cause"),
        (
            (_cell(r.run_id), _cell(r.name), _cell(r.source), _cell(r.stage), _cell(r.cause))
            for r in rows
        ),
    )


def _highlighted(text: str, spans: Iterable[tuple[int, int, str]], offset: int = 0) -> Text:
    rich_text = plain(text, multiline=True)  # one character for one: offsets still hold
    for start, end, style in spans:
        if 0 <= start - offset < end - offset <= len(text):
            rich_text.stylize(style, start - offset, end - offset)
    return rich_text


def document(
    console: Console,
    doc: Document,
    *,
    actors: bool = False,
    events: bool = False,
    quotes: bool = False,
) -> None:
    """A document's metadata, text (with actors highlighted on request) and removed lines."""
    meta = Table.grid(padding=(0, 2))
    for label, value in (
        ("name", doc.name),
        ("id", doc.doc_id),
        ("source", doc.source),
        ("url", doc.url),
        ("outlet", doc.outlet),
        ("title", doc.title),
        ("published", doc.published),
        ("author", doc.author),
        ("language", doc.language),
        ("duplicate of", doc.duplicate_of),
    ):
        if value:
            meta.add_row(Text(label, style="bold"), _cell(value))
    console.print(meta)
    for repair in doc.repairs:
        console.print(plain(f"repaired: {repair}", "yellow"))
    for flag in doc.flags:
        console.print(plain(f"flag ({flag.kind}): {flag.message}", "bold yellow"))
    console.rule("text")
    spans = []
    if actors:
        spans = [
            (a.start, a.end, _SECTOR_STYLE.get(a.sector or "", "bold green")) for a in doc.actors
        ]
        spans += [(p.start, p.end, "underline") for p in doc.places]
        spans += [(t.start, t.end, "italic blue") for t in doc.times]
    console.print(_highlighted(doc.text, spans))
    if actors:
        _actors_table(console, doc)
    if events:
        _events_detail(console, doc)
    if quotes:
        _quotes_detail(console, doc)
    console.rule(f"{len(doc.removed)} removed lines")
    for line in doc.removed:
        console.print(Text.assemble((printable(f"[{line.reason}] "), "dim"), printable(line.line)))


def _actors_table(console: Console, doc: Document) -> None:
    table = Table(title=f"{len(doc.actors)} actor mentions", title_justify="left")
    for column in ("mention", "at", "name", "kind", "country", "sector", "role", "how"):
        table.add_column(column, overflow="fold")
    for a in doc.actors:
        table.add_row(
            _cell(a.text),
            f"{a.start}-{a.end}",
            _cell(a.name),
            _cell(a.kind),
            _cell(a.country),
            _cell(a.sector),
            _cell(a.role),
            _cell(a.how),
        )
    console.print(table)
    if doc.places:
        places = ", ".join(f"{p.text} ({p.name}, {p.country})" for p in doc.places)
        console.print(plain(f"places: {places}"))


def _side(ref: Any) -> str:
    if ref is None:
        return "-"
    name = ref.name or ref.text
    return printable(f"{name} [{ref.country}]" if ref.country else name)


def _events_detail(console: Console, doc: Document) -> None:
    console.rule(f"{len(doc.events)} events")
    for event in doc.events:
        _event_block(console, doc, event)


def _event_block(console: Console, doc: Document, event: Event) -> None:
    start, end = event.sentence.start, event.sentence.end
    spans = [(event.trigger.start, event.trigger.end, "bold reverse")]
    for ref in (event.source, event.target):
        if ref is not None and ref.start is not None and ref.end is not None:
            spans.append((ref.start, ref.end, "bold green"))
    when = event.date.value if event.date else None
    where = event.location.name if event.location else None
    console.print(
        Text.assemble(
            (printable(event.type), "bold"),
            f" {_side(event.source)} -> {_side(event.target)}",
            printable(f"  {event.modality}, confidence {event.confidence:.2f}"),
            printable(f", date {when}") if when else "",
            printable(f", in {where}") if where else "",
        )
    )
    console.print(_highlighted(doc.text[start:end], spans, offset=start))
    console.print(plain(f"  rule: {event.rule}", "dim"))


def _quotes_detail(console: Console, doc: Document) -> None:
    console.rule(f"{len(doc.quotes)} quotes")
    for quote in doc.quotes:
        kind = "direct" if quote.direct else "indirect"
        console.print(
            Text.assemble(
                (_side(quote.speaker), "bold"),
                printable(f" ({quote.cue}, {kind}): "),
                printable(quote.content.text),
            )
        )


def events_table(console: Console, rows: Sequence[Any]) -> None:
    table = Table(title=f"{len(rows)} events", title_justify="left")
    for column in ("document", "type", "source", "target", "modality", "date", "place", "evidence"):
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(
            _cell(row.doc_name),
            _cell(row.type),
            _pair(row.source_country, row.source_name),
            _pair(row.target_country, row.target_name),
            _cell(row.modality),
            _cell(row.date),
            _cell(row.location),
            _cell(row.evidence),
        )
    console.print(table)


def _pair(country: str | None, name: str | None) -> Text:
    if name and country:
        return plain(f"{name} [{country}]")
    return plain(name or country or "-")


def quotes_table(console: Console, rows: Sequence[Any]) -> None:
    table = Table(title=f"{len(rows)} quotes", title_justify="left")
    for column in ("speaker", "kind", "content", "sentence", "document", "outlet", "date"):
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(
            _pair(row.speaker_country, row.speaker_name),
            plain(f"{'direct' if row.direct else 'indirect'} ({row.cue})"),
            _cell(row.content),
            _cell(row.evidence),
            _cell(row.doc_name),
            _cell(row.outlet),
            _cell(row.published),
        )
    console.print(table)


def eval_table(console: Console, report: Any) -> None:
    table = Table(title="dyad eval", title_justify="left")
    table.add_column("measure")
    table.add_column("value", justify="right")
    table.add_column("detail", overflow="fold")
    for measure, value, detail in report.rows():
        shown = f"{value:.3f}" if isinstance(value, float) else _cell(value)
        table.add_row(_cell(measure), shown, _cell(detail))
    console.print(table)


def eval_details(console: Console, report: Any) -> None:
    """Every unmatched or mislabelled item, grouped by document, with its sentence."""
    table = Table(title="mismatches", title_justify="left")
    for column in ("document", "what", "kind", "item", "sentence"):
        table.add_column(column, overflow="fold")
    for m in report.mismatches():
        table.add_row(
            _cell(m.document), _cell(m.category), _cell(m.kind), _cell(m.item), _cell(m.sentence)
        )
    console.print(table)
    by_type = Table(title="events by type", title_justify="left")
    for column in ("type", "gold", "extracted", "matched"):
        by_type.add_column(column)
    for kind, gold, extracted, matched in report.type_rows():
        by_type.add_row(_cell(kind), str(gold), str(extracted), str(matched))
    console.print(by_type)


def settings_table(console: Console, table_rows: Sequence[Any], current: Any) -> None:
    table = Table(title="settings", title_justify="left")
    for column in ("name", "value", "default", "help"):
        table.add_column(column, overflow="fold")
    for setting in table_rows:
        table.add_row(
            _cell(setting.name),
            _cell(getattr(current, setting.name)),
            _cell(setting.default),
            _cell(setting.help),
        )
    console.print(table)
