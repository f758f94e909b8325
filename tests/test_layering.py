"""The layering rules of docs/architecture.md, checked on the source so they hold by test, not hope.

- desktop/api and desktop/cache are plain Python: no Qt, no qasync, no upper desktop layers.
- desktop/services use QtCore but no widgets, and never views or models.
- desktop/models never import views or widgets.
- desktop/views never reach the network or a database (not even desktop.api's records: they
  come through desktop.models.shared.records) and have no `async def`.
- Inside views and models, a feature (a folder, or a module of its own) imports only itself and
  the layer's ``shared`` place; ``shared`` imports no feature. Only the main window's shell
  (``main_window``, ``sections``) brings the features together.
- server and desktop do not import each other; the one exception is desktop/demo.py, which
  imports the server lazily (inside a function) so the parents' installer can leave it out.
- No module is longer than 400 lines unless its docstring (or top comment) says why it is one
  piece.
- Every dialog and wizard of desktop/views builds on the lock's base classes
  (``desktop/views/shared/lock_guard.py``; docs/architecture.md, "The lock covers every
  window"): no class there subclasses a Qt dialog, wizard or main window directly, except the
  two windows outside the lock (the main window, which shows the lock screen, and the login
  window).

Relative imports (``from ..api import client``) are resolved before any rule is checked.
"""

from __future__ import annotations

import ast
import io
import tokenize
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MAX_LINES = 400


@dataclass(frozen=True)
class Import:
    module: str
    line: int
    top_level: bool  # False when the import sits inside a function (a lazy import)


def module_name(path: Path, root: Path = ROOT) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _absolute(path: Path, root: Path, node: ast.ImportFrom) -> str:
    """The module an ``ImportFrom`` means, relative ones resolved against ``path``'s package."""
    if node.level == 0:
        return node.module or ""
    package = module_name(path, root).split(".")
    if path.name != "__init__.py":
        package.pop()  # a module's package is its folder
    base = package[: len(package) - (node.level - 1)] if node.level > 1 else package
    return ".".join([*base, node.module] if node.module else base)


def imports_of(path: Path, root: Path = ROOT) -> list[Import]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[Import] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Import):
                found.extend(Import(a.name, child.lineno, not in_function) for a in child.names)
            elif isinstance(child, ast.ImportFrom):
                module = _absolute(path, root, child)
                found.append(Import(module, child.lineno, not in_function))
                found.extend(
                    Import(f"{module}.{a.name}", child.lineno, not in_function)
                    for a in child.names
                )
            is_function = isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            visit(child, in_function or is_function)

    visit(tree, False)
    return found


def is_within(module: str, prefix: str) -> bool:
    return module == prefix or module.startswith(prefix + ".")


def sources(package: str, root: Path = ROOT) -> list[Path]:
    return sorted(p for p in (root / package).rglob("*.py") if "__pycache__" not in p.parts)


# (layer folder, banned module prefixes)
RULES = [
    ("desktop/api", ["PySide6", "qasync", "desktop.services", "desktop.models",
                     "desktop.views", "desktop.app", "desktop.wiring", "server"]),
    ("desktop/cache", ["PySide6", "qasync", "desktop.services", "desktop.models",
                       "desktop.views", "desktop.app", "desktop.wiring", "server"]),
    ("desktop/services", ["PySide6.QtWidgets", "desktop.views", "desktop.models",
                          "desktop.app", "desktop.wiring", "server"]),
    ("desktop/models", ["PySide6.QtWidgets", "desktop.views", "desktop.app", "desktop.wiring",
                        "server"]),
    # Views see records through desktop.models.shared.records, never the network layer itself.
    ("desktop/views", ["desktop.api", "desktop.cache", "httpx", "sqlite3",
                       "desktop.app", "desktop.wiring", "server"]),
    ("server", ["desktop", "PySide6", "qasync"]),
]


def layer_violations(layer: str, banned: list[str], root: Path = ROOT) -> list[str]:
    return [
        f"{path.relative_to(root)}:{imp.line} imports {imp.module}"
        for path in sources(layer, root)
        for imp in imports_of(path, root)
        if any(is_within(imp.module, prefix) for prefix in banned)
    ]


@pytest.mark.parametrize(("layer", "banned"), RULES, ids=[rule[0] for rule in RULES])
def test_layer_imports_only_what_it_may(layer: str, banned: list[str]) -> None:
    violations = layer_violations(layer, banned)
    assert not violations, "\n".join(violations)


# --- features inside a layer ------------------------------------------------------------------

SHARED = "shared"
#: Per layer, the modules that bring the features together (the main window and its table).
SHELL = {"desktop/views": {"main_window", "sections"}, "desktop/models": set()}


def feature_of(module: str, package: str) -> str | None:
    """The feature of ``module`` inside ``package`` (``desktop.views.agenda.page`` → agenda);
    None for the package itself."""
    if not is_within(module, package) or module == package:
        return None
    return module[len(package) + 1:].split(".")[0]


def feature_violations(layer: str, root: Path = ROOT) -> list[str]:
    package = layer.replace("/", ".")
    shell = SHELL[layer]
    violations = []
    for path in sources(layer, root):
        own = feature_of(module_name(path, root), package)
        if own is None or own in shell:
            continue
        for imp in imports_of(path, root):
            other = feature_of(imp.module, package)
            if other is None or other == own or other == SHARED:
                continue
            why = "the shared place" if own == SHARED else "another feature"
            violations.append(f"{path.relative_to(root)}:{imp.line} ({why}) imports {imp.module}")
    return violations


@pytest.mark.parametrize("layer", sorted(SHELL))
def test_a_feature_uses_only_itself_and_the_shared_place(layer: str) -> None:
    violations = feature_violations(layer)
    assert not violations, "\n".join(violations)


# --- the rest ---------------------------------------------------------------------------------


def test_desktop_imports_the_server_only_lazily_in_the_demo_launcher() -> None:
    violations = []
    for path in sources("desktop"):
        for imp in imports_of(path):
            if not is_within(imp.module, "server"):
                continue
            allowed = path == ROOT / "desktop" / "demo.py" and not imp.top_level
            if not allowed:
                violations.append(f"{path.relative_to(ROOT)}:{imp.line} imports {imp.module}")
    assert not violations, "\n".join(violations)


def test_views_have_no_async_code() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}:{node.lineno} async def {node.name}"
        for path in sources("desktop/views")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.AsyncFunctionDef)
    ]
    assert not offenders, "\n".join(offenders)


#: Qt's window classes a view may not build on directly, and the modules that may.
QT_WINDOW_BASES = {"QDialog", "QWizard", "QMainWindow", "QMessageBox", "QFileDialog",
                   "QProgressDialog", "QInputDialog", "QPrintDialog"}
OUTSIDE_THE_LOCK = {"desktop/views/shared/lock_guard.py", "desktop/views/main_window.py"}


def windows_outside_the_lock(root: Path = ROOT) -> list[str]:
    offenders = []
    for path in sources("desktop/views", root):
        if path.relative_to(root).as_posix() in OUTSIDE_THE_LOCK:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ClassDef):
                continue
            bases = {base.id if isinstance(base, ast.Name) else getattr(base, "attr", "")
                     for base in node.bases}
            if bases & QT_WINDOW_BASES:
                offenders.append(f"{path.relative_to(root)}:{node.lineno} class {node.name} "
                                 f"builds on {', '.join(sorted(bases & QT_WINDOW_BASES))}: "
                                 "use SessionDialog or SessionWizard")
    return offenders


def test_every_dialog_builds_on_the_lock_base_classes() -> None:
    offenders = windows_outside_the_lock()
    assert not offenders, "\n".join(offenders)


def top_text(path: Path) -> str:
    """The module docstring and the comments before the first statement."""
    text = path.read_text(encoding="utf-8")
    comments = []
    for token in tokenize.generate_tokens(io.StringIO(text).readline):
        if token.type == tokenize.COMMENT:
            comments.append(token.string)
        elif token.type not in (tokenize.NL, tokenize.NEWLINE, tokenize.ENCODING):
            break
    return "\n".join(comments) + "\n" + (ast.get_docstring(ast.parse(text)) or "")


def long_modules(paths: list[Path], root: Path = ROOT) -> list[str]:
    too_long = []
    for path in paths:
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_LINES and "one piece" not in top_text(path).lower():
            too_long.append(f"{path.relative_to(root)}: {lines} lines, and no word on why it "
                            f"is one piece")
    return too_long


def project_sources() -> list[Path]:
    # Alembic writes one revision per file; its length is the schema's, not a design choice.
    return [p for folder in ("desktop", "server", "tests", "benchmarks", "scripts")
            for p in sources(folder) if "migrations" not in p.parts]


def test_a_long_module_says_why_it_is_one_piece() -> None:
    too_long = long_modules(project_sources())
    assert not too_long, "\n".join(too_long)


# --- guards of the guards: a checker that finds nothing would pass every rule above ------------


def test_the_checker_sees_imports_it_must_refuse(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import httpx\nfrom PySide6.QtWidgets import QWidget\n"
        "def later():\n    from server import embedded\n",
        encoding="utf-8",
    )
    found = {(imp.module, imp.top_level) for imp in imports_of(sample, tmp_path)}
    assert ("httpx", True) in found
    assert ("PySide6.QtWidgets.QWidget", True) in found
    assert ("server.embedded", False) in found


def write(root: Path, relative: str, text: str = "") -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_relative_imports_are_resolved_and_checked(tmp_path: Path) -> None:
    view = write(tmp_path, "desktop/views/agenda/page.py",
                 "from ...api import client\nfrom . import legend\n"
                 "from ..shared.theme import mark\n")
    write(tmp_path, "desktop/views/__init__.py")
    modules = {imp.module for imp in imports_of(view, tmp_path)}
    assert {"desktop.api", "desktop.api.client", "desktop.views.agenda.legend",
            "desktop.views.shared.theme.mark"} <= modules
    violations = layer_violations("desktop/views", ["desktop.api"], tmp_path)
    assert violations == ["desktop/views/agenda/page.py:1 imports desktop.api",
                          "desktop/views/agenda/page.py:1 imports desktop.api.client"]


def test_relative_imports_in_a_package_start_from_the_package_itself(tmp_path: Path) -> None:
    # In a package's __init__.py "." is that package, not its parent.
    package = write(tmp_path, "desktop/views/agenda/__init__.py",
                    "from .page import AgendaPage\nfrom ..shared import theme\n")
    modules = {imp.module for imp in imports_of(package, tmp_path)}
    assert {"desktop.views.agenda.page", "desktop.views.agenda.page.AgendaPage",
            "desktop.views.shared", "desktop.views.shared.theme"} == modules


def test_a_view_may_not_reach_into_another_feature(tmp_path: Path) -> None:
    write(tmp_path, "desktop/views/agenda/page.py",
          "from desktop.views.agenda.legend import Legend\n"
          "from desktop.views.shared.theme import mark\n"
          "from desktop.views.finance.page import FinancePage\n"
          "from ..account import AccountPage\n")
    write(tmp_path, "desktop/views/shared/theme.py", "from desktop.views.overview import X\n")
    write(tmp_path, "desktop/views/sections.py", "from desktop.views.finance.page import P\n")
    write(tmp_path, "desktop/views/account.py", "from desktop.views.shared import theme\n")
    assert feature_violations("desktop/views", tmp_path) == [
        "desktop/views/agenda/page.py:3 (another feature) imports desktop.views.finance.page",
        "desktop/views/agenda/page.py:3 (another feature) imports "
        "desktop.views.finance.page.FinancePage",
        "desktop/views/agenda/page.py:4 (another feature) imports desktop.views.account",
        "desktop/views/agenda/page.py:4 (another feature) imports "
        "desktop.views.account.AccountPage",
        "desktop/views/shared/theme.py:1 (the shared place) imports desktop.views.overview",
        "desktop/views/shared/theme.py:1 (the shared place) imports desktop.views.overview.X",
    ]


def test_only_long_modules_without_a_reason_are_refused(tmp_path: Path) -> None:
    body = "x = 1\n"
    at_limit = write(tmp_path, "at_limit.py", '"""Short enough."""\n' + body * (MAX_LINES - 1))
    over = write(tmp_path, "over.py", '"""Too long."""\n' + body * MAX_LINES)
    explained = write(tmp_path, "explained.py",
                      '"""One piece on purpose: a state machine."""\n' + body * MAX_LINES)
    commented = write(tmp_path, "commented.py",
                      "# One piece: the whole table.\n" + body * MAX_LINES)
    assert long_modules([at_limit, over, explained, commented], tmp_path) == [
        f"over.py: {MAX_LINES + 1} lines, and no word on why it is one piece"]


def test_a_dialog_that_bypasses_the_lock_is_found(tmp_path: Path) -> None:
    write(tmp_path, "desktop/views/photos/viewer.py",
          "from PySide6 import QtWidgets\nfrom PySide6.QtWidgets import QDialog\n"
          "class PhotoViewer(QDialog):\n    pass\n"
          "class Slideshow(QtWidgets.QWizard):\n    pass\n"
          "class Fine(SessionDialog):\n    pass\n")
    assert windows_outside_the_lock(tmp_path) == [
        "desktop/views/photos/viewer.py:3 class PhotoViewer builds on QDialog: use "
        "SessionDialog or SessionWizard",
        "desktop/views/photos/viewer.py:5 class Slideshow builds on QWizard: use "
        "SessionDialog or SessionWizard",
    ]
