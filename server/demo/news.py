"""The demo's news (docs/api.md, "Demo organisation"): one for the whole organisation, one for
the location of Emma's group (with a picture), one for Zonnetjes, and one scheduled for next
week; the organisation's carries a PDF."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from server.attachments import keep_blob
from server.blobs import BlobStore
from server.demo.files import one_page_pdf, picture, screen_picture
from server.models import (
    AudienceKind,
    CareGroup,
    NewsAudience,
    NewsFile,
    NewsFilePurpose,
    NewsItem,
    Organisation,
    User,
    staff_group,
)


async def add_demo_news(db: AsyncSession, today: date, blobs: BlobStore | None) -> None:
    organisation = await db.scalar(select(Organisation))
    manager = await db.scalar(select(User).where(User.email == "manager@voorbeeld.nl"))
    zonnetjes = await db.scalar(select(CareGroup).where(CareGroup.name == "Zonnetjes"))
    assert organisation is not None and manager is not None and zonnetjes is not None
    fatima = await db.scalar(select(User).join(staff_group, staff_group.c.user_id == User.id)
                             .where(staff_group.c.group_id == zonnetjes.id).order_by(User.id))
    assert fatima is not None

    def at(days: int, hour: int) -> datetime:
        return datetime.combine(today + timedelta(days=days), time(hour), tzinfo=UTC)

    for author, title, body, published, kind, target in [
        (manager, "Openingstijden rond de feestdagen",
         "<p>Op <b>24 en 31 december</b> sluiten al onze locaties om 17:00.</p>"
         "<p>Op eerste en tweede kerstdag en op nieuwjaarsdag zijn we dicht. Meer weten? "
         '<a href="https://www.zonnebloem-kinderopvang.nl/feestdagen">Lees het op onze '
         "website</a>.</p>", at(-6, 9), AudienceKind.ORGANISATION, organisation.id),
        (manager, "Nieuwe speeltuin in de tuin",
         "<p>De speeltuin achter de locatie is vernieuwd: een grotere zandbak, een "
         "glijbaan voor de kleinsten en schaduwdoeken voor warme dagen.</p>",
         at(-3, 10), AudienceKind.LOCATION, zonnetjes.location_id),
        (fatima, "Deze week bij de Zonnetjes",
         "<p>Deze week knutselen we met herfstbladeren en lezen we <i>Rupsje Nooitgenoeg</i>."
         "</p><ul><li>Woensdag: wandelen naar het park</li><li>Vrijdag: muziekochtend</li>"
         "</ul><p>Geef je kind laarsjes mee!</p>", at(-1, 8), AudienceKind.GROUP,
         zonnetjes.id),
        (manager, "Ouderavond in januari",
         "<p>In januari houden we een ouderavond over slapen en ritme. De uitnodiging volgt."
         "</p>", at(7, 9), AudienceKind.ORGANISATION, organisation.id),
    ]:
        item = NewsItem(organisation_id=organisation.id, author_id=author.id, title=title,
                        body=body, published_at=published, created_at=at(-7, 9))
        db.add(item)
        await db.flush()
        db.add(NewsAudience(news_id=item.id, kind=kind, target_id=target))
        if blobs is not None and title == "Openingstijden rond de feestdagen":
            await _attach_pdf(db, blobs, item, "Openingstijden feestdagen.pdf", title)
        if blobs is not None and title == "Nieuwe speeltuin in de tuin":
            await _attach_picture(db, blobs, item, "speeltuin.jpg")
    await db.flush()


async def _attach_pdf(db: AsyncSession, blobs: BlobStore, item: NewsItem, filename: str,
                      line: str) -> None:
    data = one_page_pdf(line)
    info = await keep_blob(blobs, "news", data, "pdf")
    db.add(NewsFile(news_id=item.id, purpose=NewsFilePurpose.ATTACHMENT,
                    uploaded_by=item.author_id, filename=filename,
                    media_type="application/pdf", size=info.size, sha256=info.sha256,
                    blob_key=info.key, uploaded_at=item.created_at))


async def _attach_picture(db: AsyncSession, blobs: BlobStore, item: NewsItem,
                          filename: str) -> None:
    # The new playground: a sunny sky over sand.
    data = picture(random.Random(2026), (170, 210, 245), (232, 204, 140))
    info, width, height = await screen_picture(blobs, "news", data)
    db.add(NewsFile(news_id=item.id, purpose=NewsFilePurpose.IMAGE,
                    uploaded_by=item.author_id, filename=filename, media_type="image/jpeg",
                    size=info.size, sha256=info.sha256, blob_key=info.key, width=width,
                    height=height, uploaded_at=item.created_at))
