"""A loopback HTTP server for the URL and feed readers; no internet is used."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest

from dyad.ingest import IngestSettings

ARTICLE = (
    b"<html><head><title>Caspian talks</title></head><body><article><p>Russian and Iranian "
    b"officials met in Tehran on Monday to discuss the North-South corridor.</p></article>"
    b"</body></html>"
)
LINKED = b"<html><body><article><p>The linked page of a teaser item.</p></article></body></html>"
PLAIN = b"Russia and Iran signed a partnership treaty in Moscow on 17 January 2025.\n"
LONG_BODY = "<p>" + "The ministers discussed transport links and trade. " * 12 + "</p>"


def feed_bytes(base: str) -> bytes:
    """An RSS feed with one full item and one teaser whose link is on the server."""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Test Wire</title><link>{base}/</link><description>d</description>
<item><title>Full item</title><link>{base}/full.html</link><guid>full-1</guid>
<pubDate>Mon, 23 Jun 2025 10:00:00 +0300</pubDate>
<content:encoded><![CDATA[{LONG_BODY}]]></content:encoded></item>
<item><title>Teaser item</title><link>{base}/linked.html</link><guid>teaser-2</guid>
<pubDate>Tue, 24 Jun 2025 10:00:00 +0300</pubDate>
<description>Read more on our site.</description></item>
<item><title>Broken link</title><link>{base}/missing</link><guid>broken-3</guid>
<description>Short.</description></item>
</channel></rss>""".encode()


class _Handler(BaseHTTPRequestHandler):
    routes: ClassVar[dict[str, tuple[int, str, bytes]]] = {}
    release: ClassVar[threading.Event]

    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output clean."""

    def do_GET(self) -> None:
        path = self.path
        if path == "/loop":
            self._redirect("/loop")
        elif path == "/to-ftp":
            self._redirect("ftp://example.org/file.txt")
        elif path == "/moved":
            self._redirect("/article.html")
        elif path == "/slow":
            self.release.wait(5)
            self._send(200, "text/html", ARTICLE)
        elif path == "/big-declared":
            self._send(200, "text/html", b"<p>" + b"x" * 10_000 + b"</p>")
        elif path == "/big-streamed":
            self._send(200, "text/html", b"<p>" + b"y" * 10_000 + b"</p>", length=False)
        elif path == "/feed.rss":
            base = f"http://{self.headers['Host']}"
            self._send(200, "application/rss+xml", feed_bytes(base))
        elif path.startswith("/feed-as/"):  # the feed, served as the type the path names
            base = f"http://{self.headers['Host']}"
            self._send(200, path.removeprefix("/feed-as/"), feed_bytes(base))
        elif path == "/to-data":
            self._redirect("data:text/html,<p>inline</p>")
        elif path == "/to-js":
            self._redirect("javascript:alert(1)")
        elif path == "/to-other-host":
            port = self.headers["Host"].rsplit(":", 1)[1]
            self._redirect(f"http://127.0.0.2:{port}/article.html")
        elif path == "/dribble-body":
            self._dribble(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n", b"<p>" * 400)
        elif path == "/dribble-headers":
            self._dribble(b"", b"HTTP/1.1 200 OK\r\n" + b"X-Slow: yes\r\n" * 200)
        elif path == "/ua":
            self._send(200, "text/plain", self.headers.get("User-Agent", "").encode())
        elif path in self.routes:
            self._send(*self.routes[path])
        else:
            self._send(404, "text/html", b"<p>not here</p>")

    def _dribble(self, head: bytes, rest: bytes) -> None:
        """Send `rest` a byte at a time, each within the per-read timeout, never finishing
        before the client's deadline (a server that keeps a download alive forever)."""
        try:
            self.wfile.write(head)
            for byte in rest:
                if self.release.wait(0.05):
                    return
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
        except OSError:
            return  # the client gave up, as it should

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _send(self, status: int, ctype: str, body: bytes, length: bool = True) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that gave up (timeout test) is expected; say nothing."""


@pytest.fixture(scope="session")
def http_base() -> Iterator[str]:
    """Base URL of a server on 127.0.0.1 with pages, a feed and misbehaving endpoints."""
    _Handler.routes = {
        "/article.html": (200, "text/html; charset=utf-8", ARTICLE),
        "/linked.html": (200, "text/html", LINKED),
        "/plain.txt": (200, "text/plain; charset=utf-8", PLAIN),
        "/image.png": (200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 20),
        "/image.svg": (200, "image/svg+xml", b'<svg xmlns="http://www.w3.org/2000/svg"/>'),
        "/nosniff": (200, "application/octet-stream", ARTICLE),
        "/nosniff-png": (200, "application/octet-stream", b"\x89PNG\r\n\x1a\n" + b"\x00" * 20),
        "/empty.html": (200, "text/html", b""),
        "/error": (500, "text/html", b"<p>boom</p>"),
        "/batch.jsonl": (200, "application/x-ndjson", b'{"text": "One.", "id": "a"}\n'),
    }
    _Handler.release = threading.Event()
    server = _QuietServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    yield f"http://{host}:{port}"
    _Handler.release.set()
    server.shutdown()
    server.server_close()
    thread.join(5)


@pytest.fixture(scope="session")
def net_settings() -> IngestSettings:
    """Small limits so the misbehaving endpoints fail fast."""
    return IngestSettings(
        timeout=2.0, max_bytes=4096, max_redirects=3, trust_env=False, allow_private=True
    )
