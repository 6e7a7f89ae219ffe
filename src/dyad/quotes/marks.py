"""Quotation spans: which characters a pair of quotation marks encloses.

Handles straight and curly double and single quotes, guillemets in both directions
(«...» and »...«) and „...“. An apostrophe inside or at the end of a word (Iran’s,
ministers’) is not a quotation mark. A quote left open by a scrape ends at its paragraph's
end instead of swallowing the article; a paragraph that opens with a quotation mark after
an unclosed quote continues it (print style), so a quote over several paragraphs is one.
Quotation marks nested inside a quote are part of its content.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

#: Opening mark -> the marks that may close it.
_CLOSERS: dict[str, str] = {
    "“": '”"',
    '"': '"”',
    "„": "“”",
    "«": "»",
    "»": "«",
    "‘": "’'",
    "'": "'’",
}
_SINGLE = {"‘", "'"}
#: Any opening mark: the scan jumps from one to the next instead of testing every character.
_OPENERS = re.compile("[" + re.escape("".join(_CLOSERS)) + "]")
_BOUNDARY_BEFORE = " \t\n([{—–-/:;,"
#: Trailing punctuation inside the marks that is not part of what was said.
_TRAILING = ",.;: \t\n"


@dataclass(frozen=True)
class Quotation:
    """Text between quotation marks; `end` excludes trailing commas and stops."""

    open: int  # offset of the opening mark
    close: int | None  # offset of the closing mark, None when the quote was never closed
    start: int
    end: int

    @property
    def outer_end(self) -> int:
        """Offset just after the closing mark (or the content, when unclosed)."""
        return self.close + 1 if self.close is not None else self.end


class Quotations(list[Quotation]):
    """Quotations in text order, with "is this offset inside one?" answered in log time
    (a sentence of thousands of quote marks must not cost quotes x tokens)."""

    def __init__(self, quotes: Iterable[Quotation]) -> None:
        super().__init__(quotes)
        self._by_open = sorted(self, key=lambda q: q.open)
        self._opens = [q.open for q in self._by_open]
        self._starts: list[int] = []
        self._ends: list[int] = []
        for q in self._by_open:  # merged, so one bisect decides
            if self._ends and q.open <= self._ends[-1]:
                self._ends[-1] = max(self._ends[-1], q.outer_end)
            else:
                self._starts.append(q.open)
                self._ends.append(q.outer_end)

    def covers(self, offset: int) -> bool:
        i = bisect_right(self._starts, offset) - 1
        return i >= 0 and offset < self._ends[i]

    def opening_in(self, start: int, end: int) -> list[Quotation]:
        """The quotations whose opening mark is in [start, end), in text order."""
        opens = self._opens
        return self._by_open[bisect_left(opens, start) : bisect_left(opens, end)]


def _opens(text: str, i: int, start: int) -> bool:
    ch = text[i]
    if ch not in _CLOSERS:
        return False
    after = text[i + 1 : i + 2]
    if not after or after.isspace():
        return False
    before = text[i - 1] if i > start else " "
    if ch in ("“", "„", "«", "‘"):
        return ch != "‘" or not before.isalnum()
    return before in _BOUNDARY_BEFORE or before in _CLOSERS


def _closes(text: str, i: int, opener: str, end: int) -> bool:
    ch = text[i]
    if ch not in _CLOSERS[opener]:
        return False
    after = text[i + 1] if i + 1 < end else " "
    if opener in _SINGLE:
        # An apostrophe in a word (Iran’s) or after a plural (the ministers’ talks) is not
        # a closing mark unless punctuation follows it.
        return (
            not after.isalnum()
            and text[i - 1 : i] not in ("", " ")
            and (not after.isspace() or text[i - 1] in ".,!?…" or _plain_word_end(text, i))
        )
    return True


def _plain_word_end(text: str, i: int) -> bool:
    """A single quote after a word closes unless the word is a plural (possessive)."""
    word_start = i
    while word_start > 0 and text[word_start - 1].isalpha():
        word_start -= 1
    return not text[word_start:i].endswith("s")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return start, end


def _paragraph_quotes(text: str, start: int, end: int) -> tuple[list[Quotation], int | None]:
    """Closed quotes of one paragraph, and the offset of an opening mark left unclosed."""
    found: list[Quotation] = []
    i = start
    while i < end:
        mark = _OPENERS.search(text, i, end)
        if mark is None:
            break  # no mark left: `_opens` is false everywhere after i
        i = mark.start()
        if not _opens(text, i, start):
            i += 1
            continue
        opener = text[i]
        j = i + 1
        while j < end and not _closes(text, j, opener, end):
            if opener in _SINGLE and text[j] == opener and _opens(text, j, start):
                break  # the first mark was an apostrophe ('90s); start again from here
            j += 1
        if j >= end or not _closes(text, j, opener, end):
            if opener in _SINGLE:  # a stray apostrophe, not an unclosed quote
                i = j if j < end else i + 1
                continue
            return found, i
        s, e = _trim(text, i + 1, j)
        if e - s > (1 if opener in _SINGLE else 0):
            found.append(Quotation(i, j, s, e))
        i = j + 1
    return found, None


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, offset = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((offset, offset + len(line)))
        offset += len(line) + 1
    return spans


def _find_close(text: str, opener: str, start: int, end: int) -> int | None:
    for j in range(start, end):
        if _closes(text, j, opener, end):
            return j
    return None


def find_quotations(text: str) -> list[Quotation]:
    """Every quotation in `text`, in order; multi-paragraph quotes merged into one."""
    out: list[Quotation] = []
    pending: tuple[int, int] | None = None  # (opening mark, end of the paragraph it ran to)
    for p_start, p_end in _paragraphs(text):
        scan_from = p_start
        if pending is not None:
            opening, ran_to = pending
            first = p_start
            while first < p_end and text[first].isspace():
                first += 1
            if _opens(text, first, p_start):  # print style: the quote goes on
                close = _find_close(text, text[first], first + 1, p_end)
                if close is None:
                    pending = (opening, p_end)
                    continue
                s, e = _trim(text, opening + 1, close)
                out.append(Quotation(opening, close, s, e))
                scan_from = close + 1
            else:
                out.append(_unclosed(text, opening, ran_to))
            pending = None
        quotes, still_open = _paragraph_quotes(text, scan_from, p_end)
        out.extend(quotes)
        if still_open is not None:
            pending = (still_open, p_end)
    if pending is not None:
        out.append(_unclosed(text, *pending))
    return out


def _unclosed(text: str, opening: int, ran_to: int) -> Quotation:
    """A quote never closed ends at the end of the last paragraph it ran to."""
    s, e = _trim(text, opening + 1, ran_to)
    return Quotation(opening, None, s, e)
