"""Across documents: stories, merged facts, independent origins and contradictions.

Works on the store, never on raw input: `link_new` links what ingest stored.
"""

from dyad.link.update import LinkReport, link_new

__all__ = ["LinkReport", "link_new"]
