"""The two-factor setup a login must go through first when the organisation requires it for
managers (docs/api.md, "Required for managers"): the password was right, the portal handed out
a setup challenge instead of tokens, and the login window leads the manager through the setup
wizard. The session service starts it (:meth:`LoginSetup.begin`) and finishes the login with
the tokens once the wizard is done; nothing is logged in before that.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal

from desktop.api.core.errors import PortalError, TooManyAttempts
from desktop.cache.paths import account_key
from desktop.services.session.account import SecondStep
from desktop.services.session.revoke import close_client
from desktop.services.session.security_messages import security_message
from desktop.services.shared.tasks import TaskRunner

if TYPE_CHECKING:
    from desktop.api.core.tokens import Tokens

__all__ = ["LoginSetup"]

Finish = Callable[[SecondStep, "Tokens"], Awaitable[None]]


class LoginSetup(QObject):
    """Signals: ``required()`` (open the wizard); ``setupReady(TwoFactorSetup)``;
    ``refused(str)`` (a wrong code: type another); ``enabled(list[str])`` (on, with the
    recovery codes: :meth:`finish` logs in); ``failed(str)`` (back to the password, e.g. the
    challenge expired). Every ``str`` is a translated message."""

    required = Signal()
    setupReady = Signal(object)
    refused = Signal(str)
    enabled = Signal(list)
    failed = Signal(str)

    def __init__(self, tasks: TaskRunner, finish: Finish,
                 device_token: Callable[[str], str | None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._finish = finish
        self._device_token = device_token
        self._step: SecondStep | None = None
        self._tokens: Tokens | None = None  # once the portal turned it on (and logged in)

    @property
    def organisation(self) -> str:
        return self._step.organisation if self._step else ""

    def begin(self, step: SecondStep) -> None:
        self.cancel()
        self._step = step
        self.required.emit()

    def start(self) -> None:
        """Ask the portal for the secret (``setupReady``)."""
        step = self._step
        if step is not None:
            self._tasks.run("login-setup", self._start(step), lambda e: self._failed(step, e))

    async def _start(self, step: SecondStep) -> None:
        setup = await step.client.auth.start_setup_at_login(step.challenge)
        if step is self._step:
            self.setupReady.emit(setup)

    def confirm(self, code: str) -> None:
        step = self._step
        if step is None:
            return
        if not code.strip():
            self.refused.emit(QCoreApplication.translate(
                "LoginSetup", "Enter the code from your authenticator app."))
            return
        self._tasks.run("login-setup", self._confirm(step, code.strip()),
                        lambda error: self._failed(step, error))

    async def _confirm(self, step: SecondStep, code: str) -> None:
        key = account_key(step.client.base_url, step.email)
        tokens, codes = await step.client.auth.confirm_setup_at_login(
            step.challenge, code, self._device_token(key))
        if step is self._step:
            self._tokens = tokens
            self.enabled.emit(codes)

    def finish(self) -> None:
        """The wizard is done (the recovery codes kept): the login goes on as any other."""
        step, tokens = self._step, self._tokens
        self._step, self._tokens = None, None
        if step is not None and tokens is not None:
            self._tasks.run("login", self._finish(step, tokens),
                            lambda error: self.failed.emit(security_message(
                                error, organisation=step.organisation)))

    def cancel(self) -> None:
        """Back to the password, nothing logged in: a session the confirm already started at
        the portal is ended there."""
        step, tokens = self._step, self._tokens
        self._step, self._tokens = None, None
        if step is not None:
            self._tasks.cancel("login-setup")
            self._tasks.run(f"login-setup-close-{id(step)}",
                            close_client(step.client, revoke=tokens is not None))

    def _failed(self, step: SecondStep, error: PortalError) -> None:
        if step is not self._step:
            return
        message = security_message(error, organisation=step.organisation)
        if isinstance(error, TooManyAttempts) or error_code(error) == "two_factor_code_invalid":
            self.refused.emit(message)
            return
        self.cancel()
        self.failed.emit(message)


def error_code(error: PortalError) -> str:
    return getattr(error, "code", "")
