"""Text from documents reaches the terminal as text: no markup, no escapes, no links."""

from __future__ import annotations

import io
from types import SimpleNamespace

import pytest
from rich.console import Console

from dyad.model import Document, IngestError
from dyad.report import console as render
from dyad.report.terminal import escaped, plain, printable

HOSTILE = [
    "[/x]",
    "[bold]loud[/bold]",
    "[link=https://evil.example]click[/link]",
    "\x1b]0;new window title\x07",
    "\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\",
    "\x1b[2J\x1b[Hcleared",
    "back\x08\x08\x08over\rwrite",
    "\u202eevil.exe\u202c",
    "nul\x00byte",
    "c1 \x9b31m csi",
]


@pytest.mark.parametrize(
    ("value", "multiline", "expected"),
    [
        (None, False, ""),
        (42, False, "42"),
        ("[/x] stays", False, "[/x] stays"),
        ("a\x1b[31mb", False, "a\ufffd[31mb"),
        ("one\ntwo\tthree", False, "one two three"),
        ("one\ntwo\tthree", True, "one\ntwo\tthree"),
        ("cr\rlf", True, "cr\ufffdlf"),
        ("\u202eabc", False, "\ufffdabc"),
        ("zero\u200cwidth joiner\u200d", False, "zero\u200cwidth joiner\u200d"),
        ("\x9b", False, "\ufffd"),
    ],
)
def test_printable(value: object, multiline: bool, expected: str) -> None:
    assert printable(value, multiline=multiline) == expected


@pytest.mark.parametrize("value", HOSTILE)
def test_printable_keeps_length_and_drops_every_control(value: str) -> None:
    shown = printable(value, multiline=True)
    assert len(shown) == len(value)  # offsets into a text still line up
    assert not any((ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F for c in shown)


@pytest.mark.parametrize("value", HOSTILE)
def test_plain_and_escaped_show_markup_literally(value: str) -> None:
    console = Console(file=io.StringIO(), width=200, color_system=None)
    console.print(plain(value))
    console.print(f"[bold]label:[/bold] {escaped(value)}")
    out = console.file.getvalue()  # type: ignore[attr-defined]
    assert printable(value) in out
    assert "\x1b" not in out


def _capture() -> tuple[Console, io.StringIO]:
    buffer = io.StringIO()
    # a real terminal: Rich emits styles and hyperlinks here, so leaks would show
    return Console(file=buffer, width=300, force_terminal=True, color_system="truecolor"), buffer


def _assert_inert(out: str) -> None:
    assert "\x1b]" not in out  # no OSC: neither a window title nor a hyperlink
    assert "\x1b[2J" not in out and "\x07" not in out and "\x08" not in out
    assert "\x9b" not in out and "\u202e" not in out


@pytest.mark.parametrize("value", HOSTILE)
def test_every_table_shows_hostile_values_as_text(value: str) -> None:
    console, buffer = _capture()
    error = IngestError(name=value, source=value, stage="read", cause=value)
    report = SimpleNamespace(read=1, stored=[], already_stored=0, near_duplicates=0)
    render.ingest_report(console, SimpleNamespace(**vars(report), errors=[error]))
    row = SimpleNamespace(
        name=value,
        outlet=value,
        published=value,
        language=value,
        chars=1,
        removed=0,
        events=0,
        quotes=0,
        duplicate_of=value,
        run_id=1,
        source=value,
        stage=value,
        cause=value,
    )
    render.documents_table(console, [row])
    render.errors_table(console, [row])
    event = SimpleNamespace(
        doc_name=value,
        type=value,
        source_country=value,
        source_name=value,
        target_country=None,
        target_name=value,
        modality=value,
        date=value,
        location=value,
        evidence=value,
    )
    render.events_table(console, [event])
    quote = SimpleNamespace(
        speaker_country=None,
        speaker_name=value,
        direct=True,
        cue=value,
        content=value,
        evidence=value,
        doc_name=value,
        outlet=value,
        published=value,
    )
    render.quotes_table(console, [quote])
    out = buffer.getvalue()
    _assert_inert(out)
    assert out.count(printable(value)[:4]) >= 10


@pytest.mark.parametrize("value", HOSTILE)
def test_document_view_shows_hostile_text_as_text(value: str) -> None:
    console, buffer = _capture()
    text = f"Lavrov said {value} in Moscow."
    document = Document(
        doc_id="0" * 16,
        name=value,
        text=text,
        source=value,
        url=value,
        outlet=value,
        title=value,
        author=value,
        repairs=[value],
    )
    render.document(console, document, actors=True, events=True, quotes=True)
    _assert_inert(buffer.getvalue())
    assert printable(text) in buffer.getvalue()


def test_settings_help_shows_its_bracketed_example() -> None:
    from dyad.settings import SETTINGS, load_settings

    console = Console(file=io.StringIO(), width=400, color_system=None)
    render.settings_table(console, SETTINGS, load_settings())
    assert "[dyad_actors, dyad_timex]" in console.file.getvalue()  # type: ignore[attr-defined]
