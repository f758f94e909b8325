"""The ways a file on disk gets damaged (a crash, a bad sector, another program), for the tests
that check a queued write survives them: the outbox's unit tests and the end-to-end ones."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

__all__ = ["DAMAGE", "PAGE", "empty", "garble_header", "garble_pages", "truncate"]

PAGE = 4096  # SQLite's default page size


def truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


def empty(path: Path) -> None:
    path.write_bytes(b"")


def garble_header(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[0:100] = bytes((i * 37 + 11) % 256 for i in range(100))
    path.write_bytes(bytes(data))


def garble_pages(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for start in range(PAGE, len(data), PAGE):  # every page after the schema's
        data[start + 10:start + 600] = bytes((i * 13 + 5) % 256 for i in range(590))
    path.write_bytes(bytes(data))


DAMAGE: dict[str, Callable[[Path], None]] = {
    "truncated": truncate, "empty": empty, "garbled header": garble_header,
    "garbled pages": garble_pages}
