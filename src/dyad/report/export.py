"""The JSONL export of SPEC.md section 3: one JSON object per document and line."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from dyad.model import Document

#: Internal fields of a Document that the export leaves out (they are derivable or bulky).
_INTERNAL = ("sentences",)


def export_record(document: Document) -> dict[str, Any]:
    """The export object of one document (SPEC.md section 3; extra fields allowed)."""
    record = document.to_dict()
    for name in _INTERNAL:
        record.pop(name, None)
    return record


def write_jsonl(documents: Iterable[Document], handle: TextIO) -> int:
    """Write one line per document; returns how many were written."""
    count = 0
    for document in documents:
        handle.write(json.dumps(export_record(document), ensure_ascii=False))
        handle.write("\n")
        count += 1
    return count
