"""The fake portal with the finance endpoints of docs/api.md ("Finance"): an overview with a
cursor and PDFs served with ``Range``; it can drop a connection halfway or send damaged bytes."""

from __future__ import annotations

import hashlib
from collections.abc import AsyncIterator
from typing import Any

import httpx
from fake_portal import FakePortal, problem


def real_pdf(title: str, pages: int = 2) -> bytes:
    """A real, renderable PDF (fpdf2, the library the server uses) with ``pages`` pages."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=14)
    for page in range(1, pages + 1):
        pdf.add_page()
        pdf.cell(0, 10, f"{title} - pagina {page}")
    return bytes(pdf.output())


def pdf_bytes(label: str, size: int = 40_000) -> bytes:
    """Bytes that start like a PDF; the service never parses them, only hashes them."""
    head = f"%PDF-1.4\n% {label}\n".encode()
    return head + bytes((i * 7 + len(label)) % 251 for i in range(size - len(head)))


class _PiecesStream(httpx.AsyncByteStream):
    """Sends the data in 8 KiB pieces, as a network would; with ``keep``, only that many bytes
    and then fails like a connection that was cut."""

    def __init__(self, data: bytes, keep: int | None = None) -> None:
        self._data = data
        self._keep = keep

    async def __aiter__(self) -> AsyncIterator[bytes]:
        end = len(self._data) if self._keep is None else min(self._keep, len(self._data))
        sent = 0
        while sent < end:
            piece = self._data[sent:min(end, sent + 8192)]
            sent += len(piece)
            yield piece
        if self._keep is not None:
            raise httpx.ReadError("connection reset by peer")


class FinancePortal(FakePortal):
    """``documents`` maps id → (json without hash/size/url, bytes).

    ``drop_after`` cuts the next document download after that many bytes; ``corrupt`` is the
    number of downloads still to be answered with damaged bytes; ``access`` and
    ``primary_parent_name`` shape the overview.
    """

    def __init__(self) -> None:
        super().__init__()
        self.access = "granted"
        self.finance_unreachable = False  # only the finance calls fail (as if offline)
        self.primary_parent_name: str | None = "Sanne de Vries"
        self.documents: dict[str, tuple[dict[str, Any], bytes]] = {}
        self.tariffs = [
            {"year": 2026, "care_type": "KDV", "hourly_rate_cents": 1150,
             "max_hourly_rate_cents": 1123},
            {"year": 2026, "care_type": "BSO", "hourly_rate_cents": 980,
             "max_hourly_rate_cents": 998},
            {"year": 2025, "care_type": "KDV", "hourly_rate_cents": 1071,
             "max_hourly_rate_cents": 1071},
        ]
        self.drop_after: int | None = None
        self.corrupt = 0
        self.range_headers: list[str | None] = []
        # While > 0, the overview leaves out the `held` documents and says "preparing" (the
        # server is still making them); one round fewer each time the overview is asked for.
        self.preparing_rounds = 0
        self.held: set[str] = set()

    def add(self, doc_id: str, kind: str, number: str, period: str, year: int, *,
            child_name: str | None = None, care_type: str | None = None,
            amount_cents: int | None = None, status: str | None = None,
            size: int = 40_000, data: bytes | None = None) -> bytes:
        data = pdf_bytes(doc_id, size) if data is None else data
        self.documents[doc_id] = ({"id": doc_id, "kind": kind, "number": number,
                                   "period": period, "year": year, "child_name": child_name,
                                   "care_type": care_type, "amount_cents": amount_cents,
                                   "status": status}, data)
        return data

    def add_demo_family(self) -> None:
        self.add("inv-1", "invoice", "F2026-00123", "2026-10", 2026, amount_cents=123456,
                 status="open", data=real_pdf("Factuur F2026-00123"))
        self.add("inv-2", "invoice", "F2026-00101", "2026-09", 2026, amount_cents=98700,
                 status="paid")
        self.add("inv-3", "invoice", "F2025-00980", "2025-12", 2025, amount_cents=87650,
                 status="paid")
        self.add("jo-1", "jaaropgave", "J2025-0001", "2025", 2025, child_name="Emma",
                 amount_cents=1051200)
        self.add("ct-1", "contract", "C-0001", "2024-01-01 – ", 2024, child_name="Emma",
                 care_type="KDV")

    @property
    def preparing(self) -> bool:
        return self.preparing_rounds > 0

    def _listed(self) -> dict[str, tuple[dict[str, Any], bytes]]:
        return {doc_id: document for doc_id, document in self.documents.items()
                if not (self.preparing and doc_id in self.held)}

    @property
    def cursor(self) -> str:
        digest = hashlib.sha256()
        for doc_id, (meta, data) in sorted(self._listed().items()):
            digest.update(f"{doc_id}{meta}{hashlib.sha256(data).hexdigest()}".encode())
        digest.update(f"{self.access}{self.tariffs}{self.preparing}".encode())
        return digest.hexdigest()[:16]

    def overview(self) -> dict[str, Any]:
        granted = self.access == "granted"
        documents = [
            {**meta, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data),
             "url": f"/api/v1/finance/documents/{doc_id}"}
            for doc_id, (meta, data) in self._listed().items()
        ] if granted else []
        body = {"access": self.access, "primary_parent_name": self.primary_parent_name,
                "documents": documents, "tariffs": self.tariffs, "cursor": self.cursor,
                "preparing": self.preparing and granted}
        return body

    def _handle(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path.removeprefix("/api/v1")
        if not path.startswith("/finance") or self.down:
            return super()._handle(request)
        if self.finance_unreachable:
            raise httpx.ConnectError("connection refused", request=request)
        self.requests.append(request)
        if request.headers.get("authorization") != f"Bearer {self.valid_access}":
            return problem(401, "token_expired")
        if path == "/finance":
            if request.url.params.get("cursor") == self.cursor:
                answer = httpx.Response(200, json={"unchanged": True, "cursor": self.cursor})
            else:
                answer = httpx.Response(200, json=self.overview())
            self.preparing_rounds = max(0, self.preparing_rounds - 1)
            return answer
        doc_id = path.rsplit("/", 1)[1]
        if self.access != "granted":
            return problem(403, "finance_primary_parent_only")
        if doc_id not in self.documents:
            return problem(404, "not_found")
        return self._document(request, self.documents[doc_id][1])

    def _document(self, request: httpx.Request, data: bytes) -> httpx.Response:
        range_header = request.headers.get("range")
        self.range_headers.append(range_header)
        start = 0
        status = 200
        headers = {"content-type": "application/pdf", "accept-ranges": "bytes"}
        if range_header and range_header.startswith("bytes="):
            start = int(range_header.removeprefix("bytes=").split("-")[0])
            if start >= len(data):
                return httpx.Response(416, headers={"content-range": f"bytes */{len(data)}"})
            status = 206
            headers["content-range"] = f"bytes {start}-{len(data) - 1}/{len(data)}"
        body = data[start:]
        if self.corrupt > 0:
            self.corrupt -= 1
            body = bytes(b ^ 0xFF for b in body)
        headers["content-length"] = str(len(body))
        keep, self.drop_after = self.drop_after, None
        return httpx.Response(status, headers=headers, stream=_PiecesStream(body, keep))
