"""Plain-text files: kept as bytes, because cleaning detects and repairs the encoding."""

from __future__ import annotations

from dyad.model import RawDocument


def text_document(
    data: bytes, *, name: str, source: str, outlet: str | None, url: str | None = None
) -> RawDocument:
    """A plain-text document; `data` is not decoded here."""
    return RawDocument(name=name, source=source, format="text", data=data, url=url, outlet=outlet)
