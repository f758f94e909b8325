"""Saving files into one folder the user chose: "Alle foto's opslaan" and the Overzicht's
"Alles opslaan" (documents, the dagboek, every photo) go through this one loop.

Resumable and safe to run again: a file already in the folder is skipped — recognised by the
server's SHA-256 when the item has one (a photo, a document), else by its name (a dagboek PDF
is made afresh on every request, so its bytes differ; a file under its name is complete,
because every file is written to a temporary name and renamed). So a second run adds only
what is missing and never makes duplicates, and a run that was stopped (cancelled, the app
closed or killed) leaves no half file behind. A name already taken by another file gets
`` (2)``.
"""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from desktop.api.core.errors import PortalError
from desktop.cache.blobs import BlobCorrupt
from desktop.cache.disk import DiskProblem
from desktop.services.shared.errors import user_message
from desktop.services.shared.files import copy_atomically, unused_path, write_atomically

__all__ = ["SaveItem", "SaveOutcome", "save_into_folder"]

_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class SaveItem:
    """One file to save: its readable ``name``, what it is (``kind``: "photo", "document",
    "diary", for the summary), the server's ``sha256`` when known beforehand, ``fetch()``
    giving its verified bytes (a file on disk or the bytes themselves) and ``release()``
    letting a fetched file go once copied."""

    name: str
    kind: str
    sha256: str | None
    fetch: Callable[[], Awaitable[Path | bytes]]
    release: Callable[[], None] = lambda: None


@dataclass
class SaveOutcome:
    """What a run did: files written, files already in the folder, items that arrived
    damaged twice (skipped: a next run tries them again), and the message of a file that could
    not be written or fetched (the run stopped there)."""

    saved: list[Path] = field(default_factory=list)
    already_there: int = 0
    damaged: int = 0
    error: str | None = None
    saved_by_kind: dict[str, int] = field(default_factory=dict)


def _sha256(path: Path) -> str | None:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            while block := handle.read(_CHUNK):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


def _already_there(folder: Path, item: SaveItem) -> bool:
    target = folder / item.name
    if item.sha256 is None:
        return target.is_file()
    return _sha256(target) == item.sha256


async def save_into_folder(items: Sequence[SaveItem], folder: Path,
                           progress: Callable[[int, int], None]) -> SaveOutcome:
    """Save ``items`` into ``folder`` in their order; ``progress(done, total)`` after each."""
    outcome = SaveOutcome()
    taken: set[str] = set()
    total = len(items)
    progress(0, total)
    for done, item in enumerate(items, start=1):
        # A turn of the event loop between two files: a cancel stops here, and the window
        # stays responsive while files already on this computer are copied one after another.
        await asyncio.sleep(0)
        if _already_there(folder, item):
            outcome.already_there += 1
            taken.add(item.name.lower())
            progress(done, total)
            continue
        try:
            source = await item.fetch()
        except BlobCorrupt:
            outcome.damaged += 1
            progress(done, total)
            continue
        except (PortalError, DiskProblem) as problem:  # offline, refused, the disk: stop here
            outcome.error = user_message(problem)
            return outcome
        target = unused_path(folder, item.name, taken)
        if isinstance(source, bytes):
            error = write_atomically(target, source)
        else:
            error = copy_atomically(source, target)
            item.release()
        if error is not None:
            outcome.error = error
            return outcome
        taken.add(target.name.lower())
        outcome.saved.append(target)
        outcome.saved_by_kind[item.kind] = outcome.saved_by_kind.get(item.kind, 0) + 1
        progress(done, total)
    return outcome
