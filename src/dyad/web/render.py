"""One context, rendered twice: a view builds a dict, `respond` turns it into the HTML page
or, for a path ending in `.json`, into JSON (practice 8; datasette's views).

Also the paging every list takes, and the errors a request can cause: a bad parameter is a
400, a missing thing a 404, each with a message (as a page or as JSON).
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from dyad.report.html import render_page
from dyad.store import Store

MAX_PAGE_SIZE = 500
DEFAULT_PAGE_SIZE = 50


class NotFound(Exception):
    """The thing a URL names is not in the store (a 404 with this message)."""


def wants_json(request: Request) -> bool:
    return request.url.path.endswith(".json")


def plain(value: Any) -> Any:
    """`value` as JSON-ready data: dataclasses as dicts, tuples and sets as lists."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        if hasattr(value, "to_dict"):
            return plain(value.to_dict())
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [plain(v) for v in value]
    return value


def respond(
    request: Request, template: str, context: dict[str, Any], *, html_only: tuple[str, ...] = ()
) -> Response:
    """The page of `template`, or the context as JSON (leaving out `html_only` keys)."""
    if wants_json(request):
        data = {k: plain(v) for k, v in context.items() if k not in html_only}
        return JSONResponse(data)
    return HTMLResponse(render_page(template, {"link": True, **context}))


def error_response(request: Request, status: int, message: str) -> Response:
    if wants_json(request) or request.url.path.startswith("/openapi"):
        return JSONResponse({"error": message, "status": status}, status_code=status)
    page = render_page(
        "error.html", {"title": f"{status}", "status": status, "message": message, "link": True}
    )
    return HTMLResponse(page, status_code=status)


@dataclass(frozen=True)
class Paging:
    """Which page of a list: 1-based page and its size."""

    page: int
    size: int

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.size

    def info(self, total: int, request: Request) -> dict[str, Any]:
        """What a pager shows: this page, the total, and the URLs of its neighbours."""
        pages = max(1, math.ceil(total / self.size))

        def url(page: int) -> str:
            return str(request.url.include_query_params(page=page, size=self.size))

        return {
            "page": self.page,
            "size": self.size,
            "total": total,
            "pages": pages,
            "previous": url(self.page - 1) if self.page > 1 else None,
            "next": url(self.page + 1) if self.page < pages else None,
        }

    def slice(self, rows: list[Any]) -> list[Any]:
        return rows[self.offset : self.offset + self.size]


View = Callable[..., Response]


def twin(router: APIRouter, path: str, name: str) -> Callable[[View], View]:
    """Register a view at `path` (HTML) and `path.json` (JSON, in the OpenAPI schema)."""

    def register(view: View) -> View:
        router.add_api_route(path + ".json", view, methods=["GET"], name=f"{name}_json")
        router.add_api_route(path, view, methods=["GET"], name=name, include_in_schema=False)
        return view

    return register


def store_of(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def paging(
    page: Annotated[int, Query(ge=1, description="1-based page number")] = 1,
    size: Annotated[
        int, Query(ge=1, le=MAX_PAGE_SIZE, description="rows per page")
    ] = DEFAULT_PAGE_SIZE,
) -> Paging:
    return Paging(page, size)


PagingParam = Annotated[Paging, Depends(paging)]
