"""`/dyads/{A}-{B}`: a relationship: its trend chart, its timeline, its brief."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from markupsafe import Markup

from dyad.query import Filters, parse_dyad
from dyad.report.brief import build_brief
from dyad.report.timeline import build_timeline
from dyad.report.trend import build_trend, trend_svg
from dyad.web.render import PagingParam, respond, store_of, twin

router = APIRouter()


@twin(router, "/dyads/{pair}", "dyad")
def dyad(
    request: Request,
    pair: str,
    paging: PagingParam,
    by: Annotated[str, Query(pattern="^(week|month)$", description="week or month")] = "month",
) -> Response:
    """A country pair (`RUS-IRN`, either order): trend, timeline and brief."""
    store = store_of(request)
    filters = Filters(dyad=parse_dyad(pair))
    trend = build_trend(store, filters, by=by)
    rows = build_timeline(store, filters)
    brief = build_brief(store, filters)
    context = {
        "title": brief.title,
        "dyad": "-".join(filters.dyad or ()),
        "by": by,
        "trend": trend,
        "chart": Markup(trend_svg(trend)),  # built by trend_svg, every value escaped there
        "timeline": paging.slice(rows),
        "pager": paging.info(len(rows), request),
        "brief": brief,
    }
    return respond(request, "dyad.html", context, html_only=("chart",))
