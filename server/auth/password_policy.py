"""The password policy of every new password (reset and activation) and its strength estimate.

No composition rules (NIST SP 800-63B): a length, and a refusal of what a guesser tries
first — the common passwords of public breach corpora (zxcvbn's list, 30,000 entries), Dutch
favourites (`common_passwords.txt`), the organisation's own name, the account's e-mail
address or its local part, and whitespace alone. Comparisons are case-insensitive and also
look at the password without trailing digits and symbols and without spaces, so `Welkom2025!`
and `Zonne Bloem 1` are refused too. Passwords are compared, counted and hashed in Unicode
NFC (`normalise_password`), so the same password typed on another keyboard still matches.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from server.problems import Problem

MIN_LENGTH = 8
MAX_LENGTH = 128
# zxcvbn refuses longer input; its estimate of a longer password's prefix is a lower bound.
_STRENGTH_INPUT = 72
_TRAILING = re.compile(r"[\W\d_]+$")
_WORDS = re.compile(r"[^\W\d_]+")


def normalise_password(password: str) -> str:
    """NFC: "é" typed as e + combining accent (NFD, as some keyboards do) is the same
    password as the precomposed "é"."""
    return unicodedata.normalize("NFC", password)


@lru_cache(maxsize=1)
def common_passwords() -> frozenset[str]:
    """zxcvbn's common passwords and the shipped Dutch ones, lower-cased."""
    from zxcvbn.frequency_lists import FREQUENCY_LISTS  # large: only when a password is set

    text = files("server.auth").joinpath("common_passwords.txt").read_text(encoding="utf-8")
    dutch = (line.strip() for line in text.splitlines() if line.strip()
             and not line.startswith("#"))
    return frozenset(word.lower() for word in (*FREQUENCY_LISTS["passwords"], *dutch))


def _variants(text: str) -> set[str]:
    """The forms a guesser derives from a word: as is, without trailing digits and
    symbols, without spaces."""
    lowered = text.casefold().strip()
    found = {lowered, _TRAILING.sub("", lowered)}
    found |= {variant.replace(" ", "") for variant in found}
    return found - {""}


def organisation_words(*names: str) -> set[str]:
    """The organisation's names and each word in them ("Kinderopvang Zonnebloem")."""
    found: set[str] = set()
    for name in names:
        found |= _variants(name) | {w.casefold() for w in _WORDS.findall(name) if len(w) >= 4}
    return found


@dataclass(frozen=True)
class Account:
    """What a password must not be derived from: the account's e-mail and organisation."""

    email: str = ""
    organisation_names: tuple[str, ...] = ()

    def personal_words(self) -> set[str]:
        local = self.email.split("@", 1)[0]
        return {w for w in (self.email.casefold(), local.casefold()) if w}


def password_problem(password: str, account: Account = Account()) -> str | None:
    """The policy `reason` a new password violates, or None when it is acceptable."""
    password = normalise_password(password)
    if len(password) < MIN_LENGTH:
        return "too_short"
    if len(password) > MAX_LENGTH:
        return "too_long"
    if not password.strip():
        return "only_whitespace"
    variants = _variants(password)
    if variants & account.personal_words():
        return "like_email"
    if variants & (common_passwords() | organisation_words(*account.organisation_names)):
        return "too_common"
    if strength(password, account) == 0:  # aaaaaaaa, 12341234, qwertzuiop…: guessed at once
        return "too_common"
    return None


def check_password_policy(password: str, account: Account = Account()) -> None:
    if reason := password_problem(password, account):
        raise Problem("password_policy", reason=reason)


def strength(password: str, account: Account = Account()) -> int:
    """zxcvbn's estimate from 0 (guessed at once) to 4 (very hard to guess)."""
    from zxcvbn import zxcvbn  # builds its dictionaries on first import (~60 ms)

    hints: Iterable[str] = (*account.personal_words(), *account.organisation_names)
    return int(zxcvbn(normalise_password(password)[:_STRENGTH_INPUT],
                      user_inputs=list(hints))["score"])
