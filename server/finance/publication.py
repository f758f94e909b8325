"""Publishing a family's finance documents: render what changed, once, off the request path.

Whatever changes what is printed on a family's documents calls `request_publication` in its
own transaction (the billing run and the demo today; later a payment, a contract that ends;
`enqueue_year_end` for the jaaropgaven of a finished year). A publisher — the background task
of a server process or `ouderportaal-server publish` (server.finance.publisher) — then calls
`publish_family`:

1. claim the family's queue row (a lease, so two publishers never render the same family and a
   crashed one is taken over after `LEASE`);
2. read the family's finance data and plan its documents; render (in a thread) only those whose
   fingerprint changed, and put their bytes in the blob store under their SHA-256;
3. in one short transaction, write the listing rows and drop the queue row — unless the family
   was asked for again meanwhile, then it stays queued for another round;
4. delete the blobs no row names any more.

No transaction is open while PDFs render (on SQLite that would hold the write lock for
seconds). The listing never renders: it shows the stored rows and says `preparing` while the
family is queued.
"""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Iterable
from datetime import date, datetime, timedelta

from sqlalchemy import case, delete, exists, extract, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from server.blobs import BlobStore
from server.config import utc_now
from server.db import dialect_insert
from server.finance.documents import PlannedDocument, plan_documents, render
from server.finance.statements import family_finance
from server.models import DocumentPublication, Invoice, InvoiceLine, StoredDocument

# How long a claim holds: longer than publishing one family takes (a few seconds for a family
# with a hundred documents on a busy machine).
LEASE = timedelta(minutes=5)


def blob_key(sha256: str) -> str:
    """Content-addressed: a new version of a document is a new key, so a download that started
    on the old bytes never reads a mix."""
    return f"finance/{sha256[:2]}/{sha256}.pdf"


async def request_publication(db: AsyncSession, family_ids: Iterable[int],
                              now: datetime) -> None:
    """Queue the families for publishing, in the caller's transaction (the caller commits)."""
    rows = [{"family_id": family_id, "requested_at": now} for family_id in set(family_ids)]
    if not rows:
        return
    insert = dialect_insert(db)(DocumentPublication)
    await db.execute(insert.values(rows).on_conflict_do_update(
        index_elements=["family_id"], set_={"requested_at": insert.excluded.requested_at}))


async def mark_wanted(db: AsyncSession, family_id: int, now: datetime) -> None:
    """A listing found the family queued: publish it before families nobody is looking at."""
    await db.execute(update(DocumentPublication).where(
        DocumentPublication.family_id == family_id, DocumentPublication.wanted_at.is_(None))
        .values(wanted_at=now))


async def enqueue_year_end(db: AsyncSession, today: date, now: datetime) -> int:
    """Queue the families that have invoice lines in last year but no jaaropgave of it yet
    (jaaropgaven exist for finished years only); the caller commits. Returns how many."""
    year = today.year - 1
    families = (await db.scalars(
        select(Invoice.family_id).distinct()
        .join(InvoiceLine, InvoiceLine.invoice_id == Invoice.id)
        .where(extract("year", InvoiceLine.first_date) == year,
               ~exists().where(StoredDocument.family_id == Invoice.family_id,
                               StoredDocument.kind == "jaaropgave",
                               StoredDocument.year == year)))).all()
    await request_publication(db, families, now)
    return len(families)


async def waiting_families(db: AsyncSession, now: datetime, limit: int, *,
                           only_wanted: bool = False) -> list[int]:
    """Families queued and not claimed by a live publisher: wanted ones first, then oldest."""
    query = select(DocumentPublication.family_id)
    if only_wanted:
        query = query.where(DocumentPublication.wanted_at.is_not(None))
    return list((await db.scalars(
        query.where(or_(DocumentPublication.claimed_at.is_(None),
                        DocumentPublication.claimed_at < now - LEASE))
        .order_by(case((DocumentPublication.wanted_at.is_(None), 1), else_=0),
                  DocumentPublication.wanted_at, DocumentPublication.requested_at,
                  DocumentPublication.family_id)
        .limit(limit))).all())


async def publish_family(sessionmaker: async_sessionmaker[AsyncSession], blobs: BlobStore,
                         family_id: int, today: date, now: datetime) -> bool:
    """Publish one queued family's documents (the steps in the module's docstring). False when
    the family was not queued or another publisher holds it."""
    async with sessionmaker() as db:
        requested_at = await db.scalar(
            update(DocumentPublication)
            .where(DocumentPublication.family_id == family_id,
                   or_(DocumentPublication.claimed_at.is_(None),
                       DocumentPublication.claimed_at < now - LEASE))
            .values(claimed_at=now).returning(DocumentPublication.requested_at))
        await db.commit()
        if requested_at is None:
            return False
        planned = plan_documents(await family_finance(db, family_id, today))
        fingerprints = dict((await db.execute(
            select(StoredDocument.key, StoredDocument.fingerprint)
            .where(StoredDocument.family_id == family_id))).all())
        await db.rollback()  # end the read transaction before the slow part
    made = {}
    for document in planned:
        if fingerprints.get(document.key) != document.fingerprint:
            made[document.key] = await _store_pdf(blobs, document)
    async with sessionmaker() as db:
        old_blobs = await _write_rows(db, family_id, planned, made, now)
        done = await db.execute(delete(DocumentPublication).where(
            DocumentPublication.family_id == family_id,
            DocumentPublication.requested_at == requested_at))
        if done.rowcount == 0:  # asked for again while rendering: another round
            await db.execute(update(DocumentPublication).where(
                DocumentPublication.family_id == family_id).values(claimed_at=None))
        await db.commit()
        for key in old_blobs:
            if not await db.scalar(select(exists().where(StoredDocument.blob_key == key))):
                await blobs.delete(key)
    return True


async def _store_pdf(blobs: BlobStore, document: PlannedDocument) -> tuple[str, str, int]:
    content = await asyncio.to_thread(render, document)
    sha256 = hashlib.sha256(content).hexdigest()
    info = await blobs.put(blob_key(sha256), content)
    return info.key, info.sha256, info.size


async def _write_rows(db: AsyncSession, family_id: int, planned: list[PlannedDocument],
                      made: dict[str, tuple[str, str, int]], now: datetime) -> set[str]:
    """Bring the family's rows to the plan; returns the blob keys that rows stopped naming."""
    rows = {row.key: row for row in await db.scalars(
        select(StoredDocument).where(StoredDocument.family_id == family_id))}
    dropped = set()
    for position, document in enumerate(planned):
        row = rows.pop(document.key, None)
        if row is None:
            row = StoredDocument(key=document.key, family_id=family_id)
            db.add(row)
        if document.key in made:
            if row.blob_key is not None and row.blob_key != made[document.key][0]:
                dropped.add(row.blob_key)
            row.blob_key, row.sha256, row.size = made[document.key]
            row.fingerprint, row.published_at = document.fingerprint, now
        for name, value in document.listing.items():
            if name != "id":
                setattr(row, name, value)
        row.position = position
    for gone in rows.values():  # no longer in the plan (a document that stopped existing)
        dropped.add(gone.blob_key)
        await db.delete(gone)
    return dropped


async def publish_families(sessionmaker: async_sessionmaker[AsyncSession], blobs: BlobStore,
                           family_ids: Iterable[int], today: date,
                           now: datetime | None = None) -> int:
    """Queue and publish these families now, one after another (the demo logins' families in
    the test templates, the load benchmark's parents); returns how many were published."""
    now = now or utc_now()
    family_ids = list(family_ids)
    async with sessionmaker() as db:
        await request_publication(db, family_ids, now)
        await db.commit()
    published = 0
    for family_id in family_ids:
        published += await publish_family(sessionmaker, blobs, family_id, today, now)
    return published


async def queued_count(db: AsyncSession) -> int:
    return await db.scalar(select(func.count()).select_from(DocumentPublication)) or 0
