"""Records of the finance API: invoices, jaaropgaven, contracts (as PDF documents) and tariffs.

Shape: docs/api.md ("Finance"). One :class:`FinanceOverview` is what ``GET /finance`` answers;
it has ``to_json`` so the offline cache keeps it exactly as the server sent it. Every document
carries the SHA-256 of its PDF: the client downloads a document only when no verified copy with
that hash is on disk, and the hash doubles as the name of the cached file.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from desktop.api.core.fields import (
    Json,
    as_int,
    as_optional_int,
    as_optional_str,
    as_sha256,
    as_str,
)

__all__ = [
    "DocumentKind",
    "FinanceAccess",
    "FinanceDocument",
    "FinanceOverview",
    "Tariff",
]

class DocumentKind(StrEnum):
    INVOICE = "invoice"
    JAAROPGAVE = "jaaropgave"
    CONTRACT = "contract"


class FinanceAccess(StrEnum):
    """Whether this user may see the family's documents."""

    GRANTED = "granted"
    #: documents exist but only the primary parent (``primary_parent_name``) may see them
    PRIMARY_PARENT_ONLY = "primary_parent_only"
    #: staff and others without a family: no documents at all
    NONE = "none"


@dataclass(frozen=True)
class FinanceDocument:
    """One PDF the primary parent may download: an invoice, a jaaropgave or a contract.

    ``period`` is what the document is about ("2026-10" for an invoice, "2025" for a
    jaaropgave, "2025-01-01 – 2026-12-31" style text for a contract); ``year`` serves the year
    filter. ``amount_cents`` and ``status`` are None where they do not apply.
    """

    id: str
    kind: DocumentKind
    number: str
    period: str
    year: int
    child_name: str | None
    care_type: str | None
    amount_cents: int | None
    status: str | None
    sha256: str
    size: int
    url: str

    @property
    def span(self) -> tuple[date, date | None]:
        """The days the document is about: an invoice's month, a jaaropgave's year, a
        contract's term (end None: the contract has no end date). A period in a shape this
        version does not know counts as the document's whole year."""
        whole_year = (date(self.year, 1, 1), date(self.year, 12, 31))
        try:
            if self.kind is DocumentKind.CONTRACT:
                start, _, end = (part.strip() for part in self.period.partition("–"))
                return date.fromisoformat(start), date.fromisoformat(end) if end else None
            if self.kind is DocumentKind.INVOICE:
                year, month = (int(part) for part in self.period.split("-"))
                following = date(year + month // 12, month % 12 + 1, 1)
                return date(year, month, 1), following - timedelta(days=1)
        except ValueError:
            return whole_year
        return whole_year

    @property
    def blob_name(self) -> str:
        # Content-addressed: a changed document gets a new file, an unchanged one is kept.
        return f"finance-{self.sha256}.pdf"

    @classmethod
    def from_json(cls, data: Json) -> FinanceDocument:
        return cls(
            id=str(data["id"]),
            kind=DocumentKind(as_str(data["kind"])),
            number=as_optional_str(data.get("number")) or "",
            period=as_str(data["period"]),
            year=as_int(data["year"]),
            child_name=as_optional_str(data.get("child_name")),
            care_type=as_optional_str(data.get("care_type")),
            amount_cents=as_optional_int(data.get("amount_cents")),
            status=as_optional_str(data.get("status")),
            sha256=as_sha256(data["sha256"]),
            size=as_int(data["size"]),
            url=as_str(data["url"]),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind.value,
            "number": self.number,
            "period": self.period,
            "year": self.year,
            "child_name": self.child_name,
            "care_type": self.care_type,
            "amount_cents": self.amount_cents,
            "status": self.status,
            "sha256": self.sha256,
            "size": self.size,
            "url": self.url,
        }


@dataclass(frozen=True)
class Tariff:
    """The hourly rate of one care type in one year, with that year's maximum for the toeslag."""

    year: int
    care_type: str
    hourly_rate_cents: int
    max_hourly_rate_cents: int | None

    @property
    def above_maximum(self) -> bool:
        return (self.max_hourly_rate_cents is not None
                and self.hourly_rate_cents > self.max_hourly_rate_cents)

    @classmethod
    def from_json(cls, data: Json) -> Tariff:
        return cls(
            year=as_int(data["year"]),
            care_type=as_str(data["care_type"]),
            hourly_rate_cents=as_int(data["hourly_rate_cents"]),
            max_hourly_rate_cents=as_optional_int(data.get("max_hourly_rate_cents")),
        )

    def to_json(self) -> dict[str, Any]:
        return {"year": self.year, "care_type": self.care_type,
                "hourly_rate_cents": self.hourly_rate_cents,
                "max_hourly_rate_cents": self.max_hourly_rate_cents}


@dataclass(frozen=True)
class FinanceOverview:
    """``GET /finance``: what this user may see, the documents and the tariffs, with a cursor.

    ``preparing``: the portal is still making some documents (new or changed ones); they
    follow in a later sync."""

    access: FinanceAccess
    primary_parent_name: str | None
    documents: tuple[FinanceDocument, ...]
    tariffs: tuple[Tariff, ...]
    cursor: str
    preparing: bool = False

    def of_kind(self, kind: DocumentKind) -> list[FinanceDocument]:
        return [d for d in self.documents if d.kind is kind]

    @classmethod
    def from_json(cls, data: Json) -> FinanceOverview:
        return cls(
            access=FinanceAccess(as_str(data["access"])),
            primary_parent_name=as_optional_str(data.get("primary_parent_name")),
            documents=tuple(FinanceDocument.from_json(d) for d in data.get("documents") or ()),
            tariffs=tuple(Tariff.from_json(t) for t in data.get("tariffs") or ()),
            cursor=as_str(data.get("cursor") or ""),
            preparing=data.get("preparing") is True,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "access": self.access.value,
            "primary_parent_name": self.primary_parent_name,
            "documents": [d.to_json() for d in self.documents],
            "tariffs": [t.to_json() for t in self.tariffs],
            "cursor": self.cursor,
            "preparing": self.preparing,
        }
