"""Personal data (docs/api.md, "Personal data"): the family's details and its change requests
for parents, the change requests to decide for managers, the care notes for staff.

Refusals come back per action with the server's field errors (``{field: message}``, in the
app's language), so a form can show each next to its field and keep what was typed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop.api.core.errors import PortalError, ProblemResponse, SessionExpired
from desktop.api.personal_data.records import ChangeField, ChangeRequest, PersonalData
from desktop.api.profile.records import PhotoConsent
from desktop.services.session.service import SessionService
from desktop.services.shared.errors import disk_message, user_message
from desktop.services.shared.saved_downloads import save_download
from desktop.services.shared.tasks import CrashHandler, TaskRunner

__all__ = ["PersonalDataService", "field_errors"]


def _failure(error: Exception) -> str:
    return disk_message(error) if isinstance(error, OSError) else user_message(error)


def field_errors(error: PortalError) -> dict[str, str]:
    """The server's message per field of a ``validation_error`` (empty for other errors)."""
    if not isinstance(error, ProblemResponse) or error.code != "validation_error":
        return {}
    return {str(e.get("field")): str(e.get("message")) for e in error.extra.get("errors", [])
            if isinstance(e, dict)}


class PersonalDataService(QObject):
    """Signals: ``dataChanged(PersonalData)``; ``contactSaved()``; ``proposed(ChangeRequest)``;
    ``photoConsentSaved(int, PhotoConsent)`` (the child, its consents as the portal has them
    now; a refusal is ``refused`` with the key ``photo_consent:<child>``);
    ``refused(str, str, dict)`` (the form's key, the message, the field errors);
    ``changeRequestsChanged(list)`` and ``decided(ChangeRequest)`` for managers;
    ``careNotesChanged(list)`` for staff; ``problem(str, str)`` when loading failed (what:
    "data", "change_requests" or "care_notes", and the message); ``downloadProgress(int,
    int)``, ``downloaded(str)`` and ``downloadFailed(str)`` for "download my data"."""

    dataChanged = Signal(object)
    contactSaved = Signal()
    proposed = Signal(object)
    photoConsentSaved = Signal(int, object)
    refused = Signal(str, str, dict)
    changeRequestsChanged = Signal(list)
    decided = Signal(object)
    careNotesChanged = Signal(list)
    problem = Signal(str, str)
    downloadProgress = Signal(int, int)  # bytes so far, the whole (0: not known)
    downloaded = Signal(str)  # the file it was saved to
    downloadFailed = Signal(str)

    def __init__(self, session: SessionService, *, on_crash: CrashHandler | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._tasks = TaskRunner(on_crash)
        self._data: PersonalData | None = None
        self._care_notes: list = []
        session.loggedOut.connect(self._forget)
        session.sessionExpired.connect(self._forget)

    @property
    def data(self) -> PersonalData | None:
        return self._data

    @property
    def care_notes(self) -> list:
        return list(self._care_notes)

    # -- parents -------------------------------------------------------------------------------
    def load(self) -> None:
        self._tasks.run("load", self._load(), lambda e: self._load_failed("data", e))

    def change_contact(self, changes: dict[str, str | None]) -> None:
        self._tasks.run("contact", self._change_contact(changes),
                        lambda error: self._refused("contact", error))

    def change_photo_consent(self, child_id: int, consent: PhotoConsent) -> None:
        """Online, like the contact details: the portal hides or shows the child's photos at
        once, which a queued write could not promise (docs/api.md, "Personal data")."""
        key = f"photo_consent:{child_id}"
        self._tasks.run(key, self._change_photo_consent(child_id, consent),
                        lambda error: self._refused(key, error))

    def propose(self, key: str, field: ChangeField, subject_id: int,
                value: dict[str, Any]) -> None:
        """``key`` names the form that asked (its refusal goes back to it)."""
        self._tasks.run(f"propose:{key}", self._propose(field, subject_id, value),
                        lambda error: self._refused(key, error))

    def withdraw(self, key: str, request_id: int) -> None:
        self._tasks.run(f"withdraw:{key}", self._withdraw(request_id),
                        lambda error: self._refused(key, error))

    async def _load(self) -> None:
        self._set(await self._session.request(lambda client: client.personal_data.get()))

    async def _change_contact(self, changes: dict[str, str | None]) -> None:
        self._set(await self._session.request(
            lambda client: client.personal_data.change_contact(changes)))
        self.contactSaved.emit()

    async def _change_photo_consent(self, child_id: int, consent: PhotoConsent) -> None:
        saved = await self._session.request(
            lambda client: client.personal_data.change_photo_consent(child_id, consent))
        self.photoConsentSaved.emit(child_id, saved)

    async def _propose(self, field: ChangeField, subject_id: int, value: dict[str, Any]) -> None:
        request = await self._session.request(
            lambda client: client.personal_data.propose(field, subject_id, value))
        self.proposed.emit(request)
        await self._load()

    async def _withdraw(self, request_id: int) -> None:
        await self._session.request(lambda client: client.personal_data.withdraw(request_id))
        await self._load()

    def download(self, target: str | Path) -> None:
        """"Download my data" to ``target``: a partial file beside it until the last byte,
        then renamed, so an interrupted download or a full disk never leaves half a ZIP
        under the chosen name."""
        self._tasks.run("download", self._download(Path(target)),
                        lambda error: self.downloadFailed.emit(_failure(error)))

    async def _download(self, target: Path) -> None:
        await save_download(self._session, lambda client: client.personal_data.export(),
                            target, self.downloadProgress.emit)
        self.downloaded.emit(str(target))

    # -- managers ------------------------------------------------------------------------------
    def load_change_requests(self) -> None:
        self._tasks.run("change-requests", self._load_change_requests(),
                        lambda e: self._load_failed("change_requests", e))

    def approve(self, request_id: int) -> None:
        self._tasks.run(f"decide:{request_id}", self._decide(
            lambda client: client.personal_data.approve(request_id)),
            lambda error: self._refused("decision", error))

    def reject(self, request_id: int, reason: str) -> None:
        self._tasks.run(f"decide:{request_id}", self._decide(
            lambda client: client.personal_data.reject(request_id, reason)),
            lambda error: self._refused("decision", error))

    async def _load_change_requests(self) -> None:
        requests = await self._session.request(
            lambda client: client.personal_data.change_requests("pending"))
        self.changeRequestsChanged.emit(requests)

    async def _decide(self, call) -> None:  # noqa: ANN001
        request: ChangeRequest = await self._session.request(call)
        self.decided.emit(request)
        await self._load_change_requests()

    # -- staff ---------------------------------------------------------------------------------
    def load_care_notes(self) -> None:
        self._tasks.run("care-notes", self._load_care_notes(),
                        lambda e: self._load_failed("care_notes", e))

    async def _load_care_notes(self) -> None:
        self._care_notes = await self._session.request(
            lambda client: client.personal_data.care_notes())
        self.careNotesChanged.emit(list(self._care_notes))

    # -- outcomes ------------------------------------------------------------------------------
    def _set(self, data: PersonalData) -> None:
        self._data = data
        self.dataChanged.emit(data)

    def _refused(self, key: str, error: PortalError) -> None:
        if isinstance(error, SessionExpired) and self._session.account is None:
            return
        errors = field_errors(error)
        message = user_message(error) if not errors else ""
        self.refused.emit(key, message, errors)

    def _load_failed(self, what: str, error: PortalError) -> None:
        if isinstance(error, SessionExpired) and self._session.account is None:
            return
        self.problem.emit(what, user_message(error))

    def _forget(self, *_args: object) -> None:
        self._tasks.cancel_all()
        self._data = None
        self._care_notes = []

    async def aclose(self) -> None:
        await self._tasks.drain()
