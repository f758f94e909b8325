"""Finance: tariffs, the family's payment details, invoices with lines, and generated PDFs."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from server.models.base import Base, UtcDateTime, str_enum
from server.models.enums import CareType


class PaymentMethod(StrEnum):
    DIRECT_DEBIT = "direct_debit"
    TRANSFER = "transfer"


class InvoiceStatus(StrEnum):
    OPEN = "open"
    PAID = "paid"


class InvoiceLineKind(StrEnum):
    CONTRACT = "contract"
    EXTRA_DAY = "extra_day"


class Tariff(Base):
    """The organisation's hourly rate for one care type in one calendar year."""

    __tablename__ = "tariff"
    __table_args__ = (
        UniqueConstraint("organisation_id", "year", "care_type", name="uq_tariff_year_type"),
        CheckConstraint("hourly_rate_cents > 0", name="rate_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    year: Mapped[int]
    care_type: Mapped[CareType] = mapped_column(str_enum(CareType, "care_type"))
    hourly_rate_cents: Mapped[int]


class FamilyBilling(Base):
    """How a family pays: direct debit under a SEPA mandate, or by bank transfer."""

    __tablename__ = "family_billing"

    family_id: Mapped[int] = mapped_column(ForeignKey("family.id"), primary_key=True)
    payment_method: Mapped[PaymentMethod] = mapped_column(str_enum(PaymentMethod,
                                                                   "payment_method"))
    iban: Mapped[str | None] = mapped_column(String(34))
    mandate_reference: Mapped[str | None] = mapped_column(String(35))
    mandate_signed_on: Mapped[date | None]


class Invoice(Base):
    """One family's invoice for one month of care (`period_year`/`period_month`)."""

    __tablename__ = "invoice"
    __table_args__ = (
        UniqueConstraint("family_id", "period_year", "period_month",
                         name="uq_invoice_family_period"),
        CheckConstraint("period_month BETWEEN 1 AND 12", name="period_month_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    family_id: Mapped[int] = mapped_column(ForeignKey("family.id"), index=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    period_year: Mapped[int]
    period_month: Mapped[int]
    invoice_date: Mapped[date]
    due_date: Mapped[date]
    payment_method: Mapped[PaymentMethod] = mapped_column(str_enum(PaymentMethod,
                                                                   "payment_method"))
    mandate_reference: Mapped[str | None] = mapped_column(String(35))
    status: Mapped[InvoiceStatus] = mapped_column(str_enum(InvoiceStatus, "invoice_status"))
    paid_on: Mapped[date | None]
    total_cents: Mapped[int]
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)

    lines: Mapped[list[InvoiceLine]] = relationship(
        back_populates="invoice", cascade="all, delete-orphan", order_by="InvoiceLine.position")


class InvoiceLine(Base):
    """One contract's care in the month, or one invoiced extra day-part."""

    __tablename__ = "invoice_line"

    id: Mapped[int] = mapped_column(primary_key=True)
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoice.id", ondelete="CASCADE"),
                                            index=True)
    position: Mapped[int]
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id"), index=True)
    # An invoice outlives the contract row: the line keeps its location and care type itself.
    contract_id: Mapped[int | None] = mapped_column(
        ForeignKey("contract.id", ondelete="SET NULL"))
    location_id: Mapped[int] = mapped_column(ForeignKey("location.id"))
    kind: Mapped[InvoiceLineKind] = mapped_column(str_enum(InvoiceLineKind, "invoice_line_kind"))
    care_type: Mapped[CareType] = mapped_column(str_enum(CareType, "care_type"))
    description: Mapped[str] = mapped_column(String(200))
    first_date: Mapped[date]
    last_date: Mapped[date]
    minutes: Mapped[int]
    hourly_rate_cents: Mapped[int]
    amount_cents: Mapped[int]
    # An extra day-part is invoiced once: the unique item id guards against a second invoice.
    extra_day_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("extra_day_item.id"), unique=True)

    invoice: Mapped[Invoice] = relationship(back_populates="lines")


class StoredDocument(Base):
    """A published finance PDF: what the listing shows of it, and where its bytes are.

    Made off the request path by server.finance.publication, once per version of its data:
    `fingerprint` is the hash of the data the PDF was made from, and the PDF is made again only
    when that changes (an invoice is paid, a contract ends). The bytes live in the blob store
    under `blob_key`; `sha256` and `size` describe exactly those bytes, so a listing, an ETag
    check or a Range request never reads them.
    """

    __tablename__ = "finance_document"
    __table_args__ = (Index("ix_finance_document_family_position", "family_id", "position"),)

    # The document id of the API: "invoice-12", "jaaropgave-3-2025", "contract-7".
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    family_id: Mapped[int] = mapped_column(ForeignKey("family.id"))
    # The listing's order: invoices newest first, then jaaropgaven, then contracts.
    position: Mapped[int]
    kind: Mapped[str] = mapped_column(String(16))
    number: Mapped[str] = mapped_column(String(20))
    period: Mapped[str] = mapped_column(String(40))
    year: Mapped[int]
    child_name: Mapped[str | None] = mapped_column(String(100))
    care_type: Mapped[str | None] = mapped_column(String(24))
    amount_cents: Mapped[int | None]
    status: Mapped[str | None] = mapped_column(String(16))
    fingerprint: Mapped[str] = mapped_column(String(64))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int]
    blob_key: Mapped[str] = mapped_column(String(300))
    published_at: Mapped[datetime] = mapped_column(UtcDateTime)


class DocumentPublication(Base):
    """A family whose finance documents must be published (again).

    Whatever changes the data on a family's documents (the billing run, a payment, a contract
    that ends, the turn of the year for jaaropgaven) records this in its own transaction; a
    publisher (server.finance.publisher) takes the row, renders what changed and deletes the
    row — unless the family was asked for again meanwhile (`requested_at` moved on)."""

    __tablename__ = "finance_publication"

    family_id: Mapped[int] = mapped_column(
        ForeignKey("family.id", ondelete="CASCADE"), primary_key=True)
    requested_at: Mapped[datetime] = mapped_column(UtcDateTime)
    # A listing of the family found it waiting: publish it before the others.
    wanted_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    # A publisher is at work on it since then; another one takes over after a lease.
    claimed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
