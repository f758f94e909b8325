"""The two-factor setup a login must go through when the organisation requires it for managers
(docs/api.md, "Required for managers"): the password was right, but there is no session until
the manager has an authenticator app set up. The setup challenge of `POST /auth/login` stands
in for the password in both calls; the setup itself is the account page's
(server/account/two_factor.py).

Wrong codes of the confirm are not throttled, as on the account page: the code proves that the
caller's app holds the secret the first call just handed to the same caller, not who they are.
The password, which is, was checked under the throttle; the challenge lasts 15 minutes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from server.account import two_factor
from server.auth.audit import ClientInfo
from server.auth.login import LoggedIn, check_may_log_in, claim_challenge, finish, open_challenge
from server.config import Settings
from server.models import LoginChallenge, User
from server.problems import Problem


async def _setup_challenge(db: AsyncSession, challenge: str,
                           now: datetime) -> tuple[LoginChallenge, User]:
    """The live setup challenge and its user, who must still need the setup: not when the
    policy was switched off or the account has the two-factor login on meanwhile (a login
    then goes its usual way)."""
    row, user = await open_challenge(db, challenge, now, setup=True)
    if (await two_factor.two_factor_of(db, user) is not None
            or not await two_factor.required_by_policy(db, user)):
        raise Problem("two_factor_challenge_invalid")
    return row, user


async def start(db: AsyncSession, settings: Settings, challenge: str) -> two_factor.Setup:
    """A new secret for the manager's authenticator app (an earlier unconfirmed one is
    replaced); the challenge stays usable."""
    _, user = await _setup_challenge(db, challenge, settings.now())
    return await two_factor.start_setup(db, settings, user)


@dataclass(frozen=True)
class SetUp:
    login: LoggedIn
    recovery_codes: list[str]


async def confirm(db: AsyncSession, settings: Settings, challenge: str, code: str,
                  device_token: str | None, client: ClientInfo) -> SetUp:
    """Turn the two-factor login on with a code of the new secret and log in: the session,
    the device, the audit and the new-device mail of every login."""
    now = settings.now()
    row, user = await _setup_challenge(db, challenge, now)
    await check_may_log_in(db, user, now)
    # Claimed before the code is checked, in the same transaction: a second confirm with the
    # same code waits for this one (the claim's row lock) and then finds the challenge spent,
    # so one login and one set of recovery codes come out. A wrong code rolls the claim back.
    await claim_challenge(db, row, now)
    try:
        codes = await two_factor.confirm_setup(db, settings, user, code)
    except Problem:
        await db.rollback()
        raise
    done = await finish(db, settings, user, row.device_name, device_token, client, now)
    return SetUp(done, codes)
