"""`/search?q=`: full text over documents and quotes, and facts by actor or type."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from dyad.report.sentences import doc_ids_of, facts_text
from dyad.store.browse import MATCH_END, MATCH_START
from dyad.web.render import PagingParam, respond, store_of, twin

router = APIRouter()


def _parts(snippet: str | None) -> list[dict[str, Any]]:
    """A snippet as [{text, match}] (the page marks the matches; the text stays text)."""
    out = []
    for i, piece in enumerate((snippet or "").replace(MATCH_END, MATCH_START).split(MATCH_START)):
        if piece:
            out.append({"text": piece, "match": i % 2 == 1})
    return out


@twin(router, "/search", "search")
def search(
    request: Request,
    paging: PagingParam,
    q: Annotated[str, Query(min_length=1, max_length=500, description="words to find")],
) -> Response:
    """Documents, quotes and facts holding every word of `q`, best match first."""
    store = store_of(request)
    browse = store.browse
    documents = browse.search(q, "documents", paging.size, paging.offset)
    quotes = browse.search(q, "quotes", paging.size, paging.offset)
    fact_ids = browse.search(q, "facts", paging.size, paging.offset)
    wanted = {row["fact_id"] for row in fact_ids.rows}
    facts = store.links.facts(fact_ids=wanted) if wanted else []
    loaded = {d.doc_id: d for d in store.links.documents(doc_ids_of(facts))}
    for row in documents.rows + quotes.rows:
        row["parts"] = _parts(row.pop("snippet"))
    total = max(documents.total, quotes.total, fact_ids.total)
    context = {
        "title": f"Search: {q}",
        "q": q,
        "documents": documents.rows,
        "documents_total": documents.total,
        "quotes": quotes.rows,
        "quotes_total": quotes.total,
        "facts": facts_text(facts, loaded),
        "facts_total": fact_ids.total,
        "pager": paging.info(total, request),
    }
    return respond(request, "search.html", context)
