"""The ``ouderportaal`` command line."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

__all__ = ["parse_args"]


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="ouderportaal", description="Ouderportaal: the parent portal for childcare."
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="start the built-in demo portal and show its demo logins",
    )
    parser.add_argument(
        "--demo-data",
        type=Path,
        metavar="DIR",
        help="keep the demo portal's data in DIR (default: a temporary folder)",
    )
    parser.add_argument(
        "--shared-pc",
        action="store_true",
        help="shared computer: remember nothing, lock when idle, wipe at logout",
    )
    parser.add_argument(
        "--portal",
        default="",
        metavar="ADDRESS",
        help="organisation name or portal address to fill in",
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        metavar="DIR",
        help="folder for remembered accounts and the offline cache",
    )
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="open the first window, check that it renders, print one line, exit",
    )
    return parser.parse_args(argv)
