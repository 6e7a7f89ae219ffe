"""`iter_inputs`: every path, directory, URL or stdin argument as a stream of documents.

Dispatch is by file extension, then by sniffing the first bytes (stdin, unknown
extensions, HTTP responses without a useful content type). One bad input yields an
`IngestError` and the walk goes on.

Outlet policy: an outlet the input names for an article (a JSONL `outlet` field) wins;
the user's `outlet` fills every document whose input names none, and replaces the title of
a feed, which is only a guess at the outlet.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Literal

import httpx

from dyad.ingest.base import check_content, guarded, read_error, stem, too_big_cause
from dyad.ingest.feeds import iter_feed
from dyad.ingest.html import html_document
from dyad.ingest.http import Fetched, FetchError, fetch, is_url, make_client
from dyad.ingest.jsonl import iter_json, looks_like_json
from dyad.ingest.settings import IngestSettings
from dyad.ingest.sniff import SNIFF_BYTES, binary_cause, binary_kind, sniff
from dyad.ingest.text import text_document
from dyad.ingest.warc import iter_warc
from dyad.model import IngestError, RawDocument
from dyad.sanitize import one_line_fields

Item = RawDocument | IngestError
Format = Literal["text", "html", "jsonl", "json", "warc", "feed"]

EXTENSIONS: dict[str, Format] = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".warc": "warc",
    ".warc.gz": "warc",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
}
CONTENT_TYPES: dict[str, Format] = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
    "application/rss+xml": "feed",
    "application/x-rss+xml": "feed",
    "text/rss+xml": "feed",
    "application/atom+xml": "feed",
    "application/x-atom+xml": "feed",
    "application/rdf+xml": "feed",
    "application/xml": "feed",
    "text/xml": "feed",
    "application/json": "json",
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
}
_SNIFFABLE_TYPES = ("", "application/octet-stream", "binary/octet-stream")
_SINGLE: tuple[Format, ...] = ("text", "html")
_STREAMED: tuple[Format, ...] = ("warc", "json", "jsonl")


def extension(path: Path) -> str:
    """The lower-cased extension that decides the reader (`.warc.gz` counts as one)."""
    name = path.name.lower()
    return ".warc.gz" if name.endswith(".warc.gz") else path.suffix.lower()


def _other_xml(content_type: str) -> bool:
    """An XML type of another name (`application/vnd.x+xml`): sniffed, a feed is read.
    Images (`image/svg+xml`) are not articles and stay refused."""
    return content_type.endswith("+xml") and not content_type.startswith("image/")


def _sniffed_format(data: bytes) -> Format:
    kind = sniff(data[:SNIFF_BYTES])
    if kind == "json":
        return "jsonl" if looks_like_json(data) else "text"
    return kind


class _Reader:
    """One `iter_inputs` call: its settings, outlet and (lazily) one HTTP client."""

    def __init__(self, outlet: str | None, settings: IngestSettings) -> None:
        self.outlet = outlet
        self.settings = settings
        self._client: httpx.Client | None = None

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def _limit(self, kind: Format) -> int:
        return self.settings.max_bytes if kind in _SINGLE else self.settings.max_container_bytes

    def argument(self, arg: str) -> Iterator[Item]:
        """Documents of one command-line argument."""
        if arg == "-":
            yield from self.stdin()
        elif is_url(arg):
            yield from self.url(arg)
        else:
            path = Path(arg)
            if path.is_dir():
                yield from self.directory(path)
            elif path.exists():
                yield from self.file(path)
            else:
                cause = f"no such file or directory: {arg}; check the path (or give an http(s) URL)"
                yield read_error(stem(arg) or arg, arg, cause)

    def directory(self, root: Path) -> Iterator[Item]:
        """Every visible file under `root`, in sorted path order; hidden ones are skipped."""
        found: list[Path] = []
        for here, dirs, files in os.walk(root):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            found += [Path(here) / f for f in files if not f.startswith(".")]
        for path in sorted(found, key=lambda p: p.relative_to(root).parts):
            ext = extension(path)
            if ext and ext not in EXTENSIONS:
                cause = (
                    f"skipped: '{ext}' files are not read in a directory walk "
                    f"(dyad reads {', '.join(sorted(EXTENSIONS))}); "
                    "name the file itself to read it as text"
                )
                yield IngestError(name=stem(path), source=str(path), stage="skip", cause=cause)
            else:
                yield from guarded(self.file(path), stem(path), str(path))

    def file(self, path: Path) -> Iterator[Item]:
        """Documents of one file; its extension decides the format, else its bytes do."""
        name, source = stem(path), str(path)
        kind = EXTENSIONS.get(extension(path))
        try:
            size = path.stat().st_size
            if size == 0:
                yield read_error(name, source, "empty file: nothing to read")
                return
            limit = self._limit(kind) if kind else self.settings.max_container_bytes
            if size > limit:
                yield read_error(name, source, too_big_cause(size, limit))
                return
            if kind in _STREAMED:
                yield from self.stream(path, kind, name=name, source=source)
                return
            data = path.read_bytes()
        except OSError as exc:
            yield read_error(name, source, f"cannot read file: {exc.strerror or exc}")
            return
        yield from self.payload(data, kind, name=name, source=source)

    def stream(self, path: Path, kind: Format, *, name: str, source: str) -> Iterator[Item]:
        """A container file read as a stream: a WARC record or a JSON entry at a time."""
        with path.open("rb") as stream:
            if kind != "warc":
                binary = binary_kind(stream.read(8192))  # empty files were refused already
                if binary is not None:
                    yield read_error(name, source, binary_cause(binary))
                    return
                stream.seek(0)
            yield from self.container(stream, kind, name=name, source=source)

    def container(
        self, stream: IO[bytes], kind: Format, *, name: str, source: str
    ) -> Iterator[Item]:
        """The documents of a JSON, JSON Lines or WARC stream."""
        if kind == "warc":
            yield from iter_warc(
                stream, stem=name, source=source, outlet=self.outlet, settings=self.settings
            )
        else:
            yield from iter_json(
                stream,
                stem=name,
                source=source,
                outlet=self.outlet,
                settings=self.settings,
                lines=kind == "jsonl",
            )

    def payload(
        self,
        data: bytes,
        kind: Format | None,
        *,
        name: str,
        source: str,
        url: str | None = None,
        what: str = "file",
        allow_feed: bool = True,
    ) -> Iterator[Item]:
        """Documents in `data` of format `kind` (sniffed when None)."""
        if kind is None and sniff(data[:SNIFF_BYTES]) == "warc":
            kind = "warc"
        if kind != "warc":
            problem = check_content(data, name, source, what)
            if problem is not None:
                yield problem
                return
        if kind is None:
            kind = _sniffed_format(data)
            if kind in _SINGLE and len(data) > self.settings.max_bytes:
                cause = too_big_cause(len(data), self.settings.max_bytes, what)
                yield read_error(name, source, cause)
                return
        if kind == "text":
            yield text_document(data, name=name, source=source, outlet=self.outlet, url=url)
        elif kind == "html":
            yield html_document(data, name=name, source=source, outlet=self.outlet, url=url)
        elif kind in _STREAMED:
            yield from self.container(io.BytesIO(data), kind, name=name, source=source)
        elif not allow_feed:
            yield read_error(name, source, "the link leads to a feed, not an article")
        else:
            fetcher = self.link if self.settings.fetch_links else None
            yield from iter_feed(
                data,
                stem=name,
                source=source,
                outlet=self.outlet,
                settings=self.settings,
                fetch_link=fetcher,
            )

    def stdin(self) -> Iterator[Item]:
        """The document(s) piped on standard input, format sniffed from the bytes."""
        limit = self.settings.max_container_bytes
        data = sys.stdin.buffer.read(limit + 1)
        if len(data) > limit:
            yield read_error("stdin", "<stdin>", too_big_cause(None, limit, "input"))
            return
        yield from self.payload(data, None, name="stdin", source="<stdin>", what="input")

    def _fetch(self, url: str) -> Fetched:
        if self._client is None:
            self._client = make_client(self.settings)
        return fetch(url, self.settings, self._client)

    def url(self, url: str, *, allow_feed: bool = True) -> Iterator[Item]:
        """The page or feed at `url`, dispatched on its content type."""
        try:
            got = self._fetch(url)
        except FetchError as exc:
            yield read_error(url, url, exc.cause)
            return
        kind = CONTENT_TYPES.get(got.content_type)
        sniffable = got.content_type in _SNIFFABLE_TYPES or _other_xml(got.content_type)
        if kind is None and not sniffable:
            cause = (
                f"unsupported content type {got.content_type} at {url}; "
                "dyad reads HTML pages, plain text, JSON and RSS/Atom feeds"
            )
            yield read_error(url, url, cause)
            return
        yield from self.payload(
            got.data,
            kind,
            name=url,
            source=url,
            url=got.url,
            what="response",
            allow_feed=allow_feed,
        )

    def link(self, url: str) -> Iterator[Item]:
        """The article behind a feed item's link (a feed there is refused, not followed)."""
        return self.url(url, allow_feed=False)


def iter_inputs(
    paths: Sequence[str],
    *,
    outlet: str | None = None,
    settings: IngestSettings | None = None,
) -> Iterator[RawDocument | IngestError]:
    """Read every input, yielding one RawDocument per article or one IngestError per problem.

    Args:
        paths: Files, directories (walked recursively in sorted order, hidden entries
            skipped), `-` for standard input, or http(s) URLs of pages and feeds.
        outlet: The outlet of documents whose input names none (see the module docstring).
        settings: Size caps, timeouts and HTTP identity; defaults to `IngestSettings()`.

    Yields:
        `RawDocument`s, and an `IngestError` for each input that cannot be read; the
        iteration always goes on to the next input.
    """
    reader = _Reader(outlet, settings or IngestSettings())
    try:
        for arg in paths:
            for item in guarded(reader.argument(arg), stem(arg) or arg, arg):
                yield one_line_fields(item)
    finally:
        reader.close()
