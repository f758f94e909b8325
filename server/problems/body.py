"""The problem body (`application/problem+json`) and the response that carries it."""

from __future__ import annotations

from typing import Any

from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict

from server.problems.catalogue import CATALOGUE, FIELD_REASON_TEXT, PASSWORD_POLICY_TEXT
from server.problems.language import wants_english, worded_fields

PROBLEM_TYPE_BASE = "https://ouderportaal.nl/problems/"
PROBLEM_MEDIA_TYPE = "application/problem+json"


class ProblemDetails(BaseModel):
    """An error response (`application/problem+json`, RFC 9457)."""

    model_config = ConfigDict(extra="allow")

    type: str
    title: str
    status: int
    code: str
    detail: str
    errors: list[dict[str, str]] | None = None
    retry_after: int | None = None
    access_ended_on: str | None = None
    reason: str | None = None
    reference: str | None = None


def problem_body(code: str, english: bool, **extra: Any) -> dict[str, Any]:
    status, title, nl, en = CATALOGUE[code]
    fields = {k: v for k, v in extra.items() if v is not None}
    fields.update(worded_fields(fields, english))
    if code == "password_policy":
        fields["reason_text"] = PASSWORD_POLICY_TEXT[extra["reason"]][1 if english else 0]
    if code == "validation_error" and extra.get("errors"):
        # Personal data errors name a reason; their message is in the request's language.
        extra = {**extra, "errors": [
            {**e, "message": FIELD_REASON_TEXT[e["reason"]][1 if english else 0]}
            if e.get("reason") in FIELD_REASON_TEXT else e for e in extra["errors"]]}
    detail = (en if english else nl).format(**fields)
    body: dict[str, Any] = {"type": PROBLEM_TYPE_BASE + code, "title": title, "status": status,
                            "code": code, "detail": detail}
    body.update({k: v for k, v in extra.items() if v is not None})
    return body


def problem_response(code: str, request_language: str | None, *,
                     headers: dict[str, str] | None = None, **extra: Any) -> JSONResponse:
    body = problem_body(code, wants_english(request_language), **extra)
    return JSONResponse(body, status_code=body["status"], headers=headers,
                        media_type=PROBLEM_MEDIA_TYPE)
