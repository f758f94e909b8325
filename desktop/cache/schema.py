"""Upgrading a SQLite file of this app (the account cache, the outbox) step by step.

Each step and its version number (``PRAGMA user_version``) commit together, so a crash midway
leaves a file at a consistent older version that the next start upgrades again.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence

__all__ = ["upgrade", "version_of"]


def version_of(db: sqlite3.Connection) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def upgrade(db: sqlite3.Connection, steps: Sequence[Callable[[sqlite3.Connection], None]],
            version: int, on_step: Callable[[int], None] | None = None) -> None:
    """Run ``steps[version:]`` (step *n* makes version *n + 1*), each in its own transaction;
    ``on_step`` hears each version reached."""
    for target, step in enumerate(steps[version:], start=version + 1):
        db.execute("BEGIN IMMEDIATE")
        try:
            step(db)
            db.execute(f"PRAGMA user_version = {target:d}")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
        if on_step is not None:
            on_step(target)
