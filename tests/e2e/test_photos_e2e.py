"""Foto's against the real portal server: staff post photos (one child without consent cannot
be tagged), the parent's grid shows only her children's, the viewer shows one, "Opslaan als…"
saves the original verified and without GPS, and with the server stopped the photos on this
computer are still shown while the others say they are not here."""

from __future__ import annotations

import hashlib
import io
import random
from datetime import timedelta
from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt
from test_desktop_e2e import PASSWORD, SANNE, STAFF, log_in, wait_for_main_window
from test_finance_e2e import LOTTE

from desktop.api.client import PortalClient
from desktop.api.core.errors import RuleViolation
from desktop.api.core.transport import new_idempotency_key
from desktop.api.photos.records import Photo, Rendition
from desktop.models.photos.grid import PhotoGridModel
from desktop.models.shared.formatting import format_date
from server.demo.database import amsterdam_today

GPS_INFO = 0x8825
MARLOES = "marloes.smulders@voorbeeld.nl"  # staff of Regenboog, Finn's group


def a_jpeg(colour: str, *, gps: bool = False) -> bytes:
    image = Image.new("RGB", (640, 480), colour)
    exif = Image.Exif()
    if gps:
        exif.get_ifd(GPS_INFO).update({1: "N", 2: (52.0, 5.0, 0.0)})
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


def noisy_jpeg(width: int, height: int) -> bytes:
    """A JPEG that compresses badly (random pixels): a photo of some hundreds of kilobytes."""
    image = Image.frombytes("RGB", (width, height), random.Random(4).randbytes(width * height * 3))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return out.getvalue()


def staff_posts(run, url: str, colours: list[tuple[str, bool]]) -> list[Photo]:
    """An activity of Zonnetjes today; one photo per colour, tagged with Emma when asked."""
    async def post() -> list[Photo]:
        async with PortalClient(url) as client:
            await client.auth.login(STAFF, PASSWORD)
            me = await client.profile.me()
            group = next(g.id for g in me.groups if g.name == "Zonnetjes")
            activity = await client.photos.create_activity(
                group, amsterdam_today(), "Herfstwandeling", "Naar het bos",
                new_idempotency_key())
            children = await client.photos.children(activity.id)
            emma = next(c.id for c in children if c.first_name == "Emma")
            without = next(c.id for c in children if not c.portal_consent)
            try:
                await client.photos.upload(activity.id, a_jpeg("white"), [without],
                                           new_idempotency_key())
                raise AssertionError("a child without consent was tagged")
            except RuleViolation as refused:
                assert refused.code == "photo_tag_refused"
            return [await client.photos.upload(activity.id, a_jpeg(colour, gps=True),
                                               [emma] if tagged else [],
                                               new_idempotency_key())
                    for colour, tagged in colours]
    return run(post())


def thumbnail_states(model: PhotoGridModel) -> list[str]:
    return [model.index(row).data(PhotoGridModel.Role.ThumbnailState)
            for row in range(model.rowCount()) if not model.is_heading(row)]


def open_photos(qtbot, desktop):
    main = wait_for_main_window(qtbot, desktop)
    main.show_section("photos")
    page = main.page("photos")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=20_000)
    page.grid.resize(900, 600)
    return page


def test_staff_post_the_parent_views_saves_and_keeps_them_offline(
        qtbot, portal_server, make_app, run, tmp_path):
    posted = staff_posts(run, portal_server.url, [("red", True), ("green", False),
                                                  ("blue", True)])
    desktop = make_app(portal_server.url)
    log_in(qtbot, desktop, SANNE, PASSWORD)
    page = open_photos(qtbot, desktop)
    model = page.model
    # Only the photos of her own child, the newest activity first, in upload order.
    assert [p.id for p in model.photos()] == \
        [posted[0].id, posted[2].id]
    # One activity: its heading, then its photos.
    assert model.is_heading(0) and model.index(0).data() == "Herfstwandeling"
    assert model.rowCount() == 3
    page.show()
    qtbot.waitUntil(lambda: thumbnail_states(model) == ["ready", "ready"], timeout=20_000)
    assert model.index(1).data(PhotoGridModel.Role.Photo).id == posted[0].id

    page.open_row(1)
    viewer = page.viewer
    qtbot.waitUntil(lambda: viewer.isVisible() and viewer.state_label.text() == "",
                    timeout=20_000)
    assert viewer.image.item.pixmap().width() == 640
    assert "Herfstwandeling" in viewer.windowTitle()
    viewer.next()
    assert viewer.photo.id == posted[2].id

    target = tmp_path / "saved" / "photo.jpg"
    target.parent.mkdir()
    with qtbot.waitSignal(desktop.services.photos.originalSaved, timeout=20_000):
        viewer.save_to(target)
    data = target.read_bytes()
    assert hashlib.sha256(data).hexdigest() == posted[2].file(Rendition.ORIGINAL).sha256
    saved = Image.open(io.BytesIO(data))
    assert not saved.getexif().get_ifd(GPS_INFO)
    assert desktop.services.photos.readable_name(posted[2]) == \
        f"{amsterdam_today().isoformat()} Herfstwandeling 02.jpg"
    viewer.close()

    # The portal goes away: what is on this computer is still shown, read from disk again.
    screen_of_the_first = desktop.services.photos.cached_path(model.photo_at(1), Rendition.SCREEN)
    assert screen_of_the_first is not None
    portal_server.stop()
    page.thumbnails.clear()
    model.set_listing(desktop.services.photos.listing)
    page.grid.viewport().update()
    qtbot.waitUntil(lambda: thumbnail_states(model) == ["ready", "ready"], timeout=20_000)
    page.open_row(1)
    qtbot.waitUntil(lambda: viewer.isVisible() and viewer.image.item.pixmap().width() == 640,
                    timeout=20_000)


def test_an_uncached_photo_says_so_offline(qtbot, portal_server, make_app, run):
    posted = staff_posts(run, portal_server.url, [("red", True)])
    desktop = make_app(portal_server.url)
    log_in(qtbot, desktop, SANNE, PASSWORD)
    page = open_photos(qtbot, desktop)
    page.show()
    qtbot.waitUntil(lambda: thumbnail_states(page.model) == ["ready"], timeout=20_000)
    blobs = desktop.services.session.cache.blobs
    blobs.delete(posted[0].file(Rendition.THUMBNAIL).blob_name)
    portal_server.stop()
    page.thumbnails.clear()
    page.model.set_listing(desktop.services.photos.listing)
    page.grid.viewport().update()
    qtbot.waitUntil(lambda: thumbnail_states(page.model) == ["missing"], timeout=20_000)
    qtbot.waitUntil(lambda: "not on this computer: 1" in page.note.text(), timeout=5_000)


def test_a_hidden_photo_leaves_the_cache_at_the_next_sync(qtbot, portal_server, make_app, run):
    posted = staff_posts(run, portal_server.url, [("red", True)])
    desktop = make_app(portal_server.url)
    log_in(qtbot, desktop, SANNE, PASSWORD)
    page = open_photos(qtbot, desktop)
    page.show()
    qtbot.waitUntil(lambda: thumbnail_states(page.model) == ["ready"], timeout=20_000)
    thumbnail = desktop.services.photos.cached_path(posted[0], Rendition.THUMBNAIL)
    assert thumbnail is not None and Path(thumbnail).exists()

    async def untag() -> None:
        async with PortalClient(portal_server.url) as client:
            await client.auth.login(STAFF, PASSWORD)
            await client.photos.set_tags(posted[0].id, [], new_idempotency_key())
    run(untag())
    desktop.services.photos.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=20_000)
    assert not Path(thumbnail).exists()
    # The listing is written to the cache in a worker after it is shown.
    qtbot.waitUntil(lambda: desktop.services.session.cache.photos().photos == (),
                    timeout=20_000)


def test_staff_post_with_the_dialog_and_the_parent_sees_it(qtbot, portal_server, make_app,
                                                           tmp_path):
    """Through the app: a new activity, Emma tagged, two photos and a PDF named .jpg; the PDF
    is refused with its reason, the photos arrive, the parent's grid shows them."""
    red, blue = tmp_path / "rood.jpg", tmp_path / "blauw.jpg"
    red.write_bytes(noisy_jpeg(1200, 900))  # several chunks: the bar moves
    blue.write_bytes(a_jpeg("blue"))
    fake = tmp_path / "factuur.jpg"
    fake.write_bytes(b"%PDF-1.4\n%%EOF\n")
    staff = make_app(portal_server.url)
    log_in(qtbot, staff, STAFF, PASSWORD)
    main = wait_for_main_window(qtbot, staff)
    main.show_section("photos")
    page = main.page("photos")
    page.open_upload()
    dialog = page.dialog
    posting = staff.services.photo_posting
    with qtbot.waitSignal(posting.activitiesLoaded, timeout=20_000):
        pass
    assert page.activity is None  # none yet
    dialog.new_activity_button.setChecked(True)
    dialog.title_edit.setText("Herfstwandeling")
    with qtbot.waitSignal(posting.activitiesLoaded, timeout=20_000):
        dialog.create_activity()
    assert dialog.activity is not None and dialog.activity.title == "Herfstwandeling"
    qtbot.waitUntil(lambda: any(c.text().startswith("Emma") for c in dialog.chips.values()),
                    timeout=20_000)
    assert any(not chip.isEnabled() for chip in dialog.chips.values())  # one without consent
    next(c for c in dialog.chips.values() if c.text().startswith("Emma")).setChecked(True)
    dialog.add_files([red, fake, blue])
    percents: list[int | None] = []
    posting.uploadChanged.connect(lambda row: percents.append(
        dialog.files.index(row).data(dialog.files.ProgressRole)) if row == 0 else None)
    with qtbot.waitSignal(posting.batchEnded, timeout=30_000):
        dialog.post()
    # The first file's bar went from 0 to 100 % in steps, then it was posted.
    steps = [p for p in percents if p is not None]
    assert steps[0] == 0 and steps[-1] == 100 and len(steps) > 3 and steps == sorted(steps)
    assert percents[-1] is None
    states = [u.state.value for u in posting.uploads]
    assert states == ["done", "refused", "done"]
    assert "JPEG, PNG or HEIC" in posting.uploads[1].message
    assert "Posted: 2." in dialog.status.text()
    # The page chose the newest activity (the one just made) and shows its new photos.
    assert page.activity is not None and page.activity.id == dialog.activity.id
    qtbot.waitUntil(lambda: len(page.model.photos()) == 2, timeout=20_000)
    dialog.close()

    parent = make_app(portal_server.url, computer="home")
    log_in(qtbot, parent, SANNE, PASSWORD)
    photos = open_photos(qtbot, parent)
    assert len(photos.model.photos()) == 2


def test_save_all_photos_stopped_halfway_then_again_completes_without_duplicates(
        qtbot, portal_server, make_app, run, tmp_path):
    posted = staff_posts(run, portal_server.url, [("red", True), ("green", True),
                                                  ("blue", True)])
    desktop = make_app(portal_server.url)
    log_in(qtbot, desktop, SANNE, PASSWORD)
    page = open_photos(qtbot, desktop)
    photos = desktop.services.photos
    folder = tmp_path / "album"
    folder.mkdir()

    def stop_after_the_first(done: int, _total: int) -> None:
        if done == 1:
            photos.cancel_save_all()
    photos.saveAllProgress.connect(stop_after_the_first)
    with qtbot.waitSignal(photos.saveAllEnded, timeout=30_000):
        page.save_all_to(folder)
    photos.saveAllProgress.disconnect(stop_after_the_first)
    assert len(list(folder.iterdir())) == 1 and "Saving stopped" in page.note.text()

    with qtbot.waitSignal(photos.saveAllEnded, timeout=30_000) as ended:
        page.save_all_to(folder)
    assert (len(ended.args[0].saved), ended.args[0].already_there) == (2, 1)
    day = amsterdam_today().isoformat()
    names = sorted(p.name for p in folder.iterdir())
    assert names == [f"{day} Herfstwandeling 0{n}.jpg" for n in (1, 2, 3)]
    for photo in posted:
        name = desktop.services.photos.readable_name(photo)
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == \
            photo.file(Rendition.ORIGINAL).sha256
    assert page.progress is None

    with qtbot.waitSignal(photos.saveAllEnded, timeout=30_000) as again:
        page.save_all_to(folder)
    assert (again.args[0].saved, again.args[0].already_there) == ([], 3)
    assert sorted(p.name for p in folder.iterdir()) == names  # nothing twice
    assert "Already in the folder: 3." in page.note.text()


def test_the_heart_in_the_viewer_reaches_the_portal_and_the_cache(
        qtbot, portal_server, make_app, run):
    """H in the viewer puts the heart on, the portal counts it for staff, it stays in the
    cached listing after the next sync; H again takes it off."""
    posted = staff_posts(run, portal_server.url, [("red", True)])
    desktop = make_app(portal_server.url)
    log_in(qtbot, desktop, SANNE, PASSWORD)
    page = open_photos(qtbot, desktop)
    page.open_row(1)
    viewer = page.viewer
    qtbot.waitUntil(viewer.isVisible, timeout=20_000)
    assert viewer.heart_button.isVisible() and not viewer.heart_button.isChecked()

    async def staff_count() -> int | None:
        async with PortalClient(portal_server.url) as client:
            await client.auth.login(STAFF, PASSWORD)
            return (await client.photos.activity_photos(posted[0].activity_id))[0].heart_count

    with qtbot.waitSignal(desktop.services.photos.photoChanged, timeout=20_000):
        qtbot.keyClick(viewer, Qt.Key.Key_H)
    assert viewer.heart_button.isChecked() and viewer.photo.hearted is True
    assert page.model.photo_at(1).hearted is True
    assert run(staff_count()) == 1
    assert desktop.services.session.cache.photos().photos[0].hearted is True
    with qtbot.waitSignal(desktop.services.photos.photoChanged, timeout=20_000):
        qtbot.keyClick(viewer, Qt.Key.Key_H)
    assert not viewer.heart_button.isChecked()
    assert run(staff_count()) == 0


def test_after_care_ended_save_everything_puts_documents_diary_and_photos_in_one_folder(
        qtbot, portal_server, make_app, run, tmp_path):
    """Lotte's contract ended five weeks ago: the Overzicht says until when the diary and
    photos and the documents stay, and "Alles opslaan" saves all three into one folder;
    stopped halfway and run again it completes without a duplicate."""
    async def post_for_finn() -> list[Photo]:
        async with PortalClient(portal_server.url) as client:
            await client.auth.login(MARLOES, PASSWORD)
            me = await client.profile.me()
            group = next(g.id for g in me.groups if g.name == "Regenboog")
            day = amsterdam_today() - timedelta(weeks=6)
            activity = await client.photos.create_activity(group, day, "Speeltuin", None,
                                                           new_idempotency_key())
            finn = next(c.id for c in await client.photos.children(activity.id)
                        if c.first_name == "Finn")
            return [await client.photos.upload(activity.id, a_jpeg(colour), [finn],
                                               new_idempotency_key())
                    for colour in ("red", "green", "blue")]
    posted = run(post_for_finn())
    desktop = make_app(portal_server.url)
    log_in(qtbot, desktop, LOTTE, PASSWORD)
    main = wait_for_main_window(qtbot, desktop)
    overview = main.page("overview")
    services = desktop.services
    qtbot.waitUntil(lambda: services.photos.listing is not None
                    and len(services.photos.listing.photos) == 3
                    and services.finance.overview is not None, timeout=30_000)
    until = format_date(amsterdam_today() - timedelta(weeks=5) + timedelta(weeks=8))
    overview.set_profile(services.profile.profile)
    assert f"stay available until {until}" in overview.access_notice.text()
    assert overview.save_everything.isVisible()

    folder = tmp_path / "Kinderopvang"
    folder.mkdir()
    documents = len(services.finance.overview.documents)
    stopped = []

    def stop_after_two(done: int, _total: int) -> None:
        if done == 2 and not stopped:
            stopped.append(done)
            services.save_everything.cancel()
    services.save_everything.progress.connect(stop_after_two)
    with qtbot.waitSignal(services.save_everything.ended, timeout=30_000):
        overview.save_to(folder)
    assert "Saving stopped" in overview.save_summary.text()
    services.save_everything.progress.disconnect(stop_after_two)
    with qtbot.waitSignal(services.save_everything.ended, timeout=60_000) as ended:
        overview.save_to(folder)
    outcome = ended.args[0]
    assert outcome.error is None, outcome.error
    names = sorted(p.name for p in folder.iterdir())
    diaries = [n for n in names if n.startswith("Diary Finn ")]
    photos = [n for n in names if n.endswith(".jpg")]
    assert len(photos) == 3 and photos[0].endswith("Speeltuin 01.jpg")
    assert len(diaries) >= 1 and all(n.endswith(".pdf") for n in diaries)
    assert len(names) == documents + len(diaries) + 3  # nothing twice, no temporary files
    assert outcome.already_there == 2
    assert "Already in the folder: 2." in overview.save_summary.text()
    for photo in posted:
        assert photo.file(Rendition.ORIGINAL).sha256 in {
            hashlib.sha256((folder / n).read_bytes()).hexdigest() for n in photos}
