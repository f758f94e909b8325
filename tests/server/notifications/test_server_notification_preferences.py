"""Notification preferences (docs/api.md, "Notifications"): the defaults, each role's
categories, saving (partial, refused, idempotent), the mails' language, and that nobody
reaches another's."""

from __future__ import annotations

import httpx
import pytest
from server_helpers import FATIMA, MANAGER, SANNE, THOMAS, bearer, tokens
from sqlalchemy import select

from server.models import AuditEntry, NotificationPreferences, User

PATH = "/api/v1/account/notifications"
PARENT = ["messages", "news", "decisions", "diary", "photos"]
STAFF = ["messages", "news"]


async def auth(client: httpx.AsyncClient, email: str) -> dict[str, str]:
    return bearer(await tokens(client, email))


@pytest.mark.parametrize(("email", "categories"), [
    (SANNE, PARENT), (THOMAS, PARENT), (FATIMA, STAFF), (MANAGER, STAFF)])
async def test_every_role_starts_with_its_own_categories_on_and_no_mail(
        client: httpx.AsyncClient, email: str, categories: list[str]) -> None:
    response = await client.get(PATH, headers=await auth(client, email))
    assert response.status_code == 200, response.text
    body = response.json()
    assert list(body["desktop"]) == categories  # the fixed order
    assert all(body["desktop"].values())
    assert (body["email_unread_messages"], body["email_include_text"]) == (False, False)


async def test_saving_keeps_what_is_left_out_and_follows_the_user(
        client: httpx.AsyncClient, db) -> None:  # noqa: ANN001
    sanne = await auth(client, SANNE)
    saved = await client.put(PATH, headers=sanne, json={
        "desktop": {"news": False, "photos": False}, "email_unread_messages": True,
        "email_include_text": False})
    assert saved.status_code == 200, saved.text
    expected = {"messages": True, "news": False, "decisions": True, "diary": True,
                "photos": False}
    assert saved.json()["desktop"] == expected
    # Another device of the same user (a new login) reads the same.
    again = (await client.get(PATH, headers=await auth(client, SANNE))).json()
    assert again == {"desktop": expected, "email_unread_messages": True,
                     "email_include_text": False}
    # The other parent keeps their own.
    assert all((await client.get(PATH, headers=await auth(client, THOMAS))).json()[
        "desktop"].values())
    # Turning the mails on is in the audit log; the desktop categories are not.
    user_id = await db.scalar(select(User.id).where(User.email == SANNE))
    fields = set(await db.scalars(select(AuditEntry.field).where(
        AuditEntry.subject_user_id == user_id, AuditEntry.action == "settings_changed")))
    assert fields == {"email_unread_messages"}


@pytest.mark.parametrize("category", ["decisions", "diary", "photos", "berichten"])
async def test_staff_cannot_save_a_category_that_is_not_theirs(
        client: httpx.AsyncClient, category: str) -> None:
    fatima = await auth(client, FATIMA)
    refused = await client.put(PATH, headers=fatima, json={
        "desktop": {"messages": False, category: False}, "email_unread_messages": False,
        "email_include_text": False})
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["field"] == f"desktop.{category}"
    # Nothing was saved, not even the category that was allowed.
    assert (await client.get(PATH, headers=fatima)).json()["desktop"]["messages"] is True


async def test_a_parent_cannot_save_an_unknown_category(client: httpx.AsyncClient) -> None:
    refused = await client.put(PATH, headers=await auth(client, SANNE), json={
        "desktop": {"berichten": False}, "email_unread_messages": False,
        "email_include_text": False})
    assert refused.status_code == 422


async def test_a_put_is_idempotent_under_its_key(client: httpx.AsyncClient, db) -> None:  # noqa: ANN001
    sanne = await auth(client, SANNE) | {"Idempotency-Key": "meldingen-1"}
    body = {"desktop": {"news": False}, "email_unread_messages": True,
            "email_include_text": True}
    first = await client.put(PATH, headers=sanne, json=body)
    second = await client.put(PATH, headers=sanne, json=body)
    assert second.headers.get("Idempotency-Replayed") == "true"
    assert second.json() == first.json()
    user_id = await db.scalar(select(User.id).where(User.email == SANNE))
    changes = list(await db.scalars(select(AuditEntry.field).where(
        AuditEntry.subject_user_id == user_id, AuditEntry.action == "settings_changed")))
    assert sorted(changes) == ["email_include_text", "email_unread_messages"]  # once each


@pytest.mark.parametrize(("accept_language", "stored"), [
    ("en-GB,en;q=0.9", "en"), ("nl-NL", "nl"), (None, "nl"), ("de-DE", "nl")])
async def test_the_apps_language_becomes_the_mails_language(
        client: httpx.AsyncClient, db, accept_language: str | None, stored: str) -> None:  # noqa: ANN001
    headers = await auth(client, SANNE)
    if accept_language:
        headers["Accept-Language"] = accept_language
    await client.put(PATH, headers=headers, json={"email_unread_messages": True,
                                                  "email_include_text": False})
    user_id = await db.scalar(select(User.id).where(User.email == SANNE))
    assert (await db.get(NotificationPreferences, user_id)).language == stored


async def test_turning_the_mails_on_again_starts_a_new_since(
        client: httpx.AsyncClient, clock, db) -> None:  # noqa: ANN001
    user_id = await db.scalar(select(User.id).where(User.email == SANNE))

    async def put(on: bool) -> None:
        saved = await client.put(PATH, headers=await auth(client, SANNE), json={
            "email_unread_messages": on, "email_include_text": False})
        assert saved.status_code == 200, saved.text

    await put(True)
    first = clock.current
    clock.advance(hours=2)
    await put(True)  # still on: the moment it was turned on stays
    db.expire_all()
    assert (await db.get(NotificationPreferences, user_id)).email_since == first
    await put(False)
    clock.advance(minutes=5)
    await put(True)
    db.expire_all()
    assert (await db.get(NotificationPreferences, user_id)).email_since == clock.current
