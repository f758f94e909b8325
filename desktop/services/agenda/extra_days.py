"""Extra days (dag aanvragen): credit balance, the server's cost preview, submitting and
withdrawing requests.

Unlike absences these are not queued offline: what a request costs depends on the credit and
rates on the server at that moment, and the parent must see the cost before submitting. A
submit whose answers were all lost may still have arrived, so before saying it failed the
service looks the request up; and one draft keeps one idempotency key, so submitting it again
is answered with the first result rather than refused as "already requested".
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desktop.api.core.errors import ConnectionProblem, SessionExpired
from desktop.api.core.transport import new_idempotency_key
from desktop.api.extra_days.records import ExtraDayDraft, ExtraDayRequest, ExtraDayStatus
from desktop.services.session.account import Account
from desktop.services.session.service import SessionService
from desktop.services.shared.errors import user_message
from desktop.services.shared.tasks import CrashHandler, ExpectedError, TaskRunner

__all__ = ["ExtraDayService"]


class ExtraDayService(QObject):
    """Signals: ``creditChanged(list[ChildCredit])``; ``previewReady(ExtraDayPreview)`` /
    ``previewFailed(message)``; ``requested(list[ExtraDayRequest])`` / ``requestFailed(message)``;
    ``requestsChanged(list[ExtraDayRequest])``; ``withdrawn(ExtraDayRequest)`` /
    ``withdrawFailed(message)``; ``changed()`` after anything that alters the agenda;
    ``decisionsArrived(list[ExtraDayRequest])`` for requests the group decided since this
    computer last saw them pending; ``problem(message)`` when a background load fails for
    another reason than being offline, and ``problemSolved()`` when a load succeeded since."""

    creditChanged = Signal(list)
    previewReady = Signal(object)
    previewFailed = Signal(str)
    requested = Signal(list)
    requestFailed = Signal(str)
    requestsChanged = Signal(list)
    withdrawn = Signal(object)
    withdrawFailed = Signal(str)
    changed = Signal()
    decisionsArrived = Signal(list)
    problem = Signal(str)
    problemSolved = Signal()

    def __init__(self, session: SessionService, *, on_crash: CrashHandler | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._tasks = TaskRunner(on_crash)
        self._requests: list[ExtraDayRequest] = []
        self._keys: dict[ExtraDayDraft, str] = {}  # one idempotency key per submitted draft
        self._failing = False
        session.loggedIn.connect(self._logged_in)
        session.loggedOut.connect(self._logged_out)
        session.sessionExpired.connect(self._logged_out)

    @property
    def requests(self) -> list[ExtraDayRequest]:
        return list(self._requests)

    def load_credit(self) -> None:
        self._tasks.run("credit", self._load_credit(), self._quiet)

    async def _load_credit(self) -> None:
        credit = await self._session.request(lambda client: client.absences.credit())
        self.creditChanged.emit(credit)

    def preview(self, draft: ExtraDayDraft) -> None:
        """Ask the server what `draft` costs; a newer preview replaces a running one."""
        self._tasks.run("preview", self._preview(draft),
                        lambda error: self.previewFailed.emit(self._explain(error)))

    async def _preview(self, draft: ExtraDayDraft) -> None:
        preview = await self._session.request(lambda client: client.extra_days.preview(draft))
        self.previewReady.emit(preview)

    def submit(self, draft: ExtraDayDraft) -> None:
        self._tasks.run("submit", self._submit(draft),
                        lambda error: self.requestFailed.emit(self._explain(error)))

    async def _submit(self, draft: ExtraDayDraft) -> None:
        key = self._keys.setdefault(draft, new_idempotency_key())
        try:
            made = await self._session.request(
                lambda client: client.extra_days.request(draft, key))
        except ConnectionProblem as lost:
            # Sent, but every answer lost? The portal may have it: look before saying no.
            found = await self._submitted(draft)
            if found is None:
                raise lost from None
            made = found
        self._keys.pop(draft, None)
        self.requested.emit(made)
        self.changed.emit()
        self.load_requests()

    async def _submitted(self, draft: ExtraDayDraft) -> list[ExtraDayRequest] | None:
        """The pending requests ``draft`` made, or None when the portal has not got them all
        (or cannot be asked either)."""
        try:
            requests = await self._session.request(lambda client: client.extra_days.list())
        except ConnectionProblem:
            return None
        made = [r for r in requests if r.status is ExtraDayStatus.PENDING
                and r.child_id in draft.child_ids and r.first_date == draft.first_date
                and r.last_date == draft.last_date and r.day_part == draft.day_part
                and r.payment == draft.payment]
        return made if {r.child_id for r in made} == set(draft.child_ids) else None

    def load_requests(self) -> None:
        """The family's requests: the cached list at once, then the server's."""
        cache = self._session.cache
        if not self._requests and cache is not None:
            self._requests = cache.extra_day_requests() or []
            if self._requests:
                self.requestsChanged.emit(list(self._requests))
        self._tasks.run("requests", self._load_requests(), self._quiet)

    async def _load_requests(self) -> None:
        cache = self._session.cache
        requests = await self._session.request(lambda client: client.extra_days.list())
        if cache is None or cache is not self._session.cache:
            return  # another account by now
        seen_pending = {r.id for r in cache.extra_day_requests() or ()
                        if r.status is ExtraDayStatus.PENDING}
        self._requests = requests
        self.requestsChanged.emit(list(self._requests))
        if self._failing:
            self._failing = False
            self.problemSolved.emit()
        decided = [r for r in requests if r.id in seen_pending
                   and r.status in (ExtraDayStatus.APPROVED, ExtraDayStatus.REJECTED)]
        if decided:
            self.decisionsArrived.emit(decided)
        cache.put_extra_day_requests(requests)

    def withdraw(self, request_id: int) -> None:
        """Intrekken (the view has asked for confirmation already)."""
        self._tasks.run("withdraw", self._withdraw(request_id),
                        lambda error: self.withdrawFailed.emit(self._explain(error)))

    async def _withdraw(self, request_id: int) -> None:
        request = await self._session.request(
            lambda client: client.extra_days.withdraw(request_id))
        self.withdrawn.emit(request)
        self.changed.emit()
        self.load_requests()

    def _explain(self, error: ExpectedError) -> str:
        message = user_message(error)
        if isinstance(error, ConnectionProblem):
            return message + " " + self.tr(
                "Extra days need a connection: the portal works out the cost with your current "
                "absence credit. Try again when you are online.")
        return message

    def _quiet(self, error: ExpectedError) -> None:
        # Background loads: offline simply keeps what is shown; the status bar says offline.
        if not isinstance(error, ConnectionProblem | SessionExpired):
            self._failing = True
            self.problem.emit(user_message(error))

    def _logged_in(self, account: Account) -> None:
        # Parents hear at login what the group decided meanwhile.
        if account.role.is_parent:
            self.load_requests()

    def _logged_out(self, *_args: object) -> None:
        self._tasks.cancel_all()
        self._requests = []
        self._keys.clear()
        self._failing = False

    async def aclose(self) -> None:
        await self._tasks.drain()
