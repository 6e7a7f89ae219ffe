"""Cleaning: bytes or HTML in, a Document with trustworthy text and its metadata out.

`clean_document` decodes (BOM, UTF-8, charset-normalizer), repairs mojibake (ftfy, then a
gated rule for lossy mojibake), extracts the main text of HTML pages (trafilatura), reads
metadata the text states, and removes boilerplate lines, recording each with its reason.
`line_key` / `document_line_keys` feed the per-outlet repeated-line statistics, and
`minhash_signature` / `NearDuplicateIndex` find near-duplicate documents.
"""

from dyad.clean.boilerplate import document_line_keys, find_boilerplate, line_key
from dyad.clean.dedupe import NearDuplicateIndex, minhash_signature, similarity
from dyad.clean.document import clean_document, repair_text
from dyad.clean.language import detect_language
from dyad.clean.settings import CleanSettings

__all__ = [
    "CleanSettings",
    "NearDuplicateIndex",
    "clean_document",
    "detect_language",
    "document_line_keys",
    "find_boilerplate",
    "line_key",
    "minhash_signature",
    "repair_text",
    "similarity",
]
