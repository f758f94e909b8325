"""`/api/v1/auth/...`: login, refresh, logout, sessions, password reset."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Header, Path, Response
from pydantic import BaseModel, Field

from server.account.mails import send_notices
from server.account.routes import TwoFactorSetup
from server.auth import login as login_service
from server.auth import reset as reset_service
from server.auth import two_factor_setup
from server.auth.audit import record_event
from server.auth.password_policy import password_problem, strength
from server.auth.reset_mail import send_reset_mail
from server.auth.sessions import IssuedTokens, live_sessions_query, revoke_session
from server.config import AMSTERDAM
from server.deps import Auth, Client, CurrentMailer, CurrentSettings, Db, Hasher
from server.models import AuthEventKind, AuthSession
from server.paging import DESC, Keyset, Paging
from server.problems import Problem
from server.problems.language import wants_english
from server.problems.openapi import problem_responses
from server.validation import EmailAddress, PlainText

AcceptLanguage = Annotated[str | None, Header(include_in_schema=False)]
# Ids are 32-bit integer columns on PostgreSQL; larger numbers cannot name anything.
SessionId = Annotated[int, Path(ge=1, le=2**31 - 1)]

router = APIRouter(prefix="/auth", tags=["auth"])

# Generous upper bounds: they keep absurd input away from the normaliser and the hasher.
EMAIL = Field(max_length=300)
PASSWORD = Field(min_length=1, max_length=1024)


class LoginRequest(BaseModel):
    email: EmailAddress = EMAIL
    password: str = PASSWORD
    device_name: PlainText | None = Field(default=None, max_length=100)
    device_token: PlainText | None = Field(
        default=None, max_length=200,
        description="The `device_token` of this account's last login on this device")


class TokenResponse(BaseModel):
    access_token: str
    refresh_token: str
    token_type: str = "Bearer"
    expires_in: int
    session_id: int


class LoginResponse(TokenResponse):
    device_token: str = Field(description="Send it with this account's next login from this "
                                          "device: strangers' failed logins never lock it out")


class RefreshRequest(BaseModel):
    refresh_token: PlainText = Field(min_length=1, max_length=200)


class AuthSessionOut(BaseModel):
    """One logged-in device's session (`AuthSession`), as `GET /auth/sessions` lists it."""

    id: int
    device_name: str | None
    created_at: datetime
    last_used_at: datetime
    current: bool


class AuthSessionsOut(BaseModel):
    """One page of the user's live sessions (docs/api.md, "Lists and paging")."""

    sessions: list[AuthSessionOut]
    next_cursor: str | None


SESSIONS = Keyset("sessions", (AuthSession.created_at, DESC), (AuthSession.id, DESC))


class PasswordResetRequest(BaseModel):
    email: EmailAddress = EMAIL


class PasswordResetConfirm(BaseModel):
    email: EmailAddress = EMAIL
    code: PlainText = Field(min_length=1, max_length=32)
    new_password: str = PASSWORD
    end_other_sessions: bool = True


class DetailResponse(BaseModel):
    detail: str


class PasswordCheck(BaseModel):
    email: EmailAddress = EMAIL
    new_password: str = PASSWORD


class PasswordCheckResponse(BaseModel):
    acceptable: bool
    reason: str | None = Field(description="The `password_policy` reason when not acceptable")
    strength: int = Field(ge=0, le=4, description="zxcvbn's estimate: 0 is guessed at once, "
                                                  "4 is very hard to guess")


def _tokens(issued: IssuedTokens) -> TokenResponse:
    return TokenResponse(access_token=issued.access_token, refresh_token=issued.refresh_token,
                         expires_in=issued.expires_in, session_id=issued.session_id)


def _no_store(response: Response) -> None:
    response.headers["Cache-Control"] = "no-store"


class SecondStepRequest(BaseModel):
    challenge: PlainText = Field(min_length=1, max_length=200,
                                 description="The `challenge` of the `two_factor_required` "
                                             "answer")
    code: PlainText = Field(min_length=1, max_length=20,
                            description="The 6 digits of the authenticator app, or a "
                                        "recovery code")
    device_token: PlainText | None = Field(default=None, max_length=200)


def _logged_in(done: login_service.LoggedIn, settings: CurrentSettings, mailer: CurrentMailer,
               background: BackgroundTasks) -> LoginResponse:
    if done.notice is not None:
        background.add_task(send_notices, mailer, settings, [done.notice])
    return LoginResponse(**_tokens(done.tokens).model_dump(), device_token=done.device_token)


@router.post("/login", response_model=LoginResponse, responses=problem_responses(
    "invalid_credentials", "too_many_attempts", "account_expired", "account_disabled",
    "two_factor_required", "two_factor_setup_required", "validation_error"))
async def login(body: LoginRequest, db: Db, settings: CurrentSettings, hasher: Hasher,
                client: Client, response: Response, mailer: CurrentMailer,
                background: BackgroundTasks) -> LoginResponse:
    """Log in with e-mail and password; every login starts a new session. With the
    two-factor login on, the answer is `two_factor_required` and the code goes to
    `/auth/login/two-factor`; a manager whom the organisation requires to have it and who
    has not gets `two_factor_setup_required` (`/auth/login/two-factor-setup`)."""
    _no_store(response)
    done = await login_service.log_in(db, settings, hasher, body.email, body.password,
                                      body.device_name, client, body.device_token)
    return _logged_in(done, settings, mailer, background)


@router.post("/login/two-factor", response_model=LoginResponse, responses=problem_responses(
    "two_factor_code_invalid", "two_factor_challenge_invalid", "too_many_attempts",
    "account_expired", "account_disabled", "validation_error"))
async def login_second_step(body: SecondStepRequest, db: Db, settings: CurrentSettings,
                            client: Client, response: Response, mailer: CurrentMailer,
                            background: BackgroundTasks) -> LoginResponse:
    """The second step of a two-factor login: the code from the authenticator app (or a
    recovery code) with the challenge of the first step."""
    _no_store(response)
    done = await login_service.log_in_with_code(db, settings, body.challenge, body.code,
                                                body.device_token, client)
    return _logged_in(done, settings, mailer, background)


class SetupChallenge(BaseModel):
    challenge: PlainText = Field(min_length=1, max_length=200,
                                 description="The `challenge` of the "
                                             "`two_factor_setup_required` answer")


class SetupConfirm(SetupChallenge):
    code: PlainText = Field(min_length=1, max_length=20,
                            description="The 6 digits the authenticator app shows for the "
                                        "new secret")
    device_token: PlainText | None = Field(default=None, max_length=200)


class SetUpLoginResponse(LoginResponse):
    recovery_codes: list[str] = Field(description="Ten single-use recovery codes, shown once")


@router.post("/login/two-factor-setup", response_model=TwoFactorSetup,
             responses=problem_responses("two_factor_challenge_invalid", "validation_error"))
async def login_setup(body: SetupChallenge, db: Db, settings: CurrentSettings,
                      response: Response) -> TwoFactorSetup:
    """The secret for the authenticator app of a manager who must set the two-factor login
    up before logging in (docs/api.md, "Required for managers")."""
    _no_store(response)
    setup = await two_factor_setup.start(db, settings, body.challenge)
    return TwoFactorSetup(secret=setup.secret, otpauth_uri=setup.uri)


@router.post("/login/two-factor-setup/confirm", response_model=SetUpLoginResponse,
             responses=problem_responses(
                 "two_factor_code_invalid", "two_factor_not_set_up",
                 "two_factor_challenge_invalid", "account_expired", "account_disabled",
                 "validation_error"))
async def login_setup_confirm(body: SetupConfirm, db: Db, settings: CurrentSettings,
                              client: Client, response: Response, mailer: CurrentMailer,
                              background: BackgroundTasks) -> SetUpLoginResponse:
    """Turn the two-factor login on with a code of the new secret and log in: the login
    answer with the ten recovery codes."""
    _no_store(response)
    done = await two_factor_setup.confirm(db, settings, body.challenge, body.code,
                                          body.device_token, client)
    answer = _logged_in(done.login, settings, mailer, background)
    return SetUpLoginResponse(**answer.model_dump(), recovery_codes=done.recovery_codes)


@router.post("/refresh", response_model=TokenResponse, responses=problem_responses(
    "session_expired", "account_expired", "account_disabled", "validation_error"))
async def refresh(body: RefreshRequest, db: Db, settings: CurrentSettings, client: Client,
                  response: Response) -> TokenResponse:
    """Exchange the refresh token for new tokens. The old refresh token stops working."""
    _no_store(response)
    return _tokens(await login_service.refresh(db, settings, body.refresh_token, client))


@router.post("/logout", status_code=204, responses=problem_responses(
    "not_authenticated", "token_expired", "idempotency_key_reused"))
async def logout(auth: Auth, db: Db, settings: CurrentSettings, client: Client) -> Response:
    """End the current session on the server."""
    now = settings.now()
    await revoke_session(db, auth.session, now, "logout")
    record_event(db, AuthEventKind.LOGOUT, now, client, user_id=auth.user.id,
                 session_id=auth.session.id)
    await db.commit()
    return Response(status_code=204)


@router.get("/sessions", response_model=AuthSessionsOut, responses=problem_responses(
    "not_authenticated", "token_expired", "validation_error"))
async def list_sessions(auth: Auth, db: Db, settings: CurrentSettings,
                        paging: Paging) -> AuthSessionsOut:
    """The user's active sessions, newest first, in pages."""
    sessions, next_cursor = SESSIONS.page(list((await db.scalars(SESSIONS.select(
        live_sessions_query(auth.user.id, settings.now()), paging))).all()), paging,
        lambda s: (s.created_at, s.id))
    return AuthSessionsOut(sessions=[AuthSessionOut(
        id=s.id, device_name=s.device_name, created_at=s.created_at.astimezone(AMSTERDAM),
        last_used_at=s.last_used_at.astimezone(AMSTERDAM), current=s.id == auth.session.id)
        for s in sessions], next_cursor=next_cursor)


@router.delete("/sessions/{session_id}", status_code=204, responses=problem_responses(
    "not_authenticated", "token_expired", "not_found", "idempotency_key_reused",
    "validation_error"))
async def end_session(session_id: SessionId, auth: Auth, db: Db, settings: CurrentSettings,
                      client: Client) -> Response:
    """End one of the user's own sessions (for example a lost laptop)."""
    now = settings.now()
    session = await db.get(AuthSession, session_id)
    if (session is None or session.user_id != auth.user.id or session.revoked_at is not None
            or session.expires_at <= now):
        raise Problem("not_found")
    await revoke_session(db, session, now, "ended_by_user")
    record_event(db, AuthEventKind.SESSION_ENDED, now, client, user_id=auth.user.id,
                 session_id=session.id)
    await db.commit()
    return Response(status_code=204)


RESET_REQUESTED = (
    "Als dit e-mailadres bij ons bekend is, ontvang je binnen enkele minuten een mail met een "
    "link en een code om je wachtwoord in te stellen.",
    "If this e-mail address is known to us, you will receive an e-mail with a link and a code "
    "to set your password within a few minutes.",
)
RESET_DONE = ("Je wachtwoord is ingesteld. Je kunt nu inloggen.",
              "Your password has been set. You can log in now.")


@router.post("/password-reset", status_code=202, response_model=DetailResponse,
             responses=problem_responses("validation_error"))
async def request_password_reset(body: PasswordResetRequest, db: Db, settings: CurrentSettings,
                                 mailer: CurrentMailer, client: Client,
                                 background: BackgroundTasks,
                                 accept_language: AcceptLanguage = None) -> DetailResponse:
    """Ask for a mail with a link and a code to set a password (activation or reset).

    The answer is the same whether or not the address is known.
    """
    mail = await reset_service.request_reset(db, settings, body.email, client)
    if mail is not None and mailer.delivers_before_response:
        await send_reset_mail(mailer, settings, mail)
    elif mail is not None:
        # After the response: delivery time must not reveal that the address exists.
        background.add_task(send_reset_mail, mailer, settings, mail)
    return DetailResponse(detail=RESET_REQUESTED[wants_english(accept_language)])


@router.post("/password-reset/check", response_model=PasswordCheckResponse,
             responses=problem_responses("validation_error"))
async def check_new_password(body: PasswordCheck, db: Db) -> PasswordCheckResponse:
    """How a new password fares against the policy and how hard it is to guess, for the app
    to show while it is typed. Nothing is stored; the address is not looked up."""
    account = await reset_service.typed_account(db, body.email)
    reason = password_problem(body.new_password, account)
    return PasswordCheckResponse(acceptable=reason is None, reason=reason,
                                 strength=strength(body.new_password, account))


@router.post("/password-reset/confirm", response_model=DetailResponse,
             responses=problem_responses("reset_code_invalid", "password_policy",
                                         "validation_error"))
async def confirm_password_reset(body: PasswordResetConfirm, db: Db, settings: CurrentSettings,
                                 hasher: Hasher, client: Client,
                                 accept_language: AcceptLanguage = None) -> DetailResponse:
    """Set a new password with the code from the mail."""
    await reset_service.confirm_with_code(db, settings, hasher, body.email, body.code,
                                          body.new_password, body.end_other_sessions, client)
    return DetailResponse(detail=RESET_DONE[wants_english(accept_language)])
