"""A parent withdraws the portal photo consent on Gegevens, against the real portal server:
the portal's `photos` event makes the app sync, and the child's photos leave the grid and the
cache without a manual refresh; giving it back brings them back (docs/api.md, "Personal data"
and "Photos")."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox
from test_desktop_e2e import PASSWORD, SANNE, log_in, wait_for_main_window
from test_photos_e2e import open_photos, staff_posts, thumbnail_states

from desktop.api.photos.records import Rendition
from desktop.views.personal_data.consents import ConsentsCard


def test_a_withdrawn_portal_consent_takes_the_photos_off_the_grid_and_the_disk(
        qtbot, portal_server, make_app, run, monkeypatch):
    posted = staff_posts(run, portal_server.url, [("red", True)])
    desktop = make_app(portal_server.url)
    desktop.services.photos.set_live_delay(300)
    log_in(qtbot, desktop, SANNE, PASSWORD)
    photos = open_photos(qtbot, desktop)
    photos.show()
    qtbot.waitUntil(lambda: thumbnail_states(photos.model) == ["ready"], timeout=20_000)
    thumbnail = desktop.services.photos.cached_path(posted[0], Rendition.THUMBNAIL)
    assert thumbnail is not None and Path(thumbnail).exists()
    qtbot.waitUntil(lambda: desktop.services.live.connected, timeout=20_000)

    main = wait_for_main_window(qtbot, desktop)
    main.show_section("personal_data")
    emma = next(c.id for c in desktop.services.profile.profile.children
                if c.first_name == "Emma")
    page = main.page("personal_data")
    qtbot.waitUntil(lambda: page.findChild(ConsentsCard, f"consents:{emma}") is not None,
                    timeout=20_000)
    card = page.findChild(ConsentsCard, f"consents:{emma}")
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *_a: asked.append(text)
                        or QMessageBox.StandardButton.Yes)
    card.boxes["portal"].setChecked(False)
    card.save_button.click()
    qtbot.waitUntil(lambda: card.status.text() == "The photo consents are saved.",
                    timeout=20_000)
    assert len(asked) == 1
    qtbot.waitUntil(lambda: photos.model.rowCount() == 0, timeout=20_000)
    assert not Path(thumbnail).exists()
    qtbot.waitUntil(lambda: desktop.services.session.cache.photos().photos == (),
                    timeout=20_000)

    card.boxes["portal"].setChecked(True)
    card.save_button.click()
    qtbot.waitUntil(lambda: [p.id for p in photos.model.photos()] == [posted[0].id],
                    timeout=20_000)
