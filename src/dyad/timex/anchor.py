"""What to resolve against when a document carries no publication date.

A dateline or byline date near the top ("By Jane Doe | Dec 29, 2025", "MOSCOW, June 23
(TASS) -") stands in for the publication date. A dateline without a year takes the latest year the
document itself reports; failing that, the document stays unanchored.
"""

from __future__ import annotations

import re
from datetime import date

from dyad.timex.find import compile_patterns, find_times, is_future
from dyad.timex.lexicon import CalendarLexicon, load_lexicon

#: How many non-empty lines at the top may hold a byline or dateline.
HEAD_LINES = 8
#: A byline or date line is short; a long line is prose, whose dates are events.
MAX_BYLINE_CHARS = 100
#: A line ending like a sentence is prose, even when short.
_PROSE_END = (".", "!", "?", '"', "”")
#: A year that opens or closes a span: "2026 to 2028", "2026-28", "between 2026 and 2028".
_RANGE_AFTER = re.compile(r"\s*(?:to|through|until|till|[-–—/])\s*(?:\d{4}|\d{2})\b")
_RANGE_BEFORE = re.compile(
    r"(?:\b\d{4}\s*(?:to|through|until|till|[-–—/])|\bbetween\s+\d{4}\s+and|\bbetween)\s*$",
    re.IGNORECASE,
)
_DATELINE = re.compile(r"^[A-Z][A-Z .'’-]{2,40}(?:\([^)]*\))?,\s+")


def in_range(text: str, start: int, end: int) -> bool:
    """Whether a year is one end of a span ("the years 2026 to 2028", "2026–2028",
    "between 2026 and 2028"): a span names a period, often a plan, not when things were
    reported."""
    return bool(_RANGE_AFTER.match(text, end) or _RANGE_BEFORE.search(text, 0, start))


def infer_year(text: str, lexicon: CalendarLexicon | None = None) -> int | None:
    """The latest year the text names outside future contexts ("by 2030") and spans
    ("2026 to 2028"), or None.

    News mostly looks back, so the latest year it reports is the best guess for its own.
    """
    lex = lexicon or load_lexicon()
    patterns = compile_patterns(lex)
    years = [
        int(t.value[:4])
        for t in find_times(text, None, lexicon=lex)
        if t.value
        and not is_future(text, t.start, t.end, patterns)
        and not in_range(text, t.start, t.end)
    ]
    return max(years) if years else None


def _head_lines(text: str) -> list[tuple[int, str]]:
    lines: list[tuple[int, str]] = []
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            lines.append((offset, line))
        offset += len(line) + 1
        if len(lines) >= HEAD_LINES:
            break
    return lines


def find_anchor(text: str, lexicon: CalendarLexicon | None = None) -> date | None:
    """The dateline or byline date at the top of `text`, or None.

    Only a short line that does not end like a sentence, or a line opening with an
    upper-case dateline ("MOSCOW, "), counts.
    """
    lex = lexicon or load_lexicon()
    patterns = compile_patterns(lex)
    year: int | None = None
    for _, line in _head_lines(text):
        byline = len(line) <= MAX_BYLINE_CHARS and not line.rstrip().endswith(_PROSE_END)
        if not byline and not _DATELINE.match(line):
            continue
        scope = line if len(line) <= MAX_BYLINE_CHARS else line[:MAX_BYLINE_CHARS]
        for kind, rx in patterns.kinds:
            if kind not in ("iso", "mdy", "dmy"):
                continue
            m = rx.search(scope)
            if m is None or not m.group("mon" if kind != "iso" else "y")[:1].isalnum():
                continue
            if kind != "iso" and not m.group("mon")[:1].isupper():
                continue
            if m.group("y") is None:
                year = year or infer_year(text, lex)
                if year is None:
                    continue
                found = find_times(m.group(0), None, year=year, lexicon=lex)
            else:
                found = find_times(m.group(0), None, lexicon=lex)
            if found and found[0].value and found[0].precision == "day":
                return date.fromisoformat(found[0].value)
    return None
