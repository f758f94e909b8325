"""Every /api/v1 route except the public ones refuses an anonymous request with 401.

The routes are read from the app itself, so a new endpoint cannot be forgotten. One piece
although long: every feature's role table and scope checks live side by side, so a route
without a rule is found in one place (the "every route has a rule" tests).
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from datetime import date, timedelta
from pathlib import Path

import httpx
import pytest
from fastapi.routing import iter_route_contexts
from photo_files import png
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from server.app import create_app
from server.config import Settings, sqlite_url
from server.models import CareGroup, Contract, ContractDay

PUBLIC = {
    ("GET", "/api/v1/portal"),
    ("GET", "/api/v1/openapi.json"),
    ("POST", "/api/v1/auth/login"),
    ("POST", "/api/v1/auth/login/two-factor"),
    # The setup challenge stands in for the login (test_server_two_factor_policy.py).
    ("POST", "/api/v1/auth/login/two-factor-setup"),
    ("POST", "/api/v1/auth/login/two-factor-setup/confirm"),
    ("POST", "/api/v1/auth/refresh"),
    ("POST", "/api/v1/auth/password-reset"),
    ("POST", "/api/v1/auth/password-reset/check"),
    ("POST", "/api/v1/auth/password-reset/confirm"),
}


def api_routes() -> list[tuple[str, str]]:
    # Building the app touches no database; the routes are all that is read.
    nowhere = Path("unused")
    app = create_app(Settings(data_dir=nowhere, database_url=sqlite_url(nowhere)))
    found = set()
    for route in iter_route_contexts(app.routes):
        if not route.path.startswith("/api/v1/"):
            continue
        for method in route.methods or ():
            if method != "HEAD":
                found.add((method, route.path))
    return sorted(found)


ROUTES = api_routes()
PROTECTED = [r for r in ROUTES if r not in PUBLIC]


def test_the_walk_finds_the_routes() -> None:
    assert ("GET", "/api/v1/me") in PROTECTED
    assert ("DELETE", "/api/v1/auth/sessions/{session_id}") in PROTECTED
    assert PUBLIC - {("GET", "/api/v1/openapi.json")} <= set(ROUTES)


def _code(response: httpx.Response) -> object:
    """The problem's code; None for an answer that is no problem document."""
    try:
        body = response.json()
    except ValueError:
        return None
    return body.get("code") if isinstance(body, dict) else None


AUTHORIZATIONS = [None, "Bearer not-a-token", "Basic dXNlcjpwdw=="]


async def test_anonymous_request_is_refused(client: httpx.AsyncClient) -> None:
    # One app for the whole walk: a refused request writes nothing, so no route's answer
    # depends on the ones before it. Every route and header that is not refused is listed.
    not_refused = []
    for method, path in PROTECTED:
        url = re.sub(r"\{[^}]+\}", "1", path)
        for authorization in AUTHORIZATIONS:
            headers = {"Authorization": authorization} if authorization else {}
            response = await client.request(method, url, headers=headers, json={})
            if (response.status_code, _code(response)) != (401, "not_authenticated"):
                not_refused.append(f"{method} {path} ({authorization}): "
                                   f"{response.status_code} {response.text[:120]}")
    assert not not_refused, "not refused:\n" + "\n".join(not_refused)


# Agenda requests by role: (method, path, body, roles refused with 403). Parents ask, staff and
# managers decide; the rest of the rules per family and group is in test_server_extra_days.
ROLE_REFUSALS = [
    ("GET", "/api/v1/credit", None, ("staff", "manager")),
    ("GET", "/api/v1/requests", None, ("staff", "manager")),
    ("POST", "/api/v1/extra-days/preview", "ask", ("staff", "manager")),
    ("POST", "/api/v1/extra-days", "ask", ("staff", "manager")),
    ("GET", "/api/v1/extra-days/{id}/capacity", None, ("primary_parent", "secondary_parent")),
    ("POST", "/api/v1/extra-days/{id}/approve", None, ("primary_parent", "secondary_parent")),
    ("POST", "/api/v1/extra-days/{id}/reject", {"reason": "vol"},
     ("primary_parent", "secondary_parent")),
]
LOGINS = {"primary_parent": "sanne.devries@voorbeeld.nl",
          "secondary_parent": "thomas.devries@voorbeeld.nl",
          "staff": "fatima.elamrani@voorbeeld.nl", "manager": "manager@voorbeeld.nl"}


def test_every_extra_day_route_has_a_role_rule() -> None:
    agenda_routes = {r for r in PROTECTED
                     if r[1].startswith(("/api/v1/extra-days", "/api/v1/credit",
                                         "/api/v1/requests"))}
    covered = {(m, p.replace("{id}", "{request_id}")) for m, p, _, _ in ROLE_REFUSALS}
    # GET /extra-days serves every role (each sees its own part); withdraw answers
    # not_found to anyone but the family.
    assert agenda_routes - covered == {("GET", "/api/v1/extra-days"),
                                       ("POST", "/api/v1/extra-days/{request_id}/withdraw")}


def allowed_writes(table: list[tuple[str, str, object, tuple[str, ...]]]) -> list[object]:
    """(method, path, body, role) for every role a table's writing route does not refuse: a
    write changes what the next request finds, so each gets its own app. The refusals and
    the reads write nothing and are walked per role on one app
    (test_each_role_is_refused_or_served_as_the_tables_say)."""
    return [pytest.param(method, path, body, role, id=f"{role}-{method} {path}")
            for method, path, body, refused in table if method != "GET"
            for role in LOGINS if role not in refused]


def _served(response: httpx.Response) -> bool:
    return response.status_code < 400


def _served_or_an_extra_day_rule(response: httpx.Response) -> bool:
    """Past the role check: served, or refused by a rule of extra days."""
    return _served(response) or str(_code(response)).startswith("extra_day_")


def _served_or_not_found(response: httpx.Response) -> bool:
    """Past the role check: served, or the request's content is refused."""
    return _served(response) or _code(response) in ("validation_error", "not_found")


ALLOWED = ("method", "path", "body", "role")
Send = Callable[[str, str, object, dict[str, str]], Awaitable[httpx.Response]]


async def _emma(client: httpx.AsyncClient, headers: dict[str, str]) -> int:
    me = (await client.get("/api/v1/me", headers=headers)).json()
    return next(c["id"] for c in me["children"] if c["first_name"] == "Emma")


async def _extra_day_requests(client: httpx.AsyncClient, db: AsyncSession) -> Send:
    """Sanne asks an extra day for Emma; the ROLE_REFUSALS requests then name it."""
    sanne = await _login(client, LOGINS["primary_parent"])
    ask = {"child_ids": [await _emma(client, sanne)], "first_date": "2026-03-06",
           "payment": "invoice"}
    submitted = await client.post("/api/v1/extra-days", json=ask, headers=sanne)
    request_id = submitted.json()["requests"][0]["id"]

    async def send(method: str, path: str, body: object,
                   headers: dict[str, str]) -> httpx.Response:
        return await client.request(method, path.replace("{id}", str(request_id)),
                                    json=ask if body == "ask" else body, headers=headers)
    return send


@pytest.mark.parametrize(ALLOWED, allowed_writes(ROLE_REFUSALS))
async def test_roles_that_may_ask_or_decide_get_past_the_role_check(
        client: httpx.AsyncClient, db: AsyncSession, method: str, path: str, body: object,
        role: str) -> None:
    send = await _extra_day_requests(client, db)
    response = await send(method, path, body, await _login(client, LOGINS[role]))
    assert _served_or_an_extra_day_rule(response), response.text


# Staff and managers see children through contracts in their groups that have not ended
# (docs/api.md, "Agenda"). Emma leaves Zonnetjes (Fatima's group) yesterday and joins
# Regenboog (Marloes's) today; each staff-scoped endpoint must follow the move.
STAFF_SCOPED = {
    ("GET", "/api/v1/agenda"),
    ("GET", "/api/v1/extra-days"),
    ("GET", "/api/v1/extra-days/{request_id}/capacity"),
    ("POST", "/api/v1/extra-days/{request_id}/approve"),
    ("POST", "/api/v1/extra-days/{request_id}/reject"),
}
# Routes of a family's own data: staff and managers are refused or find nothing.
PARENT_ONLY = {
    ("GET", "/api/v1/absences"), ("POST", "/api/v1/absences"),
    ("DELETE", "/api/v1/absences/{absence_id}"),
    ("GET", "/api/v1/absences/{absence_id}/cancel-preview"),
    ("GET", "/api/v1/absences/cancel-preview"), ("POST", "/api/v1/absences/cancel"),
    ("POST", "/api/v1/extra-days/{request_id}/withdraw"),
}
TODAY = date(2026, 3, 2)  # the demo's day (tests/server/server_helpers.py)
MARLOES = "marloes.smulders@voorbeeld.nl"


def test_every_route_with_childrens_data_is_scoped_for_staff() -> None:
    childrens_data = {r for r in PROTECTED if r[1].startswith(
        ("/api/v1/agenda", "/api/v1/extra-days", "/api/v1/credit", "/api/v1/requests",
         "/api/v1/absences"))}
    refused_to_staff = {(m, p.replace("{id}", "{request_id}")) for m, p, _, refused
                        in ROLE_REFUSALS if "staff" in refused}
    assert childrens_data - refused_to_staff - PARENT_ONLY == STAFF_SCOPED


async def _move_emma(client: httpx.AsyncClient, db: AsyncSession) -> tuple[int, int, int]:
    """Emma's request made in Zonnetjes, her move to Regenboog, and a request made there.
    Returns (emma, request in Zonnetjes, request in Regenboog)."""
    sanne = await _login(client, LOGINS["primary_parent"])
    me = (await client.get("/api/v1/me", headers=sanne)).json()
    emma = next(c["id"] for c in me["children"] if c["first_name"] == "Emma")
    old = await client.post("/api/v1/extra-days", headers=sanne, json={
        "child_ids": [emma], "first_date": "2026-03-06", "payment": "invoice"})
    contract = await db.scalar(select(Contract).where(Contract.child_id == emma)
                               .options(selectinload(Contract.days)))
    contract.end_date = TODAY - timedelta(days=1)
    regenboog = await db.scalar(select(CareGroup).where(CareGroup.name == "Regenboog"))
    db.add(Contract(child_id=emma, group_id=regenboog.id, care_type=contract.care_type,
                    start_date=TODAY, end_date=None, hourly_rate_cents=1149,
                    days=[ContractDay(weekday=d.weekday, day_part=d.day_part)
                          for d in contract.days]))
    await db.commit()
    new = await client.post("/api/v1/extra-days", headers=sanne, json={
        "child_ids": [emma], "first_date": "2026-03-11", "payment": "invoice"})
    assert old.status_code == new.status_code == 201, (old.text, new.text)
    return emma, old.json()["requests"][0]["id"], new.json()["requests"][0]["id"]


async def _login(client: httpx.AsyncClient, email: str) -> dict[str, str]:
    response = await client.post("/api/v1/auth/login",
                                 json={"email": email, "password": "zonnebloem-demo"})
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


async def _group_id(db: AsyncSession, name: str) -> int:
    return await db.scalar(select(CareGroup.id).where(CareGroup.name == name))


async def _ask(client: httpx.AsyncClient, route: tuple[str, str], headers: dict[str, str],
               emma: int, request_id: int, *, group_id: int = 0,
               week_from: date = TODAY - timedelta(days=4)) -> httpx.Response:
    """The route for Emma or `request_id`; the agenda for the week from `week_from` of the
    caller's group `group_id` (staff see one group's week, docs/api.md "Agenda")."""
    method, path = route
    if path == "/api/v1/agenda":
        return await client.get(path, headers=headers, params={
            "from": week_from.isoformat(), "to": (week_from + timedelta(days=6)).isoformat(),
            "group_id": group_id, "child_id": emma})
    body = {"reason": "vol"} if path.endswith("/reject") else None
    return await client.request(method, path.replace("{request_id}", str(request_id)),
                                headers=headers, json=body)


@pytest.mark.parametrize("route", sorted(STAFF_SCOPED), ids=[f"{m} {p}" for m, p in
                                                             sorted(STAFF_SCOPED)])
async def test_staff_lose_a_child_who_left_their_group(
        client: httpx.AsyncClient, db: AsyncSession, route: tuple[str, str]) -> None:
    emma, in_zonnetjes, _ = await _move_emma(client, db)
    response = await _ask(client, route, await _login(client, LOGINS["staff"]), emma,
                          in_zonnetjes, group_id=await _group_id(db, "Zonnetjes"))
    if route == ("GET", "/api/v1/agenda"):
        assert (response.status_code, response.json()["code"]) == (403, "forbidden")
    elif route == ("GET", "/api/v1/extra-days"):
        assert emma not in {r["child_id"] for r in response.json()["requests"]}
    else:
        assert (response.status_code, response.json()["code"]) == (404, "not_found")


async def test_staff_still_see_a_child_on_her_contracts_last_day(
        client: httpx.AsyncClient, db: AsyncSession) -> None:
    """The day after the end date she is gone (above); on the end date itself she is there."""
    sanne = await _login(client, LOGINS["primary_parent"])
    emma = next(c["id"] for c in (await client.get("/api/v1/me", headers=sanne)).json()[
        "children"] if c["first_name"] == "Emma")
    contract = await db.scalar(select(Contract).where(Contract.child_id == emma))
    contract.end_date = TODAY
    await db.commit()
    staff = await _login(client, LOGINS["staff"])
    # The week around the end date: Emma is planned on the days after it too.
    response = await _ask(client, ("GET", "/api/v1/agenda"), staff, emma, 0,
                          group_id=await _group_id(db, "Zonnetjes"))
    assert response.status_code == 200, response.text
    assert max(p["date"] for p in response.json()["planned"]) == TODAY.isoformat()


@pytest.mark.parametrize("route", sorted(STAFF_SCOPED), ids=[f"{m} {p}" for m, p in
                                                             sorted(STAFF_SCOPED)])
async def test_staff_see_a_child_who_joined_their_group_from_then_on(
        client: httpx.AsyncClient, db: AsyncSession, route: tuple[str, str]) -> None:
    emma, in_zonnetjes, in_regenboog = await _move_emma(client, db)
    marloes = await _login(client, MARLOES)
    regenboog = await _group_id(db, "Regenboog")
    response = await _ask(client, route, marloes, emma, in_regenboog, group_id=regenboog)
    assert response.status_code == 200, response.text
    if route == ("GET", "/api/v1/agenda"):
        # Only the days of the Regenboog contract: not last week's in Zonnetjes.
        days = {p["date"] for p in response.json()["planned"]}
        assert days and min(days) >= TODAY.isoformat()
        assert {p["group_id"] for p in response.json()["planned"]} == {regenboog}
        # The week of both requests (6 and 11 March): only the one made in Regenboog.
        later = await _ask(client, route, marloes, emma, in_regenboog, group_id=regenboog,
                           week_from=date(2026, 3, 5))
        assert {e["request_id"] for e in later.json()["extra_days"]} == {in_regenboog}
    elif route == ("GET", "/api/v1/extra-days"):
        ids = {r["id"] for r in response.json()["requests"]}
        assert in_regenboog in ids and in_zonnetjes not in ids
    # The request from before the move stays with the group it was made for.
    if route[1].endswith(("/capacity", "/approve", "/reject")):
        earlier = await _ask(client, route, marloes, emma, in_zonnetjes)
        assert earlier.status_code == 404


# Personal data (docs/api.md, "Personal data"): the family's own data for parents, the
# decisions for managers, the care notes for staff and managers. (method, path, body, refused)
PERSONAL_DATA_REFUSALS = [
    ("GET", "/api/v1/personal-data", None, ("staff", "manager")),
    ("GET", "/api/v1/personal-data/export", None, ("staff", "manager")),
    ("PATCH", "/api/v1/personal-data/contact", {"home_phone": None}, ("staff", "manager")),
    # Both parents are the child's parents: either sets its photo consents.
    ("PUT", "/api/v1/personal-data/children/{child_id}/photo-consent",
     {"portal": True, "website": True, "social_media": False}, ("staff", "manager")),
    ("POST", "/api/v1/change-requests", {"field": "medical", "subject_id": 0, "value": {}},
     ("staff", "manager")),
    ("GET", "/api/v1/change-requests", None, ("staff",)),
    ("POST", "/api/v1/change-requests/{request_id}/withdraw", None, ("staff", "manager")),
    ("POST", "/api/v1/change-requests/{request_id}/approve", None,
     ("primary_parent", "secondary_parent", "staff")),
    ("POST", "/api/v1/change-requests/{request_id}/reject", {"reason": "Nee"},
     ("primary_parent", "secondary_parent", "staff")),
    ("GET", "/api/v1/care-notes", None, ("primary_parent", "secondary_parent")),
]
# The caller's own account only: every role may, nobody reaches another's.
OWN_ACCOUNT = {r for r in ROUTES if r[1].startswith("/api/v1/account/")}


def test_every_personal_data_route_has_a_role_rule() -> None:
    routes = {r for r in PROTECTED
              if r[1].startswith(("/api/v1/personal-data", "/api/v1/change-requests",
                                  "/api/v1/care-notes"))}
    assert routes == {(m, p) for m, p, _, _ in PERSONAL_DATA_REFUSALS}
    assert {p for _, p in OWN_ACCOUNT} >= {"/api/v1/account/security",
                                           "/api/v1/account/password",
                                           "/api/v1/account/notifications"}


@pytest.mark.parametrize("role", list(LOGINS))
async def test_every_role_has_its_own_notification_preferences(
        client: httpx.AsyncClient, role: str) -> None:
    # docs/api.md, "Notifications": no id in the path, so nobody reaches another's; each
    # role reads and saves its own, and one role's choice changes nobody else's.
    mine = await _login(client, LOGINS[role])
    off = {"desktop": {"news": False}, "email_unread_messages": True,
           "email_include_text": False}
    saved = await client.put("/api/v1/account/notifications", json=off, headers=mine)
    assert saved.status_code == 200, saved.text
    assert saved.json()["desktop"]["news"] is False
    for other in LOGINS:
        if other != role:
            theirs = await client.get("/api/v1/account/notifications",
                                      headers=await _login(client, LOGINS[other]))
            assert theirs.status_code == 200
            assert theirs.json()["desktop"]["news"] is True
            assert theirs.json()["email_unread_messages"] is False


async def _personal_data_requests(client: httpx.AsyncClient, db: AsyncSession) -> Send:
    """The PERSONAL_DATA_REFUSALS requests name the demo family's pending change request and
    Emma."""
    sanne = await _login(client, LOGINS["primary_parent"])
    pending = (await client.get("/api/v1/personal-data", headers=sanne)).json()[
        "change_requests"][0]["id"]
    emma = await _emma(client, sanne)

    async def send(method: str, path: str, body: object,
                   headers: dict[str, str]) -> httpx.Response:
        path = path.replace("{request_id}", str(pending)).replace("{child_id}", str(emma))
        return await client.request(method, path, json=body, headers=headers)
    return send


@pytest.mark.parametrize(ALLOWED, allowed_writes(PERSONAL_DATA_REFUSALS))
async def test_personal_data_roles(client: httpx.AsyncClient, db: AsyncSession, method: str,
                                   path: str, body: object, role: str) -> None:
    send = await _personal_data_requests(client, db)
    response = await send(method, path, body, await _login(client, LOGINS[role]))
    assert _served_or_not_found(response), response.text


# Messages (docs/api.md, "Messages"): parents start conversations, staff and managers close
# them; everyone else in a conversation reads, answers and uploads. Outsiders get not_found
# (tests/server/messages). (method, path, body, refused)
MESSAGE_REFUSALS = [
    ("GET", "/api/v1/conversations", None, ()),
    ("POST", "/api/v1/conversations", "start", ("staff", "manager")),
    ("GET", "/api/v1/conversations/{conversation_id}", None, ()),
    ("GET", "/api/v1/conversations/{conversation_id}/messages", None, ()),
    ("POST", "/api/v1/conversations/{conversation_id}/messages", {"body": "Hoi"}, ()),
    ("POST", "/api/v1/conversations/{conversation_id}/read", {"last_read_id": 1}, ()),
    ("POST", "/api/v1/conversations/{conversation_id}/close", None,
     ("primary_parent", "secondary_parent")),
    ("POST", "/api/v1/message-attachments", "upload", ()),
    ("GET", "/api/v1/message-attachments/{attachment_id}", None, ()),
]


def test_every_message_route_has_a_role_rule() -> None:
    routes = {r for r in PROTECTED
              if r[1].startswith(("/api/v1/conversations", "/api/v1/message-attachments"))}
    assert routes == {(m, p) for m, p, _, _ in MESSAGE_REFUSALS}


async def _upload(client: httpx.AsyncClient, url: str, headers: dict[str, str],
                  filename: str, data: bytes) -> httpx.Response:
    """A file's bytes as the body, as the upload routes take them."""
    return await client.post(url, params={"filename": filename}, content=data,
                             headers={**headers, "Content-Type": "application/octet-stream"})


async def _message_requests(client: httpx.AsyncClient, db: AsyncSession) -> Send:
    """The MESSAGE_REFUSALS requests name Sanne's conversation "Medicijnbrief" and its
    letter."""
    sanne = await _login(client, LOGINS["primary_parent"])
    medicijnbrief = next(c for c in (await client.get(
        "/api/v1/conversations", headers=sanne)).json()["conversations"]
        if c["subject"] == "Medicijnbrief")
    letter = (await client.get(f"/api/v1/conversations/{medicijnbrief['id']}/messages",
                               headers=sanne)).json()["messages"][-1]["attachments"][0]
    emma = await _emma(client, sanne)

    async def send(method: str, path: str, body: object,
                   headers: dict[str, str]) -> httpx.Response:
        url = path.replace("{conversation_id}", str(medicijnbrief["id"])).replace(
            "{attachment_id}", str(letter["id"]))
        if body == "upload":
            return await _upload(client, url, headers, "a.pdf", b"%PDF-1.4")
        return await client.request(method, url, headers=headers, json={
            "child_id": emma, "subject": "Vraag", "body": "Hoi"} if body == "start" else body)
    return send


@pytest.mark.parametrize(ALLOWED, allowed_writes(MESSAGE_REFUSALS))
async def test_message_roles(client: httpx.AsyncClient, db: AsyncSession, method: str,
                             path: str, body: object, role: str) -> None:
    send = await _message_requests(client, db)
    response = await send(method, path, body, await _login(client, LOGINS[role]))
    assert _served(response), response.text


# News (docs/api.md, "News"): everyone reads what is meant for them; parents publish nothing.
NEWS_REFUSALS = [
    ("GET", "/api/v1/news", None, ()),
    ("POST", "/api/v1/news", "publish", ("primary_parent", "secondary_parent")),
    ("GET", "/api/v1/news/audiences", None, ("primary_parent", "secondary_parent")),
    ("GET", "/api/v1/news/{news_id}", None, ()),
    ("POST", "/api/v1/news/{news_id}/read", None, ()),
    ("POST", "/api/v1/news-images", "upload", ("primary_parent", "secondary_parent")),
    ("POST", "/api/v1/news-attachments", "upload", ("primary_parent", "secondary_parent")),
    ("GET", "/api/v1/news-images/{file_id}", None, ()),
    ("GET", "/api/v1/news-attachments/{file_id}", None, ()),
]


def test_every_news_route_has_a_role_rule() -> None:
    routes = {r for r in PROTECTED if r[1].startswith("/api/v1/news")}
    assert routes == {(m, p) for m, p, _, _ in NEWS_REFUSALS}


async def _news_requests(client: httpx.AsyncClient, db: AsyncSession) -> Send:
    """The NEWS_REFUSALS requests name news for the whole organisation; a publication is
    for Zonnetjes."""
    sanne = await _login(client, LOGINS["primary_parent"])
    organisation_news = next(n for n in (await client.get("/api/v1/news", headers=sanne)).json()[
        "news"] if n["audience"]["organisation"])
    # The demo's picture and attachment are on news every role reads.
    files = {kind: next(n[kind] for n in (await client.get("/api/v1/news", headers=sanne)).json()[
        "news"] if n[kind]) for kind in ("image", "attachment")}
    publish = {"title": "Nieuws", "body": "<p>Hallo</p>",
               "audience": {"group_ids": [await _group_id(db, "Zonnetjes")]}}
    async def send(method: str, path: str, body: object,
                   headers: dict[str, str]) -> httpx.Response:
        url = path.replace("{news_id}", str(organisation_news["id"])).replace(
            "{file_id}", str(files["image" if "images" in path else "attachment"]["id"]))
        if body == "upload":
            return await _upload(client, url, headers, "a.png", png())
        return await client.request(method, url, headers=headers,
                                    json=publish if body == "publish" else body)
    return send


@pytest.mark.parametrize(ALLOWED, allowed_writes(NEWS_REFUSALS))
async def test_news_roles(client: httpx.AsyncClient, db: AsyncSession, method: str, path: str,
                          body: object, role: str) -> None:
    send = await _news_requests(client, db)
    response = await send(method, path, body, await _login(client, LOGINS[role]))
    assert _served(response), response.text


# The group day and the diary (docs/api.md, "Group day and diary"), for Emma (Zonnetjes,
# Fatima's group) today: (method, path, body or query, roles refused with 403). A route of a
# row that names no role answers every role (each sees its own part); editing or deleting
# another's entry is `forbidden` for everyone but its author.
DIARY_REFUSALS = [
    ("GET", "/api/v1/group-day", "group", ("primary_parent", "secondary_parent")),
    ("PUT", "/api/v1/attendance", "attend", ("primary_parent", "secondary_parent")),
    ("GET", "/api/v1/attendance/history", "day", ("primary_parent", "secondary_parent")),
    ("GET", "/api/v1/diary", "child", ()),
    ("POST", "/api/v1/diary/entries", "note", ()),
    ("PATCH", "/api/v1/diary/entries/{entry_id}", "edit",
     ("secondary_parent", "staff", "manager")),
    ("DELETE", "/api/v1/diary/entries/{entry_id}", None,
     ("secondary_parent", "staff", "manager")),
    ("GET", "/api/v1/diary.pdf", "period", ("staff", "manager")),
]


def test_every_diary_route_has_a_role_rule() -> None:
    routes = {r for r in PROTECTED if r[1].startswith(
        ("/api/v1/group-day", "/api/v1/attendance", "/api/v1/diary"))}
    assert routes == {(m, p) for m, p, _, _ in DIARY_REFUSALS}


async def _diary_request(client: httpx.AsyncClient, db: AsyncSession, method: str, path: str,
                         shape: str | None, headers: dict[str, str], emma: int,
                         entry_id: int, day: date = TODAY) -> httpx.Response:
    group = await _group_id(db, "Zonnetjes")
    shapes: dict[str | None, dict[str, object] | None] = {
        None: None, "group": {"group_id": group, "date": day.isoformat()},
        "attend": {"child_id": emma, "group_id": group, "date": day.isoformat(),
                   "arrived_at": "08:00"},
        "child": {"child_id": emma},
        "day": {"child_id": emma, "date": day.isoformat()},
        "period": {"child_id": emma, "from": (day - timedelta(days=7)).isoformat(),
                   "to": day.isoformat()},
        "note": {"child_ids": [emma], "date": day.isoformat(), "kind": "notitie",
                 "time": "08:00", "text": "Oma haalt op"},
        "edit": {"kind": "notitie", "time": "08:00", "text": "Opa haalt op"}}
    url = path.replace("{entry_id}", str(entry_id))
    if method == "GET":
        return await client.get(url, headers=headers, params=shapes[shape])
    return await client.request(method, url, headers=headers, json=shapes[shape])


async def _sannes_note(client: httpx.AsyncClient, emma: int) -> int:
    written = await client.post("/api/v1/diary/entries",
                                headers=await _login(client, LOGINS["primary_parent"]),
                                json={"child_ids": [emma], "date": TODAY.isoformat(),
                                      "kind": "notitie", "time": "08:00", "text": "Eerst"})
    assert written.status_code == 201, written.text
    return written.json()["entries"][0]["id"]


async def _diary_requests(client: httpx.AsyncClient, db: AsyncSession) -> Send:
    """Sanne writes a note for Emma today; the DIARY_REFUSALS requests name it."""
    emma = await _emma(client, await _login(client, LOGINS["primary_parent"]))
    entry_id = await _sannes_note(client, emma)

    async def send(method: str, path: str, shape: object,
                   headers: dict[str, str]) -> httpx.Response:
        return await _diary_request(client, db, method, path, shape, headers, emma, entry_id)
    return send


@pytest.mark.parametrize(ALLOWED, allowed_writes(DIARY_REFUSALS))
async def test_diary_roles(client: httpx.AsyncClient, db: AsyncSession, method: str,
                           path: str, body: object, role: str) -> None:
    send = await _diary_requests(client, db)
    response = await send(method, path, body, await _login(client, LOGINS[role]))
    assert _served(response), response.text


@pytest.mark.parametrize("route", [(m, p) for m, p, _, _ in DIARY_REFUSALS if m != "PUT"
                                   and p not in ("/api/v1/group-day", "/api/v1/diary.pdf")],
                         ids=lambda r: f"{r[0]} {r[1]}")
async def test_staff_lose_a_childs_diary_when_it_left_their_group(
        client: httpx.AsyncClient, db: AsyncSession, route: tuple[str, str]) -> None:
    """Emma moved to Regenboog today: Fatima no longer finds her diary, Marloes finds the
    days from the move on only."""
    me = (await client.get("/api/v1/me", headers=await _login(
        client, LOGINS["primary_parent"]))).json()
    emma = next(c["id"] for c in me["children"] if c["first_name"] == "Emma")
    yesterday = TODAY - timedelta(days=1)
    fatima = await _login(client, LOGINS["staff"])
    old = await client.post("/api/v1/diary/entries", headers=fatima, json={
        "child_ids": [emma], "date": yesterday.isoformat(), "kind": "verslag",
        "text": "Laatste dag bij de Zonnetjes"})
    assert old.status_code == 201, old.text
    entry_id = old.json()["entries"][0]["id"]
    await _move_emma(client, db)
    shape = {(m, p): s for m, p, s, _ in DIARY_REFUSALS}[route]
    response = await _diary_request(client, db, *route, shape, fatima, emma, entry_id)
    assert (response.status_code, response.json()["code"]) == (404, "not_found"), response.text
    marloes = await _login(client, MARLOES)
    if route == ("GET", "/api/v1/diary"):
        seen = await client.get("/api/v1/diary", headers=marloes, params={"child_id": emma})
        assert seen.status_code == 200, seen.text
        assert all(d["date"] >= TODAY.isoformat() for d in seen.json()["days"])
    elif route == ("POST", "/api/v1/diary/entries"):
        refused = await _diary_request(client, db, *route, shape, marloes, emma, entry_id,
                                       day=yesterday)
        assert (refused.status_code, refused.json()["code"]) == (403, "forbidden")


ROLE_TABLES: list[tuple[list[tuple[str, str, object, tuple[str, ...]]],
                        Callable[[httpx.AsyncClient, AsyncSession], Awaitable[Send]],
                        Callable[[httpx.Response], bool]]] = [
    (ROLE_REFUSALS, _extra_day_requests, _served_or_an_extra_day_rule),
    (PERSONAL_DATA_REFUSALS, _personal_data_requests, _served_or_not_found),
    (MESSAGE_REFUSALS, _message_requests, _served), (NEWS_REFUSALS, _news_requests, _served),
    (DIARY_REFUSALS, _diary_requests, _served)]


@pytest.mark.parametrize("role", list(LOGINS))
async def test_each_role_is_refused_or_served_as_the_tables_say(
        client: httpx.AsyncClient, db: AsyncSession, role: str) -> None:
    # One app per role: refusals and reads write nothing, so every table's requests are made
    # on the state its own preparation left. The allowed writes are the per-table tests above.
    # Every request answered against its table is listed.
    headers = await _login(client, LOGINS[role])
    wrong = []
    for table, prepare, served in ROLE_TABLES:
        send = await prepare(client, db)
        for method, path, body, refused in table:
            if role not in refused and method != "GET":
                continue
            response = await send(method, path, body, headers)
            if role in refused:
                right = (response.status_code, _code(response)) == (403, "forbidden")
            else:
                right = served(response)
            if not right:
                wrong.append(f"{method} {path} ({'refused' if role in refused else 'served'} "
                             f"in the table): {response.status_code} {response.text[:120]}")
    assert not wrong, f"answered against the tables for {role}:\n" + "\n".join(wrong)
