"""The layering rules of docs/architecture.md, checked on the source so they hold by test, not hope.

- desktop/api and desktop/cache are plain Python: no Qt, no qasync, no upper desktop layers.
- desktop/services use QtCore but no widgets, and never views.
- desktop/models never import views or widgets.
- desktop/views never reach the network or a database (not even desktop.api's records: they
  come through desktop.models.records) and have no `async def`.
- server and desktop do not import each other; the one exception is desktop/demo.py, which
  imports the server lazily (inside a function) so the parents' installer can leave it out.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Import:
    module: str
    line: int
    top_level: bool  # False when the import sits inside a function (a lazy import)


def imports_of(path: Path) -> list[Import]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[Import] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Import):
                found.extend(Import(a.name, child.lineno, not in_function) for a in child.names)
            elif isinstance(child, ast.ImportFrom) and child.module and child.level == 0:
                found.append(Import(child.module, child.lineno, not in_function))
                found.extend(
                    Import(f"{child.module}.{a.name}", child.lineno, not in_function)
                    for a in child.names
                )
            is_function = isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            visit(child, in_function or is_function)

    visit(tree, False)
    return found


def is_within(module: str, prefix: str) -> bool:
    return module == prefix or module.startswith(prefix + ".")


def sources(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


# (layer folder, banned module prefixes)
RULES = [
    ("desktop/api", ["PySide6", "qasync", "desktop.services", "desktop.models",
                     "desktop.views", "desktop.app", "server"]),
    ("desktop/cache", ["PySide6", "qasync", "desktop.services", "desktop.models",
                       "desktop.views", "desktop.app", "server"]),
    ("desktop/services", ["PySide6.QtWidgets", "desktop.views", "desktop.models",
                          "desktop.app", "server"]),
    ("desktop/models", ["PySide6.QtWidgets", "desktop.views", "desktop.app", "server"]),
    # Views see records through desktop.models.records, never the network layer itself.
    ("desktop/views", ["desktop.api", "desktop.cache", "httpx", "sqlite3",
                       "desktop.app", "server"]),
    ("server", ["desktop", "PySide6", "qasync"]),
]


@pytest.mark.parametrize(("layer", "banned"), RULES, ids=[rule[0] for rule in RULES])
def test_layer_imports_only_what_it_may(layer: str, banned: list[str]) -> None:
    violations = [
        f"{path.relative_to(ROOT)}:{imp.line} imports {imp.module}"
        for path in sources(layer)
        for imp in imports_of(path)
        if any(is_within(imp.module, prefix) for prefix in banned)
    ]
    assert not violations, "\n".join(violations)


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


def test_the_checker_sees_imports_it_must_refuse(tmp_path: Path) -> None:
    # Guards the guard: a checker that finds nothing would pass every rule above.
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import httpx\nfrom PySide6.QtWidgets import QWidget\n"
        "def later():\n    from server import embedded\n",
        encoding="utf-8",
    )
    found = {(imp.module, imp.top_level) for imp in imports_of(sample)}
    assert ("httpx", True) in found
    assert ("PySide6.QtWidgets.QWidget", True) in found
    assert ("server.embedded", False) in found
