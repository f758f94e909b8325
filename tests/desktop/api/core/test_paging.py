"""The endpoint groups follow a paged list's cursors (docs/api.md, "Lists and paging"): the
services get the whole list, however many pages the portal cut it into."""

from __future__ import annotations

import httpx
import pytest

from desktop.api.core.errors import ServerError

ABSENCES = [{"id": n, "child_id": 1, "date": f"2026-04-{n:02d}", "day_part": "ochtend",
             "reason": "ziek", "note": None, "reported_by": "Sanne de Vries",
             "reported_at": "2026-03-02T09:00:00+01:00", "status": "active",
             "cancelled_at": None, "credit_minutes": None, "credit_expires_on": None}
            for n in range(1, 8)]
DOCUMENT = {"kind": "invoice", "period": "2026-03", "year": 2026, "number": "F2026-00001",
            "child_name": None, "care_type": None, "amount_cents": 100, "status": "open",
            "sha256": "a" * 64, "size": 10}


def paged(portal, path: str, name: str, items: list, size: int, **extra: object) -> None:
    """Serve ``items`` at ``path`` in pages of ``size``; the cursor is the next index."""
    def handler(request: httpx.Request) -> httpx.Response:
        start = int(request.url.params.get("cursor", "0"))
        following = start + size if start + size < len(items) else None
        return httpx.Response(200, json={name: items[start:start + size], **extra,
                                         "next_cursor": None if following is None
                                         else str(following)})

    portal.route("GET", path, handler)


async def test_a_list_is_collected_from_every_page_in_order(logged_in, portal) -> None:
    paged(portal, "/absences", "absences", ABSENCES, 3)
    absences = await logged_in.absences.list()
    assert [a.id for a in absences] == [1, 2, 3, 4, 5, 6, 7]
    asked = [r.url.params.get("cursor") for r in portal.sent("GET", "/absences")]
    assert asked == [None, "3", "6"]


async def test_filters_are_kept_on_every_page(logged_in, portal) -> None:
    requests = [{"id": n} for n in range(5)]
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        start = int(request.url.params.get("cursor", "0"))
        return httpx.Response(200, json={"requests": [], "next_cursor": None
                                         if start + 2 >= len(requests) else str(start + 2)})

    portal.route("GET", "/extra-days", handler)
    assert await logged_in.extra_days.list(status="pending") == []
    assert [r.url.params.get("status") for r in seen] == ["pending"] * 3


async def test_an_answer_without_a_cursor_is_the_whole_list(logged_in, portal) -> None:
    portal.route("GET", "/absences", lambda r: httpx.Response(200, json={
        "absences": ABSENCES[:2]}))
    assert [a.id for a in await logged_in.absences.list()] == [1, 2]
    assert len(portal.sent("GET", "/absences")) == 1


async def test_a_portal_that_repeats_a_page_is_a_server_error_not_a_hang(
        logged_in, portal) -> None:
    portal.route("GET", "/absences", lambda r: httpx.Response(200, json={
        "absences": ABSENCES[:1], "next_cursor": "again"}))
    with pytest.raises(ServerError) as raised:
        await logged_in.absences.list()
    assert raised.value.code == "invalid_response"
    assert len(portal.sent("GET", "/absences")) == 2


async def test_the_finance_overview_holds_the_documents_of_every_page(logged_in,
                                                                      portal) -> None:
    documents = [{**DOCUMENT, "id": f"invoice-{n}",
                  "url": f"/api/v1/finance/documents/invoice-{n}"} for n in range(5)]
    paged(portal, "/finance", "documents", documents, 2, access="granted",
          primary_parent_name="Sanne de Vries", tariffs=[], cursor="listing-1",
          preparing=True)
    overview = await logged_in.finance.overview()
    assert [d.id for d in overview.documents] == [f"invoice-{n}" for n in range(5)]
    assert (overview.cursor, overview.preparing) == ("listing-1", True)
    assert len(portal.sent("GET", "/finance")) == 3


async def test_an_unchanged_finance_overview_is_one_request(logged_in, portal) -> None:
    portal.route("GET", "/finance", lambda r: httpx.Response(200, json={
        "unchanged": True, "cursor": "listing-1"}))
    assert await logged_in.finance.overview("listing-1") is None
    [request] = portal.sent("GET", "/finance")
    assert request.url.params["cursor"] == "listing-1"


def a_photo_json(n: int) -> dict:
    from datetime import UTC, date, datetime

    from desktop.api.photos.records import Photo, PhotoFile, Rendition, rendition_values

    files = {r: PhotoFile("image/jpeg", 1000, f"{n:064x}") for r in Rendition}
    return Photo(n, 1, "Herfstwandeling", None, date(2026, 11, 3), 640, 480, (1,),
                 datetime(2026, 11, 3, tzinfo=UTC), rendition_values(files)).to_json()


async def test_the_photo_listing_holds_every_page_built_off_the_event_loop(logged_in,
                                                                           portal) -> None:
    # Each page's records are built in a worker thread: the listing is the same, in order,
    # and a page that does not fit is still the portal's error, not a crash.
    paged(portal, "/photos", "photos", [a_photo_json(n) for n in range(1, 6)], 2,
          available_until="2027-01-31")
    listing = await logged_in.photos.listing()
    assert [p.id for p in listing.photos] == [1, 2, 3, 4, 5]
    assert str(listing.available_until) == "2027-01-31"
    paged(portal, "/photos", "photos", [a_photo_json(1), {"id": "not a photo"}], 1)
    with pytest.raises(ServerError):
        await logged_in.photos.listing()
