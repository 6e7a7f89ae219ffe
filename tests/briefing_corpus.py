"""A store for the brief, timeline, trend and explorer tests: our own sentences only.

The linking tests' corpus (a March meeting reported by a wire and its reprints and by an
independent outlet, a second meeting in May, a strike Israel denies, a sanction), one
announced meeting, and one hostile article whose title, outlet and text hold `<script>`,
Rich markup and Markdown, which every page and brief must show as text.
"""

from __future__ import annotations

import json
from pathlib import Path

from dyad.pipeline import ingest
from dyad.settings import load_settings
from dyad.store import Store
from link.corpus import ALL

HOSTILE_TITLE = "<script>alert('title')</script> [bold]Summit[/bold]"
HOSTILE_OUTLET = "<b>evil</b>.example"
HOSTILE_TEXT = (
    "Vladimir Putin met Abbas Araghchi in Moscow on Monday. "
    "<script>alert('xss')</script> [red]markup[/red] and *stars* [link](javascript:x)\n\n"
    '"We will <b>never</b> give up [our] cooperation," Araghchi said.'
)
EXTRA = [
    {
        "name": "hostile",
        "outlet": HOSTILE_OUTLET,
        "published": "2025-03-11",
        "title": HOSTILE_TITLE,
        "text": HOSTILE_TEXT,
    },
    {
        "name": "planned-visit",
        "outlet": "caspian-notes.example",
        "published": "2025-05-07",
        "title": "Visit planned",
        "text": "Iranian President Masoud Pezeshkian is due to visit Moscow on May 20, "
        "officials said.\n\nHe is expected to meet Vladimir Putin in the Kremlin.",
    },
]


def build_store(folder: Path) -> str:
    """Ingest the corpus into a new SQLite store in `folder`; returns its path."""
    records = folder / "corpus.jsonl"
    records.write_text("".join(json.dumps(r) + "\n" for r in ALL + EXTRA), encoding="utf-8")
    db = str(folder / "briefing.db")
    with Store(db) as store:
        ingest([str(records)], store, load_settings(None, db=db))
    return db
