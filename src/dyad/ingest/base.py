"""Checks every reader shares: size caps, empty and binary input, names and outlets."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from dyad.ingest.sniff import binary_cause, binary_kind
from dyad.model import IngestError, RawDocument

_COMPOUND_SUFFIXES = (".warc.gz",)


def read_error(name: str, source: str, cause: str) -> IngestError:
    """An IngestError of the read stage."""
    return IngestError(name=name, source=source, stage="read", cause=cause)


def stem(path: str | Path) -> str:
    """The document name of a file: its name without the extension (`a.warc.gz` -> `a`)."""
    name = Path(path).name
    for suffix in _COMPOUND_SUFFIXES:
        if name.lower().endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return Path(name).stem or name


def human_size(size: int) -> str:
    """A byte count as a user reads it."""
    value = float(size)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{int(value)} {unit}" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1024
    raise AssertionError("unreachable")


def too_big_cause(size: int | None, limit: int, what: str = "file") -> str:
    """Why an input over the size cap was refused, and how to lift the cap."""
    got = f"{human_size(size)}, " if size is not None else ""
    return (
        f"{what} too large ({got}limit {human_size(limit)}); "
        "raise the max_bytes setting if it really is one article"
    )


def raw_size(doc: RawDocument) -> int:
    """How large a read document is: its bytes, or the characters of decoded text."""
    if doc.data is not None:
        return len(doc.data)
    return len(doc.text or doc.html or "")


def check_content(data: bytes, name: str, source: str, what: str = "file") -> IngestError | None:
    """An error when `data` is empty or binary, else None."""
    if not data:
        return read_error(name, source, f"empty {what}: nothing to read")
    if not data.strip():
        return read_error(name, source, f"empty {what}: only whitespace")
    kind = binary_kind(data[:8192])
    if kind is not None:
        return read_error(name, source, binary_cause(kind))
    return None


def fill_outlet(doc: RawDocument, outlet: str | None) -> RawDocument:
    """Give `doc` the user's outlet when its container named none (the container wins)."""
    if outlet and not doc.outlet:
        doc.outlet = outlet
    return doc


def guarded(
    items: Iterator[RawDocument | IngestError], name: str, source: str
) -> Iterator[RawDocument | IngestError]:
    """`items`, then an error instead of an exception when reading them fails unexpectedly.

    Readers report every problem they foresee as an `IngestError`; this is the net under
    them, so that no input, however malformed, stops the inputs after it.
    """
    try:
        yield from items
    except Exception as exc:  # a reader's bug or a library's surprise: one input's problem
        cause = (
            f"reading stopped by an unexpected error ({type(exc).__name__}: {exc}); "
            "the documents before it were kept: check or remove this input"
        )
        yield read_error(name, source, cause)
