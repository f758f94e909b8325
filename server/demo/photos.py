"""Demo photos: a few activities of the Zonnetjes and De Ontdekkers with drawn pictures, put
through the same preparation as an upload (renditions, no metadata) into the blob store, and
tagged with the children whose families gave portal consent.

Only the app's demo (`ouderportaal --demo`) and `ouderportaal-server demo` add them, after the
demo database is built: the test suites' demo stays without photos, so a test that counts
photos starts from none (docs/api.md, "Demo organisation").
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from server.blobs import create_blob_store
from server.config import AMSTERDAM, Settings
from server.db import create_engine, create_sessionmaker
from server.demo.files import UPLOAD_LIMITS, picture
from server.models import Activity, CareGroup, Child, Contract, Photo, User, staff_group
from server.photos.images import prepare
from server.photos.store import store_photo

__all__ = ["add_demo_photos"]

# (group, days ago, title, caption, sky colour, ground colour)
ACTIVITIES = [
    ("Zonnetjes", 1, "Herfstwandeling", "Bladeren zoeken in het park.", (196, 222, 240),
     (186, 120, 60)),
    ("Zonnetjes", 6, "Zandbak", "Emmertjes vullen en taartjes bakken.", (170, 210, 245),
     (232, 204, 140)),
    ("De Ontdekkers", 3, "Hutten bouwen", "Met takken en touw een hut in de tuin.",
     (205, 225, 235), (96, 150, 80)),
]
PHOTOS_PER_ACTIVITY = 3


async def add_demo_photos(settings: Settings, today: date) -> int:
    """The demo's activities with their photos; returns how many photos were added."""
    rng = random.Random(16)  # the same pictures every demo
    blobs = create_blob_store(settings)
    engine = create_engine(settings)
    added = 0
    try:
        async with create_sessionmaker(engine)() as db:
            if await db.scalar(select(Photo.id).limit(1)) is not None:
                return 0  # a kept demo folder already has them
            for group_name, days_ago, title, caption, sky, ground in ACTIVITIES:
                group = await db.scalar(select(CareGroup).where(CareGroup.name == group_name))
                if group is None:
                    continue
                day = today - timedelta(days=days_ago)
                while day.weekday() >= 5:  # the groups are closed at the weekend
                    day -= timedelta(days=1)
                poster = await db.scalar(select(User).join(
                    staff_group, staff_group.c.user_id == User.id).where(
                    staff_group.c.group_id == group.id).order_by(User.id))
                # Everyone of the group that day whose family allows photos in the portal.
                tagged = list(await db.scalars(select(Child.id).join(
                    Contract, Contract.child_id == Child.id).where(
                    Contract.group_id == group.id, Contract.start_date <= day,
                    (Contract.end_date.is_(None)) | (Contract.end_date >= day),
                    Child.consent_portal.is_(True)).distinct().order_by(Child.id)))
                posted = datetime.combine(day, time(15, 30), AMSTERDAM)
                activity = Activity(group_id=group.id, day=day, title=title, caption=caption,
                                    created_by=poster.id if poster else None,
                                    created_at=posted)
                db.add(activity)
                await db.flush()
                for _ in range(PHOTOS_PER_ACTIVITY):
                    prepared = prepare(picture(rng, sky, ground), UPLOAD_LIMITS)
                    await store_photo(db, blobs, activity, prepared, tagged,
                                      poster.id if poster else None, posted)
                    added += 1
            await db.commit()
    finally:
        await engine.dispose()
    return added
