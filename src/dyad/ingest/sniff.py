"""Telling formats apart from their first bytes: binary junk, HTML, feeds, JSON, WARC.

Readers dispatch on the file extension first; sniffing decides for stdin, for files with
an unknown extension and for HTTP responses without a useful content type.
"""

from __future__ import annotations

import re
import zlib
from functools import cache
from importlib import resources
from typing import Literal

from dyad.errors import LexiconError

Kind = Literal["text", "html", "feed", "json", "warc"]

SNIFF_BYTES = 8192
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_FEED_RE = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_HTML_RE = re.compile(
    rb"<(!doctype\s+html|html|head|body|meta|title|article|div|p|h[1-6])[\s>/]", re.IGNORECASE
)


def parse_magic(text: str, path: str) -> tuple[tuple[bytes, str], ...]:
    """Rows of a magic-number table (`<hex prefix><TAB><description>`, `#` comments).

    Raises:
        LexiconError: on a malformed line, a bad hex prefix or one too short to be safe.
    """
    rows: list[tuple[bytes, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2 or not parts[1].strip():
            raise LexiconError(path, number, "expected '<hex prefix><TAB><description>'")
        try:
            prefix = bytes.fromhex(parts[0])
        except ValueError as exc:
            raise LexiconError(path, number, f"bad hex prefix {parts[0]!r}: {exc}") from exc
        if len(prefix) < 2:
            raise LexiconError(path, number, "a prefix under 2 bytes would match plain text")
        rows.append((prefix, parts[1].strip()))
    return tuple(rows)


@cache
def magic_numbers() -> tuple[tuple[bytes, str], ...]:
    """The packaged table of binary signatures (data/magic.tsv), read once."""
    ref = resources.files("dyad.ingest") / "data" / "magic.tsv"
    return parse_magic(ref.read_text(encoding="utf-8"), str(ref))


def binary_kind(head: bytes) -> str | None:
    """Why `head` is not text (e.g. "PNG image"), or None when it may be text.

    A byte-order mark means encoded text (UTF-16 has NUL bytes), so it is never binary.
    """
    if head.startswith(_BOMS):
        return None
    for prefix, what in magic_numbers():
        if head.startswith(prefix):
            return what
    if b"\x00" in head[:SNIFF_BYTES]:
        return "contains NUL bytes"
    return None


def binary_cause(what: str) -> str:
    """The user-facing words for a binary input."""
    return f"binary file ({what}), not text; give dyad text, HTML, JSONL, WARC or feed files"


def _strip_start(head: bytes) -> bytes:
    for bom in _BOMS:
        if head.startswith(bom):
            head = head[len(bom) :]
            break
    return head.lstrip()


def is_gzipped_warc(head: bytes) -> bool:
    """Whether gzip-compressed bytes start a WARC record."""
    if not head.startswith(b"\x1f\x8b"):
        return False
    try:
        inflated = zlib.decompressobj(wbits=31).decompress(head, 16)
    except zlib.error:
        return False
    return inflated.startswith(b"WARC/")


def sniff(head: bytes) -> Kind:
    """The most likely format of a document whose first bytes are `head`.

    Args:
        head: The first few kilobytes; binary input should be refused before sniffing.
    """
    if head.startswith(b"WARC/") or is_gzipped_warc(head):
        return "warc"
    start = _strip_start(head[:SNIFF_BYTES])
    if start[:1] in (b"{", b"["):
        return "json"
    if start[:1] == b"<":
        if _FEED_RE.search(start[:2048]):
            return "feed"
        if _HTML_RE.search(start):
            return "html"
    return "text"
