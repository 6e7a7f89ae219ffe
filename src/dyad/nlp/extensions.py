"""`Doc._.*` attributes through which dyad's components hand results to each other.

| attribute   | type                     | written by      |
|-------------|--------------------------|-----------------|
| published   | str or None (YYYY-MM-DD) | make_doc        |
| dyad_doc    | dyad.model.Document      | make_doc        |
| actors      | list[ActorMention]       | dyad_actors     |
| places      | list[PlaceMention]       | dyad_actors     |
| flags       | list[Flag]               | any component   |
| times       | list[TimeMention]        | dyad_timex      |
| events      | list[Event]              | dyad_events     |
| quotes      | list[Quote]              | dyad_quotes     |
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

_LIST_ATTRIBUTES = ("actors", "places", "flags", "times", "events", "quotes")


def register_extensions() -> None:
    """Declare every attribute once; safe to call again."""
    for name in ("published", "dyad_doc"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    for name in _LIST_ATTRIBUTES:
        if not Doc.has_extension(name):
            # A default of [] would be one list shared by every doc: start from None and
            # let get_list create each doc's own list on first use.
            Doc.set_extension(name, default=None)


def get_list(doc: Doc, name: str) -> list[Any]:
    """The list behind a list attribute, created on first use."""
    value: list[Any] | None = getattr(doc._, name)
    if value is None:
        value = []
        setattr(doc._, name, value)
    return value


register_extensions()
