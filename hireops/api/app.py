"""The FastAPI app that carries HireOps' HTTP routes, given to Reflex as its api_transformer.

Reflex mounts its own backend inside this app at "", so every route here keeps its full path
(`/api/v1/...`) and wins over Reflex's catch-all. Every answer under /api/v1, errors included,
is JSON; no error ever carries a stack trace.
"""

from __future__ import annotations

from collections.abc import Iterable
from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from hireops.api import (
    ApiError, calendar_routes, careers_routes, error_response, export_routes, file_routes,
    health_routes, privacy_routes, recording_routes, session_routes, v1_routes, voice_routes,
)
from hireops.api.page_paths import PageFolderMiddleware
from hireops.api.security import SecurityHeadersMiddleware, SessionDigestMiddleware

API_PREFIX = "/api/v1"
DESCRIPTION = """HireOps' integration API: jobs, candidates, applications and the audit log.

Send an API token created by an admin (Settings > API tokens) as
`Authorization: Bearer hop_...`. Read tokens may call GET routes; write tokens may also
create jobs and candidates and move applications between stages. Lists are paged with
`limit` (1-200) and `offset`. Every error is JSON: `{"error": code, "message": text}`.

Candidates of blind-screening jobs are never identified through the API.
"""
# No Swagger UI: it loads its scripts from a CDN, and nothing in HireOps loads from outside.
DOCS_PAGE = f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>HireOps API</title></head><body style="font-family:system-ui;max-width:40em;margin:3em auto">
<h1>HireOps API v1</h1><p>The OpenAPI document: <a href="{API_PREFIX}/openapi.json">{API_PREFIX}/openapi.json</a>.
Load it into any OpenAPI viewer or client generator.</p></body></html>"""


def build_api(page_routes: Iterable[str] = ()) -> FastAPI:
    """The API app; `rx.App(api_transformer=build_api(...))` mounts Reflex inside it.
    `page_routes`: the app's pages, each answered at its route without a redirect."""
    api = FastAPI(title="HireOps API", version="1.0.0", description=DESCRIPTION,
                  docs_url=None, redoc_url=None, openapi_url=f"{API_PREFIX}/openapi.json")
    api.include_router(v1_routes.router, prefix=API_PREFIX)
    api.include_router(voice_routes.router, prefix=API_PREFIX, tags=["voice"])
    api.include_router(privacy_routes.router, prefix=API_PREFIX)
    api.include_router(recording_routes.router, prefix=API_PREFIX)
    api.include_router(session_routes.router)
    # No token: monitors call it (services.operations.health shows no personal data).
    api.include_router(health_routes.router, prefix=API_PREFIX)
    api.include_router(careers_routes.router)
    api.include_router(calendar_routes.router)
    api.include_router(export_routes.router)
    api.include_router(file_routes.router)
    api.add_api_route(f"{API_PREFIX}/docs", _docs_page, include_in_schema=False,
                      methods=["GET"])
    # Unknown /api/v1 paths get a JSON 404 instead of falling through to Reflex's pages.
    api.add_api_route(f"{API_PREFIX}/{{path:path}}", _unknown_route, include_in_schema=False,
                      methods=["GET", "POST", "PUT", "PATCH", "DELETE"])
    api.add_exception_handler(ApiError, _api_error)
    api.add_exception_handler(StarletteHTTPException, _http_error)
    api.add_exception_handler(RequestValidationError, _validation_error)
    api.add_exception_handler(Exception, _unexpected_error)
    # Reflex's backend and pages are mounted inside this app, so these wrap them too.
    api.add_middleware(SecurityHeadersMiddleware)
    api.add_middleware(SessionDigestMiddleware)
    api.add_middleware(PageFolderMiddleware, routes=page_routes)
    return api


async def _docs_page() -> HTMLResponse:
    return HTMLResponse(DOCS_PAGE)


async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
    return error_response(exc.status, exc.code, exc.message, headers=exc.headers)


async def _unknown_route(path: str) -> JSONResponse:
    return error_response(404, "not_found", "No such API route.")


async def _http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
    try:
        phrase = HTTPStatus(exc.status_code).phrase
    except ValueError:  # a status the standard library does not name
        phrase = "Error"
    message = exc.detail if isinstance(exc.detail, str) and exc.detail else phrase
    return error_response(exc.status_code, phrase.lower().replace(" ", "_"), message,
                          headers=getattr(exc, "headers", None))


async def _validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
    problems = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg', '')}"
                         for e in exc.errors())
    return error_response(422, "invalid_request", problems or "Invalid request.")


async def _unexpected_error(_request: Request, _exc: Exception) -> JSONResponse:
    # Starlette re-raises after this answer, so the server logs the trace; the caller gets none.
    return error_response(500, "internal_error", "The server could not handle this request.")
