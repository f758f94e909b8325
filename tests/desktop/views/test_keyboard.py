"""Every section page, as a keyboard user and a screen reader meet it (issue 14).

The sections come from the app's own table, so a page added later is walked too: Tab must reach
every enabled button, field and table of the page, leave every one of them (no traps), and each
must have an accessible name. The dialogs are walked in test_keyboard_dialogs.py.
"""

from __future__ import annotations

import pytest
from keyboard import problems_in_chain, tab_chain, unnamed_controls
from view_fakes import (
    VIEW_TODAY,
    FakeAccount,
    FakeProfileService,
    FakeSession,
    ended_profile,
    parent_profile,
    staff_profile,
)

from desktop.models.sections import AccessState
from desktop.models.shared.records import Role
from desktop.views.sections import SECTIONS

ACCOUNTS = {
    "primary parent": (Role.PRIMARY_PARENT, parent_profile),
    "secondary parent": (Role.SECONDARY_PARENT,
                         lambda: parent_profile(Role.SECONDARY_PARENT)),
    "parent whose contract ended": (Role.PRIMARY_PARENT,
                                    lambda: ended_profile(VIEW_TODAY)),
    "staff": (Role.STAFF, staff_profile),
}

#: Every section each kind of account sees, straight from the app's table of sections.
WALKS = [(who, section.key) for who, (role, profile) in ACCOUNTS.items()
         for section in SECTIONS if section.audience.admits(role, AccessState.of(profile()))]


def open_section(make_window, who: str, key: str):
    role, profile = ACCOUNTS[who]
    window = make_window(FakeSession(FakeAccount(role=role)), FakeProfileService(profile()))
    assert window.has_section(key)
    window.show_section(key)
    window.navigation.setFocus()
    return window


@pytest.mark.parametrize(("who", "key"), WALKS)
def test_tab_reaches_every_control_of_the_page_and_leaves_it(qtbot, make_window, who,
                                                              key) -> None:
    window = open_section(make_window, who, key)
    stops = tab_chain(qtbot, window, window.navigation)
    assert not problems_in_chain(window, stops), "\n".join(problems_in_chain(window, stops))


@pytest.mark.parametrize(("who", "key"), WALKS)
def test_every_control_of_the_page_has_an_accessible_name(make_window, who, key) -> None:
    window = open_section(make_window, who, key)
    assert not unnamed_controls(window), "\n".join(unnamed_controls(window))
