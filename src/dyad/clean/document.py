"""`clean_document`: from a RawDocument to a Document whose text all offsets refer to."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

from dyad.clean.boilerplate import find_boilerplate, find_title
from dyad.clean.encoding import (
    Decoded,
    decode_bytes,
    describe_lossy_repair,
    drop_unstorable,
    fix_intact_mojibake,
    has_lossy_signature,
    repair_lossy_mojibake,
)
from dyad.clean.html import HtmlExtract, extract_html
from dyad.clean.language import body_language, detect_language
from dyad.clean.lines import unwrap
from dyad.clean.metadata import load_metadata_rules, read_metadata
from dyad.clean.patterns import load_boilerplate
from dyad.clean.settings import CleanSettings
from dyad.errors import DocumentError
from dyad.model import Document, RawDocument, RemovedLine, make_doc_id
from dyad.sanitize import one_line_fields

_LINE_BREAKS = re.compile(r"\r\n|\r|[\u2028\u2029\x85]")
_INVISIBLE = re.compile(r"[\u200b\u2060\ufeff]")
#: Zero-width non-joiner and joiner spell words in Persian, Indic scripts and emoji; kept
#: there, dropped only between Latin (or Greek) letters, punctuation and spaces.
_STRAY_JOINER = re.compile(r"(?<![^\x00-\u036f])[\u200c\u200d](?![^\x00-\u036f])")
_HTML_START = re.compile(r"^\s*(<!doctype html|<html\b|<head\b|<body\b)", re.IGNORECASE)
_MIN_LANGUAGE_CHARS = 40


def _source_text(raw: RawDocument) -> tuple[str, list[str], HtmlExtract | None]:
    """The document's text (HTML already reduced to its main text) and decoding repairs."""
    repairs: list[str] = []
    html = raw.html
    if html is None and raw.data is not None:
        decoded = decode_bytes(raw.data, raw.name)
        repairs += decoded.repairs
        if raw.format == "html" or _HTML_START.match(decoded.text[:200]):
            html = decoded.text
        else:
            return decoded.text, repairs, None
    if html is not None:
        extract = extract_html(html, raw.name, raw.url)
        return extract.text, repairs, extract
    if raw.text is not None:
        if raw.format == "html" or _HTML_START.match(raw.text[:200]):
            extract = extract_html(raw.text, raw.name, raw.url)
            return extract.text, repairs, extract
        return raw.text, repairs, None
    raise DocumentError(
        raw.name, "decode", "has no content: expected bytes, text or HTML from the reader"
    )


def repair_text(text: str, settings: CleanSettings) -> Decoded:
    """Unstorable characters, line breaks, intact mojibake (ftfy), gated lossy mojibake, NFC."""
    storable = drop_unstorable(text)
    text = _INVISIBLE.sub("", _LINE_BREAKS.sub("\n", storable.text)).replace("\u00a0", " ")
    text = _STRAY_JOINER.sub("", text)
    fixed = fix_intact_mojibake(text)
    text, repairs = fixed.text, [*storable.repairs, *fixed.repairs]
    if (
        settings.repair_lossy_mojibake
        and has_lossy_signature(text)
        and detect_language(text.replace("â", "'"))[0] == "en"
    ):
        text, counts = repair_lossy_mojibake(text)
        repairs.append(describe_lossy_repair(counts))
    return Decoded(unicodedata.normalize("NFC", text), repairs)


def clean_document(
    raw: RawDocument,
    settings: CleanSettings | None = None,
    line_counts: Mapping[str, int] | None = None,
) -> Document:
    """Decode, repair and strip boilerplate from one document.

    Args:
        raw: what a reader found (bytes, text or HTML, and container metadata).
        settings: cleaning options; defaults when None.
        line_counts: `line_key(line)` -> number of earlier documents of the same outlet
            that contained the line (lines seen often are boilerplate).

    Returns:
        A Document with the cleaned text (kept lines joined by "\\n"), its id, metadata,
        language, removed lines with reasons and the repairs applied.

    Raises:
        DocumentError: the document cannot be decoded or no article text is left.
    """
    settings = settings or CleanSettings()
    source, repairs, extract = _source_text(raw)
    repaired = repair_text(source, settings)
    repairs += repaired.repairs
    decoded_lines = repaired.text.split("\n")
    lines, starts = unwrap(decoded_lines)
    if len(lines) < len(decoded_lines):
        joined = len(decoded_lines) - len(lines)
        repairs.append(f"hard-wrapped text: {joined} line breaks inside paragraphs removed")
    language = None
    if settings.detect_language:
        code = body_language(repaired.text)
        language = None if code == "und" else code
    rules = load_boilerplate(tuple(settings.boilerplate_files))
    removed = find_boilerplate(lines, rules, settings, language, line_counts)
    title_index = find_title(lines, removed)
    nonempty = [i for i, line in enumerate(lines) if line.strip()]
    meta = read_metadata(
        lines,
        load_metadata_rules(),
        settings.edge_lines,
        settings.bottom_fraction,
        nonempty.index(title_index) if title_index is not None else None,
    )
    kept = [line.strip() for i, line in enumerate(lines) if line.strip() and i not in removed]
    text = "\n".join(kept)
    if not text:
        raise DocumentError(
            raw.name,
            "clean",
            f"no article text left after removing {len(removed)} boilerplate lines; "
            "check the input is an article (or lower the cleaning thresholds)",
        )
    if settings.detect_language and len(text) >= _MIN_LANGUAGE_CHARS:
        code = body_language(text)
        language = None if code == "und" else code
    title = raw.title or (extract.title if extract else None)
    if title is None and title_index is not None:
        title = lines[title_index].strip()
    return one_line_fields(  # what a document says about itself is one plain line each
        Document(
            doc_id=make_doc_id(text),
            name=raw.name,
            text=text,
            source=raw.source,
            url=raw.url or (extract.url if extract else None),
            outlet=raw.outlet or (extract.outlet if extract else None) or meta.outlet,
            title=title,
            published=raw.published or (extract.published if extract else None) or meta.published,
            author=raw.author or (extract.author if extract else None) or meta.author,
            language=language,
            removed=[
                RemovedLine(line=lines[i].strip(), reason=reason, index=starts[i])
                for i, reason in removed.items()
            ],
            repairs=repairs,
        )
    )
