"""Every error, the framework's own included, becomes a problem response."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from server.problems import Problem
from server.problems.body import problem_response
from server.problems.crash import UnexpectedErrorMiddleware
from server.problems.openapi import document_problems_in_openapi


def _field_name(location: tuple[Any, ...]) -> str:
    # ("body", "email") -> "email"; keep query/path names the same way.
    parts = [str(p) for p in location[1:]] if len(location) > 1 else [str(p) for p in location]
    return ".".join(parts)


HTTP_METHODS = ("DELETE", "GET", "HEAD", "PATCH", "POST", "PUT")


def allowed_methods(request: Request) -> str:
    """Every method some route answers on this path, for `Allow` (OPTIONS included): each
    method is tried against the routes, which keeps to their public `matches`."""
    methods = {"OPTIONS"}
    for method in HTTP_METHODS:
        scope = {**request.scope, "method": method}
        if any(route.matches(scope)[0] == Match.FULL for route in request.app.router.routes):
            methods.add(method)
    return ", ".join(sorted(methods))


def install_problem_handlers(app: FastAPI) -> None:
    """Problems, validation errors, the framework's HTTP errors and bugs all answer as
    problems, and the OpenAPI schema says so."""

    @app.exception_handler(Problem)
    async def _problem(request: Request, exc: Problem) -> JSONResponse:
        return problem_response(exc.code, request.headers.get("accept-language"),
                                headers=exc.headers, **exc.extra)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [{"field": _field_name(tuple(e.get("loc", ()))), "message": str(e.get("msg"))}
                  for e in exc.errors()]
        return problem_response("validation_error", request.headers.get("accept-language"),
                                errors=errors)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        headers = getattr(exc, "headers", None)
        if exc.status_code == 405:
            # Starlette names only the methods of the first route on the path.
            headers = {"Allow": allowed_methods(request)}
            if request.method == "OPTIONS":
                return Response(status_code=204, headers=headers)
        code = {404: "not_found", 405: "method_not_allowed", 401: "not_authenticated",
                403: "forbidden", 413: "request_too_large",
                408: "request_timeout"}.get(exc.status_code, "validation_error")
        return problem_response(code, request.headers.get("accept-language"), headers=headers)

    app.add_middleware(UnexpectedErrorMiddleware)
    document_problems_in_openapi(app)
