"""Readers for the fields of the API's JSON bodies, shared by every group's records.

Each reader checks the type it expects and raises ``TypeError``/``ValueError`` otherwise; the
transport turns those into a ``ServerError`` ("invalid_response"), so a malformed body never
reaches a service as a half-built record.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, date, datetime, time
from typing import Any

__all__ = [
    "Json",
    "as_date",
    "as_int",
    "as_optional_date",
    "as_optional_int",
    "as_optional_str",
    "as_sha256",
    "as_str",
    "as_time",
    "as_timestamp",
]

Json = Mapping[str, Any]

_SHA256 = re.compile(r"^[0-9a-f]{64}$")


def as_sha256(value: Any) -> str:
    """A SHA-256 hex digest (lower case): what names and verifies a downloaded file."""
    digest = as_str(value).lower()
    if not _SHA256.match(digest):
        raise ValueError("not a SHA-256 hex digest")
    return digest


def as_date(value: Any) -> date:
    if not isinstance(value, str):
        raise TypeError(f"expected an ISO date, got {type(value).__name__}")
    return date.fromisoformat(value)


def as_optional_date(value: Any) -> date | None:
    return None if value is None else as_date(value)


def as_timestamp(value: Any) -> datetime:
    if not isinstance(value, str):
        raise TypeError(f"expected an ISO timestamp, got {type(value).__name__}")
    moment = datetime.fromisoformat(value)
    # The API always sends an offset; a naive value would be ambiguous, so read it as UTC.
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def as_time(value: Any) -> time:
    return time.fromisoformat(as_str(value))


def as_str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, got {type(value).__name__}")
    return value


def as_optional_str(value: Any) -> str | None:
    return None if value is None else as_str(value)


def as_int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"expected an integer, got {type(value).__name__}")
    return value


def as_optional_int(value: Any) -> int | None:
    return None if value is None else as_int(value)


def as_bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"expected a boolean, got {type(value).__name__}")
    return value


def as_optional_bool(value: Any) -> bool | None:
    return None if value is None else as_bool(value)
