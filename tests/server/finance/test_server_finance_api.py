"""The finance API: the sync listing with its cursor, tariffs, invoices, and the document
download with SHA-256, ETag (304) and Range (206/416) — on SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib

import httpx
from server_helpers import SANNE, both_databases, tokens
from server_helpers import bearer as bearer_of

pytestmark = both_databases


async def bearer(client: httpx.AsyncClient, email: str = SANNE) -> dict[str, str]:
    return bearer_of(await tokens(client, email))


async def test_the_primary_parent_lists_every_document_with_hash_size_and_etag(
        client: httpx.AsyncClient) -> None:
    auth = await bearer(client)
    body = (await client.get("/api/v1/finance", headers=auth)).json()
    assert (body["access"], body["primary_parent_name"]) == ("granted", "Sanne de Vries")
    kinds = {d["kind"] for d in body["documents"]}
    assert kinds == {"invoice", "jaaropgave", "contract"}
    invoice = next(d for d in body["documents"] if d["kind"] == "invoice")
    assert invoice["number"].startswith("F2026-") and invoice["period"] == "2026-03"
    assert invoice["status"] == "open" and invoice["amount_cents"] > 0
    jaaropgaven = {(d["child_name"], d["year"]) for d in body["documents"]
                   if d["kind"] == "jaaropgave"}
    assert {("Emma", 2025), ("Daan", 2025)} <= jaaropgaven
    for document in body["documents"][:3] + body["documents"][-2:]:
        response = await client.get(document["url"], headers=auth)
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/pdf"
        assert response.content.startswith(b"%PDF-")
        assert hashlib.sha256(response.content).hexdigest() == document["sha256"]
        assert len(response.content) == document["size"]
        assert response.headers["etag"] == document["etag"] == f'"{document["sha256"]}"'
        assert response.headers["x-content-sha256"] == document["sha256"]
    tariffs = {(t["year"], t["care_type"]): t for t in body["tariffs"]}
    assert tariffs[(2026, "KDV")] == {"year": 2026, "care_type": "KDV",
                                      "hourly_rate_cents": 1149, "max_hourly_rate_cents": 1123}
    assert tariffs[(2025, "BSO")]["max_hourly_rate_cents"] == 952


async def test_an_unchanged_set_costs_one_small_answer(client: httpx.AsyncClient) -> None:
    auth = await bearer(client)
    first = (await client.get("/api/v1/finance", headers=auth)).json()
    again = await client.get("/api/v1/finance", params={"cursor": first["cursor"]},
                             headers=auth)
    assert again.json() == {"unchanged": True, "cursor": first["cursor"]}
    assert len(again.content) < 100
    # the same documents keep the same bytes: a second listing has the same hashes
    stale = await client.get("/api/v1/finance", params={"cursor": "old"}, headers=auth)
    assert stale.json()["documents"] == first["documents"]


async def test_etag_gives_304_and_range_resumes_with_206(client: httpx.AsyncClient) -> None:
    auth = await bearer(client)
    document = (await client.get("/api/v1/finance", headers=auth)).json()["documents"][0]
    whole = (await client.get(document["url"], headers=auth)).content
    unchanged = await client.get(document["url"],
                                 headers={**auth, "If-None-Match": document["etag"]})
    assert (unchanged.status_code, unchanged.content) == (304, b"")
    other = await client.get(document["url"], headers={**auth, "If-None-Match": '"abc"'})
    assert other.status_code == 200

    size = document["size"]
    head = await client.get(document["url"], headers={**auth, "Range": "bytes=0-999"})
    tail = await client.get(document["url"], headers={**auth, "Range": "bytes=1000-"})
    assert (head.status_code, tail.status_code) == (206, 206)
    assert head.headers["content-range"] == f"bytes 0-999/{size}"
    assert tail.headers["content-range"] == f"bytes 1000-{size - 1}/{size}"
    assert head.content + tail.content == whole
    suffix = await client.get(document["url"], headers={**auth, "Range": "bytes=-10"})
    assert suffix.content == whole[-10:]
    past = await client.get(document["url"], headers={**auth, "Range": f"bytes={size}-"})
    assert past.status_code == 416
    assert past.headers["content-range"] == f"bytes */{size}"
    # a resume against another version gets the whole current document, never a mix
    moved = await client.get(document["url"], headers={**auth, "Range": "bytes=1000-",
                                                        "If-Range": '"other"'})
    assert (moved.status_code, moved.content) == (200, whole)


async def test_invoices_list_their_lines_and_totals(client: httpx.AsyncClient) -> None:
    auth = await bearer(client)
    invoices = (await client.get("/api/v1/finance/invoices", headers=auth)).json()["invoices"]
    newest = invoices[0]
    assert newest["period"] == "2026-03" and newest["payment_method"] == "direct_debit"
    assert newest["mandate_reference"]
    assert newest["total_cents"] == sum(line["amount_cents"] for line in newest["lines"])
    assert {line["child_name"] for line in newest["lines"]} == {"Emma", "Daan"}
    assert newest["document"]["id"] == f"invoice-{newest['id']}"
    assert [i["status"] for i in invoices[1:3]] == ["paid", "paid"]


async def test_tariffs_are_for_every_logged_in_user(client: httpx.AsyncClient) -> None:
    for email in (SANNE, "thomas.devries@voorbeeld.nl", "fatima.elamrani@voorbeeld.nl"):
        body = (await client.get("/api/v1/finance/tariffs",
                                 headers=await bearer(client, email))).json()
        assert len(body["tariffs"]) == 6
