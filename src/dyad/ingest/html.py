"""HTML pages: passed on as bytes; cleaning extracts the main text and the metadata.

Broken markup is not refused here: the extractor copes with it better than any check.
"""

from __future__ import annotations

from dyad.model import RawDocument


def html_document(
    data: bytes, *, name: str, source: str, outlet: str | None, url: str | None = None
) -> RawDocument:
    """An HTML document; `data` is not decoded or parsed here."""
    return RawDocument(name=name, source=source, format="html", data=data, url=url, outlet=outlet)
