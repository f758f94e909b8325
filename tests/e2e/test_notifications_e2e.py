"""The Account page's "Meldingen" against the real portal server: each role's categories,
a choice saved to the portal (it follows the user), and a choice made while the portal is
away that counts at once, is told, and is saved once the portal is back (docs/api.md,
"Notifications")."""

from __future__ import annotations

import httpx
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox
from reliability_kit import stop_server
from test_desktop_e2e import PASSWORD, SANNE, log_in, wait_for_main_window

from desktop.views.notifications import NotificationsPanel

FATIMA = "fatima.elamrani@voorbeeld.nl"


def panel_of(qtbot, main) -> NotificationsPanel:
    main.show_section("account")
    panel = main.findChild(NotificationsPanel, "notificationPreferences")
    assert panel is not None
    qtbot.waitUntil(lambda: panel.email_unread.isEnabled(), timeout=20_000)
    return panel


def shown_categories(panel: NotificationsPanel) -> list[str]:
    return [c for c, box in panel.categories.items() if box.isVisibleTo(panel)]


def tick(qtbot, box: QCheckBox) -> None:
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def on_the_portal(url: str, email: str) -> dict:
    with httpx.Client(base_url=f"{url}/api/v1") as client:
        token = client.post("/auth/login", json={"email": email, "password": PASSWORD}
                            ).json()["access_token"]
        return client.get("/account/notifications",
                          headers={"Authorization": f"Bearer {token}"}).json()


def test_a_parent_chooses_and_the_choice_follows_them(qtbot, portal_server, make_app):
    desktop = make_app(portal_server.url)
    log_in(qtbot, desktop, SANNE, PASSWORD)
    panel = panel_of(qtbot, wait_for_main_window(qtbot, desktop))
    # A parent has the portal's five categories, each with its box.
    assert shown_categories(panel) == ["messages", "news", "decisions", "diary", "photos"]
    assert panel.categories["diary"].text() == "New in the diary"
    assert all(panel.categories[c].isChecked() for c in shown_categories(panel))
    assert not panel.email_unread.isChecked()
    assert not panel.email_text.isEnabled()  # only with the mails on

    service = desktop.services.notification_preferences
    with qtbot.waitSignal(service.saved, timeout=20_000):
        tick(qtbot, panel.categories["news"])
    assert service.enabled("news") is False and service.enabled("messages") is True
    with qtbot.waitSignal(service.saved, timeout=20_000):
        tick(qtbot, panel.email_unread)
    assert panel.email_text.isEnabled()
    assert on_the_portal(portal_server.url, SANNE) == {
        "desktop": {"messages": True, "news": False, "decisions": True, "diary": True,
                    "photos": True},
        "email_unread_messages": True, "email_include_text": False}


def test_staff_see_only_their_categories(qtbot, portal_server, make_app):
    desktop = make_app(portal_server.url)
    log_in(qtbot, desktop, FATIMA, PASSWORD)
    panel = panel_of(qtbot, wait_for_main_window(qtbot, desktop))
    assert shown_categories(panel) == ["messages", "news"]
    service = desktop.services.notification_preferences
    assert service.enabled("messages") and not service.enabled("diary")


def test_a_choice_made_offline_counts_is_told_and_is_saved_when_the_portal_is_back(
        qtbot, portal_server, make_app):
    desktop = make_app(portal_server.url)
    log_in(qtbot, desktop, SANNE, PASSWORD)
    main = wait_for_main_window(qtbot, desktop)
    panel = panel_of(qtbot, main)
    service = desktop.services.notification_preferences

    stop_server(qtbot, portal_server)
    with qtbot.waitSignal(service.problem, timeout=30_000):
        tick(qtbot, panel.categories["decisions"])
    assert "could not be saved" in main.message_bar.text
    assert "saved as soon as the portal can be reached" in main.message_bar.text
    assert not panel.categories["decisions"].isChecked()  # what was chosen stays
    assert service.enabled("decisions") is False  # and counts already

    portal_server.start()
    with qtbot.waitSignal(service.saved, timeout=30_000):
        desktop.services.profile.refresh()  # any request: the portal is reachable again
    assert on_the_portal(portal_server.url, SANNE)["desktop"]["decisions"] is False
    qtbot.waitUntil(lambda: "could not be saved" not in main.message_bar.text, timeout=5_000)
