"""The overview: a parent's children or a staff member's groups as cards, empty states explained,
and once care has ended until when the dagboek, the photos and the documents stay, with one
"Alles opslaan" (:mod:`desktop.services.access_ending`, :mod:`desktop.services.save_everything`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.models.overview.children import ChildrenModel
from desktop.models.overview.groups import GroupsModel
from desktop.models.shared import clock
from desktop.models.shared.formatting import format_date
from desktop.models.shared.records import Profile
from desktop.models.shared.save_summary import save_summary
from desktop.services.access_ending import ending_notice
from desktop.views.shared.cards import CardGrid
from desktop.views.shared.pages import Blocks, Intent, PageContext
from desktop.views.shared.theme import mark

if TYPE_CHECKING:
    from desktop.services.save_everything import SaveEverythingService
    from desktop.services.shared.save_folder import SaveOutcome

__all__ = ["OverviewPage"]


class OverviewPage(QWidget):
    """Shows the profile's children (parents) or groups (staff, managers); "Alles opslaan" is
    offered once :meth:`set_save_everything` gave it the service."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overviewPage")
        self._save_everything: SaveEverythingService | None = None
        self._retention_weeks: Callable[[], int] = lambda: 8
        self._profile: Profile | None = None
        self.progress: QProgressDialog | None = None
        self.children_model = ChildrenModel(parent=self)
        self.groups_model = GroupsModel(parent=self)

        self.greeting = mark(QLabel("", self), "heading")
        self.greeting.setObjectName("greeting")
        self.access_notice = mark(QLabel("", self), "warning")
        self.access_notice.setObjectName("accessNotice")
        self.access_notice.setWordWrap(True)
        self.access_notice.hide()
        self.save_everything = QPushButton(self.tr("Save everything…"), self)
        self.save_everything.setObjectName("saveEverything")
        self.save_everything.setToolTip(self.tr(
            "Save your documents, the diary and every photo into one folder. Saving again "
            "adds only what is not there yet."))
        self.save_everything.clicked.connect(self.choose_folder)
        self.save_everything.hide()
        self.save_summary = mark(QLabel("", self), "muted")
        self.save_summary.setObjectName("saveSummary")
        self.save_summary.setWordWrap(True)
        self.save_summary.hide()
        self.list_title = mark(QLabel("", self), "subheading")
        self.list_title.setObjectName("listTitle")
        self.empty_state = mark(QLabel("", self), "muted")
        self.empty_state.setObjectName("emptyState")
        self.empty_state.setWordWrap(True)
        self.children_view = CardGrid(self)
        self.children_view.setObjectName("children")
        self.children_view.setModel(self.children_model)
        self.children_view.setAccessibleName(self.tr("Your children"))
        self.groups_view = CardGrid(self)
        self.groups_view.setObjectName("groups")
        self.groups_view.setModel(self.groups_model)
        self.groups_view.setAccessibleName(self.tr("Your groups"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 16)
        layout.setSpacing(10)
        layout.addWidget(self.greeting)
        layout.addWidget(self.access_notice)
        layout.addWidget(self.save_everything, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.save_summary)
        layout.addWidget(self.list_title)
        layout.addWidget(self.empty_state)
        layout.addWidget(self.children_view, 1)
        layout.addWidget(self.groups_view, 1)
        # Blocks of other features (the section table adds them: staff's care notes).
        self.blocks = Blocks(layout)
        self.set_profile(None)

    @classmethod
    def from_context(cls, context: PageContext) -> OverviewPage:
        """The page of the "overview" section, following the profile service."""
        page = cls(context.parent)
        services = context.services
        page.set_save_everything(services.save_everything,
                                 lambda: services.agenda.policy.diary_retention_weeks)
        services.profile.profileChanged.connect(page.set_profile)
        page.set_profile(context.services.profile.profile)
        return page

    def activate(self, intent: Intent | None = None) -> None:
        """Nothing to fetch: the profile service keeps the profile current (the blocks fetch
        their own)."""
        self.blocks.activate(intent)

    def set_save_everything(self, service: SaveEverythingService,
                            retention_weeks: Callable[[], int]) -> None:
        """Offer "Alles opslaan" through ``service``; the dagboek and photos stay
        ``retention_weeks()`` after care ended (the policy's ``diary_retention_weeks``, read
        each time: the policy arrives after the login)."""
        self._save_everything = service
        self._retention_weeks = retention_weeks
        service.progress.connect(self._save_progress)
        service.ended.connect(self._save_ended)

    def set_profile(self, profile: Profile | None, today: date | None = None) -> None:
        day = today or clock.today()
        self._profile = profile
        self.children_model.set_profile(profile if profile and profile.user.role.is_parent
                                        else None, day)
        self.groups_model.set_profile(profile if profile and not profile.user.role.is_parent
                                      else None)
        if profile is None:
            self.greeting.setText(self.tr("Welcome"))
            self.access_notice.hide()
            self.save_everything.hide()
            self.list_title.hide()
            self.children_view.hide()
            self.groups_view.hide()
            self._show_empty(self.tr(
                "Your details have not been loaded yet. They appear here as soon as the portal "
                "can be reached."))
            return
        first_name = profile.user.name.split()[0] if profile.user.name.strip() else ""
        self.greeting.setText(self.tr("Hello {name}").format(name=first_name) if first_name
                              else self.tr("Welcome"))
        self._show_access_notice(profile, day)
        self.list_title.show()
        if profile.user.role.is_parent:
            self.list_title.setText(self.tr("Your children"))
            self.groups_view.hide()
            has_rows = self.children_model.rowCount() > 0
            self.children_view.setVisible(has_rows)
            self._show_empty("" if has_rows else self.tr(
                "No children are linked to your account yet. If that is not right, please "
                "contact your location."))
        else:
            self.list_title.setText(self.tr("Your groups"))
            self.children_view.hide()
            has_rows = self.groups_model.rowCount() > 0
            self.groups_view.setVisible(has_rows)
            self._show_empty("" if has_rows else self.tr(
                "You are not linked to a group yet. Ask your location manager to add you to "
                "your group."))

    def _show_access_notice(self, profile: Profile, today: date) -> None:
        if profile.access_until is None or not profile.user.role.is_parent:
            self.access_notice.hide()
            self.save_everything.hide()
            return
        self.access_notice.setText(self._notice_text(profile, today))
        self.access_notice.show()
        self.save_everything.setVisible(self._save_everything is not None)

    def _notice_text(self, profile: Profile, today: date) -> str:
        notice = ending_notice(profile, self._retention_weeks(), today)
        documents = format_date(profile.access_until, QLocale())
        if notice is None:  # the last contract ends later
            return self.tr("Access to the portal ends on {date} — save your documents before "
                           "then.").format(date=documents)
        if notice.diary_and_photos_until is None:
            if notice.reminder:
                return self.tr("Only until {date}: after that your documents and this account "
                               "are no longer available. Save them now.").format(date=documents)
            return self.tr("The diary and the photos are no longer available. Your documents "
                           "stay available until {date}. Do not forget to save them.").format(
                date=documents)
        photos = format_date(notice.diary_and_photos_until, QLocale())
        if notice.reminder:
            return self.tr("Only until {photos}: after that the diary and the photos are no "
                           "longer available. Save them now. Your documents stay available "
                           "until {documents}.").format(photos=photos, documents=documents)
        return self.tr("Your childcare has ended. The diary and the photos stay available until "
                       "{photos}, your documents until {documents}. Do not forget to save "
                       "them.").format(photos=photos, documents=documents)

    # --- "Alles opslaan" ----------------------------------------------------------------------

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Save everything to…"),
                                                  str(Path.home()))
        if folder:
            self.save_to(Path(folder))

    def save_to(self, folder: Path) -> None:
        """Save everything there still is into ``folder``, with a cancellable progress
        dialog; the summary shows under the button."""
        service = self._save_everything
        if service is None or service.running:
            return
        self.progress = QProgressDialog(self.tr("Saving…"), self.tr("Cancel"), 0, 0, self)
        self.progress.setObjectName("saveEverythingProgress")
        self.progress.setWindowTitle(self.tr("Save everything"))
        self.progress.setMinimumDuration(0)
        self.progress.canceled.connect(service.cancel)
        self.progress.show()
        service.save(folder, clock.today())

    def _save_progress(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress.setMaximum(total)
            self.progress.setValue(done)
            self.progress.setLabelText(self.tr("Saving: {done} of {total}…").format(
                done=done, total=total))

    def _save_ended(self, outcome: SaveOutcome | None) -> None:
        if self.progress is not None:
            if self._save_everything is not None:
                self.progress.canceled.disconnect(self._save_everything.cancel)
            self.progress.close()
            self.progress = None
        self.save_summary.setText(self.summary(outcome))
        self.save_summary.show()

    def summary(self, outcome: SaveOutcome | None) -> str:
        if outcome is None:
            return save_summary(None, "")
        kinds = outcome.saved_by_kind
        return save_summary(outcome, self.tr(
            "Saved: {documents} documents, {diaries} diary PDFs, {photos} photos.").format(
            documents=kinds.get("document", 0), diaries=kinds.get("diary", 0),
            photos=kinds.get("photo", 0)))

    def _show_empty(self, text: str) -> None:
        self.empty_state.setText(text)
        self.empty_state.setVisible(bool(text))
