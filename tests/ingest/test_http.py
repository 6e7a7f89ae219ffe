"""URLs over real HTTP on loopback: pages, text, feeds and every way a fetch fails."""

from __future__ import annotations

import socket
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

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
        ("/slow", "timed out after 2"),
        ("/big-declared", "response too large"),
        ("/big-streamed", "response too large"),
        ("/image.png", "unsupported content type image/png"),
        ("/image.svg", "unsupported content type image/svg+xml"),
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


@pytest.mark.parametrize(
    "content_type",
    [
        "application/x-rss+xml",
        "application/x-atom+xml",
        "application/atom+xml",
        "application/rss+xml; charset=utf-8",
        "text/xml",
        "text/rss+xml",
        "application/vnd.example+xml",  # an XML type of any name is sniffed: here a feed
    ],
)
def test_feed_url_read_as_a_feed_whatever_xml_type_it_is_served_as(
    http_base: str, net_settings: IngestSettings, content_type: str
) -> None:
    items = list(iter_inputs([f"{http_base}/feed-as/{content_type}"], settings=net_settings))
    names = [i.name for i in items]
    assert names == ["full-1", "teaser-2", "broken-3"], items


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


# --- where a fetch may go, and for how long ----------------------------------------------

PUBLIC_ONLY = IngestSettings(timeout=0.3, max_bytes=4096, trust_env=False)


@pytest.mark.parametrize(
    ("host", "kind"),
    [
        ("127.0.0.1", "a loopback address"),
        ("localhost", "a loopback address"),
        ("[::1]", "a loopback address"),
        ("[::ffff:127.0.0.1]", "a loopback address"),
        ("0.0.0.0", "a private address"),
        ("10.1.2.3", "a private address"),
        ("192.168.0.10", "a private address"),
        ("172.16.5.5", "a private address"),
        ("169.254.169.254", "a private address"),
        ("[fe80::1]", "a private address"),
        ("[fd00::1]", "a private address"),
        ("224.0.0.251", "a multicast address"),
        ("100.64.0.1", "a non-public address"),
        ("240.0.0.1", "a private address"),
    ],
)
def test_private_addresses_refused_by_default(host: str, kind: str) -> None:
    err = _one(f"http://{host}:9/secret", PUBLIC_ONLY)
    assert isinstance(err, IngestError)
    assert "refused to fetch" in err.cause and kind in err.cause
    assert "allow_private_urls" in err.cause


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("8.8.8.8", True),
        ("2a00:1450:4001:80b::200e", True),
        ("127.0.0.53", False),
        ("::", False),
        ("ff02::1", False),
        ("::ffff:10.0.0.1", False),
    ],
)
def test_address_kind(address: str, public: bool) -> None:
    import ipaddress

    from dyad.ingest.guard import address_kind

    assert (address_kind(ipaddress.ip_address(address)) is None) is public


def test_loopback_server_reached_only_when_allowed(http_base: str) -> None:
    refused = _one(http_base + "/article.html", PUBLIC_ONLY)
    assert isinstance(refused, IngestError) and "loopback" in refused.cause
    allowed = _one(http_base + "/article.html", replace(PUBLIC_ONLY, allow_private=True))
    assert isinstance(allowed, RawDocument) and allowed.data == ARTICLE


@pytest.fixture
def only_first_loopback_is_public(monkeypatch: pytest.MonkeyPatch) -> None:
    """Treat the test server's 127.0.0.1 as a public site, and every other address as what
    it is, so that a hop from "outside" to an inside address can be staged on loopback."""
    from dyad.ingest import guard

    real = guard.address_kind
    monkeypatch.setattr(guard, "address_kind", lambda a: None if str(a) == "127.0.0.1" else real(a))


@pytest.mark.usefixtures("only_first_loopback_is_public")
@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/article.html", None),
        ("/to-other-host", "127.0.0.2 is a loopback address"),
        ("/to-data", "redirected to an unsupported URL scheme data:"),
        ("/to-js", "redirected to an unsupported URL scheme javascript:"),
    ],
)
def test_every_redirect_hop_is_checked(http_base: str, path: str, expected: str | None) -> None:
    item = _one(http_base + path, PUBLIC_ONLY)
    if expected is None:
        assert isinstance(item, RawDocument)
    else:
        assert isinstance(item, IngestError) and expected in item.cause


@pytest.mark.usefixtures("only_first_loopback_is_public")
def test_a_name_is_connected_at_the_address_that_was_checked(
    http_base: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A name resolving to an inside address is refused before any connection."""
    from dyad.ingest import guard

    port = http_base.rsplit(":", 1)[1]
    answers = {"outside.example": "127.0.0.1", "inside.example": "127.0.0.2"}

    real = socket.getaddrinfo

    def fake_getaddrinfo(host: str, *args: Any, **kwargs: Any) -> Any:
        if host not in answers:
            return real(host, *args, **kwargs)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (answers[host], int(port)))]

    monkeypatch.setattr(guard.socket, "getaddrinfo", fake_getaddrinfo)
    ok = _one(f"http://outside.example:{port}/article.html", PUBLIC_ONLY)
    assert isinstance(ok, RawDocument) and ok.data == ARTICLE
    err = _one(f"http://inside.example:{port}/article.html", PUBLIC_ONLY)
    assert isinstance(err, IngestError) and "inside.example is a loopback address" in err.cause


def test_feed_item_links_to_inside_addresses_are_refused(tmp_path: Path, http_base: str) -> None:
    port = http_base.rsplit(":", 1)[1]
    items = "".join(
        f"<item><title>t{i}</title><guid>g{i}</guid><link>{link}</link></item>"
        for i, link in enumerate(
            [f"http://127.0.0.1:{port}/linked.html", f"http://localhost:{port}/linked.html"]
        )
    )
    feed = tmp_path / "wire.rss"
    feed.write_text(f'<rss version="2.0"><channel><title>W</title>{items}</channel></rss>')
    got = list(iter_inputs([str(feed)], settings=PUBLIC_ONLY))
    assert [type(i).__name__ for i in got] == ["IngestError", "IngestError"]
    assert all(isinstance(i, IngestError) and "feed item link: refused" in i.cause for i in got)


@pytest.mark.parametrize("path", ["/dribble-body", "/dribble-headers"])
def test_a_slow_server_cannot_outlast_the_deadline(http_base: str, path: str) -> None:
    settings = IngestSettings(timeout=0.3, deadline=0.6, trust_env=False, allow_private=True)
    started = time.monotonic()
    err = _one(http_base + path, settings)
    assert isinstance(err, IngestError) and "deadline for one download" in err.cause
    assert time.monotonic() - started < 5  # 400 bytes at 20 a second would take 20 s


@pytest.mark.parametrize(
    "url",
    [
        "http://[::1",
        "http://example.com:99999/",
        "http://exa\x01mple.com/",
        "http://[not-an-address]/",
        "https://",
    ],
)
def test_malformed_urls_are_error_rows(url: str) -> None:
    err = _one(url, PUBLIC_ONLY)
    assert isinstance(err, IngestError) and err.stage == "read"


@pytest.mark.parametrize(
    ("args", "config", "stored"),
    [
        ([], "", False),
        (["--allow-private-urls"], "", True),
        ([], "allow_private_urls: true\n", True),
        ([], "allow_private_urls: 'no'\n", False),
    ],
)
def test_cli_fetches_private_urls_only_when_told(
    tmp_path: Path, http_base: str, args: list[str], config: str, stored: bool
) -> None:
    from typer.testing import CliRunner

    from dyad.cli import app
    from dyad.store import Store

    config_file = tmp_path / "dyad.yaml"
    config_file.write_text(config + "components: []\n")
    db = str(tmp_path / "s.db")
    url = http_base + "/article.html"
    result = CliRunner().invoke(
        app, ["ingest", url, "--db", db, "--config", str(config_file), *args]
    )
    assert result.exit_code == (0 if stored else 1), result.output
    with Store(db) as store:
        assert len(store.list_documents()) == int(stored)
        errors = store.list_errors()
    assert bool(errors) is not stored
    if errors:
        assert "127.0.0.1 is a loopback address" in errors[0].cause
