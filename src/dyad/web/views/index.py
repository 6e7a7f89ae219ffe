"""`/`: what the store holds, its busiest dyads and latest stories, a search box."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from dyad.report.sentences import country_name
from dyad.web.render import respond, store_of, twin

router = APIRouter()


@twin(router, "/index", "index")
def overview(request: Request) -> Response:
    """The store at a glance."""
    store = store_of(request)
    stories = store.links.stories()
    dyads = store.browse.dyads(12)
    for d in dyads:
        d["name"] = f"{country_name(d['a'])} – {country_name(d['b'])}"
    context = {
        "title": "Overview",
        "documents": store.browse.documents(1, 0).total,
        "stories_total": len(stories),
        "facts": sum(s["facts"] for s in stories),
        "dyads": dyads,
        "latest": stories[:8],
    }
    return respond(request, "index.html", context)


@router.get("/", include_in_schema=False)
def home(request: Request) -> Response:
    return overview(request)
