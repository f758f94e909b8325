"""Every error, the framework's own included, becomes a problem response."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from server.problems import Problem
from server.problems.body import problem_response
from server.problems.crash import UnexpectedErrorMiddleware
from server.problems.openapi import document_problems_in_openapi


def _field_name(location: tuple[Any, ...]) -> str:
    # ("body", "email") -> "email"; keep query/path names the same way.
    parts = [str(p) for p in location[1:]] if len(location) > 1 else [str(p) for p in location]
    return ".".join(parts)


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
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed", 401: "not_authenticated",
                403: "forbidden"}.get(exc.status_code, "validation_error")
        return problem_response(code, request.headers.get("accept-language"),
                                headers=getattr(exc, "headers", None))

    app.add_middleware(UnexpectedErrorMiddleware)
    document_problems_in_openapi(app)
