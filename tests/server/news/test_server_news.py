"""News (docs/api.md, "News"): who reads what (organisation, location, group, scheduled),
who may publish for whom, the sanitised body, read state and paging."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest
from server_helpers import FATIMA, LOTTE, MANAGER, SANNE, THOMAS, bearer, tokens
from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from server.models import CareGroup, Location, User, manager_location

MARLOES = "marloes.smulders@voorbeeld.nl"


async def auth(client: httpx.AsyncClient, email: str) -> dict[str, str]:
    return bearer(await tokens(client, email))


async def titles(client: httpx.AsyncClient, who: dict[str, str]) -> list[str]:
    response = await client.get("/api/v1/news", headers=who)
    assert response.status_code == 200, response.text
    return [n["title"] for n in response.json()["news"]]


async def post(client: httpx.AsyncClient, who: dict[str, str], title: str, **audience: object
               ) -> httpx.Response:
    return await client.post("/api/v1/news", headers=who, json={
        "title": title, "body": "<p>Hallo</p>", "audience": audience})


async def group_id(db: AsyncSession, name: str) -> int:
    return await db.scalar(select(CareGroup.id).where(CareGroup.name == name))


async def test_a_parent_reads_the_news_of_the_organisation_location_and_group(
        client: httpx.AsyncClient) -> None:
    # Newest first; next week's item is not there yet.
    assert await titles(client, await auth(client, SANNE)) == [
        "Deze week bij de Zonnetjes", "Nieuwe speeltuin in de tuin",
        "Openingstijden rond de feestdagen"]
    # Lotte's child left its group: she reads the organisation's news only.
    assert await titles(client, await auth(client, LOTTE)) == [
        "Openingstijden rond de feestdagen"]


async def test_another_groups_staff_do_not_read_a_groups_news(
        client: httpx.AsyncClient, db: AsyncSession) -> None:
    marloes = await titles(client, await auth(client, MARLOES))
    assert "Deze week bij de Zonnetjes" not in marloes
    assert "Openingstijden rond de feestdagen" in marloes
    zonnetjes_news = (await client.get("/api/v1/news", headers=await auth(
        client, SANNE))).json()["news"][0]
    response = await client.get(f"/api/v1/news/{zonnetjes_news['id']}",
                                headers=await auth(client, MARLOES))
    assert (response.status_code, response.json()["code"]) == (404, "not_found")


async def test_staff_publish_for_their_own_groups_only(client: httpx.AsyncClient,
                                                       db: AsyncSession) -> None:
    fatima = await auth(client, FATIMA)
    zonnetjes, regenboog = await group_id(db, "Zonnetjes"), await group_id(db, "Regenboog")
    assert (await post(client, fatima, "Eigen groep", group_ids=[zonnetjes])).status_code == 201
    for audience in ({"group_ids": [regenboog]}, {"organisation": True},
                     {"location_ids": [1]}):
        response = await post(client, fatima, "Te ver", **audience)
        assert (response.status_code, response.json()["code"]) == (403, "forbidden"), audience
    response = await post(client, await auth(client, SANNE), "Ouder", group_ids=[zonnetjes])
    assert (response.status_code, response.json()["code"]) == (403, "forbidden")
    assert "Eigen groep" in await titles(client, await auth(client, THOMAS))
    assert "Eigen groep" not in await titles(client, await auth(client, MARLOES))


async def test_a_manager_publishes_for_the_organisation_and_their_locations(
        client: httpx.AsyncClient, db: AsyncSession) -> None:
    manager = await auth(client, MANAGER)
    location = await db.scalar(select(Location.id).order_by(Location.id))
    for audience in ({"organisation": True}, {"location_ids": [location]},
                     {"group_ids": [await group_id(db, "Regenboog")]}):
        assert (await post(client, manager, "Voor iedereen", **audience)).status_code == 201
    response = await post(client, manager, "Niemand")
    assert (response.status_code, response.json()["code"]) == (422, "validation_error")


async def test_the_body_keeps_only_the_safe_subset(client: httpx.AsyncClient,
                                                   db: AsyncSession) -> None:
    response = await client.post("/api/v1/news", headers=await auth(client, FATIMA), json={
        "title": "Veilig", "audience": {"group_ids": [await group_id(db, "Zonnetjes")]},
        "body": '<p onclick="steal()">Hoi <b>vet</b> <i>schuin</i></p><script>steal()</script>'
                '<img src="https://tracker.example/pixel.png"><a href="javascript:steal()">x</a>'
                '<a href="https://zonnebloem.nl">site</a><ul><li>een</li></ul>'
                '<h1 style="color:red">Kop</h1>'})
    assert response.status_code == 201, response.text
    body = response.json()["body"]
    assert "<p>Hoi <b>vet</b> <i>schuin</i></p>" in body
    assert '<a href="https://zonnebloem.nl" rel="noopener noreferrer">site</a>' in body
    assert "<ul><li>een</li></ul>" in body
    for gone in ("script", "steal", "onclick", "<img", "tracker", "<h1", "style"):
        assert gone not in body


async def test_a_body_of_nothing_but_markup_is_refused(client: httpx.AsyncClient,
                                                       db: AsyncSession) -> None:
    response = await client.post("/api/v1/news", headers=await auth(client, FATIMA), json={
        "title": "Leeg", "audience": {"group_ids": [await group_id(db, "Zonnetjes")]},
        "body": "<script>x()</script>"})
    assert (response.status_code, response.json()["code"]) == (422, "validation_error")


async def test_scheduled_news_appears_at_its_time(client: httpx.AsyncClient, clock,
                                                  db: AsyncSession) -> None:  # noqa: ANN001
    fatima = await auth(client, FATIMA)
    later = (clock.current + timedelta(hours=2)).isoformat()
    response = await client.post("/api/v1/news", headers=fatima, json={
        "title": "Straks", "body": "<p>Later</p>", "published_at": later,
        "audience": {"group_ids": [await group_id(db, "Zonnetjes")]}})
    assert response.status_code == 201, response.text
    sanne = await auth(client, SANNE)
    assert "Straks" not in await titles(client, sanne)
    assert "Straks" in await titles(client, fatima)  # the author sees it coming
    clock.advance(hours=2)
    assert "Straks" in await titles(client, await auth(client, SANNE))


async def test_read_state_and_the_unread_count(client: httpx.AsyncClient) -> None:
    sanne = await auth(client, SANNE)
    first = (await client.get("/api/v1/news", headers=sanne)).json()
    assert first["unread"] == 3 and not first["news"][0]["read"]
    response = await client.post(f"/api/v1/news/{first['news'][0]['id']}/read", headers=sanne)
    assert response.status_code == 200 and response.json()["read"]
    assert (await client.get("/api/v1/news", headers=sanne)).json()["unread"] == 2
    # Thomas has his own read state.
    assert (await client.get("/api/v1/news", headers=await auth(client, THOMAS))).json()[
        "unread"] == 3


async def test_news_pages_newest_first(client: httpx.AsyncClient) -> None:
    sanne = await auth(client, SANNE)
    first = await client.get("/api/v1/news", headers=sanne, params={"limit": 2})
    rest = await client.get("/api/v1/news", headers=sanne, params={
        "limit": 2, "cursor": first.json()["next_cursor"]})
    assert [n["title"] for n in first.json()["news"] + rest.json()["news"]] == [
        "Deze week bij de Zonnetjes", "Nieuwe speeltuin in de tuin",
        "Openingstijden rond de feestdagen"]
    assert rest.json()["next_cursor"] is None


@pytest.mark.parametrize("title", ["", "   "])
async def test_a_title_is_required(client: httpx.AsyncClient, db: AsyncSession,
                                   title: str) -> None:
    response = await client.post("/api/v1/news", headers=await auth(client, FATIMA), json={
        "title": title, "body": "<p>x</p>",
        "audience": {"group_ids": [await group_id(db, "Zonnetjes")]}})
    assert response.status_code == 422


async def audiences(client: httpx.AsyncClient, who: dict[str, str]) -> dict:
    response = await client.get("/api/v1/news/audiences", headers=who)
    assert response.status_code == 200, response.text
    return response.json()


async def test_the_audiences_are_what_each_role_may_publish_for(
        client: httpx.AsyncClient, db: AsyncSession) -> None:
    fatima = await auth(client, FATIMA)
    zonnetjes = await group_id(db, "Zonnetjes")
    found = await audiences(client, fatima)
    assert (found["organisation"], found["locations"]) == (None, [])
    assert [(g["id"], g["name"]) for g in found["groups"]] == [(zonnetjes, "Zonnetjes")]
    manager = await auth(client, MANAGER)
    found = await audiences(client, manager)
    assert found["organisation"]["name"] == "Kinderopvang Zonnebloem"
    assert [p["name"] for p in found["locations"]] == ["Zonnebloem Centrum",
                                                       "Zonnebloem Woensel"]
    assert [g["name"] for g in found["groups"]] == sorted(
        ["Zonnetjes", "Regenboog", "De Ontdekkers", "Vlindertjes", "Kleine Beer", "Kameleons"])
    # What it names, the portal takes.
    group = found["groups"][0]
    assert (await post(client, manager, "Eén groep", group_ids=[group["id"]],
                       location_ids=[group["location_id"]])).status_code == 201
    response = await client.get("/api/v1/news/audiences", headers=await auth(client, SANNE))
    assert (response.status_code, response.json()["code"]) == (403, "forbidden")


async def test_a_manager_of_one_location_is_offered_and_allowed_only_that_one(
        client: httpx.AsyncClient, db: AsyncSession) -> None:
    woensel = await db.scalar(select(Location.id).where(Location.name == "Zonnebloem Woensel"))
    manager_id = await db.scalar(select(User.id).where(User.email == MANAGER))
    await db.execute(delete(manager_location).where(manager_location.c.user_id == manager_id,
                                                    manager_location.c.location_id == woensel))
    await db.commit()
    manager = await auth(client, MANAGER)
    found = await audiences(client, manager)
    assert [p["name"] for p in found["locations"]] == ["Zonnebloem Centrum"]
    assert "Vlindertjes" not in [g["name"] for g in found["groups"]]
    assert "Zonnetjes" in [g["name"] for g in found["groups"]]
    for audience in ({"location_ids": [woensel]},
                     {"group_ids": [await group_id(db, "Vlindertjes")]}):
        response = await post(client, manager, "Te ver", **audience)
        assert (response.status_code, response.json()["code"]) == (403, "forbidden"), audience
    assert (await post(client, manager, "Centrum", location_ids=[
        found["locations"][0]["id"]])).status_code == 201
