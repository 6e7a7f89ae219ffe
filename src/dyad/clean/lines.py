"""Undo hard line wrapping, so that a line of the text is a paragraph again.

Plain-text wire copy and e-mailed articles often come wrapped at a fixed width (about 70
characters). Boilerplate rules judge whole lines, and a wrapped fragment such as "Iran
Foreign Ministry" looks like a menu item; so wrapped paragraphs are joined first. The test
is document-wide and conservative: most long lines stop near one width without closing
punctuation, which unwrapped news text (one paragraph per line) never shows.
"""

from __future__ import annotations

import re

_END = re.compile(r"[.!?:;\"”’)]$")
_BLOCK_START = re.compile(r"^([-•*–—>]|\d{1,2}[.)]\s)")
_MIN_LINES = 8
_MIN_WIDTH = 40
_MAX_WIDTH = 100
_FULL = 0.6
_MIN_OPEN_SHARE = 0.5


def _width(lengths: list[int]) -> int:
    ordered = sorted(lengths)
    return ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))]


def is_hard_wrapped(lines: list[str]) -> bool:
    """True when the text looks wrapped at a fixed width."""
    text = [line.rstrip() for line in lines if line.strip()]
    if len(text) < _MIN_LINES:
        return False
    width = _width([len(line) for line in text])
    if not _MIN_WIDTH <= width <= _MAX_WIDTH or max(len(line) for line in text) > width * 1.3:
        return False
    full = [line for line in text if len(line) >= _FULL * width]
    open_ended = sum(1 for line in full if not _END.search(line))
    return len(full) >= _MIN_LINES // 2 and open_ended / len(full) >= _MIN_OPEN_SHARE


def unwrap(lines: list[str]) -> tuple[list[str], list[int]]:
    """Join wrapped lines back into paragraphs.

    Returns:
        The new lines and, for each, the index of the input line it starts at (so removed
        lines can still name their place in the decoded input). Unchanged when the text is
        not hard-wrapped.
    """
    origin = list(range(len(lines)))
    if not is_hard_wrapped(lines):
        return list(lines), origin
    width = _width([len(line.rstrip()) for line in lines if line.strip()])
    out: list[str] = []
    starts: list[int] = []
    open_line = False
    first_text = next(i for i, line in enumerate(lines) if line.strip())
    for i, raw in enumerate(lines):
        line = raw.strip()
        if open_line and line and not _BLOCK_START.match(line):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
            starts.append(i)
        full = len(raw.rstrip()) >= _FULL * width
        open_line = bool(line) and full and not _END.search(line) and i != first_text
    return out, starts
