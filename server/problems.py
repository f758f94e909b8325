"""RFC 9457 problem responses with a stable `code` and a Dutch or English `detail`."""

from __future__ import annotations

import logging
import secrets
from datetime import date
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

logger = logging.getLogger(__name__)

PROBLEM_TYPE_BASE = "https://ouderportaal.nl/problems/"
PROBLEM_MEDIA_TYPE = "application/problem+json"

# code -> (status, title, Dutch detail, English detail). Details may hold {placeholders}.
CATALOGUE: dict[str, tuple[int, str, str, str]] = {
    "validation_error": (422, "Validation error", "De gegevens in het verzoek kloppen niet.",
                         "The request data is not valid."),
    "invalid_credentials": (401, "Invalid credentials", "E-mailadres of wachtwoord is onjuist.",
                            "E-mail address or password is incorrect."),
    "too_many_attempts": (429, "Too many attempts",
                          "Te veel mislukte pogingen. Probeer het over {wait_text} opnieuw.",
                          "Too many failed attempts. Try again in {wait_text}."),
    "account_expired": (403, "Account expired",
                        "Je toegang tot het ouderportaal is beëindigd op {ended_text}, "
                        "15 maanden na het einde van het laatste contract. Neem contact op "
                        "met de kinderopvang als je nog documenten nodig hebt.",
                        "Your access to the parent portal ended on {ended_text}, 15 months "
                        "after the last contract ended. Contact the childcare organisation "
                        "if you still need documents."),
    "account_disabled": (403, "Account disabled",
                         "Dit account is uitgeschakeld door de kinderopvangorganisatie.",
                         "This account has been disabled by the childcare organisation."),
    "not_authenticated": (401, "Not authenticated", "Je bent niet ingelogd.",
                          "You are not logged in."),
    "token_expired": (401, "Token expired", "De toegangssleutel is verlopen.",
                      "The access token has expired."),
    "session_expired": (401, "Session expired", "Je sessie is verlopen. Log opnieuw in.",
                        "Your session has expired. Please log in again."),
    "forbidden": (403, "Forbidden", "Je hebt geen toegang tot deze gegevens.",
                  "You do not have access to this."),
    "not_found": (404, "Not found", "Niet gevonden.", "Not found."),
    "method_not_allowed": (405, "Method not allowed", "Deze actie is hier niet toegestaan.",
                           "This method is not allowed here."),
    "password_policy": (422, "Password not accepted", "{reason_text}", "{reason_text}"),
    "reset_code_invalid": (400, "Reset code invalid",
                           "De code of link is onjuist, al gebruikt of verlopen. Vraag zo nodig "
                           "een nieuwe aan.",
                           "The code or link is wrong, already used or expired. Request a new "
                           "one if needed."),
    "idempotency_key_reused": (422, "Idempotency key reused",
                               "Deze Idempotency-Key is al gebruikt voor een ander verzoek.",
                               "This Idempotency-Key was already used for another request."),
    "rate_limited": (429, "Rate limited",
                     "Te veel verzoeken. Probeer het over {wait_text} opnieuw.",
                     "Too many requests. Try again in {wait_text}."),
    "agenda_range_invalid": (422, "Agenda range invalid",
                             "Kies een periode waarvan de einddatum niet voor de begindatum "
                             "ligt en die hoogstens {max_days} dagen beslaat.",
                             "Choose a period whose end is not before its start and that spans "
                             "at most {max_days} days."),
    "absence_in_past": (422, "Absence in the past",
                        "Afwezigheid doorgeven kan voor vandaag of later, niet voor het verleden.",
                        "Absence can be reported for today or later, not for the past."),
    "absence_not_planned": (422, "Not planned",
                            "Op de gekozen dag(en) en dagdelen is geen opvang gepland.",
                            "No care is planned on the chosen day(s) and day-parts."),
    "absence_already_reported": (409, "Absence already reported",
                                 "Voor deze dag(en) is de afwezigheid al doorgegeven.",
                                 "Absence has already been reported for these day(s)."),
    "absence_already_cancelled": (409, "Absence already cancelled",
                                  "Deze afmelding is al geannuleerd.",
                                  "This absence has already been cancelled."),
    "absence_undo_too_late": (409, "Too late to undo",
                              "Een afmelding annuleren kan tot {min_days} dagen van tevoren. Neem "
                              "contact op met {location_name}: {location_phone}, "
                              "{location_email}.",
                              "An absence can be undone until {min_days} days before. Please "
                              "contact {location_name}: {location_phone}, {location_email}."),
    "extra_day_too_soon": (422, "Extra day too soon",
                           "Een extra dag aanvragen kan tot {min_days} dagen van tevoren. Kies "
                           "een latere datum.",
                           "An extra day must be requested at least {min_days} days ahead. "
                           "Choose a later date."),
    "extra_day_too_far": (422, "Extra day too far ahead",
                          "Een extra dag kun je hoogstens {max_days} dagen vooruit aanvragen.",
                          "An extra day can be requested at most {max_days} days ahead."),
    "extra_day_closed": (422, "Closed",
                         "Op de gekozen dag(en) is er geen opvang (weekend, sluitingsdag of "
                         "dit dagdeel wordt dan niet gegeven).",
                         "There is no care on the chosen day(s) (weekend, closing day or this "
                         "day-part is not offered then)."),
    "extra_day_already_planned": (409, "Already planned",
                                  "Op de gekozen dag(en) en dagdelen komt je kind al volgens "
                                  "het contract.",
                                  "Your child already comes on the chosen day(s) and day-parts "
                                  "under the contract."),
    "extra_day_already_requested": (409, "Already requested",
                                    "Voor de gekozen dag(en) en dagdelen loopt al een aanvraag "
                                    "of is die al goedgekeurd.",
                                    "The chosen day(s) and day-parts have already been "
                                    "requested or approved."),
    "extra_day_outside_contract": (422, "Outside contract",
                                   "{child_name} heeft op {date_text} geen contract voor dit "
                                   "soort opvang.",
                                   "{child_name} has no contract for this kind of care on "
                                   "{date_text}."),
    "extra_day_credit_insufficient": (422, "Not enough credit",
                                      "Er is te weinig afwezigheidstegoed: {available_text} "
                                      "beschikbaar, {needed_text} nodig. Kies betalen via de "
                                      "factuur of gemengd.",
                                      "There is not enough absence credit: {available_text} "
                                      "available, {needed_text} needed. Choose to pay by "
                                      "invoice or mixed."),
    "extra_day_approved_final": (409, "Approved extra care is final",
                                 "Goedgekeurde extra opvang kan niet worden geannuleerd.",
                                 "Approved extra care cannot be cancelled."),
    "extra_day_not_pending": (409, "Request not pending",
                              "Deze aanvraag is niet meer in behandeling.",
                              "This request is no longer pending."),
    "extra_day_capacity_full": (409, "Group full",
                                "De groep is vol op {dates_text}. Goedkeuren kan niet.",
                                "The group is full on {dates_text}. The request cannot be "
                                "approved."),
    "finance_primary_parent_only": (403, "Primary parent only",
                                    "Facturen, jaaropgaven en contracten zijn alleen in te zien "
                                    "door de eerste ouder/verzorger ({primary_parent_name}).",
                                    "Invoices, annual statements and contracts can only be "
                                    "seen by the primary parent ({primary_parent_name})."),
    "internal_error": (500, "Internal error",
                       "Er ging iets mis op de server (referentie {reference}).",
                       "Something went wrong on the server (reference {reference})."),
}

PASSWORD_POLICY_TEXT = {
    "too_short": ("Het wachtwoord moet minstens 8 tekens lang zijn.",
                  "The password must be at least 8 characters long."),
    "too_long": ("Het wachtwoord mag hoogstens 128 tekens lang zijn.",
                 "The password must be at most 128 characters long."),
    "too_common": ("Dit wachtwoord komt te vaak voor en is makkelijk te raden. Kies een ander.",
                   "This password is too common and easy to guess. Choose another one."),
}


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


class Problem(Exception):
    """Raise to answer with a problem response; `extra` members are added to the body."""

    def __init__(self, code: str, *, headers: dict[str, str] | None = None, **extra: Any) -> None:
        super().__init__(code)
        self.code = code
        self.status = CATALOGUE[code][0]
        self.headers = headers or {}
        self.extra = extra


def wants_english(accept_language: str | None) -> bool:
    return (accept_language or "").strip().lower().startswith("en")


MONTHS_NL = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
             "september", "oktober", "november", "december")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")


def _date_text(iso: str, english: bool) -> str:
    day = date.fromisoformat(iso)
    return f"{day.day} {(MONTHS_EN if english else MONTHS_NL)[day.month - 1]} {day.year}"


def _wait_text(seconds: int, english: bool) -> str:
    if seconds < 120:
        unit = ("second" if seconds == 1 else "seconds") if english else (
            "seconde" if seconds == 1 else "seconden")
        return f"{seconds} {unit}"
    minutes = -(-seconds // 60)
    return f"{minutes} {'minutes' if english else 'minuten'}"


def _duration_text(minutes: int, english: bool) -> str:
    hours, rest = divmod(minutes, 60)
    hour_text = f"{hours} {'hours' if english and hours != 1 else 'hour' if english else 'uur'}"
    if not rest:
        return hour_text
    minute_text = f"{rest} {'minutes' if english else 'minuten'}"
    if not hours:
        return minute_text
    return f"{hour_text} {'and' if english else 'en'} {minute_text}"


def problem_body(code: str, english: bool, **extra: Any) -> dict[str, Any]:
    status, title, nl, en = CATALOGUE[code]
    fields = {k: v for k, v in extra.items() if v is not None}
    if "retry_after" in fields:
        fields["wait_text"] = _wait_text(int(fields["retry_after"]), english)
    if "access_ended_on" in fields:
        fields["ended_text"] = _date_text(fields["access_ended_on"], english)
    if "date" in fields:
        fields["date_text"] = _date_text(str(fields["date"]), english)
    if "dates" in fields:
        fields["dates_text"] = ", ".join(_date_text(str(d), english) for d in fields["dates"])
    if "available_minutes" in fields:
        fields["available_text"] = _duration_text(int(fields["available_minutes"]), english)
        fields["needed_text"] = _duration_text(int(fields.get("needed_minutes", 0)), english)
    if code == "password_policy":
        fields["reason_text"] = PASSWORD_POLICY_TEXT[extra["reason"]][1 if english else 0]
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


def problem_responses(*codes: str) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses=` entries documenting the problems a route can answer with."""
    by_status: dict[int, list[str]] = {}
    for code in codes:
        by_status.setdefault(CATALOGUE[code][0], []).append(code)
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


def _field_name(location: tuple[Any, ...]) -> str:
    # ("body", "email") -> "email"; keep query/path names the same way.
    parts = [str(p) for p in location[1:]] if len(location) > 1 else [str(p) for p in location]
    return ".".join(parts)


def install_problem_handlers(app: FastAPI) -> None:
    """Every error, including the framework's own, becomes a problem response."""

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


class UnexpectedErrorMiddleware:
    """Turns an unhandled exception into a 500 problem with a reference that is in the log.

    A pure ASGI middleware rather than an `Exception` handler: Starlette re-raises after
    calling such a handler, which would log every bug twice.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception:
            reference = secrets.token_hex(6)
            logger.exception("Unhandled error, reference %s, %s %s", reference,
                             scope.get("method"), scope.get("path"))
            if started:
                raise
            language = dict(scope.get("headers") or []).get(b"accept-language", b"").decode(
                "latin-1")
            response = problem_response("internal_error", language, reference=reference)
            await response(scope, receive, send)
