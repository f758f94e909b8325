"""Is every module the app imports at run time inside the bundle?

A module the analysis misses (or an exclusion in bundle.py that cuts too deep) does not always
crash the frozen app: keyring, httpx and Qt's bindings import many modules inside
``try/except ImportError`` and quietly do without — "remember me" would silently never work.
So ``build.py`` runs the app's smoke test from the source tree, lists what it imported, and
fails when any of it is not in the built bundle.
"""

from __future__ import annotations

import importlib.machinery
import json
import os
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterable
from pathlib import Path

from installer.product import ROOT

__all__ = ["bundled_modules", "contents_folder", "missing_modules", "runtime_modules"]

# Run in a fresh interpreter: what it imported before the app started is the interpreter's own
# start-up (site, encodings), which the bundle's bootloader provides its own way. Only modules
# loaded from a file count: built-in ones live in libpython, and shiboken's signature modules
# come out of libshiboken itself, in the bundle as in the source tree.
_SMOKE_RUN = """
import json, os, sys
before = set(sys.modules)
from desktop.app import main
status = main(["--smoke-test", "--data-dir", sys.argv[2]])
loaded = []
for key, module in list(sys.modules.items()):
    spec = getattr(module, "__spec__", None)
    if (key not in before and spec is not None and spec.has_location
            and os.path.isfile(spec.origin)):
        loaded.append(spec.name)
with open(sys.argv[1], "w", encoding="utf-8") as file:
    json.dump({"status": status, "modules": sorted(set(loaded))}, file)
"""


def runtime_modules(environment: dict[str, str] | None = None) -> set[str]:
    """The modules the app's smoke test imports when it runs from the source tree."""
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "modules.json"
        env = dict(os.environ if environment is None else environment)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        result = subprocess.run(
            [sys.executable, "-c", _SMOKE_RUN, str(report), str(Path(folder) / "data")],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False)
        if result.returncode != 0 or not report.is_file():
            raise RuntimeError(f"the smoke test from source failed:\n{result.stderr}")
        outcome = json.loads(report.read_text(encoding="utf-8"))
    if outcome["status"] != 0:
        raise RuntimeError(f"the smoke test from source failed:\n{result.stderr}")
    return set(outcome["modules"])


def contents_folder(executable: Path) -> Path:
    """Where PyInstaller put the libraries: ``_internal`` beside the program, or
    ``Contents/Frameworks`` of a macOS app."""
    beside = executable.parent / "_internal"
    return beside if beside.is_dir() else executable.parent.parent / "Frameworks"


def bundled_modules(executable: Path) -> set[str]:
    """Every module the built program can import: its archive, the base library, and the
    extension modules on disk."""
    from PyInstaller.archive.readers import CArchiveReader

    archive = CArchiveReader(str(executable))
    names = set(archive.toc)  # the bootstrap modules (struct, pyimod*) sit outside the PYZ
    names.update(archive.open_embedded_archive("PYZ.pyz").toc)
    contents = contents_folder(executable)
    base_library = contents / "base_library.zip"
    if base_library.is_file():
        with zipfile.ZipFile(base_library) as library:
            names.update(_module_name(Path(name)) for name in library.namelist()
                         if name.endswith(".pyc"))
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    dynload = f"python{sys.version_info.major}.{sys.version_info.minor}/lib-dynload"
    for path in contents.rglob("*"):
        if path.name.endswith(suffixes) and not path.is_symlink():
            relative = path.relative_to(contents).as_posix().removeprefix(dynload + "/")
            names.add(_module_name(Path(relative), suffixes))
    return names


def _module_name(path: Path, suffixes: Iterable[str] = (".pyc",)) -> str:
    name = path.as_posix()
    for suffix in sorted(suffixes, key=len, reverse=True):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
            break
    return name.removesuffix("/__init__").replace("/", ".")


def missing_modules(runtime: Iterable[str], bundled: Iterable[str],
                    left_out: Iterable[str] = ()) -> tuple[list[str], list[str]]:
    """The modules imported at run time that the bundle cannot import, split in two (sorted):
    those missing, and those under a package ``left_out`` on purpose (httpx imports its
    command-line tool's Click and Pygments inside a try/except, for instance)."""
    available = set(bundled)
    purposes = tuple(left_out)
    absent = sorted(name for name in set(runtime) if name not in available)
    on_purpose = [name for name in absent
                  if any(name == part or name.startswith(part + ".") for part in purposes)]
    return [name for name in absent if name not in on_purpose], on_purpose
