"""`/api/v1/account/...`: the logged-in user's own account security (docs/api.md, "Account
security"): password, login address, two-factor login, new-device mails."""

from __future__ import annotations

from fastapi import APIRouter, BackgroundTasks
from pydantic import BaseModel, Field

from server.account import email_change, password_change, two_factor
from server.account.audit import record_change
from server.account.mails import send_notices
from server.account.reauth import confirm_code
from server.auth.login import wants_new_device_mail
from server.deps import Auth, Client, CurrentMailer, CurrentSettings, Db, Hasher
from server.models import AccountSettings
from server.problems import Problem
from server.problems.openapi import problem_responses
from server.validation import EmailAddress, PlainText

router = APIRouter(prefix="/account", tags=["account"])

SIGNED_IN = ("not_authenticated", "token_expired")
PASSWORD = Field(min_length=1, max_length=1024)
CODE = Field(min_length=1, max_length=20)


class SecurityOut(BaseModel):
    email: str
    pending_email: str | None = Field(description="A new login address waiting for its code")
    two_factor: bool
    two_factor_required: bool = Field(description="The organisation requires this account "
                                                  "to log in with a code: it cannot be "
                                                  "turned off")
    recovery_codes_left: int
    new_device_mail: bool


class PasswordChange(BaseModel):
    current_password: str = PASSWORD
    new_password: str = PASSWORD
    end_other_sessions: bool = True


class PasswordChanged(BaseModel):
    sessions_ended: int


class EmailChangeRequest(BaseModel):
    current_password: str = PASSWORD
    new_email: EmailAddress = Field(max_length=300)


class CodeIn(BaseModel):
    code: PlainText = CODE


class TwoFactorSetup(BaseModel):
    secret: str = Field(description="Base32, for typing into an authenticator app")
    otpauth_uri: str = Field(description="The same as an `otpauth://totp/…` URI, for a QR code")


class RecoveryCodes(BaseModel):
    recovery_codes: list[str]


class SettingsIn(BaseModel):
    new_device_mail: bool


async def _security(db: Db, settings: CurrentSettings, auth: Auth) -> SecurityOut:
    user = auth.user
    enabled = await two_factor.two_factor_of(db, user) is not None
    return SecurityOut(
        email=user.email,
        pending_email=await email_change.pending_email(db, user, settings.now()),
        two_factor=enabled,
        two_factor_required=await two_factor.required_by_policy(db, user),
        recovery_codes_left=await two_factor.recovery_codes_left(db, user) if enabled else 0,
        new_device_mail=await wants_new_device_mail(db, user))


@router.get("/security", response_model=SecurityOut,
            responses=problem_responses(*SIGNED_IN))
async def get_security(db: Db, settings: CurrentSettings, auth: Auth) -> SecurityOut:
    """The account's security state, for the Account page."""
    return await _security(db, settings, auth)


@router.post("/password", response_model=PasswordChanged, responses=problem_responses(
    *SIGNED_IN, "current_password_wrong", "password_policy", "too_many_attempts",
    "validation_error"))
async def change_password(body: PasswordChange, db: Db, settings: CurrentSettings,
                          hasher: Hasher, auth: Auth, client: Client) -> PasswordChanged:
    """A new password; the current one is required. `end_other_sessions` logs out every
    other device."""
    ended = await password_change.change_password(
        db, settings, hasher, auth, body.current_password, body.new_password,
        body.end_other_sessions, client)
    return PasswordChanged(sessions_ended=ended)


@router.post("/email", status_code=202, response_model=SecurityOut, responses=problem_responses(
    *SIGNED_IN, "current_password_wrong", "email_in_use", "too_many_attempts", "validation_error"))
async def request_email_change(body: EmailChangeRequest, db: Db, settings: CurrentSettings,
                               hasher: Hasher, auth: Auth, client: Client,
                               mailer: CurrentMailer,
                               background: BackgroundTasks) -> SecurityOut:
    """Ask to log in with another address: a code goes to it, a notice to the current one;
    nothing changes until the code is entered (`/account/email/confirm`)."""
    notices = await email_change.request_change(db, settings, hasher, auth.user,
                                                body.current_password, body.new_email, client)
    background.add_task(send_notices, mailer, settings, notices)
    return await _security(db, settings, auth)


@router.post("/email/confirm", response_model=SecurityOut, responses=problem_responses(
    *SIGNED_IN, "email_code_invalid", "email_in_use", "validation_error"))
async def confirm_email_change(body: CodeIn, db: Db, settings: CurrentSettings, auth: Auth,
                               mailer: CurrentMailer,
                               background: BackgroundTasks) -> SecurityOut:
    """The code from the mail to the new address: from now on it is the login address."""
    notices = await email_change.confirm_change(db, settings, auth.user, body.code)
    background.add_task(send_notices, mailer, settings, notices)
    return await _security(db, settings, auth)


@router.post("/two-factor/setup", response_model=TwoFactorSetup, responses=problem_responses(
    *SIGNED_IN, "two_factor_already_on"))
async def start_two_factor(db: Db, settings: CurrentSettings, auth: Auth) -> TwoFactorSetup:
    """A new secret for the authenticator app; nothing changes until it is confirmed."""
    setup = await two_factor.start_setup(db, settings, auth.user)
    return TwoFactorSetup(secret=setup.secret, otpauth_uri=setup.uri)


@router.post("/two-factor/confirm", response_model=RecoveryCodes, responses=problem_responses(
    *SIGNED_IN, "two_factor_code_invalid", "two_factor_already_on", "two_factor_not_set_up",
    "validation_error"))
async def confirm_two_factor(body: CodeIn, db: Db, settings: CurrentSettings,
                             auth: Auth) -> RecoveryCodes:
    """Turn the two-factor login on with a code of the new secret; the answer holds the ten
    recovery codes, shown this once."""
    codes = await two_factor.confirm_setup(db, settings, auth.user, body.code)
    return RecoveryCodes(recovery_codes=codes)


@router.post("/two-factor/disable", response_model=SecurityOut, responses=problem_responses(
    *SIGNED_IN, "two_factor_code_invalid", "two_factor_required_by_policy", "too_many_attempts",
    "validation_error"))
async def disable_two_factor(body: CodeIn, db: Db, settings: CurrentSettings, auth: Auth,
                             client: Client) -> SecurityOut:
    """Turn the two-factor login off; a code (or a recovery code) is required. Not while the
    organisation requires it of this account."""
    if await two_factor.required_by_policy(db, auth.user):
        raise Problem("two_factor_required_by_policy")  # before the code: none is used up
    await confirm_code(db, settings, auth.user, body.code, client)
    await two_factor.turn_off(db, settings, auth.user)
    return await _security(db, settings, auth)


@router.put("/settings", response_model=SecurityOut, responses=problem_responses(
    *SIGNED_IN, "validation_error"))
async def put_settings(body: SettingsIn, db: Db, settings: CurrentSettings,
                       auth: Auth) -> SecurityOut:
    """The account's own choices: mails about logins from a new device."""
    chosen = await db.get(AccountSettings, auth.user.id)
    if chosen is None:
        chosen = AccountSettings(user_id=auth.user.id, new_device_mail=True)
        db.add(chosen)
    if chosen.new_device_mail != body.new_device_mail:
        record_change(db, settings.now(), auth.user, "settings_changed", field="new_device_mail",
                      old=str(chosen.new_device_mail).lower(),
                      new=str(body.new_device_mail).lower())
        chosen.new_device_mail = body.new_device_mail
    await db.commit()
    return await _security(db, settings, auth)


__all__ = ["router"]
