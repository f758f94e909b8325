"""A news item's picture and attachment (docs/api.md, "News"): uploaded by staff and
managers, the picture re-encoded without EXIF or GPS at the screen size, the attachment
checked by content; readable exactly by the item's readers, always as a download."""

from __future__ import annotations

import hashlib
from datetime import timedelta

import httpx
import pytest
from photo_files import GPS_INFO, MAKE, ORIENTATION, PDF, jpeg, opened
from server_helpers import FATIMA, LOTTE, MANAGER, SANNE, bearer, tokens
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from server.attachments import MAX_ATTACHMENT_BYTES
from server.models import CareGroup

MARLOES = "marloes.smulders@voorbeeld.nl"  # staff of another group


async def auth(client: httpx.AsyncClient, email: str) -> dict[str, str]:
    return bearer(await tokens(client, email))


async def upload(client: httpx.AsyncClient, who: dict[str, str], kind: str, data: bytes,
                 filename: str) -> httpx.Response:
    return await client.post(f"/api/v1/news-{kind}", headers={
        **who, "Content-Type": "application/octet-stream"}, params={"filename": filename},
        content=data)


async def zonnetjes(db: AsyncSession) -> int:
    return await db.scalar(select(CareGroup.id).where(CareGroup.name == "Zonnetjes"))


async def publish(client: httpx.AsyncClient, db: AsyncSession, who: dict[str, str],
                  **files: object) -> httpx.Response:
    return await client.post("/api/v1/news", headers=who, json={
        "title": "Met bijlagen", "body": "<p>Kijk maar</p>",
        "audience": {"group_ids": [await zonnetjes(db)]}, **files})


async def titles(client: httpx.AsyncClient, who: dict[str, str]) -> list[str]:
    return [n["title"] for n in (await client.get("/api/v1/news", headers=who)).json()["news"]]


async def test_a_picture_reaches_the_readers_upright_scaled_and_without_exif(
        client: httpx.AsyncClient, db: AsyncSession) -> None:
    fatima = await auth(client, FATIMA)
    # 2400 × 1000 as stored, turned a quarter by its EXIF: upright it is 1000 × 2400.
    uploaded = await upload(client, fatima, "images",
                            jpeg(2400, 1000, orientation=6, gps=True), "IMG_2041.HEIC.jpeg")
    assert uploaded.status_code == 201, uploaded.text
    picture = uploaded.json()
    assert (picture["width"], picture["height"], picture["media_type"]) == (
        667, 1600, "image/jpeg")
    assert picture["filename"] == "IMG_2041.HEIC.jpg"
    response = await publish(client, db, fatima, image_id=picture["id"])
    assert response.status_code == 201, response.text
    assert response.json()["image"] == picture and response.json()["attachment"] is None

    sanne = await auth(client, SANNE)
    item = (await client.get("/api/v1/news", headers=sanne)).json()["news"][0]
    assert item["image"]["id"] == picture["id"]
    download = await client.get(item["image"]["url"], headers=sanne)
    assert download.status_code == 200
    assert download.headers["content-disposition"].startswith("attachment;")
    assert hashlib.sha256(download.content).hexdigest() == picture["sha256"]
    shown = opened(download.content)
    assert shown.size == (667, 1600)
    exif = shown.getexif()
    assert ORIENTATION not in exif and MAKE not in exif and not exif.get_ifd(GPS_INFO)
    assert "comment" not in shown.info
    # The left half was red: turned upright it is the top.
    red, _green, blue = shown.getpixel((333, 100))
    assert red > 200 and blue < 60
    part = await client.get(item["image"]["url"], headers={**sanne, "Range": "bytes=0-9"})
    assert (part.status_code, part.content) == (206, download.content[:10])


async def test_an_attachment_reaches_the_readers_as_a_download(
        client: httpx.AsyncClient, db: AsyncSession) -> None:
    fatima = await auth(client, FATIMA)
    uploaded = await upload(client, fatima, "attachments", PDF, "Nieuwsbrief december.pdf")
    assert uploaded.status_code == 201, uploaded.text
    attachment = uploaded.json()
    assert (await publish(client, db, fatima, attachment_id=attachment["id"])).status_code == 201
    sanne = await auth(client, SANNE)
    item = (await client.get("/api/v1/news", headers=sanne)).json()["news"][0]
    assert item["attachment"] == attachment and item["image"] is None
    download = await client.get(attachment["url"], headers=sanne)
    assert (download.status_code, download.content) == (200, PDF)
    assert download.headers["content-type"] == "application/pdf"
    assert download.headers["content-disposition"].startswith("attachment;")
    assert "Nieuwsbrief december.pdf" in download.headers["content-disposition"]


@pytest.mark.parametrize(("kind", "data", "status", "code"), [
    ("images", PDF, 415, "photo_type_not_supported"),
    ("images", jpeg()[:300], 422, "photo_damaged"),
    ("attachments", b"MZ\x90\0 a program", 415, "attachment_type_refused"),
    # Just over the cap: the attachment's own refusal, not the request body limit's.
    ("attachments", PDF + b"\0" * (MAX_ATTACHMENT_BYTES + 1 - len(PDF)), 413,
     "attachment_too_large"),
])
async def test_a_file_that_is_not_what_it_must_be_is_refused(
        client: httpx.AsyncClient, kind: str, data: bytes, status: int, code: str) -> None:
    response = await upload(client, await auth(client, FATIMA), kind, data, "bestand.jpg")
    assert (response.status_code, response.json()["code"]) == (status, code)


async def test_an_attachment_of_exactly_the_cap_is_taken(client: httpx.AsyncClient) -> None:
    data = PDF + b"\0" * (MAX_ATTACHMENT_BYTES - len(PDF))
    response = await upload(client, await auth(client, FATIMA), "attachments", data, "a.pdf")
    assert response.status_code == 201, response.text


@pytest.mark.parametrize("kind", ["images", "attachments"])
async def test_parents_upload_nothing(client: httpx.AsyncClient, kind: str) -> None:
    response = await upload(client, await auth(client, SANNE), kind, jpeg(), "foto.jpg")
    assert (response.status_code, response.json()["code"]) == (403, "forbidden")


async def test_an_upload_is_its_uploaders_until_an_item_carries_it(
        client: httpx.AsyncClient, db: AsyncSession) -> None:
    fatima, manager = await auth(client, FATIMA), await auth(client, MANAGER)
    picture = (await upload(client, fatima, "images", jpeg(), "a.jpg")).json()
    pdf = (await upload(client, fatima, "attachments", PDF, "a.pdf")).json()
    assert (await client.get(picture["url"], headers=fatima)).status_code == 200
    for url in (picture["url"], pdf["url"]):
        response = await client.get(url, headers=manager)
        assert (response.status_code, response.json()["code"]) == (404, "not_found")
    # Someone else's upload, the wrong purpose: refused, and nothing is published.
    for who, files in ((manager, {"image_id": picture["id"]}),
                       (fatima, {"image_id": pdf["id"]}),
                       (fatima, {"attachment_id": picture["id"]})):
        response = await publish(client, db, who, **files)
        assert (response.status_code, response.json()["code"]) == (422, "news_file_invalid")
    assert "Met bijlagen" not in await titles(client, fatima)
    assert (await publish(client, db, fatima, image_id=picture["id"],
                          attachment_id=pdf["id"])).status_code == 201
    # One item carries it now: a second may not.
    response = await publish(client, db, fatima, image_id=picture["id"])
    assert (response.status_code, response.json()["code"]) == (422, "news_file_invalid")


async def test_only_the_items_readers_download_its_files(
        client: httpx.AsyncClient, db: AsyncSession, clock) -> None:  # noqa: ANN001
    fatima = await auth(client, FATIMA)
    picture = (await upload(client, fatima, "images", jpeg(), "a.jpg")).json()
    pdf = (await upload(client, fatima, "attachments", PDF, "a.pdf")).json()
    later = (clock.current + timedelta(hours=2)).isoformat()
    assert (await publish(client, db, fatima, image_id=picture["id"], attachment_id=pdf["id"],
                          published_at=later)).status_code == 201
    sanne = await auth(client, SANNE)
    # Before its time the item is not there for the parent, nor are its files.
    for who in (sanne, await auth(client, MARLOES), await auth(client, LOTTE)):
        for url in (picture["url"], pdf["url"]):
            assert (await client.get(url, headers=who)).status_code == 404
    assert (await client.get(picture["url"], headers=fatima)).status_code == 200
    clock.advance(hours=2)
    sanne = await auth(client, SANNE)  # the access token of before has expired
    for url in (picture["url"], pdf["url"]):
        assert (await client.get(url, headers=sanne)).status_code == 200
        # Another group's staff and a parent whose child left the group: still not.
        for other in (MARLOES, LOTTE):
            assert (await client.get(url, headers=await auth(client, other))).status_code == 404
    # The picture's id is not an attachment's: each route serves its own purpose.
    wrong = picture["url"].replace("news-images", "news-attachments")
    assert (await client.get(wrong, headers=sanne)).status_code == 404
