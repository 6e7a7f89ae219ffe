"""Sniffing: binary signatures (a validated data table) and format guesses."""

from __future__ import annotations

import gzip

import pytest

from dyad.errors import LexiconError
from dyad.ingest.sniff import binary_kind, magic_numbers, parse_magic, sniff


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG image"),
        (b"\xff\xd8\xff\xe0", "JPEG image"),
        (b"GIF89a\x01\x00", "GIF image"),
        (b"%PDF-1.4", "PDF document"),
        (b"PK\x03\x04rest", "ZIP archive (or DOCX/XLSX/EPUB)"),
        (b"\x1f\x8b\x08\x00", "gzip archive"),
        (b"text\x00with nul", "contains NUL bytes"),
        (b"BMW and Rosatom", None),
        (b"MZ is not an exe here", None),
        (b"Plain news text.", None),
        ("\ufeffUTF-16 text".encode("utf-16"), None),
        ("Iran\u2019s".encode(), None),
    ],
)
def test_binary_kind(head: bytes, expected: str | None) -> None:
    assert binary_kind(head) == expected


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"<!DOCTYPE html><html>", "html"),
        (b"\xef\xbb\xbf  <html lang='en'>", "html"),
        (b"<div class='x'>Text</div>", "html"),
        (b'<?xml version="1.0"?>\n<rss version="2.0">', "feed"),
        (b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
        (b'{"text": "a"}', "json"),
        (b"\n[1, 2]", "json"),
        (b"WARC/1.1\r\n", "warc"),
        (gzip.compress(b"WARC/1.0\r\nWARC-Type: warcinfo\r\n"), "warc"),
        (b"<<< Breaking >>> Lavrov said", "text"),
        (b"Russia and Iran signed a treaty.", "text"),
    ],
)
def test_sniff(head: bytes, expected: str) -> None:
    assert sniff(head) == expected


def test_packaged_table_loads() -> None:
    table = magic_numbers()
    assert len(table) > 10 and all(len(prefix) >= 2 for prefix, _ in table)


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("# c\n89504e47\n", 2, "expected '<hex prefix><TAB><description>'"),
        ("zz11\tthing\n", 1, "bad hex prefix"),
        ("\n42\tone byte\n", 2, "under 2 bytes"),
        ("8950\t \n", 1, "expected '<hex prefix><TAB><description>'"),
    ],
)
def test_bad_table_entry_raises_lexicon_error(text: str, line: int, message: str) -> None:
    with pytest.raises(LexiconError, match=message) as info:
        parse_magic(text, "magic.tsv")
    assert info.value.line == line and info.value.path == "magic.tsv"
