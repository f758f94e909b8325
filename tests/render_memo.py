"""The demo templates' finance PDFs rendered once per test run.

Every template of the suite (the server's SQLite and PostgreSQL demo, the end-to-end demo, in
each pytest-xdist worker) publishes the documents of the demo logins' families, and rendering
those ~80 PDFs is most of a template's build. A document's fingerprint covers everything on
it (server/finance/documents.py), so a PDF made for one template is the PDF of every other
template with the same fingerprint: the first build stores it in a folder the run's workers
share, the others read it. Tests that render a document themselves are not touched.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from server.finance import publication


def memo_folder(factory: pytest.TempPathFactory) -> Path:
    """One folder per test run, shared by its xdist workers (each has its own base temp
    folder under the run's)."""
    base = factory.getbasetemp()
    folder = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "pdf-memo"
    folder.mkdir(exist_ok=True)
    return folder


@contextlib.contextmanager
def rendered_once(folder: Path) -> Iterator[None]:
    render = publication.render

    def remembered(document: publication.PlannedDocument) -> bytes:
        path = folder / f"{document.fingerprint}.pdf"
        with contextlib.suppress(FileNotFoundError):
            return path.read_bytes()
        content = render(document)
        partial = path.with_name(f"{path.name}.{os.getpid()}.part")
        partial.write_bytes(content)
        partial.replace(path)  # a worker reading at the same time sees all of it or nothing
        return content

    publication.render = remembered
    try:
        yield
    finally:
        publication.render = render
