"""The account's security: its password, its login address, the two-factor login and the
new-device mails (docs/api.md, "Account security").

Each action reports its own outcome, so the dialog that asked shows the refusal next to what
was typed (``refused(action, message)``) and closes on success.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desktop.api.account.records import AccountSecurity
from desktop.api.core.errors import PortalError, SessionExpired
from desktop.services.session.security_messages import security_message
from desktop.services.session.service import SessionService
from desktop.services.shared.errors import user_message
from desktop.services.shared.tasks import CrashHandler, TaskRunner

__all__ = ["ACTIONS", "AccountSecurityService"]

#: The actions of ``refused(action, message)``.
ACTIONS = ("password", "email", "email_code", "two_factor", "two_factor_code",
           "two_factor_off", "new_device_mail")

class AccountSecurityService(QObject):
    """Signals: ``securityChanged(AccountSecurity)``; ``passwordChanged(int)`` (other devices
    logged out); ``emailCodeSent(str)`` (the new address); ``emailChanged(str)``;
    ``twoFactorSetupReady(TwoFactorSetup)``; ``twoFactorEnabled(list[str])`` (the recovery
    codes); ``twoFactorDisabled()``; ``refused(str, str)`` (an action of :data:`ACTIONS` and
    the translated reason); ``problem(str)`` when the state could not be loaded."""

    securityChanged = Signal(object)
    passwordChanged = Signal(int)
    emailCodeSent = Signal(str)
    emailChanged = Signal(str)
    twoFactorSetupReady = Signal(object)
    twoFactorEnabled = Signal(list)
    twoFactorDisabled = Signal()
    refused = Signal(str, str)
    problem = Signal(str)

    def __init__(self, session: SessionService, *, on_crash: CrashHandler | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._tasks = TaskRunner(on_crash)
        self._security: AccountSecurity | None = None
        session.loggedOut.connect(self._forget)
        session.sessionExpired.connect(self._forget)

    @property
    def security(self) -> AccountSecurity | None:
        return self._security

    def load(self) -> None:
        self._tasks.run("load", self._load(), self._load_failed)

    def change_password(self, current: str, new: str, end_other_sessions: bool) -> None:
        self._run("password", self._change_password(current, new, end_other_sessions))

    def request_email_change(self, current_password: str, new_email: str) -> None:
        self._run("email", self._request_email(current_password, new_email.strip()))

    def confirm_email_change(self, code: str) -> None:
        self._run("email_code", self._confirm_email(code.strip()))

    def start_two_factor(self) -> None:
        self._run("two_factor", self._start_two_factor())

    def confirm_two_factor(self, code: str) -> None:
        self._run("two_factor_code", self._confirm_two_factor(code.strip()))

    def disable_two_factor(self, code: str) -> None:
        self._run("two_factor_off", self._disable_two_factor(code.strip()))

    def set_new_device_mail(self, on: bool) -> None:
        self._run("new_device_mail", self._call(
            lambda client: client.account.set_new_device_mail(on)))

    # -- the work ------------------------------------------------------------------------------
    def _run(self, action: str, work: object) -> None:
        self._tasks.run(action, work, lambda error: self._refused(action, error))

    async def _call(self, call) -> None:  # noqa: ANN001
        self._set(await self._session.request(call))

    async def _load(self) -> None:
        await self._call(lambda client: client.account.security())

    async def _change_password(self, current: str, new: str, end_others: bool) -> None:
        ended = await self._session.request(
            lambda client: client.account.change_password(current, new, end_others))
        self._session.password_changed(new)
        self.passwordChanged.emit(ended)

    async def _request_email(self, password: str, new_email: str) -> None:
        security = await self._session.request(
            lambda client: client.account.request_email_change(password, new_email))
        self._set(security)
        self.emailCodeSent.emit(security.pending_email or new_email)

    async def _confirm_email(self, code: str) -> None:
        security = await self._session.request(
            lambda client: client.account.confirm_email_change(code))
        self._set(security)
        self.emailChanged.emit(security.email)

    async def _start_two_factor(self) -> None:
        setup = await self._session.request(lambda client: client.account.start_two_factor())
        self.twoFactorSetupReady.emit(setup)

    async def _confirm_two_factor(self, code: str) -> None:
        codes = await self._session.request(
            lambda client: client.account.confirm_two_factor(code))
        self.twoFactorEnabled.emit(codes)
        await self._load()

    async def _disable_two_factor(self, code: str) -> None:
        await self._call(lambda client: client.account.disable_two_factor(code))
        self.twoFactorDisabled.emit()

    # -- outcomes ------------------------------------------------------------------------------
    def _set(self, security: AccountSecurity) -> None:
        self._security = security
        self.securityChanged.emit(security)

    def _refused(self, action: str, error: PortalError) -> None:
        if isinstance(error, SessionExpired) and self._session.account is None:
            return  # the session service reports the end of the session
        self.refused.emit(action, security_message(error))

    def _load_failed(self, error: PortalError) -> None:
        if isinstance(error, SessionExpired) and self._session.account is None:
            return
        self.problem.emit(user_message(error))

    def _forget(self, *_args: object) -> None:
        self._tasks.cancel_all()
        self._security = None

    async def aclose(self) -> None:
        await self._tasks.drain()
