"""Which release is newer: by the leading numbers, never by a version that is not one."""

from __future__ import annotations

import pytest

from desktop.api.core.version import is_newer


@pytest.mark.parametrize(("offered", "installed", "newer"), [
    ("0.2.0", "0.1.0", True),
    ("0.1.1", "0.1.0", True),
    ("0.10.0", "0.9.3", True),  # numbers, not text
    ("1.0", "0.99.99", True),
    ("v1.2.0", "1.1.9", True),  # a tag name
    ("0.1.0", "0.1.0", False),
    ("0.1", "0.1.0", False),  # the same release written shorter
    ("0.1.0", "0.2.0", False),
    ("0.9.3", "0.10.0", False),
    ("beta", "0.1.0", False),  # not a version: never nag
    ("0.2.0", "unknown", False),  # a source checkout without metadata
])
def test_is_newer(offered: str, installed: str, newer: bool) -> None:
    assert is_newer(offered, installed) is newer
