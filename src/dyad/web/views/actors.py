"""`/actors/{name}`: an actor's events as source and as target, and its quotes."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from dyad.web.render import NotFound, PagingParam, respond, store_of, twin

router = APIRouter()


@twin(router, "/actors/{name:path}", "actor")
def actor(request: Request, name: str, paging: PagingParam) -> Response:
    """One actor by its canonical name (as events and quotes name it)."""
    browse = store_of(request).browse
    events = browse.actor_events(name, paging.size, paging.offset)
    quotes = browse.actor_quotes(name, paging.size, paging.offset)
    if events.total == 0 and quotes.total == 0:
        raise NotFound(f"no event or quote names the actor {name!r}; try /search?q={name}")
    context = {
        "title": name,
        "name": name,
        "events": events.rows,
        "events_pager": paging.info(events.total, request),
        "quotes": quotes.rows,
        "quotes_pager": paging.info(quotes.total, request),
    }
    return respond(request, "actor.html", context)
