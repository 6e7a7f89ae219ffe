"""URLs over real HTTP on loopback: pages, text, feeds and every way a fetch fails."""

from __future__ import annotations

import socket

import pytest

from dyad.ingest import IngestSettings, iter_inputs
from dyad.ingest.http import FetchError, fetch, is_url
from dyad.model import IngestError, RawDocument

from .conftest import ARTICLE, LINKED, PLAIN


def _one(url: str, settings: IngestSettings) -> RawDocument | IngestError:
    items = list(iter_inputs([url], settings=settings))
    assert len(items) == 1, items
    return items[0]


@pytest.mark.parametrize(
    ("path", "fmt", "data"),
    [
        ("/article.html", "html", ARTICLE),
        ("/moved", "html", ARTICLE),
        ("/plain.txt", "text", PLAIN),
        ("/nosniff", "html", ARTICLE),
    ],
)
def test_url_document(
    http_base: str, net_settings: IngestSettings, path: str, fmt: str, data: bytes
) -> None:
    doc = _one(http_base + path, net_settings)
    assert isinstance(doc, RawDocument)
    assert (doc.format, doc.data, doc.name) == (fmt, data, http_base + path)
    assert doc.url is not None and doc.url.endswith(path if path != "/moved" else "/article.html")


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/missing", "HTTP 404"),
        ("/error", "HTTP 500"),
        ("/loop", "too many redirects (more than 3)"),
        ("/slow", "timed out after 0.3 s"),
        ("/big-declared", "response too large"),
        ("/big-streamed", "response too large"),
        ("/image.png", "unsupported content type image/png"),
        ("/nosniff-png", "binary file (PNG image)"),
        ("/empty.html", "empty response"),
        ("/to-ftp", "unsupported URL scheme"),
    ],
)
def test_url_failure(
    http_base: str, net_settings: IngestSettings, path: str, expected: str
) -> None:
    err = _one(http_base + path, net_settings)
    assert isinstance(err, IngestError)
    assert err.stage == "read"
    assert expected in err.cause
    assert err.source == http_base + path


def test_connection_refused(net_settings: IngestSettings) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    err = _one(f"http://127.0.0.1:{port}/x.html", net_settings)
    assert isinstance(err, IngestError)
    assert "could not connect" in err.cause and "connection refused" in err.cause


@pytest.mark.parametrize("url", ["ftp://example.org/a.txt", "file:///etc/passwd", "gopher://x/"])
def test_non_http_scheme_refused_without_request(url: str, net_settings: IngestSettings) -> None:
    err = _one(url, net_settings)
    assert isinstance(err, IngestError)
    assert "only http:// and https://" in err.cause


def test_user_agent_names_dyad(http_base: str, net_settings: IngestSettings) -> None:
    got = fetch(http_base + "/ua", net_settings)
    assert got.data.startswith(b"dyad/")


def test_fetch_raises_fetch_error(http_base: str, net_settings: IngestSettings) -> None:
    with pytest.raises(FetchError, match="HTTP 404"):
        fetch(http_base + "/missing", net_settings)


@pytest.mark.parametrize(
    ("arg", "expected"),
    [
        ("https://example.org/a", True),
        ("http://x", True),
        ("ftp://x/y", True),
        ("examples/text/a.txt", False),
        ("C:\\news\\a.txt", False),
        ("-", False),
    ],
)
def test_is_url(arg: str, expected: bool) -> None:
    assert is_url(arg) is expected


def test_feed_url_items_and_linked_pages(http_base: str, net_settings: IngestSettings) -> None:
    items = list(iter_inputs([http_base + "/feed.rss"], settings=net_settings))
    full, teaser, broken = items
    assert isinstance(full, RawDocument) and full.name == "full-1"
    assert full.format == "html" and full.html is not None and "transport links" in full.html
    assert (full.outlet, full.published, full.title) == ("Test Wire", "2025-06-23", "Full item")
    assert isinstance(teaser, RawDocument)
    assert teaser.data == LINKED
    assert (teaser.name, teaser.title, teaser.published) == (
        "teaser-2",
        "Teaser item",
        "2025-06-24",
    )
    assert teaser.url == http_base + "/linked.html" and teaser.outlet == "Test Wire"
    assert isinstance(broken, IngestError)
    assert broken.name == "broken-3" and "feed item link: HTTP 404" in broken.cause


def test_feed_url_user_outlet_wins(http_base: str, net_settings: IngestSettings) -> None:
    items = list(iter_inputs([http_base + "/feed.rss"], outlet="My Outlet", settings=net_settings))
    assert {i.outlet for i in items if isinstance(i, RawDocument)} == {"My Outlet"}


def test_jsonl_url(http_base: str, net_settings: IngestSettings) -> None:
    doc = _one(http_base + "/batch.jsonl", net_settings)
    assert isinstance(doc, RawDocument) and (doc.name, doc.text) == ("a", "One.")


def test_bad_url_does_not_stop_the_batch(http_base: str, net_settings: IngestSettings) -> None:
    items = list(
        iter_inputs([http_base + "/missing", http_base + "/plain.txt"], settings=net_settings)
    )
    assert [type(i).__name__ for i in items] == ["IngestError", "RawDocument"]
