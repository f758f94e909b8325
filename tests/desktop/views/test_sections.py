"""The app's table of sections: what it lists, who sees what, and that every entry builds a page
the main window can show."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QStatusBar, QWidget
from view_fakes import fake_services

from desktop.models.sections import PARENTS, STAFF, AccessState, SectionsModel
from desktop.models.shared.records import Role
from desktop.views.sections import SECTIONS
from desktop.views.shared.message_bar import MessageBar
from desktop.views.shared.pages import PageContext


class Navigator:
    def __init__(self) -> None:
        self.shown: list[tuple[str, object]] = []

    def show_section(self, key: str, intent=None) -> None:
        self.shown.append((key, intent))

    def has_section(self, key: str) -> bool:
        return True


def test_sections_are_only_the_built_ones(qtmodeltester) -> None:
    model = SectionsModel(SECTIONS, icon_for=lambda name: QIcon())
    qtmodeltester.check(model, force_py=True)
    titles = [model.index(r).data(Qt.ItemDataRole.DisplayRole) for r in range(model.rowCount())]
    assert titles == ["Group today", "Overview", "Agenda", "Diary", "Photos", "Finance",
                      "Pending requests", "Changes", "Messages", "News", "Personal details",
                      "Account"]
    assert [model.key_at(r) for r in range(12)] == [
        "group_day", "overview", "agenda", "diary", "photos", "finance", "pending_requests",
        "change_requests", "messages", "news", "personal_data", "account"]
    assert model.row_of("overview") == 1
    assert model.key_at(12) is None
    assert model.index(6).data(SectionsModel.Role.IconName) == "pending-requests"
    assert model.index(0).data(SectionsModel.Role.IconName) == "group-day"
    assert model.index(3).data(SectionsModel.Role.IconName) == "diary"
    assert model.index(4).data(SectionsModel.Role.IconName) == "photos"


def test_each_section_is_for_its_own_people() -> None:
    # The app's navigation per role, in full: a new section says here who sees it.
    audiences = {s.key: s.audience for s in SECTIONS}
    assert audiences["agenda"] == PARENTS
    # A secondary parent keeps the section: the page says who sees the invoices.
    assert audiences["finance"] == PARENTS
    assert audiences["pending_requests"] == STAFF
    seen_by = {role: [s.key for s in SECTIONS if s.audience.admits(role, AccessState.ENDING)]
               for role in Role}
    # Both parents keep their details up to date; the location manager decides on changes.
    # Staff and managers start with their group's day; parents read the diary after the
    # agenda. Photos: parents browse their children's, staff and managers post their groups'
    # (the page differs by role, tests/desktop/views/photos). Everyone takes part in messages
    # and reads news: parents write, staff and managers answer and publish.
    assert seen_by[Role.PRIMARY_PARENT] == ["overview", "agenda", "diary", "photos", "finance",
                                            "messages", "news", "personal_data", "account"]
    assert seen_by[Role.SECONDARY_PARENT] == ["overview", "agenda", "diary", "photos",
                                              "finance", "messages", "news", "personal_data",
                                              "account"]
    assert seen_by[Role.STAFF] == ["group_day", "overview", "photos", "pending_requests",
                                   "messages", "news", "account"]
    assert seen_by[Role.MANAGER] == ["group_day", "overview", "photos", "pending_requests",
                                     "change_requests", "messages", "news", "account"]


def test_a_count_follows_its_sections_title(qtmodeltester) -> None:
    model = SectionsModel(SECTIONS, icon_for=lambda name: QIcon())
    row = model.row_of("messages")
    model.set_count("messages", 3)
    qtmodeltester.check(model, force_py=True)
    assert model.index(row).data(Qt.ItemDataRole.DisplayRole) == "Messages (3)"
    assert model.index(row).data(SectionsModel.Role.Count) == 3
    model.set_count("messages", 0)
    assert model.index(row).data(Qt.ItemDataRole.DisplayRole) == "Messages"


def test_every_entry_builds_a_page_that_can_be_activated(qtbot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    context = PageContext(fake_services(), MessageBar(host), QStatusBar(host), Navigator(), host)
    keys = [s.key for s in SECTIONS]
    assert len(set(keys)) == len(keys)
    for section in SECTIONS:
        page = section.page(context)
        assert isinstance(page, QWidget), section.key
        page.activate()
        page.activate(None)
