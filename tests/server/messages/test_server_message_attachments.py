"""Attachments of messages (docs/api.md, "Messages"): PDF, JPEG and PNG by content, at most
10 MB, downloaded only by the conversation's participants and always as a download."""

from __future__ import annotations

import hashlib

import httpx
import pytest
from server_helpers import FATIMA, LOTTE, SANNE, THOMAS, bearer, tokens

from server.attachments import MAX_ATTACHMENT_BYTES

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
PDF = b"%PDF-1.4\n%%EOF\n"
JPEG = b"\xff\xd8\xff\xe0" + b"\0" * 64


async def auth(client: httpx.AsyncClient, email: str) -> dict[str, str]:
    return bearer(await tokens(client, email))


async def upload(client: httpx.AsyncClient, who: dict[str, str], data: bytes,
                 filename: str = "brief.pdf") -> httpx.Response:
    return await client.post("/api/v1/message-attachments", headers={
        **who, "Content-Type": "application/octet-stream"}, params={"filename": filename},
        content=data)


async def send(client: httpx.AsyncClient, who: dict[str, str], attachment_ids: list[int]
               ) -> httpx.Response:
    conversation_id = (await client.get("/api/v1/conversations", headers=who)).json()[
        "conversations"][0]["id"]
    return await client.post(f"/api/v1/conversations/{conversation_id}/messages", headers=who,
                             json={"body": "Zie de bijlage", "attachment_ids": attachment_ids})


@pytest.mark.parametrize(("data", "name", "media_type", "shown"), [
    (PDF, "brief.pdf", "application/pdf", "brief.pdf"),
    (PNG, "foto.PNG", "image/png", "foto.png"),
    # The name's extension follows what the file is.
    (JPEG, "C:\\Users\\sanne\\vakantie.png", "image/jpeg", "vakantie.jpg"),
])
async def test_a_file_is_recognised_by_its_content(client: httpx.AsyncClient, data: bytes,
                                                   name: str, media_type: str,
                                                   shown: str) -> None:
    sanne = await auth(client, SANNE)
    response = await upload(client, sanne, data, name)
    assert response.status_code == 201, response.text
    assert (response.json()["media_type"], response.json()["filename"]) == (media_type, shown)
    assert response.json()["sha256"] == hashlib.sha256(data).hexdigest()


async def test_other_files_are_refused(client: httpx.AsyncClient) -> None:
    response = await upload(client, await auth(client, SANNE), b"MZ\x90\0 not a pdf",
                            "brief.pdf")
    assert (response.status_code, response.json()["code"]) == (415, "attachment_type_refused")


@pytest.mark.parametrize(("size", "status"), [(MAX_ATTACHMENT_BYTES, 201),
                                              (MAX_ATTACHMENT_BYTES + 1, 413)])
async def test_an_attachment_is_at_most_10_mb(client: httpx.AsyncClient, size: int,
                                              status: int) -> None:
    response = await upload(client, await auth(client, SANNE),
                            PDF + b"\0" * (size - len(PDF)))
    assert response.status_code == status, response.text
    if status == 413:
        assert response.json()["code"] == "attachment_too_large"
        assert "10 MB" in response.json()["detail"]


async def test_participants_download_it_as_a_download(client: httpx.AsyncClient) -> None:
    sanne = await auth(client, SANNE)
    attachment = (await upload(client, sanne, PDF, "Brief van de huisarts é.pdf")).json()
    # Before it is sent only its uploader finds it.
    thomas = await auth(client, THOMAS)
    assert (await client.get(attachment["url"], headers=thomas)).status_code == 404
    sent = await send(client, sanne, [attachment["id"]])
    assert sent.status_code == 201, sent.text
    assert [a["id"] for a in sent.json()["message"]["attachments"]] == [attachment["id"]]
    for who in (thomas, await auth(client, FATIMA)):
        response = await client.get(attachment["url"], headers=who)
        assert response.status_code == 200 and response.content == PDF
        disposition = response.headers["content-disposition"]
        assert disposition.startswith("attachment;")
        assert "filename*=UTF-8''Brief%20van%20de%20huisarts%20%C3%A9.pdf" in disposition
    response = await client.get(attachment["url"], headers=await auth(client, LOTTE))
    assert response.status_code == 404


async def test_a_message_carries_only_the_senders_unsent_uploads(
        client: httpx.AsyncClient) -> None:
    sanne, thomas = await auth(client, SANNE), await auth(client, THOMAS)
    thomas_file = (await upload(client, thomas, PNG)).json()["id"]
    response = await send(client, sanne, [thomas_file])
    assert (response.status_code, response.json()["code"]) == (422,
                                                              "message_attachment_invalid")
    own = (await upload(client, sanne, PNG)).json()["id"]
    assert (await send(client, sanne, [own])).status_code == 201
    again = await send(client, sanne, [own])  # already carried by the first message
    assert again.json()["code"] == "message_attachment_invalid"
