"""Finance documents are published off the request path (docs/api.md, "Documents are
published"): a listing never renders and says `preparing` while its family waits; changed data
makes a new version once, the old bytes go; a family asked for again while rendering is
published again; a claim keeps a second publisher away until its lease ends; the turn of the
year queues the jaaropgaven; the demo's server renders only what someone opens."""

from __future__ import annotations

import asyncio
import io
from datetime import date, datetime, timedelta

import httpx
import pytest
from pypdf import PdfReader
from server_helpers import SANNE, TODAY, bearer, both_databases, tokens
from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from server.blobs import BlobInfo, BlobStore
from server.cli import main
from server.config import AMSTERDAM
from server.db import create_engine, create_sessionmaker
from server.finance import publication
from server.finance import publisher as publisher_module
from server.finance.publication import (
    LEASE,
    enqueue_year_end,
    publish_family,
    request_publication,
    waiting_families,
)
from server.finance.publisher import DocumentPublisher
from server.models import (
    DocumentPublication,
    Invoice,
    InvoiceStatus,
    Role,
    StoredDocument,
    User,
)

pytestmark = both_databases


@pytest.fixture
def renders(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The documents rendered while the test runs, by key."""
    made: list[str] = []
    real = publication.render

    def counting(document):  # noqa: ANN001, ANN202
        made.append(document.key)
        return real(document)

    monkeypatch.setattr(publication, "render", counting)
    return made


async def queued_parent(db: AsyncSession) -> User:
    """A primary parent whose family's documents wait to be published (the demo's other
    families: only the demo logins' ones are published in the test template)."""
    waiting = select(DocumentPublication.family_id)
    return await db.scalar(select(User).where(User.role == Role.PRIMARY_PARENT,
                                              User.family_id.in_(waiting)).order_by(User.id))


async def test_a_listing_never_renders_and_says_preparing_until_the_family_is_published(
        app, client: httpx.AsyncClient, db: AsyncSession, renders: list[str]) -> None:  # noqa: ANN001
    parent = await queued_parent(db)
    headers = bearer(await tokens(client, parent.email))
    waiting = (await client.get("/api/v1/finance", headers=headers)).json()
    assert (waiting["documents"], waiting["preparing"]) == ([], True)
    invoices = (await client.get("/api/v1/finance/invoices", headers=headers)).json()
    assert invoices["invoices"] and {i["document"] for i in invoices["invoices"]} == {None}
    assert renders == []  # nothing rendered on the request path
    # The listing asked for this family: it goes before the families nobody looks at.
    settings = app.state.settings
    assert (await waiting_families(db, settings.now(), 1))[0] == parent.family_id

    assert await publish_family(app.state.sessionmaker, app.state.blobs, parent.family_id,
                                settings.today(), settings.now())
    ready = (await client.get("/api/v1/finance", headers=headers,
                              params={"cursor": waiting["cursor"]})).json()
    assert ready["preparing"] is False and ready["documents"]
    assert sorted(renders) == sorted(d["id"] for d in ready["documents"])
    for document in ready["documents"][:3]:
        pdf = await client.get(document["url"], headers=headers)
        assert (pdf.status_code, len(pdf.content)) == (200, document["size"])
    invoice = (await client.get("/api/v1/finance/invoices", headers=headers)).json()
    assert invoice["invoices"][0]["document"]["id"] == f"invoice-{invoice['invoices'][0]['id']}"


async def test_a_payment_makes_one_new_version_and_the_old_bytes_go(
        app, client: httpx.AsyncClient, db: AsyncSession, renders: list[str]) -> None:  # noqa: ANN001
    headers = bearer(await tokens(client, SANNE))
    before = (await client.get("/api/v1/finance", headers=headers)).json()
    newest = next(d for d in before["documents"] if d["kind"] == "invoice")
    assert newest["status"] == "open"
    old = await db.get(StoredDocument, newest["id"])
    old_blob = old.blob_key
    invoice = await db.get(Invoice, int(newest["id"].removeprefix("invoice-")))
    invoice.status, invoice.paid_on = InvoiceStatus.PAID, TODAY
    settings = app.state.settings
    await request_publication(db, [invoice.family_id], settings.now())
    await db.commit()
    # Until the publisher has been, the listing shows the old version and says more is coming.
    meanwhile = (await client.get("/api/v1/finance", headers=headers)).json()
    assert meanwhile["preparing"] is True
    assert next(d for d in meanwhile["documents"] if d["id"] == newest["id"]) == newest

    await publish_family(app.state.sessionmaker, app.state.blobs, invoice.family_id,
                         settings.today(), settings.now())
    after = (await client.get("/api/v1/finance", headers=headers)).json()
    paid = next(d for d in after["documents"] if d["id"] == newest["id"])
    assert (paid["status"], after["preparing"]) == ("paid", False)
    assert paid["sha256"] != newest["sha256"]
    assert renders == [newest["id"]]  # only what changed was rendered
    assert not await app.state.blobs.exists(old_blob)
    others = [(d["id"], d["sha256"]) for d in after["documents"] if d["id"] != newest["id"]]
    assert others == [(d["id"], d["sha256"]) for d in before["documents"]
                      if d["id"] != newest["id"]]
    pdf = (await client.get(paid["url"], headers=headers)).content
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "betaald" in text


class AskingAgain:
    """A blob store that queues the family again while its first PDF is being stored: the
    data changed while the publisher rendered."""

    def __init__(self, inner: BlobStore, app, family_id: int) -> None:  # noqa: ANN001
        self._inner, self._app, self._family_id, self.asked = inner, app, family_id, False

    async def put(self, key: str, data: bytes) -> BlobInfo:
        if not self.asked:
            self.asked = True
            async with self._app.state.sessionmaker() as db:
                later = self._app.state.settings.now() + timedelta(seconds=1)
                await request_publication(db, [self._family_id], later)
                await db.commit()
        return await self._inner.put(key, data)

    def __getattr__(self, name: str):  # noqa: ANN204 - open, delete, exists
        return getattr(self._inner, name)


async def test_a_family_asked_for_again_while_rendering_stays_queued(
        app, db: AsyncSession) -> None:  # noqa: ANN001
    parent = await queued_parent(db)
    settings = app.state.settings
    store = AskingAgain(app.state.blobs, app, parent.family_id)
    assert await publish_family(app.state.sessionmaker, store, parent.family_id,
                                settings.today(), settings.now())
    row = await db.get(DocumentPublication, parent.family_id, populate_existing=True)
    assert row is not None and row.claimed_at is None  # another round, free to take
    assert await publish_family(app.state.sessionmaker, app.state.blobs, parent.family_id,
                                settings.today(), settings.now())
    assert await db.get(DocumentPublication, parent.family_id, populate_existing=True) is None


async def test_a_claim_keeps_another_publisher_away_until_its_lease_ends(
        app, db: AsyncSession, clock) -> None:  # noqa: ANN001
    parent = await queued_parent(db)
    await db.execute(update(DocumentPublication).where(
        DocumentPublication.family_id == parent.family_id).values(claimed_at=clock()))
    await db.commit()
    settings = app.state.settings
    within = clock() + LEASE - timedelta(seconds=1)
    assert parent.family_id not in await waiting_families(db, within, 100)
    assert not await publish_family(app.state.sessionmaker, app.state.blobs, parent.family_id,
                                    settings.today(), within)
    after = clock() + LEASE + timedelta(seconds=1)  # that publisher died: take over
    assert parent.family_id in await waiting_families(db, after, 100)
    assert await publish_family(app.state.sessionmaker, app.state.blobs, parent.family_id,
                                settings.today(), after)


async def test_the_turn_of_the_year_queues_the_missing_jaaropgaven_once(
        app, db: AsyncSession) -> None:  # noqa: ANN001
    sanne = await db.scalar(select(User).where(User.email == SANNE))
    new_year = date(TODAY.year + 1, 1, 2)
    now = datetime(new_year.year, 1, 2, 6, tzinfo=AMSTERDAM)
    assert await enqueue_year_end(db, new_year, now) > 0
    await db.commit()
    assert await db.get(DocumentPublication, sanne.family_id) is not None
    await publish_family(app.state.sessionmaker, app.state.blobs, sanne.family_id, new_year, now)
    kinds = set(await db.scalars(select(StoredDocument.key).where(
        StoredDocument.family_id == sanne.family_id, StoredDocument.kind == "jaaropgave",
        StoredDocument.year == TODAY.year)))
    assert len(kinds) == 2  # Emma's and Daan's of the year that just ended
    queued_before = set(await db.scalars(select(DocumentPublication.family_id)))
    await enqueue_year_end(db, new_year, now)
    await db.commit()
    assert sanne.family_id not in set(await db.scalars(
        select(DocumentPublication.family_id))) - queued_before


async def test_the_demo_server_publishes_only_what_someone_opens(
        app, client: httpx.AsyncClient, db: AsyncSession) -> None:  # noqa: ANN001
    parent = await queued_parent(db)
    queued = len(list(await db.scalars(select(DocumentPublication.family_id))))
    demo = DocumentPublisher(app.state.sessionmaker, app.state.blobs, app.state.settings,
                             only_wanted=True)
    assert await demo.publish_waiting() == 0  # nobody looked: nothing rendered
    await client.get("/api/v1/finance", headers=bearer(await tokens(client, parent.email)))
    assert await demo.publish_waiting() == 1
    left = list(await db.scalars(select(DocumentPublication.family_id)))
    assert len(left) == queued - 1 and parent.family_id not in left


def test_the_publish_command_publishes_what_waits(settings, monkeypatch: pytest.MonkeyPatch,  # noqa: ANN001
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("DATABASE_URL", settings.database_url)
    monkeypatch.setenv("OUDERPORTAAL_DATA_DIR", str(settings.data_dir))

    async def no_year_end(*_args: object) -> int:
        # The command runs on today's date; the demo's unpublished families would all be
        # queued for last year's jaaropgaven (test_the_turn_of_the_year_… covers that).
        return 0

    monkeypatch.setattr(publisher_module, "enqueue_year_end", no_year_end)

    async def keep_two() -> None:
        engine = create_engine(settings)
        async with create_sessionmaker(engine)() as db:
            families = list(await db.scalars(select(DocumentPublication.family_id)
                                             .order_by(DocumentPublication.family_id)))
            await db.execute(delete(DocumentPublication).where(
                DocumentPublication.family_id.in_(families[2:])))
            await db.commit()
        await engine.dispose()

    asyncio.run(keep_two())
    assert main(["publish"]) == 0
    assert "Documenten klaargezet voor 2 gezinnen." in capsys.readouterr().out
    assert main(["publish"]) == 0
    assert "Documenten klaargezet voor 0 gezinnen." in capsys.readouterr().out
