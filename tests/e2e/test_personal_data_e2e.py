"""Personal data in the desktop app against the real portal server: a phone number changes at
once; an address goes to the location, the manager approves it in another app instance, and
the parent then sees it (docs/api.md, "Personal data")."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit
from test_desktop_e2e import PASSWORD, SANNE, log_in, wait_for_main_window

from desktop.views.change_requests.page import ChangeRequestsPage
from desktop.views.personal_data.page import PersonalDataPage

MANAGER = "manager@voorbeeld.nl"


def set_field(qtbot, form, name: str, text: str) -> None:
    field = form.findChild(QLineEdit, name)
    field.selectAll()
    qtbot.keyClicks(field, text)


def test_phone_at_once_and_an_address_through_the_manager(qtbot, portal_server, make_app):
    parent_app = make_app(portal_server.url)
    log_in(qtbot, parent_app, SANNE, PASSWORD)
    main = wait_for_main_window(qtbot, parent_app)
    main.show_section("personal_data")
    page = main.page("personal_data")
    assert isinstance(page, PersonalDataPage)
    qtbot.waitUntil(lambda: "contact" in page.forms, timeout=20_000)
    contact = page.forms["contact"][0]
    assert contact.findChild(QLineEdit, "phone").text() == "06 12345678"  # +31612345678

    # A wrong number is named at its field; a right one is saved at once, in E.164, and read
    # back in the national form (typed without the space, it comes back with it).
    set_field(qtbot, contact, "phone", "06 1234")
    contact.submit.click()
    error = contact.findChild(QLabel, "phoneError")
    qtbot.waitUntil(error.isVisible, timeout=20_000)
    assert "not a valid phone number" in error.text()
    set_field(qtbot, contact, "phone", "0687654321")
    contact.submit.click()
    qtbot.waitUntil(lambda: contact.findChild(QLineEdit, "phone").text() == "06 87654321",
                    timeout=20_000)
    assert not error.isVisible()

    # The address goes to the location first.
    key = next(k for k in page.forms if k.startswith("address:")
               and "Sanne" in page.forms[k][0].title.text())
    address = page.forms[key][0]
    set_field(qtbot, address, "street", "Stratumseind")
    set_field(qtbot, address, "house_number", "3")
    set_field(qtbot, address, "addition", "")
    set_field(qtbot, address, "postcode", "5611en")
    address.submit.click()
    status = address.findChild(QLabel, "changeStatus")
    qtbot.waitUntil(lambda: status.text().startswith("Pending with the location"),
                    timeout=20_000)
    assert "5611 EN" in status.text()
    assert address.findChild(QLineEdit, "street").text() == "Kerkstraat"  # not yet changed
    assert not address.submit.isEnabled()

    # The manager, in another instance of the app, approves it.
    manager_app = make_app(portal_server.url, computer="office")
    log_in(qtbot, manager_app, MANAGER, PASSWORD)
    manager_main = wait_for_main_window(qtbot, manager_app)
    manager_main.show_section("change_requests")
    changes = manager_main.page("change_requests")
    assert isinstance(changes, ChangeRequestsPage)
    qtbot.waitUntil(lambda: any(r.field.value == "address" for r in changes._requests),
                    timeout=20_000)
    row = next(n for n, r in enumerate(changes._requests) if r.field.value == "address")
    changes.list.setCurrentRow(row)
    assert changes.subject.text() == "Address of Sanne de Vries"
    cells = {changes.table.item(r, 0).text(): (changes.table.item(r, 1).text(),
                                               changes.table.item(r, 2).text())
             for r in range(changes.table.rowCount())}
    assert cells["Street"] == ("Kerkstraat", "Stratumseind")
    changes.approve.click()
    qtbot.waitUntil(lambda: all(r.field.value != "address" for r in changes._requests),
                    timeout=20_000)

    # Back with the parent: the next look shows the new address.
    page.activate()
    qtbot.waitUntil(lambda: address.findChild(QLineEdit, "street").text() == "Stratumseind",
                    timeout=20_000)
    assert address.findChild(QLineEdit, "postcode").text() == "5611 EN"
    assert not status.isVisible()


def test_download_my_data_to_a_chosen_file(qtbot, portal_server, make_app, tmp_path,
                                           monkeypatch):
    import errno
    import zipfile

    from desktop.views.personal_data.download import DataDownloadPanel

    desktop = make_app(portal_server.url)
    log_in(qtbot, desktop, SANNE, PASSWORD)
    main = wait_for_main_window(qtbot, desktop)
    main.show_section("account")
    panel = main.findChild(DataDownloadPanel, "dataDownload")
    assert panel is not None
    folder = tmp_path / "chosen"
    folder.mkdir()
    target = folder / "mijn gegevens.zip"
    panel.download_to(target)
    qtbot.waitUntil(lambda: panel.status.text().startswith("Saved to"), timeout=20_000)
    assert panel.button.isEnabled() and not panel.progress.isVisible()
    with zipfile.ZipFile(target) as archive:
        assert "overzicht.txt" in archive.namelist()
        assert b"Sanne de Vries" in archive.read("persons.json")
    assert [p.name for p in folder.iterdir()] == ["mijn gegevens.zip"]  # no partial left

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("desktop.services.shared.saved_downloads.open", full, raising=False)
    again = folder / "again.zip"
    panel.download_to(again)
    qtbot.waitUntil(lambda: panel.status.text().startswith("The disk is full"), timeout=20_000)
    assert [p.name for p in folder.iterdir()] == ["mijn gegevens.zip"]
    assert panel.button.isEnabled()
