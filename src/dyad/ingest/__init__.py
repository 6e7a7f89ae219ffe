"""Readers: files, directories, stdin, URLs, feeds, JSONL and WARC into `RawDocument`s.

Nothing is decoded or parsed beyond what the container needs: cleaning detects encodings
and extracts HTML. See `iter_inputs`.
"""

from __future__ import annotations

from dyad.ingest.dates import normalize_date
from dyad.ingest.readers import iter_inputs
from dyad.ingest.settings import IngestSettings

__all__ = ["IngestSettings", "iter_inputs", "normalize_date"]
