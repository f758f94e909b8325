"""The diary (docs/api.md, "Group day and diary"): staff write the day, parents read it and add
notes; the rhythm's bounds; who may change what; the paged history and the sync."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from diary_helpers import MONDAY, SATURDAY, attend, auth, code, diary, emma, group_id, write
from server_helpers import FATIMA, MANAGER, SANNE, THOMAS, both_databases
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from server.models import Child, DiaryEntry

pytestmark = both_databases
MARLOES = "marloes.smulders@voorbeeld.nl"  # staff of Regenboog


async def test_the_parent_reads_the_staff_report_with_the_writer_and_the_arrival(
        client: httpx.AsyncClient, db: AsyncSession) -> None:
    child = await emma(client)
    await attend(client, FATIMA, child, await group_id(db), arrived_at="08:05")
    assert (await write(client, FATIMA, [child], "verslag",
                        text="Emma heeft fijn gespeeld.\n\nZe at alles op.")).status_code == 201
    assert (await write(client, FATIMA, [child], "drinken", time="08:30",
                        details={"ml": 180})).status_code == 201
    for parent in (SANNE, THOMAS):
        [day] = (await diary(client, parent, child, date=MONDAY)).json()["days"]
        assert day["arrived_at"] == "08:05" and day["left_at"] is None
        texts = [(e["kind"], e["author_name"], e["author_role"]) for e in day["entries"]]
        assert texts == [("verslag", "Fatima El Amrani", "staff"),
                         ("drinken", "Fatima El Amrani", "staff")]
        assert day["entries"][0]["text"] == "Emma heeft fijn gespeeld.\n\nZe at alles op."
        assert day["entries"][1]["details"] == {"ml": 180}


async def test_one_entry_for_several_children_at_once(client: httpx.AsyncClient,
                                                      db: AsyncSession) -> None:
    group = await group_id(db)
    others = (await client.get("/api/v1/group-day", headers=await auth(client, FATIMA),
                               params={"group_id": group, "date": MONDAY})).json()["children"]
    ids = [c["child_id"] for c in others][:3]
    written = await write(client, FATIMA, ids, "eten", time="09:00",
                          details={"what": "fruit", "amount": "alles"})
    assert written.status_code == 201, written.text
    assert sorted(e["child_id"] for e in written.json()["entries"]) == sorted(ids)


@pytest.mark.parametrize(("kind", "fields", "accepted"), [
    ("temperatuur", {"details": {"celsius": 34.0}}, True),
    ("temperatuur", {"details": {"celsius": 33.9}}, False),
    ("temperatuur", {"details": {"celsius": 42.5}}, True),
    ("temperatuur", {"details": {"celsius": 42.6}}, False),
    ("slapen", {"time": "08:00", "details": {"until": "08:01"}}, True),
    ("slapen", {"time": "08:00", "details": {"until": "08:00"}}, False),
    ("slapen", {"time": "08:00", "details": {"until": "8:30"}}, False),
    ("drinken", {"details": {"ml": 1000}}, True),
    ("drinken", {"details": {"ml": 1001}}, False),
    ("drinken", {"details": {"ml": 0}}, False),
    ("luier", {"details": {"kind": "nat"}}, True),
    ("luier", {"details": {"kind": "groen"}}, False),
    ("eten", {"details": {"what": "brood"}}, False),
    ("activiteit", {}, False),
    ("zonnebrand", {}, True),
], ids=lambda v: str(v))
async def test_rhythm_bounds(client: httpx.AsyncClient, kind: str, fields: dict,
                             accepted: bool) -> None:
    response = await write(client, FATIMA, [await emma(client)], kind,
                           **{"time": "08:00", **fields})
    assert (response.status_code == 201) is accepted, response.text
    if not accepted:
        assert code(response) == (422, "validation_error")


async def test_a_rhythm_entry_needs_a_time_that_has_come(client: httpx.AsyncClient) -> None:
    child = await emma(client)
    assert code(await write(client, FATIMA, [child], "zonnebrand")) == (422, "validation_error")
    assert code(await write(client, FATIMA, [child], "zonnebrand", time="09:01")) == \
        (422, "diary_in_future")
    assert (await write(client, FATIMA, [child], "zonnebrand", time="09:00")).status_code == 201
    assert code(await write(client, FATIMA, [child], "verslag", day=SATURDAY, text="x")) == \
        (422, "diary_day_closed")
    assert (await write(client, MANAGER, [child], "verslag", day=SATURDAY,
                        text="x")).status_code == 201


async def test_parents_write_notes_only(client: httpx.AsyncClient) -> None:
    child = await emma(client)
    assert code(await write(client, SANNE, [child], "verslag", text="x")) == (403, "forbidden")
    note = await write(client, THOMAS, [child], "notitie", time="07:00",
                       text="Slecht geslapen vannacht")
    assert note.status_code == 201, note.text
    assert note.json()["entries"][0]["author_role"] == "parent"
    # The group's staff see it.
    [day] = (await diary(client, FATIMA, child, date=MONDAY)).json()["days"]
    assert [e["text"] for e in day["entries"]] == ["Slecht geslapen vannacht"]
    # A note may announce the coming week, not further.
    assert (await write(client, SANNE, [child], "notitie", day="2026-03-09", time="16:00",
                        text="Oma haalt op")).status_code == 201
    assert code(await write(client, SANNE, [child], "notitie", day="2026-03-10", time="16:00",
                            text="Oma haalt op")) == (422, "diary_in_future")


async def test_nobody_changes_anothers_entry_and_the_author_may(
        client: httpx.AsyncClient) -> None:
    child = await emma(client)
    staff = (await write(client, FATIMA, [child], "verslag", text="Rustige dag")).json()[
        "entries"][0]["id"]
    parent = (await write(client, SANNE, [child], "notitie", time="07:00",
                          text="Oma haalt op")).json()["entries"][0]["id"]
    edit = {"kind": "notitie", "time": "07:00", "text": "Opa haalt op"}
    for entry, email in ((staff, SANNE), (parent, FATIMA), (parent, THOMAS)):
        assert code(await client.patch(f"/api/v1/diary/entries/{entry}", json=edit,
                                       headers=await auth(client, email))) == (403, "forbidden")
        assert code(await client.delete(f"/api/v1/diary/entries/{entry}",
                                        headers=await auth(client, email))) == (403, "forbidden")
    edited = await client.patch(f"/api/v1/diary/entries/{parent}", json=edit,
                                headers=await auth(client, SANNE))
    assert edited.status_code == 200 and edited.json()["edited"] is True
    gone = await client.delete(f"/api/v1/diary/entries/{staff}",
                               headers=await auth(client, FATIMA))
    assert gone.status_code == 200 and gone.json()["deleted"] is True
    [day] = (await diary(client, SANNE, child, date=MONDAY)).json()["days"]
    assert [(e["text"], e["edited"]) for e in day["entries"]] == [("Opa haalt op", True)]


async def test_medication_only_with_the_familys_consent(client: httpx.AsyncClient,
                                                        db: AsyncSession) -> None:
    child = await emma(client)
    dose = {"time": "08:00", "details": {"name": "Paracetamol", "dose": "120 mg"}}
    assert code(await write(client, FATIMA, [child], "medicatie", **dose)) == \
        (422, "diary_medication_no_consent")
    await db.execute(update(Child).where(Child.id == child).values(consent_medication=True))
    await db.commit()
    assert (await write(client, FATIMA, [child], "medicatie", **dose)).status_code == 201


async def test_the_sync_sends_only_the_days_changed_since_and_the_deletions(
        client: httpx.AsyncClient) -> None:
    child = await emma(client)
    first = (await diary(client, SANNE, child)).json()
    revision = first["revision"]
    unchanged = (await diary(client, SANNE, child, since=revision)).json()
    assert unchanged == {"days": [], "revision": revision, "next_cursor": None}
    entry = (await write(client, FATIMA, [child], "verslag", text="Goed")).json()[
        "entries"][0]["id"]
    changed = (await diary(client, SANNE, child, since=revision)).json()
    assert [d["date"] for d in changed["days"]] == [MONDAY]
    assert changed["revision"] == revision + 1
    await client.delete(f"/api/v1/diary/entries/{entry}", headers=await auth(client, FATIMA))
    after_delete = (await diary(client, SANNE, child, since=changed["revision"])).json()
    # The day comes whole, without the deleted entry (its arrival, if any, stays).
    assert [(d["date"], d["entries"]) for d in after_delete["days"]] == [(MONDAY, [])]


async def test_the_history_pages_newest_day_first(client: httpx.AsyncClient,
                                                  db: AsyncSession) -> None:
    child = await emma(client)
    for day in ("2026-02-26", "2026-02-27", SATURDAY, MONDAY):
        assert (await write(client, MANAGER, [child], "verslag", day=day,
                            text=f"Dag {day}")).status_code == 201
    days, cursor = [], None
    while True:
        page = (await diary(client, SANNE, child, limit=2,
                            **({"cursor": cursor} if cursor else {}))).json()
        assert len(page["days"]) <= 2
        days += [d["date"] for d in page["days"]]
        if (cursor := page["next_cursor"]) is None:
            break
    assert days == sorted(set(days), reverse=True)
    assert {MONDAY, SATURDAY, "2026-02-27", "2026-02-26"} <= set(days)


async def test_staff_see_no_child_of_another_group(client: httpx.AsyncClient) -> None:
    child = await emma(client)
    assert code(await diary(client, MARLOES, child)) == (404, "not_found")
    assert code(await write(client, MARLOES, [child], "verslag", text="x")) == \
        (404, "not_found")


async def test_concurrent_writes_with_one_key_write_once(client: httpx.AsyncClient,
                                                         db: AsyncSession) -> None:
    child = await emma(client)
    headers = {**await auth(client, SANNE), "Idempotency-Key": "diary-once"}
    body = {"child_ids": [child], "date": MONDAY, "kind": "notitie", "time": "07:00",
            "text": "Oma haalt op"}
    answers = await asyncio.gather(*[client.post("/api/v1/diary/entries", json=body,
                                                 headers=headers) for _ in range(5)])
    assert {a.status_code for a in answers} == {201}
    assert len({a.text for a in answers}) == 1
    assert await db.scalar(select(func.count()).select_from(DiaryEntry).where(
        DiaryEntry.text == "Oma haalt op")) == 1


async def test_the_diary_as_pdf_holds_the_days_of_the_period(client: httpx.AsyncClient,
                                                             db: AsyncSession,
                                                             tmp_path) -> None:  # noqa: ANN001
    import subprocess

    child = await emma(client)
    await attend(client, FATIMA, child, await group_id(db), arrived_at="08:05")
    await write(client, FATIMA, [child], "verslag", text="Emma heeft met klei gespeeld.")
    await write(client, FATIMA, [child], "temperatuur", time="08:30",
                details={"celsius": 37.8})
    await write(client, MANAGER, [child], "verslag", day=SATURDAY, text="Buiten de periode")
    response = await client.get("/api/v1/diary.pdf", headers=await auth(client, SANNE),
                                params={"child_id": child, "from": "2026-03-01",
                                        "to": MONDAY})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/pdf"
    assert 'filename="dagboek-emma-2026-03-01-2026-03-02.pdf"' in \
        response.headers["content-disposition"]
    path = tmp_path / "dagboek.pdf"
    path.write_bytes(response.content)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "Dagboek van Emma" in text and "maandag 2 maart 2026" in text
    assert "Gebracht om 08:05" in text and "Fatima El Amrani schreef:" in text
    assert "Emma heeft met klei gespeeld." in text and "Temperatuur: 37,8 °C" in text
    assert "Buiten de periode" not in text
    for last, accepted in (("2026-02-04", True), ("2026-02-05", False)):  # 400 days at most
        asked = await client.get("/api/v1/diary.pdf", headers=await auth(client, SANNE),
                                 params={"child_id": child, "from": "2025-01-01", "to": last})
        assert (asked.status_code == 200) is accepted
    assert code(asked) == (422, "agenda_range_invalid")
