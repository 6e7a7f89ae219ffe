"""`/stories` and `/stories/{id}`: stories, and one story's facts, contradictions, documents."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from dyad.report.sentences import doc_ids_of, facts_text
from dyad.web.render import NotFound, PagingParam, respond, store_of, twin

router = APIRouter()


@twin(router, "/stories", "stories")
def stories(request: Request, paging: PagingParam) -> Response:
    """Every story, latest first, a page at a time."""
    rows = store_of(request).links.stories()
    context = {
        "title": "Stories",
        "stories": paging.slice(rows),
        "pager": paging.info(len(rows), request),
    }
    return respond(request, "stories.html", context)


@twin(router, "/stories/{story_id}", "story")
def story(request: Request, story_id: str, paging: PagingParam) -> Response:
    """One story: its facts said and cited, its contradictions, its documents."""
    store = store_of(request)
    found = store.links.story(story_id)
    if found is None:
        raise NotFound(f"no single story with id {story_id!r}; /stories lists them")
    facts = store.links.facts(story_id=found["story_id"])
    page = paging.slice(facts)
    documents = {d.doc_id: d for d in store.links.documents(doc_ids_of(page))}
    context = {
        "title": found["title"] or found["story_id"],
        "story": found,
        "facts": facts_text(page, documents),
        "pager": paging.info(len(facts), request),
        "contradictions": store.links.contradictions(found["story_id"]),
    }
    return respond(request, "story.html", context)
