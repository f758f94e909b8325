"""Which system libraries a Linux bundle needs, and that it needs none nobody has.

Every binary in the bundle is asked (``ldd``, with the bundle's own folders on the library path
as the bootloader sets them) what it links against. A library that resolves nowhere means
something was left out that a kept part needs (the virtual keyboard's input plug-in without its
libraries, say): Qt would print a warning and go without, so build.py fails instead. What
resolves outside the bundle is the system's part, which the .deb depends on.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

__all__ = ["MissingLibrary", "system_libraries"]

_RESOLVED = re.compile(r"^\s*(\S+) => (\S+) \(0x[0-9a-f]+\)$")
_NOT_FOUND = re.compile(r"^\s*(\S+) => not found$")


class MissingLibrary(RuntimeError):
    """A binary of the bundle links against a library found neither in it nor on the system."""


def elf_files(folder: Path) -> list[Path]:
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as file:
                if file.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def system_libraries(bundle: Path) -> set[str]:
    """The paths of the system libraries the bundle's binaries link against; raises
    :class:`MissingLibrary` naming every library that resolves nowhere."""
    bundle = bundle.resolve()
    binaries = elf_files(bundle)
    folders = sorted({str(path.parent) for path in binaries})
    env = dict(os.environ, LD_LIBRARY_PATH=os.pathsep.join(folders))
    system: set[str] = set()
    missing: list[str] = []
    for binary in binaries:
        output = subprocess.run(["ldd", str(binary)], capture_output=True, text=True, env=env,
                                check=False).stdout
        for line in output.splitlines():
            if (absent := _NOT_FOUND.match(line)) is not None:
                missing.append(f"{binary.relative_to(bundle)} needs {absent.group(1)}")
            elif (resolved := _RESOLVED.match(line)) is not None:
                if not Path(resolved.group(2)).resolve().is_relative_to(bundle):
                    system.add(resolved.group(2))
    if missing:
        raise MissingLibrary("libraries found neither in the bundle nor on the system: "
                             + "; ".join(missing))
    return system
