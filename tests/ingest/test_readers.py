"""iter_inputs over files, directories and stdin: dispatch, walk order and bad inputs."""

from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

import pytest

from dyad.ingest import IngestSettings, iter_inputs
from dyad.model import IngestError, RawDocument

HTML = b"<!DOCTYPE html><html><head><title>T</title></head><body><p>Lavrov met Araghchi.</p></body></html>"
TEXT = "Iran\u2019s foreign minister met Sergei Lavrov in Moscow on Friday.\n".encode()
JSONL = b'{"id": 7, "text": "Moscow and Tehran signed a treaty."}\n'
RSS = (
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed Desk</title>'
    b"<item><guid>g1</guid><title>One</title><description>Short teaser.</description>"
    b"</item></channel></rss>"
)
OFFLINE = IngestSettings(fetch_links=False, trust_env=False)
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def _read(*paths: str | Path, **kwargs: object) -> list[RawDocument | IngestError]:
    return list(iter_inputs([str(p) for p in paths], **kwargs))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("filename", "data", "fmt", "name"),
    [
        ("note.txt", TEXT, "text", "note"),
        ("page.html", HTML, "html", "page"),
        ("page.HTM", HTML, "html", "page"),
        ("noext", TEXT, "text", "noext"),
        ("sniffed-page", HTML, "html", "sniffed-page"),
        ("story.md", TEXT, "text", "story"),
        ("bracket.dat", b"[Photo] Lavrov and Araghchi in Moscow.\n", "text", "bracket"),
    ],
)
def test_single_file_format(
    tmp_path: Path, filename: str, data: bytes, fmt: str, name: str
) -> None:
    (doc,) = _read(_write(tmp_path, filename, data))
    assert isinstance(doc, RawDocument)
    assert (doc.format, doc.name, doc.data) == (fmt, name, data)
    assert doc.text is None and doc.html is None


def test_text_bytes_are_not_decoded(tmp_path: Path) -> None:
    data = "\u201cWe agreed,\u201d Lavrov said.".encode("cp1252")
    (doc,) = _read(_write(tmp_path, "cp.txt", data))
    assert isinstance(doc, RawDocument) and doc.data == data


@pytest.mark.parametrize(
    ("filename", "data", "expected"),
    [
        ("empty.txt", b"", "empty file: nothing to read"),
        ("blank.txt", b" \n\t\n", "empty file: only whitespace"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (PNG image), not text"),
        ("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF", "binary file (JPEG image), not text"),
        ("doc.html", b"%PDF-1.7\n%\xe2\xe3", "binary file (PDF document), not text"),
        ("nul.txt", b"abc\x00def", "binary file (contains NUL bytes), not text"),
        ("bad.xml", b"<?xml version='1.0'?><catalog><book/></catalog>", "not an RSS or Atom feed"),
        ("noentry.json", b'{"title": "no body"}', "neither 'text' nor 'html'"),
        ("broken.json", b'{"text": "a",', "malformed JSON at line 1"),
    ],
)
def test_bad_file(tmp_path: Path, filename: str, data: bytes, expected: str) -> None:
    path = _write(tmp_path, filename, data)
    (err,) = _read(path)
    assert isinstance(err, IngestError)
    assert err.stage == "read" and err.source == str(path)
    assert expected in err.cause


def test_utf16_with_bom_is_text_not_binary(tmp_path: Path) -> None:
    data = "Lavrov met Araghchi.".encode("utf-16")
    (doc,) = _read(_write(tmp_path, "u16.txt", data))
    assert isinstance(doc, RawDocument) and doc.data == data


@pytest.mark.parametrize(
    ("filename", "size", "limit_field"),
    [
        ("big.txt", 2048, "max_bytes"),
        ("big.html", 2048, "max_bytes"),
        ("big.jsonl", 2048, "max_container_bytes"),
    ],
)
def test_oversized_file_checked_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, filename: str, size: int, limit_field: str
) -> None:
    path = _write(tmp_path, filename, b"a" * size)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("file was read"))
    settings = IngestSettings(**{limit_field: 1000})  # type: ignore[arg-type]
    (err,) = _read(path, settings=settings)
    assert isinstance(err, IngestError)
    assert "file too large (2.0 KB, limit 1000 bytes)" in err.cause


def test_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "nope" / "gone.txt"
    (err,) = _read(missing)
    assert isinstance(err, IngestError)
    assert err.name == "gone" and "no such file or directory" in err.cause


def test_directory_walk_sorted_hidden_skipped(tmp_path: Path) -> None:
    for name in ["b.txt", "a/z.txt", "a/b/c.html", "c.jsonl", ".hidden.txt", ".git/x.txt", "A.txt"]:
        data = JSONL if name.endswith(".jsonl") else HTML if name.endswith(".html") else TEXT
        _write(tmp_path, name, data)
    _write(tmp_path, "notes.py", b"print(1)\n")
    items = _read(tmp_path)
    sources = [Path(i.source).relative_to(tmp_path).as_posix() for i in items]
    assert sources == ["A.txt", "a/b/c.html", "a/z.txt", "b.txt", "c.jsonl", "notes.py"]
    skipped = items[-1]
    assert isinstance(skipped, IngestError) and skipped.stage == "skip"
    assert "'.py' files are not read in a directory walk" in skipped.cause
    assert all(isinstance(i, RawDocument) for i in items[:-1])


def test_walk_goes_on_after_bad_files(tmp_path: Path) -> None:
    _write(tmp_path, "1.txt", b"")
    _write(tmp_path, "2.txt", b"\x89PNG\r\n\x1a\n\x00")
    _write(tmp_path, "3.txt", TEXT)
    kinds = [
        type(i).__name__ for i in _read(tmp_path, tmp_path / "missing.txt", tmp_path / "3.txt")
    ]
    assert kinds == ["IngestError", "IngestError", "RawDocument", "IngestError", "RawDocument"]


@pytest.mark.parametrize(
    ("given", "container", "expected"),
    [
        (None, None, None),
        ("Caspian Wire", None, "Caspian Wire"),
        ("Caspian Wire", "Eurasia Ledger", "Eurasia Ledger"),
        (None, "Eurasia Ledger", "Eurasia Ledger"),
    ],
)
def test_user_outlet_fills_only_missing(
    tmp_path: Path, given: str | None, container: str | None, expected: str | None
) -> None:
    entry = {"text": "A treaty was signed.", "outlet": container}
    path = _write(tmp_path, "o.jsonl", json.dumps(entry).encode())
    (doc,) = _read(path, outlet=given)
    assert isinstance(doc, RawDocument) and doc.outlet == expected


def test_user_outlet_replaces_feed_title(tmp_path: Path) -> None:
    path = _write(tmp_path, "f.rss", RSS)
    (by_title,) = _read(path, settings=OFFLINE)
    (by_user,) = _read(path, outlet="Caspian Wire", settings=OFFLINE)
    assert isinstance(by_title, RawDocument) and by_title.outlet == "Feed Desk"
    assert isinstance(by_user, RawDocument) and by_user.outlet == "Caspian Wire"


def _warc_bytes() -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        "https://news.example/a",
        "response",
        payload=io.BytesIO(HTML),
        length=len(HTML),
        http_headers=http,
    )
    writer.write_record(record)
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (TEXT, [("text", "stdin")]),
        (HTML, [("html", "stdin")]),
        (b"  \n" + JSONL + JSONL, [("text", "7"), ("text", "7")]),
        (b"[Photo] not json at all\n", [("text", "stdin")]),
        (RSS, [("html", "g1")]),
        ("placeholder-warc", [("html", "https://news.example/a")]),
    ],
)
def test_stdin_sniffed(
    monkeypatch: pytest.MonkeyPatch, data: bytes | str, expected: list[tuple[str, str]]
) -> None:
    raw = _warc_bytes() if data == "placeholder-warc" else data
    assert isinstance(raw, bytes)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw)))
    items = _read("-", settings=OFFLINE)
    assert all(isinstance(i, RawDocument) for i in items), items
    assert [(i.format, i.name) for i in items] == expected  # type: ignore[union-attr]
    assert all(i.source == "<stdin>" for i in items)


@pytest.mark.parametrize(
    ("data", "expected"),
    [(b"", "empty input"), (gzip.compress(b"hello"), "binary file (gzip archive)")],
)
def test_stdin_bad(monkeypatch: pytest.MonkeyPatch, data: bytes, expected: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    (err,) = _read("-")
    assert isinstance(err, IngestError) and expected in err.cause


def test_stdin_oversized(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"a" * 3000)))
    (err,) = _read("-", settings=IngestSettings(max_bytes=1000))
    assert isinstance(err, IngestError) and "input too large" in err.cause


@pytest.mark.skipif(not EXAMPLES.is_dir(), reason="examples/ not present")
def test_examples_corpus_reads_cleanly() -> None:
    items = _read(EXAMPLES, settings=OFFLINE)
    docs = [i for i in items if isinstance(i, RawDocument)]
    skipped = sorted(Path(i.source).name for i in items if isinstance(i, IngestError))
    assert skipped == ["README.md", "make_warc.py"]
    assert all(i.stage == "skip" for i in items if isinstance(i, IngestError))
    assert len(docs) == 14
    formats = {(Path(d.source).name, d.format) for d in docs}
    assert ("archive.warc.gz", "html") in formats and ("feed.rss", "html") in formats
    dated = [d for d in docs if d.published]
    assert all(d.published.startswith("2025-") for d in dated)  # type: ignore[union-attr]
    assert len(dated) == 7


def _seeds_dir() -> Path | None:
    for parent in Path(__file__).resolve().parents:
        candidate = parent.parent / "shared" / "seeds"
        if candidate.is_dir():
            return candidate
    return None


@pytest.mark.seeds
@pytest.mark.skipif(_seeds_dir() is None, reason="../shared/seeds not present")
def test_seed_articles_read_as_text() -> None:
    seeds = _seeds_dir()
    assert seeds is not None
    items = _read(seeds)
    assert items and all(isinstance(i, RawDocument) and i.format == "text" for i in items)
    assert [i.name for i in items] == sorted(p.stem for p in seeds.glob("*.txt"))


@pytest.mark.skipif(not EXAMPLES.is_dir(), reason="examples/ not present")
@pytest.mark.parametrize(
    ("relative", "check"),
    [
        ("text/sanctions-snapback-rejected.txt", "lossy"),
        ("text/bushehr-rosatom-deals.txt", "cp1252"),
        ("text/treaty-signed-moscow.txt", "utf8"),
    ],
)
def test_examples_encodings(relative: str, check: str) -> None:
    data = (EXAMPLES / relative).read_bytes()
    if check == "cp1252":
        with pytest.raises(UnicodeDecodeError):
            data.decode("utf-8")
        assert "\u201c" in data.decode("cp1252")
    else:
        text = data.decode("utf-8")
        assert ("Iran\u00e2s" in text) is (check == "lossy")


def _shingles(text: str, size: int = 8) -> set[tuple[str, ...]]:
    words = text.lower().split()
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


@pytest.mark.seeds
@pytest.mark.skipif(
    _seeds_dir() is None or not EXAMPLES.is_dir(), reason="seeds or examples absent"
)
def test_examples_copy_nothing_from_seeds() -> None:
    seeds = _seeds_dir()
    assert seeds is not None
    seen: set[tuple[str, ...]] = set()
    for path in seeds.glob("*.txt"):
        seen |= _shingles(path.read_text(encoding="utf-8", errors="replace"))
    for path in EXAMPLES.rglob("*"):
        if path.is_file() and path.suffix in {".txt", ".html", ".jsonl", ".rss", ".py"}:
            text = path.read_bytes().decode("utf-8", errors="replace")
            assert not (_shingles(text) & seen), path


@pytest.mark.parametrize(
    ("filename", "data", "expected"),
    [
        # what a document says about itself is one line of plain characters
        (
            "meta.jsonl",
            b'{"text": "x", "name": "a\\u0000b", "title": "t\\u001b]0;owned\\u0007",'
            b' "outlet": "o\\ud800", "author": "one\\ntwo"}\n',
            ("ab", "t ]0;owned", "o\ufffd", "one two"),
        ),
        ("esc\x1b[2Jname.txt", TEXT, ("esc [2Jname", None, None, None)),
        # a file name that is not UTF-8 holds surrogate escapes: U+FFFD in the name
        (
            b"bad\xffname.txt".decode("utf-8", "surrogateescape"),
            TEXT,
            ("bad\ufffdname", None, None, None),
        ),
    ],
)
def test_metadata_is_one_storable_line(
    tmp_path: Path, filename: str, data: bytes, expected: tuple[str | None, ...]
) -> None:
    (doc,) = _read(_write(tmp_path, filename, data))
    assert isinstance(doc, RawDocument)
    assert (doc.name, doc.title, doc.outlet, doc.author) == expected
    assert "\x1b" not in doc.source and "\udcff" not in doc.source


def test_a_reader_failing_unexpectedly_costs_only_its_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dyad.ingest.readers as readers

    def broken_feed(*args: object, **kwargs: object) -> None:
        raise RuntimeError("parser exploded")

    monkeypatch.setattr(readers, "iter_feed", broken_feed)
    _write(tmp_path, "a.rss", RSS)
    _write(tmp_path, "b.txt", TEXT)
    items = _read(tmp_path, settings=OFFLINE)
    assert [type(i).__name__ for i in items] == ["IngestError", "RawDocument"]
    assert isinstance(items[0], IngestError)
    assert items[0].name == "a" and "RuntimeError: parser exploded" in items[0].cause


@pytest.mark.parametrize(
    ("filename", "data", "expected"),
    [
        ("empty.json", b"[]", "nothing to read: the JSON array is empty"),
        ("blank.jsonl", b"\n \n", "nothing to read: the file holds only blank lines"),
        ("blank-big.jsonl", b"\n" * 10_000, "nothing to read: the file holds only blank lines"),
        ("bom-blank.jsonl", b"\xef\xbb\xbf\n", "nothing to read"),
        ("binary.json", b"\x00\x01\x02\x03" * 100, "binary"),
    ],
)
def test_empty_containers_are_recorded(
    tmp_path: Path, filename: str, data: bytes, expected: str
) -> None:
    (err,) = _read(_write(tmp_path, filename, data))
    assert isinstance(err, IngestError) and expected in err.cause
