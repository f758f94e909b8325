"""How big a bundle really is, and which parts make it big.

A naive sum of file sizes counts every symlinked library twice (PyInstaller links each Qt
library into the top folder), which made a 214 MB bundle look like 315 MB. Here a symbolic link
counts as nothing and a file with several hard links once, the way ``du`` counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = ["BundleSize", "bundle_size", "largest_parts"]

MB = 1_000_000


@dataclass(frozen=True)
class BundleSize:
    on_disk: int  # bytes of the blocks the files take, as ``du`` counts them
    content: int  # bytes of the files' contents
    files: int

    def __str__(self) -> str:
        return (f"{self.on_disk / MB:.1f} MB on disk ({self.content / MB:.1f} MB in "
                f"{self.files} files)")


def _files(folder: Path) -> dict[tuple[int, int], Path]:
    """Every regular file under ``folder`` once, keyed by device and inode."""
    found: dict[tuple[int, int], Path] = {}
    for path in sorted(folder.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        status = path.stat()
        found.setdefault((status.st_dev, status.st_ino), path)
    return found


def bundle_size(folder: Path) -> BundleSize:
    files = _files(folder)
    on_disk = content = 0
    for path in files.values():
        status = path.stat()
        content += status.st_size
        # st_blocks is in 512-byte units where the platform has it (not on Windows).
        blocks = getattr(status, "st_blocks", None)
        on_disk += blocks * 512 if blocks is not None else status.st_size
    return BundleSize(on_disk=on_disk, content=content, files=len(files))


def largest_parts(folder: Path, count: int = 10) -> list[tuple[str, int]]:
    """The ``count`` largest files, as (path relative to ``folder``, bytes), largest first."""
    sizes = [(path.relative_to(folder).as_posix(), path.stat().st_size)
             for path in _files(folder).values()]
    return sorted(sizes, key=lambda item: (-item[1], item[0]))[:count]
