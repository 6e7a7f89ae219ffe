"""JSON Lines and JSON files: one article per line, or an object or a list of objects.

Each article is an object with `text` or `html` and optional `name`/`id`, `url`,
`outlet`, `title`, `author`, `published`. A bad line is reported with its number and the
rest of the file is still read: one broken export row must not cost the whole batch.

Both shapes are streamed: JSON Lines a line at a time (split on "\\n" only, as the format
says, so a U+2028 inside a string stays in its line), a JSON array an item at a time, so a
file of a million articles is read in memory bounded by the largest one. No entry may be
larger than `max_bytes`.
"""

from __future__ import annotations

import codecs
import io
import json
from collections.abc import Iterator
from typing import IO, Any

from dyad.ingest.base import fill_outlet, read_error, too_big_cause
from dyad.ingest.dates import normalize_date
from dyad.ingest.settings import IngestSettings
from dyad.model import IngestError, RawDocument

Item = RawDocument | IngestError
_META = ("url", "outlet", "title", "author")
_CHUNK = 1 << 16
_WHITESPACE = " \t\n\r"
_BOM = codecs.BOM_UTF8
#: What `json` raises on input it refuses: malformed text (JSONDecodeError), an integer over
#: Python's digit limit (ValueError), nesting deeper than the interpreter's stack (RecursionError).
_JSON_FAILURES = (ValueError, RecursionError)


def looks_like_json(data: bytes) -> bool:
    """Whether sniffed input really is JSON: the whole or its first non-empty line parses."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    try:
        json.loads(text)
        return True
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":
            return True
    except _JSON_FAILURES:
        return False
    first = next((line for line in text.split("\n") if line.strip()), "")
    try:
        json.loads(first)
    except _JSON_FAILURES:
        return False
    return True


def _why_not_json(exc: Exception, where: str) -> str:
    """A user's reason for a value `json` refused, with what to do about it."""
    if isinstance(exc, json.JSONDecodeError):
        return f"malformed JSON ({exc.msg} at {where}column {exc.colno}); fix or remove it"
    if isinstance(exc, RecursionError):
        return "JSON nested too deeply to read (an article is a flat object); fix or remove it"
    return f"JSON value dyad cannot read ({exc}); fix or remove it"


def _entry_document(
    entry: Any, number: int, *, stem: str, source: str, outlet: str | None, unit: str
) -> Item:
    """One JSON entry as a document, or the reason it cannot be one."""
    where = f"{stem}:{number}"
    if not isinstance(entry, dict):
        kind = type(entry).__name__
        return read_error(where, source, f"{unit} {number}: expected a JSON object, got {kind}")
    bodies = {}
    for key in ("text", "html"):
        value = entry.get(key)
        if value is not None and not isinstance(value, str):
            cause = f"{unit} {number}: '{key}' must be a string, got {type(value).__name__}"
            return read_error(where, source, cause)
        if value and value.strip():
            bodies[key] = value
    if not bodies:
        cause = (
            f"{unit} {number}: entry has neither 'text' nor 'html' "
            "(or they are empty); put the article body in one of them"
        )
        return read_error(where, source, cause)
    ident = entry.get("name") or entry.get("id")
    meta = {k: entry[k] for k in _META if isinstance(entry.get(k), str) and entry[k].strip()}
    doc = RawDocument(
        name=str(ident) if ident not in (None, "") and _short(ident) else where,
        source=source,
        format="text" if "text" in bodies else "html",
        text=bodies.get("text"),
        html=None if "text" in bodies else bodies["html"],
        published=normalize_date(entry.get("published")),
        **meta,
    )
    return fill_outlet(doc, outlet)


def _short(ident: object) -> bool:
    """Whether an id can be a name (a scalar, not a nested value or a huge number)."""
    return isinstance(ident, str | int | float) and len(str(ident)) <= 1000


def _lines(stream: IO[bytes], limit: int) -> Iterator[tuple[int, bytes | None, int]]:
    """(number, line, size) of each line split on b"\\n"; line is None when over `limit`."""
    number = 0
    while True:
        line = stream.readline(limit + 2)
        if not line:
            return
        number += 1
        if len(line) <= limit + 1 or line.endswith(b"\n"):
            yield number, line, len(line)
            continue
        size = len(line)
        while line and not line.endswith(b"\n"):  # skip the rest of the over-long line
            line = stream.readline(_CHUNK)
            size += len(line)
        yield number, None, size


def _iter_lines(
    stream: IO[bytes], *, stem: str, source: str, outlet: str | None, settings: IngestSettings
) -> Iterator[Item]:
    found = False
    for number, raw, size in _lines(stream, settings.max_bytes):
        where = f"{stem}:{number}"
        if raw is None or len(raw.rstrip(b"\r\n")) > settings.max_bytes:
            cause = too_big_cause(size, settings.max_bytes, "entry")
            yield read_error(where, source, f"line {number}: {cause}")
            found = True
            continue
        if number == 1 and raw.startswith(_BOM):
            raw = raw[len(_BOM) :]
        if not raw.strip():
            continue
        found = True
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            cause = f"line {number}: not UTF-8 at byte {exc.start} of the line; re-save as UTF-8"
            yield read_error(where, source, cause)
            continue
        try:
            entry = json.loads(line)
        except _JSON_FAILURES as exc:
            yield read_error(where, source, f"line {number}: {_why_not_json(exc, '')}")
            continue
        yield _entry_document(entry, number, stem=stem, source=source, outlet=outlet, unit="line")
    if not found:
        yield read_error(stem, source, "nothing to read: the file holds only blank lines")


class _ArrayReader:
    """The items of a top-level JSON array, decoded one at a time from a byte stream."""

    def __init__(self, stream: IO[bytes], limit: int) -> None:
        self.stream = stream
        self.limit = limit
        self.decoder = json.JSONDecoder()
        self.text = codecs.getincrementaldecoder("utf-8-sig")()
        self.buffer = ""
        self.pos = 0
        self.eof = False

    def fill(self) -> bool:
        """Read one more chunk into the buffer; False at the end of the stream."""
        if self.eof:
            return False
        data = self.stream.read(_CHUNK)
        self.eof = not data
        if self.pos > _CHUNK:  # drop what was decoded, so the buffer stays small
            self.buffer, self.pos = self.buffer[self.pos :], 0
        self.buffer += self.text.decode(data, final=self.eof)
        return True

    def skip_space(self) -> str:
        """The next character that is not whitespace ("" at the end)."""
        while True:
            while self.pos < len(self.buffer) and self.buffer[self.pos] in _WHITESPACE:
                self.pos += 1
            if self.pos < len(self.buffer):
                return self.buffer[self.pos]
            if not self.fill():
                return ""

    def value(self) -> Any:
        """The next JSON value, reading more until it is complete or over the limit.

        Raises:
            ValueError: malformed (JSONDecodeError) or too large (plain ValueError).
            RecursionError: nested too deeply.
        """
        while True:
            try:
                value, end = self.decoder.raw_decode(self.buffer, self.pos)
            except json.JSONDecodeError:
                if len(self.buffer) - self.pos > self.limit:
                    size = len(self.buffer) - self.pos
                    raise ValueError(too_big_cause(size, self.limit, "entry")) from None
                if not self.fill():
                    raise
                continue
            # A number or literal that ends the buffer may go on in the next chunk.
            if end == len(self.buffer) and self.buffer[end - 1] not in '}]"' and self.fill():
                continue
            if end - self.pos > self.limit:
                raise ValueError(too_big_cause(end - self.pos, self.limit, "entry"))
            self.pos = end
            return value

    def items(self) -> Iterator[tuple[int, Any]]:
        """(number, value) of each item; a problem ends the array with a ValueError."""
        self.skip_space()
        self.pos += 1  # the "[" the caller saw
        number = 0
        while True:
            if self.skip_space() == "]" and number == 0:
                self.pos += 1
                break
            number += 1
            yield number, self.value()
            after = self.skip_space()
            self.pos += 1
            if after == "]":
                break
            if after != ",":
                shown = repr(after) if after else "the end of the file"
                raise json.JSONDecodeError(f"Expecting ',' or ']', got {shown}", "", 0)
        if self.skip_space():
            raise ValueError("more data after the closing ']'")


def _iter_array(
    stream: IO[bytes], *, stem: str, source: str, outlet: str | None, settings: IngestSettings
) -> Iterator[Item]:
    reader = _ArrayReader(stream, settings.max_bytes)
    number = 0
    try:
        for number, entry in reader.items():
            yield _entry_document(
                entry, number, stem=stem, source=source, outlet=outlet, unit="item"
            )
    except (UnicodeDecodeError, *_JSON_FAILURES) as exc:
        if isinstance(exc, UnicodeDecodeError):
            why = "not UTF-8; JSON must be UTF-8: re-save the file as UTF-8"
        elif isinstance(exc, json.JSONDecodeError):
            why = f"malformed JSON ({exc.msg}); fix or remove it"
        else:
            why = _why_not_json(exc, "")
        failed = number + 1
        cause = (
            f"item {failed}: {why}; reading stopped there, the {number} items before it were kept"
        )
        yield read_error(f"{stem}:{failed}", source, cause)
        return
    if number == 0:
        yield read_error(stem, source, "nothing to read: the JSON array is empty")


def _first_line_is_json(stream: IO[bytes], limit: int) -> bool:
    """Whether the stream's first line is a whole JSON value with more lines after it."""
    first = stream.readline(limit + 1).removeprefix(_BOM)
    rest = stream.read(_CHUNK)
    stream.seek(0)
    if not rest.strip() or not first.endswith(b"\n"):
        return False
    try:
        json.loads(first)
    except _JSON_FAILURES:
        return False
    except UnicodeDecodeError:
        return False
    return True


def _starts_with(stream: IO[bytes]) -> bytes:
    head = stream.read(_CHUNK).removeprefix(_BOM).lstrip()
    stream.seek(0)
    return head[:1]


def iter_json(
    data: bytes | IO[bytes],
    *,
    stem: str,
    source: str,
    outlet: str | None,
    settings: IngestSettings,
    lines: bool,
) -> Iterator[Item]:
    """The articles of a JSONL (`lines=True`) or JSON file.

    A `.json` file that holds one object per line is read as JSON Lines; a `.json` file
    holding an array is read an item at a time.

    Args:
        data: The file's bytes (UTF-8, as JSON requires), or a seekable binary stream.
        stem: Name prefix for entries without `name`/`id` (`<stem>:<line>`).
        source: Path or URL, for error messages.
        outlet: The user's outlet, used where an entry names none.
        settings: Size caps.
        lines: Whether the file is JSON Lines.
    """
    stream = io.BytesIO(data) if isinstance(data, bytes) else data
    if lines or _first_line_is_json(stream, settings.max_bytes):
        yield from _iter_lines(stream, stem=stem, source=source, outlet=outlet, settings=settings)
        return
    if _starts_with(stream) == b"[":
        yield from _iter_array(stream, stem=stem, source=source, outlet=outlet, settings=settings)
        return
    raw = stream.read(settings.max_bytes + 1)
    if len(raw) > settings.max_bytes:
        yield read_error(stem, source, too_big_cause(None, settings.max_bytes, "JSON object"))
        return
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        cause = f"not UTF-8 at byte {exc.start}; JSON must be UTF-8: re-save the file as UTF-8"
        yield read_error(stem, source, cause)
        return
    try:
        whole = json.loads(text)
    except json.JSONDecodeError as exc:
        cause = f"malformed JSON at line {exc.lineno}, column {exc.colno} ({exc.msg})"
        yield read_error(stem, source, cause)
        return
    except _JSON_FAILURES as exc:
        yield read_error(stem, source, _why_not_json(exc, ""))
        return
    yield _entry_document(whole, 1, stem=stem, source=source, outlet=outlet, unit="object")
