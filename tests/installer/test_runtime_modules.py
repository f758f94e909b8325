"""build.py's check that every module the app imports at run time is in the bundle."""

from __future__ import annotations

import sys

from installer.bundle import EXCLUDED_MODULES
from installer.modules import missing_modules, runtime_modules


def test_missing_modules_are_told_apart_from_those_left_out_on_purpose() -> None:
    runtime = {"desktop.app", "secretstorage", "secretstorage.dhcrypto", "click", "click.core",
               "clickhouse"}
    bundled = {"desktop.app", "secretstorage"}
    missing, on_purpose = missing_modules(runtime, bundled, left_out=("click",))
    # "clickhouse" merely starts like "click": it is not under the package left out.
    assert missing == ["clickhouse", "secretstorage.dhcrypto"]
    assert on_purpose == ["click", "click.core"]


def test_the_source_run_sees_what_the_smoke_test_exercises() -> None:
    modules = runtime_modules()
    for module in ("desktop.app", "desktop.smoke_test", "desktop.views.finance.viewer",
                   "PySide6.QtPdf", "PySide6.QtPdfWidgets", "certifi", "keyring.backends.fail"):
        assert module in modules, module
    if sys.platform.startswith("linux"):
        # The keyring backend "remember me" needs; keyring would silently do without it.
        assert {"keyring.backends.SecretService", "secretstorage"} <= modules
    # Built-in and interpreter start-up modules are not the bundle's business.
    assert "sys" not in modules and "site" not in modules
    assert not any(m == "server" or m.startswith("server.") for m in modules)
    _missing, on_purpose = missing_modules(modules, set(), left_out=EXCLUDED_MODULES)
    assert {m.split(".")[0] for m in on_purpose} <= {"click", "pygments", "rich"}
