"""The explorer's application: `create_app(db)` for `dyad serve` and for tests.

Server-rendered HTML (Jinja2, autoescaped) and a JSON twin of every page (`.json`, in the
OpenAPI schema at /openapi.json). No CDN and no script: pages work offline; charts are
inline SVG. A bad parameter is a 400 and a missing thing a 404, each with a message.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from starlette.exceptions import HTTPException

from dyad.errors import DyadError
from dyad.store import Store
from dyad.web.render import NotFound, error_response
from dyad.web.views import actors, documents, dyads, index, search, stories


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for error in exc.errors():
        where = ".".join(str(x) for x in error.get("loc", ()) if x != "query")
        parts.append(f"{where}: {error.get('msg', 'invalid')}")
    return "bad parameter: " + "; ".join(parts)


def create_app(db: str | None) -> FastAPI:
    """The explorer over the store at `db` (which must exist; None: $DYAD_DB or dyad.db).

    Raises:
        StoreError: no store at `db`.
    """
    store = Store(db, create=False)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(
        title="dyad explorer",
        description="Stories, facts, documents and quotes of a dyad store; every page of "
        "the explorer has this JSON twin.",
        docs_url=None,  # the interactive docs load scripts from a CDN
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.store = store

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> Response:
        return error_response(request, 404, str(exc))

    @app.exception_handler(DyadError)
    async def bad_value(request: Request, exc: DyadError) -> Response:
        return error_response(request, 400, str(exc))

    @app.exception_handler(RequestValidationError)
    async def bad_parameter(request: Request, exc: RequestValidationError) -> Response:
        return error_response(request, 400, _validation_message(exc))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        message = str(exc.detail) if exc.status_code != 404 else f"no page at {request.url.path}"
        return error_response(request, exc.status_code, message)

    for module in (index, stories, dyads, actors, documents, search):
        app.include_router(module.router)
    return app
