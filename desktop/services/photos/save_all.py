""""Alle foto's opslaan": every photo's original into one folder, under readable names
(``2026-11-03 Herfstwandeling 01.jpg``, :mod:`desktop.services.photos.names`).

Resumable and safe to run again: a photo whose file is already in the folder with the
server's SHA-256 is skipped, so a second run adds only what is missing and never makes
duplicates; a file is written under its name only complete (a temporary file renamed), so a
run that was stopped (cancelled, the app closed or killed) leaves no half photo behind; an
original whose download was interrupted continues where it stopped (``Range``). A name
already taken by another file gets `` (2)``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from desktop.api.core.errors import PortalError
from desktop.api.photos.records import Photo, Rendition
from desktop.cache.blobs import BlobCorrupt
from desktop.cache.disk import DiskProblem
from desktop.services.photos.names import numbered, readable_name
from desktop.services.shared.errors import user_message
from desktop.services.shared.files import copy_atomically, unused_path

__all__ = ["SaveAllOutcome", "save_all_photos"]

_CHUNK = 1024 * 1024


@dataclass
class SaveAllOutcome:
    """What a run did: files written, photos already in the folder, photos that arrived
    damaged twice (skipped: a next run tries them again), and the message of a file that could
    not be written or fetched (the run stopped there)."""

    saved: list[Path] = field(default_factory=list)
    already_there: int = 0
    damaged: int = 0
    error: str | None = None


def _sha256(path: Path) -> str | None:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            while block := handle.read(_CHUNK):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


async def save_all_photos(photos: Sequence[Photo], folder: Path,
                          original: Callable[[Photo], Awaitable[Path]],
                          release: Callable[[Photo], None],
                          progress: Callable[[int, int], None]) -> SaveAllOutcome:
    """Save ``photos`` into ``folder``; ``original(photo)`` gives the verified original on
    disk (downloading it), ``release(photo)`` lets it go once copied."""
    outcome = SaveAllOutcome()
    places = numbered(photos)
    taken: set[str] = set()
    total = len(photos)
    progress(0, total)
    for done, photo in enumerate(photos, start=1):
        name = readable_name(photo, places[photo.id])
        sha256 = photo.file(Rendition.ORIGINAL).sha256
        if _sha256(folder / name) == sha256:
            outcome.already_there += 1
            taken.add(name.lower())
            progress(done, total)
            continue
        try:
            source = await original(photo)
        except BlobCorrupt:
            outcome.damaged += 1
            progress(done, total)
            continue
        except (PortalError, DiskProblem) as problem:  # offline, refused, the disk: stop here
            outcome.error = user_message(problem)
            return outcome
        target = unused_path(folder, name, taken)
        error = copy_atomically(source, target)
        release(photo)
        if error is not None:
            outcome.error = error
            return outcome
        taken.add(target.name.lower())
        outcome.saved.append(target)
        progress(done, total)
    return outcome
