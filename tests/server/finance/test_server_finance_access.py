"""Who sees what of the finances: the primary parent everything of its own family, the
secondary parent a refusal naming the primary parent, staff nothing, another family 404, and
nobody after the family's retention period. Every finance route is in the matrix."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest
from server_helpers import FATIMA, LOTTE, MANAGER, SANNE, THOMAS, tokens
from server_helpers import bearer as bearer_of
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession
from test_server_access_matrix import PROTECTED

from server.dates import add_months
from server.models import Child, Contract, User

# Finance routes with what each role gets: "ok", or the problem code of the refusal.
MATRIX = {
    ("GET", "/api/v1/finance"): {"primary": "ok", "secondary": "ok", "staff": "ok",
                                 "manager": "ok"},
    ("GET", "/api/v1/finance/tariffs"): {"primary": "ok", "secondary": "ok", "staff": "ok",
                                         "manager": "ok"},
    ("GET", "/api/v1/finance/invoices"): {
        "primary": "ok", "secondary": "finance_primary_parent_only", "staff": "forbidden",
        "manager": "forbidden"},
    ("GET", "/api/v1/finance/documents/{document_id}"): {
        "primary": "ok", "secondary": "finance_primary_parent_only", "staff": "forbidden",
        "manager": "forbidden"},
}
LOGINS = {"primary": SANNE, "secondary": THOMAS, "staff": FATIMA, "manager": MANAGER}


def test_every_finance_route_is_in_the_matrix() -> None:
    assert {r for r in PROTECTED if r[1].startswith("/api/v1/finance")} == set(MATRIX)


async def _bearer(client: httpx.AsyncClient, email: str) -> dict[str, str]:
    return bearer_of(await tokens(client, email))


async def _first_document(client: httpx.AsyncClient) -> dict:
    body = (await client.get("/api/v1/finance", headers=await _bearer(client, SANNE))).json()
    return body["documents"][0]


@pytest.mark.parametrize(("method", "path"), list(MATRIX))
@pytest.mark.parametrize("role", list(LOGINS))
async def test_finance_access_by_role(client: httpx.AsyncClient, method: str, path: str,
                                      role: str) -> None:
    document = await _first_document(client)
    url = path.replace("{document_id}", document["id"])
    response = await client.request(method, url, headers=await _bearer(client, LOGINS[role]))
    expected = MATRIX[(method, path)][role]
    if expected == "ok":
        assert response.status_code == 200, response.text
    else:
        assert (response.status_code, response.json()["code"]) == (403, expected)


async def test_the_secondary_parent_learns_who_may_see_the_documents(
        client: httpx.AsyncClient) -> None:
    thomas = await _bearer(client, THOMAS)
    listing = (await client.get("/api/v1/finance", headers=thomas)).json()
    assert listing["access"] == "primary_parent_only"
    assert listing["primary_parent_name"] == "Sanne de Vries"
    assert listing["documents"] == [] and listing["tariffs"]
    document = await _first_document(client)
    refused = await client.get(document["url"], headers=thomas)
    assert refused.json()["primary_parent_name"] == "Sanne de Vries"
    assert "Sanne de Vries" in refused.json()["detail"]


async def test_staff_see_tariffs_but_no_documents(client: httpx.AsyncClient) -> None:
    listing = (await client.get("/api/v1/finance",
                                headers=await _bearer(client, FATIMA))).json()
    assert (listing["access"], listing["documents"]) == ("none", [])
    assert listing["primary_parent_name"] is None


async def test_another_familys_document_is_not_found(client: httpx.AsyncClient) -> None:
    document = await _first_document(client)
    lotte = await _bearer(client, LOTTE)
    assert (await client.get(document["url"], headers=lotte)).json()["code"] == "not_found"
    own = (await client.get("/api/v1/finance", headers=lotte)).json()["documents"]
    assert own and document["id"] not in {d["id"] for d in own}
    unknown = await client.get("/api/v1/finance/documents/invoice-999999", headers=lotte)
    assert unknown.status_code == 404


async def test_documents_end_with_the_retention_period(client: httpx.AsyncClient,
                                                       db: AsyncSession, clock) -> None:  # noqa: ANN001
    lotte = await _bearer(client, LOTTE)
    assert (await client.get("/api/v1/finance/invoices", headers=lotte)).status_code == 200
    # her contract ended longer than 15 months ago: the same token gets no documents
    user = await db.scalar(select(User).where(User.email == LOTTE))
    ended = add_months(clock().date(), -15) - timedelta(days=1)
    await db.execute(update(Contract).where(Contract.child_id.in_(
        select(Child.id).where(Child.family_id == user.family_id))).values(end_date=ended))
    await db.commit()
    refused = await client.get("/api/v1/finance/invoices", headers=lotte)
    assert (refused.status_code, refused.json()["code"]) == (403, "account_expired")
    listing = await client.get("/api/v1/finance", headers=lotte)
    assert listing.json()["code"] == "account_expired"
