"""A document's text cut into segments, each marked with the items that cover it.

Actors, dates, event triggers, quotes and one highlighted range (a fact's sentence) may
overlap; cutting the text at every item's start and end gives flat segments, each with the
classes of what covers it, so the page shows all of them and stays valid HTML. The text is
never changed: the segments' texts joined are the document's text.
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass, field
from typing import Any

from dyad.model import Document


@dataclass
class Segment:
    text: str
    start: int
    classes: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    event: str | None = None  # the id of the event whose trigger this is
    anchor: str | None = None  # "hl" on the first segment of the highlighted range


def _side(ref: Any) -> str:
    if ref is None:
        return "?"
    return str(ref.name or ref.text) + (f" ({ref.country})" if ref.country else "")


Mark = tuple[int, int, str, str, str | None]


def items(document: Document, highlight: tuple[int, int] | None) -> list[Mark]:
    """(start, end, class, title, event id) of everything the page marks."""
    out: list[Mark] = []
    for a in document.actors:
        who = ", ".join(x for x in (a.country, a.sector, a.role) if x)
        out.append((a.start, a.end, "actor", f"{a.name}" + (f" [{who}]" if who else ""), None))
    for t in document.times:
        out.append((t.start, t.end, "time", f"date: {t.value or 'unresolved'}", None))
    for e in document.events:
        when = e.date.value if e.date and e.date.value else "undated"
        title = f"{e.type} ({e.modality}): {_side(e.source)} → {_side(e.target)}, {when}"
        out.append((e.trigger.start, e.trigger.end, "trigger", title, e.id))
    for q in document.quotes:
        title = f"quote of {q.speaker.name or q.speaker.text}"
        out.append((q.content.start, q.content.end, "quote", title, None))
    if highlight is not None:
        out.append((highlight[0], highlight[1], "hl", "the sentence cited", None))
    size = len(document.text)
    return [i for i in out if 0 <= i[0] < i[1] <= size]


def segments(document: Document, highlight: tuple[int, int] | None = None) -> list[Segment]:
    """The document's text as marked segments (see the module's docstring)."""
    text = document.text
    marks = items(document, highlight)
    cuts = sorted({0, len(text), *(m[0] for m in marks), *(m[1] for m in marks)})
    out = [Segment(text[a:b], a) for a, b in itertools.pairwise(cuts) if b > a]
    starts = [s.start for s in out]
    for start, end, kind, title, event in sorted(marks, key=lambda m: (m[0], -m[1])):
        first = bisect.bisect_left(starts, start)
        for segment in out[first:]:
            if segment.start >= end:
                break
            if kind not in segment.classes:
                segment.classes.append(kind)
            segment.titles.append(title)
            if event is not None and segment.event is None:
                segment.event = event
    first_hl = next((s for s in out if "hl" in s.classes), None)
    if first_hl is not None:
        first_hl.anchor = "hl"
    return out
