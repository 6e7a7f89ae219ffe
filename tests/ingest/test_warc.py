"""WARC archives: HTML responses kept, everything else skipped, damage reported."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dyad.ingest import IngestSettings, iter_inputs
from dyad.ingest.warc import iter_warc
from dyad.model import IngestError, RawDocument

PAGE_A = b"<html><body><p>Putin met Pezeshkian in Tianjin.</p></body></html>"
PAGE_B = b"<html><body><p>The treaty entered into force.</p></body></html>"


def _record(
    writer: WARCWriter, uri: str, rec_type: str, status: str, ctype: str, body: bytes
) -> None:
    if rec_type == "request":
        http = StatusAndHeaders("GET / HTTP/1.1", [("Host", "x")], is_http_request=True)
    else:
        http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        uri,
        rec_type,
        payload=io.BytesIO(body),
        length=len(body),
        http_headers=http,
        warc_headers_dict={"WARC-Date": "2025-09-01T19:00:00Z"},
    )
    writer.write_record(record)


def make_warc(gzip: bool = True) -> bytes:
    """An archive of: request, HTML page, PNG, 404 HTML page, 301 redirect, XHTML page."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzip)
    _record(writer, "https://a.example/1", "request", "", "", b"")
    _record(writer, "https://a.example/1", "response", "200 OK", "text/html; charset=utf-8", PAGE_A)
    _record(writer, "https://a.example/i.png", "response", "200 OK", "image/png", b"\x89PNG....")
    _record(
        writer, "https://a.example/gone", "response", "404 Not Found", "text/html", b"<p>404</p>"
    )
    _record(writer, "https://a.example/old", "response", "301 Moved", "text/html", b"")
    _record(writer, "https://b.example/2", "response", "200 OK", "application/xhtml+xml", PAGE_B)
    return out.getvalue()


def _read(data: bytes, settings: IngestSettings | None = None) -> list[RawDocument | IngestError]:
    return list(
        iter_warc(
            io.BytesIO(data),
            stem="crawl",
            source="crawl.warc.gz",
            outlet="Gulf Monitor Daily",
            settings=settings or IngestSettings(),
        )
    )


@pytest.mark.parametrize("gzip", [True, False])
def test_html_responses_only(gzip: bool) -> None:
    items = _read(make_warc(gzip))
    assert all(isinstance(i, RawDocument) for i in items)
    assert [(i.name, i.url, i.data, i.published) for i in items] == [  # type: ignore[union-attr]
        ("https://a.example/1", "https://a.example/1", PAGE_A, "2025-09-01"),
        ("https://b.example/2", "https://b.example/2", PAGE_B, "2025-09-01"),
    ]
    assert {(i.format, i.outlet, i.source) for i in items} == {  # type: ignore[union-attr]
        ("html", "Gulf Monitor Daily", "crawl.warc.gz")
    }


@pytest.mark.parametrize("cut", [0.6, 0.9])
def test_truncated_warc_keeps_pages_before_damage(cut: float) -> None:
    data = make_warc(gzip=True)
    items = _read(data[: int(len(data) * cut)])
    docs = [i for i in items if isinstance(i, RawDocument)]
    errors = [i for i in items if isinstance(i, IngestError)]
    assert [d.name for d in docs] == ["https://a.example/1"]
    assert len(errors) == 1 and items[-1] is errors[0]
    assert "truncated or corrupt WARC" in errors[0].cause
    assert errors[0].source == "crawl.warc.gz" and errors[0].stage == "read"


def test_not_a_warc() -> None:
    (err,) = _read(b"this is not an archive at all\n" * 3)
    assert isinstance(err, IngestError) and "truncated or corrupt WARC" in err.cause


def test_oversized_page_refused() -> None:
    items = _read(make_warc(), IngestSettings(max_bytes=len(PAGE_B)))
    assert len(PAGE_A) > len(PAGE_B)
    assert [type(i).__name__ for i in items] == ["IngestError", "RawDocument"]
    assert "page too large" in items[0].cause  # type: ignore[union-attr]


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_warc_files_by_extension(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(make_warc(gzip=name.endswith(".gz")))
    items = list(iter_inputs([str(path)]))
    assert [i.name for i in items] == ["https://a.example/1", "https://b.example/2"]
    assert all(i.source == str(path) for i in items)


@pytest.mark.parametrize("gzip", [True, False])
def test_every_truncation_point_is_reported_never_raised(gzip: bool) -> None:
    """A cut inside a record is reported; a cut exactly between records cannot be seen."""
    data = make_warc(gzip=gzip)
    full = [d.name for d in _read(data)]
    reported = 0
    for cut in range(1, len(data), 23):
        items = _read(data[:cut])
        names = [i.name for i in items if isinstance(i, RawDocument)]
        errors = [i for i in items if isinstance(i, IngestError)]
        assert names == full[: len(names)], cut
        assert len(errors) <= 1 and (not errors or items[-1] is errors[0]), cut
        reported += len(errors)
    assert reported >= len(range(1, len(data), 23)) - 2


@pytest.mark.parametrize(
    ("records", "count"),
    [
        ([("request", "", ""), ("response", "404 Not Found", "text/html")], 2),
        ([("response", "200 OK", "image/png")], 1),
    ],
)
def test_warc_without_html_pages_says_so(records: list[tuple[str, str, str]], count: int) -> None:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for rec_type, status, ctype in records:
        _record(writer, "https://a.example/x", rec_type, status, ctype, b"<p>x</p>")
    (err,) = _read(out.getvalue())
    assert isinstance(err, IngestError) and err.name == "crawl"
    assert err.cause.startswith(f"nothing to read: none of the {count} WARC records")
