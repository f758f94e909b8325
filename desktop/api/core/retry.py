"""What may be sent again, and how long to wait first.

What may be retried follows from what is safe to repeat:

* GET — always safe.
* POST/DELETE with an ``Idempotency-Key`` — the server replays the first answer.
* token refresh and the password-reset request — by this send loop only when the request
  provably never left (the connection could not be made). A refresh that reached the server
  has rotated the token; the portal answers the old token again with the same new pair only
  within a short grace window, so the transport core sends a refresh whose answer was lost
  again itself, inside that window (:data:`LOST_REFRESH_WINDOW`). A repeated reset
  request would mail a second code and void the first.
* login and the reset confirmation — never: the user decides whether to try again.
"""

from __future__ import annotations

import enum
import random
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

import httpx

from desktop.api.core.errors import CertificateProblem, ConnectionProblem, UnknownHost

__all__ = ["LOST_REFRESH_ATTEMPTS", "LOST_REFRESH_WINDOW", "MAX_RETRY_AFTER", "RETRY_STATUSES",
           "UNAVAILABLE_STATUSES", "Retry", "answer_lost", "backoff", "may_retry_transport",
           "retry_after_seconds"]

#: Longest server-requested wait the client sits out by itself; longer ones go to the user.
MAX_RETRY_AFTER = 30.0
#: A gateway's (or the portal's own) "not available right now": worth waiting for.
UNAVAILABLE_STATUSES = frozenset({502, 503, 504})
RETRY_STATUSES = frozenset({429}) | UNAVAILABLE_STATUSES


class Retry(enum.Enum):
    NEVER = "never"
    UNSENT = "unsent"  # only when the connection could not be made
    SAFE = "safe"  # idempotent: GET, or a mutation with an Idempotency-Key


def backoff(attempt: int, rng: random.Random) -> float:
    # Exponential with jitter: many clients coming back online must not retry in lockstep.
    base = min(0.5 * 2**attempt, 8.0)
    return base * (1 - 0.25 * rng.random())


def may_retry_transport(
    retry: Retry, exc: httpx.TransportError, problem: ConnectionProblem
) -> bool:
    if isinstance(problem, CertificateProblem | UnknownHost):
        return False  # repeating cannot help: the user must fix the address or the network
    if retry is Retry.SAFE:
        return True
    if retry is Retry.UNSENT:
        return isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout)
    return False


def retry_after_seconds(response: httpx.Response, now: datetime) -> float | None:
    header = response.headers.get("retry-after")
    if header is None:
        return None
    header = header.strip()
    if header.isdigit():
        return float(header)
    try:
        when = parsedate_to_datetime(header)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())


#: A refresh whose answer was lost (sent, then no answer: the connection dropped, the read
#: timed out) is sent again with the same refresh token for this long: within its grace window
#: (about 60 s) the portal answers the just-rotated token with the same new pair (docs/api.md,
#: "How the app copes with failures"), so half of it leaves room for the answer to travel.
#: After that the refresh gives up as a connection problem — never as a logout: the tokens stay.
LOST_REFRESH_WINDOW = timedelta(seconds=30)
#: ... and at most this many times (a frozen clock in a test must not loop forever).
LOST_REFRESH_ATTEMPTS = 4


def answer_lost(problem: ConnectionProblem) -> bool:
    """Whether the request may have reached the server (then only its answer was lost): not
    when the connection could not even be made."""
    if isinstance(problem, CertificateProblem | UnknownHost):
        return False
    return not isinstance(problem.__cause__, httpx.ConnectError | httpx.ConnectTimeout)
