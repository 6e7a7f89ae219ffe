"""WARC archives (plain or gzipped): every HTML page a crawler stored successfully.

Only `response` records with status 200 and an HTML content type are articles; requests,
metadata, redirects, error pages, images and scripts are skipped, as a crawl holds far
more of those than pages. A truncated or corrupt archive yields the pages read so far and
then one error saying where it broke.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator

from dyad.ingest.base import fill_outlet, read_error, too_big_cause
from dyad.ingest.dates import normalize_date
from dyad.ingest.settings import IngestSettings
from dyad.model import IngestError, RawDocument

Item = RawDocument | IngestError
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_DRAIN = 1 << 16


class _Damaged(Exception):
    """The archive ends or breaks inside a record."""


class _QuietArchiveIterator(ArchiveIterator):  # type: ignore[misc]
    """warcio writes format warnings to stderr; a library must not, so keep them as data."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.warnings: list[str] = []

    def _consume_blanklines(self) -> Any:
        buffer = io.StringIO()
        with contextlib.redirect_stderr(buffer):
            result = super()._consume_blanklines()
        if buffer.getvalue().strip():
            words = buffer.getvalue().replace("WARNING:", "").split()
            self.warnings.append(" ".join(words))
        return result

    def close(self) -> None:
        """Note a gzip member cut off before its end, which warcio treats as a clean end."""
        decompressor = getattr(self.reader, "decompressor", None)
        if decompressor is not None and not getattr(decompressor, "eof", True):
            self.warnings.append("the archive ends inside a compressed record")
        super().close()


def _is_html_page(record: object) -> bool:
    """Whether a WARC record is a successful HTML response."""
    if getattr(record, "rec_type", None) != "response":
        return False
    http = getattr(record, "http_headers", None)
    if http is None or http.get_statuscode() != "200":
        return False
    content_type = (http.get_header("Content-Type") or "").split(";")[0].strip().lower()
    return content_type in _HTML_TYPES


def _check_complete(record: Any, number: int) -> None:
    """Read the rest of a record and fail if the archive ended before its declared length.

    Raises:
        _Damaged: when the record has no length or its block is cut short.
    """
    raw = record.raw_stream
    declared = (record.rec_headers.get_header("Content-Length") or "").strip()
    if record.length is None or not declared.isdigit():
        raise _Damaged(f"record {number} has no valid Content-Length")
    while raw.read(_DRAIN):
        pass
    missing = getattr(raw, "limit", 0)
    if missing > 0:
        raise _Damaged(f"record {number} is cut short ({missing} bytes missing)")


def _unread_bytes(stream: IO[bytes], records: _QuietArchiveIterator) -> int:
    """Bytes consumed from `stream` past the end of the last whole record (a cut header)."""
    try:
        return max(0, stream.tell() - int(records.offset))
    except (OSError, ValueError, TypeError):
        return 0


def _page(record: Any, number: int, *, stem: str, source: str, settings: IngestSettings) -> Item:
    """A document for one HTML response record (its payload capped at `max_bytes`)."""
    uri = record.rec_headers.get_header("WARC-Target-URI") or None
    name = uri or f"{stem}:{number}"
    payload = record.content_stream().read(settings.max_bytes + 1)
    if len(payload) > settings.max_bytes:
        return read_error(name, source, too_big_cause(None, settings.max_bytes, "page"))
    return RawDocument(
        name=name,
        source=source,
        format="html",
        data=payload,
        url=uri,
        published=normalize_date(record.rec_headers.get_header("WARC-Date")),
    )


def iter_warc(
    stream: IO[bytes],
    *,
    stem: str,
    source: str,
    outlet: str | None,
    settings: IngestSettings,
) -> Iterator[Item]:
    """The HTML pages stored in a WARC stream, in archive order.

    Args:
        stream: The archive, opened in binary mode (gzip is detected by warcio).
        stem: Name prefix for records without a target URI.
        source: Path of the archive, for error messages.
        outlet: The user's outlet for every page.
        settings: `max_bytes` caps each page.
    """
    records = _QuietArchiveIterator(stream)
    number = pages = 0
    try:
        for record in records:
            if records.warnings:
                break
            number += 1
            item = None
            if _is_html_page(record):
                item = _page(record, number, stem=stem, source=source, settings=settings)
            _check_complete(record, number)
            if isinstance(item, RawDocument):
                pages += 1
                yield fill_outlet(item, outlet)
            elif item is not None:
                yield item
        if number == 0:
            raise _Damaged("no WARC records found; is this a WARC file?")
        if records.warnings:
            raise _Damaged(records.warnings[0])
        leftover = _unread_bytes(stream, records)
        if leftover:
            raise _Damaged(f"{leftover} bytes after record {number} are not a complete record")
        if pages == 0:
            cause = (
                f"nothing to read: none of the {number} WARC records is a successful HTML "
                "response (status 200, text/html)"
            )
            yield read_error(stem, source, cause)
    except Exception as exc:  # warcio raises anything (even AttributeError) on damaged input
        detail = str(exc).strip() or type(exc).__name__
        cause = (
            f"truncated or corrupt WARC after record {number} ({pages} pages read): {detail}; "
            "the pages before the damage were kept"
        )
        yield read_error(stem, source, cause)
