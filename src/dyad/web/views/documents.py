"""`/documents` and `/documents/{name}`: the cleaned text with what was found in it marked."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from dyad.errors import QueryError
from dyad.web.highlight import segments
from dyad.web.render import NotFound, PagingParam, respond, store_of, twin

router = APIRouter()


@twin(router, "/documents", "documents")
def documents(request: Request, paging: PagingParam) -> Response:
    """Stored documents, latest publication first."""
    page = store_of(request).browse.documents(paging.size, paging.offset)
    context = {
        "title": "Documents",
        "documents": page.rows,
        "pager": paging.info(page.total, request),
    }
    return respond(request, "documents.html", context)


@twin(router, "/documents/{name:path}", "document")
def document(
    request: Request,
    name: str,
    start: Annotated[int | None, Query(ge=0, description="highlight from")] = None,
    end: Annotated[int | None, Query(ge=0, description="highlight to")] = None,
) -> Response:
    """One document by name or id: text with actors, dates, triggers and quotes marked,
    its events and quotes, the lines cleaning removed; `start`/`end` highlight a range."""
    found = store_of(request).get_document(name)
    if found is None:
        raise NotFound(f"no document named {name!r}; /documents lists them")
    highlight = None
    if start is not None or end is not None:
        if start is None or end is None or not start < end <= len(found.text):
            raise QueryError(
                f"start and end are offsets into the text, 0 <= start < end <= "
                f"{len(found.text)}; got start={start}, end={end}"
            )
        highlight = (start, end)
    context = {
        "title": found.title or found.name,
        "document": found,
        "segments": segments(found, highlight),
        "highlight": highlight,
        "events": found.events,
        "quotes": found.quotes,
        "removed": found.removed,
    }
    # JSON: the document's export record (SPEC.md section 3) holds its events and quotes
    return respond(
        request, "document.html", context, html_only=("segments", "events", "quotes", "removed")
    )
