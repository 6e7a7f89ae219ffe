"""JSON Lines and JSON files: one article per line, or an object or a list of objects.

Each article is an object with `text` or `html` and optional `name`/`id`, `url`,
`outlet`, `title`, `author`, `published`. A bad line is reported with its number and the
rest of the file is still read: one broken export row must not cost the whole batch.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from dyad.ingest.base import fill_outlet, read_error, too_big_cause
from dyad.ingest.dates import normalize_date
from dyad.ingest.settings import IngestSettings
from dyad.model import IngestError, RawDocument

Item = RawDocument | IngestError
_META = ("url", "outlet", "title", "author")


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
    first = next((line for line in text.splitlines() if line.strip()), "")
    try:
        json.loads(first)
    except json.JSONDecodeError:
        return False
    return True


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
        name=str(ident) if ident not in (None, "") else where,
        source=source,
        format="text" if "text" in bodies else "html",
        text=bodies.get("text"),
        html=None if "text" in bodies else bodies["html"],
        published=normalize_date(entry.get("published")),
        **meta,
    )
    return fill_outlet(doc, outlet)


def _iter_lines(
    text: str, *, stem: str, source: str, outlet: str | None, settings: IngestSettings
) -> Iterator[Item]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{stem}:{number}"
        size = len(line.encode("utf-8"))
        if size > settings.max_bytes:
            cause = too_big_cause(size, settings.max_bytes, "entry")
            yield read_error(where, source, f"line {number}: {cause}")
            continue
        try:
            entry = json.loads(line)
        except json.JSONDecodeError as exc:
            cause = (
                f"line {number}: malformed JSON ({exc.msg} at column {exc.colno}); "
                "fix or remove the line"
            )
            yield read_error(where, source, cause)
            continue
        yield _entry_document(entry, number, stem=stem, source=source, outlet=outlet, unit="line")


def iter_json(
    data: bytes,
    *,
    stem: str,
    source: str,
    outlet: str | None,
    settings: IngestSettings,
    lines: bool,
) -> Iterator[Item]:
    """The articles of a JSONL (`lines=True`) or JSON file.

    A `.json` file that holds one object per line is read as JSON Lines.

    Args:
        data: The file's bytes (UTF-8, as JSON requires).
        stem: Name prefix for entries without `name`/`id` (`<stem>:<line>`).
        source: Path or URL, for error messages.
        outlet: The user's outlet, used where an entry names none.
        settings: Size caps.
        lines: Whether the file is JSON Lines.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        cause = f"not UTF-8 at byte {exc.start}; JSON must be UTF-8: re-save the file as UTF-8"
        yield read_error(stem, source, cause)
        return
    if lines:
        yield from _iter_lines(text, stem=stem, source=source, outlet=outlet, settings=settings)
        return
    try:
        whole = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":
            yield from _iter_lines(text, stem=stem, source=source, outlet=outlet, settings=settings)
        else:
            cause = f"malformed JSON at line {exc.lineno}, column {exc.colno} ({exc.msg})"
            yield read_error(stem, source, cause)
        return
    entries = whole if isinstance(whole, list) else [whole]
    for number, entry in enumerate(entries, start=1):
        unit = "item" if isinstance(whole, list) else "object"
        yield _entry_document(entry, number, stem=stem, source=source, outlet=outlet, unit=unit)
