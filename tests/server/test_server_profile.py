"""/me for each role, /policy and /portal."""

from __future__ import annotations

from dataclasses import replace

import httpx
from server_helpers import FATIMA, LOTTE, MANAGER, SANNE, THOMAS, MemoryMailer, bearer, tokens

from server.app import create_app
from server.config import Settings
from server.policy import DEFAULT_POLICY


async def me(client: httpx.AsyncClient, email: str) -> dict:
    response = await client.get("/api/v1/me", headers=bearer(await tokens(client, email)))
    assert response.status_code == 200
    return response.json()


async def test_portal_is_public(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/portal")
    assert response.json() == {"name": "Kinderopvang Zonnebloem", "short_name": "zonnebloem",
                               "api_version": 1, "client": None}


async def test_portal_names_the_newest_desktop_release_when_configured(
        settings: Settings, mailer: MemoryMailer) -> None:
    configured = replace(settings, client_version="0.3.1",
                         client_download_url="https://zonnebloem.nl/app")
    application = create_app(configured, mailer=mailer)
    async with application.router.lifespan_context(application):
        transport = httpx.ASGITransport(app=application)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
            body = (await c.get("/api/v1/portal")).json()
    assert body["client"] == {"version": "0.3.1", "download_url": "https://zonnebloem.nl/app"}


async def test_primary_parent_sees_own_family_children_groups_and_locations(
        client: httpx.AsyncClient) -> None:
    body = await me(client, SANNE)
    assert body["user"]["role"] == "primary_parent"
    assert body["user"]["name"] == "Sanne de Vries"
    assert body["family"]["name"] == "Familie De Vries"
    assert body["family"]["primary_parent_name"] == "Sanne de Vries"
    children = {c["first_name"]: c for c in body["children"]}
    assert set(children) == {"Emma", "Daan"}
    assert children["Emma"]["contracts"][0]["care_type"] == "KDV"
    assert children["Daan"]["contracts"][0]["care_type"] == "BSO"
    assert children["Emma"]["photo_consent"] == {"portal": True, "website": True,
                                                 "social_media": False}
    # Daan's family consented to his inhaler, Emma's to nothing of the kind.
    assert (children["Daan"]["medication_consent"], children["Emma"]["medication_consent"]) \
        == (True, False)
    assert {g["name"] for g in body["groups"]} == {"Zonnetjes", "De Ontdekkers"}
    group_ids = {g["id"] for g in body["groups"]}
    assert {p["group_id"] for c in body["children"] for p in c["contracts"]} == group_ids
    [location] = body["locations"]
    assert location["name"] == "Zonnebloem Centrum" and location["city"] == "Eindhoven"
    assert set(location["lrk_numbers"]) == {"KDV", "BSO"}
    assert all(len(n) == 9 and n.isdigit() for n in location["lrk_numbers"].values())
    assert location["phone"] and location["email"]
    assert body["access_until"] is None


async def test_secondary_parent_sees_the_same_family(client: httpx.AsyncClient) -> None:
    sanne, thomas = await me(client, SANNE), await me(client, THOMAS)
    assert thomas["user"]["role"] == "secondary_parent"
    assert thomas["family"] == sanne["family"]
    assert thomas["children"] == sanne["children"]


async def test_parent_sees_only_own_family(client: httpx.AsyncClient) -> None:
    lotte = await me(client, LOTTE)
    sanne = await me(client, SANNE)
    assert lotte["family"]["id"] != sanne["family"]["id"]
    assert {c["first_name"] for c in lotte["children"]} == {"Finn"}
    assert not {c["id"] for c in lotte["children"]} & {c["id"] for c in sanne["children"]}
    assert [g["name"] for g in lotte["groups"]] == ["Regenboog"]


async def test_staff_see_their_groups_and_no_family(client: httpx.AsyncClient) -> None:
    body = await me(client, FATIMA)
    assert body["user"]["role"] == "staff"
    assert body["family"] is None and body["children"] == []
    assert [(g["name"], g["care_type"]) for g in body["groups"]] == [("Zonnetjes", "KDV")]
    assert [loc["name"] for loc in body["locations"]] == ["Zonnebloem Centrum"]
    assert body["access_until"] is None


async def test_manager_sees_the_groups_of_both_locations(client: httpx.AsyncClient) -> None:
    body = await me(client, MANAGER)
    assert body["user"]["role"] == "manager"
    assert body["family"] is None and body["children"] == []
    assert {loc["name"] for loc in body["locations"]} == {"Zonnebloem Centrum",
                                                          "Zonnebloem Woensel"}
    names = {g["name"] for g in body["groups"]}
    assert {"Zonnetjes", "Regenboog", "De Ontdekkers", "Vlindertjes", "Kameleons"} <= names
    assert {g["care_type"] for g in body["groups"]} == {"KDV", "BSO", "peuteropvang"}


async def test_policy_has_the_defaults(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/policy", headers=bearer(await tokens(client)))
    assert response.json() == DEFAULT_POLICY.model_dump()
