"""Who the installers say the app is: one name, one bundle id, one version for every platform.

The version is the one in ``pyproject.toml``; ``python installer/product.py`` prints it (the
release workflow names its artifacts with it).
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

__all__ = ["BUNDLE_ID", "DESCRIPTION", "NAME", "PUBLISHER", "ROOT", "numeric_version",
           "project_version"]

ROOT = Path(__file__).resolve().parent.parent
NAME = "Ouderportaal"
#: The name QSettings uses for the organisation and application (desktop/app.py).
PUBLISHER = "Ouderportaal"
BUNDLE_ID = "nl.ouderportaal.desktop"
DESCRIPTION = "Ouderportaal: the parent portal for childcare"


def project_version(root: Path = ROOT) -> str:
    with (root / "pyproject.toml").open("rb") as file:
        return tomllib.load(file)["project"]["version"]


def numeric_version(version: str) -> tuple[int, int, int, int]:
    """Four numbers for Windows' version resources: ``0.2.0rc1`` → ``(0, 2, 0, 0)``."""
    prefix = re.match(r"\d+(?:\.\d+)*", version)
    if prefix is None:
        raise ValueError(f"not a release version: {version!r}")
    numbers = [int(part) for part in prefix.group(0).split(".")][:4]
    return tuple(numbers + [0] * (4 - len(numbers)))  # type: ignore[return-value]


if __name__ == "__main__":
    sys.stdout.write(project_version() + "\n")
