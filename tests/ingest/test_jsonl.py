"""JSON Lines and JSON containers: entries, names, metadata and per-line errors."""

from __future__ import annotations

import io
import json

import pytest

from dyad.ingest import IngestSettings
from dyad.ingest.jsonl import iter_json, looks_like_json
from dyad.model import IngestError, RawDocument

SETTINGS = IngestSettings()


def _items(
    data: bytes, lines: bool = True, outlet: str | None = None
) -> list[RawDocument | IngestError]:
    return list(
        iter_json(
            data,
            stem="batch",
            source="in/batch.jsonl",
            outlet=outlet,
            settings=SETTINGS,
            lines=lines,
        )
    )


def _line(**entry: object) -> bytes:
    return json.dumps(entry).encode() + b"\n"


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ({"text": "Araghchi met Lavrov."}, ("batch:1", "text", "Araghchi met Lavrov.", None)),
        (
            {"html": "<p>Talks in Moscow.</p>", "id": 42},
            ("42", "html", None, "<p>Talks in Moscow.</p>"),
        ),
        ({"text": "T", "html": "<p>H</p>", "name": "n1", "id": "i1"}, ("n1", "text", "T", None)),
        ({"text": "  ", "html": "<p>H</p>", "name": ""}, ("batch:1", "html", None, "<p>H</p>")),
    ],
)
def test_entry_body_and_name(
    entry: dict[str, object], expected: tuple[str, str, str | None, str | None]
) -> None:
    (doc,) = _items(_line(**entry))
    assert isinstance(doc, RawDocument)
    assert (doc.name, doc.format, doc.text, doc.html) == expected
    assert doc.data is None


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2025-01-17", "2025-01-17"),
        ("2025-06-23T22:30:00-04:00", "2025-06-23"),
        ("Fri, 17 Jan 2025 10:00:00 +0300", "2025-01-17"),
        ("January 17, 2025", "2025-01-17"),
        ("17/01/2025", None),
        ("last Friday", None),
        (20250117, None),
        (None, None),
    ],
)
def test_published_normalized_never_guessed(published: object, expected: str | None) -> None:
    (doc,) = _items(_line(text="x", published=published))
    assert isinstance(doc, RawDocument) and doc.published == expected


def test_metadata_fields() -> None:
    line = _line(
        text="x", url="https://a.example/1", outlet="Gulf Monitor Daily", title="T", author="A. B."
    )
    (doc,) = _items(line, outlet="Other")
    assert isinstance(doc, RawDocument)
    assert (doc.url, doc.outlet, doc.title, doc.author) == (
        "https://a.example/1",
        "Gulf Monitor Daily",
        "T",
        "A. B.",
    )


def test_bad_lines_reported_and_rest_read() -> None:
    data = (
        _line(text="first")
        + b'{"text": "unterminated\n'
        + b"\n"
        + _line(title="no body")
        + b"[1, 2]\n"
        + _line(text=5)
        + _line(text="last")
    )
    items = _items(data)
    assert [type(i).__name__ for i in items] == [
        "RawDocument",
        "IngestError",
        "IngestError",
        "IngestError",
        "IngestError",
        "RawDocument",
    ]
    errors = [i for i in items if isinstance(i, IngestError)]
    assert [e.name for e in errors] == ["batch:2", "batch:4", "batch:5", "batch:6"]
    assert errors[0].cause.startswith("line 2: malformed JSON")
    assert "line 4: entry has neither 'text' nor 'html'" in errors[1].cause
    assert "expected a JSON object, got list" in errors[2].cause
    assert "'text' must be a string, got int" in errors[3].cause
    assert all(e.source == "in/batch.jsonl" and e.stage == "read" for e in errors)
    assert items[-1].name == "batch:7"


def test_oversized_line() -> None:
    settings = IngestSettings(max_bytes=100)
    data = _line(text="x" * 200) + _line(text="ok")
    items = list(
        iter_json(data, stem="b", source="b.jsonl", outlet=None, settings=settings, lines=True)
    )
    assert isinstance(items[0], IngestError) and "entry too large" in items[0].cause
    assert isinstance(items[1], RawDocument)


@pytest.mark.parametrize(
    ("data", "names"),
    [
        (b'{"text": "one", "id": "x"}', ["x"]),
        (b'[{"text": "one"}, {"html": "<p>two</p>"}]', ["batch:1", "batch:2"]),
        (b'{"text": "a"}\n{"text": "b"}\n', ["batch:1", "batch:2"]),
        (b'\xef\xbb\xbf{"text": "bom"}', ["batch:1"]),
    ],
)
def test_json_file_shapes(data: bytes, names: list[str]) -> None:
    items = _items(data, lines=False)
    assert [i.name for i in items] == names
    assert all(isinstance(i, RawDocument) for i in items)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b'{"text": "a",\n "id": 1', "malformed JSON at line 2"),
        (b'"just a string"', "expected a JSON object, got str"),
        (b'{"text": "caf\xe9"}', "not UTF-8 at byte"),
    ],
)
def test_json_file_errors(data: bytes, expected: str) -> None:
    (err,) = _items(data, lines=False)
    assert isinstance(err, IngestError) and expected in err.cause


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b'{"text": "a"}', True),
        (b'{"text": "a"}\n{"text": "b"}', True),
        (b"[1, 2]", True),
        (b"[Photo] Lavrov in Moscow", False),
        (b"{not json}", False),
        (b"\xff\xfe{", False),
    ],
)
def test_looks_like_json(data: bytes, expected: bool) -> None:
    assert looks_like_json(data) is expected


# --- hostile input: every case is one error row for its line or item, never an exception ---


def _json_items(
    data: bytes, lines: bool, max_bytes: int = 300_000
) -> list[RawDocument | IngestError]:
    settings = IngestSettings(max_bytes=max_bytes)
    stream = io.BytesIO(data)
    return list(
        iter_json(stream, stem="h", source="h.json", outlet=None, settings=settings, lines=lines)
    )


def _kinds(items: list[RawDocument | IngestError]) -> list[str]:
    return [i.name if isinstance(i, RawDocument) else f"error {i.name}" for i in items]


@pytest.mark.parametrize(
    ("data", "lines", "expected", "cause"),
    [
        # nested deeper than the interpreter's stack
        (
            b"[" * 100_000 + b"]" * 100_000 + b"\n" + _line(text="ok"),
            True,
            ["error h:1", "h:2"],
            "nested too deeply",
        ),
        # an integer longer than Python's digit limit
        (
            b'{"text": "x", "n": ' + b"7" * 4400 + b"}\n" + _line(text="ok"),
            True,
            ["error h:1", "h:2"],
            "cannot read",
        ),
        # U+2028 and U+2029 are valid inside a JSON string: the line stays whole
        ('{"text": "a\u2028b\u2029c"}\n{"text": "d"}\n'.encode(), True, ["h:1", "h:2"], None),
        # a lone surrogate escape is read (cleaning repairs it), not a crash
        (b'{"text": "a \\ud800 b", "name": "s\\udfff"}\n', True, ["s\udfff"], None),
        # invalid UTF-8 costs its line only
        (b'{"text": "caf\xe9"}\n' + _line(text="ok"), True, ["error h:1", "h:2"], "not UTF-8"),
        (b"\n\n  \n", True, ["error h"], "nothing to read"),
        (b"[]", False, ["error h"], "nothing to read: the JSON array is empty"),
        (b" [ \n ] ", False, ["error h"], "nothing to read"),
        (b'[{"text": "a"}, {"text": "b"}]', False, ["h:1", "h:2"], None),
        (b'[\n {"text": "a"},\n {"text": "b"}\n]\n', False, ["h:1", "h:2"], None),
        (
            b'[{"text": "a"}, 12345678, {"text": "b"}]',
            False,
            ["h:1", "error h:2", "h:3"],
            "got int",
        ),
        # a broken array keeps the items before the damage and says where it stopped
        (
            b'[{"text": "a"}, {"text": }, {"text": "c"}]',
            False,
            ["h:1", "error h:2"],
            "item 2: malformed",
        ),
        (b'[{"text": "a"} {"text": "b"}]', False, ["h:1", "error h:2"], "malformed"),
        (b'[{"text": "a"}, ' + b"[" * 100_000, False, ["h:1", "error h:2"], "item 2"),
        (
            b'[{"text": "a"}, {"text": "b", "n": ' + b"9" * 4400 + b"}]",
            False,
            ["h:1", "error h:2"],
            "item 2",
        ),
        (
            b'[{"text": "a"}, {"text": "' + b"x" * 400_000 + b'"}]',
            False,
            ["h:1", "error h:2"],
            "too large",
        ),
        (b'[{"text": "a"}] trailing', False, ["h:1", "error h:2"], "more data after"),
        (b'{"text": "one", "n": ' + b"5" * 4400 + b"}", False, ["error h"], "cannot read"),
    ],
)
def test_hostile_json_never_raises(
    data: bytes, lines: bool, expected: list[str], cause: str | None
) -> None:
    items = _json_items(data, lines)
    assert _kinds(items) == expected
    errors = [i for i in items if isinstance(i, IngestError)]
    if cause is not None:
        assert cause in errors[-1].cause


def test_u2028_line_keeps_its_text() -> None:
    (doc,) = _json_items('{"text": "one\u2028two"}\n'.encode(), lines=True)
    assert isinstance(doc, RawDocument) and doc.text == "one\u2028two"


@pytest.mark.parametrize("chunked_at", [1, 7, 65_536 - 3, 65_536 + 11])
def test_array_items_across_chunk_boundaries(chunked_at: int) -> None:
    # numbers and strings that end exactly where a read ends are not cut in two
    pad = " " * max(0, chunked_at - 20)
    data = f'[{pad}{{"text": "a", "id": 12345}}, {{"text": "b", "id": 67890}}]'.encode()
    items = _json_items(data, lines=False, max_bytes=200_000)
    assert [i.name for i in items] == ["12345", "67890"]


def test_array_is_read_an_item_at_a_time() -> None:
    """A large array is never held whole: the reader consumes the stream as items are taken."""
    entry = json.dumps({"text": "x" * 1000}).encode()
    data = b"[" + b",".join([entry] * 2000) + b"]"
    stream = io.BytesIO(data)
    items = iter_json(
        stream, stem="h", source="h.json", outlet=None, settings=IngestSettings(), lines=False
    )
    next(items)
    assert stream.tell() < len(data) // 10
