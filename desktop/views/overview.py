"""The overview: a parent's children or a staff member's groups as cards, empty states explained."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.models.overview.children import ChildrenModel
from desktop.models.overview.groups import GroupsModel
from desktop.models.shared.formatting import format_date
from desktop.models.shared.records import Profile
from desktop.views.shared.cards import CardGrid
from desktop.views.shared.pages import SAVE_ALL_DOCUMENTS, Blocks, Intent, Navigator, PageContext
from desktop.views.shared.theme import mark

__all__ = ["OverviewPage"]


class OverviewPage(QWidget):
    """Shows the profile's children (parents) or groups (staff, managers).

    Signal: ``saveDocumentsRequested()`` — the parent whose access ends asked to save their
    documents (offered only after :meth:`set_documents_available`).
    """

    saveDocumentsRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overviewPage")
        self._documents_available = False
        self._navigator: Navigator | None = None
        self.children_model = ChildrenModel(parent=self)
        self.groups_model = GroupsModel(parent=self)

        self.greeting = mark(QLabel("", self), "heading")
        self.greeting.setObjectName("greeting")
        self.access_notice = mark(QLabel("", self), "warning")
        self.access_notice.setObjectName("accessNotice")
        self.access_notice.setWordWrap(True)
        self.access_notice.hide()
        self.save_documents = QPushButton(self.tr("Save all documents…"), self)
        self.save_documents.setObjectName("saveDocuments")
        self.save_documents.clicked.connect(self.saveDocumentsRequested)
        self.save_documents.hide()
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
        layout.addWidget(self.save_documents, 0, Qt.AlignmentFlag.AlignLeft)
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
        # Saving documents is offered only where there is a Financieel section to do it.
        page._navigator = context.navigator
        page.set_documents_available(context.navigator.has_section(SAVE_ALL_DOCUMENTS.section))
        page.saveDocumentsRequested.connect(page._save_documents)
        context.services.profile.profileChanged.connect(page.set_profile)
        page.set_profile(context.services.profile.profile)
        return page

    def activate(self, intent: Intent | None = None) -> None:
        """Nothing to fetch: the profile service keeps the profile current (the blocks fetch
        their own)."""
        self.blocks.activate(intent)

    def _save_documents(self) -> None:
        """"Alles opslaan" from the notice that access ends: the Financieel section shows what
        is saved (or, for a secondary parent, who can)."""
        if self._navigator is not None:
            self._navigator.show_section(SAVE_ALL_DOCUMENTS.section, SAVE_ALL_DOCUMENTS)

    def set_documents_available(self, available: bool) -> None:
        """Whether this app can save the family's documents (it has a Financieel section)."""
        self._documents_available = available

    def set_profile(self, profile: Profile | None, today: date | None = None) -> None:
        day = today or date.today()
        self.children_model.set_profile(profile if profile and profile.user.role.is_parent
                                        else None, day)
        self.groups_model.set_profile(profile if profile and not profile.user.role.is_parent
                                      else None)
        if profile is None:
            self.greeting.setText(self.tr("Welcome"))
            self.access_notice.hide()
            self.save_documents.hide()
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
        self._show_access_notice(profile)
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

    def _show_access_notice(self, profile: Profile) -> None:
        if profile.access_until is None:
            self.access_notice.hide()
            self.save_documents.hide()
            return
        self.access_notice.setText(self.tr(
            "Access to the portal ends on {date} — save your documents before then.").format(
            date=format_date(profile.access_until, QLocale())))
        self.access_notice.show()
        self.save_documents.setVisible(self._documents_available
                                       and profile.user.role.is_parent)

    def _show_empty(self, text: str) -> None:
        self.empty_state.setText(text)
        self.empty_state.setVisible(bool(text))
