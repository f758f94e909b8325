"""The installed app's version, and whether a release the portal names is newer.

One lookup for the User-Agent, the crash report and the update hint. Versions are compared by
their leading numbers (``0.10.2`` is newer than ``0.9``); a version that does not start with a
number is never called newer, so a typo on the server cannot nag every parent.
"""

from __future__ import annotations

import re
from functools import cache

__all__ = ["app_version", "is_newer"]

_NUMBERS = re.compile(r"^\s*v?(\d+(?:\.\d+)*)")


@cache  # every client's User-Agent asks; reading package metadata takes milliseconds
def app_version() -> str:
    from importlib import metadata  # ~10 ms to import: not before something asks

    try:
        return metadata.version("ouderportaal")
    except metadata.PackageNotFoundError:
        return "unknown"


def _numbers(version: str) -> tuple[int, ...] | None:
    match = _NUMBERS.match(version)
    if match is None:
        return None
    parts = [int(part) for part in match.group(1).split(".")]
    while len(parts) > 1 and parts[-1] == 0:
        parts.pop()  # 1.2.0 is 1.2
    return tuple(parts)


def is_newer(offered: str, installed: str) -> bool:
    """True when ``offered`` is a later release than ``installed``."""
    offered_numbers, installed_numbers = _numbers(offered), _numbers(installed)
    if offered_numbers is None or installed_numbers is None:
        return False
    return offered_numbers > installed_numbers
