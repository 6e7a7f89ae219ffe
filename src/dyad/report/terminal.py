"""Text from documents reaches the terminal as text: never as markup, escapes or links.

A name, title, outlet, quote or error message comes from whoever wrote the input. Printed
raw, `[/x]` breaks Rich's markup parser, `[link=...]` becomes a live hyperlink, and
`\\x1b]0;...` retitles the user's terminal. Everything the CLI prints from data goes
through `plain` (a `rich.text.Text`, which Rich never parses as markup) or, inside a markup
string of the CLI's own, through `escaped`.

Control characters and the bidirectional overrides that can make a line read differently
from what it holds become U+FFFD one for one, so character offsets into a text still line
up with what is shown.
"""

from __future__ import annotations

import re

from rich.markup import escape
from rich.text import Text

#: C0 and C1 controls (ESC starts every terminal escape sequence; CR and BS overwrite what
#: was printed) and the bidirectional embeddings, overrides and isolates.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_LINE_BREAKS = re.compile("[\n\t]")
REPLACEMENT = "\ufffd"


def printable(value: object, *, multiline: bool = False) -> str:
    """`value` as a string safe to write to a terminal.

    Args:
        value: Anything; None becomes "".
        multiline: Keep line breaks and tabs (a document's text); otherwise they become
            spaces (a table cell, a name).
    """
    if value is None:
        return ""
    text = _UNSAFE.sub(REPLACEMENT, str(value))
    return text if multiline else _LINE_BREAKS.sub(" ", text)


def plain(value: object, style: str = "", *, multiline: bool = False) -> Text:
    """`value` as a Rich `Text` shown exactly as it reads (see `printable`)."""
    return Text(printable(value, multiline=multiline), style=style)


def escaped(value: object) -> str:
    """`value` made printable and escaped, to sit inside a markup string of the CLI's own."""
    return escape(printable(value))
