"""A folder mixing good articles with every hostile kind of input: the good ones are all
stored, every bad one is listed with its cause, and nothing reaches the terminal raw.

Runs on SQLite and on PostgreSQL (which refuses NUL in text columns and checks encodings
strictly), end to end through the CLI as a user runs it.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from backends import BACKENDS
from dyad.cli import app
from dyad.model import ActorRef, Document, Quote, SentenceRef, Span
from dyad.pipeline import ingest
from dyad.settings import load_settings
from dyad.store import Store
from dyad.store.testing import (
    reset_postgres_database,
)

runner = CliRunner()

STORY = (
    "Iranian Foreign Minister Abbas Araghchi met Russian Foreign Minister Sergey Lavrov "
    "in Moscow on {day}. The ministers discussed the {topic} and agreed to meet again."
)
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
TOPICS = ["grain deal", "rail corridor", "gas swap", "bank links", "visa rules", "port works"]


def _story(i: int) -> str:
    return STORY.format(day=DAYS[i % 7], topic=TOPICS[i % 6]) + f" Report {i} of the desk."


def _jsonl(*entries: dict[str, object], raw: str = "") -> str:
    return "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in entries) + raw


def _warc_with_header_line(line: bytes) -> bytes:
    return line + b"\r\nWARC-Type: response\r\nContent-Length: 10\r\n\r\nnot http\r\n"


def _warc_without_pages() -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    http = StatusAndHeaders("404 Not Found", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        "https://gone.example/",
        "response",
        payload=io.BytesIO(b"<p>x</p>"),
        length=8,
        http_headers=http,
    )
    writer.write_record(record)
    return out.getvalue()


#: (file name, content, names it must store, whether it must leave an error row)
HOSTILE: list[tuple[str, str | bytes, list[str], bool]] = [
    ("good_a.txt", _story(0), ["good_a"], False),
    (
        "deep.jsonl",
        "[" * 50_000 + "]" * 50_000 + "\n" + _jsonl({"name": "after-deep", "text": _story(1)}),
        ["after-deep"],
        True,
    ),
    (
        "bigint.jsonl",
        '{"text": "x", "n": '
        + "3" * 4400
        + "}\n"
        + _jsonl({"name": "after-int", "text": _story(2)}),
        ["after-int"],
        True,
    ),
    (
        "surrogate.jsonl",
        '{"name": "sur\\ud800rogate", "title": "t\\udfff", "author": "\\ud800", "text": "'
        + _story(3)
        + ' \\ud800"}\n',
        ["sur\ufffdrogate"],
        False,
    ),
    (
        "nul.jsonl",
        _jsonl({"name": "nul\x00name", "outlet": "Out\x00let", "text": _story(4) + "\x00"}),
        ["nulname"],
        False,
    ),
    (
        "markup.jsonl",
        _jsonl(
            {
                "name": "[/x]",
                "outlet": "[link=https://evil.example]Desk[/link]",
                "title": "\x1b]0;owned\x07",
                "author": "[bold]A[/bold]",
                "text": _story(5) + ' Lavrov said: "[the United States] must listen."',
            }
        ),
        ["[/x]"],
        False,
    ),
    (
        "u2028.jsonl",
        _jsonl({"name": "line-sep", "text": _story(6) + "\u2028Second paragraph."}),
        ["line-sep"],
        False,
    ),
    ("empty.json", "[]", [], True),
    (
        "nofeed.rss",
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>',
        [],
        True,
    ),
    (
        "badlink.rss",
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>x</title><link>http://[::1</link></item></channel></rss>',
        [],
        True,
    ),
    ("nul-header.warc", _warc_with_header_line(b"WARC/1.0\x00[/x]\x1b[2J"), [], True),
    ("nopages.warc", _warc_without_pages(), [], True),
    ("esc\x1b]0;t\x07name.txt", _story(7), ["esc ]0;t name"], False),
    ("[bold]file.txt", _story(8), ["[bold]file"], False),
    ("good_z.txt", _story(9), ["good_z"], False),
]


def _write_folder(folder: Path) -> None:
    folder.mkdir()
    for name, content, _, _ in HOSTILE:
        data = content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
        (folder / name).write_bytes(data)


@pytest.fixture(params=BACKENDS)
def db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "hostile.db")
    url: str = request.getfixturevalue("postgres_url")
    reset_postgres_database(url)
    return url


ESCAPES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def test_hostile_folder_stores_every_good_file_and_lists_every_bad_one(
    tmp_path: Path, db: str
) -> None:
    folder = tmp_path / "in"
    _write_folder(folder)
    result = runner.invoke(app, ["ingest", str(folder), "--db", db])
    assert result.exit_code == 0, result.output
    assert not ESCAPES.search(result.output)
    with Store(db) as store:
        stored = {d.name for d in store.list_documents()}
        errors = store.list_errors()
    expected = {name for _, _, names, _ in HOSTILE for name in names}
    assert stored == expected
    failed_files = {Path(e.source).name for e in errors}
    assert failed_files == {name for name, _, _, bad in HOSTILE if bad}
    assert all(e.cause for e in errors)
    summary = result.output.splitlines()[0]
    numbers = [int(n) for n in re.findall(r"\d+", summary)]
    read, stored_now, already, failed = numbers[:4]
    assert read == stored_now + already + failed
    for command in (
        ["docs"],
        ["docs", "--errors"],
        ["events"],
        ["quotes"],
        ["show", "[/x]", "--quotes", "--events", "--actors"],
    ):
        shown = runner.invoke(app, [*command, "--db", db])
        assert shown.exit_code == 0, (command, shown.output)
        assert not ESCAPES.search(shown.output), command
    shown = runner.invoke(app, ["show", "[/x]", "--db", db, "--quotes"]).output
    assert "[the United States] must listen" in shown
    assert "[link=https://evil.example]Desk[/link]" in shown


def _document(name: str, text: str, quote: str) -> Document:
    start = text.index(quote)
    span = Span(text=quote, start=start, end=start + len(quote))
    sentence = SentenceRef(index=0, start=0, end=len(text))
    return Document(
        doc_id=name.ljust(16, "0")[:16],
        name=name,
        text=text,
        source=f"{name}.txt",
        quotes=[
            Quote(
                content=span,
                speaker=ActorRef(text="Lavrov"),
                cue="said",
                direct=True,
                sentence=sentence,
            )
        ],
    )


class _PickyStore(Store):
    """A store that fails any batch holding a document named 'poison', as a database
    refusing one value would."""

    def write_batch(self, documents, errors=(), **kwargs):  # type: ignore[no-untyped-def]
        if any(d.name.startswith("poison") for d in documents):
            raise UnicodeEncodeError("utf-8", "\ud800", 0, 1, "surrogates not allowed")
        return super().write_batch(documents, errors, **kwargs)


@pytest.mark.parametrize(
    ("names", "stored", "refused"),
    [
        (["a", "poison", "b"], ["a", "b"], ["poison"]),
        (["poison-1", "poison-2"], [], ["poison-1", "poison-2"]),
        (["a", "b"], ["a", "b"], []),
    ],
)
def test_one_unstorable_document_never_costs_its_batch(
    tmp_path: Path, names: list[str], stored: list[str], refused: list[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i, name in enumerate(names):
        (folder / f"{name}.txt").write_text(_story(i), encoding="utf-8")
    settings = load_settings(None, db=str(tmp_path / "s.db"), batch_size=8, components=[])
    with _PickyStore(settings.db) as store:
        report = ingest([str(folder)], store, settings)
        rows = store.list_errors()
    assert sorted(report.stored) == stored
    assert sorted(e.name for e in report.errors) == refused
    assert sorted(e.name for e in rows) == refused
    assert all(e.stage == "store" and "UnicodeEncodeError" in e.cause for e in rows)
    assert report.read == len(report.stored) + report.already_stored + len(report.errors)


def test_store_counts_its_nul_refusals(tmp_path: Path) -> None:
    text = "Lavrov said the talks went well."
    good = _document("good", text, "the talks")
    bad = _document("bad", text.replace("went", "ran"), "the talks")
    bad.quotes[0].cue = "sa\x00id"  # an extracted item the store cannot keep
    with Store(str(tmp_path / "s.db")) as store:
        written = store.write_batch([good, bad])
        rows = store.list_errors()
    assert list(written) == [good.doc_id]
    assert [e.name for e in written.refused] == ["bad"]
    assert [(e.name, e.stage) for e in rows] == [("bad", "store")]
    assert "NUL" in rows[0].cause


@pytest.mark.parametrize(
    ("make", "refused"),
    [
        # a feed item is not size-checked by its reader: the pipeline refuses it unread
        (
            lambda n: (
                f'<rss version="2.0"><channel><title>W</title><item><guid>big</guid><description>{"w " * n}</description></item></channel></rss>'
            ),
            True,
        ),
        (lambda n: _jsonl({"name": "big", "text": "w " * n}), True),
        (lambda n: _jsonl({"name": "big", "text": "w " * (n // 4)}), False),
    ],
)
def test_one_size_limit_refuses_before_cleaning(tmp_path: Path, make: Any, refused: bool) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    limit = 40_000
    (folder / ("x.rss" if "rss" in make(1) else "x.jsonl")).write_text(make(limit // 2 + 100))
    settings = load_settings(None, db=str(tmp_path / "s.db"), components=[], max_bytes=limit)
    with Store(settings.db) as store:
        report = ingest([str(folder)], store, settings)
    if refused:
        (error,) = report.errors
        assert error.stage == "read" and "too large" in error.cause and "max_bytes" in error.cause
    else:
        assert report.stored == ["big"] and not report.errors


def test_parser_limit_follows_max_bytes() -> None:
    from dyad.pipeline import nlp_for

    assert nlp_for(load_settings(None, components=[], max_bytes=123_456)).max_length == 123_457
