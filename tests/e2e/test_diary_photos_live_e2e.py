"""The Dagboek and Foto's live, against the real portal server (docs/architecture.md,
"Notifications"): staff write the diary and post photos from their own client, and the
parent's app syncs by itself and notifies her — one notification per sync, the photos of an
activity together; a tag taken off removes the photo without a notification; a category
switched off syncs but does not notify; behind the shared-PC lock nothing is told."""

from __future__ import annotations

import io

from PIL import Image
from reliability_kit import emma, sign_in
from test_desktop_e2e import PASSWORD, STAFF

from desktop.api.client import PortalClient
from desktop.api.core.transport import new_idempotency_key
from desktop.api.diary.records import EntryDraft, EntryKind
from desktop.models.notifications import notification_text
from desktop.models.shared.formatting import format_weekday_date
from server.demo.database import amsterdam_today


def a_jpeg(colour: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), colour).save(out, "JPEG")
    return out.getvalue()


class Staff:
    """Fatima's own client: what she does on the group's PC, as the portal sees it."""

    def __init__(self, run, url: str) -> None:  # noqa: ANN001
        self.run, self.url = run, url

    def _as_staff(self, work):  # noqa: ANN001, ANN202
        async def go():  # noqa: ANN202
            async with PortalClient(self.url) as client:
                await client.auth.login(STAFF, PASSWORD)
                return await work(client)
        return self.run(go())

    def write_report(self, child: int, text: str) -> None:
        self._as_staff(lambda client: client.diary.write(EntryDraft(
            (child,), amsterdam_today(), EntryKind.VERSLAG, None, text)))

    def post(self, child: int, title: str, colours: list[str]) -> list:
        async def work(client):  # noqa: ANN001, ANN202
            me = await client.profile.me()
            group = next(g.id for g in me.groups if g.name == "Zonnetjes")
            activity = await client.photos.create_activity(
                group, amsterdam_today(), title, None, new_idempotency_key())
            return [await client.photos.upload(activity.id, a_jpeg(c), [child],
                                               new_idempotency_key()) for c in colours]
        return self._as_staff(work)

    def untag(self, photo_id: int) -> None:
        self._as_staff(lambda client: client.photos.set_tags(photo_id, [],
                                                             new_idempotency_key()))


def test_staff_write_and_post_and_the_parents_app_syncs_and_tells_her(
        qtbot, portal_server, make_container, run, tmp_path):
    sanne = make_container(data=tmp_path / "sanne")
    sanne.photos.set_live_delay(300)
    told: list = []
    sanne.notifications.notify.connect(told.append)
    sign_in(qtbot, sanne, portal_server.url)
    child = emma(sanne)
    qtbot.waitUntil(lambda: sanne.live.connected and sanne.photos.listing is not None,
                    timeout=20_000)
    staff = Staff(run, portal_server.url)

    # The day report: the Dagboek was never opened, the event names the day.
    staff.write_report(child, "Emma heeft buiten gespeeld.")
    qtbot.waitUntil(lambda: any(n.category == "diary" for n in told), timeout=20_000)
    diary = next(n for n in told if n.category == "diary")
    assert notification_text(diary) == ("Diary of Emma", format_weekday_date(amsterdam_today()))
    assert [e.text for e in sanne.diary.days(child)[0].entries
            if e.text] == ["Emma heeft buiten gespeeld."]

    # Two photos of one activity: one notification, with both.
    posted = staff.post(child, "Herfstwandeling", ["red", "blue"])
    qtbot.waitUntil(lambda: any(n.category == "photos" for n in told), timeout=20_000)
    photos = [n for n in told if n.category == "photos"]
    assert [notification_text(n) for n in photos] == [
        ("New photos", "2 new photos: Herfstwandeling")]
    listed = {p.id for p in sanne.photos.listing.photos}
    assert {p.id for p in posted} <= listed

    # A tag taken off: gone from her app at the next sync, and nothing told.
    count = len(told)
    staff.untag(posted[0].id)
    qtbot.waitUntil(lambda: posted[0].id not in {p.id for p in sanne.photos.listing.photos},
                    timeout=20_000)
    assert len(told) == count

    # Photos switched off: the photo arrives in the app, no notification.
    with qtbot.waitSignal(sanne.notification_preferences.saved, timeout=20_000):
        sanne.notification_preferences.set_desktop("photos", False)
    quiet = staff.post(child, "Schilderen", ["green"])
    qtbot.waitUntil(lambda: quiet[0].id in {p.id for p in sanne.photos.listing.photos},
                    timeout=20_000)
    assert len(told) == count

    # Behind the lock the diary syncs, and nothing is told.
    sanne.session.lock()
    with qtbot.waitSignal(sanne.diary.daysArrived, timeout=20_000):
        staff.write_report(child, "Nog een regel.")
    assert len(told) == count
