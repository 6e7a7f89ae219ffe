"""Characters no stage may pass on: lone surrogates, NUL and other control characters.

A document's bytes come from anywhere; what it names itself (a title, an author, a file
name) is data, never layout or a terminal command. Every reader, the cleaning stage and the
store pass their strings through these functions, so one bad value costs at most its own
document and never the batch it travels in.

- `storable(text)`: a string every store can keep and every encoder can write: a lone
  surrogate (`\\ud800` from JSON, `\\udcff` from an undecodable file name) becomes U+FFFD,
  NUL is removed.
- `one_line(text)`: a metadata value (name, title, outlet, author, source, error cause):
  storable, with every control character (tabs, line breaks, escapes) turned to a space
  and runs of spaces collapsed.
"""

from __future__ import annotations

import re
from dataclasses import fields, replace
from typing import TypeVar

#: Lone UTF-16 surrogates: a Python `str` holds them only when something decoded badly.
SURROGATE = re.compile("[\ud800-\udfff]")
#: General category Cc: U+0000-U+001F and U+007F-U+009F (fixed by Unicode's stability policy).
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"[ \x00-\x1f\x7f-\x9f]+")

BODY_FIELDS = frozenset({"text", "html"})

T = TypeVar("T")


def storable(text: str) -> str:
    """`text` with lone surrogates replaced by U+FFFD and NUL characters removed."""
    if text.isascii():
        return text.replace("\x00", "")
    return SURROGATE.sub("\ufffd", text).replace("\x00", "")


def one_line(text: str) -> str:
    """A metadata value on one line: storable, control characters as single spaces."""
    text = storable(text)
    if CONTROL.search(text) is None:
        return text
    return _SPACES.sub(" ", text.replace("\x00", "")).strip()


def one_line_fields(item: T) -> T:
    """A copy of a dataclass with every `str` field passed through `one_line`.

    Fields that hold a document's body (`text`, `html`) are left alone: cleaning repairs
    them and records what it changed.
    """
    changes: dict[str, str] = {}
    for f in fields(item):  # type: ignore[arg-type]
        value = getattr(item, f.name)
        if isinstance(value, str) and f.name not in BODY_FIELDS:
            fixed = one_line(value)
            if fixed != value:
                changes[f.name] = fixed
    return replace(item, **changes) if changes else item  # type: ignore[type-var]
