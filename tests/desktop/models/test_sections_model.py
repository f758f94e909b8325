"""SectionsModel over a table of sections, and the audience rules that decide who sees one."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from model_samples import family_profile
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QIcon

from desktop.models.sections import (
    EVERYONE,
    PARENTS,
    STAFF,
    AccessState,
    Audience,
    Section,
    SectionsModel,
)
from desktop.models.shared.records import Role


def page(_context: object) -> None:
    return None


TABLE = (
    Section("overview", QT_TRANSLATE_NOOP("Sections", "Overview"),
            QT_TRANSLATE_NOOP("Sections", "Your children, their groups and locations"),
            "overview", EVERYONE, page),
    Section("agenda", QT_TRANSLATE_NOOP("Sections", "Agenda"),
            QT_TRANSLATE_NOOP("Sections", "When your children come, absences and requests"),
            "agenda", PARENTS, page),
)


def test_the_model_lists_the_table_in_its_order(qtmodeltester) -> None:
    model = SectionsModel(TABLE, icon_for=lambda name: QIcon())
    qtmodeltester.check(model, force_py=True)
    titles = [model.index(r).data(Qt.ItemDataRole.DisplayRole) for r in range(model.rowCount())]
    assert titles == ["Overview", "Agenda"]
    assert model.index(1).data(Qt.ItemDataRole.ToolTipRole) == (
        "When your children come, absences and requests")
    assert model.index(1).data(SectionsModel.Role.IconName) == "agenda"
    assert model.key_at(1) == "agenda"
    assert model.row_of("overview") == 0
    assert model.row_of("finance") == -1
    assert model.key_at(2) is None and model.section_at(-1) is None


@pytest.mark.parametrize(("audience", "role", "sees"), [
    (PARENTS, Role.PRIMARY_PARENT, True),
    (PARENTS, Role.SECONDARY_PARENT, True),
    (PARENTS, Role.STAFF, False),
    (PARENTS, Role.MANAGER, False),
    (STAFF, Role.STAFF, True),
    (STAFF, Role.MANAGER, True),
    (STAFF, Role.PRIMARY_PARENT, False),
    (EVERYONE, Role.MANAGER, True),
])
def test_an_audience_is_its_roles(audience: Audience, role: Role, sees: bool) -> None:
    assert audience.admits(role, AccessState.ACTIVE) is sees


def test_an_unknown_role_sees_only_what_everyone_sees() -> None:
    assert EVERYONE.admits(None, AccessState.ACTIVE)
    assert not PARENTS.admits(None, AccessState.ACTIVE)
    assert not STAFF.admits(None, AccessState.ACTIVE)


def test_an_audience_can_leave_out_accounts_whose_access_ends() -> None:
    active_only = Audience(PARENTS.roles, frozenset({AccessState.ACTIVE}))
    assert active_only.admits(Role.PRIMARY_PARENT, AccessState.ACTIVE)
    assert not active_only.admits(Role.PRIMARY_PARENT, AccessState.ENDING)
    # The default: every state.
    assert PARENTS.admits(Role.PRIMARY_PARENT, AccessState.ENDING)


def test_access_ends_once_the_portal_names_the_day() -> None:
    profile = family_profile()
    assert AccessState.of(None) is AccessState.ACTIVE
    assert AccessState.of(replace(profile, access_until=None)) is AccessState.ACTIVE
    assert AccessState.of(replace(profile, access_until=date(2027, 5, 1))) is AccessState.ENDING
