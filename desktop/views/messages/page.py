"""The "Berichten" page: the inbox on the left, the open conversation's thread and the
composer on the right (the mail layout people know); parents start a conversation with
"New message", staff filter by group and close what is done."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.models.messages.conversations import ConversationsModel
from desktop.models.messages.thread import ThreadModel
from desktop.models.shared.records import Attachment, Inbox, MessageDraft, Profile
from desktop.services.messages.service import NotQueued, draft_key
from desktop.views.messages.composer import Composer
from desktop.views.messages.delegates import ConversationDelegate, ThreadDelegate
from desktop.views.messages.new_conversation import NewConversationDialog, recipients
from desktop.views.shared.message_bar import MessageBar
from desktop.views.shared.on_screen import OnScreenWatch
from desktop.views.shared.pages import OPEN_ITEM, Intent, PageContext
from desktop.views.shared.theme import mark

if TYPE_CHECKING:
    from desktop.services.messages.service import MessagesService

__all__ = ["MessagesPage"]

SOURCE = "messages"


class MessagesPage(QWidget):
    def __init__(self, messages: MessagesService, *, staff: bool,
                 profile: Profile | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messagesPage")
        self._service = messages
        self._staff = staff
        self._profile = profile
        self._bar: MessageBar | None = None
        self._current: int | None = None
        self._waiting_for: int | None = None  # the outbox id of a new conversation
        self._filling = False  # the thread is being filled: its scrolling is not the reader's
        self._attachment_actions: dict[int, tuple[str, Path | None]] = {}
        self.conversations = ConversationsModel(self, staff=staff)
        self.thread_model = ThreadModel(self, family_side=not staff)

        title = mark(QLabel(self.tr("Messages"), self), "heading")
        self.new_button = QPushButton(self.tr("New message…"), self)
        self.new_button.setObjectName("newMessage")
        mark(self.new_button, "primary")
        self.new_button.setVisible(not staff)
        self.group_filter = QComboBox(self)
        self.group_filter.setObjectName("groupFilter")
        self.group_filter.setAccessibleName(self.tr("Group"))
        self.group_filter.setVisible(staff)
        self.close_button = QPushButton(self.tr("Close conversation"), self)
        self.close_button.setObjectName("closeConversation")
        self.close_button.setVisible(False)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.group_filter)
        top.addWidget(self.new_button)

        self.list = QListView(self)
        self.list.setObjectName("conversations")
        self.list.setAccessibleName(self.tr("Conversations"))
        self.list.setModel(self.conversations)
        self.list.setItemDelegate(ConversationDelegate(self.list))
        self.list.setUniformItemSizes(True)
        self.list.setMinimumWidth(280)
        self.empty = mark(QLabel("", self), "muted")
        self.empty.setObjectName("messagesEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.subject = mark(QLabel("", self), "subheading")
        self.subject.setObjectName("conversationSubject")
        self.about = mark(QLabel("", self), "muted")
        self.about.setObjectName("conversationAbout")
        self.thread = QListView(self)
        self.thread.setObjectName("thread")
        self.thread.setAccessibleName(self.tr("Messages in this conversation"))
        self.thread.setModel(self.thread_model)
        self.thread.setResizeMode(QListView.ResizeMode.Adjust)
        self.thread.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.thread.setWordWrap(True)
        self.delegate = ThreadDelegate(self.thread)
        self.thread.setItemDelegate(self.delegate)
        self.files_bar = QHBoxLayout()
        self.composer = Composer(self)
        header = QHBoxLayout()
        header.addWidget(self.subject, 1)
        header.addWidget(self.close_button)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(header)
        right_layout.addWidget(self.about)
        right_layout.addWidget(self.thread, 1)
        right_layout.addLayout(self.files_bar)
        right_layout.addWidget(self.composer)
        self.nothing_open = mark(QLabel(self.tr("Choose a conversation on the left."), self),
                                 "muted")
        self.nothing_open.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.right = QStackedWidget(self)
        self.right.addWidget(self.nothing_open)
        self.right.addWidget(right)
        left = QStackedWidget(self)
        left.addWidget(self.list)
        left.addWidget(self.empty)
        self.left = left
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(self.right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([340, 640])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        # Typing is kept as a draft half a second after the last key.
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(500)
        self._draft_timer.timeout.connect(self._keep_draft)
        # The open conversation is read only while the user can see it (not minimised, not
        # behind the lock or another section): the service marks it then, and when they return.
        self.on_screen = OnScreenWatch(self)
        self._connect()
        self._show_inbox(messages.inbox)

    @classmethod
    def from_context(cls, context: PageContext) -> MessagesPage:
        account = context.services.session.account
        staff = account is not None and not account.role.is_parent
        page = cls(context.services.messages, staff=staff,
                   profile=context.services.profile.profile, parent=context.parent)
        page._bar = context.messages
        context.services.profile.profileChanged.connect(page._profile_changed)
        return page

    def activate(self, intent: Intent | None = None) -> None:
        self._service.refresh()
        if intent is not None and intent.action == OPEN_ITEM:
            self.show_conversation(intent.item)

    def show_conversation(self, conversation_id: object) -> None:
        """Open this conversation (a notification was clicked), in every group's list."""
        if self._staff and self.conversations.row_of(conversation_id) < 0:  # type: ignore
            self.group_filter.setCurrentIndex(0)
        if (row := self.conversations.row_of(conversation_id)) >= 0:  # type: ignore
            self.list.setCurrentIndex(self.conversations.index(row))

    # --- wiring -------------------------------------------------------------------------------

    def _connect(self) -> None:
        service = self._service
        service.inboxChanged.connect(self._show_inbox)
        service.threadChanged.connect(self._thread_changed)
        service.queuedChanged.connect(self._show_thread)
        service.sent.connect(self._sent)
        service.problem.connect(self._problem)
        service.problemSolved.connect(self._solved)
        service.attachmentReady.connect(self._attachment_ready)
        service.attachmentFailed.connect(self._problem)
        self.on_screen.changed.connect(service.set_thread_on_screen)
        self.list.selectionModel().currentChanged.connect(self._conversation_chosen)
        self.thread.selectionModel().currentChanged.connect(self._message_chosen)
        bar = self.thread.verticalScrollBar()
        bar.valueChanged.connect(self._thread_scrolled)
        bar.rangeChanged.connect(lambda *_range: self._thread_scrolled(bar.value()))
        self.composer.sendRequested.connect(self._send)
        self.composer.draftChanged.connect(lambda _text: self._draft_timer.start())
        self.new_button.clicked.connect(self._new_conversation)
        self.close_button.clicked.connect(self._close_conversation)
        self.group_filter.currentIndexChanged.connect(
            lambda _n: self.conversations.set_group(self.group_filter.currentData()))

    # --- the inbox ----------------------------------------------------------------------------

    def _show_inbox(self, inbox: Inbox | None) -> None:
        chosen = self._current
        self.conversations.set_conversations(inbox.conversations if inbox else ())
        if self._staff:
            self._fill_groups(inbox)
        if inbox is None:
            self.empty.setText(self.tr("Loading messages…"))
        elif not inbox.conversations:
            self.empty.setText(self.tr("No messages yet.") if self._staff else self.tr(
                "No messages yet. With \"New message\" you write to the staff of your "
                "child's group."))
        self.left.setCurrentWidget(self.list if inbox and inbox.conversations else self.empty)
        if chosen is not None and (row := self.conversations.row_of(chosen)) >= 0:
            self.list.selectionModel().setCurrentIndex(
                self.conversations.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self._show_header()

    def _fill_groups(self, inbox: Inbox | None) -> None:
        groups = sorted({(c.group_name, c.group_id) for c in inbox.conversations}) if inbox \
            else []
        wanted = [None] + [g for _n, g in groups]
        present = [self.group_filter.itemData(n) for n in range(self.group_filter.count())]
        if wanted == present:
            return
        chosen = self.group_filter.currentData()
        self.group_filter.blockSignals(True)
        self.group_filter.clear()
        self.group_filter.addItem(self.tr("All groups"), None)
        for name, group_id in groups:
            self.group_filter.addItem(name, group_id)
        self.group_filter.setCurrentIndex(max(0, self.group_filter.findData(chosen)))
        self.group_filter.blockSignals(False)

    def _conversation_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        conversation = self.conversations.conversation_at(current.row())
        new = conversation.id if conversation else None
        if new == self._current:
            return
        self._keep_draft()
        self._current = new
        self.right.setCurrentIndex(1 if new is not None else 0)
        self.composer.set_draft(self._service.draft(self._draft_key()))
        self.delegate.forget()
        self._show_thread()
        self._show_header()
        self.on_screen.check()
        self._service.open(new)

    def _show_header(self) -> None:
        conversation = self._service.conversation(self._current) if self._current else None
        if conversation is None:
            return
        self.subject.setText(conversation.subject)
        about = f"{conversation.child_name} · {conversation.group_name}"
        if self._staff:
            about = f"{conversation.family_name} · {about}"
        if conversation.closed:
            about += " · " + self.tr("closed (a new message opens it again)")
        self.about.setText(about)
        self.close_button.setVisible(self._staff and not conversation.closed)

    # --- the thread ---------------------------------------------------------------------------

    def _thread_changed(self, conversation_id: int, _messages: list) -> None:
        if conversation_id == self._current:
            self._show_thread()

    def _show_thread(self) -> None:
        if self._current is None:
            return
        self._filling = True  # the reset's own scrolling is not the reader's
        self._fill_thread()
        self.thread.scrollToBottom()
        self._filling = False
        self._message_chosen(self.thread.currentIndex(), QModelIndex())

    def _fill_thread(self) -> None:
        conversation, current = self._service.conversation(self._current), self._current
        read = 0 if conversation is None else (
            conversation.family_read_id if self._staff else conversation.group_read_id)
        self.thread_model.set_thread(self._service.thread(current) or [],
                                     self._service.queued(current), read_by_other_side=read)

    def _thread_scrolled(self, value: int) -> None:
        """Near the top (a page from it): older messages come in above, what was read stays
        put. Also asked when the range changes, so that a top reached while it grew loads."""
        bar = self.thread.verticalScrollBar()
        if self._filling or value > bar.minimum() + bar.pageStep() or self._current is None \
                or bar.maximum() == bar.minimum():
            return
        from_bottom, self._filling = bar.maximum() - value, True
        if not self.thread_model.older_hidden and self._service.load_older(self._current):
            self._fill_thread()  # what the service read on from the cache
        self.thread_model.show_older()
        self.thread.doItemsLayout()
        bar.setValue(bar.maximum() - from_bottom)
        self._filling = False

    def _message_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        while (item := self.files_bar.takeAt(0)) is not None:
            if item.widget() is not None:
                item.widget().deleteLater()
        message = self.thread_model.message_at(current.row())
        for attachment in message.attachments if message else ():
            open_button = QPushButton(self.tr("Open {name}").format(name=attachment.filename),
                                      self)
            open_button.setObjectName("openAttachment")
            open_button.clicked.connect(lambda _=False, a=attachment: self.open_attachment(a))
            save_button = QPushButton(self.tr("Save…"), self)
            save_button.setObjectName("saveAttachment")
            save_button.clicked.connect(lambda _=False, a=attachment: self._save_attachment(a))
            self.files_bar.addWidget(open_button)
            self.files_bar.addWidget(save_button)
        queued = self.thread_model.queued_at(current.row())
        if queued is not None and queued.refusal:
            remove = QPushButton(self.tr("Remove this message"), self)
            remove.setObjectName("removeRefused")
            remove.clicked.connect(lambda _=False, q=queued: self._service.discard(q.outbox_id))
            self.files_bar.addWidget(remove)
        self.files_bar.addStretch(1)

    # --- attachments --------------------------------------------------------------------------

    def open_attachment(self, attachment: Attachment) -> None:
        self._attachment_actions[attachment.id] = ("open", None)
        self._service.fetch_attachment(attachment)

    def _save_attachment(self, attachment: Attachment) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save attachment"), str(Path.home() / attachment.filename))
        if name:
            self._attachment_actions[attachment.id] = ("save", Path(name))
            self._service.fetch_attachment(attachment)

    def _attachment_ready(self, attachment_id: int, path: str) -> None:
        action, target = self._attachment_actions.pop(attachment_id, ("", None))
        if action == "open":
            QDesktopServices.openUrl(QUrl.fromLocalFile(path))
        elif action == "save" and target is not None:
            problem = self._service.save_attachment(Path(path), target)
            if problem:
                self._problem(problem)

    # --- writing ------------------------------------------------------------------------------

    def _draft_key(self) -> str:
        return draft_key(self._current)

    def _keep_draft(self) -> None:
        self._draft_timer.stop()
        if self._current is not None:
            problem = self._service.keep_draft(self._draft_key(),
                                               self.composer.text.toPlainText())
            if problem:
                self._problem(problem)

    def _send(self, text: str, files: list[Path]) -> None:
        if self._current is None:
            return
        if self._queue(MessageDraft(text, conversation_id=self._current), files) is not None:
            self.composer.set_draft("")
            self._keep_draft()

    def _queue(self, draft: MessageDraft, files: list[Path]) -> int | None:
        """Put the message in the outbox; on a refusal (a file, the disk) nothing is lost: the
        text stays where it was and the reason is shown."""
        try:
            return self._service.send(draft, files)
        except NotQueued as refused:
            self._problem(refused.message)
        return None

    def _new_conversation(self) -> None:
        dialog = NewConversationDialog(recipients(self._profile, date.today()), self)
        dialog.accepted.connect(lambda: self._start(dialog.draft()))
        dialog.open()

    def _start(self, draft: MessageDraft) -> None:
        self._waiting_for = self._queue(draft, [])

    def _sent(self, outbox_id: int, posted) -> None:  # noqa: ANN001 (Posted)
        if outbox_id == self._waiting_for:
            self._waiting_for = None
            self._current = None
            row = self.conversations.row_of(posted.conversation.id)
            if row >= 0:
                self.list.setCurrentIndex(self.conversations.index(row))

    def _close_conversation(self) -> None:
        if self._current is not None:
            self._service.close_conversation(self._current)

    def _profile_changed(self, profile: Profile) -> None:
        self._profile = profile

    def _problem(self, text: str) -> None:
        if self._bar is not None:
            self._bar.show_message(text, source=SOURCE)

    def _solved(self) -> None:
        if self._bar is not None:
            self._bar.clear(SOURCE)
