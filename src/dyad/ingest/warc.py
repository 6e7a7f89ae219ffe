"""WARC archives (plain or gzipped): every HTML page a crawler stored successfully.

Only `response` records with status 200 and an HTML content type are articles; requests,
metadata, redirects, error pages, images and scripts are skipped, as a crawl holds far
more of those than pages. A truncated or corrupt archive yields the pages read so far and
then one error saying where it broke.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import IO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from dyad.ingest.base import fill_outlet, read_error, too_big_cause
from dyad.ingest.dates import normalize_date
from dyad.ingest.settings import IngestSettings
from dyad.model import IngestError, RawDocument

Item = RawDocument | IngestError
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_BROKEN = (ArchiveLoadFailed, EOFError, OSError, ValueError, zlib.error)


def _is_html_page(record: object) -> bool:
    """Whether a WARC record is a successful HTML response."""
    if getattr(record, "rec_type", None) != "response":
        return False
    http = getattr(record, "http_headers", None)
    if http is None or http.get_statuscode() != "200":
        return False
    content_type = (http.get_header("Content-Type") or "").split(";")[0].strip().lower()
    return content_type in _HTML_TYPES


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
    number = 0
    pages = 0
    try:
        for record in ArchiveIterator(stream):
            number += 1
            if not _is_html_page(record):
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI") or None
            name = uri or f"{stem}:{number}"
            payload = record.content_stream().read(settings.max_bytes + 1)
            if len(payload) > settings.max_bytes:
                yield read_error(name, source, too_big_cause(None, settings.max_bytes, "page"))
                continue
            pages += 1
            doc = RawDocument(
                name=name,
                source=source,
                format="html",
                data=payload,
                url=uri,
                published=normalize_date(record.rec_headers.get_header("WARC-Date")),
            )
            yield fill_outlet(doc, outlet)
    except _BROKEN as exc:
        detail = str(exc).strip() or type(exc).__name__
        cause = (
            f"truncated or corrupt WARC after record {number} ({pages} pages read): {detail}; "
            "the pages before the damage were kept"
        )
        yield read_error(stem, source, cause)
