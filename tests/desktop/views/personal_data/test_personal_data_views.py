"""The Gegevens page, the Wijzigingen page and the staff's care notes, over a fake service."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit
from view_fakes import FakeAccount, FakePersonalData, FakeProfileService, FakeSession

from desktop.api.personal_data.records import (
    Address,
    CareNotes,
    ChangeField,
    ChangeRequest,
    ChangeStatus,
    ChildData,
    Contact,
    Medical,
    ParentData,
    PersonalData,
)
from desktop.api.profile.records import Role
from desktop.views.care_notes import CareNotesPanel
from desktop.views.change_requests.page import ChangeRequestsPage
from desktop.views.personal_data.page import PersonalDataPage

WHEN = datetime(2026, 3, 1, 10, 0, tzinfo=UTC)
GRANDMA = Contact("Joke de Vries", "oma", "+31611223344")


def request(status: ChangeStatus = ChangeStatus.PENDING, reason: str | None = None,
            field: ChangeField = ChangeField.ADDRESS, subject: int = 3) -> ChangeRequest:
    return ChangeRequest(
        id=7, family_name="Familie De Vries", field=field, subject_id=subject,
        subject_name="Sanne de Vries",
        old_value={"street": "Kerkstraat", "house_number": "12", "addition": None,
                   "postcode": "5611 GH", "city": "Eindhoven"},
        new_value={"street": "Stratumseind", "house_number": "3", "addition": None,
                   "postcode": "5611 EN", "city": "Eindhoven"},
        status=status, requested_by="Thomas de Vries", created_at=WHEN,
        decided_by=None, decided_at=None, decision_reason=reason)


def document(*requests: ChangeRequest) -> PersonalData:
    sanne = ParentData(3, "Sanne de Vries", "primary_parent",
                       Address("Kerkstraat", "12", None, "5611 GH", "Eindhoven"),
                       "+31612345678", None, None)
    emma = ChildData(1, "Emma de Vries", Medical(allergies="Pinda's"), (GRANDMA,), (GRANDMA,))
    return PersonalData((sanne,), None, False, (emma,), requests)


@pytest.fixture
def service() -> FakePersonalData:
    return FakePersonalData()


@pytest.fixture
def page(make_window, service) -> PersonalDataPage:
    window = make_window(personal_data=service)
    window.show_section("personal_data")
    return window.page("personal_data")


def test_the_page_asks_for_the_data_and_shows_each_form(page, service) -> None:
    assert ("load",) in service.calls
    service.dataChanged.emit(document())
    assert set(page.forms) == {"contact", "address:3", "medical:1", "emergency_contacts:1",
                               "collectors:1"}  # no bank: a secondary parent's view
    contact = page.forms["contact"][0]
    assert contact.findChild(QLineEdit, "phone").text() == "06 12345678"  # +31612345678
    assert page.forms["medical:1"][0].fields["allergies"].toPlainText() == "Pinda's"


def test_the_phone_is_saved_at_once_and_errors_show_at_their_field(qtbot, page,
                                                                   service) -> None:
    service.dataChanged.emit(document())
    contact = page.forms["contact"][0]
    field = contact.findChild(QLineEdit, "phone")
    field.clear()
    qtbot.keyClicks(field, "06 87654321")
    contact.submit.click()
    assert service.calls[-1] == ("change_contact", {"phone": "06 87654321", "home_phone": None,
                                                    "notification_email": None})
    service.refused.emit("contact", "", {"phone": "Dit is geen geldig telefoonnummer."})
    error = contact.findChild(QLabel, "phoneError")
    assert error.isVisible() and error.text() == "Dit is geen geldig telefoonnummer."
    # Fetched again while typing: what was typed stays.
    service.dataChanged.emit(document())
    assert field.text() == "06 87654321"


def test_a_pending_change_shows_on_its_form_with_withdraw(page, service) -> None:
    service.dataChanged.emit(document(request()))
    form = page.forms["address:3"][0]
    status = form.findChild(QLabel, "changeStatus")
    assert status.isVisible() and status.text().startswith("Pending with the location")
    assert "Stratumseind" in status.text() and "Kerkstraat" not in status.text()
    assert not form.submit.isEnabled() and form.withdraw.isVisible()
    form.withdraw.click()
    assert service.calls[-1] == ("withdraw", "address:3", 7)


def test_a_rejected_change_shows_the_reason(page, service) -> None:
    service.dataChanged.emit(document(request(ChangeStatus.REJECTED, "Graag even bellen.")))
    status = page.forms["address:3"][0].findChild(QLabel, "changeStatus")
    assert status.isVisible() and "Graag even bellen." in status.text()
    assert page.forms["address:3"][0].submit.isEnabled()


def test_a_contact_list_error_names_the_person(page, service) -> None:
    service.dataChanged.emit(document())
    form = page.forms["collectors:1"][0]
    form.add_row()
    service.refused.emit("collectors:1", "", {"value.contacts.1.phone": "Geen telefoonnummer."})
    error = form.findChild(QLabel, "formError")
    assert error.isVisible() and error.text() == "Person 2, phone: Geen telefoonnummer."


def test_the_manager_sees_old_beside_new_and_decides(qtbot, make_window, service) -> None:
    window = make_window(FakeSession(FakeAccount(role=Role.MANAGER), shared_pc=True),
                         FakeProfileService(), personal_data=service)
    window.show_section("change_requests")
    page: ChangeRequestsPage = window.page("change_requests")
    assert ("load_change_requests",) in service.calls
    service.changeRequestsChanged.emit([request()])
    assert page.subject.text() == "Address of Sanne de Vries"
    rows = {page.table.item(r, 0).text(): (page.table.item(r, 1).text(),
                                           page.table.item(r, 2).text(),
                                           page.table.item(r, 2).font().bold())
            for r in range(page.table.rowCount())}
    assert rows["Street"] == ("Kerkstraat", "Stratumseind", True)
    assert rows["City"] == ("Eindhoven", "Eindhoven", False)
    page.approve.click()
    assert service.calls[-1] == ("approve", 7)
    dialog = page.open_reject_dialog()
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    dialog.reason.set_text("Graag even bellen.")
    dialog.accept()
    assert service.calls[-1] == ("reject", 7, "Graag even bellen.")
    service.changeRequestsChanged.emit([])
    assert page.findChild(QLabel, "changeRequestsEmpty").text() == \
        "No changes are waiting for a decision."


def test_staff_see_the_care_notes_marked_on_the_overview(make_window, service) -> None:
    window = make_window(FakeSession(FakeAccount(role=Role.STAFF), shared_pc=True),
                         FakeProfileService(), personal_data=service)
    window.show_section("overview")  # staff start on their group's day
    panel = window.findChild(CareNotesPanel)
    assert panel is not None
    assert ("load_care_notes",) in service.calls
    service.careNotesChanged.emit([
        CareNotes(2, "Bram", "Bos", (2,), None, None, None, (), ()),
        CareNotes(1, "Emma", "de Vries", (2,), "Pinda's", None, None, (GRANDMA,), (GRANDMA,))])
    first, second = panel.notes
    assert first.objectName() == "careNote1"  # the marked child first
    assert "⚠" in first.text() and "Pinda's" in first.text() and "Joke de Vries" in first.text()
    assert first.isVisibleTo(window) and "⚠" not in second.text()


def test_parents_have_no_care_notes_on_the_overview(make_window, service) -> None:
    window = make_window(personal_data=service)
    assert window.findChild(CareNotesPanel) is None


def test_each_child_has_its_photo_consents_to_tick_and_medication_read_only(
        page, service) -> None:
    from desktop.views.personal_data.consents import ConsentsCard

    daan = ChildData(2, "Daan de Vries", Medical(), (), ())
    data = document()
    service.dataChanged.emit(PersonalData(data.parents, None, False, (*data.children, daan),
                                          ()))
    emma = page.findChild(ConsentsCard, "consents:1")
    daans = page.findChild(ConsentsCard, "consents:2")
    assert emma is not None and daans is not None
    assert emma.answers["medication"].text() == "No"  # no medicines for Emma
    assert daans.answers["medication"].text() == "Yes"  # Daan's inhaler
    assert [emma.boxes[k].isChecked() for k in ("portal", "website", "social_media")] == \
        [True, False, False]
    assert not emma.save_button.isEnabled()  # nothing changed yet
    assert not page.findChildren(QLineEdit, "medication")  # read-only: the location decides


def _emmas_card(page, service):  # noqa: ANN001, ANN202
    from desktop.views.personal_data.consents import ConsentsCard

    service.dataChanged.emit(document())
    return page.findChild(ConsentsCard, "consents:1")


def test_giving_a_consent_is_saved_at_once_and_refreshes_the_profile(page, service) -> None:
    from desktop.api.profile.records import PhotoConsent

    card = _emmas_card(page, service)
    card.boxes["website"].setChecked(True)
    card.save_button.click()
    wanted = PhotoConsent(portal=True, website=True, social_media=False)
    assert ("change_photo_consent", 1, wanted) in service.calls
    assert not card.boxes["website"].isEnabled()  # while it is being saved
    service.photoConsentSaved.emit(1, wanted)
    assert card.status.text() == "The photo consents are saved."
    assert card.boxes["website"].isChecked() and not card.save_button.isEnabled()


def test_withdrawing_the_portal_consent_asks_first(qtbot, page, service,
                                                   monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    card = _emmas_card(page, service)
    asked: list[str] = []
    answer = QMessageBox.StandardButton.No
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _parent, _title, text, *_a: asked.append(text) or answer)
    card.boxes["portal"].setChecked(False)
    card.save_button.click()
    qtbot.waitUntil(lambda: bool(asked))
    assert "disappear from the app at once, for both parents" in asked[0]
    assert not [c for c in service.calls if c[0] == "change_photo_consent"]
    answer = QMessageBox.StandardButton.Yes
    card.save_button.click()
    qtbot.waitUntil(lambda: any(c[0] == "change_photo_consent" for c in service.calls))
    # Offline (or refused): the message shows on the card and the choice stays to retry.
    service.refused.emit("photo_consent:1", "You are offline.", {})
    assert card.status.text() == "You are offline."
    assert not card.boxes["portal"].isChecked() and card.save_button.isEnabled()
