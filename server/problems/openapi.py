"""What the OpenAPI schema says about problems: each route's codes, and one problem shape."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

from server.problems.body import PROBLEM_MEDIA_TYPE, ProblemDetails
from server.problems.catalogue import status_of


def problem_responses(*codes: str) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses=` entries documenting the problems a route can answer with."""
    by_status: dict[int, list[str]] = {}
    for code in codes:
        by_status.setdefault(status_of(code), []).append(code)
    return {
        status: {"model": ProblemDetails, "description": "Problem: " + ", ".join(names),
                 "content": {PROBLEM_MEDIA_TYPE: {}}}
        for status, names in sorted(by_status.items())
    }


def document_problems_in_openapi(app: FastAPI) -> None:
    """Make the schema tell the truth about errors: every 4xx/5xx answer is a ProblemDetails
    in `application/problem+json` (FastAPI would otherwise document `application/json` and
    its own validation error shape, which this server never sends)."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is not None:
            return app.openapi_schema
        schema = build()
        problem_ref = {"$ref": "#/components/schemas/ProblemDetails"}
        for path_item in schema.get("paths", {}).values():
            for operation in path_item.values():
                for status, response in operation.get("responses", {}).items():
                    if status[:1] in ("4", "5"):
                        response["content"] = {PROBLEM_MEDIA_TYPE: {"schema": problem_ref}}
                        if status == "422" and "Validation" in response.get("description", ""):
                            response["description"] = "Problem: validation_error"
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        components["ProblemDetails"] = ProblemDetails.model_json_schema(
            ref_template="#/components/schemas/{model}")
        text = str(schema["paths"])
        for unused in ("HTTPValidationError", "ValidationError"):
            if f"/{unused}'" not in text:
                components.pop(unused, None)
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
