"""Messages with the group (docs/api.md, "Messages"): who takes part, read state, closing and
reopening, paging and incremental sync, plain-text bounds, and one message per key."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from server_helpers import FATIMA, LOTTE, MANAGER, SANNE, THOMAS, bearer, both_databases, tokens

MARLOES = "marloes.smulders@voorbeeld.nl"


async def auth(client: httpx.AsyncClient, email: str) -> dict[str, str]:
    return bearer(await tokens(client, email))


async def children(client: httpx.AsyncClient, who: dict[str, str]) -> dict[str, int]:
    me = (await client.get("/api/v1/me", headers=who)).json()
    return {c["first_name"]: c["id"] for c in me["children"]}


async def start(client: httpx.AsyncClient, who: dict[str, str], child_id: int,
                body: str = "Mag Emma morgen haar knuffel meenemen?", **extra: object
                ) -> httpx.Response:
    return await client.post("/api/v1/conversations", headers=who, json={
        "child_id": child_id, "subject": "Knuffel", "body": body, **extra})


async def inbox(client: httpx.AsyncClient, who: dict[str, str], **params: object) -> dict:
    response = await client.get("/api/v1/conversations", headers=who, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def row(page: dict, conversation_id: int) -> dict:
    return next(c for c in page["conversations"] if c["id"] == conversation_id)


@pytest.fixture
async def knuffel(client: httpx.AsyncClient) -> tuple[dict[str, str], int]:
    """Sanne's new conversation about Emma with Zonnetjes: (Sanne's headers, its id)."""
    sanne = await auth(client, SANNE)
    response = await start(client, sanne, (await children(client, sanne))["Emma"])
    assert response.status_code == 201, response.text
    return sanne, response.json()["conversation"]["id"]


async def test_a_parent_starts_a_conversation_with_the_childs_group(
        client: httpx.AsyncClient, knuffel: tuple[dict[str, str], int]) -> None:
    sanne, conversation_id = knuffel
    mine = row(await inbox(client, sanne), conversation_id)
    assert (mine["group_name"], mine["child_name"], mine["subject"]) == (
        "Zonnetjes", "Emma", "Knuffel")
    assert (mine["unread"], mine["answered"], mine["closed"]) == (0, False, False)
    assert mine["last_message_preview"] == "Mag Emma morgen haar knuffel meenemen?"
    assert mine["last_message_author_name"] == "Sanne de Vries"  # what a notification names
    # The group's staff share it (a team inbox), and the location manager reads along.
    for email in (FATIMA, "joyce.vangerwen@voorbeeld.nl", MANAGER):
        theirs = row(await inbox(client, await auth(client, email)), conversation_id)
        assert (theirs["unread"], theirs["family_name"]) == (1, mine["family_name"])
    # The other parent sees the same conversation, unread: Sanne wrote it, not Thomas.
    assert row(await inbox(client, await auth(client, THOMAS)), conversation_id)["unread"] == 1


async def test_outsiders_do_not_find_the_conversation(
        client: httpx.AsyncClient, knuffel: tuple[dict[str, str], int]) -> None:
    _, conversation_id = knuffel
    for email in (LOTTE, MARLOES):
        outsider = await auth(client, email)
        assert conversation_id not in {c["id"] for c in (await inbox(client, outsider))[
            "conversations"]}
        for method, path, body in (
                ("GET", f"/api/v1/conversations/{conversation_id}", None),
                ("GET", f"/api/v1/conversations/{conversation_id}/messages", None),
                ("POST", f"/api/v1/conversations/{conversation_id}/messages", {"body": "Hoi"}),
                ("POST", f"/api/v1/conversations/{conversation_id}/read", {"last_read_id": 9}),
                ("POST", f"/api/v1/conversations/{conversation_id}/close", None)):
            response = await client.request(method, path, headers=outsider, json=body)
            assert (response.status_code, response.json()["code"]) == (404, "not_found"), path


async def test_a_parent_writes_only_about_their_own_child_in_its_own_group(
        client: httpx.AsyncClient) -> None:
    sanne = await auth(client, SANNE)
    kids = await children(client, sanne)
    lotte = await auth(client, LOTTE)
    response = await start(client, lotte, kids["Emma"])
    assert (response.status_code, response.json()["code"]) == (403, "forbidden")
    # Daan's group is not Emma's.
    daan_group = (await inbox(client, sanne))["conversations"]
    schoolreisje = next(c for c in daan_group if c["subject"] == "Schoolreisje")
    response = await start(client, sanne, kids["Emma"], group_id=schoolreisje["group_id"])
    assert (response.status_code, response.json()["code"]) == (422, "message_group_invalid")
    # Lotte's contract ended five weeks ago: her child has no group to write to any more.
    lotte_child = next(iter((await children(client, lotte)).values()))
    response = await start(client, lotte, lotte_child)
    assert (response.status_code, response.json()["code"]) == (422, "message_group_invalid")
    # Staff answer; they do not start conversations.
    response = await start(client, await auth(client, FATIMA), kids["Emma"])
    assert (response.status_code, response.json()["code"]) == (403, "forbidden")


async def test_read_state_per_participant_and_the_groups_read_marker(
        client: httpx.AsyncClient, knuffel: tuple[dict[str, str], int]) -> None:
    sanne, conversation_id = knuffel
    fatima = await auth(client, FATIMA)
    first = row(await inbox(client, sanne), conversation_id)["last_message_id"]
    assert row(await inbox(client, sanne), conversation_id)["group_read_id"] == 0
    read = await client.post(f"/api/v1/conversations/{conversation_id}/read", headers=fatima,
                             json={"last_read_id": first})
    assert read.status_code == 200 and read.json()["unread"] == 0
    # Sanne sees that the group has read her message.
    assert row(await inbox(client, sanne), conversation_id)["group_read_id"] == first
    reply = await client.post(f"/api/v1/conversations/{conversation_id}/messages",
                              headers=fatima, json={"body": "Natuurlijk!"})
    assert reply.status_code == 201, reply.text
    answer = reply.json()["message"]
    assert (answer["author_name"], answer["from_family"], answer["mine"]) == (
        "Fatima El Amrani", False, True)
    page = await inbox(client, sanne)
    assert (row(page, conversation_id)["unread"], row(page, conversation_id)["answered"]) == (
        1, True)
    before = page["unread_messages"]
    # Reading up to one message before the reply leaves the reply unread …
    response = await client.post(f"/api/v1/conversations/{conversation_id}/read",
                                 headers=sanne, json={"last_read_id": answer["id"] - 1})
    assert response.json()["unread"] == 1
    # … reading up to it makes it read, for Sanne only.
    response = await client.post(f"/api/v1/conversations/{conversation_id}/read",
                                 headers=sanne, json={"last_read_id": answer["id"]})
    assert response.json()["unread"] == 0
    assert (await inbox(client, sanne))["unread_messages"] == before - 1
    assert row(await inbox(client, await auth(client, THOMAS)), conversation_id)["unread"] == 2
    # An older device catching up never moves the marker back.
    response = await client.post(f"/api/v1/conversations/{conversation_id}/read",
                                 headers=sanne, json={"last_read_id": first})
    assert response.json()["unread"] == 0


async def test_staff_close_and_a_new_message_reopens(
        client: httpx.AsyncClient, knuffel: tuple[dict[str, str], int]) -> None:
    sanne, conversation_id = knuffel
    path = f"/api/v1/conversations/{conversation_id}"
    refused = await client.post(f"{path}/close", headers=sanne)
    assert (refused.status_code, refused.json()["code"]) == (403, "forbidden")
    closed = await client.post(f"{path}/close", headers=await auth(client, MANAGER))
    assert closed.status_code == 200 and closed.json()["closed"] is True
    reply = await client.post(f"{path}/messages", headers=sanne, json={"body": "Nog één ding"})
    assert reply.json()["conversation"]["closed"] is False


async def test_the_thread_pages_back_in_time_and_syncs_what_is_new(
        client: httpx.AsyncClient, knuffel: tuple[dict[str, str], int]) -> None:
    sanne, conversation_id = knuffel
    path = f"/api/v1/conversations/{conversation_id}/messages"
    for n in range(4):
        assert (await client.post(path, headers=sanne, json={"body": f"Bericht {n}"})
                ).status_code == 201
    first = await client.get(path, headers=sanne, params={"limit": 3})
    bodies = [m["body"] for m in first.json()["messages"]]
    assert bodies == ["Bericht 3", "Bericht 2", "Bericht 1"]
    rest = await client.get(path, headers=sanne, params={
        "limit": 3, "cursor": first.json()["next_cursor"]})
    assert [m["body"] for m in rest.json()["messages"]] == [
        "Bericht 0", "Mag Emma morgen haar knuffel meenemen?"]
    assert rest.json()["next_cursor"] is None
    known = first.json()["messages"][1]["id"]  # "Bericht 2"
    newer = await client.get(path, headers=sanne, params={"after": known})
    assert [m["body"] for m in newer.json()["messages"]] == ["Bericht 3"]


@pytest.mark.parametrize(("length", "status"), [(5000, 201), (5001, 422)])
async def test_a_message_is_plain_text_of_at_most_5000_characters(
        client: httpx.AsyncClient, knuffel: tuple[dict[str, str], int], length: int,
        status: int) -> None:
    sanne, conversation_id = knuffel
    text = ("<b>vet</b> " * 500)[:length]
    response = await client.post(f"/api/v1/conversations/{conversation_id}/messages",
                                 headers=sanne, json={"body": text})
    assert response.status_code == status, response.text
    if status == 201:
        # Stored and returned as typed: text, never interpreted as HTML.
        assert response.json()["message"]["body"] == text.strip()


@pytest.mark.parametrize("body", ["", "   \n\t "])
async def test_an_empty_message_is_refused(client: httpx.AsyncClient,
                                           knuffel: tuple[dict[str, str], int],
                                           body: str) -> None:
    sanne, conversation_id = knuffel
    response = await client.post(f"/api/v1/conversations/{conversation_id}/messages",
                                 headers=sanne, json={"body": body})
    assert (response.status_code, response.json()["code"]) == (422, "validation_error")


async def test_the_demo_has_conversations_in_several_states(client: httpx.AsyncClient) -> None:
    page = await inbox(client, await auth(client, SANNE))
    by_subject = {c["subject"]: c for c in page["conversations"]}
    assert by_subject["Slaapje van Emma"]["unread"] == 1
    assert by_subject["Schoolreisje"]["closed"] is True
    assert by_subject["Vrijdag haalt opa Emma op"]["answered"] is False
    assert (page["unread_messages"], page["unread_conversations"]) == (2, 2)
    staff = await inbox(client, await auth(client, FATIMA))
    assert {c["subject"] for c in staff["conversations"]} == {
        "Slaapje van Emma", "Vrijdag haalt opa Emma op", "Medicijnbrief"}
    assert staff["unread_messages"] == 1


@both_databases
async def test_one_message_per_idempotency_key(client: httpx.AsyncClient) -> None:
    sanne = await auth(client, SANNE)
    conversation_id = (await inbox(client, sanne))["conversations"][0]["id"]
    path = f"/api/v1/conversations/{conversation_id}/messages"
    headers = {**sanne, "Idempotency-Key": "message-once"}
    answers = await asyncio.gather(*[client.post(path, headers=headers,
                                                 json={"body": "Eén keer"}) for _ in range(5)])
    assert {a.status_code for a in answers} == {201}
    assert len({a.json()["message"]["id"] for a in answers}) == 1
    thread = await client.get(path, headers=sanne)
    assert [m["body"] for m in thread.json()["messages"]].count("Eén keer") == 1
