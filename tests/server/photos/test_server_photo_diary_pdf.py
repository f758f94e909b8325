"""The photos in "Dagboek opslaan als PDF" (docs/api.md, "Group day and diary"): exactly the
photos the family sees of that child in `GET /photos` — its own tag with portal consent, in
the period — under their day, four to a row, a day of twelve photos on one page."""

from __future__ import annotations

import subprocess
from datetime import timedelta
from pathlib import Path

import httpx
from photo_files import jpeg
from server_helpers import SANNE, TODAY, both_databases
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from test_server_photo_consent import other_zonnetjes_child, parent
from test_server_photo_upload import emma, new_activity, staff, upload

from server.models import Child

pytestmark = both_databases


async def pdf(client: httpx.AsyncClient, child: int, first=TODAY, last=TODAY  # noqa: ANN001
              ) -> httpx.Response:
    return await client.get("/api/v1/diary.pdf", headers=await parent(client, SANNE),
                            params={"child_id": child, "from": first.isoformat(),
                                    "to": last.isoformat()})


def images(response: httpx.Response, tmp_path: Path) -> list[list[str]]:
    """`pdfimages -list`: one row per image drawn (page, …, width, height, …)."""
    assert response.status_code == 200, response.text
    path = tmp_path / "dagboek.pdf"
    path.write_bytes(response.content)
    listing = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True,
                             text=True, check=True).stdout.splitlines()[2:]
    return [line.split() for line in listing]


def text_of(response: httpx.Response, tmp_path: Path) -> str:
    path = tmp_path / "tekst.pdf"
    path.write_bytes(response.content)
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


async def test_the_pdf_shows_the_photos_the_family_sees_of_the_child(
        client: httpx.AsyncClient, db: AsyncSession, tmp_path: Path) -> None:
    headers = await staff(client)
    child = await emma(db)
    activity = await new_activity(client, db, headers)
    other = await other_zonnetjes_child(db, consent=True)
    assert (await upload(client, activity, jpeg(), headers, (child,))).status_code == 201
    assert (await upload(client, activity, jpeg(colour="green"), headers,
                         (child, other))).status_code == 201
    assert (await upload(client, activity, jpeg(colour="yellow"), headers,
                         (other,))).status_code == 201  # not Emma's: not in her diary
    answer = await pdf(client, child)
    assert len(images(answer, tmp_path)) == 2
    assert "Foto's: Herfstwandeling" in text_of(answer, tmp_path)
    # The other family's PDF of their child holds the photos of theirs, not Emma's only one.
    listed = await client.get("/api/v1/photos", headers=await parent(client, SANNE),
                              params={"child_id": child})
    assert len(listed.json()["photos"]) == 2  # the same answer as the photos feature


async def test_the_period_bounds_the_photos_on_both_sides(
        client: httpx.AsyncClient, db: AsyncSession, tmp_path: Path) -> None:
    headers = await staff(client)
    child = await emma(db)
    activity = await new_activity(client, db, headers)
    await upload(client, activity, jpeg(), headers, (child,))
    day = timedelta(days=1)
    for first, last, count in ((TODAY, TODAY, 1), (TODAY - 5 * day, TODAY - day, 0),
                               (TODAY - 5 * day, TODAY, 1)):
        assert len(images(await pdf(client, child, first, last), tmp_path)) == count


async def test_withdrawn_consent_takes_the_photos_out_of_the_pdf(
        client: httpx.AsyncClient, db: AsyncSession, tmp_path: Path) -> None:
    headers = await staff(client)
    child = await emma(db)
    activity = await new_activity(client, db, headers)
    await upload(client, activity, jpeg(), headers, (child,))
    written = await client.post("/api/v1/diary/entries", headers=headers, json={
        "child_ids": [child], "date": TODAY.isoformat(), "kind": "verslag",
        "text": "Naar het bos geweest."})
    assert written.status_code == 201, written.text
    # Withdrawn by a parent on Gegevens (docs/api.md, "Personal data").
    withdrawn = await client.put(
        f"/api/v1/personal-data/children/{child}/photo-consent",
        headers=await parent(client, SANNE),
        json={"portal": False, "website": True, "social_media": False})
    assert withdrawn.status_code == 200, withdrawn.text
    answer = await pdf(client, child)
    assert images(answer, tmp_path) == []
    text = text_of(answer, tmp_path)
    assert "Naar het bos geweest." in text and "Foto's" not in text


async def test_a_day_of_twelve_photos_fits_three_rows_on_one_page(
        client: httpx.AsyncClient, db: AsyncSession, tmp_path: Path) -> None:
    headers = await staff(client)
    child = await emma(db)
    activity = await new_activity(client, db, headers)
    for n in range(12):
        portrait = n % 3 == 0
        answer = await upload(client, activity, jpeg(*((80, 120) if portrait else (120, 80)),
                                                    colour=("red", "green")[n % 2]),
                              headers, (child,))
        assert answer.status_code == 201, answer.text
    drawn = images(await pdf(client, child), tmp_path)
    assert len(drawn) == 12
    assert {row[0] for row in drawn} == {"1"}  # every photo on the first page
    assert await db.scalar(select(Child.consent_portal).where(Child.id == child))
