"""ChildrenModel and GroupsModel: what a card says, checked with qtmodeltester."""

from __future__ import annotations

from model_samples import TODAY, family_profile, staff_profile
from PySide6.QtCore import QLocale, Qt

from desktop.models.overview.children import ChildrenModel
from desktop.models.overview.groups import GroupsModel
from desktop.models.shared.cards import CARD_LINES_ROLE, CARD_TITLE_ROLE, LineStyle

ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def filled_children_model() -> ChildrenModel:
    model = ChildrenModel(locale=ENGLISH)
    model.set_profile(family_profile(), today=TODAY)
    return model


def test_children_model_passes_the_model_tester(qtmodeltester) -> None:
    model = filled_children_model()
    qtmodeltester.check(model, force_py=True)
    model.set_profile(None)
    qtmodeltester.check(model, force_py=True)


def test_a_child_row_has_name_birth_date_age_group_and_location() -> None:
    model = filled_children_model()
    emma = model.index(0)
    role = ChildrenModel.Role
    assert emma.data(Qt.ItemDataRole.DisplayRole) == "Emma de Vries"
    assert emma.data(role.Born) == "12 April 2023"
    assert emma.data(role.Age) == "2 years and 10 months"
    assert emma.data(role.Groups) == ["Zonnetjes · Day care (KDV)"]
    assert emma.data(role.LocationName) == "Zonnebloem Centrum"
    assert emma.data(role.LocationAddress) == "Markt 12, 5611 AB Eindhoven"
    assert emma.data(role.Phone) == "040 - 123 45 67"
    assert emma.data(role.Email) == "centrum@zonnebloem.example"


def test_card_lines_make_phone_and_email_clickable() -> None:
    model = filled_children_model()
    lines = model.index(0).data(CARD_LINES_ROLE)
    links = {line.text: line.href for line in lines if line.style is LineStyle.LINK}
    assert links == {"040 - 123 45 67": "tel:0401234567",
                     "centrum@zonnebloem.example": "mailto:centrum@zonnebloem.example"}


def test_an_ended_contract_says_when_it_ended() -> None:
    model = filled_children_model()
    daan = model.index(1)
    assert daan.data(ChildrenModel.Role.Age) == "7 years"
    assert daan.data(ChildrenModel.Role.Groups) == [
        "Vossen · Out-of-school care (BSO) (ended 31 December 2025)"]


def test_the_accessible_text_reads_the_whole_card() -> None:
    model = filled_children_model()
    summary = model.index(0).data(Qt.ItemDataRole.AccessibleTextRole)
    for part in ("Emma de Vries", "12 April 2023", "Zonnetjes", "Zonnebloem Centrum",
                 "040 - 123 45 67"):
        assert part in summary


def test_a_baby_is_counted_in_months() -> None:
    model = filled_children_model()
    model.set_profile(family_profile(), today=TODAY.replace(year=2023, month=10))
    assert model.index(0).data(ChildrenModel.Role.Age) == "5 months"


def test_groups_model_lists_staff_groups_sorted_with_their_location(qtmodeltester) -> None:
    model = GroupsModel()
    model.set_profile(staff_profile())
    qtmodeltester.check(model, force_py=True)
    assert [model.index(r).data(CARD_TITLE_ROLE) for r in range(model.rowCount())] == [
        "Vossen", "Zonnetjes"]
    zonnetjes = model.index(1)
    assert zonnetjes.data(GroupsModel.Role.CareType) == "Day care (KDV)"
    assert zonnetjes.data(GroupsModel.Role.LocationName) == "Zonnebloem Centrum"
